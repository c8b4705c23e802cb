package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics serves /metrics in the Prometheus text format from its own
// registry: requests by route pattern (never the raw path, so the number of
// series stays bounded) and status, the page cache, the database pools and
// the Go runtime. It exists only when a token is configured, and answers
// only requests that carry that token.
type metrics struct {
	tokenSum [32]byte
	handler  http.Handler
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec

	mu        sync.RWMutex
	observers map[routeStatus]observerPair
}

type routeStatus struct {
	route  string
	status int
}

type observerPair struct {
	count prometheus.Counter
	hist  prometheus.Observer
}

func newMetrics(s *Server) *metrics {
	m := &metrics{tokenSum: sha256.Sum256([]byte(s.deps.MetricsToken)), observers: map[routeStatus]observerPair{}}
	reg := prometheus.NewRegistry()
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "masthead_http_requests_total", Help: "HTTP requests by route pattern and status.",
	}, []string{"route", "status"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "masthead_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route pattern and status.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
	}, []string{"route", "status"})
	reg.MustRegister(m.requests, m.latency,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	if c := s.cache; c != nil {
		reg.MustRegister(
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "masthead_page_cache_hits_total",
				Help: "Pages answered from the page cache."}, func() float64 { return float64(c.hits.Load()) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "masthead_page_cache_misses_total",
				Help: "Cacheable page requests that had to be rendered."}, func() float64 { return float64(c.misses.Load()) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "masthead_page_cache_entries",
				Help: "Entries (one per page and encoding) in the page cache."}, func() float64 { return float64(c.Len()) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "masthead_page_cache_bytes",
				Help: "Approximate memory held by the page cache."}, func() float64 { return float64(c.Bytes()) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "masthead_page_cache_max_bytes",
				Help: "The page cache's size bound."}, func() float64 { return float64(c.maxBytes) }),
		)
	}
	if s.deps.DBStats != nil {
		reg.MustRegister(&dbCollector{stats: s.deps.DBStats})
	}
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg})
	return m
}

// serveMetrics answers /metrics, or 404 when metrics are off.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if s.metrics == nil {
		w.Header().Set("Cache-Control", "no-store")
		http.NotFound(w, r)
		return
	}
	s.metrics.ServeHTTP(w, r)
}

// ServeHTTP answers /metrics for the right bearer token only; the token is
// compared in constant time.
func (m *metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	if !ok || subtle.ConstantTimeCompare(sum[:], m.tokenSum[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	m.handler.ServeHTTP(w, r)
}

// observe records one answered request under its route pattern.
func (m *metrics) observe(r *http.Request, status int, d time.Duration) {
	route := r.Pattern
	if _, path, ok := strings.Cut(route, " "); ok {
		route = path // "GET /tag/{slug}/{$}" → "/tag/{slug}/{$}"
	}
	if route == "" {
		route = "unmatched"
	}
	key := routeStatus{route, status}
	m.mu.RLock()
	o, ok := m.observers[key]
	m.mu.RUnlock()
	if !ok {
		code := strconv.Itoa(status)
		o = observerPair{m.requests.WithLabelValues(route, code), m.latency.WithLabelValues(route, code)}
		m.mu.Lock()
		m.observers[key] = o
		m.mu.Unlock()
	}
	o.count.Inc()
	o.hist.Observe(d.Seconds())
}

// dbCollector reports database/sql pool statistics at scrape time.
type dbCollector struct {
	stats func() map[string]sql.DBStats
}

var (
	dbOpen      = prometheus.NewDesc("masthead_db_open_connections", "Open connections, by pool.", []string{"pool"}, nil)
	dbInUse     = prometheus.NewDesc("masthead_db_in_use_connections", "Connections in use, by pool.", []string{"pool"}, nil)
	dbIdle      = prometheus.NewDesc("masthead_db_idle_connections", "Idle connections, by pool.", []string{"pool"}, nil)
	dbMaxOpen   = prometheus.NewDesc("masthead_db_max_open_connections", "The pool's connection limit.", []string{"pool"}, nil)
	dbWaitCount = prometheus.NewDesc("masthead_db_wait_count_total", "Times a query waited for a free connection.", []string{"pool"}, nil)
	dbWaitTime  = prometheus.NewDesc("masthead_db_wait_duration_seconds_total", "Time spent waiting for a free connection.", []string{"pool"}, nil)
)

func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{dbOpen, dbInUse, dbIdle, dbMaxOpen, dbWaitCount, dbWaitTime} {
		ch <- d
	}
}

func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	for pool, st := range c.stats() {
		ch <- prometheus.MustNewConstMetric(dbOpen, prometheus.GaugeValue, float64(st.OpenConnections), pool)
		ch <- prometheus.MustNewConstMetric(dbInUse, prometheus.GaugeValue, float64(st.InUse), pool)
		ch <- prometheus.MustNewConstMetric(dbIdle, prometheus.GaugeValue, float64(st.Idle), pool)
		ch <- prometheus.MustNewConstMetric(dbMaxOpen, prometheus.GaugeValue, float64(st.MaxOpenConnections), pool)
		ch <- prometheus.MustNewConstMetric(dbWaitCount, prometheus.CounterValue, float64(st.WaitCount), pool)
		ch <- prometheus.MustNewConstMetric(dbWaitTime, prometheus.CounterValue, st.WaitDuration.Seconds(), pool)
	}
}
