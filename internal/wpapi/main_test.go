package wpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/demo"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/sqlite"
	"github.com/masthead-news/masthead/internal/user"
	"github.com/masthead-news/masthead/internal/web"
	"github.com/masthead-news/masthead/internal/wpapi"
)

// site is the demo newsroom behind a real HTTP server, with one account
// per role, each with an application password.
var site struct {
	store   *store.Store
	content *content.Service
	media   *media.Service
	auth    *user.Auth
	srv     *httptest.Server
	// accounts by role: the account and its application password.
	users    map[user.Role]*user.User
	password map[user.Role]string
}

func TestMain(m *testing.M) {
	user.UseFastHashingForTests()
	dir, err := os.MkdirTemp("", "masthead-wpapi-test-")
	if err != nil {
		panic(err)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		if err := setup(dir); err != nil {
			fmt.Fprintln(os.Stderr, "test setup:", err)
			return 1
		}
		defer site.store.Close()
		defer site.srv.Close()
		return m.Run()
	}()
	os.Exit(code)
}

func setup(dir string) error {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(dir, "site.db"))
	if err != nil {
		return err
	}
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	site.store = st
	now := time.Now().UTC()
	blob := media.LocalBlob{Root: filepath.Join(dir, "uploads")}
	site.content = &content.Service{Store: st}
	site.media = &media.Service{Store: st, Blob: blob, MaxSize: 2 << 20}
	site.auth = &user.Auth{Store: st}
	if _, err := demo.Load(ctx, st, demo.Services{Editions: st, Content: site.content, Media: site.media}, now); err != nil {
		return err
	}
	authors, err := st.Authors(ctx, "en")
	if err != nil {
		return err
	}
	site.users, site.password = map[user.Role]*user.User{}, map[user.Role]string{}
	for i, role := range []user.Role{user.Admin, user.Editor, user.Author, user.Contributor} {
		u := &user.User{Email: string(role) + "@example.org", Name: "API " + string(role), Role: role,
			PasswordHash: user.HashPassword("account password 123"), AuthorID: authors[i%len(authors)].ID, CreatedAt: now}
		if err := st.CreateUser(ctx, u); err != nil {
			return err
		}
		plain, _, err := site.auth.CreateAppPassword(ctx, u, "tests")
		if err != nil {
			return err
		}
		site.users[role], site.password[role] = u, plain
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	api := wpapi.New(wpapi.Deps{Store: st, Content: site.content, Media: site.media, Auth: site.auth, Audit: st, Logger: logger})
	handler, err := web.New(ctx, web.Deps{Content: st, Media: st, Blob: blob, Editions: st, Ready: st.Ping, Logger: logger,
		API: api, Generation: st.Generation, CacheBytes: 8 << 20})
	if err != nil {
		return err
	}
	site.srv = httptest.NewServer(handler)
	return nil
}

// call makes an API request; role "" sends no credentials. body may be
// nil, a []byte sent as is, or a value sent as JSON.
func call(t *testing.T, method, path string, role user.Role, body any, header ...string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	ct := ""
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd, ct = bytes.NewReader(j), "application/json"
	}
	req, err := http.NewRequest(method, site.srv.URL+"/wp-json"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if role != "" {
		req.SetBasicAuth(site.users[role].Email, site.password[role])
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, data
}

func decode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("decoding %s: %v", truncate(data), err)
	}
	return v
}

func truncate(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

// wantError checks WordPress's error shape, code and status.
func wantError(t *testing.T, res *http.Response, data []byte, status int, code string) map[string]any {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", res.StatusCode, status, truncate(data))
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=UTF-8" {
		t.Errorf("error Content-Type %q", ct)
	}
	e := decode[map[string]any](t, data)
	if e["code"] != code {
		t.Fatalf("code %v, want %s: %s", e["code"], code, truncate(data))
	}
	if msg, _ := e["message"].(string); msg == "" {
		t.Errorf("error without a message: %s", data)
	}
	d, _ := e["data"].(map[string]any)
	if d == nil || d["status"] != float64(status) {
		t.Errorf("error data %v, want status %d", e["data"], status)
	}
	return e
}
