package admin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/http"
	netmail "net/mail"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/user"
)

// openArticle publishes an English article that takes comments, owned by
// the author account.
func (s *site) openArticle(t *testing.T, title string) (*content.Article, string) {
	t.Helper()
	a := &content.Article{Edition: "en", Title: title, BodySource: "<p>Text.</p>", AuthorID: s.author, PrimaryCategoryID: s.category["en"],
		Status: content.Published, PublishedAt: time.Now().Add(-time.Hour).UTC().Truncate(time.Second), CommentsOpen: true,
		OwnerID: s.users[user.Author].ID}
	if err := s.content.CreateArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a, a.PublishedAt.Format("/2006/01/02/") + a.Slug + "/"
}

var tokenField = regexp.MustCompile(`name="token" value="([^"]+)"`)

// formToken reads the form token of a page, and moves the spam guard's
// clock past the minimum time to submit.
func (s *site) formToken(t *testing.T, c *http.Client, path string) string {
	t.Helper()
	res, body := s.get(t, c, path)
	m := tokenField.FindStringSubmatch(body)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("GET %s: %d, token found: %v", path, res.StatusCode, m != nil)
	}
	s.formShift.Add(int64(5 * time.Second))
	return m[1]
}

// comment posts the comment form of the article at path with fresh token.
func (s *site) comment(t *testing.T, c *http.Client, path string, fields url.Values) (*http.Response, string) {
	t.Helper()
	if fields.Get("token") == "" {
		fields.Set("token", s.formToken(t, c, path))
	}
	return s.postBody(t, c, path+"comments/", fields)
}

