package wpimport

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Namespaces of a WordPress export. The wp: namespace carries the export's
// version in its URL (…/export/1.0/ to 1.2/); every version is accepted, any
// other namespace bound to the wp prefix is not WordPress's.
const (
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
	nsWPBase  = "http://wordpress.org/export/"
	// Some exports (wordpress.com's) name it with https.
	nsWPBaseTLS = "https://wordpress.org/export/"
)

// nsClass names the role of an element's namespace: "wp", "excerpt",
// "content", "dc", "" (plain RSS) or "other".
func nsClass(space string) string {
	switch {
	case space == "":
		return ""
	case strings.HasPrefix(space, nsWPBase), strings.HasPrefix(space, nsWPBaseTLS):
		if strings.Contains(space, "/excerpt") {
			return "excerpt"
		}
		return "wp"
	case space == nsContent:
		return "content"
	case space == nsDC:
		return "dc"
	}
	return "other"
}

// FormatError is a file that is not a readable WordPress export: broken XML
// or not WXR at all. Line is 0 when the problem has no place in the file.
type FormatError struct {
	Line   int
	Reason string
	syntax bool // broken XML (lenient mode may read it), not a wrong document
}

func (e *FormatError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// Site is what the export's channel says about the WordPress site.
type Site struct {
	Version     string // wp:wxr_version
	Title       string
	Link        string
	BaseSiteURL string
	BaseBlogURL string
	Language    string
}

// Key identifies the WordPress site in the import mapping: the blog URL
// without its scheme, so http and https exports of one site agree.
func (s *Site) Key() string {
	for _, u := range []string{s.BaseBlogURL, s.BaseSiteURL, s.Link} {
		if u = strings.TrimSpace(u); u != "" {
			u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
			return strings.TrimSuffix(u, "/")
		}
	}
	return strings.TrimSpace(s.Title)
}

// Author is a channel-level <wp:author>.
type Author struct {
	ID          int64
	Login       string
	Email       string
	DisplayName string
	FirstName   string
	LastName    string
}

// Term is a channel-level <wp:category>, <wp:tag> or <wp:term>.
type Term struct {
	ID          int64  // 0 in WXR 1.0, which has no term ids
	Element     string // "category", "tag" or "term": the element it came from
	Taxonomy    string
	Slug        string
	Name        string
	Parent      string // the parent's slug
	Description string
}

// Key is the term's identity in the import mapping.
func (t *Term) Key() string {
	if t.ID != 0 {
		return strconv.FormatInt(t.ID, 10)
	}
	return "slug:" + t.Slug
}

// ItemTerm is a <category domain="…" nicename="…"> of an item.
type ItemTerm struct {
	Domain string
	Slug   string
	Name   string
}

// Meta is one <wp:postmeta> or <wp:commentmeta>.
type Meta struct{ Key, Value string }

// Comment is a <wp:comment> of an item.
type Comment struct {
	ID          int64
	Author      string
	AuthorEmail string
	AuthorURL   string
	DateGMT     string
	Date        string
	Content     string
	Approved    string
	Type        string
	Parent      int64
	Meta        []Meta
}

// Item is one <item>: a post, page, attachment, menu item or other type.
type Item struct {
	Line          int // where the item starts
	Title         string
	Link          string
	GUID          string
	Creator       string
	Content       string
	Excerpt       string
	ID            int64
	DateGMT       string
	Date          string
	ModifiedGMT   string
	CommentStatus string
	Name          string // wp:post_name
	Status        string
	Parent        int64
	MenuOrder     int
	Type          string
	Sticky        bool
	AttachmentURL string
	Terms         []ItemTerm
	Meta          []Meta
	Comments      []Comment
	prep          *preparedText // made ahead by the importer's reading goroutine
}

// MetaValue is the first value of a post meta key.
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// Reader reads a WXR file as a stream: Next returns one author, term or
// item at a time and never holds more than that one in memory.
type Reader struct {
	dec       *xml.Decoder
	lenient   *lenientReader
	Site      Site
	inChannel bool
	started   bool
	// SkipText leaves out the text of items' content and excerpt (a pass
	// that needs only ids, types and files reads faster).
	SkipText bool
	skipper  *contentSkipper // capturing bodies ahead of the decoder, or nil
}

// NewReader reads r. In lenient mode it first repairs what WordPress's own
// importer tolerates: control characters XML forbids and CDATA sections
// nested inside CDATA (whose inner "]]>" would end the outer one).
func NewReader(r io.Reader, lenient bool) *Reader {
	return newReader(r, lenient, false, true)
}

// newReader is NewReader that, with bypass, takes the items' bodies out of
// the stream before the decoder (see contentSkipper): with skipText they are
// left out (SkipText), else handed to the Reader beside the decoder.
// Without bypass the decoder reads every byte (tests compare the two).
func newReader(r io.Reader, lenient, skipText, bypass bool) *Reader {
	rd := &Reader{SkipText: skipText}
	if lenient {
		rd.lenient = newLenientReader(r)
		r = rd.lenient
	}
	if bypass {
		sk := newContentSkipper(r)
		if !skipText {
			sk.capture = true
			rd.skipper = sk
		}
		r = sk
	}
	rd.dec = xml.NewDecoder(r)
	rd.dec.Strict = true
	// WordPress writes UTF-8; other declared charsets are read as UTF-8 too
	// (a wrong declaration is common and the bytes are what counts).
	rd.dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return rd
}

// Repairs counts what lenient mode changed (control characters dropped,
// nested CDATA sections escaped).
func (r *Reader) Repairs() (controls, cdata int) {
	if r.lenient == nil {
		return 0, 0
	}
	return r.lenient.controls, r.lenient.cdata
}

// Line is the current line in the file.
func (r *Reader) Line() int {
	l, _ := r.dec.InputPos()
	return l
}

func (r *Reader) syntax(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &FormatError{Line: se.Line, Reason: "the file is not well-formed XML: " + se.Msg, syntax: true}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &FormatError{Line: r.Line(), Reason: "the file ends in the middle of an element", syntax: true}
	}
	return &FormatError{Line: r.Line(), Reason: err.Error()}
}

