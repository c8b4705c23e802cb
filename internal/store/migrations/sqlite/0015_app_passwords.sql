-- Application passwords: WordPress-style per-client passwords for the REST
-- API (/wp-json/), sent over HTTP Basic auth. Each is 24 random characters
-- shown once; only its SHA-256 is kept (like session tokens: the password is
-- long and random, so a slow hash adds nothing but cost per request).

CREATE TABLE app_passwords (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,      -- SHA-256 (hex) of the password without spaces
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL DEFAULT 0,  -- 0 until first used
    last_ip      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX app_passwords_user ON app_passwords (user_id);
