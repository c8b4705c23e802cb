package admin_test

import (
	"context"
	"fmt"
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

// TestStructureScreensInABrowser signs an administrator in, screenshots the
// menu editor and the settings form at desktop and phone widths in English
// and (with the account's admin language set to Persian) in right-to-left
// Persian, checks that nothing overflows sideways, and uses both screens as
// plain forms: a menu item moves, and a new site name shows on the site.
func TestStructureScreensInABrowser(t *testing.T) {
	t.Parallel()
	s := newStructure(t)
	ctx := context.Background()
	// A menu like the demo's in each edition.
	for _, ed := range []string{"en", "fa"} {
		names := map[string][]string{
			"en": {"Home", "Articles", "Media", "Cartoons", "Gallery", "Videos", "About us", "Editions"},
			"fa": {"خانه", "مقاله‌ها", "رسانه", "کاریکاتور", "گالری", "ویدئو", "دربارهٔ ما", "نسخه‌ها"},
		}[ed]
		add := func(label, kind, target string, parent int64) int64 {
			it := &content.MenuItem{Edition: ed, Label: label, Kind: kind, Target: target, ParentID: parent}
			must(t, s.content.AddMenuItem(ctx, it))
			return it.ID
		}
		add(names[0], content.MenuLink, "/", 0)
		add(names[1], content.MenuLink, "/articles/", 0)
		media := add(names[2], content.MenuGroup, "", 0)
		add(names[3], content.MenuLink, "/media/cartoons/", media)
		add(names[4], content.MenuLink, "/media/gallery/", media)
		add(names[5], content.MenuLink, "https://video.example.org/masthead", media)
		add(names[6], content.MenuLink, "/about-us/", 0)
		eds := add(names[7], content.MenuGroup, "", 0)
		other := map[string]string{"en": "fa", "fa": "en"}[ed]
		add("", content.MenuEdition, other, eds)
	}
	tab := browsertest.Tab(t, 120*time.Second)
	out := browsertest.OutputDir(t)
	// shot saves the whole page. Chromium's capture beyond the viewport
	// shifts right-to-left pages after a resize, so the viewport is made as
	// tall as the page for the capture instead.
	width := int64(1280)
	shot := func(name string) {
		t.Helper()
		h, err := chromedp.Run(tab, chromedp.Evaluate[int64](`document.documentElement.scrollHeight`))
		must(t, err)
		must(t, chromedp.Do(tab, chromedp.EmulateViewport(width, h)))
		b, err := chromedp.Run(tab, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		must(t, chromedp.Do(tab, chromedp.EmulateViewport(width, 900)))
		must(t, os.WriteFile(filepath.Join(out, "admin-"+name+".png"), b, 0o644))
	}
	err := chromedp.Do(tab,
		chromedp.Navigate(s.server.URL+"/admin/login"),
		chromedp.SetValue(chromedp.CSS("#email"), "admin@example.org"),
		chromedp.SetValue(chromedp.CSS("#password"), password),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(".bar-nav")),
	)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	// look visits a screen at a width, checks it and saves a screenshot.
	look := func(lang string, w int64, path, ready, name string) {
		t.Helper()
		width = w
		err := chromedp.Do(tab,
			chromedp.EmulateViewport(width, 900),
			chromedp.Navigate(s.server.URL+path),
			chromedp.WaitVisible(chromedp.CSS(ready)),
		)
		if err != nil {
			t.Fatalf("%s at %d: %v", path, width, err)
		}
		dir, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.documentElement.dir`))
		must(t, err)
		if want := map[string]string{"en": "ltr", "fa": "rtl"}[lang]; dir != want {
			t.Errorf("%s in %s: dir=%q, want %q", path, lang, dir, want)
		}
		wide, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		must(t, err)
		if wide > 0 {
			culprits, _ := chromedp.Run(tab, chromedp.Evaluate[string](`[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + "." + e.className).join(", ")`))
			t.Errorf("%s in %s at %d px is %d px wider than the screen (%s)", path, lang, width, wide, culprits)
		}
		shot(fmt.Sprintf("%s-%s-%d", name, lang, width))
	}
	for _, lang := range []string{"en", "fa"} {
		if lang == "fa" {
			must(t, s.store.SetLocale(ctx, s.users[user.Admin].ID, "fa"))
		}
		for _, w := range []int64{1280, 375} {
			look(lang, w, "/admin/menus/?edition="+lang, ".menu-tree", "menus")
			look(lang, w, "/admin/settings/?edition="+lang, ".settings-form", "settings")
		}
	}
	// The other structure screens, in Persian, for the record.
	look("fa", 1280, "/admin/categories/?edition=fa", ".structure-grid", "categories")
	look("fa", 1280, fmt.Sprintf("/admin/categories/%d/", s.category["fa"]), "#links-heading", "category")
	look("fa", 375, fmt.Sprintf("/admin/categories/%d/", s.category["fa"]), "#links-heading", "category")
	look("fa", 1280, "/admin/tags/?edition=en", ".row-list", "tags")
	look("fa", 375, "/admin/tags/?edition=en", ".row-list", "tags")
	look("fa", 1280, "/admin/authors/", ".table", "authors")
	look("fa", 1280, fmt.Sprintf("/admin/authors/%d/", s.author), ".group", "author")
	look("fa", 1280, "/admin/pages/?edition=en", ".table", "pages")
	look("fa", 1280, fmt.Sprintf("/admin/pages/%d/", s.page.ID), "#links-heading", "page")
	look("fa", 375, fmt.Sprintf("/admin/pages/%d/", s.page.ID), "#links-heading", "page")
	look("fa", 1280, fmt.Sprintf("/admin/menus/items/%d/", s.child.ID), "#links-heading", "menu-item")

	// The screens work as plain forms in a browser: move the Persian
	// "Articles" item up, then rename the Persian site.
	articles := s.menuItem(t, "fa", "مقاله‌ها")
	width = 1280
	err = chromedp.Do(tab,
		chromedp.EmulateViewport(width, 900),
		chromedp.Navigate(s.server.URL+"/admin/menus/?edition=fa"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#item-%d button[value="up"]`, articles.ID))),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.menuItem(t, "fa", "مقاله‌ها"); got.Position != 0 {
		t.Errorf("after clicking up, the item is at position %d", got.Position)
	}
	err = chromedp.Do(tab,
		chromedp.Navigate(s.server.URL+"/admin/settings/?edition=fa"),
		chromedp.SetValue(chromedp.CSS("#site_name"), "روزنامهٔ آزمایشی"),
		chromedp.SetValue(chromedp.CSS("#social_0_network"), "telegram"),
		chromedp.SetValue(chromedp.CSS("#social_0_label"), "تلگرام"),
		chromedp.SetValue(chromedp.CSS("#social_0_url"), "javascript:alert(1)"),
		chromedp.Click(chromedp.CSS(`.settings-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".alert")),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot("settings-refused-fa-1280")
	err = chromedp.Do(tab,
		chromedp.SetValue(chromedp.CSS("#social_0_url"), "https://t.me/masthead_fa"),
		chromedp.Click(chromedp.CSS(`.settings-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		chromedp.Navigate(s.server.URL+"/fa/"),
		chromedp.WaitVisible(chromedp.CSS(".site-footer")),
	)
	if err != nil {
		t.Fatal(err)
	}
	name, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS(".brand-name")))
	if err != nil || strings.TrimSpace(name) != "روزنامهٔ آزمایشی" {
		t.Errorf("the public Persian site is called %q (%v)", name, err)
	}
	shot("fa-home-after-settings")
}
