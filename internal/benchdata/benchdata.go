// Package benchdata fills a database with a large, realistic newsroom for
// benchmarks: the demo site (four editions, their menus, categories,
// authors, pages and illustrations) plus any number of generated articles in
// English, Arabic, Persian and Albanian, linked as translations, spread over
// the demo's categories, tags, authors and pictures, with a year or more of
// publication dates. It writes through the store directly (no services, no
// sanitizing: the demo's bodies are already clean), in large transactions
// with prepared statements; 100,000 articles take a few minutes, most of it
// in the search index's triggers.
//
// bench/gen wraps it in a command; other benchmarks (search, feeds) can call
// Generate themselves. LoadAverage serves the bench commands' reports.
package benchdata

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/demo"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store"
)

// Options tune Generate; the zero value is fine.
type Options struct {
	// Now anchors publication dates; zero means time.Now().
	Now time.Time
	// Seed makes the generated text repeatable; 0 means 1.
	Seed uint64
	// Batch is the number of stories (one article per edition) written per
	// transaction; 0 means 2,000.
	Batch int
	// Interval is the time between two stories; 0 means 20 minutes.
	Interval time.Duration
	// Progress, when set, is called after every batch with the number of
	// articles written so far.
	Progress func(done int)
}

// Editions are the codes Generate writes articles for, in order.
var Editions = []string{"en", "ar", "fa", "sq"}

// pool is what generated articles of one edition draw from: the demo's own
// content in that edition.
type pool struct {
	categories []int64
	authors    []int64
	tags       []string
	excerpts   []string
	bodies     []string
	pictures   []picture
}

type picture struct {
	id           int64
	caption, alt string
}

