package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/media"
	"github.com/masthead-news/masthead/internal/store/sqlite"
)

// TestBackupWhileWritingAndRestore: a goroutine keeps committing rows while
// `masthead backup` runs on the same database; the archive restores into a
// new data folder whose database passes integrity_check and holds every row
// committed before the backup started, and whose uploads match byte for
// byte. Restore refuses a non-empty folder without --force, a damaged
// archive, and changes nothing when it refuses.
func TestBackupWhileWritingAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	o := &options{data: data}
	a, err := openApp(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.ensureSite(ctx); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	img.Set(1, 1, color.RGBA{1, 2, 3, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pic, err := a.media.Add(ctx, bytes.NewReader(buf.Bytes()), media.Upload{Filename: "pic.png", Alt: "A picture"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := a.content.CreateCategory(ctx, &content.Category{Edition: "en", Name: fmt.Sprintf("Before %d", i)}); err != nil {
			t.Fatal(err)
		}
	}

	// Writes keep coming while the backup runs.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := a.content.CreateCategory(ctx, &content.Category{Edition: "en", Name: fmt.Sprintf("During %d", i)}); err != nil {
				t.Errorf("write during backup: %v", err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 5 { // let the writer get going first
		time.Sleep(time.Millisecond)
	}
	before, err := a.store.Categories(ctx, "en")
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dir, "site.tar.gz")
	code, out, errs := run(t, nil, "backup", archive, "--data", data)
	close(stop)
	wg.Wait()
	if code != 0 || !strings.Contains(out, "Backup written to") {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	if written.Load() < 10 {
		t.Logf("only %d writes happened during the backup", written.Load())
	}
	// A second backup to the same name is refused.
	if code, _, errs := run(t, nil, "backup", archive, "--data", data); code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("backup over an existing file: %d %q", code, errs)
	}

	restored := filepath.Join(dir, "restored")
	code, out, errs = run(t, nil, "restore", archive, "--data", restored)
	if code != 0 || !strings.Contains(out, "Restored") {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	st, err := sqlite.Open(filepath.Join(restored, "masthead.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	after, err := st.Categories(ctx, "en")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, c := range after {
		have[c.Slug] = true
	}
	for _, c := range before {
		if !have[c.Slug] {
			t.Errorf("category %q, committed before the backup started, is missing after restore", c.Slug)
		}
	}
	if len(after) < len(before) {
		t.Errorf("%d categories restored, %d existed before the backup", len(after), len(before))
	}
	m, err := st.MediaByID(ctx, pic.ID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(restored, "uploads", filepath.FromSlash(m.Path)))
	want, _ := os.ReadFile(filepath.Join(data, "uploads", filepath.FromSlash(pic.Path)))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("restored upload differs: %v", err)
	}

	// A non-empty folder is kept unless --force.
	if code, _, errs := run(t, nil, "restore", archive, "--data", restored); code != 1 || !strings.Contains(errs, "--force") {
		t.Fatalf("restore over a site: %d %q", code, errs)
	}
	marker := filepath.Join(restored, "uploads", "marker.txt")
	os.WriteFile(marker, []byte("x"), 0o644)
	if code, _, errs := run(t, nil, "restore", archive, "--data", restored, "--force"); code != 0 {
		t.Fatalf("restore --force: %d %q", code, errs)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("restore --force left a file of the replaced folder")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".masthead-*")); len(left) > 0 {
		t.Errorf("temporary folders left behind: %v", left)
	}

	// A damaged archive (one upload's bytes changed) is refused and the
	// target folder is not created.
	bad := filepath.Join(dir, "bad.tar.gz")
	rewrite(t, archive, bad, func(name string, body []byte) []byte {
		if strings.HasPrefix(name, "uploads/") {
			body[len(body)/2] ^= 0xff
		}
		return body
	})
	target := filepath.Join(dir, "fromdamaged")
	if code, _, errs := run(t, nil, "restore", bad, "--data", target); code != 1 || !strings.Contains(errs, "checksum mismatch") {
		t.Fatalf("damaged archive: %d %q", code, errs)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused restore created the data folder")
	}
	// A backup from a newer schema than this build knows is refused.
	newer := filepath.Join(dir, "newer.tar.gz")
	rewrite(t, archive, newer, func(name string, body []byte) []byte {
		if name == manifestEntry {
			return []byte(strings.Replace(string(body), `"schema": "0`, `"schema": "9`, 1))
		}
		return body
	})
	if code, _, errs := run(t, nil, "restore", newer, "--data", target); code != 1 || !strings.Contains(errs, "schema") {
		t.Fatalf("newer schema: %d %q", code, errs)
	}
	if code, _, errs := run(t, nil, "restore", "--data", target); code != 2 || !strings.Contains(errs, "FILE") {
		t.Fatalf("restore without a file: %d %q", code, errs)
	}
}

// rewrite copies a backup archive through edit.
func rewrite(t *testing.T, src, dst string, edit func(name string, body []byte) []byte) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var out bytes.Buffer
	gw := gzip.NewWriter(&out)
	tw := tar.NewWriter(gw)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		body = edit(h.Name, body)
		h.Size = int64(len(body))
		tw.WriteHeader(h)
		tw.Write(body)
	}
	tw.Close()
	gw.Close()
	if err := os.WriteFile(dst, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
