// Package static embeds the site's stylesheets, scripts and images.
package static

import "embed"

// FS holds every static file; the web package fingerprints them at start-up.
//
//go:embed css js img
var FS embed.FS
