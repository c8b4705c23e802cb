package web

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/zeebo/xxh3"

	"github.com/masthead-news/masthead/internal/readership"
)

// The page cache keeps rendered public pages for anonymous readers in
// memory, each one already compressed (identity, gzip and brotli), so that a
// reader's page costs about what a static file costs.
//
// It is never stale: every entry remembers the store generation (which
// changes after every committed write) and the server's edition epoch at
// which its rendering started, and an entry is served only while both are
// unchanged. A publish, an edit, a comment, a menu change … is therefore
// visible on the very next request. A maximum age bounds what depends on
// the clock alone (the copyright year, scheduled items between writes).
//
// What is cached: 200 responses to GET and HEAD without an Authorization
// header or a session cookie, whose handler did not set a cookie nor
// Cache-Control no-store, no-cache or private. Everything else passes
// through. Every captured 200 response — cached or not — gets an ETag (a
// hash of the identity body), is answered 304 when If-None-Match matches,
// and is compressed for the reader when it asks for it.

const (
	// sessionCookie is the admin's session cookie; its presence means a
	// personalized response, which is never cached.
	sessionCookie = "masthead_session"
	// cacheMaxAge bounds how long an entry lives without any write.
	cacheMaxAge = 5 * time.Minute
	// pageCacheControl lets browsers revalidate every time (cheaply, with
	// If-None-Match) while shared caches may keep a page for a minute. The
	// stale-while-revalidate allowance goes in CDN-Cache-Control (RFC 9213):
	// next to must-revalidate in Cache-Control it would be void (RFC 9111
	// §4.2.4). See docs/caching.md.
	pageCacheControl = "public, max-age=0, must-revalidate, s-maxage=60"
	cdnCacheControl  = "public, max-age=60, stale-while-revalidate=30"
	// maxCapture is the largest response the cache buffers; a bigger one is
	// streamed to the client and not cached.
	maxCapture = 8 << 20
	// minCompress is the smallest body worth compressing.
	minCompress = 512
)

// Content codings, in order of preference.
const (
	encIdentity = iota
	encGzip
	encBrotli
	numEncodings
)

var encodingNames = [numEncodings]string{"", "gzip", "br"}
var etagSuffix = [numEncodings]string{"", "-gz", "-br"}

// Pre-built header values, shared by every response (never modified).
var (
	hdrHit          = []string{"HIT"}
	hdrMiss         = []string{"MISS"}
	hdrBypass       = []string{"BYPASS"}
	hdrVary         = []string{"Accept-Encoding"}
	hdrCacheControl = []string{pageCacheControl}
	hdrCDNControl   = []string{cdnCacheControl}
)

// pageCache is a size-bounded LRU of rendered responses.
type pageCache struct {
	maxBytes int64
	maxEntry int64

	mu      sync.Mutex
	items   map[string]*cacheEntry
	lru     cacheEntry // sentinel: lru.next is the most recently used
	bytes   int64
	gen     uint64 // the version of every entry held
	epoch   uint64
	flights map[string]*flight
	varies  map[string][]string // base → the request headers its page varies on

	hits, misses atomic.Uint64

	onWait func() // tests: called when a request starts waiting for a flight
}

// cacheEntry is one encoding of one page.
type cacheEntry struct {
	key        string
	gen, epoch uint64
	expires    int64 // unix nanoseconds
	header     http.Header
	body       []byte
	tag        string // the identity body's hash, shared by every encoding
	pattern    string // the route pattern, for metrics on hits
	// readEdition and readSlug name the article the page shows, if it is
	// one, so that a hit counts a read without matching the path again.
	readEdition, readSlug string
	size                  int64
	prev, next            *cacheEntry
}

func newPageCache(maxBytes int64) *pageCache {
	c := &pageCache{maxBytes: maxBytes, maxEntry: max(maxBytes/8, 1), items: map[string]*cacheEntry{},
		flights: map[string]*flight{}, varies: map[string][]string{}}
	c.lru.next, c.lru.prev = &c.lru, &c.lru
	return c
}

