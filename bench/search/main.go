// Command search benchmarks full-text search on a large generated newsroom:
// queries per second and latency percentiles, separately for Latin-script
// (English and Albanian), Arabic and Persian queries.
//
//	go run ./bench/search [--data DIR] [--size 100000] [--duration 5s] [--database postgres://…]
//
// The first run builds the database in DIR with internal/benchdata (the demo
// site plus --size generated articles in four editions, indexed as they are
// written); later runs reuse it. Each query is what the public search page
// asks for — parse, rank (bm25 on SQLite, ts_rank_cd on PostgreSQL), load page 1 (ten results) and cut the
// highlighted snippets — through search.Service on the store, without HTTP.
// Latency is measured with one client, as wall time and as the CPU time the
// query used on its thread (which other work on the machine does not
// inflate); throughput with one and with one client per CPU.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/masthead-news/masthead/internal/benchdata"
	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// query is one search as a reader types it, in one edition.
type query struct {
	edition, text string
}

// workloads are the benchmark's queries by script. They mix common and rare
// words, phrases, Latin prefixes, and Arabic-script queries typed with the
// other language's letters, diacritics or digits.
var workloads = []struct {
	name    string
	queries []query
}{
	{"Latin", []query{
		{"en", "library"}, {"en", "solar panels"}, {"en", `"river clean-up"`}, {"en", "flood defences"},
		{"en", "volunteers"}, {"en", "night bus"}, {"en", "harvest festival"}, {"en", "rural clinics north"},
		{"en", "coun"}, {"en", "teach"}, {"en", "water"}, {"en", "budget cuts"}, {"en", "museum photographs"},
		{"en", "bike lanes"}, {"en", `"old town"`}, {"en", "cooperative incomes"},
		{"sq", "bibliotekë"}, {"sq", "panele diellore"}, {"sq", `"pastrimin e lumit"`}, {"sq", "përmbytjet"},
		{"sq", "fermerëve"}, {"sq", "autobus"}, {"sq", "shkoll"}, {"sq", "klinikat rurale"}, {"sq", "buxhetit"},
		{"sq", "festën e korrjes"},
	}},
	{"Arabic", []query{
		{"ar", "مكتبة"}, {"ar", "ألواح شمسية"}, {"ar", `"تنظيف النهر"`}, {"ar", "الفيضانات"}, {"ar", "المزارعين"},
		{"ar", "العيادات الريفية"}, {"ar", "الحافلات الليلية"}, {"ar", "مهرجان الحصاد"}, {"ar", "المياه"},
		{"ar", "الساحل"}, {"ar", "مکتبة عامة"}, {"ar", "المدینة"}, {"ar", "مَكتبة"}, {"ar", "المتطوعين"},
		{"ar", "الشتاء"}, {"ar", "نقابة المعلمين"},
	}},
	{"Persian", []query{
		{"fa", "کتابخانه"}, {"fa", "پنل‌های خورشیدی"}, {"fa", `"پاک‌سازی رودخانه"`}, {"fa", "سیل"},
		{"fa", "کشاورزان"}, {"fa", "درمانگاه روستایی"}, {"fa", "اتوبوس شبانه"}, {"fa", "جشن برداشت"},
		{"fa", "كتابخانه"}, {"fa", "شوراي شهر"}, {"fa", "مدرسه"}, {"fa", "۳۰۰ ساله"}, {"fa", "داوطلبان"},
		{"fa", "زمستان"}, {"fa", "انجمن معلمان"}, {"fa", "بودجه"},
	}},
}

func main() {
	data := flag.String("data", filepath.Join(os.TempDir(), "masthead-bench-search"), "data folder of the benchmark database (built on the first run, then reused)")
	size := flag.Int("size", 100000, "number of generated articles when building the database")
	duration := flag.Duration("duration", 5*time.Second, "how long each measurement runs")
	flag.StringVar(&database, "database", "", "a PostgreSQL database (postgres://…) to use instead of DATA/masthead.db: built when empty, else reused")
	flag.Parse()
	if err := run(*data, *size, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "bench/search:", err)
		os.Exit(1)
	}
}

