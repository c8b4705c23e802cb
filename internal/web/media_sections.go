package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
)

// The Media sections (DESIGN.md): /media/cartoons/, /media/newspics/,
// /media/gallery/ and /media/videos/, each a paged grid; an item's own page;
// an album's grid with a lightbox (static/js/media.js) whose no-script
// fallback is each photo's own page, /media/gallery/{album}/{n}/.

// mediaPerPage is the size of a section's grid page (3 or 2 columns).
const mediaPerPage = 12

// gridSizes matches .media-grid in media.css: three columns in the main
// column on wide screens, two on tablets and phones.
const gridSizes = "(max-width: 600px) calc(50vw - 1.5rem), (max-width: 1020px) calc(33vw - 2rem), 280px"

// MediaCard is an item in a section's grid, or the item on its own page.
type MediaCard struct {
	URL          string
	Title        string
	Caption      string
	Credit       string
	Image        *Image
	CategoryName string
	CategoryURL  string
	DateISO      string
	Date         string
	Duration     string // a video's playing time, "0:04" in the edition's digits
	DurationISO  string // the same as an ISO 8601 duration, for <time datetime>
	Count        string // an album's "6 photos"
	External     string // "youtube" or "vimeo" for a linked video
}

// MediaListingPage is a section's grid.
type MediaListingPage struct {
	*Page
	Kind    string
	Heading string
	Intro   string
	Sizes   string
	Items   []MediaCard
	Newer   string
	Older   string
}

// MediaItemPage is a cartoon, a news photo, a video or an album.
type MediaItemPage struct {
	*Page
	Kind         string
	Item         MediaCard
	Section      Link // the section the item belongs to
	Share        []ShareLink
	Sources      []VideoSource
	Downloads    []Attachment
	Embed        *EmbedView
	Photos       []PhotoView
	GridSizes    string
	UpdatedISO   string
	NeedsScripts bool
}

// VideoSource is one <source> of a <video>.
type VideoSource struct {
	URL  string
	Type string
}

// EmbedView is a click-to-load YouTube or Vimeo player: until the reader
// clicks, the page holds only a link to the video and our own poster.
type EmbedView struct {
	Provider string
	Label    string // "YouTube" or "Vimeo"
	WatchURL string
	EmbedURL string
	Notice   string
}

// PhotoView is one photo of an album.
type PhotoView struct {
	N       int
	URL     string // the photo's own page
	Image   *Image
	Caption string
	Credit  string
	Label   string // "Photo 2 of 6"
}

// PhotoPage is one photo of an album on its own page.
type PhotoPage struct {
	*Page
	Album    MediaCard
	Photo    PhotoView
	Prev     string
	Next     string
	Position string
}

func sectionPath(k mediasection.Kind) string { return "/media/" + k.Section() + "/" }

func itemPath(it *mediasection.Item) string {
	return sectionPath(it.Kind) + pathSegment(it.Slug) + "/"
}

// sectionName is the section's menu label in the edition's language.
func sectionName(re *requestEdition, k mediasection.Kind) string {
	return re.locale.T("nav." + k.Section())
}

// mediaSections serves every section's listing, or its item pages.
func (s *Server) mediaListing(kind mediasection.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		re := editionFrom(ctx)
		n, first, ok := pageNumber(r)
		if !ok {
			s.notFound(w, r)
			return
		}
		base := sectionPath(kind)
		if first {
			http.Redirect(w, r, re.ed.Path(base), http.StatusMovedPermanently)
			return
		}
		list, err := s.deps.Sections.ListMediaItems(ctx, mediasection.Filter{Edition: re.ed.Code, Kind: kind, Published: true,
			Before: s.now(), Limit: mediaPerPage + 1, Offset: (n - 1) * mediaPerPage})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if n > 1 && len(list) == 0 {
			s.notFound(w, r)
			return
		}
		hasOlder := len(list) > mediaPerPage
		if hasOlder {
			list = list[:mediaPerPage]
		}
		heading := sectionName(re, kind)
		title := heading
		if n > 1 {
			title = re.locale.T("paging.title", heading, re.locale.Number(int64(n)))
		}
		intro := re.locale.T("media.intro." + string(kind))
		p, err := s.base(ctx, r, title, intro)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if n == 1 {
			s.linkVersions(r, p, everyEdition(re, base), false)
		}
		lp := &MediaListingPage{Page: p, Kind: string(kind), Heading: heading, Intro: intro, Sizes: gridSizes}
		for _, it := range list {
			lp.Items = append(lp.Items, s.mediaCard(re, it))
		}
		pagePath := func(k int) string {
			if k == 1 {
				return re.ed.Path(base)
			}
			return re.ed.Path(base + "page/" + strconv.Itoa(k) + "/")
		}
		if n > 1 {
			lp.Newer = pagePath(n - 1)
		}
		if hasOlder {
			lp.Older = pagePath(n + 1)
		}
		s.render(w, r, http.StatusOK, "media_listing.html", lp)
	}
}

