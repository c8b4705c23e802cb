// Package sqlite opens the embedded, pure-Go SQLite database (no cgo) with
// the settings Masthead relies on — WAL, foreign keys, a busy timeout, one
// writer connection and a pool of readers — and supplies the SQLite Dialect.
// It holds no queries of its own.
package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"github.com/masthead-news/masthead/internal/store"
	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"
)

// Dialect is SQLite's store.Dialect.
type Dialect struct{}

// Name names the migrations folder.
func (Dialect) Name() string { return "sqlite" }

// Rebind keeps "?" placeholders, which SQLite understands.
func (Dialect) Rebind(q string) string { return q }

// SkipLocked is empty: claims run on the one writer connection, one at a time.
func (Dialect) SkipLocked() string { return "" }

// LockMigrations is empty: write transactions start IMMEDIATE, one at a time.
func (Dialect) LockMigrations() string { return "" }

// ChangeNotice is empty: one process owns a SQLite database.
func (Dialect) ChangeNotice() string { return "" }

// IDList joins an integer column's values with commas.
func (Dialect) IDList(column string) string { return "group_concat(" + column + ")" }

// JSONArray packs values into one JSON array text.
func (Dialect) JSONArray(expressions string) string { return "json_array(" + expressions + ")" }

// IsUniqueViolation reports a UNIQUE or PRIMARY KEY constraint failure.
func (Dialect) IsUniqueViolation(err error) bool {
	var e *sqlite3.Error
	if errors.As(err, &e) {
		code := e.Code()
		return code == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// Open opens (creating if needed) the database file at path.
func Open(path string) (*store.Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("cannot create the data folder %s: %w", dir, err)
		}
	}
	pragmas := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		pragmas.Add("_pragma", p)
	}
	writeDSN := "file:" + path + "?" + pragmas.Encode() + "&_txlock=immediate"
	write, err := sql.Open("sqlite", writeDSN)
	if err != nil {
		return nil, err
	}
	// One writer: SQLite allows a single writer at a time, and queueing in Go
	// is cheaper and fairer than retrying on SQLITE_BUSY.
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	if err := write.Ping(); err != nil {
		write.Close()
		return nil, fmt.Errorf("cannot open the database %s: %w", path, err)
	}
	readPragmas := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "query_only(1)"} {
		readPragmas.Add("_pragma", p)
	}
	read, err := sql.Open("sqlite", "file:"+path+"?"+readPragmas.Encode())
	if err != nil {
		write.Close()
		return nil, err
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	return store.New(write, read, Dialect{}), nil
}
