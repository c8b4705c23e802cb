-- The foundation schema: editions and their settings, authors, media, content,
-- menus, comments and user accounts. Times are Unix seconds (UTC) so that the
-- same queries sort and compare identically on SQLite and PostgreSQL.

CREATE TABLE editions (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    lang            TEXT NOT NULL,
    dir             TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
    calendar        TEXT NOT NULL DEFAULT 'gregorian',
    digits          TEXT NOT NULL DEFAULT 'latn',
    time_zone       TEXT NOT NULL DEFAULT 'UTC',
    is_default      INTEGER NOT NULL DEFAULT 0,
    position        INTEGER NOT NULL DEFAULT 0,
    site_name       TEXT NOT NULL,
    tagline         TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    footer_text     TEXT NOT NULL DEFAULT '',
    copyright_year  INTEGER NOT NULL DEFAULT 0,
    listing_mode    TEXT NOT NULL DEFAULT 'excerpt',
    per_page        INTEGER NOT NULL DEFAULT 10,
    social_links    TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    path        TEXT NOT NULL UNIQUE,
    filename    TEXT NOT NULL DEFAULT '',
    mime        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    title       TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

CREATE TABLE authors (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    bio              TEXT NOT NULL DEFAULT '',
    avatar_media_id  INTEGER REFERENCES media(id)
);

CREATE TABLE author_profiles (
    author_id  INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    edition    TEXT NOT NULL REFERENCES editions(code),
    name       TEXT NOT NULL,
    bio        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (author_id, edition)
);

CREATE TABLE categories (
    id                 INTEGER PRIMARY KEY,
    edition            TEXT NOT NULL REFERENCES editions(code),
    slug               TEXT NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    parent_id          INTEGER REFERENCES categories(id),
    position           INTEGER NOT NULL DEFAULT 0,
    translation_group  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (edition, slug)
);
CREATE INDEX categories_translation ON categories (translation_group);

CREATE TABLE tags (
    id       INTEGER PRIMARY KEY,
    edition  TEXT NOT NULL REFERENCES editions(code),
    slug     TEXT NOT NULL,
    name     TEXT NOT NULL,
    UNIQUE (edition, slug)
);

CREATE TABLE articles (
    id                   INTEGER PRIMARY KEY,
    edition              TEXT NOT NULL REFERENCES editions(code),
    slug                 TEXT NOT NULL,
    title                TEXT NOT NULL,
    excerpt              TEXT NOT NULL DEFAULT '',
    body_source          TEXT NOT NULL DEFAULT '',
    body_format          TEXT NOT NULL DEFAULT 'html',
    body_html            TEXT NOT NULL DEFAULT '',
    featured_media_id    INTEGER REFERENCES media(id),
    featured_caption     TEXT NOT NULL DEFAULT '',
    featured_alt         TEXT NOT NULL DEFAULT '',
    primary_category_id  INTEGER NOT NULL REFERENCES categories(id),
    author_id            INTEGER REFERENCES authors(id),
    ext_writer           TEXT NOT NULL DEFAULT '',
    ext_publication      TEXT NOT NULL DEFAULT '',
    ext_url              TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'scheduled', 'published')),
    published_at         INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    comments_open        INTEGER NOT NULL DEFAULT 1,
    translation_group    INTEGER NOT NULL DEFAULT 0,
    comment_count        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (edition, slug)
);
CREATE INDEX articles_listing ON articles (edition, status, published_at DESC, id DESC);
CREATE INDEX articles_author ON articles (author_id, status, published_at DESC);
CREATE INDEX articles_translation ON articles (translation_group);

CREATE TABLE article_categories (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    category_id  INTEGER NOT NULL REFERENCES categories(id),
    position     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, category_id)
);
CREATE INDEX article_categories_category ON article_categories (category_id, article_id);

CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

CREATE TABLE article_attachments (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    media_id    INTEGER NOT NULL REFERENCES media(id),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, media_id)
);

CREATE TABLE pages (
    id                 INTEGER PRIMARY KEY,
    edition            TEXT NOT NULL REFERENCES editions(code),
    slug               TEXT NOT NULL,
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',
    body_source        TEXT NOT NULL DEFAULT '',
    body_format        TEXT NOT NULL DEFAULT 'html',
    body_html          TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'scheduled', 'published')),
    translation_group  INTEGER NOT NULL DEFAULT 0,
    published_at       INTEGER NOT NULL DEFAULT 0,
    updated_at         INTEGER NOT NULL,
    UNIQUE (edition, slug)
);
CREATE INDEX pages_translation ON pages (translation_group);

CREATE TABLE menu_items (
    id         INTEGER PRIMARY KEY,
    edition    TEXT NOT NULL REFERENCES editions(code),
    parent_id  INTEGER REFERENCES menu_items(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    label      TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    target     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX menu_items_edition ON menu_items (edition, parent_id, position);

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments(id) ON DELETE CASCADE,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'trash')),
    created_at   INTEGER NOT NULL
);
CREATE INDEX comments_article ON comments (article_id, status, created_at);

CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'contributor')),
    password_hash  TEXT NOT NULL,
    author_id      INTEGER REFERENCES authors(id),
    created_at     INTEGER NOT NULL
);

CREATE TABLE settings (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
