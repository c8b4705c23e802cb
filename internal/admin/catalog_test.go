package admin_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/i18n"
)

// TestAdminCatalogsHoldEveryKey reads the admin's templates and Go sources
// for translation keys (and the flash messages the structure screens
// redirect with) and checks that every language's catalog has each of them.
func TestAdminCatalogsHoldEveryKey(t *testing.T) {
	keyUse := regexp.MustCompile(`(?:\.T|\bT\(|\.N|\bN\() ?"([a-z_]+(?:\.[a-z_]+)+)"`)
	flash := regexp.MustCompile(`done\(w, r, [^\n]*?, "([a-z_]+)"\)|[?&]done=([a-z_]+)`)
	dynamic := regexp.MustCompile(`printf "(admin\.[a-z_.]+)%s"`)
	used := map[string]bool{}
	// Keys built with printf, and the values they are built from.
	expand := map[string][]string{
		"admin.menus.kind.":           {"link", "group", "edition"},
		"admin.settings.calendar_":    {"gregorian", "persian"},
		"admin.settings.digits_":      {"latn", "arab", "arabext"},
		"admin.settings.negotiation_": {"off", "banner", "redirect"},
		"admin.status.":               {"draft", "pending", "scheduled", "published"},
		"admin.role.":                 {"admin", "editor", "author", "contributor"},
		"admin.comments.tab.":         {"pending", "approved", "spam", "trash"},
		"admin.sections.kind_":        {"cartoon", "newspic", "album", "video"},
		"admin.sections.new_":         {"cartoon", "newspic", "album", "video"},
		"admin.sections.caption_":     {"cartoon", "newspic", "album", "video"},
		"admin.sections.image_":       {"cartoon", "newspic", "album", "video"},
	}
	files, _ := filepath.Glob("templates/*.html")
	gofiles, _ := filepath.Glob("*.go")
	for _, f := range append(files, gofiles...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		for _, m := range flash.FindAllStringSubmatch(string(b), -1) {
			used["admin.flash."+m[1]+m[2]] = true
		}
		for _, m := range dynamic.FindAllStringSubmatch(string(b), -1) {
			for _, v := range expand[m[1]] {
				used[m[1]+v] = true
			}
		}
	}
	// Refusals the structure services and the admin's own form checks give
	// carry catalog keys ("invalid.…"), shown in the admin's language.
	refuse := regexp.MustCompile(`(?:refuse|formProblem)\([^,]+, "([a-z_]+)"`)
	for _, f := range []string{"../content/structure.go", "../edition/service.go", "taxonomy.go", "pages.go", "settings.go", "../mediasection/mediasection.go", "../mediasection/external.go", "media_sections.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range refuse.FindAllStringSubmatch(string(b), -1) {
			used["invalid."+m[1]] = true
		}
	}
	for _, k := range []string{"invalid.category_loop", "invalid.time_zone", "invalid.active_content", "admin.structure.refused", "admin.flash.menu_moved", "admin.menus.kind.edition", "admin.settings.negotiation_redirect"} {
		if !used[k] {
			t.Fatalf("the scanner missed %q; it is broken", k)
		}
	}
	for _, lang := range i18n.Languages() {
		loc, err := i18n.New(lang, i18n.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if !loc.Has(k) {
				t.Errorf("catalog %s lacks %q", lang, k)
			}
		}
	}
}
