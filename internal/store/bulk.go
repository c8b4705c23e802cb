package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/masthead-news/masthead/internal/content"
	"github.com/masthead-news/masthead/internal/search"
	"github.com/masthead-news/masthead/internal/wpimport"
)

// Bulk transactions load many items at once (the WordPress import) through
// the very store methods that write one item at a time, so an imported
// article is stored exactly as one saved in the admin. While one lasts:
//
//   - search text is written in batches of documents, sorted by id, in one
//     statement each, and folded (markup stripped, letters folded) on
//     goroutines of their own while the next items are stored. SQLite's FTS5 writes the words it holds in memory to
//     disk at the start of every statement that may need to roll back (its
//     savepoint), so text inserted one document at a time became one tiny
//     index segment per article, and merging those cost more than writing
//     the articles themselves. A document's text is written only if the
//     document still exists when its batch goes out; unindexing an item
//     drops its pending text. Searches in the same transaction flush first.
//   - the WordPress import's mapping rows and redirects are written in
//     statements of many rows (reading one back finds it held back);
//   - the ids of tags and search editions once read or made are remembered
//     (ids only, at most bulkTagCache tags; renaming, merging or deleting a
//     tag forgets them all);
//   - on SQLite the writer's page cache is larger (bulkCacheKiB), so pages of
//     the indexes that every insert touches are not written out and read
//     back again and again, and statement journals (the pages a statement
//     changed, kept until it ends so that it alone can be undone) stay in
//     memory instead of a temporary file. Durability is untouched: the
//     commit is the same.

// bulkTextBatch and bulkTextBytes bound the search text held back: a batch
// goes out at 256 documents or 1 MiB of text (FTS5 flushes its own
// in-memory index at 1 MiB anyway).
const (
	bulkRowBatch  = 200 // mapping and redirect rows per statement
	bulkTextBatch = 256
	bulkTextBytes = 1 << 20
	bulkTagCache  = 10000
	bulkCacheKiB  = 32 << 10
)

type bulkKey struct{}

// pendingText is a document's text waiting for its batch. Its folded title
// and body are computed on a goroutine of their own (folding and stripping
// markup are CPU work the database connection need not wait for); the
// batch waits for them.
type pendingText struct {
	kind        search.Kind
	item        int64
	size        int
	title, body string // set by the folding goroutine
}

type bulkState struct {
	texts    map[int64]*pendingText // by document id
	folding  sync.WaitGroup         // the goroutines folding pending texts
	bytes    int
	tags     map[string]content.Tag // edition + "\x00" + slug
	editions map[string]int64       // search edition numbers by code
	// the WordPress import's mapping rows and redirects, by primary key
	mappings  map[mappingKey]wpimport.Mapping
	redirects map[string]pendingRedirect
}

func bulkOf(ctx context.Context) *bulkState {
	b, _ := ctx.Value(bulkKey{}).(*bulkState)
	return b
}

// WithinBulkTx runs fn in one transaction, as WithinTx does, set up for
// writing many items (see above). Called inside a transaction it joins it
// and its batches go out when fn returns.
func (s *Store) WithinBulkTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if bulkOf(ctx) != nil {
		return fn(ctx)
	}
	run := func(ctx context.Context) error {
		b := &bulkState{texts: map[int64]*pendingText{}, tags: map[string]content.Tag{}, editions: map[string]int64{},
			mappings: map[mappingKey]wpimport.Mapping{}, redirects: map[string]pendingRedirect{}}
		ctx = context.WithValue(ctx, bulkKey{}, b)
		err := fn(ctx)
		for _, flush := range []func(context.Context) error{s.flushTexts, s.flushMappings, s.flushRedirects} {
			if err == nil {
				err = flush(ctx)
			}
		}
		b.folding.Wait() // none outlives the transaction
		return err
	}
	if _, inTx := ctx.Value(txKey{}).(*sql.Tx); inTx || s.dialect.Name() != "sqlite" {
		return s.WithinTx(ctx, run)
	}
	// The pragmas apply to the writer connection (there is one), before the
	// transaction begins (SQLite decides where statement journals go then),
	// and are put back after it.
	var restore []string
	for _, p := range []struct{ name, value string }{
		{"cache_size", "-" + strconv.Itoa(bulkCacheKiB)},
		{"temp_store", "2"}, // MEMORY
	} {
		var old string
		if err := s.write.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(&old); err != nil {
			return err
		}
		if _, err := s.write.ExecContext(ctx, "PRAGMA "+p.name+" = "+p.value); err != nil {
			return err
		}
		restore = append(restore, "PRAGMA "+p.name+" = "+old)
	}
	err := s.WithinTx(ctx, run)
	for _, q := range restore {
		if _, rerr := s.write.ExecContext(context.WithoutCancel(ctx), q); rerr != nil && err == nil {
			err = fmt.Errorf("bulk transaction: %s: %w", q, rerr)
		}
	}
	return err
}

