package web

import (
	"github.com/masthead-news/masthead/internal/readership"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/edition"
)

// Language negotiation modes, chosen by the site setting
// "language_negotiation".
const (
	NegotiateOff      = "off"      // always serve what was asked for
	NegotiateBanner   = "banner"   // suggest the reader's edition in a banner (default)
	NegotiateRedirect = "redirect" // send a first visit from outside the site to the reader's edition
)

// Suggestion is the banner offering another edition to the reader.
type Suggestion struct {
	Text  string
	Label string
	URL   string
	Lang  string
	Dir   string
}

// negotiate looks at a request for the default edition's home page and
// returns the edition the reader's browser prefers, when that is another
// edition. Crawlers never get a suggestion, so they index every edition as
// it is.
func negotiate(r *http.Request, all *siteEditions) *edition.Edition {
	if all.negotiation == NegotiateOff || readership.IsBot(r.UserAgent()) {
		return nil
	}
	best := preferredEdition(r.Header.Get("Accept-Language"), all.set)
	if best == nil || best.IsDefault {
		return nil
	}
	return best
}

// preferredEdition picks the edition that best matches an Accept-Language
// header, honouring q-values; nil when nothing matches.
func preferredEdition(header string, set *edition.Set) *edition.Edition {
	type choice struct {
		tag string
		q   float64
		pos int
	}
	if header == "" {
		return nil
	}
	var choices []choice
	for i, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		tag := strings.ToLower(strings.TrimSpace(fields[0]))
		if tag == "" || tag == "*" {
			continue
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				if parsed, err := strconv.ParseFloat(v, 64); err == nil {
					q = parsed
				}
			}
		}
		if q > 0 {
			choices = append(choices, choice{tag, q, i})
		}
	}
	sort.SliceStable(choices, func(i, j int) bool { return choices[i].q > choices[j].q })
	for _, c := range choices {
		base, _, _ := strings.Cut(c.tag, "-")
		for _, e := range set.All() {
			lang := strings.ToLower(e.Lang)
			if lang == c.tag || lang == base || strings.HasPrefix(c.tag, lang+"-") {
				return e
			}
		}
	}
	return nil
}

// fromOutside reports whether the reader arrived from another site (or typed
// the address): only then may the redirect mode move them, so choosing the
// default edition on our own pages never bounces back.
func fromOutside(r *http.Request) bool {
	ref := r.Header.Get("Referer")
	if ref == "" {
		return true
	}
	u, err := url.Parse(ref)
	return err != nil || u.Host != r.Host
}

// suggestion builds the banner in the suggested edition's own language.
func (s *Server) suggestion(all *siteEditions, to *edition.Edition) *Suggestion {
	loc := all.locales[to.Code]
	return &Suggestion{Text: loc.T("negotiation.banner", to.Name), Label: loc.T("negotiation.go", to.Name),
		URL: to.Path("/"), Lang: to.Lang, Dir: to.Dir}
}
