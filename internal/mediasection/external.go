package mediasection

import (
	"net/url"
	"regexp"
	"strings"
)

// External is a video hosted by YouTube or Vimeo. Only these two hosts are
// accepted, and the video id is checked against each host's id format, so
// the player URL we build can never point anywhere else.
type External struct {
	Provider string // "youtube" or "vimeo"
	ID       string
	// WatchURL is the canonical page of the video (the no-JavaScript link).
	WatchURL string
	// EmbedURL is the player, loaded only after the reader clicks:
	// YouTube's privacy-enhanced host (youtube-nocookie.com) or Vimeo's
	// player with do-not-track.
	EmbedURL string
}

// EmbedHosts are the only frame sources an embed needs (for the CSP).
var EmbedHosts = []string{"https://www.youtube-nocookie.com", "https://player.vimeo.com"}

var (
	youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	vimeoID   = regexp.MustCompile(`^[0-9]{1,12}$`)
)

// ParseExternal checks a YouTube or Vimeo link and gives its canonical
// form. Accepted: youtube.com/watch?v=ID, youtu.be/ID, youtube.com/embed/ID,
// youtube.com/shorts/ID, youtube-nocookie.com/embed/ID, vimeo.com/ID and
// player.vimeo.com/video/ID, over https or http.
func ParseExternal(raw string) (*External, error) {
	bad := refuse("external_url", "video_url", "the link is not a YouTube or Vimeo video")
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || (u.Port() != "" && u.Port() != "443" && u.Port() != "80") {
		return nil, bad
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.")
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	var provider, id string
	switch host {
	case "youtube.com", "youtube-nocookie.com":
		provider = "youtube"
		switch {
		case len(parts) == 1 && parts[0] == "watch":
			id = u.Query().Get("v")
		case len(parts) == 2 && (parts[0] == "embed" || parts[0] == "shorts" || parts[0] == "v" || parts[0] == "live"):
			id = parts[1]
		}
	case "youtu.be":
		provider = "youtube"
		if len(parts) == 1 {
			id = parts[0]
		}
	case "vimeo.com":
		provider = "vimeo"
		if len(parts) >= 1 {
			id = parts[len(parts)-1]
			if len(parts) > 1 && parts[0] != "channels" && parts[0] != "video" {
				id = ""
			}
		}
	case "player.vimeo.com":
		provider = "vimeo"
		if len(parts) == 2 && parts[0] == "video" {
			id = parts[1]
		}
	default:
		return nil, bad
	}
	switch {
	case provider == "youtube" && youtubeID.MatchString(id):
		return &External{Provider: provider, ID: id, WatchURL: "https://www.youtube.com/watch?v=" + id,
			EmbedURL: "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1&rel=0"}, nil
	case provider == "vimeo" && vimeoID.MatchString(id):
		return &External{Provider: provider, ID: id, WatchURL: "https://vimeo.com/" + id,
			EmbedURL: "https://player.vimeo.com/video/" + id + "?autoplay=1&dnt=1"}, nil
	}
	return nil, bad
}
