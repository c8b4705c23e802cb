package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/masthead-news/masthead/internal/wpimport"
)

// runImport runs "masthead import wordpress FILE.xml [--uploads DIR] [--edition CODE]
// [--category-base BASE] [--tag-base BASE]".
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		return usagef("name what to import: masthead import wordpress FILE.xml [--uploads DIR] [--edition CODE]")
	}
	if args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, "Usage: masthead import wordpress FILE.xml [--uploads DIR] [--edition CODE] [--category-base BASE] [--tag-base BASE] [--data DIR] [--database URL] [--media-url URL]")
		return flag.ErrHelp
	}
	if args[0] != "wordpress" {
		return usagef("masthead import knows only wordpress, not %q", args[0])
	}
	var o options
	var uploads, ed, catBase, tagBase string
	fs := newFlags("import wordpress", &o, "data", "database", "media-url")
	fs.StringVar(&uploads, "uploads", "", "a local copy of the WordPress site's wp-content/uploads folder")
	fs.StringVar(&ed, "edition", "", "edition code that receives the content (default: the default edition)")
	fs.StringVar(&catBase, "category-base", wpimport.DefaultCategoryBase, "the category base of WordPress's Permalink settings (/topics/news/ has \"topics\"); not in the export")
	fs.StringVar(&tagBase, "tag-base", wpimport.DefaultTagBase, "the tag base of WordPress's Permalink settings (/label/climate/ has \"label\"); not in the export")
	// The file may come before or after the flags.
	rest := args[1:]
	var file string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintln(stdout, "Usage: masthead import wordpress FILE.xml [--uploads DIR] [--edition CODE] [--category-base BASE] [--tag-base BASE] [--data DIR] [--database URL] [--media-url URL]")
			fs.PrintDefaults()
			return err
		}
		return usagef("%v (run: masthead import wordpress -h)", err)
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
		if fs.NArg() > 1 {
			return usagef("unexpected argument %q (run: masthead import wordpress -h)", fs.Arg(1))
		}
	} else if fs.NArg() > 0 {
		return usagef("unexpected argument %q (run: masthead import wordpress -h)", fs.Arg(0))
	}
	if file == "" {
		return usagef("name the export file: masthead import wordpress FILE.xml")
	}
	// A base not given may be found in the export's menu links: only
	// the ones named on the command line are passed on.
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if !given["category-base"] {
		catBase = ""
	}
	if !given["tag-base"] {
		tagBase = ""
	}
	if _, _, err := wpimport.CheckBases(catBase, tagBase); err != nil {
		return usagef("%v", err)
	}
	if fi, err := os.Stat(file); err != nil || fi.IsDir() {
		return usagef("%s is not a readable export file", file)
	}
	if uploads != "" {
		if fi, err := os.Stat(uploads); err != nil || !fi.IsDir() {
			return usagef("--uploads %q is not a folder", uploads)
		}
	}
	if _, err := checkMediaURL(o.mediaURL); err != nil {
		return err
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.ensureSite(ctx); err != nil {
		return err
	}
	// The import allocates much and keeps little (a few MB of ids): with
	// the default GOGC the collector ran every 30 ms, 5% of the CPU time.
	// A larger goal, capped, runs it a fifth as often.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(64 << 20))
	p := newProgress(stderr)
	imp := &wpimport.Importer{Store: a.store, Content: a.content, Media: a.media, Uploads: uploads, Edition: ed,
		CategoryBase: catBase, TagBase: tagBase, Progress: p.update}
	sum, err := imp.Import(ctx, file)
	p.done()
	if err != nil {
		return fmt.Errorf("import of %s failed, nothing was changed: %w", file, err)
	}
	if err := a.store.RefreshStatistics(ctx); err != nil {
		return fmt.Errorf("the import of %s is complete, but refreshing the database's statistics failed: %w", file, err)
	}
	printSummary(stdout, file, sum)
	return nil
}