// get returns the entry for key when it is current, moving it to the front.
// The key is bytes so that a hit builds it in a reused buffer: indexing a
// map with string(bytes) does not allocate.
func (c *pageCache) get(key []byte, gen, epoch uint64, now int64) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.items[string(key)]
	if e == nil {
		return nil
	}
	if e.gen != gen || e.epoch != epoch || now >= e.expires {
		c.remove(e)
		return nil
	}
	if c.lru.next != e {
		e.unlink()
		c.pushFront(e)
	}
	return e
}

// put stores the entries of one rendering, unless the site changed while it
// rendered. The first entry of a new version drops every older one.
func (c *pageCache) put(base string, vary []string, entries []*cacheEntry, gen, epoch uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen || (gen == c.gen && epoch < c.epoch) {
		return
	}
	if gen != c.gen || epoch != c.epoch {
		c.clear()
		c.gen, c.epoch = gen, epoch
	}
	if len(vary) > 0 {
		c.varies[base] = vary
	} else {
		delete(c.varies, base)
	}
	for _, e := range entries {
		if e.size > c.maxEntry {
			continue
		}
		if old := c.items[e.key]; old != nil {
			c.remove(old)
		}
		c.items[e.key] = e
		c.pushFront(e)
		c.bytes += e.size
	}
	for c.bytes > c.maxBytes && c.lru.prev != &c.lru {
		c.remove(c.lru.prev)
	}
}

// varyOf gives the request headers the page at base varies on, as its
// last rendering said.
func (c *pageCache) varyOf(base []byte) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.varies[string(base)]
}

// flight is one rendering of a page in progress. Readers who ask for the
// same page meanwhile wait for it and take its result, even one that could
// not be stored, when it was rendered at the version their request began
// with — the same rule as for a stored entry, so it is never stale.
type flight struct {
	done       chan struct{}
	gen, epoch uint64
	entries    []*cacheEntry // set before done closes; nil if not reusable
}

// begin marks a rendering of key as in flight. It returns a nil wait when
// this caller should render (and then call end), or the flight to wait for.
func (c *pageCache) begin(key string, gen, epoch uint64) (f *flight, wait bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.flights[key]; ok {
		if c.onWait != nil {
			c.onWait()
		}
		return f, true
	}
	f = &flight{done: make(chan struct{}), gen: gen, epoch: epoch}
	c.flights[key] = f
	return f, false
}

// end publishes a flight's result (nil when it is not reusable) to its
// waiters.
func (c *pageCache) end(key string, f *flight, entries []*cacheEntry) {
	c.mu.Lock()
	if c.flights[key] == f {
		delete(c.flights, key)
	}
	f.entries = entries
	c.mu.Unlock()
	close(f.done)
}

// result gives the flight's entry with key, if the waiter may use it.
func (f *flight) result(key string, gen, epoch uint64) *cacheEntry {
	if f.gen != gen || f.epoch != epoch {
		return nil
	}
	for _, e := range f.entries {
		if e.key == key {
			return e
		}
	}
	return nil
}

