package admin

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/newsletter"
	"github.com/masthead-news/masthead/internal/user"
)

// The newsletter screens: subscribers (filters, counts, CSV import and
// export, one person's data shown, downloaded or deleted) and issues
// (compose from an edition's articles, preview, a test to oneself, send to
// every confirmed subscriber, and the progress per recipient). All of it
// needs the newsletter.manage permission; subscriber lists are personal data.

func init() {
	pageFiles = append(pageFiles, "newsletter.html", "newsletter_person.html", "newsletter_campaign.html")
}

func (h *Handler) newsletterRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /admin/newsletter/{$}", h.signedIn(h.subscriberList))
	m.HandleFunc("GET /admin/newsletter/export.csv", h.signedIn(h.subscriberExport))
	m.HandleFunc("POST /admin/newsletter/import", h.signedIn(h.subscriberImport))
	m.HandleFunc("GET /admin/newsletter/person", h.signedIn(h.subscriberPerson))
	m.HandleFunc("POST /admin/newsletter/person/delete", h.signedIn(h.subscriberForget))
	m.HandleFunc("GET /admin/newsletter/compose", h.signedIn(h.campaignNew))
	m.HandleFunc("POST /admin/newsletter/compose", h.signedIn(h.campaignCreate))
	m.HandleFunc("GET /admin/newsletter/issues/{id}/{$}", h.signedIn(h.campaignShow))
	m.HandleFunc("POST /admin/newsletter/issues/{id}/{$}", h.signedIn(h.campaignSave))
	m.HandleFunc("GET /admin/newsletter/issues/{id}/preview", h.signedIn(h.campaignPreview))
	m.HandleFunc("POST /admin/newsletter/issues/{id}/test", h.signedIn(h.campaignTest))
	m.HandleFunc("POST /admin/newsletter/issues/{id}/send", h.signedIn(h.campaignSend))
}

const subscribersPerPage = 50

type subscriberRow struct {
	newsletter.Subscriber
	Since, Consent string
}

type importLine struct {
	Line int
	Text string
}

type newsletterData struct {
	*page
	Editions   []edition.Edition
	Edition    string // the filter
	Status     string
	Statuses   []string
	Counts     map[string]int
	Total      int // all subscribers matching the filter
	Rows       []subscriberRow
	PageNo     int
	PrevURL    string
	NextURL    string
	ExportURL  string
	Campaigns  []campaignRow
	MailOff    bool
	ImportDone string
	ImportBad  []importLine
}

type campaignRow struct {
	newsletter.Campaign
	URL, Date string
}

func (h *Handler) editionList(r *http.Request) ([]edition.Edition, error) {
	return h.Editions.Editions(r.Context())
}

func (h *Handler) subscriberList(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	h.renderSubscribers(w, r, u, http.StatusOK, nil)
}

