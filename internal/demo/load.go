// Package demo loads the demo newsroom — four editions of original, neutral
// articles, pages, authors, menus and generated illustrations — through the
// domain services, so the demo obeys the same rules as editors' work.
package demo

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"image/jpeg"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/demo/art"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/mediasection"
	"github.com/masthead-news/masthead/internal/publication"
)

// EditionSaver stores editions.
type EditionSaver interface {
	SaveEdition(ctx context.Context, e *edition.Edition) error
}

// Services are what the loader writes through.
type Services struct {
	Editions EditionSaver
	Content  *content.Service
	Media    *media.Service
	// MediaSections writes cartoons, news photos, albums and videos; when
	// nil, a service over the content store is used (the store serves both).
	MediaSections *mediasection.Service
	// Readers takes the demo's contact messages and names the contact
	// page (comments.go); nil leaves them out.
	Readers Readers
	// Publications stores books and series; when nil, one is made over
	// the store passed to Load.
	Publications *publication.Service
}

// Summary counts what was loaded.
type Summary struct {
	Editions, Articles, Pages, Categories, Authors, Media, Comments int
	MediaItems                                                      int // cartoons, news photos, albums and videos
	Publications                                                    int // books and issues
}

// editions in display order: the default first, then the others.
var editions = []struct {
	content  *EditionContent
	meta     edition.Edition
	position int
}{
	{&editionEN, edition.Edition{Code: "en", Name: "English", Lang: "en", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "UTC", IsDefault: true}, 0},
	{&editionAR, edition.Edition{Code: "ar", Name: "العربية", Lang: "ar", Dir: "rtl", Calendar: "gregorian", Digits: "arab", TimeZone: "Asia/Amman"}, 1},
	{&editionFA, edition.Edition{Code: "fa", Name: "فارسی", Lang: "fa", Dir: "rtl", Calendar: "persian", Digits: "arabext", TimeZone: "Asia/Tehran"}, 2},
	{&editionSQ, edition.Edition{Code: "sq", Name: "Shqip", Lang: "sq", Dir: "ltr", Calendar: "gregorian", Digits: "latn", TimeZone: "Europe/Tirane"}, 3},
}

// Image sizes of the generated illustrations.
const (
	imageW, imageH   = 1200, 675
	avatarW, avatarH = 400, 400
)

