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

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/user"
)

// upload posts a CSV file to the import form.
func (s *site) upload(t *testing.T, c *http.Client, edition, csv string, consent bool) (*http.Response, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("edition", edition)
	if consent {
		mw.WriteField("consent", "yes")
	}
	fw, _ := mw.CreateFormFile("file", "list.csv")
	io.WriteString(fw, csv)
	mw.Close()
	res, err := c.Post(s.server.URL+"/admin/newsletter/import", mw.FormDataContentType(), &b)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestNewsletterScreensNeedThePermission(t *testing.T) {
	s := newSite(t)
	for _, r := range []user.Role{user.Author, user.Contributor} {
		c := s.login(t, r)
		for _, p := range []string{"/admin/newsletter/", "/admin/newsletter/export.csv", "/admin/newsletter/compose", "/admin/newsletter/person?email=a@example.org"} {
			if res, _ := s.get(t, c, p); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d", r, p, res.StatusCode)
			}
		}
		if res, _ := s.upload(t, c, "en", "a@example.org\n", true); res.StatusCode != http.StatusForbidden {
			t.Errorf("%s import: %d", r, res.StatusCode)
		}
		if _, body := s.get(t, c, "/admin/"); strings.Contains(body, `href="/admin/newsletter/"`) {
			t.Errorf("%s sees the newsletter in the menu", r)
		}
	}
	if n, _ := s.store.CountSubscribers(t.Context(), newsletter.Filter{}); n != 0 {
		t.Fatalf("refused imports stored %d subscribers", n)
	}
}

