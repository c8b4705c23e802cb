package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
)

// demoArticle finds the published demo article of an edition whose title
// contains part.
func demoArticle(t *testing.T, edition, part string) *content.Article {
	t.Helper()
	list, err := site.store.ListArticles(context.Background(), content.ArticleFilter{Edition: edition, Status: content.Published, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if strings.Contains(a.Title, part) {
			return a
		}
	}
	t.Fatalf("no %s demo article with %q in its title", edition, part)
	return nil
}

var (
	resultItem = regexp.MustCompile(`(?s)<li class="result">.*?</li>`)
	resultLink = regexp.MustCompile(`<h2 class="result-title"><a href="([^"]+)">`)
	markRe     = regexp.MustCompile(`<mark>([^<]*)</mark>`)
)

// searchPage fetches a search URL and returns its result links.
func searchPage(t *testing.T, path string) (*http.Response, string, []string) {
	t.Helper()
	res, body := get(t, path)
	var links []string
	for _, m := range resultLink.FindAllStringSubmatch(body, -1) {
		links = append(links, m[1])
	}
	return res, body, links
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSearchAcrossArabicAndPersianLetters(t *testing.T) {
	fa := demoArticle(t, "fa", "کتاب‌خانهٔ مرکزی")
	faPath := pathOf(t, fa, "/fa")
	// Typed with Arabic yeh and kaf (as on an Arabic keyboard).
	res, body, links := searchPage(t, "/fa/search/?q="+url.QueryEscape("مركزي"))
	if res.StatusCode != 200 || !contains(links, faPath) {
		t.Fatalf("Arabic-letter query: status %d, links %v; want %s", res.StatusCode, links, faPath)
	}
	// The snippet and title show the article's own Persian letters, marked.
	if !strings.Contains(body, "<mark>مرکزی</mark>") {
		t.Errorf("no Persian-letter highlight in %s", excerptOf(body, "result"))
	}
	// The reverse: an Arabic article found with a Persian keyboard's yeh.
	ar := demoArticle(t, "ar", "ألواح شمسية")
	arPath := pathOf(t, ar, "/ar")
	res, body, links = searchPage(t, "/ar/search/?q="+url.QueryEscape("الواح شمسیة"))
	if res.StatusCode != 200 || !contains(links, arPath) {
		t.Fatalf("Persian-letter query: status %d, links %v; want %s", res.StatusCode, links, arPath)
	}
	if !strings.Contains(body, "<mark>ألواح</mark>") || !strings.Contains(body, "<mark>شمسية</mark>") {
		t.Errorf("the Arabic original is not what is marked: %v", markRe.FindAllString(body, -1))
	}
	// Editions do not mix.
	if _, _, links := searchPage(t, "/search/?q="+url.QueryEscape("مرکزی")); len(links) != 0 {
		t.Errorf("a Persian word found English results: %v", links)
	}
}

func excerptOf(body, class string) string {
	i := strings.Index(body, class)
	if i < 0 {
		return "(none)"
	}
	return body[i:min(len(body), i+600)]
}

func TestSearchResultsPage(t *testing.T) {
	lib := demoArticle(t, "en", "Central library")
	res, body, links := searchPage(t, "/search/?q=librar")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	if len(links) == 0 || links[0] != pathOf(t, lib, "") {
		t.Errorf("the title match does not rank first: %v", links)
	}
	if !strings.Contains(body, `<meta name="robots" content="noindex">`) {
		t.Error("search results lack noindex")
	}
	if !strings.Contains(body, "<mark>library</mark>") {
		t.Errorf("prefix match not highlighted: %v", markRe.FindAllString(body, -1))
	}
	for _, item := range resultItem.FindAllString(body, -1) {
		if !strings.Contains(item, "<mark>") {
			t.Errorf("a result without a highlight: %s", item)
		}
		if !strings.Contains(item, `<time datetime="`) {
			t.Errorf("a result without a date: %s", item)
		}
	}
	if !strings.Contains(body, `<input class="search-input" type="search" id="search-q" name="q" value="librar"`) {
		t.Error("the query is not echoed in the form")
	}
	if !strings.Contains(body, `id="site-search-q" name="q" value="librar"`) {
		t.Error("the query is not echoed in the header box")
	}
	if m := titleTag.FindStringSubmatch(body); m == nil || !strings.Contains(m[1], "librar") {
		t.Errorf("title = %v", m)
	}
	// Pages are found too, labelled as pages.
	_, body, links = searchPage(t, "/search/?q="+url.QueryEscape("newsroom@example.org"))
	if !contains(links, "/contact-us/") {
		t.Errorf("the contact page is not found: %v", links)
	}
	_, body, links = searchPage(t, "/search/?q=privacy&kind=page")
	if len(links) == 0 || !contains(links, "/privacy/") {
		t.Fatalf("kind=page: %v", links)
	}
	for _, l := range links {
		if strings.Count(l, "/") > 2 {
			t.Errorf("kind=page returned an article: %s", l)
		}
	}
	if !strings.Contains(body, `<option value="page" selected>`) || !strings.Contains(body, "<details class=\"search-filters\" open>") {
		t.Error("the chosen kind is not shown as selected in open filters")
	}
}

func TestWordPressSearchURL(t *testing.T) {
	res, body, links := searchPage(t, "/?s=solar")
	if res.StatusCode != 200 || len(links) == 0 {
		t.Fatalf("/?s=solar: status %d, %d results", res.StatusCode, len(links))
	}
	if !strings.Contains(body, `<meta name="robots" content="noindex">`) || !strings.Contains(body, "<mark>solar</mark>") {
		t.Error("/?s= is not a search results page")
	}
	if m := canonical.FindStringSubmatch(body); m == nil || m[1] != "https://news.example.org/search/?q=solar" {
		t.Errorf("canonical = %v", m)
	}
	_, _, faLinks := searchPage(t, "/fa/?s="+url.QueryEscape("خورشید"))
	if len(faLinks) == 0 || !strings.HasPrefix(faLinks[0], "/fa/") {
		t.Errorf("/fa/?s= results: %v", faLinks)
	}
	// The home page without s is still the home page.
	_, body = get(t, "/")
	if strings.Contains(body, `content="noindex"`) || !strings.Contains(body, `class="card`) {
		t.Error("the home page changed")
	}
}

func TestSearchEscapesWhatItEchoes(t *testing.T) {
	for _, q := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `</mark><b>x</b>`} {
		res, body := get(t, "/search/?q="+url.QueryEscape(q))
		if res.StatusCode != 200 {
			t.Fatalf("%q: status %d", q, res.StatusCode)
		}
		for _, bad := range []string{"<script>alert(1)", "<img src=x", "<b>x</b>", `"><img`} {
			if strings.Contains(body, bad) {
				t.Errorf("query %q came back unescaped (%q)", q, bad)
			}
		}
	}
	// A hostile title: found, marked, and escaped.
	_, body, links := searchPage(t, "/search/?q=markup+quotes")
	if len(links) != 1 {
		t.Fatalf("hostile article: %v", links)
	}
	item := resultItem.FindString(body)
	if strings.Contains(item, `<script>alert("x")`) || !strings.Contains(item, "&lt;script&gt;") || !strings.Contains(item, "<mark>Markup</mark>") {
		t.Errorf("hostile result: %s", item)
	}
	if strings.Count(item, "<") != strings.Count(item, "<mark>")+strings.Count(item, "</mark>")+countTags(item) {
		t.Errorf("markup other than <mark> in a snippet: %s", item)
	}
}

// countTags counts the tags of the result template itself (li, p, span, h2,
// a, time) so that only <mark> may come from the text.
func countTags(item string) int {
	n := 0
	for _, tag := range []string{"<li", "</li", "<p", "</p", "<span", "</span", "<h2", "</h2", "<a ", "</a", "<time", "</time"} {
		n += strings.Count(item, tag)
	}
	return n
}

func TestSearchPaging(t *testing.T) {
	// Every English article has "the" in it: more than one page.
	res, body, first := searchPage(t, "/search/?q=the")
	if res.StatusCode != 200 || len(first) != 10 {
		t.Fatalf("page 1: status %d, %d results", res.StatusCode, len(first))
	}
	if !strings.Contains(body, `href="/search/page/2/?q=the" rel="next"`) || strings.Contains(body, `rel="prev"`) {
		t.Errorf("page 1 pager: %s", excerptOf(body, `class="pager"`))
	}
	res, body, second := searchPage(t, "/search/page/2/?q=the")
	if res.StatusCode != 200 || len(second) == 0 || !strings.Contains(body, `href="/search/?q=the" rel="prev"`) {
		t.Fatalf("page 2: status %d, %d results", res.StatusCode, len(second))
	}
	for _, l := range second {
		if contains(first, l) {
			t.Errorf("%s on both pages", l)
		}
	}
	if !strings.Contains(body, `<ol class="search-results" start="11">`) {
		t.Error("page 2 does not number from 11")
	}
	for path, want := range map[string]int{
		"/search/page/99/?q=the":   404,
		"/search/page/0/?q=the":    404,
		"/search/page/x/?q=the":    404,
		"/search/page/2/":          404, // no query: only one page, the form
		"/search/page/2/?q=zzzzzz": 404,
		"/search/page/1/?q=the":    301,
		"/search?q=the":            301,
		"/fa/search?q=x":           301,
	} {
		if res, _ := get(t, path); res.StatusCode != want {
			t.Errorf("%s: status %d, want %d", path, res.StatusCode, want)
		}
	}
	if res, _ := get(t, "/search/page/1/?q=the"); res.Header.Get("Location") != "/search/?q=the" {
		t.Errorf("/search/page/1/ redirects to %q", res.Header.Get("Location"))
	}
	if res, _ := get(t, "/fa/search?q=x"); res.Header.Get("Location") != "/fa/search/?q=x" {
		t.Errorf("/fa/search redirects to %q", res.Header.Get("Location"))
	}
}

func TestSearchFilters(t *testing.T) {
	// Category (with its sub-categories): every result is filed there.
	_, body, links := searchPage(t, "/search/?q=the&category=environment")
	if len(links) == 0 {
		t.Fatal("no results in a category")
	}
	for _, l := range links {
		parts := strings.Split(strings.Trim(l, "/"), "/")
		slug, _ := url.PathUnescape(parts[len(parts)-1])
		a, err := site.store.ArticleBySlug(context.Background(), "en", slug)
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		cats, err := site.store.ArticleCategories(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		in := false
		for _, c := range cats {
			in = in || c.Slug == "environment" || c.Slug == "climate"
		}
		if !in {
			t.Errorf("%s is not filed under environment or below it", l)
		}
	}
	_, all, _ := searchPage(t, "/search/?q=the")
	_, filtered, _ := searchPage(t, "/search/?q=the&category=environment")
	if countOf(t, all) <= countOf(t, filtered) {
		t.Error("the category filter did not narrow the results")
	}
	// An unknown category is dropped, not an error.
	if res, _, links := searchPage(t, "/search/?q=the&category=nope"); res.StatusCode != 200 || len(links) != 10 {
		t.Errorf("unknown category: %d, %d results", res.StatusCode, len(links))
	}
	// Dates: a range with nothing in it, then one day with the newest article.
	_, body, links = searchPage(t, "/search/?q=the&from=1990-01-01&to=1990-12-31")
	if len(links) != 0 || !strings.Contains(body, `class="notice search-none"`) {
		t.Errorf("empty date range: %v", links)
	}
	newest := latest(t, "en", 0)
	day := newest.PublishedAt.UTC().Format("2006-01-02")
	_, body, links = searchPage(t, "/search/?q="+url.QueryEscape(newest.Title)+"&from="+day+"&to="+day)
	if !contains(links, pathOf(t, newest, "")) {
		t.Errorf("one-day range misses the article of that day: %v", links)
	}
	if !strings.Contains(body, `name="from" value="`+day+`"`) {
		t.Error("the chosen date is not shown again")
	}
	// Persian digits in a date are understood.
	faDay := strings.NewReplacer("0", "۰", "1", "۱", "2", "۲", "3", "۳", "4", "۴", "5", "۵", "6", "۶", "7", "۷", "8", "۸", "9", "۹").Replace(day)
	if _, _, l := searchPage(t, "/search/?q="+url.QueryEscape(newest.Title)+"&from="+url.QueryEscape(faDay)); !contains(l, pathOf(t, newest, "")) {
		t.Errorf("Persian-digit date: %v", l)
	}
	// A malformed date is ignored.
	if res, _, l := searchPage(t, "/search/?q=the&from=yesterday"); res.StatusCode != 200 || len(l) != 10 {
		t.Errorf("malformed date: %d, %d results", res.StatusCode, len(l))
	}
}

var countRe = regexp.MustCompile(`<p class="listing-intro search-count" role="status">([^<]+)</p>`)

func countOf(t *testing.T, body string) int {
	t.Helper()
	m := countRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no result count")
	}
	var n int
	for _, r := range m[1] {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
		}
	}
	return n
}

