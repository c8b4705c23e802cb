package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/mail"
	"os"
	"strconv"
	"time"
)

// Queued is one message of the outbox as a worker claimed it.
type Queued struct {
	ID       int64
	Message  Message
	Attempts int // tries so far, this one included
}

// Stats counts the outbox's messages by state.
type Stats struct {
	Queued  int // waiting for their first or next try
	Sending int // claimed by a worker right now (or by one that died)
	Sent    int
	Failed  int       // refused for good, or out of tries
	Oldest  time.Time // when the oldest waiting message was queued; zero when none waits
}

// Waiting is how many messages have not gone out yet.
func (s Stats) Waiting() int { return s.Queued + s.Sending }

// Store keeps the outbox. Claims must be safe when several nodes run
// workers: a message is claimed by one worker at a time, and a claim whose
// lease ran out (the worker died) may be taken again.
type Store interface {
	// EnqueueMail stores m; when it returns, m is on disk.
	EnqueueMail(ctx context.Context, m *Message, at time.Time) (int64, error)
	// ClaimMail marks up to limit due messages as being sent by worker
	// until leaseUntil and counts the try.
	ClaimMail(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts, limit int) ([]Queued, error)
	// MailSent records the delivery (and drops the body, which may hold a
	// reset link or an address nobody needs any more).
	MailSent(ctx context.Context, id int64, worker string, at time.Time) error
	// MailRetry puts a claimed message back to wait until notBefore.
	MailRetry(ctx context.Context, id int64, worker string, notBefore time.Time, reason string, at time.Time) error
	// MailFailed gives a message up for good.
	MailFailed(ctx context.Context, id int64, worker string, reason string, at time.Time) error
	MailStats(ctx context.Context) (Stats, error)
}

// Outbox is the durable Sender: Send stores the message and returns; Run
// claims due messages and delivers them through SMTP, retrying transient
// failures with exponential backoff and giving up on a 5xx refusal or
// after MaxAttempts tries. Without SMTP, messages wait in the database
// until a node with a mail server configured sends them.
type Outbox struct {
	Store Store
	SMTP  *SMTP // nil: nothing is delivered, messages wait
	// MaxAttempts bounds the tries of one message (default 8).
	MaxAttempts int
	// RetryBase is the wait after the first failed try; each further
	// failure doubles it, up to RetryMax (defaults 30s and 6h).
	RetryBase, RetryMax time.Duration
	// Lease is how long a claim holds before another worker may take the
	// message (default 5 minutes, well above an SMTP transaction).
	Lease time.Duration
	// Poll is how often an idle worker looks for due messages (default 5s);
	// Send wakes a worker of this process at once.
	Poll   time.Duration
	Logger *slog.Logger
	Now    func() time.Time

	worker string
	wake   chan struct{}
}

// NewOutbox makes an outbox over st, delivering through s (nil: none).
func NewOutbox(st Store, s *SMTP, logger *slog.Logger) *Outbox {
	if logger == nil {
		logger = slog.Default()
	}
	return &Outbox{Store: st, SMTP: s, Logger: logger, worker: WorkerName("mail"), wake: make(chan struct{}, 1)}
}

// WorkerName names a worker of this process for claims: host, pid and a
// random part, so a restarted process never mistakes an old claim for its own.
func WorkerName(kind string) string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return kind + "@" + host + ":" + strconv.Itoa(os.Getpid()) + ":" + hex.EncodeToString(b)
}

// Configured reports whether this outbox delivers mail.
func (o *Outbox) Configured() bool { return o.SMTP != nil }

// Status counts the outbox's messages.
func (o *Outbox) Status(ctx context.Context) (Stats, error) { return o.Store.MailStats(ctx) }

func (o *Outbox) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// placeholderFrom stands in for the sender when no server is configured,
// so a message is checked the same way before it is stored.
var placeholderFrom = &mail.Address{Address: "outbox@masthead.invalid"}

