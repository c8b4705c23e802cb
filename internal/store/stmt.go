package store

import (
	"context"
	"database/sql"
	"sync"
)

// Prepared statements: the database parses each distinct query once, not on
// every call. Outside a transaction a statement is prepared on the pool
// (database/sql prepares it again lazily on each connection that runs it);
// inside one, on the transaction's connection, once per transaction.

// maxStatements caps the statement cache; queries beyond it (only possible
// with generated IN lists) run unprepared.
const maxStatements = 512

type stmtKey struct {
	db *sql.DB
	q  string
}

// stmtCache holds the statements prepared on the pools, keyed by pool and
// query text.
type stmtCache struct {
	mu sync.RWMutex
	m  map[stmtKey]*sql.Stmt
}

// txStmts are a transaction's statements; they close with it.
type txStmts struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

type txStmtsKey struct{}

// withTxStmts gives a transaction's context its statement set.
func withTxStmts(ctx context.Context, tx *sql.Tx) context.Context {
	return context.WithValue(ctx, txStmtsKey{}, &txStmts{tx: tx, m: map[string]*sql.Stmt{}})
}

// stmt returns a prepared statement for q (already rebound) where ctx's
// work runs: its transaction, or else the writer or the reader pool. It
// returns nil when q should run unprepared.
func (s *Store) stmt(ctx context.Context, write bool, q string) *sql.Stmt {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		ts, _ := ctx.Value(txStmtsKey{}).(*txStmts)
		if ts == nil || ts.tx != tx {
			return nil
		}
		if st := ts.m[q]; st != nil {
			return st
		}
		if len(ts.m) >= maxStatements {
			return nil
		}
		var st *sql.Stmt
		if shared := s.stmts.lookup(stmtKey{s.write, q}); shared != nil {
			// Reuses the statement already prepared on the writer connection.
			st = tx.StmtContext(ctx, shared)
		} else {
			var err error
			if st, err = tx.PrepareContext(ctx, q); err != nil {
				return nil
			}
		}
		ts.m[q] = st
		return st
	}
	db := s.read
	if write {
		db = s.write
	}
	key := stmtKey{db, q}
	if st := s.stmts.lookup(key); st != nil {
		return st
	}
	if s.Statements() >= maxStatements {
		return nil
	}
	// Prepared outside the lock: on the single writer connection it may wait
	// for a transaction to finish, and readers must not wait with it.
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil // the query runs unprepared and reports its own error
	}
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	if old := s.stmts.m[key]; old != nil {
		st.Close()
		return old
	}
	if s.stmts.m == nil {
		s.stmts.m = map[stmtKey]*sql.Stmt{}
	}
	s.stmts.m[key] = st
	return st
}

// execStmt runs a statement that returns no rows, prepared.
func (s *Store) execStmt(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := s.stmt(ctx, true, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return s.writer(ctx).ExecContext(ctx, q, args...)
}

func (c *stmtCache) lookup(k stmtKey) *sql.Stmt {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.m[k]
}

// close closes every cached statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, st := range c.m {
		st.Close()
		delete(c.m, k)
	}
}

// Statements is the number of statements prepared on the pools (for tests).
func (s *Store) Statements() int {
	s.stmts.mu.RLock()
	defer s.stmts.mu.RUnlock()
	return len(s.stmts.m)
}

// DBStats reports the connection pools, by name, for metrics.
func (s *Store) DBStats() map[string]sql.DBStats {
	if s.read == s.write {
		return map[string]sql.DBStats{"main": s.write.Stats()}
	}
	return map[string]sql.DBStats{"write": s.write.Stats(), "read": s.read.Stats()}
}
