-- Full-text search (see internal/search and internal/store/search.go).
--
-- search_documents has one row for every findable item — only published ones
-- — whatever its kind: 'article' and 'page' now; media posts and
-- publications join with kinds of their own. search_index is SQLite's FTS5
-- text of each row (rowid = search_documents.id): the title and the body
-- folded by i18n.Fold, so Persian and Arabic letter forms, diacritics, tatweel,
-- ZWNJ and digits all match. The store writes both in the same transaction
-- as the item itself. The index is contentless: snippets are cut from the
-- items' own text, so no text is stored twice.
--
-- A document's id orders the index: id = edition << 53 | (published_at +
-- 2^32) << 20 | sequence (see store/search.go). FTS5 can then select an
-- edition and a date range as a rowid range and read the newest matches
-- first without sorting; search_editions numbers the editions for it.
CREATE TABLE search_documents (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    item_id       INTEGER NOT NULL,
    edition       TEXT NOT NULL,
    published_at  INTEGER NOT NULL,
    UNIQUE (kind, item_id)
);
CREATE TABLE search_editions (
    code  TEXT PRIMARY KEY,
    n     INTEGER NOT NULL UNIQUE CHECK (n BETWEEN 1 AND 1023)
);

-- The tokenizer splits exactly as search.Tokens does: letters, digits, marks
-- and private-use characters make words; case and Arabic-script variants are
-- already folded, and Latin diacritics stay (Albanian "e" and "ë" differ).
-- The prefix index makes three-letter prefix queries cheap (shorter words
-- are never prefixes, longer ones scan few terms).
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'",
    prefix = '3'
);

-- Safety nets: whatever path deletes or unpublishes an item, it leaves the
-- index. (Indexing needs Go's folding, so the store does that itself.)
CREATE TRIGGER search_article_deleted AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_documents WHERE kind = 'article' AND item_id = old.id);
    DELETE FROM search_documents WHERE kind = 'article' AND item_id = old.id;
END;
CREATE TRIGGER search_article_unpublished AFTER UPDATE OF status ON articles WHEN new.status <> 'published' BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_documents WHERE kind = 'article' AND item_id = old.id);
    DELETE FROM search_documents WHERE kind = 'article' AND item_id = old.id;
END;
CREATE TRIGGER search_page_deleted AFTER DELETE ON pages BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_documents WHERE kind = 'page' AND item_id = old.id);
    DELETE FROM search_documents WHERE kind = 'page' AND item_id = old.id;
END;
CREATE TRIGGER search_page_unpublished AFTER UPDATE OF status ON pages WHEN new.status <> 'published' BEGIN
    DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_documents WHERE kind = 'page' AND item_id = old.id);
    DELETE FROM search_documents WHERE kind = 'page' AND item_id = old.id;
END;
