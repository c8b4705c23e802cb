-- The newsletter: subscribers per edition with double opt-in, their link
-- tokens (stored hashed), campaigns composed in the admin and one send row
-- per (campaign, subscriber), claimed by the sender worker like the mail
-- outbox (state 'sending' with a lease in not_before; see docs/newsletter.md
-- for the crash-safety argument).
CREATE TABLE newsletter_subscribers (
    id            INTEGER PRIMARY KEY,
    edition       TEXT NOT NULL,
    email         TEXT NOT NULL,               -- lower-cased
    status        TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    source        TEXT NOT NULL DEFAULT 'form', -- form or import
    consent_at    INTEGER NOT NULL DEFAULT 0,  -- when the reader confirmed (or the operator vouched)
    ip_hash       TEXT NOT NULL DEFAULT '',    -- keyed hash of the subscribing address; emptied after retention
    confirm_sent_at INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    UNIQUE (edition, email)
);
CREATE INDEX newsletter_subscribers_status ON newsletter_subscribers (edition, status, id);
CREATE INDEX newsletter_subscribers_email ON newsletter_subscribers (email);

CREATE TABLE newsletter_tokens (
    token_hash    TEXT PRIMARY KEY,            -- SHA-256 of the token in the link
    subscriber_id INTEGER NOT NULL REFERENCES newsletter_subscribers(id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
    expires_at    INTEGER NOT NULL DEFAULT 0,  -- 0: never
    created_at    INTEGER NOT NULL
);
CREATE INDEX newsletter_tokens_subscriber ON newsletter_tokens (subscriber_id);

CREATE TABLE newsletter_campaigns (
    id            INTEGER PRIMARY KEY,
    edition       TEXT NOT NULL,
    subject       TEXT NOT NULL,
    intro         TEXT NOT NULL DEFAULT '',
    article_ids   TEXT NOT NULL DEFAULT '',    -- comma-separated, in the chosen order
    status        TEXT NOT NULL CHECK (status IN ('draft', 'sending', 'done')),
    html          TEXT NOT NULL DEFAULT '',    -- rendered when sending starts
    text          TEXT NOT NULL DEFAULT '',
    created_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    started_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX newsletter_campaigns_edition ON newsletter_campaigns (edition, id);

CREATE TABLE newsletter_sends (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES newsletter_campaigns(id) ON DELETE CASCADE,
    subscriber_id INTEGER NOT NULL REFERENCES newsletter_subscribers(id) ON DELETE CASCADE,
    email         TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    claimed_by    TEXT NOT NULL DEFAULT '',
    not_before    INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    updated_at    INTEGER NOT NULL,
    UNIQUE (campaign_id, subscriber_id)
);
CREATE INDEX newsletter_sends_due ON newsletter_sends (state, not_before);
