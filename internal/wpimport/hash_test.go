package wpimport

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
)

// hashList with a body encoded ahead gives the very hash hashOf gives, so
// items imported before stay unchanged.
func TestHashListIsHashOf(t *testing.T) {
	body := "<p>Tom & Jerry <b>\"quoted\"</b> \u2028 المدينة گزارش \x7f é</p>\n<script>x</script>"
	b, _ := json.Marshal(body)
	var none []int64
	vals := []any{"en", "slug", "Title <1>", "", body, content.Published, time.Unix(1700000000, 0).Unix(), int64(3),
		[]int64{4, 5}, []string{"a & b"}, int64(0), true, none, `{"sticky":true}`}
	want := hashOf(vals)
	withRaw := append([]any(nil), vals...)
	withRaw[4] = rawJSON(b)
	if got := hashList(withRaw...); got != want {
		t.Errorf("hashList with the body encoded ahead = %s, hashOf = %s", got, want)
	}
	if got := hashList(vals...); got != want {
		t.Errorf("hashList = %s, hashOf = %s", got, want)
	}
	it := &Item{}
	if _, ok := it.bodyJSON(body).(string); !ok {
		t.Error("an item not prepared ahead hashes its body as a string")
	}
	it.prep = &preparedText{body: body, bodyJSON: b}
	if _, ok := it.bodyJSON(body + "x").(string); !ok {
		t.Error("a body that differs from the prepared one was taken as prepared")
	}
}
