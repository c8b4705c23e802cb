// Package newsletter owns the newsletter: subscribers per edition with
// double opt-in (a confirmation mail whose link is confirmed by a POST, so
// mail scanners that prefetch links confirm nothing), one-click unsubscribe
// (RFC 8058), CSV import and export, a subscriber's data on request, issues
// (campaigns) composed from chosen articles and rendered in the edition's
// language and direction as HTML with a plain-text part, and the sender
// worker that delivers them from one row per recipient with throttling,
// retries and crash safety. Link tokens are stored hashed; IP addresses
// only as keyed hashes (internal/antispam). It declares the Store it needs
// and never runs SQL or serves HTTP.
package newsletter

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html"
	"log/slog"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/mail"
)

// Subscriber states.
const (
	Pending      = "pending"
	Confirmed    = "confirmed"
	Unsubscribed = "unsubscribed"
)

// Statuses lists the subscriber states in the admin's order.
var Statuses = []string{Confirmed, Pending, Unsubscribed}

// Token purposes.
const (
	PurposeConfirm     = "confirm"
	PurposeUnsubscribe = "unsubscribe"
)

// Send states, per recipient of a campaign.
const (
	SendQueued  = "queued"
	SendSending = "sending"
	SendSent    = "sent"
	SendFailed  = "failed"
)

// Campaign states.
const (
	Draft   = "draft"
	Sending = "sending"
	Done    = "done"
)

// Limits.
const (
	MaxEmail       = 254
	MaxSubject     = 200
	MaxIntro       = 5000
	MaxArticles    = 20
	ConfirmFor     = 7 * 24 * time.Hour // a confirmation link's life
	resendAfter    = 10 * time.Minute   // a pending address gets another confirmation mail no sooner
	maxImportBytes = 5 << 20
)

