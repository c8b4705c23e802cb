// Package storetest is the one contract suite every database behind
// store.Store must pass. Each dialect's tests call Run with a function that
// opens a fresh, migrated, empty database.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/user"
)

// Opener returns a new, migrated, empty store for one test.
type Opener func(t *testing.T) *store.Store

// Run runs the whole contract suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s *store.Store)
	}{
		{"Migrate is idempotent", testMigrateAgain},
		{"Editions round trip", testEditions},
		{"Settings", testSettings},
		{"Media", testMedia},
		{"Categories and tags", testTaxonomy},
		{"Authors with localized profiles", testAuthors},
		{"Articles create, load, update", testArticles},
		{"Article listings filter and page", testListings},
		{"Card lists carry every field a card shows", testCards},
		{"Cards show their category, author and picture as they are now", testCardsFollowChanges},
		{"Article translations and attachments", testTranslations},
		{"Pages", testPages},
		{"Menus nest", testMenus},
		{"Translation links keep every group led by a member", testTranslationLinks},
		{"Structure edits: categories, tags, authors, pages, menu items", testStructureWrites},
		{"Comments keep the approved count", testComments},
		{"Comment moderation: counts, deletion keeps replies, privacy by address", testCommentModeration},
		{"Contact inbox: statuses, replies, privacy by address", testContactInbox},
		{"Antispam remembers tokens once; the site secret is stable", testAntispam},
		{"WordPress import mapping, redirects and comment updates", testWordPressImport},
		{"Users", testUsers},
		{"Password resets and two-factor sign-in", testAccountSecurity},
		{"Rate-limited events count per key, clear and expire quietly", testRateEvents},
		{"Transactions roll back", testRollback},
		{"Generation counts committed writes", testGeneration},
		{"Slugs typed with other letter forms are found", testFoldedSlugs},
		{"Related articles rank by shared terms", testRelated},
		{"View counts add up without changing the generation", testViews},
		{"Sitemap references page, with images and translations", testRefs},
		{"Search follows every write in its transaction", testSearchFollowsWrites},
		{"Search leaves nothing behind a rollback", testSearchRollback},
		{"Search folds Arabic-script variants both ways", testSearchFolding},
		{"Search filters, ranks and pages", testSearchFiltersAndRanks},
		{"Mail outbox claims, leases, retries and counts", testMailOutbox},
		{"Downloads count quietly per file", testDownloads},
		{"Media sections: items, albums, videos, translations", testMediaSections},
		{"API queries filter, count, order and batch-load", testAPIQueries},
		{"Application passwords", testAppPasswords},
		{"Newsletter subscribers, tokens, campaigns and sends", testNewsletter},
		{"Publications: books, series, issues and their translations", testPublications},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open(t))
		})
	}
}

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func seedEditions(t *testing.T, s *store.Store) {
	t.Helper()
	for i, e := range []edition.Edition{
		{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true},
		{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", Calendar: "persian", Digits: "arabext", TimeZone: "Asia/Tehran"},
	} {
		e.Position = i
		e.Settings = edition.Settings{SiteName: "Site " + e.Code, ListingMode: "excerpt", PerPage: 10, CopyrightYear: 2020,
			Social: []edition.SocialLink{{Network: "x", Label: "X", URL: "https://x.com/site"}}}
		must(t, s.SaveEdition(ctx, &e))
	}
}

func testMigrateAgain(t *testing.T, s *store.Store) {
	applied, err := s.Migrate(ctx)
	must(t, err)
	if len(applied) != 0 {
		t.Fatalf("second migrate applied %v", applied)
	}
	pending, err := s.Pending(ctx)
	must(t, err)
	if len(pending) != 0 {
		t.Fatalf("pending after migrate: %v", pending)
	}
	v, err := s.SchemaVersion(ctx)
	must(t, err)
	if v == "" {
		t.Fatal("no schema version recorded")
	}
}

func testEditions(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	list, err := s.Editions(ctx)
	must(t, err)
	if len(list) != 2 || list[0].Code != "en" || !list[0].IsDefault || list[1].Dir != "rtl" || list[1].Calendar != "persian" {
		t.Fatalf("editions = %+v", list)
	}
	if got := list[0].Settings.Social; len(got) != 1 || got[0].URL != "https://x.com/site" {
		t.Fatalf("social links = %+v", got)
	}
	fa := list[1]
	fa.Settings.Tagline = "شعار"
	fa.Settings.ListingMode = "full"
	must(t, s.SaveEdition(ctx, &fa))
	list, err = s.Editions(ctx)
	must(t, err)
	if len(list) != 2 || list[1].Settings.Tagline != "شعار" || list[1].Settings.ListingMode != "full" {
		t.Fatalf("after update: %+v", list[1])
	}
}

func testSettings(t *testing.T, s *store.Store) {
	if _, ok, err := s.Setting(ctx, "x"); err != nil || ok {
		t.Fatalf("unset setting: ok=%v err=%v", ok, err)
	}
	must(t, s.SetSetting(ctx, "x", "1"))
	must(t, s.SetSetting(ctx, "x", "2"))
	if v, ok, err := s.Setting(ctx, "x"); err != nil || !ok || v != "2" {
		t.Fatalf("setting = %q %v %v", v, ok, err)
	}
}

func newMedia(t *testing.T, s *store.Store, path string) *media.Media {
	t.Helper()
	m := &media.Media{Kind: "image", Path: path, Filename: "a.jpg", MIME: "image/jpeg", Size: 1234, Width: 1200, Height: 675,
		Alt: "alt", Caption: "caption", Credit: "credit", SHA256: "0123456789abcdef0123", CreatedAt: time.Unix(1700000000, 0).UTC()}
	must(t, s.CreateMedia(ctx, m))
	return m
}

func testMedia(t *testing.T, s *store.Store) {
	m := newMedia(t, s, "2026/01/a.jpg")
	got, err := s.MediaByID(ctx, m.ID)
	must(t, err)
	if *got != *m {
		t.Fatalf("MediaByID = %+v, want %+v", got, m)
	}
	got, err = s.MediaByPath(ctx, "2026/01/a.jpg")
	must(t, err)
	if got.ID != m.ID {
		t.Fatalf("MediaByPath id = %d", got.ID)
	}
	if _, err := s.MediaByPath(ctx, "nope"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("missing media: %v", err)
	}
	dup := *m
	if err := s.CreateMedia(ctx, &dup); err == nil {
		t.Fatal("duplicate media path accepted")
	}
}

func testTaxonomy(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	parent := &content.Category{Edition: "en", Slug: "environment", Name: "Environment"}
	must(t, s.CreateCategory(ctx, parent))
	child := &content.Category{Edition: "en", Slug: "climate", Name: "Climate", ParentID: parent.ID, Position: 1}
	must(t, s.CreateCategory(ctx, child))
	fa := &content.Category{Edition: "fa", Slug: "محیط-زیست", Name: "محیط زیست", TranslationGroup: parent.TranslationGroup}
	must(t, s.CreateCategory(ctx, fa))
	if parent.TranslationGroup != parent.ID {
		t.Fatalf("new category's group = %d, want its id %d", parent.TranslationGroup, parent.ID)
	}
	list, err := s.Categories(ctx, "en")
	must(t, err)
	if len(list) != 2 || list[1].ParentID != parent.ID {
		t.Fatalf("categories = %+v", list)
	}
	got, err := s.CategoryBySlug(ctx, "fa", "محیط-زیست")
	must(t, err)
	if got.ID != fa.ID {
		t.Fatal("Unicode slug lookup failed")
	}
	if _, err := s.CategoryBySlug(ctx, "fa", "environment"); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("category of another edition found: %v", err)
	}
	tr, err := s.CategoryTranslations(ctx, parent.TranslationGroup)
	must(t, err)
	if len(tr) != 2 {
		t.Fatalf("translations = %+v", tr)
	}
	if err := s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "climate", Name: "Again"}); err == nil {
		t.Fatal("duplicate category slug accepted")
	}
	t1, err := s.EnsureTag(ctx, "en", "Solar power", "solar-power")
	must(t, err)
	t2, err := s.EnsureTag(ctx, "en", "solar power", "solar-power")
	must(t, err)
	if t1.ID != t2.ID || t2.Name != "Solar power" {
		t.Fatalf("EnsureTag made a second tag: %+v %+v", t1, t2)
	}
	got2, err := s.TagBySlug(ctx, "en", "solar-power")
	must(t, err)
	if got2.ID != t1.ID {
		t.Fatal("TagBySlug")
	}
	if _, err := s.TagBySlug(ctx, "fa", "solar-power"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("tag leaked across editions")
	}
}

