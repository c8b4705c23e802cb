package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// Queries of the WordPress-compatible REST API (internal/wpapi): free
// combinations of filters with a total count, and batch loads for embedding
// related items without a query per item.

// where collects SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(column string, ids []int64) {
	if len(ids) == 0 {
		return
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	w.add(column+" IN ("+placeholders(len(ids))+")", args...)
}

func (w *where) notIn(column string, ids []int64) {
	if len(ids) == 0 {
		return
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	w.add(column+" NOT IN ("+placeholders(len(ids))+")", args...)
}

func (w *where) inStrings(column string, values []string) {
	if len(values) == 0 {
		return
	}
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	w.add(column+" IN ("+placeholders(len(values))+")", args...)
}

func (w *where) statuses(column string, list []content.Status) {
	vals := make([]string, len(list))
	for i, s := range list {
		vals[i] = string(s)
	}
	w.inStrings(column, vals)
}

// like matches text anywhere in any of columns, case-insensitively for
// ASCII on both databases.
func (w *where) like(text string, columns ...string) {
	if text == "" {
		return
	}
	pattern := "%" + likeEscaper.Replace(strings.ToLower(text)) + "%"
	var ors []string
	for _, c := range columns {
		ors = append(ors, "LOWER("+c+`) LIKE ? ESCAPE '\'`)
		w.args = append(w.args, pattern)
	}
	w.conds = append(w.conds, "("+strings.Join(ors, " OR ")+")")
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// queryOrder turns an API order into ORDER BY columns (with a unique
// tie-breaker so pages never overlap). "include" keeps the order of ids.
func queryOrder(orderBy string, asc bool, p string, ids []int64, titleCol, dateCol, modifiedCol string) (string, []any) {
	dir := " DESC"
	if asc {
		dir = " ASC"
	}
	switch orderBy {
	case "id":
		return p + "id" + dir, nil
	case "title":
		return p + titleCol + dir + ", " + p + "id" + dir, nil
	case "slug":
		return p + "slug" + dir + ", " + p + "id" + dir, nil
	case "modified":
		return p + modifiedCol + dir + ", " + p + "id" + dir, nil
	case "include":
		if len(ids) > 0 {
			var b strings.Builder
			args := make([]any, 0, len(ids))
			b.WriteString("CASE " + p + "id")
			for i, id := range ids {
				b.WriteString(" WHEN ? THEN ")
				b.WriteString(strconv.Itoa(i))
				args = append(args, id)
			}
			b.WriteString(" END, " + p + "id")
			return b.String(), args
		}
	}
	return p + dateCol + dir + ", " + p + "id" + dir, nil
}

func articleQueryWhere(q content.ArticleQuery) *where {
	w := &where{}
	if q.Edition != "" {
		w.add("a.edition = ?", q.Edition)
	}
	w.statuses("a.status", q.Statuses)
	w.in("a.id", q.IDs)
	w.notIn("a.id", q.Exclude)
	if len(q.CategoryIDs) > 0 {
		sub := &where{}
		sub.in("category_id", q.CategoryIDs)
		w.add("a.id IN (SELECT article_id FROM article_categories"+sub.sql()+")", sub.args...)
	}
	if len(q.TagIDs) > 0 {
		sub := &where{}
		sub.in("tag_id", q.TagIDs)
		w.add("a.id IN (SELECT article_id FROM article_tags"+sub.sql()+")", sub.args...)
	}
	w.in("a.author_id", q.AuthorIDs)
	w.inStrings("a.slug", q.Slugs)
	w.like(q.Search, "a.title", "a.excerpt", "a.body_html")
	if !q.After.IsZero() {
		w.add("a.published_at > ?", unix(q.After))
	}
	if !q.Before.IsZero() {
		w.add("a.published_at < ?", unix(q.Before))
	}
	return w
}

// QueryArticles returns the articles a query selects, in its order, and
// how many it selects in all.
func (s *Store) QueryArticles(ctx context.Context, q content.ArticleQuery) ([]*content.Article, int, error) {
	w := articleQueryWhere(q)
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM articles a"+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total == 0 || q.Offset >= total {
		return nil, total, nil
	}
	order, orderArgs := queryOrder(q.OrderBy, q.Asc, "a.", q.IDs, "title", "published_at", "updated_at")
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	args := append(append(append([]any{}, w.args...), orderArgs...), limit, q.Offset)
	// The page's ids are picked from the articles table alone; only they are joined.
	inner := "SELECT a.id FROM articles a" + w.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	args = append(args, orderArgs...)
	rows, err := s.query(ctx, s.articleSelect(false)+" WHERE a.id IN ("+inner+") ORDER BY "+order, args...)
	if err != nil {
		return nil, 0, err
	}
	list, err := collectArticles(rows)
	return list, total, err
}

// QueryPages returns the static pages a query selects and their number.
func (s *Store) QueryPages(ctx context.Context, q content.PageQuery) ([]*content.Page, int, error) {
	w := &where{}
	if q.Edition != "" {
		w.add("edition = ?", q.Edition)
	}
	w.statuses("status", q.Statuses)
	w.in("id", q.IDs)
	w.notIn("id", q.Exclude)
	w.inStrings("slug", q.Slugs)
	w.like(q.Search, "title", "description", "body_html")
	if !q.After.IsZero() {
		w.add("published_at > ?", unix(q.After))
	}
	if !q.Before.IsZero() {
		w.add("published_at < ?", unix(q.Before))
	}
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*) FROM pages"+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total == 0 || q.Offset >= total {
		return nil, total, nil
	}
	order, orderArgs := queryOrder(q.OrderBy, q.Asc, "", q.IDs, "title", "published_at", "updated_at")
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	args := append(append(append([]any{}, w.args...), orderArgs...), limit, q.Offset)
	list, err := s.pages(ctx, pageSelect+w.sql()+" ORDER BY "+order+" LIMIT ? OFFSET ?", args...)
	return list, total, err
}

