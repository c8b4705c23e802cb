package content

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hundreds of volunteers clear the river", "hundreds-of-volunteers-clear-the-river"},
		{"  Reader's  guide: 10 ideas!  ", "readers-guide-10-ideas"},
		{"Privatësia dhe çështjet", "privatesia-dhe-ceshtjet"},
		{"مدارس تتحوّل إلى الطاقة الشمسية", "مدارس-تتحول-إلى-الطاقة-الشمسية"},
		{"کتاب‌خانه‌ها تا نیمه‌شب باز می‌مانند", "کتاب-خانه-ها-تا-نیمه-شب-باز-می-مانند"},
		{"تلسکوپ Nova-3 در ۱۴۰۵", "تلسکوپ-nova-3-در-1405"},
		{"عـــربي ٢٠٢٦", "عربي-2026"},
		{"!!! ???", "untitled"},
		{"", "untitled"},
	} {
		got := Slugify(tc.in)
		if got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", tc.in, got)
		}
	}
	long := Slugify(strings.Repeat("word ", 50))
	if n := len([]rune(long)); n > maxSlugRunes || strings.HasSuffix(long, "-") {
		t.Errorf("long slug %q (%d runes)", long, n)
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"ok-slug": true, "درباره-ما": true, "a": true, "": false, "-a": false, "a-": false,
		"a--b": false, "Upper": false, "a b": false, "a/b": false, "a_b": false, "<script>": false,
	} {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v", s, got)
		}
	}
}

func TestSanitizeHTML(t *testing.T) {
	for _, tc := range []struct{ in, mustNot, must string }{
		{`<p>Hi<script>alert(1)</script></p>`, "script", "<p>Hi</p>"},
		{`<p onclick="x()">a</p>`, "onclick", "<p>a</p>"},
		{`<a href="javascript:alert(1)">x</a>`, "javascript", "x"},
		{`<img src="/uploads/a.jpg" alt="A" onerror="x">`, "onerror", `alt="A"`},
		{`<iframe src="https://example.org"></iframe><p>t</p>`, "iframe", "<p>t</p>"},
		{`<p style="color:red">s</p>`, "style", "<p>s</p>"},
		{`<figure><img src="/u.jpg" alt="x"><figcaption>C</figcaption></figure>`, "", "<figcaption>C</figcaption>"},
		{`<p dir="rtl" lang="fa">متن</p>`, "", `dir="rtl"`},
	} {
		got := SanitizeHTML(tc.in)
		if tc.mustNot != "" && strings.Contains(got, tc.mustNot) {
			t.Errorf("SanitizeHTML(%q) = %q still holds %q", tc.in, got, tc.mustNot)
		}
		if !strings.Contains(got, tc.must) {
			t.Errorf("SanitizeHTML(%q) = %q lacks %q", tc.in, got, tc.must)
		}
	}
}

// memStore is just enough Store for the service's validation rules.
type memStore struct {
	Store
	articles []*Article
	pages    []*Page
}

func (m *memStore) WithinTx(ctx context.Context, fn func(context.Context) error) error {
	return fn(ctx)
}
func (m *memStore) ArticleSlugTaken(_ context.Context, ed, slug string, except int64) (bool, error) {
	for _, a := range m.articles {
		if a.Edition == ed && a.Slug == slug && a.ID != except {
			return true, nil
		}
	}
	return false, nil
}
func (m *memStore) CreateArticle(_ context.Context, a *Article) error {
	a.ID = int64(len(m.articles) + 1)
	m.articles = append(m.articles, a)
	return nil
}
func (m *memStore) PageSlugTaken(_ context.Context, ed, slug string, except int64) (bool, error) {
	for _, p := range m.pages {
		if p.Edition == ed && p.Slug == slug {
			return true, nil
		}
	}
	return false, nil
}
func (m *memStore) CreatePage(_ context.Context, p *Page) error {
	m.pages = append(m.pages, p)
	return nil
}

func TestCreateArticleRules(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	st := &memStore{}
	svc := &Service{Store: st, Now: func() time.Time { return now }}
	ctx := context.Background()
	good := func() *Article {
		return &Article{Edition: "fa", Title: "کتاب‌خانه تا نیمه‌شب", BodySource: `<p>متن</p><script>x</script>`, AuthorID: 1, PrimaryCategoryID: 7, Status: Published}
	}
	a := good()
	if err := svc.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.Slug != "کتاب-خانه-تا-نیمه-شب" || strings.Contains(a.BodyHTML, "script") || !a.PublishedAt.Equal(now) || a.CategoryIDs[0] != 7 {
		t.Fatalf("created %+v", a)
	}
	b := good()
	if err := svc.CreateArticle(ctx, b); err != nil {
		t.Fatal(err)
	}
	if b.Slug != "کتاب-خانه-تا-نیمه-شب-2" {
		t.Fatalf("second slug = %q", b.Slug)
	}
	bad := []struct {
		field string
		edit  func(a *Article)
	}{
		{"title", func(a *Article) { a.Title = "  " }},
		{"title", func(a *Article) { a.Title = strings.Repeat("x", 301) }},
		{"slug", func(a *Article) { a.Slug = "Bad Slug" }},
		{"author", func(a *Article) { a.AuthorID = 0 }},
		{"category", func(a *Article) { a.PrimaryCategoryID = 0 }},
		{"status", func(a *Article) { a.Status = "live" }},
		{"published_at", func(a *Article) { a.Status = Scheduled; a.PublishedAt = now.Add(-time.Minute) }},
		{"source_url", func(a *Article) { a.External = Byline{Writer: "W", URL: "javascript:alert(1)"} }},
		{"edition", func(a *Article) { a.Edition = "" }},
	}
	for _, tc := range bad {
		a := good()
		tc.edit(a)
		err := svc.CreateArticle(ctx, a)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != tc.field {
			t.Errorf("%s: got %v", tc.field, err)
		}
	}
	if len(st.articles) != 2 {
		t.Fatalf("refused articles were stored: %d", len(st.articles))
	}
}

func TestPageSlugRules(t *testing.T) {
	svc := &Service{Store: &memStore{}, EditionCodes: func() []string { return []string{"en", "fa"} }}
	ctx := context.Background()
	for _, slug := range []string{"articles", "fa", "admin", "feed"} {
		err := svc.CreatePage(ctx, &Page{Edition: "en", Slug: slug, Title: "T", Status: Published})
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "slug" {
			t.Errorf("page slug %q: %v", slug, err)
		}
	}
	if err := svc.CreatePage(ctx, &Page{Edition: "en", Title: "About Us", Status: Published}); err != nil {
		t.Fatal(err)
	}
	err := svc.CreatePage(ctx, &Page{Edition: "en", Title: "About us", Status: Published})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("duplicate page slug: %v", err)
	}
}
