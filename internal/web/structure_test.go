package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/readership"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/web"
)

// TestStructureChangeVisibleOnNextRequest: the menus and category trees
// that the server keeps per write generation (structure.go) are read again
// on the request after any change, with the page cache on and off.
func TestStructureChangeVisibleOnNextRequest(t *testing.T) {
	for name, size := range map[string]int64{"cache off": 0, "cache on": 4 << 20} {
		t.Run(name, func(t *testing.T) {
			cs := newCacheSite(t, 2, func(d *web.Deps) { d.CacheBytes = size })
			ctx := context.Background()
			catPath := "/category/environment/"
			for _, label := range []string{"Dispatches", "Field notes"} {
				if err := cs.store.ReplaceMenu(ctx, "en", []*content.MenuItem{{Edition: "en", Label: label, Kind: content.MenuLink, Target: "/articles/"}}); err != nil {
					t.Fatal(err)
				}
				for _, path := range []string{"/", catPath} {
					res, body := cs.do(t, "GET", path)
					if res.StatusCode != 200 || !strings.Contains(string(body), ">"+label+"</a>") {
						t.Fatalf("%s after the menu changed to %q: status %d, menu not shown", path, label, res.StatusCode)
					}
				}
			}
			for _, heading := range []string{"Ecology", "Rivers and forests"} {
				cat, err := cs.store.CategoryBySlug(ctx, "en", "environment")
				if err != nil {
					t.Fatal(err)
				}
				cat.Name = heading
				if err := cs.content.SaveCategory(ctx, cat); err != nil {
					t.Fatal(err)
				}
				res, body := cs.do(t, "GET", catPath)
				if res.StatusCode != 200 || !strings.Contains(string(body), `<h1 class="listing-title">`+heading+"</h1>") {
					t.Fatalf("category renamed to %q: status %d, not shown on the next request", heading, res.StatusCode)
				}
				res, body = cs.do(t, "GET", "/")
				if !strings.Contains(string(body), ">"+heading+"</a>") {
					t.Fatalf("category renamed to %q: the home's cards still show the old name", heading)
				}
			}
			// A new category is found at once.
			sub := &content.Category{Edition: "en", Name: "Wetlands", ParentID: cs.category}
			if err := cs.content.SaveCategory(ctx, sub); err != nil {
				t.Fatal(err)
			}
			if res, _ := cs.do(t, "GET", "/category/wetlands/"); res.StatusCode != 200 {
				t.Fatalf("a new category: status %d on the next request", res.StatusCode)
			}
		})
	}
}

