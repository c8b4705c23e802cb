package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
)

// articleJoins brings an article's primary category, its author (named in
// the article's edition) and its featured image to its row.
const articleJoins = `
	FROM articles a
	JOIN categories c ON c.id = a.primary_category_id
	LEFT JOIN authors au ON au.id = a.author_id
	LEFT JOIN author_profiles ap ON ap.author_id = a.author_id AND ap.edition = a.edition
	LEFT JOIN media m ON m.id = a.featured_media_id`

// articleColumns are what articleSelect packs into its first value (see
// packedRow): an article with what a card shows — its primary category, its
// author (named in the article's edition) and its featured image — read
// in one query, so a listing costs the same whatever its length. The
// bodies, most of a row's bytes, come as columns of their own: packed,
// they would be escaped and unescaped for nothing.
const articleColumns = `a.id, a.edition, a.slug, a.title, a.excerpt, a.body_format,
	COALESCE(a.featured_media_id, 0), a.featured_caption, a.featured_alt, a.primary_category_id, COALESCE(a.author_id, 0),
	a.ext_writer, a.ext_publication, a.ext_url, a.status, a.published_at, a.created_at, a.updated_at,
	a.comments_open, a.translation_group, a.comment_count, COALESCE(a.owner_id, 0),
	c.slug, c.name, COALESCE(c.parent_id, 0),
	COALESCE(au.slug, ''), COALESCE(ap.name, au.name, ''), COALESCE(ap.bio, au.bio, ''), COALESCE(au.avatar_media_id, 0),
	COALESCE(m.kind, ''), COALESCE(m.path, ''), COALESCE(m.filename, ''), COALESCE(m.mime, ''), COALESCE(m.size, 0),
	COALESCE(m.width, 0), COALESCE(m.height, 0), COALESCE(m.title, ''), COALESCE(m.alt, ''), COALESCE(m.caption, ''),
	COALESCE(m.credit, ''), COALESCE(m.variants, '')`

// articleSelect is the select of scanArticle's rows, ending with the
// joins: with the bodies, or with empty ones for lists (summary).
func (s *Store) articleSelect(summary bool) string {
	if summary {
		return s.articleSQL[1]
	}
	return s.articleSQL[0]
}

// articleSelects makes articleSelect's two statements for a dialect.
func articleSelects(d Dialect) [2]string {
	packed := "SELECT " + d.JSONArray(articleColumns)
	return [2]string{packed + ", a.body_source, a.body_html" + articleJoins, packed + ", '', ''" + articleJoins}
}

func scanArticle(sc interface{ Scan(...any) error }) (*content.Article, error) {
	var packed string
	a := &content.Article{}
	if err := sc.Scan(&packed, &a.BodySource, &a.BodyHTML); err != nil {
		return nil, err
	}
	r := packedRow{text: packed}
	r.open()
	a.ID, a.Edition, a.Slug, a.Title, a.Excerpt, a.BodyFormat = r.int(), r.str(), r.str(), r.str(), r.str(), r.str()
	a.FeaturedMediaID, a.FeaturedCaption, a.FeaturedAlt, a.PrimaryCategoryID, a.AuthorID = r.int(), r.str(), r.str(), r.int(), r.int()
	a.External.Writer, a.External.Publication, a.External.URL = r.str(), r.str(), r.str()
	a.Status = content.Status(r.str())
	a.PublishedAt, a.CreatedAt, a.UpdatedAt = fromUnix(r.int()), fromUnix(r.int()), fromUnix(r.int())
	a.CommentsOpen, a.TranslationGroup, a.CommentCount, a.OwnerID = r.int() == 1, r.int(), int(r.int()), r.int()
	cat := &content.Category{ID: a.PrimaryCategoryID, Edition: a.Edition}
	cat.Slug, cat.Name, cat.ParentID = r.str(), r.str(), r.int()
	au := &content.Author{}
	au.Slug, au.Name, au.Bio, au.AvatarMediaID = r.str(), r.str(), r.str(), r.int()
	m := &media.Media{}
	m.Kind, m.Path, m.Filename, m.MIME, m.Size = r.str(), r.str(), r.str(), r.str(), r.int()
	m.Width, m.Height, m.Title, m.Alt, m.Caption, m.Credit, m.VariantList = int(r.int()), int(r.int()), r.str(), r.str(), r.str(), r.str(), r.str()
	if err := r.close(); err != nil {
		return nil, err
	}
	attachJoined(a, cat, au, m)
	return a, nil
}

