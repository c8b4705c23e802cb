package admin_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

// TestReaderCommentModeratedInABrowser: a reader posts a comment under an
// article (a first-time commenter, so it is held), an editor signs in and
// approves it in the moderation queue, and the count on the home page's
// card changes. Screenshots of the thread and form, the contact page and
// its confirmation, the queue and the inbox, on a desktop and a phone, in
// English and Persian, land in testoutput/screenshots/.
func TestReaderCommentModeratedInABrowser(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := browsertest.Tab(t, 120*time.Second)
	out := browsertest.OutputDir(t)
	bg := context.Background()
	shot := func(name, sel string) {
		t.Helper()
		var b []byte
		var err error
		if sel == "" {
			sel = "body" // the whole page, as PNG
		}
		b, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
		if err == nil {
			os.WriteFile(filepath.Join(out, "comments-"+name+".png"), b, 0o644)
		}
	}
	a, path := s.openArticle(t, "Volunteers clear the river")
	// An approved thread to look at, with a newsroom reply.
	first := &content.Comment{ArticleID: a.ID, AuthorName: "Priya Shah", AuthorEmail: "priya@example.org", Body: "We came with the children and stayed all day.",
		Status: content.CommentApproved, CreatedAt: time.Now().Add(-30 * time.Minute)}
	if err := s.store.AddComment(bg, first); err != nil {
		t.Fatal(err)
	}
	if _, err := s.comments.Reply(bg, first.ID, s.users[user.Editor], "Thank you for coming, Priya!"); err != nil {
		t.Fatal(err)
	}
	contactPath := s.contactPage(t)

	// The reader writes a comment.
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(s.server.URL+path),
		chromedp.WaitVisible(chromedp.CSS("#comment-body")),
		chromedp.SetValue(chromedp.CSS("#comment-name"), "Ada Lovelace"),
		chromedp.SetValue(chromedp.CSS("#comment-email"), "ada@example.org"),
		chromedp.SetValue(chromedp.CSS("#comment-body"), "A first comment from a new reader."),
	)
	if err != nil {
		t.Fatalf("filling in the comment form: %v", err)
	}
	shot("article-en-desktop", "#comments")
	s.formShift.Add(int64(5 * time.Second)) // the time a person takes to type
	if err := sendForm(ctx, ".comment-form button[type=submit]"); err != nil {
		t.Fatalf("posting the comment: %v", err)
	}
	msg, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".form-sent")))
	if !strings.Contains(msg, "waiting for an editor") {
		t.Errorf("the reader was told %q", msg)
	}
	shot("article-en-held", "#comments")
	home := func() string {
		t.Helper()
		err := chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/"), chromedp.WaitVisible(chromedp.CSS(".comments-link")))
		if err != nil {
			t.Fatal(err)
		}
		txt, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".comments-link")))
		return strings.TrimSpace(txt)
	}
	if got := home(); got != "2 comments" {
		t.Fatalf("home card before approval says %q", got)
	}

	// An editor approves it.
	err = chromedp.Do(ctx,
		chromedp.Navigate(s.server.URL+"/admin/login"),
		chromedp.SetValue(chromedp.CSS("#email"), "editor@example.org"),
		chromedp.SetValue(chromedp.CSS("#password"), password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".bar-nav")),
		chromedp.Click(chromedp.CSS(`.bar-nav a[href="/admin/comments/"]`)),
		chromedp.WaitVisible(chromedp.CSS(".comment-queue")),
	)
	if err != nil {
		t.Fatalf("opening the queue: %v", err)
	}
	shot("queue-en-desktop", "")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.comment-queue button[value^="approve:"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("approving: %v", err)
	}
	if got := home(); got != "3 comments" {
		t.Errorf("home card after approval says %q, want 3 comments", got)
	}

	// The contact page, its confirmation, and the inbox.
	err = chromedp.Do(ctx,
		chromedp.Navigate(s.server.URL+contactPath),
		chromedp.WaitVisible(chromedp.CSS("#contact-body")),
		chromedp.SetValue(chromedp.CSS("#contact-name"), "Helen Carter"),
		chromedp.SetValue(chromedp.CSS("#contact-email"), "helen@example.org"),
		chromedp.SetValue(chromedp.CSS("#contact-subject"), "Bus timetable"),
		chromedp.SetValue(chromedp.CSS("#contact-body"), "The new evening timetable leaves the hospital without a bus after nine."),
	)
	if err != nil {
		t.Fatalf("contact form: %v", err)
	}
	shot("contact-en-desktop", "")
	s.formShift.Add(int64(5 * time.Second))
	if err := sendForm(ctx, ".contact-form button[type=submit]"); err != nil {
		t.Fatalf("sending the contact form: %v", err)
	}
	shot("contact-en-sent", "")
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/admin/inbox/"), chromedp.WaitVisible(chromedp.CSS(".table")))
	if err != nil {
		t.Fatal(err)
	}
	shot("inbox-en-desktop", "")

	// Phone and right-to-left views.
	fa := &content.Article{Edition: "fa", Title: "داوطلبان رودخانه را پاک کردند", BodySource: "<p>متن.</p>", AuthorID: s.author,
		PrimaryCategoryID: s.category["fa"], Status: content.Published, PublishedAt: time.Now().Add(-time.Hour).UTC().Truncate(time.Second), CommentsOpen: true}
	if err := s.content.CreateArticle(bg, fa); err != nil {
		t.Fatal(err)
	}
	c1 := &content.Comment{ArticleID: fa.ID, AuthorName: "مریم احمدی", AuthorEmail: "maryam@example.org", Body: "من هم با دخترم آمده بودم. روز خوبی بود.",
		Status: content.CommentApproved, CreatedAt: time.Now().Add(-20 * time.Minute)}
	s.store.AddComment(bg, c1)
	s.store.AddComment(bg, &content.Comment{ArticleID: fa.ID, ParentID: c1.ID, AuthorName: "بهرام", AuthorEmail: "bahram@example.org", Body: "ممنون از همه.",
		Status: content.CommentApproved, CreatedAt: time.Now().Add(-10 * time.Minute)})
	faPath := "/fa" + fa.PublishedAt.In(mustZone(t, "Asia/Tehran")).Format("/2006/01/02/") + fa.Slug + "/"
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+faPath), chromedp.WaitVisible(chromedp.CSS("#comment-body")))
	if err != nil {
		t.Fatalf("Persian article: %v", err)
	}
	dir, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.comment-form')).direction`))
	if dir != "rtl" {
		t.Errorf("the Persian comment form runs %q", dir)
	}
	shot("article-fa-desktop", "#comments")
	err = chromedp.Do(ctx, chromedp.EmulateViewport(390, 900, chromedp.EmulateScale(2)), chromedp.Navigate(s.server.URL+faPath), chromedp.WaitVisible(chromedp.CSS("#comment-body")))
	if err != nil {
		t.Fatal(err)
	}
	shot("article-fa-phone", "#comments")
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+path), chromedp.WaitVisible(chromedp.CSS("#comment-body")))
	if err != nil {
		t.Fatal(err)
	}
	shot("article-en-phone", "#comments")
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+contactPath), chromedp.WaitVisible(chromedp.CSS("#contact-body")))
	if err != nil {
		t.Fatal(err)
	}
	shot("contact-en-phone", "")
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/admin/comments/?status=approved"), chromedp.WaitVisible(chromedp.CSS(".comment-queue")))
	if err != nil {
		t.Fatal(err)
	}
	shot("queue-en-phone", "")
	// The admin in Persian (the account's language).
	if err := s.store.SetLocale(bg, s.users[user.Editor].ID, "fa"); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.server.URL+"/admin/comments/?status=approved"), chromedp.WaitVisible(chromedp.CSS(".comment-queue")))
	if err != nil {
		t.Fatal(err)
	}
	shot("queue-fa-desktop", "")
	err = chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/admin/inbox/?status=read"), chromedp.WaitVisible(chromedp.CSS(".table")))
	if err != nil {
		t.Fatal(err)
	}
	shot("inbox-fa-desktop", "")
}