// mediaCard is the view of an item in the request's edition.
func (s *Server) mediaCard(re *requestEdition, it *mediasection.Item) MediaCard {
	loc := re.locale
	c := MediaCard{URL: re.ed.Path(itemPath(it)), Title: it.Title, Caption: it.Caption, Credit: it.Credit,
		DateISO: it.PublishedAt.Format(time.RFC3339), Date: loc.Date(it.PublishedAt)}
	// The library's alt text is in one language; the item's title is in
	// the edition's.
	c.Image = imageOf(it.Image, it.Title, "")
	if it.Category != nil {
		c.CategoryName = it.Category.Name
		c.CategoryURL = re.ed.Path("/category/" + pathSegment(it.Category.Slug) + "/")
	}
	if it.Video != nil && it.Video.Duration > 0 {
		c.Duration = loc.Digits(clock(it.Video.Duration))
		c.DurationISO = isoDuration(it.Video.Duration)
	}
	if e := it.External(); e != nil {
		c.External = e.Provider
	}
	if it.Kind == mediasection.Album {
		c.Count = loc.N("media.photo_count", it.PhotoCount)
	}
	return c
}

// clock formats a duration as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	if secs >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// isoDuration is an ISO 8601 duration ("PT4S").
func isoDuration(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("PT%dH%dM%dS", secs/3600, secs/60%60, secs%60)
}

// publishedItem loads a published item of the request's edition by the
// {slug} path value; it answers 404 or redirects to the canonical slug
// itself and then reports false.
func (s *Server) publishedItem(w http.ResponseWriter, r *http.Request, kind mediasection.Kind, canonicalTail string) (*mediasection.Item, bool) {
	ctx := r.Context()
	re := editionFrom(ctx)
	slug := r.PathValue("slug")
	it, err := s.deps.Sections.MediaItemBySlug(ctx, re.ed.Code, kind, slug)
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if it.Status != mediasection.Published || it.PublishedAt.After(s.now()) {
		s.notFound(w, r)
		return nil, false
	}
	if it.Slug != slug {
		http.Redirect(w, r, re.ed.Path(itemPath(it)+canonicalTail), http.StatusMovedPermanently)
		return nil, false
	}
	return it, true
}

// mediaItem serves a cartoon, a news photo, a video or an album.
func (s *Server) mediaItem(kind mediasection.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		re := editionFrom(ctx)
		it, ok := s.publishedItem(w, r, kind, "")
		if !ok {
			return
		}
		p, err := s.base(ctx, r, it.Title, firstLine(it.Caption))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ip := &MediaItemPage{Page: p, Kind: string(kind), Item: s.mediaCard(re, it), GridSizes: gridSizes,
			Section: Link{Label: sectionName(re, kind), URL: re.ed.Path(sectionPath(kind))}}
		if it.UpdatedAt.Sub(it.PublishedAt) > time.Hour {
			ip.UpdatedISO = it.UpdatedAt.Format(time.RFC3339)
		}
		ip.Share = shareLinks(re.locale, s.absURL(r, ""), ip.Item.URL, it.Title, ip.Item.Image)
		if img := ip.Item.Image; img != nil {
			p.Meta.Image = &MetaImage{URL: s.absURL(r, img.URL), Type: it.Image.MIME, Width: img.Width, Height: img.Height, Alt: img.Alt}
		}
		p.Meta.Type = "article"
		p.Meta.Published = it.PublishedAt.UTC().Format(time.RFC3339)
		switch kind {
		case mediasection.Video:
			s.videoView(w, re, it, ip)
		case mediasection.Album:
			photos, err := s.deps.Sections.AlbumPhotos(ctx, it.ID)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			for i, ph := range photos {
				ip.Photos = append(ip.Photos, photoView(re, it, ph, i+1, len(photos)))
			}
			ip.NeedsScripts = len(ip.Photos) > 0
		}
		if err := s.mediaVersions(r, re, it, p, ""); err != nil {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, "media_item.html", ip)
	}
}