func testAuthors(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	avatar := newMedia(t, s, "avatars/a.jpg")
	a := &content.Author{Slug: "sara", Name: "Sara", Bio: "Reporter.", AvatarMediaID: avatar.ID}
	must(t, s.CreateAuthor(ctx, a, []content.AuthorProfile{{Edition: "fa", Name: "سارا", Bio: "خبرنگار."}}))
	en, err := s.AuthorBySlug(ctx, "en", "sara")
	must(t, err)
	if en.Name != "Sara" || en.Avatar == nil || en.Avatar.ID != avatar.ID {
		t.Fatalf("en author = %+v", en)
	}
	fa, err := s.AuthorBySlug(ctx, "fa", "sara")
	must(t, err)
	if fa.Name != "سارا" || fa.Bio != "خبرنگار." {
		t.Fatalf("fa author = %+v", fa)
	}
	if _, err := s.AuthorBySlug(ctx, "en", "nobody"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("missing author")
	}
}

// fixture is a small site for the article tests.
type fixture struct {
	cat, sub, other *content.Category
	author          *content.Author
	img             *media.Media
}

func seedSite(t *testing.T, s *store.Store) fixture {
	seedEditions(t, s)
	f := fixture{}
	f.cat = &content.Category{Edition: "en", Slug: "news", Name: "News"}
	must(t, s.CreateCategory(ctx, f.cat))
	f.sub = &content.Category{Edition: "en", Slug: "local", Name: "Local", ParentID: f.cat.ID}
	must(t, s.CreateCategory(ctx, f.sub))
	f.other = &content.Category{Edition: "fa", Slug: "خبر", Name: "خبر"}
	must(t, s.CreateCategory(ctx, f.other))
	f.author = &content.Author{Slug: "ana", Name: "Ana"}
	must(t, s.CreateAuthor(ctx, f.author, []content.AuthorProfile{{Edition: "fa", Name: "آنا"}}))
	f.img = newMedia(t, s, "img/lead.jpg")
	return f
}

