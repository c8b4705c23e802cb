package content

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Service applies the content rules. Every write goes through one of its
// methods, which validates first and changes nothing when input is refused.
type Service struct {
	Store Store
	Now   func() time.Time
	// EditionCodes lists the editions; page slugs may not shadow them.
	EditionCodes func() []string
}

// reservedPageSlugs are first path segments the router gives to other things.
var reservedPageSlugs = map[string]bool{
	"articles": true, "page": true, "category": true, "tag": true, "author": true, "media": true,
	"publications": true, "search": true, "feed": true, "admin": true, "uploads": true, "static": true,
	"wp-json": true, "wp-admin": true, "wp-content": true, "healthz": true, "readyz": true, "metrics": true,
	"sitemap.xml": true, "news-sitemap.xml": true, "robots.txt": true, "favicon.ico": true,
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

const (
	maxTitle   = 300
	maxExcerpt = 1000
	maxBody    = 2 << 20
)

// CreateArticle validates a new article, fills its slug, sanitized body and
// timestamps, and stores it with its categories and tags in one transaction.
func (s *Service) CreateArticle(ctx context.Context, a *Article) error {
	now := s.now().UTC().Truncate(time.Second)
	explicit := strings.TrimSpace(a.Slug) != ""
	if err := s.prepareArticle(ctx, a, now); err != nil {
		return err
	}
	// Imports and the demo bring their own history; a new article is created now.
	if a.CreatedAt.IsZero() || a.CreatedAt.After(now) {
		a.CreatedAt = now
	}
	if a.UpdatedAt.IsZero() || a.UpdatedAt.After(now) {
		a.UpdatedAt = now
	}
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC().Truncate(time.Second), a.UpdatedAt.UTC().Truncate(time.Second)
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.uniqueArticleSlug(ctx, a, explicit); err != nil {
			return err
		}
		return s.Store.CreateArticle(ctx, a)
	})
}

func (s *Service) prepareArticle(ctx context.Context, a *Article, now time.Time) error {
	a.Title = strings.TrimSpace(a.Title)
	a.Excerpt = strings.TrimSpace(a.Excerpt)
	switch {
	case a.Edition == "":
		return invalid("edition", "choose an edition")
	case a.Title == "":
		return invalid("title", "the title is required")
	case utf8.RuneCountInString(a.Title) > maxTitle:
		return invalid("title", fmt.Sprintf("the title is longer than %d characters", maxTitle))
	case utf8.RuneCountInString(a.Excerpt) > maxExcerpt:
		return invalid("excerpt", fmt.Sprintf("the excerpt is longer than %d characters", maxExcerpt))
	case len(a.BodySource) > maxBody:
		return invalid("body", "the body is too long")
	case !a.Status.valid():
		return invalid("status", "unknown status")
	}
	if a.Slug == "" {
		a.Slug = Slugify(a.Title)
	} else if a.Slug = strings.ToLower(strings.TrimSpace(a.Slug)); !ValidSlug(a.Slug) {
		return invalid("slug", "a slug may hold only letters, digits and single hyphens")
	}
	if a.AuthorID == 0 && strings.TrimSpace(a.External.Writer) == "" {
		return invalid("author", "choose an author or name the external writer")
	}
	if a.External.URL != "" {
		if u, err := url.Parse(a.External.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return invalid("source_url", "the source link must be an http or https address")
		}
	}
	if a.PrimaryCategoryID == 0 {
		return invalid("category", "choose a primary category")
	}
	if !containsID(a.CategoryIDs, a.PrimaryCategoryID) {
		a.CategoryIDs = append([]int64{a.PrimaryCategoryID}, a.CategoryIDs...)
	}
	if a.BodyFormat == "" {
		a.BodyFormat = "html"
	}
	a.BodyHTML = SanitizeHTML(a.BodySource)
	switch a.Status {
	case Published:
		if a.PublishedAt.IsZero() {
			a.PublishedAt = now
		}
		if a.PublishedAt.After(now) {
			// A future publication date makes it a scheduled article: readers
			// see it only once the scheduler publishes it.
			a.Status = Scheduled
		}
	case Scheduled:
		if !a.PublishedAt.After(now) {
			return invalid("published_at", "a scheduled time must be in the future")
		}
	}
	a.PublishedAt = a.PublishedAt.UTC().Truncate(time.Second)
	a.Tags = cleanTags(a.Tags)
	return nil
}

// uniqueArticleSlug makes a generated slug unique by a numeric suffix; a
// slug the editor typed that is already taken is refused instead.
func (s *Service) uniqueArticleSlug(ctx context.Context, a *Article, explicit bool) error {
	base := a.Slug
	for i := 2; ; i++ {
		taken, err := s.Store.ArticleSlugTaken(ctx, a.Edition, a.Slug, a.ID)
		if err != nil {
			return err
		}
		if !taken {
			return nil
		}
		if explicit {
			return invalid("slug", fmt.Sprintf("another article in this edition already uses the slug %q", a.Slug))
		}
		a.Slug = suffixSlug(base, i)
	}
}

func suffixSlug(base string, n int) string {
	suffix := "-" + strconv.Itoa(n)
	r := []rune(base)
	if len(r)+len(suffix) > maxSlugRunes {
		r = r[:maxSlugRunes-len(suffix)]
	}
	return strings.TrimRight(string(r), "-") + suffix
}

