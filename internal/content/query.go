package content

import "time"

// ArticleQuery is a richer selection of articles than ArticleFilter, for
// API clients that combine filters freely (the WordPress-compatible API).
// Empty fields select everything.
type ArticleQuery struct {
	Edition     string
	Statuses    []Status
	IDs         []int64 // only these
	Exclude     []int64
	CategoryIDs []int64 // in any of these categories
	TagIDs      []int64 // with any of these tags
	AuthorIDs   []int64
	Slugs       []string
	Search      string    // in the title, excerpt or text
	After       time.Time // published strictly after (zero: no bound)
	Before      time.Time // published strictly before (zero: no bound)
	OrderBy     string    // one of QueryOrders; "" is "date"
	Asc         bool
	Limit       int
	Offset      int
}

// PageQuery selects static pages the same way.
type PageQuery struct {
	Edition  string
	Statuses []Status
	IDs      []int64
	Exclude  []int64
	Slugs    []string
	Search   string
	After    time.Time
	Before   time.Time
	OrderBy  string
	Asc      bool
	Limit    int
	Offset   int
}

// CommentQuery selects comments across articles.
type CommentQuery struct {
	Edition    string // of the article
	Status     string // "" means any
	IDs        []int64
	ArticleIDs []int64
	ParentIDs  []int64
	// PublishedOnly keeps comments of published articles only.
	PublishedOnly bool
	Search        string
	After         time.Time
	Before        time.Time
	OrderBy       string // "date" or "id"
	Asc           bool
	Limit         int
	Offset        int
}

// QueryOrders are the orders an ArticleQuery or PageQuery accepts.
var QueryOrders = []string{"date", "id", "title", "slug", "modified", "include"}
