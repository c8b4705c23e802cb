package store

import (
	"context"

	"github.com/masthead-news/masthead/internal/content"
)

// ReplaceMenu swaps an edition's whole menu tree in one transaction.
func (s *Store) ReplaceMenu(ctx context.Context, edition string, items []*content.MenuItem) error {
	return s.WithinTx(ctx, func(ctx context.Context) error {
		if _, err := s.exec(ctx, "DELETE FROM menu_items WHERE edition = ?", edition); err != nil {
			return err
		}
		var add func(list []*content.MenuItem, parent int64) error
		add = func(list []*content.MenuItem, parent int64) error {
			for i, it := range list {
				id, err := s.insert(ctx, "INSERT INTO menu_items (edition, parent_id, position, label, kind, target, translation_group) VALUES (?, ?, ?, ?, ?, ?, ?)",
					edition, nullID(parent), i, it.Label, it.Kind, it.Target, it.TranslationGroup)
				if err != nil {
					return err
				}
				it.ID, it.Edition, it.ParentID, it.Position = id, edition, parent, i
				if it.TranslationGroup == 0 { // a new item leads its own translation group
					it.TranslationGroup = id
					if _, err := s.exec(ctx, "UPDATE menu_items SET translation_group = ? WHERE id = ?", id, id); err != nil {
						return err
					}
				}
				if err := add(it.Children, id); err != nil {
					return err
				}
			}
			return nil
		}
		return add(items, 0)
	})
}

// Menu loads an edition's menu as a tree.
func (s *Store) Menu(ctx context.Context, edition string) ([]*content.MenuItem, error) {
	rows, err := s.query(ctx, `SELECT id, edition, COALESCE(parent_id, 0), position, label, kind, target,
		COALESCE(NULLIF(translation_group, 0), id) FROM menu_items WHERE edition = ? ORDER BY position, id`, edition)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]*content.MenuItem{}
	var all []*content.MenuItem
	for rows.Next() {
		it := &content.MenuItem{}
		if err := rows.Scan(&it.ID, &it.Edition, &it.ParentID, &it.Position, &it.Label, &it.Kind, &it.Target, &it.TranslationGroup); err != nil {
			return nil, err
		}
		byID[it.ID] = it
		all = append(all, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var roots []*content.MenuItem
	for _, it := range all {
		if p := byID[it.ParentID]; p != nil {
			p.Children = append(p.Children, it)
		} else {
			roots = append(roots, it)
		}
	}
	return roots, nil
}
