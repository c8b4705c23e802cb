package postgres

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// Listen keeps one connection LISTENing on Channel and calls onChange for
// every notice another node sends (notices whose payload is self, this
// node's own, are skipped: its caches already know). It returns once the
// first LISTEN is in place, or the error that kept it from starting; then a
// goroutine carries on until ctx ends, reconnecting with backoff when the
// connection drops. A reconnection counts as a change, since notices sent
// while it was down are lost.
func Listen(ctx context.Context, url, self string, onChange func(), logger *slog.Logger) error {
	conn, err := listenConn(ctx, url)
	if err != nil {
		return fmt.Errorf("listening for changes: cannot reach PostgreSQL at %s: %w", Redact(url), err)
	}
	go func() {
		wait := time.Second
		for {
			err := receive(ctx, conn, self, onChange)
			conn.Close(context.WithoutCancel(ctx))
			if ctx.Err() != nil {
				return
			}
			logger.Warn("change notices interrupted; reconnecting", "err", err)
			for {
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait):
				}
				if conn, err = listenConn(ctx, url); err == nil {
					break
				}
				wait = min(2*wait, 30*time.Second)
				logger.Warn("change notices: reconnecting failed", "err", err, "retry_in", wait)
			}
			wait = time.Second
			logger.Info("change notices: listening again")
			onChange()
		}
	}()
	return nil
}

func listenConn(ctx context.Context, url string) (*pgx.Conn, error) {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(cctx, url)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(cctx, "LISTEN "+Channel); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return conn, nil
}

// receive waits for notices until the connection fails or ctx ends.
func receive(ctx context.Context, conn *pgx.Conn, self string, onChange func()) error {
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Payload != self {
			onChange()
		}
	}
}
