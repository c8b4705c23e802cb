package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// What a card shows of the rows it points at — its primary category's
// slug and name, its author's slug and name in the card's edition, its
// featured picture — is kept here for one generation of the store,
// instead of being joined to every card row: with SQLite those three or
// four lookups per row were about a tenth of an uncached home page's CPU
// time, and a listing points at the same few categories, authors and
// pictures on every page. A committed write bumps the generation (it
// empties the page cache for the same reason), and the next card query
// starts a new set, so no card shows a name older than the change.

// refBatch is the number of ids one lookup query takes; missing ids are
// padded with 0, which no row has, so each kind is one prepared statement
// whatever the listing's length (and a listing of up to refBatch cards
// costs one query per kind it lacks).
const refBatch = 64

// maxRefs bounds each kind's map: a crawler walking every page of an
// archive within one generation makes the set start over instead of
// holding every picture of the site. (A variable for a test.)
var maxRefs = 4096

// authorKey is an author as named in one edition.
type authorKey struct {
	id      int64
	edition string
}

// cardRefs is one generation's set (see refsAt).
type cardRefs struct {
	gen     uint64
	mu      sync.Mutex
	cats    map[int64]content.Category
	authors map[authorKey]content.Author
	media   map[int64]media.Media
}

func newCardRefs(gen uint64) *cardRefs {
	return &cardRefs{gen: gen, cats: map[int64]content.Category{}, authors: map[authorKey]content.Author{}, media: map[int64]media.Media{}}
}

// refsAt returns the set to use for card rows read after the store was at
// generation gen. A newer set serves too: what it holds was read after
// gen's writes committed. Inside a transaction the cards get a set of
// their own, since the transaction may see rows that never commit.
func (s *Store) refsAt(ctx context.Context, gen uint64) *cardRefs {
	if _, inTx := ctx.Value(txKey{}).(*sql.Tx); inTx {
		return newCardRefs(gen)
	}
	for {
		cur := s.refs.Load()
		if cur != nil && cur.gen >= gen {
			return cur
		}
		if next := newCardRefs(gen); s.refs.CompareAndSwap(cur, next) {
			return next
		}
	}
}

// cards runs a card query (cardSelectDrivenBy; body as given to it) and
// hangs on each card of edition its category, author and picture.
func (s *Store) cards(ctx context.Context, edition string, body bool, q string, args ...any) ([]*content.Article, error) {
	refs := s.refsAt(ctx, s.generation.Load()) // before the rows are read
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanCard(edition, body))
	if err != nil {
		return nil, err
	}
	if err := s.attachRefs(ctx, refs, edition, list); err != nil {
		return nil, err
	}
	return list, nil
}

