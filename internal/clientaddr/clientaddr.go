// Package clientaddr owns how a handler reads the address of the reader
// or writer behind a request, for rate limits, sign-in limits and the
// keyed address hashes of comments and subscriptions. It trusts nothing
// the client sends: requests that came through a trusted reverse proxy
// already carry the client's address in RemoteAddr, put there once by
// the site's middleware (web's forwardedFor, --trusted-proxies) before any
// handler runs.
package clientaddr

import (
	"net"
	"net/http"
)

// IP is the request's peer address without its port; a RemoteAddr that
// is not host:port (a test's, say) is returned whole.
func IP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
