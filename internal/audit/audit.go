// Package audit records who changed what in the admin, and when, for
// administrators to read. It owns the entry type and the Store it needs.
package audit

import (
	"context"
	"time"
)

// Entry is one recorded change.
type Entry struct {
	ID         int64
	UserID     int64
	UserName   string // filled when listing
	Action     string // "article.publish", "user.login" …
	ObjectType string
	ObjectID   int64
	Detail     string
	CreatedAt  time.Time
}

// Store keeps the log.
type Store interface {
	AddAudit(ctx context.Context, e *Entry) error
	AuditLog(ctx context.Context, limit, offset int) ([]Entry, error)
}
