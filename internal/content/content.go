// Package content owns the newsroom's writing: articles, static pages,
// hierarchical categories, tags, authors, menus and reader comments, with the
// rules that keep them valid (unique slugs per edition, sanitized HTML, a
// consistent publication state). It declares the Store it needs and never
// touches SQL or HTTP itself.
package content

import (
	"context"
	"errors"
	"time"

	"github.com/masthead-news/masthead/internal/media"
)

// ErrNotFound is returned when a looked-up item does not exist.
var ErrNotFound = errors.New("not found")

// ValidationError describes input that was refused; Field names the form field.
type ValidationError struct {
	Field   string
	Message string
	// Key names the message in the UI catalogs ("invalid.…") and Args are
	// its arguments, so a screen can show it in its own language; Message
	// is the English text.
	Key  string
	Args []any
}

func (e *ValidationError) Error() string { return e.Field + ": " + e.Message }

func invalid(field, msg string) error { return &ValidationError{Field: field, Message: msg} }

// Status is where an article or page is in its life.
type Status string

// Publication states.
const (
	Draft     Status = "draft"
	Pending   Status = "pending" // submitted for review
	Scheduled Status = "scheduled"
	Published Status = "published"
)

func (s Status) valid() bool {
	return s == Draft || s == Pending || s == Scheduled || s == Published
}

// Byline names an external writer for a republished piece.
type Byline struct {
	Writer      string
	Publication string
	URL         string
}

// Article is a news article in one edition.
type Article struct {
	ID                int64
	Edition           string
	Slug              string
	Title             string
	Excerpt           string
	BodySource        string // what the editor wrote
	BodyFormat        string // "html" (more formats arrive with the editor)
	BodyHTML          string // sanitized rendering of BodySource
	FeaturedMediaID   int64
	FeaturedCaption   string
	FeaturedAlt       string
	PrimaryCategoryID int64
	CategoryIDs       []int64 // every category, the primary one included
	Tags              []string
	AuthorID          int64
	External          Byline
	Status            Status
	PublishedAt       time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
	CommentsOpen      bool
	TranslationGroup  int64
	CommentCount      int   // approved comments only
	OwnerID           int64 // the account that created it (0 for imports and the demo)

	// Filled by queries for display.
	Featured        *media.Media
	PrimaryCategory *Category
	Author          *Author
}

// HasExternalByline reports whether the piece is credited to an outside writer.
func (a *Article) HasExternalByline() bool { return a.External.Writer != "" }

// Page is a static page such as About Us.
type Page struct {
	ID               int64
	Edition          string
	Slug             string
	Title            string
	Description      string
	BodySource       string
	BodyFormat       string
	BodyHTML         string
	Status           Status
	TranslationGroup int64
	PublishedAt      time.Time
	UpdatedAt        time.Time
}

// Category is a topic; categories nest through ParentID.
type Category struct {
	ID               int64
	Edition          string
	Slug             string
	Name             string
	Description      string
	ParentID         int64
	Position         int
	TranslationGroup int64
}

// Tag is a free keyword.
type Tag struct {
	ID      int64
	Edition string
	Slug    string
	Name    string
}

// Author is a staff writer. Name and Bio come in the edition asked for when
// a localized profile exists.
type Author struct {
	ID            int64
	Slug          string
	Name          string
	Bio           string
	AvatarMediaID int64
	Avatar        *media.Media
}

// AuthorProfile is an author's name and bio in one edition.
type AuthorProfile struct {
	Edition string
	Name    string
	Bio     string
}

// MenuItem is one entry of an edition's navigation menu.
type MenuItem struct {
	ID       int64
	Edition  string
	ParentID int64
	Position int
	Label    string
	Kind     string // MenuLink or MenuEdition
	Target   string // a path or URL for MenuLink, an edition code for MenuEdition
	// TranslationGroup links the item to its counterparts in other
	// editions' menus (the item's own id when it has none).
	TranslationGroup int64
	Children         []*MenuItem
}

// Menu item kinds.
const (
	MenuLink    = "link"    // Target is a site path ("/articles/") or an absolute URL
	MenuEdition = "edition" // Target is an edition code; the link goes to that edition
	MenuGroup   = "group"   // a heading that only holds children
)

// Comment is a reader comment on an article, or a newsroom reply to one.
type Comment struct {
	ID          int64
	ArticleID   int64
	ParentID    int64
	AuthorName  string
	AuthorEmail string // for the newsroom only; never shown on the site
	AuthorURL   string // an optional website, shown as the name's link
	Body        string // plain text; templates escape it
	Status      string // CommentApproved, CommentPending, CommentSpam or CommentTrash
	IPHash      string // the sender's address keyed with the site secret; emptied after the retention period
	UserID      int64  // the newsroom account that wrote a reply (0 for readers)
	SpamReason  string // why the spam defences kept it as spam
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Filled by the moderation queue's listing.
	ArticleTitle   string
	ArticleEdition string
}

