// Command import benchmarks the WordPress import: it writes a WXR 1.2 export
// of --size posts (default 100,000; with authors, a category tree, tags,
// comments and a few pages), builds the masthead binary and times
//
//	masthead import wordpress FILE --data DIR
//
// under /usr/bin/time -v, printing the wall time, the peak resident memory
// and the import's own summary. Targets: under 60 s and under 200 MB.
//
//	go run ./bench/import [--size 100000] [--dir bench/results/import] [--again]
//
// --again imports the same file a second time (which must change nothing)
// and times that too. The export is kept in DIR and reused when it has the
// right size.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/benchdata"
)

func main() {
	size := flag.Int("size", 100000, "number of posts in the generated export")
	dir := flag.String("dir", filepath.Join("bench", "results", "import"), "folder for the export, the binary and the data")
	again := flag.Bool("again", false, "import the same file a second time and time that too")
	flag.Parse()
	if err := run(*size, *dir, *again); err != nil {
		fmt.Fprintln(os.Stderr, "bench/import:", err)
		os.Exit(1)
	}
}

func run(size int, dir string, again bool) error {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return errors.New("/usr/bin/time is missing (Debian: apt-get install time)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	file := filepath.Join(dir, fmt.Sprintf("export-%d.xml", size))
	if _, err := os.Stat(file); err != nil {
		start := time.Now()
		if err := generate(file, size); err != nil {
			return err
		}
		fmt.Printf("wrote %s in %s\n", file, time.Since(start).Round(time.Millisecond))
	}
	fi, err := os.Stat(file)
	if err != nil {
		return err
	}
	fmt.Printf("export: %d posts, %.1f MB; load average before: %s\n", size, float64(fi.Size())/1e6, benchdata.LoadAverage())
	bin := filepath.Join(dir, "masthead")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/masthead").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	if err := os.RemoveAll(data); err != nil {
		return err
	}
	if err := timed(bin, file, data, "first import"); err != nil {
		return err
	}
	if again {
		return timed(bin, file, data, "second import (changes nothing)")
	}
	return nil
}

var (
	wallRE = regexp.MustCompile(`Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)`)
	rssRE  = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)
	cpuRE  = regexp.MustCompile(`Percent of CPU this job got: (\S+)`)
	userRE = regexp.MustCompile(`User time \(seconds\): (\S+)`)
	sysRE  = regexp.MustCompile(`System time \(seconds\): (\S+)`)
)

func timed(bin, file, data, label string) error {
	cmd := exec.Command("/usr/bin/time", "-v", bin, "import", "wordpress", file, "--data", data)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", label, err, tail(stderr.String(), 30))
	}
	text := stderr.String()
	get := func(re *regexp.Regexp) string {
		if m := re.FindStringSubmatch(text); m != nil {
			return m[1]
		}
		return "?"
	}
	var kb int
	fmt.Sscan(get(rssRE), &kb)
	fmt.Printf("\n%s:\n%s", label, indent(string(out)))
	var user, sys float64
	fmt.Sscan(get(userRE), &user)
	fmt.Sscan(get(sysRE), &sys)
	fmt.Printf("  wall time %s (target < 60 s), peak RSS %.0f MB (target < 200 MB), CPU %s: %.1f s user + %.1f s system = %.1f s\n",
		get(wallRE), float64(kb)/1024, get(cpuRE), user, sys, user+sys)
	fmt.Printf("  load average after: %s\n", benchdata.LoadAverage())
	return nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// Words for the generated text, in English, Albanian, Arabic and Persian,
// so bodies have the multi-byte text real newsrooms publish.
var words = strings.Fields(`council budget river harbour school library election festival
	report water energy transport museum market bridge garden archive
	qyteti lumi shkolla zgjedhjet festivali raporti energjia tregu ura
	المدينة النهر المدرسة الانتخابات المهرجان التقرير الطاقة السوق الجسر
	شهر رودخانه مدرسه انتخابات جشنواره گزارش انرژی بازار پل کتابخانه`)

func sentence(r *rand.Rand, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(parts, " ")
	if s[0] >= 'a' && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s + "."
}

