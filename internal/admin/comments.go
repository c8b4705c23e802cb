package admin

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/antispam"
	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

// Readers in the admin: the comment moderation queue (pending, approved,
// spam, trash; approve, spam, trash, edit, reply, bulk actions, emptying
// spam and trash), the contact inbox (unread, read, replied, archived,
// spam; reply by mail), the settings of comments, spam defences and the
// contact form, and privacy requests (export or delete one person's
// comments and messages by e-mail address). Moderation and the inbox need
// the comment.moderate permission (editors and admins); settings and
// privacy requests need settings.manage (admins).

func init() {
	pageFiles = append(pageFiles, "comments.html", "comment_edit.html", "inbox.html", "inbox_message.html", "reader_settings.html", "privacy.html")
}

func (h *Handler) readerRoutes() {
	m := h.mux
	m.HandleFunc("GET /admin/comments/{$}", h.signedIn(h.commentQueue))
	m.HandleFunc("POST /admin/comments/bulk", h.signedIn(h.commentBulk))
	m.HandleFunc("POST /admin/comments/empty", h.signedIn(h.commentEmpty))
	m.HandleFunc("GET /admin/comments/{id}/{$}", h.signedIn(h.commentEdit))
	m.HandleFunc("POST /admin/comments/{id}/{$}", h.signedIn(h.commentSave))
	m.HandleFunc("POST /admin/comments/{id}/reply", h.signedIn(h.commentReply))
	m.HandleFunc("GET /admin/comments/settings", h.signedIn(h.readerSettings))
	m.HandleFunc("POST /admin/comments/settings", h.signedIn(h.readerSettingsSave))

	m.HandleFunc("GET /admin/inbox/{$}", h.signedIn(h.inbox))
	m.HandleFunc("POST /admin/inbox/bulk", h.signedIn(h.inboxBulk))
	m.HandleFunc("GET /admin/inbox/{id}/{$}", h.signedIn(h.inboxMessage))
	m.HandleFunc("POST /admin/inbox/{id}/reply", h.signedIn(h.inboxReply))

	m.HandleFunc("GET /admin/privacy/{$}", h.signedIn(h.privacy))
	m.HandleFunc("POST /admin/privacy/{$}", h.signedIn(h.privacyAct))
}

// statusTab is one tab of the queue or the inbox, with its count.
type statusTab struct {
	Status  string
	Label   string
	Count   int
	URL     string
	Current bool
}

type commentRow struct {
	content.Comment
	Date       string
	EditURL    string
	ArticleURL string
	Excerpt    string
}

type commentsData struct {
	*page
	Tabs    []statusTab
	Status  string
	Rows    []commentRow
	Actions []statusTab // bulk actions for this tab (Status: action, Label)
	Newer   string
	Older   string
	NoMail  bool
}

const queuePage = 30

// commentStatuses are the queue's tabs in order, with their catalog keys.
var commentStatuses = []struct{ status, key string }{
	{content.CommentPending, "admin.comments.tab.pending"},
	{content.CommentApproved, "admin.comments.tab.approved"},
	{content.CommentSpam, "admin.comments.tab.spam"},
	{content.CommentTrash, "admin.comments.tab.trash"},
}

// commentActions are what a tab offers for the selected comments.
var commentActions = map[string][]string{
	content.CommentPending:  {comment.ActApprove, comment.ActSpam, comment.ActTrash},
	content.CommentApproved: {comment.ActPending, comment.ActSpam, comment.ActTrash},
	content.CommentSpam:     {comment.ActRestore, comment.ActApprove, comment.ActDelete},
	content.CommentTrash:    {comment.ActRestore, comment.ActSpam, comment.ActDelete},
}

var actionKeys = map[string]string{
	comment.ActApprove: "admin.comments.act.approve", comment.ActPending: "admin.comments.act.unapprove",
	comment.ActSpam: "admin.comments.act.spam", comment.ActTrash: "admin.comments.act.trash",
	comment.ActRestore: "admin.comments.act.restore", comment.ActDelete: "admin.comments.act.delete",
}

func (h *Handler) commentsReady(w http.ResponseWriter, r *http.Request, u *user.User) bool {
	if !h.allowed(w, r, u, user.ModerateComment) {
		return false
	}
	if h.Comments == nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return false
	}
	return true
}

