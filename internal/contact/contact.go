// Package contact owns the contact form: the rules of its fields, the spam
// defences in front of it (through internal/antispam), the admin inbox
// (unread, read, archived, replied), forwarding each message by mail to the
// newsroom's address, replying to the sender by mail, and the privacy
// duties (keyed IP hashes dropped after the retention period, one sender's
// messages exported or deleted on request). It declares the Store it needs
// and never touches SQL or HTTP.
package contact

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/user"
)

// Site settings of the contact form.
const (
	// SettingForwardTo is the address every message is forwarded to; empty
	// keeps messages in the admin inbox only.
	SettingForwardTo = "contact_forward_to"
	// SettingPageGroup is the translation group of the page that carries
	// the form: the Contact us page in every edition that has one.
	SettingPageGroup = "contact_page_group"
)

// Inbox states.
const (
	Unread   = "unread"
	Read     = "read"
	Archived = "archived"
	Replied  = "replied"
	Spam     = "spam"
)

// Statuses lists the inbox tabs in order.
var Statuses = []string{Unread, Read, Replied, Archived, Spam}

// Limits of the form.
const (
	MaxName    = 80
	MaxSubject = 150
	MaxBody    = 10000
)

// Message is one message sent through the contact form.
type Message struct {
	ID        int64
	Edition   string
	Name      string
	Email     string
	Subject   string
	Body      string
	Status    string
	IPHash    string
	Reply     string // the newsroom's answer, once sent
	CreatedAt time.Time
	RepliedAt time.Time
}

// Store is the persistence the contact form needs.
type Store interface {
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
	AddContactMessage(ctx context.Context, m *Message) error
	ContactMessageByID(ctx context.Context, id int64) (*Message, error)
	ContactMessages(ctx context.Context, status, email string, limit, offset int) ([]Message, error)
	ContactCounts(ctx context.Context) (map[string]int, error)
	SetContactStatus(ctx context.Context, ids []int64, status string) (int, error)
	SaveContactReply(ctx context.Context, id int64, reply string, at time.Time) error
	DeleteContactMessagesByEmail(ctx context.Context, email string) (int, error)
	ClearContactIPs(ctx context.Context, before time.Time) (int64, error)
}

// Service runs the contact form and the inbox.
type Service struct {
	Store  Store
	Guard  *antispam.Guard
	Mail   mail.Sender // nil: messages stay in the inbox and replies cannot be sent
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

// Token is a fresh form token for an edition's contact form.
func (s *Service) Token(edition string) string { return s.Guard.Token("contact", edition) }

// IsContactPage reports whether a page (by its translation group) carries
// the contact form.
func (s *Service) IsContactPage(ctx context.Context, group int64) (bool, error) {
	v, ok, err := s.Store.Setting(ctx, SettingPageGroup)
	if err != nil || !ok {
		return false, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	return err == nil && n != 0 && n == group, nil
}

// Input is what a reader sent.
type Input struct {
	Edition  string
	Lang     string // the edition's language, for the forwarded mail
	SiteName string
	Name     string
	Email    string
	Subject  string
	Body     string
	Token    string
	Honeypot string
	IP       string
}

func invalid(field, key, msg string, args ...any) error {
	return &content.ValidationError{Field: field, Message: msg, Key: key, Args: args}
}

// hasLineBreak reports control characters that could end a header line.
func hasLineBreak(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r == '\r' || r == '\n' || r == '\u2028' || r == '\u2029' || (r < ' ' && r != '\t') || r == 0x7f
	})
}

