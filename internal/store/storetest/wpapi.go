package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/user"
)

// testAPIQueries checks the free filter combinations, totals, orders and
// batch loads that the WordPress-compatible API reads through.
func testAPIQueries(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	var ids []int64
	for i, slug := range []string{"river", "harbour", "market", "school", "bridge"} {
		a := article(f, slug, day(i+1))
		if slug == "market" {
			a.CategoryIDs, a.Tags = []int64{f.cat.ID, f.sub.ID}, []string{"gamma"}
			a.Title = "Market Day in the OLD town"
		}
		if slug == "bridge" {
			a.Status = content.Draft
		}
		must(t, s.CreateArticle(ctx, a))
		ids = append(ids, a.ID)
	}
	faArt := article(f, "رود", day(9))
	faArt.Edition, faArt.PrimaryCategoryID, faArt.CategoryIDs = "fa", f.other.ID, []int64{f.other.ID}
	must(t, s.CreateArticle(ctx, faArt))

	pub := []content.Status{content.Published}
	list, total, err := s.QueryArticles(ctx, content.ArticleQuery{Edition: "en", Statuses: pub, Limit: 2})
	must(t, err)
	if total != 4 || len(list) != 2 || list[0].Slug != "school" || list[1].Slug != "market" {
		t.Fatalf("newest first: total %d, %v", total, slugsOf(list))
	}
	if list[0].Author == nil || list[0].PrimaryCategory == nil || list[0].Featured == nil {
		t.Fatal("listed articles lack their author, category or picture")
	}
	list, _, err = s.QueryArticles(ctx, content.ArticleQuery{Edition: "en", Statuses: pub, Limit: 2, Offset: 2})
	must(t, err)
	if got := slugsOf(list); len(got) != 2 || got[0] != "harbour" || got[1] != "river" {
		t.Fatalf("second page = %v", got)
	}
	list, total, err = s.QueryArticles(ctx, content.ArticleQuery{Edition: "en", Statuses: pub, Offset: 10})
	must(t, err)
	if total != 4 || len(list) != 0 {
		t.Fatalf("past the end: %d, %v", total, slugsOf(list))
	}

	for _, tc := range []struct {
		name string
		q    content.ArticleQuery
		want []string
	}{
		{"category", content.ArticleQuery{CategoryIDs: []int64{f.sub.ID}}, []string{"market"}},
		{"search, any case", content.ArticleQuery{Search: "old TOWN"}, []string{"market"}},
		{"search escapes LIKE", content.ArticleQuery{Search: "%"}, nil},
		{"slug", content.ArticleQuery{Slugs: []string{"river", "school"}}, []string{"school", "river"}},
		{"after and before", content.ArticleQuery{After: day(2).Add(time.Hour), Before: day(4).Add(time.Hour)}, []string{"school", "market"}},
		{"author", content.ArticleQuery{AuthorIDs: []int64{f.author.ID}, Limit: 1}, []string{"school"}},
		{"exclude", content.ArticleQuery{Exclude: ids[:3]}, []string{"school"}},
		{"title ascending", content.ArticleQuery{OrderBy: "title", Asc: true, Limit: 2}, []string{"market", "harbour"}},
		{"slug descending", content.ArticleQuery{OrderBy: "slug", Limit: 1}, []string{"school"}},
		{"include order", content.ArticleQuery{IDs: []int64{ids[3], ids[0], ids[2]}, OrderBy: "include"}, []string{"school", "river", "market"}},
		{"oldest first", content.ArticleQuery{Asc: true, Limit: 1}, []string{"river"}},
	} {
		tc.q.Edition, tc.q.Statuses = "en", pub
		got, n, err := s.QueryArticles(ctx, tc.q)
		must(t, err)
		if gs := slugsOf(got); !equalStrings(gs, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, gs, tc.want)
		}
		if tc.q.Limit == 0 && n != len(tc.want) {
			t.Errorf("%s: total %d, want %d", tc.name, n, len(tc.want))
		}
	}
	var tagID int64
	tags, err := s.Tags(ctx, "en")
	must(t, err)
	for _, tg := range tags {
		if tg.Slug == "gamma" {
			tagID = tg.ID
		}
	}
	got, n, err := s.QueryArticles(ctx, content.ArticleQuery{Edition: "en", TagIDs: []int64{tagID}})
	must(t, err)
	if n != 1 || got[0].Slug != "market" {
		t.Fatalf("tag filter: %d %v", n, slugsOf(got))
	}
	if _, n, _ := s.QueryArticles(ctx, content.ArticleQuery{Edition: "en"}); n != 5 {
		t.Fatalf("without a status filter: %d, want 5 with the draft", n)
	}

	counts, err := s.CategoryCounts(ctx, "en")
	must(t, err)
	if counts[f.cat.ID] != 4 || counts[f.sub.ID] != 1 || counts[f.other.ID] != 0 {
		t.Fatalf("category counts = %v", counts)
	}
	cats, err := s.CategoriesOfArticles(ctx, []int64{ids[2], ids[0], 99999})
	must(t, err)
	if len(cats[ids[2]]) != 2 || cats[ids[2]][0] != f.cat.ID || cats[ids[2]][1] != f.sub.ID || len(cats[ids[0]]) != 1 || len(cats[99999]) != 0 {
		t.Fatalf("categories of articles = %v", cats)
	}
	m2 := newMedia(t, s, "img/second.jpg")
	ms, err := s.MediaByIDs(ctx, []int64{f.img.ID, m2.ID, 99999})
	must(t, err)
	if len(ms) != 2 || ms[m2.ID].Path != "img/second.jpg" {
		t.Fatalf("media by ids = %v", ms)
	}

	// Pages.
	at := day(1)
	for _, p := range []*content.Page{
		{Edition: "en", Slug: "about-us", Title: "About us", BodyHTML: "<p>Who we are</p>", Status: content.Published, PublishedAt: at, UpdatedAt: at},
		{Edition: "en", Slug: "contact-us", Title: "Contact", BodyHTML: "<p>Write</p>", Status: content.Published, PublishedAt: day(2), UpdatedAt: at},
		{Edition: "en", Slug: "secret", Title: "Draft page", Status: content.Draft, UpdatedAt: at},
	} {
		must(t, s.CreatePage(ctx, p))
	}
	pages, pn, err := s.QueryPages(ctx, content.PageQuery{Edition: "en", Statuses: pub, OrderBy: "title", Asc: true})
	must(t, err)
	if pn != 2 || len(pages) != 2 || pages[0].Slug != "about-us" {
		t.Fatalf("pages = %d %+v", pn, pages)
	}
	pages, pn, err = s.QueryPages(ctx, content.PageQuery{Edition: "en", Statuses: pub, Search: "who WE"})
	must(t, err)
	if pn != 1 || pages[0].Slug != "about-us" {
		t.Fatalf("page search = %d", pn)
	}

	// Comments: of published articles only, by status, parent and article.
	c1 := &content.Comment{ArticleID: ids[0], AuthorName: "Lea", Body: "First", Status: "approved", CreatedAt: time.Unix(100, 0)}
	must(t, s.AddComment(ctx, c1))
	must(t, s.AddComment(ctx, &content.Comment{ArticleID: ids[0], ParentID: c1.ID, AuthorName: "Bo", Body: "Reply", Status: "approved", CreatedAt: time.Unix(200, 0)}))
	must(t, s.AddComment(ctx, &content.Comment{ArticleID: ids[0], AuthorName: "X", Body: "held", Status: "pending", CreatedAt: time.Unix(300, 0)}))
	must(t, s.AddComment(ctx, &content.Comment{ArticleID: ids[4], AuthorName: "Y", Body: "on a draft", Status: "approved", CreatedAt: time.Unix(400, 0)}))
	cs, cn, err := s.QueryComments(ctx, content.CommentQuery{Edition: "en", Status: "approved", PublishedOnly: true})
	must(t, err)
	if cn != 2 || cs[0].Body != "Reply" || cs[1].ParentID != 0 {
		t.Fatalf("comments = %d %+v", cn, cs)
	}
	cs, cn, err = s.QueryComments(ctx, content.CommentQuery{Status: "approved", ParentIDs: []int64{0}, ArticleIDs: []int64{ids[0]}, Asc: true})
	must(t, err)
	if cn != 1 || cs[0].ID != c1.ID {
		t.Fatalf("top-level comments = %d %+v", cn, cs)
	}
}

