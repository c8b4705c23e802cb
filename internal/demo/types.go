package demo

// The demo newsroom is described as plain Go data, one file per edition
// (data_en.go, data_ar.go, data_fa.go, data_sq.go) plus authors.go. The loader
// (load.go) turns it into stored content through the domain services, so the
// demo obeys the same validation as anything an editor writes.
//
// Keys tie things together across editions: two articles with the same Key in
// different editions are translations of each other; Category, Author and Art
// fields refer to keys, never to display names.

// EditionContent is everything one language edition ships.
type EditionContent struct {
	Code        string // "en", "ar", "fa", "sq"
	SiteName    string // the site's name in this edition's language and script
	Tagline     string
	Description string // one sentence for the meta description of the home page
	FooterText  string // a short line shown in the footer above the copyright
	Categories  []Category
	Pages       []Page
	Articles    []Article
}

// Category is one topic; Key is shared by the same topic in every edition.
type Category struct {
	Key         string // "world", "environment", "society", "culture", "science", "economy", "opinion" …
	Name        string
	Slug        string // optional; generated from Name when empty
	Description string
	Parent      string // key of the parent category, "" for a top-level one
}

// Page is a static page such as About Us or Contact us.
type Page struct {
	Key         string // "about-us", "contact-us", "privacy"
	Slug        string // URL slug in this edition (Latin or the edition's own script)
	Title       string
	Description string // one sentence for the meta description
	Body        string // HTML: <p>, <h2>, <h3>, <ul>, <ol>, <li>, <blockquote>, <strong>, <em>, <a href>
}

// Article is one news article or opinion piece.
type Article struct {
	Key        string   // stable identifier; the same story in another edition uses the same Key
	Title      string   // headline in the edition's language
	Slug       string   // optional; generated from Title when empty
	Excerpt    string   // one or two sentences
	Body       string   // HTML, several paragraphs (see Page.Body for the allowed tags)
	Category   string   // primary category key
	Categories []string // further category keys (optional)
	Tags       []string // tag names in the edition's language
	Author     string   // author key from authors.go; empty when External is set
	External   *Byline  // set for a piece republished from another publication
	HoursAgo   int      // how long before the demo is loaded it was published
	Art        string   // illustration theme for the featured image, see art.Themes
	Caption    string   // caption of the featured image
	Alt        string   // alt text of the featured image
	Figure     *Figure  // an optional inline figure placed after the second paragraph
	Comments   []Comment
	Closed     bool // comments closed
}

// Byline names the writer and the original publication of a republished piece.
type Byline struct {
	Writer      string
	Publication string
	URL         string // link to the original piece
}

// Figure is an inline illustration inside an article body.
type Figure struct {
	Art     string
	Caption string
	Alt     string
}

// Comment is a reader comment shipped with the demo (approved unless
// Status says otherwise), with its replies.
type Comment struct {
	Name     string
	Email    string
	Body     string // plain text
	HoursAgo int    // hours before the demo is loaded (must be less than the article's HoursAgo)
	Status   string // "" (approved), "pending" or "spam"
	Replies  []Comment
}

// Author is a staff writer. Names and Bios are keyed by edition code; a
// missing edition falls back to "en".
type Author struct {
	Key   string
	Slug  string // Latin slug used in /author/{slug}/ in every edition
	Names map[string]string
	Bios  map[string]string
	Art   string // illustration theme for the avatar
}