func article(f fixture, slug string, at time.Time) *content.Article {
	return &content.Article{Edition: "en", Slug: slug, Title: "Title " + slug, Excerpt: "Ex", BodySource: "<p>b</p>",
		BodyFormat: "html", BodyHTML: "<p>b</p>", FeaturedMediaID: f.img.ID, FeaturedCaption: "cap", FeaturedAlt: "alt",
		PrimaryCategoryID: f.cat.ID, CategoryIDs: []int64{f.cat.ID}, AuthorID: f.author.ID, Status: content.Published,
		PublishedAt: at, CreatedAt: at, UpdatedAt: at, CommentsOpen: true, Tags: []string{"alpha", "beta"}}
}

func testArticles(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	at := time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC)
	a := article(f, "first", at)
	must(t, s.CreateArticle(ctx, a))
	if a.ID == 0 || a.TranslationGroup != a.ID {
		t.Fatalf("id %d group %d", a.ID, a.TranslationGroup)
	}
	got, err := s.ArticleBySlug(ctx, "en", "first")
	must(t, err)
	if got.Title != a.Title || !got.PublishedAt.Equal(at) || got.Status != content.Published || !got.CommentsOpen {
		t.Fatalf("loaded %+v", got)
	}
	if got.PrimaryCategory == nil || got.PrimaryCategory.Slug != "news" || got.Author == nil || got.Author.Name != "Ana" ||
		got.Featured == nil || got.Featured.Width != 1200 || got.FeaturedCaption != "cap" {
		t.Fatalf("joined fields: cat=%+v author=%+v featured=%+v", got.PrimaryCategory, got.Author, got.Featured)
	}
	if _, err := s.ArticleBySlug(ctx, "fa", "first"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("article found under the wrong edition")
	}
	taken, err := s.ArticleSlugTaken(ctx, "en", "first", 0)
	must(t, err)
	notTaken, err := s.ArticleSlugTaken(ctx, "en", "first", a.ID)
	must(t, err)
	if !taken || notTaken {
		t.Fatalf("slug taken = %v (self excluded: %v)", taken, notTaken)
	}
	tags, err := s.ArticleTags(ctx, a.ID)
	must(t, err)
	if len(tags) != 2 || tags[0].Name != "alpha" {
		t.Fatalf("tags = %+v", tags)
	}
	a.Title, a.Tags, a.CategoryIDs = "Changed", []string{"gamma"}, []int64{f.cat.ID, f.sub.ID}
	a.External = content.Byline{Writer: "W", Publication: "P", URL: "https://example.org/x"}
	a.AuthorID = 0
	must(t, s.UpdateArticle(ctx, a))
	got, err = s.ArticleByID(ctx, a.ID)
	must(t, err)
	if got.Title != "Changed" || got.Author != nil || got.External.Publication != "P" {
		t.Fatalf("after update %+v", got)
	}
	tags, _ = s.ArticleTags(ctx, a.ID)
	cats, err := s.ArticleCategories(ctx, a.ID)
	must(t, err)
	if len(tags) != 1 || tags[0].Name != "gamma" || len(cats) != 2 || cats[0].ID != f.cat.ID {
		t.Fatalf("terms after update: %+v %+v", tags, cats)
	}
	ghost := *a
	ghost.ID = 99999
	if err := s.UpdateArticle(ctx, &ghost); !errors.Is(err, content.ErrNotFound) {
		t.Fatalf("updating a missing article: %v", err)
	}
	dup := article(f, "first", at)
	if err := s.CreateArticle(ctx, dup); err == nil {
		t.Fatal("duplicate slug in one edition accepted")
	}
}

