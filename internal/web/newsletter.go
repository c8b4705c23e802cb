package web

import (
	"errors"
	"github.com/masthead-news/masthead/internal/clientaddr"
	"math"
	"net/http"
	"strconv"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/newsletter"
)

// The newsletter's public side: the subscribe form (a partial in the
// sidebar, the footer and under each article; it carries no per-reader
// token, so pages holding it stay cacheable), the confirmation landing page
// (GET shows a button, only the POST confirms, so a mail scanner that
// prefetches the link confirms nothing) and unsubscribing (GET shows a
// button; a POST, including RFC 8058's one-click POST from a mail
// provider, unsubscribes).

// NewsletterPage is the data of every newsletter page.
type NewsletterPage struct {
	*Page
	Heading string
	Message string
	Error   string // a refused subscription, in the edition's language
	Email   string // the address typed, shown again with an error
	Token   string // for the confirm and unsubscribe buttons
	Action  string // the button's form action; empty shows no button
	Button  string
	Status  int
}

func (s *Server) newsletterPage(w http.ResponseWriter, r *http.Request, d *NewsletterPage, title string) {
	p, err := s.base(r.Context(), r, title, "")
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Robots = "noindex"
	d.Page = p
	if d.Heading == "" {
		d.Heading = title
	}
	// Nothing here may be kept by the page cache or a CDN: the pages carry
	// a reader's token or answer a reader's form.
	w.Header().Set("Cache-Control", "no-store")
	if d.Status == 0 {
		d.Status = http.StatusOK
	}
	s.render(w, r, d.Status, "newsletter.html", d)
}

func (s *Server) subscribe(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	loc := re.locale
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		s.newsletterPage(w, r, &NewsletterPage{Error: loc.T("newsletter.error.email_invalid"), Status: http.StatusBadRequest}, loc.T("newsletter.form.title"))
		return
	}
	email := r.PostForm.Get("email")
	err := s.deps.Newsletter.Subscribe(r.Context(), newsletter.SubscribeRequest{Edition: re.ed.Code, Email: email,
		Token: r.PostForm.Get("token"), Honeypot: r.PostForm.Get("website"), IP: clientaddr.IP(r)})
	var inv *newsletter.InvalidError
	switch refusal, isRefusal := antispam.AsRefusal(err); {
	case err == nil:
		s.newsletterPage(w, r, &NewsletterPage{Heading: loc.T("newsletter.subscribed.title"), Message: loc.T("newsletter.subscribed.body")}, loc.T("newsletter.subscribed.title"))
	case errors.As(err, &inv):
		if len(email) > newsletter.MaxEmail {
			email = ""
		}
		s.newsletterPage(w, r, &NewsletterPage{Error: loc.T(inv.Key, inv.Args...), Email: email, Status: http.StatusUnprocessableEntity}, loc.T("newsletter.form.title"))
	case isRefusal:
		status := http.StatusUnprocessableEntity
		if refusal.RetryAfter > 0 {
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", itoaSeconds(refusal.RetryAfter.Seconds()))
		}
		if len(email) > newsletter.MaxEmail || refusal.Reason == antispam.Honeypot {
			email = ""
		}
		// The page's form carries a fresh token: a reader who was too quick
		// or too slow sends it again.
		s.newsletterPage(w, r, &NewsletterPage{Error: loc.T(refusal.Key()), Email: email, Status: status}, loc.T("newsletter.form.title"))
	default:
		s.serverError(w, r, err)
	}
}

func itoaSeconds(f float64) string { return strconv.Itoa(max(1, int(math.Ceil(f)))) }

// ArticlePath is an article's canonical path (with its edition's prefix),
// for links made outside a request, such as those in a newsletter.
func ArticlePath(ed *edition.Edition, a *content.Article) string { return articlePath(ed, a) }

// invalidLink answers a token that is unknown, used or expired.
func (s *Server) invalidLink(w http.ResponseWriter, r *http.Request) {
	loc := editionFrom(r.Context()).locale
	s.newsletterPage(w, r, &NewsletterPage{Message: loc.T("newsletter.link_invalid.body"), Status: http.StatusNotFound}, loc.T("newsletter.link_invalid.title"))
}

func (s *Server) confirmForm(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	t := r.URL.Query().Get("t")
	if !s.deps.Newsletter.TokenValid(r.Context(), t, newsletter.PurposeConfirm) {
		s.invalidLink(w, r)
		return
	}
	loc := re.locale
	s.newsletterPage(w, r, &NewsletterPage{Message: loc.T("newsletter.confirm.body", re.ed.Settings.SiteName), Token: t,
		Action: re.ed.Path("/newsletter/confirm/"), Button: loc.T("newsletter.confirm.button")}, loc.T("newsletter.confirm.title"))
}

func (s *Server) confirm(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	_ = r.ParseForm()
	sub, err := s.deps.Newsletter.Confirm(r.Context(), r.PostForm.Get("t"))
	switch {
	case errors.Is(err, newsletter.ErrNotFound):
		s.invalidLink(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		loc := re.locale
		s.newsletterPage(w, r, &NewsletterPage{Message: loc.T("newsletter.confirmed.body", sub.Email)}, loc.T("newsletter.confirmed.title"))
	}
}

func (s *Server) unsubscribeForm(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	t := r.URL.Query().Get("t")
	if !s.deps.Newsletter.TokenValid(r.Context(), t, newsletter.PurposeUnsubscribe) {
		s.invalidLink(w, r)
		return
	}
	loc := re.locale
	s.newsletterPage(w, r, &NewsletterPage{Message: loc.T("newsletter.unsubscribe.body"), Token: t,
		Action: re.ed.Path("/newsletter/unsubscribe/"), Button: loc.T("newsletter.unsubscribe.button")}, loc.T("newsletter.unsubscribe.title"))
}

// unsubscribe takes the landing page's button and RFC 8058's one-click
// POST (body "List-Unsubscribe=One-Click", the token in the URL). It is
// the one POST exempt from cross-origin protection (middleware.go): a mail
// provider sends it without a browser's headers, and all it can do, with a
// token only the recipient has, is stop mail.
func (s *Server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	re := editionFrom(r.Context())
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	_ = r.ParseForm()
	t := r.URL.Query().Get("t")
	if t == "" {
		t = r.PostForm.Get("t")
	}
	sub, err := s.deps.Newsletter.Unsubscribe(r.Context(), t)
	switch {
	case errors.Is(err, newsletter.ErrNotFound):
		s.invalidLink(w, r)
	case err != nil:
		s.serverError(w, r, err)
	default:
		loc := re.locale
		s.newsletterPage(w, r, &NewsletterPage{Message: loc.T("newsletter.unsubscribed.body", sub.Email)}, loc.T("newsletter.unsubscribed.title"))
	}
}
