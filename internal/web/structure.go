package web

import (
	"context"
	"html/template"
	"sync"
	"time"

	"github.com/masthead-news/masthead/internal/comment"
	"github.com/masthead-news/masthead/internal/content"
)

// The site's structure — each edition's menu and category tree, the
// comment settings every article page's form follows, and the home page's
// JSON-LD made from the edition's settings — changes only when an editor
// saves something, yet every page shows it. So does the Most read list,
// which also follows readers' counts and is therefore kept for a minute at
// most. It is read from the store once per write generation and then
// shared, read-only, by every request of that generation, with or without
// the page cache. (What cards show of categories, authors and pictures is
// kept the same way, but in the store: store/cardrefs.go.)
//
// Invalidation is the page cache's own: the store's generation moves after
// every committed write (and, on PostgreSQL, on every other node's change
// notice), and the server's epoch when the editions are reloaded. A set is
// used only while both are what they were when it was made; the next
// request after any write starts a new, empty set. The generation is read
// before the data, so data read during a write is never kept past it.
// Without a Generation function (tests that build a bare server) nothing
// is kept and every request reads the store.

// structure is the site structure of one generation, filled per edition on
// first use.
type structure struct {
	gen, epoch uint64
	mu         sync.Mutex
	menus      map[string][]*content.MenuItem
	categories map[string][]content.Category
	// comments holds the comment settings, under the key "".
	comments map[string]comment.Settings
	// mostRead is each edition's Most read list. Read counts reach the
	// store without a write of the generation (readership flushes them
	// quietly), so a list is also kept for mostReadFor at most.
	mostRead map[string]mostReadList
	// homeLD is each edition's home JSON-LD (meta.go), per origin.
	homeLD map[string][]template.JS
}

type mostReadList struct {
	articles []*content.Article
	at       time.Time
}

// mostReadFor bounds how long a Most read list is kept between writes.
const mostReadFor = time.Minute

// remember gives m[key] from the current set if it is there, else loads
// it, keeps it and gives it. fresh says whether a kept value may still be
// used.
func remember[T any](st *structure, m map[string]T, key string, fresh func(T) bool, load func() (T, error)) (T, error) {
	st.mu.Lock()
	v, ok := m[key]
	st.mu.Unlock()
	if ok && (fresh == nil || fresh(v)) {
		return v, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	st.mu.Lock()
	m[key] = v
	st.mu.Unlock()
	return v, nil
}

// currentStructure returns the set for the current generation, or nil when
// the server cannot know the generation.
func (s *Server) currentStructure() *structure {
	if s.deps.Generation == nil {
		return nil
	}
	gen, epoch := s.deps.Generation(), s.epoch.Load()
	if st := s.structure.Load(); st != nil && st.gen == gen && st.epoch == epoch {
		return st
	}
	st := &structure{gen: gen, epoch: epoch, menus: map[string][]*content.MenuItem{}, categories: map[string][]content.Category{},
		comments: map[string]comment.Settings{}, mostRead: map[string]mostReadList{}, homeLD: map[string][]template.JS{}}
	s.structure.Store(st)
	return st
}

// menu is an edition's menu tree. Callers must not change it.
func (s *Server) menu(ctx context.Context, edition string) ([]*content.MenuItem, error) {
	st := s.currentStructure()
	if st == nil {
		return s.deps.Content.Menu(ctx, edition)
	}
	return remember(st, st.menus, edition, nil, func() ([]*content.MenuItem, error) {
		return s.deps.Content.Menu(ctx, edition)
	})
}

// categories are an edition's categories in the store's order. Callers must
// not change them.
func (s *Server) categories(ctx context.Context, edition string) ([]content.Category, error) {
	st := s.currentStructure()
	if st == nil {
		return s.deps.Content.Categories(ctx, edition)
	}
	return remember(st, st.categories, edition, nil, func() ([]content.Category, error) {
		list, err := s.deps.Content.Categories(ctx, edition)
		if list == nil && err == nil {
			list = []content.Category{} // known to be empty
		}
		return list, err
	})
}

// commentSettings are the site's comment settings (s.deps.Comments must
// be set). Callers must not change them.
func (s *Server) commentSettings(ctx context.Context) (comment.Settings, error) {
	st := s.currentStructure()
	if st == nil {
		return s.deps.Comments.Settings(ctx)
	}
	return remember(st, st.comments, "", nil, func() (comment.Settings, error) {
		return s.deps.Comments.Settings(ctx)
	})
}

// mostReadArticles is an edition's Most read list: the most read articles
// of the last mostReadDays days. Callers must not change it.
func (s *Server) mostReadArticles(ctx context.Context, edition string) ([]*content.Article, error) {
	now := s.now()
	load := func() (mostReadList, error) {
		list, err := s.deps.Content.MostRead(ctx, edition, now.AddDate(0, 0, -(mostReadDays-1)), now, mostReadSize)
		return mostReadList{list, now}, err
	}
	st := s.currentStructure()
	if st == nil {
		l, err := load()
		return l.articles, err
	}
	l, err := remember(st, st.mostRead, edition, func(l mostReadList) bool {
		return now.Sub(l.at) < mostReadFor && now.YearDay() == l.at.YearDay()
	}, load)
	return l.articles, err
}

// categoryBySlug finds an edition's category by its exact slug in the
// structure, and otherwise asks the store, which also finds a slug typed
// with other letter forms (the caller then redirects to the real one).
func (s *Server) categoryBySlug(ctx context.Context, edition, slug string) (*content.Category, error) {
	if s.deps.Generation != nil {
		all, err := s.categories(ctx, edition)
		if err != nil {
			return nil, err
		}
		for i := range all {
			if all[i].Slug == slug {
				c := all[i]
				return &c, nil
			}
		}
	}
	return s.deps.Content.CategoryBySlug(ctx, edition, slug)
}

// categoryTranslations lists the categories of a translation group in every
// edition.
func (s *Server) categoryTranslations(ctx context.Context, re *requestEdition, group int64) ([]content.Category, error) {
	if s.deps.Generation == nil {
		return s.deps.Content.CategoryTranslations(ctx, group)
	}
	var out []content.Category
	for _, ed := range re.all.set.All() {
		all, err := s.categories(ctx, ed.Code)
		if err != nil {
			return nil, err
		}
		for _, c := range all {
			if c.TranslationGroup == group {
				out = append(out, c)
			}
		}
	}
	return out, nil
}
