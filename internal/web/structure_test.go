package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
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
