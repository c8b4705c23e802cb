package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/readership"
	"github.com/masthead-news/masthead/internal/store"
)

// cardOf is what content.Store.ListArticleCards promises of an article
// (a card shows it), as text to compare.
func cardOf(a *content.Article) string {
	v := fmt.Sprintf("id %d %s %q %q %q body %q %s %d featured %d %q %q category %d author %d %+v comments %d",
		a.ID, a.Edition, a.Slug, a.Title, a.Excerpt, a.BodyHTML, a.Status, a.PublishedAt.Unix(),
		a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt, a.PrimaryCategoryID, a.AuthorID, a.External, a.CommentCount)
	if m := a.Featured; m != nil {
		v += fmt.Sprintf("\n  picture %d %q %q %dx%d %q %q %q", m.ID, m.Path, m.MIME, m.Width, m.Height, m.Alt, m.Caption, m.VariantList)
	}
	if c := a.PrimaryCategory; c != nil {
		v += fmt.Sprintf("\n  category %d %s %q %q", c.ID, c.Edition, c.Slug, c.Name)
	}
	if au := a.Author; au != nil {
		v += fmt.Sprintf("\n  author %d %q %q", au.ID, au.Slug, au.Name)
	}
	return v
}

// Text that needs escaping in JSON, which rows are packed in (see
// store.Dialect.JSONArray): it must come out as it went in.
const (
	hostileTitle = "Quotes \" and \\ back\\slash, \\u0041, tab\t, line\n, \x01\x1f\x7f, 🌊 wave, آب, \u2028, </script>"
	hostileBody  = "<p>\\\"🌊\"</p>"
)

// testCards: the card lists (listings, related, most read) carry every
// field a card shows, the same as the article itself loaded in full —
// a column left out of the card query fails here. Every field is set on
// some article: a picture with variants, caption and alt text, an author
// named differently per edition, an outside writer, approved comments.
func testCards(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	must(t, s.QueueVariants(ctx, f.img.ID, time.Unix(1, 0)))
	id, _, err := s.ClaimVariantJob(ctx, "w", time.Unix(2, 0), time.Unix(600, 0), 3)
	must(t, err)
	if id != f.img.ID {
		t.Fatalf("claimed media %d, want %d", id, f.img.ID)
	}
	must(t, s.FinishVariantJob(ctx, f.img.ID, "w", []media.Variant{
		{MediaID: f.img.ID, Width: 400, Height: 225, Format: "webp", Path: media.VariantKey(f.img.Path, 400, "webp"), Size: 10},
		{MediaID: f.img.ID, Width: 400, Height: 225, Format: "jpeg", Path: media.VariantKey(f.img.Path, 400, "jpeg"), Size: 20},
	}, time.Unix(3, 0)))
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	var ids []int64
	for i, slug := range []string{"pictured", "outside", "bare", "fa"} {
		a := article(f, slug, now.Add(-time.Duration(i+1)*time.Hour))
		a.Excerpt, a.BodyHTML = "Excerpt "+slug, "<p>Body "+slug+"</p>"
		a.Tags = []string{"shared"}
		switch slug {
		case "outside":
			a.AuthorID, a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt = 0, 0, "", ""
			a.External = content.Byline{Writer: "W", Publication: "P", URL: "https://example.org/w"}
		case "bare":
			a.AuthorID, a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt = 0, 0, "", ""
			a.Title, a.Excerpt, a.BodyHTML = hostileTitle, "\"\"", hostileBody
		case "fa":
			a.Edition, a.PrimaryCategoryID, a.CategoryIDs = "fa", f.other.ID, []int64{f.other.ID}
		}
		must(t, s.CreateArticle(ctx, a))
		ids = append(ids, a.ID)
		must(t, s.AddComment(ctx, &content.Comment{ArticleID: a.ID, AuthorName: "Lea", Body: "Hi", Status: "approved", CreatedAt: now}))
	}
	full := map[int64]*content.Article{}
	for _, id := range ids {
		a, err := s.ArticleByID(ctx, id)
		must(t, err)
		full[id] = a
	}
	if a := full[ids[0]]; a.Featured == nil || a.Featured.VariantList == "" || a.CommentCount != 1 {
		t.Fatalf("the fixture lacks a field: picture %+v, %d comments", a.Featured, a.CommentCount)
	}
	if a := full[ids[2]]; a.Title != hostileTitle || a.BodyHTML != hostileBody {
		t.Fatalf("text that needs escaping came back as %q, body %q", a.Title, a.BodyHTML)
	}
	if a := full[ids[3]]; a.Author == nil || a.Author.Name != "آنا" {
		t.Fatalf("the fixture's fa article has author %+v", a.Author)
	}
	check := func(what string, got []*content.Article, summary bool, want ...int64) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d cards, want %d", what, len(got), len(want))
		}
		for i, a := range got {
			w := *full[want[i]]
			if summary {
				w.BodyHTML = ""
			}
			if g, w := cardOf(a), cardOf(&w); g != w {
				t.Errorf("%s: card %d\n got %s\nwant %s", what, i, g, w)
			}
		}
	}
	for _, summary := range []bool{false, true} {
		list, err := s.ListArticleCards(ctx, content.ArticleFilter{Edition: "en", Before: now, Limit: 10, Summary: summary})
		must(t, err)
		check(fmt.Sprintf("en listing (summary %v)", summary), list, summary, ids[0], ids[1], ids[2])
		list, err = s.ListArticleCards(ctx, content.ArticleFilter{Edition: "en", Before: now, Limit: 1, Offset: 1, Summary: summary})
		must(t, err)
		check(fmt.Sprintf("en listing page 2 of 1 (summary %v)", summary), list, summary, ids[1])
		list, err = s.ListArticleCards(ctx, content.ArticleFilter{Edition: "fa", Before: now, Summary: summary})
		must(t, err)
		check(fmt.Sprintf("fa listing (summary %v)", summary), list, summary, ids[3])
	}
	related, err := s.RelatedArticles(ctx, full[ids[2]], now, 3)
	must(t, err)
	check("related", related, true, ids[0], ids[1])
	today := readership.Day(now)
	must(t, s.AddArticleViews(ctx, []readership.View{{Edition: "en", Slug: "bare", Day: today, Count: 2},
		{Edition: "en", Slug: "pictured", Day: today, Count: 1}, {Edition: "fa", Slug: "fa", Day: today, Count: 1}}))
	read, err := s.MostRead(ctx, "en", now, now, 5)
	must(t, err)
	check("most read", read, true, ids[2], ids[0])
	read, err = s.MostRead(ctx, "fa", now, now, 5)
	must(t, err)
	check("most read fa", read, true, ids[3])
}

