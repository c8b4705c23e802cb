package i18n

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
)

func mustCatalog(t *testing.T, lang string) catalog {
	t.Helper()
	c, err := loadCatalog(lang)
	if err != nil {
		t.Fatalf("catalog %s: %v", lang, err)
	}
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestCatalogsParse(t *testing.T) {
	for _, lang := range Languages() {
		if _, err := New(lang, Options{}); err != nil {
			t.Errorf("New(%q): %v", lang, err)
		}
	}
}

func TestCatalogStarterKeys(t *testing.T) {
	en := mustCatalog(t, "en")
	for _, key := range []string{"nav.home", "nav.articles", "paging.newer", "paging.older", "sidebar.recent", "comments.count", "footer.rights"} {
		if _, ok := en[key]; !ok {
			t.Errorf("en.json lacks %q", key)
		}
	}
	if en["comments.count"].plural == nil {
		t.Error("comments.count is not a plural entry")
	}
}

// duplicateKeys returns the keys that appear twice in one JSON object of
// data (a merge slip that encoding/json would silently resolve).
func duplicateKeys(data []byte) ([]string, error) {
	type frame struct {
		object    bool
		keys      map[string]bool
		expectKey bool
	}
	var stack []*frame
	var dups []string
	dec := json.NewDecoder(strings.NewReader(string(data)))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return dups, nil
		}
		if err != nil {
			return nil, err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].expectKey = true // the value is complete
			}
			continue
		}
		if s, ok := tok.(string); ok && top != nil && top.object && top.expectKey {
			if top.keys[s] {
				dups = append(dups, s)
			}
			top.keys[s] = true
			top.expectKey = false
			continue
		}
		if d, ok := tok.(json.Delim); ok { // '{' or '['
			stack = append(stack, &frame{object: d == '{', keys: map[string]bool{}, expectKey: true})
			continue
		}
		if top != nil && top.object {
			top.expectKey = true // a scalar value is complete
		}
	}
}

