package wpapi

import (
	"net/http"
	"strconv"
	"strings"
)

// The discovery documents: /wp-json/ (the site and every route) and
// /wp-json/wp/v2 (the routes of the namespace), shaped like WordPress's
// (../shared/fixtures/wp-rest/json/Schema.json) so clients such as
// node-wpapi's discover() build their route tree from them.

type indexDoc struct {
	Name           string               `json:"name"`
	Description    string               `json:"description"`
	URL            string               `json:"url"`
	Home           string               `json:"home"`
	GMTOffset      string               `json:"gmt_offset"`
	TimezoneString string               `json:"timezone_string"`
	Namespaces     []string             `json:"namespaces"`
	Authentication map[string]any       `json:"authentication"`
	Routes         map[string]routeDoc  `json:"routes"`
	SiteLogo       int                  `json:"site_logo"`
	SiteIcon       int                  `json:"site_icon"`
	SiteIconURL    string               `json:"site_icon_url"`
	Links          map[string][]linkDoc `json:"_links"`
}

type linkDoc struct {
	Href string `json:"href"`
}

type routeDoc struct {
	Namespace string            `json:"namespace"`
	Methods   []string          `json:"methods"`
	Endpoints []endpointDoc     `json:"endpoints"`
	Links     map[string]string `json:"_links,omitempty"`
}

type endpointDoc struct {
	Methods []string          `json:"methods"`
	Args    map[string]argDoc `json:"args"`
}

type argDoc struct {
	Description string   `json:"description,omitempty"`
	Type        string   `json:"type,omitempty"`
	Default     any      `json:"default,omitempty"`
	Enum        []string `json:"enum,omitempty"`
	Minimum     *int     `json:"minimum,omitempty"`
	Maximum     *int     `json:"maximum,omitempty"`
	Required    bool     `json:"required"`
}

func intp(n int) *int { return &n }

// collectionArgs are the query parameters of a list route.
var collectionArgs = map[string]argDoc{
	"context":  {Type: "string", Default: "view", Enum: []string{"view", "embed", "edit"}},
	"page":     {Description: "Current page of the collection.", Type: "integer", Default: 1, Minimum: intp(1)},
	"per_page": {Description: "Maximum number of items to be returned in result set.", Type: "integer", Default: 10, Minimum: intp(1), Maximum: intp(100)},
	"search":   {Description: "Limit results to those matching a string.", Type: "string"},
	"lang":     {Description: "The edition (language) to list; the default edition when absent.", Type: "string"},
}

var postArgs = map[string]argDoc{
	"after":      {Description: "Limit response to posts published after a given ISO8601 compliant date.", Type: "string"},
	"before":     {Description: "Limit response to posts published before a given ISO8601 compliant date.", Type: "string"},
	"author":     {Description: "Limit result set to posts assigned to specific authors.", Type: "array"},
	"categories": {Description: "Limit result set to items with specific terms assigned in the categories taxonomy.", Type: "array"},
	"tags":       {Description: "Limit result set to items with specific terms assigned in the tags taxonomy.", Type: "array"},
	"slug":       {Description: "Limit result set to posts with one or more specific slugs.", Type: "array"},
	"include":    {Description: "Limit result set to specific IDs.", Type: "array"},
	"exclude":    {Description: "Ensure result set excludes specific IDs.", Type: "array"},
	"offset":     {Description: "Offset the result set by a specific number of items.", Type: "integer"},
	"order":      {Type: "string", Default: "desc", Enum: []string{"asc", "desc"}},
	"orderby":    {Type: "string", Default: "date", Enum: postOrders},
	"status":     {Type: "array", Default: "publish"},
}

func (h *Handler) routeDocs(s *site, namespace string) map[string]routeDoc {
	out := map[string]routeDoc{}
	for _, rt := range routeTable {
		if namespace != "" && rt.index != "/"+namespace && !strings.HasPrefix(rt.index, "/"+namespace+"/") {
			continue
		}
		ns := "wp/v2"
		if rt.index == "/" {
			ns = ""
		}
		doc := routeDoc{Namespace: ns, Methods: rt.methods}
		var reads, writes []string
		for _, m := range rt.methods {
			if m == "GET" {
				reads = append(reads, m)
			} else {
				writes = append(writes, m)
			}
		}
		args := map[string]argDoc{"context": collectionArgs["context"]}
		collection := !strings.Contains(rt.index, "(?P<") && strings.Count(rt.index, "/") == 3
		if collection {
			args = collectionArgs
			if rt.index == "/wp/v2/posts" {
				args = mergeArgs(collectionArgs, postArgs)
			}
		}
		doc.Endpoints = append(doc.Endpoints, endpointDoc{Methods: reads, Args: args})
		if len(writes) > 0 {
			doc.Endpoints = append(doc.Endpoints, endpointDoc{Methods: writes, Args: map[string]argDoc{}})
		}
		if !strings.Contains(rt.index, "(?P<") {
			doc.Links = map[string]string{"self": s.api(rt.index)}
		}
		out[rt.index] = doc
	}
	return out
}

func mergeArgs(a, b map[string]argDoc) map[string]argDoc {
	out := map[string]argDoc{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	_, offset := h.d.Now().In(s.ed.Location()).Zone()
	doc := indexDoc{Name: s.ed.Settings.SiteName, Description: s.ed.Settings.Tagline, URL: s.base, Home: s.abs(s.ed.Path("/")),
		GMTOffset: strconv.FormatFloat(float64(offset)/3600, 'f', -1, 64), TimezoneString: s.ed.TimeZone,
		Namespaces: []string{"wp/v2"},
		Authentication: map[string]any{"application-passwords": map[string]any{
			"endpoints": map[string]string{"authorization": s.abs("/admin/account/app-passwords/")}}},
		Routes: h.routeDocs(s, ""),
		Links:  map[string][]linkDoc{"help": {{Href: s.abs("/admin/")}}},
	}
	h.writeJSON(w, r, http.StatusOK, doc)
}

func (h *Handler) namespaceIndex(w http.ResponseWriter, r *http.Request) {
	s, ok := h.siteFor(w, r)
	if !ok {
		return
	}
	h.writeJSON(w, r, http.StatusOK, map[string]any{"namespace": "wp/v2", "routes": h.routeDocs(s, "wp/v2"),
		"_links": map[string][]linkDoc{"up": {{Href: s.api("/")}}}})
}