// videoView fills the player, the download links or the embed of a video.
func (s *Server) videoView(w http.ResponseWriter, re *requestEdition, it *mediasection.Item, ip *MediaItemPage) {
	loc := re.locale
	for _, m := range it.Sources() {
		ip.Sources = append(ip.Sources, VideoSource{URL: m.URL(), Type: m.MIME})
		ip.Downloads = append(ip.Downloads, Attachment{Title: loc.T("media.download_video"), URL: m.DownloadURL(),
			Type: videoFormat(m), Size: loc.FileSize(m.Size)})
	}
	if e := it.External(); e != nil && len(ip.Sources) == 0 {
		label := map[string]string{"youtube": "YouTube", "vimeo": "Vimeo"}[e.Provider]
		ip.Embed = &EmbedView{Provider: e.Provider, Label: label, WatchURL: e.WatchURL, EmbedURL: e.EmbedURL,
			Notice: loc.T("media.embed_notice", label)}
		ip.NeedsScripts = true
		// Only this page may frame the player, and only from its host.
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy+"; frame-src "+strings.Join(mediasection.EmbedHosts, " "))
	}
}

// videoFormat names a video's container for readers ("WebM", "MP4").
func videoFormat(m *media.Media) string {
	switch m.MIME {
	case "video/webm":
		return "WebM"
	case "video/mp4":
		return "MP4"
	}
	return m.MIME
}

// photoView is photo n (from 1) of total in an album.
func photoView(re *requestEdition, album *mediasection.Item, ph *mediasection.Photo, n, total int) PhotoView {
	caption, credit := ph.Caption, ph.Credit
	img := imageOf(ph.Media, "", "")
	if img != nil {
		if caption == "" {
			caption = img.Caption
		}
		if credit == "" {
			credit = img.Credit
		}
		// The photo's own caption is in the album's language; the
		// library's alt text may not be.
		if ph.Caption != "" || img.Alt == "" {
			img.Alt = caption
		}
	}
	return PhotoView{N: n, URL: re.ed.Path(itemPath(album) + strconv.Itoa(n) + "/"), Image: img, Caption: caption, Credit: credit,
		Label: re.locale.T("media.photo_of", re.locale.Number(int64(n)), re.locale.Number(int64(total)))}
}

// mediaVersions links an item's published versions in other editions;
// tail is appended to each version's path (a photo's number).
func (s *Server) mediaVersions(r *http.Request, re *requestEdition, it *mediasection.Item, p *Page, tail string) error {
	list, err := s.deps.Sections.MediaItemTranslations(r.Context(), it.TranslationGroup)
	if err != nil {
		return err
	}
	versions := map[string]string{}
	for _, t := range list {
		if ed := re.all.set.Get(t.Edition); ed != nil && t.Kind == it.Kind && t.Status == mediasection.Published && !t.PublishedAt.After(s.now()) {
			versions[ed.Code] = ed.Path(itemPath(t) + tail)
		}
	}
	s.linkVersions(r, p, versions, true)
	return nil
}

// albumPhoto serves /media/gallery/{slug}/{n}/: one photo with links to
// the previous and next ones (what the lightbox does, without script).
func (s *Server) albumPhoto(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	re := editionFrom(ctx)
	raw := r.PathValue("n")
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || strconv.Itoa(n) != raw {
		s.notFound(w, r)
		return
	}
	it, ok := s.publishedItem(w, r, mediasection.Album, raw+"/")
	if !ok {
		return
	}
	photos, err := s.deps.Sections.AlbumPhotos(ctx, it.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if n > len(photos) {
		s.notFound(w, r)
		return
	}
	pv := photoView(re, it, photos[n-1], n, len(photos))
	title := it.Title + " — " + pv.Label
	p, err := s.base(ctx, r, title, firstLine(pv.Caption))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if img := pv.Image; img != nil {
		p.Meta.Image = &MetaImage{URL: s.absURL(r, img.URL), Type: photos[n-1].Media.MIME, Width: img.Width, Height: img.Height, Alt: img.Alt}
	}
	pp := &PhotoPage{Page: p, Album: s.mediaCard(re, it), Photo: pv, Position: pv.Label}
	if n > 1 {
		pp.Prev = re.ed.Path(itemPath(it) + strconv.Itoa(n-1) + "/")
	}
	if n < len(photos) {
		pp.Next = re.ed.Path(itemPath(it) + strconv.Itoa(n+1) + "/")
	}
	// A photo's versions are the same place in the album's translations
	// (the albums are the same set of pictures).
	if err := s.mediaVersions(r, re, it, p, raw+"/"); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "media_photo.html", pp)
}

// firstLine shortens a caption for the meta description.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return s
}
