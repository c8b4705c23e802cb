package wpimport

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// WordPress's category and tag bases: the first part of a category's or a
// tag's URL (/category/news/, /tag/climate/), which a site can change in
// Settings → Permalinks (/topics/news/, /label/climate/). The export does
// not carry them: the Importer is told (CategoryBase, TagBase), and when it
// is not, it looks at the export's custom menu links, the only place a
// category's or a tag's old URL can appear in WXR.

// Default bases, as WordPress has them.
const (
	DefaultCategoryBase = "category"
	DefaultTagBase      = "tag"
)

var baseSegment = regexp.MustCompile(`^[\p{L}\p{N}_.~-]+$`)

// baseReserved are the first path segments Masthead answers itself with
// more than one segment: an old URL under them would never reach the
// redirects (the category and tag listings are each allowed for their own
// base).
var baseReserved = map[string]bool{
	"articles": true, "author": true, "feed": true, "media": true, "page": true, "publications": true,
	"search": true, "newsletter": true, "admin": true, "static": true, "uploads": true, "wp-json": true,
	"category": true, "tag": true,
}

// normalBase checks one base as Permalink settings hold it ("topics",
// "/news/topics/") and returns it without the slashes ("news/topics").
func normalBase(flag, s, own string) (string, error) {
	b := strings.Trim(strings.TrimSpace(s), "/")
	if b == "" {
		return "", fmt.Errorf("%s is empty: leave it out for WordPress's default, %q", flag, own)
	}
	segs := strings.Split(b, "/")
	for _, seg := range segs {
		if seg == "" || seg == "." || seg == ".." || !baseSegment.MatchString(seg) {
			return "", fmt.Errorf("%s %q is not a base: it is one or more path segments of letters, digits, '-', '_', '.' or '~', like %q or \"news/topics\"", flag, s, own)
		}
	}
	b = strings.ToLower(b)
	if first := strings.SplitN(b, "/", 2)[0]; first != own && baseReserved[first] {
		return "", fmt.Errorf("%s %q clashes with Masthead's own /%s/ URLs: old URLs under it could never redirect", flag, s, first)
	}
	return b, nil
}

