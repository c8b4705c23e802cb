-- Rate-limited events: failed sign-ins, wrong codes and reset requests
-- (internal/user), and public form submissions (internal/antispam), per
-- account, per client address and per e-mail address. They were counted in
-- each process's memory, so every app node and every restart had limits of
-- its own; here all nodes share one count. Keys are hashed, and a row is
-- deleted once its window has passed.

CREATE TABLE rate_events (
    key_hash   TEXT NOT NULL,
    at         INTEGER NOT NULL,  -- unix seconds
    expires_at INTEGER NOT NULL   -- unix seconds: the end of its window
);
CREATE INDEX rate_events_key ON rate_events (key_hash, at);
CREATE INDEX rate_events_expires ON rate_events (expires_at);
