package cli

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/media/s3blob"
	"github.com/masthead-news/masthead/internal/media/s3blob/s3test"
)

func TestMediaURLMistakesAreOneLine(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		env  map[string]string
		args []string
		code int
		want string
	}{
		{nil, []string{"serve", "--data", dir, "--media-url", "http://bucket/x"}, 2, "--media-url: \"http://bucket/x\" must start with s3://"},
		{map[string]string{"MASTHEAD_MEDIA_URL": "s3://UPPER"}, []string{"serve", "--data", dir}, 2, "names no valid bucket"},
		{nil, []string{"demo", "--data", dir, "--media-url", "s3://bkt?endpoint=ftp://x"}, 2, "endpoint"},
		{map[string]string{"MASTHEAD_S3_ACCESS_KEY": "only-half"}, []string{"demo", "--data", dir, "--media-url", "s3://bkt"}, 2, "MASTHEAD_S3_SECRET_KEY"},
	} {
		code, _, stderr := run(t, tc.env, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v %v: exit %d, stderr %q (want %d and %q)", tc.env, tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// TestDemoIntoS3: the demo's pictures go to the bucket, not the data
// folder, and a bucket refusing our key stops the command with one line.
func TestDemoIntoS3(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole demo")
	}
	srv := s3test.Start(t)
	dir := t.TempDir()
	env := map[string]string{"MASTHEAD_S3_ACCESS_KEY": srv.AccessKey, "MASTHEAD_S3_SECRET_KEY": "wrong"}
	code, _, stderr := run(t, env, "demo", "--data", dir, "--media-url", srv.MediaURL())
	if code != 1 || !strings.Contains(stderr, "does not answer") || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
		t.Fatalf("wrong secret: exit %d, stderr %q", code, stderr)
	}
	env["MASTHEAD_S3_SECRET_KEY"] = srv.SecretKey
	code, out, stderr := run(t, env, "demo", "--data", dir+"/s3", "--media-url", srv.MediaURL())
	if code != 0 {
		t.Fatalf("demo: %d %q %q", code, out, stderr)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "s3", "uploads", "*")); len(m) > 0 {
		t.Errorf("the demo wrote into the data folder's uploads: %v", m)
	}
	a, err := openApp(context.Background(), &options{data: dir + "/s3", mediaURL: srv.MediaURL()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, ok := a.blob.(*s3blob.Blob); !ok {
		t.Fatalf("blob is %T", a.blob)
	}
	list, err := a.store.ListMedia(context.Background(), media.Filter{Limit: 5})
	if err != nil || len(list) == 0 {
		t.Fatalf("demo media: %d, %v", len(list), err)
	}
	f, err := a.blob.Open(context.Background(), list[0].Path)
	if err != nil {
		t.Fatalf("the demo's %s is not in the bucket: %v", list[0].Path, err)
	}
	n, _ := io.Copy(io.Discard, f)
	f.Close()
	if n != list[0].Size {
		t.Errorf("%s: %d bytes in the bucket, %d recorded", list[0].Path, n, list[0].Size)
	}
	// A backup of a site with media in a bucket says it does not hold them.
	code, out, stderr = run(t, env, "backup", filepath.Join(dir, "s3site.tar.gz"), "--data", dir+"/s3", "--media-url", srv.MediaURL())
	if code != 0 || !strings.Contains(out, "NOT in this backup") || !strings.Contains(out, "s3://"+srv.Bucket) {
		t.Errorf("backup with media in a bucket: %d %q %q", code, out, stderr)
	}
}

// TestImportIntoS3: a WordPress import on a site whose media live in a
// bucket puts the attachments there, not in the data folder.
func TestImportIntoS3(t *testing.T) {
	export := wpFixture(t, "wxr-flat-attachment-same-site.xml")
	srv := s3test.Start(t)
	dir := t.TempDir()
	uploads := filepath.Join(dir, "wp-uploads")
	writeTestJPEG(t, filepath.Join(uploads, "2008", "06", "canola2.jpg"))
	env := map[string]string{"MASTHEAD_S3_ACCESS_KEY": srv.AccessKey, "MASTHEAD_S3_SECRET_KEY": srv.SecretKey}
	code, out, stderr := run(t, env, "import", "wordpress", export, "--uploads", uploads, "--data", filepath.Join(dir, "site"), "--media-url", srv.MediaURL())
	if code != 0 {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "site", "uploads", "*")); len(m) > 0 {
		t.Errorf("the import wrote into the data folder's uploads: %v", m)
	}
	a, err := openApp(context.Background(), &options{data: filepath.Join(dir, "site"), mediaURL: srv.MediaURL()})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	list, err := a.store.ListMedia(context.Background(), media.Filter{Limit: 5})
	if err != nil || len(list) != 1 {
		t.Fatalf("imported media: %d, %v", len(list), err)
	}
	f, err := a.blob.Open(context.Background(), list[0].Path)
	if err != nil {
		t.Fatalf("the attachment %s is not in the bucket: %v", list[0].Path, err)
	}
	f.Close()
	// A malformed bucket URL is a usage error, before anything is read.
	if code, _, stderr := run(t, env, "import", "wordpress", export, "--data", filepath.Join(dir, "other"), "--media-url", "ftp://x"); code != 2 || !strings.Contains(stderr, "--media-url") {
		t.Errorf("bad --media-url: exit %d, %q", code, stderr)
	}
}

// writeTestJPEG puts a small real JPEG at path.
func writeTestJPEG(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		img.Set(x, x%30, color.RGBA{30, 90, 200, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
