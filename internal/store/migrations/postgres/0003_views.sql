-- Reads per article per day, for "Most read". Only a number is kept: no
-- cookie, address or other identifier of the reader (see internal/readership).
-- day is days since 1970-01-01 (UTC). Writing counts does not change the
-- store's generation, so reads never invalidate cached pages.
CREATE TABLE article_views (
    article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    day         INTEGER NOT NULL,
    views       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_views_day ON article_views (day, article_id, views);
