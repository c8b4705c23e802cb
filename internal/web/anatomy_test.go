package web_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
)

// cards splits a listing page into its article cards.
func cards(body string) []string {
	parts := strings.Split(body, `<article class="card`)
	if len(parts) < 2 {
		return nil
	}
	out := parts[1:]
	last := out[len(out)-1]
	if i := strings.Index(last, "</article>"); i >= 0 {
		out[len(out)-1] = last[:i]
	}
	return out
}

func TestHomeCardsCarryTheWholeAnatomy(t *testing.T) {
	for _, ed := range []struct{ prefix, lang string }{{"", "en"}, {"/ar", "ar"}, {"/fa", "fa"}, {"/sq", "sq"}} {
		t.Run(ed.lang, func(t *testing.T) {
			_, body := get(t, ed.prefix+"/")
			cs := cards(body)
			if len(cs) < 10 {
				t.Fatalf("home shows %d cards, want at least 10", len(cs))
			}
			checks := map[string]*regexp.Regexp{
				"image with alt":   regexp.MustCompile(`<img src="/uploads/[^"]+" alt="[^"]+"`),
				"caption":          regexp.MustCompile(`<figcaption>[^<]+</figcaption>`),
				"category link":    regexp.MustCompile(`<a class="kicker" href="` + ed.prefix + `/category/[^"]+/">[^<]+</a>`),
				"title link":       regexp.MustCompile(`<h2 class="card-title"><a href="` + ed.prefix + `/\d{4}/\d{2}/\d{2}/[^"]+/">[^<]+</a></h2>`),
				"excerpt":          regexp.MustCompile(`<p class="excerpt">[^<]+</p>`),
				"byline":           regexp.MustCompile(`<span class="byline">[^<]+<a href="[^"]+"><bdi>[^<]+</bdi></a>`),
				"localized date":   regexp.MustCompile(`<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">[^<]+</time>`),
				"comment count":    regexp.MustCompile(`<a class="comments-link" href="[^"]+#comments">`),
				"share: facebook":  regexp.MustCompile(`href="https://www\.facebook\.com/sharer/sharer\.php\?u=https%3A%2F%2Fnews\.example\.org`),
				"share: x":         regexp.MustCompile(`href="https://x\.com/intent/post\?url=`),
				"share: pinterest": regexp.MustCompile(`href="https://pinterest\.com/pin/create/button/\?url=`),
				"share: whatsapp":  regexp.MustCompile(`href="https://wa\.me/\?text=`),
				"share: telegram":  regexp.MustCompile(`href="https://t\.me/share/url\?url=`),
				"share: skype":     regexp.MustCompile(`href="https://web\.skype\.com/share\?url=`),
				"share: email":     regexp.MustCompile(`href="mailto:\?subject=`),
			}
			for i, c := range cs[:10] {
				for name, re := range checks {
					if name == "byline" && strings.Contains(c, "byline.written_by") {
						t.Errorf("card %d: untranslated byline", i)
					}
					if name == "byline" && !re.MatchString(c) && regexp.MustCompile(`<span class="byline">[^<]+<bdi>`).MatchString(c) {
						continue // an external byline: "Written by X, Publication"
					}
					if !re.MatchString(c) {
						t.Errorf("card %d lacks %s", i, name)
					}
				}
			}
			for _, want := range []string{`id="recent-heading"`, `class="social-list"`, `class="copyright"`, `href="#top"`, `class="submenu"`} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks %s", want)
				}
			}
			if n := strings.Count(body, `<li class="menu-item"><a href="/`); n < 10 {
				t.Errorf("menu has %d links", n)
			}
			others := 0
			for _, code := range []string{"en", "ar", "fa", "sq"} {
				if code != ed.lang && strings.Contains(body, `hreflang="`+code+`"`) {
					others++
				}
			}
			if others != 3 {
				t.Errorf("menu links %d other editions, want 3", others)
			}
			if strings.Contains(body, "script>alert") {
				t.Error("unescaped script on the page")
			}
		})
	}
}

func TestDatesAndDigitsFollowTheEdition(t *testing.T) {
	_, fa := get(t, "/fa/")
	_, ar := get(t, "/ar/")
	persianMonths := regexp.MustCompile(`(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}</time>`)
	if !persianMonths.MatchString(fa) {
		t.Error("the Persian edition does not show Solar Hijri dates in Persian digits")
	}
	if !regexp.MustCompile(`[٠-٩]+ [^<]+ [٠-٩]{4}</time>`).MatchString(ar) {
		t.Error("the Arabic edition does not show dates in Arabic-Indic digits")
	}
	if !regexp.MustCompile(`<p class="copyright">© ۱۳۹۸ – ۱۴\d*[۰-۹]+`).MatchString(fa) {
		t.Error("the Persian footer's years are not Solar Hijri years in Persian digits")
	}
}

