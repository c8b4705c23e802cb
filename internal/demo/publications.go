package demo

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/masthead-news/masthead/internal/demo/art"
	"github.com/masthead-news/masthead/internal/i18n"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/publication"
	"github.com/masthead-news/masthead/internal/shareimg"
)

// EditionPublications are one edition's books and series.
type EditionPublications struct {
	Books  []Book
	Series []SeriesData
}

// Book is a demo book; its PDF is drawn from its own text.
type Book struct {
	Key         string // the same book in other editions has the same Key
	Slug        string
	Title       string
	Subtitle    string
	Author      string
	Year        int
	ISBN        string
	Art         string   // cover illustration theme (art.Themes)
	DaysAgo     int      // when it was published, before the demo's load time
	Description []string // paragraphs (plain text)
	Chapters    []string // the opening of each chapter, one PDF page each
}

// SeriesData is a periodical (the Newsletter, the Brief).
type SeriesData struct {
	Key         string
	Slug        string // the same in every edition, as the default menu links it
	Title       string
	Description string
	Issues      []IssueData
}

// IssueData is one numbered issue; issues with the same series Key and
// Number are translations of each other.
type IssueData struct {
	Number   int
	Title    string
	Summary  string
	Contents []string
	Articles []string // article keys of the edition for the HTML edition
	DaysAgo  int
}

// Sheet sizes: covers (3:4) and document pages (about A4 at 100 dpi).
const (
	coverW, coverH = 600, 800
	pageW, pageH   = 827, 1169
)

var (
	navy     = color.RGBA{0x13, 0x29, 0x4b, 0xff}
	paper    = color.RGBA{0xfb, 0xfa, 0xf6, 0xff}
	ink      = color.RGBA{0x16, 0x18, 0x1d, 0xff}
	softInk  = color.RGBA{0x3b, 0x40, 0x49, 0xff}
	red      = color.RGBA{0xb3, 0x12, 0x1f, 0xff}
	paleBlue = color.RGBA{0xc9, 0xd3, 0xe3, 0xff}
)

// pubFiles are the rendered covers (JPEG) and PDFs of one edition.
type pubFiles struct {
	covers map[string][]byte // "book/<key>", "issue/<series>/<n>"
	pdfs   map[string][]byte
}

