package store

import "sync/atomic"

// queryLog counts statements so tests can prove a listing costs a bounded
// number of queries whatever its length.
type queryLog struct{ n atomic.Int64 }

func (q *queryLog) count() { q.n.Add(1) }

// QueryCount is the number of statements run since the store was opened.
func (s *Store) QueryCount() int64 { return s.queries.n.Load() }