func TestSubscribersImportExportAndOnePersonsData(t *testing.T) {
	s := newSite(t)
	c := s.login(t, user.Editor)
	res, body := s.upload(t, c, "en", "email\nok@example.org\nnot an address\n\n<script>x</script>@evil\n", true)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Nothing was imported") ||
		!strings.Contains(body, "Line 3: “not an address” is not an email address") || !strings.Contains(body, "Line 5:") || strings.Contains(body, "<script>x") {
		t.Fatalf("a bad file: %d\n%s", res.StatusCode, body)
	}
	if n, _ := s.store.CountSubscribers(t.Context(), newsletter.Filter{}); n != 0 {
		t.Fatalf("a bad file stored %d subscribers", n)
	}
	res, body = s.upload(t, c, "en", "a@example.org\nb@example.org\n", true)
	if res.StatusCode != 200 || !strings.Contains(body, "Imported: 2 new (2 confirmed, 0 sent the confirmation mail), 0 already subscribed.") {
		t.Fatalf("a good file: %d\n%s", res.StatusCode, body)
	}
	res, body = s.upload(t, c, "fa", "c@example.org\n", false)
	if res.StatusCode != 200 || !strings.Contains(body, "1 sent the confirmation mail") {
		t.Fatalf("without consent: %d", res.StatusCode)
	}
	if got := s.mail.Next(t); got.To[0] != "c@example.org" {
		t.Errorf("the opt-in mail went to %v", got.To)
	}
	_, body = s.get(t, c, "/admin/newsletter/?edition=en&status=confirmed")
	if !strings.Contains(body, "a@example.org") || strings.Contains(body, "c@example.org") || !strings.Contains(body, "<strong>2</strong> Confirmed") {
		t.Errorf("the filtered list:\n%s", body)
	}
	res, csv := s.get(t, c, "/admin/newsletter/export.csv?edition=en")
	if res.Header.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.Contains(csv, "a@example.org,en,confirmed,import,") || strings.Contains(csv, "c@example.org") {
		t.Errorf("export: %q", csv)
	}
	_, body = s.get(t, c, "/admin/newsletter/person?email=A@example.org")
	if !strings.Contains(body, "a@example.org") || !strings.Contains(body, "Delete this address everywhere") {
		t.Fatalf("one person's data:\n%s", body)
	}
	if _, one := s.get(t, c, "/admin/newsletter/person?email=a@example.org&format=csv"); strings.Count(one, "\n") != 2 {
		t.Errorf("one person's CSV: %q", one)
	}
	res, body = s.postBody(t, c, "/admin/newsletter/person/delete", url.Values{"email": {"a@example.org"}})
	if res.StatusCode != 200 || !strings.Contains(body, "Deleted 1 subscriptions of a@example.org.") {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if list, _ := s.news.SubscriberData(t.Context(), "a@example.org"); len(list) != 0 {
		t.Error("the address is still kept")
	}
}

func TestComposePreviewTestAndSendAnIssue(t *testing.T) {
	s := newSite(t)
	c := s.login(t, user.Editor)
	a := s.article(t, user.Editor, content.Published, `Hostile <img src=x onerror=alert(1)> title`)
	s.upload(t, c, "en", "r1@example.org\nr2@example.org\n", true)

	res, body := s.postBody(t, c, "/admin/newsletter/compose", url.Values{"edition": {"en"}, "subject": {""}, "article": {fmt.Sprint(a.ID)}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Write a subject.") {
		t.Fatalf("no subject: %d", res.StatusCode)
	}
	res = s.post(t, c, "/admin/newsletter/compose", url.Values{"edition": {"en"}, "subject": {"Weekly"}, "intro": {"Hello"}, "article": {fmt.Sprint(a.ID)}})
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/newsletter/issues/") {
		t.Fatalf("save: %d %s", res.StatusCode, loc)
	}
	issue := strings.SplitN(loc, "?", 2)[0]
	_, body = s.get(t, c, loc)
	if !strings.Contains(body, "Send to all 2 confirmed subscribers") || !strings.Contains(body, "Draft saved.") {
		t.Fatalf("the draft:\n%s", body)
	}
	res, preview := s.get(t, c, issue+"preview")
	if res.StatusCode != 200 || strings.Contains(preview, "<img src=x") || !strings.Contains(preview, "Hostile &lt;img") ||
		!strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("preview: %d", res.StatusCode)
	}
	res, body = s.postBody(t, c, issue+"test", nil)
	if res.StatusCode != 200 || !strings.Contains(body, "A test copy was queued for editor@example.org.") {
		t.Fatalf("test: %d", res.StatusCode)
	}
	if got := s.mail.Next(t); got.To[0] != "editor@example.org" || !bytes.Contains(got.Data, []byte("[Test] Weekly")) {
		t.Errorf("the test copy: %v %q", got.To, got.Data[:200])
	}
	res = s.post(t, c, issue+"send", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("send: %d", res.StatusCode)
	}
	_, body = s.get(t, c, issue)
	if !strings.Contains(body, "0% done: 0 sent, 0 failed, 2 waiting.") || !strings.Contains(body, "r1@example.org") || strings.Contains(body, "Save draft") {
		t.Fatalf("progress:\n%s", body)
	}
	if res, _ := s.postBody(t, c, issue+"send", nil); res.StatusCode != http.StatusUnprocessableEntity && res.StatusCode != http.StatusConflict {
		t.Errorf("sending twice: %d", res.StatusCode)
	}
	w := &newsletter.Sender{Service: s.news, SMTP: s.news.Mail.(*mail.Outbox).SMTP, Rate: 100}
	if n, err := w.RunOnce(t.Context()); err != nil || n != 2 {
		t.Fatalf("sender: %d %v", n, err)
	}
	for range 2 {
		if got := s.mail.Next(t); !strings.HasPrefix(got.To[0], "r") {
			t.Errorf("sent to %v", got.To)
		}
	}
	_, body = s.get(t, c, issue+"?state=sent")
	if !strings.Contains(body, "100% done: 2 sent, 0 failed, 0 waiting.") || strings.Count(body, "badge-send-sent") != 2 {
		t.Fatalf("after sending:\n%s", body)
	}
}
