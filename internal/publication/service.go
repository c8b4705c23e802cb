package publication

import (
	"context"
	"errors"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
)

// Service is the one way to change publications: it validates first and
// changes nothing when it refuses.
type Service struct {
	Store Store
	Now   func() time.Time
	// EditionExists reports whether an edition code is known; nil accepts any.
	EditionExists func(code string) bool
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func (s *Service) checkEdition(code string) error {
	if code == "" || (s.EditionExists != nil && !s.EditionExists(code)) {
		return refuse("edition", "pub_edition", "choose an edition")
	}
	return nil
}

// checkFile checks that id names a library item of the wanted kind.
func (s *Service) checkFile(ctx context.Context, field string, id int64, pdf bool) error {
	if id == 0 {
		return nil
	}
	m, err := s.Store.MediaByID(ctx, id)
	if errors.Is(err, content.ErrNotFound) {
		return refuse(field, "pub_file_missing", "the chosen file is not in the media library")
	}
	if err != nil {
		return err
	}
	if pdf && m.MIME != "application/pdf" {
		return refuse(field, "pub_not_pdf", "choose a PDF from the media library")
	}
	if !pdf && m.Kind != "image" {
		return refuse(field, "pub_not_image", "choose a picture from the media library")
	}
	return nil
}

func checkStatus(st *Status) error {
	switch *st {
	case "":
		*st = Draft
	case Draft, Published:
	default:
		return refuse("status", "pub_status", "unknown status %q", string(*st))
	}
	return nil
}

// prepareBook normalizes and checks a book's fields.
func (s *Service) prepareBook(ctx context.Context, b *Book) error {
	if err := s.checkEdition(b.Edition); err != nil {
		return err
	}
	if err := checkText("title", &b.Title, maxTitle, true); err != nil {
		return err
	}
	if err := checkSlug(&b.Slug, b.Title); err != nil {
		return err
	}
	if err := checkText("author", &b.Author, maxAuthor, false); err != nil {
		return err
	}
	if b.Year != 0 && (b.Year < 1450 || b.Year > s.now().Year()+1) {
		return refuse("year", "pub_year", "the year must be between 1450 and %d", s.now().Year()+1)
	}
	b.ISBN = NormalizeISBN(b.ISBN)
	if b.ISBN != "" && !ValidISBN(b.ISBN) {
		return refuse("isbn", "pub_isbn", "this is not a valid ISBN-10 or ISBN-13 (check the digits)")
	}
	if b.Language != "" && !languageTag.MatchString(b.Language) {
		return refuse("language", "pub_language", "give the language as a code such as en, ar, fa or sq")
	}
	if err := checkText("description", &b.Description, maxDescription, false); err != nil {
		return err
	}
	b.Description = content.SanitizeHTML(b.Description)
	if err := checkPurchaseURL(b.PurchaseURL); err != nil {
		return err
	}
	if err := checkStatus(&b.Status); err != nil {
		return err
	}
	if err := s.checkFile(ctx, "cover", b.CoverID, false); err != nil {
		return err
	}
	return s.checkFile(ctx, "pdf", b.PDFID, true)
}

// SaveBook creates a book (ID 0) or updates one. A book published without
// a date gets the current time.
func (s *Service) SaveBook(ctx context.Context, b *Book) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.prepareBook(ctx, b); err != nil {
			return err
		}
		if b.ID != 0 {
			old, err := s.Store.BookByID(ctx, b.ID)
			if err != nil {
				return err
			}
			if old.Edition != b.Edition {
				return refuse("edition", "pub_edition_fixed", "a book stays in its edition")
			}
			b.TranslationGroup = old.TranslationGroup
		}
		taken, err := s.Store.BookSlugTaken(ctx, b.Edition, b.Slug, b.ID)
		if err != nil {
			return err
		}
		if taken {
			return refuse("slug", "pub_slug_taken", "another book in this edition already uses the slug %q", b.Slug)
		}
		if b.Status == Published && b.PublishedAt.IsZero() {
			b.PublishedAt = s.now()
		}
		b.UpdatedAt = s.now()
		if b.ID == 0 {
			return s.Store.CreateBook(ctx, b)
		}
		return s.Store.UpdateBook(ctx, b)
	})
}

// DeleteBook removes a book; its files stay in the library.
func (s *Service) DeleteBook(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.BookByID(ctx, id); err != nil {
			return err
		}
		if err := s.Store.LinkTranslations(ctx, BookTranslations, []int64{id}); err != nil {
			return err
		}
		return s.Store.DeleteBook(ctx, id)
	})
}