// testCardsFollowChanges: cards keep their categories', authors' and
// pictures' names between writes (store/cardrefs.go), yet a rename, a new
// profile name or a new alt text shows on the very next list; a caller
// changing a card changes no other; and a change a transaction sees but
// rolls back never shows outside it.
func testCardsFollowChanges(t *testing.T, s *store.Store) {
	f := seedSite(t, s)
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for i, slug := range []string{"one", "two"} {
		a := article(f, slug, now.Add(-time.Duration(i+1)*time.Hour))
		if slug == "two" {
			a.Edition, a.PrimaryCategoryID, a.CategoryIDs = "fa", f.other.ID, []int64{f.other.ID}
		}
		must(t, s.CreateArticle(ctx, a))
	}
	card := func(ctx context.Context, edition string) *content.Article {
		t.Helper()
		list, err := s.ListArticleCards(ctx, content.ArticleFilter{Edition: edition, Before: now, Limit: 10, Summary: true})
		must(t, err)
		if len(list) != 1 || list[0].PrimaryCategory == nil || list[0].Author == nil || list[0].Featured == nil {
			t.Fatalf("%s cards: %+v", edition, list)
		}
		return list[0]
	}
	shows := func(what string, a *content.Article, category, author, alt string) {
		t.Helper()
		if a.PrimaryCategory.Name != category || a.Author.Name != author || a.Featured.Alt != alt {
			t.Fatalf("%s: category %q, author %q, alt text %q; want %q, %q, %q",
				what, a.PrimaryCategory.Name, a.Author.Name, a.Featured.Alt, category, author, alt)
		}
	}
	shows("first list", card(ctx, "en"), "News", "Ana", "alt")
	shows("second list", card(ctx, "en"), "News", "Ana", "alt")
	shows("the fa list names the author as in fa", card(ctx, "fa"), "خبر", "آنا", "alt")

	cat := *f.cat
	cat.Name = "World news"
	must(t, s.UpdateCategory(ctx, &cat))
	shows("after the category's rename", card(ctx, "en"), "World news", "Ana", "alt")
	au := *f.author
	au.Name = "Ana B."
	must(t, s.UpdateAuthor(ctx, &au, []content.AuthorProfile{{Edition: "fa", Name: "آنا ب."}}))
	shows("after the author's rename", card(ctx, "en"), "World news", "Ana B.", "alt")
	shows("after the author's rename, in fa", card(ctx, "fa"), "خبر", "آنا ب.", "alt")
	m := *f.img
	m.Alt = "A river at dawn."
	must(t, s.UpdateMedia(ctx, &m))
	shows("after the new alt text", card(ctx, "en"), "World news", "Ana B.", "A river at dawn.")

	changed := card(ctx, "en")
	changed.PrimaryCategory.Name, changed.Author.Name, changed.Featured.Alt = "x", "y", "z"
	shows("after a caller changed a card", card(ctx, "en"), "World news", "Ana B.", "A river at dawn.")

	rollBack := errors.New("roll back")
	err := s.WithinTx(ctx, func(ctx context.Context) error {
		c := cat
		c.Name = "Never committed"
		must(t, s.UpdateCategory(ctx, &c))
		shows("inside the transaction", card(ctx, "en"), "Never committed", "Ana B.", "A river at dawn.")
		return rollBack
	})
	if !errors.Is(err, rollBack) {
		t.Fatalf("transaction: %v", err)
	}
	shows("after the rollback", card(ctx, "en"), "World news", "Ana B.", "A river at dawn.")
}
