package web

import (
	"errors"
	"github.com/masthead-news/masthead/internal/clientaddr"
	"hash/fnv"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
)

// The comment form under an article and the contact form on the Contact us
// page. Both post to their own page's URL space, are behind the
// cross-origin protection like every POST, and answer with a redirect to a
// confirmation (post/redirect/get) or, when refused, with the page again:
// the reader's text kept, each problem next to its field, a fresh form
// token, and nothing stored.

// maxFormBytes bounds a public form's body; a longer comment is still
// read, so the reader hears that it is too long rather than a bare error.
const maxFormBytes = 256 << 10

// HoneypotField is the name of the hidden field people leave empty.
const HoneypotField = "website_url"

// FormState is a public form as shown: its token, the values to show again
// after a refusal, and the problems to show next to the fields.
type FormState struct {
	Action string
	Token  string
	// TokenURL gives a fresh token (formToken): the page around the form
	// is cached and shared by every reader, its token with it, and tokens
	// are single-use, so the site's script swaps in one of the reader's own.
	TokenURL string
	Honeypot string // the honeypot field's name
	Values   map[string]string
	Errors   map[string]string // field → message
	Error    string            // a problem with the whole form
	Sent     string            // after a redirect: a confirmation
	ParentID int64
	ReplyTo  string // the name of the commenter replied to
	Cancel   string // the URL that drops the reply
}

// CommentForm is the article's comment form and thread settings.
type CommentForm struct {
	FormState
	Open     bool
	MaxDepth int
}

// avatarClass picks one of the stylesheet's avatar colours from a hash of
// the name, so the same name always gets the same colour and no picture
// is fetched from anywhere.
func avatarClass(name string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(name))))
	return "avatar-c" + strconv.Itoa(int(h.Sum32()%8))
}

// commentForm builds the form for an article page: state is nil for a
// fresh form. It returns nil when the site has no comment service.
func (s *Server) commentForm(r *http.Request, a *content.Article, state *FormState) (*CommentForm, error) {
	if s.deps.Comments == nil {
		return nil, nil
	}
	st, err := s.commentSettings(r.Context())
	if err != nil {
		return nil, err
	}
	re := editionFrom(r.Context())
	f := &CommentForm{Open: st.IsOpen(a, s.now()), MaxDepth: st.MaxDepth}
	if state != nil {
		f.FormState = *state
	}
	if f.Values == nil {
		f.Values = map[string]string{}
	}
	f.Action = articlePath(re.ed, a) + "comments/"
	f.Honeypot = HoneypotField
	f.Token = s.deps.Comments.Token(a.ID)
	f.TokenURL = "/form-token/comment/" + strconv.FormatInt(a.ID, 10)
	if state == nil {
		switch r.URL.Query().Get("posted") {
		case "held":
			f.Sent = re.locale.T("comments.sent.held")
		case "published":
			f.Sent = re.locale.T("comments.sent.published")
		}
		if id, err := strconv.ParseInt(r.URL.Query().Get("replyto"), 10, 64); err == nil && id > 0 {
			f.ParentID = id
		}
	}
	f.Cancel = articlePath(re.ed, a) + "#respond"
	return f, nil
}

// postComment takes a reader's comment on an article.
func (s *Server) postComment(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	if s.deps.Comments == nil {
		s.notFound(w, r)
		return
	}
	a, err := s.deps.Content.ArticleBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if a.Status != content.Published || a.PublishedAt.After(s.now()) {
		s.notFound(w, r)
		return
	}
	state := &FormState{Values: map[string]string{}, Errors: map[string]string{}}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		state.Error = re.locale.T("comments.invalid.too_large")
		s.refuseComment(w, r, a, state, http.StatusRequestEntityTooLarge)
		return
	}
	for _, k := range []string{"name", "email", "url", "body"} {
		state.Values[k] = r.PostFormValue(k)
	}
	parent, _ := strconv.ParseInt(r.PostFormValue("parent"), 10, 64)
	state.ParentID = parent
	canonical := articlePath(re.ed, a)
	c, err := s.deps.Comments.Post(ctx, comment.Input{ArticleID: a.ID, ParentID: parent, Name: state.Values["name"],
		Email: state.Values["email"], URL: state.Values["url"], Body: state.Values["body"], Token: r.PostFormValue("token"),
		Honeypot: r.PostFormValue(HoneypotField), IP: clientaddr.IP(r), ArticleURL: s.absURL(r, canonical), AdminURL: s.absURL(r, "/admin/comments/")})
	if err == nil {
		target := canonical + "?posted=held#respond"
		if c.Status == content.CommentApproved {
			target = canonical + "?posted=published#comment-" + strconv.FormatInt(c.ID, 10)
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return
	}
	status := s.formProblems(r, err, state)
	switch {
	case errors.Is(err, comment.ErrClosed):
		state.Error, status = re.locale.T("comments.closed"), http.StatusForbidden
	case errors.Is(err, comment.ErrTooDeep):
		state.Error = re.locale.T("comments.invalid.too_deep")
	case errors.Is(err, comment.ErrNoParent):
		state.Error, state.ParentID = re.locale.T("comments.invalid.no_parent"), 0
	}
	if status == 0 {
		s.serverError(w, r, err)
		return
	}
	s.refuseComment(w, r, a, state, status)
}

