-- Reader comments with moderation, the contact form's inbox and the public
-- forms' spam defences. Commenters' and senders' IP addresses are kept only
-- as keyed hashes (ip_hash), and only for the retention period: a sweep
-- empties them afterwards.
ALTER TABLE comments ADD COLUMN author_email TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN author_url TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN ip_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE comments ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN spam_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX comments_queue ON comments (status, created_at);
CREATE INDEX comments_email ON comments (author_email);

CREATE TABLE contact_messages (
    id          INTEGER PRIMARY KEY,
    edition     TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('unread', 'read', 'archived', 'replied', 'spam')),
    ip_hash     TEXT NOT NULL DEFAULT '',
    reply       TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    replied_at  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_messages_status ON contact_messages (status, created_at);
CREATE INDEX contact_messages_email ON contact_messages (email);

-- Used form tokens and fingerprints of recent submissions (antispam.Store).
CREATE TABLE antispam_seen (
    seen_key    TEXT PRIMARY KEY,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX antispam_seen_expiry ON antispam_seen (expires_at);