// Subscriber is one address subscribed to one edition.
type Subscriber struct {
	ID            int64
	Edition       string
	Email         string
	Status        string
	Source        string // "form" or "import"
	ConsentAt     time.Time
	IPHash        string
	ConfirmSentAt time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Filter selects subscribers in the admin.
type Filter struct {
	Edition string // "" for all
	Status  string // "" for all
	Email   string // exact address, "" for all
	Limit   int
	Offset  int
}

// Campaign is one issue of the newsletter.
type Campaign struct {
	ID         int64
	Edition    string
	Subject    string
	Intro      string
	ArticleIDs []int64
	Status     string
	HTML, Text string // rendered when sending starts, with UnsubscribePlaceholder
	CreatedBy  int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
	StartedAt  time.Time
}

// Send is one recipient of a campaign.
type Send struct {
	ID           int64
	CampaignID   int64
	SubscriberID int64
	Email        string
	State        string
	Attempts     int
	LastError    string
	UpdatedAt    time.Time
}

// Progress counts a campaign's recipients by state.
type Progress struct {
	Queued, Sending, Sent, Failed int
}

// Total is every recipient.
func (p Progress) Total() int { return p.Queued + p.Sending + p.Sent + p.Failed }

// Percent is how much is finished (sent or failed), 0–100.
func (p Progress) Percent() int {
	if p.Total() == 0 {
		return 100
	}
	return (p.Sent + p.Failed) * 100 / p.Total()
}

// ErrNotFound is returned for an unknown subscriber, campaign or token.
var ErrNotFound = errors.New("newsletter: not found")

// Store is the persistence the newsletter needs.
type Store interface {
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
	antispam.Counter // the subscribe form's rate limits

	SubscriberByEmail(ctx context.Context, edition, email string) (*Subscriber, error) // ErrNotFound
	// SaveSubscriber inserts (ID 0) or updates a subscriber.
	SaveSubscriber(ctx context.Context, s *Subscriber) error
	Subscribers(ctx context.Context, f Filter) ([]Subscriber, error)
	CountSubscribers(ctx context.Context, f Filter) (int, error)
	// SubscriberCounts counts by status within an edition ("" for all).
	SubscriberCounts(ctx context.Context, edition string) (map[string]int, error)
	DeleteSubscribers(ctx context.Context, email string) (int, error)
	ClearSubscriberIPs(ctx context.Context, before time.Time) (int64, error)

	AddNewsletterToken(ctx context.Context, hash string, subscriberID int64, purpose string, expires, at time.Time) error
	// SubscriberByToken finds the subscriber of an unexpired token.
	SubscriberByToken(ctx context.Context, hash, purpose string, now time.Time) (*Subscriber, error)
	DeleteNewsletterToken(ctx context.Context, hash string) error

	CreateCampaign(ctx context.Context, c *Campaign) error
	UpdateCampaign(ctx context.Context, c *Campaign) error
	CampaignByID(ctx context.Context, id int64) (*Campaign, error)
	Campaigns(ctx context.Context, edition string, limit int) ([]Campaign, error)
	// StartCampaign stores the rendered campaign, marks it sending and
	// creates one queued send per confirmed subscriber of its edition, all
	// in one transaction; it gives the number of recipients.
	StartCampaign(ctx context.Context, c *Campaign, at time.Time) (int, error)
	CampaignProgress(ctx context.Context, id int64) (Progress, error)
	CampaignSends(ctx context.Context, id int64, state string, limit int) ([]Send, error)

	// ClaimSends marks up to limit due sends as sending by worker until
	// leaseUntil (a send whose lease ran out is due again) and counts the
	// try; sends of subscribers who are no longer confirmed are failed.
	ClaimSends(ctx context.Context, worker string, now, leaseUntil time.Time, maxAttempts, limit int) ([]Send, error)
	SendSent(ctx context.Context, id int64, worker string, at time.Time) error
	SendRetry(ctx context.Context, id int64, worker string, notBefore time.Time, reason string, at time.Time) error
	SendFailed(ctx context.Context, id int64, worker string, reason string, at time.Time) error
	// FinishCampaigns marks sending campaigns with no queued or sending
	// recipient left as done.
	FinishCampaigns(ctx context.Context, at time.Time) error
}

// EditionStore lists the site's editions.
type EditionStore interface {
	Editions(ctx context.Context) ([]edition.Edition, error)
}

// Service runs the newsletter.
type Service struct {
	Store    Store
	Editions EditionStore
	Articles content.Store
	// Mail sends confirmation mails and test issues (the outbox).
	Mail mail.Sender
	// Guard checks the subscribe form (token, honeypot, rate limits, blocked
	// addresses) and keys readers' IP addresses; Subscribe needs it.
	Guard *antispam.Guard
	// SiteURL is the public site's absolute URL, for links in mail.
	SiteURL string
	// ArticlePath is an article's path on the site (the web layer owns
	// the URL scheme); links in mail put SiteURL in front.
	ArticlePath func(ed *edition.Edition, a *content.Article) string
	// Policy gives the rate limits of the subscribe form (antispam defaults
	// when nil).
	Policy func(ctx context.Context) antispam.Policy
	Logger *slog.Logger
	Now    func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

// NewToken makes a random link token and its stored hash.
func NewToken() (token, hash string) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	token = hex.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the stored form of a link token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// wellFormedToken refuses anything that NewToken cannot have made, before
// it reaches the database.
func wellFormedToken(t string) bool {
	if len(t) != 48 {
		return false
	}
	_, err := hex.DecodeString(t)
	return err == nil
}

// InvalidError is a refused input; Key is its catalog message.
type InvalidError struct {
	Key  string
	Args []any
}

func (e *InvalidError) Error() string { return "newsletter: invalid input (" + e.Key + ")" }

func invalid(key string, args ...any) error { return &InvalidError{Key: key, Args: args} }

// NormalizeEmail checks an address typed by a reader or an operator and
// gives its stored (lower-case, bare) form.
func NormalizeEmail(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", invalid("newsletter.error.email_missing")
	}
	if len(raw) > MaxEmail {
		return "", invalid("newsletter.error.email_invalid")
	}
	a, err := mail.ParseAddress(raw)
	if err != nil || a.Name != "" || a.Address != raw || !strings.Contains(a.Address[strings.LastIndexByte(a.Address, '@')+1:], ".") {
		return "", invalid("newsletter.error.email_invalid")
	}
	return strings.ToLower(a.Address), nil
}

// edition finds an edition and its locale.
func (s *Service) edition(ctx context.Context, code string) (*edition.Edition, *i18n.Locale, error) {
	list, err := s.Editions.Editions(ctx)
	if err != nil {
		return nil, nil, err
	}
	for i := range list {
		if list[i].Code == code {
			e := &list[i]
			return e, LocaleOf(e), nil
		}
	}
	return nil, nil, invalid("newsletter.error.edition")
}

// LocaleOf is an edition's UI locale (English text for a language without a
// catalog), as the public site builds it.
func LocaleOf(e *edition.Edition) *i18n.Locale {
	loc, err := i18n.New(e.Lang, i18n.Options{Calendar: i18n.Calendar(e.Calendar), Digits: i18n.Digits(e.Digits), Location: e.Location()})
	if err != nil {
		loc = i18n.MustNew("en", i18n.Options{Location: e.Location()})
	}
	return loc
}

func (s *Service) link(ed *edition.Edition, p, token string) string {
	return strings.TrimSuffix(s.SiteURL, "/") + ed.Path(p) + "?t=" + token
}

// ConfirmURL and UnsubscribeURL are the links in mail.
func (s *Service) ConfirmURL(ed *edition.Edition, token string) string {
	return s.link(ed, "/newsletter/confirm/", token)
}

func (s *Service) UnsubscribeURL(ed *edition.Edition, token string) string {
	return s.link(ed, "/newsletter/unsubscribe/", token)
}

// SubscribeRequest is what the subscribe form sent.
type SubscribeRequest struct {
	Edition  string
	Email    string
	Token    string // the form's signed token (Token)
	Honeypot string // the hidden field; people leave it empty
	IP       string // the client address; only its keyed hash is kept
}

// Token signs a new token for an edition's subscribe form, for one
// reader; PageToken gives the one for pages that many readers share
// (antispam.Guard.PageToken).
func (s *Service) Token(edition string) string {
	if s.Guard == nil {
		return ""
	}
	return s.Guard.Token("subscribe", edition)
}

func (s *Service) PageToken(edition string) string {
	if s.Guard == nil {
		return ""
	}
	return s.Guard.PageToken("subscribe", edition)
}

// Subscribe takes a subscription from the public form. Its answer never
// reveals whether the address was already subscribed: a new or pending
// address gets a confirmation mail (no more than one per resendAfter), a
// confirmed one nothing, an unsubscribed one a new confirmation. Errors
// are *InvalidError (the address) or *antispam.Refusal (honeypot, token,
// rate).
func (s *Service) Subscribe(ctx context.Context, req SubscribeRequest) error {
	if strings.TrimSpace(req.Honeypot) != "" {
		return &antispam.Refusal{Reason: antispam.Honeypot}
	}
	email, err := NormalizeEmail(req.Email)
	if err != nil {
		return err
	}
	ed, loc, err := s.edition(ctx, req.Edition)
	if err != nil {
		return err
	}
	p := antispam.Defaults()
	if s.Policy != nil {
		p = s.Policy(ctx)
	}
	now := s.now()
	if s.Guard == nil {
		return errors.New("newsletter: the subscribe form needs the spam guard")
	}
	// The defences of every public form: the signed token (not too soon
	// after the page, not too late, once), the rate limits, the blocked
	// addresses. Sending the same address again is allowed: its
	// confirmation may have gone astray.
	err = s.Guard.Check(ctx, p, antispam.Submission{Form: "subscribe", Target: ed.Code, Token: req.Token,
		Honeypot: req.Honeypot, IP: req.IP, Email: email, Repeatable: true})
	if r, ok := antispam.AsRefusal(err); ok && r.Spam {
		return nil // as if subscribed: nothing is stored, nothing sent
	}
	if err != nil {
		return err
	}
	ipHash := s.Guard.HashIP(req.IP)
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		sub, err := s.Store.SubscriberByEmail(ctx, ed.Code, email)
		switch {
		case errors.Is(err, ErrNotFound):
			sub = &Subscriber{Edition: ed.Code, Email: email, Status: Pending, Source: "form", CreatedAt: now}
		case err != nil:
			return err
		case sub.Status == Confirmed:
			return nil
		case sub.Status == Pending && now.Sub(sub.ConfirmSentAt) < resendAfter:
			return nil
		}
		sub.Status, sub.IPHash, sub.UpdatedAt, sub.ConfirmSentAt = Pending, ipHash, now, now
		if err := s.Store.SaveSubscriber(ctx, sub); err != nil {
			return err
		}
		return s.sendConfirmation(ctx, ed, loc, sub)
	})
}

