package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/png" // the logo's dimensions
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/masthead-news/masthead/internal/web/static"
)

// assets are the embedded static files, each served under a URL that carries
// a hash of its content, so browsers and CDNs may keep them forever.
type assets struct {
	byName map[string]*asset // "css/site.css" → asset
	byURL  map[string]*asset // "/static/css/site.1a2b3c4d5e.css" → asset
	// logo is the size of the publisher logo (meta.go), read once here
	// rather than decoded for every page; nil without a readable logo.
	logo *image.Config
}

type asset struct {
	name string
	url  string
	etag string
	mime string
	body []byte
	// variants are the body in each content coding, compressed once at
	// start-up at the best level (nil where compression does not pay).
	variants [numEncodings]assetVariant
}

type assetVariant struct {
	body   []byte
	etag   string
	length string
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
		as.variants[encIdentity] = assetVariant{body, as.etag, strconv.Itoa(len(body))}
		if compressibleType(ct) && len(body) >= minCompress {
			for _, enc := range []int{encGzip, encBrotli} {
				if z := compress(body, enc, effortMax); len(z) < len(body)*9/10 {
					as.variants[enc] = assetVariant{z, `"` + hash + etagSuffix[enc] + `"`, strconv.Itoa(len(z))}
				}
			}
		}
		a.byName[name] = as
		a.byURL[url] = as
		return nil
	})
	if as := a.byName[logoAsset]; as != nil {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(as.body)); err == nil {
			a.logo = &cfg
		}
	}
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
	v := as.variants[encIdentity]
	if as.variants[encGzip].body != nil || as.variants[encBrotli].body != nil {
		h["Vary"] = hdrVary
		enc := negotiateEncoding(r.Header.Get("Accept-Encoding"))
		if enc == encBrotli && as.variants[encBrotli].body == nil {
			enc = encGzip
		}
		if as.variants[enc].body != nil {
			v = as.variants[enc]
			if enc != encIdentity {
				h.Set("Content-Encoding", encodingNames[enc])
			}
		}
	}
	h.Set("ETag", v.etag)
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, strings.Trim(as.etag, `"`)) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", v.length)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(v.body)
	}
}
