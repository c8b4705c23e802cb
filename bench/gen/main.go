// Command gen writes the benchmark dataset: the demo site plus generated
// articles in four editions (see internal/benchdata). bench/run calls it.
//
//	go run ./bench/gen --data DIR [--size 100000] [--database postgres://…]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/masthead-news/masthead/internal/benchdata"
	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

func main() {
	data := flag.String("data", "", "data folder to create (masthead.db and uploads/); must not hold a database yet")
	size := flag.Int("size", 100000, "number of generated articles, spread over the four editions")
	database := flag.String("database", "", "an empty PostgreSQL database (postgres://…) to fill instead of DIR/masthead.db")
	flag.Parse()
	if *data == "" {
		fmt.Fprintln(os.Stderr, "gen: --data is required")
		os.Exit(2)
	}
	if err := run(*data, *database, *size); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, database string, size int) error {
	ctx := context.Background()
	start := time.Now()
	var st *store.Store
	var err error
	if postgres.IsURL(database) {
		st, err = postgres.Open(database)
	} else if database != "" {
		return fmt.Errorf("--database %q is not a postgres:// URL", database)
	} else {
		st, err = sqlite.Open(filepath.Join(data, "masthead.db"))
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		return err
	}
	last := time.Now()
	err = benchdata.Generate(ctx, st, filepath.Join(data, "uploads"), size, benchdata.Options{Progress: func(done int) {
		if time.Since(last) > 5*time.Second || done == size {
			fmt.Fprintf(os.Stderr, "gen: %d of %d articles\n", done, size)
			last = time.Now()
		}
	}})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d articles (plus the demo) in %s\n", size, time.Since(start).Round(time.Millisecond))
	return nil
}
