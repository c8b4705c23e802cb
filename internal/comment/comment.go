// Package comment owns reader comments: the rules of the public form
// (fields, threading depth, open and closed articles, automatic closing),
// the spam defences in front of it (through internal/antispam), who is held
// for review and who is trusted, the moderation queue's actions, the mail
// that tells the article's author and the moderators about a new comment,
// and the privacy duties (keyed IP hashes dropped after the retention
// period, a commenter's data exported or deleted on request). It declares
// the Store it needs and never touches SQL or HTTP.
package comment

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/user"
)

// Site settings that shape comments (the settings table).
const (
	SettingCloseAfterDays = "comments_close_after_days" // 0: never close automatically
	SettingMaxDepth       = "comments_max_depth"        // 1: no replies; default 3
	SettingTrustApproved  = "comments_trust_approved"   // "true": a commenter with an approved comment is published at once
	// SettingIPRetentionDays is how long comments and contact messages keep
	// the keyed hash of the sender's address (for spotting floods); shared
	// with the contact form.
	SettingIPRetentionDays = "privacy_ip_retention_days"
)

// Limits of the public form.
const (
	MaxName  = 80
	MaxEmail = 254
	MaxURL   = 300
	MaxBody  = 5000 // characters
)

// Filter selects comments for the moderation queue.
type Filter struct {
	Status    string
	ArticleID int64
	Email     string
	Limit     int
	Offset    int
}

// Store is the persistence comments need.
type Store interface {
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
	ArticleByID(ctx context.Context, id int64) (*content.Article, error)
	Users(ctx context.Context) ([]user.User, error)

	AddComment(ctx context.Context, c *content.Comment) error
	CommentByID(ctx context.Context, id int64) (*content.Comment, error)
	EditComment(ctx context.Context, c *content.Comment) error
	SetCommentsStatus(ctx context.Context, ids []int64, status string, at time.Time) (int, error)
	DeleteComments(ctx context.Context, ids []int64) (int, error)
	DeleteCommentsWithStatus(ctx context.Context, status string) (int, error)
	ModerationQueue(ctx context.Context, f Filter) ([]content.Comment, error)
	CountComments(ctx context.Context, f Filter) (int, error)
	CommentStatusCounts(ctx context.Context) (map[string]int, error)
	DeleteCommentsByEmail(ctx context.Context, email string) (int, error)
	ClearCommentIPs(ctx context.Context, before time.Time) (int64, error)
}

// Settings are the site's comment settings.
type Settings struct {
	CloseAfterDays  int
	MaxDepth        int
	TrustApproved   bool
	IPRetentionDays int
	AntispamPolicy  antispam.Policy
}

// Service runs the public form and the moderation queue.
type Service struct {
	Store  Store
	Guard  *antispam.Guard
	Mail   mail.Sender // nil: no notifications
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

// Settings reads the site's comment settings, with defaults for those unset.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	return ReadSettings(ctx, s.Store.Setting)
}

// ReadSettings reads comment and antispam settings through get.
func ReadSettings(ctx context.Context, get func(ctx context.Context, name string) (string, bool, error)) (Settings, error) {
	st := Settings{MaxDepth: 3, TrustApproved: true, IPRetentionDays: 30}
	var firstErr error
	read := func(name string) (string, bool) {
		v, ok, err := get(ctx, name)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v, ok && strings.TrimSpace(v) != ""
	}
	num := func(name string, lo, hi int, dst *int) {
		if v, ok := read(name); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= lo && n <= hi {
				*dst = n
			}
		}
	}
	num(SettingCloseAfterDays, 0, 36500, &st.CloseAfterDays)
	num(SettingMaxDepth, 1, 10, &st.MaxDepth)
	num(SettingIPRetentionDays, 0, 3650, &st.IPRetentionDays)
	if v, ok := read(SettingTrustApproved); ok {
		st.TrustApproved, _ = strconv.ParseBool(strings.TrimSpace(v))
	}
	p, err := antispam.ParsePolicy(read)
	if firstErr != nil {
		return st, firstErr
	}
	if err != nil {
		return st, err
	}
	st.AntispamPolicy = p
	return st, nil
}

// IsOpen reports whether an article takes new comments: comments are on for
// it and, with automatic closing, it was published recently enough.
func (st Settings) IsOpen(a *content.Article, now time.Time) bool {
	if !a.CommentsOpen || a.Status != content.Published {
		return false
	}
	if st.CloseAfterDays > 0 && now.Sub(a.PublishedAt) > time.Duration(st.CloseAfterDays)*24*time.Hour {
		return false
	}
	return true
}

