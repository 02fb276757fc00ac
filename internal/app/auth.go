package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"cairn/internal/csc"
)

// DemoPassword is the password of the demo accounts, which works only when
// the app runs in demo mode.
const DemoPassword = "demo"

func newToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

var errBadSignIn = csc.Errorf(csc.Unauthenticated, "Enter a correct username and password.")

// SignIn checks a username and password and starts a session, returning its
// token (for the cookie) and the actor. Failures say nothing about which
// part was wrong; repeated failures are throttled. addr is the client's
// address, used only for throttling.
func (a *App) SignIn(ctx context.Context, username, password, addr string) (token string, actor csc.Actor, err error) {
	defer csc.WrapOp(&err, "app.SignIn")
	username = strings.ToLower(strings.TrimSpace(username))
	if !a.gate.allowed(username, addr) {
		return "", csc.Actor{}, csc.Errorf(csc.TooMany, "Too many failed sign-in attempts. Wait 15 minutes and try again.")
	}
	var staff *csc.Staff
	var hash string
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		var err error
		staff, hash, err = tx.FindStaffByUsername(username)
		return err
	})
	if err != nil && csc.ErrorKind(err) != csc.NotFound {
		return "", csc.Actor{}, err
	}
	ok := staff != nil && checkPassword(password, hash) && staff.Usable(a.Now()) && (!staff.Demo || a.opt.Demo)
	if !ok {
		if staff == nil {
			// Spend the same time as a real check so a missing account
			// cannot be told from a wrong password.
			checkPassword(password, a.dummyHash())
		}
		a.gate.fail(username, addr)
		a.log.Info("sign-in refused", "addr", addr)
		return "", csc.Actor{}, errBadSignIn
	}
	a.gate.succeed(username)
	token, th, err := newToken()
	if err != nil {
		return "", csc.Actor{}, err
	}
	actor = staff.Actor(csc.ChannelWeb)
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if err := tx.CreateSession(th, staff.ID, a.Now().Add(a.opt.SessionLength)); err != nil {
			return err
		}
		au.add(actor, "sign-in", "staff", staff.ID, 0, "")
		return tx.RecordSignIn(staff.ID)
	})
	return token, actor, err
}

// dummyHash is a hash at the app's cost that matches no password.
func (a *App) dummyHash() string {
	a.dummyOnce.Do(func() { a.dummy, _ = hashPassword("not a real password", a.opt.PasswordCost) })
	return a.dummy
}

// Session returns the actor behind a session token, or Unauthenticated.
func (a *App) Session(ctx context.Context, token string) (csc.Actor, error) {
	if token == "" {
		return csc.Actor{}, csc.Errorf(csc.Unauthenticated, "Sign in to continue.")
	}
	var staff *csc.Staff
	// Every request asks this: one statement, so it needs no transaction.
	err := a.store.Glance(ctx, func(tx csc.Tx) error {
		var err error
		staff, _, err = tx.FindSession(hashToken(token))
		return err
	})
	if err != nil && csc.ErrorKind(err) != csc.NotFound {
		return csc.Actor{}, &csc.Error{Op: "app.Session", Kind: csc.Internal, Err: err}
	}
	if err != nil || !staff.Usable(a.Now()) || (staff.Demo && !a.opt.Demo) {
		return csc.Actor{}, csc.Errorf(csc.Unauthenticated, "Your session has ended. Sign in again.")
	}
	return staff.Actor(csc.ChannelWeb), nil
}

// SignOut ends a session.
func (a *App) SignOut(ctx context.Context, token string) error {
	return a.store.Write(ctx, func(tx csc.Tx) error { return tx.DeleteSession(hashToken(token)) })
}

// TokenActor returns the actor behind an API bearer token.
func (a *App) TokenActor(ctx context.Context, token string) (csc.Actor, error) {
	var staff *csc.Staff
	err := a.store.Glance(ctx, func(tx csc.Tx) error {
		var err error
		staff, err = tx.FindToken(hashToken(token))
		return err
	})
	if err != nil && csc.ErrorKind(err) != csc.NotFound {
		return csc.Actor{}, &csc.Error{Op: "app.TokenActor", Kind: csc.Internal, Err: err}
	}
	if err != nil || !staff.Usable(a.Now()) || (staff.Demo && !a.opt.Demo) {
		return csc.Actor{}, csc.Errorf(csc.Unauthenticated, "The bearer token is not valid.")
	}
	return staff.Actor(csc.ChannelAPI), nil
}

// CreateToken makes an API bearer token for a member of staff, for the
// command line (`cairn user token NAME`): whoever runs it holds the server's
// database, so it runs as the system. The token is shown once; only its hash
// is kept.
func (a *App) CreateToken(ctx context.Context, username, name string, valid time.Duration) (token string, err error) {
	defer csc.WrapOp(&err, "app.CreateToken")
	token, th, err := newToken()
	if err != nil {
		return "", err
	}
	err = a.store.Write(ctx, func(tx csc.Tx) error {
		staff, _, err := tx.FindStaffByUsername(strings.ToLower(username))
		if err != nil {
			return err
		}
		if !staff.Usable(a.Now()) {
			return csc.Errorf(csc.Invalid, "The account %q is inactive or has expired.", username)
		}
		var exp time.Time
		if valid > 0 {
			exp = a.Now().Add(valid)
		}
		if !staff.ExpiresAt.IsZero() && (exp.IsZero() || exp.After(staff.ExpiresAt)) {
			exp = staff.ExpiresAt
		}
		if err := tx.CreateToken(th, staff.ID, name, exp); err != nil {
			return err
		}
		return tx.CreateAudit(csc.AuditEntry{StaffID: staff.ID, Action: "token-created", SubjectType: "staff",
			SubjectID: staff.ID, Channel: csc.ChannelCLI, Detail: name})
	})
	return token, err
}