// Len and Bytes report the cache's fill, for metrics and tests.
func (c *pageCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

func (c *pageCache) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

func (c *pageCache) clear() {
	for _, e := range c.items {
		e.prev, e.next = nil, nil
	}
	clear(c.items)
	clear(c.varies)
	c.lru.next, c.lru.prev = &c.lru, &c.lru
	c.bytes = 0
}

func (c *pageCache) remove(e *cacheEntry) {
	e.unlink()
	delete(c.items, e.key)
	c.bytes -= e.size
}

func (c *pageCache) pushFront(e *cacheEntry) {
	e.prev, e.next = &c.lru, c.lru.next
	c.lru.next.prev = e
	c.lru.next = e
}

func (e *cacheEntry) unlink() {
	if e.prev != nil {
		e.prev.next, e.next.prev = e.next, e.prev
		e.prev, e.next = nil, nil
	}
}

// cachePages is the middleware in front of the edition router. It sees the
// path as the reader asked for it, with the edition prefix.
func (s *Server) cachePages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cacheableRequest(r) {
			if s.cache != nil {
				w.Header()["X-Cache"] = hdrBypass
			}
			next.ServeHTTP(w, r)
			return
		}
		enc := negotiateEncoding(r.Header.Get("Accept-Encoding"))
		if s.cache == nil {
			s.renders.run(r, func() { s.renderCaptured(w, r, next, enc, "", 0, 0) })
			return
		}
		// The version is read before rendering: a write that commits while
		// the page renders makes the entry stale at once.
		gen, epoch := s.deps.Generation(), s.epoch.Load()
		baseKey := s.appendCacheBase(nil, r)
		base := string(baseKey)
		for attempt := 0; ; attempt++ {
			variant := string(s.appendCacheVariant(nil, r, s.cache.varyOf(baseKey)))
			key := base + "\x00" + variant + "\x00" + encodingNames[enc]
			if e := s.cache.get([]byte(key), gen, epoch, s.now().UnixNano()); e != nil {
				s.cache.hits.Add(1)
				r.Pattern = e.pattern
				serveEntry(w, r, e, hdrHit)
				return
			}
			if attempt > 0 {
				break
			}
			// One rendering per page at a time: a burst of readers after a
			// publish waits for the first one's result.
			f, wait := s.cache.begin(base+"\x00"+variant, gen, epoch)
			if !wait {
				var entries []*cacheEntry
				defer func() { s.cache.end(base+"\x00"+variant, f, entries) }()
				s.cache.misses.Add(1)
				s.renders.run(r, func() { entries = s.renderCaptured(w, r, next, enc, base, gen, epoch) })
				return
			}
			select {
			case <-f.done:
			case <-r.Context().Done():
				return
			}
			if e := f.result(key, gen, epoch); e != nil {
				s.cache.hits.Add(1)
				r.Pattern = e.pattern
				serveEntry(w, r, e, hdrHit)
				return
			}
		}
		s.cache.misses.Add(1)
		s.renders.run(r, func() { s.renderCaptured(w, r, next, enc, base, gen, epoch) })
	})
}

// Pages render on long-lived goroutines, the renderers, and each server
// bounds how many of its pages render at once (Deps.Renderers). Rendering
// is CPU and database work; beyond what keeps the cores busy, more at once
// only adds memory — each rendering holds its page, its rows and its
// compressors — and latency for everyone. Readers beyond the bound wait
// their turn; one whose request ends meanwhile gets nothing.
//
// Why goroutines of their own rather than a bound on the connections'
// goroutines: a rendering needs a deep stack (SQLite's engine alone has
// frames of kilobytes). On a connection's goroutine, that stack was shrunk
// by the collector while the connection waited for its next request and
// copied back up by its next rendering, over and over: 2–3% of an
// uncached page's CPU at 256 connections. A renderer keeps its stack.
//
// The renderers are shared by the servers of the process (tests make
// many). A rendering that finds none waiting starts one more, so there are
// about as many as the most renderings that ever ran at once (a few more:
// a renderer that has just finished is not yet waiting).
var (
	renderJobs    = make(chan *renderJob)
	renderJobPool = sync.Pool{New: func() any { return &renderJob{done: make(chan any, 1)} }}
)

// defaultRenderers is the bound of a server whose Deps leave it unset:
// four renderings per core, for a database over the network, whose
// renderings spend much of their time waiting for it.
func defaultRenderers() int { return 4 * runtime.GOMAXPROCS(0) }

// renderJob is one rendering handed to a renderer; done receives nil, or
// the value the rendering panicked with.
type renderJob struct {
	run  func()
	done chan any
}

