-- The site structure in the admin: menu items get translation groups, so an
-- item can be linked to its counterparts in other editions' menus, like
-- articles, pages and categories. A group is the id of one of its members;
-- 0 (rows written by ReplaceMenu) means the item's own id.
ALTER TABLE menu_items ADD COLUMN translation_group BIGINT NOT NULL DEFAULT 0;
UPDATE menu_items SET translation_group = id WHERE translation_group = 0;
CREATE INDEX menu_items_translation ON menu_items (translation_group);
