// Package app is cairn's service layer: the one door to the record. Every
// method takes the Actor it runs for, checks permission, runs one
// transaction and writes the audit trail inside it, so the web pages, the
// JSON API and the command line leave the same trail. Handlers stay thin.
package app

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"cairn/internal/csc"
)

// Options configure the service layer.
type Options struct {
	// Authority is the council's name as letters and pages show it.
	Authority string
	// AuthorityAddress is the return address on letters.
	AuthorityAddress []string
	// FrontDoorPhone and FrontDoorEmail are how referrers reach the front
	// door; letters print them.
	FrontDoorPhone, FrontDoorEmail string
	// Demo lets the demo accounts sign in with the demo password. Outside
	// demo mode those accounts are refused.
	Demo bool
	// Now is the clock; nil means time.Now. Tests fix it.
	Now func() time.Time
	// Logger receives operational logs, which never name a child.
	Logger *slog.Logger
	// PasswordCost tunes argon2id; zero means the production cost.
	PasswordCost PasswordCost
	// SessionLength is how long a sign-in lasts (default 10 hours).
	SessionLength time.Duration
}

// App is the service layer.
type App struct {
	store csc.Store
	opt   Options
	log   *slog.Logger
	audit *auditSink
	gate  *throttle

	dummyOnce sync.Once
	dummy     string

	ssda903 ssda903Runs // recent checks of SSDA903 returns (returns903.go)
}

// New returns the service layer over a store. Close it to flush the audit
// trail of reads.
func New(store csc.Store, opt Options) *App {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.PasswordCost == (PasswordCost{}) {
		opt.PasswordCost = ProductionPasswordCost
	}
	if opt.SessionLength == 0 {
		opt.SessionLength = 10 * time.Hour
	}
	if opt.Authority == "" {
		opt.Authority = "Children's Services"
	}
	a := &App{store: store, opt: opt, log: opt.Logger, gate: newThrottle(opt.Now)}
	a.audit = newAuditSink(store, opt.Logger)
	return a
}

// Close flushes the audit trail of reads and stops its writer.
func (a *App) Close() { a.audit.close() }

// Options returns the options the app runs with.
func (a *App) Options() Options { return a.opt }

// Now returns the app's clock reading.
func (a *App) Now() time.Time { return a.opt.Now() }

// Today returns today's date in England.
func (a *App) Today() csc.Date { return csc.DateOf(a.opt.Now()) }

// read runs fn in a read transaction and then records the audit rows fn
// collected for the reads it made, waiting until they are durable: no page
// of a child's record is shown without its audit row.
func (a *App) read(ctx context.Context, fn func(tx csc.Tx, audit *auditor) error) error {
	var au auditor
	if err := a.store.Read(ctx, func(tx csc.Tx) error { return fn(tx, &au) }); err != nil {
		return err
	}
	return a.audit.record(ctx, au.entries)
}

// write runs fn in a write transaction; the audit rows fn collects are
// written in the same transaction, so a change and its audit row commit or
// fail together.
func (a *App) write(ctx context.Context, fn func(tx csc.Tx, audit *auditor) error) error {
	return a.store.Write(ctx, func(tx csc.Tx) error {
		var au auditor
		if err := fn(tx, &au); err != nil {
			return err
		}
		return tx.CreateAudit(au.entries...)
	})
}

// auditor collects a transaction's audit rows.
type auditor struct{ entries []csc.AuditEntry }

// add records that actor did action to a record of the child.
func (au *auditor) add(actor csc.Actor, action, subjectType string, subjectID, childID int64, detail string) {
	au.entries = append(au.entries, csc.AuditEntry{StaffID: actor.StaffID, Action: action,
		SubjectType: subjectType, SubjectID: subjectID, ChildID: childID, Channel: actor.Channel, Detail: detail})
}

// event adds an entry to a child's timeline, stamped with the actor.
func event(tx csc.Tx, actor csc.Actor, childID int64, kind, summary, subjectType string, subjectID int64) error {
	return tx.CreateEvent(&csc.Event{ChildID: childID, Kind: kind, Summary: summary,
		SubjectType: subjectType, SubjectID: subjectID, StaffID: actor.StaffID})
}

// forbidden is the error for an action the actor's role does not grant.
func forbidden(actor csc.Actor, act csc.Action) error {
	return &csc.Error{Kind: csc.Forbidden, Message: "Your role (" + actor.Role.Label() + ") cannot do that."}
}

// require checks the actor is signed in and may take the action.
func require(actor csc.Actor, act csc.Action) error {
	if actor.StaffID == 0 {
		return csc.Errorf(csc.Unauthenticated, "Sign in to continue.")
	}
	if !actor.Role.Can(act) {
		return forbidden(actor, act)
	}
	return nil
}
