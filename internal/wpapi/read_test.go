package wpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
)

const fixtures = "../../../shared/fixtures/wp-rest/json"

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// sameShape reports every key of want missing from got or of another JSON
// type, one level into objects (title.rendered, guid.rendered …).
func sameShape(want, got map[string]any, prefix string) []string {
	var problems []string
	for k, wv := range want {
		gv, ok := got[k]
		if !ok {
			problems = append(problems, prefix+k+" missing")
			continue
		}
		wk, gk := kindOf(wv), kindOf(gv)
		// WordPress writes an empty meta as [] or {}; null dates are allowed
		// where WordPress allows them (drafts).
		if wk != gk && !(k == "meta" && gk == "object") && !(wk == "null" || gk == "null") {
			problems = append(problems, fmt.Sprintf("%s%s is %s, want %s", prefix, k, gk, wk))
			continue
		}
		if wo, ok := wv.(map[string]any); ok && prefix == "" && k != "_links" && k != "meta" && k != "avatar_urls" &&
			k != "author_avatar_urls" && k != "media_details" && k != "routes" && k != "authentication" {
			if go_, ok := gv.(map[string]any); ok {
				problems = append(problems, sameShape(wo, go_, k+".")...)
			}
		}
	}
	return problems
}

func TestShapesMatchWordPressFixtures(t *testing.T) {
	if _, err := os.Stat(fixtures); err != nil {
		t.Skipf("no fixtures at %s", fixtures)
	}
	for _, tc := range []struct{ fixture, path string }{
		{"PostsCollection", "/wp/v2/posts?per_page=3"},
		{"PagesCollection", "/wp/v2/pages?per_page=3"},
		{"CategoriesCollection", "/wp/v2/categories?per_page=3"},
		{"TagsCollection", "/wp/v2/tags?per_page=3"},
		{"UsersCollection", "/wp/v2/users?per_page=3"},
		{"MediaCollection", "/wp/v2/media?per_page=3"},
		{"CommentsCollection", "/wp/v2/comments?per_page=3"},
	} {
		t.Run(tc.fixture, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(fixtures, tc.fixture+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want []map[string]any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			res, data := call(t, "GET", tc.path, "", nil)
			if res.StatusCode != 200 {
				t.Fatalf("status %d: %s", res.StatusCode, truncate(data))
			}
			got := decode[[]map[string]any](t, data)
			if len(got) == 0 {
				t.Fatal("the demo gave no items")
			}
			for _, item := range got {
				if p := sameShape(want[0], item, ""); len(p) > 0 {
					t.Errorf("item %v differs from WordPress: %s", item["id"], strings.Join(p, "; "))
				}
				links, _ := item["_links"].(map[string]any)
				for rel := range want[0]["_links"].(map[string]any) {
					switch rel {
					case "version-history", "predecessor-version", "wp:attachment", "replies", "up", "about", "curies", "wp:post_type":
						// Revisions are not exposed; the others are checked per type below.
					default:
						if _, ok := links[rel]; !ok {
							t.Errorf("item %v: _links.%s missing", item["id"], rel)
						}
					}
				}
			}
		})
	}
	// Posts carry the embeddable relations clients follow.
	_, data := call(t, "GET", "/wp/v2/posts?per_page=20", "", nil)
	var p map[string]any
	for _, item := range decode[[]map[string]any](t, data) {
		if item["featured_media"].(float64) != 0 {
			p = item
			break
		}
	}
	if p == nil {
		t.Fatal("no post with a featured image among the newest 20")
	}
	links := p["_links"].(map[string]any)
	for _, rel := range []string{"self", "collection", "about", "author", "replies", "wp:featuredmedia", "wp:attachment", "wp:term", "curies"} {
		if _, ok := links[rel]; !ok {
			t.Errorf("post _links.%s missing", rel)
		}
	}
	if terms := links["wp:term"].([]any); len(terms) != 2 || terms[0].(map[string]any)["taxonomy"] != "category" {
		t.Errorf("wp:term links = %v", terms)
	}
}

