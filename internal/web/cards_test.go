package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/web"
)

// fullCards is the store with every card list read in full: listings
// through ListArticles, related and most-read articles loaded one by one.
type fullCards struct{ *store.Store }

func (s fullCards) ListArticleCards(ctx context.Context, f content.ArticleFilter) ([]*content.Article, error) {
	f.Status = content.Published
	return s.Store.ListArticles(ctx, f)
}

func (s fullCards) reload(ctx context.Context, list []*content.Article, err error) ([]*content.Article, error) {
	for i := range list {
		if err != nil {
			break
		}
		list[i], err = s.Store.ArticleByID(ctx, list[i].ID)
	}
	return list, err
}

func (s fullCards) RelatedArticles(ctx context.Context, a *content.Article, before time.Time, limit int) ([]*content.Article, error) {
	list, err := s.Store.RelatedArticles(ctx, a, before, limit)
	return s.reload(ctx, list, err)
}

func (s fullCards) MostRead(ctx context.Context, edition string, since, before time.Time, limit int) ([]*content.Article, error) {
	list, err := s.Store.MostRead(ctx, edition, since, before, limit)
	return s.reload(ctx, list, err)
}

// Listings, Recent Posts and related articles read only the columns cards
// show (ListArticleCards): the demo's pages that show cards must come out
// byte for byte as they do from the articles read in full, so a field the
// card query lost shows here.
func TestCardQueryPagesAsFullArticles(t *testing.T) {
	ctx := context.Background()
	now := func() time.Time { return site.now.Add(time.Minute) }
	serve := func(c content.Store) *web.Server {
		srv, err := web.New(ctx, web.Deps{Content: c, Media: site.store, Blob: media.LocalBlob{Root: t.TempDir()}, Editions: site.store,
			Ready: site.store.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BaseURL: "https://news.example.org", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	cards, full := serve(site.store), serve(fullCards{site.store})
	get := func(srv *web.Server, path string) (int, string) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	// The comment form's signed token differs between two renderings.
	token := regexp.MustCompile(`name="token" value="[^"]*"`)
	paths := []string{"/", "/ar/", "/fa/", "/sq/", "/articles/page/2/", "/fa/articles/"}
	seen := map[string]bool{}
	links := regexp.MustCompile(`href="(/(?:[a-z]{2}/)?(?:category|tag|author|20\d\d)/[^"#]+)"`)
	for i := 0; i < len(paths); i++ {
		p := paths[i]
		code, got := get(cards, p)
		_, want := get(full, p)
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", p, code)
		}
		if got, want = token.ReplaceAllString(got, ""), token.ReplaceAllString(want, ""); got != want {
			t.Errorf("%s differs from the page of full articles:\n%s", p, firstDifference(got, want))
		}
		for _, m := range links.FindAllStringSubmatch(got, -1) {
			if u := m[1]; !seen[u] && len(paths) < 200 {
				seen[u] = true
				paths = append(paths, u)
			}
		}
	}
	for _, prefix := range []string{"/category/", "/tag/", "/author/", "/20"} {
		n := 0
		for u := range seen {
			if strings.Contains(u, prefix) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no %s page compared", prefix)
		}
	}
}

// firstDifference shows where two texts part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return "got:  …" + a[from:min(len(a), i+200)] + "\nwant: …" + b[from:min(len(b), i+200)]
}