// renderGate is one server's bound on its renderings at once.
type renderGate struct {
	slots chan struct{}
}

func newRenderGate(n int) *renderGate {
	if n <= 0 {
		n = defaultRenderers()
	}
	return &renderGate{slots: make(chan struct{}, n)}
}

// run runs render on a renderer and returns once it has finished, or
// returns false without running it when the request ends while it waits
// for its turn. A panic in render is raised again here, on the request's
// own goroutine, so recoverPanics and net/http see it as before.
func (g *renderGate) run(r *http.Request, render func()) bool {
	select {
	case g.slots <- struct{}{}:
	case <-r.Context().Done():
		return false
	}
	defer func() { <-g.slots }()
	job := renderJobPool.Get().(*renderJob)
	job.run = render
	select {
	case renderJobs <- job:
	default:
		go renderer(job)
	}
	p := <-job.done
	job.run = nil
	renderJobPool.Put(job)
	if p != nil {
		panic(p)
	}
	return true
}

// renderer runs first, then every job it receives.
func renderer(first *renderJob) {
	first.done <- runRenderJob(first.run)
	for job := range renderJobs {
		job.done <- runRenderJob(job.run)
	}
}

func runRenderJob(render func()) (panicked any) {
	defer func() { panicked = recover() }()
	render()
	return nil
}

// appendCacheVariant appends to dst the request headers a page varies on (its Vary
// header, less Accept-Encoding) into part of the cache key. Accept-Language
// is reduced to what it changes on this site — the edition suggested to the
// reader, if any — so readers with different browsers still share entries.
func (s *Server) appendCacheVariant(dst []byte, r *http.Request, vary []string) []byte {
	for _, name := range vary {
		switch name {
		case "Accept-Language":
			all := s.editions.Load()
			if to := negotiate(r, all); to != nil {
				dst = append(dst, "lang="...)
				dst = append(dst, to.Code...)
				if all.negotiation == NegotiateRedirect && fromOutside(r) {
					dst = append(dst, '!')
				}
			}
		default:
			dst = append(dst, name...)
			dst = append(dst, '=')
			for i, v := range r.Header.Values(name) {
				if i > 0 {
					dst = append(dst, ',')
				}
				dst = append(dst, v...)
			}
		}
		dst = append(dst, ';')
	}
	return dst
}

// responseVary lists the request headers a response varies on, less
// Accept-Encoding (every entry is per encoding anyway); ok is false for
// "Vary: *", which cannot be cached.
func responseVary(h http.Header) (names []string, ok bool) {
	for _, v := range h.Values("Vary") {
		for _, name := range strings.Split(v, ",") {
			name = http.CanonicalHeaderKey(strings.TrimSpace(name))
			switch name {
			case "", "Accept-Encoding":
			case "*":
				return nil, false
			default:
				names = append(names, name)
			}
		}
	}
	return names, true
}

// cacheableRequest reports whether a request may be answered from, and
// stored in, the cache: an anonymous GET or HEAD outside the admin.
func cacheableRequest(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	h := r.Header
	if _, ok := h["Authorization"]; ok {
		return false
	}
	if _, ok := h["Cookie"]; ok {
		if _, err := r.Cookie(sessionCookie); err == nil {
			return false
		}
	}
	p := r.URL.Path
	return p != "/admin" && !strings.HasPrefix(p, "/admin/")
}

// appendCacheBase appends to dst everything but the encoding that changes a page's bytes:
// the path with its edition prefix and the query, and — when the site's
// URL comes from each request — the scheme and host, which absolute links
// carry.
func (s *Server) appendCacheBase(dst []byte, r *http.Request) []byte {
	if s.deps.BaseURL == "" {
		if r.TLS != nil {
			dst = append(dst, "https://"...)
		} else {
			dst = append(dst, "http://"...)
		}
		dst = append(dst, r.Host...)
	}
	dst = append(dst, r.URL.EscapedPath()...) // allocates only when the path needs escaping
	if r.URL.RawQuery != "" {
		dst = append(dst, '?')
		dst = append(dst, r.URL.RawQuery...)
	}
	return dst
}

