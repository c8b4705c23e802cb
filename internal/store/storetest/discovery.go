package storetest

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/readership"
	"github.com/masthead-news/masthead/internal/store"
)

// testRelated: related articles rank by shared tags and categories, then
// recency, stay in the edition, leave out the article itself, articles
// sharing nothing, drafts and future ones.
func testRelated(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	base := time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)
	mk := func(slug string, at time.Time, cat int64, tags ...string) *content.Article {
		a := article(f, slug, at)
		a.PrimaryCategoryID, a.CategoryIDs, a.Tags = cat, []int64{cat}, tags
		must(t, s.CreateArticle(ctx, a))
		return a
	}
	me := mk("me", base, f.cat.ID, "river", "flood", "city")
	three := mk("three", base.Add(-5*time.Hour), f.cat.ID, "river", "flood") // 2 tags + category
	twoNew := mk("two-new", base.Add(-1*time.Hour), f.sub.ID, "river", "city")
	twoOld := mk("two-old", base.Add(-3*time.Hour), f.sub.ID, "flood", "city")
	one := mk("cat-only", base.Add(-2*time.Hour), f.cat.ID)
	mk("nothing", base.Add(-1*time.Minute), f.sub.ID, "sport")
	draft := mk("draft", base.Add(-4*time.Hour), f.cat.ID, "river", "flood", "city")
	draft.Status = content.Draft
	must(t, s.UpdateArticle(ctx, draft))
	future := mk("future", base.Add(48*time.Hour), f.cat.ID, "river", "flood", "city")
	fa := article(f, "fa-twin", base)
	fa.Edition, fa.PrimaryCategoryID, fa.CategoryIDs, fa.Tags = "fa", f.other.ID, []int64{f.other.ID}, []string{"river", "flood", "city"}
	must(t, s.CreateArticle(ctx, fa))

	got, err := s.RelatedArticles(ctx, me, base.Add(time.Hour), 10)
	must(t, err)
	var slugs []string
	for _, a := range got {
		slugs = append(slugs, a.Slug)
	}
	want := []string{three.Slug, twoNew.Slug, twoOld.Slug, one.Slug}
	if len(slugs) != len(want) {
		t.Fatalf("related = %v, want %v (future: %s)", slugs, want, future.Slug)
	}
	for i := range want {
		if slugs[i] != want[i] {
			t.Fatalf("related = %v, want %v", slugs, want)
		}
	}
	if got[0].PrimaryCategory == nil || got[0].Featured == nil {
		t.Fatal("related articles come without their card data")
	}
	got, err = s.RelatedArticles(ctx, me, base.Add(time.Hour), 2)
	must(t, err)
	if len(got) != 2 {
		t.Fatalf("limit 2 gave %d", len(got))
	}
}

// testViews: counts add up per article and day, unknown slugs are skipped,
// writing counts leaves the generation alone, and MostRead ranks the window.
func testViews(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	now := time.Date(2026, 4, 20, 10, 0, 0, 0, time.UTC)
	today := readership.Day(now)
	var arts []*content.Article
	for i, slug := range []string{"a", "b", "c", "old"} {
		a := article(f, slug, now.Add(-time.Duration(i+1)*time.Hour))
		must(t, s.CreateArticle(ctx, a))
		arts = append(arts, a)
	}
	fa := article(f, "a", now.Add(-time.Hour))
	fa.Edition, fa.PrimaryCategoryID, fa.CategoryIDs = "fa", f.other.ID, []int64{f.other.ID}
	must(t, s.CreateArticle(ctx, fa))

	g := s.Generation()
	must(t, s.AddArticleViews(ctx, []readership.View{
		{Edition: "en", Slug: "a", Day: today, Count: 3},
		{Edition: "en", Slug: "b", Day: today, Count: 2},
		{Edition: "en", Slug: "b", Day: today - 1, Count: 2},
		{Edition: "en", Slug: "c", Day: today - 6, Count: 1},
		{Edition: "en", Slug: "old", Day: today - 7, Count: 50}, // outside a seven-day window
		{Edition: "fa", Slug: "a", Day: today, Count: 100},      // another edition
		{Edition: "en", Slug: "no-such", Day: today, Count: 9},
	}))
	must(t, s.AddArticleViews(ctx, []readership.View{{Edition: "en", Slug: "a", Day: today, Count: 2}}))
	if s.Generation() != g {
		t.Fatal("writing view counts changed the generation: every flush would empty the page cache")
	}
	since := time.Unix((today-6)*86400, 0)
	got, err := s.MostRead(ctx, "en", since, now, 5)
	must(t, err)
	var slugs []string
	for _, a := range got {
		slugs = append(slugs, a.Slug)
	}
	// a: 5 today; b: 4 over two days; c: 1 six days ago.
	if len(slugs) != 3 || slugs[0] != "a" || slugs[1] != "b" || slugs[2] != "c" {
		t.Fatalf("most read = %v, want [a b c]", slugs)
	}
	got, err = s.MostRead(ctx, "en", since, now.Add(-90*time.Minute), 5)
	must(t, err)
	for _, a := range got {
		if a.Slug == "a" {
			t.Fatal("MostRead listed an article published after its bound")
		}
	}
	_ = arts
}

