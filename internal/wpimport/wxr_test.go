package wpimport

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fixtureDir finds shared/fixtures/wordpress/wordpress-importer by walking up
// from the test's directory (the shared folder sits beside the checkout).
func fixtureDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "fixtures", "wordpress", "wordpress-importer")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no shared/fixtures/wordpress folder above the test's directory")
		}
		dir = parent
	}
}

// readCounts reads a file with the streaming reader and counts what the
// fixtures' README counts.
func readCounts(t *testing.T, path string, lenient bool) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewReader(f, lenient)
	c := map[string]int{}
	for {
		v, err := r.Next()
		if err == io.EOF {
			return c, nil
		}
		if err != nil {
			return c, err
		}
		switch x := v.(type) {
		case *Author:
			c["authors"]++
		case *Term:
			switch x.Element {
			case "category":
				c["categories"]++
			case "tag":
				c["tags"]++
			default:
				c["terms"]++
			}
		case *Item:
			c["comments"] += len(x.Comments)
			switch x.Type {
			case "post":
				c["posts"]++
			case "page":
				c["pages"]++
			case "attachment":
				c["attachments"]++
			default:
				c["other"]++
			}
		}
	}
}
