package web

import (
	"context"
	"sync"

	"github.com/masthead-news/masthead/internal/content"
)

// The site's structure — each edition's menu and category tree — changes
// only when an editor saves something, yet every page shows it. It is read
// from the store once per write generation and then shared, read-only, by
// every request of that generation, with or without the page cache.
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
	st := &structure{gen: gen, epoch: epoch, menus: map[string][]*content.MenuItem{}, categories: map[string][]content.Category{}}
	s.structure.Store(st)
	return st
}

// menu is an edition's menu tree. Callers must not change it.
func (s *Server) menu(ctx context.Context, edition string) ([]*content.MenuItem, error) {
	st := s.currentStructure()
	if st == nil {
		return s.deps.Content.Menu(ctx, edition)
	}
	st.mu.Lock()
	items, ok := st.menus[edition]
	st.mu.Unlock()
	if ok {
		return items, nil
	}
	items, err := s.deps.Content.Menu(ctx, edition)
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	st.menus[edition] = items
	st.mu.Unlock()
	return items, nil
}

// categories are an edition's categories in the store's order. Callers must
// not change them.
func (s *Server) categories(ctx context.Context, edition string) ([]content.Category, error) {
	st := s.currentStructure()
	if st == nil {
		return s.deps.Content.Categories(ctx, edition)
	}
	st.mu.Lock()
	list, ok := st.categories[edition]
	st.mu.Unlock()
	if ok {
		return list, nil
	}
	list, err := s.deps.Content.Categories(ctx, edition)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []content.Category{} // known to be empty
	}
	st.mu.Lock()
	st.categories[edition] = list
	st.mu.Unlock()
	return list, nil
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
