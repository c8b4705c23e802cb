// Package i18n owns Masthead's UI message catalogs, CLDR plural rules,
// locale-aware digits, numbers and dates, the Solar Hijri (Jalali) calendar
// and Arabic-script folding for matching, slugs and search.
//
// # Catalogs
//
// Catalogs are the embedded JSON files locales/<lang>.json. Each maps a
// dotted key to either a string or, for plurals, an object whose keys are
// CLDR plural categories:
//
//	"nav.home": "Home",
//	"comments.count": {"zero": "No comments", "one": "%d comment", "other": "%d comments"}
//
// Messages are fmt format strings. Arguments may be reordered with explicit
// indexes (%[2]s). A message may leave arguments out (Arabic "تعليق واحد"
// does not show the number); when it does so without explicit indexes only
// the leading arguments it consumes are passed, so no %!(EXTRA) appears.
// Integer (and floating-point) arguments are rendered in the locale's digits.
//
// A plural object must contain "other" and may only use the categories that
// PluralCategories reports for its language, plus "zero", which every
// language may use as an explicit form for n == 0 ("No comments"). Catalogs
// are parsed once, on the first call to New; a JSON error, a value that is
// neither a string nor a plural object, an empty message, a category the
// language does not use or a missing "other" makes New return an error for
// that language (other languages keep working). Missing keys are not an
// error: T and N return the key itself so that it is visible on the page.
// The package tests check that every catalog has every key of en.json with
// all the categories its language needs and the same format arguments.
//
// # Numbers and dates
//
// Digits are "latn" (0-9), "arab" (٠-٩) or "arabext" (۰-۹). With Arabic or
// Persian digits the separators are the Arabic ones (٬ for grouping, ٫ for
// decimals); with Latin digits Albanian uses "." and "," and the other
// languages "," and ".". Negative numbers take the CLDR minus sign of the
// digits: "-" for latn, ALM + "-" for arab, LRM + "−" for arabext.
// FileSize uses decimal units (1 KB = 1000 B). Dates use the pattern "day month year" with the
// locale's month names and calendar ("gregorian" or "persian").
//
// # Jalali calendar
//
// The Solar Hijri year starts on the day (Iran Standard Time, UTC+3:30, the
// 52.5°E meridian) on which the March equinox falls before noon, or the day
// after when it falls after noon. ToJalali and FromJalali use an arithmetic
// form of that rule: 33-year cycles with eight leap years each, at cycle
// positions (year mod 33) 1, 5, 9, 13, 17, 22, 26 and 30. The equinox drifts
// slowly against the cycle, and from 1634 AP (2255 CE) on the leap year at
// position 17 moves to position 18 (the equinoxes of 2256 and 2289 CE fall
// before noon). The tests compare the result with an
// astronomical computation of the equinox for every year from 1178 AP to
// 1779 AP (1799–2401 CE): they agree on every year whose equinox is not
// within two minutes of noon. Outside that range the arithmetic continues
// proleptically.
//
// # Fold
//
// Fold maps text to a form for matching, slugs and search:
//   - Arabic ي, alef maksura ى and Persian ی become Arabic yeh ي (U+064A);
//     Persian ک (and swash ڪ) become Arabic kaf ك (U+0643);
//   - alef with hamza or madda (أ إ آ ٱ ٲ ٳ) becomes bare alef ا;
//   - teh marbuta ة is folded to heh ه (so Arabic مدرسة matches the Persian
//     spelling مدرسه), as are Persian heh with yeh above ۀ and heh goal ہ;
//   - Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef,
//     Quranic marks) and tatweel ـ are removed; a combining hamza above is
//     composed with a preceding waw (ؤ) or yeh (ئ) and dropped elsewhere;
//   - ZWNJ (U+200C) becomes a space: Persian writers who lack the key type
//     a space, so «می‌شود» folds like «می شود» (and not like «میشود»);
//     the other zero-width and bidi format characters (ZWSP, ZWJ, LRM, RLM,
//     ALM, word joiner, BOM, soft hyphen, bidi embeddings and isolates,
//     variation selectors) are removed;
//   - runs of white space (any Unicode space, and the spaces made from ZWNJ)
//     become one ASCII space, and leading and trailing space is removed;
//   - Arabic-Indic ٠-٩ and Persian ۰-۹ digits become ASCII 0-9, and the
//     Arabic decimal and thousands separators ٫ ٬ become "." and ",";
//   - letters are lower-cased with Unicode case folding (final sigma ς
//     matches σ, ß becomes "ss"). Other Latin diacritics
//     are kept (Albanian ë and ç stay distinct from e and c), and Arabic
//     presentation forms (U+FB50–U+FEFC) are not decomposed.
//
// Fold returns its argument without allocating when nothing changes.
package i18n
