package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/masthead-news/masthead/internal/store"
	"github.com/masthead-news/masthead/internal/store/postgres"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// runCopy moves a site from SQLite to PostgreSQL: `masthead migrate --from
// sqlite://PATH --to postgres://…`. Both are migrated to this build's schema
// first; the copy is one transaction on the target; then every table's rows
// are counted on both sides and every article checksummed, and any
// difference fails the command.
func runCopy(ctx context.Context, from, to string, force bool, stdout io.Writer) error {
	path, ok := strings.CutPrefix(strings.TrimSpace(from), "sqlite://")
	if !ok || path == "" {
		return usagef("--from must name the SQLite database to copy, e.g. sqlite:///var/lib/masthead/masthead.db")
	}
	if !postgres.IsURL(strings.TrimSpace(to)) {
		return usagef("--to must be a PostgreSQL URL, e.g. postgres://masthead@db.internal:5432/masthead")
	}
	src, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	if tables, err := src.Tables(ctx); err != nil || len(tables) == 0 {
		return fmt.Errorf("%s holds no Masthead site", path)
	}
	dst, err := postgres.Open(strings.TrimSpace(to))
	if err != nil {
		return err
	}
	defer dst.Close()
	if err := dst.Ping(ctx); err != nil {
		return fmt.Errorf("the database %s does not answer: %w", postgres.Redact(to), err)
	}
	for _, st := range []*store.Store{src, dst} {
		if _, err := st.Migrate(ctx); err != nil {
			return err
		}
	}
	report, err := src.CopyInto(ctx, dst, force)
	var notEmpty *store.ErrTargetNotEmpty
	if errors.As(err, &notEmpty) {
		return fmt.Errorf("%v; nothing was copied (use --force to replace it)", err)
	}
	if err != nil {
		return fmt.Errorf("nothing was copied: %w", err)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\tsqlite\tpostgres\t")
	bad := 0
	for _, t := range report.Tables {
		mark := ""
		if t.Source != t.Target {
			mark, bad = "  DIFFERENT", bad+1
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", t.Table, t.Source, t.Target, mark)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "articles checksum: sqlite %s\n                   postgres %s\n", report.SourceArticles, report.TargetArticles)
	if report.SourceArticles != report.TargetArticles {
		bad++
	}
	if bad > 0 {
		return fmt.Errorf("the copy differs from the source in %d place(s); do not switch to it", bad)
	}
	fmt.Fprintf(stdout, "Copied %d tables from %s to %s; every count and the article checksum match.\n", len(report.Tables), path, postgres.Redact(to))
	return nil
}
