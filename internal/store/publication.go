package store

import (
	"context"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
)

var _ publication.Store = (*Store)(nil)

// loadFiles fills in the cover and PDF records of books and issues with one
// query.
func (s *Store) loadFiles(ctx context.Context, ids []int64, set func(m *media.Media)) error {
	var want []int64
	seen := map[int64]bool{}
	for _, id := range ids {
		if id != 0 && !seen[id] {
			seen[id] = true
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	rows, err := s.query(ctx, "SELECT "+mediaColumns+" FROM media WHERE id IN ("+placeholders(len(want))+")", idArgs(want)...)
	if err != nil {
		return err
	}
	list, err := collect(rows, scanMedia)
	if err != nil {
		return err
	}
	for _, m := range list {
		set(m)
	}
	return nil
}

// ---- Books ----

const bookColumns = `id, edition, slug, title, author, year, isbn, language, description, COALESCE(cover_media_id, 0), COALESCE(pdf_media_id, 0),
	purchase_url, status, published_at, updated_at, translation_group`

func scanBook(sc interface{ Scan(...any) error }) (*publication.Book, error) {
	var b publication.Book
	var status string
	var pub, upd int64
	if err := sc.Scan(&b.ID, &b.Edition, &b.Slug, &b.Title, &b.Author, &b.Year, &b.ISBN, &b.Language, &b.Description, &b.CoverID, &b.PDFID,
		&b.PurchaseURL, &status, &pub, &upd, &b.TranslationGroup); err != nil {
		return nil, err
	}
	b.Status, b.PublishedAt, b.UpdatedAt = publication.Status(status), fromUnix(pub), fromUnix(upd)
	return &b, nil
}

func (s *Store) books(ctx context.Context, q string, args ...any) ([]*publication.Book, error) {
	rows, err := s.query(ctx, "SELECT "+bookColumns+" FROM books "+q, args...)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanBook)
	if err != nil {
		return nil, err
	}
	var ids []int64
	byID := map[int64][]*publication.Book{}
	for _, b := range list {
		ids = append(ids, b.CoverID, b.PDFID)
		byID[b.CoverID] = append(byID[b.CoverID], b)
		byID[b.PDFID] = append(byID[b.PDFID], b)
	}
	err = s.loadFiles(ctx, ids, func(m *media.Media) {
		for _, b := range byID[m.ID] {
			if b.CoverID == m.ID {
				b.Cover = m
			}
			if b.PDFID == m.ID {
				b.PDF = m
			}
		}
	})
	return list, err
}

func one[T any](list []T, err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	if len(list) == 0 {
		return zero, content.ErrNotFound
	}
	return list[0], nil
}

// CreateBook inserts a book; it starts its own translation group unless it
// joins one.
func (s *Store) CreateBook(ctx context.Context, b *publication.Book) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO books (edition, slug, slug_key, title, author, year, isbn, language, description, cover_media_id, pdf_media_id,
			purchase_url, status, published_at, updated_at, translation_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			b.Edition, b.Slug, i18n.Fold(b.Slug), b.Title, b.Author, b.Year, b.ISBN, b.Language, b.Description, nullID(b.CoverID), nullID(b.PDFID),
			b.PurchaseURL, string(b.Status), unix(b.PublishedAt), unix(b.UpdatedAt), b.TranslationGroup)
		if err != nil {
			return err
		}
		b.ID = id
		if b.TranslationGroup == 0 {
			b.TranslationGroup = id
			_, err = s.exec(ctx, "UPDATE books SET translation_group = ? WHERE id = ?", id, id)
		}
		return err
	})
}

// UpdateBook saves a book's fields (not its edition or translation group).
func (s *Store) UpdateBook(ctx context.Context, b *publication.Book) error {
	return affectedOne(s.exec(ctx, `UPDATE books SET slug = ?, slug_key = ?, title = ?, author = ?, year = ?, isbn = ?, language = ?, description = ?,
		cover_media_id = ?, pdf_media_id = ?, purchase_url = ?, status = ?, published_at = ?, updated_at = ? WHERE id = ?`,
		b.Slug, i18n.Fold(b.Slug), b.Title, b.Author, b.Year, b.ISBN, b.Language, b.Description, nullID(b.CoverID), nullID(b.PDFID),
		b.PurchaseURL, string(b.Status), unix(b.PublishedAt), unix(b.UpdatedAt), b.ID))
}