func TestHostileTitleIsEscapedEverywhere(t *testing.T) {
	a, err := site.store.ArticleByID(context.Background(), site.hostile.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/articles/page/4/", pathOf(t, a, ""), "/category/" + a.PrimaryCategory.Slug + "/"} {
		res, body := get(t, p)
		if res.StatusCode != 200 {
			// the hostile piece may sit on another page of the category; the others must work
			if strings.HasPrefix(p, "/category/") {
				continue
			}
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", `onclick="x()"`, "<b>tags</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
	}
	_, body := get(t, pathOf(t, a, ""))
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Markup &amp; &#34;quotes&#34; in a title") {
		t.Error("the title is not shown escaped")
	}
	if !strings.Contains(body, "<p>Safe</p>") || !strings.Contains(body, "<p>Click</p>") {
		t.Error("the sanitized body lost its safe markup")
	}
}

func TestArticlePageAnatomy(t *testing.T) {
	ctx := context.Background()
	en, err := site.store.ArticleBySlug(ctx, "en", latest(t, "en", 0).Slug)
	if err != nil {
		t.Fatal(err)
	}
	_, body := get(t, pathOf(t, en, ""))
	for _, want := range []string{`<h1 class="article-title">`, `class="article-media"`, `<div class="prose article-body">`,
		`class="terms"`, `class="author-box"`, `id="comments"`, `class="comment-list"`, `class="related"`, `class="read-in"`,
		`<a class="share-link share-telegram"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
}

// TestHreflangIsReciprocal checks every translated demo article: each
// version lists every other version, itself and x-default.
func TestHreflangIsReciprocal(t *testing.T) {
	ctx := context.Background()
	list, err := site.store.ListArticles(ctx, content.ArticleFilter{Edition: "fa", Status: content.Published, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	alt := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	checked := 0
	for _, a := range list {
		group, err := site.store.ArticleTranslations(ctx, a.TranslationGroup)
		if err != nil {
			t.Fatal(err)
		}
		if len(group) < 2 {
			continue
		}
		want := map[string]string{}
		for _, g := range group {
			prefix := ""
			if g.Edition != "en" {
				prefix = "/" + g.Edition
			}
			want[g.Edition] = "https://news.example.org" + pathOf(t, g, prefix)
			if g.Edition == "en" {
				want["x-default"] = want["en"]
			}
		}
		for _, g := range group {
			prefix := ""
			if g.Edition != "en" {
				prefix = "/" + g.Edition
			}
			_, body := get(t, pathOf(t, g, prefix))
			got := map[string]string{}
			for _, m := range alt.FindAllStringSubmatch(body, -1) {
				got[m[1]] = m[2]
			}
			for lang, u := range want {
				if got[lang] != u {
					t.Errorf("%s/%s: hreflang %s = %q, want %q", g.Edition, g.Slug, lang, got[lang], u)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s/%s: %d alternates, want %d", g.Edition, g.Slug, len(got), len(want))
			}
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d translated Persian articles checked", checked)
	}
}

// TestCatalogsHoldEveryKeyTheCodeUses reads the templates and Go sources of
// the web layer and the demo menu for translation keys and checks that every
// language's catalog has each of them.
func TestCatalogsHoldEveryKeyTheCodeUses(t *testing.T) {
	keyUse := regexp.MustCompile(`(?:\.T|\bT\(|\.N\(|\bN) "([a-z_]+(?:\.[a-z_]+)+)"|(?:T|N|link|group)\("([a-z_]+(?:\.[a-z_]+)+)"`)
	used := map[string]bool{}
	for _, dir := range []string{".", "templates", "../demo"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && path != dir {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return err
			}
			if !strings.HasSuffix(path, ".html") && !(strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go")) {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
				used[m[1]+m[2]] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys in use; the scanner is broken", len(used))
	}
	for _, lang := range i18n.Languages() {
		loc, err := i18n.New(lang, i18n.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if !loc.Has(k) {
				t.Errorf("catalog %s lacks %q", lang, k)
			}
		}
	}
}
