-- Folded slugs (see i18n.Fold) so a URL typed with Arabic yeh and kaf finds a
-- Persian slug and the reverse. The store fills them on every write and
-- backfills rows written before this migration.
ALTER TABLE articles ADD COLUMN slug_key TEXT NOT NULL DEFAULT '';
ALTER TABLE pages ADD COLUMN slug_key TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN slug_key TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_slug_key ON articles (edition, slug_key);
CREATE INDEX pages_slug_key ON pages (edition, slug_key);
CREATE INDEX categories_slug_key ON categories (edition, slug_key);
