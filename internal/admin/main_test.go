package admin_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/admin"
	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/user"
	"github.com/masthead-news/masthead/internal/web"
)

const password = "correct horse battery"

func TestMain(m *testing.M) {
	user.UseFastHashingForTests()
	code := m.Run()
	browsertest.Shutdown()
	os.Exit(code)
}

// site is a small newsroom with one account per role, served over HTTP.
type site struct {
	store    *store.Store
	content  *content.Service
	server   *httptest.Server
	users    map[user.Role]*user.User
	category map[string]int64 // edition → a category
	author   int64
	// offset moves the public site's clock, for scheduling tests.
	offset time.Duration
	// mail receives what the admin sends (security_test.go); authShift
	// moves the sign-in clock, for two-factor codes.
	mail      *mailtest.Server
	authShift atomic.Int64
	// media is the upload service behind the admin (media_test.go).
	media *media.Service
	// comments and contact are the public forms' services (comments_test.go);
	// formShift moves their spam guard's clock, so a test need not wait
	// out the minimum time to submit.
	comments  *comment.Service
	contact   *contact.Service
	formShift atomic.Int64
	// news is the newsletter behind the admin (newsletter_test.go).
	news *newsletter.Service
}

func (s *site) formNow() time.Time { return time.Now().Add(time.Duration(s.formShift.Load())) }

func (s *site) now() time.Time { return time.Now().Add(s.offset) }

func newSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	s := &site{store: st, content: &content.Service{Store: st, EditionCodes: func() []string { return []string{"en", "fa"} }},
		users: map[user.Role]*user.User{}, category: map[string]int64{}}
	for i, e := range []edition.Edition{
		{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true},
		{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", Calendar: "persian", Digits: "arabext", TimeZone: "Asia/Tehran"},
	} {
		e.Position = i
		e.Settings = edition.Settings{SiteName: "Site " + e.Code, ListingMode: "excerpt", PerPage: 10, CopyrightYear: 2020}
		if err := st.SaveEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
		c := &content.Category{Edition: e.Code, Name: map[string]string{"en": "News", "fa": "خبر"}[e.Code]}
		if err := s.content.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
		s.category[e.Code] = c.ID
	}
	au := &content.Author{Slug: "sara", Name: "Sara"}
	if err := s.content.CreateAuthor(ctx, au, []content.AuthorProfile{{Edition: "fa", Name: "سارا"}}); err != nil {
		t.Fatal(err)
	}
	s.author = au.ID
	users := &user.Service{Store: st}
	for _, r := range []user.Role{user.Admin, user.Editor, user.Author, user.Contributor} {
		u, err := users.Add(ctx, string(r)+"@example.org", strings.ToUpper(string(r[:1]))+string(r[1:]), r, password)
		if err != nil {
			t.Fatal(err)
		}
		s.users[r] = u
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if os.Getenv("MASTHEAD_TEST_LOG") == "1" {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	blob := media.LocalBlob{Root: filepath.Join(dir, "uploads")}
	msvc := &media.Service{Store: st, Blob: blob, MaxSize: 2 << 20}
	s.media = msvc
	sender := s.startMail(t, st, logger)
	secret, err := antispam.LoadSecret(ctx, st)
	s.news = &newsletter.Service{Store: st, Editions: st, Articles: st, Mail: sender, SiteURL: "https://news.example.org", ArticlePath: web.ArticlePath, Logger: logger}
	if err != nil {
		t.Fatal(err)
	}
	guard, err := antispam.NewGuard(secret, st)
	if err != nil {
		t.Fatal(err)
	}
	guard.Now = s.formNow
	s.comments = &comment.Service{Store: st, Guard: guard, Mail: sender, Logger: logger, Now: s.now}
	s.contact = &contact.Service{Store: st, Guard: guard, Mail: sender, Logger: logger, Now: s.now}
	adm, err := admin.New(admin.Deps{Auth: &user.Auth{Store: st, Now: s.authNow}, Users: st, Content: s.content, Media: msvc, Editions: st, Audit: st, Logger: logger,
		Mail: sender, Outbox: sender, Settings: st, Comments: s.comments, Contact: s.contact, Newsletter: s.news})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(ctx, web.Deps{Content: st, Media: st, Blob: blob, Editions: st, Ready: st.Ping, Logger: logger, Admin: adm, Now: s.now,
		Comments: s.comments, Contact: s.contact})
	if err != nil {
		t.Fatal(err)
	}
	adm.Preview = srv.PreviewArticle
	adm.OnSiteChanged = srv.ReloadEditions
	s.server = httptest.NewServer(srv)
	t.Cleanup(s.server.Close)
	return s
}

// client is a browser without redirects followed, so tests see each answer.
func (s *site) client(t *testing.T) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login signs a role in and returns its client.
func (s *site) login(t *testing.T, r user.Role) *http.Client {
	t.Helper()
	c := s.client(t)
	res := s.post(t, c, "/admin/login", url.Values{"email": {string(r) + "@example.org"}, "password": {password}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login as %s: %d", r, res.StatusCode)
	}
	return c
}

func (s *site) get(t *testing.T, c *http.Client, path string) (*http.Response, string) {
	t.Helper()
	res, err := c.Get(s.server.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (s *site) post(t *testing.T, c *http.Client, path string, form url.Values) *http.Response {
	t.Helper()
	res, err := c.PostForm(s.server.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

func (s *site) postBody(t *testing.T, c *http.Client, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	res, err := c.PostForm(s.server.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// article stores an article owned by a role's account.
func (s *site) article(t *testing.T, owner user.Role, status content.Status, title string) *content.Article {
	t.Helper()
	a := &content.Article{Edition: "en", Title: title, BodySource: "<p>First text.</p>", AuthorID: s.author,
		PrimaryCategoryID: s.category["en"], Status: status, OwnerID: s.users[owner].ID}
	if status == content.Scheduled {
		a.PublishedAt = time.Now().Add(time.Hour)
	}
	if err := s.content.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func articleForm(s *site, edition, title, action string) url.Values {
	return url.Values{"edition": {edition}, "title": {title}, "body": {"<p>Body text.</p>"}, "category": {fmt.Sprint(s.category[edition])},
		"author": {fmt.Sprint(s.author)}, "action": {action}, "comments_open": {"on"}}
}

func (s *site) count(t *testing.T) int {
	t.Helper()
	n, err := s.store.CountArticles(context.Background(), content.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// sendForm clicks a public form's send button and waits for the page that
// answers: the confirmation, or a refusal, whose text it returns as the
// error at once instead of waiting out the tab's time limit.
func sendForm(ctx context.Context, button string) error {
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(button)), chromedp.WaitVisible(chromedp.CSS(".form-sent, .form-error")))
	if err != nil {
		return err
	}
	refusal, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".form-error") || {}).textContent || ""`))
	if err != nil {
		return err
	}
	if refusal != "" {
		return fmt.Errorf("the form was refused: %s", strings.TrimSpace(refusal))
	}
	return nil
}
