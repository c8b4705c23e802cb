package store

import "context"

// SetSearchWindowForTest changes how many of the newest matches a search
// ranks, so a test can cross the window with a few documents.
func SetSearchWindowForTest(n int) (restore func()) {
	old := searchWindow
	searchWindow = n
	return func() { searchWindow = old }
}

// ExecForTest runs raw SQL, so a test can act as a write path the store's
// own methods do not take (an admin tool, a future delete).
func (s *Store) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := s.exec(ctx, q, args...)
	return err
}
