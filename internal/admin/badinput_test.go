package admin_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

// TestBadInputIsRefusedAndChangesNothing sends the editor form with one
// mistake at a time; each gets a clear message and nothing is stored.
func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Editor)
	existing := s.article(t, user.Editor, content.Published, "Existing story")
	cases := []struct {
		name string
		edit func(url.Values)
		want string
	}{
		{"empty title", func(v url.Values) { v.Set("title", "  ") }, "the title is required"},
		{"duplicate slug", func(v url.Values) { v.Set("slug", existing.Slug) }, "already uses the slug"},
		{"bad slug", func(v url.Values) { v.Set("slug", "Not A Slug!") }, "a slug may hold only"},
		{"schedule in the past", func(v url.Values) {
			v.Set("action", "schedule")
			v.Set("publish_at", time.Now().Add(-time.Hour).UTC().Format("2006-01-02T15:04"))
		}, "a scheduled time must be in the future"},
		{"script in the body", func(v url.Values) { v.Set("body", `<p>Hi</p><script>alert(1)</script>`) }, "code that pages may not run"},
		{"event handler in the body", func(v url.Values) { v.Set("body", `<p onmouseover="steal()">Hi</p>`) }, "code that pages may not run"},
		{"javascript link in the body", func(v url.Values) { v.Set("body", `<a href="javascript:alert(1)">x</a>`) }, "code that pages may not run"},
		{"no category", func(v url.Values) { v.Set("category", "") }, "choose a primary category"},
		{"bad source link", func(v url.Values) { v.Set("ext_writer", "W"); v.Set("ext_url", "javascript:x") }, "http or https"},
		{"malformed date", func(v url.Values) { v.Set("action", "schedule"); v.Set("publish_at", "tomorrow") }, "date and time picker"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := s.count(t)
			v := articleForm(s, "en", "A good title", "publish")
			tc.edit(v)
			res, body := s.postBody(t, c, "/admin/articles/new", v)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if !strings.Contains(body, tc.want) || !strings.Contains(body, "Nothing was saved") {
				t.Errorf("the answer lacks %q", tc.want)
			}
			if s.count(t) != before {
				t.Errorf("articles %d → %d", before, s.count(t))
			}
		})
	}
	// An edit with bad input leaves the stored article as it was.
	v := articleForm(s, "en", "", "draft")
	res, _ := s.postBody(t, c, fmt.Sprintf("/admin/articles/%d/", existing.ID), v)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad edit: %d", res.StatusCode)
	}
	got, err := s.store.ArticleByID(t.Context(), existing.ID)
	if err != nil || got.Title != "Existing story" || got.Status != content.Published {
		t.Fatalf("the stored article changed: %+v %v", got, err)
	}
}

func upload(t *testing.T, s *site, c *http.Client, name string, data []byte) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.WriteField("caption", "A caption")
	mw.Close()
	req, _ := http.NewRequest("POST", s.server.URL+"/admin/media/upload", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestUploadsAreCheckedByContent(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Author)
	code, body := upload(t, s, c, "photo.jpg", []byte("this is plain text pretending to be a JPEG"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "unsupported file type") {
		t.Errorf("a mislabelled file: %d %s", code, body)
	}
	code, body = upload(t, s, c, "big.png", append(pngHeader(), make([]byte, 3<<20)...))
	if code == http.StatusOK {
		t.Errorf("an oversized file was accepted: %s", body)
	}
	code, body = upload(t, s, c, "broken.png", pngHeader())
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "damaged") {
		t.Errorf("a damaged image: %d %s", code, body)
	}
	var n int
	if err := s.store.QueryRowForTest(t.Context(), "SELECT COUNT(*) FROM media", &n); err != nil || n != 0 {
		t.Errorf("refused uploads left %d media records", n)
	}
	code, body = upload(t, s, c, "pixel.png", tinyPNG())
	if code != http.StatusOK || !strings.Contains(body, `"url":"/uploads/`) {
		t.Fatalf("a real PNG: %d %s", code, body)
	}
}
