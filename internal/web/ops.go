package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
)

// healthz answers while the process runs (liveness).
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}

// readyz answers 200 only while the database answers (readiness).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if s.deps.Ready != nil {
		if err := s.deps.Ready(ctx); err != nil {
			s.deps.Logger.Error("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("database unavailable\n"))
			return
		}
	}
	w.Write([]byte("ready\n"))
}

// upload serves a stored media file with its recorded type; range requests,
// ETag and Last-Modified come from http.ServeContent.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("path")
	if key == "" || strings.Contains(key, "..") {
		s.notFound(w, r)
		return
	}
	m, err := s.deps.Media.MediaByPath(r.Context(), key)
	if errors.Is(err, content.ErrNotFound) {
		// A responsive copy of an image (media/variants.go): its key holds
		// the original's content hash, so it is as immutable as the original.
		v, verr := s.deps.Media.MediaVariantByPath(r.Context(), key)
		if verr == nil {
			sum := sha256.Sum256([]byte(v.Path))
			m, err = &media.Media{Kind: "image", MIME: v.MIME(), Path: v.Path, SHA256: hex.EncodeToString(sum[:])}, nil
		} else if !errors.Is(verr, content.ErrNotFound) {
			err = verr
		}
	}
	if err != nil {
		if errors.Is(err, content.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	if p, ok := s.deps.Blob.(presigner); ok && p.PresignTTL() > 0 {
		s.redirectToBucket(w, r, p, key, m)
		return
	}
	f, err := s.deps.Blob.Open(r.Context(), key)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, os.ErrNotExist) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", m.MIME)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", `"`+m.SHA256[:16]+`"`)
	if m.Kind != "image" {
		h.Set("Content-Disposition", "inline")
	}
	http.ServeContent(w, r, "", m.CreatedAt, f)
}

// presigner is a Blob that can hand a reader a short-lived URL straight to
// the object (an S3 bucket with ?presign= in --media-url), so the file's
// bytes need not pass through the site.
type presigner interface {
	PresignTTL() time.Duration
	PresignGet(ctx context.Context, key string, ttl time.Duration, contentType, disposition string) (string, error)
}

// redirectToBucket answers with a temporary redirect to a presigned URL. A
// CDN or browser may keep the redirect for half the URL's life, so what it
// follows has always got time left.
func (s *Server) redirectToBucket(w http.ResponseWriter, r *http.Request, p presigner, key string, m *media.Media) {
	disposition := ""
	if m.Kind != "image" {
		disposition = "inline"
	}
	ttl := p.PresignTTL()
	u, err := p.PresignGet(r.Context(), key, ttl, m.MIME, disposition)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", fmt.Sprintf("public, max-age=%d", int(ttl.Seconds())/2))
	http.Redirect(w, r, u, http.StatusFound)
}
