// Package templates embeds the html/template files of the public site.
package templates

import "embed"

// FS holds every template; the web package parses them once at start-up.
//
//go:embed *.html
var FS embed.FS
