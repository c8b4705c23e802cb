package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
)

var _ search.Store = (*Store)(nil)

// searchEngine is the database-specific half of full-text search: how the
// folded text of a document is stored and how a query finds and ranks
// documents. SQLite's is FTS5 (search_sqlite.go); PostgreSQL brings its own
// (tsvector) behind the same methods. Everything else — which items are
// indexed, when, under which ids, the filters and loading the results — is
// portable and lives here.
type searchEngine interface {
	// writeText stores the folded title and body of document id, replacing
	// what it had.
	writeText(ctx context.Context, s *Store, id int64, title, body string) error
	// writeTexts does the same for several documents (ids distinct and
	// ascending) in one statement, skipping any whose row in
	// search_documents is gone.
	writeTexts(ctx context.Context, s *Store, rows []textRow) error
	// deleteText drops the text of document id.
	deleteText(ctx context.Context, s *Store, id int64) error
	// clear drops every document's text.
	clear(ctx context.Context, s *Store) error
	// texts counts the documents that have text in the index.
	texts(ctx context.Context, s *Store) (int, error)
	// rank returns the ids of one page of the documents in scope that match
	// q, best first, and how many match (it may stop counting past
	// search.MaxTotal).
	rank(ctx context.Context, s *Store, q search.Query, sc searchScope, offset, limit int) (ids []int64, total int, err error)
}

// searchScope is what one search may see. Lo and Hi bound the document ids
// (see docKey): one edition, within the date filters. Where holds the other
// filters as a condition on search_documents d (empty when there are none).
type searchScope struct {
	Lo, Hi int64
	Where  string
	Args   []any
	Filter search.Filter // the filters themselves, for engines that want columns
}

// searchWindow is how many of the newest matches a search counts and ranks
// (search.MaxTotal; tests lower it). Engines read matches newest first and
// stop there, so a common word in a large archive costs no more than a rare
// one.
var searchWindow = search.MaxTotal

// Document ids order the index by edition, then publication time:
//
//	id = edition << 53 | (published_at + 2^32) << 20 | sequence
//
// with the edition's number from search_editions (1 to 1023), published_at
// in Unix seconds (years 1834 to 2106) and a sequence for items published in
// the same second. An engine can then filter an edition and a date range as
// an id range and read the newest matches first without sorting.
const (
	keyEditionShift = 53
	keyTimeShift    = 20
	keyTimeOffset   = int64(1) << 32
	keyTimeMax      = int64(1)<<33 - 1
	keySequenceMax  = int64(1)<<keyTimeShift - 1
)

// docKey is the smallest id of the documents of edition number ed published
// in the second of t.
func docKey(ed int64, t time.Time) int64 {
	sec := min(max(unix(t)+keyTimeOffset, 0), keyTimeMax)
	return ed<<keyEditionShift | sec<<keyTimeShift
}

// editionNumber gives an edition's number in document ids, assigning the
// next free one when create is set; ok is false for an edition that has
// never been indexed.
func (s *Store) editionNumber(ctx context.Context, code string, create bool) (n int64, ok bool, err error) {
	b := bulkOf(ctx)
	if b != nil {
		if n, ok := b.editions[code]; ok {
			return n, true, nil
		}
		defer func() {
			if ok && err == nil {
				b.editions[code] = n
			}
		}()
	}
	err = s.queryRow(ctx, "SELECT n FROM search_editions WHERE code = ?", code).Scan(&n)
	if err == nil || !isNoRows(err) || !create {
		return n, err == nil, ignoreNoRows(err)
	}
	if err := s.queryRow(ctx, "SELECT COALESCE(MAX(n), 0) + 1 FROM search_editions").Scan(&n); err != nil {
		return 0, false, err
	}
	if n > 1023 {
		return 0, false, errors.New("search index: more than 1023 editions")
	}
	_, err = s.exec(ctx, "INSERT INTO search_editions (code, n) VALUES (?, ?)", code, n)
	return n, err == nil, err
}

func ignoreNoRows(err error) error {
	if isNoRows(err) {
		return nil
	}
	return err
}

