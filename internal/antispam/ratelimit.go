package antispam

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// Counter keeps rate-limited events (form submissions, failed sign-ins,
// reset requests …) where every node of a site sees them: the database.
// Its writes must not move the page cache's generation, since anybody can
// make them.
type Counter interface {
	// RateEvents counts key's events after since, and gives the oldest.
	RateEvents(ctx context.Context, key string, since time.Time) (n int, oldest time.Time, err error)
	// AddRateEvent records one event kept until expires, and deletes every
	// event (of any key) that expired by at.
	AddRateEvent(ctx context.Context, key string, at, expires time.Time) error
}

// Limit bounds one key's events within a sliding window.
type Limit struct {
	Key    string // e.g. "comment-ip:192.0.2.1"; stored hashed (RateKey)
	Max    int
	Window time.Duration
}

// Exceeded gives the index of the first limit already at its maximum and
// how long until its oldest event leaves the window; -1 when none is.
func Exceeded(ctx context.Context, c Counter, now time.Time, limits ...Limit) (int, time.Duration, error) {
	for i, l := range limits {
		n, oldest, err := c.RateEvents(ctx, RateKey(l.Key), now.Add(-l.Window))
		if err != nil {
			return -1, 0, fmt.Errorf("counting events: %w", err)
		}
		if n >= l.Max {
			return i, max(oldest.Add(l.Window).Sub(now), time.Second), nil
		}
	}
	return -1, 0, nil
}

// Record counts one event against each limit's key.
func Record(ctx context.Context, c Counter, now time.Time, limits ...Limit) error {
	for _, l := range limits {
		if err := c.AddRateEvent(ctx, RateKey(l.Key), now, now.Add(l.Window)); err != nil {
			return fmt.Errorf("counting an event: %w", err)
		}
	}
	return nil
}

// RateKey is how a key is stored. Keys hold e-mail and IP addresses; rows
// live only as long as their window, and not in the clear even then.
func RateKey(key string) string {
	sum := sha256.Sum256([]byte("masthead rate\x00" + key))
	return hex.EncodeToString(sum[:16])
}

// throttle applies a policy's per-address and per-e-mail limits to one
// submission of form (email lower-cased, or empty), and counts it when it
// passes (Guard.Check, for every public form).
func throttle(ctx context.Context, c Counter, p Policy, form, ip, email string, now time.Time) error {
	limits := []Limit{{form + "-ip:" + ip, p.PerIP, p.Window}}
	if email != "" {
		limits = append(limits, Limit{form + "-mail:" + email, p.PerEmail, p.Window})
	}
	i, wait, err := Exceeded(ctx, c, now, limits...)
	switch {
	case err != nil:
		return err
	case i == 0:
		return &Refusal{Reason: RateIP, RetryAfter: wait}
	case i == 1:
		return &Refusal{Reason: RateEmail, RetryAfter: wait}
	}
	return Record(ctx, c, now, limits...)
}
