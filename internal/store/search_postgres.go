package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/search"
)

// tsearch is full-text search on PostgreSQL: search_texts (migration
// postgres/0002_search) holds a tsvector per row of search_documents, under
// the same id, with a GIN index. The store builds the tsvector and the
// tsquery as literals from search.Tokens, so the words are exactly the ones
// SQLite's FTS5 path indexes (PostgreSQL's parser and dictionaries never see
// the text). Everything PostgreSQL-specific about search is in this file.
type tsearch struct{}

// Title words weigh A and body words D; ts_rank_cd's weights {D, C, B, A}
// make a title word count ten times a body word, as bm25's weights do on
// SQLite.
const tsWeights = "{0.1, 0.2, 0.4, 1.0}"

// Limits of the tsvector type: positions run to 16383, a lexeme keeps at
// most 256 positions and is shorter than 2 KiB.
const (
	tsMaxPosition   = 16383
	tsMaxPositions  = 256
	tsMaxLexemeSize = 2046
)

// tsQuote writes s as a quoted lexeme of a tsvector or tsquery literal.
func tsQuote(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}

// tsVector is the tsvector literal of a document: each token of the folded
// title (weight A) and body (weight D) with its positions. The body starts
// one position after the title ends, so a phrase never spans the two.
func tsVector(title, body string) string {
	type lexeme struct {
		positions []string
	}
	seen := map[string]*lexeme{}
	var order []string
	pos := 0
	add := func(text, weight string) {
		for _, tok := range search.Tokens(text) {
			pos = min(pos+1, tsMaxPosition)
			if len(tok) > tsMaxLexemeSize {
				continue
			}
			l := seen[tok]
			if l == nil {
				l = &lexeme{}
				seen[tok] = l
				order = append(order, tok)
			}
			if len(l.positions) < tsMaxPositions {
				l.positions = append(l.positions, strconv.Itoa(pos)+weight)
			}
		}
	}
	add(title, "A")
	pos++
	add(body, "D")
	var b strings.Builder
	for i, tok := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		tsQuote(&b, tok)
		b.WriteByte(':')
		b.WriteString(strings.Join(seen[tok].positions, ","))
	}
	return b.String()
}

// tsQuery writes q as a tsquery literal: every term must match, a phrase's
// tokens must follow each other (<->), and a prefix term ends with :*.
// Tokens are quoted, so nothing a reader types acts as an operator.
func tsQuery(q search.Query) string {
	var b strings.Builder
	for i, t := range q.Terms {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, tok := range t.Tokens {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			tsQuote(&b, tok)
		}
		if t.Prefix {
			b.WriteString(":*")
		}
		b.WriteByte(')')
	}
	return b.String()
}

func (tsearch) writeText(ctx context.Context, s *Store, id int64, title, body string) error {
	_, err := s.exec(ctx, "INSERT INTO search_texts (id, tsv) VALUES (?, ?::tsvector) ON CONFLICT (id) DO UPDATE SET tsv = excluded.tsv",
		id, tsVector(title, body))
	return err
}

// writeTexts inserts many documents' text in one statement.
func (tsearch) writeTexts(ctx context.Context, s *Store, rows []textRow) error {
	var b strings.Builder
	b.WriteString("INSERT INTO search_texts (id, tsv) SELECT v.id, v.tsv::tsvector FROM (VALUES ")
	args := make([]any, 0, 2*len(rows))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?::bigint, ?::text)")
		args = append(args, r.id, tsVector(r.title, r.body))
	}
	b.WriteString(") AS v (id, tsv) WHERE v.id IN (SELECT id FROM search_documents) ON CONFLICT (id) DO UPDATE SET tsv = excluded.tsv")
	_, err := s.exec(ctx, b.String(), args...)
	return err
}

func (tsearch) deleteText(ctx context.Context, s *Store, id int64) error {
	_, err := s.exec(ctx, "DELETE FROM search_texts WHERE id = ?", id)
	return err
}

func (tsearch) clear(ctx context.Context, s *Store) error {
	_, err := s.exec(ctx, "DELETE FROM search_texts")
	return err
}

func (tsearch) texts(ctx context.Context, s *Store) (int, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM search_texts").Scan(&n)
	return n, err
}

// rank reads the newest searchWindow+1 matches in scope (the GIN index
// finds them, the primary key orders them) and ranks them with ts_rank_cd,
// exactly as the FTS5 path does with bm25: the count stops past MaxTotal,
// and newer documents come first among equal scores.
func (tsearch) rank(ctx context.Context, s *Store, q search.Query, sc searchScope, offset, limit int) ([]int64, int, error) {
	tq := tsQuery(q)
	from := " FROM search_texts t"
	where := " WHERE t.tsv @@ ?::tsquery AND t.id BETWEEN ? AND ?"
	args := []any{tq, tq, sc.Lo, sc.Hi}
	if sc.Where != "" {
		from += " JOIN search_documents d ON d.id = t.id"
		where += " AND " + sc.Where
		args = append(args, sc.Args...)
	}
	rows, err := s.query(ctx, "SELECT t.id, ts_rank_cd('"+tsWeights+"', t.tsv, ?::tsquery)"+from+where+
		" ORDER BY t.id DESC LIMIT ?", append(args, searchWindow+1)...)
	if err != nil {
		return nil, 0, err
	}
	type scored struct {
		id    int64
		score float64
	}
	all, err := collect(rows, func(r interface{ Scan(...any) error }) (scored, error) {
		var v scored
		err := r.Scan(&v.id, &v.score)
		return v, err
	})
	if err != nil {
		return nil, 0, err
	}
	total := len(all)
	all = all[:min(total, searchWindow)]
	// Higher is better; the stable sort keeps newer first among equals.
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	if offset >= len(all) {
		return nil, total, nil
	}
	var ids []int64
	for _, r := range all[offset:min(len(all), offset+limit)] {
		ids = append(ids, r.id)
	}
	return ids, total, nil
}
