package s3blob_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/media/blobtest"
	"github.com/masthead-news/masthead/internal/media/s3blob"
	"github.com/masthead-news/masthead/internal/media/s3blob/s3test"
)

func open(t *testing.T, srv *s3test.Server, secret string) *s3blob.Blob {
	t.Helper()
	cfg, err := s3blob.ParseURL(srv.MediaURL(), func(k string) string {
		return map[string]string{"MASTHEAD_S3_ACCESS_KEY": srv.AccessKey, "MASTHEAD_S3_SECRET_KEY": secret}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s3blob.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestS3BlobContract(t *testing.T) {
	srv := s3test.Start(t)
	n := 0
	blobtest.Run(t, func(t *testing.T) media.Blob {
		// Each case gets its own prefix in the shared bucket, so it starts empty.
		n++
		s := *srv
		s.Prefix = srv.Prefix + "/case" + string(rune('a'+n))
		return open(t, &s, srv.SecretKey)
	})
}

func TestS3BlobCheckAndWrongSecret(t *testing.T) {
	srv := s3test.Start(t)
	ctx := context.Background()
	if err := open(t, srv, srv.SecretKey).Check(ctx); err != nil {
		t.Fatalf("Check with the right keys: %v", err)
	}
	bad := open(t, srv, "not-the-secret")
	if err := bad.Check(ctx); err == nil {
		t.Fatal("Check with a wrong secret key succeeded")
	}
	if err := bad.Put(ctx, "x/y.jpg", strings.NewReader("data")); err == nil {
		t.Fatal("Put with a wrong secret key succeeded")
	}
	s := *srv
	s.Bucket = "no-such-bucket"
	if err := open(t, &s, srv.SecretKey).Check(ctx); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Check of a missing bucket = %v", err)
	}
}

func TestS3BlobContentTypeAndPresign(t *testing.T) {
	srv := s3test.Start(t)
	ctx := context.Background()
	b := open(t, srv, srv.SecretKey)
	if err := b.Put(ctx, "2026/11/report-1a2b3c4d.pdf", strings.NewReader("%PDF-1.4 test")); err != nil {
		t.Fatal(err)
	}
	u, err := b.PresignGet(ctx, "2026/11/report-1a2b3c4d.pdf", 10*time.Minute, "application/pdf", "attachment")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "%PDF-1.4 test" {
		t.Fatalf("presigned GET: %d %q", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type = %q, want application/pdf", ct)
	}
	// Tampering with a presigned URL breaks its signature.
	resp, err = http.Get(strings.Replace(u, "report-1a2b3c4d", "report-1a2b3c4e", 1))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("tampered presigned URL answered %d, want 403", resp.StatusCode)
	}
}

func TestParseURL(t *testing.T) {
	env := func(string) string { return "" }
	c, err := s3blob.ParseURL("s3://news-media/site/uploads?endpoint=http://127.0.0.1:9000&region=eu-central-1&path-style=true&presign=15m", env)
	if err != nil {
		t.Fatal(err)
	}
	if c.Bucket != "news-media" || c.Prefix != "site/uploads" || c.Endpoint != "127.0.0.1:9000" || c.Secure ||
		c.Region != "eu-central-1" || !c.PathStyle || c.PresignTTL != 15*time.Minute {
		t.Fatalf("parsed %+v", c)
	}
	c, err = s3blob.ParseURL("s3://news-media", env)
	if err != nil || c.Endpoint != "s3.amazonaws.com" || !c.Secure || c.Prefix != "" {
		t.Fatalf("defaults: %+v, %v", c, err)
	}
	for _, bad := range []string{
		"https://bucket/x", "s3://", "s3://Bad_Bucket", "s3://b/x?endpoint=ftp://h", "s3://bkt/x?color=red",
		"s3://bkt?presign=soon", "s3://key:secret@bkt", "s3://bkt/a/../b", "s3://bkt?endpoint=http://h/path",
	} {
		if _, err := s3blob.ParseURL(bad, env); err == nil {
			t.Errorf("ParseURL(%q) accepted", bad)
		}
	}
	half := func(k string) string {
		if k == "MASTHEAD_S3_ACCESS_KEY" {
			return "AK"
		}
		return ""
	}
	if _, err := s3blob.ParseURL("s3://bkt", half); err == nil {
		t.Error("an access key without a secret key was accepted")
	}
}
