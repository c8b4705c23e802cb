package newsletter

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/mail"
)

// Subscribers lists subscribers for the admin.
func (s *Service) Subscribers(ctx context.Context, f Filter) ([]Subscriber, int, error) {
	if f.Status != "" && !validStatus(f.Status) {
		return nil, 0, invalid("newsletter.error.status")
	}
	n, err := s.Store.CountSubscribers(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.Store.Subscribers(ctx, f)
	return list, n, err
}

// Counts counts an edition's subscribers by status ("" for all editions).
func (s *Service) Counts(ctx context.Context, edition string) (map[string]int, error) {
	return s.Store.SubscriberCounts(ctx, edition)
}

func validStatus(st string) bool { return st == Pending || st == Confirmed || st == Unsubscribed }

// LineError is one refused line of an import.
type LineError struct {
	Line int
	Key  string // catalog key of the reason
	Text string // the offending value, shortened
}

// ImportError lists every refused line; nothing was imported.
type ImportError struct{ Lines []LineError }

func (e *ImportError) Error() string {
	return fmt.Sprintf("newsletter: the import has %d bad lines; nothing was imported", len(e.Lines))
}

// ImportResult counts what an import did.
type ImportResult struct {
	Added     int // new subscribers
	Confirmed int // of those, marked confirmed on the operator's word
	Invited   int // of those, sent the opt-in mail
	Existing  int // already subscribed to the edition, left as they were
}

// Import reads a CSV file of addresses (one per line; a first line naming
// an "email" column is a header, and other columns are ignored) into an
// edition. Every line is checked first: one bad line refuses the whole
// file with every bad line's number, and nothing changes. With consented
// (the operator ticks that these people agreed) new addresses are
// confirmed at once; otherwise each gets the opt-in mail. Addresses that
// are already subscribed are left alone, whatever their state.
func (s *Service) Import(ctx context.Context, editionCode string, r io.Reader, consented bool) (ImportResult, error) {
	var res ImportResult
	ed, loc, err := s.edition(ctx, editionCode)
	if err != nil {
		return res, err
	}
	emails, err := readImport(r)
	if err != nil {
		return res, err
	}
	now := s.now()
	err = s.Store.WithinTx(ctx, func(ctx context.Context) error {
		res = ImportResult{}
		for _, email := range emails {
			if _, err := s.Store.SubscriberByEmail(ctx, ed.Code, email); err == nil {
				res.Existing++
				continue
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
			sub := &Subscriber{Edition: ed.Code, Email: email, Status: Pending, Source: "import", CreatedAt: now, UpdatedAt: now}
			if consented {
				sub.Status, sub.ConsentAt = Confirmed, now
			} else {
				sub.ConfirmSentAt = now
			}
			if err := s.Store.SaveSubscriber(ctx, sub); err != nil {
				return err
			}
			res.Added++
			if consented {
				res.Confirmed++
				continue
			}
			if err := s.sendConfirmation(ctx, ed, loc, sub); err != nil {
				return err
			}
			res.Invited++
		}
		return nil
	})
	return res, err
}

// readImport checks every line of an import file and gives the addresses
// (each once), or an *ImportError with all bad lines.
func readImport(r io.Reader) ([]string, error) {
	lr := &io.LimitedReader{R: r, N: maxImportBytes + 1}
	cr := csv.NewReader(bufio.NewReader(lr))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out []string
	seen := map[string]bool{}
	var bad []LineError
	col := 0
	for i := 0; ; i++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			bad = append(bad, LineError{Line: line, Key: "newsletter.import.unreadable"})
			if len(bad) >= 100 || !errors.As(err, &pe) {
				break
			}
			continue
		}
		if i == 0 {
			found := false
			for j, f := range rec {
				if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(f, "\ufeff")), "email") || strings.EqualFold(strings.TrimSpace(f), "e-mail") {
					col, found = j, true
				}
			}
			if found {
				continue
			}
		}
		line, _ = cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		raw := ""
		if col < len(rec) {
			raw = strings.TrimPrefix(rec[col], "\ufeff")
		}
		email, err := NormalizeEmail(raw)
		if err != nil {
			key := "newsletter.import.bad_email"
			if strings.TrimSpace(raw) == "" {
				key = "newsletter.import.no_email"
			}
			bad = append(bad, LineError{Line: line, Key: key, Text: shorten(raw, 60)})
			if len(bad) >= 100 {
				break
			}
			continue
		}
		if !seen[email] {
			seen[email] = true
			out = append(out, email)
		}
	}
	if lr.N <= 0 {
		return nil, &ImportError{Lines: []LineError{{Line: 0, Key: "newsletter.import.too_big"}}}
	}
	if len(bad) > 0 {
		return nil, &ImportError{Lines: bad}
	}
	if len(out) == 0 {
		return nil, &ImportError{Lines: []LineError{{Line: 0, Key: "newsletter.import.empty"}}}
	}
	return out, nil
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// Export writes the subscribers of an edition ("" for all) as CSV.
func (s *Service) Export(ctx context.Context, f Filter, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"email", "edition", "status", "source", "consent_at", "created_at"}); err != nil {
		return err
	}
	f.Limit = 1000
	for f.Offset = 0; ; f.Offset += f.Limit {
		list, err := s.Store.Subscribers(ctx, f)
		if err != nil {
			return err
		}
		for _, sub := range list {
			if err := cw.Write([]string{csvSafe(sub.Email), sub.Edition, sub.Status, sub.Source, stamp(sub.ConsentAt), stamp(sub.CreatedAt)}); err != nil {
				return err
			}
		}
		if len(list) < f.Limit {
			break
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// SubscriberData is everything kept about one address, for a request to
// see it.
func (s *Service) SubscriberData(ctx context.Context, email string) ([]Subscriber, error) {
	email, err := NormalizeEmail(email)
	if err != nil {
		return nil, err
	}
	return s.Store.Subscribers(ctx, Filter{Email: email, Limit: 100})
}

// Forget deletes an address from every edition (its tokens and send
// records go with it) and gives how many subscriptions were deleted.
func (s *Service) Forget(ctx context.Context, email string) (int, error) {
	email, err := NormalizeEmail(email)
	if err != nil {
		return 0, err
	}
	return s.Store.DeleteSubscribers(ctx, email)
}

// CampaignInput is what the compose form sent.
type CampaignInput struct {
	Edition    string
	Subject    string
	Intro      string
	ArticleIDs []int64
	By         int64
}

// SaveCampaign creates (id 0) or updates a draft after checking it.
func (s *Service) SaveCampaign(ctx context.Context, id int64, in CampaignInput) (*Campaign, error) {
	in.Subject = strings.TrimSpace(in.Subject)
	in.Intro = strings.TrimSpace(strings.ReplaceAll(in.Intro, "\r\n", "\n"))
	switch {
	case in.Subject == "":
		return nil, invalid("newsletter.error.subject_missing")
	case utf8.RuneCountInString(in.Subject) > MaxSubject:
		return nil, invalid("newsletter.error.subject_long", MaxSubject)
	case mail.CheckHeader(in.Subject) != nil:
		return nil, invalid("newsletter.error.subject_invalid")
	case utf8.RuneCountInString(in.Intro) > MaxIntro || !utf8.ValidString(in.Intro):
		return nil, invalid("newsletter.error.intro_long", MaxIntro)
	}
	ed, _, err := s.edition(ctx, in.Edition)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, a := range in.ArticleIDs {
		if !seen[a] {
			seen[a] = true
			ids = append(ids, a)
		}
	}
	if _, err := s.campaignArticles(ctx, ed, ids); err != nil {
		return nil, err
	}
	now := s.now()
	c := &Campaign{Edition: ed.Code, Subject: in.Subject, Intro: in.Intro, ArticleIDs: ids, Status: Draft, CreatedBy: in.By, CreatedAt: now, UpdatedAt: now}
	if id == 0 {
		return c, s.Store.CreateCampaign(ctx, c)
	}
	old, err := s.Store.CampaignByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if old.Status != Draft {
		return nil, invalid("newsletter.error.not_draft")
	}
	c.ID, c.CreatedBy, c.CreatedAt = old.ID, old.CreatedBy, old.CreatedAt
	return c, s.Store.UpdateCampaign(ctx, c)
}

// Campaign loads one campaign.
func (s *Service) Campaign(ctx context.Context, id int64) (*Campaign, error) {
	return s.Store.CampaignByID(ctx, id)
}

// Campaigns lists the latest campaigns of an edition ("" for all).
func (s *Service) Campaigns(ctx context.Context, edition string) ([]Campaign, error) {
	return s.Store.Campaigns(ctx, edition, 50)
}

// Progress counts a campaign's recipients by state.
func (s *Service) Progress(ctx context.Context, id int64) (Progress, error) {
	return s.Store.CampaignProgress(ctx, id)
}

// Recipients lists a campaign's recipients in a state ("" for all).
func (s *Service) Recipients(ctx context.Context, id int64, state string, limit int) ([]Send, error) {
	return s.Store.CampaignSends(ctx, id, state, limit)
}

// SendTest sends a campaign (rendered now) to one address, the editor's
// own, through the outbox; it is marked as a test in the subject.
func (s *Service) SendTest(ctx context.Context, c *Campaign, to string) error {
	to, err := NormalizeEmail(to)
	if err != nil {
		return err
	}
	ed, loc, err := s.edition(ctx, c.Edition)
	if err != nil {
		return err
	}
	h, t, err := s.Render(ctx, c)
	if err != nil {
		return err
	}
	link := strings.TrimSuffix(s.SiteURL, "/") + ed.Path("/")
	m := &mail.Message{To: []string{to}, Subject: loc.T("newsletter.test_subject", c.Subject), Text: personalize(t, link), HTML: personalize(h, link), Lang: ed.Lang}
	return s.Mail.Send(ctx, m)
}

// Start renders a draft and queues it for every confirmed subscriber of
// its edition in one transaction; the sender worker does the rest.
func (s *Service) Start(ctx context.Context, id int64) (int, error) {
	c, err := s.Store.CampaignByID(ctx, id)
	if err != nil {
		return 0, err
	}
	if c.Status != Draft {
		return 0, invalid("newsletter.error.not_draft")
	}
	if c.HTML, c.Text, err = s.Render(ctx, c); err != nil {
		return 0, err
	}
	n, err := s.Store.StartCampaign(ctx, c, s.now())
	if err == nil {
		s.logger().Info("newsletter: sending", "campaign", c.ID, "edition", c.Edition, "recipients", n)
	}
	return n, err
}