func (h *Handler) commentQueue(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) {
		return
	}
	ctx := r.Context()
	status := r.URL.Query().Get("status")
	if _, ok := commentActions[status]; !ok {
		status = content.CommentPending
	}
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	list, total, err := h.Comments.Queue(ctx, comment.Filter{Status: status, Limit: queuePage, Offset: (pageNo - 1) * queuePage})
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	counts, err := h.Comments.Counts(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p := h.newPage(r, u, "admin.comments.title", "comments")
	d := &commentsData{page: p, Status: status, NoMail: h.Mail == nil}
	for _, s := range commentStatuses {
		d.Tabs = append(d.Tabs, statusTab{Status: s.status, Label: p.T(s.key), Count: counts[s.status],
			URL: "/admin/comments/?status=" + s.status, Current: s.status == status})
	}
	for _, a := range commentActions[status] {
		d.Actions = append(d.Actions, statusTab{Status: a, Label: p.T(actionKeys[a])})
	}
	for _, c := range list {
		d.Rows = append(d.Rows, commentRow{Comment: c, Date: p.L.DateTime(c.CreatedAt), EditURL: fmt.Sprintf("/admin/comments/%d/", c.ID),
			ArticleURL: fmt.Sprintf("/admin/articles/%d/", c.ArticleID)})
	}
	base := "/admin/comments/?status=" + status + "&page="
	if pageNo > 1 {
		d.Newer = base + strconv.Itoa(pageNo-1)
	}
	if pageNo*queuePage < total {
		d.Older = base + strconv.Itoa(pageNo+1)
	}
	h.render(w, r, http.StatusOK, "comments.html", d)
}

func backTo(r *http.Request, fallback string) string {
	if b := r.PostFormValue("back"); strings.HasPrefix(b, "/admin/") && !strings.HasPrefix(b, "//") {
		return b
	}
	return fallback
}

func (h *Handler) commentBulk(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	ids := formIDs(r, "id")
	action := r.PostFormValue("action")
	if one := r.PostFormValue("one"); one != "" { // a row's own button
		act, id, _ := strings.Cut(one, ":")
		action, ids = act, formIDs(&http.Request{PostForm: map[string][]string{"id": {id}}}, "id")
	}
	n, err := h.Comments.Moderate(r.Context(), ids, action)
	if errors.Is(err, comment.ErrUnknownAction) {
		h.errorPage(w, r, u, http.StatusBadRequest)
		return
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "comment."+action, "comment", 0, fmt.Sprintf("%d of %v", n, ids))
	done(w, r, backTo(r, "/admin/comments/"), "moderated")
}

func (h *Handler) commentEmpty(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	var n int
	var err error
	switch which := r.PostFormValue("status"); which {
	case content.CommentSpam:
		n, err = h.Comments.EmptySpam(r.Context())
	case content.CommentTrash:
		n, err = h.Comments.EmptyTrash(r.Context())
	default:
		h.errorPage(w, r, u, http.StatusBadRequest)
		return
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "comment.empty", "comment", 0, fmt.Sprintf("%s: %d", r.PostFormValue("status"), n))
	done(w, r, "/admin/comments/?status="+r.PostFormValue("status"), "emptied")
}

type commentEditData struct {
	*page
	C         *content.Comment
	Date      string
	Values    map[string]string
	ReplyBody string
	Back      string
}

func (h *Handler) commentByPath(w http.ResponseWriter, r *http.Request, u *user.User) (*content.Comment, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return nil, false
	}
	c, err := h.Comments.Store.CommentByID(r.Context(), id)
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return nil, false
	}
	return c, true
}

func (h *Handler) commentEdit(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) {
		return
	}
	c, ok := h.commentByPath(w, r, u)
	if !ok {
		return
	}
	h.renderCommentEdit(w, r, u, c, http.StatusOK, nil, "", nil)
}

func (h *Handler) renderCommentEdit(w http.ResponseWriter, r *http.Request, u *user.User, c *content.Comment, status int, values map[string]string, reply string, probs problems) {
	p := h.newPage(r, u, "admin.comments.edit_title", "comments")
	if values == nil {
		values = map[string]string{"name": c.AuthorName, "url": c.AuthorURL, "body": c.Body}
	}
	d := &commentEditData{page: p, C: c, Date: p.L.DateTime(c.CreatedAt), Values: values, ReplyBody: reply,
		Back: "/admin/comments/?status=" + c.Status}
	if probs != nil {
		refused(p, probs)
	}
	h.render(w, r, status, "comment_edit.html", d)
}

