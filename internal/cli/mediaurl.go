package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/media/s3blob"
)

// checkMediaURL validates --media-url without touching the network: empty
// means the uploads folder in the data folder, s3://… a bucket.
func checkMediaURL(raw string) (*s3blob.Config, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, nil
	}
	cfg, err := s3blob.ParseURL(raw, os.Getenv)
	if err != nil {
		return nil, usagef("--media-url: %v", err)
	}
	return &cfg, nil
}

// openBlob opens where uploaded files live and, for a bucket, makes sure it
// answers to our credentials before anything is served or stored.
func openBlob(ctx context.Context, o *options) (media.Blob, error) {
	cfg, err := checkMediaURL(o.mediaURL)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return media.LocalBlob{Root: filepath.Join(o.data, "uploads")}, nil
	}
	b, err := s3blob.New(*cfg)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := b.Check(ctx); err != nil {
		return nil, err
	}
	return b, nil
}
