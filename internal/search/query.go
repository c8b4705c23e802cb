package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/i18n"
)

// Term is one thing a query asks for: a word, or a phrase whose words must
// follow each other. Tokens are in folded form (see Tokens).
type Term struct {
	Tokens []string
	// Prefix makes the last token match longer words too ("libr" finds
	// "library"). Only Latin-script words of three letters or more get it.
	Prefix bool
}

// Query is a parsed search: a document matches when every term does.
type Query struct {
	Text  string // the reader's text, trimmed and shortened, for echoing back
	Terms []Term
}

// Empty reports whether the query asks for nothing.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// exact is the query with every word matched whole.
func (q Query) exact() Query {
	out := Query{Text: q.Text, Terms: make([]Term, len(q.Terms))}
	for i, t := range q.Terms {
		out.Terms[i] = Term{Tokens: t.Tokens}
	}
	return out
}

// differs reports whether q has a prefix term where w does not.
func (q Query) differs(w Query) bool {
	for i := range q.Terms {
		if i < len(w.Terms) && q.Terms[i].Prefix != w.Terms[i].Prefix {
			return true
		}
	}
	return false
}

// Limits that keep a query cheap to run whatever a reader pastes.
const (
	maxQueryRunes = 256
	maxTerms      = 12
)

// isQuote reports whether r opens or closes a phrase: ASCII double quotes,
// typographic quotes and the guillemets Persian and Arabic writers use.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// Parse reads what a reader typed: words, and phrases in quotes ("…", “…”,
// «…»). Everything is folded with i18n.Fold the same way the index is, so
// any spelling of a letter finds every other. Operators are not special:
// AND, OR, NOT, -, * and parentheses are ordinary text.
func Parse(text string) Query {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > maxQueryRunes {
		text = string([]rune(text)[:maxQueryRunes])
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	q := Query{Text: text}
	seen := map[string]bool{}
	add := func(t Term) {
		if len(t.Tokens) == 0 || len(q.Terms) >= maxTerms {
			return
		}
		key := strings.Join(t.Tokens, " ")
		if t.Prefix {
			key += "*"
		}
		if seen[key] {
			return
		}
		seen[key] = true
		q.Terms = append(q.Terms, t)
	}
	inPhrase := false
	start := 0
	flush := func(segment string, phrase bool) {
		if phrase {
			add(Term{Tokens: Tokens(i18n.Fold(segment))})
			return
		}
		for _, w := range strings.Fields(segment) {
			toks := Tokens(i18n.Fold(w))
			if len(toks) == 0 {
				continue
			}
			add(Term{Tokens: toks, Prefix: prefixable(toks[len(toks)-1])})
		}
	}
	for i, r := range text {
		if isQuote(r) {
			flush(text[start:i], inPhrase)
			inPhrase = !inPhrase
			start = i + utf8.RuneLen(r)
		}
	}
	flush(text[start:], inPhrase) // an unclosed quote still makes a phrase
	return q
}

// minPrefix is the shortest Latin word searched as a prefix: shorter ones
// would match most of the index and say little.
const minPrefix = 3

// prefixable reports whether a folded token is a Latin-script word long
// enough to be searched as a prefix.
func prefixable(tok string) bool {
	letters := 0
	for _, r := range tok {
		switch {
		case unicode.Is(unicode.Latin, r):
			letters++
		case unicode.IsDigit(r), unicode.IsMark(r):
		default:
			return false
		}
	}
	return letters > 0 && utf8.RuneCountInString(tok) >= minPrefix
}

// IsTokenRune reports whether r belongs to a word in folded text: letters,
// digits, combining marks and private-use characters. Everything else
// separates words. The index's tokenizer must split the same way (SQLite:
// unicode61 with categories 'L* N* Co M*').
func IsTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.In(r, unicode.L, unicode.N, unicode.M) || unicode.Is(unicode.Co, r)
}

// Tokens splits folded text into index tokens.
func Tokens(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool { return !IsTokenRune(r) })
}