func (s *site) storedComments(t *testing.T, f comment.Filter) []content.Comment {
	t.Helper()
	f.Limit = 1000
	list, err := s.store.ModerationQueue(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// plainMail reads a text/plain message: its subject, text and whether it
// carries any HTML.
func plainMail(t *testing.T, r mailtest.Received) (subject, text string, hasHTML bool) {
	t.Helper()
	m, err := netmail.ReadMessage(strings.NewReader(string(r.Data)))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	body := io.Reader(m.Body)
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(body)
	}
	b, _ := io.ReadAll(body)
	return subject, strings.ReplaceAll(string(b), "\r\n", "\n"), strings.Contains(strings.ToLower(m.Header.Get("Content-Type")), "html")
}

// mailTo collects n messages and indexes them by recipient.
func (s *site) mailTo(t *testing.T, n int) map[string]mailtest.Received {
	t.Helper()
	out := map[string]mailtest.Received{}
	for range n {
		r := s.mail.Next(t)
		for _, to := range r.To {
			out[to] = r
		}
	}
	return out
}

func TestReaderCommentIsHeldNotifiedApprovedAndCounted(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	a, path := s.openArticle(t, "River clean-up")
	reader := s.client(t)

	res, _ := s.comment(t, reader, path, url.Values{"name": {"Ada"}, "email": {"Ada@Example.org"}, "body": {"First time here.\nGreat work!"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?posted=held#respond" {
		t.Fatalf("post: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, page := s.get(t, reader, path+"?posted=held")
	if !strings.Contains(page, "waiting for an editor") || strings.Contains(page, "First time here.") {
		t.Error("the reader is not told the comment is held, or a held comment shows")
	}
	held := s.storedComments(t, comment.Filter{Status: content.CommentPending})
	if len(held) != 1 || held[0].AuthorEmail != "ada@example.org" || held[0].IPHash == "" || strings.Contains(held[0].IPHash, "127.0.0.1") {
		t.Fatalf("held = %+v", held)
	}

	// The article's author and the moderators (admin, editor) are told, in plain text.
	mails := s.mailTo(t, 3)
	for _, to := range []string{"author@example.org", "editor@example.org", "admin@example.org"} {
		r, ok := mails[to]
		if !ok {
			t.Fatalf("no notification to %s (got %v)", to, mails)
		}
		subject, text, html := plainMail(t, r)
		if subject != "New comment on “River clean-up”" || !strings.Contains(text, "First time here.\nGreat work!") ||
			!strings.Contains(text, "ada@example.org") || !strings.Contains(text, "waiting for moderation") || html {
			t.Errorf("notification to %s: %q\n%s", to, subject, text)
		}
		if to != "author@example.org" && !strings.Contains(text, "/admin/comments/") {
			t.Errorf("a moderator's mail has no link to the queue:\n%s", text)
		}
	}
	if _, _, html := plainMail(t, mails["author@example.org"]); html {
		t.Error("notification has an HTML part")
	}

	// An editor approves it: the count on the home card changes.
	_, home := s.get(t, reader, "/")
	if !strings.Contains(home, "No comments") {
		t.Fatal("the home card does not show the count")
	}
	editor := s.login(t, user.Editor)
	_, queue := s.get(t, editor, "/admin/comments/")
	if !strings.Contains(queue, "First time here.") || !strings.Contains(queue, `<span class="tab-count">1</span>`) {
		t.Fatal("the queue does not list the held comment with its count")
	}
	res = s.post(t, editor, "/admin/comments/bulk", url.Values{"id": {fmt.Sprint(held[0].ID)}, "action": {"approve"}, "back": {"/admin/comments/"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.StatusCode)
	}
	_, home = s.get(t, reader, "/")
	if !strings.Contains(home, "1 comment") {
		t.Error("the home card's count did not change after approval")
	}
	if got, _ := s.store.ArticleByID(context.Background(), a.ID); got.CommentCount != 1 {
		t.Errorf("count = %d", got.CommentCount)
	}

	// Approved once, trusted after: the next comment is published at once.
	res, _ = s.comment(t, reader, path, url.Values{"name": {"Ada"}, "email": {"ada@example.org"}, "body": {"And a second thought."}})
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "?posted=published#comment-") {
		t.Errorf("a trusted commenter's post went to %q", loc)
	}
	s.mailTo(t, 3)

	// A reply from the newsroom, and a reader's reply under it.
	res = s.post(t, editor, fmt.Sprintf("/admin/comments/%d/reply", held[0].ID), url.Values{"reply": {"Thank you, Ada."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.StatusCode)
	}
	_, page = s.get(t, reader, path)
	if !strings.Contains(page, "Thank you, Ada.") || !strings.Contains(page, `class="comment-badge"`) || !strings.Contains(page, "depth-1") {
		t.Error("the newsroom's reply does not show as a staff reply under the comment")
	}
	if !strings.Contains(page, "?replyto=") || !strings.Contains(page, `avatar-c`) {
		t.Error("no reply links or initials avatars")
	}

	// Trash takes it off the page and the count; spam is emptied in bulk.
	s.post(t, editor, "/admin/comments/bulk", url.Values{"one": {fmt.Sprintf("trash:%d", held[0].ID)}})
	if got, _ := s.store.ArticleByID(context.Background(), a.ID); got.CommentCount != 2 {
		t.Errorf("count after trashing one of three = %d", got.CommentCount)
	}
	s.post(t, editor, "/admin/comments/bulk", url.Values{"id": {fmt.Sprint(held[0].ID)}, "action": {"spam"}})
	s.post(t, editor, "/admin/comments/empty", url.Values{"status": {"spam"}})
	if left := s.storedComments(t, comment.Filter{Status: content.CommentSpam}); len(left) != 0 {
		t.Errorf("spam left after emptying: %d", len(left))
	}
	_, page = s.get(t, reader, path)
	if strings.Contains(page, "First time here.") {
		t.Error("a comment removed from the queue still shows")
	}
}

func TestCommentBadInputStoresNothing(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	_, path := s.openArticle(t, "Bad input")
	reader := s.client(t)
	good := func() url.Values {
		return url.Values{"name": {"Ben"}, "email": {"ben@example.org"}, "body": {"A fair point."}}
	}
	cases := []struct {
		name   string
		edit   func(v url.Values)
		status int
		says   string
	}{
		{"100 kB comment", func(v url.Values) { v.Set("body", strings.Repeat("long text ", 10_000)) }, 422, "too long"},
		{"a megabyte", func(v url.Values) { v.Set("body", strings.Repeat("x", 1<<20)) }, 413, "far too long"},
		{"no name", func(v url.Values) { v.Set("name", " ") }, 422, "Please give a name."},
		{"no address", func(v url.Values) { v.Del("email") }, 422, "valid e-mail address"},
		{"bad address", func(v url.Values) { v.Set("email", "ben@") }, 422, "valid e-mail address"},
		{"address with a name", func(v url.Values) { v.Set("email", "Ben <ben@example.org>") }, 422, "valid e-mail address"},
		{"address with a line break", func(v url.Values) { v.Set("email", "ben@example.org\r\nBcc: x@example.net") }, 422, "valid e-mail address"},
		{"javascript website", func(v url.Values) { v.Set("url", "javascript:alert(1)") }, 422, "http:// or https://"},
		{"honeypot", func(v url.Values) { v.Set("website_url", "http://spam.example") }, 422, "hidden field"},
		{"forged token", func(v url.Values) { v.Set("token", "AAAAAAAAAAAAAAAAAAAAAA.xxxxxxxxxxxxxxxxxxxxxxxx") }, 422, "form has expired"},
		{"too many links", func(v url.Values) {
			v.Set("body", "see https://a.example https://b.example https://c.example")
		}, 422, "fewer links"},
		{"reply to nothing", func(v url.Values) { v.Set("parent", "999999") }, 422, "no longer there"},
	}
	for _, tc := range cases {
		v := good()
		v.Set("body", v.Get("body")+" "+tc.name) // distinct texts, so no case trips duplicate detection
		tc.edit(v)
		res, body := s.comment(t, reader, path, v)
		if res.StatusCode != tc.status || !strings.Contains(body, tc.says) {
			t.Errorf("%s: %d, want %d saying %q", tc.name, res.StatusCode, tc.status, tc.says)
		}
		if res.StatusCode == 422 && tc.status == 422 && tc.name != "forged token" && !strings.Contains(body, `name="name" value="`+v.Get("name")) && v.Get("name") != " " {
			t.Errorf("%s: the reader's input is not kept in the form", tc.name)
		}
	}
	if n := len(s.storedComments(t, comment.Filter{})); n != 0 {
		t.Fatalf("%d comments stored after refusals", n)
	}

	// Too fast: sent the moment the form was shown.
	_, page := s.get(t, reader, path)
	v := good()
	v.Set("token", tokenField.FindStringSubmatch(page)[1])
	res, body := s.postBody(t, reader, path+"comments/", v)
	if res.StatusCode != 422 || !strings.Contains(body, "faster than anyone can type") {
		t.Errorf("too fast: %d", res.StatusCode)
	}

	// The same form replayed, and the same text again with a new form.
	v = good()
	v.Set("token", s.formToken(t, reader, path))
	if res, _ := s.postBody(t, reader, path+"comments/", v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a good comment: %d", res.StatusCode)
	}
	if res, body := s.postBody(t, reader, path+"comments/", v); res.StatusCode != 422 || !strings.Contains(body, "already sent") {
		t.Errorf("replayed form: %d", res.StatusCode)
	}
	v.Del("token")
	if res, body := s.comment(t, reader, path, v); res.StatusCode != 422 || !strings.Contains(body, "exactly this text") {
		t.Errorf("duplicate text: %d", res.StatusCode)
	}
	if n := len(s.storedComments(t, comment.Filter{})); n != 1 {
		t.Fatalf("%d comments stored, want the one good one", n)
	}

	// Rate limits count every attempt that got past the cheap checks: the
	// good comment, the replay and the duplicate make three from ben@, the
	// most one address may send in ten minutes.
	v = good()
	v.Set("body", "One too many")
	if res, body := s.comment(t, reader, path, v); res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Too many messages from this e-mail address") {
		t.Errorf("rate limit per address: %d", res.StatusCode)
	}
	// Five attempts from one connection (IP) in ten minutes, whatever the address.
	for _, who := range []string{"cara", "dan"} {
		v := good()
		v.Set("email", who+"@example.org")
		if res, _ := s.comment(t, reader, path, v); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", who, res.StatusCode)
		}
	}
	v = good()
	v.Set("email", "eve@example.org")
	if res, body := s.comment(t, reader, path, v); res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Too many messages from your connection") {
		t.Errorf("rate limit per connection: %d", res.StatusCode)
	}
	if n := len(s.storedComments(t, comment.Filter{})); n != 3 {
		t.Errorf("%d comments stored, want 3", n)
	}
}

func TestCommentMarkupIsEscapedEverywhere(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	_, path := s.openArticle(t, "Escaping")
	reader := s.client(t)
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	res, _ := s.comment(t, reader, path, url.Values{"name": {"Eve " + evil}, "email": {"eve@example.org"}, "url": {`https://eve.example/"><script>alert(2)</script>`},
		"body": {"Hello " + evil}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a website with markup: %d", res.StatusCode)
	}
	res, _ = s.comment(t, reader, path, url.Values{"name": {"Eve " + evil}, "email": {"eve@example.org"}, "url": {"https://eve.example/page"},
		"body": {"Hello " + evil}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("post: %d", res.StatusCode)
	}
	for _, r := range s.mailTo(t, 3) {
		if _, text, html := plainMail(t, r); html || !strings.Contains(text, "Hello "+evil) {
			t.Error("the notification is not plain text carrying the text as typed")
		}
	}
	editor := s.login(t, user.Editor)
	_, queue := s.get(t, editor, "/admin/comments/")
	held := s.storedComments(t, comment.Filter{})
	s.post(t, editor, "/admin/comments/bulk", url.Values{"id": {fmt.Sprint(held[0].ID)}, "action": {"approve"}})
	_, page := s.get(t, reader, path)
	_, edit := s.get(t, editor, fmt.Sprintf("/admin/comments/%d/", held[0].ID))
	for where, body := range map[string]string{"article": page, "queue": queue, "edit": edit} {
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s page carries the reader's markup unescaped", where)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(") {
			t.Errorf("%s page does not show the escaped text", where)
		}
	}
	if !strings.Contains(page, `rel="nofollow ugc noopener"`) {
		t.Error("the commenter's website link is not marked nofollow ugc")
	}
}

func TestClosedCommentsRefuse(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	a, path := s.openArticle(t, "Old story")
	reader := s.client(t)
	token := s.formToken(t, reader, path)
	// Automatic closing after one day; the article is an hour old, so make it older.
	if err := s.store.SetSetting(context.Background(), comment.SettingCloseAfterDays, "1"); err != nil {
		t.Fatal(err)
	}
	s.offset = 49 * time.Hour
	_, page := s.get(t, reader, path)
	if strings.Contains(page, `class="reader-form comment-form"`) || !strings.Contains(page, "closed") {
		t.Error("an article past the closing time still shows the form")
	}
	res, body := s.postBody(t, reader, path+"comments/", url.Values{"token": {token}, "name": {"Late"}, "email": {"late@example.org"}, "body": {"Hi"}})
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "closed") {
		t.Errorf("posting to a closed article: %d", res.StatusCode)
	}
	_ = a
	if n := len(s.storedComments(t, comment.Filter{})); n != 0 {
		t.Errorf("%d comments stored on a closed article", n)
	}
}

func TestModerationNeedsTheRole(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	for _, r := range []user.Role{user.Author, user.Contributor} {
		c := s.login(t, r)
		for _, p := range []string{"/admin/comments/", "/admin/inbox/", "/admin/comments/settings", "/admin/privacy/"} {
			if res, _ := s.get(t, c, p); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s GET %s: %d", r, p, res.StatusCode)
			}
		}
		for _, p := range []string{"/admin/comments/bulk", "/admin/comments/empty", "/admin/inbox/bulk", "/admin/privacy/"} {
			if res := s.post(t, c, p, url.Values{"action": {"approve"}, "status": {"spam"}, "email": {"a@example.org"}}); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s POST %s: %d", r, p, res.StatusCode)
			}
		}
		_, dash := s.get(t, c, "/admin/")
		if strings.Contains(dash, `href="/admin/comments/"`) {
			t.Errorf("%s sees the comments link", r)
		}
	}
	editor := s.login(t, user.Editor)
	if res, _ := s.get(t, editor, "/admin/comments/"); res.StatusCode != http.StatusOK {
		t.Errorf("editor: %d", res.StatusCode)
	}
	if res, _ := s.get(t, editor, "/admin/privacy/"); res.StatusCode != http.StatusForbidden {
		t.Errorf("editor on privacy requests: %d", res.StatusCode)
	}
	if res := s.post(t, s.client(t), "/admin/comments/bulk", url.Values{"action": {"approve"}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("signed out: %d", res.StatusCode)
	}
}

// contactPage makes a published Contact page and names it the contact page.
func (s *site) contactPage(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	pg := &content.Page{Edition: "en", Slug: "contact-us", Title: "Contact us", BodySource: "<p>Write to us.</p>", Status: content.Published}
	if err := s.content.CreatePage(ctx, pg); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetSetting(ctx, contact.SettingPageGroup, fmt.Sprint(pg.TranslationGroup)); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetSetting(ctx, contact.SettingForwardTo, "desk@example.org"); err != nil {
		t.Fatal(err)
	}
	return "/contact-us/"
}

func TestContactFormForwardsAndTheInboxReplies(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	path := s.contactPage(t)
	reader := s.client(t)
	send := func(v url.Values) (*http.Response, string) {
		if v.Get("token") == "" {
			v.Set("token", s.formToken(t, reader, path))
		}
		return s.postBody(t, reader, path, v)
	}
	// Header injection and bad input: refused, nothing stored or sent.
	for name, v := range map[string]url.Values{
		"CR/LF in the subject": {"name": {"Ann"}, "email": {"ann@example.org"}, "subject": {"Hi\r\nBcc: victim@example.net"}, "body": {"x"}},
		"LF in the address":    {"name": {"Ann"}, "email": {"ann@example.org\nBcc: victim@example.net"}, "subject": {"Hi"}, "body": {"x"}},
		"CR in the name":       {"name": {"Ann\rX-Evil: 1"}, "email": {"ann@example.org"}, "subject": {"Hi"}, "body": {"x"}},
		"invalid address":      {"name": {"Ann"}, "email": {"not an address"}, "subject": {"Hi"}, "body": {"x"}},
		"no subject":           {"name": {"Ann"}, "email": {"ann@example.org"}, "subject": {""}, "body": {"x"}},
		"honeypot":             {"name": {"Ann"}, "email": {"ann@example.org"}, "subject": {"Hi"}, "body": {"x"}, "website_url": {"x"}},
	} {
		if res, _ := send(v); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d", name, res.StatusCode)
		}
	}
	if list, _ := s.store.ContactMessages(context.Background(), "", "", 100, 0); len(list) != 0 {
		t.Fatalf("%d messages stored after refusals", len(list))
	}
	if got := s.mail.Pending(); len(got) != 0 {
		t.Fatalf("%d mails sent after refusals", len(got))
	}

	const evil = `<script>alert(1)</script>`
	res, _ := send(url.Values{"name": {"Ann " + evil}, "email": {"Ann@Example.org"}, "subject": {"Bus timetable " + evil}, "body": {"Route 14 " + evil}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?sent=1#contact-form" {
		t.Fatalf("send: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, page := s.get(t, reader, path+"?sent=1")
	if !strings.Contains(page, "Your message has reached the newsroom") {
		t.Error("no confirmation")
	}
	r := s.mail.Next(t)
	subject, text, html := plainMail(t, r)
	if r.To[0] != "desk@example.org" || subject != "[Contact] Bus timetable "+evil || !strings.Contains(text, "Route 14 "+evil) ||
		!strings.Contains(text, "ann@example.org") || html {
		t.Errorf("forward to %v: %q\n%s", r.To, subject, text)
	}

	editor := s.login(t, user.Editor)
	_, inbox := s.get(t, editor, "/admin/inbox/")
	if !strings.Contains(inbox, "Bus timetable &lt;script&gt;") || strings.Contains(inbox, evil) {
		t.Error("the inbox does not list the message escaped")
	}
	msgs, _ := s.store.ContactMessages(context.Background(), "", "", 10, 0)
	id := msgs[0].ID
	_, view := s.get(t, editor, fmt.Sprintf("/admin/inbox/%d/", id))
	if strings.Contains(view, evil) {
		t.Error("the message view carries markup")
	}
	if m, _ := s.store.ContactMessageByID(context.Background(), id); m.Status != contact.Read {
		t.Errorf("opened message is %q", m.Status)
	}
	res = s.post(t, editor, fmt.Sprintf("/admin/inbox/%d/reply", id), url.Values{"reply": {"Thank you, we are looking into it."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", res.StatusCode)
	}
	r = s.mail.Next(t)
	subject, text, _ = plainMail(t, r)
	if r.To[0] != "ann@example.org" || subject != "Re: Bus timetable "+evil || !strings.Contains(text, "Thank you, we are looking into it.") || !strings.Contains(text, "— Editor") {
		t.Errorf("reply to %v: %q\n%s", r.To, subject, text)
	}
	if m, _ := s.store.ContactMessageByID(context.Background(), id); m.Status != contact.Replied || m.Reply == "" {
		t.Errorf("after reply: %+v", m)
	}
	s.post(t, editor, "/admin/inbox/bulk", url.Values{"id": {fmt.Sprint(id)}, "action": {"archived"}})
	if m, _ := s.store.ContactMessageByID(context.Background(), id); m.Status != contact.Archived {
		t.Errorf("after archiving: %q", m.Status)
	}
}

func TestPrivacyExportAndDelete(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	a, path := s.openArticle(t, "Privacy")
	contactPath := s.contactPage(t)
	reader := s.client(t)
	if res, _ := s.comment(t, reader, path, url.Values{"name": {"Zoe"}, "email": {"zoe@example.org"}, "body": {"My comment"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatal(res.StatusCode)
	}
	ctx := context.Background()
	held := s.storedComments(t, comment.Filter{})
	s.store.SetCommentsStatus(ctx, []int64{held[0].ID}, content.CommentApproved, time.Now())
	tok := s.formToken(t, reader, contactPath)
	if res, _ := s.postBody(t, reader, contactPath, url.Values{"token": {tok}, "name": {"Zoe"}, "email": {"zoe@example.org"}, "subject": {"Hi"}, "body": {"A tip"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatal(res.StatusCode)
	}
	admin := s.login(t, user.Admin)
	_, found := s.postBody(t, admin, "/admin/privacy/", url.Values{"email": {"ZOE@example.org"}, "action": {"find"}})
	if !strings.Contains(found, "1 comments and 1 contact messages") {
		t.Errorf("look-up does not count the data")
	}
	res, body := s.postBody(t, admin, "/admin/privacy/", url.Values{"email": {"zoe@example.org"}, "action": {"export"}})
	var out struct {
		Email    string
		Comments []struct{ Text, Article string }
		Messages []struct{ Subject, Text string } `json:"contact_messages"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || res.Header.Get("Content-Disposition") == "" {
		t.Fatalf("export: %v %q", err, body)
	}
	if out.Email != "zoe@example.org" || len(out.Comments) != 1 || out.Comments[0].Text != "My comment" || out.Comments[0].Article != "Privacy" ||
		len(out.Messages) != 1 || out.Messages[0].Text != "A tip" || strings.Contains(body, held[0].IPHash) {
		t.Errorf("export = %s", body)
	}
	if res := s.post(t, admin, "/admin/privacy/", url.Values{"email": {"zoe@example.org"}, "action": {"delete"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if left := s.storedComments(t, comment.Filter{Email: "zoe@example.org"}); len(left) != 0 {
		t.Error("comments left after deletion")
	}
	if left, _ := s.store.ContactMessages(ctx, "", "zoe@example.org", 10, 0); len(left) != 0 {
		t.Error("messages left after deletion")
	}
	if got, _ := s.store.ArticleByID(ctx, a.ID); got.CommentCount != 0 {
		t.Errorf("count after deletion = %d", got.CommentCount)
	}
	if res, _ := s.postBody(t, admin, "/admin/privacy/", url.Values{"email": {"zoe@example.org\r\nx"}, "action": {"delete"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a bad address: %d", res.StatusCode)
	}
}

func TestReaderSettingsAreValidated(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	admin := s.login(t, user.Admin)
	form := url.Values{comment.SettingCloseAfterDays: {"14"}, comment.SettingMaxDepth: {"2"}, comment.SettingTrustApproved: {"true"},
		"antispam_min_seconds": {"4"}, "antispam_max_links": {"1"}, "antispam_per_ip": {"5"}, "antispam_per_email": {"3"},
		"antispam_blocked_words": {"casino\nlottery"}, "antispam_blocked_addresses": {"@junk.example"}, contact.SettingPageGroup: {""},
		contact.SettingForwardTo: {"desk@example.org"}, comment.SettingIPRetentionDays: {"30"}}
	if res := s.post(t, admin, "/admin/comments/settings", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	st, err := s.comments.Settings(context.Background())
	if err != nil || st.CloseAfterDays != 14 || st.MaxDepth != 2 || len(st.AntispamPolicy.BlockedWords) != 2 || st.AntispamPolicy.MaxLinks != 1 {
		t.Errorf("settings = %+v %v", st, err)
	}
	form.Set(comment.SettingMaxDepth, "99")
	form.Set(contact.SettingForwardTo, "desk@example.org\r\nBcc: x@example.net")
	res, body := s.postBody(t, admin, "/admin/comments/settings", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "whole number from 1 to 10") {
		t.Errorf("bad settings: %d", res.StatusCode)
	}
	if v, _, _ := s.store.Setting(context.Background(), comment.SettingMaxDepth); v != "2" {
		t.Errorf("a refused form changed the setting to %q", v)
	}

	// A blocked word keeps the comment as spam, and the reader is told it is held.
	_, path := s.openArticle(t, "Blocked")
	res, _ = s.comment(t, s.client(t), path, url.Values{"name": {"Bot"}, "email": {"bot@example.org"}, "body": {"Win the lottery now"}})
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "posted=held") {
		t.Errorf("blocked word: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	spam := s.storedComments(t, comment.Filter{Status: content.CommentSpam})
	if len(spam) != 1 || spam[0].SpamReason != "blocked_word" {
		t.Errorf("spam = %+v", spam)
	}
	if got := s.mail.Pending(); len(got) != 0 {
		t.Errorf("spam sent %d notifications", len(got))
	}
}
