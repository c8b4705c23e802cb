package cli

import (
	"strings"
	"testing"
)

func TestMailFlagsAreCheckedBeforeServing(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"not an smtp url", nil, []string{"serve", "--data", dir, "--smtp-url", "http://mail.example.org", "--mail-from", "news@example.org"}, "smtp:// or smtps://"},
		{"no sender", nil, []string{"serve", "--data", dir, "--smtp-url", "smtp://mail.example.org:587"}, "--mail-from"},
		{"sender without server", nil, []string{"serve", "--data", dir, "--mail-from", "news@example.org"}, "--smtp-url is empty"},
		{"bad sender from the environment", map[string]string{"MASTHEAD_SMTP_URL": "smtp://relay", "MASTHEAD_MAIL_FROM": "not an address"},
			[]string{"serve", "--data", dir}, "sender address"},
		{"password in clear", nil, []string{"serve", "--data", dir, "--smtp-url", "smtp://u:secret@mail.example.org?starttls=off", "--mail-from", "news@example.org"}, "without TLS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.env, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Fatalf("exit %d, stderr %q (want %q on one line)", code, stderr, tc.want)
			}
			if strings.Contains(stderr, "secret") {
				t.Fatalf("the password is on stderr: %q", stderr)
			}
		})
	}
	if s, err := checkMail("smtps://u:p@mail.example.org", "Newsroom <news@example.org>"); err != nil || s == nil || !s.Implicit {
		t.Fatalf("a good configuration: %+v %v", s, err)
	}
	if s, err := checkMail("", ""); err != nil || s != nil {
		t.Fatalf("no mail: %+v %v", s, err)
	}
}