// Token is a fresh form token for an article's comment form.
func (s *Service) Token(articleID int64) string {
	return s.Guard.Token("comment", strconv.FormatInt(articleID, 10))
}

// Input is what a reader sent with the comment form.
type Input struct {
	ArticleID int64
	ParentID  int64
	Name      string
	Email     string
	URL       string
	Body      string
	Token     string
	Honeypot  string
	IP        string
	// ArticleURL is the article's absolute URL, for the notification mail.
	ArticleURL string
	// AdminURL is the moderation queue's absolute URL, for the notification mail.
	AdminURL string
}

// Errors of the public form that are not about one field.
var (
	ErrClosed    = errors.New("comments on this article are closed")
	ErrNoParent  = errors.New("the comment you replied to does not exist")
	ErrTooDeep   = errors.New("replies cannot go deeper here")
	ErrNotPublic = errors.New("the article is not published")
)

func invalid(field, key, msg string, args ...any) error {
	return &content.ValidationError{Field: field, Message: msg, Key: key, Args: args}
}

// CheckFields validates and tidies the reader's fields; it is shared with
// the moderator's edit.
func CheckFields(name, email, site, body *string) error {
	*name = strings.Join(strings.Fields(*name), " ")
	if email != nil {
		*email = strings.TrimSpace(*email)
	}
	*site = strings.TrimSpace(*site)
	*body = strings.TrimSpace(strings.ReplaceAll(*body, "\r\n", "\n"))
	var errs []error
	switch n := utf8.RuneCountInString(*name); {
	case n == 0:
		errs = append(errs, invalid("name", "comments.invalid.name", "a name is needed"))
	case n > MaxName || !utf8.ValidString(*name):
		errs = append(errs, invalid("name", "comments.invalid.name_long", "the name is too long", MaxName))
	}
	if email != nil {
		if err := CheckEmail(*email); err != nil {
			errs = append(errs, err)
		}
	}
	if *site != "" {
		u, err := url.Parse(*site)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(*site) > MaxURL || strings.ContainsAny(*site, " \r\n\t<>\"") {
			errs = append(errs, invalid("url", "comments.invalid.url", "the website must be an http or https address"))
		}
	}
	switch n := utf8.RuneCountInString(*body); {
	case n == 0:
		errs = append(errs, invalid("body", "comments.invalid.body", "the comment is empty"))
	case n > MaxBody || !utf8.ValidString(*body):
		errs = append(errs, invalid("body", "comments.invalid.body_long", "the comment is too long", MaxBody))
	}
	return errors.Join(errs...)
}