var wxrVersion = regexp.MustCompile(`^1\.[0-9]+$`)

// Next returns the next *Author, *Term or *Item, or io.EOF after the end
// of the channel.
func (r *Reader) Next() (any, error) {
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			if !r.started {
				return nil, &FormatError{Reason: "the file is empty or holds no XML element"}
			}
			if r.Site.Version == "" {
				return nil, r.noVersion()
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.syntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !r.started {
				r.started = true
				if t.Name.Local != "rss" {
					return nil, &FormatError{Line: r.Line(), Reason: fmt.Sprintf("this is not a WordPress export: the document is <%s>, not <rss>", t.Name.Local)}
				}
				continue
			}
			if !r.inChannel {
				if t.Name.Local == "channel" {
					r.inChannel = true
					continue
				}
				if err := r.dec.Skip(); err != nil {
					return nil, r.syntax(err)
				}
				continue
			}
			line := r.Line()
			n, err := r.node(t)
			if err != nil {
				return nil, err
			}
			if v, err := r.channelChild(n, line); v != nil || err != nil {
				return v, err
			}
		case xml.EndElement:
			if r.inChannel && t.Name.Local == "channel" {
				r.inChannel = false
			}
		}
	}
}

func (r *Reader) noVersion() error {
	return &FormatError{Line: r.Line(), Reason: "this is not a WordPress export (WXR): it has no <wp:wxr_version> before its content"}
}

