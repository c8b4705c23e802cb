package cli

import (
	"context"
	"log/slog"
	"time"
)

// schedulerTick is how often due articles are published. Publishing is one
// indexed UPDATE that changes nothing most of the time, so a short tick
// costs little and makes "publish at 14:00" happen at 14:00.
const schedulerTick = time.Second

// subscriberIPRetention is how long a newsletter subscription keeps the
// keyed hash of the address it came from.
const subscriberIPRetention = 30 * 24 * time.Hour

// runScheduler publishes scheduled articles when they fall due (also those
// that fell due while the site was down) and sweeps expired sessions, until
// ctx ends.
func (a *app) runScheduler(ctx context.Context, logger *slog.Logger) {
	tick := time.NewTicker(schedulerTick)
	defer tick.Stop()
	lastSweep := time.Time{}
	for {
		if n, err := a.content.PublishDue(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			logger.Error("scheduled publishing failed", "err", err)
		} else if n > 0 {
			logger.Info("published scheduled articles", "count", n)
		}
		if time.Since(lastSweep) > time.Hour {
			if err := a.store.DeleteExpiredSessions(ctx, time.Now()); err != nil && ctx.Err() == nil {
				logger.Error("sweeping sessions failed", "err", err)
			}
			if _, err := a.store.ForgetExpired(ctx, time.Now()); err != nil && ctx.Err() == nil {
				logger.Error("sweeping used form tokens failed", "err", err)
			}
			// Privacy: address hashes of comments and contact messages
			// go after the retention period.
			if a.comments != nil {
				if _, err := a.comments.SweepIPs(ctx); err != nil && ctx.Err() == nil {
					logger.Error("sweeping comment address hashes failed", "err", err)
				}
			}
			if a.contact != nil {
				if _, err := a.contact.SweepIPs(ctx); err != nil && ctx.Err() == nil {
					logger.Error("sweeping contact address hashes failed", "err", err)
				}
			}
			// Subscribers' keyed IP hashes serve only against abuse right
			// after subscribing; they are emptied after the retention period.
			if _, err := a.store.ClearSubscriberIPs(ctx, time.Now().Add(-subscriberIPRetention)); err != nil && ctx.Err() == nil {
				logger.Error("forgetting subscribers' IP hashes failed", "err", err)
			}
			lastSweep = time.Now()
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