// CheckEmail refuses anything but one plain address (no name, no line
// breaks), so it can go into a mail header safely.
func CheckEmail(email string) error {
	if email == "" {
		return invalid("email", "comments.invalid.email", "an e-mail address is needed")
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || len(email) > MaxEmail || !strings.Contains(email[strings.LastIndexByte(email, '@')+1:], ".") {
		return invalid("email", "comments.invalid.email", "this is not an e-mail address")
	}
	return nil
}

// Post checks and stores a reader's comment. It returns the stored comment
// (approved, pending or — for blocked words and addresses — spam, which the
// reader is told is held for review), a *content.ValidationError (possibly
// joined) for bad fields, an *antispam.Refusal, or ErrClosed, ErrNoParent,
// ErrTooDeep, ErrNotPublic. Nothing is stored on any error.
func (s *Service) Post(ctx context.Context, in Input) (*content.Comment, error) {
	now := s.now()
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	a, err := s.Store.ArticleByID(ctx, in.ArticleID)
	if err != nil {
		return nil, err
	}
	if a.Status != content.Published || a.PublishedAt.After(now) {
		return nil, ErrNotPublic
	}
	if !st.IsOpen(a, now) {
		return nil, ErrClosed
	}
	if err := CheckFields(&in.Name, &in.Email, &in.URL, &in.Body); err != nil {
		return nil, err
	}
	if in.ParentID != 0 {
		depth, err := s.depth(ctx, in.ParentID, a.ID)
		if err != nil {
			return nil, err
		}
		if depth+1 >= st.MaxDepth {
			return nil, ErrTooDeep
		}
	}
	c := &content.Comment{ArticleID: a.ID, ParentID: in.ParentID, AuthorName: in.Name, AuthorEmail: strings.ToLower(in.Email),
		AuthorURL: in.URL, Body: in.Body, Status: content.CommentPending, IPHash: s.Guard.HashIP(in.IP), CreatedAt: now}
	err = s.Guard.Check(ctx, st.AntispamPolicy, antispam.Submission{Form: "comment", Target: strconv.FormatInt(a.ID, 10),
		Token: in.Token, Honeypot: in.Honeypot, IP: in.IP, Email: in.Email, Text: []string{in.Name, in.URL, in.Body}})
	if r, ok := antispam.AsRefusal(err); ok && r.Spam {
		c.Status, c.SpamReason = content.CommentSpam, string(r.Reason)
	} else if err != nil {
		return nil, err
	}
	if c.Status == content.CommentPending && st.TrustApproved {
		n, err := s.Store.CountComments(ctx, Filter{Status: content.CommentApproved, Email: c.AuthorEmail})
		if err != nil {
			return nil, err
		}
		if n > 0 {
			c.Status = content.CommentApproved
		}
	}
	if err := s.Store.AddComment(ctx, c); err != nil {
		return nil, err
	}
	if c.Status != content.CommentSpam {
		s.notify(ctx, a, c, in.ArticleURL, in.AdminURL)
	}
	return c, nil
}

// depth is how deep a comment sits (0 for a top-level one); it must be an
// approved comment of the article.
func (s *Service) depth(ctx context.Context, id, articleID int64) (int, error) {
	depth := 0
	for i := 0; id != 0; i++ {
		c, err := s.Store.CommentByID(ctx, id)
		if err != nil {
			if errors.Is(err, content.ErrNotFound) {
				return 0, ErrNoParent
			}
			return 0, err
		}
		if c.ArticleID != articleID || (i == 0 && c.Status != content.CommentApproved) {
			return 0, ErrNoParent
		}
		if i > 0 {
			depth++
		}
		id = c.ParentID
		if i > 20 {
			break
		}
	}
	return depth, nil
}

// notify mails the article's author and the moderators about a new comment,
// each in their admin language. The mail is plain text, so nothing a reader
// typed can run in a mail program; a failure is logged, never shown to the
// reader.
func (s *Service) notify(ctx context.Context, a *content.Article, c *content.Comment, articleURL, adminURL string) {
	if s.Mail == nil {
		return
	}
	users, err := s.Store.Users(ctx)
	if err != nil {
		s.logger().Error("comment notification: listing accounts", "err", err)
		return
	}
	for _, u := range users {
		isAuthor := (a.OwnerID != 0 && u.ID == a.OwnerID) || (a.AuthorID != 0 && u.AuthorID == a.AuthorID)
		if !isAuthor && !u.Role.Can(user.ModerateComment) {
			continue
		}
		loc, err := i18n.New(u.Locale, i18n.Options{Calendar: i18n.Gregorian})
		if err != nil {
			loc, _ = i18n.New("en", i18n.Options{})
		}
		status := loc.T("mail.comment.status_" + c.Status)
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\n", loc.T("mail.comment.intro", a.Title))
		fmt.Fprintf(&b, "%s: %s\n%s: %s\n", loc.T("mail.comment.from"), c.AuthorName, loc.T("mail.comment.email"), c.AuthorEmail)
		if c.AuthorURL != "" {
			fmt.Fprintf(&b, "%s: %s\n", loc.T("mail.comment.website"), c.AuthorURL)
		}
		fmt.Fprintf(&b, "%s: %s\n\n%s\n\n", loc.T("mail.comment.state"), status, c.Body)
		if articleURL != "" {
			fmt.Fprintf(&b, "%s: %s\n", loc.T("mail.comment.article"), articleURL)
		}
		if adminURL != "" && u.Role.Can(user.ModerateComment) {
			fmt.Fprintf(&b, "%s: %s\n", loc.T("mail.comment.queue"), adminURL)
		}
		m := &mail.Message{To: []string{u.Email}, Subject: oneLine(loc.T("mail.comment.subject", a.Title)), Text: b.String(), Lang: loc.Lang()}
		if err := s.Mail.Send(ctx, m); err != nil {
			s.logger().Error("comment notification", "to", u.ID, "err", err)
		}
	}
}

// oneLine keeps a header value on one line.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r < ' ' }), " ")
}