func testListings(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var ids []int64
	for i := 0; i < 25; i++ {
		a := article(f, fmt.Sprintf("a%02d", i), base.Add(time.Duration(i)*time.Hour))
		if i%5 == 0 {
			a.CategoryIDs = []int64{f.cat.ID, f.sub.ID}
			a.Tags = []string{"special"}
		}
		if i == 24 {
			a.Status = content.Draft
		}
		must(t, s.CreateArticle(ctx, a))
		ids = append(ids, a.ID)
	}
	pub := content.ArticleFilter{Edition: "en", Status: content.Published}
	n, err := s.CountArticles(ctx, pub)
	must(t, err)
	if n != 24 {
		t.Fatalf("published count = %d", n)
	}
	pub.Limit, pub.Offset = 10, 0
	page1, err := s.ListArticles(ctx, pub)
	must(t, err)
	if len(page1) != 10 || page1[0].Slug != "a23" || page1[9].Slug != "a14" {
		t.Fatalf("page 1 = %s … %s", page1[0].Slug, page1[len(page1)-1].Slug)
	}
	if page1[0].BodyHTML == "" {
		t.Fatal("a full listing comes without bodies")
	}
	summary := pub
	summary.Summary = true
	short, err := s.ListArticles(ctx, summary)
	must(t, err)
	if len(short) != 10 || short[0].Slug != "a23" || short[0].Title == "" || short[0].BodyHTML != "" || short[0].BodySource != "" {
		t.Fatalf("a summary listing gives %d articles, the first %q with a body of %d bytes", len(short), short[0].Slug, len(short[0].BodyHTML))
	}
	must(t, s.RefreshStatistics(ctx)) // after a bulk load; listings read the same after it
	pub.Offset = 20
	page3, err := s.ListArticles(ctx, pub)
	must(t, err)
	if len(page3) != 4 || page3[3].Slug != "a00" {
		t.Fatalf("page 3 has %d", len(page3))
	}
	sub := content.ArticleFilter{Edition: "en", Status: content.Published, CategoryIDs: []int64{f.sub.ID}, Limit: 50}
	list, err := s.ListArticles(ctx, sub)
	must(t, err)
	if len(list) != 5 {
		t.Fatalf("sub-category listing = %d", len(list))
	}
	tag, err := s.TagBySlug(ctx, "en", "special")
	must(t, err)
	n, err = s.CountArticles(ctx, content.ArticleFilter{Edition: "en", TagID: tag.ID})
	must(t, err)
	if n != 5 {
		t.Fatalf("tag count = %d", n)
	}
	n, err = s.CountArticles(ctx, content.ArticleFilter{Edition: "en", AuthorID: f.author.ID, Before: base.Add(2 * time.Hour)})
	must(t, err)
	if n != 3 {
		t.Fatalf("author count before a time = %d", n)
	}
	n, err = s.CountArticles(ctx, content.ArticleFilter{Edition: "fa"})
	must(t, err)
	if n != 0 {
		t.Fatalf("fa count = %d", n)
	}
	// A listing costs the same number of queries whatever its length.
	before := s.QueryCount()
	_, err = s.ListArticles(ctx, content.ArticleFilter{Edition: "en", Limit: 3})
	must(t, err)
	small := s.QueryCount() - before
	before = s.QueryCount()
	_, err = s.ListArticles(ctx, content.ArticleFilter{Edition: "en", Limit: 25})
	must(t, err)
	if large := s.QueryCount() - before; large != small || small != 1 {
		t.Fatalf("queries for 3 cards: %d, for 25 cards: %d", small, large)
	}
}

