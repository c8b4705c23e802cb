package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/masthead-news/masthead/internal/web/static"
)

// assets are the embedded static files, each served under a URL that carries
// a hash of its content, so browsers and CDNs may keep them forever.
type assets struct {
	byName map[string]*asset // "css/site.css" → asset
	byURL  map[string]*asset // "/static/css/site.1a2b3c4d5e.css" → asset
}

type asset struct {
	name string
	url  string
	etag string
	mime string
	body []byte
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byURL: map[string]*asset{}}
	err := fs.WalkDir(static.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") {
			return err
		}
		body, err := fs.ReadFile(static.FS, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		url := "/static/" + strings.TrimSuffix(name, ext) + "." + hash + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		as := &asset{name: name, url: url, etag: `"` + hash + `"`, mime: ct, body: body}
		a.byName[name] = as
		a.byURL[url] = as
		return nil
	})
	return a, err
}

// URL gives the fingerprinted URL of an embedded file; templates call it as
// {{asset "css/site.css"}}. An unknown name is a template bug and fails
// template execution.
func (a *assets) URL(name string) (string, error) {
	if as := a.byName[name]; as != nil {
		return as.url, nil
	}
	return "", fmt.Errorf("no static asset %q", name)
}

func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	as := a.byURL[r.URL.Path]
	if as == nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", as.mime)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", as.etag)
	if r.Header.Get("If-None-Match") == as.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(as.body)
}
