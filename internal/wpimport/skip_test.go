package wpimport

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads every entity of an export, as the first pass (skipText)
// or the second does, with the bodies taken out before the decoder
// (bypass) or not, and the error that ended the reading (nil at the end of
// a good file).
func readAll(r io.Reader, lenient, skipText, bypass bool) ([]any, error) {
	rd := newReader(r, lenient, skipText, bypass)
	var out []any
	for {
		v, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
}

// sameReading checks that taking the bodies out before the decoder reads
// exactly what the decoder reads from every byte, in both passes, with the
// same error (line and reason), whatever the size of the reads.
func sameReading(t *testing.T, name string, data []byte) {
	t.Helper()
	for _, lenient := range []bool{false, true} {
		for _, skipText := range []bool{true, false} {
			want, wantErr := readAll(strings.NewReader(string(data)), lenient, skipText, false)
			for _, chunked := range []bool{false, true} {
				var r io.Reader = strings.NewReader(string(data))
				if chunked {
					r = iotest.OneByteReader(r)
				}
				got, gotErr := readAll(r, lenient, skipText, true)
				how := fmt.Sprintf("%s (lenient %v, first pass %v, one byte at a time %v)", name, lenient, skipText, chunked)
				if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
					t.Errorf("%s: error %v, want %v", how, gotErr, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: read differs (%d entities, want %d)", how, len(got), len(want))
					for i := range min(len(got), len(want)) {
						if !reflect.DeepEqual(got[i], want[i]) {
							t.Logf("first difference, entity %d:\n got %+v\nwant %+v", i, got[i], want[i])
							break
						}
					}
				}
			}
		}
	}
}

func TestContentSkipperReadsWhatTheDecoderReads(t *testing.T) {
	dir := fixtureDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameReading(t, filepath.Base(f), data)
	}
	head := `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title><link>https://x.example</link><wp:wxr_version>1.2</wp:wxr_version>
`
	item := func(body string) string {
		return "<item><title>A</title><content:encoded><![CDATA[" + body + "]]></content:encoded>\n<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>\n"
	}
	for name, doc := range map[string]string{
		"bodies over lines":      head + item("<p>one\ntwo\n\nthree</p>") + item("") + item("]]") + "</channel></rss>\n",
		"control character":      head + item("<p>one\ntwo \x01 three</p>") + "</channel></rss>\n",
		"U+FFFF":                 head + item("a\nb \uFFFF c") + "</channel></rss>\n",
		"U+FFFE":                 head + item("a\n\n\uFFFEc") + "</channel></rss>\n",
		"not closed":             head + "<item><title>A</title><content:encoded><![CDATA[a\nb\nc",
		"mismatched after":       head + item("x\ny") + "<item><title>B</title></itm></channel></rss>\n",
		"nested CDATA":           head + item("a <![CDATA[ b ]]> c\n") + "</channel></rss>\n",
		"entity-encoded body":    head + "<item><content:encoded>&lt;p&gt;a&lt;/p&gt;\n</content:encoded><wp:post_type>post</wp:post_type></item></channel></rss>\n",
		"marker outside an item": head + "<wp:author><wp:author_login><![CDATA[<content:encoded><![CDATA[x]]></wp:author_login></wp:author></channel></rss>\n",
		"marker in a comment":    head + "<!-- <content:encoded><![CDATA[ -->" + item("a\nb") + "</channel></rss>\n",
		"carriage returns":       head + item("a\r\nb\rc\r\n\r\n") + "</channel></rss>\n",
		"text after the section": head + "<item><content:encoded><![CDATA[a\nb]]> and more &amp; <![CDATA[c]]></content:encoded><wp:post_type>post</wp:post_type></item></channel></rss>\n",
		"not UTF-8":              head + item("a\nb \xff c\n") + "</channel></rss>\n",
		"all on one line":        strings.ReplaceAll(head+item("x")+item("y")+"<item><excerpt:encoded><![CDATA[e]]></excerpt:encoded><content:encoded><![CDATA[z]]></content:encoded><wp:post_type>post</wp:post_type></item></channel></rss>", "\n", ""),
		"Arabic and Persian":     head + item("<p>المدينة النهر \n گزارش انرژی</p>") + "</channel></rss>\n",
	} {
		sameReading(t, name, []byte(doc))
	}
}