// attachJoined hangs the primary category, author and featured picture
// read in the same row on the article (the last two only when it has them).
func attachJoined(a *content.Article, cat *content.Category, au *content.Author, m *media.Media) {
	a.PrimaryCategory = cat
	if a.AuthorID != 0 {
		au.ID = a.AuthorID
		a.Author = au
	}
	if a.FeaturedMediaID != 0 {
		m.ID = a.FeaturedMediaID
		a.Featured = m
	}
}

// CreateArticle inserts an article with its categories and tags. A new
// article starts its own translation group unless it joins one.
func (s *Store) CreateArticle(ctx context.Context, a *content.Article) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		id, err := s.insert(ctx, `INSERT INTO articles (edition, slug, slug_key, title, excerpt, body_source, body_format, body_html,
			featured_media_id, featured_caption, featured_alt, primary_category_id, author_id, ext_writer, ext_publication,
			ext_url, status, published_at, created_at, updated_at, comments_open, translation_group, comment_count, owner_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
			a.Edition, a.Slug, i18n.Fold(a.Slug), a.Title, a.Excerpt, a.BodySource, a.BodyFormat, a.BodyHTML,
			nullID(a.FeaturedMediaID), a.FeaturedCaption, a.FeaturedAlt, a.PrimaryCategoryID, nullID(a.AuthorID),
			a.External.Writer, a.External.Publication, a.External.URL, string(a.Status), unix(a.PublishedAt),
			unix(a.CreatedAt), unix(a.UpdatedAt), boolInt(a.CommentsOpen), a.TranslationGroup, nullID(a.OwnerID))
		if err != nil {
			return err
		}
		a.ID = id
		if a.TranslationGroup == 0 {
			a.TranslationGroup = id
			if _, err := s.exec(ctx, "UPDATE articles SET translation_group = ? WHERE id = ?", id, id); err != nil {
				return err
			}
		}
		if err := s.setArticleTerms(ctx, a); err != nil {
			return err
		}
		return s.indexArticle(ctx, a)
	})
}

// UpdateArticle stores every field of an existing article.
func (s *Store) UpdateArticle(ctx context.Context, a *content.Article) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		res, err := s.exec(ctx, `UPDATE articles SET edition = ?, slug = ?, slug_key = ?, title = ?, excerpt = ?, body_source = ?,
			body_format = ?, body_html = ?, featured_media_id = ?, featured_caption = ?, featured_alt = ?,
			primary_category_id = ?, author_id = ?, ext_writer = ?, ext_publication = ?, ext_url = ?, status = ?,
			published_at = ?, updated_at = ?, comments_open = ?, translation_group = ?, owner_id = ? WHERE id = ?`,
			a.Edition, a.Slug, i18n.Fold(a.Slug), a.Title, a.Excerpt, a.BodySource, a.BodyFormat, a.BodyHTML,
			nullID(a.FeaturedMediaID), a.FeaturedCaption, a.FeaturedAlt, a.PrimaryCategoryID, nullID(a.AuthorID),
			a.External.Writer, a.External.Publication, a.External.URL, string(a.Status), unix(a.PublishedAt),
			unix(a.UpdatedAt), boolInt(a.CommentsOpen), a.TranslationGroup, nullID(a.OwnerID), a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return content.ErrNotFound
		}
		for _, q := range []string{"DELETE FROM article_categories WHERE article_id = ?", "DELETE FROM article_tags WHERE article_id = ?"} {
			if _, err := s.exec(ctx, q, a.ID); err != nil {
				return err
			}
		}
		if err := s.setArticleTerms(ctx, a); err != nil {
			return err
		}
		return s.indexArticle(ctx, a)
	})
}

// setArticleTerms links an article to its categories and tags, in order,
// with one statement for each kind (an import stores 100,000 articles so).
func (s *Store) setArticleTerms(ctx context.Context, a *content.Article) error {
	if len(a.CategoryIDs) > 0 {
		args := make([]any, 0, 3*len(a.CategoryIDs))
		for i, cid := range a.CategoryIDs {
			args = append(args, a.ID, cid, i)
		}
		if _, err := s.exec(ctx, "INSERT INTO article_categories (article_id, category_id, position) VALUES "+
			valueRows(len(a.CategoryIDs), 3), args...); err != nil {
			return err
		}
	}
	if len(a.Tags) == 0 {
		return nil
	}
	args := make([]any, 0, 3*len(a.Tags))
	for i, name := range a.Tags {
		t, err := s.EnsureTag(ctx, a.Edition, name, content.Slugify(name))
		if err != nil {
			return err
		}
		args = append(args, a.ID, t.ID, i)
	}
	// Two names may make one tag: the first place counts.
	_, err := s.exec(ctx, "INSERT INTO article_tags (article_id, tag_id, position) VALUES "+valueRows(len(a.Tags), 3)+
		" ON CONFLICT (article_id, tag_id) DO NOTHING", args...)
	return err
}

// ArticleByID loads one article.
func (s *Store) ArticleByID(ctx context.Context, id int64) (*content.Article, error) {
	a, err := scanArticle(s.queryRow(ctx, s.articleSelect(false)+" WHERE a.id = ?", id))
	return a, notFound(err)
}

// ArticleBySlug loads the article with slug in an edition. A slug typed
// with other Arabic-script letter forms (Arabic yeh for Persian yeh …) finds
// the article too; callers redirect to its real slug.
func (s *Store) ArticleBySlug(ctx context.Context, edition, slug string) (*content.Article, error) {
	a, err := scanArticle(s.queryRow(ctx, s.articleSelect(false)+" WHERE a.edition = ? AND a.slug = ?", edition, slug))
	if isNoRows(err) {
		a, err = scanArticle(s.queryRow(ctx, s.articleSelect(false)+" WHERE a.edition = ? AND a.slug_key = ? ORDER BY a.id LIMIT 1", edition, i18n.Fold(slug)))
	}
	return a, notFound(err)
}

// ArticleSlugTaken reports whether another article of the edition uses slug.
func (s *Store) ArticleSlugTaken(ctx context.Context, edition, slug string, exceptID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM articles WHERE edition = ? AND slug = ? AND id <> ?", edition, slug, exceptID).Scan(&n)
	return n > 0, err
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

func articleWhere(f content.ArticleFilter) (string, []any) {
	var conds []string
	var args []any
	if f.Edition != "" {
		conds = append(conds, "a.edition = ?")
		args = append(args, f.Edition)
	}
	if f.Status != "" {
		conds = append(conds, "a.status = ?")
		args = append(args, string(f.Status))
	}
	if len(f.CategoryIDs) > 0 {
		// EXISTS probes the (article_id, category_id) key for each article
		// the listing index yields, newest first, and stops with the page;
		// "a.id IN (SELECT …)" first listed every article of the category
		// (thousands on a big site) for every page, the first one too.
		conds = append(conds, "EXISTS (SELECT 1 FROM article_categories ac WHERE ac.article_id = a.id AND ac.category_id IN ("+placeholders(len(f.CategoryIDs))+"))")
		for _, id := range f.CategoryIDs {
			args = append(args, id)
		}
	}
	if f.TagID != 0 {
		conds = append(conds, "a.id IN (SELECT article_id FROM article_tags WHERE tag_id = ?)")
		args = append(args, f.TagID)
	}
	if f.AuthorID != 0 {
		conds = append(conds, "a.author_id = ?")
		args = append(args, f.AuthorID)
	}
	if f.OwnerID != 0 {
		conds = append(conds, "a.owner_id = ?")
		args = append(args, f.OwnerID)
	}
	if f.Text != "" {
		// LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
		conds = append(conds, `LOWER(a.title) LIKE LOWER(?) ESCAPE '\'`)
		args = append(args, "%"+likeEscaper.Replace(f.Text)+"%")
	}
	if !f.Before.IsZero() {
		conds = append(conds, "a.published_at <= ?")
		args = append(args, unix(f.Before))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ListArticles returns a page of articles, newest first.
func (s *Store) ListArticles(ctx context.Context, f content.ArticleFilter) ([]*content.Article, error) {
	where, args := articleWhere(f)
	args = append(args, f.Offset)
	// The page's ids come first from the listing index alone (a deep OFFSET
	// then skips index entries, not joined rows); only they are joined.
	sel := s.articleSelect(f.Summary)
	rows, err := s.query(ctx, sel+" WHERE a.id IN (SELECT a.id FROM articles a"+where+
		" ORDER BY a.published_at DESC, a.id DESC LIMIT "+strconv.Itoa(listLimit(f))+" OFFSET ?) ORDER BY a.published_at DESC, a.id DESC", args...)
	if err != nil {
		return nil, err
	}
	return collectArticles(rows)
}

func collectArticles(rows *sql.Rows) ([]*content.Article, error) {
	return collect(rows, scanArticle)
}

// CountArticles counts the articles a filter selects.
func (s *Store) CountArticles(ctx context.Context, f content.ArticleFilter) (int, error) {
	where, args := articleWhere(f)
	var n int
	err := s.queryRow(ctx, "SELECT COUNT(*) FROM articles a"+where, args...).Scan(&n)
	return n, err
}

// ArticleTags lists an article's tags in their order.
func (s *Store) ArticleTags(ctx context.Context, articleID int64) ([]content.Tag, error) {
	rows, err := s.query(ctx, `SELECT t.id, t.edition, t.slug, t.name FROM tags t
		JOIN article_tags at ON at.tag_id = t.id WHERE at.article_id = ? ORDER BY at.position, t.name`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []content.Tag
	for rows.Next() {
		var t content.Tag
		if err := rows.Scan(&t.ID, &t.Edition, &t.Slug, &t.Name); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// ArticleCategories lists an article's categories, the primary one first.
func (s *Store) ArticleCategories(ctx context.Context, articleID int64) ([]content.Category, error) {
	return s.categories(ctx, categorySelect+` JOIN article_categories ac ON ac.category_id = c.id
		WHERE ac.article_id = ? ORDER BY ac.position, c.name`, articleID)
}

// ArticleTranslations lists the articles of a translation group, without
// their bodies (an article page links its versions; reading every version's
// body was most of that query's cost).
func (s *Store) ArticleTranslations(ctx context.Context, group int64) ([]*content.Article, error) {
	rows, err := s.query(ctx, s.articleSelect(true)+" WHERE a.translation_group = ? ORDER BY a.edition", group)
	if err != nil {
		return nil, err
	}
	return collectArticles(rows)
}

// AttachMedia sets the downloadable files of an article, in order.
func (s *Store) AttachMedia(ctx context.Context, articleID int64, mediaIDs []int64) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, "DELETE FROM article_attachments WHERE article_id = ?", articleID); err != nil {
			return err
		}
		for i, id := range mediaIDs {
			if _, err := s.exec(ctx, "INSERT INTO article_attachments (article_id, media_id, position) VALUES (?, ?, ?)", articleID, id, i); err != nil {
				return err
			}
		}
		return nil
	})
}

// ArticleAttachments lists an article's downloadable files.
func (s *Store) ArticleAttachments(ctx context.Context, articleID int64) ([]*media.Media, error) {
	rows, err := s.query(ctx, `SELECT `+mediaColumnsM+` FROM media m JOIN article_attachments aa ON aa.media_id = m.id
		WHERE aa.article_id = ? ORDER BY aa.position`, articleID)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanMedia)
}

// ArticleUpdateTimes gives the last update of each article in ids.
func (s *Store) ArticleUpdateTimes(ctx context.Context, ids []int64) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(ctx, "SELECT id, updated_at FROM articles WHERE id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return nil, err
		}
		out[id] = fromUnix(at)
	}
	return out, rows.Err()
}
