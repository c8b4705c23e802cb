package web

import (
	"github.com/masthead-news/masthead/internal/clientaddr"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestForwardedForTrustsOnlyTheProxiesItIsTold(t *testing.T) {
	proxies, err := ParseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"10.0.0.0/33", "proxy.example.org", "1.2.3"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	var seen string
	h := forwardedFor(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen = clientaddr.IP(r) }), proxies)
	for _, c := range []struct{ peer, xff, want string }{
		{"203.0.113.7:5000", "198.51.100.1", "203.0.113.7"},                      // not through a proxy: the header is the client's word
		{"127.0.0.1:5000", "198.51.100.1", "198.51.100.1"},                       // through the local proxy
		{"127.0.0.1:5000", "192.0.2.66, 198.51.100.1, 10.1.2.3", "198.51.100.1"}, // right-most untrusted; the left is a claim
		{"[::1]:5000", "2001:db8::5", "2001:db8::5"},
		{"127.0.0.1:5000", "", "127.0.0.1"},                   // no header
		{"127.0.0.1:5000", "not-an-address", "127.0.0.1"},     // garbled
		{"127.0.0.1:5000", "10.0.0.1, 10.0.0.2", "127.0.0.1"}, // only proxies
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if seen != c.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s, want %s", c.peer, c.xff, seen, c.want)
		}
	}
}
