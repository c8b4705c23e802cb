package antispam

import (
	"sync"
	"time"
)

// Limiter counts recent events per key (an address, an account, an e-mail
// address) in a sliding window. The zero value is ready to use and safe for
// concurrent use. Sign-in throttling (internal/user) uses it too.
type Limiter struct {
	mu     sync.Mutex
	events map[string][]time.Time
}

// limiterSweepAt is the number of keys at which a new event sweeps them all,
// so keys that nobody asks about again cannot grow the map forever.
const limiterSweepAt = 10000

// Blocked reports whether key already has limit events within window, and
// how long until the oldest of them leaves it.
func (l *Limiter) Blocked(key string, limit int, window time.Duration, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.prune(key, window, now)
	if len(recent) < limit {
		return 0, false
	}
	return recent[0].Add(window).Sub(now), true
}

// Hit records one event for key.
func (l *Limiter) Hit(key string, window time.Duration, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.events == nil {
		l.events = map[string][]time.Time{}
	}
	if len(l.events) >= limiterSweepAt {
		for k := range l.events {
			l.prune(k, window, now)
		}
	}
	l.events[key] = append(l.prune(key, window, now), now)
}

// Reset forgets key's events (after a successful sign-in, for example).
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.events, key)
}

// prune drops events older than the window; callers hold the lock.
func (l *Limiter) prune(key string, window time.Duration, now time.Time) []time.Time {
	list := l.events[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= window {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.events, key)
	} else {
		l.events[key] = list
	}
	return list
}
