package web

import "net/http"

// linkVersions connects a page to its versions in other editions. versions
// maps an edition code to the path of the same content there (the current
// edition included). It adds the hreflang alternates (with x-default for the
// default edition's version), the "Read in" links when readIn is set, and
// points the menu's edition links at the translated page instead of the
// edition's home. With fewer than two versions there is nothing to link.
func (s *Server) linkVersions(r *http.Request, p *Page, versions map[string]string, readIn bool) {
	if len(versions) < 2 {
		return
	}
	re := editionFrom(r.Context())
	for _, ed := range re.all.set.All() {
		path, ok := versions[ed.Code]
		if !ok {
			continue
		}
		abs := s.absURL(r, path)
		p.Alternates = append(p.Alternates, Alternate{Lang: ed.Lang, URL: abs})
		if ed.IsDefault {
			p.Alternates = append(p.Alternates, Alternate{Lang: "x-default", URL: abs})
		}
		if readIn && ed.Code != re.ed.Code {
			p.Translations = append(p.Translations, Link{Label: ed.Name, URL: path, Lang: ed.Lang, Dir: ed.Dir})
		}
	}
	retarget(p.Menu, versions)
}

// retarget sends edition links of the menu to the translated page.
func retarget(items []NavItem, versions map[string]string) {
	for i := range items {
		if path, ok := versions[items[i].Edition]; ok && items[i].Edition != "" {
			items[i].URL = path
		}
		retarget(items[i].Children, versions)
	}
}

// everyEdition gives the same site path in every edition (home, all
// articles, an author's page: things that exist everywhere).
func everyEdition(re *requestEdition, path string) map[string]string {
	out := map[string]string{}
	for _, ed := range re.all.set.All() {
		out[ed.Code] = ed.Path(path)
	}
	return out
}
