package cli

import (
	"log/slog"

	"github.com/masthead-news/masthead/internal/mail"
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

// newOutbox puts a background queue in front of the mail server, so web
// requests never wait for it. It returns a nil Sender (and queue) when no
// server is configured.
func newOutbox(s *mail.SMTP, baseURL string, logger *slog.Logger) (mail.Sender, *mail.Queue) {
	if s == nil {
		logger.Info("no mail server configured (--smtp-url): password reset links cannot be sent")
		return nil, nil
	}
	if baseURL == "" {
		logger.Warn("mail is on but --base-url is empty: links in mail use each request's Host header; set --base-url in production")
	}
	logger.Info("mail", "server", s.String(), "from", s.From.String())
	q := mail.NewQueue(s, 256, logger)
	return q, q
}