func generate(file string, size int) error {
	tmp := file + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	const site = "https://wp.example.org"
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Benchmark Gazette</title>
	<link>%s</link>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>%s</wp:base_site_url>
	<wp:base_blog_url>%s</wp:base_blog_url>
`, site, site, site)
	const authors, cats, tags = 20, 60, 400
	for i := 1; i <= authors; i++ {
		fmt.Fprintf(w, "\t<wp:author><wp:author_id>%d</wp:author_id><wp:author_login><![CDATA[writer%d]]></wp:author_login><wp:author_email><![CDATA[writer%d@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Writer %d]]></wp:author_display_name></wp:author>\n", i, i, i, i)
	}
	for i := 1; i <= cats; i++ {
		parent := ""
		if i > 10 {
			parent = fmt.Sprintf("section-%d", (i-1)%10+1)
		}
		fmt.Fprintf(w, "\t<wp:category><wp:term_id>%d</wp:term_id><wp:category_nicename><![CDATA[section-%d]]></wp:category_nicename><wp:category_parent><![CDATA[%s]]></wp:category_parent><wp:cat_name><![CDATA[Section %d]]></wp:cat_name></wp:category>\n", i, i, parent, i)
	}
	for i := 1; i <= tags; i++ {
		fmt.Fprintf(w, "\t<wp:tag><wp:term_id>%d</wp:term_id><wp:tag_slug><![CDATA[topic-%d]]></wp:tag_slug><wp:tag_name><![CDATA[Topic %d]]></wp:tag_name></wp:tag>\n", 1000+i, i, i)
	}
	start := time.Date(2012, 1, 1, 8, 0, 0, 0, time.UTC)
	commentID := 0
	for i := 1; i <= size; i++ {
		typ, status := "post", "publish"
		switch {
		case i%2000 == 0:
			typ = "page"
		case i%50 == 0:
			status = "draft"
		}
		date := start.Add(time.Duration(i) * 97 * time.Minute)
		title := sentence(r, 4+r.IntN(6))
		slug := fmt.Sprintf("story-%d", i)
		link := fmt.Sprintf("%s/%s/%s/", site, date.Format("2006/01/02"), slug)
		if typ == "page" {
			slug = fmt.Sprintf("page-%d", i)
			link = site + "/" + slug + "/"
		}
		var body strings.Builder
		for p := 0; p < 4+r.IntN(4); p++ {
			body.WriteString("<p>")
			for s := 0; s < 3; s++ {
				body.WriteString(sentence(r, 8+r.IntN(8)) + " ")
			}
			body.WriteString("</p>\n")
		}
		fmt.Fprintf(w, `	<item>
		<title><![CDATA[%s]]></title>
		<link>%s</link>
		<pubDate>%s</pubDate>
		<dc:creator><![CDATA[writer%d]]></dc:creator>
		<guid isPermaLink="false">%s/?p=%d</guid>
		<content:encoded><![CDATA[%s]]></content:encoded>
		<excerpt:encoded><![CDATA[%s]]></excerpt:encoded>
		<wp:post_id>%d</wp:post_id>
		<wp:post_date><![CDATA[%s]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[%s]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[%s]]></wp:post_name>
		<wp:status><![CDATA[%s]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type><![CDATA[%s]]></wp:post_type>
		<wp:is_sticky>0</wp:is_sticky>
`, title, link, date.Format(time.RFC1123Z), 1+r.IntN(authors), site, i, body.String(), sentence(r, 12),
			i, date.Format("2006-01-02 15:04:05"), date.Format("2006-01-02 15:04:05"), slug, status, typ)
		if typ == "post" {
			for c := 0; c < 1+r.IntN(2); c++ {
				n := 1 + r.IntN(cats)
				fmt.Fprintf(w, "\t\t<category domain=\"category\" nicename=\"section-%d\"><![CDATA[Section %d]]></category>\n", n, n)
			}
			for t := 0; t < r.IntN(4); t++ {
				n := 1 + r.IntN(tags)
				fmt.Fprintf(w, "\t\t<category domain=\"post_tag\" nicename=\"topic-%d\"><![CDATA[Topic %d]]></category>\n", n, n)
			}
			if i%5 == 0 {
				for c := 0; c < 2; c++ {
					commentID++
					parent := 0
					if c == 1 {
						parent = commentID - 1
					}
					fmt.Fprintf(w, `		<wp:comment>
			<wp:comment_id>%d</wp:comment_id>
			<wp:comment_author><![CDATA[Reader %d]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[reader%d@example.org]]></wp:comment_author_email>
			<wp:comment_date><![CDATA[%s]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[%s]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[%s]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>%d</wp:comment_parent>
		</wp:comment>
`, commentID, commentID%997, commentID%997, date.Add(time.Hour).Format("2006-01-02 15:04:05"),
						date.Add(time.Hour).Format("2006-01-02 15:04:05"), sentence(r, 10), parent)
				}
			}
		}
		w.WriteString("\t</item>\n")
	}
	w.WriteString("</channel>\n</rss>\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}
