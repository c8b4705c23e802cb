package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// Article cards: what listings, Recent Posts, Most read and related
// articles show of an article (see content.Store.ListArticleCards for the
// fields), read by one select and one scanner. A listing page reads ten or
// more rows, and with SQLite each column of each row is several calls into
// the engine, each through the connection's mutex: a full article's 43
// columns were about 40% of an uncached home page. So a card comes back as
// one value, a JSON array of the article's columns it shows (Dialect.
// JSONArray), which packedRow reads without reflection or copies; full
// articles are packed the same way, but for their bodies (scanArticle).
// The category, author and picture a card shows are not joined to its
// row: cards (cardrefs.go) hangs them on from a set kept per generation.

// cardColumns are the expressions of a card, in scanCard's order;
// cardBody adds the text, for listings in full-text mode.
const (
	cardColumns = `a.id, a.slug, a.title, a.excerpt, a.published_at,
	COALESCE(a.featured_media_id, 0), a.featured_caption, a.featured_alt, a.primary_category_id, COALESCE(a.author_id, 0),
	a.ext_writer, a.ext_publication, a.ext_url, a.comment_count`
	cardBody = `, a.body_html`
)

// cardSelectDrivenBy selects cards (with their text when body is true) of
// the articles whose ids the derived table from (aliased as the caller
// likes) yields, joined by the caller's WHERE; cards runs it. CROSS JOIN
// makes SQLite read from first — a page of ids from an index, or a few
// scored candidates — and look up only those articles by primary key;
// PostgreSQL plans it as a plain join.
func (s *Store) cardSelectDrivenBy(from string, body bool) string {
	sel := s.cardSQL[0]
	if body {
		sel = s.cardSQL[1]
	}
	return sel + "\n\tFROM " + from + " CROSS JOIN articles a"
}

// cardSelects makes the packed column lists of cardSelectDrivenBy for a
// dialect, once: without and with the text.
func cardSelects(d Dialect) [2]string {
	return [2]string{"SELECT " + d.JSONArray(cardColumns), "SELECT " + d.JSONArray(cardColumns+cardBody)}
}

// scanCard returns the scanner of cardSelectDrivenBy's rows (body as
// given to it). The rows do not hold the edition: lists of cards are of
// one edition, which the caller passes.
func scanCard(edition string, body bool) func(interface{ Scan(...any) error }) (*content.Article, error) {
	return func(sc interface{ Scan(...any) error }) (*content.Article, error) {
		var packed string
		if err := sc.Scan(&packed); err != nil {
			return nil, err
		}
		r := packedRow{text: packed}
		r.open()
		// One allocation per card instead of four.
		parts := &struct {
			a   content.Article
			cat content.Category
			au  content.Author
			m   media.Media
		}{}
		a := &parts.a
		a.Edition, a.Status = edition, content.Published
		a.ID, a.Slug, a.Title, a.Excerpt = r.int(), r.str(), r.str(), r.str()
		a.PublishedAt = fromUnix(r.int())
		a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt, a.PrimaryCategoryID, a.AuthorID = r.int(), r.str(), r.str(), r.int(), r.int()
		a.External.Writer, a.External.Publication, a.External.URL, a.CommentCount = r.str(), r.str(), r.str(), int(r.int())
		cat, au, m := &parts.cat, &parts.au, &parts.m
		cat.ID, cat.Edition = a.PrimaryCategoryID, edition
		if body {
			a.BodyHTML = r.str()
		}
		if err := r.close(); err != nil {
			return nil, err
		}
		attachJoined(a, cat, au, m)
		return a, nil
	}
}

// ListArticleCards returns a page of published articles as cards, newest
// first. The page's ids come from the listing index alone (a deep OFFSET
// skips index entries, not joined rows); only they are joined.
func (s *Store) ListArticleCards(ctx context.Context, f content.ArticleFilter) ([]*content.Article, error) {
	f.Status = content.Published
	where, args := articleWhere(f)
	args = append(args, f.Offset)
	page := "(SELECT a.id, a.published_at FROM articles a" + where +
		" ORDER BY a.published_at DESC, a.id DESC LIMIT " + strconv.Itoa(listLimit(f)) + " OFFSET ?) p"
	// The page comes out in its order, but no SQL promises that without
	// an ORDER BY, and with one SQLite sorts the joined rows again in a
	// temporary b-tree: they are put in order here instead.
	cards, err := s.cards(ctx, f.Edition, !f.Summary, s.cardSelectDrivenBy(page, !f.Summary)+" WHERE a.id = p.id", args...)
	if err != nil {
		return nil, err
	}
	if !slices.IsSortedFunc(cards, newestFirst) {
		slices.SortFunc(cards, newestFirst)
	}
	return cards, nil
}

// newestFirst orders articles as listings do: by publication time, then
// by id, both descending.
func newestFirst(a, b *content.Article) int {
	if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// listLimit is a filter's page size: its Limit, or ten. It is written into
// the statement's text, not bound: SQLite plans with a bound LIMIT's value
// and prepares the statement again whenever it changes, which a page's
// listing (a page and one more) and its sidebar (five) sharing one
// statement did on every request. There are only a handful of limits, each
// a statement of its own.
func listLimit(f content.ArticleFilter) int {
	if f.Limit <= 0 {
		return 10
	}
	return f.Limit
}
