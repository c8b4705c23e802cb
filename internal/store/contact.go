package store

import (
	"context"
	"strings"
	"time"

	"github.com/masthead-news/masthead/internal/contact"
	"github.com/masthead-news/masthead/internal/content"
)

var _ contact.Store = (*Store)(nil)

// Contact messages show on no public page, so they are written quietly:
// sending the form cannot empty the page cache.

const contactColumns = "id, edition, name, email, subject, body, status, ip_hash, reply, created_at, replied_at"

func scanContact(r interface{ Scan(...any) error }) (contact.Message, error) {
	var m contact.Message
	var created, replied int64
	err := r.Scan(&m.ID, &m.Edition, &m.Name, &m.Email, &m.Subject, &m.Body, &m.Status, &m.IPHash, &m.Reply, &created, &replied)
	m.CreatedAt, m.RepliedAt = fromUnix(created), fromUnix(replied)
	return m, err
}

// AddContactMessage stores a message from the contact form.
func (s *Store) AddContactMessage(ctx context.Context, m *contact.Message) error {
	id, err := s.insertQuiet(ctx, `INSERT INTO contact_messages (edition, name, email, subject, body, status, ip_hash, reply, created_at, replied_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.Edition, m.Name, m.Email, m.Subject, m.Body, m.Status, m.IPHash, m.Reply, unix(m.CreatedAt), unix(m.RepliedAt))
	m.ID = id
	return err
}

// ContactMessageByID loads one message.
func (s *Store) ContactMessageByID(ctx context.Context, id int64) (*contact.Message, error) {
	m, err := scanContact(s.queryRow(ctx, "SELECT "+contactColumns+" FROM contact_messages WHERE id = ?", id))
	if err != nil {
		if isNoRows(err) {
			return nil, content.ErrNotFound
		}
		return nil, err
	}
	return &m, nil
}

// ContactMessages lists messages, newest first, optionally of one status
// and one sender.
func (s *Store) ContactMessages(ctx context.Context, status, email string, limit, offset int) ([]contact.Message, error) {
	var where []string
	var args []any
	if status != "" {
		where, args = append(where, "status = ?"), append(args, status)
	}
	if email != "" {
		where, args = append(where, "email = ?"), append(args, strings.ToLower(email))
	}
	q := "SELECT " + contactColumns + " FROM contact_messages"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.query(ctx, q+" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", append(args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanContact)
}

// ContactCounts counts messages per status.
func (s *Store) ContactCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.query(ctx, "SELECT status, COUNT(*) FROM contact_messages GROUP BY status")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// SetContactStatus moves messages to a status.
func (s *Store) SetContactStatus(ctx context.Context, ids []int64, status string) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	res, err := s.execQuiet(ctx, "UPDATE contact_messages SET status = ? WHERE id IN ("+placeholders(len(ids))+")", append([]any{status}, int64Args(ids)...)...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// SaveContactReply records the newsroom's answer and marks the message replied.
func (s *Store) SaveContactReply(ctx context.Context, id int64, reply string, at time.Time) error {
	res, err := s.execQuiet(ctx, "UPDATE contact_messages SET reply = ?, replied_at = ?, status = 'replied' WHERE id = ?", reply, at.Unix(), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return content.ErrNotFound
	}
	return nil
}

// DeleteContactMessagesByEmail deletes one sender's messages.
func (s *Store) DeleteContactMessagesByEmail(ctx context.Context, email string) (int, error) {
	res, err := s.execQuiet(ctx, "DELETE FROM contact_messages WHERE email = ?", strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// ClearContactIPs empties the address hashes of messages older than before.
func (s *Store) ClearContactIPs(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.execQuiet(ctx, "UPDATE contact_messages SET ip_hash = '' WHERE ip_hash <> '' AND created_at < ?", before.Unix())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
