package clientaddr

import (
	"net/http/httptest"
	"testing"
)

func TestIP(t *testing.T) {
	for remote, want := range map[string]string{
		"192.0.2.7:51234":   "192.0.2.7",
		"[2001:db8::1]:443": "2001:db8::1",
		"192.0.2.7":         "192.0.2.7", // no port: kept whole
		"@":                 "@",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote
		r.Header.Set("X-Forwarded-For", "203.0.113.9") // never read here
		if got := IP(r); got != want {
			t.Errorf("IP(%q) = %q, want %q", remote, got, want)
		}
	}
}
