-- Account security: password resets by an emailed one-time link, TOTP
-- two-factor sign-in (RFC 6238) with recovery codes, and sign-ins whose
-- password was right and that wait for the second factor. Tokens and
-- recovery codes are stored only as SHA-256 hashes.

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,            -- SHA-256 of the token in the emailed link
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT NOT NULL DEFAULT 0   -- 0 until the link is used; a link works once
);
CREATE INDEX password_resets_user ON password_resets (user_id);
CREATE INDEX password_resets_expiry ON password_resets (expires_at);

CREATE TABLE two_factor (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret     TEXT NOT NULL,               -- base32 TOTP secret
    enabled_at BIGINT NOT NULL DEFAULT 0,  -- 0 while set-up waits for its first code
    last_step  BIGINT  NOT NULL DEFAULT 0,  -- newest accepted 30-second step; it and older ones are refused
    created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,                -- SHA-256 of the normalized code
    used_at   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY,            -- SHA-256 of the pending sign-in's cookie token
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX login_challenges_expiry ON login_challenges (expires_at);
