// Package edition defines the language editions of a site: their code, language,
// direction, calendar and per-edition settings, and how URLs are prefixed for them.
// It owns no storage and no HTTP: the store persists editions and the web layer
// resolves requests to them.
package edition

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Edition is one language version of the site.
type Edition struct {
	Code      string // URL prefix and identifier: "en", "ar", "fa", "sq"
	Name      string // the edition's name in its own language and script
	Lang      string // BCP 47 language tag for <html lang>
	Dir       string // "ltr" or "rtl"
	Calendar  string // "gregorian" or "persian"
	Digits    string // "latn", "arab" or "arabext"
	TimeZone  string // IANA zone used for dates and article URLs
	IsDefault bool   // the default edition lives at "/" without a prefix
	Position  int    // order in edition lists
	Settings  Settings
}

// Settings are the per-edition site settings an editor changes in the admin.
type Settings struct {
	SiteName      string
	Tagline       string
	Description   string // meta description of the edition home
	FooterText    string
	CopyrightYear int    // first year of the copyright line
	ListingMode   string // "excerpt" or "full"
	PerPage       int
	Social        []SocialLink
}

// SocialLink is one social profile shown in the sidebar.
type SocialLink struct {
	Network string // "facebook", "x", "instagram", "youtube", "telegram", "mastodon", "rss" …
	Label   string
	URL     string
}

// Listing modes.
const (
	ListExcerpt = "excerpt"
	ListFull    = "full"
)

var codePattern = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})?$`)

// Validate reports the first problem with e, or nil.
func (e *Edition) Validate() error {
	switch {
	case !codePattern.MatchString(e.Code):
		return fmt.Errorf("edition code %q must be a lower-case language code such as \"en\" or \"pt-br\"", e.Code)
	case strings.TrimSpace(e.Name) == "":
		return fmt.Errorf("edition %s needs a name", e.Code)
	case e.Dir != "ltr" && e.Dir != "rtl":
		return fmt.Errorf("edition %s: direction must be ltr or rtl, not %q", e.Code, e.Dir)
	case e.Calendar != "gregorian" && e.Calendar != "persian":
		return fmt.Errorf("edition %s: calendar must be gregorian or persian, not %q", e.Code, e.Calendar)
	case e.Digits != "latn" && e.Digits != "arab" && e.Digits != "arabext":
		return fmt.Errorf("edition %s: digits must be latn, arab or arabext, not %q", e.Code, e.Digits)
	case e.Settings.ListingMode != ListExcerpt && e.Settings.ListingMode != ListFull:
		return fmt.Errorf("edition %s: listing mode must be excerpt or full, not %q", e.Code, e.Settings.ListingMode)
	case e.Settings.PerPage < 1 || e.Settings.PerPage > 100:
		return fmt.Errorf("edition %s: articles per page must be between 1 and 100", e.Code)
	case strings.TrimSpace(e.Settings.SiteName) == "":
		return fmt.Errorf("edition %s needs a site name", e.Code)
	}
	if _, err := time.LoadLocation(e.TimeZone); err != nil {
		return fmt.Errorf("edition %s: unknown time zone %q", e.Code, e.TimeZone)
	}
	return nil
}

// Location is the edition's time zone (UTC when unset or unknown).
func (e *Edition) Location() *time.Location {
	if e.TimeZone == "" {
		return time.UTC
	}
	if loc, ok := zones.Load(e.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		return time.UTC
	}
	zones.Store(e.TimeZone, loc)
	return loc
}

// zones holds the time zones loaded so far by name: time.LoadLocation reads
// and parses the zone database on every call, and every date on a page
// asks for its edition's zone. A zone's rules do not change while the
// process runs.
var zones sync.Map

// Prefix is the path prefix of the edition: "" for the default, "/ar" otherwise.
func (e *Edition) Prefix() string {
	if e.IsDefault {
		return ""
	}
	return "/" + e.Code
}

// Path joins the edition prefix and a site path that starts with "/".
func (e *Edition) Path(p string) string { return e.Prefix() + p }

// Set is the site's editions in display order, with the default one first.
type Set struct {
	list   []*Edition
	byCode map[string]*Edition
	def    *Edition
}

// NewSet builds a Set; exactly one edition must be the default.
func NewSet(list []Edition) (*Set, error) {
	s := &Set{byCode: map[string]*Edition{}}
	for i := range list {
		e := list[i]
		if _, dup := s.byCode[e.Code]; dup {
			return nil, fmt.Errorf("edition %s is defined twice", e.Code)
		}
		s.byCode[e.Code] = &e
		s.list = append(s.list, &e)
		if e.IsDefault {
			if s.def != nil {
				return nil, fmt.Errorf("editions %s and %s are both marked default", s.def.Code, e.Code)
			}
			s.def = &e
		}
	}
	if len(s.list) > 0 && s.def == nil {
		return nil, fmt.Errorf("no edition is marked default")
	}
	return s, nil
}

// All returns the editions in display order.
func (s *Set) All() []*Edition { return s.list }

// Default returns the default edition (nil for an empty set).
func (s *Set) Default() *Edition { return s.def }

// Get returns the edition with code, or nil.
func (s *Set) Get(code string) *Edition { return s.byCode[code] }

// Resolve splits a request path into its edition and the path inside it:
// "/fa/2026/01/02/x/" gives (fa, "/2026/01/02/x/"); a path without a known
// non-default prefix belongs to the default edition. prefixed reports whether
// the path named its edition explicitly.
func (s *Set) Resolve(path string) (e *Edition, rest string, prefixed bool) {
	if len(path) > 1 {
		seg := path[1:]
		if i := strings.IndexByte(seg, '/'); i >= 0 {
			seg = seg[:i]
		}
		if ed := s.byCode[seg]; ed != nil {
			rest = path[1+len(seg):]
			if rest == "" {
				rest = "/"
			}
			return ed, rest, true
		}
	}
	return s.def, path, false
}
