package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
)

var _ search.Store = (*Store)(nil)

// searchEngine is the database-specific half of full-text search: how the
// folded text of a document is stored and how a query finds and ranks
// documents. SQLite's is FTS5 (search_sqlite.go); PostgreSQL brings its own
// (tsvector) behind the same methods. Everything else — which items are
// indexed, when, the filters and loading the results — is portable and
// lives here.
type searchEngine interface {
	// writeText stores the folded title and body of document id, replacing
	// what it had.
	writeText(ctx context.Context, s *Store, id int64, title, body string) error
	// deleteText drops the text of document id.
	deleteText(ctx context.Context, s *Store, id int64) error
	// clear drops every document's text.
	clear(ctx context.Context, s *Store) error
	// texts counts the documents that have text in the index.
	texts(ctx context.Context, s *Store) (int, error)
	// page returns SQL and arguments selecting (kind, item_id, total) of the
	// documents d that match q and satisfy where (a condition on d with
	// whereArgs), best first, then newest first; total is the number of
	// matching rows before LIMIT and OFFSET, which the query ends with (the
	// caller appends their two arguments).
	page(q search.Query, where string, whereArgs []any) (string, []any)
	// count returns SQL and arguments counting those documents.
	count(q search.Query, where string, whereArgs []any) (string, []any)
}

func (s *Store) searchEngine() (searchEngine, error) {
	switch s.dialect.Name() {
	case "sqlite":
		return fts5{}, nil
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
	return s.index(ctx, search.NewDocument(search.Article, a.ID, a.Edition, a.Title, a.Excerpt, a.BodyHTML, a.PublishedAt))
}

// indexPage makes the search index follow a static page.
func (s *Store) indexPage(ctx context.Context, p *content.Page) error {
	if p.Status != content.Published {
		return s.unindex(ctx, search.Page, p.ID)
	}
	return s.index(ctx, search.NewDocument(search.Page, p.ID, p.Edition, p.Title, p.Description, p.BodyHTML, p.PublishedAt))
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

// index adds a document to the index or replaces its earlier version.
func (s *Store) index(ctx context.Context, d search.Document) error {
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		var id int64
		err := s.queryRow(ctx, "SELECT id FROM search_documents WHERE kind = ? AND item_id = ?", string(d.Kind), d.ID).Scan(&id)
		switch {
		case isNoRows(err):
			id, err = s.insert(ctx, "INSERT INTO search_documents (kind, item_id, edition, published_at) VALUES (?, ?, ?, ?)",
				string(d.Kind), d.ID, d.Edition, unix(d.PublishedAt))
		case err == nil:
			_, err = s.exec(ctx, "UPDATE search_documents SET edition = ?, published_at = ? WHERE id = ?", d.Edition, unix(d.PublishedAt), id)
		}
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		return eng.writeText(ctx, s, id, d.IndexTitle(), d.IndexBody())
	})
}

// unindex removes an item from the index; an item that is not there is fine.
func (s *Store) unindex(ctx context.Context, kind search.Kind, itemID int64) error {
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	return s.WithinTx(ctx, func(ctx context.Context) error {
		var id int64
		err := s.queryRow(ctx, "SELECT id FROM search_documents WHERE kind = ? AND item_id = ?", string(kind), itemID).Scan(&id)
		if isNoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := eng.deleteText(ctx, s, id); err != nil {
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
					if err := s.index(ctx, d); err != nil {
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
// match q, ranked, and how many match in all.
func (s *Store) Search(ctx context.Context, q search.Query, f search.Filter) ([]search.Hit, int, error) {
	eng, err := s.searchEngine()
	if err != nil {
		return nil, 0, err
	}
	if q.Empty() {
		return nil, 0, nil
	}
	where, whereArgs := searchWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 10
	}
	sqlText, args := eng.page(q, where, whereArgs)
	rows, err := s.query(ctx, sqlText, append(args, limit, max(0, f.Offset))...)
	if err != nil {
		return nil, 0, err
	}
	type ref struct {
		kind search.Kind
		id   int64
	}
	var refs []ref
	total := 0
	for rows.Next() {
		var r ref
		var kind string
		if err := rows.Scan(&kind, &r.id, &total); err != nil {
			rows.Close()
			return nil, 0, err
		}
		r.kind = search.Kind(kind)
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(refs) == 0 {
		if f.Offset > 0 { // past the end: the window function saw no row
			sqlText, args := eng.count(q, where, whereArgs)
			err := s.queryRow(ctx, sqlText, args...).Scan(&total)
			return nil, total, err
		}
		return nil, 0, nil
	}
	byKind := map[search.Kind][]int64{}
	for _, r := range refs {
		byKind[r.kind] = append(byKind[r.kind], r.id)
	}
	loaded := map[ref]search.Hit{}
	for kind, ids := range byKind {
		hits, err := s.searchHits(ctx, kind, ids)
		if err != nil {
			return nil, 0, err
		}
		for _, h := range hits {
			loaded[ref{h.Kind, h.ID}] = h
		}
	}
	out := make([]search.Hit, 0, len(refs))
	for _, r := range refs {
		if h, ok := loaded[r]; ok {
			out = append(out, h)
		}
	}
	return out, total, nil
}

// searchWhere is the portable filter on search_documents d.
func searchWhere(f search.Filter) (string, []any) {
	conds := []string{"d.edition = ?"}
	args := []any{f.Edition}
	if !f.Before.IsZero() {
		conds = append(conds, "d.published_at <= ?")
		args = append(args, unix(f.Before))
	}
	if !f.From.IsZero() {
		conds = append(conds, "d.published_at >= ?")
		args = append(args, unix(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "d.published_at < ?")
		args = append(args, unix(f.To))
	}
	if len(f.Kinds) > 0 {
		conds = append(conds, "d.kind IN ("+placeholders(len(f.Kinds))+")")
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if len(f.CategoryIDs) > 0 {
		conds = append(conds, "d.kind = 'article' AND d.item_id IN (SELECT article_id FROM article_categories WHERE category_id IN ("+
			placeholders(len(f.CategoryIDs))+"))")
		for _, id := range f.CategoryIDs {
			args = append(args, id)
		}
	}
	return strings.Join(conds, " AND "), args
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