func testTranslations(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	en := article(f, "river", at)
	must(t, s.CreateArticle(ctx, en))
	fa := article(f, "رودخانه", at)
	fa.Edition, fa.PrimaryCategoryID, fa.CategoryIDs, fa.TranslationGroup = "fa", f.other.ID, []int64{f.other.ID}, en.TranslationGroup
	must(t, s.CreateArticle(ctx, fa))
	list, err := s.ArticleTranslations(ctx, en.TranslationGroup)
	must(t, err)
	if len(list) != 2 || list[0].Edition != "en" || list[1].Edition != "fa" {
		t.Fatalf("translations = %d", len(list))
	}
	if list[1].Author == nil || list[1].Author.Name != "آنا" {
		t.Fatalf("fa author name = %+v", list[1].Author)
	}
	pdf := &media.Media{Kind: "document", Path: "files/report.pdf", Filename: "report.pdf", MIME: "application/pdf", Size: 5000, SHA256: "abababababababab", CreatedAt: at}
	must(t, s.CreateMedia(ctx, pdf))
	must(t, s.AttachMedia(ctx, en.ID, []int64{pdf.ID, f.img.ID}))
	files, err := s.ArticleAttachments(ctx, en.ID)
	must(t, err)
	if len(files) != 2 || files[0].ID != pdf.ID {
		t.Fatalf("attachments = %+v", files)
	}
	must(t, s.AttachMedia(ctx, en.ID, []int64{f.img.ID}))
	files, _ = s.ArticleAttachments(ctx, en.ID)
	if len(files) != 1 {
		t.Fatalf("replaced attachments = %d", len(files))
	}
}

