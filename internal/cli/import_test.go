package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func wpFixture(t *testing.T, name string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		cand := filepath.Join(dir, "shared", "fixtures", "wordpress", "wordpress-importer", name)
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		t.Skip("no shared/fixtures/wordpress above the test's directory")
	}
}

func TestImportFlagErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	file := wpFixture(t, "wxr-simple.xml")
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no source":         {[]string{"import"}, "name what to import"},
		"unknown source":    {[]string{"import", "joomla", file}, `knows only wordpress, not "joomla"`},
		"no file":           {[]string{"import", "wordpress", "--data", dir}, "name the export file"},
		"missing file":      {[]string{"import", "wordpress", filepath.Join(dir, "nope.xml"), "--data", dir}, "is not a readable export file"},
		"bad uploads":       {[]string{"import", "wordpress", file, "--uploads", filepath.Join(dir, "nope"), "--data", dir}, "--uploads"},
		"unknown flag":      {[]string{"import", "wordpress", file, "--site", "x"}, "flag provided but not defined: -site"},
		"two files":         {[]string{"import", "wordpress", file, "--data", dir, "other.xml"}, `unexpected argument "other.xml"`},
		"bad category base": {[]string{"import", "wordpress", file, "--category-base", "to pics", "--data", dir}, `--category-base "to pics" is not a base`},
		"empty tag base":    {[]string{"import", "wordpress", file, "--tag-base", "/", "--data", dir}, "--tag-base is empty"},
		"clashing base":     {[]string{"import", "wordpress", file, "--tag-base", "category", "--data", dir}, "clashes with Masthead's own /category/ URLs"},
		"same bases":        {[]string{"import", "wordpress", file, "--category-base", "topics", "--tag-base", "topics/", "--data", dir}, "both \"topics\""},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := run(t, nil, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Fatalf("exit %d, stderr %q; want 2 and one line with %q", code, stderr, tc.want)
			}
		})
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := run(t, nil, "import", "wordpress", wpFixture(t, "small-export.xml"), "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"In the export: 3 authors, 30 categories, 3 tags, 6 posts, 5 pages, 1 comments", "Created:", "6 articles", "5 pages"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "import: pass 2/2") {
		t.Errorf("no plain progress lines off a terminal: %q", stderr)
	}
	// A second run changes nothing and says so.
	if code, out, _ = run(t, nil, "import", "wordpress", wpFixture(t, "small-export.xml"), "--data", dir); code != 0 || !strings.Contains(out, "Nothing changed") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	// A broken file: exit 1, one line with the line number.
	code, _, stderr = run(t, nil, "import", "wordpress", wpFixture(t, "malformed.xml"), "--data", dir, "--edition", "en")
	if code != 1 || !strings.Contains(stderr, "line 90:") || !strings.Contains(stderr, "nothing was changed") {
		t.Errorf("malformed file: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, nil, "import", "wordpress", wpFixture(t, "wxr-simple.xml"), "--data", dir, "--edition", "xx")
	if code != 1 || !strings.Contains(stderr, `--edition "xx" is not an edition`) {
		t.Errorf("unknown edition: exit %d, stderr %q", code, stderr)
	}
}

// The bases named on the command line are the ones the old URLs are
// recorded under, and the summary says which were used.
func TestImportCategoryAndTagBases(t *testing.T) {
	dir := t.TempDir()
	file := wpFixture(t, "small-export.xml")
	code, out, stderr := run(t, nil, "import", "wordpress", file, "--data", dir)
	if code != 0 || !strings.Contains(out, "Old category URLs are under /category/, tag URLs under /tag/ (WordPress's defaults;") {
		t.Fatalf("exit %d, %s\n%s", code, stderr, out)
	}
	dir = t.TempDir()
	code, out, stderr = run(t, nil, "import", "wordpress", file, "--data", dir, "--category-base", "/Topics/", "--tag-base", "label")
	if code != 0 || !strings.Contains(out, "Old category URLs are under /topics/, tag URLs under /label/.\n") {
		t.Fatalf("exit %d, %s\n%s", code, stderr, out)
	}
}
