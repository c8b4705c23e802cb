package cli

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// backupFormat names the archive layout; restore refuses any other.
const backupFormat = "masthead-backup 1"

// manifest is the last entry of a backup archive: what it holds and the
// checksum of every file, so restore can prove the copy whole.
type manifest struct {
	Format   string      `json:"format"`
	Masthead string      `json:"masthead"`
	Created  time.Time   `json:"created"`
	Database string      `json:"database"` // sqlite or postgres
	Schema   string      `json:"schema"`   // newest applied migration
	Media    string      `json:"media"`    // "uploads/ (in this archive)" or the bucket, which is not copied
	Files    []fileEntry `json:"files"`
}

type fileEntry struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

const (
	sqliteEntry   = "masthead.db"
	pgdumpEntry   = "database.pgdump"
	manifestEntry = "manifest.json"
)

// splitFile takes the one positional FILE out of args, before or after the
// flags (every flag of backup and restore takes a value except --force).
func splitFile(name string, args []string) (string, []string, error) {
	var file string
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			rest = append(rest, a)
			if !strings.Contains(a, "=") && strings.TrimLeft(a, "-") != "force" && strings.TrimLeft(a, "-") != "h" &&
				strings.TrimLeft(a, "-") != "help" && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
			continue
		}
		if file != "" {
			return "", nil, usagef("unexpected argument %q (run: masthead %s -h)", a, name)
		}
		file = a
	}
	return file, rest, nil
}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("backup", &o, "data", "database", "media-url")
	file, rest, err := splitFile("backup", args)
	if err != nil {
		return err
	}
	if err := parseFlags(fs, rest, stdout); err != nil {
		return err
	}
	if file == "" {
		return usagef("backup needs a FILE to write, e.g. masthead backup site-2026-11-29.tar.gz")
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	if _, err := checkMediaURL(o.mediaURL); err != nil {
		return err
	}
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists; choose a new name", file)
	}
	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()
	m, err := writeBackup(ctx, a, &o, file)
	if err != nil {
		os.Remove(file)
		return err
	}
	var total int64
	for _, f := range m.Files {
		total += f.Size
	}
	fmt.Fprintf(stdout, "Backup written to %s: %s database at schema %s, %d files, %d MB before compression.\n",
		file, m.Database, m.Schema, len(m.Files), total>>20)
	if !strings.HasPrefix(m.Media, "uploads/") {
		fmt.Fprintf(stdout, "Media live in %s and are NOT in this backup: back the bucket up with its own tools (versioning or replication).\n", m.Media)
	}
	return nil
}

// writeBackup takes the database first, then the uploads: a file added
// meanwhile is merely extra, and uploads are written by rename, so every
// file copied is whole.
func writeBackup(ctx context.Context, a *app, o *options, file string) (*manifest, error) {
	schema, err := a.store.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	m := &manifest{Format: backupFormat, Masthead: version(), Created: time.Now().UTC(), Database: a.store.DialectName(), Schema: schema}
	tmpDir, err := os.MkdirTemp(filepath.Dir(file), ".masthead-backup-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmpDir)
	var dbFile, dbEntry string
	switch m.Database {
	case "sqlite":
		dbFile, dbEntry = filepath.Join(tmpDir, sqliteEntry), sqliteEntry
		if err := a.store.SnapshotSQLite(ctx, dbFile); err != nil {
			return nil, err
		}
	case "postgres":
		dbFile, dbEntry = filepath.Join(tmpDir, pgdumpEntry), pgdumpEntry
		if err := pgDump(ctx, o.database, dbFile); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("no backup for %s databases", m.Database)
	}

	out, err := os.OpenFile(file, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	gz := gzip.NewWriter(out)
	tw := tar.NewWriter(gz)
	add := func(name, src string) error {
		f, err := os.Open(src)
		if err != nil {
			return err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: fi.Size(), ModTime: fi.ModTime(), Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(tw, h), f)
		if err != nil {
			return err
		}
		if n != fi.Size() {
			return fmt.Errorf("%s changed size while being copied", src)
		}
		m.Files = append(m.Files, fileEntry{Name: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))})
		return nil
	}
	if err := add(dbEntry, dbFile); err != nil {
		return nil, err
	}
	if local, ok := a.blob.(media.LocalBlob); ok {
		m.Media = "uploads/ (in this archive)"
		err := filepath.WalkDir(local.Root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == local.Root {
					return nil // no uploads yet
				}
				return err
			}
			if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".upload-") {
				return nil // folders, and files still being written
			}
			rel, err := filepath.Rel(local.Root, p)
			if err != nil {
				return err
			}
			err = add("uploads/"+filepath.ToSlash(rel), p)
			if errors.Is(err, fs.ErrNotExist) {
				return nil // deleted since the walk saw it
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("copying uploads: %w", err)
		}
	} else {
		m.Media = fmt.Sprint(a.blob)
	}
	body, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := tw.WriteHeader(&tar.Header{Name: manifestEntry, Mode: 0o600, Size: int64(len(body)), ModTime: m.Created, Typeflag: tar.TypeReg}); err != nil {
		return nil, err
	}
	if _, err := tw.Write(body); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	if err := out.Sync(); err != nil {
		return nil, err
	}
	return m, out.Close()
}

