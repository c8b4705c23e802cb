-- Counted sign-in attempts: failed passwords and codes, password-reset
-- requests, per account and per client address (internal/user). They lived
-- in each process's memory, so every app node and every restart had limits
-- of its own; in the database all nodes share one count. Keys are hashed,
-- and rows older than the 15-minute window are deleted as new ones come.

CREATE TABLE auth_attempts (
    key_hash TEXT NOT NULL,
    at       BIGINT NOT NULL  -- unix seconds
);
CREATE INDEX auth_attempts_key ON auth_attempts (key_hash, at);
CREATE INDEX auth_attempts_at ON auth_attempts (at);