// sendConfirmation mints a confirmation token and queues the mail with
// its link (in the outbox, inside the caller's transaction).
func (s *Service) sendConfirmation(ctx context.Context, ed *edition.Edition, loc *i18n.Locale, sub *Subscriber) error {
	if s.Mail == nil {
		return errors.New("newsletter: no mail outbox")
	}
	now := s.now()
	token, hash := NewToken()
	if err := s.Store.AddNewsletterToken(ctx, hash, sub.ID, PurposeConfirm, now.Add(ConfirmFor), now); err != nil {
		return err
	}
	site := ed.Settings.SiteName
	link := s.ConfirmURL(ed, token)
	text := loc.T("newsletter.mail.confirm_body", site, link) + "\n"
	html := `<!DOCTYPE html><html lang="` + html.EscapeString(ed.Lang) + `" dir="` + html.EscapeString(ed.Dir) + `"><body style="font-family:sans-serif;line-height:1.5">` +
		"<p>" + html.EscapeString(loc.T("newsletter.mail.confirm_intro", site)) + "</p>" +
		`<p><a href="` + html.EscapeString(link) + `" style="display:inline-block;padding:10px 16px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px">` +
		html.EscapeString(loc.T("newsletter.mail.confirm_button")) + "</a></p><p>" + html.EscapeString(loc.T("newsletter.mail.confirm_ignore")) + "</p></body></html>"
	return s.Mail.Send(ctx, &mail.Message{To: []string{sub.Email}, Subject: loc.T("newsletter.mail.confirm_subject", site), Text: text, HTML: html, Lang: ed.Lang})
}