// DeleteBook removes a book.
func (s *Store) DeleteBook(ctx context.Context, id int64) error {
	return affectedOne(s.exec(ctx, "DELETE FROM books WHERE id = ?", id))
}

// BookByID loads one book with its files.
func (s *Store) BookByID(ctx context.Context, id int64) (*publication.Book, error) {
	return one(s.books(ctx, "WHERE id = ?", id))
}

// BookBySlug finds a book of an edition by its slug or its folded form.
func (s *Store) BookBySlug(ctx context.Context, edition, slug string) (*publication.Book, error) {
	list, err := s.books(ctx, "WHERE edition = ? AND slug = ?", edition, slug)
	if err == nil && len(list) == 0 {
		list, err = s.books(ctx, "WHERE edition = ? AND slug_key = ? ORDER BY id LIMIT 1", edition, i18n.Fold(slug))
	}
	return one(list, err)
}

// BookSlugTaken reports whether another book of the edition uses slug.
func (s *Store) BookSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM books WHERE edition = ? AND slug = ? AND id <> ?", edition, slug, exceptID).Scan(&n)
	return n > 0, err
}

func bookWhere(f publication.BookFilter) (string, []any) {
	var conds []string
	var args []any
	if f.Edition != "" {
		conds, args = append(conds, "edition = ?"), append(args, f.Edition)
	}
	if f.PublishedOnly {
		conds, args = append(conds, "status = ?"), append(args, string(publication.Published))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// Books lists books, newest first.
func (s *Store) Books(ctx context.Context, f publication.BookFilter) ([]*publication.Book, error) {
	where, args := bookWhere(f)
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	return s.books(ctx, where+" ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?", append(args, limit, f.Offset)...)
}

// CountBooks counts the books a filter selects.
func (s *Store) CountBooks(ctx context.Context, f publication.BookFilter) (int, error) {
	where, args := bookWhere(f)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM books "+where, args...).Scan(&n)
	return n, err
}

// BookTranslations lists the books of a translation group.
func (s *Store) BookTranslations(ctx context.Context, group int64) ([]*publication.Book, error) {
	return s.books(ctx, "WHERE translation_group = ? ORDER BY edition", group)
}

// ---- Series ----

const seriesColumns = `id, edition, slug, title, description, position, translation_group, updated_at`

func scanSeries(sc interface{ Scan(...any) error }) (*publication.Series, error) {
	var se publication.Series
	var upd int64
	if err := sc.Scan(&se.ID, &se.Edition, &se.Slug, &se.Title, &se.Description, &se.Position, &se.TranslationGroup, &upd); err != nil {
		return nil, err
	}
	se.UpdatedAt = fromUnix(upd)
	return &se, nil
}

func (s *Store) seriesQuery(ctx context.Context, q string, args ...any) ([]*publication.Series, error) {
	rows, err := s.query(ctx, "SELECT "+seriesColumns+" FROM publication_series "+q, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanSeries)
}

// CreateSeries inserts a series.
func (s *Store) CreateSeries(ctx context.Context, se *publication.Series) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO publication_series (edition, slug, slug_key, title, description, position, translation_group, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, se.Edition, se.Slug, i18n.Fold(se.Slug), se.Title, se.Description, se.Position, se.TranslationGroup, unix(se.UpdatedAt))
		if err != nil {
			return err
		}
		se.ID = id
		if se.TranslationGroup == 0 {
			se.TranslationGroup = id
			_, err = s.exec(ctx, "UPDATE publication_series SET translation_group = ? WHERE id = ?", id, id)
		}
		return err
	})
}

// UpdateSeries saves a series' fields.
func (s *Store) UpdateSeries(ctx context.Context, se *publication.Series) error {
	return affectedOne(s.exec(ctx, `UPDATE publication_series SET slug = ?, slug_key = ?, title = ?, description = ?, position = ?, updated_at = ? WHERE id = ?`,
		se.Slug, i18n.Fold(se.Slug), se.Title, se.Description, se.Position, unix(se.UpdatedAt), se.ID))
}

