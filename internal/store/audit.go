package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/audit"
)

// AddAudit records a change. It is quiet: the log never shows on public pages.
func (s *Store) AddAudit(ctx context.Context, e *audit.Entry) error {
	res, err := s.execQuiet(ctx, `INSERT INTO audit_log (user_id, action, object_type, object_id, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		nullID(e.UserID), e.Action, e.ObjectType, e.ObjectID, e.Detail, unix(e.CreatedAt))
	if err == nil {
		e.ID, _ = res.LastInsertId()
	}
	return err
}

// AuditLog lists entries, newest first, with the acting account's name.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]audit.Entry, error) {
	rows, err := s.query(ctx, `SELECT l.id, COALESCE(l.user_id, 0), COALESCE(u.name, ''), l.action, l.object_type, l.object_id, l.detail, l.created_at
		FROM audit_log l LEFT JOIN users u ON u.id = l.user_id ORDER BY l.id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		var at int64
		if err := rows.Scan(&e.ID, &e.UserID, &e.UserName, &e.Action, &e.ObjectType, &e.ObjectID, &e.Detail, &at); err != nil {
			return nil, err
		}
		e.CreatedAt = fromUnix(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
