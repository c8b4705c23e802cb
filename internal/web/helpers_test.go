package web_test

import (
	"io"
	"os"
	"time"
)

func timeLoad(name string) (*time.Location, error) { return time.LoadLocation(name) }

// testLog is where the server under test logs: quiet unless MASTHEAD_TEST_LOG=1.
func testLog() io.Writer {
	if os.Getenv("MASTHEAD_TEST_LOG") == "1" {
		return os.Stderr
	}
	return io.Discard
}