// Moderation actions.
const (
	ActApprove = "approve"
	ActPending = "unapprove"
	ActSpam    = "spam"
	ActTrash   = "trash"
	ActRestore = "restore" // from spam or trash back to the queue
	ActDelete  = "delete"  // for good, from spam or trash
)

// ErrUnknownAction is returned for an action the queue does not know.
var ErrUnknownAction = errors.New("unknown moderation action")

// Moderate applies an action to comments and returns how many changed.
func (s *Service) Moderate(ctx context.Context, ids []int64, action string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	to := map[string]string{ActApprove: content.CommentApproved, ActPending: content.CommentPending, ActSpam: content.CommentSpam,
		ActTrash: content.CommentTrash, ActRestore: content.CommentPending}[action]
	if action == ActDelete {
		return s.Store.DeleteComments(ctx, ids)
	}
	if to == "" {
		return 0, ErrUnknownAction
	}
	return s.Store.SetCommentsStatus(ctx, ids, to, s.now())
}

// EmptySpam deletes every spam comment for good.
func (s *Service) EmptySpam(ctx context.Context) (int, error) {
	return s.Store.DeleteCommentsWithStatus(ctx, content.CommentSpam)
}

// EmptyTrash deletes every trashed comment for good.
func (s *Service) EmptyTrash(ctx context.Context) (int, error) {
	return s.Store.DeleteCommentsWithStatus(ctx, content.CommentTrash)
}

// Edit changes a comment's name, website and text (a moderator's fix).
func (s *Service) Edit(ctx context.Context, id int64, name, site, body string) (*content.Comment, error) {
	c, err := s.Store.CommentByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := CheckFields(&name, nil, &site, &body); err != nil {
		return nil, err
	}
	c.AuthorName, c.AuthorURL, c.Body, c.UpdatedAt = name, site, body, s.now()
	return c, s.Store.EditComment(ctx, c)
}

// Reply publishes a newsroom reply to a comment as the signed-in account,
// approving the comment replied to if it was waiting.
func (s *Service) Reply(ctx context.Context, parentID int64, u *user.User, body string) (*content.Comment, error) {
	parent, err := s.Store.CommentByID(ctx, parentID)
	if err != nil {
		return nil, err
	}
	if parent.Status == content.CommentSpam || parent.Status == content.CommentTrash {
		return nil, invalid("body", "comments.invalid.reply_spam", "approve or restore the comment before replying")
	}
	name, site := u.Name, ""
	if err := CheckFields(&name, nil, &site, &body); err != nil {
		return nil, err
	}
	if parent.Status != content.CommentApproved {
		if _, err := s.Store.SetCommentsStatus(ctx, []int64{parent.ID}, content.CommentApproved, s.now()); err != nil {
			return nil, err
		}
	}
	c := &content.Comment{ArticleID: parent.ArticleID, ParentID: parent.ID, AuthorName: name, AuthorEmail: strings.ToLower(u.Email),
		Body: body, Status: content.CommentApproved, UserID: u.ID, CreatedAt: s.now()}
	return c, s.Store.AddComment(ctx, c)
}

// Queue lists comments with a status for the moderation screen.
func (s *Service) Queue(ctx context.Context, f Filter) ([]content.Comment, int, error) {
	list, err := s.Store.ModerationQueue(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	count := f
	count.Limit, count.Offset = 0, 0
	n, err := s.Store.CountComments(ctx, count)
	return list, n, err
}

// Counts gives the number of comments per status.
func (s *Service) Counts(ctx context.Context) (map[string]int, error) {
	return s.Store.CommentStatusCounts(ctx)
}

// ByEmail lists everything a commenter wrote (for a privacy export).
func (s *Service) ByEmail(ctx context.Context, email string) ([]content.Comment, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return nil, nil
	}
	return s.Store.ModerationQueue(ctx, Filter{Email: email, Limit: 100000})
}

// DeleteByEmail deletes everything a commenter wrote (a privacy request).
func (s *Service) DeleteByEmail(ctx context.Context, email string) (int, error) {
	if err := CheckEmail(strings.TrimSpace(email)); err != nil {
		return 0, err
	}
	return s.Store.DeleteCommentsByEmail(ctx, email)
}

// SweepIPs drops the address hashes older than the retention period.
func (s *Service) SweepIPs(ctx context.Context) (int64, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return 0, err
	}
	return s.Store.ClearCommentIPs(ctx, s.now().Add(-time.Duration(st.IPRetentionDays)*24*time.Hour))
}