func cleanTags(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || utf8.RuneCountInString(t) > 60 || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// CreatePage validates and stores a static page.
func (s *Service) CreatePage(ctx context.Context, p *Page) error {
	p.Title = strings.TrimSpace(p.Title)
	switch {
	case p.Edition == "":
		return invalid("edition", "choose an edition")
	case p.Title == "":
		return invalid("title", "the title is required")
	case utf8.RuneCountInString(p.Title) > maxTitle:
		return invalid("title", fmt.Sprintf("the title is longer than %d characters", maxTitle))
	case len(p.BodySource) > maxBody:
		return invalid("body", "the body is too long")
	case !p.Status.valid():
		return invalid("status", "unknown status")
	}
	if p.Slug == "" {
		p.Slug = Slugify(p.Title)
	} else if p.Slug = strings.ToLower(strings.TrimSpace(p.Slug)); !ValidSlug(p.Slug) {
		return invalid("slug", "a slug may hold only letters, digits and single hyphens")
	}
	if s.pageSlugReserved(p.Slug) {
		return invalid("slug", fmt.Sprintf("%q is used by the site itself; choose another slug", p.Slug))
	}
	if p.BodyFormat == "" {
		p.BodyFormat = "html"
	}
	p.BodyHTML = SanitizeHTML(p.BodySource)
	now := s.now().UTC().Truncate(time.Second)
	p.UpdatedAt = now
	if p.Status == Published && p.PublishedAt.IsZero() {
		p.PublishedAt = now
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		taken, err := s.Store.PageSlugTaken(ctx, p.Edition, p.Slug, p.ID)
		if err != nil {
			return err
		}
		if taken {
			return invalid("slug", fmt.Sprintf("another page in this edition already uses the slug %q", p.Slug))
		}
		return s.Store.CreatePage(ctx, p)
	})
}

func (s *Service) pageSlugReserved(slug string) bool {
	if reservedPageSlugs[slug] {
		return true
	}
	if s.EditionCodes != nil {
		for _, c := range s.EditionCodes() {
			if c == slug {
				return true
			}
		}
	}
	return false
}

// CreateCategory validates and stores a category.
func (s *Service) CreateCategory(ctx context.Context, c *Category) error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Edition == "" {
		return invalid("edition", "choose an edition")
	}
	if c.Name == "" {
		return invalid("name", "the name is required")
	}
	if c.Slug == "" {
		c.Slug = Slugify(c.Name)
	} else if c.Slug = strings.ToLower(strings.TrimSpace(c.Slug)); !ValidSlug(c.Slug) {
		return invalid("slug", "a slug may hold only letters, digits and single hyphens")
	}
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if existing, err := s.Store.CategoryBySlug(ctx, c.Edition, c.Slug); err == nil && existing.ID != c.ID {
			return invalid("slug", fmt.Sprintf("another category in this edition already uses the slug %q", c.Slug))
		} else if err != nil && err != ErrNotFound {
			return err
		}
		return s.Store.CreateCategory(ctx, c)
	})
}

// CreateAuthor validates and stores an author with localized profiles.
func (s *Service) CreateAuthor(ctx context.Context, a *Author, profiles []AuthorProfile) error {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return invalid("name", "the name is required")
	}
	if a.Slug == "" {
		a.Slug = Slugify(a.Name)
	} else if !ValidSlug(a.Slug) {
		return invalid("slug", "a slug may hold only letters, digits and single hyphens")
	}
	return s.Store.CreateAuthor(ctx, a, profiles)
}

// SetMenu replaces an edition's menu with a tree of items.
func (s *Service) SetMenu(ctx context.Context, edition string, items []*MenuItem) error {
	var check func([]*MenuItem, int) error
	check = func(list []*MenuItem, depth int) error {
		if depth > 3 && len(list) > 0 { // the third level's (empty) child lists are fine
			return invalid("menu", "menus nest at most three levels deep")
		}
		for _, it := range list {
			if strings.TrimSpace(it.Label) == "" && it.Kind != MenuEdition {
				return invalid("label", "every menu item needs a label")
			}
			switch it.Kind {
			case MenuLink, MenuEdition, MenuGroup:
			default:
				return invalid("kind", fmt.Sprintf("unknown menu item kind %q", it.Kind))
			}
			if err := check(it.Children, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(items, 1); err != nil {
		return err
	}
	return s.Store.ReplaceMenu(ctx, edition, items)
}

// AddComment stores an already-moderated comment (imports and the demo;
// readers' comments go through the comment package's checks).
func (s *Service) AddComment(ctx context.Context, c *Comment) error {
	c.AuthorName = strings.TrimSpace(c.AuthorName)
	c.Body = strings.TrimSpace(c.Body)
	if c.AuthorName == "" || c.Body == "" {
		return invalid("comment", "a comment needs a name and a text")
	}
	if c.Status == "" {
		c.Status = "pending"
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.now()
	}
	return s.Store.AddComment(ctx, c)
}

// Authors lists the authors with their names in an edition.
func (s *Service) Authors(ctx context.Context, edition string) ([]Author, error) {
	return s.Store.Authors(ctx, edition)
}