// LinkBook makes others (at most one per other edition) the translations
// of the book id; an empty list unlinks it.
func (s *Service) LinkBook(ctx context.Context, id int64, others []int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		b, err := s.Store.BookByID(ctx, id)
		if err != nil {
			return err
		}
		eds := []string{b.Edition}
		for _, o := range others {
			ob, err := s.Store.BookByID(ctx, o)
			if err != nil {
				return err
			}
			eds = append(eds, ob.Edition)
		}
		if err := oneEach(eds); err != nil {
			return err
		}
		return s.relink(ctx, BookTranslations, id, others, func(ctx context.Context) ([]int64, error) {
			list, err := s.Store.BookTranslations(ctx, groupOr(b.TranslationGroup, b.ID))
			ids := make([]int64, len(list))
			for i, x := range list {
				ids[i] = x.ID
			}
			return ids, err
		})
	})
}

func groupOr(g, id int64) int64 {
	if g == 0 {
		return id
	}
	return g
}

// oneEach refuses two versions in the same edition.
func oneEach(editions []string) error {
	seen := map[string]bool{}
	for _, e := range editions {
		if seen[e] {
			return refuse("translations", "pub_one_per_edition", "link at most one version per edition")
		}
		seen[e] = true
	}
	return nil
}

// relink takes the former members of id's group that are not in others out
// of it, then links id with others.
func (s *Service) relink(ctx context.Context, kind content.TranslationKind, id int64, others []int64, members func(context.Context) ([]int64, error)) error {
	old, err := members(ctx)
	if err != nil {
		return err
	}
	keep := map[int64]bool{id: true}
	for _, o := range others {
		keep[o] = true
	}
	for _, m := range old {
		if !keep[m] {
			if err := s.Store.LinkTranslations(ctx, kind, []int64{m}); err != nil {
				return err
			}
		}
	}
	return s.Store.LinkTranslations(ctx, kind, append([]int64{id}, others...))
}

// ---- Series ----

// SaveSeries creates (ID 0) or updates a series.
func (s *Service) SaveSeries(ctx context.Context, se *Series) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.checkEdition(se.Edition); err != nil {
			return err
		}
		if err := checkText("title", &se.Title, maxAuthor, true); err != nil {
			return err
		}
		if err := checkSlug(&se.Slug, se.Title); err != nil {
			return err
		}
		if err := checkText("description", &se.Description, maxSummary, false); err != nil {
			return err
		}
		if se.ID != 0 {
			old, err := s.Store.SeriesByID(ctx, se.ID)
			if err != nil {
				return err
			}
			if old.Edition != se.Edition {
				return refuse("edition", "pub_edition_fixed", "a series stays in its edition")
			}
			se.TranslationGroup = old.TranslationGroup
		}
		if se.Slug == "books" {
			return refuse("slug", "pub_slug_reserved", "the slug %q is taken by the books", se.Slug)
		}
		taken, err := s.Store.SeriesSlugTaken(ctx, se.Edition, se.Slug, se.ID)
		if err != nil {
			return err
		}
		if taken {
			return refuse("slug", "pub_slug_taken", "another series in this edition already uses the slug %q", se.Slug)
		}
		se.UpdatedAt = s.now()
		if se.ID == 0 {
			return s.Store.CreateSeries(ctx, se)
		}
		return s.Store.UpdateSeries(ctx, se)
	})
}

// DeleteSeries removes a series that has no issues left.
func (s *Service) DeleteSeries(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.SeriesByID(ctx, id); err != nil {
			return err
		}
		n, err := s.Store.CountIssues(ctx, id, false)
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse("series", "pub_series_has_issues", "the series still has %d issue(s); delete them first", n)
		}
		if err := s.Store.LinkTranslations(ctx, SeriesTranslations, []int64{id}); err != nil {
			return err
		}
		return s.Store.DeleteSeries(ctx, id)
	})
}

// LinkSeries makes others the same series in other editions.
func (s *Service) LinkSeries(ctx context.Context, id int64, others []int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		se, err := s.Store.SeriesByID(ctx, id)
		if err != nil {
			return err
		}
		eds := []string{se.Edition}
		for _, o := range others {
			other, err := s.Store.SeriesByID(ctx, o)
			if err != nil {
				return err
			}
			eds = append(eds, other.Edition)
		}
		if err := oneEach(eds); err != nil {
			return err
		}
		return s.relink(ctx, SeriesTranslations, id, others, func(ctx context.Context) ([]int64, error) {
			list, err := s.Store.SeriesTranslations(ctx, groupOr(se.TranslationGroup, se.ID))
			ids := make([]int64, len(list))
			for i, x := range list {
				ids[i] = x.ID
			}
			return ids, err
		})
	})
}