func pgDump(ctx context.Context, dbURL, dest string) error {
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		return errors.New("pg_dump is not installed (apt-get install postgresql-client); see docs/deployment.md for backing up PostgreSQL")
	}
	cmd := exec.CommandContext(ctx, bin, "--format=custom", "--no-owner", "--no-privileges", "--file="+dest, "--dbname="+libpqURL(dbURL))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pg_dump: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("restore", &o, "data", "database")
	force := fs.Bool("force", false, "replace a data folder (or PostgreSQL database) that is not empty")
	file, rest, err := splitFile("restore", args)
	if err != nil {
		return err
	}
	if err := parseFlags(fs, rest, stdout); err != nil {
		return err
	}
	if file == "" {
		return usagef("restore needs the backup FILE to read")
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	db := strings.TrimSpace(o.database)
	if db != "" && !postgres.IsURL(db) {
		return usagef("restore writes SQLite into --data (leave --database empty) or into a postgres:// database")
	}
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	// Unpack next to the data folder (the same file system, so the final
	// rename is atomic) and check everything before touching the site.
	data := filepath.Clean(o.data)
	if err := os.MkdirAll(filepath.Dir(data), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(data), ".masthead-restore-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	m, err := unpack(in, tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if db != "" {
		return restorePostgres(ctx, m, tmp, db, data, *force, stdout)
	}
	if m.Database != "sqlite" {
		return fmt.Errorf("%s holds a %s database; restore it with --database postgres://…", file, m.Database)
	}
	if err := checkRestoredSQLite(ctx, m, filepath.Join(tmp, sqliteEntry)); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(tmp, "uploads"), 0o755); err != nil {
		return err
	}
	if err := replaceFolder(data, tmp, *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Restored %s into %s: SQLite at schema %s, %d files, backup taken %s.\n",
		file, data, m.Schema, len(m.Files), m.Created.Format(time.RFC3339))
	return nil
}

// unpack extracts a backup archive into dir, refusing anything but regular
// files at safe names, and checks every file against the manifest.
func unpack(r io.Reader, dir string) (*manifest, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, errors.New("not a masthead backup (not gzip)")
	}
	tr := tar.NewReader(gz)
	got := map[string]fileEntry{}
	var m *manifest
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the archive is damaged: %v", err)
		}
		if m != nil {
			return nil, errors.New("the archive has entries after its manifest")
		}
		name := h.Name
		if h.Typeflag != tar.TypeReg || path.Clean(name) != name || strings.HasPrefix(name, "/") || strings.Contains(name, "..") ||
			!(name == sqliteEntry || name == pgdumpEntry || name == manifestEntry || strings.HasPrefix(name, "uploads/")) {
			return nil, fmt.Errorf("unexpected entry %q in the archive", name)
		}
		if name == manifestEntry {
			m = &manifest{}
			if err := json.NewDecoder(io.LimitReader(tr, 64<<20)).Decode(m); err != nil {
				return nil, fmt.Errorf("the manifest is damaged: %v", err)
			}
			continue
		}
		dest := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(dest, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return nil, err
		}
		hash := sha256.New()
		n, err := io.Copy(io.MultiWriter(f, hash), tr)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("the archive is damaged at %s: %v", name, err)
		}
		got[name] = fileEntry{Name: name, Size: n, SHA256: hex.EncodeToString(hash.Sum(nil))}
	}
	if m == nil {
		return nil, errors.New("the archive has no manifest (incomplete or not a masthead backup)")
	}
	if m.Format != backupFormat {
		return nil, fmt.Errorf("unknown backup format %q", m.Format)
	}
	if len(m.Files) != len(got) {
		return nil, fmt.Errorf("the manifest lists %d files, the archive holds %d", len(m.Files), len(got))
	}
	for _, f := range m.Files {
		if g, ok := got[f.Name]; !ok || g != f {
			return nil, fmt.Errorf("checksum mismatch for %s: the backup is damaged", f.Name)
		}
	}
	return m, nil
}

