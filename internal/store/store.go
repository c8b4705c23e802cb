// Package store implements the domain packages' Store interfaces in portable
// SQL over database/sql. It owns transactions (carried in the context), the
// embedded schema migrations and the mapping of driver errors. Dialect
// differences (placeholders and the like) live behind Dialect, implemented by
// one small package per database. It must never import the web layer. The
// only rows it keeps between calls are what cards show of categories,
// authors and pictures, for one write generation (cardrefs.go).
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/masthead-news/masthead/internal/audit"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

// Dialect is what differs between databases.
type Dialect interface {
	// Name is "sqlite" or "postgres"; it also names the migrations folder.
	Name() string
	// Rebind turns the portable "?" placeholders into the dialect's own.
	Rebind(query string) string
	// IsUniqueViolation reports whether err is a unique-constraint failure.
	IsUniqueViolation(err error) bool
	// SkipLocked is the clause that ends a SELECT which claims queue rows
	// ("FOR UPDATE SKIP LOCKED" on PostgreSQL, so two nodes never take the
	// same job); empty on SQLite, where the single writer serializes claims.
	SkipLocked() string
	// LockMigrations, run first in a transaction, makes other processes
	// that migrate the same database wait until it ends (an advisory lock
	// on PostgreSQL); empty on SQLite, whose write transactions already
	// exclude each other.
	LockMigrations() string
	// ChangeNotice is a statement with one argument (the sending store's
	// NodeID) that tells other nodes a write committed; in a transaction it
	// is delivered at commit ("SELECT pg_notify(…)" on PostgreSQL). Empty
	// on SQLite, where one process owns the database.
	ChangeNotice() string
	// IDList is an aggregate of an integer column's values as one text of
	// decimal numbers joined by commas, in any order ("group_concat(col)"
	// on SQLite, "string_agg(col::text, ',')" on PostgreSQL): a few hundred
	// ids come back as one value instead of as rows.
	IDList(column string) string
	// JSONArray is one text value holding the comma-separated expressions'
	// values as a JSON array ("json_array(…)" on SQLite,
	// "json_build_array(…)" on PostgreSQL): a row of many columns comes
	// back as one value (see packedRow).
	JSONArray(expressions string) string
}

// Store is the database behind every domain Store interface.
type Store struct {
	write   *sql.DB // all writes and transactions (one connection for SQLite)
	read    *sql.DB // reads outside transactions (a pool)
	dialect Dialect
	queries *queryLog
	stmts   stmtCache // prepared statements, see stmt.go
	// generation counts committed writes. Caches key on it, so a page
	// rendered before a change can never be served after it.
	generation atomic.Uint64
	node       string // NodeID
	// articleSQL and cardSQL are the packed selects of articles and cards
	// in this dialect (articleSelect, cardSelectDrivenBy), made once.
	articleSQL, cardSQL [2]string
	// refs is what cards show of categories, authors and pictures, for
	// one generation (cardrefs.go).
	refs atomic.Pointer[cardRefs]
}

// New wraps opened database handles. write and read may be the same handle.
func New(write, read *sql.DB, d Dialect) *Store {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return &Store{write: write, read: read, dialect: d, queries: &queryLog{}, node: hex.EncodeToString(b[:]), articleSQL: articleSelects(d), cardSQL: cardSelects(d)}
}

// NodeID names this store among the processes sharing the database; change
// notices carry it, so a node can skip its own.
func (s *Store) NodeID() string { return s.node }

// Close closes the database handles.
func (s *Store) Close() error {
	s.stmts.close()
	err := s.write.Close()
	if s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	return err
}

// Ping checks that the database answers; /readyz uses it.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// DialectName is the name of the database in use.
func (s *Store) DialectName() string { return s.dialect.Name() }

type txKey struct{}

// txWroteKey marks, in a transaction's context, that it made a write other
// nodes must hear about (see ChangeNotice).
type txWroteKey struct{}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// WithinTx runs fn in one transaction: everything fn does through the store
// with the context it receives commits together or not at all. Nested calls
// join the outer transaction.
func (s *Store) WithinTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.transact(ctx, true, fn)
}

// withinTxQuiet is WithinTx for transactions that change no row a page
// shows (queue claims), so committing them leaves the generation alone.
func (s *Store) withinTxQuiet(ctx context.Context, fn func(ctx context.Context) error) error {
	return s.transact(ctx, false, fn)
}

