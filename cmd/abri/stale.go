package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/abri-guide/abri/generator/campaign"
)

const staleDoc = `Prints the call list: the published places not checked (updated:) for
site.yaml's stale_after days, or --older-than N, oldest first, with their
name, city, phones, e-mail, the day they were last checked and their file.
Once a place is checked, "abri verify FILE" sets its date.`

func runStale(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("stale", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o campaignOpts
	o.define(fset)
	older := fset.Int("older-than", 0, "days since the last check (default: site.yaml's stale_after)")
	asCSV := fset.Bool("csv", false, "write CSV for a spreadsheet (UTF-8 with a byte order mark) instead of columns")
	page := fset.String("html", "", "also write the list as a printable HTML page to this file, for a phoning round")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri stale [flags]\n\n%s\n\nFlags:\n", staleDoc)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return unlessHelp(err)
	}
	if fset.NArg() > 0 {
		return campaignFail(stderr, "stale", "unexpected argument %q (choose places with --city and --category)", fset.Arg(0))
	}
	if *older < 0 {
		return campaignFail(stderr, "stale", "--older-than %d: want a number of days, 0 or more", *older)
	}
	g, targets, err := loadCampaign("stale", o, stderr)
	if err != nil {
		return err
	}
	days := g.Site.StaleAfter
	if isSet(fset, "older-than") {
		days = *older
	}
	calls := campaign.Stale(g, targets, g.Today, days)
	for i := range calls {
		calls[i].File = shown(o.dir, calls[i].File) // as abri verify takes it, from here
	}
	if *page != "" {
		var b bytes.Buffer
		title := g.Site.Title[string(g.Site.Languages[0])]
		if err := campaign.WriteHTML(&b, title, g.Today, calls); err != nil {
			return err
		}
		if err := os.WriteFile(*page, b.Bytes(), 0o644); err != nil {
			return campaignFail(stderr, "stale", "%v", err)
		}
	}
	if *asCSV {
		return campaign.WriteCSV(stdout, calls)
	}
	if err := campaign.WriteText(stdout, calls); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "abri stale: %d of %s not checked for more than %s\n", len(calls), plural(len(targets), "place", "places"), plural(days, "day", "days"))
	return nil
}

// isSet reports whether a flag was given on the command line.
func isSet(fset *flag.FlagSet, name string) bool {
	set := false
	fset.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
