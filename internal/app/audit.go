package app

import (
	"context"
	"errors"
	"log/slog"
	"sync"

	"cairn/internal/csc"
)

// auditSink writes the audit rows of reads. Every read of a child's record
// needs a durable row before the page is shown; writing each in its own
// transaction would make fifty people reading pages queue for fifty disk
// flushes. The sink gathers the rows that arrive while one batch commits and
// writes them together (group commit): each caller still waits for its own
// row to be durable, but many share one flush.
type auditSink struct {
	store csc.Store
	log   *slog.Logger
	in    chan auditBatch
	done  chan struct{}

	mu     sync.RWMutex // held for reading while sending, for writing to close
	closed bool
}

type auditBatch struct {
	entries []csc.AuditEntry
	result  chan error
}

func newAuditSink(store csc.Store, log *slog.Logger) *auditSink {
	s := &auditSink{store: store, log: log, in: make(chan auditBatch, 1024), done: make(chan struct{})}
	go s.run()
	return s
}

var errAuditClosed = errors.New("app: the audit trail is closed")

// record writes entries and returns once they are committed.
func (s *auditSink) record(ctx context.Context, entries []csc.AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	b := auditBatch{entries: entries, result: make(chan error, 1)}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return errAuditClosed
	}
	select {
	case s.in <- b:
		s.mu.RUnlock()
	case <-ctx.Done():
		s.mu.RUnlock()
		return ctx.Err()
	}
	// Wait for the commit even if the caller gives up, so that a row is never
	// reported lost when it was in fact written.
	return <-b.result
}

func (s *auditSink) run() {
	defer close(s.done)
	for first := range s.in {
		group := []auditBatch{first}
	gather:
		for len(group) < 512 {
			select {
			case b, ok := <-s.in:
				if !ok {
					break gather
				}
				group = append(group, b)
			default:
				break gather
			}
		}
		var all []csc.AuditEntry
		for _, b := range group {
			all = append(all, b.entries...)
		}
		err := s.store.Write(context.Background(), func(tx csc.Tx) error { return tx.CreateAudit(all...) })
		if err != nil {
			s.log.Error("audit trail write failed", "rows", len(all), "err", err)
			err = &csc.Error{Kind: csc.Internal, Message: "The audit trail could not be written, so the record is not shown.", Err: err}
		}
		for _, b := range group {
			b.result <- err
		}
	}
}

func (s *auditSink) close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.in)
	}
	s.mu.Unlock()
	<-s.done
}