func (s *Store) transact(ctx context.Context, bump bool, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(ctx)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	wrote := new(atomic.Bool)
	txCtx := context.WithValue(context.WithValue(ctx, txKey{}, tx), txWroteKey{}, wrote)
	if err := fn(withTxStmts(txCtx, tx)); err != nil {
		_ = tx.Rollback()
		return err
	}
	if notice := s.dialect.ChangeNotice(); notice != "" && wrote.Load() {
		if _, err := tx.ExecContext(ctx, s.dialect.Rebind(notice), s.node); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("change notice: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if bump {
		s.generation.Add(1)
	}
	return nil
}

// Generation changes after every committed write (and only then).
func (s *Store) Generation() uint64 { return s.generation.Load() }

// Changed records a write made outside the store's own methods, or on
// another node (see the PostgreSQL notifications), so caches drop old pages.
func (s *Store) Changed() { s.generation.Add(1) }

func (s *Store) reader(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return s.read
}

func (s *Store) writer(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return s.write
}

func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	s.queries.count()
	q = s.dialect.Rebind(q)
	if st := s.stmt(ctx, false, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.reader(ctx).QueryContext(ctx, q, args...)
}

func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	s.queries.count()
	q = s.dialect.Rebind(q)
	if st := s.stmt(ctx, false, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.reader(ctx).QueryRowContext(ctx, q, args...)
}

func (s *Store) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s.queries.count()
	res, err := s.execStmt(ctx, s.dialect.Rebind(q), args...)
	s.wrote(ctx, err)
	return res, err
}

// execQuiet writes rows that never change what readers see (sessions,
// view counters), so it leaves the cache generation alone. Anything a
// public page shows must be written with exec instead.
func (s *Store) execQuiet(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s.queries.count()
	return s.execStmt(ctx, s.dialect.Rebind(q), args...)
}

// wrote bumps the generation after a successful write outside a
// transaction and tells other nodes; inside one, the commit does both.
func (s *Store) wrote(ctx context.Context, err error) {
	if err != nil {
		return
	}
	if _, inTx := ctx.Value(txKey{}).(*sql.Tx); inTx {
		if w, ok := ctx.Value(txWroteKey{}).(*atomic.Bool); ok {
			w.Store(true)
		}
		return
	}
	s.generation.Add(1)
	if notice := s.dialect.ChangeNotice(); notice != "" {
		// The write has committed; a notice that fails (the database just
		// went away) is covered by the listener, which counts every
		// reconnection as a change.
		_, _ = s.write.ExecContext(ctx, s.dialect.Rebind(notice), s.node)
	}
}

// insert runs an INSERT … RETURNING id and gives the new id.
func (s *Store) insert(ctx context.Context, q string, args ...any) (int64, error) {
	s.queries.count()
	var id int64
	q = s.dialect.Rebind(q + " RETURNING id")
	row := (*sql.Row)(nil)
	if st := s.stmt(ctx, true, q); st != nil {
		row = st.QueryRowContext(ctx, args...)
	} else {
		row = s.writer(ctx).QueryRowContext(ctx, q, args...)
	}
	err := row.Scan(&id)
	s.wrote(ctx, err)
	return id, err
}

//go:embed migrations
var migrationFS embed.FS

