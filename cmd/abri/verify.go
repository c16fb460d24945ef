package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/abri-guide/abri/generator/campaign"
)

const verifyDoc = `Sets updated: to today (or --date) on the places chosen, once they have
been checked with the place: by file or id, or all those of --city and/or
--category. Only the date of the updated: line changes; a file without one
gets the line at its end. A date is never set in the future, nor set back.`

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("verify", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o campaignOpts
	o.define(fset)
	date := fset.String("date", "", "the day the places were checked, YYYY-MM-DD (default: today)")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri verify FILE-OR-ID... | --city C | --category K [flags]\n\n%s\n\nFlags:\n", verifyDoc)
		fset.PrintDefaults()
	}
	pos, err := positionals(fset, args)
	if err != nil {
		return unlessHelp(err)
	}
	o.refs(pos)
	if o.sel.Empty() {
		return campaignFail(stderr, "verify", "say which places were checked: their files or ids, --city or --category")
	}
	if *date != "" && !campaign.IsDate(*date) {
		return campaignFail(stderr, "verify", "--date %s is not a day (want YYYY-MM-DD, e.g. 2026-12-01)", *date)
	}
	g, targets, err := loadCampaign("verify", o, stderr)
	if err != nil {
		return err
	}
	day := g.Today.String()
	if *date != "" {
		if *date > day {
			return campaignFail(stderr, "verify", "--date %s is after today, %s: give the day the places were checked", *date, day)
		}
		day = *date
	}
	if len(targets) == 0 {
		return campaignFail(stderr, "verify", "no place matches: check --city and --category (abri stale lists the places)")
	}
	return verifyAll(o.dir, targets, day, stdout, stderr)
}

// verifyAll sets the date on each target, one line per file, then a summary.
func verifyAll(dir string, targets []campaign.Target, day string, stdout, stderr io.Writer) error {
	set, kept, failed := 0, 0, 0
	for _, t := range targets {
		name := shown(dir, t.File)
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(t.File)))
		if err != nil {
			fmt.Fprintf(stderr, "%s: cannot read: %v\n", name, err)
			failed++
			continue
		}
		out, old, err := campaign.SetUpdated(b, day)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			failed++
		case campaign.IsDate(old) && old >= day:
			fmt.Fprintf(stdout, "%s: already checked on %s, kept\n", name, old)
			kept++
		default:
			if err := writeListing(dir, t.File, out); err != nil {
				fmt.Fprintf(stderr, "%s: cannot write: %v\n", name, err)
				failed++
				continue
			}
			fmt.Fprintf(stdout, "%s: updated %s → %s\n", name, or(old, "(none)"), day)
			set++
		}
	}
	fmt.Fprintf(stdout, "abri verify: %s checked on %s, %d already up to date", plural(set, "place", "places"), day, kept)
	if failed > 0 {
		fmt.Fprintf(stdout, ", %d failed (fix them by hand)\n", failed)
		return exitError{"verify failed"}
	}
	fmt.Fprintln(stdout)
	return nil
}

func or(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
