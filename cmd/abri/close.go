package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/abri-guide/abri/generator/campaign"
)

const closeDoc = `Adds a temporary closure to every place chosen (--city, --category,
--ids), for a cold snap or a lockdown: closures: gets
{start: FROM, end: TO, note: {<source language>: NOTE}}, in the list's own
style, and nothing else in the files changes. A place that already has a
closure with these dates is left as it is. Without --write, only prints
the files it would change and the change.`

const reopenDoc = `Removes the temporary closure from FROM to TO of every place chosen
(--city, --category, --ids): the closure "abri close" added. Without
--write, only prints the files it would change and the change.`

// closeOpts are the flags of close and reopen.
type closeOpts struct {
	campaignOpts
	from, to, note, ids string
	write               bool
}

func runClose(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return closeOrReopen("close", args, stdout, stderr)
}

func runReopen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return closeOrReopen("reopen", args, stdout, stderr)
}

func closeOrReopen(name string, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o closeOpts
	o.define(fset)
	fset.StringVar(&o.ids, "ids", "", "only these places: ids or files, separated by commas")
	fset.StringVar(&o.from, "from", "", "first closed day, YYYY-MM-DD")
	fset.StringVar(&o.to, "to", "", "last closed day, YYYY-MM-DD")
	if name == "close" {
		fset.StringVar(&o.note, "note", "", "why, or what to do instead, in the guide's source language")
	}
	fset.BoolVar(&o.write, "write", false, "change the files (without it, only show the changes)")
	doc := map[string]string{"close": closeDoc, "reopen": reopenDoc}[name]
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri %s --from D --to D [--city C] [--category K] [--ids a,b] [flags]\n\n%s\n\nFlags:\n", name, doc)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return unlessHelp(err)
	}
	if fset.NArg() > 0 {
		return campaignFail(stderr, name, "unexpected argument %q (name places with --ids a,b)", fset.Arg(0))
	}
	if o.ids != "" {
		o.refs(strings.Split(o.ids, ","))
	}
	if msg := o.check(name); msg != "" {
		return campaignFail(stderr, name, "%s", msg)
	}
	g, targets, err := loadCampaign(name, o.campaignOpts, stderr)
	if err != nil {
		return err
	}
	if name == "close" && o.to < g.Today.String() {
		return campaignFail(stderr, name, "--to %s is before today, %s: a closure that is over is not shown", o.to, g.Today)
	}
	if len(targets) == 0 {
		return campaignFail(stderr, name, "no place matches: check --city, --category and --ids (abri stale lists the places)")
	}
	c := campaign.Closure{Start: o.from, End: o.to, Lang: string(g.Site.Languages[0]), Note: o.note}
	return closeAll(name, o, targets, c, stdout, stderr)
}

// check is what is wrong with the flags, or "".
func (o *closeOpts) check(name string) string {
	switch {
	case o.sel.Empty():
		return "say which places: --city, --category or --ids"
	case !campaign.IsDate(o.from):
		return fmt.Sprintf("--from %q: want the first closed day, YYYY-MM-DD", o.from)
	case !campaign.IsDate(o.to):
		return fmt.Sprintf("--to %q: want the last closed day, YYYY-MM-DD", o.to)
	case o.to < o.from:
		return fmt.Sprintf("--to %s is before --from %s: swap them", o.to, o.from)
	case name == "close" && strings.TrimSpace(o.note) == "":
		return "--note: say why, or what to do instead (e.g. --note \"Fermé pendant le confinement.\")"
	}
	return ""
}

// closeAll changes each target, or shows the change; then a summary.
func closeAll(name string, o closeOpts, targets []campaign.Target, c campaign.Closure, stdout, stderr io.Writer) error {
	changed, same, failed := 0, 0, 0
	for _, t := range targets {
		shownName := shown(o.dir, t.File)
		b, err := os.ReadFile(filepath.Join(o.dir, filepath.FromSlash(t.File)))
		var out []byte
		var did bool
		if err == nil {
			if name == "close" {
				out, did, err = campaign.AddClosure(b, c)
			} else {
				out, did, err = campaign.RemoveClosure(b, c.Start, c.End)
			}
		}
		if err == nil && did && o.write {
			err = writeListing(o.dir, t.File, out)
		}
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "%s: %v\n", shownName, err)
			failed++
		case !did:
			same++
		default:
			changed++
			fmt.Fprintf(stdout, "%s:\n", shownName)
			showChange(stdout, b, out)
		}
	}
	summarise(stdout, name, o, changed, same, failed)
	if failed > 0 {
		return exitError{name + " failed"}
	}
	return nil
}

func summarise(w io.Writer, name string, o closeOpts, changed, same, failed int) {
	what := map[string][3]string{
		"close":  {"closed", "already has this closure", "already have this closure"},
		"reopen": {"reopened", "has no closure", "have no closure"},
	}[name]
	verb := what[0]
	if !o.write {
		verb = "to be " + verb
	}
	have := what[2]
	if same == 1 {
		have = what[1]
	}
	fmt.Fprintf(w, "abri %s: %s %s from %s to %s, %d %s", name, plural(changed, "place", "places"), verb, o.from, o.to, same, have)
	if failed > 0 {
		fmt.Fprintf(w, ", %d failed (change them by hand)", failed)
	}
	if !o.write && changed > 0 {
		fmt.Fprint(w, "; nothing written: run again with --write")
	}
	fmt.Fprintln(w)
}

// showChange prints the lines that differ between a and b, as - and +.
func showChange(w io.Writer, a, b []byte) {
	la, lb := bytes.SplitAfter(a, []byte("\n")), bytes.SplitAfter(b, []byte("\n"))
	pre := 0
	for pre < len(la) && pre < len(lb) && bytes.Equal(la[pre], lb[pre]) {
		pre++
	}
	suf := 0
	for suf < len(la)-pre && suf < len(lb)-pre && bytes.Equal(la[len(la)-1-suf], lb[len(lb)-1-suf]) {
		suf++
	}
	for _, l := range la[pre : len(la)-suf] {
		fmt.Fprintf(w, "  %d - %s\n", pre+1, strings.TrimRight(string(l), "\r\n"))
	}
	for i, l := range lb[pre : len(lb)-suf] {
		fmt.Fprintf(w, "  %d + %s\n", pre+1+i, strings.TrimRight(string(l), "\r\n"))
	}
}