func run(data string, size int, duration time.Duration) error {
	ctx := context.Background()
	st, err := open(ctx, data, size)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.CountArticles(ctx, content.ArticleFilter{Status: content.Published})
	if err != nil {
		return err
	}
	docs, _, err := st.SearchIndexSize(ctx)
	if err != nil {
		return err
	}
	svc := &search.Service{Store: st}
	now := time.Now()
	ask := func(q query) (int, error) {
		res, err := svc.Search(ctx, q.text, search.Filter{Edition: q.edition, Before: now, Limit: 10})
		if err != nil {
			return 0, err
		}
		return res.Total, nil
	}
	fmt.Printf("Search benchmark: %d published articles, %d indexed documents, %d CPUs (GOMAXPROCS %d), SQLite FTS5\n",
		n, docs, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Printf("Each query: parse, rank (bm25), count, load page 1 (10 results), highlight titles and snippets.\n\n")
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	load := benchdata.LoadAverage()
	fmt.Fprintln(tw, "script\tqueries\tmatches/query\tp50 ms\tp95 ms\tp99 ms\tmax ms\tCPU p50 ms\tCPU p95 ms\tq/s (1 client)\tq/s ("+
		fmt.Sprint(runtime.GOMAXPROCS(0))+" clients)\t")
	for _, w := range workloads {
		// Warm up: every query once (and check that each finds something).
		matches := 0
		for _, q := range w.queries {
			total, err := ask(q)
			if err != nil {
				return fmt.Errorf("%s %q: %w", q.edition, q.text, err)
			}
			if total == 0 {
				return fmt.Errorf("%s %q finds nothing: is the database complete?", q.edition, q.text)
			}
			matches += total
		}
		lat, cpu, err := latencies(w.queries, duration, ask)
		if err != nil {
			return err
		}
		single := float64(len(lat)) / sum(lat).Seconds()
		multi, err := throughput(w.queries, duration, runtime.GOMAXPROCS(0), ask)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\t\n", w.name, len(lat), matches/len(w.queries),
			ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(lat, 99)), ms(lat[len(lat)-1]), ms(pct(cpu, 50)), ms(pct(cpu, 95)), single, multi)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Printf("\nLoad average before: %s, after: %s (other work on the machine inflates wall times, not CPU times).\n", load, benchdata.LoadAverage())
	return nil
}

// database is the PostgreSQL URL of --database; empty means SQLite in data.
var database string

// open reuses the benchmark database in data (or at database), or builds it.
func open(ctx context.Context, data string, size int) (*store.Store, error) {
	path := filepath.Join(data, "masthead.db")
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, os.ErrNotExist)
	var st *store.Store
	var err error
	if database != "" {
		path, fresh = postgres.Redact(database), false // empty or not: the editions tell
		st, err = postgres.Open(database)
	} else {
		st, err = sqlite.Open(path)
	}
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if !fresh {
		eds, err := st.Editions(ctx)
		if err == nil && len(eds) == 0 {
			fresh = true // an empty database left by an interrupted run
		}
		if !fresh {
			fmt.Fprintf(os.Stderr, "bench/search: reusing %s (delete the folder to rebuild)\n", path)
			return st, nil
		}
	}
	fmt.Fprintf(os.Stderr, "bench/search: building %s with %d generated articles …\n", path, size)
	start, last := time.Now(), time.Now()
	err = benchdata.Generate(ctx, st, filepath.Join(data, "uploads"), size, benchdata.Options{Progress: func(done int) {
		if time.Since(last) > 10*time.Second || done == size {
			fmt.Fprintf(os.Stderr, "bench/search: %d of %d articles\n", done, size)
			last = time.Now()
		}
	}})
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("generating the dataset: %w (delete %s and run again)", err, data)
	}
	fmt.Fprintf(os.Stderr, "bench/search: built in %s\n", time.Since(start).Round(time.Second))
	return st, nil
}

// latencies runs the queries one after another, round robin, for d and
// returns every query's wall time and thread CPU time, each sorted.
func latencies(qs []query, d time.Duration, ask func(query) (int, error)) (wall, cpu []time.Duration, err error) {
	runtime.LockOSThread() // the query runs on this thread: pure-Go SQLite
	defer runtime.UnlockOSThread()
	end := time.Now().Add(d)
	for i := 0; time.Now().Before(end) || i < len(qs); i++ {
		c0 := threadCPU()
		start := time.Now()
		if _, err := ask(qs[i%len(qs)]); err != nil {
			return nil, nil, err
		}
		wall = append(wall, time.Since(start))
		cpu = append(cpu, threadCPU()-c0)
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	return wall, cpu, nil
}

// threadCPU is the CPU time the calling thread has used (Linux).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// throughput runs the queries from clients goroutines for d and returns the
// queries answered per second.
func throughput(qs []query, d time.Duration, clients int, ask func(query) (int, error)) (float64, error) {
	var done atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(d)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(end); i++ {
				if _, err := ask(qs[i%len(qs)]); err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	return float64(done.Load()) / time.Since(start).Seconds(), firstErr
}

func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(len(sorted)-1, i-1))]
}

func sum(list []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range list {
		t += d
	}
	return t
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