func (h *Handler) commentSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	c, ok := h.commentByPath(w, r, u)
	if !ok {
		return
	}
	values := map[string]string{"name": r.PostFormValue("name"), "url": r.PostFormValue("url"), "body": r.PostFormValue("body")}
	if _, err := h.Comments.Edit(r.Context(), c.ID, values["name"], values["url"], values["body"]); err != nil {
		if probs, ok := joinedRefusal(err); ok {
			h.renderCommentEdit(w, r, u, c, http.StatusUnprocessableEntity, values, "", probs)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "comment.edit", "comment", c.ID, "")
	done(w, r, fmt.Sprintf("/admin/comments/%d/", c.ID), "comment_saved")
}

func (h *Handler) commentReply(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.commentsReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	c, ok := h.commentByPath(w, r, u)
	if !ok {
		return
	}
	reply, err := h.Comments.Reply(r.Context(), c.ID, u, r.PostFormValue("reply"))
	if err != nil {
		if probs, ok := joinedRefusal(err); ok {
			if p, found := probs["body"]; found {
				delete(probs, "body")
				probs["reply"] = p
			}
			h.renderCommentEdit(w, r, u, c, http.StatusUnprocessableEntity, nil, r.PostFormValue("reply"), probs)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "comment.reply", "comment", reply.ID, fmt.Sprintf("reply to %d", c.ID))
	done(w, r, fmt.Sprintf("/admin/comments/%d/", c.ID), "replied")
}

// joinedRefusal turns one or several joined validation errors into problems
// shown next to their fields.
func joinedRefusal(err error) (problems, bool) {
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	out := problems{}
	for _, e := range list {
		var ve *content.ValidationError
		if !errors.As(e, &ve) {
			return nil, false
		}
		args := append([]any(nil), ve.Args...)
		out[ve.Field] = problem{Message: ve.Message, Key: ve.Key, Args: args}
	}
	return out, len(out) > 0
}

// ---------- The contact inbox ----------

type inboxRow struct {
	contact.Message
	Date string
	URL  string
}

type inboxData struct {
	*page
	Tabs    []statusTab
	Status  string
	Rows    []inboxRow
	Actions []statusTab
	NoMail  bool
}

var inboxStatusKeys = map[string]string{
	contact.Unread: "admin.inbox.tab.unread", contact.Read: "admin.inbox.tab.read", contact.Replied: "admin.inbox.tab.replied",
	contact.Archived: "admin.inbox.tab.archived", contact.Spam: "admin.inbox.tab.spam",
}

var inboxActionKeys = []struct{ status, key string }{
	{contact.Read, "admin.inbox.act.read"}, {contact.Unread, "admin.inbox.act.unread"},
	{contact.Archived, "admin.inbox.act.archive"}, {contact.Spam, "admin.inbox.act.spam"},
}

func (h *Handler) inboxReady(w http.ResponseWriter, r *http.Request, u *user.User) bool {
	if !h.allowed(w, r, u, user.ModerateComment) {
		return false
	}
	if h.Contact == nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return false
	}
	return true
}

func (h *Handler) inbox(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.inboxReady(w, r, u) {
		return
	}
	ctx := r.Context()
	status := r.URL.Query().Get("status")
	if inboxStatusKeys[status] == "" {
		status = contact.Unread
	}
	list, err := h.Contact.Inbox(ctx, status, 200, 0)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	counts, err := h.Contact.Counts(ctx)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	p := h.newPage(r, u, "admin.inbox.title", "inbox")
	d := &inboxData{page: p, Status: status, NoMail: h.Mail == nil}
	for _, s := range contact.Statuses {
		d.Tabs = append(d.Tabs, statusTab{Status: s, Label: p.T(inboxStatusKeys[s]), Count: counts[s], URL: "/admin/inbox/?status=" + s, Current: s == status})
	}
	for _, a := range inboxActionKeys {
		if a.status != status {
			d.Actions = append(d.Actions, statusTab{Status: a.status, Label: p.T(a.key)})
		}
	}
	for _, m := range list {
		d.Rows = append(d.Rows, inboxRow{Message: m, Date: p.L.DateTime(m.CreatedAt), URL: fmt.Sprintf("/admin/inbox/%d/", m.ID)})
	}
	h.render(w, r, http.StatusOK, "inbox.html", d)
}

