package media

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kinds are the media kinds, in the order the library's filter lists them.
var Kinds = []string{"image", "video", "audio", "document"}

// Filter selects items of the library, newest first.
type Filter struct {
	Text       string // found in the title, alt text, caption, credit or file name
	Kind       string // one of Kinds; empty for all
	UploadedBy int64  // 0 for everyone's
	Limit      int
	Offset     int
}

// Use is one place where a media item appears; an item in use cannot be
// deleted.
type Use struct {
	Kind    string // "featured", "inline" (in an article's text), "attachment", "avatar", "page", "book", "issue", "media_item", "album_photo"
	ID      int64  // the article, author, page, book, issue or Media section item
	Title   string // its title or name
	Edition string // the article's or page's edition, if any
}

// LibraryStore is what the library needs from the database.
type LibraryStore interface {
	// WithinTx runs fn in one transaction (nested calls join it).
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
	ListMedia(ctx context.Context, f Filter) ([]*Media, error)
	CountMedia(ctx context.Context, f Filter) (int, error)
	// UpdateMedia saves the title, alt text, caption and credit.
	UpdateMedia(ctx context.Context, m *Media) error
	// MediaUses lists up to limit places that show m.
	MediaUses(ctx context.Context, m *Media, limit int) ([]Use, error)
	// DeleteMedia removes the record with its variants and its job.
	DeleteMedia(ctx context.Context, id int64) error
}

// ErrInUse is matched (errors.Is) by an InUseError.
var ErrInUse = errors.New("the file is in use")

// InUseError refuses to delete an item that is still shown somewhere.
type InUseError struct{ Uses []Use }

func (e *InUseError) Error() string {
	return fmt.Sprintf("the file is in use in %d place(s); remove it from them first", len(e.Uses))
}

// Is makes errors.Is(err, ErrInUse) true.
func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// FieldError is input the library refuses; nothing was saved.
type FieldError struct{ Field, Message string }

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// field limits, in characters
var fieldMax = map[string]int{"title": 300, "alt": 1000, "caption": 2000, "credit": 300}

// Update checks and saves an item's title, alt text, caption and credit.
func (s *Service) Update(ctx context.Context, m *Media) error {
	for name, v := range map[string]*string{"title": &m.Title, "alt": &m.Alt, "caption": &m.Caption, "credit": &m.Credit} {
		*v = strings.TrimSpace(*v)
		if !utf8.ValidString(*v) {
			return &FieldError{name, "the text is not valid UTF-8"}
		}
		if n := utf8.RuneCountInString(*v); n > fieldMax[name] {
			return &FieldError{name, fmt.Sprintf("at most %d characters (this has %d)", fieldMax[name], n)}
		}
	}
	return s.Store.UpdateMedia(ctx, m)
}

// Uses lists where an item appears (at most 50 places).
func (s *Service) Uses(ctx context.Context, m *Media) ([]Use, error) {
	return s.Store.MediaUses(ctx, m, 50)
}

// Delete removes an item that nothing uses: its record, its variants and
// its files. An item in use is refused with an *InUseError and kept whole.
func (s *Service) Delete(ctx context.Context, id int64) (*Media, error) {
	var m *Media
	var variants []Variant
	err := s.Store.WithinTx(ctx, func(ctx context.Context) error {
		var err error
		if m, err = s.Store.MediaByID(ctx, id); err != nil {
			return err
		}
		uses, err := s.Store.MediaUses(ctx, m, 50)
		if err != nil {
			return err
		}
		if len(uses) > 0 {
			return &InUseError{Uses: uses}
		}
		if variants, err = s.Store.MediaVariants(ctx, id); err != nil {
			return err
		}
		return s.Store.DeleteMedia(ctx, id)
	})
	if err != nil {
		return nil, err
	}
	// The files go after the commit; one left behind is only wasted space.
	_ = s.Blob.Delete(ctx, m.Path)
	for _, v := range variants {
		_ = s.Blob.Delete(ctx, v.Path)
	}
	return m, nil
}