// renderCaptured runs the handler into a buffer and answers from it. With
// base set (cache on and the request cacheable), a cacheable result is
// stored for every encoding.
//
// It returns the entries of a cacheable result, stored or not (a write
// during the rendering keeps them out of the cache, but readers who began
// at the same version may still share them).
func (s *Server) renderCaptured(w http.ResponseWriter, r *http.Request, next http.Handler, enc int, base string, gen, epoch uint64) []*cacheEntry {
	inner := r
	if r.Method == http.MethodHead {
		// Render as GET so the body can be hashed, compressed and cached.
		inner = r.WithContext(r.Context())
		inner.Method = http.MethodGet
	}
	cw := &captureWriter{w: w}
	if base == "" {
		// Nothing of this rendering is kept (the cache is off or the
		// request is not cacheable): its buffer serves the next one.
		cw.buf = captureBufs.Get().(*bytes.Buffer)
		defer releaseCaptureBuf(cw.buf)
	} else {
		cw.buf = new(bytes.Buffer)
	}
	next.ServeHTTP(cw, inner)
	r.Pattern = inner.Pattern
	if cw.streaming {
		return nil
	}
	status := cw.status
	if status == 0 {
		status = http.StatusOK
	}
	h := w.Header()
	if status != http.StatusOK || !reusable(h) {
		if status == http.StatusOK && s.cache != nil {
			h["X-Cache"] = hdrBypass
		}
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(cw.buf.Bytes())
		}
		return nil
	}
	body := cw.buf.Bytes()
	tag := pageTag(body)
	if h.Get("Cache-Control") == "" {
		h["Cache-Control"] = hdrCacheControl
		h["Cdn-Cache-Control"] = hdrCDNControl
	}
	delete(h, "X-Cache")
	compressible := len(body) >= minCompress && compressibleType(h.Get("Content-Type"))
	if compressible {
		addVary(h)
	}
	vary, varyOK := responseVary(h)
	cache := base != "" && varyOK && cacheableResponse(h)
	if !cache {
		// Uncached: compress just the encoding asked for, at a fast level.
		if !compressible || etagMatches(r.Header.Get("If-None-Match"), tag) {
			enc = encIdentity // a 304 needs no body
		}
		// Nothing is kept: the response's own header takes the entry's
		// fields, without the copy an entry makes.
		body = encodeBody(h, body, enc, tag, effortFast)
		if s.cache != nil {
			h["X-Cache"] = hdrBypass
		}
		answerWith(w, r, tag, body)
		return nil
	}
	now := s.now().UnixNano()
	variant := string(s.appendCacheVariant(nil, r, vary))
	var readEdition, readSlug string
	if s.deps.Views != nil {
		readEdition, readSlug, _ = s.articleAt(r.URL.Path)
	}
	var entries []*cacheEntry
	var mine *cacheEntry
	for e := range numEncodings {
		if e != encIdentity && !compressible {
			continue
		}
		ce := makeEntry(h, body, e, tag, effortBest)
		ce.key = base + "\x00" + variant + "\x00" + encodingNames[e]
		ce.gen, ce.epoch, ce.expires, ce.pattern = gen, epoch, now+int64(cacheMaxAge), r.Pattern
		ce.readEdition, ce.readSlug = readEdition, readSlug
		ce.size = int64(len(ce.key)+len(ce.body)) + 512
		entries = append(entries, ce)
		if e == enc {
			mine = ce
		}
	}
	if mine == nil {
		mine = entries[0]
	}
	// Store only if nothing changed while the page rendered.
	if s.deps.Generation() == gen && s.epoch.Load() == epoch {
		s.cache.put(base, vary, entries, gen, epoch)
	}
	serveEntry(w, r, mine, hdrMiss)
	return entries
}

