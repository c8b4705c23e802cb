-- Indexes for the listings, checked with EXPLAIN QUERY PLAN on 100,000
-- articles (bench/): an author's listing is filtered by edition and status
-- and ordered like every listing, so its index carries all of that and the
-- page's ids come from the index alone.
DROP INDEX IF EXISTS articles_author;
CREATE INDEX articles_author ON articles (author_id, edition, status, published_at DESC, id DESC);
