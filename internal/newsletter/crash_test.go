package newsletter_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// The crash test's child process: the sender worker over the parent's
// SQLite file and SMTP server, until every recipient is done.
const helperEnv = "MASTHEAD_NEWSLETTER_SENDER_HELPER"

func TestHelperSender(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("the sender process of TestAThousandRecipientsGetOneCopyEachThroughAKill")
	}
	st, err := sqlite.Open(os.Getenv("HELPER_DB"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := mail.NewSMTP(os.Getenv("HELPER_SMTP"), "The Ledger <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	campaign, _ := strconv.ParseInt(os.Getenv("HELPER_CAMPAIGN"), 10, 64)
	svc := service(st, nil)
	w := &newsletter.Sender{Service: svc, SMTP: s, Rate: 5000, Lease: 2 * time.Second, Logger: quiet()}
	ctx := context.Background()
	for {
		p, err := svc.Progress(ctx, campaign)
		if err != nil {
			t.Fatal(err)
		}
		if p.Queued+p.Sending == 0 {
			return
		}
		n, err := w.RunOnce(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			time.Sleep(100 * time.Millisecond) // claims of the killed process: wait out their lease
		}
	}
}

// TestAThousandRecipientsGetOneCopyEachThroughAKill sends an issue to 1,000
// subscribers from a child process, SIGKILLs that process from inside the
// SMTP server's DATA handler when message 500 arrives (before the 250, so
// that copy was not accepted), starts a new child, and checks that every
// subscriber's copy was accepted exactly once.
func TestAThousandRecipientsGetOneCopyEachThroughAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes and sends 1,000 messages")
	}
	const total, killAt = 1000, 500
	var (
		mu       sync.Mutex
		arrived  int
		accepted = map[string]int{}
		child    *exec.Cmd
		killed   = make(chan struct{})
	)
	f := newFixture(t, mailtest.Options{OnData: func(r mailtest.Received) error {
		mu.Lock()
		defer mu.Unlock()
		arrived++
		if arrived == killAt {
			if err := child.Process.Kill(); err != nil { // SIGKILL: no deferred code, no clean-up
				t.Errorf("kill: %v", err)
			}
			close(killed)
			return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 0, 0}, Message: "the client is gone"}
		}
		for _, to := range r.To {
			accepted[to]++
		}
		return nil
	}})
	ctx := t.Context()
	subscribe(t, f.svc, "en", total)
	c, err := f.svc.SaveCampaign(ctx, 0, newsletter.CampaignInput{Edition: "en", Subject: "The big issue", ArticleIDs: []int64{f.en.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.svc.Start(ctx, c.ID); err != nil || n != total {
		t.Fatalf("start: %d %v", n, err)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSender$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperEnv+"=1", "HELPER_DB="+f.path, "HELPER_SMTP="+f.srv.URL("", ""), "HELPER_CAMPAIGN="+strconv.FormatInt(c.ID, 10))
		out := &lockedBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("child %d output:\n%s", cmd.Process.Pid, out.String())
			}
		})
		return cmd
	}
	mu.Lock()
	child = start()
	first := child
	mu.Unlock()
	err = first.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ProcessState.Success() {
		t.Fatalf("the first sender was not killed: %v", err)
	}
	<-killed
	mu.Lock()
	before := len(accepted)
	mu.Unlock()
	if before != killAt-1 {
		t.Fatalf("%d copies accepted before the kill, want %d", before, killAt-1)
	}
	mu.Lock()
	child = start()
	second := child
	mu.Unlock()
	done := make(chan error, 1)
	go func() { done <- second.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the second sender: %v", err)
		}
	case <-time.After(2 * time.Minute):
		second.Process.Kill()
		t.Fatal("the second sender did not finish")
	}
	mu.Lock()
	defer mu.Unlock()
	var missing, doubled []string
	for i := range total {
		addr := fmt.Sprintf("reader%04d@example.org", i)
		switch accepted[addr] {
		case 1:
		case 0:
			missing = append(missing, addr)
		default:
			doubled = append(doubled, addr)
		}
	}
	if len(missing) > 0 || len(doubled) > 0 || len(accepted) != total {
		t.Fatalf("%d recipients; missing %v; more than one copy %v", len(accepted), missing, doubled)
	}
	p, err := f.svc.Progress(ctx, c.ID)
	if err != nil || p.Sent != total || p.Total() != total {
		t.Fatalf("progress %+v %v", p, err)
	}
	if c, _ := f.svc.Campaign(ctx, c.ID); c.Status != newsletter.Done {
		t.Errorf("campaign %q", c.Status)
	}
	t.Logf("%d messages arrived, %d accepted, one copy each", arrived, len(accepted))
}

type lockedBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b = append(l.b, p...)
	return len(p), nil
}

func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return string(l.b) }
