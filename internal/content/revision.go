package content

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Revision is a saved state of an article's text.
type Revision struct {
	ID         int64
	ArticleID  int64
	UserID     int64
	Title      string
	Excerpt    string
	BodySource string
	BodyFormat string
	Status     Status
	Autosave   bool
	CreatedAt  time.Time
}

func revisionOf(a *Article, by int64, autosave bool, at time.Time) *Revision {
	return &Revision{ArticleID: a.ID, UserID: by, Title: a.Title, Excerpt: a.Excerpt, BodySource: a.BodySource,
		BodyFormat: a.BodyFormat, Status: a.Status, Autosave: autosave, CreatedAt: at}
}

// UpdateArticle validates and stores changes to an existing article, with a
// revision of the new text, in one transaction. by is the account making
// the change.
func (s *Service) UpdateArticle(ctx context.Context, a *Article, by int64) error {
	if a.ID == 0 {
		return invalid("id", "no such article")
	}
	now := s.now().UTC().Truncate(time.Second)
	explicit := strings.TrimSpace(a.Slug) != ""
	if err := s.prepareArticle(ctx, a, now); err != nil {
		return err
	}
	a.UpdatedAt = now
	return s.Store.WithinTx(ctx, func(ctx context.Context) error {
		if err := s.uniqueArticleSlug(ctx, a, explicit); err != nil {
			return err
		}
		if err := s.Store.UpdateArticle(ctx, a); err != nil {
			return err
		}
		return s.Store.CreateRevision(ctx, revisionOf(a, by, false, now))
	})
}

// Autosave keeps the editor's unsaved text as a revision without changing
// the article itself.
func (s *Service) Autosave(ctx context.Context, articleID, by int64, title, excerpt, body string) error {
	a, err := s.Store.ArticleByID(ctx, articleID)
	if err != nil {
		return err
	}
	if len(body) > maxBody {
		return invalid("body", "the body is too long")
	}
	a.Title, a.Excerpt, a.BodySource = strings.TrimSpace(title), strings.TrimSpace(excerpt), body
	return s.Store.CreateRevision(ctx, revisionOf(a, by, true, s.now().UTC()))
}

// RestoreRevision brings an earlier text back as the article's current text
// (recorded as a new revision, so the restore itself can be undone).
func (s *Service) RestoreRevision(ctx context.Context, articleID, revisionID, by int64) (*Article, error) {
	rev, err := s.Store.RevisionByID(ctx, revisionID)
	if err != nil {
		return nil, err
	}
	if rev.ArticleID != articleID {
		return nil, fmt.Errorf("revision %d does not belong to article %d: %w", revisionID, articleID, ErrNotFound)
	}
	a, err := s.Store.ArticleByID(ctx, articleID)
	if err != nil {
		return nil, err
	}
	if err := s.loadTerms(ctx, a); err != nil {
		return nil, err
	}
	a.Title, a.Excerpt, a.BodySource, a.BodyFormat = rev.Title, rev.Excerpt, rev.BodySource, rev.BodyFormat
	if err := s.UpdateArticle(ctx, a, by); err != nil {
		return nil, err
	}
	return a, nil
}

// loadTerms fills the category ids and tag names of a loaded article, so an
// update does not drop them.
func (s *Service) loadTerms(ctx context.Context, a *Article) error {
	cats, err := s.Store.ArticleCategories(ctx, a.ID)
	if err != nil {
		return err
	}
	a.CategoryIDs = a.CategoryIDs[:0]
	for _, c := range cats {
		a.CategoryIDs = append(a.CategoryIDs, c.ID)
	}
	tags, err := s.Store.ArticleTags(ctx, a.ID)
	if err != nil {
		return err
	}
	a.Tags = a.Tags[:0]
	for _, t := range tags {
		a.Tags = append(a.Tags, t.Name)
	}
	return nil
}

// LoadForEdit returns an article with its categories and tags filled in.
func (s *Service) LoadForEdit(ctx context.Context, id int64) (*Article, error) {
	a, err := s.Store.ArticleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return a, s.loadTerms(ctx, a)
}

// PublishDue publishes every scheduled article whose time has come and
// reports how many. A single conditional UPDATE makes it safe to run on
// several nodes at once: each article is published exactly once.
func (s *Service) PublishDue(ctx context.Context) (int, error) {
	return s.Store.PublishDue(ctx, s.now().UTC())
}

// DiffLine is one line of a revision comparison.
type DiffLine struct {
	Op   byte // ' ' unchanged, '-' removed, '+' added
	Text string
}

// Diff compares two texts line by line (longest common subsequence), for
// the revision screen.
func Diff(old, new string) []DiffLine {
	a, b := splitLines(old), splitLines(new)
	// lcs[i][j] = length of the LCS of a[i:] and b[j:]
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{' ', a[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{'-', a[i]})
			i++
		default:
			out = append(out, DiffLine{'+', b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{'-', a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{'+', b[j]})
	}
	return out
}

// splitLines breaks text into lines, and long HTML paragraphs at tag
// boundaries so a diff of one-line HTML stays readable.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "</p><p>", "</p>\n<p>")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// OutdatedTranslations reports which articles of list are translations whose
// source (the first version of their translation group) changed after the
// translation was last updated: "translation may be outdated".
func (s *Service) OutdatedTranslations(ctx context.Context, list []*Article) (map[int64]bool, error) {
	var sources []int64
	for _, a := range list {
		if a.TranslationGroup != 0 && a.TranslationGroup != a.ID {
			sources = append(sources, a.TranslationGroup)
		}
	}
	times, err := s.Store.ArticleUpdateTimes(ctx, sources)
	if err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, a := range list {
		if src, ok := times[a.TranslationGroup]; ok && a.TranslationGroup != a.ID && src.After(a.UpdatedAt) {
			out[a.ID] = true
		}
	}
	return out, nil
}