// DeleteSeries removes a series (with its issues).
func (s *Store) DeleteSeries(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, "DELETE FROM publication_issue_articles WHERE issue_id IN (SELECT id FROM publication_issues WHERE series_id = ?)", id); err != nil {
			return err
		}
		if _, err := s.exec(ctx, "DELETE FROM publication_issues WHERE series_id = ?", id); err != nil {
			return err
		}
		return affectedOne(s.exec(ctx, "DELETE FROM publication_series WHERE id = ?", id))
	})
}

// SeriesByID loads one series.
func (s *Store) SeriesByID(ctx context.Context, id int64) (*publication.Series, error) {
	return one(s.seriesQuery(ctx, "WHERE id = ?", id))
}

// SeriesBySlug finds a series of an edition by its slug or its folded form.
func (s *Store) SeriesBySlug(ctx context.Context, edition, slug string) (*publication.Series, error) {
	list, err := s.seriesQuery(ctx, "WHERE edition = ? AND slug = ?", edition, slug)
	if err == nil && len(list) == 0 {
		list, err = s.seriesQuery(ctx, "WHERE edition = ? AND slug_key = ? ORDER BY id LIMIT 1", edition, i18n.Fold(slug))
	}
	return one(list, err)
}

// SeriesSlugTaken reports whether another series of the edition uses slug.
func (s *Store) SeriesSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM publication_series WHERE edition = ? AND slug = ? AND id <> ?", edition, slug, exceptID).Scan(&n)
	return n > 0, err
}

// SeriesList lists an edition's series ("" for every edition) by position.
func (s *Store) SeriesList(ctx context.Context, edition string) ([]*publication.Series, error) {
	if edition == "" {
		return s.seriesQuery(ctx, "ORDER BY edition, position, id")
	}
	return s.seriesQuery(ctx, "WHERE edition = ? ORDER BY position, id", edition)
}

// SeriesTranslations lists the series of a translation group.
func (s *Store) SeriesTranslations(ctx context.Context, group int64) ([]*publication.Series, error) {
	return s.seriesQuery(ctx, "WHERE translation_group = ? ORDER BY edition", group)
}

// ---- Issues ----

const issueColumns = `id, series_id, number, title, summary, contents, issue_date, COALESCE(cover_media_id, 0), COALESCE(pdf_media_id, 0),
	status, translation_group, updated_at`

func scanIssue(sc interface{ Scan(...any) error }) (*publication.Issue, error) {
	var is publication.Issue
	var status string
	var date, upd int64
	if err := sc.Scan(&is.ID, &is.SeriesID, &is.Number, &is.Title, &is.Summary, &is.Contents, &date, &is.CoverID, &is.PDFID,
		&status, &is.TranslationGroup, &upd); err != nil {
		return nil, err
	}
	is.Status, is.Date, is.UpdatedAt = publication.Status(status), fromUnix(date), fromUnix(upd)
	return &is, nil
}

func (s *Store) issues(ctx context.Context, q string, args ...any) ([]*publication.Issue, error) {
	rows, err := s.query(ctx, "SELECT "+issueColumns+" FROM publication_issues "+q, args...)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanIssue)
	if err != nil || len(list) == 0 {
		return list, err
	}
	var ids, issueIDs []int64
	byFile := map[int64][]*publication.Issue{}
	byID := map[int64]*publication.Issue{}
	for _, is := range list {
		ids = append(ids, is.CoverID, is.PDFID)
		byFile[is.CoverID] = append(byFile[is.CoverID], is)
		byFile[is.PDFID] = append(byFile[is.PDFID], is)
		issueIDs = append(issueIDs, is.ID)
		byID[is.ID] = is
	}
	err = s.loadFiles(ctx, ids, func(m *media.Media) {
		for _, is := range byFile[m.ID] {
			if is.CoverID == m.ID {
				is.Cover = m
			}
			if is.PDFID == m.ID {
				is.PDF = m
			}
		}
	})
	if err != nil {
		return nil, err
	}
	rows, err = s.query(ctx, "SELECT issue_id, article_id FROM publication_issue_articles WHERE issue_id IN ("+placeholders(len(issueIDs))+") ORDER BY issue_id, position",
		idArgs(issueIDs)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var iid, aid int64
		if err := rows.Scan(&iid, &aid); err != nil {
			return nil, err
		}
		byID[iid].ArticleIDs = append(byID[iid].ArticleIDs, aid)
	}
	return list, rows.Err()
}

