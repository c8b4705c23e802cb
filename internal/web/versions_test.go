package web_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/i18n"
)

var alternateLink = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)

func alternates(body string) map[string]string {
	out := map[string]string{}
	for _, m := range alternateLink.FindAllStringSubmatch(body, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// TestEditionLinksGoToTheTranslation: on a translated article the menu's
// edition links lead to the same story in the other editions.
func TestEditionLinksGoToTheTranslation(t *testing.T) {
	en := latest(t, "en", 0) // the river clean-up, translated into all editions
	_, body := get(t, pathOf(t, en, ""))
	group, err := site.store.ArticleTranslations(context.Background(), en.TranslationGroup)
	if err != nil {
		t.Fatal(err)
	}
	if len(group) != 4 {
		t.Fatalf("the newest English article has %d versions, want 4", len(group))
	}
	for _, g := range group {
		if g.Edition == "en" {
			continue
		}
		want := `<a href="` + pathOf(t, g, "/"+g.Edition) + `" lang="` + g.Edition + `"`
		if !strings.Contains(body, `<li class="menu-item">`+want) {
			t.Errorf("the %s menu link does not lead to the translation %s", g.Edition, want)
		}
	}
	// An article without translations keeps the edition homes.
	_, lone := get(t, pathOf(t, latest(t, "en", 6), ""))
	if !strings.Contains(lone, `<li class="menu-item"><a href="/fa/" lang="fa"`) {
		t.Error("an untranslated article's menu does not link the Persian home")
	}
}

// TestPagesCategoriesAndHomesLinkTheirVersions checks hreflang reciprocity
// for every translated page and category of the demo, and for edition homes.
func TestPagesCategoriesAndHomesLinkTheirVersions(t *testing.T) {
	ctx := context.Background()
	check := func(paths map[string]string) {
		t.Helper()
		for code, p := range paths {
			res, body := get(t, p)
			if res.StatusCode != 200 {
				t.Fatalf("%s: %d", p, res.StatusCode)
			}
			got := alternates(body)
			for c2, p2 := range paths {
				lang := c2
				if got[lang] != "https://news.example.org"+p2 {
					t.Errorf("%s (%s): hreflang %s = %q, want %q", p, code, lang, got[lang], p2)
				}
			}
			if got["x-default"] != "https://news.example.org"+paths["en"] {
				t.Errorf("%s: x-default = %q", p, got["x-default"])
			}
		}
	}
	check(map[string]string{"en": "/", "ar": "/ar/", "fa": "/fa/", "sq": "/sq/"})
	cats, err := site.store.Categories(ctx, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		tr, err := site.store.CategoryTranslations(ctx, c.TranslationGroup)
		if err != nil {
			t.Fatal(err)
		}
		paths := map[string]string{}
		for _, x := range tr {
			prefix := ""
			if x.Edition != "en" {
				prefix = "/" + x.Edition
			}
			paths[x.Edition] = prefix + "/category/" + url.PathEscape(x.Slug) + "/"
		}
		if len(paths) != 4 {
			t.Fatalf("category %s has %d versions", c.Slug, len(paths))
		}
		check(paths)
	}
	for _, slug := range []string{"about-us", "contact-us", "privacy"} {
		p, err := site.store.PageBySlug(ctx, "en", slug)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := site.store.PageTranslations(ctx, p.TranslationGroup)
		if err != nil {
			t.Fatal(err)
		}
		paths := map[string]string{}
		for _, x := range tr {
			prefix := ""
			if x.Edition != "en" {
				prefix = "/" + x.Edition
			}
			paths[x.Edition] = prefix + "/" + url.PathEscape(x.Slug) + "/"
		}
		check(paths)
	}
}

// TestSlugsTypedWithOtherLetterFormsRedirect: a Persian slug typed on an
// Arabic keyboard (ي for ی, ك for ک) reaches the page by a 301.
func TestSlugsTypedWithOtherLetterFormsRedirect(t *testing.T) {
	ctx := context.Background()
	page, err := site.store.PageBySlug(ctx, "fa", "حریم-خصوصی")
	if err != nil {
		t.Fatal(err)
	}
	arabicForms := strings.NewReplacer("ی", "ي", "ک", "ك").Replace
	cat := func() string {
		cats, _ := site.store.Categories(ctx, "fa")
		for _, c := range cats {
			if strings.ContainsAny(c.Slug, "یک") {
				return c.Slug
			}
		}
		t.Fatal("no Persian category slug with ی or ک")
		return ""
	}()
	fa := latest(t, "fa", 0)
	if !strings.ContainsAny(fa.Slug, "یک") {
		t.Fatalf("the newest Persian slug %q has no ی or ک", fa.Slug)
	}
	for typed, want := range map[string]string{
		"/fa/" + url.PathEscape(arabicForms(page.Slug)) + "/":                                                   "/fa/" + url.PathEscape(page.Slug) + "/",
		"/fa/category/" + url.PathEscape(arabicForms(cat)) + "/":                                                "/fa/category/" + url.PathEscape(cat) + "/",
		strings.Replace(pathOf(t, fa, "/fa"), url.PathEscape(fa.Slug), url.PathEscape(arabicForms(fa.Slug)), 1): pathOf(t, fa, "/fa"),
	} {
		res, _ := get(t, typed)
		if res.StatusCode != 301 || res.Header.Get("Location") != want {
			t.Errorf("%s: %d → %q, want 301 → %q", typed, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
	if i18n.Fold(page.Slug) != i18n.Fold(arabicForms(page.Slug)) {
		t.Fatal("Fold does not equate the two spellings")
	}
}