func TestIndexes(t *testing.T) {
	res, data := call(t, "GET", "/", "", nil)
	if res.StatusCode != 200 {
		t.Fatalf("index status %d", res.StatusCode)
	}
	idx := decode[map[string]any](t, data)
	raw, err := os.ReadFile(filepath.Join(fixtures, "Schema.json"))
	if err == nil {
		var want map[string]any
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if p := sameShape(want, idx, ""); len(p) > 0 {
			t.Errorf("index differs: %v", p)
		}
	}
	routes := idx["routes"].(map[string]any)
	for _, r := range []string{"/wp/v2/posts", "/wp/v2/posts/(?P<id>[\\d]+)", "/wp/v2/media", "/wp/v2/comments", "/wp/v2/users"} {
		if _, ok := routes[r]; !ok {
			t.Errorf("index lacks route %s", r)
		}
	}
	if idx["name"] == "" || !slices.Contains(toStrings(idx["namespaces"]), "wp/v2") {
		t.Errorf("index = name %v namespaces %v", idx["name"], idx["namespaces"])
	}
	res, data = call(t, "GET", "/wp/v2", "", nil)
	if res.StatusCode != 200 || !strings.Contains(string(data), `"namespace":"wp/v2"`) {
		t.Fatalf("namespace index %d: %s", res.StatusCode, truncate(data))
	}
	// WordPress's other URL form, ?rest_route=, answers the same.
	res, err = http.Get(site.srv.URL + "/?rest_route=/wp/v2/posts&per_page=2")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("X-WP-Total") == "" || res.Header.Get("Content-Type") != "application/json; charset=UTF-8" {
		t.Errorf("?rest_route=: %d %v", res.StatusCode, res.Header)
	}
	// The site's pages announce the API for discovery.
	page, err := http.Get(site.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if l := page.Header.Get("Link"); !strings.Contains(l, "/wp-json/>; rel=\"https://api.w.org/\"") {
		t.Errorf("home page Link header = %q", l)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestPagingHeaders(t *testing.T) {
	ctx := context.Background()
	want, err := site.store.CountArticles(ctx, content.ArticleFilter{Edition: "en", Status: content.Published})
	if err != nil {
		t.Fatal(err)
	}
	const per = 7
	pages := (want + per - 1) / per
	seen := map[float64]bool{}
	for n := 1; n <= pages; n++ {
		res, data := call(t, "GET", "/wp/v2/posts?per_page="+strconv.Itoa(per)+"&page="+strconv.Itoa(n), "", nil)
		if res.StatusCode != 200 {
			t.Fatalf("page %d: %d", n, res.StatusCode)
		}
		if res.Header.Get("X-WP-Total") != strconv.Itoa(want) || res.Header.Get("X-WP-TotalPages") != strconv.Itoa(pages) {
			t.Fatalf("page %d headers: total %q pages %q, want %d %d", n, res.Header.Get("X-WP-Total"), res.Header.Get("X-WP-TotalPages"), want, pages)
		}
		link := res.Header.Get("Link")
		if hasNext := strings.Contains(link, `rel="next"`); hasNext != (n < pages) {
			t.Errorf("page %d Link %q: next wrong", n, link)
		}
		if hasPrev := strings.Contains(link, `rel="prev"`); hasPrev != (n > 1) {
			t.Errorf("page %d Link %q: prev wrong", n, link)
		}
		if n < pages && !strings.Contains(link, "page="+strconv.Itoa(n+1)) {
			t.Errorf("page %d next link %q", n, link)
		}
		for _, p := range decode[[]map[string]any](t, data) {
			id := p["id"].(float64)
			if seen[id] {
				t.Fatalf("post %v on two pages", id)
			}
			seen[id] = true
			if p["status"] != "publish" || p["lang"] != "en" {
				t.Fatalf("listed %v with status %v lang %v", id, p["status"], p["lang"])
			}
		}
	}
	if len(seen) != want {
		t.Fatalf("paged through %d posts, want %d", len(seen), want)
	}
	res, data := call(t, "GET", "/wp/v2/posts?per_page=7&page="+strconv.Itoa(pages+1), "", nil)
	wantError(t, res, data, 400, "rest_post_invalid_page_number")
}

func TestPerPageBounds(t *testing.T) {
	for _, v := range []string{"0", "101", "-3", "ten"} {
		res, data := call(t, "GET", "/wp/v2/posts?per_page="+v, "", nil)
		e := wantError(t, res, data, 400, "rest_invalid_param")
		params, _ := e["data"].(map[string]any)["params"].(map[string]any)
		if _, ok := params["per_page"]; !ok {
			t.Errorf("per_page=%s: params %v", v, params)
		}
	}
	for _, path := range []string{"/wp/v2/categories?per_page=101", "/wp/v2/users?per_page=0", "/wp/v2/media?per_page=500", "/wp/v2/comments?per_page=0", "/wp/v2/pages?page=0"} {
		res, data := call(t, "GET", path, "", nil)
		wantError(t, res, data, 400, "rest_invalid_param")
	}
	res, data := call(t, "GET", "/wp/v2/posts?per_page=100", "", nil)
	if res.StatusCode != 200 || len(decode[[]any](t, data)) == 0 {
		t.Fatalf("per_page=100: %d", res.StatusCode)
	}
}

func TestErrorShapes(t *testing.T) {
	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/wp/v2/posts/999999", 404, "rest_post_invalid_id"},
		{"/wp/v2/posts/abc", 404, "rest_post_invalid_id"},
		{"/wp/v2/pages/999999", 404, "rest_post_invalid_id"},
		{"/wp/v2/media/999999", 404, "rest_post_invalid_id"},
		{"/wp/v2/categories/999999", 404, "rest_term_invalid"},
		{"/wp/v2/tags/999999", 404, "rest_term_invalid"},
		{"/wp/v2/users/999999", 404, "rest_user_invalid_id"},
		{"/wp/v2/comments/999999", 404, "rest_comment_invalid_id"},
		{"/wp/v2/nothing-here", 404, "rest_no_route"},
		{"/wp/v2/posts?lang=xx", 400, "rest_invalid_param"},
		{"/wp/v2/posts?after=yesterday", 400, "rest_invalid_param"},
		{"/wp/v2/posts?orderby=colour", 400, "rest_invalid_param"},
		{"/wp/v2/posts?categories=a", 400, "rest_invalid_param"},
		{"/wp/v2/posts?status=draft", 401, "rest_invalid_param"},
		{"/wp/v2/users/me", 401, "rest_not_logged_in"},
		{"/wp/v2/comments?status=hold", 401, "rest_forbidden_param"},
	} {
		res, data := call(t, "GET", tc.path, "", nil)
		wantError(t, res, data, tc.status, tc.code)
	}
	res, data := call(t, "DELETE", "/wp/v2/posts/1", "", nil)
	wantError(t, res, data, 405, "rest_no_route")
	if res.Header.Get("Allow") == "" {
		t.Error("no Allow header on a known route")
	}
}

// publishedPosts lists every published post of an edition through the API.
func publishedPosts(t *testing.T, query string) []map[string]any {
	t.Helper()
	res, data := call(t, "GET", "/wp/v2/posts?per_page=100&"+query, "", nil)
	if res.StatusCode != 200 {
		t.Fatalf("%s: %d %s", query, res.StatusCode, truncate(data))
	}
	return decode[[]map[string]any](t, data)
}

func TestFiltersAndEmbed(t *testing.T) {
	ctx := context.Background()
	cats, err := site.store.Categories(ctx, "en")
	if err != nil {
		t.Fatal(err)
	}
	cat := cats[0]
	list := publishedPosts(t, "categories="+strconv.FormatInt(cat.ID, 10))
	if len(list) == 0 {
		t.Fatalf("no posts in category %s", cat.Slug)
	}
	all := publishedPosts(t, "")
	if len(list) >= len(all) {
		t.Fatalf("category filter kept %d of %d", len(list), len(all))
	}
	for _, p := range list {
		if !slices.Contains(p["categories"].([]any), any(float64(cat.ID))) {
			t.Errorf("post %v is not in category %d: %v", p["id"], cat.ID, p["categories"])
		}
	}
	// Tags: the first tag of the first post finds that post.
	first := all[0]
	if tags := first["tags"].([]any); len(tags) > 0 {
		tid := strconv.Itoa(int(tags[0].(float64)))
		got := publishedPosts(t, "tags="+tid)
		if !slices.ContainsFunc(got, func(p map[string]any) bool { return p["id"] == first["id"] }) {
			t.Errorf("tag %s filter lost post %v", tid, first["id"])
		}
	}
	// Author.
	aid := strconv.Itoa(int(first["author"].(float64)))
	for _, p := range publishedPosts(t, "author="+aid) {
		if strconv.Itoa(int(p["author"].(float64))) != aid {
			t.Errorf("author filter: post %v by %v", p["id"], p["author"])
		}
	}
	// Search finds by words of the title.
	title := first["title"].(map[string]any)["rendered"].(string)
	word := ""
	for _, w := range strings.Fields(title) {
		if len(w) > len(word) {
			word = w
		}
	}
	found := publishedPosts(t, "search="+word)
	if !slices.ContainsFunc(found, func(p map[string]any) bool { return p["id"] == first["id"] }) || len(found) == len(all) {
		t.Errorf("search %q: %d results", word, len(found))
	}
	// Slug.
	got := publishedPosts(t, "slug="+first["slug"].(string))
	if len(got) != 1 || got[0]["id"] != first["id"] {
		t.Errorf("slug filter: %d", len(got))
	}
	// after/before (ISO 8601, in the edition's zone or with an offset).
	date := first["date_gmt"].(string)
	at, _ := time.Parse("2006-01-02T15:04:05", date)
	for _, p := range publishedPosts(t, "after="+at.Add(-time.Second).Format(time.RFC3339)) {
		if p["date_gmt"].(string) < date {
			t.Errorf("after: post %v of %v", p["id"], p["date_gmt"])
		}
	}
	for _, p := range publishedPosts(t, "before="+at.Format("2006-01-02T15:04:05")) {
		if p["date_gmt"].(string) >= date {
			t.Errorf("before: post %v of %v", p["id"], p["date_gmt"])
		}
	}
	// Order.
	asc := publishedPosts(t, "orderby=title&order=asc")
	for i := 1; i < len(asc); i++ {
		a, b := asc[i-1]["title"].(map[string]any)["rendered"].(string), asc[i]["title"].(map[string]any)["rendered"].(string)
		if a > b {
			t.Errorf("title order: %q before %q", a, b)
			break
		}
	}
	// Editions: lang picks one, with its own dates and links.
	fa := publishedPosts(t, "lang=fa")
	if len(fa) == 0 {
		t.Fatal("no Persian posts")
	}
	for _, p := range fa {
		if p["lang"] != "fa" || !strings.Contains(p["link"].(string), "/fa/") {
			t.Errorf("lang=fa gave %v %v", p["lang"], p["link"])
		}
	}
	// _embed fills author, featured media and terms.
	res, data := call(t, "GET", "/wp/v2/posts?per_page=5&_embed", "", nil)
	if res.StatusCode != 200 {
		t.Fatal(res.StatusCode)
	}
	for _, p := range decode[[]map[string]any](t, data) {
		emb, _ := p["_embedded"].(map[string]any)
		if emb == nil {
			t.Fatalf("post %v has no _embedded", p["id"])
		}
		au := emb["author"].([]any)[0].(map[string]any)
		if au["id"] != p["author"] || au["name"] == "" {
			t.Errorf("embedded author %v for %v", au["id"], p["author"])
		}
		if _, leaks := au["email"]; leaks {
			t.Error("embedded author shows an e-mail address")
		}
		terms := emb["wp:term"].([]any)
		if len(terms) != 2 || len(terms[0].([]any)) != len(p["categories"].([]any)) || len(terms[1].([]any)) != len(p["tags"].([]any)) {
			t.Errorf("embedded terms %v for %v / %v", terms, p["categories"], p["tags"])
		}
		if p["featured_media"].(float64) != 0 {
			fm := emb["wp:featuredmedia"].([]any)[0].(map[string]any)
			if fm["id"] != p["featured_media"] || !strings.HasPrefix(fm["source_url"].(string), site.srv.URL+"/uploads/") {
				t.Errorf("embedded media %v", fm["id"])
			}
		}
	}
	// _embed=author embeds only the author; _fields keeps what is named.
	_, data = call(t, "GET", "/wp/v2/posts?per_page=1&_embed=author&_fields=id,title,_embedded", "", nil)
	p := decode[[]map[string]any](t, data)[0]
	if len(p) != 3 || p["_embedded"].(map[string]any)["wp:term"] != nil {
		t.Errorf("_embed=author&_fields: %v", p)
	}
}

func TestOnlyPublicContentIsPublic(t *testing.T) {
	ctx := context.Background()
	cats, _ := site.store.Categories(ctx, "en")
	authors, _ := site.store.Authors(ctx, "en")
	draft := &content.Article{Edition: "en", Title: "Unpublished plans", BodySource: "<p>secret</p>", PrimaryCategoryID: cats[0].ID,
		AuthorID: authors[0].ID, Status: content.Draft, OwnerID: site.users["author"].ID}
	if err := site.content.CreateArticle(ctx, draft); err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(draft.ID, 10)
	for _, p := range publishedPosts(t, "search=Unpublished") {
		if p["id"] == float64(draft.ID) {
			t.Fatal("a draft is listed publicly")
		}
	}
	res, data := call(t, "GET", "/wp/v2/posts/"+id, "", nil)
	wantError(t, res, data, 401, "rest_forbidden")
	res, data = call(t, "GET", "/wp/v2/posts/"+id, "contributor", nil)
	wantError(t, res, data, 403, "rest_forbidden")
	res, data = call(t, "GET", "/wp/v2/posts/"+id, "author", nil) // its owner
	if res.StatusCode != 200 || decode[map[string]any](t, data)["status"] != "draft" {
		t.Fatalf("owner reading a draft: %d %s", res.StatusCode, truncate(data))
	}
	res, data = call(t, "GET", "/wp/v2/posts?status=draft&search=Unpublished", "editor", nil)
	if res.StatusCode != 200 || len(decode[[]any](t, data)) != 1 {
		t.Fatalf("editor listing drafts: %d %s", res.StatusCode, truncate(data))
	}
	res, data = call(t, "GET", "/wp/v2/posts?status=draft", "contributor", nil)
	wantError(t, res, data, 403, "rest_invalid_param")
	// Comments: approved ones on published articles only.
	res, data = call(t, "GET", "/wp/v2/comments?per_page=100", "", nil)
	if res.StatusCode != 200 {
		t.Fatal(res.StatusCode)
	}
	for _, c := range decode[[]map[string]any](t, data) {
		if c["status"] != "approved" {
			t.Errorf("comment %v is %v", c["id"], c["status"])
		}
	}
}

func TestCORSAndCaching(t *testing.T) {
	res, _ := call(t, "GET", "/wp/v2/categories", "", nil, "Origin", "https://elsewhere.example")
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || res.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("CORS on a public read: %v", res.Header)
	}
	if !strings.Contains(res.Header.Get("Access-Control-Expose-Headers"), "X-WP-Total") {
		t.Error("paging headers are not exposed to scripts")
	}
	// A public read cached for a reader without Origin still serves scripts.
	call(t, "GET", "/wp/v2/categories?per_page=2&corstest=1", "", nil)
	res, _ = call(t, "GET", "/wp/v2/categories?per_page=2&corstest=1", "", nil, "Origin", "https://elsewhere.example")
	if res.Header.Get("X-Cache") != "HIT" || res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("cached read for a script: X-Cache %q, ACAO %q", res.Header.Get("X-Cache"), res.Header.Get("Access-Control-Allow-Origin"))
	}
	res, _ = call(t, "POST", "/wp/v2/posts", "", []byte("title=x"), "Origin", "https://elsewhere.example", "Content-Type", "application/x-www-form-urlencoded")
	if res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS granted to a POST")
	}
	res, _ = call(t, "OPTIONS", "/wp/v2/posts", "", nil, "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST")
	if m := res.Header.Get("Access-Control-Allow-Methods"); strings.Contains(m, "POST") || res.Header.Get("Allow") != "GET, POST" {
		t.Errorf("preflight: methods %q allow %q", m, res.Header.Get("Allow"))
	}
	// A public read is cached (keyed by its query); an authenticated one never.
	call(t, "GET", "/wp/v2/tags?per_page=3&cachetest=1", "", nil)
	res, _ = call(t, "GET", "/wp/v2/tags?per_page=3&cachetest=1", "", nil)
	if res.Header.Get("X-Cache") != "HIT" || res.Header.Get("X-WP-Total") == "" {
		t.Errorf("second public read: X-Cache %q, X-WP-Total %q", res.Header.Get("X-Cache"), res.Header.Get("X-WP-Total"))
	}
	res, _ = call(t, "GET", "/wp/v2/tags?per_page=3&cachetest=1", "editor", nil)
	if res.Header.Get("X-Cache") == "HIT" || !strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
		t.Errorf("authenticated read: X-Cache %q, Cache-Control %q", res.Header.Get("X-Cache"), res.Header.Get("Cache-Control"))
	}
	res, _ = call(t, "GET", "/wp/v2/tags?per_page=4&cachetest=1", "", nil)
	if res.Header.Get("Content-Type") != "application/json; charset=UTF-8" {
		t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
	}
}