// TestMostReadFollowsReadsWithinAMinuteAndWritesAtOnce: the Most read list
// is kept between writes, but new read counts (which reach the store
// without a write) show within a minute, and an article taken down leaves
// the list on the next request.
func TestMostReadFollowsReadsWithinAMinuteAndWritesAtOnce(t *testing.T) {
	var clock atomic.Int64
	clock.Store(time.Now().UTC().Truncate(24 * time.Hour).Add(12 * time.Hour).UnixNano())
	cs := newCacheSite(t, 3, func(d *web.Deps) {
		d.CacheBytes = 0 // every page is rendered
		d.Now = func() time.Time { return time.Unix(0, clock.Load()).UTC() }
	})
	ctx := context.Background()
	now := time.Unix(0, clock.Load()).UTC()
	read := cs.publish(t, "The story everyone reads", now.Add(-3*time.Hour))
	widget := func() string {
		t.Helper()
		_, body := cs.do(t, "GET", "/articles/")
		i := strings.Index(string(body), `id="most-read-heading"`)
		if i < 0 {
			return ""
		}
		return string(body[i : i+strings.Index(string(body[i:]), "</section>")])
	}
	if strings.Contains(widget(), read.Title) {
		t.Fatal("an unread article is in Most read")
	}
	if err := cs.store.AddArticleViews(ctx, []readership.View{{Edition: "en", Slug: read.Slug, Day: readership.Day(now), Count: 40}}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(widget(), read.Title) {
		t.Fatal("the Most read list is not kept between writes: every page reads the counts again")
	}
	clock.Add(int64(mostReadWait))
	if !strings.Contains(widget(), read.Title) {
		t.Fatal("reads flushed a minute ago are not in Most read")
	}
	read.Status = content.Draft
	if err := cs.store.UpdateArticle(ctx, read); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(widget(), read.Title) {
		t.Fatal("an article taken down stays in Most read")
	}
}

// mostReadWait is how long a Most read list may lag behind the read counts.
const mostReadWait = time.Minute

// TestCommentSettingsChangeVisibleOnNextRequest: the comment settings kept
// per write generation are read again after a change: closing comments
// after a day closes the form under a day-old article on the next request.
func TestCommentSettingsChangeVisibleOnNextRequest(t *testing.T) {
	var cs *cacheSite
	cs = newCacheSite(t, 0, func(d *web.Deps) {
		guard, err := antispam.NewGuard([]byte("a secret of sixteen bytes or more"), d.Content.(*store.Store))
		if err != nil {
			t.Fatal(err)
		}
		d.CacheBytes = 0
		d.Comments = &comment.Service{Store: d.Content.(*store.Store), Guard: guard}
	})
	ctx := context.Background()
	a := &content.Article{Edition: "en", Title: "A story from two days ago", BodySource: "<p>Text.</p>", PrimaryCategoryID: cs.category, AuthorID: cs.author,
		Status: content.Published, PublishedAt: time.Now().UTC().Add(-48 * time.Hour).Truncate(time.Second), CommentsOpen: true}
	if err := cs.content.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	path := a.PublishedAt.Format("/2006/01/02/") + a.Slug + "/"
	for _, days := range []string{"0", "1", "0"} {
		if err := cs.store.SetSetting(ctx, comment.SettingCloseAfterDays, days); err != nil {
			t.Fatal(err)
		}
		res, body := cs.do(t, "GET", path)
		open, closed := strings.Contains(string(body), `id="comment-body"`), strings.Contains(string(body), "Comments are closed")
		if res.StatusCode != 200 || open != (days == "0") || closed == open {
			t.Fatalf("close after %s days: status %d, form shown %v, closed notice %v", days, res.StatusCode, open, closed)
		}
	}
}

// TestHomeLDFollowsSettingsAndOrigin: the home page's JSON-LD, kept with the
// site structure, carries the origin of each request when the site's URL
// comes from the Host header (a kept one never leaks to another host), and
// an edition's new description on the next request after it is saved.
func TestHomeLDFollowsSettingsAndOrigin(t *testing.T) {
	cs := newCacheSite(t, 2, func(d *web.Deps) { d.CacheBytes, d.BaseURL = 0, "" })
	ctx := context.Background()
	home := func(host string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		cs.srv.ServeHTTP(rec, httptest.NewRequest("GET", "http://"+host+"/", nil))
		if rec.Code != 200 {
			t.Fatalf("home on %s: %d", host, rec.Code)
		}
		for _, block := range strings.Split(rec.Body.String(), `<script type="application/ld+json">`)[1:] {
			if ld, _, _ := strings.Cut(block, "</script>"); strings.Contains(ld, `"@type":"WebSite"`) {
				return ld
			}
		}
		t.Fatalf("home on %s has no WebSite JSON-LD", host)
		return ""
	}
	for _, host := range []string{"a.example", "b.example", "a.example", "c.example:8080"} {
		ld := home(host)
		if !strings.Contains(ld, `"url":"http://`+host+`/"`) {
			t.Fatalf("JSON-LD on %s: %s", host, ld)
		}
	}
	for _, about := range []string{"Reporting from the river towns.", "News from the hills."} {
		eds, err := cs.store.Editions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		e := eds[0]
		e.Settings.Description = about
		if err := cs.store.SaveEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
		if err := cs.srv.ReloadEditions(ctx); err != nil {
			t.Fatal(err)
		}
		if ld := home("a.example"); !strings.Contains(ld, `"description":"`+about+`"`) {
			t.Fatalf("JSON-LD after the description became %q: %s", about, ld)
		}
	}
}
