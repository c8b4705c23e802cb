package wpimport_test

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"
)

// BenchmarkImportExport imports the export named by MASTHEAD_BENCH_WXR (for
// example bench/results/import/export-100000.xml, written by bench/import)
// into a fresh site. It is for profiles of the import's own work without the
// binary around it:
//
//	MASTHEAD_BENCH_WXR=$PWD/bench/results/import/export-100000.xml \
//	  go test ./internal/wpimport -run '^$' -bench ImportExport -benchtime 1x -cpuprofile cpu.out
//
// With MASTHEAD_BENCH_AGAIN=FILE it then imports the same export a second
// time (which must change nothing) and writes the CPU profile of that second
// import alone to FILE (leave out -cpuprofile then).
func BenchmarkImportExport(b *testing.B) {
	file := os.Getenv("MASTHEAD_BENCH_WXR")
	if file == "" {
		b.Skip("set MASTHEAD_BENCH_WXR to a WordPress export")
	}
	for b.Loop() {
		b.StopTimer()
		s := newSite(b)
		b.StartTimer()
		sum, err := s.imp.Import(context.Background(), file)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(sum.Created["articles"]), "articles")
		if prof := os.Getenv("MASTHEAD_BENCH_AGAIN"); prof != "" {
			f, err := os.Create(prof)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				b.Fatal(err)
			}
			again, err := s.imp.Import(context.Background(), file)
			pprof.StopCPUProfile()
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			if again.Changed {
				b.Fatal("the second import changed something")
			}
		}
	}
}