// Send checks m (recipients, header values) and stores a copy. A message
// that could never be composed is refused here, not found out later.
func (o *Outbox) Send(ctx context.Context, m *Message) error {
	from := placeholderFrom
	if o.SMTP != nil {
		from = o.SMTP.From
	}
	if _, err := Compose(m, from, o.now()); err != nil {
		return err
	}
	if _, err := o.Store.EnqueueMail(ctx, m, o.now()); err != nil {
		return err
	}
	select {
	case o.wake <- struct{}{}:
	default:
	}
	return nil
}

func (o *Outbox) defaults() {
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 8
	}
	if o.RetryBase <= 0 {
		o.RetryBase = 30 * time.Second
	}
	if o.RetryMax <= 0 {
		o.RetryMax = 6 * time.Hour
	}
	if o.Lease <= 0 {
		o.Lease = 5 * time.Minute
	}
	if o.Poll <= 0 {
		o.Poll = 5 * time.Second
	}
	if o.worker == "" {
		o.worker = WorkerName("mail")
	}
	if o.wake == nil {
		o.wake = make(chan struct{}, 1)
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// Backoff is the wait before the next try after attempt failed tries:
// base, 2·base, 4·base … never more than max.
func Backoff(base, max time.Duration, attempt int) time.Duration {
	d := base
	for i := 1; i < attempt && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

// Run delivers due messages until ctx ends. Without SMTP it returns at
// once: the messages wait for a node that has a server.
func (o *Outbox) Run(ctx context.Context) {
	o.defaults()
	if o.SMTP == nil {
		return
	}
	t := time.NewTicker(o.Poll)
	defer t.Stop()
	for {
		for ctx.Err() == nil {
			n, err := o.RunOnce(ctx)
			if err != nil {
				if ctx.Err() == nil {
					o.Logger.Error("mail outbox", "err", err)
				}
				break
			}
			if n == 0 {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-o.wake:
		}
	}
}

// RunOnce claims a batch of due messages and tries each once; it gives the
// number claimed.
func (o *Outbox) RunOnce(ctx context.Context) (int, error) {
	o.defaults()
	if o.SMTP == nil {
		return 0, errors.New("mail: no SMTP server configured")
	}
	now := o.now()
	batch, err := o.Store.ClaimMail(ctx, o.worker, now, now.Add(o.Lease), o.MaxAttempts, 16)
	if err != nil {
		return 0, err
	}
	for _, q := range batch {
		// A claimed message is finished even when ctx ends meanwhile: its
		// state must be written, or it waits for the lease to run out.
		o.deliver(context.WithoutCancel(ctx), q)
	}
	return len(batch), nil
}

func (o *Outbox) deliver(ctx context.Context, q Queued) {
	sendCtx, cancel := context.WithTimeout(ctx, o.Lease/2)
	defer cancel()
	err := o.SMTP.Send(sendCtx, &q.Message)
	at := o.now()
	var mark error
	switch {
	case err == nil:
		mark = o.Store.MailSent(ctx, q.ID, o.worker, at)
		o.Logger.Info("mail sent", "id", q.ID, "attempt", q.Attempts)
	case Permanent(err) || q.Attempts >= o.MaxAttempts:
		mark = o.Store.MailFailed(ctx, q.ID, o.worker, err.Error(), at)
		o.Logger.Error("mail given up", "id", q.ID, "attempt", q.Attempts, "err", err)
	default:
		wait := Backoff(o.RetryBase, o.RetryMax, q.Attempts)
		mark = o.Store.MailRetry(ctx, q.ID, o.worker, at.Add(wait), err.Error(), at)
		o.Logger.Warn("mail not sent yet; trying again", "id", q.ID, "attempt", q.Attempts, "in", wait, "err", err)
	}
	if mark != nil {
		o.Logger.Error("mail outbox: recording a try", "id", q.ID, "err", mark)
	}
}
