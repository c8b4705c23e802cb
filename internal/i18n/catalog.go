package i18n

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed locales/*.json
var localeFS embed.FS

// entry is one catalog value: a message, or plural forms by category.
type entry struct {
	msg    string
	plural map[string]string // nil for a plain message
}

type catalog map[string]entry

var (
	catalogsOnce sync.Once
	catalogs     map[string]catalog
	catalogErrs  map[string]error
)

// Languages returns the languages that have a catalog, sorted.
func Languages() []string {
	files, err := fs.Glob(localeFS, "locales/*.json")
	if err != nil { // only for a malformed pattern
		panic(err)
	}
	langs := make([]string, 0, len(files))
	for _, f := range files {
		langs = append(langs, strings.TrimSuffix(strings.TrimPrefix(f, "locales/"), ".json"))
	}
	sort.Strings(langs)
	return langs
}

func loadCatalogs() {
	catalogs = map[string]catalog{}
	catalogErrs = map[string]error{}
	for _, lang := range Languages() {
		data, err := localeFS.ReadFile("locales/" + lang + ".json")
		if err == nil {
			var c catalog
			c, err = parseCatalog(lang, data)
			catalogs[lang] = c
		}
		if err != nil {
			catalogErrs[lang] = err
		}
	}
}

// loadCatalog returns the parsed catalog of lang (a base language code).
func loadCatalog(lang string) (catalog, error) {
	catalogsOnce.Do(loadCatalogs)
	if err := catalogErrs[lang]; err != nil {
		return nil, err
	}
	c, ok := catalogs[lang]
	if !ok {
		return nil, fmt.Errorf("i18n: no catalog for language %q (have %s)", lang, strings.Join(Languages(), ", "))
	}
	return c, nil
}

// parseCatalog parses and checks the JSON catalog of lang.
func parseCatalog(lang string, data []byte) (catalog, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("i18n: locales/%s.json: %w", lang, err)
	}
	c := make(catalog, len(raw))
	for key, v := range raw {
		bad := func(format string, args ...any) error {
			return fmt.Errorf("i18n: locales/%s.json: key %q: %s", lang, key, fmt.Sprintf(format, args...))
		}
		if key == "" {
			return nil, bad("empty key")
		}
		v = bytes.TrimSpace(v)
		switch {
		case len(v) > 0 && v[0] == '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return nil, bad("%v", err)
			}
			if s == "" {
				return nil, bad("empty message")
			}
			c[key] = entry{msg: s}
		case len(v) > 0 && v[0] == '{':
			var forms map[string]json.RawMessage
			if err := json.Unmarshal(v, &forms); err != nil {
				return nil, bad("%v", err)
			}
			p := make(map[string]string, len(forms))
			for cat, fv := range forms {
				if !allowedCategory(lang, cat) {
					return nil, bad("unknown plural category %q (%s uses %s, and zero)",
						cat, lang, strings.Join(PluralCategories(lang), ", "))
				}
				var s string
				if err := json.Unmarshal(fv, &s); err != nil {
					return nil, bad("plural form %q is not a string", cat)
				}
				if s == "" {
					return nil, bad("empty plural form %q", cat)
				}
				p[cat] = s
			}
			if _, ok := p[PluralOther]; !ok {
				return nil, bad("plural entry without an %q form", PluralOther)
			}
			c[key] = entry{msg: p[PluralOther], plural: p}
		default:
			return nil, bad("value must be a string or an object of plural forms, not %s", v)
		}
	}
	return c, nil
}

// Has reports whether the locale's catalog has key.
func (l *Locale) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// T returns the message for key formatted with args (fmt verbs such as %s,
// %d, %[2]s). Integer arguments are rendered in the locale's digits. For a
// plural entry T uses its "other" form. A missing key returns the key itself,
// so that it stays visible.
func (l *Locale) T(key string, args ...any) string {
	e, ok := l.msgs[key]
	if !ok {
		return key
	}
	return l.format(e.msg, args)
}

// N returns the plural message for key chosen by the CLDR category of n in
// the locale's language, formatted with n as the first argument followed by
// args; n is rendered in the locale's digits. An explicit "zero" form is used
// for n == 0 in every language. A missing category falls back to "other"; a
// plain (non-plural) entry is formatted as is. A missing key returns the key.
func (l *Locale) N(key string, n int, args ...any) string {
	e, ok := l.msgs[key]
	if !ok {
		return key
	}
	msg := e.msg
	if e.plural != nil {
		cat := PluralCategory(l.lang, n)
		if n == 0 {
			if _, ok := e.plural[PluralZero]; ok {
				cat = PluralZero
			}
		}
		if m, ok := e.plural[cat]; ok {
			msg = m
		}
	}
	all := make([]any, 0, 1+len(args))
	all = append(all, n)
	all = append(all, args...)
	return l.format(msg, all)
}

// format formats msg with args, rendering numbers in the locale's digits and
// passing only as many arguments as msg consumes.
func (l *Locale) format(msg string, args []any) string {
	if len(args) == 0 && !strings.Contains(msg, "%") {
		return msg
	}
	if pf := plainFormatOf(msg); pf != nil {
		if s, ok := l.formatPlain(pf, args); ok {
			return s
		}
	}
	return l.formatFmt(msg, args)
}

// formatFmt is format through fmt, for any message.
func (l *Locale) formatFmt(msg string, args []any) string {
	refs, reordered := parseFormat(msg)
	used := 0
	for _, r := range refs {
		used = max(used, r.Arg)
	}
	if !reordered && used < len(args) {
		args = args[:used]
	}
	local := make([]any, len(args))
	for i, a := range args {
		local[i] = l.localArg(a)
	}
	for _, r := range refs { // widths and precisions (*) stay plain ints
		if r.Verb == '*' && r.Arg <= len(args) {
			local[r.Arg-1] = args[r.Arg-1]
		}
	}
	return fmt.Sprintf(msg, local...)
}

// verbRef is one argument reference of a format string.
type verbRef struct {
	Arg  int  // 1-based argument index
	Verb rune // the verb, or '*' for a width or precision argument
}

// parseFormat lists the argument references of a fmt format string, and
// reports whether it uses explicit argument indexes. It follows the fmt
// syntax: %[flags][[n]][width|*|[n]*][.[n](precision|*|[n]*)][[n]]verb.
func parseFormat(format string) (refs []verbRef, reordered bool) {
	argNum := 0 // 0-based index of the next argument
	// index parses "[n]" at format[i:], returning the 0-based index and the
	// position after it, or ok == false.
	index := func(i int) (n, next int, ok bool) {
		if i >= len(format) || format[i] != '[' {
			return 0, i, false
		}
		j := i + 1
		v := 0
		for j < len(format) && format[j] >= '0' && format[j] <= '9' {
			v = v*10 + int(format[j]-'0')
			j++
		}
		if j == i+1 || j >= len(format) || format[j] != ']' || v < 1 {
			return 0, i, false
		}
		return v - 1, j + 1, true
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// flags
		for i < len(format) && strings.IndexByte("#0+- ", format[i]) >= 0 {
			i++
		}
		if n, next, ok := index(i); ok {
			argNum, i, reordered = n, next, true
		}
		// width
		if i < len(format) && format[i] == '*' {
			refs = append(refs, verbRef{argNum + 1, '*'})
			argNum++
			i++
		} else {
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		// precision
		if i < len(format) && format[i] == '.' {
			i++
			if n, next, ok := index(i); ok {
				argNum, i, reordered = n, next, true
			}
			if i < len(format) && format[i] == '*' {
				refs = append(refs, verbRef{argNum + 1, '*'})
				argNum++
				i++
			} else {
				for i < len(format) && format[i] >= '0' && format[i] <= '9' {
					i++
				}
			}
		}
		if n, next, ok := index(i); ok {
			argNum, i, reordered = n, next, true
		}
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		// The verb is one rune; the non-ASCII case only matters for
		// skipping it correctly.
		verb := rune(format[i])
		if verb >= 0x80 {
			for _, r := range format[i:] {
				verb = r
				break
			}
			i += len(string(verb)) - 1
		}
		refs = append(refs, verbRef{argNum + 1, verb})
		argNum++
	}
	return refs, reordered
}