// Comment states. Only approved comments are shown and counted.
const (
	CommentApproved = "approved"
	CommentPending  = "pending"
	CommentSpam     = "spam"
	CommentTrash    = "trash"
)

// ArticleFilter selects articles for a listing.
type ArticleFilter struct {
	Edition     string
	Status      Status  // "" means any
	CategoryIDs []int64 // any of these (a category and its descendants)
	TagID       int64
	AuthorID    int64
	OwnerID     int64     // created by this account
	Text        string    // title contains (admin list)
	Before      time.Time // published at or before (zero: no bound)
	Limit       int
	Offset      int
	// Summary leaves the bodies out: cards, sidebars and the admin list
	// show none, and reading every body of a page costs more than the rest.
	Summary bool
}

// Store is the persistence that content needs. Implementations keep each
// method atomic; WithinTx groups several calls into one transaction.
type Store interface {
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error

	CreateArticle(ctx context.Context, a *Article) error
	UpdateArticle(ctx context.Context, a *Article) error
	ArticleByID(ctx context.Context, id int64) (*Article, error)
	ArticleBySlug(ctx context.Context, edition, slug string) (*Article, error)
	ArticleSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error)
	ListArticles(ctx context.Context, f ArticleFilter) ([]*Article, error)
	// ListArticleCards is ListArticles for what shows articles as cards or
	// links (listings, Recent Posts): it lists published articles (f.Status
	// is ignored) of f.Edition, and each holds only what a card shows —
	// ID, Edition, Slug, Title, Excerpt, BodyHTML (unless f.Summary),
	// Status, PublishedAt, FeaturedMediaID, FeaturedCaption, FeaturedAlt,
	// Featured (ID, Path, MIME, Width, Height, Alt, Caption, VariantList),
	// PrimaryCategoryID, PrimaryCategory (ID, Edition, Slug, Name),
	// AuthorID, Author (ID, Slug, Name in the edition), External and
	// CommentCount. RelatedArticles and MostRead return cards too.
	ListArticleCards(ctx context.Context, f ArticleFilter) ([]*Article, error)
	CountArticles(ctx context.Context, f ArticleFilter) (int, error)
	ArticleTags(ctx context.Context, articleID int64) ([]Tag, error)
	ArticleCategories(ctx context.Context, articleID int64) ([]Category, error)
	// ArticleTranslations lists a translation group's articles without their bodies.
	ArticleTranslations(ctx context.Context, group int64) ([]*Article, error)
	ArticleUpdateTimes(ctx context.Context, ids []int64) (map[int64]time.Time, error)
	AttachMedia(ctx context.Context, articleID int64, mediaIDs []int64) error
	ArticleAttachments(ctx context.Context, articleID int64) ([]*media.Media, error)

	CreatePage(ctx context.Context, p *Page) error
	PageBySlug(ctx context.Context, edition, slug string) (*Page, error)
	PageTranslations(ctx context.Context, group int64) ([]*Page, error)
	PageSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error)

	CreateCategory(ctx context.Context, c *Category) error
	Categories(ctx context.Context, edition string) ([]Category, error)
	CategoryBySlug(ctx context.Context, edition, slug string) (*Category, error)
	CategoryTranslations(ctx context.Context, group int64) ([]Category, error)

	EnsureTag(ctx context.Context, edition, name, slug string) (Tag, error)
	TagBySlug(ctx context.Context, edition, slug string) (*Tag, error)

	CreateAuthor(ctx context.Context, a *Author, profiles []AuthorProfile) error
	AuthorBySlug(ctx context.Context, edition, slug string) (*Author, error)
	Authors(ctx context.Context, edition string) ([]Author, error)

	ReplaceMenu(ctx context.Context, edition string, items []*MenuItem) error
	Menu(ctx context.Context, edition string) ([]*MenuItem, error)

	CreateRevision(ctx context.Context, r *Revision) error
	Revisions(ctx context.Context, articleID int64) ([]Revision, error)
	RevisionByID(ctx context.Context, id int64) (*Revision, error)
	PublishDue(ctx context.Context, now time.Time) (int, error)

	AddComment(ctx context.Context, c *Comment) error
	Comments(ctx context.Context, articleID int64, status string) ([]Comment, error)

	// Site structure edited in the admin (structure.go): categories, tags,
	// authors, pages, menu items and translation links.
	StructureStore

	// Discovery: feeds, sitemaps, related articles and "Most read" (discovery.go).
	TagsOfArticles(ctx context.Context, articleIDs []int64) (map[int64][]Tag, error)
	AttachmentsOfArticles(ctx context.Context, articleIDs []int64) (map[int64][]*media.Media, error)
	RelatedArticles(ctx context.Context, a *Article, before time.Time, limit int) ([]*Article, error)
	MostRead(ctx context.Context, edition string, since, before time.Time, limit int) ([]*Article, error)
	ArticleRefs(ctx context.Context, f RefFilter) ([]ArticleRef, error)
	PublishedPages(ctx context.Context) ([]*Page, error)
}