func (s *Store) searchEngine() (searchEngine, error) {
	switch s.dialect.Name() {
	case "sqlite":
		return fts5{}, nil
	case "postgres":
		return tsearch{}, nil
	}
	return nil, fmt.Errorf("full-text search is not implemented for %s", s.dialect.Name())
}

// indexArticle makes the search index follow an article: a published
// article is (re)indexed, an article in any other state leaves the index.
// Callers run it in the transaction that writes the article.
func (s *Store) indexArticle(ctx context.Context, a *content.Article) error {
	if a.Status != content.Published {
		return s.unindex(ctx, search.Article, a.ID)
	}
	return s.index(ctx, search.Document{Kind: search.Article, ID: a.ID, Edition: a.Edition, PublishedAt: a.PublishedAt},
		textSource{title: a.Title, summary: a.Excerpt, html: a.BodyHTML})
}

// textSource is what an item's indexed text is made from: its title, its
// summary and its HTML body, or (html empty) a document's ready body text.
type textSource struct {
	title, summary, html, body string
}

// fold gives the folded title and body the index holds.
func (t textSource) fold() (title, body string) {
	d := search.Document{Title: t.title, Body: t.body}
	if t.html != "" || t.body == "" {
		d.Body = search.BodyText(t.summary, t.html)
	}
	return d.IndexTitle(), d.IndexBody()
}

// size is about the memory the text takes.
func (t textSource) size() int { return len(t.title) + len(t.summary) + len(t.html) + len(t.body) }

// indexPage makes the search index follow a static page.
func (s *Store) indexPage(ctx context.Context, p *content.Page) error {
	if p.Status != content.Published {
		return s.unindex(ctx, search.Page, p.ID)
	}
	return s.index(ctx, search.Document{Kind: search.Page, ID: p.ID, Edition: p.Edition, PublishedAt: p.PublishedAt},
		textSource{title: p.Title, summary: p.Description, html: p.BodyHTML})
}

// indexArticleIDs makes the index follow articles whose state was changed
// by plain SQL (the scheduler's PublishDue), in the caller's transaction.
func (s *Store) indexArticleIDs(ctx context.Context, ids []int64) error {
	for _, id := range ids {
		var a content.Article
		var status string
		var pub int64
		err := s.queryRow(ctx, "SELECT id, edition, title, excerpt, body_html, status, published_at FROM articles WHERE id = ?", id).
			Scan(&a.ID, &a.Edition, &a.Title, &a.Excerpt, &a.BodyHTML, &status, &pub)
		if isNoRows(err) {
			if err := s.unindex(ctx, search.Article, id); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		a.Status, a.PublishedAt = content.Status(status), fromUnix(pub)
		if err := s.indexArticle(ctx, &a); err != nil {
			return err
		}
	}
	return nil
}

// index adds a document to the index or replaces its earlier version. A
// document keeps its id while its edition and publication second stay; else
// it moves to a new id. d gives the document's key (kind, item, edition and
// publication time), text its folded title and body (computed, in a bulk
// transaction, on another goroutine while the next items are stored).
func (s *Store) index(ctx context.Context, d search.Document, text textSource) error {
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		ed, _, err := s.editionNumber(ctx, d.Edition, true)
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		base := docKey(ed, d.PublishedAt)
		var id int64
		err = s.queryRow(ctx, "SELECT id FROM search_documents WHERE kind = ? AND item_id = ?", string(d.Kind), d.ID).Scan(&id)
		switch {
		case err == nil && id >= base && id <= base+keySequenceMax:
			_, err = s.exec(ctx, "UPDATE search_documents SET edition = ?, published_at = ? WHERE id = ?", d.Edition, unix(d.PublishedAt), id)
			if err != nil {
				return fmt.Errorf("search index: %w", err)
			}
			return s.putText(ctx, eng, d, id, text)
		case err == nil: // moved to another edition or time
			if err := s.dropText(ctx, eng, id); err != nil {
				return err
			}
			if _, err := s.exec(ctx, "DELETE FROM search_documents WHERE id = ?", id); err != nil {
				return err
			}
		case !isNoRows(err):
			return fmt.Errorf("search index: %w", err)
		}
		if err := s.queryRow(ctx, "SELECT COALESCE(MAX(id) + 1, ?) FROM search_documents WHERE id BETWEEN ? AND ?",
			base, base, base+keySequenceMax).Scan(&id); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		if id > base+keySequenceMax {
			return errors.New("search index: too many items published in one second")
		}
		if _, err := s.exec(ctx, "INSERT INTO search_documents (id, kind, item_id, edition, published_at) VALUES (?, ?, ?, ?, ?)",
			id, string(d.Kind), d.ID, d.Edition, unix(d.PublishedAt)); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		return s.putText(ctx, eng, d, id, text)
	})
}

