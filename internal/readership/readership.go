// Package readership counts article reads for the "Most read" list without
// tracking anyone: no cookie, no third party, no IP address or other
// identifier is kept — only a number per article per day. Requests from
// crawlers, link previewers, monitors and command-line tools are not
// counted. Counts wait in memory and are written in batches by one
// goroutine, so a read costs a map update, not a database write.
package readership

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// View is a number of reads of one article on one day.
type View struct {
	Edition string // the article's edition
	Slug    string // the article's slug in that edition
	Day     int64  // days since 1970-01-01 (UTC)
	Count   int64
}

// Store keeps the counts. AddArticleViews adds each view's count to the
// article's total for the day; a slug that names no article is ignored.
// It must not count as a content change for caches: a read changes no page.
type Store interface {
	AddArticleViews(ctx context.Context, views []View) error
}

// Day is the day number of t (UTC).
func Day(t time.Time) int64 { return t.Unix() / 86400 }

// DefaultMaxPending bounds the distinct (article, day) counts held between
// flushes; it caps memory whatever requests arrive.
const DefaultMaxPending = 10000

type key struct {
	edition, slug string
	day           int64
}

// Counter buffers reads and flushes them to the Store.
type Counter struct {
	store      Store
	now        func() time.Time
	logger     *slog.Logger
	maxPending int

	mu      sync.Mutex
	pending map[key]int64
	dropped int64
	full    chan struct{} // signals Run that the buffer is full
}

// NewCounter makes a counter writing to store; now may be nil for time.Now.
func NewCounter(store Store, now func() time.Time, logger *slog.Logger) *Counter {
	if now == nil {
		now = time.Now
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &Counter{store: store, now: now, logger: logger, maxPending: DefaultMaxPending,
		pending: map[key]int64{}, full: make(chan struct{}, 1)}
}

// Count records one read of an article. When the buffer is full, reads of
// articles not yet in it are dropped (and counted as dropped) until the
// next flush.
func (c *Counter) Count(edition, slug string) {
	k := key{edition, slug, Day(c.now())}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pending[k]; !ok && len(c.pending) >= c.maxPending {
		c.dropped++
		select {
		case c.full <- struct{}{}:
		default:
		}
		return
	}
	c.pending[k]++
}

// Pending is how many distinct counts wait for the next flush.
func (c *Counter) Pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pending)
}

// Dropped is how many reads were not counted because the buffer was full.
func (c *Counter) Dropped() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dropped
}

// Flush writes the buffered counts in one batch. If the write fails the
// counts go back into the buffer for the next try.
func (c *Counter) Flush(ctx context.Context) error {
	c.mu.Lock()
	if len(c.pending) == 0 {
		c.mu.Unlock()
		return nil
	}
	batch := c.pending
	c.pending = map[key]int64{}
	c.mu.Unlock()
	views := make([]View, 0, len(batch))
	for k, n := range batch {
		views = append(views, View{Edition: k.edition, Slug: k.slug, Day: k.day, Count: n})
	}
	err := c.store.AddArticleViews(ctx, views)
	if err != nil {
		c.mu.Lock()
		for k, n := range batch {
			if _, ok := c.pending[k]; ok || len(c.pending) < c.maxPending {
				c.pending[k] += n
			}
		}
		c.mu.Unlock()
	}
	return err
}

// Run flushes every interval, and at once when the buffer fills, until ctx
// ends; then it flushes what is left (with a few seconds to do it) and
// returns. Start it with go and wait for it on shutdown.
func (c *Counter) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			if err := c.Flush(fctx); err != nil {
				c.logger.Error("writing view counts at shutdown", "err", err)
			}
			cancel()
			return
		case <-t.C:
		case <-c.full:
		}
		if err := c.Flush(ctx); err != nil && ctx.Err() == nil {
			c.logger.Error("writing view counts", "err", err)
		}
	}
}

// botMarkers are User-Agent fragments of software that is not a person
// reading: crawlers, link previewers, feed fetchers, uptime monitors,
// headless browsers and HTTP libraries.
var botMarkers = []string{
	"bot", "crawl", "spider", "slurp", "scrape", "fetch", "preview", "monitor", "checker", "scanner",
	"headless", "lighthouse", "pagespeed", "phantomjs", "selenium", "puppeteer", "playwright",
	"facebookexternalhit", "facebookcatalog", "embedly", "quora link", "outbrain", "vkshare", "w3c_validator",
	"slack-imgproxy", "whatsapp/", "qwantify", "mediapartners", "adsbot", "apis-google", "google-inspectiontool",
	"google-read-aloud", "feed", "rss", "archiver", "pingdom", "uptime", "ahrefs", "semrush", "dataforseo",
	"curl/", "wget/", "python", "go-http-client", "java/", "okhttp", "libwww", "httpclient", "http_request",
	"axios", "node-fetch", "undici", "ruby", "perl/", "php/",
}

// IsBot guesses from a User-Agent header whether a request comes from
// software rather than a person's browser. Browsers send a long agent
// starting "Mozilla/"; anything else, and any agent carrying a known marker,
// is treated as a bot.
func IsBot(userAgent string) bool {
	ua := strings.ToLower(strings.TrimSpace(userAgent))
	if len(ua) < 20 || !strings.HasPrefix(ua, "mozilla/") {
		return true
	}
	for _, m := range botMarkers {
		if strings.Contains(ua, m) {
			return true
		}
	}
	return false
}
