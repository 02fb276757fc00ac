// Command cairn is the children's social care record: one binary that serves
// the web pages and JSON API, runs the demo, migrates the database, builds a
// synthetic authority and manages accounts.
//
//	cairn demo     [--addr 127.0.0.1:8080] [--db cairn-demo.db] [--children 2000] [--seed 1] [--as-of YYYY-MM-DDTHH:MM] [--dirty 0.05]
//	cairn serve    --db DSN [--addr :8080]
//	cairn migrate  --db DSN
//	cairn synth    --db DSN [--children 2000] [--seed 1] [--as-of YYYY-MM-DD] [--dirty 0.05 [--dirty-manifest FILE.csv]]
//	cairn user create USERNAME --db DSN --role ROLE --name NAME [--team ID] (password on standard input)
//	cairn user token  USERNAME --db DSN [--valid 720h] [--label LABEL]
//	cairn workdays add DATE N | cairn workdays between DATE DATE
//	cairn clocks   --db DSN [--as-of YYYY-MM-DD] [--format text|csv]
//	cairn returns  cin --db DSN --year 2025-26 --out FILE.xml [--lea 999]
//	cairn returns  annex-a --db DSN --as-of DATE --out FILE.xlsx [--format csv]
//	cairn validate 903 PATH --year 2025-26 [--last PATH] [--format text|csv|json]
//	cairn validate 903 --list-rules --year 2025-26
//	cairn validate cin FILE.xml --year 2025-26 [--format text|csv|json]
//	cairn validate cin --list-rules --year 2025-26
//
// The DSN picks the engine: a file path or sqlite: URL for SQLite,
// postgres:// for PostgreSQL. Settings also come from the environment
// (CAIRN_DB, CAIRN_ADDR, CAIRN_AUTHORITY), flags winning.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `cairn: the children's social care record

Usage:
  cairn demo     [--addr 127.0.0.1:8080] [--db cairn-demo.db] [--children 2000] [--seed 1] [--as-of YYYY-MM-DDTHH:MM] [--dirty 0.05]
  cairn serve    --db DSN [--addr :8080] [--authority NAME]
  cairn migrate  --db DSN
  cairn synth    --db DSN [--children 2000] [--seed 1] [--as-of YYYY-MM-DD] [--dirty 0.05 [--dirty-manifest FILE.csv]]
  cairn user create USERNAME --db DSN --role ROLE --name NAME [--team ID]   (password read from standard input)
  cairn user token  USERNAME --db DSN [--valid 720h] [--label LABEL]
  cairn workdays add DATE N | cairn workdays between DATE DATE
  cairn clocks   --db DSN [--as-of YYYY-MM-DD] [--format text|csv]
  cairn returns  cin --db DSN --year 2025-26 --out FILE.xml [--lea 999]
  cairn returns  annex-a --db DSN --as-of DATE --out FILE.xlsx [--format csv]
  cairn validate 903 PATH --year 2025-26 [--last PATH] [--format text|csv|json]
  cairn validate 903 --list-rules --year 2025-26
  cairn validate cin FILE.xml --year 2025-26 [--format text|csv|json]
  cairn validate cin --list-rules --year 2025-26

A DSN is a file path (or sqlite:PATH) for SQLite, or a postgres:// URL.
`

// errUsage marks a mistake in the command line: exit status 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	var code exitCode
	switch {
	case err == nil:
	case errors.As(err, &code):
		os.Exit(int(code))
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "cairn:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	switch args[0] {
	case "demo":
		return demo(ctx, args[1:], stdout, log)
	case "serve":
		return serve(ctx, args[1:], log)
	case "migrate":
		return migrate(ctx, args[1:], stdout)
	case "synth":
		return synthCmd(ctx, args[1:], stdout)
	case "user":
		return user(ctx, args[1:], stdin, stdout)
	case "workdays":
		return workdays(args[1:], stdout)
	case "clocks":
		return clocksCmd(ctx, args[1:], stdout)
	case "returns":
		return returnsCmd(ctx, args[1:], stdout)
	case "validate":
		return validate(args[1:], stdout, stderr)
	}
	return fmt.Errorf("%w: unknown command %q\n\n%s", errUsage, args[0], usage)
}
