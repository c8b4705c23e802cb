package edition

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Store persists editions and the site-wide settings.
type Store interface {
	Editions(ctx context.Context) ([]Edition, error)
	SaveEdition(ctx context.Context, e *Edition) error
	Setting(ctx context.Context, name string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, name, value string) error
}

// Service changes editions' settings and the site-wide settings. Each
// method validates first and changes nothing when it refuses.
type Service struct {
	Store Store
	Now   func() time.Time
}

// FieldError is refused input; Field names the form field.
type FieldError struct {
	Field   string
	Message string
	// Key names the message in the UI catalogs ("invalid.…") and Args are
	// its arguments; Message is the English text.
	Key  string
	Args []any
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

func refuse(field, key, format string, args ...any) error {
	f := &FieldError{Field: field, Message: fmt.Sprintf(format, args...), Args: args}
	if key != "" {
		f.Key = "invalid." + key
	}
	return f
}

// ErrUnknown is returned for an edition code that does not exist.
var ErrUnknown = errors.New("no such edition")

// SocialNetworks are the networks the public theme has an icon for (and
// whose profiles live at http or https addresses).
var SocialNetworks = []string{"facebook", "x", "instagram", "youtube", "telegram", "mastodon", "whatsapp", "pinterest", "rss"}

// Site-wide setting names and values.
const (
	SettingNegotiation = "language_negotiation"
	NegotiateOff       = "off"      // never suggest another edition
	NegotiateBanner    = "banner"   // suggest the reader's language in a banner
	NegotiateRedirect  = "redirect" // send a first visit to the reader's edition
)

// Change is what an editor sets for one edition in the admin.
type Change struct {
	Settings Settings
	Calendar string
	Digits   string
	TimeZone string
}

const (
	maxSiteName = 120
	maxLine     = 300
	maxText     = 2000
	maxSocial   = 12
)

// Get returns one edition.
func (s *Service) Get(ctx context.Context, code string) (*Edition, error) {
	list, err := s.Store.Editions(ctx)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].Code == code {
			return &list[i], nil
		}
	}
	return nil, ErrUnknown
}

// UpdateSettings validates and stores the settings of edition code: site
// name, tagline, description, footer text, copyright year, listing mode,
// articles per page, social links, calendar, digits and time zone.
func (s *Service) UpdateSettings(ctx context.Context, code string, c Change) (*Edition, error) {
	e, err := s.Get(ctx, code)
	if err != nil {
		return nil, err
	}
	st := c.Settings
	st.SiteName = strings.TrimSpace(st.SiteName)
	st.Tagline = strings.TrimSpace(st.Tagline)
	st.Description = strings.TrimSpace(st.Description)
	st.FooterText = strings.TrimSpace(st.FooterText)
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	switch {
	case st.SiteName == "":
		return nil, refuse("site_name", "site_name_required", "the site name is required")
	case utf8.RuneCountInString(st.SiteName) > maxSiteName:
		return nil, refuse("site_name", "site_name_long", "the site name is longer than %d characters", maxSiteName)
	case utf8.RuneCountInString(st.Tagline) > maxLine:
		return nil, refuse("tagline", "tagline_long", "the tagline is longer than %d characters", maxLine)
	case utf8.RuneCountInString(st.Description) > maxText:
		return nil, refuse("description", "description_long", "the description is longer than %d characters", maxText)
	case utf8.RuneCountInString(st.FooterText) > maxText:
		return nil, refuse("footer_text", "footer_long", "the footer text is longer than %d characters", maxText)
	case st.CopyrightYear != 0 && (st.CopyrightYear < 1800 || st.CopyrightYear > now.Year()):
		return nil, refuse("copyright_year", "copyright_range", "the first copyright year must lie between 1800 and %d", now.Year())
	case st.ListingMode != ListExcerpt && st.ListingMode != ListFull:
		return nil, refuse("listing_mode", "listing_mode", "choose excerpts or full articles")
	case st.PerPage < 1 || st.PerPage > 100:
		return nil, refuse("per_page", "per_page", "articles per page must be a number from 1 to 100")
	case c.Calendar != "gregorian" && c.Calendar != "persian":
		return nil, refuse("calendar", "calendar", "choose the Gregorian or the Solar Hijri calendar")
	case c.Digits != "latn" && c.Digits != "arab" && c.Digits != "arabext":
		return nil, refuse("digits", "digits", "choose Latin, Arabic-Indic or Persian digits")
	}
	tz := strings.TrimSpace(c.TimeZone)
	if _, err := time.LoadLocation(tz); err != nil || tz == "" || strings.EqualFold(tz, "local") {
		return nil, refuse("time_zone", "time_zone", "%q is not a time zone; use a name such as Europe/Tirane or Asia/Tehran", tz)
	}
	social, err := cleanSocial(st.Social)
	if err != nil {
		return nil, err
	}
	st.Social = social
	next := *e
	next.Settings, next.Calendar, next.Digits, next.TimeZone = st, c.Calendar, c.Digits, tz
	if err := next.Validate(); err != nil {
		return nil, refuse("edition", "", "%s", err.Error())
	}
	if err := s.Store.SaveEdition(ctx, &next); err != nil {
		return nil, err
	}
	return &next, nil
}

// cleanSocial drops empty rows and checks the rest: a known network and an
// http or https address.
func cleanSocial(in []SocialLink) ([]SocialLink, error) {
	out := []SocialLink{}
	for i, l := range in {
		l.Network = strings.TrimSpace(strings.ToLower(l.Network))
		l.Label = strings.TrimSpace(l.Label)
		l.URL = strings.TrimSpace(l.URL)
		if l.URL == "" && l.Label == "" {
			continue
		}
		field := fmt.Sprintf("social_%d", i)
		known := false
		for _, n := range SocialNetworks {
			known = known || n == l.Network
		}
		if !known {
			return nil, refuse(field, "social_network", "choose a network for the link %q", l.URL)
		}
		u, err := url.Parse(l.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(l.URL, " <>\"") {
			return nil, refuse(field, "social_url", "the %s link must be an http or https address", l.Network)
		}
		if l.Label == "" {
			return nil, refuse(field, "social_label", "the %s link needs a label", l.Network)
		}
		if utf8.RuneCountInString(l.Label) > 60 {
			return nil, refuse(field, "social_label_long", "a link label is at most 60 characters long")
		}
		out = append(out, l)
	}
	if len(out) > maxSocial {
		return nil, refuse("social", "social_many", "at most %d social links", maxSocial)
	}
	return out, nil
}

// Negotiation reads the site-wide language negotiation setting.
func (s *Service) Negotiation(ctx context.Context) (string, error) {
	v, ok, err := s.Store.Setting(ctx, SettingNegotiation)
	if err != nil || !ok {
		return NegotiateBanner, err
	}
	return v, nil
}

// SetNegotiation stores the site-wide language negotiation: off, banner or
// redirect.
func (s *Service) SetNegotiation(ctx context.Context, v string) error {
	switch v {
	case NegotiateOff, NegotiateBanner, NegotiateRedirect:
	default:
		return refuse("language_negotiation", "negotiation", "choose off, banner or redirect")
	}
	return s.Store.SetSetting(ctx, SettingNegotiation, v)
}
