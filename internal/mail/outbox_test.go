package mail_test

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s
}

// clock is a settable time for retry tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func quiet() *slog.Logger            { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
func stats(t *testing.T, o *mail.Outbox) mail.Stats {
	t.Helper()
	st, err := o.Status(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestOutboxKeepsMailUntilAServerIsConfigured(t *testing.T) {
	path := filepath.Join(t.TempDir(), "site.db")
	st := openStore(t, path)
	off := mail.NewOutbox(st, nil, quiet())
	msg := &mail.Message{To: []string{"sara@example.org"}, Subject: "Stored", Text: "Hello\n"}
	if err := off.Send(t.Context(), msg); err != nil {
		t.Fatal(err)
	}
	msg.Subject = "Changed after Send" // the outbox keeps its own copy
	if err := off.Send(t.Context(), &mail.Message{To: []string{"bad\r\nBcc: x@example.org"}, Subject: "x", Text: "x"}); !errors.Is(err, mail.ErrHeaderInjection) {
		t.Fatalf("a message that can never be sent was stored: %v", err)
	}
	off.Run(t.Context()) // returns at once: nothing is delivered without a server
	if got := stats(t, off); got.Queued != 1 || got.Waiting() != 1 || got.Oldest.IsZero() {
		t.Fatalf("without a server: %+v", got)
	}

	// Another process (a restart with --smtp-url) finds the message on disk.
	st.Close()
	st2 := openStore(t, path)
	srv := mailtest.Start(t, mailtest.Options{})
	on := mail.NewOutbox(st2, newSMTP(t, srv, "", ""), quiet())
	if n, err := on.RunOnce(t.Context()); err != nil || n != 1 {
		t.Fatalf("RunOnce: %d %v", n, err)
	}
	got := srv.Next(t)
	if parse(t, got.Data).Header.Get("Subject") != "Stored" || got.To[0] != "sara@example.org" {
		t.Errorf("received %q", got.Data)
	}
	if s := stats(t, on); s.Sent != 1 || s.Waiting() != 0 {
		t.Errorf("after sending: %+v", s)
	}
	var body string
	if err := st2.QueryRowForTest(t.Context(), "SELECT message FROM mail_outbox", &body); err != nil || body != "" {
		t.Errorf("a sent message's body is kept: %q %v", body, err)
	}
	if n, _ := on.RunOnce(t.Context()); n != 0 {
		t.Errorf("a sent message was claimed again")
	}
}

func TestOutboxRetriesWithBackoffAndGivesUpOn5xx(t *testing.T) {
	var mu sync.Mutex
	tries := map[string]int{}
	accepted := map[string]int{}
	srv := mailtest.Start(t, mailtest.Options{OnData: func(r mailtest.Received) error {
		mu.Lock()
		defer mu.Unlock()
		to := r.To[0]
		tries[to]++
		switch {
		case strings.HasPrefix(to, "gone"):
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
		case strings.HasPrefix(to, "busy") && tries[to] <= 2:
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
		}
		accepted[to]++
		return nil
	}})
	st := openStore(t, filepath.Join(t.TempDir(), "site.db"))
	c := &clock{t: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	o := mail.NewOutbox(st, newSMTP(t, srv, "", ""), quiet())
	o.Now, o.RetryBase, o.RetryMax = c.Now, time.Minute, time.Hour
	for _, to := range []string{"busy@example.org", "gone@example.org"} {
		if err := o.Send(t.Context(), &mail.Message{To: []string{to}, Subject: "x", Text: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	run := func(want int) {
		t.Helper()
		if n, err := o.RunOnce(t.Context()); err != nil || n != want {
			t.Fatalf("RunOnce claimed %d (%v), want %d", n, err, want)
		}
	}
	run(2) // busy: 451, retry in 1 minute; gone: 550, failed for good
	if s := stats(t, o); s.Queued != 1 || s.Failed != 1 {
		t.Fatalf("after the first round: %+v", s)
	}
	var lastErr string
	st.QueryRowForTest(t.Context(), "SELECT last_error FROM mail_outbox WHERE state = 'failed'", &lastErr)
	if !strings.Contains(lastErr, "550") {
		t.Errorf("the failure's reason: %q", lastErr)
	}
	c.Add(59 * time.Second)
	run(0) // not due yet
	c.Add(time.Second)
	run(1) // second 451: the next wait doubles
	c.Add(119 * time.Second)
	run(0)
	c.Add(time.Second)
	run(1)
	if s := stats(t, o); s.Sent != 1 || s.Failed != 1 || s.Waiting() != 0 {
		t.Fatalf("at the end: %+v", s)
	}
	if tries["busy@example.org"] != 3 || accepted["busy@example.org"] != 1 || tries["gone@example.org"] != 1 || accepted["gone@example.org"] != 0 {
		t.Errorf("tries %v, accepted %v", tries, accepted)
	}
}

func TestOutboxStopsAfterMaxAttemptsAndRetakesExpiredClaims(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{OnData: func(mailtest.Received) error {
		return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 0, 0}, Message: "closing"}
	}})
	st := openStore(t, filepath.Join(t.TempDir(), "site.db"))
	c := &clock{t: time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)}
	o := mail.NewOutbox(st, newSMTP(t, srv, "", ""), quiet())
	o.Now, o.RetryBase, o.RetryMax, o.MaxAttempts, o.Lease = c.Now, time.Minute, time.Minute, 3, 10*time.Minute
	o.Send(t.Context(), &mail.Message{To: []string{"a@example.org"}, Subject: "x", Text: "x"})

	// A worker that claims the message and dies: after its lease, the
	// message is due again, and that try counts.
	if q, err := st.ClaimMail(t.Context(), "dead-worker", c.Now(), c.Now().Add(10*time.Minute), 3, 10); err != nil || len(q) != 1 || q[0].Attempts != 1 {
		t.Fatalf("claim: %+v %v", q, err)
	}
	if n, _ := o.RunOnce(t.Context()); n != 0 {
		t.Fatal("a message under a live claim was taken")
	}
	c.Add(10 * time.Minute)
	for i := range 2 {
		if n, err := o.RunOnce(t.Context()); err != nil || n != 1 {
			t.Fatalf("try %d: %d %v", i+2, n, err)
		}
		c.Add(time.Minute)
	}
	if s := stats(t, o); s.Failed != 1 || s.Waiting() != 0 {
		t.Fatalf("after three transient failures: %+v", s)
	}
}

func TestBackoffDoublesUpToTheCap(t *testing.T) {
	var got []time.Duration
	for a := 1; a <= 6; a++ {
		got = append(got, mail.Backoff(30*time.Second, 4*time.Minute, a))
	}
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 4 * time.Minute, 4 * time.Minute}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("backoff %v, want %v", got, want)
		}
	}
}

