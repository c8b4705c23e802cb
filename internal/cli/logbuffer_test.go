package cli

import (
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestLogBufferHoldsRequestsAndFlushesWarningsAtOnce(t *testing.T) {
	var out lockedBuffer
	logs := newLogBuffer(&out, time.Hour) // no timed flush during the test
	logger := slog.New(flushingHandler{slog.NewTextHandler(logs, nil), logs})

	logger.Info("request", "path", "/")
	if got := out.String(); got != "" {
		t.Fatalf("an info line was written at once: %q", got)
	}
	logger.Warn("disk nearly full")
	got := out.String()
	if !strings.Contains(got, "path=/") || !strings.Contains(got, "disk nearly full") {
		t.Fatalf("a warning did not flush what waited before it: %q", got)
	}
	logger.Info("stopped")
	logs.Close()
	if !strings.Contains(out.String(), "msg=stopped") {
		t.Fatalf("closing did not flush the last line: %q", out.String())
	}
}
