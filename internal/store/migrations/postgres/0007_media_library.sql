-- The media library: who uploaded each file (authors may change only their
-- own), responsive image variants and the durable queue that makes them.

ALTER TABLE media ADD COLUMN uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
-- A summary of the finished variants ("jpeg:320x180 webp:320x180 …"), kept
-- with the record so that a listing's one query also yields every srcset.
-- media_variants below is the full record.
ALTER TABLE media ADD COLUMN variants TEXT NOT NULL DEFAULT '';
CREATE INDEX media_created ON media (created_at DESC, id DESC);
CREATE INDEX media_uploader ON media (uploaded_by, created_at DESC);

CREATE TABLE media_variants (
    media_id  BIGINT  NOT NULL REFERENCES media(id) ON DELETE CASCADE,
    width     INTEGER NOT NULL,
    height    INTEGER NOT NULL,
    format    TEXT NOT NULL,               -- jpeg, png or webp
    path      TEXT NOT NULL UNIQUE,        -- storage key under /uploads/
    size      BIGINT  NOT NULL,
    PRIMARY KEY (media_id, width, format)
);

-- One job per image. A worker claims a job with a conditional UPDATE (state
-- pending, or running with an expired lease), so two nodes never work on one
-- job at once, and a job whose worker died is taken up again when its lease
-- runs out. not_before doubles as the lease end while running and as the
-- retry time after a failure.
CREATE TABLE media_jobs (
    media_id    BIGINT  PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_by  TEXT NOT NULL DEFAULT '',
    not_before  BIGINT  NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX media_jobs_due ON media_jobs (state, not_before);
