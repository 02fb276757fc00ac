package app_test

import (
	"context"
	"testing"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Every clock of every child computed from the record as of a date, as
// `cairn clocks --as-of` does (the target: 50,000 children in under
// 2 s on SQLite). Run with -benchtime 3x.
func BenchmarkComputeAllClocks(b *testing.B) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		for range b.N {
			n := 0
			err := w.app.ComputeClocks(context.Background(), w.app.Today(), func(_ csc.ChildFacts, cs []clock.Clock) error {
				n += len(cs)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n), "clocks")
		}
	})
}

// One worker's tray and one team manager's team view (the target: a tray
// under 20 ms).
func BenchmarkWorkTray(b *testing.B) {
	benchEngines(b, func(b *testing.B, w *benchWorld) {
		sw, tm := benchActor(b, w, "sw"), benchActor(b, w, "tm")
		if _, err := w.app.RefreshAllClocks(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.Run("my-work", func(b *testing.B) {
			for range b.N {
				if _, err := w.app.MyWork(context.Background(), sw); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("front-door", func(b *testing.B) {
			for range b.N {
				if _, err := w.app.MyWork(context.Background(), w.actor); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("team", func(b *testing.B) {
			for range b.N {
				if _, err := w.app.TeamWork(context.Background(), tm); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

func benchActor(b *testing.B, w *benchWorld, username string) csc.Actor {
	var a csc.Actor
	err := w.db.Read(context.Background(), func(tx csc.Tx) error {
		s, _, err := tx.FindStaffByUsername(username)
		if err == nil {
			a = s.Actor(csc.ChannelWeb)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return a
}
