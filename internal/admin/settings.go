package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/user"
)

// Site settings per edition (names, tagline, footer, copyright, listing,
// social links, calendar, digits, time zone) and the site-wide language
// negotiation. After a change the public site reloads its editions
// (Deps.OnSiteChanged), so the next page shows it.

type socialRow struct {
	Index int
	edition.SocialLink
	Error string
}

type settingsData struct {
	*structPage
	E           *edition.Edition
	Social      []socialRow
	Networks    []network
	Zones       []string
	Negotiation string
	Year        int
}

// network is a social network choice: its value and its brand name.
type network struct{ Value, Name string }

// networkNames spell the networks as their owners do (brand names are not
// translated).
var networkNames = map[string]string{"facebook": "Facebook", "x": "X", "instagram": "Instagram", "youtube": "YouTube",
	"telegram": "Telegram", "mastodon": "Mastodon", "whatsapp": "WhatsApp", "pinterest": "Pinterest", "rss": "RSS"}

func networks() []network {
	var out []network
	for _, n := range edition.SocialNetworks {
		name := networkNames[n]
		if name == "" {
			name = n
		}
		out = append(out, network{n, name})
	}
	return out
}

// commonZones are offered in the time zone field; any IANA name works.
var commonZones = []string{"UTC", "Europe/London", "Europe/Berlin", "Europe/Tirane", "Europe/Istanbul", "Europe/Moscow",
	"Asia/Amman", "Asia/Baghdad", "Asia/Beirut", "Asia/Damascus", "Asia/Dubai", "Asia/Jerusalem", "Asia/Kabul", "Asia/Riyadh",
	"Asia/Tehran", "Africa/Cairo", "Africa/Casablanca", "America/New_York", "America/Los_Angeles", "America/Toronto", "Australia/Sydney"}

// blankSocialRows are the empty rows offered for new links.
const blankSocialRows = 2

func (h *Handler) settingsForm(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageSettings) {
		return
	}
	h.renderSettings(w, r, u, http.StatusOK, "", nil, nil)
}

// renderSettings shows the settings of an edition; shown, when set, holds
// the values the editor sent (after a refusal) instead of the stored ones.
func (h *Handler) renderSettings(w http.ResponseWriter, r *http.Request, u *user.User, status int, code string, shown *edition.Edition, fields problems) {
	if h.Sites == nil {
		h.serverError(w, r, u, errors.New("admin: no settings service"))
		return
	}
	ctx := r.Context()
	sp, err := h.newStructPage(r, u, "admin.settings.title", "settings", "/admin/settings/", code)
	if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	if fields != nil {
		refused(sp.page, fields)
	}
	e := shown
	if e == nil {
		e = sp.Edition
	}
	d := &settingsData{structPage: sp, E: e, Networks: networks(), Zones: commonZones, Year: h.Now().Year()}
	if d.Negotiation, err = h.Sites.Negotiation(ctx); err != nil {
		h.serverError(w, r, u, err)
		return
	}
	for i, l := range e.Settings.Social {
		d.Social = append(d.Social, socialRow{Index: i, SocialLink: l, Error: sp.Fields[fmt.Sprintf("social_%d", i)]})
	}
	for i := 0; i < blankSocialRows; i++ {
		d.Social = append(d.Social, socialRow{Index: len(d.Social)})
	}
	h.render(w, r, status, "settings.html", d)
}

func (h *Handler) settingsSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageSettings) || !parseSmallForm(w, r) {
		return
	}
	if h.Sites == nil {
		h.serverError(w, r, u, errors.New("admin: no settings service"))
		return
	}
	ctx := r.Context()
	f := r.PostForm
	code := f.Get("edition")
	cur, err := h.Sites.Get(ctx, code)
	if errors.Is(err, edition.ErrUnknown) {
		h.errorPage(w, r, u, http.StatusNotFound)
		return
	} else if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	c := edition.Change{Calendar: f.Get("calendar"), Digits: f.Get("digits"), TimeZone: f.Get("time_zone")}
	st := edition.Settings{SiteName: f.Get("site_name"), Tagline: f.Get("tagline"), Description: f.Get("description"),
		FooterText: f.Get("footer_text"), ListingMode: f.Get("listing_mode")}
	fields := problems{}
	if raw := strings.TrimSpace(f.Get("copyright_year")); raw != "" {
		if st.CopyrightYear, err = strconv.Atoi(raw); err != nil {
			fields = formProblem("copyright_year", "copyright_number", "the first copyright year must be a year such as 2019")
		}
	}
	if st.PerPage, err = strconv.Atoi(strings.TrimSpace(f.Get("per_page"))); err != nil {
		fields = formProblem("per_page", "per_page", "articles per page must be a number from 1 to 100")
	}
	rows, _ := strconv.Atoi(f.Get("social_rows"))
	for i := 0; i < min(rows, 50); i++ {
		p := fmt.Sprintf("social_%d_", i)
		l := edition.SocialLink{Network: f.Get(p + "network"), Label: f.Get(p + "label"), URL: f.Get(p + "url")}
		if f.Get(p+"remove") == "on" {
			l = edition.SocialLink{}
		}
		st.Social = append(st.Social, l)
	}
	c.Settings = st
	if len(fields) == 0 {
		_, err = h.Sites.UpdateSettings(ctx, code, c)
		if fe, ok := refusal(err); ok {
			fields = fe
		} else if err != nil {
			h.serverError(w, r, u, err)
			return
		}
	}
	if len(fields) > 0 {
		shown := *cur
		shown.Settings, shown.Calendar, shown.Digits, shown.TimeZone = st, c.Calendar, c.Digits, c.TimeZone
		// Keep the rows as sent, removed ones out, so indexes match messages.
		h.renderSettings(w, r, u, http.StatusUnprocessableEntity, code, &shown, fields)
		return
	}
	h.siteChanged(ctx)
	detail := code
	if cur.Settings.SiteName != st.SiteName {
		detail += ": " + cur.Settings.SiteName + " → " + strings.TrimSpace(st.SiteName)
	}
	h.record(ctx, u, "settings.update", "edition", 0, detail)
	done(w, r, "/admin/settings/?edition="+code, "settings_saved")
}

func (h *Handler) siteSettingsSave(w http.ResponseWriter, r *http.Request, u *user.User) {
	if !h.allowed(w, r, u, user.ManageSettings) || !parseSmallForm(w, r) {
		return
	}
	if h.Sites == nil {
		h.serverError(w, r, u, errors.New("admin: no settings service"))
		return
	}
	ctx := r.Context()
	v := r.PostForm.Get("language_negotiation")
	err := h.Sites.SetNegotiation(ctx, v)
	if fields, ok := refusal(err); ok {
		h.renderSettings(w, r, u, http.StatusUnprocessableEntity, r.PostForm.Get("edition"), nil, fields)
		return
	} else if err != nil {
		h.serverError(w, r, u, err)
		return
	}
	h.siteChanged(ctx)
	h.record(ctx, u, "settings.site", "site", 0, "language_negotiation = "+v)
	done(w, r, "/admin/settings/?edition="+r.PostForm.Get("edition"), "site_saved")
}