func (h *Handler) inboxBulk(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.inboxReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	n, err := h.Contact.SetStatus(r.Context(), formIDs(r, "id"), r.PostFormValue("action"))
	if errors.Is(err, contact.ErrBadStatus) {
		h.errorPage(w, r, u, http.StatusBadRequest)
		return
	}
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "contact."+r.PostFormValue("action"), "contact", 0, strconv.Itoa(n))
	done(w, r, backTo(r, "/admin/inbox/"), "inbox_moved")
}

type inboxMessageData struct {
	*page
	M       *contact.Message
	Date    string
	Replied string
	Reply   string
	NoMail  bool
	Back    string
}

func (h *Handler) inboxMessage(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.inboxReady(w, r, u) {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	}
	m, err := h.Contact.Open(r.Context(), id)
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	h.renderInboxMessage(w, r, u, m, http.StatusOK, "", nil)
}

func (h *Handler) renderInboxMessage(w http.ResponseWriter, r *http.Request, u *user.User, m *contact.Message, status int, reply string, probs problems) {
	p := h.newPage(r, u, "admin.inbox.title", "inbox")
	d := &inboxMessageData{page: p, M: m, Date: p.L.DateTime(m.CreatedAt), Reply: reply, NoMail: h.Mail == nil,
		Back: "/admin/inbox/?status=" + m.Status}
	if !m.RepliedAt.IsZero() {
		d.Replied = p.L.DateTime(m.RepliedAt)
	}
	if probs != nil {
		refused(p, probs)
	}
	h.render(w, r, status, "inbox_message.html", d)
}

func (h *Handler) inboxReply(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.inboxReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	m, err := h.Contact.Store.ContactMessageByID(r.Context(), id)
	if err != nil {
		h.notFoundOr(w, r, u, err)
		return
	}
	err = h.Contact.Reply(r.Context(), id, u, r.PostFormValue("reply"))
	switch {
	case err == nil:
	case errors.Is(err, contact.ErrNoMail):
		h.renderInboxMessage(w, r, u, m, http.StatusServiceUnavailable, r.PostFormValue("reply"), problems{"reply": {Message: err.Error(), Key: "admin.inbox.no_mail"}})
		return
	default:
		if probs, ok := joinedRefusal(err); ok {
			h.renderInboxMessage(w, r, u, m, http.StatusUnprocessableEntity, r.PostFormValue("reply"), probs)
			return
		}
		h.serverError(w, r, u, err)
		return
	}
	h.record(r.Context(), u, "contact.reply", "contact", id, "")
	done(w, r, fmt.Sprintf("/admin/inbox/%d/", id), "message_sent")
}

// ---------- Settings of comments, spam defences and the contact form ----------

type settingField struct {
	Name  string // the setting
	Label string
	Hint  string
	Value string
	Kind  string // "number", "bool", "lines", "email", "page"
	Min   int
	Max   int
	Error string
}

type readerSettingsData struct {
	*page
	Groups []settingGroup
	Pages  []content.Page
}

type settingGroup struct {
	Title  string
	Fields []settingField
}

// readerSettingSpecs lists the settings of the screen, grouped.
func readerSettingSpecs(p *page) []settingGroup {
	return []settingGroup{
		{p.T("admin.reader_settings.comments"), []settingField{
			{Name: comment.SettingCloseAfterDays, Label: p.T("admin.reader_settings.close_after"), Hint: p.T("admin.reader_settings.close_after_hint"), Kind: "number", Min: 0, Max: 36500, Value: "0"},
			{Name: comment.SettingMaxDepth, Label: p.T("admin.reader_settings.max_depth"), Hint: p.T("admin.reader_settings.max_depth_hint"), Kind: "number", Min: 1, Max: 10, Value: "3"},
			{Name: comment.SettingTrustApproved, Label: p.T("admin.reader_settings.trust"), Kind: "bool", Value: "true"},
		}},
		{p.T("admin.reader_settings.spam"), []settingField{
			{Name: antispam.SettingMinSeconds, Label: p.T("admin.reader_settings.min_seconds"), Kind: "number", Min: 0, Max: 3600, Value: "3"},
			{Name: antispam.SettingMaxLinks, Label: p.T("admin.reader_settings.max_links"), Hint: p.T("admin.reader_settings.max_links_hint"), Kind: "number", Min: -1, Max: 1000, Value: "2"},
			{Name: antispam.SettingPerIP, Label: p.T("admin.reader_settings.per_ip"), Kind: "number", Min: 1, Max: 10000, Value: "5"},
			{Name: antispam.SettingPerEmail, Label: p.T("admin.reader_settings.per_email"), Kind: "number", Min: 1, Max: 10000, Value: "3"},
			{Name: antispam.SettingBlockedWords, Label: p.T("admin.reader_settings.blocked_words"), Hint: p.T("admin.reader_settings.blocked_words_hint"), Kind: "lines"},
			{Name: antispam.SettingBlockedAddresses, Label: p.T("admin.reader_settings.blocked_addresses"), Hint: p.T("admin.reader_settings.blocked_addresses_hint"), Kind: "lines"},
		}},
		{p.T("admin.reader_settings.contact"), []settingField{
			{Name: contact.SettingPageGroup, Label: p.T("admin.reader_settings.contact_page"), Kind: "page"},
			{Name: contact.SettingForwardTo, Label: p.T("admin.reader_settings.forward"), Hint: p.T("admin.reader_settings.forward_hint"), Kind: "email"},
			{Name: comment.SettingIPRetentionDays, Label: p.T("admin.reader_settings.retention"), Hint: p.T("admin.reader_settings.retention_hint"), Kind: "number", Min: 0, Max: 3650, Value: "30"},
		}},
	}
}