// pageTag names a page's bytes for its ETag (every encoding's ETag is
// this tag and a suffix): their 64-bit XXH3. An ETag has only to change
// when the bytes do, and 64 bits make two versions of one page with the
// same tag vanishingly unlikely. A SHA-256 of a 67 kB page was 8% of an
// uncached rendering; a pair of hardware CRC-32s 3.5%; XXH3, with the
// processor's vector instructions, is a seventh of that.
func pageTag(body []byte) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], xxh3.Hash(body))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// makeEntry builds one encoding of a response from its headers and
// identity body.
func makeEntry(h http.Header, body []byte, enc int, tag string, effort compressEffort) *cacheEntry {
	e := &cacheEntry{header: h.Clone(), tag: tag}
	e.body = encodeBody(e.header, body, enc, tag, effort)
	return e
}

// encodeBody gives body in encoding enc and sets h's Content-Encoding,
// Content-Length and ETag for it.
func encodeBody(h http.Header, body []byte, enc int, tag string, effort compressEffort) []byte {
	if enc != encIdentity {
		body = compress(body, enc, effort)
		h["Content-Encoding"] = []string{encodingNames[enc]}
	} else {
		delete(h, "Content-Encoding")
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	h["Etag"] = []string{`"` + tag + etagSuffix[enc] + `"`}
	return body
}

// serveHit answers a request from the page cache when it holds a current
// entry, before the middleware chain: the entry already carries every
// header the chain adds, and a hit is most of a busy site's traffic, so
// it skips routing and the rest (about 15% of a hit's cost). It still
// logs the request and counts an article read. False means the request
// takes the full path (cachePages), which renders or waits for a rendering.
func (s *Server) serveHit(w http.ResponseWriter, r *http.Request) bool {
	if s.cache == nil || !cacheableRequest(r) {
		return false
	}
	start := time.Now()
	enc := negotiateEncoding(r.Header.Get("Accept-Encoding"))
	gen, epoch := s.deps.Generation(), s.epoch.Load()
	buf := hitKeys.Get().(*[]byte)
	defer hitKeys.Put(buf)
	key := s.appendCacheBase((*buf)[:0], r)
	vary := s.cache.varyOf(key)
	key = append(key, 0)
	key = s.appendCacheVariant(key, r, vary)
	key = append(key, 0)
	key = append(key, encodingNames[enc]...)
	*buf = key
	e := s.cache.get(key, gen, epoch, start.UnixNano())
	if e == nil {
		return false
	}
	s.cache.hits.Add(1)
	r.Pattern = e.pattern
	status, n := serveEntry(w, r, e, hdrHit)
	if status == http.StatusOK && e.readSlug != "" && s.isRead(r) && !readership.IsBot(r.UserAgent()) {
		s.deps.Views.Count(e.readEdition, e.readSlug)
	}
	s.logRequest(r, status, n, start)
	return true
}

// FrontAnswer is the HTTP front's Answer (internal/httpfront). It serves
// a reader's request for a page — anything that goes through the page
// cache: pages, feeds, sitemaps and the public API — on the front's own
// connection: a hit from memory, a miss through the whole chain, as
// ServeHTTP would. It reports false without touching w for everything
// else (the admin, signed-in readers, forms, files and operations), which
// net/http serves. It keeps nothing of r or w.
//
// Why misses too: net/http's per-request work — its request and context,
// a reading goroutine, the header's clone, two writes a response — was
// about a tenth of an uncached page's cost, and the front does without
// it. Files stay with net/http, which sends them with sendfile and
// streams them in chunks.
func (s *Server) FrontAnswer(w http.ResponseWriter, r *http.Request) bool {
	if s.serveHit(w, r) {
		return true
	}
	if !cacheableRequest(r) {
		return false
	}
	if _, pattern := s.root.Handler(r); !s.pagePatterns[pattern] {
		return false
	}
	s.handler.ServeHTTP(w, r)
	return true
}

// hitKeys holds buffers for building cache keys on the hit path.
var hitKeys = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// serveEntry answers from a ready response: 304 when the reader's copy is
// current, else the headers and body. It gives the status and body size.
func serveEntry(w http.ResponseWriter, r *http.Request, e *cacheEntry, xcache []string) (int, int64) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	if xcache != nil {
		h["X-Cache"] = xcache
	}
	return answerWith(w, r, e.tag, e.body)
}

