package wpimport_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/wpimport"
)

func skippedMenus(sum *wpimport.Summary) map[string]wpimport.Skip {
	out := map[string]wpimport.Skip{}
	for _, s := range sum.Skipped {
		if s.Kind == "menu" {
			out[s.ID] = s
		}
	}
	return out
}

// The theme unit test has five menus and no hint of the main one: the
// largest becomes the edition's menu, and each of the others is reported
// with its name, its size, its line and why.
func TestEveryMenuImportedOrReported(t *testing.T) {
	s := newSite(t)
	sum, err := s.imp.Import(context.Background(), fixture(t, "theme-unit-test-data.xml"))
	if err != nil {
		t.Fatal(err)
	}
	got := skippedMenus(sum)
	var ids []string
	for id := range got {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if strings.Join(ids, " ") != "all-pages all-pages-flat short social-menu" {
		t.Fatalf("skipped menus %v, want every menu but testing-menu", ids)
	}
	if sk := got["social-menu"]; sk.Title != "Social menu (5 entries)" || sk.Line == 0 ||
		!strings.Contains(sk.Reason, `no footer or secondary menu, and took "Testing Menu" as the main menu`) {
		t.Errorf("social menu reported as %+v", sk)
	}
	if sum.Created["menus"] != 1 {
		t.Errorf("created menus: %d, want 1", sum.Created["menus"])
	}
	if n := s.count(t, "SELECT COUNT(*) FROM menu_items WHERE edition = 'en' AND parent_id IS NULL AND label = 'Depth'"); n != 1 {
		t.Error("the Testing Menu is not the edition's menu")
	}
}

// A menu named as the main one is taken over a larger footer menu.
func TestMainMenuChosenByName(t *testing.T) {
	s := newSite(t)
	file := exportWith(t,
		menuSpec{"footer-links", "Footer links", []string{"https://a.example/", "https://b.example/", "https://c.example/", "https://d.example/"}},
		menuSpec{"menu-principal", "Menu principal", []string{"/site/topics/world/", "https://e.example/"}},
		menuSpec{"empty", "Broken", []string{""}},
	)
	sum, err := s.imp.Import(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(menuTargets(t, s), " "), "/category/world/ https://e.example/"; got != want {
		t.Errorf("menu %q, want the principal menu %q", got, want)
	}
	got := skippedMenus(sum)
	if sk := got["footer-links"]; !strings.Contains(sk.Reason, `took "Menu principal" as the main menu`) || sk.Title != "Footer links (4 entries)" {
		t.Errorf("footer menu reported as %+v", sk)
	}
	if sk := got["empty"]; sk.Reason == "" {
		t.Errorf("the menu whose entries all failed is not reported: %+v", sum.Skipped)
	}
}

// An import replaces the edition's menu only while it is empty or as the
// last import left it; a menu edited in Masthead stays, and is reported.
func TestMenuReplacedOnlyIfUnchangedSinceImport(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	svc := &content.Service{Store: s.store}
	first := exportWith(t, menuSpec{"main", "Main", []string{"https://a.example/", "https://b.example/"}})
	if _, err := s.imp.Import(ctx, first); err != nil {
		t.Fatal(err)
	}
	newer := exportWith(t, menuSpec{"main", "Main", []string{"https://a.example/", "https://b.example/", "https://c.example/"}})
	sum, err := s.imp.Import(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated["menus"] != 1 || len(menuTargets(t, s)) != 3 {
		t.Fatalf("a newer export did not update the untouched menu: updated %v, targets %v", sum.Updated, menuTargets(t, s))
	}
	// An editor changes the menu in Masthead.
	if err := svc.SetMenu(ctx, "en", []*content.MenuItem{{Label: "Ours", Kind: content.MenuLink, Target: "/articles/"}}); err != nil {
		t.Fatal(err)
	}
	latest := exportWith(t, menuSpec{"main", "Main", []string{"https://z.example/"}})
	sum, err = s.imp.Import(ctx, latest)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(menuTargets(t, s), " "); got != "/articles/" {
		t.Errorf("the edited menu was replaced: %q", got)
	}
	if sk := skippedMenus(sum)["main"]; !strings.Contains(sk.Reason, "changed in Masthead since the last import") {
		t.Errorf("the kept menu is not reported: %+v", sum.Skipped)
	}
	before := s.checksum(t)
	if again, err := s.imp.Import(ctx, latest); err != nil || again.Changed || s.checksum(t) != before {
		t.Errorf("importing the same export again changed things (err %v)", err)
	}
	// Emptied, it takes WordPress's again.
	if err := svc.SetMenu(ctx, "en", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.imp.Import(ctx, latest); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(menuTargets(t, s), " "); got != "https://z.example/" {
		t.Errorf("the emptied menu was not filled: %q", got)
	}
}

// Menu paths are relative to the menu's edition: importing into another
// edition than the default does not double its prefix.
func TestMenuInAnotherEdition(t *testing.T) {
	s := newSite(t)
	s.imp.Edition = "ar"
	if _, err := s.imp.Import(context.Background(), fixture(t, "theme-unit-test-data.xml")); err != nil {
		t.Fatal(err)
	}
	if n := s.count(t, "SELECT COUNT(*) FROM menu_items WHERE edition = 'ar' AND target LIKE '/%'"); n == 0 {
		t.Fatal("no site paths in the Arabic menu")
	}
	if n := s.count(t, "SELECT COUNT(*) FROM menu_items WHERE edition = 'ar' AND target LIKE '/ar/%'"); n != 0 {
		t.Errorf("%d menu paths carry the edition's own prefix", n)
	}
}
