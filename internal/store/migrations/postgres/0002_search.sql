-- Full-text search on PostgreSQL (see internal/search, store/search.go and
-- store/search_postgres.go). search_documents and search_editions are the
-- same as on SQLite: one row per published item, with ids that order the
-- index by edition and publication time (see docKey in store/search.go).
--
-- search_texts holds each document's words as a tsvector that the store
-- builds itself from search.Tokens over the i18n.Fold-ed title and body, so
-- Arabic and Persian letter forms, diacritics, tatweel, ZWNJ and digits fold
-- exactly as on SQLite; PostgreSQL's own parser never splits or stems them.
-- Title words carry weight A and body words weight D (ts_rank_cd counts a
-- title word ten times a body word). The GIN index finds the matches.
CREATE TABLE search_documents (
    id            BIGINT PRIMARY KEY,
    kind          TEXT NOT NULL,
    item_id       BIGINT NOT NULL,
    edition       TEXT NOT NULL,
    published_at  BIGINT NOT NULL,
    UNIQUE (kind, item_id)
);
CREATE TABLE search_editions (
    code  TEXT PRIMARY KEY,
    n     INTEGER NOT NULL UNIQUE CHECK (n BETWEEN 1 AND 1023)
);

CREATE TABLE search_texts (
    id   BIGINT PRIMARY KEY REFERENCES search_documents(id) ON DELETE CASCADE,
    tsv  tsvector NOT NULL
);
CREATE INDEX search_texts_tsv ON search_texts USING GIN (tsv);

-- Safety nets: whatever path deletes or unpublishes an item, it leaves the
-- index (search_texts follows search_documents by its foreign key).
CREATE FUNCTION search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_documents WHERE kind = TG_ARGV[0] AND item_id = OLD.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER search_article_deleted AFTER DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION search_forget('article');
CREATE TRIGGER search_article_unpublished AFTER UPDATE OF status ON articles
    FOR EACH ROW WHEN (NEW.status <> 'published') EXECUTE FUNCTION search_forget('article');
CREATE TRIGGER search_page_deleted AFTER DELETE ON pages
    FOR EACH ROW EXECUTE FUNCTION search_forget('page');
CREATE TRIGGER search_page_unpublished AFTER UPDATE OF status ON pages
    FOR EACH ROW WHEN (NEW.status <> 'published') EXECUTE FUNCTION search_forget('page');
