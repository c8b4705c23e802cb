package cli

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media/s3blob/s3test"
	"github.com/masthead-news/masthead/internal/store/postgres/pgtest"
)

// lockedBuffer collects a node's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestTwoNodesOnePostgreSQL runs two complete nodes (the real serve
// command) on one PostgreSQL database and one S3 bucket, each with a data
// folder of its own: node B serves the pictures node A loaded, an edit made
// through node A's admin is served by node B on its next request although B
// had the page cached, and the schedulers of both nodes publish a due
// article once.
func TestTwoNodesOnePostgreSQL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two nodes and loads the demo")
	}
	dbURL := pgtest.URL(t)
	bucket := s3test.Start(t)
	t.Setenv("MASTHEAD_S3_ACCESS_KEY", bucket.AccessKey)
	t.Setenv("MASTHEAD_S3_SECRET_KEY", bucket.SecretKey)
	ctx, cancel := context.WithCancel(context.Background())
	var nodes sync.WaitGroup
	defer nodes.Wait()
	defer cancel()
	start := func(demo bool) (base string, stdout, stderr *lockedBuffer) {
		t.Helper()
		stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
		args := []string{"--addr", "127.0.0.1:0", "--data", t.TempDir(), "--database", dbURL, "--media-url", bucket.MediaURL(),
			"--image-workers", "0", "--base-url", ""}
		if demo {
			args = append(args, "--demo")
		}
		nodes.Go(func() {
			if err := runServe(ctx, args, stdout, stderr); err != nil && ctx.Err() == nil {
				t.Errorf("node stopped: %v\n%s", err, stderr)
			}
		})
		serving := regexp.MustCompile(`Masthead is serving (http://\S+)/`)
		for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if m := serving.FindStringSubmatch(stdout.String()); m != nil {
				return m[1], stdout, stderr
			}
		}
		t.Fatalf("node did not start:\n%s\n%s", stdout, stderr)
		return
	}
	began := time.Now()
	a, aOut, aLog := start(true)
	b, _, bLog := start(false)
	t.Logf("both nodes serving after %v (A loaded the demo)", time.Since(began).Round(time.Millisecond))

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	get := func(u string) string {
		t.Helper()
		res, err := client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", u, res.StatusCode)
		}
		return string(body)
	}
	post := func(u string, form url.Values) {
		t.Helper()
		res, err := client.PostForm(u, form)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: %d\n%s", u, res.StatusCode, body)
		}
	}

	// The newest English article is on the home page of both nodes; B
	// caches its home page.
	st := pgtest.OpenURL(t, dbURL)
	var id int64
	var title string
	if err := st.QueryRowForTest(ctx, "SELECT id, title FROM articles WHERE edition = 'en' AND status = 'published' ORDER BY published_at DESC, id DESC LIMIT 1", &id, &title); err != nil {
		t.Fatal(err)
	}
	shown := html.EscapeString(title)
	for _, u := range []string{a + "/", b + "/", b + "/"} {
		if !strings.Contains(get(u), shown) {
			t.Fatalf("%s does not show %q", u, title)
		}
	}
	// B must show A's change on its next request: it learns of the write
	// by LISTEN/NOTIFY, a moment after A's commit. It is given a second.
	onB := func(want bool) time.Duration {
		t.Helper()
		began := time.Now()
		for {
			if strings.Contains(get(b+"/"), shown) == want {
				return time.Since(began)
			}
			if time.Since(began) > time.Second {
				t.Fatalf("node B still shows the old home page (want the article shown: %v)", want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}

	// The demo's pictures went to the bucket through A; B serves them.
	var picture string
	var size int64
	if err := st.QueryRowForTest(ctx, "SELECT path, size FROM media WHERE kind = 'image' ORDER BY id LIMIT 1", &picture, &size); err != nil {
		t.Fatal(err)
	}
	if got := len(get(b + "/uploads/" + picture)); int64(got) != size {
		t.Fatalf("node B serves %s with %d bytes, want %d", picture, got, size)
	}

	password := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(aOut.String())
	if password == nil {
		t.Fatalf("no admin password printed:\n%s", aOut)
	}
	post(a+"/admin/login", url.Values{"email": {demoAdminEmail}, "password": {password[1]}})
	post(a+"/admin/articles/bulk", url.Values{"action": {"unpublish"}, "id": {strconv.FormatInt(id, 10)}})
	t.Logf("B stopped showing the unpublished article after %v", onB(false))
	post(a+"/admin/articles/bulk", url.Values{"action": {"publish"}, "id": {strconv.FormatInt(id, 10)}})
	t.Logf("B showed it again after %v", onB(true))

	// Schedule it a moment ahead: both schedulers tick every second, and
	// exactly one publishes it.
	art, err := st.ArticleByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	art.Status, art.PublishedAt = content.Scheduled, time.Now().UTC().Truncate(time.Second).Add(2*time.Second)
	if err := st.UpdateArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	onB(false)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if strings.Contains(get(b+"/"), shown) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the scheduled article was not published")
		}
	}
	time.Sleep(2 * time.Second) // both schedulers have ticked again since
	published := strings.Count(aLog.String(), "published scheduled articles") + strings.Count(bLog.String(), "published scheduled articles")
	if published != 1 {
		t.Fatalf("the schedulers published %d times:\nA: %s\nB: %s", published, aLog, bLog)
	}
	if !strings.Contains(get(a+"/"), shown) {
		t.Fatal("node A does not show the published article")
	}
}
