// Package xmltest validates XML documents in tests with xmllint (Debian's
// libxml2-utils) against the schemas in shared/fixtures/schemas, which CI
// clones beside the repository. Without xmllint or the schemas the tests
// that ask for them skip with a message; MASTHEAD_REQUIRE_XMLLINT=1 (set by
// .ci/run) makes them fail instead.
package xmltest

import (
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

//go:embed xhtml-link.xsd
var xhtmlLinkXSD []byte

func required() bool { return os.Getenv("MASTHEAD_REQUIRE_XMLLINT") == "1" }

func unavailable(t testing.TB, why string) {
	t.Helper()
	if required() {
		t.Fatalf("%s (MASTHEAD_REQUIRE_XMLLINT=1)", why)
	}
	t.Skipf("%s; install libxml2-utils to run this check (MASTHEAD_REQUIRE_XMLLINT=1 makes it fail instead)", why)
}

// SchemaDir finds shared/fixtures/schemas by walking up from the test's
// working directory.
func SchemaDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "fixtures", "schemas")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			unavailable(t, "no shared/fixtures/schemas folder above the test's directory")
			return ""
		}
		dir = parent
	}
}

// XMLLint gives the path of xmllint, or skips the test without it.
func XMLLint(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		unavailable(t, "xmllint is not installed")
	}
	return p
}

// Schema is the path of a schema file in shared/fixtures/schemas.
func Schema(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(SchemaDir(t), name)
	if _, err := os.Stat(p); err != nil {
		unavailable(t, "schema "+name+" is missing")
	}
	return p
}

// SitemapSchema writes a schema that checks a urlset with news, image and
// video children (shared/fixtures/schemas/sitemap-all.xsd) and hreflang
// alternates (xhtml:link, declared by this package's xhtml-link.xsd, since
// no shared schema declares it) and returns its path.
func SitemapSchema(t testing.TB) string {
	t.Helper()
	all := Schema(t, "sitemap-all.xsd")
	dir := t.TempDir()
	link := filepath.Join(dir, "xhtml-link.xsd")
	if err := os.WriteFile(link, xhtmlLinkXSD, 0o644); err != nil {
		t.Fatal(err)
	}
	wrapper := `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xsd:include schemaLocation="` + fileURI(all) + `"/>
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="` + fileURI(link) + `"/>
</xsd:schema>
`
	p := filepath.Join(dir, "sitemap-with-xhtml.xsd")
	if err := os.WriteFile(p, []byte(wrapper), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// fileURI makes a schemaLocation of an absolute path.
func fileURI(p string) string { return strings.ReplaceAll(filepath.ToSlash(p), " ", "%20") }

// ValidateXSD checks doc against an XML Schema; the error carries xmllint's
// messages.
func ValidateXSD(t testing.TB, schema string, doc []byte) error {
	t.Helper()
	return run(t, doc, "--schema", schema)
}

// ValidateRelaxNG checks doc against a RELAX NG schema in XML syntax.
func ValidateRelaxNG(t testing.TB, schema string, doc []byte) error {
	t.Helper()
	return run(t, doc, "--relaxng", schema)
}

// WellFormed checks that doc is well-formed XML.
func WellFormed(t testing.TB, doc []byte) error {
	t.Helper()
	return run(t, doc)
}

func run(t testing.TB, doc []byte, args ...string) error {
	t.Helper()
	lint := XMLLint(t)
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(lint, append(append([]string{"--noout", "--nonet"}, args...), f)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return &Error{Output: strings.TrimSpace(string(out)), Err: err}
	}
	return nil
}

// Error is a failed validation with xmllint's output.
type Error struct {
	Output string
	Err    error
}

func (e *Error) Error() string { return e.Err.Error() + ": " + e.Output }
