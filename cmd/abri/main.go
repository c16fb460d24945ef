// Command abri builds solidarity guides: YAML listings and Markdown pages
// in, a multilingual static site out.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // guides name IANA time zones; do not depend on the host's database
)

func main() {
	// SIGTERM is how CI runners and service managers ask a build to stop.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// The build winds down on the first signal; a second one kills at once.
		<-ctx.Done()
		stop()
	}()
	if err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		var ex exitError
		if !errors.As(err, &ex) {
			fmt.Fprintln(os.Stderr, "abri:", err)
		}
		os.Exit(1)
	}
}

// exitError means the problem was already reported; only the exit code is left.
type exitError struct{ msg string }

func (e exitError) Error() string { return e.msg }

const usage = `abri builds a solidarity guide into a static site.

Usage:
  abri build [flags]   check the content, then write the site (nothing is written on error)
  abri check [flags]   check the content only: every problem as path:line:col: message
                       (--format github: as annotations on the lines of a pull request)
  abri close --from D --to D --note TEXT [--city C] [--category K] [--ids a,b] [--write]
                       add a temporary closure to many places at once (a dry run without --write)
  abri init DIR        write a new guide of one's own into DIR, ready to build
  abri import FORMAT FILE... [flags]
                       write listings from open data (data-inclusion, hsds, mednum, geojson)
  abri new listing|page <name> [flags]
                       write a new listing or page to fill in, every field explained
  abri reopen --from D --to D [--city C] [--category K] [--ids a,b] [--write]
                       remove the temporary closure of those dates that close added
  abri schema [flags]  write the JSON Schemas that give editors completion and inline errors
  abri serve [flags]   preview on http://127.0.0.1:1313/ with live reload while you edit
  abri stale [--city C] [--category K] [--older-than N] [--csv] [--html FILE]
                       the call list: places not checked for stale_after days, oldest first
  abri translate export|import|status|add
                       hand texts to translators (PO, XLIFF, CSV) and take their work back
  abri verify FILE-OR-ID... | --city C | --category K [--date D]
                       set updated: to today on the places just checked
  abri help [command]  show this help, or a command's flags

Run "abri <command> -h" to see a command's flags.
`

// Run is the whole command line, testable in-process.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError{"no command"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "close":
		return runClose(ctx, rest, stdout, stderr)
	case "init":
		return runInit(ctx, rest, stdout, stderr)
	case "import":
		return runImport(ctx, rest, stdout, stderr)
	case "new":
		return runNew(ctx, rest, stdout, stderr)
	case "reopen":
		return runReopen(ctx, rest, stdout, stderr)
	case "schema":
		return runSchema(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "stale":
		return runStale(ctx, rest, stdout, stderr)
	case "translate":
		return runTranslate(ctx, rest, stdout, stderr)
	case "verify":
		return runVerify(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" {
			return Run(ctx, []string{rest[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "abri: unknown command %q\n\n%s", cmd, usage)
		return exitError{"unknown command"}
	}
}
