package shareimg

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// Arabic-script text needs shaping before it can be drawn glyph by glyph:
// each letter takes its isolated, final, initial or medial form depending on
// whether it joins its neighbours, and lam with alef becomes one ligature.
// Without a shaping engine we map letters to their Unicode presentation
// forms (U+FB50–U+FDFF, U+FE70–U+FEFF), which the embedded Noto Sans Arabic
// maps to the right glyphs. Bidi reordering (right-to-left runs with
// left-to-right numbers and Latin words inside) uses the Unicode
// bidirectional algorithm's levels from golang.org/x/text.

// forms are a letter's presentation forms: isolated, final, initial,
// medial. A right-joining letter (alef, dal, reh, waw …) has no initial or
// medial form (0).
type forms [4]rune

const (
	isolated = iota
	final
	initial
	medial
)

var arabicForms = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
	0x0671: {0xFB50, 0xFB51, 0, 0},
	0x0679: {0xFB66, 0xFB67, 0xFB68, 0xFB69},
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59},
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D},
	0x0688: {0xFB88, 0xFB89, 0, 0},
	0x0691: {0xFB8C, 0xFB8D, 0, 0},
	0x0698: {0xFB8A, 0xFB8B, 0, 0},
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91},
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95},
	0x06BA: {0xFB9E, 0xFB9F, 0, 0},
	0x06BE: {0xFBAA, 0xFBAB, 0xFBAC, 0xFBAD},
	0x06C0: {0xFBA4, 0xFBA5, 0, 0},
	0x06C1: {0xFBA6, 0xFBA7, 0xFBA8, 0xFBA9},
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},
	0x06D2: {0xFBAE, 0xFBAF, 0, 0},
}

// lamAlef are the lam–alef ligatures, isolated and final, by the alef.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

const (
	zwnj    = '\u200C'
	zwj     = '\u200D'
	tatweel = '\u0640'
)

// transparent marks (harakat and the like) sit on a letter and do not break
// the joining of its neighbours.
func transparent(r rune) bool {
	return unicode.Is(unicode.Mn, r) || r == 0x0670
}

// joinsNext reports whether a letter connects to the letter after it.
func joinsNext(r rune) bool {
	if f, ok := arabicForms[r]; ok {
		return f[initial] != 0
	}
	return r == tatweel || r == zwj
}

// joinsPrev reports whether a letter connects to the letter before it.
func joinsPrev(r rune) bool {
	if f, ok := arabicForms[r]; ok {
		return f[final] != 0
	}
	return r == tatweel || r == zwj
}

// Shape replaces Arabic-script letters by their contextual presentation
// forms and lam–alef by its ligature, in logical order. ZWNJ breaks a join
// (as Persian spells "می‌شود") and is dropped; other text is unchanged.
func Shape(s string) string {
	// Persian often types heh with hamza above as heh + U+0654; the font
	// has the precomposed letter, which shapes as one.
	s = strings.ReplaceAll(s, "\u0647\u0654", "\u06C0")
	in := []rune(s)
	out := make([]rune, 0, len(in))
	// neighbour finds the nearest non-transparent rune in a direction.
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(in); j += step {
			if !transparent(in[j]) {
				return in[j]
			}
		}
		return 0
	}
	for i := 0; i < len(in); i++ {
		r := in[i]
		if r == zwnj || r == zwj {
			continue
		}
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := joinsNext(neighbour(i, -1))
		if r == 0x0644 && i+1 < len(in) {
			if lig, ok := lamAlef[in[i+1]]; ok {
				if prev {
					out = append(out, lig[1])
				} else {
					out = append(out, lig[0])
				}
				i++
				continue
			}
		}
		next := joinsPrev(neighbour(i, +1)) && f[initial] != 0
		switch {
		case prev && next && f[medial] != 0:
			out = append(out, f[medial])
		case prev && f[final] != 0:
			out = append(out, f[final])
		case next:
			out = append(out, f[initial])
		default:
			out = append(out, f[isolated])
		}
	}
	return string(out)
}

// mirror gives the mirrored glyph of a paired punctuation mark inside a
// right-to-left run.
var mirror = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹'}

// Visual reorders one line of (shaped) text for drawing left to right: the
// runs of the Unicode bidi algorithm in visual order, right-to-left runs
// reversed with their marks kept after their letters and paired
// punctuation mirrored. rtl is the paragraph direction.
func Visual(line string, rtl bool) string {
	if line == "" {
		return ""
	}
	var p bidi.Paragraph
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	if _, err := p.SetString(line, bidi.DefaultDirection(dir)); err != nil {
		return line
	}
	o, err := p.Order()
	if err != nil {
		return line
	}
	// Titles need two levels: the paragraph's and runs of the other
	// direction inside it. In a right-to-left paragraph the runs go from
	// right to left, so their order is reversed.
	runs := make([]string, o.NumRuns())
	for i := range runs {
		run := o.Run(i)
		text := run.String()
		if run.Direction() == bidi.RightToLeft {
			text = reverseClusters(text)
		}
		runs[i] = text
	}
	if rtl {
		for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
			runs[i], runs[j] = runs[j], runs[i]
		}
	}
	out := ""
	for _, r := range runs {
		out += r
	}
	return out
}

// reverseClusters reverses a right-to-left run letter by letter, keeping
// each letter's marks after it, and mirrors paired punctuation.
func reverseClusters(s string) string {
	var clusters [][]rune
	for _, r := range s {
		if transparent(r) && len(clusters) > 0 {
			last := len(clusters) - 1
			clusters[last] = append(clusters[last], r)
			continue
		}
		if m, ok := mirror[r]; ok {
			r = m
		}
		clusters = append(clusters, []rune{r})
	}
	out := make([]rune, 0, len(s))
	for i := len(clusters) - 1; i >= 0; i-- {
		out = append(out, clusters[i]...)
	}
	return string(out)
}