// CheckBases validates a category base and a tag base ("" for WordPress's
// default) and returns them normalized: no slashes around, lower case.
func CheckBases(category, tag string) (string, string, error) {
	var err error
	if category != "" {
		if category, err = normalBase("--category-base", category, DefaultCategoryBase); err != nil {
			return "", "", err
		}
	}
	if tag != "" {
		if tag, err = normalBase("--tag-base", tag, DefaultTagBase); err != nil {
			return "", "", err
		}
	}
	if orDefault(category, DefaultCategoryBase) == orDefault(tag, DefaultTagBase) {
		return "", "", fmt.Errorf("--category-base and --tag-base are both %q: WordPress needs them to differ", orDefault(category, DefaultCategoryBase))
	}
	return category, tag, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// termRedirect is a category's or a tag's old URLs, waiting for the bases
// to be known (at the end of the first pass).
type termRedirect struct {
	kind   string // category or tag
	prefix string // the edition's prefix for Polylang languages
	paths  []string
	id     int64
}

// termRedirects records the old URLs of a category or tag: the listing and
// its feed under the base (paged listings follow at request time). Before
// the bases are settled they wait.
func (st *state) termRedirects(ctx context.Context, kind, prefix string, paths []string, id int64) error {
	if !st.basesSettled {
		st.pendingTerms = append(st.pendingTerms, termRedirect{kind: kind, prefix: prefix, paths: paths, id: id})
		return nil
	}
	base := st.sum.TagBase
	if kind == "category" {
		base = st.sum.CategoryBase
	}
	for _, p := range paths {
		full := st.homeDir() + prefix + "/" + base + "/" + p + "/"
		if err := st.redirect(ctx, full, kind, id); err != nil {
			return err
		}
		if err := st.redirect(ctx, full+"feed/", kind+"_feed", id); err != nil {
			return err
		}
	}
	return nil
}

// homeDir is the folder of a site that WordPress ran in one
// ("/news" for https://example.org/news): its URLs all start with it.
func (st *state) homeDir() string {
	for _, home := range []string{st.sum.Site.Link, st.sum.Site.BaseBlogURL} {
		if h, err := url.Parse(strings.TrimSpace(home)); err == nil && h.Host != "" {
			return strings.TrimSuffix(multiSlash.ReplaceAllString(h.Path, "/"), "/")
		}
	}
	return ""
}

// observeMenuLink notes the base a custom menu link to a category's or a
// tag's listing on the old site uses ("/topics/news/" for the category
// news). Taxonomy menu items carry no URL, so custom links are all there is.
func (st *state) observeMenuLink(it *Item) {
	if it.MetaValue("_menu_item_type") != "custom" {
		return
	}
	u, err := url.Parse(strings.TrimSpace(it.MetaValue("_menu_item_url")))
	if err != nil || !st.sameSite(u) {
		return
	}
	p := strings.ToLower(multiSlash.ReplaceAllString(u.EscapedPath(), "/"))
	// A site in a folder (https://example.org/news/) has its bases below it.
	if dir := strings.ToLower((&url.URL{Path: st.homeDir()}).EscapedPath()); dir != "" && strings.HasPrefix(p, dir+"/") {
		p = p[len(dir):]
	}
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if n := len(segs); n > 0 && segs[n-1] == "feed" {
		segs = segs[:n-1]
	}
	n := len(segs)
	if n < 2 {
		return
	}
	last := segs[n-1]
	isCat := st.terms["category\x00"+last] != nil
	_, isTag := st.tagNames[last]
	if isCat == isTag {
		return // neither, or both: says nothing
	}
	kind, cut := "tag", n-1
	if isCat {
		kind = "category"
		// WordPress's nested form /base/parent/child/.
		if full := strings.Split(st.categoryPath(last), "/"); len(full) > 1 && n > len(full) &&
			strings.Join(segs[n-len(full):], "/") == strings.Join(full, "/") {
			cut = n - len(full)
		}
	}
	base := strings.Join(segs[:cut], "/")
	if st.seenBases == nil {
		st.seenBases = map[string]map[string]int{}
	}
	if st.seenBases[kind] == nil {
		st.seenBases[kind] = map[string]int{}
	}
	st.seenBases[kind][base]++
}

// settleBases decides the bases once the first pass has seen the menu
// links, and records the category and tag URLs that waited for them.
func (st *state) settleBases(ctx context.Context) error {
	cat, tag, err := CheckBases(st.imp.CategoryBase, st.imp.TagBase)
	if err != nil {
		return err
	}
	cat = st.detectBase("category", cat, DefaultCategoryBase, "--category-base", tag)
	tag = st.detectBase("tag", tag, DefaultTagBase, "--tag-base", cat)
	st.sum.CategoryBase, st.sum.TagBase = orDefault(cat, DefaultCategoryBase), orDefault(tag, DefaultTagBase)
	if st.sum.CategoryBase == st.sum.TagBase { // a detection clashed with the other default
		st.sum.CategoryBase, st.sum.TagBase = orDefault(st.imp.CategoryBase, DefaultCategoryBase), orDefault(st.imp.TagBase, DefaultTagBase)
	}
	st.basesSettled = true
	pending := st.pendingTerms
	st.pendingTerms = nil
	for _, t := range pending {
		if err := st.termRedirects(ctx, t.kind, t.prefix, t.paths, t.id); err != nil {
			return err
		}
	}
	return nil
}

// detectBase returns the base to use for kind: the one given, else the one
// every custom menu link to such a listing agrees on, else "" (the
// default). It notes what it found when that is not what is used.
func (st *state) detectBase(kind, given, def, flag, other string) string {
	seen := st.seenBases[kind]
	var bases []string
	links := 0
	for b, n := range seen {
		nb, err := normalBase(flag, b, def)
		if err != nil || nb == orDefault(other, otherDefault(def)) {
			continue
		}
		bases = append(bases, nb)
		links += n
	}
	sort.Strings(bases)
	switch {
	case len(bases) == 0:
		return given
	case len(bases) > 1:
		st.note("custom menu links point to %s listings under several bases (/%s/); old %s URLs were recorded under /%s/ only: name the right one with %s",
			kind, strings.Join(bases, "/, /"), kind, orDefault(given, def), flag)
		return given
	case given == "":
		if bases[0] != def {
			st.note("the %s base /%s/ was taken from %d custom menu link(s) (the export does not carry WordPress's Permalink settings); %s sets it otherwise",
				kind, bases[0], links, flag)
		}
		return bases[0]
	case bases[0] != given:
		st.note("custom menu links point to %s listings under /%s/, but %s is %q: old %s URLs were recorded under /%s/",
			kind, bases[0], flag, given, kind, given)
	}
	return given
}

func otherDefault(def string) string {
	if def == DefaultCategoryBase {
		return DefaultTagBase
	}
	return DefaultCategoryBase
}