func seed(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// cover draws a publication cover: our illustration above, the title on a
// navy band below, in the edition's direction.
func cover(theme, id string, rtl bool, kicker, title, sub string) ([]byte, error) {
	pic := art.Render(theme, seed(id), coverW, coverW*9/16*2)
	img, err := shareimg.RenderSheet(shareimg.Sheet{Width: coverW, Height: coverH, RTL: rtl, Background: navy,
		Picture: pic, PictureRect: image.Rect(0, 0, coverW, 430), Top: 462, Margin: 44,
		Band: image.Rect(0, 430, coverW, 440), BandColor: red,
		Blocks: []shareimg.Block{
			{Text: kicker, Size: 22, Color: paleBlue, After: 6},
			{Text: title, Size: 42, Color: color.White, After: 8},
			{Text: sub, Size: 22, Color: paleBlue},
		}})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// page draws one document page of text, as a JPEG: a tenth of the size
// of a PNG of the same page, which keeps the demo's PDFs small.
func page(rtl bool, header string, blocks ...shareimg.Block) ([]byte, error) {
	img, err := shareimg.RenderSheet(shareimg.Sheet{Width: pageW, Height: pageH, RTL: rtl, Background: paper, Top: 70, Margin: 80,
		Band: image.Rect(0, 0, pageW, 12), BandColor: navy,
		Blocks: append([]shareimg.Block{{Text: header, Size: 18, Color: red, After: 28}}, blocks...)})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderPublications draws every cover and PDF of the demo, on all cores,
// before the database transaction starts.
func renderPublications() (map[string]*pubFiles, error) {
	type job struct {
		ed, key string
		cover   bool
		make    func() ([]byte, error)
	}
	var jobs []job
	for _, e := range editions {
		code, rtl := e.meta.Code, e.meta.Dir == "rtl"
		loc, err := i18n.New(e.meta.Lang, i18n.Options{Digits: i18n.Digits(e.meta.Digits)})
		if err != nil {
			return nil, err
		}
		site := e.content.SiteName
		for _, b := range publicationsByEdition[code].Books {
			b := b
			jobs = append(jobs, job{code, "book/" + b.Key, true, func() ([]byte, error) {
				return cover(b.Art, code+"/book/"+b.Key, rtl, b.Author, b.Title, b.Subtitle)
			}}, job{code, "book/" + b.Key, false, func() ([]byte, error) {
				var pages [][]byte
				p, err := page(rtl, site, shareimg.Block{Text: b.Title, Size: 46, Color: ink, After: 10},
					shareimg.Block{Text: b.Subtitle, Size: 26, Color: softInk, After: 40},
					shareimg.Block{Text: b.Author + " · " + loc.Digits(strconv.Itoa(b.Year)), Size: 22, Color: softInk, After: 30},
					shareimg.Block{Text: "ISBN " + b.ISBN, Size: 18, Color: softInk})
				if err != nil {
					return nil, err
				}
				pages = append(pages, p)
				var intro []shareimg.Block
				for _, d := range b.Description {
					intro = append(intro, shareimg.Block{Text: d, Size: 22, Color: ink, After: 22})
				}
				if p, err = page(rtl, b.Title, intro...); err != nil {
					return nil, err
				}
				pages = append(pages, p)
				for _, c := range b.Chapters {
					head, body, _ := strings.Cut(c, ". ")
					if p, err = page(rtl, b.Title, shareimg.Block{Text: head, Size: 30, Color: ink, After: 24},
						shareimg.Block{Text: body, Size: 22, Color: ink}); err != nil {
						return nil, err
					}
					pages = append(pages, p)
				}
				return media.PDFOfImages(pages...)
			}})
		}
		for _, se := range publicationsByEdition[code].Series {
			for _, is := range se.Issues {
				se, is := se, is
				label := loc.T("pub.issue_number", loc.Digits(strconv.Itoa(is.Number)))
				key := fmt.Sprintf("issue/%s/%d", se.Key, is.Number)
				theme := []string{"river", "energy", "library", "fields", "science"}[(is.Number+len(se.Key))%5]
				jobs = append(jobs, job{code, key, true, func() ([]byte, error) {
					return cover(theme, code+"/"+key, rtl, se.Title+" · "+label, is.Title, is.Summary)
				}}, job{code, key, false, func() ([]byte, error) {
					first, err := page(rtl, se.Title+" · "+label, shareimg.Block{Text: is.Title, Size: 42, Color: ink, After: 16},
						shareimg.Block{Text: is.Summary, Size: 24, Color: softInk, After: 40})
					if err != nil {
						return nil, err
					}
					var list []shareimg.Block
					for i, c := range is.Contents {
						list = append(list, shareimg.Block{Text: loc.Digits(strconv.Itoa(i+1)) + ". " + c, Size: 26, Color: ink, After: 18})
					}
					second, err := page(rtl, se.Title+" · "+label, list...)
					if err != nil {
						return nil, err
					}
					return media.PDFOfImages(first, second)
				}})
			}
		}
	}
	out := map[string]*pubFiles{}
	for _, e := range editions {
		out[e.meta.Code] = &pubFiles{covers: map[string][]byte{}, pdfs: map[string][]byte{}}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	work := make(chan job)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				data, err := j.make()
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("%s %s: %w", j.ed, j.key, err)
				}
				if j.cover {
					out[j.ed].covers[j.key] = data
				} else {
					out[j.ed].pdfs[j.key] = data
				}
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	return out, firstErr
}

// loadPublications stores every edition's books, series and issues with
// their covers and PDFs, and links them as translations by key.
func (l *loader) loadPublications(ctx context.Context) error {
	svc := l.svc.Publications
	books := map[string][]int64{}
	series := map[string][]int64{}
	issues := map[string][]int64{}
	for _, e := range editions {
		code := e.meta.Code
		files := l.pubs[code]
		add := func(data []byte, name, title, alt string) (int64, error) {
			if data == nil {
				return 0, fmt.Errorf("no file rendered for %s", name)
			}
			m, err := l.svc.Media.Add(ctx, bytes.NewReader(data), media.Upload{Filename: name, Title: title, Alt: alt, Credit: "Masthead"})
			if err != nil {
				return 0, fmt.Errorf("%s: %w", name, err)
			}
			l.sum.Media++
			return m.ID, nil
		}
		loc, err := i18n.New(e.meta.Lang, i18n.Options{Digits: i18n.Digits(e.meta.Digits)})
		if err != nil {
			return err
		}
		for _, b := range publicationsByEdition[code].Books {
			coverID, err := add(files.covers["book/"+b.Key], code+"-"+b.Key+"-cover.jpg", b.Title, loc.T("pub.cover_of", b.Title))
			if err != nil {
				return err
			}
			pdfID, err := add(files.pdfs["book/"+b.Key], code+"-"+b.Key+".pdf", b.Title, "")
			if err != nil {
				return err
			}
			var desc strings.Builder
			for _, p := range b.Description {
				desc.WriteString("<p>" + htmlEscape(p) + "</p>\n")
			}
			bk := &publication.Book{Edition: code, Slug: b.Slug, Title: b.Title, Author: b.Author, Year: b.Year, ISBN: b.ISBN,
				Language: e.meta.Lang, Description: desc.String(), CoverID: coverID, PDFID: pdfID, Status: publication.Published,
				PublishedAt: l.now.Add(-time.Duration(b.DaysAgo) * 24 * time.Hour)}
			if code == "en" {
				bk.PurchaseURL = "https://shop.example.org/books/" + b.Key
			}
			if err := svc.SaveBook(ctx, bk); err != nil {
				return fmt.Errorf("book %s: %w", b.Key, err)
			}
			books[b.Key] = append(books[b.Key], bk.ID)
			l.sum.Publications++
		}
		for i, sd := range publicationsByEdition[code].Series {
			se := &publication.Series{Edition: code, Slug: sd.Slug, Title: sd.Title, Description: sd.Description, Position: i}
			if err := svc.SaveSeries(ctx, se); err != nil {
				return fmt.Errorf("series %s: %w", sd.Key, err)
			}
			series[sd.Key] = append(series[sd.Key], se.ID)
			for _, isd := range sd.Issues {
				key := fmt.Sprintf("issue/%s/%d", sd.Key, isd.Number)
				label := sd.Title + " " + loc.T("pub.issue_number", loc.Digits(strconv.Itoa(isd.Number)))
				coverID, err := add(files.covers[key], fmt.Sprintf("%s-%s-%d-cover.jpg", code, sd.Key, isd.Number), label, loc.T("pub.cover_of", label))
				if err != nil {
					return err
				}
				pdfID, err := add(files.pdfs[key], fmt.Sprintf("%s-%s-%d.pdf", code, sd.Key, isd.Number), label, "")
				if err != nil {
					return err
				}
				is := &publication.Issue{SeriesID: se.ID, Number: isd.Number, Title: isd.Title, Summary: isd.Summary,
					Contents: strings.Join(isd.Contents, "\n"), Date: l.now.Add(-time.Duration(isd.DaysAgo) * 24 * time.Hour),
					CoverID: coverID, PDFID: pdfID, Status: publication.Published}
				for _, ak := range isd.Articles {
					id, ok := l.articleIDs[code+"/"+ak]
					if !ok {
						return fmt.Errorf("issue %s: no article %q in %s", key, ak, code)
					}
					is.ArticleIDs = append(is.ArticleIDs, id)
				}
				if err := svc.SaveIssue(ctx, is); err != nil {
					return fmt.Errorf("%s: %w", key, err)
				}
				issues[key] = append(issues[key], is.ID)
				l.sum.Publications++
			}
		}
	}
	for _, ids := range books {
		if len(ids) > 1 {
			if err := svc.LinkBook(ctx, ids[0], ids[1:]); err != nil {
				return err
			}
		}
	}
	for _, ids := range series {
		if len(ids) > 1 {
			if err := svc.LinkSeries(ctx, ids[0], ids[1:]); err != nil {
				return err
			}
		}
	}
	for _, ids := range issues {
		if len(ids) > 1 {
			if err := svc.LinkIssue(ctx, ids[0], ids[1:]); err != nil {
				return err
			}
		}
	}
	return nil
}
