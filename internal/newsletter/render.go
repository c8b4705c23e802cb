package newsletter

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"strings"
	texttemplate "text/template"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/edition"
	"github.com/masthead-news/masthead/internal/i18n"
)

// UnsubscribePlaceholder stands for a recipient's own unsubscribe link in a
// rendered campaign; the sender replaces it per recipient. It is made of
// characters that escaping leaves alone and no article text can produce a
// link from.
const UnsubscribePlaceholder = "MASTHEAD-UNSUBSCRIBE-LINK-7f3a91"

//go:embed issue.html
var issueHTML string

//go:embed issue.txt
var issueText string

var (
	htmlIssue = template.Must(template.New("issue.html").Parse(issueHTML))
	textIssue = texttemplate.Must(texttemplate.New("issue.txt").Parse(issueText))
)

// issueData is what the issue templates see.
type issueData struct {
	Lang, Dir, Align string
	Serif, Sans      template.CSS // font stacks, constants of ours (Arabic-script faces for right-to-left editions)
	SiteName         string
	SiteURL          string
	Subject          string
	Intro            []string // paragraphs
	Articles         []issueArticle
	Date             string
	ReadMore         string
	Why              string
	Unsubscribe      string
	UnsubscribeURL   string
	Year             string
}

type issueArticle struct {
	Title, Excerpt, URL, Date, Category string
}

// Render renders a campaign as the subscriber sees it: an HTML document in
// the edition's language and direction (every value escaped, CSS inline so
// mail clients keep it) and the plain-text part. Links to unsubscribe are
// UnsubscribePlaceholder. Only published articles of the edition appear.
func (s *Service) Render(ctx context.Context, c *Campaign) (htmlOut, textOut string, err error) {
	ed, loc, err := s.edition(ctx, c.Edition)
	if err != nil {
		return "", "", err
	}
	arts, err := s.campaignArticles(ctx, ed, c.ArticleIDs)
	if err != nil {
		return "", "", err
	}
	return s.render(ed, loc, c, arts)
}

// campaignArticles loads the chosen articles in order, refusing any that
// is not a published article of the edition.
func (s *Service) campaignArticles(ctx context.Context, ed *edition.Edition, ids []int64) ([]*content.Article, error) {
	if len(ids) == 0 {
		return nil, invalid("newsletter.error.no_articles")
	}
	if len(ids) > MaxArticles {
		return nil, invalid("newsletter.error.too_many_articles", MaxArticles)
	}
	out := make([]*content.Article, 0, len(ids))
	for _, id := range ids {
		a, err := s.Articles.ArticleByID(ctx, id)
		if err != nil || a.Edition != ed.Code || a.Status != content.Published || a.PublishedAt.After(s.now()) {
			return nil, invalid("newsletter.error.article", id)
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *Service) render(ed *edition.Edition, loc *i18n.Locale, c *Campaign, arts []*content.Article) (string, string, error) {
	d := issueData{Lang: ed.Lang, Dir: ed.Dir, Align: "left", SiteName: ed.Settings.SiteName, SiteURL: strings.TrimSuffix(s.SiteURL, "/") + ed.Path("/"),
		Subject: c.Subject, Date: loc.Date(s.now()), ReadMore: loc.T("newsletter.issue.read_more"),
		Why: loc.T("newsletter.issue.why", ed.Settings.SiteName), Unsubscribe: loc.T("newsletter.issue.unsubscribe"),
		UnsubscribeURL: UnsubscribePlaceholder, Year: loc.Year(s.now())}
	d.Serif, d.Sans = "Georgia,'Times New Roman',serif", "Arial,Helvetica,sans-serif"
	if ed.Dir == "rtl" {
		d.Align = "right"
		d.Serif, d.Sans = "Tahoma,'Noto Naskh Arabic','Segoe UI',Arial,sans-serif", "Tahoma,'Segoe UI',Arial,sans-serif"
	}
	if d.SiteName == "" {
		d.SiteName = "Masthead"
	}
	for _, p := range strings.Split(strings.ReplaceAll(c.Intro, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.Intro = append(d.Intro, p)
		}
	}
	for _, a := range arts {
		ia := issueArticle{Title: a.Title, Excerpt: a.Excerpt, Date: loc.Date(a.PublishedAt)}
		if s.ArticlePath != nil {
			ia.URL = strings.TrimSuffix(s.SiteURL, "/") + s.ArticlePath(ed, a)
		}
		if a.PrimaryCategory != nil {
			ia.Category = a.PrimaryCategory.Name
		}
		d.Articles = append(d.Articles, ia)
	}
	var h, t bytes.Buffer
	if err := htmlIssue.Execute(&h, d); err != nil {
		return "", "", fmt.Errorf("newsletter: rendering the HTML part: %w", err)
	}
	if err := textIssue.Execute(&t, d); err != nil {
		return "", "", fmt.Errorf("newsletter: rendering the text part: %w", err)
	}
	return h.String(), t.String(), nil
}

// personalize puts a recipient's unsubscribe link into a rendered campaign.
func personalize(rendered, link string) string {
	return strings.ReplaceAll(rendered, UnsubscribePlaceholder, link)
}
