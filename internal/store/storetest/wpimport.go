package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/wpimport"
)

// testWordPressImport covers the import's own rows: the id mapping, the
// old-URL redirects, comment updates and translation groups.
func testWordPressImport(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	if _, err := s.ImportMapping(ctx, "wp.example", "article", "12"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("missing mapping: %v", err)
	}
	gen := s.Generation()
	m := &wpimport.Mapping{Site: "wp.example", Kind: "article", Key: "12", TargetID: 7, Hash: "h1", Meta: `{"sticky":true}`}
	must(t, s.SaveImportMapping(ctx, m))
	m.Hash = "h2"
	must(t, s.SaveImportMapping(ctx, m)) // an upsert, not a second row
	got, err := s.ImportMapping(ctx, "wp.example", "article", "12")
	must(t, err)
	if got.TargetID != 7 || got.Hash != "h2" || got.Meta != `{"sticky":true}` {
		t.Fatalf("mapping = %+v", got)
	}
	if s.Generation() != gen {
		t.Error("the mapping, which no page shows, changed the cache generation")
	}

	if _, err := s.Redirect(ctx, "/2013/01/10/hello/"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("missing redirect: %v", err)
	}
	must(t, s.SaveRedirect(ctx, &wpimport.Redirect{Path: "/2013/01/10/hello/", Kind: "article", TargetID: 3}))
	must(t, s.SaveRedirect(ctx, &wpimport.Redirect{Path: "/2013/01/10/hello/", Kind: "page", TargetID: 4}))
	must(t, s.SaveRedirect(ctx, &wpimport.Redirect{Path: "?p=12", Kind: "article", TargetID: 3}))
	r, err := s.Redirect(ctx, "/2013/01/10/hello/")
	must(t, err)
	if r.Kind != "page" || r.TargetID != 4 {
		t.Fatalf("redirect = %+v", r)
	}
	if s.Generation() == gen {
		t.Error("a new redirect, which readers see, left the cache generation alone")
	}

	a := article(f, "wp-a", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	must(t, s.CreateArticle(ctx, a))
	for _, tc := range []struct {
		kind string
		id   int64
		want bool
	}{{"article", a.ID, true}, {"article", a.ID + 1000, false}, {"page", a.ID + 1000, false}} {
		ok, err := s.TargetExists(ctx, tc.kind, tc.id)
		must(t, err)
		if ok != tc.want {
			t.Errorf("TargetExists(%s, %d) = %v, want %v", tc.kind, tc.id, ok, tc.want)
		}
	}
	if _, err := s.TargetExists(ctx, "comment", a.ID); err == nil {
		t.Error("TargetExists accepted a kind it cannot check")
	}
	c := &content.Comment{ArticleID: a.ID, AuthorName: "Lea", Body: "Hi", Status: "pending", CreatedAt: time.Unix(1, 0)}
	must(t, s.AddComment(ctx, c))
	c.Status, c.Body, c.AuthorEmail, c.AuthorURL = "approved", "Hello", "lea@example.org", "https://lea.example.org"
	must(t, s.UpdateComment(ctx, c))
	list, err := s.Comments(ctx, a.ID, "approved")
	must(t, err)
	if len(list) != 1 || list[0].Body != "Hello" || list[0].AuthorEmail != "lea@example.org" || list[0].AuthorURL != "https://lea.example.org" {
		t.Fatalf("comments = %+v", list)
	}
	if got, _ := s.ArticleByID(ctx, a.ID); got.CommentCount != 1 {
		t.Errorf("approved count = %d after the update", got.CommentCount)
	}
	if err := s.UpdateComment(ctx, &content.Comment{ID: c.ID + 100, ArticleID: a.ID, AuthorName: "x", Body: "x", Status: "approved"}); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("updating a missing comment: %v", err)
	}

	b := article(f, "wp-b", time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC))
	b.Edition = a.Edition
	must(t, s.CreateArticle(ctx, b))
	must(t, s.SetTranslationGroup(ctx, "article", []int64{a.ID, b.ID}))
	if got, _ := s.ArticleByID(ctx, b.ID); got.TranslationGroup != a.TranslationGroup {
		t.Errorf("translation group = %d, want %d", got.TranslationGroup, a.TranslationGroup)
	}
	if err := s.SetTranslationGroup(ctx, "users", []int64{1, 2}); err == nil {
		t.Error("a translation group for users was accepted")
	}
}