// ---- Issues ----

// SaveIssue creates (ID 0) or updates an issue of a series.
func (s *Service) SaveIssue(ctx context.Context, is *Issue) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		se, err := s.Store.SeriesByID(ctx, is.SeriesID)
		if errors.Is(err, content.ErrNotFound) {
			return refuse("series", "pub_series_missing", "choose a series")
		}
		if err != nil {
			return err
		}
		if is.Number < 1 || is.Number > 100000 {
			return refuse("number", "pub_number", "the issue number must be a whole number from 1")
		}
		if is.Date.IsZero() {
			return refuse("date", "pub_date", "give the date of the issue")
		}
		if err := checkText("title", &is.Title, maxTitle, false); err != nil {
			return err
		}
		if err := checkText("summary", &is.Summary, maxSummary, false); err != nil {
			return err
		}
		if err := checkText("contents", &is.Contents, maxContents, false); err != nil {
			return err
		}
		if err := checkStatus(&is.Status); err != nil {
			return err
		}
		if err := s.checkFile(ctx, "cover", is.CoverID, false); err != nil {
			return err
		}
		if err := s.checkFile(ctx, "pdf", is.PDFID, true); err != nil {
			return err
		}
		if len(is.ArticleIDs) > maxArticles {
			return refuse("articles", "pub_articles_many", "an issue collects at most %d articles", maxArticles)
		}
		seen := map[int64]bool{}
		for _, aid := range is.ArticleIDs {
			if seen[aid] {
				return refuse("articles", "pub_article_twice", "an article is listed twice")
			}
			seen[aid] = true
			a, err := s.Store.ArticleByID(ctx, aid)
			if errors.Is(err, content.ErrNotFound) {
				return refuse("articles", "pub_article_missing", "article %d does not exist", aid)
			}
			if err != nil {
				return err
			}
			if a.Edition != se.Edition {
				return refuse("articles", "pub_article_edition", "the article %q is in another edition", a.Title)
			}
		}
		if is.ID != 0 {
			old, err := s.Store.IssueByID(ctx, is.ID)
			if err != nil {
				return err
			}
			if old.SeriesID != is.SeriesID {
				return refuse("series", "pub_issue_series_fixed", "an issue stays in its series")
			}
			is.TranslationGroup = old.TranslationGroup
		}
		taken, err := s.Store.IssueNumberTaken(ctx, is.SeriesID, is.Number, is.ID)
		if err != nil {
			return err
		}
		if taken {
			return refuse("number", "pub_number_taken", "the series already has an issue number %d", is.Number)
		}
		is.UpdatedAt = s.now()
		if is.ID == 0 {
			return s.Store.CreateIssue(ctx, is)
		}
		return s.Store.UpdateIssue(ctx, is)
	})
}

// DeleteIssue removes an issue; its files stay in the library.
func (s *Service) DeleteIssue(ctx context.Context, id int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.Store.IssueByID(ctx, id); err != nil {
			return err
		}
		if err := s.Store.LinkTranslations(ctx, IssueTranslations, []int64{id}); err != nil {
			return err
		}
		return s.Store.DeleteIssue(ctx, id)
	})
}

// LinkIssue makes others (issues of the series' translations, at most one
// per edition) the translations of the issue id.
func (s *Service) LinkIssue(ctx context.Context, id int64, others []int64) error {
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		is, err := s.Store.IssueByID(ctx, id)
		if err != nil {
			return err
		}
		se, err := s.Store.SeriesByID(ctx, is.SeriesID)
		if err != nil {
			return err
		}
		eds := []string{se.Edition}
		for _, o := range others {
			oi, err := s.Store.IssueByID(ctx, o)
			if err != nil {
				return err
			}
			other, err := s.Store.SeriesByID(ctx, oi.SeriesID)
			if err != nil {
				return err
			}
			eds = append(eds, other.Edition)
		}
		if err := oneEach(eds); err != nil {
			return err
		}
		return s.relink(ctx, IssueTranslations, id, others, func(ctx context.Context) ([]int64, error) {
			list, err := s.Store.IssueTranslations(ctx, groupOr(is.TranslationGroup, is.ID))
			ids := make([]int64, len(list))
			for i, x := range list {
				ids[i] = x.ID
			}
			return ids, err
		})
	})
}

// SlugKey is the folded form of a slug the store looks slugs up by.
func SlugKey(slug string) string { return i18n.Fold(slug) }
