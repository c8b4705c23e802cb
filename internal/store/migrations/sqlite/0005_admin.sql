-- The newsroom admin: sessions stored in the database (so they survive a
-- restart and work across nodes), article revisions, the audit log, and the
-- admin language of each account.

ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,          -- SHA-256 of the cookie token; the token itself is never stored
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE article_revisions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    excerpt     TEXT NOT NULL DEFAULT '',
    body_source TEXT NOT NULL DEFAULT '',
    body_format TEXT NOT NULL DEFAULT 'html',
    status      TEXT NOT NULL,
    autosave    INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions (article_id, id DESC);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   INTEGER NOT NULL DEFAULT 0,
    detail      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (created_at DESC);

CREATE INDEX articles_status_due ON articles (status, published_at);

-- The account that created an article: authors and contributors may edit
-- only their own.
ALTER TABLE articles ADD COLUMN owner_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
