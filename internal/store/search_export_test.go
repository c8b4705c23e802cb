package store

import "context"

// ExecForTest runs raw SQL, so a test can act as a write path the store's
// own methods do not take (an admin tool, a future delete).
func (s *Store) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := s.exec(ctx, q, args...)
	return err
}