func (h *Handler) renderSubscribers(w http.ResponseWriter, r *http.Request, u *user.User, status int, fill func(d *newsletterData)) {
	ctx := r.Context()
	p := h.newPage(r, u, "admin.newsletter.title", "newsletter")
	eds, err := h.editionList(r)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	q := r.URL.Query()
	d := &newsletterData{page: p, Editions: eds, Edition: q.Get("edition"), Status: q.Get("status"), Statuses: newsletter.Statuses,
		MailOff: h.Outbox != nil && !h.Outbox.Configured()}
	if !validEdition(eds, d.Edition) {
		d.Edition = ""
	}
	d.PageNo, _ = strconv.Atoi(q.Get("page"))
	d.PageNo = max(d.PageNo, 1)
	f := newsletter.Filter{Edition: d.Edition, Status: d.Status, Limit: subscribersPerPage, Offset: (d.PageNo - 1) * subscribersPerPage}
	list, total, err := h.Newsletter.Subscribers(ctx, f)
	var inv *newsletter.InvalidError
	if errors.As(err, &inv) {
		d.Status, f.Status = "", ""
		list, total, err = h.Newsletter.Subscribers(ctx, f)
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	d.Total = total
	for _, s := range list {
		row := subscriberRow{Subscriber: s, Since: p.L.DateTime(s.CreatedAt)}
		if !s.ConsentAt.IsZero() {
			row.Consent = p.L.DateTime(s.ConsentAt)
		}
		d.Rows = append(d.Rows, row)
	}
	if d.Counts, err = h.Newsletter.Counts(ctx, d.Edition); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	link := func(page int) string {
		v := url.Values{}
		if d.Edition != "" {
			v.Set("edition", d.Edition)
		}
		if d.Status != "" {
			v.Set("status", d.Status)
		}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		if len(v) == 0 {
			return "/admin/newsletter/"
		}
		return "/admin/newsletter/?" + v.Encode()
	}
	if d.PageNo > 1 {
		d.PrevURL = link(d.PageNo - 1)
	}
	if d.PageNo*subscribersPerPage < total {
		d.NextURL = link(d.PageNo + 1)
	}
	ev := url.Values{}
	if d.Edition != "" {
		ev.Set("edition", d.Edition)
	}
	if d.Status != "" {
		ev.Set("status", d.Status)
	}
	d.ExportURL = "/admin/newsletter/export.csv"
	if len(ev) > 0 {
		d.ExportURL += "?" + ev.Encode()
	}
	cs, err := h.Newsletter.Campaigns(ctx, d.Edition)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for _, c := range cs {
		d.Campaigns = append(d.Campaigns, campaignRow{Campaign: c, URL: fmt.Sprintf("/admin/newsletter/issues/%d/", c.ID), Date: p.L.DateTime(c.UpdatedAt)})
	}
	if fill != nil {
		fill(d)
	}
	h.render(w, r, status, "newsletter.html", d)
}

func validEdition(eds []edition.Edition, code string) bool {
	for _, e := range eds {
		if e.Code == code {
			return true
		}
	}
	return false
}

func (h *Handler) subscriberExport(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	q := r.URL.Query()
	f := newsletter.Filter{Edition: q.Get("edition"), Status: q.Get("status")}
	if f.Status != "" && f.Status != newsletter.Pending && f.Status != newsletter.Confirmed && f.Status != newsletter.Unsubscribed {
		f.Status = ""
	}
	var buf bytes.Buffer
	if err := h.Newsletter.Export(r.Context(), f, &buf); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	name := "subscribers"
	if f.Edition != "" {
		name += "-" + sanitizeKey(f.Edition)
	}
	h.record(r.Context(), u, "newsletter.export", "newsletter", 0, "edition="+f.Edition+" status="+f.Status)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	w.Write(buf.Bytes())
}

func (h *Handler) subscriberImport(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 6<<20)
	fail := func(msg string, lines []importLine) {
		h.renderSubscribers(w, r, u, http.StatusUnprocessableEntity, func(d *newsletterData) {
			d.Error, d.ImportBad = msg, lines
		})
	}
	p := h.newPage(r, u, "admin.newsletter.title", "newsletter")
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		fail(p.T("admin.newsletter.file_error", p.T("newsletter.import.too_big")), nil)
		return
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		fail(p.T("admin.newsletter.no_file"), nil)
		return
	}
	defer file.Close()
	ed := r.PostFormValue("edition")
	res, err := h.Newsletter.Import(r.Context(), ed, file, r.PostFormValue("consent") == "yes")
	var ie *newsletter.ImportError
	var inv *newsletter.InvalidError
	switch {
	case errors.As(err, &ie):
		var lines []importLine
		for _, l := range ie.Lines {
			text := p.T(l.Key, l.Text)
			if l.Line == 0 {
				lines = append(lines, importLine{Text: p.T("admin.newsletter.file_error", text)})
				continue
			}
			lines = append(lines, importLine{Line: l.Line, Text: p.T("admin.newsletter.line", p.L.Number(int64(l.Line)), text)})
		}
		fail(p.T("admin.newsletter.import_failed"), lines)
	case errors.As(err, &inv):
		fail(p.T(inv.Key, inv.Args...), nil)
	case err != nil:
		h.serverError(w, r, u, err)
	default:
		h.record(r.Context(), u, "newsletter.import", "newsletter", 0, fmt.Sprintf("%s: %d new, %d existing, consent=%v", ed, res.Added, res.Existing, res.Confirmed > 0))
		n := func(i int) string { return p.L.Number(int64(i)) }
		msg := p.T("admin.newsletter.import_done", n(res.Added), n(res.Confirmed), n(res.Invited), n(res.Existing))
		h.renderSubscribers(w, r, u, http.StatusOK, func(d *newsletterData) { d.Flash = msg })
	}
}

