package mail

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// ErrQueueFull is returned when the queue cannot take another message.
var ErrQueueFull = errors.New("mail: the outgoing queue is full")

// Queue sends messages through another Sender on one background
// goroutine, so a web request never waits for (or learns about) a mail
// server. It lives in memory: messages still queued when the process is
// killed are lost. A durable outbox in the database is the planned
// replacement; it will implement Sender the same way.
type Queue struct {
	next   Sender
	logger *slog.Logger
	ch     chan *Message
	// Retries are the waits before the second and later attempts.
	Retries []time.Duration
}

// NewQueue makes a queue of up to size messages in front of next.
func NewQueue(next Sender, size int, logger *slog.Logger) *Queue {
	if logger == nil {
		logger = slog.Default()
	}
	return &Queue{next: next, logger: logger, ch: make(chan *Message, size), Retries: []time.Duration{5 * time.Second, 30 * time.Second}}
}

// Send queues a copy of m; it never blocks.
func (q *Queue) Send(_ context.Context, m *Message) error {
	c := *m
	c.To = append([]string(nil), m.To...)
	select {
	case q.ch <- &c:
		return nil
	default:
		return ErrQueueFull
	}
}

// Run sends queued messages until ctx ends. Then it goes on for up to
// drain: the message in flight and those still queued get that long.
func (q *Queue) Run(ctx context.Context, drain time.Duration) {
	sendCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(drain, cancel) })
	defer stop()
	for {
		select {
		case m := <-q.ch:
			q.deliver(sendCtx, ctx, m)
		case <-ctx.Done():
			for {
				select {
				case m := <-q.ch:
					q.deliver(sendCtx, ctx, m)
				default:
					return
				}
			}
		}
	}
}

// deliver tries a message, retrying after the queue's waits until run ends.
func (q *Queue) deliver(sendCtx, run context.Context, m *Message) {
	var err error
	for attempt := 0; ; attempt++ {
		if err = q.next.Send(sendCtx, m); err == nil {
			q.logger.Info("mail sent", "to", len(m.To), "attempt", attempt+1)
			return
		}
		if attempt >= len(q.Retries) || run.Err() != nil {
			break
		}
		q.logger.Warn("mail not sent yet; trying again", "err", err, "in", q.Retries[attempt])
		t := time.NewTimer(q.Retries[attempt])
		select {
		case <-run.Done():
			t.Stop()
		case <-t.C:
		}
	}
	q.logger.Error("mail could not be sent", "err", err)
}