// putText writes a document's search text, or holds it for the next batch
// in a bulk transaction.
func (s *Store) putText(ctx context.Context, eng searchEngine, d search.Document, id int64, text textSource) error {
	b := bulkOf(ctx)
	if b == nil {
		title, body := text.fold()
		return eng.writeText(ctx, s, id, title, body)
	}
	t := &pendingText{kind: d.Kind, item: d.ID, size: text.size()}
	b.folding.Add(1)
	go func() {
		defer b.folding.Done()
		t.title, t.body = text.fold()
	}()
	if old, ok := b.texts[id]; ok {
		b.bytes -= old.size
	}
	b.texts[id] = t
	b.bytes += t.size
	if len(b.texts) >= bulkTextBatch || b.bytes >= bulkTextBytes {
		return s.flushTexts(ctx)
	}
	return nil
}

// dropText removes a document's text, pending or written.
func (s *Store) dropText(ctx context.Context, eng searchEngine, id int64) error {
	if b := bulkOf(ctx); b != nil {
		if old, ok := b.texts[id]; ok {
			b.bytes -= old.size
			delete(b.texts, id)
		}
	}
	return eng.deleteText(ctx, s, id)
}

// dropPendingItem forgets the pending text of an item, whatever its
// document id (a trigger may have removed the document already).
func dropPendingItem(ctx context.Context, kind search.Kind, item int64) {
	b := bulkOf(ctx)
	if b == nil {
		return
	}
	for id, t := range b.texts {
		if t.kind == kind && t.item == item {
			b.bytes -= t.size
			delete(b.texts, id)
		}
	}
}

// flushTexts writes the pending search texts of a bulk transaction.
func (s *Store) flushTexts(ctx context.Context) error {
	b := bulkOf(ctx)
	if b == nil || len(b.texts) == 0 {
		return nil
	}
	eng, err := s.searchEngine()
	if err != nil {
		return err
	}
	b.folding.Wait()
	ids := make([]int64, 0, len(b.texts))
	for id := range b.texts {
		ids = append(ids, id)
	}
	// In id order: FTS5 starts a new segment when a rowid is lower than the
	// one before.
	slices.Sort(ids)
	rows := make([]textRow, len(ids))
	for i, id := range ids {
		t := b.texts[id]
		rows[i] = textRow{id: id, title: t.title, body: t.body}
	}
	clear(b.texts)
	b.bytes = 0
	if err := eng.writeTexts(ctx, s, rows); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return nil
}

// textRow is one document's folded text for writeTexts.
type textRow struct {
	id          int64
	title, body string
}

// bulkTag finds a tag remembered in a bulk transaction.
func bulkTag(ctx context.Context, edition, slug string) (content.Tag, bool) {
	if b := bulkOf(ctx); b != nil {
		t, ok := b.tags[edition+"\x00"+slug]
		return t, ok
	}
	return content.Tag{}, false
}

func rememberTag(ctx context.Context, t content.Tag) {
	b := bulkOf(ctx)
	if b == nil {
		return
	}
	if len(b.tags) >= bulkTagCache {
		clear(b.tags)
	}
	b.tags[t.Edition+"\x00"+t.Slug] = t
}

// forgetTags drops the remembered tags after a tag changed.
func forgetTags(ctx context.Context) {
	if b := bulkOf(ctx); b != nil {
		clear(b.tags)
	}
}