func testPages(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	p := &content.Page{Edition: "en", Slug: "about-us", Title: "About", BodyHTML: "<p>x</p>", Status: content.Published, PublishedAt: at, UpdatedAt: at}
	must(t, s.CreatePage(ctx, p))
	fa := &content.Page{Edition: "fa", Slug: "درباره-ما", Title: "درباره ما", Status: content.Published, TranslationGroup: p.TranslationGroup, UpdatedAt: at}
	must(t, s.CreatePage(ctx, fa))
	got, err := s.PageBySlug(ctx, "fa", "درباره-ما")
	must(t, err)
	if got.ID != fa.ID || got.Title != "درباره ما" {
		t.Fatalf("page = %+v", got)
	}
	if _, err := s.PageBySlug(ctx, "fa", "about-us"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("page found under the wrong edition")
	}
	tr, err := s.PageTranslations(ctx, p.TranslationGroup)
	must(t, err)
	if len(tr) != 2 {
		t.Fatalf("page translations = %d", len(tr))
	}
	taken, err := s.PageSlugTaken(ctx, "en", "about-us", 0)
	must(t, err)
	if !taken {
		t.Fatal("PageSlugTaken")
	}
}

func testMenus(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	items := []*content.MenuItem{
		{Label: "Home", Kind: content.MenuLink, Target: "/"},
		{Label: "Media", Kind: content.MenuGroup, Children: []*content.MenuItem{
			{Label: "Cartoons", Kind: content.MenuLink, Target: "/media/cartoons/"},
			{Label: "Videos", Kind: content.MenuLink, Target: "/media/videos/"},
		}},
		{Kind: content.MenuEdition, Target: "fa"},
	}
	must(t, s.ReplaceMenu(ctx, "en", items))
	must(t, s.ReplaceMenu(ctx, "en", items)) // replacing keeps no duplicates
	got, err := s.Menu(ctx, "en")
	must(t, err)
	if len(got) != 3 || len(got[1].Children) != 2 || got[1].Children[1].Label != "Videos" || got[2].Target != "fa" {
		t.Fatalf("menu = %+v", got)
	}
	empty, err := s.Menu(ctx, "fa")
	must(t, err)
	if len(empty) != 0 {
		t.Fatal("menu leaked across editions")
	}
}

func testComments(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	a := article(f, "c", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	must(t, s.CreateArticle(ctx, a))
	c1 := &content.Comment{ArticleID: a.ID, AuthorName: "Lea", Body: "Hi", Status: "approved", CreatedAt: time.Unix(1, 0)}
	must(t, s.AddComment(ctx, c1))
	must(t, s.AddComment(ctx, &content.Comment{ArticleID: a.ID, ParentID: c1.ID, AuthorName: "Bo", Body: "Re", Status: "approved", CreatedAt: time.Unix(2, 0)}))
	must(t, s.AddComment(ctx, &content.Comment{ArticleID: a.ID, AuthorName: "Spam", Body: "x", Status: "spam", CreatedAt: time.Unix(3, 0)}))
	got, err := s.ArticleByID(ctx, a.ID)
	must(t, err)
	if got.CommentCount != 2 {
		t.Fatalf("approved count = %d", got.CommentCount)
	}
	list, err := s.Comments(ctx, a.ID, "approved")
	must(t, err)
	if len(list) != 2 || list[1].ParentID != c1.ID {
		t.Fatalf("comments = %+v", list)
	}
}

func testUsers(t *testing.T, s *store.Store) {
	u := &user.User{Email: "ed@example.org", Name: "Ed", Role: user.Editor, PasswordHash: "h", CreatedAt: time.Unix(5, 0).UTC()}
	must(t, s.CreateUser(ctx, u))
	got, err := s.UserByEmail(ctx, "ED@example.org")
	must(t, err)
	if got.ID != u.ID || got.Role != user.Editor {
		t.Fatalf("user = %+v", got)
	}
	if err := s.CreateUser(ctx, &user.User{Email: "ed@example.org", Name: "Ed2", Role: user.Author, PasswordHash: "h"}); !errors.Is(err, user.ErrExists) {
		t.Fatalf("duplicate email: %v", err)
	}
	n, err := s.CountUsers(ctx)
	must(t, err)
	if n != 1 {
		t.Fatalf("users = %d", n)
	}
}

func testRollback(t *testing.T, s *store.Store) {
	seedEditions(t, s)
	boom := errors.New("boom")
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		must(t, s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "tmp", Name: "Tmp"}))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WithinTx returned %v", err)
	}
	if _, err := s.CategoryBySlug(ctx, "en", "tmp"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("rolled-back category is stored")
	}
}