// channelChild turns a child of <channel> into an entity, or records a
// channel field and returns nil.
func (r *Reader) channelChild(n *node, line int) (any, error) {
	cls := nsClass(n.space)
	if cls == "" {
		switch n.local {
		case "title":
			r.Site.Title = n.text()
		case "link":
			r.Site.Link = n.text()
		case "language":
			r.Site.Language = n.text()
		case "item":
			if err := r.needVersion(line); err != nil {
				return nil, err
			}
			it := itemOf(n)
			it.Line = line
			return it, nil
		}
		return nil, nil
	}
	if cls != "wp" {
		return nil, nil
	}
	switch n.local {
	case "wxr_version":
		v := strings.TrimSpace(n.text())
		if !wxrVersion.MatchString(v) {
			return nil, &FormatError{Line: line, Reason: fmt.Sprintf("this is not a WordPress export WXR version this importer knows: <wp:wxr_version> is %q (expected 1.0, 1.1 or 1.2)", v)}
		}
		r.Site.Version = v
	case "base_site_url":
		r.Site.BaseSiteURL = n.text()
	case "base_blog_url":
		r.Site.BaseBlogURL = n.text()
	case "author":
		if err := r.needVersion(line); err != nil {
			return nil, err
		}
		return &Author{ID: n.int("wp", "author_id"), Login: n.field("wp", "author_login"), Email: n.field("wp", "author_email"),
			DisplayName: n.field("wp", "author_display_name"), FirstName: n.field("wp", "author_first_name"),
			LastName: n.field("wp", "author_last_name")}, nil
	case "category":
		if err := r.needVersion(line); err != nil {
			return nil, err
		}
		return &Term{ID: n.int("wp", "term_id"), Element: "category", Taxonomy: "category", Slug: n.field("wp", "category_nicename"),
			Name: n.field("wp", "cat_name"), Parent: n.field("wp", "category_parent"), Description: n.field("wp", "category_description")}, nil
	case "tag":
		if err := r.needVersion(line); err != nil {
			return nil, err
		}
		return &Term{ID: n.int("wp", "term_id"), Element: "tag", Taxonomy: "post_tag", Slug: n.field("wp", "tag_slug"),
			Name: n.field("wp", "tag_name"), Description: n.field("wp", "tag_description")}, nil
	case "term":
		if err := r.needVersion(line); err != nil {
			return nil, err
		}
		return &Term{ID: n.int("wp", "term_id"), Element: "term", Taxonomy: n.field("wp", "term_taxonomy"), Slug: n.field("wp", "term_slug"),
			Name: n.field("wp", "term_name"), Parent: n.field("wp", "term_parent"), Description: n.field("wp", "term_description")}, nil
	}
	return nil, nil
}

func (r *Reader) needVersion(line int) error {
	if r.Site.Version == "" {
		return &FormatError{Line: line, Reason: "this is not a WordPress export (WXR): it has no <wp:wxr_version> before its content"}
	}
	return nil
}

func itemOf(n *node) *Item {
	it := &Item{
		Title: n.field("", "title"), Link: n.field("", "link"), GUID: n.field("", "guid"),
		Creator: n.field("dc", "creator"), Content: n.field("content", "encoded"), Excerpt: n.field("excerpt", "encoded"),
		ID: n.int("wp", "post_id"), DateGMT: n.field("wp", "post_date_gmt"), Date: n.field("wp", "post_date"),
		ModifiedGMT:   n.field("wp", "post_modified_gmt"),
		CommentStatus: n.field("wp", "comment_status"), Name: n.field("wp", "post_name"), Status: n.field("wp", "status"),
		Parent: n.int("wp", "post_parent"), MenuOrder: int(n.int("wp", "menu_order")), Type: n.field("wp", "post_type"),
		Sticky: n.field("wp", "is_sticky") == "1", AttachmentURL: n.field("wp", "attachment_url"),
	}
	for _, c := range n.children {
		switch {
		case c.local == "category" && nsClass(c.space) == "":
			it.Terms = append(it.Terms, ItemTerm{Domain: c.attr("domain"), Slug: c.attr("nicename"), Name: c.text()})
		case c.local == "postmeta" && nsClass(c.space) == "wp":
			it.Meta = append(it.Meta, Meta{Key: c.field("wp", "meta_key"), Value: c.field("wp", "meta_value")})
		case c.local == "comment" && nsClass(c.space) == "wp":
			cm := Comment{ID: c.int("wp", "comment_id"), Author: c.field("wp", "comment_author"),
				AuthorEmail: c.field("wp", "comment_author_email"), AuthorURL: c.field("wp", "comment_author_url"),
				DateGMT: c.field("wp", "comment_date_gmt"), Date: c.field("wp", "comment_date"),
				Content: c.field("wp", "comment_content"), Approved: c.field("wp", "comment_approved"),
				Type: c.field("wp", "comment_type"), Parent: c.int("wp", "comment_parent")}
			for _, m := range c.children {
				if m.local == "commentmeta" && nsClass(m.space) == "wp" {
					cm.Meta = append(cm.Meta, Meta{Key: m.field("wp", "meta_key"), Value: m.field("wp", "meta_value")})
				}
			}
			it.Comments = append(it.Comments, cm)
		}
	}
	return it
}

// node is one element with its text and children, read from the stream.
type node struct {
	space, local string
	attrs        []xml.Attr
	buf          strings.Builder
	children     []*node
}