// TokenValid reports whether a link token is current, for the pages that
// show a button before anything changes.
func (s *Service) TokenValid(ctx context.Context, token, purpose string) bool {
	if !wellFormedToken(token) {
		return false
	}
	_, err := s.Store.SubscriberByToken(ctx, HashToken(token), purpose, s.now())
	return err == nil
}

// Confirm confirms the subscription of a confirmation token and records
// the time of consent. The token is used up.
func (s *Service) Confirm(ctx context.Context, token string) (*Subscriber, error) {
	if !wellFormedToken(token) {
		return nil, ErrNotFound
	}
	var sub *Subscriber
	err := s.Store.WithinTx(ctx, func(ctx context.Context) error {
		var err error
		hash := HashToken(token)
		if sub, err = s.Store.SubscriberByToken(ctx, hash, PurposeConfirm, s.now()); err != nil {
			return err
		}
		sub.Status, sub.ConsentAt, sub.UpdatedAt = Confirmed, s.now(), s.now()
		if err := s.Store.SaveSubscriber(ctx, sub); err != nil {
			return err
		}
		return s.Store.DeleteNewsletterToken(ctx, hash)
	})
	return sub, err
}

// Unsubscribe ends the subscription of an unsubscribe token (from any
// issue's link or List-Unsubscribe header). Doing it twice is fine.
func (s *Service) Unsubscribe(ctx context.Context, token string) (*Subscriber, error) {
	if !wellFormedToken(token) {
		return nil, ErrNotFound
	}
	var sub *Subscriber
	err := s.Store.WithinTx(ctx, func(ctx context.Context) error {
		var err error
		if sub, err = s.Store.SubscriberByToken(ctx, HashToken(token), PurposeUnsubscribe, s.now()); err != nil {
			return err
		}
		if sub.Status == Unsubscribed {
			return nil
		}
		sub.Status, sub.UpdatedAt = Unsubscribed, s.now()
		return s.Store.SaveSubscriber(ctx, sub)
	})
	if err == nil {
		s.logger().Info("newsletter: unsubscribed", "subscriber", sub.ID, "edition", sub.Edition)
	}
	return sub, err
}

// ForgetIPs empties the IP hashes of subscriptions older than retention.
func (s *Service) ForgetIPs(ctx context.Context, retention time.Duration) (int64, error) {
	return s.Store.ClearSubscriberIPs(ctx, s.now().Add(-retention))
}
