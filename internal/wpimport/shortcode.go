package wpimport

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/media"
)

// WordPress shortcodes become plain markup the body sanitizer keeps:
// [caption] a figure with its caption, [gallery] a list of figures,
// [embed] a link to what was embedded, [video] and [audio] a link to the
// file (attached to the article, so readers can download it). Others stay
// as text, as WordPress shows a shortcode whose plugin is gone.

var (
	shortcodeOpen = regexp.MustCompile(`\[(caption|wp_caption|gallery|embed|video|audio)\b((?:[^\]"']|"[^"]*"|'[^']*')*)\]`)
	shortcodeAttr = regexp.MustCompile(`([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)
	imgTag        = regexp.MustCompile(`(?is)<img\b[^>]*>`)
)

func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range shortcodeAttr.FindAllStringSubmatch(s, -1) {
		out[strings.ToLower(m[1])] = m[2] + m[3] + m[4]
	}
	return out
}

// shortcodes rewrites an item's body and lists the media its [video] and
// [audio] shortcodes name, to attach to the article.
func (st *state) shortcodes(it *Item) (string, []int64) {
	body := it.Content
	var attached []int64
	var b strings.Builder
	for {
		loc := shortcodeOpen.FindStringSubmatchIndex(body)
		if loc == nil {
			b.WriteString(body)
			break
		}
		b.WriteString(body[:loc[0]])
		name := body[loc[2]:loc[3]]
		at := attrs(body[loc[4]:loc[5]])
		rest := body[loc[1]:]
		inner := ""
		if end := strings.Index(rest, "[/"+name+"]"); end >= 0 && name != "gallery" {
			inner, rest = rest[:end], rest[end+len(name)+3:]
		}
		switch name {
		case "caption", "wp_caption":
			b.WriteString(captionFigure(inner, at["caption"]))
		case "gallery":
			b.WriteString(st.gallery(it, at))
		case "embed":
			if u := strings.TrimSpace(inner); u != "" {
				b.WriteString(linkPara(u, u))
			}
		case "video", "audio":
			u := at["src"]
			for _, k := range []string{"mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "oga", "wav", "m4a", "wma"} {
				if u == "" {
					u = at[k]
				}
			}
			if u == "" {
				u = strings.TrimSpace(inner)
			}
			if u == "" {
				break
			}
			label := u[strings.LastIndex(u, "/")+1:]
			if m := st.mediaForURL(u); m != nil {
				u = m.URL()
				if m.Title != "" {
					label = m.Title
				}
				attached = append(attached, m.ID)
			}
			b.WriteString(linkPara(u, label))
		}
		body = rest
	}
	return b.String(), attached
}

func linkPara(href, label string) string {
	return `<p><a href="` + html.EscapeString(href) + `">` + html.EscapeString(label) + `</a></p>`
}

// captionFigure makes a figure from [caption]'s content: an image (maybe
// in a link) followed by the caption text.
func captionFigure(inner, captionAttr string) string {
	img := imgTag.FindStringIndex(inner)
	if img == nil {
		return inner
	}
	media := inner[:img[1]]
	text := inner[img[1]:]
	// The image may sit inside a link: keep the link around it.
	if i := strings.Index(strings.ToLower(text), "</a>"); i >= 0 && strings.Contains(strings.ToLower(inner[:img[0]]), "<a ") {
		media, text = inner[:img[1]+i+4], text[i+4:]
	}
	caption := strings.TrimSpace(text)
	if caption == "" {
		caption = html.EscapeString(captionAttr)
	}
	out := "<figure>" + strings.TrimSpace(media)
	if caption != "" {
		out += "<figcaption>" + caption + "</figcaption>"
	}
	return out + "</figure>"
}

// gallery lists the images of [gallery ids="…"] or, without ids, the
// images attached to the post.
func (st *state) gallery(it *Item, at map[string]string) string {
	var ids []int64
	if list := at["ids"] + at["include"]; list != "" {
		for _, s := range strings.Split(list, ",") {
			if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
	} else {
		ids = st.attByParent[it.ID]
	}
	var b strings.Builder
	for _, id := range ids {
		m := st.atts[id]
		if m == nil || m.Kind != "image" {
			continue
		}
		b.WriteString(galleryFigure(m))
	}
	if b.Len() == 0 {
		return ""
	}
	return "<div>" + b.String() + "</div>"
}

func galleryFigure(m *media.Media) string {
	alt := m.Alt
	if alt == "" {
		alt = m.Title
	}
	out := `<figure><img src="` + html.EscapeString(m.URL()) + `" alt="` + html.EscapeString(alt) + `" loading="lazy">`
	if m.Caption != "" {
		out += "<figcaption>" + html.EscapeString(m.Caption) + "</figcaption>"
	}
	return out + "</figure>"
}
