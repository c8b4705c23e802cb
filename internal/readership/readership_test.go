package readership

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

type fakeStore struct {
	mu     sync.Mutex
	views  []View
	fail   error
	calls  int
	notify chan struct{} // receives after every successful write, when set
}

func (f *fakeStore) AddArticleViews(ctx context.Context, views []View) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.fail != nil {
		return f.fail
	}
	f.views = append(f.views, views...)
	if f.notify != nil {
		f.notify <- struct{}{}
	}
	return nil
}

func (f *fakeStore) total(edition, slug string) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	var n int64
	for _, v := range f.views {
		if v.Edition == edition && v.Slug == slug {
			n += v.Count
		}
	}
	return n
}

func TestIsBot(t *testing.T) {
	people := []string{
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
		"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.50",
	}
	bots := []string{
		"", "-", "curl/8.5.0", "Wget/1.21.3", "python-requests/2.31.0", "Go-http-client/2.0",
		"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
		"Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
		"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36",
		"WhatsApp/2.23.20.0", "TelegramBot (like TwitterBot)", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 3 subscribers)",
		"Mozilla/5.0 (compatible; Chrome-Lighthouse)", "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
	}
	for _, ua := range people {
		if IsBot(ua) {
			t.Errorf("a browser was taken for a bot: %q", ua)
		}
	}
	for _, ua := range bots {
		if !IsBot(ua) {
			t.Errorf("a bot was counted as a reader: %q", ua)
		}
	}
}

func TestCounterBuffersAndFlushesInOneBatch(t *testing.T) {
	st := &fakeStore{}
	now := time.Date(2026, 5, 1, 23, 0, 0, 0, time.UTC)
	c := NewCounter(st, func() time.Time { return now }, nil)
	for range 3 {
		c.Count("en", "a")
	}
	c.Count("fa", "a")
	now = now.Add(2 * time.Hour) // the next day
	c.Count("en", "a")
	if st.calls != 0 {
		t.Fatal("counting wrote to the store before a flush")
	}
	if c.Pending() != 3 {
		t.Fatalf("pending = %d, want 3 (en/a twice for two days, fa/a)", c.Pending())
	}
	if err := c.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st.calls != 1 || len(st.views) != 3 {
		t.Fatalf("%d writes of %d views, want one write of 3", st.calls, len(st.views))
	}
	days := map[int64]int64{}
	for _, v := range st.views {
		if v.Edition == "en" {
			days[v.Day] = v.Count
		}
	}
	if days[Day(now)-1] != 3 || days[Day(now)] != 1 {
		t.Fatalf("per-day counts = %v", days)
	}
	if err := c.Flush(context.Background()); err != nil || st.calls != 1 {
		t.Fatalf("an empty flush wrote: calls=%d err=%v", st.calls, err)
	}
}

func TestFailedFlushKeepsTheCounts(t *testing.T) {
	st := &fakeStore{fail: errors.New("disk full")}
	c := NewCounter(st, nil, nil)
	c.Count("en", "a")
	c.Count("en", "a")
	if err := c.Flush(context.Background()); err == nil {
		t.Fatal("the store's error was lost")
	}
	c.Count("en", "a")
	st.fail = nil
	if err := c.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := st.total("en", "a"); got != 3 {
		t.Fatalf("after a failed flush the total is %d, want 3", got)
	}
}

func TestTheBufferIsBounded(t *testing.T) {
	st := &fakeStore{}
	c := NewCounter(st, nil, nil)
	c.maxPending = 2
	c.Count("en", "a")
	c.Count("en", "b")
	c.Count("en", "c") // dropped: the buffer is full
	c.Count("en", "a") // still counted: already buffered
	if c.Pending() != 2 || c.Dropped() != 1 {
		t.Fatalf("pending %d dropped %d", c.Pending(), c.Dropped())
	}
	select {
	case <-c.full:
	default:
		t.Fatal("a full buffer did not ask for a flush")
	}
}

// TestRunFlushesWhatIsLeftWhenStopped: no ticker fires (the interval is an
// hour); stopping the context must still write the counts, and Run returns.
func TestRunFlushesWhatIsLeftWhenStopped(t *testing.T) {
	st := &fakeStore{}
	c := NewCounter(st, nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		c.Run(ctx, time.Hour)
		close(done)
	}()
	c.Count("sq", "lajm")
	c.Count("sq", "lajm")
	cancel()
	<-done
	if got := st.total("sq", "lajm"); got != 2 {
		t.Fatalf("stopping flushed %d views, want 2", got)
	}
}

// TestRunFlushesWhenTheBufferFills: a full buffer wakes Run before its
// (hour-long) interval.
func TestRunFlushesWhenTheBufferFills(t *testing.T) {
	st := &fakeStore{notify: make(chan struct{}, 1)}
	c := NewCounter(st, nil, nil)
	c.maxPending = 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		c.Run(ctx, time.Hour)
		close(done)
	}()
	c.Count("en", "a")
	c.Count("en", "b") // full: dropped, and Run is woken
	select {
	case <-st.notify:
	case <-done:
		t.Fatal("Run returned early")
	}
	if st.total("en", "a") != 1 {
		t.Fatal("the early flush lost the count")
	}
	cancel()
	<-done
}
