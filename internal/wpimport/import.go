// Package wpimport owns moving a WordPress site into Masthead: a streaming
// reader of WordPress eXtended RSS (WXR 1.0–1.2) exports that never holds
// more than one item in memory, the import of authors, categories, tags,
// posts, pages, attachments, comments and menus through the content and
// media services, the mapping from WordPress ids to ours that makes a second
// import change nothing, and the old WordPress URLs that redirect to the new
// ones. It must not run SQL or speak HTTP: the store and the web layer do.
package wpimport

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
)

// Mapping is what one WordPress item became.
type Mapping struct {
	Site     string
	Kind     string // author, category, tag, article, page, media, comment, menu
	Key      string
	TargetID int64
	Hash     string // of what was imported: a different hash means the export changed
	Meta     string // WordPress facts Masthead has no column for (JSON)
}

// Redirect is an old WordPress path and what it points to now.
type Redirect struct {
	Path     string // "/2013/01/10/hello/" or "?p=12"
	Kind     string // article, page, category, category_feed, tag, tag_feed, media, author, author_feed
	TargetID int64
}

// Store is what the import needs beyond the content store.
type Store interface {
	content.Store
	Editions(ctx context.Context) ([]edition.Edition, error)
	ImportMapping(ctx context.Context, site, kind, key string) (*Mapping, error)
	SaveImportMapping(ctx context.Context, m *Mapping) error
	// ImportKeys lists the WordPress ids of a site's items of one kind
	// that earlier imports recorded.
	ImportKeys(ctx context.Context, site, kind string) ([]string, error)
	Redirect(ctx context.Context, path string) (*Redirect, error)
	SaveRedirect(ctx context.Context, r *Redirect) error
	UpdateComment(ctx context.Context, c *content.Comment) error
	SetTranslationGroup(ctx context.Context, kind string, ids []int64) error
	// TargetExists reports whether the article or page (kind) a mapping
	// points at is still there, without loading it.
	TargetExists(ctx context.Context, kind string, id int64) (bool, error)
	// WithinBulkTx is WithinTx set up for writing many items: the same
	// store methods, with search text written in batches and look-ups
	// remembered while it lasts.
	WithinBulkTx(ctx context.Context, fn func(ctx context.Context) error) error
}

// Importer imports WordPress exports into one site.
type Importer struct {
	Store   Store
	Content *content.Service
	Media   *media.Service
	// Uploads is a local copy of the site's wp-content/uploads; without it
	// attachments are reported as skipped.
	Uploads string
	// Edition receives the content (the default edition when empty);
	// Polylang languages go to the edition of the same code.
	Edition string
	// CategoryBase and TagBase are the site's category and tag bases from
	// WordPress's Permalink settings ("topics", "news/label"), which the
	// export does not carry; empty means WordPress's defaults, category and
	// tag, unless the export's custom menu links show others (bases.go).
	CategoryBase string
	TagBase      string
	Now          func() time.Time
	// Progress, when set, hears about the work every ProgressEvery items
	// (500 by default) and at the end of each pass.
	Progress      func(Progress)
	ProgressEvery int
}

// Progress is how far the import is.
type Progress struct {
	Pass      int // 1: terms, authors and attachments; 2: posts, pages, comments, menus
	Bytes     int64
	Size      int64
	Items     int       // items read in this pass
	Started   time.Time // when this pass began
	Completed bool
}

// Skip is an item that was not imported, and why.
type Skip struct {
	Kind   string
	ID     string
	Title  string
	Line   int
	Reason string
}

// Summary reports an import.
type Summary struct {
	Site Site
	// Read counts what the export holds, by WordPress kind: authors,
	// categories, tags, terms, posts, pages, attachments, comments,
	// menu items and other items.
	Read map[string]int
	// Created, Updated and Unchanged count Masthead rows by kind.
	Created   map[string]int
	Updated   map[string]int
	Unchanged map[string]int
	Redirects int // old URLs added or changed
	// CategoryBase and TagBase are the bases the old category and tag
	// URLs were recorded under ("category", "topics").
	CategoryBase string
	TagBase      string
	Skipped      []Skip
	// Missing lists, by kind (article, page), the WordPress ids an earlier
	// import brought in that this export no longer holds: deleted in
	// WordPress, or left out of a partial export. They stay in Masthead.
	Missing map[string][]string
	Notes   []string
	// Lenient is set when the file needed repairs WordPress's own importer
	// makes (control characters, nested CDATA).
	Lenient       bool
	RepairedCDATA int
	Controls      int
	Changed       bool
	Elapsed       time.Duration
}

var errUnchanged = errors.New("wpimport: nothing changed")

// Import reads the export at path and imports it in one transaction: a
// broken file changes nothing. A file that is not well-formed XML is read
// again in lenient mode; if that fails too, the first error is returned.
func (imp *Importer) Import(ctx context.Context, file string) (*Summary, error) {
	start := time.Now()
	sum, err := imp.run(ctx, file, false)
	var fe *FormatError
	if errors.As(err, &fe) && fe.syntax {
		if sum2, err2 := imp.run(ctx, file, true); err2 == nil {
			sum, err = sum2, nil
		}
	}
	if err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func (imp *Importer) now() time.Time {
	if imp.Now != nil {
		return imp.Now()
	}
	return time.Now()
}

func (imp *Importer) run(ctx context.Context, file string, lenient bool) (*Summary, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("reading the export: %w", err)
	}
	staged := &stagingBlob{Blob: imp.Media.Blob}
	ms := &media.Service{Store: imp.Media.Store, Blob: staged, MaxSize: imp.Media.MaxSize, Now: imp.Media.Now}
	st := &state{imp: imp, media: ms, file: file, size: fi.Size(), lenient: lenient,
		sum:     &Summary{Read: map[string]int{}, Created: map[string]int{}, Updated: map[string]int{}, Unchanged: map[string]int{}},
		authors: map[string]int64{}, terms: map[string]*Term{}, cats: map[string]int64{}, catByTerm: map[int64]int64{}, tagByTerm: map[int64]int64{},
		tagNames: map[string]string{}, atts: map[int64]*media.Media{}, attByPath: map[string]*media.Media{},
		attByParent: map[int64][]int64{}, posts: map[int64]target{}, inExport: map[int64]bool{}, languages: map[string]string{}}
	err = imp.Store.WithinBulkTx(ctx, func(ctx context.Context) error {
		if err := st.setup(ctx); err != nil {
			return err
		}
		if err := st.pass(ctx, 1); err != nil {
			return err
		}
		if err := st.settleBases(ctx); err != nil {
			return err
		}
		if err := st.pass(ctx, 2); err != nil {
			return err
		}
		if err := st.finish(ctx); err != nil {
			return err
		}
		if !st.sum.Changed {
			// Roll back: nothing was written, and a commit would still
			// tell every cache that the site changed.
			return errUnchanged
		}
		return nil
	})
	if errors.Is(err, errUnchanged) {
		err = nil
	}
	if err != nil {
		staged.discard(context.WithoutCancel(ctx))
		return nil, err
	}
	st.sum.Lenient = lenient
	return st.sum, nil
}

