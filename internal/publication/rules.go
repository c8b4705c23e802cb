package publication

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/content"
)

// refuse is a refusal with its catalog key ("invalid.pub_…"), so a screen
// can say it in its own language.
func refuse(field, key, format string, args ...any) error {
	return &content.ValidationError{Field: field, Message: fmt.Sprintf(format, args...), Key: "invalid." + key, Args: args}
}

const (
	maxTitle       = 300
	maxAuthor      = 200
	maxDescription = 20000
	maxSummary     = 2000
	maxContents    = 5000
	maxURL         = 2000
	maxArticles    = 50
)

// NormalizeISBN strips spaces and hyphens and upper-cases a final x.
func NormalizeISBN(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\u2010' || r == '\u2011':
		case r == 'x':
			b.WriteRune('X')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ValidISBN reports whether s (normalized) is an ISBN-10 or ISBN-13 with a
// correct check digit.
func ValidISBN(s string) bool {
	switch len(s) {
	case 10:
		sum := 0
		for i := 0; i < 10; i++ {
			c := s[i]
			var d int
			switch {
			case c >= '0' && c <= '9':
				d = int(c - '0')
			case c == 'X' && i == 9:
				d = 10
			default:
				return false
			}
			sum += (10 - i) * d
		}
		return sum%11 == 0
	case 13:
		if !strings.HasPrefix(s, "978") && !strings.HasPrefix(s, "979") {
			return false
		}
		sum := 0
		for i := 0; i < 13; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return false
			}
			w := 1
			if i%2 == 1 {
				w = 3
			}
			sum += w * int(c-'0')
		}
		return sum%10 == 0
	}
	return false
}

// FormatISBN shows a normalized ISBN for reading. The group boundaries
// inside an ISBN depend on registration tables we do not carry, so only the
// EAN prefix of an ISBN-13 is set apart.
func FormatISBN(s string) string {
	if len(s) == 13 {
		return s[:3] + "-" + s[3:]
	}
	return s
}

// checkPurchaseURL accepts only absolute http(s) links.
func checkPurchaseURL(s string) error {
	if s == "" {
		return nil
	}
	if len(s) > maxURL {
		return refuse("purchase_url", "pub_url_long", "the link is longer than %d characters", maxURL)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return refuse("purchase_url", "pub_url", "the purchase link must be a full http:// or https:// address")
	}
	return nil
}

var languageTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// checkText trims s and checks its length and encoding.
func checkText(field string, s *string, max int, required bool) error {
	*s = strings.TrimSpace(*s)
	if !utf8.ValidString(*s) {
		return refuse(field, "pub_utf8", "the text is not valid UTF-8")
	}
	if required && *s == "" {
		return refuse(field, "pub_required", "this field is required")
	}
	if n := utf8.RuneCountInString(*s); n > max {
		return refuse(field, "pub_too_long", "at most %d characters (this has %d)", max, n)
	}
	return nil
}

// checkSlug makes a slug from the title when empty and checks it.
func checkSlug(slug *string, title string) error {
	*slug = strings.TrimSpace(strings.ToLower(*slug))
	if *slug == "" {
		*slug = content.Slugify(title)
	}
	if !content.ValidSlug(*slug) {
		return refuse("slug", "pub_slug", "the slug may hold only lower-case letters, digits and single hyphens")
	}
	return nil
}
