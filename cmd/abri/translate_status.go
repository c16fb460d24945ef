package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/abri-guide/abri/generator/translate"
)

const statusDoc = `Prints, for each language of the guide but the source language, the share
of its texts translated and reviewed: interface strings (the theme),
category names, pages (with the guide's title and notices) and places
(the listings' texts). Machine translations not yet reviewed, and
translations whose source changed since, are counted apart.
With --format github, one annotation per language, for a pull request.`

// runTranslateStatus is abri translate status.
func runTranslateStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("translate status", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o translateOpts
	o.define(fset)
	format := fset.String("format", "text", "text: a table; github: GitHub Actions annotations (a warning per language not complete)")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri translate status [flags]\n\n%s\n\nFlags:\n", statusDoc)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return unlessHelp(err)
	}
	if *format != "text" && *format != "github" {
		return campaignFail(stderr, "translate status", "--format is text or github, not %q", *format)
	}
	if fset.NArg() > 0 {
		return campaignFail(stderr, "translate status", "unexpected argument %q", fset.Arg(0))
	}
	src, err := o.load("translate status", stderr)
	if err != nil {
		return err
	}
	langs := src.Guide.Site.Langs()
	var rows []statusRow
	for _, lang := range langs[1:] {
		units, err := translate.Catalog(src, lang)
		if err != nil {
			return campaignFail(stderr, "translate status", "%v", err)
		}
		rows = append(rows, statusRow{lang, src.Theme.LangNames[lang], translate.CoverageOf(units)})
	}
	if *format == "github" {
		for _, r := range rows {
			fmt.Fprintln(stdout, r.annotation())
		}
		return nil
	}
	writeStatus(stdout, langs[0], rows)
	return nil
}

type statusRow struct {
	lang, name string
	cov        translate.Coverage
}

var statusKinds = []translate.Kind{translate.Interface, translate.Categories, translate.Pages, translate.Places}

// writeStatus prints the table: per language and kind, the share done,
// then what needs review.
func writeStatus(w io.Writer, source string, rows []statusRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	head := []string{"language"}
	for _, k := range statusKinds {
		head = append(head, k.String())
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rows {
		cells := []string{r.lang + " " + r.name}
		for _, k := range statusKinds {
			c := r.cov[k]
			cells = append(cells, fmt.Sprintf("%d/%d %d %%", c.Done, c.Total, c.Percent()))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	tw.Flush()
	for _, r := range rows {
		if review := r.review(); review != "" {
			fmt.Fprintf(w, "%s: %s\n", r.lang, review)
		}
	}
	fmt.Fprintf(w, "(translated and reviewed, out of the texts of the source language, %s; abri translate export --lang L --missing lists what is left)\n", source)
}

// review says what of r is machine-translated or outdated, by kind.
func (r statusRow) review() string {
	var machine, outdated []string
	for _, k := range statusKinds {
		if n := r.cov[k].Machine; n > 0 {
			machine = append(machine, fmt.Sprintf("%s %d", k, n))
		}
		if n := r.cov[k].Outdated; n > 0 {
			outdated = append(outdated, fmt.Sprintf("%s %d", k, n))
		}
	}
	var parts []string
	if len(machine) > 0 {
		parts = append(parts, "machine-translated, not reviewed: "+strings.Join(machine, ", "))
	}
	if len(outdated) > 0 {
		parts = append(parts, "source changed since translated: "+strings.Join(outdated, ", "))
	}
	return strings.Join(parts, "; ")
}

// annotation is r as a GitHub Actions command: a notice when all is
// translated and reviewed, else a warning saying what is left.
func (r statusRow) annotation() string {
	var shares []string
	complete := true
	for _, k := range statusKinds {
		c := r.cov[k]
		shares = append(shares, fmt.Sprintf("%s %d %%", k, c.Percent()))
		complete = complete && c.Done == c.Total
	}
	what := fmt.Sprintf("%s (%s) translated: %s", r.lang, r.name, strings.Join(shares, ", "))
	if review := r.review(); review != "" {
		what += "; " + review
	}
	if complete {
		return "::notice title=translation " + escapeProperty(r.lang) + "::" + escapeData(what)
	}
	return "::warning title=translation " + escapeProperty(r.lang) + "::" + escapeData(what+"; abri translate export --lang "+r.lang+" --missing lists what is left")
}