// progress draws a bar updated in place on a terminal and plain lines
// otherwise.
type progress struct {
	w     io.Writer
	tty   bool
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) update(pr wpimport.Progress) {
	elapsed := time.Since(pr.Started)
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(pr.Items) / s
	}
	frac := 0.0
	if pr.Size > 0 {
		frac = float64(pr.Bytes) / float64(pr.Size)
	}
	phase := "reading terms, authors and files"
	if pr.Pass == 2 {
		phase = "importing posts, pages and comments"
	}
	if p.tty {
		if !pr.Completed && time.Since(p.last) < 100*time.Millisecond {
			return
		}
		const width = 30
		n := int(frac * width)
		if n > width {
			n = width
		}
		fmt.Fprintf(p.w, "\r\033[Kpass %d/2 [%s%s] %3.0f%% %d items, %.0f items/s — %s",
			pr.Pass, strings.Repeat("#", n), strings.Repeat(".", width-n), frac*100, pr.Items, rate, phase)
		p.drawn = true
	} else {
		fmt.Fprintf(p.w, "import: pass %d/2, %3.0f%% of the file, %d items, %.0f items/s (%s)\n", pr.Pass, frac*100, pr.Items, rate, phase)
	}
	p.last = time.Now()
}

func (p *progress) done() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func printSummary(w io.Writer, file string, s *wpimport.Summary) {
	fmt.Fprintf(w, "Imported %s (WordPress site %q, WXR %s) in %s.\n", file, s.Site.Title, s.Site.Version, s.Elapsed.Round(time.Millisecond))
	if s.Lenient {
		fmt.Fprintf(w, "The file is not well-formed XML; it was read as WordPress reads it (%d nested CDATA sections escaped, %d control characters dropped).\n", s.RepairedCDATA, s.Controls)
	}
	fmt.Fprintf(w, "In the export: %s\n", counts(s.Read, []string{"authors", "categories", "tags", "terms", "posts", "pages", "attachments", "comments", "menu items", "other items"}))
	kinds := []string{"authors", "categories", "tags", "articles", "pages", "media", "comments", "menus", "translation links"}
	fmt.Fprintf(w, "Created: %s\n", counts(s.Created, kinds))
	fmt.Fprintf(w, "Updated: %s\n", counts(s.Updated, kinds))
	fmt.Fprintf(w, "Unchanged: %s\n", counts(s.Unchanged, kinds))
	fmt.Fprintf(w, "Old URLs redirecting (new or changed): %d\n", s.Redirects)
	fmt.Fprintf(w, "Old category URLs are under /%s/, tag URLs under /%s/", s.CategoryBase, s.TagBase)
	if s.CategoryBase == wpimport.DefaultCategoryBase && s.TagBase == wpimport.DefaultTagBase {
		fmt.Fprint(w, " (WordPress's defaults; if the site's Permalink settings had others, import again with --category-base and --tag-base)")
	}
	fmt.Fprintln(w, ".")
	if !s.Changed {
		fmt.Fprintln(w, "Nothing changed: the site already holds this export.")
	}
	for _, n := range s.Notes {
		fmt.Fprintln(w, "Note: "+n)
	}
	for _, kind := range []string{"article", "page"} {
		if ids := s.Missing[kind]; len(ids) > 0 {
			shown := ids
			if len(shown) > 20 {
				shown = shown[:20]
			}
			more := ""
			if len(ids) > len(shown) {
				more = fmt.Sprintf(" and %d more", len(ids)-len(shown))
			}
			fmt.Fprintf(w, "Not in this export: %d %ss imported earlier (WordPress ids %s%s); they stay in Masthead: unpublish or delete them in the admin if they were deleted in WordPress.\n",
				len(ids), kind, strings.Join(shown, ", "), more)
		}
	}
	if len(s.Skipped) > 0 {
		fmt.Fprintf(w, "Skipped %d:\n", len(s.Skipped))
		for _, sk := range s.Skipped {
			title := sk.Title
			if title == "" {
				title = "(no title)"
			}
			fmt.Fprintf(w, "  %s %s %q (line %d): %s\n", sk.Kind, sk.ID, title, sk.Line, sk.Reason)
		}
	}
}

func counts(m map[string]int, order []string) string {
	var parts []string
	seen := map[string]bool{}
	for _, k := range order {
		seen[k] = true
		if m[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
		}
	}
	var extra []string
	for k := range m {
		if !seen[k] && m[k] > 0 {
			extra = append(extra, fmt.Sprintf("%d %s", m[k], k))
		}
	}
	sort.Strings(extra)
	parts = append(parts, extra...)
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}
