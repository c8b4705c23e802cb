package wpapi_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
)

// clientDir holds the Node script and its locked npm dependencies.
const clientDir = "testdata/client"

// TestRealWordPressClient runs node-wpapi (npm "wpapi"), a WordPress REST
// client, against the demo site: it discovers the API from the home page,
// lists, filters by category, search and edition, pages, embeds, then
// creates a post and uploads a picture with an application password.
// Without node or the installed packages it skips, unless
// MASTHEAD_REQUIRE_NODE=1 (as in CI): `npm ci --prefix internal/wpapi/testdata/client`.
func TestRealWordPressClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(clientDir, "node_modules", "wpapi"))
	}
	if err != nil {
		if os.Getenv("MASTHEAD_REQUIRE_NODE") == "1" {
			t.Fatalf("node or node-wpapi missing (run npm ci --prefix internal/wpapi/testdata/client): %v", err)
		}
		t.Skipf("node or node-wpapi missing (npm ci --prefix internal/wpapi/testdata/client): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "client.mjs", site.srv.URL)
	cmd.Dir = clientDir
	cmd.Env = append(os.Environ(), "WP_USER="+site.users["author"].Email, "WP_PASSWORD="+site.password["author"])
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node client: %v\n%s", err, stderr.String())
	}
	type list struct {
		IDs        []int64 `json:"ids"`
		Total      int     `json:"total"`
		TotalPages int     `json:"totalPages"`
		HasNext    bool    `json:"hasNext"`
		HasPrev    bool    `json:"hasPrev"`
	}
	var got struct {
		First     list `json:"first"`
		FirstPost struct {
			ID         int64   `json:"id"`
			Categories []int64 `json:"categories"`
			Lang       string  `json:"lang"`
		} `json:"firstPost"`
		Category struct {
			list
			ID        int64 `json:"id"`
			AllHaveIt bool  `json:"allHaveIt"`
		} `json:"category"`
		Search struct {
			list
			Word string `json:"word"`
		} `json:"search"`
		Lang struct {
			list
			Langs []string `json:"langs"`
		} `json:"lang"`
		Page2 list `json:"page2"`
		Page3 list `json:"page3"`
		Embed []struct {
			ID         int64    `json:"id"`
			Author     string   `json:"author"`
			AuthorID   int64    `json:"authorID"`
			PostAuthor int64    `json:"postAuthor"`
			Media      string   `json:"media"`
			Categories []string `json:"categories"`
		} `json:"embed"`
		Single  struct{ ID int64 } `json:"single"`
		Counts  map[string]int     `json:"counts"`
		Missing struct {
			Code   string `json:"code"`
			Status int    `json:"status"`
		} `json:"missing"`
		Created struct {
			ID     int64  `json:"id"`
			Status string `json:"status"`
		} `json:"created"`
		Uploaded struct {
			ID        int64  `json:"id"`
			MediaType string `json:"media_type"`
			Alt       string `json:"alt"`
		} `json:"uploaded"`
		WrongPassword struct {
			Code   string `json:"code"`
			Status int    `json:"status"`
		} `json:"wrongPassword"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("client output %s: %v", out, err)
	}
	bg := context.Background()
	published, err := site.store.CountArticles(bg, content.ArticleFilter{Edition: "en", Status: content.Published})
	if err != nil {
		t.Fatal(err)
	}
	// The run creates one more post at its end; the reads saw the count before.
	if got.First.Total != published-1 && got.First.Total != published {
		t.Errorf("client saw %d posts, the site has %d", got.First.Total, published)
	}
	if len(got.First.IDs) != 5 || !got.First.HasNext || got.First.HasPrev || got.FirstPost.Lang != "en" {
		t.Errorf("first page: %+v", got.First)
	}
	inCat, err := site.store.CountArticles(bg, content.ArticleFilter{Edition: "en", Status: content.Published, CategoryIDs: []int64{got.Category.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Category.AllHaveIt || got.Category.Total == 0 || (got.Category.Total != inCat && got.Category.Total != inCat-1) {
		t.Errorf("category %d: client %d posts (all in it: %v), store %d", got.Category.ID, got.Category.Total, got.Category.AllHaveIt, inCat)
	}
	if got.Search.Total == 0 || got.Search.Total >= got.First.Total || !slices.Contains(got.Search.IDs, got.FirstPost.ID) {
		t.Errorf("search %q: %+v", got.Search.Word, got.Search.list)
	}
	if len(got.Lang.Langs) != 1 || got.Lang.Langs[0] != "fa" || got.Lang.Total == 0 {
		t.Errorf("lang=fa: %+v", got.Lang)
	}
	if len(got.Page2.IDs) != 7 || !got.Page2.HasPrev || slices.ContainsFunc(got.Page3.IDs, func(id int64) bool { return slices.Contains(got.Page2.IDs, id) }) {
		t.Errorf("pages 2 and 3: %+v %+v", got.Page2, got.Page3)
	}
	if len(got.Embed) != 3 {
		t.Fatalf("embed: %+v", got.Embed)
	}
	for _, e := range got.Embed {
		if e.Author == "" || e.AuthorID != e.PostAuthor || len(e.Categories) == 0 || !strings.HasPrefix(e.Media, site.srv.URL+"/uploads/") {
			t.Errorf("embedded post %d: %+v", e.ID, e)
		}
	}
	if got.Single.ID != got.FirstPost.ID || got.Missing.Code != "rest_post_invalid_id" || got.Missing.Status != 404 {
		t.Errorf("single %d, missing %+v", got.Single.ID, got.Missing)
	}
	for _, kind := range []string{"categories", "tags", "users", "pages", "media", "comments"} {
		if got.Counts[kind] == 0 {
			t.Errorf("client counted no %s", kind)
		}
	}
	// Writes with an application password.
	if got.Created.ID == 0 || got.Created.Status != "publish" {
		t.Errorf("create: %+v", got.Created)
	} else if a, err := site.store.ArticleByID(bg, got.Created.ID); err != nil || a.Status != content.Published || a.OwnerID != site.users["author"].ID {
		t.Errorf("created post in the store: %+v %v", a, err)
	}
	if got.Uploaded.ID == 0 || got.Uploaded.MediaType != "image" || got.Uploaded.Alt != "Two by two pixels" {
		t.Errorf("upload: %+v", got.Uploaded)
	}
	if got.WrongPassword.Code != "incorrect_password" || got.WrongPassword.Status != 401 {
		t.Errorf("wrong password: %+v", got.WrongPassword)
	}
}
