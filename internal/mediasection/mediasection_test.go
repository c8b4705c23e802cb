package mediasection

import "testing"

func TestParseExternalAcceptsOnlyYouTubeAndVimeoVideos(t *testing.T) {
	good := map[string]string{
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10":      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
		"https://youtu.be/dQw4w9WgXcQ":                          "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
		"http://m.youtube.com/shorts/dQw4w9WgXcQ":               "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
		"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ":    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
		"https://vimeo.com/76979871":                            "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
		"https://player.vimeo.com/video/76979871":               "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
		"https://vimeo.com/channels/staffpicks/76979871":        "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
		"  https://www.youtube.com/embed/abcdefghijk?start=3  ": "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&rel=0",
	}
	for in, want := range good {
		e, err := ParseExternal(in)
		if err != nil {
			t.Errorf("%q refused: %v", in, err)
			continue
		}
		if e.EmbedURL != want {
			t.Errorf("%q embeds %q, want %q", in, e.EmbedURL, want)
		}
	}
	for _, in := range []string{
		"", "youtube.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)", "https://evil.example/watch?v=dQw4w9WgXcQ",
		"https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short",
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload", "https://vimeo.com/abc", "https://user@vimeo.com/76979871",
		"https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", "ftp://vimeo.com/76979871", "https://vimeo.com/groups/x/videos/1",
	} {
		if e, err := ParseExternal(in); err == nil {
			t.Errorf("%q accepted as %+v", in, e)
		}
	}
}

func TestKindsAndSections(t *testing.T) {
	for _, k := range Kinds {
		got, ok := KindOfSection(k.Section())
		if !ok || got != k {
			t.Errorf("%s → %q → %v", k, k.Section(), got)
		}
	}
	if _, ok := KindOfSection("books"); ok {
		t.Error("books is not a media section")
	}
}
