package newsletter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/mail"
	"github.com/masthead-news/masthead/internal/mail/mailtest"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// fixture is a site with an English and a Persian edition, one article in
// each (the English one with a hostile title), and an outbox.
type fixture struct {
	path    string
	st      *store.Store
	svc     *newsletter.Service
	box     *mail.Outbox
	en, fa  *content.Article
	srv     *mailtest.Server
	smtp    *mail.SMTP
	hostile string
	later   time.Duration // how far the spam guard's clock has moved on
}

const hostileTitle = `<script>alert("x")</script> Tom & "Jerry" </td></table><img src=x onerror=alert(1)>`

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

func seed(t *testing.T, st *store.Store) (en, fa *content.Article) {
	t.Helper()
	ctx := context.Background()
	for i, e := range []edition.Edition{
		{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true},
		{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", Calendar: "persian", Digits: "arabext", TimeZone: "Asia/Tehran"},
	} {
		e.Position = i
		e.Settings = edition.Settings{SiteName: map[string]string{"en": "The Ledger", "fa": "دفتر"}[e.Code], ListingMode: "excerpt", PerPage: 10, CopyrightYear: 2020}
		if err := st.SaveEdition(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	csvc := &content.Service{Store: st}
	at := time.Now().Add(-24 * time.Hour).UTC()
	var arts []*content.Article
	for _, a := range []struct{ ed, cat, title, excerpt string }{
		{"en", "News", hostileTitle, `An excerpt with <b>tags</b> & "quotes"`},
		{"fa", "خبر", "باران در شهر", "خلاصهٔ کوتاه خبر"},
	} {
		c := &content.Category{Edition: a.ed, Slug: "news-" + a.ed, Name: a.cat}
		if err := csvc.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
		art := &content.Article{Edition: a.ed, Title: a.title, Excerpt: a.excerpt, BodySource: "<p>Body</p>", PrimaryCategoryID: c.ID, External: content.Byline{Writer: "Staff"},
			Status: content.Published, PublishedAt: at}
		if err := csvc.CreateArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, art)
	}
	return arts[0], arts[1]
}

func service(st *store.Store, sender mail.Sender) *newsletter.Service {
	secret, err := antispam.DecodeSecret(antispam.NewSecret())
	if err != nil {
		panic(err)
	}
	guard, err := antispam.NewGuard(secret, st)
	if err != nil {
		panic(err)
	}
	return &newsletter.Service{Store: st, Editions: st, Articles: st, Mail: sender, Guard: guard, SiteURL: "https://news.example.org", Logger: quiet(),
		ArticlePath: func(ed *edition.Edition, a *content.Article) string {
			return ed.Path("/" + a.PublishedAt.Format("2006/01/02") + "/" + a.Slug + "/")
		}}
}

// subscribe sends the subscribe form as a reader does: with the form's
// token, some seconds after the page showed it.
func (f *fixture) subscribe(ctx context.Context, req newsletter.SubscribeRequest) error {
	shown := time.Now().Add(f.later)
	f.svc.Guard.Now = func() time.Time { return shown }
	req.Token = f.svc.Token(req.Edition)
	f.later += antispam.Defaults().MinDelay + time.Second
	sent := shown.Add(antispam.Defaults().MinDelay + time.Second)
	f.svc.Guard.Now = func() time.Time { return sent }
	return f.svc.Subscribe(ctx, req)
}

func newFixture(t *testing.T, opts mailtest.Options) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "site.db")}
	f.st = openStore(t, f.path)
	f.en, f.fa = seed(t, f.st)
	f.srv = mailtest.Start(t, opts)
	s, err := mail.NewSMTP(f.srv.URL("", ""), "The Ledger <news@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	f.smtp = s
	f.box = mail.NewOutbox(f.st, s, quiet())
	f.svc = service(f.st, f.box)
	return f
}

