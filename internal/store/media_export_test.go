package store

import (
	"context"
	"time"
)

// ClaimJobForTest runs only the conditional UPDATE of a claim, for a job id
// that a worker proposed, as a worker whose candidate went stale would.
func (s *Store) ClaimJobForTest(ctx context.Context, id int64, worker string, now, until time.Time, maxAttempts int) (int, error) {
	return s.claimVariantJob(ctx, id, worker, now, until, maxAttempts)
}
