package benchdata

import (
	"os"
	"strings"
)

// LoadAverage gives the machine's 1, 5 and 15 minute load averages
// ("unknown" where /proc/loadavg is not there). Benchmark reports print it,
// since other work on a small machine skews wall-clock figures.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