// answerWith answers with body, whose headers are already set: 304 when
// the reader's copy (tag) is current, else the body.
func answerWith(w http.ResponseWriter, r *http.Request, tag string, body []byte) (int, int64) {
	h := w.Header()
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, tag) {
		delete(h, "Content-Length")
		delete(h, "Content-Type")
		delete(h, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return http.StatusNotModified, 0
	}
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return http.StatusOK, 0
	}
	n, _ := w.Write(body)
	return http.StatusOK, int64(n)
}

// addVary adds Accept-Encoding to the response's Vary header, keeping what
// the handler put there.
func addVary(h http.Header) {
	old := h.Values("Vary")
	if len(old) == 0 {
		h["Vary"] = hdrVary
		return
	}
	for _, v := range old {
		if strings.Contains(strings.ToLower(v), "accept-encoding") {
			return
		}
	}
	h["Vary"] = []string{strings.Join(old, ", ") + ", Accept-Encoding"}
}

// etagMatches applies If-None-Match's weak comparison to the page's tag:
// any encoding's ETag of the same identity body matches.
func etagMatches(header, tag string) bool {
	for header != "" {
		var one string
		one, header, _ = strings.Cut(header, ",")
		one = strings.TrimSpace(one)
		if one == "*" {
			return true
		}
		one = strings.TrimPrefix(one, "W/")
		one = strings.TrimSuffix(strings.TrimPrefix(one, `"`), `"`)
		for _, suf := range etagSuffix[1:] {
			one = strings.TrimSuffix(one, suf)
		}
		if one == tag {
			return true
		}
	}
	return false
}

// reusable reports whether a 200 response may get an ETag and be
// compressed: not when it sets a cookie or forbids storing it.
func reusable(h http.Header) bool {
	if _, ok := h["Set-Cookie"]; ok {
		return false
	}
	if _, ok := h["Etag"]; ok {
		return false // the handler manages its own validators
	}
	if _, ok := h["Content-Encoding"]; ok {
		return false
	}
	return !strings.Contains(h.Get("Cache-Control"), "no-store")
}

// cacheableResponse reports whether a reusable 200 response may be kept
// in the shared page cache.
func cacheableResponse(h http.Header) bool {
	cc := h.Get("Cache-Control")
	return !strings.Contains(cc, "private") && !strings.Contains(cc, "no-cache")
}

func compressibleType(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	return strings.HasPrefix(ct, "text/") || strings.HasSuffix(ct, "xml") || strings.HasSuffix(ct, "json") ||
		strings.HasSuffix(ct, "javascript") || ct == "image/svg+xml"
}

