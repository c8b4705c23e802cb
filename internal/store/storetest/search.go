package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
)

// found runs a reader's query against an edition and returns the IDs of the
// results in rank order, with the total.
func found(t *testing.T, ctx context.Context, s *store.Store, f search.Filter, text string) ([]int64, int) {
	t.Helper()
	hits, total, err := s.Search(ctx, search.Parse(text), f)
	must(t, err)
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids, total
}

func has(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func indexSize(t *testing.T, s *store.Store) int {
	t.Helper()
	docs, texts, err := s.SearchIndexSize(ctx)
	must(t, err)
	if docs != texts {
		t.Fatalf("the index lists %d documents but holds text for %d", docs, texts)
	}
	return docs
}

// testSearchFollowsWrites: the index changes with every create, update and
// unpublish, inside the writing transaction, and only published items are
// found.
func testSearchFollowsWrites(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	en := search.Filter{Edition: "en"}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a := article(f, "solar", at)
	a.Title, a.Excerpt, a.BodyHTML = "Solar panels on school roofs", "Cheaper bills.", "<p>The <em>library</em> stays open late.</p>"
	must(t, s.CreateArticle(ctx, a))
	draft := article(f, "draft", at)
	draft.Title, draft.Status = "Solar draft", content.Draft
	must(t, s.CreateArticle(ctx, draft))

	if ids, total := found(t, ctx, s, en, "solar"); total != 1 || !has(ids, a.ID) {
		t.Fatalf("solar: %v (total %d); want only the published article", ids, total)
	}
	if ids, _ := found(t, ctx, s, en, "library"); !has(ids, a.ID) {
		t.Fatal("a word of the body is not found")
	}
	if ids, _ := found(t, ctx, s, en, "cheaper"); !has(ids, a.ID) {
		t.Fatal("a word of the excerpt is not found")
	}
	if ids, _ := found(t, ctx, s, search.Filter{Edition: "fa"}, "solar"); len(ids) != 0 {
		t.Fatal("an English article found in the Persian edition")
	}

	// An edit replaces the text.
	a.Title = "Wind turbines on school roofs"
	must(t, s.UpdateArticle(ctx, a))
	if ids, _ := found(t, ctx, s, en, "solar"); has(ids, a.ID) {
		t.Fatal("the old title is still found after an edit")
	}
	if ids, _ := found(t, ctx, s, en, "turbines"); !has(ids, a.ID) {
		t.Fatal("the new title is not found after an edit")
	}

	// Unpublishing takes it out in the same transaction: inside, it is gone;
	// outside, until the commit, it is still there.
	err := s.WithinTx(ctx, func(tx context.Context) error {
		a.Status = content.Draft
		if err := s.UpdateArticle(tx, a); err != nil {
			return err
		}
		if ids, _ := found(t, tx, s, en, "turbines"); has(ids, a.ID) {
			t.Error("inside the unpublishing transaction the article is still found")
		}
		if ids, _ := found(t, ctx, s, en, "turbines"); !has(ids, a.ID) {
			t.Error("the index changed before the commit")
		}
		return nil
	})
	must(t, err)
	if ids, _ := found(t, ctx, s, en, "turbines"); has(ids, a.ID) {
		t.Fatal("an unpublished article is found")
	}
	// Publishing the draft indexes it.
	draft.Status = content.Published
	must(t, s.UpdateArticle(ctx, draft))
	if ids, _ := found(t, ctx, s, en, "draft"); !has(ids, draft.ID) {
		t.Fatal("a newly published article is not found")
	}
	if n := indexSize(t, s); n != 1 {
		t.Fatalf("index size %d, want 1 (only the published draft)", n)
	}

	// The scheduler's publishing indexes too.
	sched := article(f, "scheduled", at.Add(time.Hour))
	sched.Title, sched.Status = "Tidal energy barrage", content.Scheduled
	must(t, s.CreateArticle(ctx, sched))
	if ids, _ := found(t, ctx, s, en, "tidal"); has(ids, sched.ID) {
		t.Fatal("a scheduled article is found before it is published")
	}
	if n, err := s.PublishDue(ctx, at.Add(2*time.Hour)); err != nil || n != 1 {
		t.Fatalf("PublishDue = %d, %v", n, err)
	}
	if ids, _ := found(t, ctx, s, en, "tidal"); !has(ids, sched.ID) {
		t.Fatal("an article published by the scheduler is not found")
	}
	if n := indexSize(t, s); n != 2 {
		t.Fatalf("index size %d, want 2", n)
	}
	sched.Status = content.Draft
	must(t, s.UpdateArticle(ctx, sched))

	// Pages too.
	p := &content.Page{Edition: "en", Slug: "about-us", Title: "About the newsroom", Description: "Who we are.",
		BodyHTML: "<p>Independent reporting.</p>", Status: content.Published, PublishedAt: at, UpdatedAt: at}
	must(t, s.CreatePage(ctx, p))
	hits, _, err := s.Search(ctx, search.Parse("independent"), en)
	must(t, err)
	if len(hits) != 1 || hits[0].Kind != search.Page || hits[0].ID != p.ID || hits[0].Slug != "about-us" || hits[0].Title != "About the newsroom" {
		t.Fatalf("page hit = %+v", hits)
	}
	hidden := &content.Page{Edition: "en", Slug: "hidden", Title: "Independent draft", Status: content.Draft, UpdatedAt: at}
	must(t, s.CreatePage(ctx, hidden))
	if _, total := found(t, ctx, s, en, "independent"); total != 1 {
		t.Fatalf("a draft page is found (total %d)", total)
	}
	// Rebuilding gives the same index.
	must(t, s.ReindexAll(ctx))
	if n := indexSize(t, s); n != 2 {
		t.Fatalf("after ReindexAll the index has %d documents, want 2", n)
	}
}

// testSearchRollback: a rolled-back write leaves no index row behind.
func testSearchRollback(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	boom := errors.New("boom")
	a := article(f, "ghost", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	a.Title = "Ghost story"
	err := s.WithinTx(ctx, func(tx context.Context) error {
		must(t, s.CreateArticle(tx, a))
		if ids, _ := found(t, tx, s, search.Filter{Edition: "en"}, "ghost"); !has(ids, a.ID) {
			t.Error("inside its transaction the new article is not found")
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if ids, _ := found(t, ctx, s, search.Filter{Edition: "en"}, "ghost"); len(ids) != 0 {
		t.Fatal("a rolled-back article is found")
	}
	if n := indexSize(t, s); n != 0 {
		t.Fatalf("a rolled-back article left %d index rows", n)
	}
	// A write that fails half-way (duplicate slug) indexes nothing either.
	ok := article(f, "taken", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	must(t, s.CreateArticle(ctx, ok))
	dup := article(f, "taken", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
	dup.Title = "Duplicate unicorn"
	if err := s.CreateArticle(ctx, dup); err == nil {
		t.Fatal("duplicate slug accepted")
	}
	if ids, _ := found(t, ctx, s, search.Filter{Edition: "en"}, "unicorn"); len(ids) != 0 || indexSize(t, s) != 1 {
		t.Fatal("a failed write left an index row")
	}
}

// testSearchFolding: Persian and Arabic letter forms, diacritics, alef
// variants and digits match each other in both directions; Latin words
// match as prefixes.
func testSearchFolding(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	must(t, s.SaveEdition(ctx, &edition.Edition{Code: "ar", Name: "العربية", Lang: "ar", Dir: "rtl", Calendar: "gregorian",
		Digits: "arab", TimeZone: "UTC", Settings: edition.Settings{SiteName: "S", ListingMode: "excerpt", PerPage: 10}}))
	arCat := &content.Category{Edition: "ar", Slug: "علوم", Name: "علوم"}
	must(t, s.CreateCategory(ctx, arCat))
	at := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	fa := article(f, "کتابخانه", at)
	fa.Edition, fa.PrimaryCategoryID, fa.CategoryIDs, fa.Tags = "fa", f.other.ID, []int64{f.other.ID}, nil
	fa.Title = "کتاب‌خانهٔ مرکزی تا نیمه‌شب باز می‌ماند"
	fa.Excerpt = ""
	fa.BodyHTML = "<p>در سال ۱۴۰۳ یک کودک آمد.</p>"
	must(t, s.CreateArticle(ctx, fa))
	ar := article(f, "مدرسة", at)
	ar.Edition, ar.PrimaryCategoryID, ar.CategoryIDs, ar.Tags = "ar", arCat.ID, []int64{arCat.ID}, nil
	ar.Title = "مَدْرَسَةٌ على التلّ تُضيء بالطاقة"
	ar.Excerpt = ""
	ar.BodyHTML = "<p>قال أحمد إن إسلام في عام ٢٠٢٤ بـــلا كهرباء.</p>"
	must(t, s.CreateArticle(ctx, ar))
	en := article(f, "libraries", at)
	en.Title, en.BodyHTML = "Libraries at night", "<p>Librarians and the LIBRARY board.</p>"
	must(t, s.CreateArticle(ctx, en))

	for _, tc := range []struct {
		edition, query string
		want           int64
		note           string
	}{
		{"fa", "مركزي", fa.ID, "Persian text, Arabic yeh and kaf in the query"},
		{"fa", "مرکزی", fa.ID, "Persian text, Persian query"},
		{"fa", "كتاب", fa.ID, "Arabic kaf finds the part before a ZWNJ"},
		{"fa", "کتاب خانه", fa.ID, "the two halves of a ZWNJ compound"},
		{"fa", `"کتاب خانه مرکزی"`, fa.ID, "a phrase across a ZWNJ"},
		{"fa", "خانه", fa.ID, "heh with hamza above folds to heh"},
		{"fa", "1403", fa.ID, "Latin digits find Persian digits"},
		{"fa", "١٤٠٣", fa.ID, "Arabic-Indic digits find Persian digits"},
		{"fa", "كودك", fa.ID, "Arabic kaf throughout"},
		{"fa", "مي ماند", fa.ID, "a ZWNJ verb typed with a space and Arabic yeh"},
		{"ar", "مدرسه", ar.ID, "teh marbuta and diacritics"},
		{"ar", "علی", ar.ID, "Persian yeh finds alef maksura"},
		{"ar", "تضیء", ar.ID, "Persian yeh, no damma"},
		{"ar", "احمد", ar.ID, "bare alef finds alef with hamza above"},
		{"ar", "اسلام", ar.ID, "bare alef finds alef with hamza below"},
		{"ar", "۲۰۲۴", ar.ID, "Persian digits find Arabic-Indic digits"},
		{"ar", "2024", ar.ID, "Latin digits find Arabic-Indic digits"},
		{"ar", "بلا", ar.ID, "tatweel"},
		{"ar", "التل", ar.ID, "shadda"},
		{"en", "libr", en.ID, "a Latin prefix"},
		{"en", "LIBRARIAN", en.ID, "case and prefix"},
		{"en", "night", en.ID, "a whole word"},
	} {
		ids, _ := found(t, ctx, s, search.Filter{Edition: tc.edition}, tc.query)
		if !has(ids, tc.want) {
			t.Errorf("%s: %q in %s found %v, want %d", tc.note, tc.query, tc.edition, ids, tc.want)
		}
	}
	for _, tc := range []struct{ edition, query, note string }{
		{"fa", "کتابخانه", "without the ZWNJ the compound is another word"},
		{"fa", "مرک", "Arabic-script words are not prefixes"},
		{"en", "l", "one letter is not a prefix"},
		{"en", `"night libraries"`, "phrase words in the wrong order"},
		{"ar", "مدرسه فضاء", "every term must match"},
		{"en", "libraries OR zebra", "operators are words"},
	} {
		if ids, _ := found(t, ctx, s, search.Filter{Edition: tc.edition}, tc.query); len(ids) != 0 {
			t.Errorf("%s: %q in %s found %v, want nothing", tc.note, tc.query, tc.edition, ids)
		}
	}
}

// testSearchFiltersAndRanks: kinds, categories, dates and the publication
// bound filter; the title outranks the body; paging and totals agree.
func testSearchFiltersAndRanks(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var all []*content.Article
	for i := 0; i < 12; i++ {
		a := article(f, "river-"+string(rune('a'+i)), base.Add(time.Duration(i)*24*time.Hour))
		a.Title, a.BodyHTML = "Weekly notes", "<p>The river report, part of a long series about water.</p>"
		if i == 3 {
			a.Title = "River cleanup" // the only one with the word in its title
		}
		if i%4 == 0 {
			a.CategoryIDs = []int64{f.cat.ID, f.sub.ID}
		}
		must(t, s.CreateArticle(ctx, a))
		all = append(all, a)
	}
	p := &content.Page{Edition: "en", Slug: "rivers", Title: "Rivers we cover", Status: content.Published, PublishedAt: base, UpdatedAt: base}
	must(t, s.CreatePage(ctx, p))
	en := search.Filter{Edition: "en", Limit: 5}

	ids, total := found(t, ctx, s, en, "river")
	if total != 13 || len(ids) != 5 {
		t.Fatalf("river: %d ids of total %d, want 5 of 13", len(ids), total)
	}
	arts := en
	arts.Kinds = []search.Kind{search.Article}
	if ids, _ := found(t, ctx, s, arts, "river"); ids[0] != all[3].ID {
		t.Errorf("the title match does not rank first: %v, want %d", ids, all[3].ID)
	}
	// Paging walks every result once.
	type key struct {
		kind search.Kind
		id   int64
	}
	seen := map[key]bool{}
	for off := 0; off < 15; off += 5 {
		g := en
		g.Offset = off
		hits, tot, err := s.Search(ctx, search.Parse("river"), g)
		must(t, err)
		if tot != 13 {
			t.Fatalf("total %d at offset %d", tot, off)
		}
		for _, h := range hits {
			if seen[key{h.Kind, h.ID}] {
				t.Fatalf("%s %d on two pages", h.Kind, h.ID)
			}
			seen[key{h.Kind, h.ID}] = true
		}
	}
	if len(seen) != 13 {
		t.Fatalf("paging showed %d results, want 13", len(seen))
	}
	past := en
	past.Offset = 20
	if ids, total := found(t, ctx, s, past, "river"); len(ids) != 0 || total != 13 {
		t.Fatalf("past the end: %v, total %d", ids, total)
	}

	// Kinds.
	g := en
	g.Kinds = []search.Kind{search.Page}
	if ids, total := found(t, ctx, s, g, "river"); total != 1 || ids[0] != p.ID {
		t.Fatalf("kind=page: %v (total %d)", ids, total)
	}
	g.Kinds = []search.Kind{search.Article}
	if _, total := found(t, ctx, s, g, "river"); total != 12 {
		t.Fatalf("kind=article: total %d", total)
	}
	// Categories (the sub-category holds every fourth article).
	g = en
	g.CategoryIDs = []int64{f.sub.ID}
	if ids, total := found(t, ctx, s, g, "river"); total != 3 || !has(ids, all[0].ID) || !has(ids, all[8].ID) {
		t.Fatalf("category: %v (total %d)", ids, total)
	}
	// Dates: from is inclusive, to exclusive.
	g = en
	g.From, g.To = base.Add(2*24*time.Hour), base.Add(5*24*time.Hour)
	g.Kinds = []search.Kind{search.Article}
	if ids, total := found(t, ctx, s, g, "river"); total != 3 || !has(ids, all[2].ID) || !has(ids, all[4].ID) || has(ids, all[5].ID) {
		t.Fatalf("date range: %v (total %d)", ids, total)
	}
	// Not after Before.
	g = en
	g.Before = base.Add(24 * time.Hour)
	if _, total := found(t, ctx, s, g, "river"); total != 3 { // two articles and the page
		t.Fatalf("before: total %d", total)
	}
	// Results carry what a listing shows.
	hits, _, err := s.Search(ctx, search.Parse("cleanup"), en)
	must(t, err)
	if len(hits) != 1 || hits[0].Category == nil || hits[0].Category.Slug != "news" || !hits[0].PublishedAt.Equal(all[3].PublishedAt) ||
		hits[0].Edition != "en" || hits[0].Slug != all[3].Slug || hits[0].Body == "" {
		t.Fatalf("hit = %+v", hits)
	}
	// An empty query finds nothing and is no error.
	if hits, total, err := s.Search(ctx, search.Parse("  "), en); err != nil || len(hits) != 0 || total != 0 {
		t.Fatalf("empty query: %v %d %v", hits, total, err)
	}
}