func slugsOf(list []*content.Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Slug)
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// testAppPasswords checks creating, finding, touching and revoking
// application passwords, and that one account cannot revoke another's.
func testAppPasswords(t *testing.T, s *store.Store) {
	a := &user.User{Email: "a@example.org", Name: "A", Role: user.Author, PasswordHash: "h", CreatedAt: time.Unix(5, 0).UTC()}
	b := &user.User{Email: "b@example.org", Name: "B", Role: user.Author, PasswordHash: "h", CreatedAt: time.Unix(5, 0).UTC()}
	must(t, s.CreateUser(ctx, a))
	must(t, s.CreateUser(ctx, b))
	p1 := &user.AppPassword{UserID: a.ID, Name: "Phone", Hash: "h1", CreatedAt: time.Unix(10, 0).UTC()}
	p2 := &user.AppPassword{UserID: a.ID, Name: "Importer", Hash: "h2", CreatedAt: time.Unix(20, 0).UTC()}
	must(t, s.CreateAppPassword(ctx, p1))
	must(t, s.CreateAppPassword(ctx, p2))
	if p1.ID == 0 || p2.ID == p1.ID {
		t.Fatal("application passwords got no ids")
	}
	list, err := s.AppPasswords(ctx, a.ID)
	must(t, err)
	if len(list) != 2 || list[0].Name != "Importer" || !list[0].LastUsedAt.IsZero() {
		t.Fatalf("list = %+v", list)
	}
	got, err := s.AppPasswordByHash(ctx, "h1")
	must(t, err)
	if got.ID != p1.ID || got.UserID != a.ID {
		t.Fatalf("by hash = %+v", got)
	}
	if _, err := s.AppPasswordByHash(ctx, "nope"); !errors.Is(err, content.ErrNotFound) && err == nil {
		t.Fatal("unknown hash found")
	}
	must(t, s.TouchAppPassword(ctx, p1.ID, time.Unix(50, 0), "192.0.2.1"))
	got, _ = s.AppPasswordByHash(ctx, "h1")
	if !got.LastUsedAt.Equal(time.Unix(50, 0)) || got.LastIP != "192.0.2.1" {
		t.Fatalf("touch = %+v", got)
	}
	if ok, err := s.DeleteAppPassword(ctx, b.ID, p1.ID); err != nil || ok {
		t.Fatalf("another account revoked it: %v %v", ok, err)
	}
	if ok, err := s.DeleteAppPassword(ctx, a.ID, p1.ID); err != nil || !ok {
		t.Fatalf("revoke: %v %v", ok, err)
	}
	if _, err := s.AppPasswordByHash(ctx, "h1"); err == nil {
		t.Fatal("revoked password still found")
	}
}