func TestListHeaders(t *testing.T) {
	m := &mail.Message{To: []string{"a@example.org"}, Subject: "Issue", Text: "x", Headers: []mail.Header{
		{Name: "List-Unsubscribe", Value: "<https://news.example.org/newsletter/unsubscribe/?t=abc>"},
		{Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click"},
	}}
	c, err := mail.Compose(m, from(t), when)
	if err != nil {
		t.Fatal(err)
	}
	h := parse(t, c.Data).Header
	if h.Get("List-Unsubscribe") != "<https://news.example.org/newsletter/unsubscribe/?t=abc>" || h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("headers: %v", h)
	}
	for name, hd := range map[string]mail.Header{
		"Bcc is not an extra header":  {Name: "Bcc", Value: "victim@example.org"},
		"nor is Content-Type":         {Name: "Content-Type", Value: "text/html"},
		"a lower-case twin":           {Name: "list-unsubscribe", Value: "<https://x>"},
		"CRLF in a value":             {Name: "List-Unsubscribe", Value: "<https://x>\r\nBcc: victim@example.org"},
		"bare LF in a value":          {Name: "List-Id", Value: "News\nBcc: victim@example.org"},
		"8-bit bytes in a list value": {Name: "List-Id", Value: "اخبار <news.example.org>"},
	} {
		m := &mail.Message{To: []string{"a@example.org"}, Subject: "x", Text: "x", Headers: []mail.Header{hd}}
		if _, err := mail.Compose(m, from(t), when); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
