package cli

import (
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/masthead-news/masthead/internal/store/postgres"
)

// followOtherNodes makes this node see what other nodes write to a shared
// PostgreSQL database at once: each change notice (LISTEN/NOTIFY) drops the
// cached pages (the store's generation moves) and reloads the editions and
// site settings that the web layer keeps in memory. On SQLite there are no
// other nodes and it does nothing.
func (a *app) followOtherNodes(ctx context.Context, o *options, reloadEditions func(context.Context) error, logger *slog.Logger, wg *sync.WaitGroup) error {
	url := strings.TrimSpace(o.database)
	if !postgres.IsURL(url) {
		return nil
	}
	reload := make(chan struct{}, 1) // one pending reload covers any number of notices
	changed := func() {
		a.store.Changed()
		select {
		case reload <- struct{}{}:
		default:
		}
	}
	if err := postgres.Listen(ctx, url, a.store.NodeID(), changed, logger); err != nil {
		return err
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-reload:
				if err := reloadEditions(ctx); err != nil && ctx.Err() == nil {
					logger.Error("reloading editions after another node's change failed", "err", err)
				}
			}
		}
	}()
	return nil
}
