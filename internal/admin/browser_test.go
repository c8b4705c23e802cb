package admin_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/masthead-news/masthead/internal/browsertest"
	"github.com/masthead-news/masthead/internal/content"
)

// TestEditorsDayInABrowser: an editor signs in, writes a Persian article with
// an uploaded image and caption, schedules it a few seconds ahead and sees it
// on /fa/ once due; restores an earlier revision; a contributor's attempt to
// publish is refused.
func TestEditorsDayInABrowser(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	ctx := browsertest.Tab(t, 90*time.Second)
	out := browsertest.OutputDir(t)
	shot := func(name string) {
		if b, err := chromedp.Run(ctx, chromedp.FullScreenshot(85)); err == nil {
			os.WriteFile(filepath.Join(out, "admin-"+name+".jpg"), b, 0o644)
		}
	}
	// The scheduler, as `masthead serve` runs it.
	schedCtx, stop := context.WithCancel(context.Background())
	defer stop()
	go func() {
		for schedCtx.Err() == nil {
			s.content.PublishDue(schedCtx)
			time.Sleep(200 * time.Millisecond)
		}
	}()
	img := filepath.Join(t.TempDir(), "city.png")
	if err := os.WriteFile(img, tinyPNG(), 0o644); err != nil {
		t.Fatal(err)
	}
	signIn := func(email string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(s.server.URL+"/admin/login"),
			chromedp.SetValue(chromedp.CSS("#email"), email),
			chromedp.SetValue(chromedp.CSS("#password"), password),
			chromedp.Submit(chromedp.CSS("#password")),
			chromedp.WaitVisible(chromedp.CSS(".bar-nav")),
		)
		if err != nil {
			t.Fatalf("sign in as %s: %v", email, err)
		}
	}
	signIn("editor@example.org")
	shot("dashboard")

	title := "کتاب‌خانهٔ مرکزی تا نیمه‌شب باز می‌ماند"
	// Due a few seconds ahead: on a busy machine filling the form can take
	// longer, and then the scheduler has rightly published it already.
	dueAt := time.Now().Add(8 * time.Second).Truncate(time.Second)
	due := dueAt.In(mustZone(t, "Asia/Tehran")).Format("2006-01-02T15:04:05")
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.server.URL+"/admin/articles/new?edition=fa"),
		chromedp.WaitVisible(chromedp.CSS("#title")),
		fill(map[string]string{
			"title": title, "body": "<p>کتاب‌خانه از این هفته شب‌ها باز است.</p>", "excerpt": "ساعت کار کتاب‌خانه بیشتر شد.",
			"category": fmt.Sprint(s.category["fa"]), "author": fmt.Sprint(s.author),
			"featured_alt": "نمای شبانهٔ کتاب‌خانه", "featured_caption": "سالن مطالعه در شب", "publish_at": due,
		}),
		chromedp.SetUploadFiles(chromedp.CSS("#featured_file"), []string{img}),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot("editor-fa")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[value="schedule"]`)), chromedp.WaitVisible(chromedp.CSS(".flash"))); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		t.Fatalf("scheduling: %v\n%s", err, body)
	}
	list, err := s.store.ListArticles(context.Background(), content.ArticleFilter{Edition: "fa", Limit: 5})
	if err != nil || len(list) != 1 || list[0].Featured == nil || list[0].FeaturedCaption != "سالن مطالعه در شب" ||
		(list[0].Status != content.Scheduled && !(list[0].Status == content.Published && !time.Now().Before(dueAt))) {
		t.Fatalf("stored article: %+v %v", list, err)
	}
	// Poll the public Persian home page until the article shows.
	found := false
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline) && !found; time.Sleep(500 * time.Millisecond) {
		home, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/fa/").then(r => r.text())`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		found = strings.Contains(home, title)
	}
	if !found {
		a, _ := s.store.ArticleByID(context.Background(), list[0].ID)
		t.Fatalf("the scheduled article never appeared on /fa/ (status %s, published %v, now %v)", a.Status, a.PublishedAt, time.Now().UTC())
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/fa/"), chromedp.WaitVisible(chromedp.CSS(".site-footer"))); err == nil {
		shot("fa-home-after-publish")
	}

	// Edit, then restore the first revision.
	id := list[0].ID
	err = chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/admin/articles/%d/", s.server.URL, id)),
		chromedp.WaitVisible(chromedp.CSS("#body")),
		fill(map[string]string{"body": "<p>متن تازه و کاملاً متفاوت.</p>"}),
		chromedp.Click(chromedp.CSS(`button[value="draft"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.Navigate(fmt.Sprintf("%s/admin/articles/%d/revisions/", s.server.URL, id)),
		chromedp.WaitVisible(chromedp.CSS(".revision")),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot("revisions")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.revision:last-of-type button`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	body, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#body")))
	if err != nil || !strings.Contains(body, "کتاب‌خانه از این هفته شب‌ها باز است.") {
		t.Fatalf("after restoring, the editor shows %q (%v)", body, err)
	}

	// A contributor's attempt to publish is refused.
	if err := chromedp.Do(ctx, chromedp.Navigate(s.server.URL+"/admin/"), chromedp.Click(chromedp.CSS(".bar-user button")), chromedp.WaitVisible(chromedp.CSS("#email"))); err != nil {
		t.Fatal(err)
	}
	signIn("contributor@example.org")
	err = chromedp.Do(ctx,
		chromedp.Navigate(s.server.URL+"/admin/articles/new?edition=en"),
		chromedp.WaitVisible(chromedp.CSS("#title")),
	)
	if err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('button[value="publish"]').length`))
	if err != nil || n != 0 {
		t.Fatalf("the contributor's form offers %d publish buttons (%v)", n, err)
	}
	before := s.count(t)
	// Forge the missing button, as a curious contributor could.
	err = chromedp.Do(ctx,
		fill(map[string]string{"title": "I want to publish this", "category": fmt.Sprint(s.category["en"])}),
		chromedp.Evaluate[chromedp.Void](`(() => { const b = document.createElement("button"); b.name = "action"; b.value = "publish"; b.id = "forged"; document.querySelector("form.editor").append(b); })()`),
		chromedp.Click(chromedp.CSS("#forged")),
		chromedp.WaitVisible(chromedp.CSS(".error-code")),
	)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(text, "Your role does not allow this action.") || s.count(t) != before {
		t.Fatalf("contributor publish: %q, articles %d → %d", text, before, s.count(t))
	}
	shot("contributor-refused")

}

// fill sets form fields by id in one script once the page has loaded, so a
// busy machine cannot interleave the page's own scripts between fields.
func fill(fields map[string]string) chromedp.Action[chromedp.Void] {
	js, _ := json.Marshal(fields)
	return chromedp.Evaluate[chromedp.Void](`new Promise(done => {
		const go = () => { for (const [id, v] of Object.entries(`+string(js)+`)) document.getElementById(id).value = v; done(); };
		document.readyState === "complete" ? go() : addEventListener("load", go);
	})`, chromedp.EvalAwaitPromise)
}

func mustZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