// node reads the element that start opened, up to its end.
func (r *Reader) node(start xml.StartElement) (*node, error) {
	n := &node{space: start.Name.Space, local: start.Name.Local, attrs: start.Attr}
	if r.SkipText && n.local == "encoded" && nsClass(n.space) == "content" {
		if err := r.dec.Skip(); err != nil {
			return nil, r.syntax(err)
		}
		return n, nil
	}
	// A body the skipper captured: its section, the first text token, is
	// the space passed on in its place (and the skipper has read it all by
	// the time the decoder has).
	at := int64(-1)
	if r.skipper != nil && n.local == "encoded" {
		at = r.dec.InputOffset()
	}
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return nil, r.syntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			c, err := r.node(t)
			if err != nil {
				return nil, err
			}
			n.children = append(n.children, c)
		case xml.CharData:
			if at >= 0 {
				text, ok := r.skipper.take(at)
				at = -1
				if ok {
					n.buf.WriteString(text)
					continue
				}
			}
			n.buf.Write(t)
		case xml.EndElement:
			return n, nil
		}
	}
}

func (n *node) text() string { return strings.TrimSpace(n.buf.String()) }

// raw is the element's text as written (content keeps its whitespace).
func (n *node) raw() string { return n.buf.String() }

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child finds a child by namespace role and name. A child in the right
// role wins; for wp fields one in a foreign namespace is the fallback, as
// WordPress's own lenient parser matches by name.
func (n *node) child(cls, local string) *node {
	var fallback *node
	for _, c := range n.children {
		if c.local != local {
			continue
		}
		cc := nsClass(c.space)
		if cc == cls {
			return c
		}
		if cls == "wp" && cc == "other" && fallback == nil {
			fallback = c
		}
	}
	return fallback
}

// field is a child's text: trimmed, except content and excerpts, which
// keep their text exactly.
func (n *node) field(cls, local string) string {
	c := n.child(cls, local)
	if c == nil {
		return ""
	}
	if cls == "content" || cls == "excerpt" || local == "meta_value" || local == "comment_content" {
		return c.raw()
	}
	return c.text()
}

func (n *node) int(cls, local string) int64 {
	v, _ := strconv.ParseInt(n.field(cls, local), 10, 64)
	return v
}

// lenientReader repairs a byte stream as it passes: it drops C0 control
// characters XML forbids and escapes CDATA sections nested in CDATA, as
// WordPress's fallback parsers read them. Newlines are kept, so line
// numbers stay right.
type lenientReader struct {
	in       *bufio.Reader
	out      []byte
	inCDATA  int // nesting depth; 0 outside CDATA
	controls int
	cdata    int
}

func newLenientReader(r io.Reader) *lenientReader {
	return &lenientReader{in: bufio.NewReaderSize(r, 64<<10)}
}

const (
	cdataOpen  = "<![CDATA["
	cdataClose = "]]>"
)

func (l *lenientReader) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		b, err := l.in.ReadByte()
		if err != nil {
			return 0, err
		}
		switch {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r':
			l.controls++
		case b == '<' && l.peekIs(cdataOpen[1:]):
			l.in.Discard(len(cdataOpen) - 1)
			if l.inCDATA > 0 {
				// A nested opener is text of the outer section.
				l.cdata++
				l.out = append(l.out, cdataOpen...)
			} else {
				l.out = append(l.out, cdataOpen...)
			}
			l.inCDATA++
		case b == ']' && l.inCDATA > 0 && l.peekIs(cdataClose[1:]):
			l.in.Discard(len(cdataClose) - 1)
			if l.inCDATA > 1 || !l.closesElement() {
				// The inner (or a stray) "]]>" stays text: split the
				// section around it.
				l.cdata++
				l.out = append(l.out, "]]]]><![CDATA[>"...)
				if l.inCDATA > 1 {
					l.inCDATA--
				}
			} else {
				l.out = append(l.out, cdataClose...)
				l.inCDATA = 0
			}
		default:
			l.out = append(l.out, b)
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

func (l *lenientReader) peekIs(s string) bool {
	b, _ := l.in.Peek(len(s))
	return string(b) == s
}

// closesElement reports whether the text after a "]]>" is markup (after
// optional white space), so the "]]>" really ends the section.
func (l *lenientReader) closesElement() bool {
	b, _ := l.in.Peek(256)
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '<':
			return true
		}
		return false
	}
	return true
}