// attachRefs fills in the cards' category, author and picture from refs,
// reading those it lacks (at most one query per kind for refBatch cards).
// (scanCard gave each card copies of its own, with the ids set: callers
// may change a card without changing the set.)
func (s *Store) attachRefs(ctx context.Context, refs *cardRefs, edition string, list []*content.Article) error {
	var needCats, needAuthors, needMedia []int64
	refs.mu.Lock()
	for _, a := range list {
		if c, ok := refs.cats[a.PrimaryCategoryID]; ok {
			*a.PrimaryCategory = c
		} else {
			needCats = appendNew(needCats, a.PrimaryCategoryID)
		}
		if a.Author != nil {
			if au, ok := refs.authors[authorKey{a.AuthorID, edition}]; ok {
				*a.Author = au
			} else {
				needAuthors = appendNew(needAuthors, a.AuthorID)
			}
		}
		if a.Featured != nil {
			if m, ok := refs.media[a.FeaturedMediaID]; ok {
				*a.Featured = m
			} else {
				needMedia = appendNew(needMedia, a.FeaturedMediaID)
			}
		}
	}
	refs.mu.Unlock()
	if len(needCats)+len(needAuthors)+len(needMedia) == 0 {
		return nil
	}
	cats, err := lookUpRefs(ctx, s, needCats, "SELECT id, edition, slug, name FROM categories WHERE id IN ",
		func(sc interface{ Scan(...any) error }) (int64, content.Category, error) {
			var c content.Category
			err := sc.Scan(&c.ID, &c.Edition, &c.Slug, &c.Name)
			return c.ID, c, err
		})
	if err != nil {
		return err
	}
	authors, err := lookUpRefs(ctx, s, needAuthors, `SELECT au.id, au.slug, COALESCE(ap.name, au.name) FROM authors au
		LEFT JOIN author_profiles ap ON ap.author_id = au.id AND ap.edition = ? WHERE au.id IN `,
		func(sc interface{ Scan(...any) error }) (int64, content.Author, error) {
			var au content.Author
			err := sc.Scan(&au.ID, &au.Slug, &au.Name)
			return au.ID, au, err
		}, edition)
	if err != nil {
		return err
	}
	pictures, err := lookUpRefs(ctx, s, needMedia, "SELECT id, path, mime, width, height, alt, caption, variants FROM media WHERE id IN ",
		func(sc interface{ Scan(...any) error }) (int64, media.Media, error) {
			var m media.Media
			err := sc.Scan(&m.ID, &m.Path, &m.MIME, &m.Width, &m.Height, &m.Alt, &m.Caption, &m.VariantList)
			return m.ID, m, err
		})
	if err != nil {
		return err
	}
	refs.mu.Lock()
	keep(&refs.cats, cats, func(id int64) int64 { return id })
	keep(&refs.authors, authors, func(id int64) authorKey { return authorKey{id, edition} })
	keep(&refs.media, pictures, func(id int64) int64 { return id })
	refs.mu.Unlock()
	for _, a := range list {
		if c, ok := cats[a.PrimaryCategoryID]; ok {
			*a.PrimaryCategory = c
		}
		if au, ok := authors[a.AuthorID]; ok && a.Author != nil {
			*a.Author = au
		}
		if m, ok := pictures[a.FeaturedMediaID]; ok && a.Featured != nil {
			*a.Featured = m
		}
	}
	return nil
}

// appendNew appends id to ids unless it is there already (a listing's
// cards share a few categories and authors).
func appendNew(ids []int64, id int64) []int64 {
	for _, have := range ids {
		if have == id {
			return ids
		}
	}
	return append(ids, id)
}

// lookUpRefs reads the rows of ids, refBatch at a time, with q (ending in
// "IN ") after its leading arguments lead.
func lookUpRefs[T any](ctx context.Context, s *Store, ids []int64, q string, scan func(interface{ Scan(...any) error }) (int64, T, error), lead ...any) (map[int64]T, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	q += "(" + strings.TrimSuffix(strings.Repeat("?, ", refBatch), ", ") + ")"
	out := make(map[int64]T, len(ids))
	for start := 0; start < len(ids); start += refBatch {
		args := append(make([]any, 0, len(lead)+refBatch), lead...)
		for i := range refBatch {
			var id int64 // 0 pads: no row has it
			if start+i < len(ids) {
				id = ids[start+i]
			}
			args = append(args, id)
		}
		rows, err := s.query(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		type row struct {
			id int64
			v  T
		}
		got, err := collect(rows, func(sc interface{ Scan(...any) error }) (row, error) {
			id, v, err := scan(sc)
			return row{id, v}, err
		})
		if err != nil {
			return nil, err
		}
		for _, r := range got {
			out[r.id] = r.v
		}
	}
	return out, nil
}

// keep adds what was read to one of the set's maps, starting the map over
// when it would pass maxRefs.
func keep[K comparable, V any](m *map[K]V, read map[int64]V, key func(int64) K) {
	if len(read) == 0 {
		return
	}
	if len(*m)+len(read) > maxRefs {
		*m = make(map[K]V, len(read))
	}
	for id, v := range read {
		(*m)[key(id)] = v
	}
}