func (s *Store) saveIssueArticles(ctx context.Context, is *publication.Issue) error {
	if _, err := s.exec(ctx, "DELETE FROM publication_issue_articles WHERE issue_id = ?", is.ID); err != nil {
		return err
	}
	for i, aid := range is.ArticleIDs {
		if _, err := s.exec(ctx, "INSERT INTO publication_issue_articles (issue_id, article_id, position) VALUES (?, ?, ?)", is.ID, aid, i); err != nil {
			return err
		}
	}
	return nil
}

// CreateIssue inserts an issue with its article list.
func (s *Store) CreateIssue(ctx context.Context, is *publication.Issue) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO publication_issues (series_id, number, title, summary, contents, issue_date, cover_media_id, pdf_media_id,
			status, translation_group, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			is.SeriesID, is.Number, is.Title, is.Summary, is.Contents, unix(is.Date), nullID(is.CoverID), nullID(is.PDFID),
			string(is.Status), is.TranslationGroup, unix(is.UpdatedAt))
		if err != nil {
			return err
		}
		is.ID = id
		if is.TranslationGroup == 0 {
			is.TranslationGroup = id
			if _, err := s.exec(ctx, "UPDATE publication_issues SET translation_group = ? WHERE id = ?", id, id); err != nil {
				return err
			}
		}
		return s.saveIssueArticles(ctx, is)
	})
}

// UpdateIssue saves an issue's fields and article list.
func (s *Store) UpdateIssue(ctx context.Context, is *publication.Issue) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		err := affectedOne(s.exec(ctx, `UPDATE publication_issues SET number = ?, title = ?, summary = ?, contents = ?, issue_date = ?, cover_media_id = ?,
			pdf_media_id = ?, status = ?, updated_at = ? WHERE id = ?`,
			is.Number, is.Title, is.Summary, is.Contents, unix(is.Date), nullID(is.CoverID), nullID(is.PDFID), string(is.Status), unix(is.UpdatedAt), is.ID))
		if err != nil {
			return err
		}
		return s.saveIssueArticles(ctx, is)
	})
}

// DeleteIssue removes an issue.
func (s *Store) DeleteIssue(ctx context.Context, id int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, "DELETE FROM publication_issue_articles WHERE issue_id = ?", id); err != nil {
			return err
		}
		return affectedOne(s.exec(ctx, "DELETE FROM publication_issues WHERE id = ?", id))
	})
}

// IssueByID loads one issue.
func (s *Store) IssueByID(ctx context.Context, id int64) (*publication.Issue, error) {
	return one(s.issues(ctx, "WHERE id = ?", id))
}

// IssueByNumber loads the issue of a series with a number.
func (s *Store) IssueByNumber(ctx context.Context, seriesID int64, number int) (*publication.Issue, error) {
	return one(s.issues(ctx, "WHERE series_id = ? AND number = ?", seriesID, number))
}

// IssueNumberTaken reports whether another issue of the series has number.
func (s *Store) IssueNumberTaken(ctx context.Context, seriesID int64, number int, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM publication_issues WHERE series_id = ? AND number = ? AND id <> ?", seriesID, number, exceptID).Scan(&n)
	return n > 0, err
}

func issueWhere(seriesID int64, publishedOnly bool) (string, []any) {
	if publishedOnly {
		return "WHERE series_id = ? AND status = ?", []any{seriesID, string(publication.Published)}
	}
	return "WHERE series_id = ?", []any{seriesID}
}

// Issues lists a series' issues, highest number first.
func (s *Store) Issues(ctx context.Context, seriesID int64, publishedOnly bool, limit, offset int) ([]*publication.Issue, error) {
	where, args := issueWhere(seriesID, publishedOnly)
	if limit <= 0 {
		limit = 1000
	}
	return s.issues(ctx, where+" ORDER BY number DESC LIMIT ? OFFSET ?", append(args, limit, offset)...)
}

// CountIssues counts a series' issues.
func (s *Store) CountIssues(ctx context.Context, seriesID int64, publishedOnly bool) (int, error) {
	where, args := issueWhere(seriesID, publishedOnly)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM publication_issues "+where, args...).Scan(&n)
	return n, err
}

// IssueTranslations lists the issues of a translation group.
func (s *Store) IssueTranslations(ctx context.Context, group int64) ([]*publication.Issue, error) {
	return s.issues(ctx, "WHERE translation_group = ? ORDER BY id", group)
}