func (h *Handler) readerSettings(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageSettings) {
		return
	}
	h.renderReaderSettings(w, r, u, http.StatusOK, nil)
}

func (h *Handler) renderReaderSettings(w http.ResponseWriter, r *http.Request, u *user.User, status int, sent map[string]string) {
	if h.Settings == nil {
		h.serverError(w, r, u, errors.New("admin: no settings store"))
		return
	}
	ctx := r.Context()
	p := h.newPage(r, u, "admin.reader_settings.title", "comments")
	d := &readerSettingsData{page: p, Groups: readerSettingSpecs(p)}
	bad := false
	for gi := range d.Groups {
		for fi := range d.Groups[gi].Fields {
			f := &d.Groups[gi].Fields[fi]
			if v, ok, err := h.Settings.Setting(ctx, f.Name); err != nil {
				h.serverError(w, r, u, err)
				return
			} else if ok {
				f.Value = v
			}
			if sent != nil {
				f.Value = sent[f.Name]
				if msg := checkSetting(p, f); msg != "" {
					f.Error, bad = msg, true
				}
			}
		}
	}
	if bad {
		p.Error = p.T("admin.structure.refused")
	}
	if h.Content != nil {
		if set, err := h.editions(ctx); err == nil && set.Default() != nil {
			pages, err := h.Content.Store.Pages(ctx, set.Default().Code)
			if err != nil {
				h.serverError(w, r, u, err)
				return
			}
			for _, pg := range pages {
				d.Pages = append(d.Pages, *pg)
			}
		}
	}
	h.render(w, r, status, "reader_settings.html", d)
}

// checkSetting validates one sent value and returns a message, or "".
func checkSetting(p *page, f *settingField) string {
	f.Value = strings.TrimSpace(strings.ReplaceAll(f.Value, "\r\n", "\n"))
	switch f.Kind {
	case "number":
		n, err := strconv.Atoi(f.Value)
		if err != nil || n < f.Min || n > f.Max {
			return p.T("admin.reader_settings.invalid_number", f.Min, f.Max)
		}
	case "email":
		if f.Value != "" && comment.CheckEmail(f.Value) != nil {
			return p.T("comments.invalid.email")
		}
	case "page":
		if f.Value != "" {
			if _, err := strconv.ParseInt(f.Value, 10, 64); err != nil {
				return p.T("admin.reader_settings.invalid_page")
			}
		}
	case "bool":
		if f.Value != "true" {
			f.Value = "false"
		}
	case "lines":
		if len(f.Value) > 20000 {
			return p.T("admin.reader_settings.too_long")
		}
	}
	return ""
}

func (h *Handler) readerSettingsSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageSettings) || !parseSmallForm(w, r) {
		return
	}
	p := h.newPage(r, u, "admin.reader_settings.title", "comments")
	sent := map[string]string{}
	var fields []settingField
	for _, g := range readerSettingSpecs(p) {
		for _, f := range g.Fields {
			f.Value = r.PostFormValue(f.Name)
			sent[f.Name] = f.Value
			if checkSetting(p, &f) != "" {
				h.renderReaderSettings(w, r, u, http.StatusUnprocessableEntity, sent)
				return
			}
			fields = append(fields, f)
		}
	}
	for _, f := range fields {
		if err := h.Settings.SetSetting(r.Context(), f.Name, f.Value); err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	h.record(r.Context(), u, "settings.readers", "settings", 0, "")
	done(w, r, "/admin/comments/settings", "save")
}

