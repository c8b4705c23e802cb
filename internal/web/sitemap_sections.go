package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/sitemap"
)

// sectionURL is one public page of the Media sections or of Publications,
// as the sitemaps list it.
type sectionURL struct {
	path    string // with the edition's prefix
	lastMod time.Time
	// version joins the page to its versions in other editions: the kind
	// and translation group of an item, or the section's own path for a
	// listing (every edition's listing of a section is the same page).
	version string
	image   *media.Media
	title   string // the image's title
}

// sectionURLs lists, per edition, what readers can open in the Media
// sections and Publications: each section's listing that has something in
// it, then its items, books, series and their issues. A few queries per
// edition, whatever the number of items (the sitemaps are cached like
// pages).
func (s *Server) sectionURLs(ctx context.Context) (map[string][]sectionURL, error) {
	out := map[string][]sectionURL{}
	now := s.now()
	for _, ed := range s.editions.Load().set.All() {
		var list []sectionURL
		if s.deps.Sections != nil {
			for _, k := range mediasection.Kinds {
				items, err := s.deps.Sections.ListMediaItems(ctx, mediasection.Filter{Edition: ed.Code, Kind: k, Published: true, Before: now})
				if err != nil {
					return nil, err
				}
				if len(items) == 0 {
					continue
				}
				list = append(list, sectionURL{path: ed.Path(sectionPath(k)), lastMod: items[0].PublishedAt, version: sectionPath(k)})
				for _, it := range items {
					u := sectionURL{path: ed.Path(itemPath(it)), lastMod: later(it.PublishedAt, it.UpdatedAt), image: it.Image, title: it.Title}
					if it.TranslationGroup != 0 {
						u.version = string(k) + ":" + strconv.FormatInt(it.TranslationGroup, 10)
					}
					list = append(list, u)
				}
			}
		}
		if s.pubs != nil {
			more, err := s.publicationURLs(ctx, ed.Code, func(p string) string { return ed.Path(p) })
			if err != nil {
				return nil, err
			}
			list = append(list, more...)
		}
		out[ed.Code] = list
	}
	return out, nil
}

// publicationURLs lists an edition's published books (behind the books
// listing), then each series with its published issues.
func (s *Server) publicationURLs(ctx context.Context, edition string, path func(string) string) ([]sectionURL, error) {
	var list []sectionURL
	const batch = 1000
	for offset := 0; ; offset += batch {
		books, err := s.pubs.Books(ctx, publication.BookFilter{Edition: edition, PublishedOnly: true, Limit: batch, Offset: offset})
		if err != nil {
			return nil, err
		}
		if offset == 0 && len(books) > 0 {
			list = append(list, sectionURL{path: path("/publications/books/"), lastMod: books[0].PublishedAt, version: "/publications/books/"})
		}
		for _, b := range books {
			u := sectionURL{path: path("/publications/books/" + pathSegment(b.Slug) + "/"), lastMod: later(b.PublishedAt, b.UpdatedAt),
				image: b.Cover, title: b.Title}
			if b.TranslationGroup != 0 {
				u.version = "book:" + strconv.FormatInt(b.TranslationGroup, 10)
			}
			list = append(list, u)
		}
		if len(books) < batch {
			break
		}
	}
	series, err := s.pubs.SeriesList(ctx, edition)
	if err != nil {
		return nil, err
	}
	for _, se := range series {
		u := sectionURL{path: path("/publications/" + pathSegment(se.Slug) + "/"), lastMod: se.UpdatedAt}
		if se.TranslationGroup != 0 {
			u.version = "series:" + strconv.FormatInt(se.TranslationGroup, 10)
		}
		list = append(list, u)
		for offset := 0; ; offset += batch {
			issues, err := s.pubs.Issues(ctx, se.ID, true, batch, offset)
			if err != nil {
				return nil, err
			}
			for _, is := range issues {
				iu := sectionURL{path: path("/publications/" + pathSegment(se.Slug) + "/" + strconv.Itoa(is.Number) + "/"),
					lastMod: later(is.Date, is.UpdatedAt), image: is.Cover, title: se.Title + " " + strconv.Itoa(is.Number)}
				if is.TranslationGroup != 0 {
					iu.version = "issue:" + strconv.FormatInt(is.TranslationGroup, 10)
				}
				list = append(list, iu)
			}
			if len(issues) < batch {
				break
			}
		}
	}
	return list, nil
}

// addSectionURLs adds an edition's Media sections and Publications pages,
// each with its versions in other editions and its picture.
func (s *Server) addSectionURLs(r *http.Request, code string, all map[string][]sectionURL, add func(sitemap.URL)) {
	versions := map[string]map[string]string{}
	for ed, list := range all {
		for _, u := range list {
			if u.version == "" {
				continue
			}
			if versions[u.version] == nil {
				versions[u.version] = map[string]string{}
			}
			versions[u.version][ed] = u.path
		}
	}
	for _, u := range all[code] {
		su := sitemap.URL{Loc: s.absURL(r, u.path), LastMod: u.lastMod}
		if u.version != "" {
			su.Alternates = s.alternates(r, versions[u.version])
		}
		if u.image != nil && u.image.Path != "" {
			title := u.image.Alt
			if title == "" {
				title = u.title
			}
			su.Images = []sitemap.Image{{Loc: s.absURL(r, u.image.URL()), Title: title, Caption: u.image.Caption}}
		}
		add(su)
	}
}