func testGeneration(t *testing.T, s *store.Store) {
	g0 := s.Generation()
	seedEditions(t, s)
	g1 := s.Generation()
	if g1 == g0 {
		t.Fatal("saving editions did not change the generation")
	}
	if _, err := s.Editions(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Generation() != g1 {
		t.Fatal("a read changed the generation")
	}
	_ = s.WithinTx(ctx, func(ctx context.Context) error {
		must(t, s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "x", Name: "X"}))
		if s.Generation() != g1 {
			t.Error("the generation changed before the commit")
		}
		return errors.New("roll back")
	})
	if s.Generation() != g1 {
		t.Fatal("a rolled-back transaction changed the generation")
	}
	must(t, s.CreateCategory(ctx, &content.Category{Edition: "en", Slug: "y", Name: "Y"}))
	if s.Generation() == g1 {
		t.Fatal("a committed write did not change the generation")
	}
}

// testFoldedSlugs: a slug typed with Arabic yeh and kaf finds the Persian
// item, and the reverse.
func testFoldedSlugs(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	a := article(f, "کتاب-خانه-یک", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	a.Edition, a.PrimaryCategoryID, a.CategoryIDs = "fa", f.other.ID, []int64{f.other.ID}
	must(t, s.CreateArticle(ctx, a))
	got, err := s.ArticleBySlug(ctx, "fa", "كتاب-خانه-يك")
	must(t, err)
	if got.ID != a.ID || got.Slug != "کتاب-خانه-یک" {
		t.Fatalf("folded article lookup = %+v", got)
	}
	p := &content.Page{Edition: "fa", Slug: "تماس-با-ما", Title: "تماس", Status: content.Published, UpdatedAt: time.Unix(1, 0)}
	must(t, s.CreatePage(ctx, p))
	if got, err := s.PageBySlug(ctx, "fa", "تماس-با-ما"); err != nil || got.ID != p.ID {
		t.Fatalf("page lookup: %v", err)
	}
	c := &content.Category{Edition: "ar", Slug: "علوم", Name: "علوم"}
	must(t, s.SaveEdition(ctx, &edition.Edition{Code: "ar", Name: "العربية", Lang: "ar", Dir: "rtl", Calendar: "gregorian", Digits: "arab", TimeZone: "UTC",
		Settings: edition.Settings{SiteName: "S", ListingMode: "excerpt", PerPage: 10}}))
	must(t, s.CreateCategory(ctx, c))
	fc := &content.Category{Edition: "fa", Slug: "دانش-و-فناوری", Name: "دانش"}
	must(t, s.CreateCategory(ctx, fc))
	if got, err := s.CategoryBySlug(ctx, "fa", "دانش-و-فناوري"); err != nil || got.ID != fc.ID {
		t.Fatalf("folded category lookup: %v", err)
	}
	if _, err := s.ArticleBySlug(ctx, "en", "كتاب-خانه-يك"); !errors.Is(err, content.ErrNotFound) {
		t.Fatal("folded lookup crossed editions")
	}
}

// SeedNews gives a store an English edition with one category, News: the
// smallest site that articles can be written to (the bulk, search and
// nodes tests share it).
func SeedNews(t *testing.T, s *store.Store) *content.Category {
	t.Helper()
	ctx := context.Background()
	if err := s.SaveEdition(ctx, &edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn",
		TimeZone: "UTC", IsDefault: true, Settings: edition.Settings{SiteName: "S", ListingMode: "excerpt", PerPage: 10}}); err != nil {
		t.Fatal(err)
	}
	cat := &content.Category{Edition: "en", Slug: "news", Name: "News"}
	if err := s.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	return cat
}
