package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// KnownSchemaVersion is the newest migration this build carries for the
// store's database: a backup from a newer schema cannot be restored by it.
func (s *Store) KnownSchemaVersion() (string, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations/"+s.dialect.Name())
	if err != nil {
		return "", err
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") {
			names = append(names, strings.TrimSuffix(e.Name(), ".sql"))
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return "", errors.New("no migrations")
	}
	return names[len(names)-1], nil
}

// SnapshotSQLite writes a consistent copy of the whole SQLite database to
// dest (which must not exist) with VACUUM INTO. It runs in one read
// transaction on a reader connection, so the site keeps serving and
// writing meanwhile (WAL): the copy holds exactly what was committed when
// it started.
func (s *Store) SnapshotSQLite(ctx context.Context, dest string) error {
	if s.dialect.Name() != "sqlite" {
		return fmt.Errorf("a snapshot with VACUUM INTO needs SQLite, not %s", s.dialect.Name())
	}
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// Reader connections are query_only; VACUUM INTO writes only the new
	// file, but SQLite still refuses it under that pragma.
	if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA query_only = 1")
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("snapshot of the database: %w", err)
	}
	return nil
}

// IntegrityCheck runs SQLite's PRAGMA integrity_check and foreign key check.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.dialect.Name() != "sqlite" {
		return nil
	}
	rows, err := s.read.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return err
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return err
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database is damaged: %s", strings.Join(problems, "; "))
	}
	var table string
	err = s.read.QueryRowContext(ctx, "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1").Scan(&table)
	if err == nil {
		return fmt.Errorf("the database breaks a foreign key in table %s", table)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return nil
}

// Tables lists the tables of the database (not SQLite's own), sorted.
func (s *Store) Tables(ctx context.Context) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	if s.dialect.Name() == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