// Send checks and stores a message and forwards it. It returns a
// *content.ValidationError (possibly joined) for bad fields or an
// *antispam.Refusal; nothing is stored or sent on any error. A failed
// forward is logged: the message is in the inbox anyway.
func (s *Service) Send(ctx context.Context, in Input) (*Message, error) {
	now := s.now()
	st, err := comment.ReadSettings(ctx, s.Store.Setting)
	if err != nil {
		return nil, err
	}
	var errs []error
	if hasLineBreak(in.Name) || hasLineBreak(in.Subject) || hasLineBreak(in.Email) {
		// A line break in a one-line field is an attempt to add mail headers.
		errs = append(errs, invalid("subject", "contact.invalid.line_break", "names, addresses and subjects must be one line"))
	}
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Subject = strings.Join(strings.Fields(in.Subject), " ")
	in.Email = strings.TrimSpace(in.Email)
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		errs = append(errs, invalid("name", "comments.invalid.name", "a name is needed"))
	case n > MaxName:
		errs = append(errs, invalid("name", "comments.invalid.name_long", "the name is too long", MaxName))
	}
	if len(errs) == 0 || !hasLineBreak(in.Email) {
		if err := comment.CheckEmail(in.Email); err != nil {
			errs = append(errs, err)
		}
	}
	switch n := utf8.RuneCountInString(in.Subject); {
	case n == 0:
		errs = append(errs, invalid("subject", "contact.invalid.subject", "a subject is needed"))
	case n > MaxSubject:
		errs = append(errs, invalid("subject", "contact.invalid.subject_long", "the subject is too long", MaxSubject))
	}
	switch n := utf8.RuneCountInString(in.Body); {
	case n == 0:
		errs = append(errs, invalid("body", "contact.invalid.body", "the message is empty"))
	case n > MaxBody:
		errs = append(errs, invalid("body", "contact.invalid.body_long", "the message is too long", MaxBody))
	}
	if !utf8.ValidString(in.Name + in.Subject + in.Body) {
		errs = append(errs, invalid("body", "contact.invalid.body", "the message is not valid text"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	m := &Message{Edition: in.Edition, Name: in.Name, Email: strings.ToLower(in.Email), Subject: in.Subject, Body: in.Body,
		Status: Unread, IPHash: s.Guard.HashIP(in.IP), CreatedAt: now}
	err = s.Guard.Check(ctx, st.AntispamPolicy, antispam.Submission{Form: "contact", Target: in.Edition, Token: in.Token,
		Honeypot: in.Honeypot, IP: in.IP, Email: in.Email, Text: []string{in.Name, in.Subject, in.Body}})
	if r, ok := antispam.AsRefusal(err); ok && r.Spam {
		m.Status = Spam
	} else if err != nil {
		return nil, err
	}
	if err := s.Store.AddContactMessage(ctx, m); err != nil {
		return nil, err
	}
	if m.Status != Spam {
		s.forward(ctx, m, in)
	}
	return m, nil
}

// forward mails a message to the newsroom's address as plain text.
func (s *Service) forward(ctx context.Context, m *Message, in Input) {
	to, ok, err := s.Store.Setting(ctx, SettingForwardTo)
	if err != nil || !ok || strings.TrimSpace(to) == "" || s.Mail == nil {
		return
	}
	loc, err := i18n.New(in.Lang, i18n.Options{Calendar: i18n.Gregorian})
	if err != nil {
		loc, _ = i18n.New("en", i18n.Options{})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", loc.T("mail.contact.intro", in.SiteName))
	fmt.Fprintf(&b, "%s: %s\n%s: %s\n%s: %s\n\n%s\n", loc.T("mail.comment.from"), m.Name, loc.T("mail.comment.email"), m.Email,
		loc.T("contact.subject"), m.Subject, m.Body)
	msg := &mail.Message{To: []string{strings.TrimSpace(to)}, Subject: loc.T("mail.contact.subject", m.Subject), Text: b.String(), Lang: loc.Lang()}
	if err := s.Mail.Send(ctx, msg); err != nil {
		s.logger().Error("forwarding a contact message", "id", m.ID, "err", err)
	}
}

// ErrNoMail is returned when a reply cannot be sent because the site has no
// mail server.
var ErrNoMail = errors.New("no mail server is configured, so no reply can be sent")

// Reply sends the newsroom's answer to the sender and marks the message
// replied. The answer is plain text, signed with the account's name.
func (s *Service) Reply(ctx context.Context, id int64, u *user.User, text string) error {
	m, err := s.Store.ContactMessageByID(ctx, id)
	if err != nil {
		return err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return invalid("reply", "contact.invalid.reply", "the reply is empty")
	}
	if utf8.RuneCountInString(text) > MaxBody {
		return invalid("reply", "contact.invalid.body_long", "the reply is too long", MaxBody)
	}
	if s.Mail == nil {
		return ErrNoMail
	}
	subject := m.Subject
	if !strings.HasPrefix(strings.ToLower(subject), "re:") {
		subject = "Re: " + subject
	}
	body := text + "\n\n— " + u.Name + "\n\n> " + strings.ReplaceAll(m.Body, "\n", "\n> ") + "\n"
	if err := s.Mail.Send(ctx, &mail.Message{To: []string{m.Email}, Subject: subject, Text: body}); err != nil {
		return err
	}
	return s.Store.SaveContactReply(ctx, id, text, s.now())
}

// Open returns a message and marks an unread one read.
func (s *Service) Open(ctx context.Context, id int64) (*Message, error) {
	m, err := s.Store.ContactMessageByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if m.Status == Unread {
		if _, err := s.Store.SetContactStatus(ctx, []int64{id}, Read); err != nil {
			return nil, err
		}
		m.Status = Read
	}
	return m, nil
}

// ErrBadStatus is returned for a status the inbox does not have.
var ErrBadStatus = errors.New("unknown inbox status")

// SetStatus moves messages to a tab of the inbox.
func (s *Service) SetStatus(ctx context.Context, ids []int64, status string) (int, error) {
	switch status {
	case Unread, Read, Archived, Spam:
	default:
		return 0, ErrBadStatus
	}
	return s.Store.SetContactStatus(ctx, ids, status)
}

// Inbox lists a tab of the inbox, newest first.
func (s *Service) Inbox(ctx context.Context, status string, limit, offset int) ([]Message, error) {
	return s.Store.ContactMessages(ctx, status, "", limit, offset)
}

// Counts gives the number of messages per status.
func (s *Service) Counts(ctx context.Context) (map[string]int, error) {
	return s.Store.ContactCounts(ctx)
}

// ByEmail lists one sender's messages (for a privacy export).
func (s *Service) ByEmail(ctx context.Context, email string) ([]Message, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil, nil
	}
	return s.Store.ContactMessages(ctx, "", email, 100000, 0)
}

// DeleteByEmail deletes one sender's messages (a privacy request).
func (s *Service) DeleteByEmail(ctx context.Context, email string) (int, error) {
	if err := comment.CheckEmail(strings.TrimSpace(email)); err != nil {
		return 0, err
	}
	return s.Store.DeleteContactMessagesByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
}

// SweepIPs drops the address hashes older than the retention period.
func (s *Service) SweepIPs(ctx context.Context) (int64, error) {
	st, err := comment.ReadSettings(ctx, s.Store.Setting)
	if err != nil {
		return 0, err
	}
	return s.Store.ClearContactIPs(ctx, s.now().Add(-time.Duration(st.IPRetentionDays)*24*time.Hour))
}