// formProblems turns a refused form's error into messages in the edition's
// language and gives the status to answer with (0 for an unexpected error).
func (s *Server) formProblems(r *http.Request, err error, state *FormState) int {
	loc := editionFrom(r.Context()).locale
	if rf, ok := antispam.AsRefusal(err); ok {
		state.Error = loc.T(rf.Key())
		if rf.Reason == antispam.RateIP || rf.Reason == antispam.RateEmail {
			state.Error = loc.T(rf.Key(), int(rf.RetryAfter.Minutes())+1)
			return http.StatusTooManyRequests
		}
		return http.StatusUnprocessableEntity
	}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	found := false
	for _, e := range list {
		var ve *content.ValidationError
		if errors.As(e, &ve) {
			found = true
			msg := ve.Message
			if ve.Key != "" {
				msg = loc.T(ve.Key, ve.Args...)
			}
			if state.Errors[ve.Field] == "" {
				state.Errors[ve.Field] = msg
			}
		}
	}
	if found {
		state.Error = loc.T("form.problems")
		return http.StatusUnprocessableEntity
	}
	if errors.Is(err, comment.ErrClosed) || errors.Is(err, comment.ErrTooDeep) || errors.Is(err, comment.ErrNoParent) {
		return http.StatusUnprocessableEntity
	}
	return 0
}

func (s *Server) refuseComment(w http.ResponseWriter, r *http.Request, a *content.Article, state *FormState, status int) {
	w.Header().Set("Cache-Control", "no-store")
	s.showArticleWith(w, r, a, false, state, status)
}

// contactForm builds the contact form for a page, or nil when the page
// does not carry it.
func (s *Server) contactForm(r *http.Request, pg *content.Page, state *FormState) (*FormState, error) {
	if s.deps.Contact == nil {
		return nil, nil
	}
	ok, err := s.deps.Contact.IsContactPage(r.Context(), pg.TranslationGroup)
	if err != nil || !ok {
		return nil, err
	}
	re := editionFrom(r.Context())
	f := &FormState{}
	if state != nil {
		*f = *state
	} else if r.URL.Query().Get("sent") == "1" {
		f.Sent = re.locale.T("contact.sent")
	}
	if f.Values == nil {
		f.Values = map[string]string{}
	}
	f.Action = re.ed.Path("/" + pathSegment(pg.Slug) + "/")
	f.Honeypot = HoneypotField
	f.Token = s.deps.Contact.Token(re.ed.Code)
	f.TokenURL = "/form-token/contact/" + re.ed.Code
	return f, nil
}

// postContact takes a message from the contact form.
func (s *Server) postContact(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	pg, err := s.deps.Content.PageBySlug(ctx, re.ed.Code, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.deps.Contact == nil || pg.Status != content.Published {
		s.notFound(w, r)
		return
	}
	if ok, err := s.deps.Contact.IsContactPage(ctx, pg.TranslationGroup); err != nil {
		s.serverError(w, r, err)
		return
	} else if !ok {
		w.Header().Set("Allow", "GET, HEAD")
		s.errorPage(w, r, http.StatusMethodNotAllowed, "error.notfound.title", "error.notfound.text")
		return
	}
	state := &FormState{Values: map[string]string{}, Errors: map[string]string{}}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		state.Error = re.locale.T("contact.invalid.too_large")
		s.refuseContact(w, r, pg, state, http.StatusRequestEntityTooLarge)
		return
	}
	for _, k := range []string{"name", "email", "subject", "body"} {
		state.Values[k] = r.PostFormValue(k)
	}
	_, err = s.deps.Contact.Send(ctx, contact.Input{Edition: re.ed.Code, Lang: re.ed.Lang, SiteName: re.ed.Settings.SiteName,
		Name: state.Values["name"], Email: state.Values["email"], Subject: state.Values["subject"], Body: state.Values["body"],
		Token: r.PostFormValue("token"), Honeypot: r.PostFormValue(HoneypotField), IP: clientaddr.IP(r)})
	if err == nil {
		http.Redirect(w, r, re.ed.Path("/"+pathSegment(pg.Slug)+"/")+"?sent=1#contact-form", http.StatusSeeOther)
		return
	}
	status := s.formProblems(r, err, state)
	if status == 0 {
		s.serverError(w, r, err)
		return
	}
	s.refuseContact(w, r, pg, state, status)
}

func (s *Server) refuseContact(w http.ResponseWriter, r *http.Request, pg *content.Page, state *FormState, status int) {
	w.Header().Set("Cache-Control", "no-store")
	s.showPage(w, r, pg, state, status)
}

// replyURL is the link that opens the form as a reply to a comment.
func replyURL(articleURL string, id int64) string {
	return articleURL + "?replyto=" + url.QueryEscape(strconv.FormatInt(id, 10)) + "#respond"
}

// formToken answers GET /form-token/{form}/{target} with a new signed
// token for one of the public forms, never cached. Any reader could get
// the same from a fresh page; this only spares the page cache.
func (s *Server) formToken(w http.ResponseWriter, r *http.Request) {
	target := r.PathValue("target")
	var token string
	switch r.PathValue("form") {
	case "comment":
		id, err := strconv.ParseInt(target, 10, 64)
		if s.deps.Comments == nil || err != nil || id <= 0 {
			http.NotFound(w, r)
			return
		}
		token = s.deps.Comments.Token(id)
	case "contact":
		if s.deps.Contact == nil || s.editions.Load().set.Get(target) == nil {
			http.NotFound(w, r)
			return
		}
		token = s.deps.Contact.Token(target)
	case "subscribe":
		if s.deps.Newsletter == nil || s.editions.Load().set.Get(target) == nil {
			http.NotFound(w, r)
			return
		}
		token = s.deps.Newsletter.Token(target)
	default:
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	io.WriteString(w, token)
}
