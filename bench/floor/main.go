// Command floor serves files with fixed response headers from Go's
// net/http and nothing else: the ceiling any Go server on net/http can
// reach for the same bytes. bench/run measures it beside nginx and
// masthead, so its report separates what net/http itself costs from what
// masthead's own code costs.
//
// Usage: floor -addr 127.0.0.1:PORT -dir DIR
//
// Every DIR/NAME that has a DIR/NAME.headers beside it (a response's
// header block as curl -D wrote it) is served at /t/NAME with those
// headers, less Date and Content-Length, which net/http writes itself.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

type file struct {
	header http.Header
	body   []byte
}

func main() {
	addr := flag.String("addr", "127.0.0.1:18099", "address to listen on")
	dir := flag.String("dir", ".", "folder of files and their .headers")
	flag.Parse()
	files, err := load(*dir)
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := files[strings.TrimPrefix(r.URL.Path, "/t/")]
		if f == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		for k, v := range f.header {
			h[k] = v
		}
		w.Write(f.body)
	})))
}

func load(dir string) (map[string]*file, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.headers"))
	if err != nil {
		return nil, err
	}
	files := map[string]*file{}
	for _, hn := range names {
		raw, err := os.ReadFile(hn)
		if err != nil {
			return nil, err
		}
		body, err := os.ReadFile(strings.TrimSuffix(hn, ".headers"))
		if err != nil {
			return nil, err
		}
		tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw)))
		if _, err := tp.ReadLine(); err != nil { // the status line
			return nil, fmt.Errorf("%s: %w", hn, err)
		}
		mh, err := tp.ReadMIMEHeader()
		if err != nil && len(mh) == 0 {
			return nil, fmt.Errorf("%s: %w", hn, err)
		}
		h := http.Header(mh)
		h.Del("Date")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		files[strings.TrimSuffix(filepath.Base(hn), ".headers")] = &file{header: h, body: body}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no NAME.headers files in %s", dir)
	}
	return files, nil
}