func TestSearchWithoutAQuery(t *testing.T) {
	for _, path := range []string{"/search/", "/search/?q=", "/search/?q=%20%22%22%20", "/?s=", "/fa/search/"} {
		res, body := get(t, path)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", path, res.StatusCode)
			continue
		}
		if !strings.Contains(body, `class="notice search-prompt"`) || strings.Contains(body, `class="search-results"`) {
			t.Errorf("%s: no friendly prompt", path)
		}
		if !strings.Contains(body, `<meta name="robots" content="noindex">`) {
			t.Errorf("%s: no noindex", path)
		}
	}
	_, body := get(t, "/fa/search/")
	if !strings.Contains(body, "جست‌وجو") || !strings.Contains(body, `action="/fa/search/"`) {
		t.Error("the Persian search page is not in Persian")
	}
	_, body = get(t, "/search/?q=zzzzqqq")
	if !strings.Contains(body, `class="notice search-none"`) || !strings.Contains(body, "zzzzqqq") {
		t.Error("no friendly message for a query without results")
	}
}

func TestEveryPageHasALabelledSearchBox(t *testing.T) {
	for path, action := range map[string]string{"/": "/search/", "/articles/": "/search/", "/about-us/": "/search/",
		"/fa/": "/fa/search/", "/ar/": "/ar/search/", "/sq/": "/sq/search/", "/no-such-page/": "/search/"} {
		_, body := get(t, path)
		form := regexp.MustCompile(`(?s)<form class="site-search" role="search" aria-label="[^"]+" action="([^"]+)" method="get">.*?</form>`).FindStringSubmatch(body)
		if form == nil {
			t.Errorf("%s: no search form in the header", path)
			continue
		}
		if form[1] != action {
			t.Errorf("%s: form action %s, want %s", path, form[1], action)
		}
		if !strings.Contains(form[0], `<label class="visually-hidden" for="site-search-q">`) || !strings.Contains(form[0], `id="site-search-q" name="q"`) {
			t.Errorf("%s: the search input is not labelled", path)
		}
	}
}
