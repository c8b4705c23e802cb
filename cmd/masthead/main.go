// Command masthead runs a Masthead news site. All the work happens in
// internal/cli; this file only turns its result into an exit code.
package main

import (
	"context"
	"os"

	"github.com/masthead-news/masthead/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}
