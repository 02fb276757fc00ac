package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"cairn/internal/app"
	"cairn/internal/csc"
	"cairn/internal/synth"
)

func migrate(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	c.flags(fs, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if c.db == "" {
		return fmt.Errorf("%w: --db is required (or set CAIRN_DB)", errUsage)
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s database is at schema version %d.\n", db.Engine, v)
	return nil
}

func synthCmd(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	var children int
	var seed uint64
	var asOf string
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	c.flags(fs, "")
	fs.IntVar(&children, "children", 2000, "number of children")
	fs.Uint64Var(&seed, "seed", 1, "seed: the same seed and date give the same authority")
	fs.StringVar(&asOf, "as-of", "", "the date the history runs up to (default today)")
	var dirty dirtyFlags
	dirty.register(fs)
	var long longRecordsFlag
	long.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if children < 1 || children > 1_000_000 {
		return fmt.Errorf("%w: --children must be between 1 and 1000000", errUsage)
	}
	at := time.Now()
	if asOf != "" {
		d, err := csc.ParseDate(asOf)
		if err != nil {
			return fmt.Errorf("%w: --as-of: %v", errUsage, err)
		}
		at = d.In(csc.London).Add(12 * time.Hour)
	}
	opt := synth.Options{Children: children, Seed: seed, AsOf: at, LongRecords: bool(long)}
	if err := dirty.options(&opt, at); err != nil {
		return err
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	sum, err := synth.Generate(ctx, db, opt)
	if err != nil {
		return err
	}
	a := app.New(db, app.Options{Now: func() time.Time { return at }})
	defer a.Close()
	if _, err := a.RefreshAllClocks(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Synthetic authority written in %.1fs: %d children, %d adults, %d contacts (%d open), %d referrals, "+
		"%d assessments, %d protection plans, %d child in need plans, %d early help episodes, %d visits, %d staff in %d teams.\n",
		time.Since(start).Seconds(), sum.Children, sum.Adults, sum.Contacts, sum.OpenContacts, sum.Referrals,
		sum.Assessments, sum.CPPlans, sum.CINPlans, sum.EarlyHelp, sum.Visits, sum.Staff, sum.Teams)
	fmt.Fprintf(stdout, "Boards and committees: %d, with %d meetings and %d resolutions.\n", sum.Boards, sum.Meetings, sum.Resolutions)
	long.report(stdout, sum)
	return dirty.report(stdout, sum)
}

func user(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) < 2 {
		return fmt.Errorf("%w: cairn user create|token USERNAME --db DSN ...", errUsage)
	}
	verb, username := args[0], args[1]
	var c config
	fs := flag.NewFlagSet("user", flag.ContinueOnError)
	c.flags(fs, "")
	role := fs.String("role", "", "role: "+roleList())
	name := fs.String("name", "", "full name")
	team := fs.Int64("team", 0, "team id")
	valid := fs.Duration("valid", 30*24*time.Hour, "how long the token lasts")
	label := fs.String("label", "cli", "what the token is for")
	if err := parse(fs, args[2:]); err != nil {
		return err
	}
	db, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer db.Close()
	a := app.New(db, app.Options{})
	defer a.Close()
	switch verb {
	case "token":
		tok, err := a.CreateToken(ctx, username, *label, *valid)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, tok)
		return nil
	case "create":
		pw, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && pw == "" {
			return fmt.Errorf("%w: give the password on standard input", errUsage)
		}
		s, err := a.CreateAccount(ctx, csc.StaffInput{Username: username, Name: *name, Role: *role, TeamID: *team,
			Password: strings.TrimRight(pw, "\r\n"), Active: true})
		if err != nil {
			return fmt.Errorf("%s%s", csc.ErrorMessage(err), fieldList(err))
		}
		fmt.Fprintf(stdout, "Created %s (%s), account %d.\n", s.Username, s.Role.Label(), s.ID)
		return nil
	}
	return fmt.Errorf("%w: unknown user command %q", errUsage, verb)
}

func roleList() string {
	var out []string
	for _, r := range csc.Roles {
		out = append(out, string(r))
	}
	return strings.Join(out, ", ")
}

func fieldList(err error) string {
	var b strings.Builder
	for _, f := range csc.ErrorFields(err) {
		fmt.Fprintf(&b, "\n  %s: %s", f.Field, f.Message)
	}
	return b.String()
}
