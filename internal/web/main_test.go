package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/demo"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/web"
)

// site is the demo newsroom, loaded once for every test in the package.
var site struct {
	store   *store.Store
	content *content.Service
	media   *media.Service
	handler *web.Server
	now     time.Time
	// hostile is an article whose title holds markup.
	hostile *content.Article
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "masthead-web-test-")
	if err != nil {
		panic(err)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		if err := setup(dir); err != nil {
			fmt.Fprintln(os.Stderr, "test setup:", err)
			return 1
		}
		defer site.store.Close()
		defer browsertest.Shutdown()
		return m.Run()
	}()
	os.Exit(code)
}

func setup(dir string) error {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		return err
	}
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	site.store = st
	site.now = time.Now().UTC()
	blob := media.LocalBlob{Root: filepath.Join(dir, "uploads")}
	site.content = &content.Service{Store: st}
	msvc := &media.Service{Store: st, Blob: blob}
	site.media = msvc
	if _, err := demo.Load(ctx, st, demo.Services{Editions: st, Content: site.content, Media: msvc}, site.now); err != nil {
		return err
	}
	cats, err := st.Categories(ctx, "en")
	if err != nil {
		return err
	}
	site.hostile = &content.Article{Edition: "en", Title: `<script>alert("x")</script> Markup & "quotes" in a title`,
		Excerpt: `An excerpt with <b>tags</b> & <script>alert(2)</script>`, BodySource: `<p>Safe</p><script>alert(3)</script><p onclick="x()">Click</p>`,
		External:          content.Byline{Writer: `<img src=x onerror=alert(4)>`, Publication: "Pub", URL: "https://example.org/p"},
		PrimaryCategoryID: cats[0].ID, Status: content.Published, PublishedAt: site.now.Add(-30 * 24 * time.Hour)}
	if err := site.content.CreateArticle(ctx, site.hostile); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(testLog(), nil))
	site.handler, err = web.New(ctx, web.Deps{Content: st, Media: st, Blob: blob, Editions: st, Ready: st.Ping, Logger: logger,
		BaseURL: "https://news.example.org"})
	return err
}

// get performs a request against the demo site without following redirects.
func get(t *testing.T, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	site.handler.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}
