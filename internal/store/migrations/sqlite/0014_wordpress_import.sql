-- WordPress import: which Masthead row each imported WordPress item became
-- (so a second import changes nothing and a newer export updates what
-- changed), and the old WordPress URLs that now answer with a 301.

CREATE TABLE wp_import_map (
    site       TEXT NOT NULL,     -- the WordPress site (its URL without scheme)
    kind       TEXT NOT NULL,     -- author, category, tag, article, page, media, comment, menu
    wp_key     TEXT NOT NULL,     -- the WordPress id ("slug:x" for WXR 1.0 terms)
    target_id  INTEGER NOT NULL,  -- our row's id
    hash       TEXT NOT NULL DEFAULT '',  -- what was imported, to see a change
    meta       TEXT NOT NULL DEFAULT '',  -- WordPress facts without a column (sticky, format)
    PRIMARY KEY (site, kind, wp_key)
);

-- An old path ("/2013/01/10/hello/", "/?p=12") and what it points to now;
-- the canonical URL is resolved at request time, so later slug changes
-- still land on the right page.
CREATE TABLE redirects (
    path         TEXT PRIMARY KEY,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('article', 'page', 'category', 'category_feed', 'tag', 'tag_feed', 'media', 'author', 'author_feed')),
    target_id    INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
