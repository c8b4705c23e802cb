package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/masthead-news/masthead/internal/edition"
)

// Editions returns every edition in display order.
func (s *Store) Editions(ctx context.Context) ([]edition.Edition, error) {
	rows, err := s.query(ctx, `SELECT code, name, lang, dir, calendar, digits, time_zone, is_default, position,
		site_name, tagline, description, footer_text, copyright_year, listing_mode, per_page, social_links
		FROM editions ORDER BY is_default DESC, position, code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []edition.Edition
	for rows.Next() {
		var e edition.Edition
		var isDefault int
		var social string
		if err := rows.Scan(&e.Code, &e.Name, &e.Lang, &e.Dir, &e.Calendar, &e.Digits, &e.TimeZone, &isDefault, &e.Position,
			&e.Settings.SiteName, &e.Settings.Tagline, &e.Settings.Description, &e.Settings.FooterText,
			&e.Settings.CopyrightYear, &e.Settings.ListingMode, &e.Settings.PerPage, &social); err != nil {
			return nil, err
		}
		e.IsDefault = isDefault == 1
		if err := json.Unmarshal([]byte(social), &e.Settings.Social); err != nil {
			return nil, fmt.Errorf("edition %s: social links: %w", e.Code, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveEdition inserts or updates an edition and its settings.
func (s *Store) SaveEdition(ctx context.Context, e *edition.Edition) error {
	social, err := json.Marshal(e.Settings.Social)
	if err != nil {
		return err
	}
	if e.Settings.Social == nil {
		social = []byte("[]")
	}
	_, err = s.exec(ctx, `INSERT INTO editions (code, name, lang, dir, calendar, digits, time_zone, is_default, position,
		site_name, tagline, description, footer_text, copyright_year, listing_mode, per_page, social_links)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, lang = excluded.lang, dir = excluded.dir,
		calendar = excluded.calendar, digits = excluded.digits, time_zone = excluded.time_zone,
		is_default = excluded.is_default, position = excluded.position, site_name = excluded.site_name,
		tagline = excluded.tagline, description = excluded.description, footer_text = excluded.footer_text,
		copyright_year = excluded.copyright_year, listing_mode = excluded.listing_mode,
		per_page = excluded.per_page, social_links = excluded.social_links`,
		e.Code, e.Name, e.Lang, e.Dir, e.Calendar, e.Digits, e.TimeZone, boolInt(e.IsDefault), e.Position,
		e.Settings.SiteName, e.Settings.Tagline, e.Settings.Description, e.Settings.FooterText,
		e.Settings.CopyrightYear, e.Settings.ListingMode, e.Settings.PerPage, string(social))
	return err
}

// Setting reads a site-wide setting; ok is false when it is unset.
func (s *Store) Setting(ctx context.Context, name string) (value string, ok bool, err error) {
	err = s.queryRow(ctx, "SELECT value FROM settings WHERE name = ?", name).Scan(&value)
	if err != nil {
		if isNoRows(err) {
			return "", false, nil
		}
		return "", false, err
	}
	return value, true, nil
}

// SetSetting stores a site-wide setting.
func (s *Store) SetSetting(ctx context.Context, name, value string) error {
	_, err := s.exec(ctx, `INSERT INTO settings (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, value)
	return err
}
