package wpapi_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/user"
)

func countArticles(t *testing.T) int {
	t.Helper()
	n, err := site.store.CountArticles(context.Background(), content.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func countMedia(t *testing.T) int {
	t.Helper()
	n, err := site.store.CountMedia(context.Background(), media.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func firstCategory(t *testing.T) int64 {
	cats, err := site.store.Categories(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	return cats[0].ID
}

func TestAuthentication(t *testing.T) {
	cat := firstCategory(t)
	before := countArticles(t)
	post := map[string]any{"title": "From a client", "content": "<p>Text</p>", "categories": []int64{cat}}

	// No credentials: reads work, writes do not.
	res, data := call(t, "POST", "/wp/v2/posts", "", post)
	wantError(t, res, data, 401, "rest_cannot_create")
	if res.Header.Get("WWW-Authenticate") != "" {
		t.Error("the API asks browsers for credentials (they would then be sent ambiently)")
	}
	// A wrong password and an unknown account, with WordPress's codes.
	for _, tc := range []struct{ login, password, code string }{
		{"author@example.org", "aaaa bbbb cccc dddd eeee ffff", "incorrect_password"},
		{"author@example.org", "account password 123", "incorrect_password"}, // the account password is not an application password
		{"nobody@example.org", site.password["author"], "invalid_username"},
		{"editor@example.org", site.password["author"], "incorrect_password"}, // another account's password
	} {
		req, _ := http.NewRequest("POST", site.srv.URL+"/wp-json/wp/v2/posts", strings.NewReader(`{"title":"x"}`))
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth(tc.login, tc.password)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		buf := new(bytes.Buffer)
		buf.ReadFrom(res.Body)
		res.Body.Close()
		wantError(t, res, buf.Bytes(), 401, tc.code)
	}
	// Spaces are optional, as in WordPress.
	req, _ := http.NewRequest("GET", site.srv.URL+"/wp-json/wp/v2/users/me", nil)
	req.SetBasicAuth("EDITOR@example.org", strings.ReplaceAll(site.password["editor"], " ", ""))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("password without spaces: %d", res.StatusCode)
	}
	// A session cookie is not an API credential.
	res, data = call(t, "POST", "/wp/v2/posts", "", post, "Cookie", "masthead_session=anything")
	wantError(t, res, data, 401, "rest_cannot_create")
	// Bearer or other schemes are refused clearly.
	res, data = call(t, "GET", "/wp/v2/posts", "", nil, "Authorization", "Bearer abc")
	wantError(t, res, data, 401, "rest_not_logged_in")
	if n := countArticles(t); n != before {
		t.Fatalf("refused requests stored %d articles", n-before)
	}
}

func TestRevokedPasswordAndRateLimit(t *testing.T) {
	ctx := context.Background()
	u := &user.User{Email: "revoked@example.org", Name: "Revoked", Role: user.Author, PasswordHash: "x", AuthorID: site.users["author"].AuthorID}
	if err := site.store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	plain, p, err := site.auth.CreateAppPassword(ctx, u, "laptop")
	if err != nil {
		t.Fatal(err)
	}
	if len(strings.ReplaceAll(plain, " ", "")) != 24 || strings.Count(plain, " ") != 5 {
		t.Fatalf("password %q is not six groups of four", plain)
	}
	get := func(password string) *http.Response {
		req, _ := http.NewRequest("GET", site.srv.URL+"/wp-json/wp/v2/users/me", nil)
		req.SetBasicAuth(u.Email, password)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := get(plain); res.StatusCode != 200 {
		t.Fatalf("fresh password: %d", res.StatusCode)
	}
	list, _ := site.auth.AppPasswords(ctx, u.ID)
	if len(list) != 1 || list[0].LastUsedAt.IsZero() || list[0].LastIP == "" {
		t.Fatalf("use not recorded: %+v", list)
	}
	if ok, err := site.auth.RevokeAppPassword(ctx, u, p.ID); err != nil || !ok {
		t.Fatal("revoke", ok, err)
	}
	if res := get(plain); res.StatusCode != 401 {
		t.Fatalf("revoked password: %d", res.StatusCode)
	}
	// Failures are limited like sign-ins: after the limit even the right
	// password waits.
	plain2, _, err := site.auth.CreateAppPassword(ctx, u, "phone")
	if err != nil {
		t.Fatal(err)
	}
	for range user.MaxFailsAccount {
		get("wrong wrong wrong")
	}
	if res := get(plain2); res.StatusCode != 429 || res.Header.Get("Retry-After") == "" {
		t.Fatalf("after %d failures: %d", user.MaxFailsAccount, res.StatusCode)
	}
}

func TestCreateAndUpdatePostsByRole(t *testing.T) {
	cat := firstCategory(t)
	before := countArticles(t)

	// A contributor may not publish: refused, nothing stored.
	res, data := call(t, "POST", "/wp/v2/posts", "contributor", map[string]any{"title": "Contributed", "content": "<p>x</p>", "status": "publish", "categories": []int64{cat}})
	wantError(t, res, data, 403, "rest_cannot_publish")
	if countArticles(t) != before {
		t.Fatal("a refused publish stored an article")
	}
	// …but may submit a draft for review, under its own name.
	res, data = call(t, "POST", "/wp/v2/posts", "contributor", map[string]any{"title": "Contributed", "content": "<p>x</p>", "status": "pending", "categories": []int64{cat}, "author": 999})
	wantError(t, res, data, 403, "rest_cannot_edit_others")
	res, data = call(t, "POST", "/wp/v2/posts", "contributor", map[string]any{"title": "Contributed", "content": "<p>x</p>", "status": "pending", "categories": []int64{cat}})
	if res.StatusCode != 201 {
		t.Fatalf("contributor draft: %d %s", res.StatusCode, truncate(data))
	}
	pending := decode[map[string]any](t, data)
	if pending["status"] != "pending" || pending["author"] != float64(site.users["contributor"].AuthorID) || res.Header.Get("Location") == "" {
		t.Fatalf("created %v by %v", pending["status"], pending["author"])
	}
	// Bad input: a clear rest_invalid_param, nothing stored.
	for _, body := range []map[string]any{
		{"title": "No category"},
		{"title": "", "categories": []int64{cat}},
		{"title": "Bad category", "categories": []int64{999999}},
		{"title": "Bad status", "status": "private", "categories": []int64{cat}},
		{"title": "Bad tag", "tags": []int64{999999}, "categories": []int64{cat}},
		{"title": "Script", "content": "<script>alert(1)</script>", "categories": []int64{cat}},
		{"title": "Bad date", "date": "soon", "categories": []int64{cat}},
		{"title": []int{1}, "categories": []int64{cat}},
	} {
		n := countArticles(t)
		res, data := call(t, "POST", "/wp/v2/posts", "author", body)
		wantError(t, res, data, 400, "rest_invalid_param")
		if countArticles(t) != n {
			t.Fatalf("refused %v stored an article", body)
		}
	}
	res, data = call(t, "POST", "/wp/v2/posts", "author", []byte("{not json"), "Content-Type", "application/json")
	wantError(t, res, data, 400, "rest_invalid_param")

	// An author publishes; the post is public at once, with sanitized HTML.
	tags, _ := site.store.Tags(context.Background(), "en")
	res, data = call(t, "POST", "/wp/v2/posts", "author", map[string]any{
		"title": map[string]string{"raw": "Published over the API"}, "content": `<p>Body with <a href="https://example.org/">a link</a></p>`, "excerpt": "Short",
		"status": "publish", "categories": []int64{cat}, "tags": []int64{tags[0].ID}, "comment_status": "closed"})
	if res.StatusCode != 201 {
		t.Fatalf("author publish: %d %s", res.StatusCode, truncate(data))
	}
	created := decode[map[string]any](t, data)
	id := strconv.Itoa(int(created["id"].(float64)))
	if created["status"] != "publish" || !strings.Contains(created["content"].(map[string]any)["rendered"].(string), "a link") ||
		created["comment_status"] != "closed" || created["title"].(map[string]any)["raw"] != "Published over the API" {
		t.Fatalf("created = %s", truncate(data))
	}
	res, data = call(t, "GET", "/wp/v2/posts/"+id, "", nil)
	if res.StatusCode != 200 || decode[map[string]any](t, data)["tags"].([]any)[0] != float64(tags[0].ID) {
		t.Fatalf("public read of the new post: %d %s", res.StatusCode, truncate(data))
	}
	if _, raw := decode[map[string]any](t, data)["title"].(map[string]any)["raw"]; raw {
		t.Error("the public sees raw fields")
	}
	page, err := http.Get(created["link"].(string))
	if err != nil || page.StatusCode != 200 {
		t.Fatalf("the new post's link: %v %v", err, page)
	}
	page.Body.Close()

	// Updates: the contributor may not touch a published post of another;
	// an editor may, with a form-encoded body too.
	res, data = call(t, "POST", "/wp/v2/posts/"+id, "contributor", map[string]any{"title": "Taken over"})
	wantError(t, res, data, 403, "rest_cannot_edit")
	res, data = call(t, "POST", "/wp/v2/posts/"+id, "", map[string]any{"title": "Anonymous"})
	wantError(t, res, data, 401, "rest_cannot_edit")
	res, data = call(t, "POST", "/wp/v2/posts/999999", "editor", map[string]any{"title": "Nothing"})
	wantError(t, res, data, 404, "rest_post_invalid_id")
	res, data = call(t, "PUT", "/wp/v2/posts/"+id, "editor", []byte("title=Edited+by+the+desk&excerpt=New+summary"),
		"Content-Type", "application/x-www-form-urlencoded")
	if res.StatusCode != 200 {
		t.Fatalf("editor update: %d %s", res.StatusCode, truncate(data))
	}
	upd := decode[map[string]any](t, data)
	if upd["title"].(map[string]any)["rendered"] != "Edited by the desk" || upd["categories"].([]any)[0] != float64(cat) || len(upd["tags"].([]any)) != 1 {
		t.Fatalf("update lost or missed fields: %s", truncate(data))
	}
	revs, err := site.store.Revisions(context.Background(), int64(created["id"].(float64)))
	if err != nil || len(revs) < 2 {
		t.Fatalf("revisions after create and update: %d %v", len(revs), err)
	}
	// The contributor's own pending post stays editable by it; publishing it is not.
	pid := strconv.Itoa(int(pending["id"].(float64)))
	res, data = call(t, "PATCH", "/wp/v2/posts/"+pid, "contributor", map[string]any{"title": "Contributed, revised"})
	if res.StatusCode != 200 {
		t.Fatalf("contributor edits own pending post: %d %s", res.StatusCode, truncate(data))
	}
	res, data = call(t, "PATCH", "/wp/v2/posts/"+pid, "contributor", map[string]any{"status": "publish"})
	wantError(t, res, data, 403, "rest_cannot_publish")
}

func pngBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := range 8 {
		img.Set(x, 2, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestMediaUpload(t *testing.T) {
	before := countMedia(t)
	pic := pngBytes(t)
	// Raw body with Content-Disposition, as WordPress clients send it.
	res, data := call(t, "POST", "/wp/v2/media?alt_text=A+red+line&caption=Test", "author", pic,
		"Content-Type", "image/png", "Content-Disposition", `attachment; filename="red-line.png"`)
	if res.StatusCode != 201 {
		t.Fatalf("raw upload: %d %s", res.StatusCode, truncate(data))
	}
	m := decode[map[string]any](t, data)
	if m["media_type"] != "image" || m["mime_type"] != "image/png" || m["alt_text"] != "A red line" ||
		m["media_details"].(map[string]any)["width"] != float64(8) || res.Header.Get("Location") == "" {
		t.Fatalf("uploaded = %s", truncate(data))
	}
	got, err := http.Get(m["source_url"].(string))
	if err != nil || got.StatusCode != 200 {
		t.Fatalf("the uploaded file is not served: %v", err)
	}
	got.Body.Close()
	// Multipart, with the file in "file".
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "second.png")
	fw.Write(pngBytes(t)[:len(pic)])
	mw.WriteField("title", "Second")
	mw.Close()
	res, data = call(t, "POST", "/wp/v2/media", "editor", body.Bytes(), "Content-Type", mw.FormDataContentType())
	if res.StatusCode != 201 || decode[map[string]any](t, data)["title"].(map[string]any)["rendered"] != "Second" {
		t.Fatalf("multipart upload: %d %s", res.StatusCode, truncate(data))
	}
	after := countMedia(t)
	// Refusals, each in WordPress's shape, storing nothing.
	for _, tc := range []struct {
		role   user.Role
		body   []byte
		header []string
		status int
		code   string
	}{
		{"", pic, []string{"Content-Disposition", `attachment; filename="a.png"`}, 401, "rest_cannot_create"},
		{"contributor", pic, []string{"Content-Disposition", `attachment; filename="a.png"`}, 403, "rest_cannot_create"},
		{"author", []byte("#!/bin/sh\necho not a picture\n"), []string{"Content-Disposition", `attachment; filename="evil.png"`}, 400, "rest_upload_sideload_error"},
		{"author", append([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, bytes.Repeat([]byte{0}, 40)...), []string{"Content-Disposition", `attachment; filename="broken.png"`}, 400, "rest_upload_sideload_error"},
		{"author", pic, nil, 400, "rest_upload_no_content_disposition"},
		{"author", nil, []string{"Content-Disposition", `attachment; filename="empty.png"`}, 400, "rest_upload_no_data"},
		{"author", bytes.Repeat([]byte("x"), 3<<20), []string{"Content-Disposition", `attachment; filename="big.png"`}, 413, "rest_upload_file_too_big"},
	} {
		res, data := call(t, "POST", "/wp/v2/media", tc.role, tc.body, tc.header...)
		wantError(t, res, data, tc.status, tc.code)
	}
	if n := countMedia(t); n != after {
		t.Fatalf("refused uploads stored %d files", n-after)
	}
	if after != before+2 {
		t.Fatalf("uploads stored %d files, want 2", after-before)
	}
}
