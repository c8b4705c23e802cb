-- Publications and downloads. Books, and series (the "Newsletter" and the
-- "Brief") of numbered issues, belong to an edition and link to their
-- counterparts in other editions through translation groups (the id of one
-- member; 0 means the row's own id), like articles and pages. A PDF's page
-- count is kept with its media record; downloads are counted per file in
-- their own table, written quietly so a download never invalidates cached
-- pages.

ALTER TABLE media ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;

CREATE TABLE media_downloads (
    media_id   INTEGER PRIMARY KEY REFERENCES media(id) ON DELETE CASCADE,
    downloads  INTEGER NOT NULL DEFAULT 0,
    last_at    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE books (
    id                 INTEGER PRIMARY KEY,
    edition            TEXT NOT NULL REFERENCES editions(code),
    slug               TEXT NOT NULL,
    slug_key           TEXT NOT NULL,
    title              TEXT NOT NULL,
    author             TEXT NOT NULL DEFAULT '',
    year               INTEGER NOT NULL DEFAULT 0,
    isbn               TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL DEFAULT '',
    cover_media_id     INTEGER REFERENCES media(id),
    pdf_media_id       INTEGER REFERENCES media(id),
    purchase_url       TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    published_at       INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL,
    translation_group  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (edition, slug)
);
CREATE INDEX books_listing ON books (edition, status, published_at DESC, id DESC);
CREATE INDEX books_slug_key ON books (edition, slug_key);
CREATE INDEX books_translation ON books (translation_group);

CREATE TABLE publication_series (
    id                 INTEGER PRIMARY KEY,
    edition            TEXT NOT NULL REFERENCES editions(code),
    slug               TEXT NOT NULL,
    slug_key           TEXT NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    position           INTEGER NOT NULL DEFAULT 0,
    translation_group  INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL,
    UNIQUE (edition, slug)
);
CREATE INDEX publication_series_slug_key ON publication_series (edition, slug_key);
CREATE INDEX publication_series_translation ON publication_series (translation_group);

CREATE TABLE publication_issues (
    id                 INTEGER PRIMARY KEY,
    series_id          INTEGER NOT NULL REFERENCES publication_series(id) ON DELETE CASCADE,
    number             INTEGER NOT NULL CHECK (number > 0),
    title              TEXT NOT NULL DEFAULT '',
    summary            TEXT NOT NULL DEFAULT '',
    contents           TEXT NOT NULL DEFAULT '',   -- the table of contents, one entry per line
    issue_date         INTEGER NOT NULL,
    cover_media_id     INTEGER REFERENCES media(id),
    pdf_media_id       INTEGER REFERENCES media(id),
    status             TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    translation_group  INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL,
    UNIQUE (series_id, number)
);
CREATE INDEX publication_issues_listing ON publication_issues (series_id, status, number DESC);
CREATE INDEX publication_issues_translation ON publication_issues (translation_group);

-- The HTML edition of an issue: the articles it collects, in order.
CREATE TABLE publication_issue_articles (
    issue_id    INTEGER NOT NULL REFERENCES publication_issues(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (issue_id, article_id)
);
CREATE INDEX publication_issue_articles_article ON publication_issue_articles (article_id);
