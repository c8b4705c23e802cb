package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/masthead-news/masthead/internal/i18n"
)

// Fragment is a piece of a title or snippet in the original text. Mark is
// set for the words the query matched. Fragments carry plain text, never
// markup: templates escape Text and add the <mark> themselves.
type Fragment struct {
	Text string
	Mark bool
}

// maxSnippetSource bounds the text scanned for a snippet, so a huge body
// costs no more than a long article.
const maxSnippetSource = 100_000

// word is one run of word characters in the original text, with the folded
// tokens it stands for (usually one).
type word struct {
	start, end int // byte offsets in the original text
	toks       []string
	mark       bool
	terms      uint32 // bit i: term i matched here
}

const zwnj = '\u200c'

// inWord reports whether r continues a word of the original text: a token
// character, or an invisible character that Fold removes (soft hyphen,
// zero-width joiner …). ZWNJ separates, as Fold turns it into a space.
func inWord(r rune) bool {
	if IsTokenRune(r) {
		return true
	}
	return r != zwnj && unicode.Is(unicode.Cf, r) && i18n.Fold(string(r)) == ""
}

// splitWords finds the words of text and folds each one on its own, so
// every match maps back to the original letters.
func splitWords(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start: start, end: len(text)})
	}
	one := make([]string, len(out)) // most words fold to one token
	for i := range out {
		f := i18n.Fold(text[out[i].start:out[i].end])
		if f != "" && strings.IndexFunc(f, func(r rune) bool { return !IsTokenRune(r) }) < 0 {
			one[i] = f
			out[i].toks = one[i : i+1 : i+1]
		} else {
			out[i].toks = Tokens(f)
		}
	}
	return out
}

// markMatches marks the words where a term of q matches; a phrase marks
// its words only where they follow each other.
func markMatches(words []word, q Query) {
	type pos struct {
		word int
		tok  string
	}
	var flat []pos
	for i, w := range words {
		for _, t := range w.toks {
			flat = append(flat, pos{i, t})
		}
	}
	for ti, term := range q.Terms {
		n := len(term.Tokens)
		for i := 0; i+n <= len(flat); i++ {
			ok := true
			for j, want := range term.Tokens {
				got := flat[i+j].tok
				if got != want && !(term.Prefix && j == n-1 && strings.HasPrefix(got, want)) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			for j := 0; j < n; j++ {
				w := &words[flat[i+j].word]
				w.mark = true
				if ti < 32 {
					w.terms |= 1 << ti
				}
			}
		}
	}
}

// Highlight returns the whole of text with the words q matches marked.
func Highlight(text string, q Query) []Fragment {
	words := splitWords(text)
	if len(words) == 0 {
		if text == "" {
			return nil
		}
		return []Fragment{{Text: text}}
	}
	markMatches(words, q)
	return fragments(text, words, 0, len(words), false, false)
}

// Snippet returns a passage of about n words of text around the best
// matches of q — the window holding the most different terms, then the most
// matches — with the matched words marked, and an ellipsis where text was
// cut. Without a match it is the start of text.
func Snippet(text string, q Query, n int) []Fragment {
	if len(text) > maxSnippetSource {
		cut := maxSnippetSource
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	words := splitWords(text)
	if len(words) == 0 {
		return nil
	}
	markMatches(words, q)
	if n <= 0 {
		n = 32
	}
	from, to := 0, min(n, len(words))
	best, bestCount := -1, -1
	lead := n / 4
	candidates := 0
	for i, w := range words {
		if !w.mark {
			continue
		}
		if candidates++; candidates > 200 {
			break
		}
		start := max(0, i-lead)
		end := min(len(words), start+n)
		start = max(0, end-n)
		var terms uint32
		count := 0
		for _, x := range words[start:end] {
			if x.mark {
				terms |= x.terms
				count++
			}
		}
		if d := bitCount(terms); d > best || d == best && count > bestCount {
			best, bestCount, from, to = d, count, start, end
		}
	}
	return fragments(text, words, from, to, from > 0, to < len(words))
}

func bitCount(x uint32) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// fragments renders words[from:to] with the text between them; open and
// more add an ellipsis before and after.
func fragments(text string, words []word, from, to int, open, more bool) []Fragment {
	if from >= to {
		return nil
	}
	var out []Fragment
	emit := func(s string, mark bool) {
		if s == "" {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].Mark == mark {
			out[k].Text += s
			return
		}
		out = append(out, Fragment{Text: s, Mark: mark})
	}
	if open {
		emit("… ", false)
	}
	for i := from; i < to; i++ {
		w := words[i]
		emit(text[w.start:w.end], w.mark)
		if i+1 < to {
			emit(text[w.end:words[i+1].start], false)
		}
	}
	if more {
		emit(" …", false)
	}
	// Keep the punctuation that closes the last shown word when the text
	// ends there ("… end.").
	if !more && to == len(words) {
		emit(strings.TrimSpace(text[words[to-1].end:]), false)
	}
	if !open && from == 0 {
		if lead := strings.TrimSpace(text[:words[0].start]); lead != "" {
			out = append([]Fragment{{Text: lead}}, out...)
			if len(out) > 1 && !out[1].Mark {
				out[0].Text += out[1].Text
				out = append(out[:1], out[2:]...)
			}
		}
	}
	return out
}
