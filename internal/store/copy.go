package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// TableCount is one table's rows on both sides of a copy.
type TableCount struct {
	Table          string
	Source, Target int64
}

// CopyReport is what CopyInto did and found when it compared both sides.
type CopyReport struct {
	Tables []TableCount
	// ArticleSums are SHA-256 checksums over every article (id, edition,
	// slug, title, excerpt, body, status and times) in id order.
	SourceArticles, TargetArticles string
}

// copySkipped are tables a copy leaves out: the migration record (the
// target has its own) and the search index, which the target rebuilds in
// its own form (FTS5 on SQLite, tsvector on PostgreSQL).
func copySkipped(table string) bool {
	return table == "schema_migrations" || strings.HasPrefix(table, "search_")
}

// ErrTargetNotEmpty refuses a copy into a database that already has content.
type ErrTargetNotEmpty struct{ Table string }

func (e *ErrTargetNotEmpty) Error() string {
	return fmt.Sprintf("the target database already has rows in %s", e.Table)
}

// CopyInto copies every table of s into dst, a migrated database of the same
// schema, in one transaction of dst: all of it or nothing. The table list
// comes from the source's schema, ordered so that a table follows the
// tables its foreign keys point to, so future migrations are covered
// without a list to keep. With replace, rows already in dst are deleted
// first; without it, a target with any row is refused. Identity sequences
// are moved past the copied ids, the search index is rebuilt, and both sides
// are then counted and the articles checksummed.
func (s *Store) CopyInto(ctx context.Context, dst *Store, replace bool) (*CopyReport, error) {
	srcV, err := s.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	dstV, err := dst.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	if srcV != dstV {
		return nil, fmt.Errorf("the source is at schema %s and the target at %s; migrate both first", srcV, dstV)
	}
	tables, err := s.tablesInDependencyOrder(ctx)
	if err != nil {
		return nil, err
	}
	targetTables, err := dst.Tables(ctx)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, t := range targetTables {
		have[t] = true
	}
	for _, t := range tables {
		if !have[t] {
			return nil, fmt.Errorf("the target has no table %s", t)
		}
	}
	tx, err := dst.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if dst.dialect.Name() == "postgres" {
		// Some foreign keys form cycles (media.uploaded_by → users, an
		// author's picture → media), so no order satisfies every key row by
		// row. The replica role skips the key triggers for this transaction;
		// the source's keys were enforced, and both sides are compared after.
		if _, err := tx.ExecContext(ctx, "SET LOCAL session_replication_role = replica"); err != nil {
			return nil, fmt.Errorf("the target account may not set session_replication_role (use a superuser, or on PostgreSQL 15+: GRANT SET ON PARAMETER session_replication_role TO the account): %w", err)
		}
	}
	for i := len(tables) - 1; i >= 0; i-- {
		t := tables[i]
		var n int64
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(t)).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			continue
		}
		if !replace {
			return nil, &ErrTargetNotEmpty{Table: t}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(t)); err != nil {
			return nil, fmt.Errorf("emptying %s: %w", t, err)
		}
	}
	for _, t := range tables {
		if err := s.copyTable(ctx, dst, tx, t); err != nil {
			return nil, fmt.Errorf("copying %s: %w", t, err)
		}
		if dst.dialect.Name() == "postgres" {
			// Rows came with their ids; new rows must not reuse them.
			var hasID bool
			cols, err := columns(ctx, tx, t)
			if err != nil {
				return nil, err
			}
			for _, c := range cols {
				hasID = hasID || c == "id"
			}
			if hasID {
				q := "SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + quoteIdent(t) + "), false)"
				if _, err := tx.ExecContext(ctx, q, t); err != nil {
					return nil, fmt.Errorf("resetting the ids of %s: %w", t, err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if err := dst.ReindexAll(ctx); err != nil {
		return nil, fmt.Errorf("the rows are copied, but rebuilding the search index failed: %w", err)
	}
	if err := dst.RefreshStatistics(ctx); err != nil {
		return nil, fmt.Errorf("the rows are copied, but refreshing the planner's statistics failed: %w", err)
	}
	r := &CopyReport{}
	for _, t := range tables {
		c := TableCount{Table: t}
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(t)).Scan(&c.Source); err != nil {
			return nil, err
		}
		if err := dst.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(t)).Scan(&c.Target); err != nil {
			return nil, err
		}
		r.Tables = append(r.Tables, c)
	}
	if r.SourceArticles, err = s.ArticleChecksum(ctx); err != nil {
		return nil, err
	}
	if r.TargetArticles, err = dst.ArticleChecksum(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// ArticleChecksum is a SHA-256 over every article's id, edition, slug,
// title, excerpt, source and rendered body, status and times, in id order.
func (s *Store) ArticleChecksum(ctx context.Context) (string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, edition, slug, title, excerpt, body_source, body_html, status,
		published_at, created_at, updated_at FROM articles ORDER BY id`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	h := sha256.New()
	for rows.Next() {
		var id, pub, created, updated int64
		var edition, slug, title, excerpt, src, html, status string
		if err := rows.Scan(&id, &edition, &slug, &title, &excerpt, &src, &html, &status, &pub, &created, &updated); err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%d\x00%q\x00%q\x00%q\x00%q\x00%q\x00%q\x00%q\x00%d\x00%d\x00%d\n", id, edition, slug, title, excerpt, src, html, status, pub, created, updated)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// tablesInDependencyOrder lists the SQLite source's tables to copy, each
// after the tables its foreign keys reference where no cycle prevents it
// (ties in creation order).
func (s *Store) tablesInDependencyOrder(ctx context.Context) ([]string, error) {
	if s.dialect.Name() != "sqlite" {
		return nil, fmt.Errorf("copying from %s is not supported; the source must be SQLite", s.dialect.Name())
	}
	rows, err := s.read.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	var all []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if !copySkipped(n) {
			all = append(all, n)
		}
	}
	rows.Close()
	deps := map[string][]string{}
	for _, t := range all {
		r, err := s.read.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, t)
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var ref string
			if err := r.Scan(&ref); err != nil {
				r.Close()
				return nil, err
			}
			if ref != t && !copySkipped(ref) {
				deps[t] = append(deps[t], ref)
			}
		}
		r.Close()
	}
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(t string) error
	visit = func(t string) error {
		if state[t] != 0 {
			return nil // done, or a cycle (media ↔ users): the target checks keys at the end
		}
		state[t] = 1
		for _, d := range deps[t] {
			if err := visit(d); err != nil {
				return err
			}
		}
		state[t] = 2
		order = append(order, t)
		return nil
	}
	for _, t := range all {
		if err := visit(t); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// copyTable streams one table's rows into dst's transaction in batches.
func (s *Store) copyTable(ctx context.Context, dst *Store, tx querier, table string) error {
	srcCols, err := columns(ctx, s.read, table)
	if err != nil {
		return err
	}
	dstCols, err := columns(ctx, tx, table)
	if err != nil {
		return err
	}
	inDst := map[string]bool{}
	for _, c := range dstCols {
		inDst[c] = true
	}
	for _, c := range srcCols {
		if !inDst[c] {
			return fmt.Errorf("the target has no column %s.%s", table, c)
		}
	}
	quoted := make([]string, len(srcCols))
	for i, c := range srcCols {
		quoted[i] = quoteIdent(c)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+strings.Join(quoted, ", ")+" FROM "+quoteIdent(table)+" ORDER BY 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	perRow := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(srcCols)), ", ") + ")"
	batch := max(1, 10000/len(srcCols))
	var args []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		q := "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(quoted, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(perRow+", ", n), ", ")
		_, err := tx.ExecContext(ctx, dst.dialect.Rebind(q), args...)
		args, n = args[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(srcCols))
		ptrs := make([]any, len(srcCols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		args = append(args, vals...)
		n++
		if n == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

func columns(ctx context.Context, q querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT * FROM "+quoteIdent(table)+" WHERE 1 = 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	sort.Strings(cols)
	return cols, nil
}
