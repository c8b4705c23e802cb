package web

// SetSitemapSize lowers the URLs per sitemap file so tests can check paging
// on the demo site.
func (s *Server) SetSitemapSize(n int) { s.sitemapSize = n }