// checkRestoredSQLite opens the unpacked database: it must be whole, at the
// schema the manifest says, and not newer than this build knows.
func checkRestoredSQLite(ctx context.Context, m *manifest, dbFile string) error {
	if _, err := os.Stat(dbFile); err != nil {
		return errors.New("the backup holds no SQLite database")
	}
	st, err := sqlite.Open(dbFile)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		return err
	}
	schema, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if schema != m.Schema {
		return fmt.Errorf("the restored database is at schema %s, the manifest says %s", schema, m.Schema)
	}
	return checkSchemaKnown(m.Schema, func() (string, error) { return st.KnownSchemaVersion() })
}

func checkSchemaKnown(schema string, known func() (string, error)) error {
	k, err := known()
	if err != nil {
		return err
	}
	if schema > k {
		return fmt.Errorf("the backup is at schema %s, newer than this masthead knows (%s): restore it with a newer masthead", schema, k)
	}
	return nil
}

// replaceFolder moves the checked copy in tmp to data. An empty or missing
// data folder is simply replaced; a non-empty one only with force, and it
// is kept aside until the new one is in place.
func replaceFolder(data, tmp string, force bool) error {
	entries, err := os.ReadDir(data)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case len(entries) == 0:
		if err := os.Remove(data); err != nil {
			return err
		}
	case !force:
		return fmt.Errorf("%s is not empty; stop the site and use --force to replace it", data)
	default:
		old := data + ".before-restore-" + time.Now().UTC().Format("20060102T150405")
		if err := os.Rename(data, old); err != nil {
			return err
		}
		if err := os.Rename(tmp, data); err != nil {
			_ = os.Rename(old, data)
			return err
		}
		return os.RemoveAll(old)
	}
	return os.Rename(tmp, data)
}

// restorePostgres loads a pg_dump archive with pg_restore, and the uploads
// (if the backup has them) into the data folder.
func restorePostgres(ctx context.Context, m *manifest, tmp, dbURL, data string, force bool, stdout io.Writer) error {
	if m.Database != "postgres" {
		return fmt.Errorf("the backup holds a %s database; restore it without --database", m.Database)
	}
	st, err := postgres.Open(dbURL)
	if err != nil {
		return err
	}
	tables, err := st.Tables(ctx)
	if err == nil {
		err = checkSchemaKnown(m.Schema, st.KnownSchemaVersion)
	}
	st.Close()
	if err != nil {
		return err
	}
	if len(tables) > 0 && !force {
		return fmt.Errorf("the database %s already has tables; use --force to replace them", postgres.Redact(dbURL))
	}
	bin, err := exec.LookPath("pg_restore")
	if err != nil {
		return errors.New("pg_restore is not installed (apt-get install postgresql-client)")
	}
	args := []string{"--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=" + libpqURL(dbURL)}
	if len(tables) > 0 {
		args = append(args, "--clean", "--if-exists")
	}
	cmd := exec.CommandContext(ctx, bin, append(args, filepath.Join(tmp, pgdumpEntry))...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pg_restore: %v: %s", err, oneLine(string(out)))
	}
	uploads := 0
	for _, f := range m.Files {
		if strings.HasPrefix(f.Name, "uploads/") {
			uploads++
		}
	}
	if uploads > 0 {
		if err := os.Remove(filepath.Join(tmp, pgdumpEntry)); err != nil {
			return err
		}
		if err := replaceFolder(data, tmp, force); err != nil {
			return fmt.Errorf("the database is restored, but the uploads are not: %w", err)
		}
	}
	fmt.Fprintf(stdout, "Restored into %s: schema %s, %d uploaded files%s.\n", postgres.Redact(dbURL), m.Schema, uploads,
		map[bool]string{true: " into " + data, false: ""}[uploads > 0])
	return nil
}

// libpqURL keeps only what pg_dump and pg_restore (libpq) understand of a
// database URL that pgx accepts: pgx's own settings are dropped, and a
// search_path becomes libpq's options=-csearch_path=….
func libpqURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	for k := range q {
		switch k {
		case "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "connect_timeout", "application_name",
			"options", "target_session_attrs", "host", "port", "dbname", "user", "password", "passfile", "service":
		case "search_path":
			q.Set("options", strings.TrimSpace(q.Get("options")+" -csearch_path="+q.Get(k)))
			q.Del(k)
		default:
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
