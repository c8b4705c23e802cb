package admin_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

func TestScheduledArticleAppearsWhenDue(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Editor)
	loc, _ := time.LoadLocation("Asia/Tehran")
	// datetime-local has minute precision: schedule for the next minute.
	due := time.Now().In(loc).Truncate(time.Minute).Add(time.Minute)
	v := articleForm(s, "fa", "کتاب‌خانهٔ شهر تا نیمه‌شب باز است", "schedule")
	v.Set("publish_at", due.Format("2006-01-02T15:04"))
	res := s.post(t, c, "/admin/articles/new", v)
	if res.StatusCode != 303 {
		t.Fatalf("schedule: %d", res.StatusCode)
	}
	_, home := s.get(t, s.client(t), "/fa/")
	if strings.Contains(home, "کتاب‌خانهٔ شهر") {
		t.Fatal("a scheduled article is visible before it is due")
	}
	// The scheduler's job, run with a clock past the due time; the public
	// site's clock moves on with it.
	s.offset = due.Add(time.Second).Sub(time.Now())
	svc := &content.Service{Store: s.store, Now: s.now}
	n, err := svc.PublishDue(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("PublishDue = %d, %v", n, err)
	}
	if n, _ := svc.PublishDue(context.Background()); n != 0 {
		t.Fatal("a second run published again")
	}
	_, home = s.get(t, s.client(t), "/fa/")
	if !strings.Contains(home, "کتاب‌خانهٔ شهر تا نیمه‌شب باز است") {
		t.Fatal("the due article is not on the Persian home page")
	}
}

func TestRevisionsRestoreTheOldText(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	c := s.login(t, user.Author)
	v := articleForm(s, "en", "River report", "draft")
	v.Set("body", "<p>The first version of the story.</p>")
	res := s.post(t, c, "/admin/articles/new", v)
	if res.StatusCode != 303 {
		t.Fatalf("create: %d", res.StatusCode)
	}
	loc := res.Header.Get("Location")
	var id int64
	fmt.Sscanf(loc, "/admin/articles/%d/", &id)
	v.Set("body", "<p>A rewritten second version.</p>")
	if res := s.post(t, c, fmt.Sprintf("/admin/articles/%d/", id), v); res.StatusCode != 303 {
		t.Fatalf("edit: %d", res.StatusCode)
	}
	_, page := s.get(t, c, fmt.Sprintf("/admin/articles/%d/revisions/", id))
	if !strings.Contains(page, "The first version of the story.") || !strings.Contains(page, "d-del") {
		t.Fatal("the revision list does not show the old text in a diff")
	}
	revs, err := s.store.Revisions(context.Background(), id)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions: %d %v", len(revs), err)
	}
	oldest := revs[len(revs)-1]
	if res := s.post(t, c, fmt.Sprintf("/admin/articles/%d/revisions/%d/restore", id, oldest.ID), url.Values{}); res.StatusCode != 303 {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	a, err := s.store.ArticleByID(context.Background(), id)
	if err != nil || !strings.Contains(a.BodySource, "The first version of the story.") || !strings.Contains(a.BodyHTML, "first version") {
		t.Fatalf("after restore: %q (%v)", a.BodySource, err)
	}
	// A revision of another article is not restorable here.
	other := s.article(t, user.Author, content.Draft, "Other")
	otherRevs := revsOf(t, s, other.ID)
	if len(otherRevs) > 0 {
		if res := s.post(t, c, fmt.Sprintf("/admin/articles/%d/revisions/%d/restore", id, otherRevs[0].ID), url.Values{}); res.StatusCode != 404 {
			t.Fatalf("restoring another article's revision: %d", res.StatusCode)
		}
	}
	// Autosave keeps text without changing the article.
	if res := s.post(t, c, fmt.Sprintf("/admin/articles/%d/autosave", id), url.Values{"title": {"River report"}, "body": {"<p>unsaved</p>"}}); res.StatusCode != 200 {
		t.Fatalf("autosave: %d", res.StatusCode)
	}
	a, _ = s.store.ArticleByID(context.Background(), id)
	if strings.Contains(a.BodySource, "unsaved") || len(revsOf(t, s, id)) != 4 {
		t.Fatal("autosave changed the article or kept no revision")
	}
}

func revsOf(t *testing.T, s *site, id int64) []content.Revision {
	t.Helper()
	r, err := s.store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPreviewShowsUnpublishedWorkAsReadersWillSeeIt(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	a := s.article(t, user.Editor, content.Draft, "A draft about bridges")
	c := s.login(t, user.Editor)
	res, body := s.get(t, c, fmt.Sprintf("/admin/articles/%d/preview", a.ID))
	if res.StatusCode != 200 || !strings.Contains(body, `<h1 class="article-title">A draft about bridges</h1>`) ||
		!strings.Contains(body, `<meta name="robots" content="noindex">`) || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("preview: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if res, _ := s.get(t, s.client(t), fmt.Sprintf("/admin/articles/%d/preview", a.ID)); res.StatusCode != 303 {
		t.Fatal("an anonymous visitor can preview")
	}
}
