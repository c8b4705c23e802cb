package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/readership"
)

// Queries behind feeds, sitemaps, related articles and "Most read". Each
// answers in a few statements whatever the number of articles it
// covers: lists are loaded for a set of ids at once, never one by one.

var _ readership.Store = (*Store)(nil)

func idArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// TagsOfArticles gives the tags of several articles, each list in the
// article's own order.
func (s *Store) TagsOfArticles(ctx context.Context, ids []int64) (map[int64][]content.Tag, error) {
	out := map[int64][]content.Tag{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, `SELECT at.article_id, t.id, t.edition, t.slug, t.name FROM article_tags at
		JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN (`+placeholders(len(ids))+`)
		ORDER BY at.article_id, at.position, t.name`, idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t content.Tag
		if err := rows.Scan(&id, &t.ID, &t.Edition, &t.Slug, &t.Name); err != nil {
			return nil, err
		}
		out[id] = append(out[id], t)
	}
	return out, rows.Err()
}

// AttachmentsOfArticles gives the downloadable files of several articles,
// each list in the article's own order.
func (s *Store) AttachmentsOfArticles(ctx context.Context, ids []int64) (map[int64][]*media.Media, error) {
	out := map[int64][]*media.Media{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, `SELECT aa.article_id, m.id, m.kind, m.path, m.filename, m.mime, m.size, m.width, m.height,
		m.title, m.alt, m.caption, m.credit, m.sha256, m.created_at FROM article_attachments aa JOIN media m ON m.id = aa.media_id
		WHERE aa.article_id IN (`+placeholders(len(ids))+`) ORDER BY aa.article_id, aa.position`, idArgs(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, created int64
		var m media.Media
		if err := rows.Scan(&id, &m.ID, &m.Kind, &m.Path, &m.Filename, &m.MIME, &m.Size, &m.Width, &m.Height,
			&m.Title, &m.Alt, &m.Caption, &m.Credit, &m.SHA256, &created); err != nil {
			return nil, err
		}
		m.CreatedAt = fromUnix(created)
		out[id] = append(out[id], &m)
	}
	return out, rows.Err()
}

// candidates is how many of the best-scored articles the related and
// most-read queries look up before their final order: enough to survive
// drafts and ties, few enough that a page costs a handful of key lookups
// even on a site with a hundred thousand articles.
const candidates = 50

// relatedPool is how many of each shared term's newest articles (by id)
// compete in RelatedArticles. A large category holds thousands of articles;
// counting them all cost tens of milliseconds per uncached article page on
// 100,000 articles, and an article's relatives are worth most when recent.
const relatedPool = 120

// relatedTerms bounds the terms of one article that RelatedArticles reads.
const relatedTerms = 16

// RelatedArticles ranks the other published articles of a's edition by how
// many tags and categories they share with a (each shared term counts one),
// then by recency. Articles sharing nothing are left out. Tags and
// categories belong to one edition, so every candidate is in a's. Each
// term contributes its relatedPool newest articles (by creation); among
// them the scores are exact, and of the articles with the same score the
// newest are the candidates, then ordered by publication time. The articles
// are cards (scanCard).
func (s *Store) RelatedArticles(ctx context.Context, a *content.Article, before time.Time, limit int) ([]*content.Article, error) {
	if limit <= 0 {
		limit = 3
	}
	type term struct {
		isCategory bool
		id         int64
	}
	termRows, err := s.query(ctx, `SELECT 0, tag_id FROM article_tags WHERE article_id = ?
		UNION ALL SELECT 1, category_id FROM article_categories WHERE article_id = ?`, a.ID, a.ID)
	if err != nil {
		return nil, err
	}
	terms, err := collect(termRows, func(row interface{ Scan(...any) error }) (term, error) {
		var t term
		var kind int
		err := row.Scan(&kind, &t.id)
		t.isCategory = kind == 1
		return t, err
	})
	if err != nil || len(terms) == 0 {
		return nil, err
	}
	terms = terms[:min(len(terms), relatedTerms)]
	// One index range per term (tag_id, article_id / category_id,
	// article_id), read newest first and cut at relatedPool, each read as
	// one text of ids. They are counted here: SQLite's GROUP BY and ORDER BY
	// over the few hundred ids (a sorter fed row by row) cost more than the
	// rest of an article page's queries together.
	var lists strings.Builder
	var args []any
	for i, t := range terms {
		if i > 0 {
			lists.WriteString(" UNION ALL ")
		}
		table, col := "article_tags", "tag_id"
		if t.isCategory {
			table, col = "article_categories", "category_id"
		}
		fmt.Fprintf(&lists, "SELECT %s FROM (SELECT article_id AS id FROM %s WHERE %s = ? AND article_id <> ? ORDER BY article_id DESC LIMIT %d) t%d",
			s.dialect.IDList("id"), table, col, relatedPool, i)
		args = append(args, t.id, a.ID)
	}
	listRows, err := s.query(ctx, lists.String(), args...)
	if err != nil {
		return nil, err
	}
	idLists, err := collect(listRows, func(row interface{ Scan(...any) error }) (sql.NullString, error) {
		var l sql.NullString
		return l, row.Scan(&l)
	})
	if err != nil {
		return nil, err
	}
	best := scoreShared(idLists)
	if len(best) == 0 {
		return nil, nil
	}
	// The candidates, best first, go back as a table of (id, score) rows,
	// always candidates of them (id 0, no article, fills up) so that one
	// statement serves every article. They are ranked on the articles table
	// alone; only the few chosen are joined with their category, author and
	// picture (joining all fifty candidates first was most of the query's cost).
	args = make([]any, 0, 2*candidates+3)
	for i := range candidates {
		if i < len(best) {
			args = append(args, best[i].id, best[i].n)
		} else {
			args = append(args, 0, 0)
		}
	}
	args = append(args, a.Edition, string(content.Published), unix(before))
	return s.cards(ctx, a.Edition, false, `WITH best AS (SELECT a.id, score.n FROM (`+candidateScores+`) score CROSS JOIN articles a
		WHERE a.id = score.id AND a.edition = ? AND a.status = ? AND a.published_at <= ?
		ORDER BY score.n DESC, a.published_at DESC, a.id DESC LIMIT `+strconv.Itoa(limit)+`)
		`+s.cardSelectDrivenBy("best", false)+`
		WHERE a.id = best.id ORDER BY best.n DESC, a.published_at DESC, a.id DESC`, args...)
}

// candidateScores is a table of candidates (id, n) rows, each two
// parameters.
var candidateScores = strings.Repeat("SELECT CAST(? AS BIGINT) AS id, CAST(? AS BIGINT) AS n UNION ALL ", candidates-1) +
	"SELECT CAST(? AS BIGINT) AS id, CAST(? AS BIGINT) AS n"

// sharedScore is an article's count of terms shared with another.
type sharedScore struct{ id, n int64 }

// scoreShared counts how many of the lists (ids joined by commas, NULL for
// an empty list) hold each id, and returns the candidates best-scored
// ids, the newest (highest id) first among equals.
func scoreShared(lists []sql.NullString) []sharedScore {
	n := 0
	for _, l := range lists {
		if l.String != "" {
			n += strings.Count(l.String, ",") + 1
		}
	}
	ids := make([]int64, 0, n)
	for _, l := range lists {
		var id int64
		digits := false
		for i := 0; i <= len(l.String); i++ {
			if i < len(l.String) && '0' <= l.String[i] && l.String[i] <= '9' {
				id, digits = id*10+int64(l.String[i]-'0'), true
				continue
			}
			if digits { // a comma or the end
				ids = append(ids, id)
			}
			id, digits = 0, false
		}
	}
	// Sorted, an id's count is the length of its run. Counts are at most
	// relatedTerms: the runs are counted per count, then placed, the
	// highest count first and the newest (highest id) first within one.
	slices.Sort(ids)
	runs := func(yield func(id int64, n int)) {
		for i := len(ids) - 1; i >= 0; {
			j := i
			for j > 0 && ids[j-1] == ids[i] {
				j--
			}
			yield(ids[i], min(i-j+1, relatedTerms))
			i = j - 1
		}
	}
	var next [relatedTerms + 1]int
	runs(func(_ int64, n int) { next[n]++ })
	total := 0
	for n := relatedTerms; n > 0; n-- {
		next[n], total = total, total+next[n]
	}
	out := make([]sharedScore, min(total, candidates))
	runs(func(id int64, n int) {
		if next[n] < len(out) {
			out[next[n]] = sharedScore{id, int64(n)}
		}
		next[n]++
	})
	return out
}

// MostRead lists the published articles of an edition read most from the
// day of since to the day of before (whole days, UTC), then the newest
// first among equals. It reads one stretch of the (edition, day) key and
// looks up only the best-read candidates. The articles are cards (scanCard).
func (s *Store) MostRead(ctx context.Context, edition string, since, before time.Time, limit int) ([]*content.Article, error) {
	if limit <= 0 {
		limit = 5
	}
	return s.cards(ctx, edition, false, s.cardSelectDrivenBy(`(SELECT article_id, SUM(views) AS total FROM article_views
		WHERE edition = ? AND day BETWEEN ? AND ? GROUP BY article_id ORDER BY total DESC, article_id DESC LIMIT `+
		strconv.Itoa(candidates)+`) v`, false)+`
		WHERE a.id = v.article_id AND a.edition = ? AND a.status = ? AND a.published_at <= ?
		ORDER BY v.total DESC, a.published_at DESC, a.id DESC LIMIT ?`,
		edition, readership.Day(since), readership.Day(before), edition, string(content.Published), unix(before), limit)
}

// AddArticleViews adds read counts in one transaction. Deliberately, it
// does NOT change Generation: counts are not part of any page a cache
// holds (a cached sidebar's "Most read" may lag until the next real
// change), and bumping it on every flush would empty the page cache every
// few seconds on a busy site. A view whose slug names no article of its
// edition is skipped.
func (s *Store) AddArticleViews(ctx context.Context, views []readership.View) error {
	if len(views) == 0 {
		return nil
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, s.dialect.Rebind(`INSERT INTO article_views (edition, day, article_id, views)
		SELECT edition, ?, id, ? FROM articles WHERE edition = ? AND slug = ?
		ON CONFLICT (edition, day, article_id) DO UPDATE SET views = article_views.views + excluded.views`))
	if err != nil {
		return err
	}
	defer st.Close()
	for _, v := range views {
		s.queries.count()
		if _, err := st.ExecContext(ctx, v.Day, v.Count, v.Edition, v.Slug); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// refWhere is the condition of ArticleRefs.
func refWhere(f content.RefFilter) (string, []any) {
	conds := []string{"a.status = ?", "a.published_at <= ?"}
	args := []any{string(content.Published), unix(f.Before)}
	if f.Edition != "" {
		conds = append(conds, "a.edition = ?")
		args = append(args, f.Edition)
	}
	if !f.After.IsZero() {
		conds = append(conds, "a.published_at > ?")
		args = append(args, unix(f.After))
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ArticleRefs lists published articles for sitemaps, newest first, with
// their featured images and their published versions in other editions:
// two queries for the whole page.
func (s *Store) ArticleRefs(ctx context.Context, f content.RefFilter) ([]content.ArticleRef, error) {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	where, args := refWhere(f)
	page := `SELECT a.id, a.translation_group FROM articles a` + where + ` ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`
	rows, err := s.query(ctx, `SELECT a.id, a.edition, a.slug, a.title, a.published_at, a.updated_at, a.translation_group,
		a.featured_alt, COALESCE(m.id, 0), COALESCE(m.path, ''), COALESCE(m.mime, ''), COALESCE(m.width, 0), COALESCE(m.height, 0),
		COALESCE(m.alt, ''), COALESCE(m.title, ''), COALESCE(m.caption, '')
		FROM articles a LEFT JOIN media m ON m.id = a.featured_media_id`+where+`
		ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	var out []content.ArticleRef
	index := map[int64]int{}
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var r content.ArticleRef
			var pub, upd int64
			var m media.Media
			if err := rows.Scan(&r.ID, &r.Edition, &r.Slug, &r.Title, &pub, &upd, &r.TranslationGroup, &r.FeaturedAlt,
				&m.ID, &m.Path, &m.MIME, &m.Width, &m.Height, &m.Alt, &m.Title, &m.Caption); err != nil {
				return err
			}
			r.PublishedAt, r.UpdatedAt = fromUnix(pub), fromUnix(upd)
			if m.ID != 0 {
				r.Featured = &m
			}
			index[r.ID] = len(out)
			out = append(out, r)
		}
		return rows.Err()
	}()
	if err != nil || len(out) == 0 {
		return out, err
	}
	// The versions are found through the translation-group index alone;
	// unpublished ones are skipped here, so no planner is tempted to walk
	// a status index instead.
	trows, err := s.query(ctx, `WITH page AS (`+page+`)
		SELECT page.id, t.edition, t.slug, t.status, t.published_at FROM page
		JOIN articles t ON t.translation_group = page.translation_group AND t.id <> page.id
		ORDER BY page.id, t.edition`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	defer trows.Close()
	for trows.Next() {
		var id, pub int64
		var status string
		var t content.ArticleRef
		if err := trows.Scan(&id, &t.Edition, &t.Slug, &status, &pub); err != nil {
			return nil, err
		}
		t.PublishedAt = fromUnix(pub)
		if i, ok := index[id]; ok && content.Status(status) == content.Published && !t.PublishedAt.After(f.Before) {
			out[i].Translations = append(out[i].Translations, t)
		}
	}
	return out, trows.Err()
}

// PublishedPages lists every edition's published static pages (a site has
// few), for sitemaps.
func (s *Store) PublishedPages(ctx context.Context) ([]*content.Page, error) {
	return s.pages(ctx, pageSelect+" WHERE status = ? ORDER BY edition, id", string(content.Published))
}
