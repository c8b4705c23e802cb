package storetest

import (
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/store"
)

// testMailOutbox: a stored message is claimed by one worker at a time, a
// claim whose lease ran out is taken again, retries wait, sent rows lose
// their body, counts add up, and none of it changes the page generation.
func testMailOutbox(t *testing.T, s *store.Store) {
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	g := s.Generation()
	msg := &mail.Message{To: []string{"Sara <sara@example.org>"}, Subject: "سلام", Text: "body", HTML: "<p>body</p>", Lang: "fa",
		Headers: []mail.Header{{Name: "List-Id", Value: "<news.example.org>"}}}
	a, err := s.EnqueueMail(ctx, msg, now)
	must(t, err)
	b, err := s.EnqueueMail(ctx, &mail.Message{To: []string{"b@example.org"}, Subject: "b", Text: "b"}, now.Add(time.Second))
	must(t, err)

	got, err := s.ClaimMail(ctx, "w1", now.Add(time.Minute), now.Add(6*time.Minute), 3, 1)
	must(t, err)
	if len(got) != 1 || got[0].ID != a || got[0].Attempts != 1 || got[0].Message.Subject != "سلام" || got[0].Message.HTML != "<p>body</p>" ||
		got[0].Message.Headers[0].Value != "<news.example.org>" || got[0].Message.To[0] != "Sara <sara@example.org>" {
		t.Fatalf("first claim: %+v", got)
	}
	got, err = s.ClaimMail(ctx, "w2", now.Add(time.Minute), now.Add(6*time.Minute), 3, 10)
	must(t, err)
	if len(got) != 1 || got[0].ID != b {
		t.Fatalf("a second worker must get only the unclaimed message: %+v", got)
	}
	st, err := s.MailStats(ctx)
	must(t, err)
	if st.Sending != 2 || st.Waiting() != 2 || !st.Oldest.Equal(now) {
		t.Fatalf("stats while sending: %+v", st)
	}
	// w1's lease runs out: w3 takes the message, and w1 can no longer finish it.
	got, err = s.ClaimMail(ctx, "w3", now.Add(7*time.Minute), now.Add(12*time.Minute), 3, 10)
	must(t, err)
	if len(got) != 2 || got[0].ID != a || got[0].Attempts != 2 {
		t.Fatalf("after the leases ran out: %+v", got)
	}
	if err := s.MailSent(ctx, a, "w1", now); err == nil {
		t.Fatal("a worker that lost its claim recorded a delivery")
	}
	must(t, s.MailSent(ctx, a, "w3", now.Add(8*time.Minute)))
	must(t, s.MailRetry(ctx, b, "w3", now.Add(20*time.Minute), "451 try later", now.Add(8*time.Minute)))
	if got, _ := s.ClaimMail(ctx, "w3", now.Add(19*time.Minute), now.Add(25*time.Minute), 3, 10); len(got) != 0 {
		t.Fatalf("a retry was claimed before its time: %+v", got)
	}
	got, err = s.ClaimMail(ctx, "w3", now.Add(20*time.Minute), now.Add(25*time.Minute), 3, 10)
	must(t, err)
	if len(got) != 1 || got[0].Attempts != 3 {
		t.Fatalf("the retry: %+v", got)
	}
	// The last try's worker dies: once its lease ends the message fails.
	if got, _ := s.ClaimMail(ctx, "w4", now.Add(26*time.Minute), now.Add(30*time.Minute), 3, 10); len(got) != 0 {
		t.Fatalf("a message out of tries was claimed: %+v", got)
	}
	st, err = s.MailStats(ctx)
	must(t, err)
	if st.Sent != 1 || st.Failed != 1 || st.Waiting() != 0 || !st.Oldest.IsZero() {
		t.Fatalf("final stats: %+v", st)
	}
	var n int
	must(t, s.QueryRowForTest(ctx, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'sent' AND message = ''", &n))
	if n != 1 {
		t.Error("a sent message keeps its body")
	}
	if err := s.MailFailed(ctx, b, "w4", "x", now); err == nil {
		t.Error("a worker marked a message it never claimed")
	}
	if s.Generation() != g {
		t.Error("outbox writes changed the page generation")
	}
}