// QueryComments returns the comments a query selects and their number.
func (s *Store) QueryComments(ctx context.Context, q content.CommentQuery) ([]content.Comment, int, error) {
	w := &where{}
	if q.Edition != "" {
		w.add("a.edition = ?", q.Edition)
	}
	if q.Status != "" {
		w.add("c.status = ?", q.Status)
	}
	if q.PublishedOnly {
		w.add("a.status = ?", string(content.Published))
	}
	w.in("c.id", q.IDs)
	w.in("c.article_id", q.ArticleIDs)
	if len(q.ParentIDs) > 0 {
		// Parent 0 means a comment that answers no other.
		sub := &where{}
		sub.in("COALESCE(c.parent_id, 0)", q.ParentIDs)
		w.conds = append(w.conds, sub.conds...)
		w.args = append(w.args, sub.args...)
	}
	w.like(q.Search, "c.body", "c.author_name")
	if !q.After.IsZero() {
		w.add("c.created_at > ?", unix(q.After))
	}
	if !q.Before.IsZero() {
		w.add("c.created_at < ?", unix(q.Before))
	}
	from := " FROM comments c JOIN articles a ON a.id = c.article_id"
	var total int
	if err := s.queryRow(ctx, "SELECT COUNT(*)"+from+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total == 0 || q.Offset >= total {
		return nil, total, nil
	}
	dir := " DESC"
	if q.Asc {
		dir = " ASC"
	}
	order := "c.created_at" + dir + ", c.id" + dir
	if q.OrderBy == "id" {
		order = "c.id" + dir
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	args := append(append([]any{}, w.args...), limit, q.Offset)
	rows, err := s.query(ctx, `SELECT c.id, c.article_id, COALESCE(c.parent_id, 0), c.author_name, c.body, c.status, c.created_at`+
		from+w.sql()+" ORDER BY "+order+" LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, 0, err
	}
	list, err := collect(rows, func(sc interface{ Scan(...any) error }) (content.Comment, error) {
		var c content.Comment
		var created int64
		err := sc.Scan(&c.ID, &c.ArticleID, &c.ParentID, &c.AuthorName, &c.Body, &c.Status, &created)
		c.CreatedAt = fromUnix(created)
		return c, err
	})
	return list, total, err
}

// CategoryCounts gives the number of published articles in each category
// of an edition (categories without any are left out).
func (s *Store) CategoryCounts(ctx context.Context, edition string) (map[int64]int, error) {
	rows, err := s.query(ctx, `SELECT ac.category_id, COUNT(*) FROM article_categories ac
		JOIN articles a ON a.id = ac.article_id WHERE a.edition = ? AND a.status = ? GROUP BY ac.category_id`,
		edition, string(content.Published))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// CategoriesOfArticles gives the category ids of each article in ids, the
// primary one first.
func (s *Store) CategoriesOfArticles(ctx context.Context, ids []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	w := &where{}
	w.in("article_id", ids)
	rows, err := s.query(ctx, "SELECT article_id, category_id FROM article_categories"+w.sql()+" ORDER BY article_id, position, category_id", w.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, c int64
		if err := rows.Scan(&a, &c); err != nil {
			return nil, err
		}
		out[a] = append(out[a], c)
	}
	return out, rows.Err()
}

// MediaByIDs loads the media records with ids (missing ones are left out).
func (s *Store) MediaByIDs(ctx context.Context, ids []int64) (map[int64]*media.Media, error) {
	out := map[int64]*media.Media{}
	if len(ids) == 0 {
		return out, nil
	}
	w := &where{}
	w.in("id", ids)
	rows, err := s.query(ctx, "SELECT "+mediaColumns+" FROM media"+w.sql(), w.args...)
	if err != nil {
		return nil, err
	}
	list, err := collect(rows, scanMedia)
	for _, m := range list {
		out[m.ID] = m
	}
	return out, err
}
