package wpimport

import (
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

func TestShortcodesBecomeMarkup(t *testing.T) {
	img := &media.Media{ID: 7, Kind: "image", Path: "2026/11/boat-1a2b3c4d.jpg", Alt: "A boat", Caption: "On the lake"}
	vid := &media.Media{ID: 8, Kind: "video", Path: "2026/11/clip-5e6f7a8b.mp4", Title: "Harbour clip"}
	st := &state{atts: map[int64]*media.Media{21: img, 22: vid}, attByParent: map[int64][]int64{5: {21, 22}},
		attByPath: map[string]*media.Media{"2019/04/boat.jpg": img, "2019/04/clip.mp4": vid}}
	for name, tc := range map[string]struct{ in, want string }{
		"caption": {`[caption id="attachment_21" align="alignleft" width="300"]<img src="https://old.example/wp-content/uploads/2019/04/boat-300x200.jpg" alt="A boat" /> The boat at dawn[/caption]`,
			`<figure><img src="/uploads/2026/11/boat-1a2b3c4d.jpg" alt="A boat" /><figcaption>The boat at dawn</figcaption></figure>`},
		"caption attribute": {`[caption caption="Old style"]<img src="x.jpg" alt="" />[/caption]`,
			`<figure><img src="x.jpg" alt="" /><figcaption>Old style</figcaption></figure>`},
		"gallery by ids":      {`[gallery ids="21,99"]`, `<div><figure><img src="/uploads/2026/11/boat-1a2b3c4d.jpg" alt="A boat" loading="lazy"><figcaption>On the lake</figcaption></figure></div>`},
		"gallery of the post": {`<p>x</p>[gallery columns="2"]`, `<p>x</p><div><figure><img src="/uploads/2026/11/boat-1a2b3c4d.jpg" alt="A boat" loading="lazy"><figcaption>On the lake</figcaption></figure></div>`},
		"embed":               {`[embed]https://video.example/watch?v=1[/embed]`, `<p><a href="https://video.example/watch?v=1">https://video.example/watch?v=1</a></p>`},
		"video":               {`[video mp4="https://old.example/wp-content/uploads/2019/04/clip.mp4"][/video]`, `<p><a href="/uploads/2026/11/clip-5e6f7a8b.mp4">Harbour clip</a></p>`},
		"audio elsewhere":     {`[audio src="https://cdn.example/a.mp3"]`, `<p><a href="https://cdn.example/a.mp3">a.mp3</a></p>`},
		"unknown stays":       {`[contact-form-7 id="3"]`, `[contact-form-7 id="3"]`},
	} {
		t.Run(name, func(t *testing.T) {
			body, attached := st.shortcodes(&Item{ID: 5, Content: tc.in})
			got := st.rewriteUploads(body)
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if name == "video" && (len(attached) != 1 || attached[0] != 8) {
				t.Errorf("attached %v, want the video", attached)
			}
			if strings.Contains(got, "[/") {
				t.Errorf("a closing shortcode is left: %s", got)
			}
			// The sanitizer keeps the markup made (figures, links).
			if strings.Contains(got, "<figure>") && !strings.Contains(content.SanitizeHTML(got), "<figcaption>") {
				t.Errorf("the sanitizer drops the figure: %s", content.SanitizeHTML(got))
			}
		})
	}
}

func TestPrepareBodyAddsParagraphsToClassicContent(t *testing.T) {
	for in, want := range map[string]string{
		"Welcome to WordPress.\n\nSecond line\nthird":                      "<p>Welcome to WordPress.</p>\n<p>Second line<br>\nthird</p>",
		"<h1>Title</h1>\nText":                                             "<h2>Title</h2>\nText",
		"Intro\n\n<pre>a\n\nb</pre>\n\nEnd":                                "<p>Intro</p>\n<pre>a\n\nb</pre>\n<p>End</p>",
		"<!-- wp:paragraph -->\n<p>Block</p>\n<!-- /wp:paragraph -->\n\nx": "<!-- wp:paragraph -->\n<p>Block</p>\n<!-- /wp:paragraph -->\n\nx",
		"<ul>\n<li>a</li>\n</ul>\n\nAfter":                                 "<ul>\n<li>a</li>\n</ul>\n<p>After</p>",
	} {
		if got := prepareBody(in); got != want {
			t.Errorf("prepareBody(%q) = %q, want %q", in, got, want)
		}
	}
}
