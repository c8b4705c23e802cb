// Package postgres opens a PostgreSQL database through pgx's database/sql
// driver, sizes its connection pool and supplies the PostgreSQL Dialect. It
// also runs the listener that carries change notices between nodes
// (listen.go). It holds no queries of the domains: those live in
// internal/store, written once for every database.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/masthead-news/masthead/internal/store"
)

// Dialect is PostgreSQL's store.Dialect.
type Dialect struct{}

// Name names the migrations folder.
func (Dialect) Name() string { return "postgres" }

// Rebind turns each "?" placeholder into $1, $2, … in order, leaving
// question marks inside quoted strings, quoted identifiers and comments alone.
func (Dialect) Rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			// A quoted string or identifier runs to the next unpaired quote
			// (a doubled quote is an escaped one and keeps it open).
			j := i + 1
			for j < len(q) {
				if q[j] == c {
					if j+1 < len(q) && q[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			end := min(j+1, len(q))
			b.WriteString(q[i:end])
			i = end - 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q) - i
			}
			b.WriteString(q[i : i+end])
			i += end - 1
		case c == '?':
			n++
			fmt.Fprintf(&b, "$%d", n)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// LockMigrations takes a transaction-scoped advisory lock (the number is
// arbitrary but fixed), so nodes starting together migrate one at a time.
func (Dialect) LockMigrations() string { return "SELECT pg_advisory_xact_lock(7305126941)" }

// Channel is the LISTEN/NOTIFY channel on which nodes announce writes.
const Channel = "masthead_changes"

// ChangeNotice announces a write on Channel, with the writing store's NodeID
// as the payload; inside a transaction PostgreSQL delivers it at commit, and
// not at all after a rollback.
func (Dialect) ChangeNotice() string { return "SELECT pg_notify('" + Channel + "', ?)" }

// IDList joins an integer column's values with commas.
func (Dialect) IDList(column string) string { return "string_agg(" + column + "::text, ',')" }

// JSONArray packs values into one JSON array text.
func (Dialect) JSONArray(expressions string) string {
	return "json_build_array(" + expressions + ")::text"
}

// IsUniqueViolation reports SQLSTATE 23505, unique_violation.
func (Dialect) IsUniqueViolation(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

// SkipLocked makes a claiming SELECT skip rows another node has locked, so
// two nodes never take the same job.
func (Dialect) SkipLocked() string { return " FOR UPDATE SKIP LOCKED" }

// PoolSize is the default number of connections a node opens: enough for the
// web handlers' reads and the background workers, small enough that several
// nodes stay well under PostgreSQL's default max_connections (100).
func PoolSize() int { return max(8, 4*runtime.GOMAXPROCS(0)) }

// IsURL reports whether s names a PostgreSQL database.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:5432/db?…) and
// checks that it answers. One pool serves reads, writes and transactions:
// PostgreSQL runs concurrent writers itself.
func Open(url string) (*store.Store, error) {
	db, err := OpenDB(url)
	if err != nil {
		return nil, err
	}
	return store.New(db, db, Dialect{}), nil
}

// OpenDB opens and pings the connection pool at url without wrapping it in a
// store (for tests that prepare databases and schemas).
func OpenDB(url string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("bad PostgreSQL URL: %w", err)
	}
	// Every statement is prepared once per connection and run many times
	// with different values. In its default mode PostgreSQL plans the
	// listing queries anew at each run (their generic plan's estimate looks
	// worse than it is): 1.6 ms of planning for 0.3 ms of work on the home
	// page of 100,000 articles. The generic plan is as good for every query
	// of ours, which select by key or walk an index in order; a URL may
	// still set plan_cache_mode itself.
	if _, set := cfg.RuntimeParams["plan_cache_mode"]; !set {
		cfg.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	}
	db := stdlib.OpenDB(*cfg)
	n := PoolSize()
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach PostgreSQL at %s: %w", Redact(url), err)
	}
	return db, nil
}

// Redact hides the password of a database URL for messages and logs.
func Redact(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	at := strings.LastIndexByte(strings.SplitN(rest, "/", 2)[0], '@')
	if at < 0 {
		return url
	}
	user, _, hasPass := strings.Cut(rest[:at], ":")
	if !hasPass {
		return url
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}
