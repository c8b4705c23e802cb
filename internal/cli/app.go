package cli

import (
	"context"
	"fmt"
	"github.com/masthead-news/masthead/internal/newsletter"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/demo"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/user"
	"github.com/masthead-news/masthead/internal/wpapi"
)

// app is the wired-up site: the store and the domain services over it.
type app struct {
	store   *store.Store
	blob    media.Blob // the uploads folder, or the --media-url bucket
	content *content.Service
	media   *media.Service
	users   *user.Service
	auth    *user.Auth
	// The public forms (readerServices); nil until serve builds them.
	comments   *comment.Service
	contact    *contact.Service
	newsletter *newsletter.Service
}

// readerServices builds the services behind the public forms — comments,
// the contact form and the newsletter — with one spam guard, keyed with
// the site secret (made on first start).
func (a *app) readerServices(ctx context.Context, sender mail.Sender, siteURL string, logger *slog.Logger) error {
	secret, err := antispam.LoadSecret(ctx, a.store)
	if err != nil {
		return fmt.Errorf("loading the site secret: %w", err)
	}
	guard, err := antispam.NewGuard(secret, a.store)
	if err != nil {
		return err
	}
	a.comments = &comment.Service{Store: a.store, Guard: guard, Mail: sender, Logger: logger}
	a.contact = &contact.Service{Store: a.store, Guard: guard, Mail: sender, Logger: logger}
	a.newsletter = a.newsletterService(guard, sender, siteURL, logger) // mail.go
	return nil
}

// openApp opens the database named by o (SQLite in the data folder by
// default), applies pending migrations and builds the services.
func openApp(ctx context.Context, o *options) (*app, error) {
	st, dbName, err := openStore(o)
	if err != nil {
		return nil, err
	}
	if err := st.Ping(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("the database %s does not answer: %w", dbName, err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	blob, err := openBlob(ctx, o) // mediaurl.go
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &app{store: st, blob: blob}
	a.content = &content.Service{Store: st, EditionCodes: func() []string {
		list, err := st.Editions(context.Background())
		if err != nil {
			return nil
		}
		codes := make([]string, len(list))
		for i, e := range list {
			codes[i] = e.Code
		}
		return codes
	}}
	a.media = &media.Service{Store: st, Blob: a.blob}
	a.users = &user.Service{Store: st}
	a.auth = &user.Auth{Store: st}
	return a, nil
}

// The store serves the REST API's reads.
var _ wpapi.Store = (*store.Store)(nil)

func (a *app) Close() error { return a.store.Close() }

// openStore opens the database named by --database: PostgreSQL for a
// postgres:// URL, else SQLite (by default in the data folder). name is how
// messages refer to it (a file, or the URL without its password).
func openStore(o *options) (st *store.Store, name string, err error) {
	if db := strings.TrimSpace(o.database); postgres.IsURL(db) {
		st, err = postgres.Open(db)
		return st, postgres.Redact(db), err
	}
	path, err := sqlitePath(o)
	if err != nil {
		return nil, "", err
	}
	st, err = sqlite.Open(path)
	return st, path, err
}

// sqlitePath picks the SQLite file from --database, or the data folder.
func sqlitePath(o *options) (string, error) {
	db := strings.TrimSpace(o.database)
	switch {
	case db == "":
		return filepath.Join(o.data, "masthead.db"), nil
	case strings.HasPrefix(db, "sqlite://"):
		p := strings.TrimPrefix(db, "sqlite://")
		if p == "" {
			return "", usagef("--database %q names no file (e.g. sqlite:///var/lib/masthead/site.db)", db)
		}
		return p, nil
	}
	return "", usagef("--database %q is not a database URL (use sqlite://PATH or postgres://USER@HOST:5432/DB, or leave it empty for SQLite in the data folder)", db)
}

func checkAddr(addr string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return usagef("--addr %q is not a listen address such as :8080 or 127.0.0.1:8080", addr)
	}
	return nil
}

func checkBaseURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", usagef("--base-url %q must be an absolute http or https URL such as https://news.example.org", raw)
	}
	return strings.TrimSuffix(raw, "/"), nil
}

func checkData(dir string) error {
	if dir == "" {
		return usagef("--data must name a folder")
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return usagef("--data %q is a file, not a folder", dir)
	}
	return nil
}

// hasSite reports whether the database already holds editions.
func (a *app) hasSite(ctx context.Context) (bool, error) {
	list, err := a.store.Editions(ctx)
	return len(list) > 0, err
}

// loadDemo loads the demo and creates an admin account with a fresh
// password, which the caller prints once.
func (a *app) loadDemo(ctx context.Context) (*demo.Summary, string, error) {
	sum, err := demo.Load(ctx, a.store, demo.Services{Editions: a.store, Content: a.content, Media: a.media,
		MediaSections: &mediasection.Service{Store: a.store}, Readers: a.store}, time.Now())
	if err != nil {
		return nil, "", fmt.Errorf("loading the demo: %w", err)
	}
	password := user.GeneratePassword()
	if _, err := a.users.Add(ctx, demoAdminEmail, "Demo Admin", user.Admin, password); err != nil {
		return nil, "", fmt.Errorf("creating the demo admin: %w", err)
	}
	return sum, password, nil
}

const demoAdminEmail = "admin@example.org"

// ensureSite gives a brand-new, non-demo database one English edition so
// the site answers from its first start.
func (a *app) ensureSite(ctx context.Context) error {
	ok, err := a.hasSite(ctx)
	if err != nil || ok {
		return err
	}
	e := &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn",
		TimeZone: "UTC", IsDefault: true, Settings: edition.Settings{SiteName: "Masthead", ListingMode: edition.ListExcerpt,
			PerPage: 10, CopyrightYear: time.Now().Year()}}
	return a.store.SaveEdition(ctx, e)
}