// unindex removes an item from the index; an item that is not there is fine.
func (s *Store) unindex(ctx context.Context, kind search.Kind, itemID int64) error {
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		dropPendingItem(ctx, kind, itemID)
		var id int64
		err := s.queryRow(ctx, "SELECT id FROM search_documents WHERE kind = ? AND item_id = ?", string(kind), itemID).Scan(&id)
		if isNoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.dropText(ctx, eng, id); err != nil {
			return err
		}
		_, err = s.exec(ctx, "DELETE FROM search_documents WHERE id = ?", id)
		return err
	})
}

// ReindexAll rebuilds the whole search index from the published articles and
// pages, in one transaction. Migration 0002 runs it for content written
// before search existed; it reads only columns that migration 0001 made.
func (s *Store) ReindexAll(ctx context.Context) error {
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if b := bulkOf(ctx); b != nil {
			clear(b.texts)
			b.bytes = 0
		}
		if err := eng.clear(ctx, s); err != nil {
			return err
		}
		if _, err := s.exec(ctx, "DELETE FROM search_documents"); err != nil {
			return err
		}
		for _, src := range []struct {
			kind search.Kind
			q    string
		}{
			{search.Article, "SELECT id, edition, title, excerpt, body_html, published_at FROM articles WHERE status = 'published' AND id > ? ORDER BY id LIMIT 500"},
			{search.Page, "SELECT id, edition, title, description, body_html, published_at FROM pages WHERE status = 'published' AND id > ? ORDER BY id LIMIT 500"},
		} {
			for last := int64(0); ; {
				docs, err := s.documents(ctx, src.kind, src.q, last)
				if err != nil {
					return err
				}
				if len(docs) == 0 {
					break
				}
				for _, d := range docs {
					if err := s.index(ctx, d, textSource{title: d.Title, body: d.Body}); err != nil {
						return err
					}
				}
				last = docs[len(docs)-1].ID
			}
		}
		return nil
	})
}

// SearchIndexSize reports how many documents the search index lists and how
// many have text; the two are equal unless the index is damaged. For tests
// and diagnostics.
func (s *Store) SearchIndexSize(ctx context.Context) (documents, texts int, err error) {
	eng, err := s.searchEngine()
	if err != nil {
		return 0, 0, err
	}
	if err := s.flushTexts(ctx); err != nil {
		return 0, 0, err
	}
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM search_documents").Scan(&documents); err != nil {
		return 0, 0, err
	}
	texts, err = eng.texts(ctx, s)
	return documents, texts, err
}