// ---------- Privacy requests ----------

type privacyData struct {
	*page
	Email    string
	Comments int
	Messages int
	Looked   bool
}

func (h *Handler) privacyReady(w http.ResponseWriter, r *http.Request, u *user.User) bool {
	if !h.allowed(w, r, u, user.ManageSettings) {
		return false
	}
	if h.Comments == nil || h.Contact == nil {
		h.errorPage(w, r, u, http.StatusNotFound)
		return false
	}
	return true
}

func (h *Handler) privacy(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.privacyReady(w, r, u) {
		return
	}
	h.render(w, r, http.StatusOK, "privacy.html", &privacyData{page: h.newPage(r, u, "admin.privacy.title", "privacy")})
}

// privacyExport is the JSON a person gets: what they wrote, and what we
// keep about it (never the IP hash, which identifies no one by itself).
type privacyExport struct {
	Email    string           `json:"email"`
	Exported time.Time        `json:"exported_at"`
	Comments []privacyComment `json:"comments"`
	Messages []privacyMessage `json:"contact_messages"`
}

type privacyComment struct {
	ID        int64     `json:"id"`
	Article   string    `json:"article"`
	Edition   string    `json:"edition"`
	Name      string    `json:"name"`
	Website   string    `json:"website,omitempty"`
	Text      string    `json:"text"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	HasIPHash bool      `json:"ip_hash_kept"`
}

type privacyMessage struct {
	ID        int64     `json:"id"`
	Edition   string    `json:"edition"`
	Name      string    `json:"name"`
	Subject   string    `json:"subject"`
	Text      string    `json:"text"`
	Status    string    `json:"status"`
	Reply     string    `json:"reply,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	HasIPHash bool      `json:"ip_hash_kept"`
}

func (h *Handler) privacyAct(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.privacyReady(w, r, u) || !parseSmallForm(w, r) {
		return
	}
	ctx := r.Context()
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	p := h.newPage(r, u, "admin.privacy.title", "privacy")
	d := &privacyData{page: p, Email: email}
	if err := comment.CheckEmail(email); err != nil {
		refused(p, problems{"email": {Message: err.Error(), Key: "comments.invalid.email"}})
		h.render(w, r, http.StatusUnprocessableEntity, "privacy.html", d)
		return
	}
	comments, err := h.Comments.ByEmail(ctx, email)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	messages, err := h.Contact.ByEmail(ctx, email)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	switch r.PostFormValue("action") {
	case "export":
		out := privacyExport{Email: email, Exported: h.Now().UTC(), Comments: []privacyComment{}, Messages: []privacyMessage{}}
		for _, c := range comments {
			if c.UserID != 0 {
				continue
			}
			out.Comments = append(out.Comments, privacyComment{ID: c.ID, Article: c.ArticleTitle, Edition: c.ArticleEdition, Name: c.AuthorName,
				Website: c.AuthorURL, Text: c.Body, Status: c.Status, CreatedAt: c.CreatedAt, HasIPHash: c.IPHash != ""})
		}
		for _, m := range messages {
			out.Messages = append(out.Messages, privacyMessage{ID: m.ID, Edition: m.Edition, Name: m.Name, Subject: m.Subject, Text: m.Body,
				Status: m.Status, Reply: m.Reply, CreatedAt: m.CreatedAt, HasIPHash: m.IPHash != ""})
		}
		h.record(ctx, u, "privacy.export", "privacy", 0, "")
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="personal-data.json"`)
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return
	case "delete":
		nc, err := h.Comments.DeleteByEmail(ctx, email)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		nm, err := h.Contact.DeleteByEmail(ctx, email)
		if err != nil {
			h.serverError(w, r, u, err)
			return
		}
		// The audit log keeps the counts, not the address: the person asked to be forgotten.
		h.record(ctx, u, "privacy.delete", "privacy", 0, fmt.Sprintf("%d comments, %d messages", nc, nm))
		done(w, r, "/admin/privacy/", "privacy_deleted")
		return
	}
	d.Looked = true
	for _, c := range comments {
		if c.UserID == 0 {
			d.Comments++
		}
	}
	d.Messages = len(messages)
	h.render(w, r, http.StatusOK, "privacy.html", d)
}
