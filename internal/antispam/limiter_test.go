package antispam

import (
	"strings"
	"testing"
	"time"
)

func TestLimiterSlidingWindow(t *testing.T) {
	var l Limiter
	now := time.Unix(1_700_000_000, 0)
	for i := 0; i < 3; i++ {
		if _, blocked := l.Blocked("k", 3, time.Minute, now); blocked {
			t.Fatalf("blocked after %d events, limit 3", i)
		}
		l.Hit("k", time.Minute, now.Add(time.Duration(i)*time.Second))
	}
	wait, blocked := l.Blocked("k", 3, time.Minute, now.Add(10*time.Second))
	if !blocked || wait != 50*time.Second {
		t.Fatalf("blocked=%v wait=%v, want blocked for 50s", blocked, wait)
	}
	if _, blocked := l.Blocked("k", 3, time.Minute, now.Add(61*time.Second)); blocked {
		t.Error("still blocked after the first event left the window")
	}
	l.Reset("k")
	if _, blocked := l.Blocked("k", 1, time.Minute, now); blocked {
		t.Error("blocked after Reset")
	}
}

func TestLimiterSweepsKeysNobodyAsksAboutAgain(t *testing.T) {
	var l Limiter
	now := time.Unix(1_700_000_000, 0)
	for i := 0; i < limiterSweepAt; i++ {
		l.Hit("reset:"+string(rune('a'+i%26))+strings.Repeat("x", i/26), time.Minute, now)
	}
	l.Hit("another", time.Minute, now.Add(time.Minute+time.Second))
	if len(l.events) != 1 {
		t.Errorf("%d keys after the sweep, want 1", len(l.events))
	}
}
