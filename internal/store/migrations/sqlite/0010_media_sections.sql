-- The Media sections: cartoons, news photos (NewsPics), photo albums and
-- videos. One row per item of any kind; an album's photos are ordered rows
-- of their own. Every item belongs to an edition and joins a translation
-- group like articles and pages. Uploaded videos record their duration.
ALTER TABLE media ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0;

CREATE TABLE media_items (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('cartoon', 'newspic', 'album', 'video')),
    edition             TEXT NOT NULL REFERENCES editions(code),
    slug                TEXT NOT NULL,
    title               TEXT NOT NULL,
    caption             TEXT NOT NULL DEFAULT '',
    credit              TEXT NOT NULL DEFAULT '',
    category_id         INTEGER REFERENCES categories(id),
    image_media_id      INTEGER REFERENCES media(id),
    video_media_id      INTEGER REFERENCES media(id),
    alt_video_media_id  INTEGER REFERENCES media(id),
    external_url        TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    translation_group   INTEGER NOT NULL DEFAULT 0,
    created_by          INTEGER REFERENCES users(id),
    published_at        INTEGER NOT NULL DEFAULT 0,
    updated_at          INTEGER NOT NULL,
    UNIQUE (edition, kind, slug)
);
CREATE INDEX media_items_listing ON media_items (edition, kind, status, published_at);
CREATE INDEX media_items_translation ON media_items (translation_group);

CREATE TABLE album_photos (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES media_items(id) ON DELETE CASCADE,
    media_id  INTEGER NOT NULL REFERENCES media(id),
    position  INTEGER NOT NULL,
    caption   TEXT NOT NULL DEFAULT '',
    credit    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX album_photos_item ON album_photos (item_id, position);