// negotiateEncoding picks brotli, then gzip, then identity from an
// Accept-Encoding header, honouring q=0.
func negotiateEncoding(accept string) int {
	if accept == "" {
		return encIdentity
	}
	var br, gz, star = -1.0, -1.0, -1.0
	for accept != "" {
		var part string
		part, accept, _ = strings.Cut(accept, ",")
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		if params != "" {
			params = strings.TrimSpace(params)
			if v, ok := strings.CutPrefix(params, "q="); ok {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch name {
		case "br":
			br = q
		case "gzip", "x-gzip":
			gz = q
		case "*":
			star = q
		}
	}
	if br < 0 {
		br = star
	}
	if gz < 0 {
		gz = star
	}
	switch {
	case br > 0 && br >= gz:
		return encBrotli
	case gz > 0:
		return encGzip
	case br > 0:
		return encBrotli
	}
	return encIdentity
}

// compressEffort says how hard compress works: pages rendered on a miss
// are compressed fast, pages kept long a little harder, static files once
// at start-up as small as the formats allow.
type compressEffort int

const (
	effortFast compressEffort = iota
	effortBest
	effortMax
	numEfforts
)

var (
	gzipLevels = [numEfforts]int{5, 8, gzip.BestCompression}
	// Brotli's level 6 is within a few per cent of level 9 on HTML; level
	// 9's match finder alone allocates 32 MB per writer, which the pool
	// loses at every garbage collection and a busy server then allocates
	// again (it set the server's peak memory).
	brotliLevels = [numEfforts]int{4, 6, brotli.BestCompression}
	// Compressors are reused, one pool per effort: a brotli writer in
	// particular allocates large tables.
	gzipPools, brotliPools [numEfforts]sync.Pool
)

// compress encodes body in enc at the given effort.
func compress(body []byte, enc int, effort compressEffort) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body) / 3)
	switch enc {
	case encGzip:
		pool := &gzipPools[effort]
		zw, _ := pool.Get().(*gzip.Writer)
		if zw == nil {
			zw, _ = gzip.NewWriterLevel(&buf, gzipLevels[effort])
		} else {
			zw.Reset(&buf)
		}
		zw.Write(body)
		zw.Close()
		pool.Put(zw)
	case encBrotli:
		pool := &brotliPools[effort]
		bw, _ := pool.Get().(*brotli.Writer)
		if bw == nil {
			// A 256 KB window (not the default 4 MB) covers any page or
			// static file and keeps each writer's tables small: at the
			// best level the default window's tables alone take 32 MB.
			bw = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliLevels[effort], LGWin: 18})
		} else {
			bw.Reset(&buf)
		}
		bw.Write(body)
		bw.Close()
		pool.Put(bw)
	}
	return buf.Bytes()
}

// captureBufs holds the buffers of renderings that are not kept.
var captureBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// releaseCaptureBuf returns a buffer to captureBufs, unless a rare large
// response grew it past what a page needs.
func releaseCaptureBuf(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	captureBufs.Put(b)
}

// captureWriter buffers a response so the cache can hash, compress and
// store it. A response larger than maxCapture, or one that flushes, is
// streamed through instead.
type captureWriter struct {
	w         http.ResponseWriter
	status    int
	buf       *bytes.Buffer
	streaming bool
}

func (c *captureWriter) Header() http.Header { return c.w.Header() }

func (c *captureWriter) WriteHeader(code int) {
	if c.streaming {
		c.w.WriteHeader(code)
		return
	}
	if code >= 100 && code < 200 {
		c.w.WriteHeader(code) // informational responses go out at once
		return
	}
	if c.status == 0 {
		c.status = code
	}
}

func (c *captureWriter) Write(b []byte) (int, error) {
	if c.streaming {
		return c.w.Write(b)
	}
	if c.status == 0 {
		c.status = http.StatusOK
	}
	if c.buf.Len()+len(b) > maxCapture {
		c.stream()
		return c.w.Write(b)
	}
	return c.buf.Write(b)
}

// Flush sends what is buffered and streams the rest: a handler that
// flushes wants its bytes out now, so the response is not cached.
func (c *captureWriter) Flush() {
	if !c.streaming {
		c.stream()
	}
	if f, ok := c.w.(http.Flusher); ok {
		f.Flush()
	}
}

func (c *captureWriter) stream() {
	c.streaming = true
	delete(c.w.Header(), "X-Cache")
	if c.status == 0 {
		c.status = http.StatusOK
	}
	c.w.WriteHeader(c.status)
	c.w.Write(c.buf.Bytes())
	c.buf.Reset()
}
