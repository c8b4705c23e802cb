package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/readership"
)

// download serves a media item's original file as an attachment at
// /download/{id}/{name} (media.DownloadURL): the recorded Content-Type, a
// Content-Disposition whose name survives any script (RFC 6266 with an
// RFC 5987 filename*), ETag and Last-Modified for conditional requests,
// and byte ranges for resuming and seeking — the last three through
// http.ServeContent, which also answers a malformed or unsatisfiable range
// with 416 and "Content-Range: bytes */size". A request that starts the
// file (no range, or a range from byte 0) counts as one download.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.notFound(w, r)
		return
	}
	m, err := s.deps.Media.MediaByID(r.Context(), id)
	if err != nil {
		if errors.Is(err, content.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	if name := m.DownloadName(); r.PathValue("name") != name {
		// An old title or a mangled link: send the reader to the
		// canonical name, which is also what the browser saves.
		target := m.DownloadURL()
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	f, err := s.deps.Blob.Open(r.Context(), m.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, os.ErrNotExist) {
			s.notFound(w, r)
			return
		}
		s.serverError(w, r, err)
		return
	}
	defer f.Close()
	if rng := r.Header.Get("Range"); rng != "" && !satisfiableRange(rng, m.Size) {
		// http.ServeContent would leave a malformed range without the
		// Content-Range that tells the client the size (RFC 9110 §15.5.17).
		w.Header().Set("Content-Range", "bytes */"+strconv.FormatInt(m.Size, 10))
		http.Error(w, "Range Not Satisfiable", http.StatusRequestedRangeNotSatisfiable)
		return
	}
	h := w.Header()
	h.Set("Content-Type", m.MIME)
	h.Set("Content-Disposition", attachmentDisposition(m.DownloadName()))
	// Stored files never change (their key holds their hash), but every
	// download should reach us to be counted: caches keep the bytes and
	// revalidate with the ETag, which costs a 304 and counts nothing.
	h.Set("Cache-Control", "public, no-cache")
	h.Set("ETag", `"`+m.SHA256[:16]+`"`)
	counts := r.Method == http.MethodGet && startsFile(r.Header.Get("Range")) && !readership.IsBot(r.UserAgent()) && !prefetch(r)
	if !counts {
		http.ServeContent(w, r, "", m.CreatedAt, f)
		return
	}
	rec := &statusRecorder{ResponseWriter: w}
	http.ServeContent(rec, r, "", m.CreatedAt, f)
	if rec.status == http.StatusOK || rec.status == http.StatusPartialContent {
		// The reader may be gone by now; the count is still owed.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
		defer cancel()
		if err := s.deps.Media.CountDownload(ctx, m.ID, s.now().Unix()); err != nil {
			s.deps.Logger.Warn("counting a download", "media", m.ID, "err", err)
		}
	}
}

// satisfiableRange reports whether a Range header is well formed (bytes,
// each range "first-last", "first-" or "-suffix") and at least one of its
// ranges lies within a file of size bytes.
func satisfiableRange(header string, size int64) bool {
	spec, ok := strings.CutPrefix(strings.TrimSpace(header), "bytes=")
	if !ok {
		return false
	}
	num := func(s string) (int64, bool) {
		if s == "" || strings.TrimLeft(s, "0123456789") != "" {
			return 0, false
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	}
	any := false
	for _, part := range strings.Split(spec, ",") {
		first, last, ok := strings.Cut(strings.TrimSpace(part), "-")
		if !ok {
			return false
		}
		first, last = strings.TrimSpace(first), strings.TrimSpace(last)
		if first == "" { // the last n bytes
			n, ok := num(last)
			if !ok || n == 0 {
				return false
			}
			any = any || size > 0
			continue
		}
		a, ok := num(first)
		if !ok {
			return false
		}
		if last != "" {
			b, ok := num(last)
			if !ok || b < a {
				return false
			}
		}
		any = any || a < size
	}
	return any
}

// startsFile reports whether a request with this Range header fetches the
// start of the file: no range, or a first range from byte 0. A resumed or
// seeking request continues a download already counted.
func startsFile(rangeHeader string) bool {
	if rangeHeader == "" {
		return true
	}
	spec, ok := strings.CutPrefix(strings.TrimSpace(rangeHeader), "bytes=")
	if !ok {
		return false
	}
	first, _, _ := strings.Cut(spec, ",")
	start, _, _ := strings.Cut(strings.TrimSpace(first), "-")
	return strings.TrimSpace(start) == "0"
}

// attachmentDisposition builds "attachment; filename=…; filename*=UTF-8”…":
// an ASCII fallback for old clients (non-ASCII letters become "_") and the
// exact UTF-8 name, percent-encoded, which current browsers prefer.
func attachmentDisposition(name string) string {
	var ascii strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r >= 0x7f:
			ascii.WriteByte('_')
		case r == '"' || r == '\\':
			ascii.WriteByte('_')
		default:
			ascii.WriteRune(r)
		}
	}
	fallback := mime.FormatMediaType("attachment", map[string]string{"filename": ascii.String()})
	if fallback == "" {
		fallback = `attachment; filename="download"`
	}
	return fallback + "; filename*=UTF-8''" + rfc5987Escape(name)
}

// rfc5987Escape percent-encodes everything but RFC 5987's attr-char.
func rfc5987Escape(s string) string {
	const attrChar = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') || strings.IndexByte(attrChar, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