// documents reads one batch of items for ReindexAll.
func (s *Store) documents(ctx context.Context, kind search.Kind, q string, after int64) ([]search.Document, error) {
	rows, err := s.query(ctx, q, after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []search.Document
	for rows.Next() {
		var id, pub int64
		var edition, title, summary, body string
		if err := rows.Scan(&id, &edition, &title, &summary, &body, &pub); err != nil {
			return nil, err
		}
		out = append(out, search.NewDocument(kind, id, edition, title, summary, body, fromUnix(pub)))
	}
	return out, rows.Err()
}

// Search returns one page of the published documents of an edition that
// match q, ranked, and how many match (counted up to search.MaxTotal + 1).
func (s *Store) Search(ctx context.Context, q search.Query, f search.Filter) ([]search.Hit, int, error) {
	eng, err := s.searchEngine()
	if err != nil {
		return nil, 0, err
	}
	if q.Empty() {
		return nil, 0, nil
	}
	if err := s.flushTexts(ctx); err != nil {
		return nil, 0, err
	}
	ed, ok, err := s.editionNumber(ctx, f.Edition, false)
	if err != nil || !ok {
		return nil, 0, err // an edition with nothing indexed yet
	}
	sc, ok := searchScopeOf(ed, f)
	if !ok {
		return nil, 0, nil // an empty date range
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 10
	}
	ids, total, err := eng.rank(ctx, s, q, sc, max(0, f.Offset), limit)
	if err != nil || len(ids) == 0 {
		return nil, total, err
	}
	type ref struct {
		kind search.Kind
		id   int64
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(ctx, "SELECT id, kind, item_id FROM search_documents WHERE id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, 0, err
	}
	refs := map[int64]ref{}
	byKind := map[search.Kind][]int64{}
	for rows.Next() {
		var doc int64
		var r ref
		var kind string
		if err := rows.Scan(&doc, &kind, &r.id); err != nil {
			rows.Close()
			return nil, 0, err
		}
		r.kind = search.Kind(kind)
		refs[doc] = r
		byKind[r.kind] = append(byKind[r.kind], r.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	loaded := map[ref]search.Hit{}
	for kind, items := range byKind {
		hits, err := s.searchHits(ctx, kind, items)
		if err != nil {
			return nil, 0, err
		}
		for _, h := range hits {
			loaded[ref{h.Kind, h.ID}] = h
		}
	}
	out := make([]search.Hit, 0, len(ids))
	for _, doc := range ids {
		if h, ok := loaded[refs[doc]]; ok {
			out = append(out, h)
		}
	}
	return out, total, nil
}

// searchScopeOf turns a filter into a scope: the id range of edition number
// ed between the dates, and the other filters as conditions on d. ok is
// false when the dates leave nothing.
func searchScopeOf(ed int64, f search.Filter) (sc searchScope, ok bool) {
	sc.Filter = f
	sc.Lo, sc.Hi = ed<<keyEditionShift, (ed+1)<<keyEditionShift-1
	if !f.From.IsZero() {
		sc.Lo = max(sc.Lo, docKey(ed, f.From))
	}
	if !f.To.IsZero() { // exclusive
		sc.Hi = min(sc.Hi, docKey(ed, f.To)-1)
	}
	if !f.Before.IsZero() { // inclusive, to the second
		sc.Hi = min(sc.Hi, docKey(ed, f.Before.Truncate(time.Second).Add(time.Second))-1)
	}
	var conds []string
	if len(f.Kinds) > 0 {
		conds = append(conds, "d.kind IN ("+placeholders(len(f.Kinds))+")")
		for _, k := range f.Kinds {
			sc.Args = append(sc.Args, string(k))
		}
	}
	if len(f.CategoryIDs) > 0 {
		conds = append(conds, "d.kind = 'article' AND EXISTS (SELECT 1 FROM article_categories ac WHERE ac.article_id = d.item_id AND ac.category_id IN ("+
			placeholders(len(f.CategoryIDs))+"))")
		for _, id := range f.CategoryIDs {
			sc.Args = append(sc.Args, id)
		}
	}
	sc.Where = strings.Join(conds, " AND ")
	return sc, sc.Lo <= sc.Hi
}

// searchHits loads what a result shows for items of one kind.
func (s *Store) searchHits(ctx context.Context, kind search.Kind, ids []int64) ([]search.Hit, error) {
	var q string
	switch kind {
	case search.Article:
		q = `SELECT a.id, a.edition, a.slug, a.title, a.excerpt, a.body_html, a.published_at, c.slug, c.name
			FROM articles a JOIN categories c ON c.id = a.primary_category_id WHERE a.id IN (` + placeholders(len(ids)) + ")"
	case search.Page:
		q = `SELECT id, edition, slug, title, description, body_html, published_at, '', '' FROM pages WHERE id IN (` + placeholders(len(ids)) + ")"
	default:
		return nil, nil // a kind this version does not know yet
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []search.Hit
	for rows.Next() {
		h := search.Hit{Kind: kind}
		var summary, body, catSlug, catName string
		var pub int64
		if err := rows.Scan(&h.ID, &h.Edition, &h.Slug, &h.Title, &summary, &body, &pub, &catSlug, &catName); err != nil {
			return nil, err
		}
		h.PublishedAt = fromUnix(pub)
		h.Body = search.BodyText(summary, body)
		if catSlug != "" {
			h.Category = &search.Category{Slug: catSlug, Name: catName}
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
