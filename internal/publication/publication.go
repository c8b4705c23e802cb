// Package publication owns the newsroom's publications: books, and series
// (such as the "Newsletter" and the "Brief") of numbered issues, each in one
// edition and linked to its counterparts in other editions. It holds their
// rules (slugs, ISBN checksums, purchase links, the files they offer) and
// the service every write goes through. It knows nothing of SQL or HTTP:
// the store implements its Store, the web layer shows what it returns.
package publication

import (
	"context"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// Status says whether readers see a publication.
type Status string

const (
	Draft     Status = "draft"
	Published Status = "published"
)

// Translation kinds of publications, for Store.LinkTranslations (the same
// group rules as articles, pages and categories).
const (
	BookTranslations   content.TranslationKind = "books"
	SeriesTranslations content.TranslationKind = "publication_series"
	IssueTranslations  content.TranslationKind = "publication_issues"
)

// Book is one book the newsroom publishes.
type Book struct {
	ID          int64
	Edition     string
	Slug        string
	Title       string
	Author      string // as printed on the cover
	Year        int    // 0 when unknown
	ISBN        string // digits (and a final X) only; "" when none
	Language    string // BCP 47 code of the book's text, e.g. "fa"
	Description string // sanitized HTML
	CoverID     int64  // an image in the media library; 0 for none
	PDFID       int64  // a PDF in the media library; 0 for none
	PurchaseURL string // http or https; "" for none
	Status      Status
	PublishedAt time.Time
	UpdatedAt   time.Time
	// TranslationGroup joins the same book in other editions (the id of
	// one member).
	TranslationGroup int64

	// Filled by the store when reading: the cover and PDF records.
	Cover *media.Media
	PDF   *media.Media
}

// Series is a periodical made of numbered issues.
type Series struct {
	ID               int64
	Edition          string
	Slug             string
	Title            string
	Description      string // plain text
	Position         int
	TranslationGroup int64
	UpdatedAt        time.Time
}

// Issue is one numbered issue of a series.
type Issue struct {
	ID       int64
	SeriesID int64
	Number   int
	Title    string // optional headline of the issue
	Summary  string // plain text
	Contents string // the table of contents, one entry per line
	Date     time.Time
	CoverID  int64
	PDFID    int64
	Status   Status
	// ArticleIDs are the articles of the issue's HTML edition, in order
	// (articles of the series' edition).
	ArticleIDs       []int64
	TranslationGroup int64
	UpdatedAt        time.Time

	// Filled by the store when reading.
	Cover *media.Media
	PDF   *media.Media
}

// ContentsLines is the table of contents, one entry per non-empty line.
func (i *Issue) ContentsLines() []string {
	var out []string
	for _, l := range strings.Split(i.Contents, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// BookFilter selects books, newest first.
type BookFilter struct {
	Edition       string // "" for every edition
	PublishedOnly bool
	Limit         int
	Offset        int
}

// Store is what publications need from the database.
type Store interface {
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
	MediaByID(ctx context.Context, id int64) (*media.Media, error)
	ArticleByID(ctx context.Context, id int64) (*content.Article, error)
	LinkTranslations(ctx context.Context, kind content.TranslationKind, ids []int64) error

	CreateBook(ctx context.Context, b *Book) error
	UpdateBook(ctx context.Context, b *Book) error
	DeleteBook(ctx context.Context, id int64) error
	BookByID(ctx context.Context, id int64) (*Book, error)
	// BookBySlug finds a book by its slug, also when typed with other
	// Arabic-script letter forms (see i18n.Fold).
	BookBySlug(ctx context.Context, edition, slug string) (*Book, error)
	BookSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error)
	Books(ctx context.Context, f BookFilter) ([]*Book, error)
	CountBooks(ctx context.Context, f BookFilter) (int, error)
	BookTranslations(ctx context.Context, group int64) ([]*Book, error)

	CreateSeries(ctx context.Context, s *Series) error
	UpdateSeries(ctx context.Context, s *Series) error
	DeleteSeries(ctx context.Context, id int64) error
	SeriesByID(ctx context.Context, id int64) (*Series, error)
	SeriesBySlug(ctx context.Context, edition, slug string) (*Series, error)
	SeriesSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error)
	// SeriesList lists an edition's series ("" for all) by position.
	SeriesList(ctx context.Context, edition string) ([]*Series, error)
	SeriesTranslations(ctx context.Context, group int64) ([]*Series, error)

	// CreateIssue and UpdateIssue also save the issue's article list.
	CreateIssue(ctx context.Context, i *Issue) error
	UpdateIssue(ctx context.Context, i *Issue) error
	DeleteIssue(ctx context.Context, id int64) error
	IssueByID(ctx context.Context, id int64) (*Issue, error)
	IssueByNumber(ctx context.Context, seriesID int64, number int) (*Issue, error)
	IssueNumberTaken(ctx context.Context, seriesID int64, number int, exceptID int64) (bool, error)
	// Issues lists a series' issues, highest number first.
	Issues(ctx context.Context, seriesID int64, publishedOnly bool, limit, offset int) ([]*Issue, error)
	CountIssues(ctx context.Context, seriesID int64, publishedOnly bool) (int, error)
	IssueTranslations(ctx context.Context, group int64) ([]*Issue, error)
}
