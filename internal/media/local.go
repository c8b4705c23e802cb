package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// LocalBlob keeps media files in a folder on disk.
type LocalBlob struct{ Root string }

func (b LocalBlob) file(key string) (string, error) {
	clean := filepath.Clean("/" + key)
	if clean == "/" || strings.Contains(key, "..") {
		return "", fmt.Errorf("bad media key %q", key)
	}
	return filepath.Join(b.Root, filepath.FromSlash(clean)), nil
}

// Put writes the file atomically: a reader never sees half a file.
func (b LocalBlob) Put(_ context.Context, key string, r io.Reader) error {
	name, err := b.file(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Open opens a stored file for reading.
func (b LocalBlob) Open(_ context.Context, key string) (io.ReadSeekCloser, error) {
	name, err := b.file(key)
	if err != nil {
		return nil, err
	}
	return os.Open(name)
}

// Delete removes a stored file; a missing file is not an error.
func (b LocalBlob) Delete(_ context.Context, key string) error {
	name, err := b.file(key)
	if err != nil {
		return err
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}
