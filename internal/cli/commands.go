package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
)

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("demo", &o, "data", "database", "media-url")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()
	has, err := a.hasSite(ctx)
	if err != nil {
		return err
	}
	if has {
		return fmt.Errorf("the database in %s already holds a site; the demo loads only into an empty one", o.data)
	}
	sum, password, err := a.loadDemo(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Demo site loaded into %s: %d editions, %d articles, %d pages, %d categories, %d authors, %d images, %d comments.\n",
		o.data, sum.Editions, sum.Articles, sum.Pages, sum.Categories, sum.Authors, sum.Media, sum.Comments)
	printAdmin(stdout, "http://localhost:8080", password)
	return nil
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := newFlags("migrate", &o, "data", "database")
	from := fs.String("from", "", "copy a whole site from this SQLite database (sqlite:///path/masthead.db) … (see --to)")
	to := fs.String("to", "", "… into this PostgreSQL database (postgres://…), then compare counts and article checksums")
	force := fs.Bool("force", false, "with --from/--to: replace what the target database already holds")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if *from != "" || *to != "" {
		return runCopy(ctx, *from, *to, *force, stdout) // copy.go
	}
	if err := checkData(o.data); err != nil {
		return err
	}
	st, path, err := openStore(&o)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "Database %s is up to date (schema %s).\n", path, v)
	} else {
		fmt.Fprintf(stdout, "Database %s migrated to schema %s (applied: %s).\n", path, v, strings.Join(applied, ", "))
	}
	return nil
}
