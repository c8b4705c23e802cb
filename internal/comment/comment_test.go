package comment_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/content"
)

func TestIsOpen(t *testing.T) {
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	a := &content.Article{Status: content.Published, CommentsOpen: true, PublishedAt: now.Add(-10 * 24 * time.Hour)}
	st := comment.Settings{}
	if !st.IsOpen(a, now) {
		t.Error("an open article without automatic closing is closed")
	}
	st.CloseAfterDays = 14
	if !st.IsOpen(a, now) {
		t.Error("closed before the closing day")
	}
	st.CloseAfterDays = 7
	if st.IsOpen(a, now) {
		t.Error("still open after the closing day")
	}
	st.CloseAfterDays = 0
	a.CommentsOpen = false
	if st.IsOpen(a, now) {
		t.Error("an article with comments off is open")
	}
	a.CommentsOpen, a.Status = true, content.Draft
	if st.IsOpen(a, now) {
		t.Error("a draft takes comments")
	}
}

func TestCheckFields(t *testing.T) {
	name, email, site, body := "  Ada   Lovelace ", " ada@example.org ", "", "  Hello\r\nthere  "
	if err := comment.CheckFields(&name, &email, &site, &body); err != nil {
		t.Fatal(err)
	}
	if name != "Ada Lovelace" || email != "ada@example.org" || body != "Hello\nthere" {
		t.Errorf("tidied: %q %q %q", name, email, body)
	}
	fields := func(err error) map[string]bool {
		out := map[string]bool{}
		var list []error
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			list = j.Unwrap()
		}
		for _, e := range list {
			var ve *content.ValidationError
			if errors.As(e, &ve) {
				out[ve.Field] = true
			}
		}
		return out
	}
	name, email, site, body = "", "x@", "javascript:alert(1)", strings.Repeat("é", comment.MaxBody+1)
	got := fields(comment.CheckFields(&name, &email, &site, &body))
	for _, f := range []string{"name", "email", "url", "body"} {
		if !got[f] {
			t.Errorf("no problem reported for %s: %v", f, got)
		}
	}
	for _, bad := range []string{"a@b", "Ann <a@example.org>", "a@example.org\r\nBcc: b@example.org", "a b@example.org", ""} {
		if comment.CheckEmail(bad) == nil {
			t.Errorf("CheckEmail(%q) accepted", bad)
		}
	}
}

func TestReadSettingsDefaultsAndValues(t *testing.T) {
	vals := map[string]string{comment.SettingMaxDepth: "2", comment.SettingTrustApproved: "false", comment.SettingCloseAfterDays: "abc"}
	st, err := comment.ReadSettings(context.Background(), func(_ context.Context, n string) (string, bool, error) {
		v, ok := vals[n]
		return v, ok, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.MaxDepth != 2 || st.TrustApproved || st.CloseAfterDays != 0 || st.IPRetentionDays != 30 || st.AntispamPolicy.MinDelay != 3*time.Second {
		t.Errorf("settings = %+v", st)
	}
}