// Load writes the whole demo in one transaction: either all of it is stored
// or nothing is. now anchors the articles' publication times.
func Load(ctx context.Context, tx interface {
	WithinTx(context.Context, func(context.Context) error) error
}, svc Services, now time.Time) (*Summary, error) {
	if svc.MediaSections == nil {
		st, ok := svc.Content.Store.(mediasection.Store)
		if !ok {
			return nil, fmt.Errorf("demo: no service for the Media sections")
		}
		svc.MediaSections = &mediasection.Service{Store: st, Now: func() time.Time { return now }}
	}
	if svc.Publications == nil {
		st, ok := tx.(publication.Store)
		if !ok {
			return nil, fmt.Errorf("demo: no publications service")
		}
		svc.Publications = &publication.Service{Store: st}
	}
	pictures := renderPictures()
	pubs, err := renderPublications()
	if err != nil {
		return nil, err
	}
	sum := &Summary{}
	err = tx.WithinTx(ctx, func(ctx context.Context) error {
		l := &loader{svc: svc, now: now.UTC().Truncate(time.Second), pictures: pictures, pubs: pubs, sum: sum, articleIDs: map[string]int64{},
			authors: map[string]int64{}, catGroups: map[string]int64{}, pageGroups: map[string]int64{}, articleGroups: map[string]int64{}, menuGroups: map[string]int64{},
			mediaGroups: map[string]int64{}}
		return l.load(ctx)
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

type loader struct {
	svc           Services
	now           time.Time
	pictures      map[pictureKey][]byte
	pubs          map[string]*pubFiles // by edition
	articleIDs    map[string]int64     // "edition/key" → article id
	sum           *Summary
	authors       map[string]int64
	catGroups     map[string]int64
	pageGroups    map[string]int64
	articleGroups map[string]int64
	menuGroups    map[string]int64 // menu item translation groups by position
	mediaGroups   map[string]int64 // Media section items' translation groups by key
}

func (l *loader) load(ctx context.Context) error {
	for _, e := range editions {
		ed := e.meta
		ed.Position = e.position
		ed.Settings = edition.Settings{
			SiteName: e.content.SiteName, Tagline: e.content.Tagline, Description: e.content.Description,
			FooterText: e.content.FooterText, CopyrightYear: 2019, ListingMode: edition.ListExcerpt, PerPage: 10,
			Social: socialLinks(ed.Code),
		}
		if err := ed.Validate(); err != nil {
			return err
		}
		if err := l.svc.Editions.SaveEdition(ctx, &ed); err != nil {
			return fmt.Errorf("edition %s: %w", ed.Code, err)
		}
		l.sum.Editions++
	}
	if err := l.loadAuthors(ctx); err != nil {
		return err
	}
	for _, e := range editions {
		if err := l.loadEdition(ctx, e.content, e.meta); err != nil {
			return fmt.Errorf("edition %s: %w", e.meta.Code, err)
		}
	}
	if err := l.loadPublications(ctx); err != nil {
		return err
	}
	return l.loadReaders(ctx)
}

func socialLinks(code string) []edition.SocialLink {
	return []edition.SocialLink{
		{Network: "facebook", Label: "Facebook", URL: "https://www.facebook.com/mastheaddaily." + code},
		{Network: "x", Label: "X", URL: "https://x.com/mastheaddaily_" + code},
		{Network: "instagram", Label: "Instagram", URL: "https://www.instagram.com/mastheaddaily." + code},
		{Network: "youtube", Label: "YouTube", URL: "https://www.youtube.com/@mastheaddaily"},
		{Network: "telegram", Label: "Telegram", URL: "https://t.me/mastheaddaily_" + code},
	}
}

func (l *loader) loadAuthors(ctx context.Context) error {
	for _, a := range authors {
		avatar, err := l.addPicture(ctx, pictureKey{a.Art, a.Key, avatarW, avatarH}, a.Key+".jpg", a.Names["en"], "")
		if err != nil {
			return err
		}
		au := &content.Author{Slug: a.Slug, Name: a.Names["en"], Bio: a.Bios["en"], AvatarMediaID: avatar.ID}
		var profiles []content.AuthorProfile
		for _, e := range editions {
			if name := a.Names[e.meta.Code]; name != "" && e.meta.Code != "en" {
				profiles = append(profiles, content.AuthorProfile{Edition: e.meta.Code, Name: name, Bio: a.Bios[e.meta.Code]})
			}
		}
		if err := l.svc.Content.CreateAuthor(ctx, au, profiles); err != nil {
			return fmt.Errorf("author %s: %w", a.Key, err)
		}
		l.authors[a.Key] = au.ID
		l.sum.Authors++
	}
	return nil
}

func (l *loader) loadEdition(ctx context.Context, ec *EditionContent, ed edition.Edition) error {
	cats := map[string]int64{}
	// Parents before children.
	ordered := append([]Category{}, ec.Categories...)
	for pass := 0; pass < 2; pass++ {
		for i, c := range ordered {
			if (pass == 0) != (c.Parent == "") {
				continue
			}
			cat := &content.Category{Edition: ed.Code, Slug: c.Slug, Name: c.Name, Description: c.Description,
				ParentID: cats[c.Parent], Position: i, TranslationGroup: l.catGroups[c.Key]}
			if err := l.svc.Content.CreateCategory(ctx, cat); err != nil {
				return fmt.Errorf("category %s: %w", c.Key, err)
			}
			cats[c.Key] = cat.ID
			l.catGroups[c.Key] = cat.TranslationGroup
			l.sum.Categories++
		}
	}
	pageSlugs := map[string]string{}
	for _, p := range ec.Pages {
		pg := &content.Page{Edition: ed.Code, Slug: p.Slug, Title: p.Title, Description: p.Description,
			BodySource: p.Body, Status: content.Published, TranslationGroup: l.pageGroups[p.Key], PublishedAt: l.now.Add(-2000 * time.Hour)}
		if err := l.svc.Content.CreatePage(ctx, pg); err != nil {
			return fmt.Errorf("page %s: %w", p.Key, err)
		}
		l.pageGroups[p.Key] = pg.TranslationGroup
		pageSlugs[p.Key] = pg.Slug
		l.sum.Pages++
	}
	for _, a := range ec.Articles {
		if err := l.loadArticle(ctx, ed, a, cats); err != nil {
			return fmt.Errorf("article %s: %w", a.Key, err)
		}
	}
	if err := l.loadMediaSections(ctx, ed.Code, cats); err != nil {
		return err
	}
	// Menu items are linked to their counterparts in the other editions'
	// menus: by position, and edition links by the edition they go to.
	menu := defaultMenu(ed, pageSlugs)
	var keyed func(items []*content.MenuItem, prefix string, visit func(string, *content.MenuItem))
	keyed = func(items []*content.MenuItem, prefix string, visit func(string, *content.MenuItem)) {
		for i, it := range items {
			key := fmt.Sprintf("%s/%d", prefix, i)
			if it.Kind == content.MenuEdition {
				key = prefix + "/edition:" + it.Target
			}
			visit(key, it)
			keyed(it.Children, key, visit)
		}
	}
	keyed(menu, "", func(key string, it *content.MenuItem) { it.TranslationGroup = l.menuGroups[key] })
	if err := l.svc.Content.SetMenu(ctx, ed.Code, menu); err != nil {
		return err
	}
	keyed(menu, "", func(key string, it *content.MenuItem) { l.menuGroups[key] = it.TranslationGroup })
	return nil
}

func (l *loader) loadArticle(ctx context.Context, ed edition.Edition, a Article, cats map[string]int64) error {
	featured, err := l.addPicture(ctx, pictureKey{a.Art, ed.Code + "/" + a.Key, imageW, imageH}, a.Key+".jpg", a.Alt, a.Caption)
	if err != nil {
		return err
	}
	body := a.Body
	if a.Figure != nil {
		fig, err := l.addPicture(ctx, pictureKey{a.Figure.Art, ed.Code + "/" + a.Key + "/figure", imageW, imageH}, a.Key+"-figure.jpg", a.Figure.Alt, a.Figure.Caption)
		if err != nil {
			return err
		}
		body = insertAfterParagraph(body, 2, fmt.Sprintf(`<figure><img src="%s" alt="%s" width="%d" height="%d" loading="lazy"><figcaption>%s</figcaption></figure>`,
			fig.URL(), htmlEscape(a.Figure.Alt), fig.Width, fig.Height, htmlEscape(a.Figure.Caption)))
	}
	art := &content.Article{
		Edition: ed.Code, Slug: a.Slug, Title: a.Title, Excerpt: a.Excerpt, BodySource: body,
		FeaturedMediaID: featured.ID, FeaturedCaption: a.Caption, FeaturedAlt: a.Alt,
		PrimaryCategoryID: cats[a.Category], Tags: a.Tags, AuthorID: l.authors[a.Author],
		Status: content.Published, PublishedAt: l.now.Add(-time.Duration(a.HoursAgo) * time.Hour),
		CreatedAt: l.now.Add(-time.Duration(a.HoursAgo) * time.Hour), UpdatedAt: l.now.Add(-time.Duration(a.HoursAgo) * time.Hour),
		CommentsOpen: !a.Closed, TranslationGroup: l.articleGroups[a.Key],
	}
	if a.External != nil {
		art.External = content.Byline{Writer: a.External.Writer, Publication: a.External.Publication, URL: a.External.URL}
	}
	for _, k := range a.Categories {
		if id := cats[k]; id != 0 && id != art.PrimaryCategoryID {
			art.CategoryIDs = append(art.CategoryIDs, id)
		}
	}
	if art.PrimaryCategoryID == 0 {
		return fmt.Errorf("unknown category %q", a.Category)
	}
	if err := l.svc.Content.CreateArticle(ctx, art); err != nil {
		return err
	}
	l.articleGroups[a.Key] = art.TranslationGroup
	l.articleIDs[ed.Code+"/"+a.Key] = art.ID
	l.sum.Articles++
	comments := a.Comments
	for i, replies := range demoReplies[ed.Code][a.Key] {
		if i < len(comments) {
			comments = append([]Comment(nil), comments...)
			comments[i].Replies = append(comments[i].Replies, replies...)
		}
	}
	comments = append(comments, demoHeld[ed.Code][a.Key]...)
	return l.addComments(ctx, art.ID, 0, comments)
}

// addComments stores comments and their replies.
func (l *loader) addComments(ctx context.Context, articleID, parentID int64, list []Comment) error {
	for _, c := range list {
		status := c.Status
		if status == "" {
			status = content.CommentApproved
		}
		email := c.Email
		if email == "" {
			email = demoEmail(c.Name)
		}
		at := l.now.Add(-time.Duration(c.HoursAgo) * time.Hour)
		cm := &content.Comment{ArticleID: articleID, ParentID: parentID, AuthorName: c.Name, AuthorEmail: email, Body: c.Body,
			Status: status, CreatedAt: at}
		if err := l.svc.Content.AddComment(ctx, cm); err != nil {
			return err
		}
		l.sum.Comments++
		if err := l.addComments(ctx, articleID, cm.ID, c.Replies); err != nil {
			return err
		}
	}
	return nil
}

// defaultMenu is DESIGN.md's default menu in the edition's language.
func defaultMenu(ed edition.Edition, pageSlugs map[string]string) []*content.MenuItem {
	loc, err := i18n.New(ed.Lang, i18n.Options{})
	if err != nil {
		loc, _ = i18n.New("en", i18n.Options{})
	}
	link := func(key, path string) *content.MenuItem {
		return &content.MenuItem{Label: loc.T(key), Kind: content.MenuLink, Target: path}
	}
	group := func(key string, children ...*content.MenuItem) *content.MenuItem {
		return &content.MenuItem{Label: loc.T(key), Kind: content.MenuGroup, Children: children}
	}
	var others []*content.MenuItem
	for _, e := range editions {
		if e.meta.Code != ed.Code {
			others = append(others, &content.MenuItem{Kind: content.MenuEdition, Target: e.meta.Code})
		}
	}
	return []*content.MenuItem{
		link("nav.home", "/"),
		link("nav.articles", "/articles/"),
		group("nav.media",
			link("nav.cartoons", "/media/cartoons/"),
			link("nav.newspics", "/media/newspics/"),
			link("nav.gallery", "/media/gallery/"),
			link("nav.videos", "/media/videos/")),
		group("nav.publications",
			link("nav.books", "/publications/books/"),
			link("nav.newsletter", "/publications/newsletter/"),
			link("nav.brief", "/publications/brief/")),
		link("nav.about", "/"+pageSlugs["about-us"]+"/"),
		link("nav.contact", "/"+pageSlugs["contact-us"]+"/"),
		group("nav.editions", others...),
	}
}

// insertAfterParagraph puts html after the n-th closing </p> (or at the end).
func insertAfterParagraph(body string, n int, html string) string {
	idx := 0
	for i := 0; i < n; i++ {
		j := strings.Index(body[idx:], "</p>")
		if j < 0 {
			return body + "\n" + html
		}
		idx += j + len("</p>")
	}
	return body[:idx] + "\n" + html + body[idx:]
}

var htmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace

type pictureKey struct {
	theme, id string
	w, h      int
}

func (l *loader) addPicture(ctx context.Context, k pictureKey, filename, alt, caption string) (*media.Media, error) {
	data := l.pictures[k]
	if data == nil {
		return nil, fmt.Errorf("no picture rendered for %v", k)
	}
	m, err := l.svc.Media.Add(ctx, bytes.NewReader(data), media.Upload{Filename: filename, Alt: alt, Caption: caption, Credit: "Illustration: Masthead"})
	if err == nil {
		l.sum.Media++
	}
	return m, err
}

// renderPictures draws every illustration the demo needs, on all cores,
// before the database transaction starts.
func renderPictures() map[pictureKey][]byte {
	var keys []pictureKey
	for _, a := range authors {
		keys = append(keys, pictureKey{a.Art, a.Key, avatarW, avatarH})
	}
	for _, e := range editions {
		for _, a := range e.content.Articles {
			keys = append(keys, pictureKey{a.Art, e.meta.Code + "/" + a.Key, imageW, imageH})
			if a.Figure != nil {
				keys = append(keys, pictureKey{a.Figure.Art, e.meta.Code + "/" + a.Key + "/figure", imageW, imageH})
			}
		}
	}
	keys = append(keys, mediaSectionPictures()...)
	out := make(map[pictureKey][]byte, len(keys))
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan pictureKey)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range work {
				h := fnv.New64a()
				h.Write([]byte(k.id))
				img := art.Render(k.theme, h.Sum64(), k.w, k.h)
				var buf bytes.Buffer
				if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 82}); err != nil {
					panic(err) // encoding an in-memory RGBA image cannot fail
				}
				mu.Lock()
				out[k] = buf.Bytes()
				mu.Unlock()
			}
		}()
	}
	for _, k := range keys {
		work <- k
	}
	close(work)
	wg.Wait()
	return out
}
