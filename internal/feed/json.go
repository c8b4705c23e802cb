package feed

import (
	"bytes"
	"encoding/json"
)

// jsonFeed is JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description,omitempty"`
	Icon        string       `json:"icon,omitempty"`
	Favicon     string       `json:"favicon,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type jsonItem struct {
	ID            string           `json:"id"`
	URL           string           `json:"url"`
	ExternalURL   string           `json:"external_url,omitempty"`
	Title         string           `json:"title"`
	ContentHTML   string           `json:"content_html"`
	Summary       string           `json:"summary,omitempty"`
	Image         string           `json:"image,omitempty"`
	DatePublished string           `json:"date_published"`
	DateModified  string           `json:"date_modified"`
	Authors       []jsonAuthor     `json:"authors,omitempty"`
	Tags          []string         `json:"tags,omitempty"`
	Language      string           `json:"language,omitempty"`
	Attachments   []jsonAttachment `json:"attachments,omitempty"`
}

type jsonAttachment struct {
	URL         string `json:"url"`
	MIMEType    string `json:"mime_type"`
	Title       string `json:"title,omitempty"`
	SizeInBytes int64  `json:"size_in_bytes,omitempty"`
}

// JSONFeed writes the feed as JSON Feed 1.1 with the feed's language and
// the authors of the site and of each item.
func JSONFeed(f *Feed) ([]byte, error) {
	jf := jsonFeed{
		Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.abs(f.PagePath),
		FeedURL: f.abs(JSON.Path(f.FeedPath)), Description: f.Description, Icon: f.abs(f.LogoPath), Favicon: f.abs(f.IconPath),
		Language: f.lang(), Authors: []jsonAuthor{{Name: f.siteName(), URL: f.abs(f.homePath())}}, Items: []jsonItem{},
	}
	for _, e := range f.Entries {
		a := e.Article
		it := jsonItem{ID: f.entryID(a), URL: f.abs(e.Path), Title: a.Title, ContentHTML: f.body(a), Summary: a.Excerpt,
			DatePublished: atomDate(a.PublishedAt), DateModified: atomDate(updated(a)), Tags: terms(e), Language: f.lang()}
		if a.HasExternalByline() {
			it.ExternalURL = a.External.URL
		}
		if name := authorName(a); name != "" {
			au := jsonAuthor{Name: name, URL: f.abs(e.AuthorPath)}
			if a.HasExternalByline() {
				au.URL = a.External.URL
			}
			it.Authors = []jsonAuthor{au}
		}
		if a.Featured != nil && a.Featured.Path != "" {
			it.Image = f.abs(a.Featured.URL())
		}
		for i, enc := range f.enclosures(e) {
			if i == 0 && it.Image != "" {
				continue // the featured image is the item's image, not an attachment
			}
			it.Attachments = append(it.Attachments, jsonAttachment{URL: enc.URL, MIMEType: enc.Type, Title: enc.Title, SizeInBytes: enc.Length})
		}
		jf.Items = append(jf.Items, it)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