// flush sends what the outbox holds.
func (f *fixture) flush(t *testing.T) {
	t.Helper()
	for {
		n, err := f.box.RunOnce(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

type parts struct {
	header     netmail.Header
	subject    string
	text, html string
}

func readMail(t *testing.T, data []byte) parts {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	p := parts{header: m.Header, subject: subject}
	_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			break
		}
		b, _ := io.ReadAll(quotedprintable.NewReader(part))
		if strings.HasPrefix(part.Header.Get("Content-Type"), "text/html") {
			p.html = string(b)
		} else {
			p.text = string(b)
		}
	}
	return p
}

var confirmLink = regexp.MustCompile(`https://news\.example\.org(/fa)?/newsletter/confirm/\?t=([0-9a-f]{48})`)

func TestDoubleOptInNeverRevealsAnExistingSubscription(t *testing.T) {
	f := newFixture(t, mailtest.Options{})
	ctx := t.Context()
	sub := func(email string) error {
		return f.subscribe(ctx, newsletter.SubscribeRequest{Edition: "fa", Email: email, IP: "203.0.113.9"})
	}
	if err := sub("Reader@Example.org"); err != nil {
		t.Fatal(err)
	}
	f.flush(t)
	got := readMail(t, f.srv.Next(t).Data)
	if got.header.Get("Content-Language") != "fa" || !strings.Contains(got.subject, "دفتر") || !strings.Contains(got.html, `dir="rtl"`) {
		t.Errorf("the confirmation is not in the edition's language: %q %v", got.subject, got.header)
	}
	m := confirmLink.FindStringSubmatch(got.text)
	if m == nil || m[1] != "/fa" {
		t.Fatalf("no confirmation link in %q", got.text)
	}
	// The link's GET page only shows a button; nothing is confirmed yet.
	if !f.svc.TokenValid(ctx, m[2], newsletter.PurposeConfirm) {
		t.Fatal("a fresh token is not valid")
	}
	counts, _ := f.svc.Counts(ctx, "fa")
	if counts[newsletter.Pending] != 1 || counts[newsletter.Confirmed] != 0 {
		t.Fatalf("counts before confirming: %v", counts)
	}
	// Subscribing again at once sends no second mail, and says nothing different.
	if err := sub("reader@example.org"); err != nil {
		t.Fatal(err)
	}
	f.flush(t)
	if p := f.srv.Pending(); len(p) != 0 {
		t.Fatalf("a second confirmation within minutes: %d", len(p))
	}
	s, err := f.svc.Confirm(ctx, m[2])
	if err != nil || s.Status != newsletter.Confirmed || s.ConsentAt.IsZero() || s.Email != "reader@example.org" || s.IPHash == "" || strings.Contains(s.IPHash, "203.0.113") {
		t.Fatalf("confirm: %+v %v", s, err)
	}
	if _, err := f.svc.Confirm(ctx, m[2]); !errors.Is(err, newsletter.ErrNotFound) {
		t.Errorf("a used token confirmed again: %v", err)
	}
	if err := sub("reader@example.org"); err != nil {
		t.Errorf("a confirmed address answers differently: %v", err)
	}
	f.flush(t)
	if p := f.srv.Pending(); len(p) != 0 {
		t.Errorf("a confirmed address got mail on subscribing again")
	}
	for _, bad := range []string{"", "not an address", "a@b", "Name <a@example.org>", "a@example.org\r\nBcc: v@example.org", strings.Repeat("a", 250) + "@example.org"} {
		var inv *newsletter.InvalidError
		if err := sub(bad); !errors.As(err, &inv) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if err := f.subscribe(ctx, newsletter.SubscribeRequest{Edition: "fa", Email: "bot@example.org", Honeypot: "http://spam"}); err == nil {
		t.Error("the honeypot was ignored")
	}
	if _, err := f.svc.SubscriberData(ctx, "bot@example.org"); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.svc.SubscriberData(ctx, "bot@example.org"); len(list) != 0 {
		t.Error("a honeypot hit was stored")
	}
}

func TestSubscribeRateLimits(t *testing.T) {
	f := newFixture(t, mailtest.Options{})
	f.svc.Policy = func(context.Context) antispam.Policy {
		p := antispam.Defaults()
		p.PerIP, p.PerEmail = 3, 2
		return p
	}
	var refusals []string
	for i := range 5 {
		err := f.subscribe(t.Context(), newsletter.SubscribeRequest{Edition: "en", Email: fmt.Sprintf("r%d@example.org", i), IP: "198.51.100.7"})
		if r, ok := antispam.AsRefusal(err); ok {
			refusals = append(refusals, string(r.Reason))
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if strings.Join(refusals, ",") != "rate_ip,rate_ip" {
		t.Errorf("per-address limit: %v", refusals)
	}
	refusals = nil
	for i := range 3 {
		err := f.subscribe(t.Context(), newsletter.SubscribeRequest{Edition: "en", Email: "same@example.org", IP: fmt.Sprintf("192.0.2.%d", i)})
		if r, ok := antispam.AsRefusal(err); ok {
			refusals = append(refusals, string(r.Reason))
		}
	}
	if strings.Join(refusals, ",") != "rate_email" {
		t.Errorf("per-e-mail limit: %v", refusals)
	}
}

func TestIssueEscapesAndFollowsTheEditionsDirection(t *testing.T) {
	f := newFixture(t, mailtest.Options{})
	ctx := t.Context()
	c, err := f.svc.SaveCampaign(ctx, 0, newsletter.CampaignInput{Edition: "en", Subject: "Weekly <b>digest</b>", Intro: "Hello & welcome.\n\n<script>alert(5)</script>", ArticleIDs: []int64{f.en.ID}})
	if err != nil {
		t.Fatal(err)
	}
	html, text, err := f.svc.Render(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<img", "</td></table><img", "<b>digest", "<b>tags"} {
		if strings.Contains(html, bad) {
			t.Errorf("the HTML part carries %q unescaped", bad)
		}
	}
	for _, want := range []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Tom &amp; &#34;Jerry&#34;`, `dir="ltr"`, `lang="en"`, "Weekly &lt;b&gt;digest&lt;/b&gt;", "&lt;script&gt;alert(5)"} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML part lacks %q:\n%s", want, html)
		}
	}
	if !strings.Contains(text, hostileTitle) || !strings.Contains(text, newsletter.UnsubscribePlaceholder) || strings.Contains(text, "&amp;") {
		t.Errorf("the text part is not plain text:\n%s", text)
	}
	// Persian: right to left, Persian strings and digits.
	c2, err := f.svc.SaveCampaign(ctx, 0, newsletter.CampaignInput{Edition: "fa", Subject: "خبرنامهٔ هفته", ArticleIDs: []int64{f.fa.ID}})
	if err != nil {
		t.Fatal(err)
	}
	html, _, _ = f.svc.Render(ctx, c2)
	if strings.Contains(html, "ZgotmplZ") || !strings.Contains(html, "font-family:Tahoma,") {
		t.Errorf("the Persian issue's fonts were not kept:\n%s", html)
	}
	if !strings.Contains(html, `<html lang="fa" dir="rtl">`) || !strings.Contains(html, "text-align:right") || !strings.Contains(html, "باران در شهر") {
		t.Errorf("the Persian issue:\n%s", html)
	}
	// Bad compositions change nothing.
	for name, in := range map[string]newsletter.CampaignInput{
		"no subject":             {Edition: "en", ArticleIDs: []int64{f.en.ID}},
		"a line break":           {Edition: "en", Subject: "a\r\nBcc: v@example.org", ArticleIDs: []int64{f.en.ID}},
		"no articles":            {Edition: "en", Subject: "x"},
		"another edition's":      {Edition: "en", Subject: "x", ArticleIDs: []int64{f.fa.ID}},
		"an unknown article":     {Edition: "en", Subject: "x", ArticleIDs: []int64{999999}},
		"an unknown edition":     {Edition: "xx", Subject: "x", ArticleIDs: []int64{f.en.ID}},
		"a subject that is long": {Edition: "en", Subject: strings.Repeat("x", 201), ArticleIDs: []int64{f.en.ID}},
	} {
		var inv *newsletter.InvalidError
		if _, err := f.svc.SaveCampaign(ctx, 0, in); !errors.As(err, &inv) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if list, _ := f.svc.Campaigns(ctx, ""); len(list) != 2 {
		t.Errorf("%d campaigns stored", len(list))
	}
}

func TestCSVImportChecksEveryLineFirst(t *testing.T) {
	f := newFixture(t, mailtest.Options{})
	ctx := t.Context()
	bad := "email,name\nok@example.org,Ok\nnot-an-address,X\n,Empty\nfine@example.org\n\"unterminated@example.org,\n"
	_, err := f.svc.Import(ctx, "en", strings.NewReader(bad), true)
	var ie *newsletter.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("a bad file: %v", err)
	}
	var lines []string
	for _, l := range ie.Lines {
		lines = append(lines, fmt.Sprintf("%d:%s", l.Line, l.Key))
	}
	if got := strings.Join(lines, " "); !strings.HasPrefix(got, "3:newsletter.import.bad_email 4:newsletter.import.no_email 6:") {
		t.Errorf("reported lines: %s", got)
	}
	if n, _ := f.st.CountSubscribers(ctx, newsletter.Filter{}); n != 0 {
		t.Fatalf("a refused file stored %d subscribers", n)
	}
	// Without consent every new address gets the opt-in mail; with it they are confirmed.
	res, err := f.svc.Import(ctx, "en", strings.NewReader("a@example.org\nB@example.org\na@example.org\n"), false)
	if err != nil || res.Added != 2 || res.Invited != 2 || res.Confirmed != 0 {
		t.Fatalf("import without consent: %+v %v", res, err)
	}
	f.flush(t)
	if got := len(f.srv.Pending()); got != 2 {
		t.Errorf("%d opt-in mails, want 2", got)
	}
	res, err = f.svc.Import(ctx, "en", strings.NewReader("email\nb@example.org\nc@example.org\n"), true)
	if err != nil || res.Added != 1 || res.Confirmed != 1 || res.Existing != 1 {
		t.Fatalf("import with consent: %+v %v", res, err)
	}
	counts, _ := f.svc.Counts(ctx, "en")
	if counts[newsletter.Pending] != 2 || counts[newsletter.Confirmed] != 1 {
		t.Errorf("counts %v", counts)
	}
	var out bytes.Buffer
	if err := f.svc.Export(ctx, newsletter.Filter{Edition: "en"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "email,edition,status,source,consent_at,created_at\n") || strings.Count(out.String(), "\n") != 4 ||
		!strings.Contains(out.String(), "c@example.org,en,confirmed,import,") {
		t.Errorf("export:\n%s", out.String())
	}
	if n, err := f.svc.Forget(ctx, "B@example.org"); err != nil || n != 1 {
		t.Errorf("forget: %d %v", n, err)
	}
	if list, _ := f.svc.SubscriberData(ctx, "b@example.org"); len(list) != 0 {
		t.Error("a forgotten address is still there")
	}
	for _, file := range []string{"", "email\n", strings.Repeat("x", 6<<20)} {
		if _, err := f.svc.Import(ctx, "en", strings.NewReader(file), true); !errors.As(err, &ie) {
			t.Errorf("file of %d bytes: %v", len(file), err)
		}
	}
}

// subscribe adds n confirmed subscribers to an edition, quickly.
func subscribe(t *testing.T, svc *newsletter.Service, ed string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "reader%04d@example.org\n", i)
	}
	if _, err := svc.Import(t.Context(), ed, strings.NewReader(b.String()), true); err != nil {
		t.Fatal(err)
	}
}

func TestSenderRetriesThrottlesAndSetsListHeaders(t *testing.T) {
	var mu sync.Mutex
	tries := map[string]int{}
	var accepted []mailtest.Received
	var times []time.Time
	f := newFixture(t, mailtest.Options{OnData: func(r mailtest.Received) error {
		mu.Lock()
		defer mu.Unlock()
		tries[r.To[0]]++
		switch {
		case r.To[0] == "reader0001@example.org" && tries[r.To[0]] == 1:
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "later"}
		case r.To[0] == "reader0002@example.org":
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		accepted = append(accepted, r)
		times = append(times, time.Now())
		return nil
	}})
	ctx := t.Context()
	subscribe(t, f.svc, "en", 6)
	c, err := f.svc.SaveCampaign(ctx, 0, newsletter.CampaignInput{Edition: "en", Subject: "Issue 1", ArticleIDs: []int64{f.en.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.svc.Start(ctx, c.ID); err != nil || n != 6 {
		t.Fatalf("start: %d %v", n, err)
	}
	if _, err := f.svc.Start(ctx, c.ID); err == nil {
		t.Error("a campaign was started twice")
	}
	clock := time.Now()
	f.svc.Now = func() time.Time { return clock }
	w := &newsletter.Sender{Service: f.svc, SMTP: f.smtp, Rate: 20, RetryBase: time.Minute, Logger: quiet()}
	if n, err := w.RunOnce(ctx); err != nil || n != 6 {
		t.Fatalf("first round: %d %v", n, err)
	}
	p, _ := f.svc.Progress(ctx, c.ID)
	if p.Sent != 4 || p.Failed != 1 || p.Queued != 1 || p.Percent() != 83 {
		t.Fatalf("progress after the first round: %+v", p)
	}
	if n, _ := w.RunOnce(ctx); n != 0 {
		t.Fatal("a retry was sent before its backoff")
	}
	clock = clock.Add(time.Minute)
	if n, _ := w.RunOnce(ctx); n != 1 {
		t.Fatal("the retry was not sent after its backoff")
	}
	p, _ = f.svc.Progress(ctx, c.ID)
	if p.Sent != 5 || p.Failed != 1 || p.Total() != 6 {
		t.Fatalf("final progress: %+v", p)
	}
	if c, _ := f.svc.Campaign(ctx, c.ID); c.Status != newsletter.Done {
		t.Errorf("campaign status %q", c.Status)
	}
	failed, _ := f.svc.Recipients(ctx, c.ID, newsletter.SendFailed, 10)
	if len(failed) != 1 || failed[0].Email != "reader0002@example.org" || !strings.Contains(failed[0].LastError, "550") {
		t.Errorf("failed recipients: %+v", failed)
	}
	// Throttle: 20 per second means at least 50 ms between messages.
	if span := times[3].Sub(times[0]); span < 140*time.Millisecond {
		t.Errorf("4 messages within %v at 20/s", span)
	}
	// Headers: RFC 8058 one-click, a List-Id, and a working, personal link.
	m := readMail(t, accepted[0].Data)
	lu := m.header.Get("List-Unsubscribe")
	if !regexp.MustCompile(`^<https://news\.example\.org/newsletter/unsubscribe/\?t=[0-9a-f]{48}>$`).MatchString(lu) ||
		m.header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" || m.header.Get("List-Id") != "<newsletter-en.news.example.org>" {
		t.Fatalf("headers: %v", m.header)
	}
	link := strings.Trim(lu, "<>")
	if !strings.Contains(m.html, link) || !strings.Contains(m.text, link) || strings.Contains(m.html, newsletter.UnsubscribePlaceholder) {
		t.Error("the footer link is not the recipient's own")
	}
	other := readMail(t, accepted[1].Data).header.Get("List-Unsubscribe")
	if other == lu {
		t.Error("two recipients share an unsubscribe link")
	}
	token := link[strings.Index(link, "?t=")+3:]
	sub, err := f.svc.Unsubscribe(ctx, token)
	if err != nil || sub.Email != accepted[0].To[0] || sub.Status != newsletter.Unsubscribed {
		t.Fatalf("unsubscribe: %+v %v", sub, err)
	}
	if _, err := f.svc.Unsubscribe(ctx, token); err != nil {
		t.Errorf("unsubscribing twice: %v", err)
	}
}

// The subscribe form has the defences of every public form: a forged,
// missing, hurried or replayed token is refused, and nothing is stored.
func TestSubscribeNeedsAFreshToken(t *testing.T) {
	f := newFixture(t, mailtest.Options{})
	ctx := t.Context()
	now := time.Now()
	f.svc.Guard.Now = func() time.Time { return now }
	token := f.svc.Token("en")
	for _, c := range []struct {
		name, token string
		after       time.Duration
		want        antispam.Reason
	}{
		{"no token", "", time.Minute, antispam.BadToken},
		{"another form's token", f.svc.Guard.Token("contact", "en"), time.Minute, antispam.BadToken},
		{"another edition's token", f.svc.Token("fa"), time.Minute, antispam.BadToken},
		{"too soon", token, time.Second, antispam.TooFast},
		{"too late", token, 48 * time.Hour, antispam.Expired},
	} {
		sent := now.Add(c.after)
		f.svc.Guard.Now = func() time.Time { return sent }
		err := f.svc.Subscribe(ctx, newsletter.SubscribeRequest{Edition: "en", Email: "victim@example.org", Token: c.token, IP: "192.0.2.50"})
		if r, ok := antispam.AsRefusal(err); !ok || r.Reason != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
	sent := now.Add(time.Minute)
	f.svc.Guard.Now = func() time.Time { return sent }
	if err := f.svc.Subscribe(ctx, newsletter.SubscribeRequest{Edition: "en", Email: "reader@example.org", Token: token, IP: "192.0.2.50"}); err != nil {
		t.Fatalf("a good token: %v", err)
	}
	err := f.svc.Subscribe(ctx, newsletter.SubscribeRequest{Edition: "en", Email: "victim@example.org", Token: token, IP: "192.0.2.50"})
	if r, ok := antispam.AsRefusal(err); !ok || r.Reason != antispam.Reused {
		t.Errorf("a replayed token: %v", err)
	}
	if list, _ := f.svc.SubscriberData(ctx, "victim@example.org"); len(list) != 0 {
		t.Errorf("a refused address was stored: %+v", list)
	}
}
