package store

import (
	"cmp"
	"context"
	"slices"
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

// writeTexts inserts many documents' text in one statement: FTS5 then
// writes them to disk as one segment (see bulk.go).
func (fts5) writeTexts(ctx context.Context, s *Store, rows []textRow) error {
	var b strings.Builder
	b.WriteString("INSERT OR REPLACE INTO search_index (rowid, title, body) SELECT column1, column2, column3 FROM (VALUES ")
	args := make([]any, 0, 3*len(rows))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?)")
		args = append(args, r.id, r.title, r.body)
	}
	b.WriteString(") WHERE column1 IN (SELECT id FROM search_documents)")
	_, err := s.exec(ctx, b.String(), args...)
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

// The FTS5 path counts and bm25-ranks the newest searchWindow matches (see
// search.go): bm25 costs microseconds per matching row (it reads each row's
// column sizes), so ranking every match of a common word in a large archive
// would take a tenth of a second. Document ids are in publication order
// (docKey), so FTS5 reads the newest matches first and stops; one statement
// gives the count and the scores, and a Latin prefix is expanded once.

func (fts5) rank(ctx context.Context, s *Store, q search.Query, sc searchScope, offset, limit int) ([]int64, int, error) {
	// The FTS5 table runs first (CROSS JOIN keeps that order) within the
	// rowid range; the filters on d, if any, follow each match.
	from := " FROM search_index"
	where := " WHERE search_index MATCH ? AND search_index.rowid BETWEEN ? AND ?"
	args := []any{fts5Match(q), sc.Lo, sc.Hi}
	if sc.Where != "" {
		from += " CROSS JOIN search_documents d ON d.id = search_index.rowid"
		where += " AND " + sc.Where
		args = append(args, sc.Args...)
	}
	rows, err := s.query(ctx, "SELECT search_index.rowid, bm25(search_index, "+fts5TitleWeight+", "+fts5BodyWeight+")"+
		from+where+" ORDER BY search_index.rowid DESC LIMIT ?", append(args, searchWindow+1)...)
	if err != nil {
		return nil, 0, err
	}
	type scored struct {
		id    int64
		score float64
	}
	var all []scored
	for rows.Next() {
		var r scored
		if err := rows.Scan(&r.id, &r.score); err != nil {
			rows.Close()
			return nil, 0, err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	total := len(all)
	all = all[:min(total, searchWindow)]
	// bm25 is negative, lower is better; newer first among equals.
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(a.score, b.score) })
	if offset >= len(all) {
		return nil, total, nil
	}
	var ids []int64
	for _, r := range all[offset:min(len(all), offset+limit)] {
		ids = append(ids, r.id)
	}
	return ids, total, nil
}
