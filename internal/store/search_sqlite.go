package store

import (
	"context"
	"strings"

	"github.com/masthead-news/masthead/internal/search"
)

// fts5 is full-text search on SQLite's FTS5: the contentless table
// search_index (migration 0002_search) holds the folded title and body of
// each row of search_documents under the same rowid. Everything
// SQLite-specific about search is in this file.
type fts5 struct{}

// Column weights for bm25: a word in the title counts ten times one in the body.
const (
	fts5TitleWeight = "10.0"
	fts5BodyWeight  = "1.0"
)

func (fts5) writeText(ctx context.Context, s *Store, id int64, title, body string) error {
	_, err := s.exec(ctx, "INSERT OR REPLACE INTO search_index (rowid, title, body) VALUES (?, ?, ?)", id, title, body)
	return err
}

func (fts5) deleteText(ctx context.Context, s *Store, id int64) error {
	_, err := s.exec(ctx, "DELETE FROM search_index WHERE rowid = ?", id)
	return err
}

func (fts5) clear(ctx context.Context, s *Store) error {
	_, err := s.exec(ctx, "INSERT INTO search_index (search_index) VALUES ('delete-all')")
	return err
}

func (fts5) texts(ctx context.Context, s *Store) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM search_index").Scan(&n)
	return n, err
}

// fts5Match writes q in FTS5's query language: each term is a quoted string
// (so nothing a reader types acts as an operator; FTS5 splits a string of
// several tokens into a phrase), a prefix term ends with *, and every term
// must match.
func fts5Match(q search.Query) string {
	parts := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		p := `"` + strings.ReplaceAll(strings.Join(t.Tokens, " "), `"`, `""`) + `"`
		if t.Prefix {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " AND ")
}

// The FTS5 match runs first (CROSS JOIN fixes the join order), so the cost
// follows the number of matching documents, never the size of an edition.
func (fts5) page(q search.Query, where string, whereArgs []any) (string, []any) {
	sql := `SELECT d.kind, d.item_id, COUNT(*) OVER ()
		FROM (SELECT rowid AS doc, bm25(search_index, ` + fts5TitleWeight + `, ` + fts5BodyWeight + `) AS score
			FROM search_index WHERE search_index MATCH ?) m
		CROSS JOIN search_documents d ON d.id = m.doc
		WHERE ` + where + `
		ORDER BY m.score, d.published_at DESC, d.id DESC LIMIT ? OFFSET ?`
	return sql, append([]any{fts5Match(q)}, whereArgs...)
}

func (fts5) count(q search.Query, where string, whereArgs []any) (string, []any) {
	sql := `SELECT COUNT(*) FROM (SELECT rowid AS doc FROM search_index WHERE search_index MATCH ?) m
		CROSS JOIN search_documents d ON d.id = m.doc WHERE ` + where
	return sql, append([]any{fts5Match(q)}, whereArgs...)
}
