package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/store"
)

// openCardSite opens a store with an edition and n articles, each with a
// category and an author of its own, newest first: article i is in
// "Category i" by "Author i".
func openCardSite(t *testing.T, n int) (*store.Store, []*content.Category, time.Time) {
	t.Helper()
	ctx := context.Background()
	s := openEnglishStore(t)
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	var cats []*content.Category
	for i := range n {
		c := &content.Category{Edition: "en", Slug: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("Category %d", i)}
		au := &content.Author{Slug: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Author %d", i)}
		if err := s.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateAuthor(ctx, au, nil); err != nil {
			t.Fatal(err)
		}
		at := now.Add(-time.Duration(i+1) * time.Hour)
		a := &content.Article{Edition: "en", Slug: fmt.Sprintf("s%d", i), Title: "T", BodyFormat: "html",
			PrimaryCategoryID: c.ID, CategoryIDs: []int64{c.ID}, AuthorID: au.ID, Status: content.Published,
			PublishedAt: at, CreatedAt: at, UpdatedAt: at}
		if err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	return s, cats, now
}

// TestCardRefsStartOver: when the cards' set passes its bound it starts
// over, and the cards of the list that made it do so still show the
// names that were in it before (they were kept, then dropped).
func TestCardRefsStartOver(t *testing.T) {
	defer store.SetMaxCardRefsForTest(2)()
	ctx := context.Background()
	s, _, now := openCardSite(t, 3)
	list := func(limit int) {
		t.Helper()
		cards, err := s.ListArticleCards(ctx, content.ArticleFilter{Edition: "en", Before: now, Limit: limit, Summary: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(cards) != limit {
			t.Fatalf("%d cards, want %d", len(cards), limit)
		}
		for i, a := range cards {
			if a.PrimaryCategory.Name != fmt.Sprintf("Category %d", i) || a.Author.Name != fmt.Sprintf("Author %d", i) {
				t.Fatalf("card %d of %d: category %q, author %q", i, limit, a.PrimaryCategory.Name, a.Author.Name)
			}
		}
	}
	list(1) // keeps the first card's category and author
	list(3) // has them, lacks two more of each: the set starts over
	list(3) // the first ones again, read anew
}

// TestCardRefsWhileRenaming lists cards from several goroutines while a
// category is renamed again and again (run with -race): once the renames
// are done, every list shows the last name.
func TestCardRefsWhileRenaming(t *testing.T) {
	ctx := context.Background()
	s, cats, now := openCardSite(t, 2)
	name := func() string {
		cards, err := s.ListArticleCards(ctx, content.ArticleFilter{Edition: "en", Before: now, Limit: 2, Summary: true})
		if err != nil || len(cards) != 2 {
			t.Errorf("cards %d, %v", len(cards), err)
			return ""
		}
		return cards[0].PrimaryCategory.Name
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
					name()
				}
			}
		})
	}
	c := *cats[0]
	for i := range 30 {
		c.Name = fmt.Sprintf("Name %d", i)
		if err := s.UpdateCategory(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
	for range 3 {
		if got := name(); got != "Name 29" {
			t.Fatalf("after the renames the card shows %q", got)
		}
	}
}
