package content

import (
	"time"

	"github.com/masthead-news/masthead/internal/media"
)

// ArticleRef is the little that sitemaps need of a published article: where
// it lives, when it changed, its featured image and its versions in other
// editions. It is loaded without bodies, so a sitemap of 10,000 articles
// stays cheap.
type ArticleRef struct {
	ID               int64
	Edition          string
	Slug             string
	Title            string
	PublishedAt      time.Time
	UpdatedAt        time.Time
	TranslationGroup int64
	Featured         *media.Media // nil without a featured image
	FeaturedAlt      string
	// Translations are the published versions in other editions (only
	// Edition, Slug and PublishedAt are set).
	Translations []ArticleRef
}

// RefFilter selects published articles for ArticleRefs, newest first.
type RefFilter struct {
	Edition string    // "" for every edition
	After   time.Time // published strictly after (zero: no bound)
	Before  time.Time // published at or before (required: nothing scheduled leaks out)
	Limit   int
	Offset  int
}