// Generate loads the demo site into an empty database and adds the given
// number of generated articles to it (a quarter per edition: each story
// exists in every edition, linked as translations). uploadsRoot is the folder of
// uploaded files, where the demo's pictures go.
func Generate(ctx context.Context, st *store.Store, uploadsRoot string, articles int, opt Options) error {
	if articles < 0 {
		return errors.New("benchdata: the number of articles cannot be negative")
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	opt.Now = opt.Now.UTC().Truncate(time.Second)
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Batch <= 0 {
		opt.Batch = 2000
	}
	if opt.Interval <= 0 {
		opt.Interval = 20 * time.Minute
	}
	existing, err := st.Editions(ctx)
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return errors.New("benchdata: the database already holds a site; start from an empty one")
	}
	csvc := &content.Service{Store: st, Now: func() time.Time { return opt.Now }}
	msvc := &media.Service{Store: st, Blob: media.LocalBlob{Root: uploadsRoot}}
	if _, err := demo.Load(ctx, st, demo.Services{Editions: st, Content: csvc, Media: msvc}, opt.Now); err != nil {
		return fmt.Errorf("loading the demo: %w", err)
	}
	pools := map[string]*pool{}
	oldest := opt.Now
	for _, ed := range Editions {
		p, first, err := readPool(ctx, st, ed)
		if err != nil {
			return fmt.Errorf("reading the demo's %s edition: %w", ed, err)
		}
		pools[ed] = p
		if first.Before(oldest) {
			oldest = first
		}
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	start := oldest.Add(-time.Hour)
	stories := (articles + len(Editions) - 1) / len(Editions)
	done := 0
	for first := 0; first < stories && done < articles; first += opt.Batch {
		err := st.WithinTx(ctx, func(ctx context.Context) error {
			for k := first; k < min(first+opt.Batch, stories) && done < articles; k++ {
				published := start.Add(-time.Duration(k) * opt.Interval).Add(-time.Duration(rng.IntN(600)) * time.Second)
				var group int64
				words := [4]int{rng.IntN(1 << 16), rng.IntN(1 << 16), rng.IntN(1 << 16), rng.IntN(1 << 16)}
				for _, ed := range Editions {
					if done >= articles {
						break
					}
					a := makeArticle(rng, ed, pools[ed], k, words, published)
					a.TranslationGroup = group
					if err := st.CreateArticle(ctx, a); err != nil {
						return fmt.Errorf("article %d (%s): %w", done+1, ed, err)
					}
					group = a.TranslationGroup
					done++
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(done)
		}
	}
	return st.RefreshStatistics(ctx)
}

// readPool collects the demo's categories, authors, tags, texts and
// pictures of an edition, and the time of its oldest article.
func readPool(ctx context.Context, st *store.Store, ed string) (*pool, time.Time, error) {
	p := &pool{}
	cats, err := st.Categories(ctx, ed)
	if err != nil {
		return nil, time.Time{}, err
	}
	for _, c := range cats {
		p.categories = append(p.categories, c.ID)
	}
	list, err := st.ListArticles(ctx, content.ArticleFilter{Edition: ed, Limit: 1000})
	if err != nil {
		return nil, time.Time{}, err
	}
	if len(list) == 0 || len(p.categories) == 0 {
		return nil, time.Time{}, errors.New("the demo has no articles or categories here")
	}
	oldest := list[0].PublishedAt
	seenAuthor, seenTag := map[int64]bool{}, map[string]bool{}
	for _, a := range list {
		if a.PublishedAt.Before(oldest) {
			oldest = a.PublishedAt
		}
		if a.AuthorID != 0 && !seenAuthor[a.AuthorID] {
			seenAuthor[a.AuthorID] = true
			p.authors = append(p.authors, a.AuthorID)
		}
		if a.Excerpt != "" {
			p.excerpts = append(p.excerpts, a.Excerpt)
		}
		if a.BodyHTML != "" {
			p.bodies = append(p.bodies, a.BodyHTML)
		}
		if a.FeaturedMediaID != 0 {
			p.pictures = append(p.pictures, picture{a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt})
		}
		tags, err := st.ArticleTags(ctx, a.ID)
		if err != nil {
			return nil, time.Time{}, err
		}
		for _, t := range tags {
			if !seenTag[t.Name] {
				seenTag[t.Name] = true
				p.tags = append(p.tags, t.Name)
			}
		}
	}
	if len(p.authors) == 0 || len(p.bodies) == 0 || len(p.excerpts) == 0 {
		return nil, time.Time{}, errors.New("the demo has no authors or texts here")
	}
	return p, oldest, nil
}

// makeArticle builds story k in edition ed. words picks the headline's
// parts, the same for every edition of the story.
func makeArticle(rng *rand.Rand, ed string, p *pool, k int, words [4]int, published time.Time) *content.Article {
	title := headline(ed, words)
	a := &content.Article{
		Edition:           ed,
		Title:             title,
		Slug:              slugFor(title, k),
		Excerpt:           p.excerpts[rng.IntN(len(p.excerpts))],
		BodyFormat:        "html",
		PrimaryCategoryID: p.categories[rng.IntN(len(p.categories))],
		Status:            content.Published,
		PublishedAt:       published,
		CreatedAt:         published,
		UpdatedAt:         published,
		CommentsOpen:      rng.IntN(5) != 0,
	}
	a.BodyHTML = p.bodies[rng.IntN(len(p.bodies))]
	a.BodySource = a.BodyHTML
	a.CategoryIDs = []int64{a.PrimaryCategoryID}
	if rng.IntN(4) == 0 {
		if c := p.categories[rng.IntN(len(p.categories))]; c != a.PrimaryCategoryID {
			a.CategoryIDs = append(a.CategoryIDs, c)
		}
	}
	for range 1 + rng.IntN(3) {
		if len(p.tags) > 0 {
			a.Tags = append(a.Tags, p.tags[rng.IntN(len(p.tags))])
		}
	}
	a.Tags = dedupe(a.Tags)
	if rng.IntN(12) == 0 {
		a.External = content.Byline{Writer: externalWriters[ed][rng.IntN(len(externalWriters[ed]))],
			Publication: "Partner Press", URL: "https://partner.example.org/story/" + strconv.Itoa(k)}
	} else {
		a.AuthorID = p.authors[rng.IntN(len(p.authors))]
	}
	if len(p.pictures) > 0 && rng.IntN(6) != 0 {
		pic := p.pictures[rng.IntN(len(p.pictures))]
		a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt = pic.id, pic.caption, pic.alt
	}
	return a
}

// slugFor makes a unique slug: the headline's slug and the story number.
func slugFor(title string, k int) string {
	base := content.Slugify(title)
	suffix := "-" + strconv.Itoa(k+1)
	r := []rune(base)
	if len(r) > 60 {
		r = r[:60]
	}
	for len(r) > 0 && r[len(r)-1] == '-' {
		r = r[:len(r)-1]
	}
	return string(r) + suffix
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
