package newsletter

import (
	"context"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail"
)

// Sender is the worker that delivers campaigns, one send row per recipient.
//
// Crash safety: a row is claimed (state 'sending', this worker's name, a
// lease) and that is committed before the SMTP transaction starts; it is
// marked 'sent' right after the server's 250 reply to DATA. A worker that
// dies leaves 'sending' rows, which become due again when their lease runs
// out. So a recipient gets a second copy only if the process dies between
// the server's 250 and our commit of 'sent' — a window of one local write,
// which no SMTP client can close (see docs/newsletter.md).
type Sender struct {
	Service *Service
	SMTP    *mail.SMTP // nil: the queue waits
	// Rate is the most messages per second (default 5; the admin's
	// providers usually allow 10 to 50).
	Rate float64
	// MaxAttempts bounds the tries per recipient (default 6).
	MaxAttempts int
	// RetryBase is the wait after a first transient failure, doubling up
	// to RetryMax (defaults 1 minute and 2 hours).
	RetryBase, RetryMax time.Duration
	// Lease is how long a claim holds (default 5 minutes).
	Lease time.Duration
	// Poll is how often an idle worker looks for work (default 5 seconds).
	Poll   time.Duration
	Logger *slog.Logger

	worker    string
	next      time.Time // the throttle: no message before this
	mu        sync.Mutex
	campaigns map[int64]*Campaign
	editions  map[string]*edition.Edition
}

func (w *Sender) defaults() {
	if w.Rate <= 0 {
		w.Rate = 5
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 6
	}
	if w.RetryBase <= 0 {
		w.RetryBase = time.Minute
	}
	if w.RetryMax <= 0 {
		w.RetryMax = 2 * time.Hour
	}
	if w.Lease <= 0 {
		w.Lease = 5 * time.Minute
	}
	if w.Poll <= 0 {
		w.Poll = 5 * time.Second
	}
	if w.Logger == nil {
		w.Logger = w.Service.logger()
	}
	if w.worker == "" {
		w.worker = mail.WorkerName("newsletter")
	}
	if w.campaigns == nil {
		w.campaigns, w.editions = map[int64]*Campaign{}, map[string]*edition.Edition{}
	}
}

// Run delivers until ctx ends; without SMTP it returns at once (the sends
// wait for a node with a mail server).
func (w *Sender) Run(ctx context.Context) {
	w.defaults()
	if w.SMTP == nil {
		return
	}
	for ctx.Err() == nil {
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Logger.Error("newsletter sender", "err", err)
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
		case <-time.After(w.Poll):
		}
	}
}

// RunOnce claims a batch (about two seconds' worth at Rate) and sends it,
// throttled; it gives the number claimed.
func (w *Sender) RunOnce(ctx context.Context) (int, error) {
	w.defaults()
	now := w.Service.now()
	batch := max(1, min(50, int(w.Rate*2)))
	sends, err := w.Service.Store.ClaimSends(ctx, w.worker, now, now.Add(w.Lease), w.MaxAttempts, batch)
	if err != nil {
		return 0, err
	}
	for i, sd := range sends {
		if ctx.Err() != nil {
			// Stopping: give the rest back at once rather than after the lease.
			for _, rest := range sends[i:] {
				_ = w.Service.Store.SendRetry(context.WithoutCancel(ctx), rest.ID, w.worker, w.Service.now(), "stopped before sending", w.Service.now())
			}
			break
		}
		w.throttle(ctx)
		w.deliver(context.WithoutCancel(ctx), sd)
	}
	if err := w.Service.Store.FinishCampaigns(ctx, w.Service.now()); err != nil {
		return len(sends), err
	}
	return len(sends), nil
}

// throttle waits until the next message may go.
func (w *Sender) throttle(ctx context.Context) {
	now := time.Now()
	if wait := w.next.Sub(now); wait > 0 {
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		now = w.next
	}
	w.next = now.Add(time.Duration(float64(time.Second) / w.Rate))
}

func (w *Sender) campaign(ctx context.Context, id int64) (*Campaign, *edition.Edition, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if c, ok := w.campaigns[id]; ok {
		return c, w.editions[c.Edition], nil
	}
	c, err := w.Service.Store.CampaignByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	ed, _, err := w.Service.edition(ctx, c.Edition)
	if err != nil {
		return nil, nil, err
	}
	w.campaigns[id], w.editions[c.Edition] = c, ed
	return c, ed, nil
}

// deliver sends one recipient's copy and records the outcome.
func (w *Sender) deliver(ctx context.Context, sd Send) {
	svc := w.Service
	c, ed, err := w.campaign(ctx, sd.CampaignID)
	if err != nil {
		w.record(ctx, sd, err, false)
		return
	}
	// Each copy carries its own unsubscribe token (stored hashed before
	// the mail leaves, so the link works the moment it arrives).
	token, hash := NewToken()
	if err := svc.Store.AddNewsletterToken(ctx, hash, sd.SubscriberID, PurposeUnsubscribe, time.Time{}, svc.now()); err != nil {
		w.record(ctx, sd, err, false)
		return
	}
	link := svc.UnsubscribeURL(ed, token)
	m := &mail.Message{To: []string{sd.Email}, Subject: c.Subject, Text: personalize(c.Text, link), HTML: personalize(c.HTML, link), Lang: ed.Lang,
		Headers: []mail.Header{
			{Name: "List-Unsubscribe", Value: "<" + link + ">"},
			{Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click"},
			{Name: "List-Id", Value: listID(ed, svc.SiteURL)},
			{Name: "Precedence", Value: "bulk"},
		}}
	sendCtx, cancel := context.WithTimeout(ctx, w.Lease/2)
	err = w.SMTP.Send(sendCtx, m)
	cancel()
	w.record(ctx, sd, err, true)
}

func (w *Sender) record(ctx context.Context, sd Send, err error, smtp bool) {
	svc := w.Service
	at := svc.now()
	var mark error
	switch {
	case err == nil:
		mark = svc.Store.SendSent(ctx, sd.ID, w.worker, at)
	case (smtp && mail.Permanent(err)) || sd.Attempts >= w.MaxAttempts:
		mark = svc.Store.SendFailed(ctx, sd.ID, w.worker, err.Error(), at)
		w.Logger.Warn("newsletter: a recipient failed", "send", sd.ID, "attempt", sd.Attempts, "err", err)
	default:
		wait := mail.Backoff(w.RetryBase, w.RetryMax, sd.Attempts)
		mark = svc.Store.SendRetry(ctx, sd.ID, w.worker, at.Add(wait), err.Error(), at)
		w.Logger.Info("newsletter: will try a recipient again", "send", sd.ID, "attempt", sd.Attempts, "in", wait, "err", err)
	}
	if mark != nil {
		w.Logger.Error("newsletter: recording a send", "send", sd.ID, "err", mark)
	}
}

// listID is the RFC 2919 List-Id of an edition's newsletter.
func listID(ed *edition.Edition, siteURL string) string {
	host := "masthead.invalid"
	if u, err := url.Parse(siteURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "<newsletter-" + ed.Code + "." + host + ">"
}
