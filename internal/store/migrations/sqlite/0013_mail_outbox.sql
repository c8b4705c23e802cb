-- The durable mail outbox: a message is a row before Send returns, and a
-- worker delivers it. A worker claims a row by setting state 'sending' with
-- its name and a lease end in not_before; a claim whose lease ran out (the
-- worker died) is due again. not_before doubles as the retry time after a
-- transient failure. The body (a JSON mail.Message) is emptied once sent.
CREATE TABLE mail_outbox (
    id          INTEGER PRIMARY KEY,
    message     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_by  TEXT NOT NULL DEFAULT '',
    not_before  INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, not_before);