type personData struct {
	*page
	Email string
	Rows  []subscriberRow
	Asked bool
}

func (h *Handler) subscriberPerson(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	p := h.newPage(r, u, "admin.newsletter.person", "newsletter")
	d := &personData{page: p, Email: strings.TrimSpace(r.URL.Query().Get("email"))}
	if d.Email == "" {
		h.render(w, r, http.StatusOK, "newsletter_person.html", d)
		return
	}
	d.Asked = true
	list, err := h.Newsletter.SubscriberData(r.Context(), d.Email)
	var inv *newsletter.InvalidError
	if errors.As(err, &inv) {
		d.Error = p.T(inv.Key, inv.Args...)
		h.render(w, r, http.StatusUnprocessableEntity, "newsletter_person.html", d)
		return
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if r.URL.Query().Get("format") == "csv" {
		var buf bytes.Buffer
		email, _ := newsletter.NormalizeEmail(d.Email)
		if err := h.Newsletter.Export(r.Context(), newsletter.Filter{Email: email}, &buf); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		h.record(r.Context(), u, "newsletter.person_export", "newsletter", 0, "")
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="subscriber-data.csv"`)
		w.Write(buf.Bytes())
		return
	}
	for _, s := range list {
		row := subscriberRow{Subscriber: s, Since: p.L.DateTime(s.CreatedAt)}
		if !s.ConsentAt.IsZero() {
			row.Consent = p.L.DateTime(s.ConsentAt)
		}
		d.Rows = append(d.Rows, row)
	}
	h.render(w, r, http.StatusOK, "newsletter_person.html", d)
}

func (h *Handler) subscriberForget(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	p := h.newPage(r, u, "admin.newsletter.person", "newsletter")
	email := strings.TrimSpace(r.PostFormValue("email"))
	n, err := h.Newsletter.Forget(r.Context(), email)
	var inv *newsletter.InvalidError
	if errors.As(err, &inv) {
		d := &personData{page: p, Email: email, Asked: true}
		d.Error = p.T(inv.Key, inv.Args...)
		h.render(w, r, http.StatusUnprocessableEntity, "newsletter_person.html", d)
		return
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	// The audit log records that data was deleted, not whose.
	h.record(r.Context(), u, "newsletter.person_delete", "newsletter", 0, fmt.Sprintf("%d subscriptions", n))
	d := &personData{page: p}
	d.Flash = p.T("admin.newsletter.deleted", p.L.Number(int64(n)), email)
	h.render(w, r, http.StatusOK, "newsletter_person.html", d)
}

type campaignData struct {
	*page
	Editions   []edition.Edition
	Campaign   *newsletter.Campaign
	Edition    edition.Edition
	Articles   []articleChoice
	Subject    string
	Intro      string
	Progress   newsletter.Progress
	Recipients []recipientRow
	State      string // the recipients shown
	States     []string
	Confirmed  int
	Me         string
	MailOff    bool
	Action     string
}

type articleChoice struct {
	ID      int64
	Title   string
	Date    string
	Checked bool
}

type recipientRow struct {
	newsletter.Send
	Date string
}

// campaignPage fills the compose form for an edition: its latest published
// articles, the chosen ones ticked.
func (h *Handler) campaignPage(r *http.Request, u *user.User, code string, c *newsletter.Campaign) (*campaignData, error) {
	ctx := r.Context()
	p := h.newPage(r, u, "admin.newsletter.compose", "newsletter")
	eds, err := h.editionList(r)
	if err != nil {
		return nil, err
	}
	d := &campaignData{page: p, Editions: eds, Campaign: c, Me: u.Email, MailOff: h.Outbox != nil && !h.Outbox.Configured(), Action: "/admin/newsletter/compose"}
	for _, e := range eds {
		if e.Code == code || (code == "" && e.IsDefault) {
			d.Edition = e
		}
	}
	if d.Edition.Code == "" && len(eds) > 0 {
		d.Edition = eds[0]
	}
	chosen := map[int64]bool{}
	if c != nil {
		d.Subject, d.Intro = c.Subject, c.Intro
		for _, id := range c.ArticleIDs {
			chosen[id] = true
		}
		d.Action = fmt.Sprintf("/admin/newsletter/issues/%d/", c.ID)
		d.Title = c.Subject
	}
	list, err := h.Content.Store.ListArticles(ctx, content.ArticleFilter{Edition: d.Edition.Code, Status: content.Published, Before: h.Now(), Limit: 40})
	if err != nil {
		return nil, err
	}
	for _, a := range list {
		d.Articles = append(d.Articles, articleChoice{ID: a.ID, Title: a.Title, Date: p.L.Date(a.PublishedAt), Checked: chosen[a.ID]})
	}
	counts, err := h.Newsletter.Counts(ctx, d.Edition.Code)
	if err != nil {
		return nil, err
	}
	d.Confirmed = counts[newsletter.Confirmed]
	return d, nil
}

func (h *Handler) campaignNew(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	d, err := h.campaignPage(r, u, r.URL.Query().Get("edition"), nil)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.render(w, r, http.StatusOK, "newsletter_campaign.html", d)
}

// campaignInput reads the compose form.
func campaignInput(r *http.Request, u *user.User) newsletter.CampaignInput {
	in := newsletter.CampaignInput{Edition: r.PostFormValue("edition"), Subject: r.PostFormValue("subject"), Intro: r.PostFormValue("intro"), By: u.ID}
	for _, v := range r.PostForm["article"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			in.ArticleIDs = append(in.ArticleIDs, id)
		}
	}
	return in
}

func (h *Handler) campaignCreate(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	h.saveCampaign(w, r, u, 0)
}

func (h *Handler) campaignSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	h.saveCampaign(w, r, u, id)
}

func (h *Handler) saveCampaign(w http.ResponseWriter, r *http.Request, u *user.User, id int64) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form is too large.", http.StatusRequestEntityTooLarge)
		return
	}
	in := campaignInput(r, u)
	c, err := h.Newsletter.SaveCampaign(r.Context(), id, in)
	var inv *newsletter.InvalidError
	switch {
	case errors.As(err, &inv):
		var old *newsletter.Campaign
		if id != 0 {
			old, _ = h.Newsletter.Campaign(r.Context(), id)
		}
		d, perr := h.campaignPage(r, u, in.Edition, old)
		if perr != nil {
			h.serverError(w, r, u, perr)
			return
		}
		d.Subject, d.Intro = in.Subject, in.Intro
		picked := map[int64]bool{}
		for _, a := range in.ArticleIDs {
			picked[a] = true
		}
		for i := range d.Articles {
			d.Articles[i].Checked = picked[d.Articles[i].ID]
		}
		d.Error = d.T(inv.Key, inv.Args...)
		h.render(w, r, http.StatusUnprocessableEntity, "newsletter_campaign.html", d)
	case errors.Is(err, newsletter.ErrNotFound):
		h.errorPage(w, r, u, http.StatusNotFound)
	case err != nil:
		h.serverError(w, r, u, err)
	default:
		h.record(r.Context(), u, "newsletter.save", "newsletter_campaign", c.ID, c.Subject)
		http.Redirect(w, r, fmt.Sprintf("/admin/newsletter/issues/%d/?done=newsletter_saved", c.ID), http.StatusSeeOther)
	}
}

func (h *Handler) loadCampaign(w http.ResponseWriter, r *http.Request, u *user.User) *newsletter.Campaign {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return nil
	}
	c, err := h.Newsletter.Campaign(r.Context(), id)
	if errors.Is(err, newsletter.ErrNotFound) {
		h.errorPage(w, r, u, http.StatusNotFound)
		return nil
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return nil
	}
	return c
}

func (h *Handler) campaignShow(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	c := h.loadCampaign(w, r, u)
	if c == nil {
		return
	}
	h.showCampaign(w, r, u, c, http.StatusOK, "", "")
}

func (h *Handler) showCampaign(w http.ResponseWriter, r *http.Request, u *user.User, c *newsletter.Campaign, status int, flash, problem string) {
	d, err := h.campaignPage(r, u, c.Edition, c)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if flash != "" {
		d.Flash = flash
	}
	d.Error = problem
	if c.Status != newsletter.Draft {
		if d.Progress, err = h.Newsletter.Progress(r.Context(), c.ID); err != nil {
			h.serverError(w, r, u, err)
			return
		}
		d.States = []string{newsletter.SendFailed, newsletter.SendQueued, newsletter.SendSending, newsletter.SendSent}
		d.State = r.URL.Query().Get("state")
		valid := d.State == ""
		for _, s := range d.States {
			valid = valid || s == d.State
		}
		if !valid {
			d.State = ""
		}
		list, err := h.Newsletter.Recipients(r.Context(), c.ID, d.State, 200)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		for _, s := range list {
			d.Recipients = append(d.Recipients, recipientRow{Send: s, Date: d.L.DateTime(s.UpdatedAt)})
		}
	}
	h.render(w, r, status, "newsletter_campaign.html", d)
}

// campaignPreview serves the HTML as subscribers get it. The admin's
// CSP already forbids scripts; the issue has none and escapes every value.
func (h *Handler) campaignPreview(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	c := h.loadCampaign(w, r, u)
	if c == nil {
		return
	}
	body := c.HTML
	if c.Status == newsletter.Draft || body == "" {
		var err error
		if body, _, err = h.Newsletter.Render(r.Context(), c); err != nil {
			var inv *newsletter.InvalidError
			if errors.As(err, &inv) {
				h.showCampaign(w, r, u, c, http.StatusUnprocessableEntity, "", h.newPage(r, u, "", "").T(inv.Key, inv.Args...))
				return
			}
			h.serverError(w, r, u, err)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")
	w.Write([]byte(body))
}

func (h *Handler) campaignTest(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	c := h.loadCampaign(w, r, u)
	if c == nil {
		return
	}
	p := h.newPage(r, u, "", "")
	err := h.Newsletter.SendTest(r.Context(), c, u.Email)
	var inv *newsletter.InvalidError
	switch {
	case errors.As(err, &inv):
		h.showCampaign(w, r, u, c, http.StatusUnprocessableEntity, "", p.T(inv.Key, inv.Args...))
	case err != nil:
		h.serverError(w, r, u, err)
	default:
		h.record(r.Context(), u, "newsletter.test", "newsletter_campaign", c.ID, "")
		h.showCampaign(w, r, u, c, http.StatusOK, p.T("admin.newsletter.test_sent", u.Email), "")
	}
}

func (h *Handler) campaignSend(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageNewsletter) {
		return
	}
	c := h.loadCampaign(w, r, u)
	if c == nil {
		return
	}
	p := h.newPage(r, u, "", "")
	n, err := h.Newsletter.Start(r.Context(), c.ID)
	var inv *newsletter.InvalidError
	switch {
	case errors.As(err, &inv):
		h.showCampaign(w, r, u, c, http.StatusUnprocessableEntity, "", p.T(inv.Key, inv.Args...))
	case errors.Is(err, newsletter.ErrNotFound):
		h.showCampaign(w, r, u, c, http.StatusConflict, "", p.T("newsletter.error.not_draft"))
	case err != nil:
		h.serverError(w, r, u, err)
	default:
		h.record(r.Context(), u, "newsletter.send", "newsletter_campaign", c.ID, fmt.Sprintf("%s: %d recipients", c.Edition, n))
		http.Redirect(w, r, fmt.Sprintf("/admin/newsletter/issues/%d/?done=newsletter_started", c.ID), http.StatusSeeOther)
	}
}
