-- Read counts keyed by edition and day first (after 0003_views, which keyed
-- them by article): an edition's last week is then one short stretch of the
-- key however long the history grows, so "Most read" stays cheap on a large
-- site. The counts are kept. Still no identifier of any reader.
CREATE TABLE article_views_by_edition (
    edition     TEXT NOT NULL,
    day         INTEGER NOT NULL,
    article_id  BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    views       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (edition, day, article_id)
);
INSERT INTO article_views_by_edition (edition, day, article_id, views)
    SELECT a.edition, v.day, v.article_id, v.views FROM article_views v JOIN articles a ON a.id = v.article_id;
DROP TABLE article_views;
ALTER TABLE article_views_by_edition RENAME TO article_views;
CREATE INDEX article_views_article ON article_views (article_id);
