// Package search is full-text search over what an edition publishes: the
// query language readers type (words and "quoted phrases"), the folding that
// makes Persian and Arabic letter forms, diacritics, tatweel, ZWNJ and
// digits match each other (i18n.Fold, applied alike to the index and to
// queries), and the shaping of results with highlighted snippets of the
// original text. The index itself is kept by the store behind Store, in the
// same transaction as the content it mirrors; this package never touches SQL
// or HTTP.
package search

import (
	"context"
	"errors"
	"time"
)

// Kind is what a document is. Media posts and publications join later with
// kinds of their own.
type Kind string

// Kinds of searchable documents.
const (
	Article Kind = "article"
	Page    Kind = "page"
)

// Kinds lists the kinds a reader can filter by, in display order.
var Kinds = []Kind{Article, Page}

// ParseKind returns the kind named s, or false.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Filter narrows a search. The zero value of each field means "no limit".
type Filter struct {
	Edition     string  // required
	Kinds       []Kind  // any of these
	CategoryIDs []int64 // articles filed under any of these (selects articles only)
	From, To    time.Time
	// Before hides documents dated after it (the scheduler's future).
	Before time.Time
	Limit  int
	Offset int
}

// Hit is one matching document as the store returns it, best first.
type Hit struct {
	Kind        Kind
	ID          int64
	Edition     string
	Slug        string
	Title       string
	Body        string // the document's text as indexed (see Document.Body), for the snippet
	PublishedAt time.Time
	Category    *Category // the primary category of an article
}

// Category names the topic a result is filed under.
type Category struct {
	Slug string
	Name string
}

// Store runs a parsed query against the index. Implementations rank by
// relevance (title matches weigh more than body matches) and report how many
// documents match in all; they may stop counting past MaxTotal (returning
// more than MaxTotal means "more than MaxTotal").
type Store interface {
	Search(ctx context.Context, q Query, f Filter) (hits []Hit, total int, err error)
}

// MaxTotal is as far as a search counts and ranks its matches: a reader
// learns that there are "more than 500", and pages go no further (fifty
// pages of ten). Bounding it keeps every search fast whatever the size of
// the archive.
const MaxTotal = 500

// widenBelow is the number of results under which a search widens its Latin
// words to prefixes: less than one page.
const widenBelow = 10

// ErrNoEdition is returned for a search without an edition.
var ErrNoEdition = errors.New("search: no edition")

// Service answers readers' searches.
type Service struct {
	Store Store
	// SnippetWords is the length of a snippet in words (default 32).
	SnippetWords int
}

// Results is one page of results for a query.
type Results struct {
	Query Query
	Total int  // matching documents in all pages, at most MaxTotal
	More  bool // more than MaxTotal documents match
	Items []Result
}

// Result is one document ready to show.
type Result struct {
	Kind        Kind
	ID          int64
	Edition     string
	Slug        string
	TitleText   string
	Title       []Fragment // the title with the matched words marked
	Snippet     []Fragment // a passage around the best matches, marked
	PublishedAt time.Time
	Category    *Category
}

// Search parses text and returns the page of results f selects. An empty
// query (nothing searchable in text) returns no results and asks nothing of
// the store.
func (s *Service) Search(ctx context.Context, text string, f Filter) (*Results, error) {
	if f.Edition == "" {
		return nil, ErrNoEdition
	}
	q := Parse(text)
	res := &Results{Query: q}
	if q.Empty() {
		return res, nil
	}
	if f.Limit <= 0 {
		f.Limit = 10
	}
	// Words as typed first; Latin words widen to prefixes only when that
	// finds less than a page. "water" then means water, not waterfront,
	// and "the" not "their"; "libr" still finds library. (Prefixes are
	// also the costly part of a query.)
	exact := q.exact()
	hits, total, err := s.Store.Search(ctx, exact, f)
	if err != nil {
		return nil, err
	}
	if total < widenBelow && exact.differs(q) {
		if hits, total, err = s.Store.Search(ctx, q, f); err != nil {
			return nil, err
		}
	} else {
		q = exact
	}
	res.Query = q
	res.Total, res.More = min(total, MaxTotal), total > MaxTotal
	words := s.SnippetWords
	if words <= 0 {
		words = 32
	}
	for _, h := range hits {
		res.Items = append(res.Items, Result{
			Kind: h.Kind, ID: h.ID, Edition: h.Edition, Slug: h.Slug, TitleText: h.Title,
			Title:       Highlight(h.Title, q),
			Snippet:     Snippet(h.Body, q, words),
			PublishedAt: h.PublishedAt, Category: h.Category,
		})
	}
	return res, nil
}