func TestCatalogNoDuplicateKeys(t *testing.T) {
	dups, err := duplicateKeys([]byte(`{"a": "x", "b": {"one": "1", "one": "2", "other": ["a", "a"]}, "c": 1, "a": "y"}`))
	if err != nil || strings.Join(dups, ",") != "one,a" {
		t.Fatalf("duplicateKeys self-test: %v %v", dups, err)
	}
	for _, lang := range Languages() {
		data, err := localeFS.ReadFile("locales/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		dups, err := duplicateKeys(data)
		if err != nil {
			t.Errorf("%s.json: %v", lang, err)
		}
		for _, k := range dups {
			t.Errorf("%s.json: duplicate key %q", lang, k)
		}
	}
}

func TestCatalogCompleteness(t *testing.T) {
	en := mustCatalog(t, "en")
	for _, lang := range Languages() {
		c := mustCatalog(t, lang)
		for _, key := range sortedKeys(en) {
			e, ok := c[key]
			if !ok {
				t.Errorf("%s.json lacks key %q", lang, key)
				continue
			}
			if (e.plural == nil) != (en[key].plural == nil) {
				t.Errorf("%s.json: %q is plural in one of en/%s and not in the other", lang, key, lang)
			}
		}
		for _, key := range sortedKeys(c) {
			e := c[key]
			if _, ok := en[key]; !ok {
				t.Errorf("%s.json has key %q that en.json lacks", lang, key)
			}
			if strings.TrimSpace(e.msg) == "" {
				t.Errorf("%s.json: %q is empty", lang, key)
			}
			if e.plural == nil {
				continue
			}
			for _, cat := range PluralCategories(lang) {
				if strings.TrimSpace(e.plural[cat]) == "" {
					t.Errorf("%s.json: plural %q lacks category %q (%s needs %v)", lang, key, cat, lang, PluralCategories(lang))
				}
			}
			for cat, form := range e.plural {
				if !allowedCategory(lang, cat) {
					t.Errorf("%s.json: plural %q has category %q that %s does not use", lang, key, cat, lang)
				}
				if strings.TrimSpace(form) == "" {
					t.Errorf("%s.json: plural %q form %q is empty", lang, key, cat)
				}
			}
		}
	}
}

// argVerbs maps the arguments a message references to their verbs.
func argVerbs(msg string) (map[int]rune, error) {
	refs, _ := parseFormat(msg)
	m := map[int]rune{}
	for _, r := range refs {
		if v, ok := m[r.Arg]; ok && v != r.Verb {
			return nil, fmt.Errorf("argument %d used as %%%c and %%%c", r.Arg, v, r.Verb)
		}
		m[r.Arg] = r.Verb
	}
	return m, nil
}

func forms(e entry) map[string]string {
	if e.plural != nil {
		return e.plural
	}
	return map[string]string{"": e.msg}
}

// TestCatalogFormatArguments checks that every translation uses the same
// arguments with the same verbs as English. In a plural entry the zero,
// one and two forms may leave out n (argument 1, as in Arabic "تعليق واحد"
// or "No comments"); few, many and other cover many numbers and must show
// it. Every form must use every other argument.
func TestCatalogFormatArguments(t *testing.T) {
	en := mustCatalog(t, "en")
	for _, key := range sortedKeys(en) {
		// The reference: the union of the arguments of the English forms.
		ref := map[int]rune{}
		for cat, form := range forms(en[key]) {
			v, err := argVerbs(form)
			if err != nil {
				t.Errorf("en.json %q %s: %v", key, cat, err)
			}
			for a, verb := range v {
				if old, ok := ref[a]; ok && old != verb {
					t.Errorf("en.json %q: argument %d is %%%c in one form and %%%c in another", key, a, old, verb)
				}
				ref[a] = verb
			}
		}
		for a := 1; a <= len(ref); a++ {
			if _, ok := ref[a]; !ok && !(a == 1 && en[key].plural != nil) {
				t.Errorf("en.json %q: arguments are not 1..%d", key, len(ref))
			}
		}
		plural := en[key].plural != nil
		for _, lang := range Languages() {
			e, ok := mustCatalog(t, lang)[key]
			if !ok {
				continue // reported by TestCatalogCompleteness
			}
			for cat, form := range forms(e) {
				v, err := argVerbs(form)
				if err != nil {
					t.Errorf("%s.json %q %s: %v", lang, key, cat, err)
					continue
				}
				for a, verb := range v {
					if want, ok := ref[a]; !ok {
						t.Errorf("%s.json %q %s: argument %d (%%%c) is not in English", lang, key, cat, a, verb)
					} else if want != verb {
						t.Errorf("%s.json %q %s: argument %d is %%%c, English has %%%c", lang, key, cat, a, verb, want)
					}
				}
				for a, verb := range ref {
					// Only forms for a single number (zero, one, two)
					// may leave n out.
					mayOmit := plural && a == 1 && (cat == PluralZero || cat == PluralOne || cat == PluralTwo)
					if _, ok := v[a]; !ok && !mayOmit {
						t.Errorf("%s.json %q %s: lacks argument %d (%%%c) of English %q", lang, key, cat, a, verb, forms(en[key]))
					}
				}
			}
		}
	}
}

// TestCatalogMessagesFormat formats every message of every language with
// arguments of the kinds English uses and checks that fmt has nothing to
// complain about.
func TestCatalogMessagesFormat(t *testing.T) {
	en := mustCatalog(t, "en")
	for _, lang := range Languages() {
		l := MustNew(lang, Options{})
		for _, key := range sortedKeys(l.msgs) {
			ref := map[int]rune{}
			for _, form := range forms(en[key]) {
				v, _ := argVerbs(form)
				for a, verb := range v {
					ref[a] = verb
				}
			}
			args := make([]any, len(ref))
			for a := range args {
				switch ref[a+1] {
				case 'd':
					args[a] = 12
				case 'f', 'g':
					args[a] = 1.5
				default:
					args[a] = "x"
				}
			}
			var outs []string
			if l.msgs[key].plural != nil {
				for _, n := range []int{0, 1, 2, 3, 11, 100} {
					outs = append(outs, l.N(key, n, args[min(1, len(args)):]...))
				}
			} else {
				outs = append(outs, l.T(key, args...))
			}
			for _, out := range outs {
				if strings.Contains(out, "%!") {
					t.Errorf("%s %q formats as %q", lang, key, out)
				}
			}
		}
	}
}

func TestParseCatalogErrors(t *testing.T) {
	for _, tc := range []struct {
		lang, json, want string
	}{
		{"en", `{"a": "x",}`, "invalid character"},
		{"en", `["a"]`, "cannot unmarshal"},
		{"en", `{"a": 1}`, "must be a string or an object"},
		{"en", `{"a": null}`, "must be a string or an object"},
		{"en", `{"a": ["x"]}`, "must be a string or an object"},
		{"en", `{"a": ""}`, "empty message"},
		{"en", `{"": "x"}`, "empty key"},
		{"en", `{"a": {"one": "x", "few": "y", "other": "z"}}`, `unknown plural category "few"`},
		{"en", `{"a": {"one": "x", "dual": "y", "other": "z"}}`, `unknown plural category "dual"`},
		{"fa", `{"a": {"one": "x", "two": "y", "other": "z"}}`, `unknown plural category "two"`},
		{"ar", `{"a": {"One": "x", "other": "z"}}`, `unknown plural category "One"`},
		{"en", `{"a": {"one": "x"}}`, `without an "other" form`},
		{"en", `{"a": {"one": "", "other": "y"}}`, `empty plural form "one"`},
		{"en", `{"a": {"one": {"x": "y"}, "other": "y"}}`, "not a string"},
		{"en", `{"a": {"one": 1, "other": "y"}}`, "not a string"},
	} {
		_, err := parseCatalog(tc.lang, []byte(tc.json))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseCatalog(%s, %s) = %v, want an error with %q", tc.lang, tc.json, err, tc.want)
		}
	}
	// Valid: zero is allowed in every language as an explicit form for 0.
	c, err := parseCatalog("en", []byte(`{"a": {"zero": "none", "one": "%d", "other": "%d"}, "b": "text"}`))
	if err != nil || c["a"].plural["zero"] != "none" || c["b"].msg != "text" {
		t.Errorf("valid catalog: %v %v", c, err)
	}
	// All six categories for Arabic.
	if _, err := parseCatalog("ar", []byte(`{"a": {"zero": "0", "one": "1", "two": "2", "few": "f", "many": "m", "other": "o"}}`)); err != nil {
		t.Errorf("ar six categories: %v", err)
	}
}