// Migrate applies every embedded migration not yet recorded, each in its own
// transaction, in file-name order. Running it again does nothing.
func (s *Store) Migrate(ctx context.Context) (applied []string, err error) {
	// Nodes starting together on one database take turns: each step holds
	// the migration lock and looks again under it.
	lock := func(ctx context.Context) error {
		if q := s.dialect.LockMigrations(); q != "" {
			_, err := s.writer(ctx).ExecContext(ctx, q)
			return err
		}
		return nil
	}
	if err := s.WithinTx(ctx, func(ctx context.Context) error {
		if err := lock(ctx); err != nil {
			return err
		}
		_, err := s.writer(ctx).ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`)
		return err
	}); err != nil {
		return nil, fmt.Errorf("preparing migrations table: %w", err)
	}
	dir := "migrations/" + s.dialect.Name()
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("no migrations for %s: %w", s.dialect.Name(), err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		version := strings.TrimSuffix(name, ".sql")
		var n int
		if err := s.write.QueryRowContext(ctx, s.dialect.Rebind("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"), version).Scan(&n); err != nil {
			return applied, err
		}
		if n > 0 {
			continue
		}
		body, err := migrationFS.ReadFile(dir + "/" + name)
		if err != nil {
			return applied, err
		}
		done := false
		err = s.WithinTx(ctx, func(ctx context.Context) error {
			if err := lock(ctx); err != nil {
				return err
			}
			if err := s.writer(ctx).QueryRowContext(ctx, s.dialect.Rebind("SELECT COUNT(*) FROM schema_migrations WHERE version = ?"), version).Scan(&n); err != nil || n > 0 {
				done = n > 0 // another node applied it meanwhile
				return err
			}
			if _, err := s.writer(ctx).ExecContext(ctx, string(body)); err != nil {
				return err
			}
			if step := postMigration[version]; step != nil {
				if err := step(s, ctx); err != nil {
					return err
				}
			}
			_, err := s.exec(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", version, time.Now().Unix())
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("migration %s: %w", name, err)
		}
		if !done {
			applied = append(applied, version)
		}
	}
	return applied, nil
}

// postMigration holds the Go part of a migration, for data that SQL alone
// cannot compute; it runs in the migration's transaction.
var postMigration = map[string]func(s *Store, ctx context.Context) error{
	"0002_search":    (*Store).ReindexAll,
	"0004_slug_keys": (*Store).backfillSlugKeys,
}

// backfillSlugKeys folds the slugs of rows written before slug keys existed.
func (s *Store) backfillSlugKeys(ctx context.Context) error {
	for _, table := range []string{"articles", "pages", "categories"} {
		rows, err := s.query(ctx, "SELECT id, slug FROM "+table+" WHERE slug_key = ''")
		if err != nil {
			return err
		}
		type row struct {
			id   int64
			slug string
		}
		var todo []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.slug); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, r)
		}
		rows.Close()
		for _, r := range todo {
			if _, err := s.exec(ctx, "UPDATE "+table+" SET slug_key = ? WHERE id = ?", i18n.Fold(r.slug), r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// Pending lists embedded migrations that are not applied yet.
func (s *Store) Pending(ctx context.Context) ([]string, error) {
	dir := "migrations/" + s.dialect.Name()
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	rows, err := s.read.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err == nil {
		for rows.Next() {
			var v string
			if rows.Scan(&v) == nil {
				done[v] = true
			}
		}
		rows.Close()
	}
	var out []string
	for _, e := range entries {
		v := strings.TrimSuffix(e.Name(), ".sql")
		if strings.HasSuffix(e.Name(), ".sql") && !done[v] {
			out = append(out, v)
		}
	}
	return out, nil
}

// unix turns a time into stored seconds (0 for the zero time).
func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// fromUnix turns stored seconds back into a UTC time (zero for 0).
func fromUnix(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Interface guards: the store serves every domain that declares a Store.
var (
	_ content.Store = (*Store)(nil)
	_ media.Store   = (*Store)(nil)
	_ user.Store    = (*Store)(nil)
	_ audit.Store   = (*Store)(nil)
)

// SchemaVersion is the newest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), '') FROM schema_migrations").Scan(&v)
	return v, err
}

// Pragma reads a SQLite PRAGMA on the writer connection (for tests and
// diagnostics; other databases return an error).
func (s *Store) Pragma(ctx context.Context, name string) (string, error) {
	for _, r := range name {
		if (r < 'a' || r > 'z') && r != '_' {
			return "", fmt.Errorf("bad pragma name %q", name)
		}
	}
	var v string
	err := s.write.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v)
	return v, err
}

// QueryRowForTest runs one read for tests that need to look behind the
// interfaces (for example, to count sessions).
func (s *Store) QueryRowForTest(ctx context.Context, q string, dest ...any) error {
	return s.read.QueryRowContext(ctx, s.dialect.Rebind(q)).Scan(dest...)
}

// collect scans every row with scan and closes rows.
func collect[T any](rows *sql.Rows, scan func(interface{ Scan(...any) error }) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// RefreshStatistics brings the query planner's statistics up to date after
// a bulk load (an import, a generated dataset, a copy). PostgreSQL plans
// with them, and its autovacuum may take minutes to notice a large load
// (or be off): until then an article page's related-articles query took
// 250 ms instead of 10. VACUUM also marks the new rows visible to all, so
// index-only scans — the listings', the related articles' — stop reading
// each row from the table as well (1.3 → 1.0 ms for related articles on
// 100,000 articles). SQLite plans without statistics here, so it does
// nothing there.
func (s *Store) RefreshStatistics(ctx context.Context) error {
	if s.dialect.Name() != "postgres" {
		return nil
	}
	_, err := s.write.ExecContext(ctx, "VACUUM (ANALYZE)")
	return err
}
