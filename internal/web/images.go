package web

import (
	"context"
	"html"
	"regexp"
	"strings"
)

// Responsive images inside article text. The stored body names an upload by
// its plain URL; when the image's variants exist, its <img> gets a srcset
// and sits in a <picture> with a WebP <source>, like featured images. The
// body was sanitized when it was stored; only attributes built here from
// stored media keys are added.

// proseSizes matches .prose (max 42rem) in site.css.
const proseSizes = "(max-width: 760px) calc(100vw - 2rem), 672px"

// maxInlineImages bounds the look-ups one article may cost.
const maxInlineImages = 20

var (
	imgTag     = regexp.MustCompile(`<img\s[^>]*>`)
	uploadSrc  = regexp.MustCompile(`\ssrc="/uploads/([^"?#]+)"`)
	hasSrcset  = regexp.MustCompile(`\ssrcset=`)
	inPicture  = regexp.MustCompile(`<picture[\s>]`)
	tagEndTail = regexp.MustCompile(`\s*/?>$`)
)

// responsiveBody adds srcset and a WebP source to the uploaded images of an
// article body. Images without variants, and anything unexpected, are left
// as they are.
func (s *Server) responsiveBody(ctx context.Context, body string) string {
	if !strings.Contains(body, `src="/uploads/`) || inPicture.MatchString(body) {
		return body
	}
	looked := 0
	return imgTag.ReplaceAllStringFunc(body, func(tag string) string {
		sm := uploadSrc.FindStringSubmatch(tag)
		if sm == nil || hasSrcset.MatchString(tag) || looked >= maxInlineImages {
			return tag
		}
		looked++
		m, err := s.deps.Media.MediaByPath(ctx, html.UnescapeString(sm[1]))
		if err != nil {
			return tag
		}
		orig := m.Srcset(m.OriginalFormat())
		if orig == "" {
			return tag
		}
		attrs := ` srcset="` + html.EscapeString(orig) + `" sizes="` + proseSizes + `"`
		loc := tagEndTail.FindStringIndex(tag)
		out := tag[:loc[0]] + attrs + ">"
		if m.OriginalFormat() != "webp" {
			if webp := m.Srcset("webp"); webp != "" {
				return `<picture><source type="image/webp" srcset="` + html.EscapeString(webp) + `" sizes="` + proseSizes + `">` + out + `</picture>`
			}
		}
		return out
	})
}
