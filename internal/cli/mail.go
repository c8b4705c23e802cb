package cli

import (
	"context"
	"log/slog"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/web"
)

// checkMail reads --smtp-url and --mail-from. No URL means the site sends
// no mail (the admin then says that reset links cannot be sent).
func checkMail(rawURL, from string) (*mail.SMTP, error) {
	if rawURL == "" {
		if from != "" {
			return nil, usagef("--mail-from is set but --smtp-url is empty: name the mail server too")
		}
		return nil, nil
	}
	s, err := mail.NewSMTP(rawURL, from)
	if err != nil {
		return nil, usagef("--smtp-url / --mail-from: %v", err)
	}
	return s, nil
}

// newOutbox makes the durable outbox over the database. Without a server
// it still stores mail (a newsletter confirmation, say), which waits until a
// node with --smtp-url sends it; the admin says so. The Sender it returns
// for password resets is nil then: a reset link expires long before anyone
// configures a server, so the admin tells the user no link can be sent.
func newOutbox(st mail.Store, s *mail.SMTP, baseURL string, logger *slog.Logger) (resets mail.Sender, box *mail.Outbox) {
	box = mail.NewOutbox(st, s, logger)
	if s == nil {
		logger.Info("no mail server configured (--smtp-url): mail waits in the outbox; password reset links cannot be sent")
		return nil, box
	}
	if baseURL == "" {
		logger.Warn("mail is on but --base-url is empty: links in mail use each request's Host header; set --base-url in production")
	}
	logger.Info("mail", "server", s.String(), "from", s.From.String())
	return box, box
}

// newsletterService builds the newsletter service: confirmations go
// through the mail outbox, subscribers' IP addresses are keyed with the
// guard's secret, and the subscribe form's rate limits come from the
// antispam settings.
func (a *app) newsletterService(guard *antispam.Guard, outbox mail.Sender, siteURL string, logger *slog.Logger) *newsletter.Service {
	policy := func(ctx context.Context) antispam.Policy {
		p, err := antispam.ParsePolicy(func(name string) (string, bool) {
			v, ok, err := a.store.Setting(ctx, name)
			return v, ok && err == nil
		})
		if err != nil {
			logger.Warn("antispam settings", "err", err)
		}
		return p
	}
	return &newsletter.Service{Store: a.store, Editions: a.store, Articles: a.store, Mail: outbox, Guard: guard, SiteURL: siteURL,
		ArticlePath: web.ArticlePath, Policy: policy, Logger: logger}
}