// testRefs: sitemap references page like listings, carry images and the
// published translations, and the news window bounds them.
func testRefs(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	now := time.Date(2026, 4, 20, 10, 0, 0, 0, time.UTC)
	var en []*content.Article
	for i := range 5 {
		a := article(f, "e"+string(rune('a'+i)), now.Add(-time.Duration(i)*24*time.Hour))
		must(t, s.CreateArticle(ctx, a))
		en = append(en, a)
	}
	tr := article(f, "ترجمه", now.Add(-time.Hour))
	tr.Edition, tr.PrimaryCategoryID, tr.CategoryIDs, tr.TranslationGroup = "fa", f.other.ID, []int64{f.other.ID}, en[0].TranslationGroup
	tr.FeaturedMediaID = 0
	must(t, s.CreateArticle(ctx, tr))
	draft := article(f, "draft-fa", now.Add(-time.Hour))
	draft.Edition, draft.PrimaryCategoryID, draft.CategoryIDs, draft.TranslationGroup, draft.Status = "fa", f.other.ID, []int64{f.other.ID}, en[1].TranslationGroup, content.Draft
	must(t, s.CreateArticle(ctx, draft))

	refs, err := s.ArticleRefs(ctx, content.RefFilter{Edition: "en", Before: now, Limit: 2})
	must(t, err)
	if len(refs) != 2 || refs[0].Slug != "ea" || refs[1].Slug != "eb" {
		t.Fatalf("first page = %+v", refs)
	}
	if refs[0].Featured == nil || refs[0].Featured.Path != "img/lead.jpg" || refs[0].FeaturedAlt != "alt" {
		t.Fatalf("featured image = %+v", refs[0].Featured)
	}
	if len(refs[0].Translations) != 1 || refs[0].Translations[0].Edition != "fa" || refs[0].Translations[0].Slug != "ترجمه" {
		t.Fatalf("translations = %+v", refs[0].Translations)
	}
	if len(refs[1].Translations) != 0 {
		t.Fatalf("a draft translation is listed: %+v", refs[1].Translations)
	}
	refs, err = s.ArticleRefs(ctx, content.RefFilter{Edition: "en", Before: now, Limit: 2, Offset: 4})
	must(t, err)
	if len(refs) != 1 || refs[0].Slug != "ee" {
		t.Fatalf("last page = %+v", refs)
	}
	refs, err = s.ArticleRefs(ctx, content.RefFilter{After: now.Add(-48 * time.Hour), Before: now})
	must(t, err)
	if len(refs) != 3 { // ea, eb and the Persian translation; ec is exactly 48 hours old
		t.Fatalf("two-day window across editions = %d refs", len(refs))
	}
	if refs[0].Edition != "en" && refs[0].Edition != "fa" {
		t.Fatalf("unexpected edition %q", refs[0].Edition)
	}
	tags, err := s.TagsOfArticles(ctx, []int64{en[0].ID, en[1].ID, tr.ID})
	must(t, err)
	if len(tags[en[0].ID]) != 2 || tags[en[0].ID][0].Name != "alpha" || len(tags[tr.ID]) != 2 {
		t.Fatalf("tags = %+v", tags)
	}
	must(t, s.AttachMedia(ctx, en[0].ID, []int64{newMedia(t, s, "doc/report.pdf").ID, f.img.ID}))
	files, err := s.AttachmentsOfArticles(ctx, []int64{en[0].ID, en[1].ID})
	must(t, err)
	if len(files[en[0].ID]) != 2 || files[en[0].ID][0].Path != "doc/report.pdf" || len(files[en[1].ID]) != 0 {
		t.Fatalf("attachments = %+v", files)
	}
	pages, err := s.PublishedPages(ctx)
	must(t, err)
	if len(pages) != 0 {
		t.Fatalf("pages = %d", len(pages))
	}
}
