package admin_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/user"
)

// TestRoleMatrix tries every admin route and action as each role and as an
// anonymous visitor, and checks the server's answer.
func TestRoleMatrix(t *testing.T) {
	t.Parallel()
	s := newSite(t)
	editorsPiece := s.article(t, user.Editor, content.Draft, "Editor's draft")
	published := s.article(t, user.Editor, content.Published, "Editor's published piece")
	ownDraft := map[user.Role]*content.Article{}
	for _, r := range []user.Role{user.Admin, user.Editor, user.Author, user.Contributor} {
		ownDraft[r] = s.article(t, r, content.Draft, string(r)+"'s own draft")
	}
	const anon = user.Role("anonymous")
	roles := []user.Role{anon, user.Contributor, user.Author, user.Editor, user.Admin}
	clients := map[user.Role]*http.Client{anon: s.client(t)}
	for _, r := range roles[1:] {
		clients[r] = s.login(t, r)
	}
	// want: status per role, in the order of roles above.
	type row struct {
		name   string
		method string
		path   func(r user.Role) string
		form   func(r user.Role) url.Values
		want   [5]int
	}
	fixed := func(p string) func(user.Role) string { return func(user.Role) string { return p } }
	own := func(suffix string) func(user.Role) string {
		return func(r user.Role) string {
			if a := ownDraft[r]; a != nil {
				return fmt.Sprintf("/admin/articles/%d/%s", a.ID, suffix)
			}
			return fmt.Sprintf("/admin/articles/%d/%s", editorsPiece.ID, suffix)
		}
	}
	other := func(a *content.Article, suffix string) func(user.Role) string {
		return func(user.Role) string { return fmt.Sprintf("/admin/articles/%d/%s", a.ID, suffix) }
	}
	none := func(user.Role) url.Values { return url.Values{} }
	const (
		ok      = http.StatusOK
		seeO    = http.StatusSeeOther
		no      = http.StatusForbidden
		anon401 = http.StatusUnauthorized
	)
	rows := []row{
		{"dashboard", "GET", fixed("/admin/"), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"article list", "GET", fixed("/admin/articles/"), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"new article form", "GET", fixed("/admin/articles/new"), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"create a draft", "POST", fixed("/admin/articles/new"), func(r user.Role) url.Values { return articleForm(s, "en", "Draft by "+string(r), "draft") }, [5]int{anon401, seeO, seeO, seeO, seeO}},
		{"submit for review", "POST", fixed("/admin/articles/new"), func(r user.Role) url.Values { return articleForm(s, "en", "Pending by "+string(r), "submit") }, [5]int{anon401, seeO, seeO, seeO, seeO}},
		{"create and publish", "POST", fixed("/admin/articles/new"), func(r user.Role) url.Values { return articleForm(s, "en", "Published by "+string(r), "publish") }, [5]int{anon401, no, seeO, seeO, seeO}},
		{"edit own draft", "GET", own(""), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"edit someone else's draft", "GET", other(editorsPiece, ""), nil, [5]int{seeO, no, no, ok, ok}},
		{"save someone else's draft", "POST", other(editorsPiece, ""), func(user.Role) url.Values { return articleForm(s, "en", "Changed", "draft") }, [5]int{anon401, no, no, seeO, seeO}},
		{"unpublish someone else's article", "POST", other(published, ""), func(user.Role) url.Values { return articleForm(s, "en", "Editor's published piece", "unpublish") }, [5]int{anon401, no, no, seeO, seeO}},
		{"publish own draft", "POST", own(""), func(r user.Role) url.Values { return articleForm(s, "en", string(r)+"'s own draft", "publish") }, [5]int{anon401, no, seeO, seeO, seeO}},
		{"revisions of someone else's article", "GET", other(editorsPiece, "revisions/"), nil, [5]int{seeO, no, no, ok, ok}},
		{"preview someone else's article", "GET", other(editorsPiece, "preview"), nil, [5]int{seeO, no, no, ok, ok}},
		{"autosave someone else's article", "POST", other(editorsPiece, "autosave"), func(user.Role) url.Values { return url.Values{"title": {"x"}, "body": {"y"}} }, [5]int{anon401, no, no, ok, ok}},
		{"bulk publish", "POST", fixed("/admin/articles/bulk"), func(user.Role) url.Values {
			return url.Values{"action": {"publish"}, "id": {fmt.Sprint(editorsPiece.ID)}}
		}, [5]int{anon401, no, no, seeO, seeO}},
		{"body preview", "POST", fixed("/admin/preview"), func(user.Role) url.Values { return url.Values{"body": {"<p>x</p>"}} }, [5]int{anon401, ok, ok, ok, ok}},
		{"upload without a file", "POST", fixed("/admin/media/upload"), none, [5]int{anon401, no, http.StatusRequestEntityTooLarge, http.StatusRequestEntityTooLarge, http.StatusRequestEntityTooLarge}},
		{"media library", "GET", fixed("/admin/media/"), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"library upload without a file", "POST", fixed("/admin/media/"), none, [5]int{anon401, no, http.StatusRequestEntityTooLarge, http.StatusRequestEntityTooLarge, http.StatusRequestEntityTooLarge}},
		{"account", "GET", fixed("/admin/account/"), nil, [5]int{seeO, ok, ok, ok, ok}},
		{"audit log", "GET", fixed("/admin/audit/"), nil, [5]int{seeO, no, no, no, ok}},
		{"unknown admin page", "GET", fixed("/admin/nothing-here"), nil, [5]int{seeO, 404, 404, 404, 404}},
	}
	for _, rw := range rows {
		for i, r := range roles {
			t.Run(rw.name+"/"+string(r), func(t *testing.T) {
				c := clients[r]
				var res *http.Response
				if rw.method == "GET" {
					res, _ = s.get(t, c, rw.path(r))
				} else {
					res = s.post(t, c, rw.path(r), rw.form(r))
				}
				if res.StatusCode != rw.want[i] {
					t.Errorf("%s %s as %s: %d, want %d", rw.method, rw.path(r), r, res.StatusCode, rw.want[i])
				}
			})
		}
	}
	// Nothing a refused request asked for was stored.
	a, err := s.store.ArticleByID(t.Context(), published.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != content.Draft {
		t.Errorf("the editor's unpublish did not land: %s", a.Status)
	}
	list, err := s.store.ListArticles(t.Context(), content.ArticleFilter{Text: "Published by contributor", Limit: 5})
	if err != nil || len(list) != 0 {
		t.Errorf("a contributor's refused publish stored %d articles (%v)", len(list), err)
	}
	pending, err := s.store.ListArticles(t.Context(), content.ArticleFilter{Text: "Pending by contributor", Limit: 5})
	if err != nil || len(pending) != 1 || pending[0].Status != content.Pending {
		t.Errorf("a contributor's submission: %v %v", pending, err)
	}
}