type target struct {
	kind string // article or page
	id   int64
}

// state is one import run. Its maps hold ids, never content: memory grows
// with the number of items by a few dozen bytes each.
type state struct {
	imp     *Importer
	media   *media.Service
	file    string
	size    int64
	lenient bool
	sum     *Summary
	site    string
	// editions
	defaultEdition string
	editions       map[string]*edition.Edition
	languages      map[string]string // Polylang language slug → edition code
	// channel
	authors      map[string]int64 // login → author id
	fallbackAuth int64
	terms        map[string]*Term // taxonomy + "\x00" + slug
	cats         map[string]int64 // edition + "\x00" + WordPress slug → category id
	catByTerm    map[int64]int64  // WordPress term id → category id (default edition)
	tagByTerm    map[int64]int64  // WordPress term id → tag id (default edition)
	tagNames     map[string]string
	translations []map[string]int64 // Polylang post_translations: language → post id
	// category and tag bases (bases.go)
	seenBases    map[string]map[string]int // kind → base → custom menu links under it
	pendingTerms []termRedirect
	basesSettled bool
	// items
	atts        map[int64]*media.Media // WordPress attachment id → media
	attByPath   map[string]*media.Media
	attByParent map[int64][]int64
	posts       map[int64]target
	inExport    map[int64]bool // every post and page id of the export, imported or skipped
	menuItems   []*Item
	outcome     outcome // of the last article or page
	items       int
	started     time.Time
}

func (st *state) setup(ctx context.Context) error {
	st.started = time.Now()
	list, err := st.imp.Store.Editions(ctx)
	if err != nil {
		return err
	}
	st.editions = map[string]*edition.Edition{}
	for i := range list {
		e := &list[i]
		st.editions[e.Code] = e
		if e.IsDefault {
			st.defaultEdition = e.Code
		}
	}
	if len(list) == 0 {
		return errors.New("the site has no edition yet; start it once (masthead serve) or load the demo first")
	}
	if st.defaultEdition == "" {
		st.defaultEdition = list[0].Code
	}
	if code := st.imp.Edition; code != "" {
		if st.editions[code] == nil {
			codes := make([]string, 0, len(list))
			for _, e := range list {
				codes = append(codes, e.Code)
			}
			sort.Strings(codes)
			return fmt.Errorf("--edition %q is not an edition of this site (it has: %s)", code, strings.Join(codes, ", "))
		}
		st.defaultEdition = code
	}
	_, _, err = CheckBases(st.imp.CategoryBase, st.imp.TagBase)
	return err
}

// countingReader counts the bytes read, for the progress bar; the reading
// goroutine counts, the storing one reports.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// parsed is one entity of the export as the reading goroutine hands it
// over, with what the reader knew at that point.
type parsed struct {
	v    any
	site Site // the channel's fields read so far
	line int
	err  error // the last one sent; io.EOF at the end
}

// readAhead is how many entities the reading goroutine may parse ahead of
// the storing one: enough to keep both cores busy, few enough that memory
// stays bounded by a handful of items.
const readAhead = 16

