// Package archtest checks the import rules of docs/architecture.md, so a
// change that breaks the layering fails the build's tests.
package archtest

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/masthead-news/masthead"

type pkg struct {
	ImportPath string
	Imports    []string
}

func packages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var list []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		list = append(list, p)
	}
	return list
}

// mayUseHTTP are domain packages that use net/http for something other than
// handlers: media sniffs content types, s3blob is an HTTP client of a bucket,
// and the test helpers serve and check Range requests and run an S3 server.
var mayUseHTTP = map[string]bool{"media": true, "media/s3blob": true, "media/s3blob/s3test": true, "media/blobtest": true}

func TestImportRules(t *testing.T) {
	internal := module + "/internal/"
	domains := []string{"edition", "content", "media", "user", "i18n", "demo/art", "feed", "sitemap", "readership", "shareimg", "mail", "search", "antispam", "comment", "contact", "wpimport", "mediasection", "newsletter", "publication"}
	rules := []struct {
		from   string // package path below internal/, or a prefix ending in "/"
		denied []string
		why    string
	}{
		{"web", []string{"store", "cli"}, "the web layer talks to domain interfaces, never to SQL"},
		{"wpapi", []string{"store", "web", "cli", "admin"}, "the REST API reads through its own Store interface and writes through the domain services"},
		{"store", []string{"web", "cli", "demo"}, "the store implements domains and knows nothing of HTTP"},
		{"i18n", []string{"*"}, "i18n imports nothing of ours"},
		{"edition", []string{"*"}, "edition imports nothing of ours"},
		{"antispam", []string{"*"}, "antispam imports nothing of ours, so every form can use it"},
		{"httpfront", []string{"*"}, "the HTTP front imports nothing of ours: the page cache reaches it as a function"},
	}
	for _, d := range domains {
		rules = append(rules, struct {
			from   string
			denied []string
			why    string
		}{d, []string{"store", "web", "cli", "net/http!"}, "domains own rules, not SQL or HTTP"})
	}
	for _, p := range packages(t) {
		rel := strings.TrimPrefix(p.ImportPath, internal)
		if rel == p.ImportPath {
			continue
		}
		for _, r := range rules {
			if rel != r.from && !strings.HasPrefix(rel, r.from+"/") {
				continue
			}
			if rel != r.from && (r.from == "i18n" || r.from == "edition") {
				continue
			}
			for _, imp := range p.Imports {
				for _, d := range r.denied {
					switch {
					case d == "*" && strings.HasPrefix(imp, module+"/"):
						t.Errorf("%s imports %s: %s", rel, imp, r.why)
					case d == "net/http!" && imp == "net/http" && !mayUseHTTP[rel]:
						t.Errorf("%s imports net/http: %s", rel, r.why)
					case d != "*" && d != "net/http!" && (imp == internal+d || strings.HasPrefix(imp, internal+d+"/")):
						t.Errorf("%s imports %s: %s", rel, imp, r.why)
					}
				}
			}
		}
	}
}