// read parses the export in a goroutine of its own and sends what it reads
// on the returned channel, which is closed after the last entity (or the
// first error), after prepare (when set) ran on it there. Closing stop
// makes it give up.
func read(rd *Reader, prepare func(any), stop <-chan struct{}) <-chan parsed {
	out := make(chan parsed, readAhead)
	go func() {
		defer close(out)
		for {
			v, err := rd.Next()
			if err == nil && prepare != nil {
				prepare(v)
			}
			p := parsed{v: v, err: err}
			if err == nil {
				p.site, p.line = rd.Site, rd.Line()
			}
			select {
			case out <- p:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out
}

func (st *state) pass(ctx context.Context, n int) error {
	f, err := os.Open(st.file)
	if err != nil {
		return fmt.Errorf("reading the export: %w", err)
	}
	defer f.Close()
	cr := &countingReader{r: f}
	rd := newReader(cr, st.lenient, n == 1, true)
	every := st.imp.ProgressEvery
	if every <= 0 {
		every = 500
	}
	// Counts and rate are per pass: the second pass reads the same items.
	st.items, st.started = 0, time.Now()
	report := func(done bool) {
		if st.imp.Progress != nil {
			st.imp.Progress(Progress{Pass: n, Bytes: cr.n.Load(), Size: st.size, Items: st.items, Started: st.started, Completed: done})
		}
	}
	// One goroutine parses while this one stores (two cores).
	stop := make(chan struct{})
	var prepare func(any)
	if n == 2 {
		// Attachments, the only state prepare reads, are all known now.
		prepare = st.prepare
	}
	entities := read(rd, prepare, stop)
	defer func() {
		close(stop)
		for range entities { // wait for the reader before the file closes
		}
	}()
	for p := range entities {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.err == io.EOF {
			break
		}
		if p.err != nil {
			return p.err
		}
		v := p.v
		if st.site == "" {
			st.sum.Site = p.site
			st.site = p.site.Key()
			if st.site == "" {
				return &FormatError{Line: p.line, Reason: "the export names no site (no <link>, <wp:base_site_url> or <title>)"}
			}
		}
		if n == 1 {
			err = st.first(ctx, v)
		} else if it, ok := v.(*Item); ok {
			err = st.second(ctx, it)
		}
		if err != nil {
			return err
		}
		if _, ok := v.(*Item); ok {
			st.items++
			if st.items%every == 0 {
				report(false)
			}
		}
	}
	if n == 1 {
		// The reader has finished (it sent io.EOF): its fields are final.
		st.sum.Controls, st.sum.RepairedCDATA = rd.Repairs()
		st.sum.Site = rd.Site
	}
	report(true)
	return nil
}

// first handles pass 1: channel entities and attachments, so that posts
// in pass 2 find every author, category and file they refer to.
func (st *state) first(ctx context.Context, v any) error {
	switch x := v.(type) {
	case *Author:
		st.sum.Read["authors"]++
		return st.author(ctx, x)
	case *Term:
		switch x.Element {
		case "category":
			st.sum.Read["categories"]++
		case "tag":
			st.sum.Read["tags"]++
		default:
			st.sum.Read["terms"]++
		}
		return st.term(ctx, x)
	case *Item:
		st.sum.Read["comments"] += len(x.Comments)
		switch x.Type {
		case "post":
			st.sum.Read["posts"]++
		case "page":
			st.sum.Read["pages"]++
		case "attachment":
			st.sum.Read["attachments"]++
			return st.attachment(ctx, x)
		case "nav_menu_item":
			st.sum.Read["menu items"]++
			st.observeMenuLink(x)
		default:
			st.sum.Read["other items"]++
		}
	}
	return nil
}

func (st *state) second(ctx context.Context, it *Item) error {
	switch it.Type {
	case "post", "page":
		return st.post(ctx, it)
	case "attachment":
		st.skipComments(it, "it is on an attachment; Masthead keeps comments on articles only")
		return nil
	case "nav_menu_item":
		if len(st.menuItems) >= maxMenuItems {
			st.skip("menu item", it, "the export holds more than 2,000 menu items; the rest were left out")
			return nil
		}
		// Menu items point at posts that may come later; they wait for
		// the end of the pass (menus are small).
		it.Content, it.Excerpt = "", ""
		st.menuItems = append(st.menuItems, it)
		return nil
	case "":
		st.skip("item", it, "it has no <wp:post_type>")
	default:
		st.skip(it.Type, it, fmt.Sprintf("Masthead has no %q content type", it.Type))
	}
	return nil
}

const maxMenuItems = 2000

func (st *state) skip(kind string, it *Item, reason string) {
	st.sum.Skipped = append(st.sum.Skipped, Skip{Kind: kind, ID: strconv.FormatInt(it.ID, 10), Title: it.Title, Line: it.Line, Reason: reason})
	st.skipComments(it, "its "+kind+" was skipped")
}

func (st *state) skipComments(it *Item, reason string) {
	for _, c := range it.Comments {
		st.sum.Skipped = append(st.sum.Skipped, Skip{Kind: "comment", ID: strconv.FormatInt(c.ID, 10), Title: it.Title, Line: it.Line, Reason: reason})
	}
}

func (st *state) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, n := range st.sum.Notes {
		if n == msg {
			return
		}
	}
	st.sum.Notes = append(st.sum.Notes, msg)
}

// hashOf fingerprints what an item imports as.
func hashOf(v any) string {
	b, _ := json.Marshal(v)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// rawJSON is a value already encoded as JSON, for hashList.
type rawJSON []byte

// hashList is hashOf([]any{vs...}), the same bytes hashed, with the
// elements given as rawJSON taken as they are (the reading goroutine
// encodes the bodies, the longest part, ahead).
func hashList(vs ...any) string {
	h := sha256.New()
	h.Write([]byte{'['})
	for i, v := range vs {
		if i > 0 {
			h.Write([]byte{','})
		}
		if r, ok := v.(rawJSON); ok {
			h.Write(r)
			continue
		}
		b, _ := json.Marshal(v)
		h.Write(b)
	}
	h.Write([]byte{']'})
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:16])
}

// preparedText is an item's body made ready on the reading goroutine.
type preparedText struct {
	body     string
	attached []int64
	bodyJSON rawJSON
}

// prepareText turns an item's content into the body it imports as (its
// shortcodes and links to uploaded files rewritten, paragraphs added) and
// lists the files its shortcodes attach. It reads only what the first
// pass recorded, so the second pass runs it on the reading goroutine.
func (st *state) prepareText(it *Item) (string, []int64) {
	body, attached := st.shortcodes(it)
	return prepareBody(st.rewriteUploads(body)), attached
}

// prepare readies a post or page on the reading goroutine.
func (st *state) prepare(v any) {
	it, ok := v.(*Item)
	if !ok || it.Type != "post" && it.Type != "page" {
		return
	}
	body, attached := st.prepareText(it)
	b, _ := json.Marshal(body)
	it.prep = &preparedText{body: body, attached: attached, bodyJSON: b}
}

// bodyJSON is body for hashList: encoded ahead when the reading goroutine
// prepared it.
func (it *Item) bodyJSON(body string) any {
	if it.prep != nil && it.prep.body == body {
		return it.prep.bodyJSON
	}
	return body
}

// mapping returns the previous import of an item (nil when new).
func (st *state) mapping(ctx context.Context, kind, key string) (*Mapping, error) {
	m, err := st.imp.Store.ImportMapping(ctx, st.site, kind, key)
	if errors.Is(err, content.ErrNotFound) {
		return nil, nil
	}
	return m, err
}

func (st *state) remember(ctx context.Context, kind, key string, id int64, hash, meta string) error {
	st.sum.Changed = true
	return st.imp.Store.SaveImportMapping(ctx, &Mapping{Site: st.site, Kind: kind, Key: key, TargetID: id, Hash: hash, Meta: meta})
}

func (st *state) count(kind string, prev *Mapping) {
	if prev == nil {
		st.sum.Created[kind]++
	} else {
		st.sum.Updated[kind]++
	}
}

// redirect points an old URL at a target, writing only when it changes.
func (st *state) redirect(ctx context.Context, p, kind string, id int64) error {
	if p == "" || p == "/" || id == 0 {
		return nil
	}
	old, err := st.imp.Store.Redirect(ctx, p)
	if err == nil && old.Kind == kind && old.TargetID == id {
		return nil
	}
	if err != nil && !errors.Is(err, content.ErrNotFound) {
		return err
	}
	st.sum.Redirects++
	st.sum.Changed = true
	return st.imp.Store.SaveRedirect(ctx, &Redirect{Path: p, Kind: kind, TargetID: id})
}

// redirectNew records an old URL of an item imported for the first time
// without reading first: an upsert is all it takes.
func (st *state) redirectNew(ctx context.Context, p, kind string, id int64) error {
	if p == "" || p == "/" || id == 0 {
		return nil
	}
	st.sum.Redirects++
	st.sum.Changed = true
	return st.imp.Store.SaveRedirect(ctx, &Redirect{Path: p, Kind: kind, TargetID: id})
}

// outcome is what happened to the last article or page.
type outcome int

const (
	unchanged outcome = iota
	created
	updated
)

// oldPath turns a WordPress URL into the path a request for it carries
// ("?p=12" for query links); "" when it is not a link into the site.
func oldPath(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || link == "" {
		return ""
	}
	q := u.Query()
	if u.Path == "" || u.Path == "/" {
		for _, k := range []string{"p", "page_id", "attachment_id"} {
			if v := q.Get(k); v != "" {
				return "?" + k + "=" + v
			}
		}
		return ""
	}
	return multiSlash.ReplaceAllString(u.Path, "/")
}

var multiSlash = regexp.MustCompile(`//+`)

// ---- authors and terms ----

func (st *state) author(ctx context.Context, a *Author) error {
	login := strings.TrimSpace(a.Login)
	if login == "" {
		return nil
	}
	name := strings.TrimSpace(a.DisplayName)
	if name == "" {
		name = strings.TrimSpace(a.FirstName + " " + a.LastName)
	}
	if name == "" {
		name = login
	}
	id, err := st.ensureAuthor(ctx, "login:"+login, name, content.Slugify(login))
	if err != nil {
		return err
	}
	st.authors[login] = id
	st.authors[content.Slugify(login)] = id
	return st.redirectAuthor(ctx, login, id)
}

func (st *state) redirectAuthor(ctx context.Context, login string, id int64) error {
	base := st.homeDir() + "/author/" + content.Slugify(login) + "/"
	if err := st.redirect(ctx, base, "author", id); err != nil {
		return err
	}
	return st.redirect(ctx, base+"feed/", "author_feed", id)
}

// ensureAuthor creates or updates the author a WordPress user becomes.
// Authors get no login account: the newsroom invites people it wants in
// the admin (docs/migrating-from-wordpress.md).
func (st *state) ensureAuthor(ctx context.Context, key, name, slug string) (int64, error) {
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	h := hashOf([]string{name, slug})
	prev, err := st.mapping(ctx, "author", key)
	if err != nil {
		return 0, err
	}
	if prev != nil {
		if _, _, err := st.imp.Store.AuthorByID(ctx, prev.TargetID); err == nil {
			if prev.Hash == h {
				st.sum.Unchanged["authors"]++
				return prev.TargetID, nil
			}
			a, profiles, err := st.imp.Store.AuthorByID(ctx, prev.TargetID)
			if err != nil {
				return 0, err
			}
			a.Name = name
			if err := st.imp.Content.SaveAuthor(ctx, a, profiles); err != nil {
				return 0, fmt.Errorf("author %q: %w", name, err)
			}
			st.count("authors", prev)
			return a.ID, st.remember(ctx, "author", key, a.ID, h, "")
		} else if !errors.Is(err, content.ErrNotFound) {
			return 0, err
		}
		prev = nil // deleted since: import it again
	}
	a := &content.Author{Name: name, Slug: slug}
	for i := 2; ; i++ {
		taken, err := st.imp.Store.AuthorSlugTaken(ctx, a.Slug, 0)
		if err != nil {
			return 0, err
		}
		if !taken {
			break
		}
		a.Slug = suffix(slug, i)
	}
	if err := st.imp.Content.SaveAuthor(ctx, a, nil); err != nil {
		return 0, fmt.Errorf("author %q: %w", name, err)
	}
	st.count("authors", nil)
	return a.ID, st.remember(ctx, "author", key, a.ID, h, "")
}

func suffix(slug string, n int) string {
	s := "-" + strconv.Itoa(n)
	r := []rune(slug)
	if len(r)+len(s) > 80 {
		r = r[:80-len(s)]
	}
	return strings.TrimRight(string(r), "-") + s
}

// authorFor finds (or makes) the author of an item.
func (st *state) authorFor(ctx context.Context, login string) (int64, error) {
	login = strings.TrimSpace(login)
	if login != "" {
		if id, ok := st.authors[login]; ok {
			return id, nil
		}
		// Broken exports spell a login with stray characters (">admin").
		if id, ok := st.authors[content.Slugify(login)]; ok {
			st.authors[login] = id
			return id, nil
		}
		// WXR 1.0 has no author list: the creator's login is all there is.
		id, err := st.ensureAuthor(ctx, "login:"+login, login, content.Slugify(login))
		if err != nil {
			return 0, err
		}
		st.authors[login] = id
		st.authors[content.Slugify(login)] = id
		return id, st.redirectAuthor(ctx, login, id)
	}
	if st.fallbackAuth == 0 {
		name := strings.TrimSpace(st.sum.Site.Title)
		if name == "" {
			name = "WordPress"
		}
		id, err := st.ensureAuthor(ctx, "site", name, content.Slugify(name))
		if err != nil {
			return 0, err
		}
		st.fallbackAuth = id
	}
	return st.fallbackAuth, nil
}

func wpSlug(s, fallback string) string {
	if d, err := url.PathUnescape(strings.TrimSpace(s)); err == nil {
		s = d
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if content.ValidSlug(s) {
		return s
	}
	if s == "" {
		s = fallback
	}
	return content.Slugify(s)
}

func (st *state) term(ctx context.Context, t *Term) error {
	t.Slug = strings.TrimSpace(t.Slug)
	t.Name = html.UnescapeString(strings.TrimSpace(t.Name))
	if t.Slug == "" && t.Name == "" {
		return nil
	}
	switch t.Taxonomy {
	case "category":
		st.terms["category\x00"+t.Slug] = t
		id, err := st.category(ctx, st.defaultEdition, t.Slug)
		if err != nil {
			return err
		}
		if t.ID != 0 {
			st.catByTerm[t.ID] = id
		}
		return nil
	case "post_tag":
		st.tagNames[t.Slug] = t.Name
		tag, err := st.imp.Store.TagBySlug(ctx, st.defaultEdition, content.Slugify(t.Name))
		if errors.Is(err, content.ErrNotFound) {
			var created content.Tag
			created, err = st.imp.Store.EnsureTag(ctx, st.defaultEdition, t.Name, content.Slugify(t.Name))
			if err == nil {
				st.sum.Changed = true
				st.sum.Created["tags"]++
				tag = &created
			}
		} else if err == nil {
			st.sum.Unchanged["tags"]++
		}
		if err != nil {
			return err
		}
		if t.ID != 0 {
			st.tagByTerm[t.ID] = tag.ID
		}
		return st.termRedirects(ctx, "tag", "", []string{t.Slug}, tag.ID)
	case "language":
		// Polylang: a language is an edition of the same code (or language).
		code := ""
		for c, e := range st.editions {
			if c == t.Slug || strings.EqualFold(e.Lang, t.Slug) {
				code = c
				break
			}
		}
		if code == "" {
			st.note("Polylang language %q (%s) has no edition on this site; its posts were skipped. Create the edition and import again.", t.Slug, t.Name)
			return nil
		}
		st.languages[t.Slug] = code
		return nil
	case "post_translations":
		if group := phpIntMap(t.Description); len(group) > 1 {
			st.translations = append(st.translations, group)
		}
		return nil
	case "nav_menu":
		st.terms["nav_menu\x00"+t.Slug] = t
		return nil
	case "post_format":
		return nil
	}
	st.note("terms of the taxonomy %q are not imported: Masthead has categories and tags only", t.Taxonomy)
	return nil
}

var phpEntry = regexp.MustCompile(`s:\d+:"([^"]*)";i:(\d+);`)

// phpIntMap reads a PHP-serialized array of string keys to integers, as
// Polylang stores a translation group.
func phpIntMap(s string) map[string]int64 {
	out := map[string]int64{}
	for _, m := range phpEntry.FindAllStringSubmatch(s, -1) {
		if id, err := strconv.ParseInt(m[2], 10, 64); err == nil {
			out[m[1]] = id
		}
	}
	return out
}

// category ensures the category with a WordPress slug exists in an
// edition, its parents first, and returns its id.
func (st *state) category(ctx context.Context, ed, wpslug string) (int64, error) {
	key := ed + "\x00" + wpslug
	if id, ok := st.cats[key]; ok {
		return id, nil
	}
	t := st.terms["category\x00"+wpslug]
	if t == nil {
		// Named by an item but not in the channel (WXR 1.0 does that).
		t = &Term{Taxonomy: "category", Slug: wpslug, Name: wpslug}
		st.terms["category\x00"+wpslug] = t
	}
	st.cats[key] = 0 // a parent loop stops here
	var parent int64
	if t.Parent != "" && t.Parent != wpslug {
		var err error
		if parent, err = st.category(ctx, ed, t.Parent); err != nil {
			return 0, err
		}
	}
	mapKey := t.Key()
	if ed != st.defaultEdition {
		mapKey = ed + ":" + mapKey
	}
	name := t.Name
	if name == "" {
		name = wpslug
	}
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	desc := t.Description
	if r := []rune(desc); len(r) > 2000 {
		desc = string(r[:2000])
	}
	slug := wpSlug(wpslug, name)
	h := hashOf([]any{name, slug, desc, parent})
	prev, err := st.mapping(ctx, "category", mapKey)
	if err != nil {
		return 0, err
	}
	var id int64
	switch {
	case prev != nil && prev.Hash == h:
		id = prev.TargetID
		st.sum.Unchanged["categories"]++
	case prev != nil:
		c, err := st.imp.Store.CategoryByID(ctx, prev.TargetID)
		if err != nil {
			return 0, err
		}
		c.Name, c.Description, c.ParentID = name, desc, parent
		if err := st.imp.Content.SaveCategory(ctx, c); err != nil {
			return 0, fmt.Errorf("category %q: %w", wpslug, err)
		}
		id = c.ID
		st.count("categories", prev)
		if err := st.remember(ctx, "category", mapKey, id, h, ""); err != nil {
			return 0, err
		}
	default:
		// A category of the same slug already on the site is the same
		// topic: posts join it.
		if c, err := st.imp.Store.CategoryBySlug(ctx, ed, slug); err == nil {
			id = c.ID
			st.sum.Unchanged["categories"]++
		} else if !errors.Is(err, content.ErrNotFound) {
			return 0, err
		} else {
			c := &content.Category{Edition: ed, Slug: slug, Name: name, Description: desc, ParentID: parent}
			if err := st.imp.Content.SaveCategory(ctx, c); err != nil {
				return 0, fmt.Errorf("category %q: %w", wpslug, err)
			}
			id = c.ID
			st.count("categories", nil)
		}
		if err := st.remember(ctx, "category", mapKey, id, h, ""); err != nil {
			return 0, err
		}
	}
	st.cats[key] = id
	// WordPress answers /category/child/ and /category/parent/child/
	// (under the site's category base).
	prefix := ""
	if ed != st.defaultEdition {
		prefix = "/" + ed
	}
	paths := []string{wpslug}
	if full := st.categoryPath(wpslug); full != wpslug {
		paths = append(paths, full)
	}
	return id, st.termRedirects(ctx, "category", prefix, paths, id)
}

// categoryPath is WordPress's nested category path: parent/child.
func (st *state) categoryPath(slug string) string {
	parts := []string{slug}
	seen := map[string]bool{slug: true}
	for t := st.terms["category\x00"+slug]; t != nil && t.Parent != "" && !seen[t.Parent] && len(parts) < 10; t = st.terms["category\x00"+t.Parent] {
		seen[t.Parent] = true
		parts = append([]string{t.Parent}, parts...)
	}
	return strings.Join(parts, "/")
}

// ---- attachments ----

var sizeSuffix = regexp.MustCompile(`-\d+x\d+(\.[A-Za-z0-9]+)$`)

// uploadsPath is the part of an upload URL after wp-content/uploads/.
func uploadsPath(u string) string {
	if i := strings.Index(u, "/wp-content/uploads/"); i >= 0 {
		p := u[i+len("/wp-content/uploads/"):]
		if j := strings.IndexAny(p, "?#"); j >= 0 {
			p = p[:j]
		}
		if d, err := url.PathUnescape(p); err == nil {
			p = d
		}
		return p
	}
	return ""
}

func (st *state) attachment(ctx context.Context, it *Item) error {
	rel := strings.TrimSpace(it.MetaValue("_wp_attached_file"))
	if rel == "" || strings.HasPrefix(rel, "http") {
		rel = uploadsPath(it.AttachmentURL)
	}
	if rel == "" {
		if u, err := url.Parse(it.AttachmentURL); err == nil {
			rel = strings.TrimPrefix(u.Path, "/")
		}
	}
	title := html.UnescapeString(strings.TrimSpace(it.Title))
	alt := strings.TrimSpace(it.MetaValue("_wp_attachment_image_alt"))
	caption := strings.TrimSpace(it.Excerpt)
	key := strconv.FormatInt(it.ID, 10)
	prev, err := st.mapping(ctx, "media", key)
	if err != nil {
		return err
	}
	h := hashOf([]string{rel, title, alt, caption})
	var m *media.Media
	if prev != nil {
		m, err = st.imp.Store.MediaByID(ctx, prev.TargetID)
		if err != nil && !errors.Is(err, content.ErrNotFound) {
			return err
		}
	}
	switch {
	case m != nil && prev.Hash == h:
		st.sum.Unchanged["media"]++
	case m != nil:
		m.Title, m.Alt, m.Caption = clip(title, 300), clip(alt, 300), clip(caption, 1000)
		if err := st.media.Update(ctx, m); err != nil {
			return fmt.Errorf("attachment %d: %w", it.ID, err)
		}
		st.count("media", prev)
		if err := st.remember(ctx, "media", key, m.ID, h, ""); err != nil {
			return err
		}
	default:
		if st.imp.Uploads == "" {
			st.skip("attachment", it, "no --uploads folder was given, so its file "+rel+" could not be copied")
			return nil
		}
		clean := path.Clean("/" + rel)[1:]
		f, err := os.Open(filepath.Join(st.imp.Uploads, filepath.FromSlash(clean)))
		if err != nil {
			st.skip("attachment", it, "its file "+clean+" is not in the uploads folder")
			return nil
		}
		m, err = st.media.Add(ctx, f, media.Upload{Filename: path.Base(clean), Title: clip(title, 300), Alt: clip(alt, 300), Caption: clip(caption, 1000)})
		f.Close()
		if err != nil {
			var ve *content.ValidationError
			if errors.As(err, &ve) || errors.Is(err, media.ErrUnsupported) || strings.Contains(err.Error(), "image") || errors.As(err, new(*media.TooLargeError)) {
				st.skip("attachment", it, "its file "+clean+" was refused: "+err.Error())
				return nil
			}
			return fmt.Errorf("attachment %d (%s): %w", it.ID, clean, err)
		}
		st.count("media", nil)
		if err := st.remember(ctx, "media", key, m.ID, h, ""); err != nil {
			return err
		}
	}
	st.atts[it.ID] = m
	if rel != "" {
		st.attByPath[rel] = m
	}
	if p := uploadsPath(it.AttachmentURL); p != "" {
		st.attByPath[p] = m
	}
	if p := hostPath(it.AttachmentURL); p != "" {
		st.attByPath[p] = m
	}
	if it.Parent != 0 {
		st.attByParent[it.Parent] = append(st.attByParent[it.Parent], it.ID)
	}
	for _, p := range []string{oldPath(it.Link), "?attachment_id=" + key} {
		if err := st.redirect(ctx, p, "media", m.ID); err != nil {
			return err
		}
	}
	return nil
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// mediaForURL finds the imported file behind an upload URL, also for
// WordPress's resized copies (photo-300x200.jpg).
func (st *state) mediaForURL(u string) *media.Media {
	for _, p := range []string{uploadsPath(u), hostPath(u)} {
		if p == "" {
			continue
		}
		if m := st.attByPath[p]; m != nil {
			return m
		}
		if m := st.attByPath[sizeSuffix.ReplaceAllString(p, "$1")]; m != nil {
			return m
		}
	}
	return nil
}

// hostPath is a URL without its scheme ("files.example.com/2008/06/a.jpg"),
// for sites whose uploads live on another host (wordpress.com's CDN).
func hostPath(u string) string {
	x, err := url.Parse(strings.TrimSpace(u))
	if err != nil || x.Host == "" {
		return ""
	}
	return strings.ToLower(x.Host) + x.Path
}

// uploadURL finds links to uploaded files: under wp-content/uploads/, or
// any absolute URL (checked against the imported files' own URLs).
var uploadURL = regexp.MustCompile(`(?:https?:)?(?://[^\s"'<>()\]]+)?/wp-content/uploads/[^\s"'<>()\[\]]+|https?://[^\s"'<>()\[\]]+`)

// rewriteUploads points links to imported files at our copies.
func (st *state) rewriteUploads(body string) string {
	if len(st.attByPath) == 0 {
		return body
	}
	return uploadURL.ReplaceAllStringFunc(body, func(u string) string {
		if m := st.mediaForURL(u); m != nil {
			return m.URL()
		}
		return u
	})
}

// ---- posts and pages ----

// wpTime reads WordPress's "2006-01-02 15:04:05" (GMT first, then the
// site's local time taken as UTC); the zero time when neither is set.
func wpTime(gmt, local string) time.Time {
	for _, v := range []string{gmt, local} {
		v = strings.TrimSpace(v)
		if v == "" || strings.HasPrefix(v, "0000") {
			continue
		}
		if t, err := time.Parse("2006-01-02 15:04:05", v); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// itemMeta is what Masthead keeps of WordPress facts it has no column for.
type itemMeta struct {
	Sticky     bool   `json:"sticky,omitempty"`
	Format     string `json:"format,omitempty"`
	WPStatus   string `json:"wp_status,omitempty"`
	Password   bool   `json:"password,omitempty"`
	Permalink  string `json:"permalink,omitempty"`
	PostParent int64  `json:"post_parent,omitempty"`
}

func (st *state) post(ctx context.Context, it *Item) error {
	st.inExport[it.ID] = true
	kind := "article"
	if it.Type == "page" {
		kind = "page"
	}
	ed := st.defaultEdition
	for _, t := range it.Terms {
		if t.Domain == "language" {
			code, ok := st.languages[t.Slug]
			if !ok {
				st.skip(it.Type, it, fmt.Sprintf("its language %q has no edition on this site", t.Slug))
				return nil
			}
			ed = code
		}
	}
	now := st.imp.now().UTC().Truncate(time.Second)
	date := wpTime(it.DateGMT, it.Date)
	var status content.Status
	switch it.Status {
	case "publish":
		status = content.Published
	case "future":
		status = content.Scheduled
		if !date.After(now) {
			status = content.Published // a missed schedule: WordPress publishes it too
		}
	case "draft":
		status = content.Draft
	case "pending":
		status = content.Pending
	case "private":
		status = content.Draft
		st.note("private posts and pages became drafts: Masthead has no private content")
	default:
		st.skip(it.Type, it, fmt.Sprintf("its status %q is not content (only publish, future, draft, pending and private are imported)", it.Status))
		return nil
	}
	if kind == "page" && status != content.Published && status != content.Draft {
		status = content.Draft
		st.note("pages that were pending or scheduled became drafts: a Masthead page is a draft or published")
	}
	if date.IsZero() {
		date = now
	}
	title := html.UnescapeString(strings.TrimSpace(it.Title))
	if title == "" {
		title = "(no title)"
		if it.Name != "" {
			title = strings.ReplaceAll(wpSlug(it.Name, "untitled"), "-", " ")
		}
	}
	title = clip(title, 300)
	var body string
	var attached []int64
	if it.prep != nil {
		body, attached = it.prep.body, it.prep.attached
	} else {
		body, attached = st.prepareText(it)
	}
	if len(body) > 2<<20 {
		st.skip(it.Type, it, "its text is longer than 2 MB")
		return nil
	}
	meta := itemMeta{Sticky: it.Sticky, WPStatus: it.Status, Permalink: it.Link}
	for _, t := range it.Terms {
		if t.Domain == "post_format" {
			meta.Format = strings.TrimPrefix(t.Slug, "post-format-")
		}
	}
	if pw := it.MetaValue("_wp_post_password"); pw != "" {
		meta.Password = true
	}
	metaJSON, _ := json.Marshal(meta)
	if meta.Sticky {
		st.note("sticky posts are imported as ordinary articles in date order (Masthead has no pinned article: the front page shows the newest first); the sticky flag is kept in the import record")
	}
	slug := wpSlug(it.Name, title)
	if it.Name == "" {
		slug = content.Slugify(title)
	}
	key := strconv.FormatInt(it.ID, 10)
	prev, err := st.mapping(ctx, kind, key)
	if err != nil {
		return err
	}
	var id int64
	st.outcome = updated // the careful path unless the item says otherwise
	if kind == "page" {
		id, err = st.page(ctx, it, prev, ed, slug, title, body, status, date, string(metaJSON))
	} else {
		id, err = st.article(ctx, it, prev, ed, slug, title, body, status, date, string(metaJSON), attached)
	}
	if err != nil || id == 0 {
		return err
	}
	st.posts[it.ID] = target{kind: kind, id: id}
	paths := []string{oldPath(it.Link)}
	if kind == "page" {
		paths = append(paths, "?page_id="+key)
	}
	paths = append(paths, "?p="+key)
	for _, p := range paths {
		var err error
		switch st.outcome {
		case unchanged:
			// Its old URLs are part of what is unchanged (the permalink
			// is in the hash): nothing to read or write.
		case created:
			err = st.redirectNew(ctx, p, kind, id)
		default:
			err = st.redirect(ctx, p, kind, id)
		}
		if err != nil {
			return err
		}
	}
	if kind == "article" {
		return st.comments(ctx, it, id)
	}
	st.skipComments(it, "it is on a page; Masthead keeps comments on articles only")
	return nil
}

// freeSlug returns slug, or slug-2, slug-3 … when another row has it.
func freeSlug(slug string, taken func(string) (bool, error)) (string, error) {
	s := slug
	for i := 2; i < 1000; i++ {
		t, err := taken(s)
		if err != nil || !t {
			return s, err
		}
		s = suffix(slug, i)
	}
	return s, nil
}

func (st *state) article(ctx context.Context, it *Item, prev *Mapping, ed, slug, title, body string, status content.Status, date time.Time, meta string, attached []int64) (int64, error) {
	authorID, err := st.authorFor(ctx, it.Creator)
	if err != nil {
		return 0, err
	}
	var catIDs []int64
	var tags []string
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			id, err := st.category(ctx, ed, t.Slug)
			if err != nil {
				return 0, err
			}
			if id != 0 && !containsID(catIDs, id) {
				catIDs = append(catIDs, id)
			}
		case "post_tag":
			name := html.UnescapeString(strings.TrimSpace(t.Name))
			if name == "" {
				name = st.tagNames[t.Slug]
			}
			if name != "" {
				tags = append(tags, name)
			}
		}
	}
	if len(catIDs) == 0 {
		st.terms["category\x00uncategorized"] = &Term{Taxonomy: "category", Slug: "uncategorized", Name: "Uncategorized"}
		id, err := st.category(ctx, ed, "uncategorized")
		if err != nil {
			return 0, err
		}
		catIDs = []int64{id}
	}
	var featured int64
	if tid, _ := strconv.ParseInt(it.MetaValue("_thumbnail_id"), 10, 64); tid != 0 {
		if m := st.atts[tid]; m != nil {
			featured = m.ID
		}
	}
	excerpt := clip(strings.TrimSpace(it.Excerpt), 1000)
	open := it.CommentStatus != "closed"
	h := hashList(ed, slug, title, excerpt, it.bodyJSON(body), status, date.Unix(), authorID, catIDs, tags, featured, open, attached, meta)
	if prev != nil && prev.Hash == h {
		if ok, err := st.imp.Store.TargetExists(ctx, "article", prev.TargetID); err != nil {
			return 0, err
		} else if ok {
			st.sum.Unchanged["articles"]++
			st.outcome = unchanged
			return prev.TargetID, nil
		}
	}
	a := &content.Article{}
	if prev != nil {
		old, err := st.imp.Store.ArticleByID(ctx, prev.TargetID)
		if err == nil {
			a = old
		} else if !errors.Is(err, content.ErrNotFound) {
			return 0, err
		} else {
			prev = nil
		}
	}
	if a.Edition != "" && a.Edition != ed {
		st.skip(it.Type, it, fmt.Sprintf("it was imported into the edition %q before and stays there", a.Edition))
		return a.ID, nil
	}
	exceptID := a.ID
	slug, err = freeSlug(slug, func(s string) (bool, error) { return st.imp.Store.ArticleSlugTaken(ctx, ed, s, exceptID) })
	if err != nil {
		return 0, err
	}
	a.Edition, a.Slug, a.Title, a.Excerpt, a.BodySource, a.BodyFormat = ed, slug, title, excerpt, body, "html"
	a.Status, a.PublishedAt, a.AuthorID, a.PrimaryCategoryID, a.CategoryIDs = status, date, authorID, catIDs[0], catIDs
	a.Tags, a.FeaturedMediaID, a.CommentsOpen = tags, featured, open
	if featured != 0 && a.FeaturedAlt == "" {
		if m := st.atts[mustInt(it.MetaValue("_thumbnail_id"))]; m != nil {
			a.FeaturedAlt = m.Alt
		}
	}
	if status == content.Draft || status == content.Pending {
		// Drafts keep their date as the creation time only.
		a.PublishedAt = time.Time{}
	}
	if prev == nil {
		a.CreatedAt, a.UpdatedAt = date, wpTime(it.ModifiedGMT, "")
		if a.UpdatedAt.IsZero() {
			a.UpdatedAt = date
		}
		if err := st.imp.Content.CreateArticle(ctx, a); err != nil {
			return 0, st.refused(it, err)
		}
	} else if err := st.imp.Content.UpdateArticle(ctx, a, 0); err != nil {
		return 0, st.refused(it, err)
	}
	if len(attached) > 0 {
		if err := st.imp.Store.AttachMedia(ctx, a.ID, attached); err != nil {
			return 0, err
		}
	}
	st.count("articles", prev)
	st.outcome = outcomeOf(prev)
	return a.ID, st.remember(ctx, "article", strconv.FormatInt(it.ID, 10), a.ID, h, meta)
}

func outcomeOf(prev *Mapping) outcome {
	if prev == nil {
		return created
	}
	return updated
}

func mustInt(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// refused turns a validation error into a skip; other errors stop the import.
func (st *state) refused(it *Item, err error) error {
	var ve *content.ValidationError
	if errors.As(err, &ve) {
		st.skip(it.Type, it, "Masthead refused it: "+ve.Message)
		return nil
	}
	return fmt.Errorf("%s %d (line %d): %w", it.Type, it.ID, it.Line, err)
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func (st *state) page(ctx context.Context, it *Item, prev *Mapping, ed, slug, title, body string, status content.Status, date time.Time, meta string) (int64, error) {
	h := hashList(ed, slug, title, it.bodyJSON(body), status, date.Unix(), meta)
	if prev != nil && prev.Hash == h {
		if ok, err := st.imp.Store.TargetExists(ctx, "page", prev.TargetID); err != nil {
			return 0, err
		} else if ok {
			st.sum.Unchanged["pages"]++
			st.outcome = unchanged
			return prev.TargetID, nil
		}
	}
	p := &content.Page{}
	if prev != nil {
		old, err := st.imp.Store.PageByID(ctx, prev.TargetID)
		if err == nil {
			p = old
		} else if !errors.Is(err, content.ErrNotFound) {
			return 0, err
		} else {
			prev = nil
		}
	}
	if p.Edition != "" && p.Edition != ed {
		st.skip(it.Type, it, fmt.Sprintf("it was imported into the edition %q before and stays there", p.Edition))
		return p.ID, nil
	}
	exceptID := p.ID
	reserved := func(s string) bool {
		if st.editions[s] != nil {
			return true
		}
		switch s {
		case "articles", "page", "category", "tag", "author", "media", "publications", "search", "feed", "admin", "uploads",
			"static", "wp-json", "wp-admin", "wp-content", "healthz", "readyz", "metrics":
			return true
		}
		return false
	}
	slug, err := freeSlug(slug, func(s string) (bool, error) {
		if reserved(s) {
			return true, nil
		}
		return st.imp.Store.PageSlugTaken(ctx, ed, s, exceptID)
	})
	if err != nil {
		return 0, err
	}
	p.Edition, p.Slug, p.Title, p.BodySource, p.BodyFormat, p.Status = ed, slug, title, body, "html", status
	if status == content.Published {
		p.PublishedAt = date
	}
	if prev == nil {
		if err := st.imp.Content.CreatePage(ctx, p); err != nil {
			return 0, st.refused(it, err)
		}
	} else if err := st.imp.Content.UpdatePage(ctx, p); err != nil {
		return 0, st.refused(it, err)
	}
	st.count("pages", prev)
	st.outcome = outcomeOf(prev)
	return p.ID, st.remember(ctx, "page", strconv.FormatInt(it.ID, 10), p.ID, h, meta)
}

// ---- comments ----

var tagRE = regexp.MustCompile(`<[^>]*>`)

// commentText is a comment's text without markup (Masthead shows comments
// as plain text).
func commentText(s string) string {
	s = tagRE.ReplaceAllString(s, "")
	return strings.TrimSpace(html.UnescapeString(s))
}

func (st *state) comments(ctx context.Context, it *Item, articleID int64) error {
	ours := map[int64]int64{}
	pending := append([]Comment(nil), it.Comments...)
	// Parents first: WordPress lists comments by id, but nothing promises it.
	for len(pending) > 0 {
		var next []Comment
		for _, c := range pending {
			if c.Parent != 0 && ours[c.Parent] == 0 && hasComment(pending, c.Parent) {
				next = append(next, c)
				continue
			}
			id, err := st.comment(ctx, it, c, articleID, ours[c.Parent])
			if err != nil {
				return err
			}
			ours[c.ID] = id
		}
		if len(next) == len(pending) { // a parent loop: import them flat
			for i := range next {
				next[i].Parent = 0
			}
		}
		pending = next
	}
	return nil
}

func hasComment(list []Comment, id int64) bool {
	for _, c := range list {
		if c.ID == id {
			return true
		}
	}
	return false
}

func (st *state) comment(ctx context.Context, it *Item, c Comment, articleID, parent int64) (int64, error) {
	skip := func(reason string) (int64, error) {
		st.sum.Skipped = append(st.sum.Skipped, Skip{Kind: "comment", ID: strconv.FormatInt(c.ID, 10), Title: it.Title, Line: it.Line, Reason: reason})
		return 0, nil
	}
	if c.Type == "pingback" || c.Type == "trackback" {
		return skip("it is a " + c.Type + "; Masthead keeps reader comments only")
	}
	var status string
	switch c.Approved {
	case "1", "approve", "approved":
		status = "approved"
	case "0", "hold", "":
		status = "pending"
	case "spam":
		status = "spam"
	case "trash", "post-trashed":
		status = "trash"
	default:
		return skip(fmt.Sprintf("its status %q is unknown", c.Approved))
	}
	name := clip(html.UnescapeString(strings.TrimSpace(c.Author)), 120)
	if name == "" {
		name = "Anonymous"
	}
	body := commentText(c.Content)
	if body == "" {
		return skip("it has no text")
	}
	created := wpTime(c.DateGMT, c.Date)
	if created.IsZero() {
		created = st.imp.now().UTC()
	}
	key := strconv.FormatInt(it.ID, 10) + ":" + strconv.FormatInt(c.ID, 10)
	email := strings.TrimSpace(c.AuthorEmail)
	if !strings.Contains(email, "@") || len(email) > 254 {
		email = ""
	}
	site := strings.TrimSpace(c.AuthorURL)
	if u, err := url.Parse(site); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(site) > 500 {
		site = "" // only web addresses become the name's link
	}
	h := hashOf([]any{articleID, parent, name, email, site, body, status, created.Unix()})
	prev, err := st.mapping(ctx, "comment", key)
	if err != nil {
		return 0, err
	}
	if prev != nil && prev.Hash == h {
		st.sum.Unchanged["comments"]++
		return prev.TargetID, nil
	}
	cm := &content.Comment{ArticleID: articleID, ParentID: parent, AuthorName: name, AuthorEmail: email, AuthorURL: site,
		Body: body, Status: status, CreatedAt: created, UpdatedAt: created}
	if prev != nil {
		cm.ID = prev.TargetID
		err = st.imp.Store.UpdateComment(ctx, cm)
		if errors.Is(err, content.ErrNotFound) {
			cm.ID, prev = 0, nil
		} else if err != nil {
			return 0, err
		}
	}
	if cm.ID == 0 {
		if err := st.imp.Content.AddComment(ctx, cm); err != nil {
			var ve *content.ValidationError
			if errors.As(err, &ve) {
				return skip("Masthead refused it: " + ve.Message)
			}
			return 0, err
		}
	}
	st.count("comments", prev)
	return cm.ID, st.remember(ctx, "comment", key, cm.ID, h, "")
}

// ---- the end: menus and translations ----

func (st *state) finish(ctx context.Context) error {
	if err := st.menus(ctx); err != nil {
		return err
	}
	if err := st.missing(ctx); err != nil {
		return err
	}
	return st.linkTranslations(ctx)
}

// missing finds the articles and pages an earlier import of this site
// brought in that this export does not hold. Nothing is deleted: an export
// may leave things out on purpose (one author, one date range), and a
// newsroom decides what goes; the summary lists them.
func (st *state) missing(ctx context.Context) error {
	for _, kind := range []string{"article", "page"} {
		keys, err := st.imp.Store.ImportKeys(ctx, st.site, kind)
		if err != nil {
			return err
		}
		for _, k := range keys {
			id, err := strconv.ParseInt(k, 10, 64)
			if err != nil || st.inExport[id] {
				continue
			}
			if st.sum.Missing == nil {
				st.sum.Missing = map[string][]string{}
			}
			st.sum.Missing[kind] = append(st.sum.Missing[kind], k)
		}
		slices.SortFunc(st.sum.Missing[kind], func(a, b string) int {
			if len(a) != len(b) { // ids without leading zeros: the shorter is the smaller
				return cmp.Compare(len(a), len(b))
			}
			return strings.Compare(a, b)
		})
	}
	return nil
}

func (st *state) linkTranslations(ctx context.Context) error {
	for _, group := range st.translations {
		byKind := map[string][]int64{}
		langs := make([]string, 0, len(group))
		for l := range group {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			if t, ok := st.posts[group[l]]; ok {
				byKind[t.kind] = append(byKind[t.kind], t.id)
			}
		}
		for kind, ids := range byKind {
			if len(ids) < 2 {
				continue
			}
			same := true
			var first int64
			for i, id := range ids {
				var g int64
				if kind == "article" {
					a, err := st.imp.Store.ArticleByID(ctx, id)
					if err != nil {
						return err
					}
					g = a.TranslationGroup
				} else {
					p, err := st.imp.Store.PageByID(ctx, id)
					if err != nil {
						return err
					}
					g = p.TranslationGroup
				}
				if i == 0 {
					first = g
				} else if g != first {
					same = false
				}
			}
			if same {
				continue
			}
			if err := st.imp.Store.SetTranslationGroup(ctx, kind, ids); err != nil {
				return err
			}
			st.sum.Changed = true
			st.sum.Updated["translation links"]++
		}
	}
	return nil
}
