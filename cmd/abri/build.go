package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator"
	"github.com/abri-guide/abri/generator/content"
)

// flags parses the flags shared by build and check into a Config.
// extra adds a command's own flags.
func flags(name, doc string, args []string, stderr io.Writer, withOut bool, extra ...func(*flag.FlagSet)) (generator.Config, error) {
	cfg := generator.Config{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, add := range extra {
		add(fs)
	}
	fs.StringVar(&cfg.Content, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fs.StringVar(&cfg.Theme, "theme", "", themeDoc)
	if withOut {
		fs.StringVar(&cfg.Out, "out", "public", "output folder: new, empty, or abri's own earlier output; replaced only once the new site is complete")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri %s [flags]\n\n%s\n\nFlags:\n", name, doc)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nThe build date is now, or SOURCE_DATE_EPOCH (seconds since 1970) when set, for reproducible builds.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, exitError{err.Error()}
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "abri %s: unexpected argument %q\n", name, fs.Arg(0))
		fs.Usage()
		return cfg, exitError{"bad arguments"}
	}
	cfg.Theme, cfg.ThemeFS = findTheme(cfg.Theme, cfg.Content, stderr)
	now, err := buildTime()
	cfg.Now = now
	return cfg, err
}

// buildTime honours SOURCE_DATE_EPOCH, the convention for reproducible builds.
func buildTime() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Now(), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
	}
	return time.Unix(sec, 0), nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := flags("build", "Checks the content, then writes the site into --out for every language of the guide.\nOn any error nothing is written and the previous site stays in place.", args, stderr, true)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	sum, problems, err := generator.Build(ctx, cfg)
	report(stderr, problems, false)
	if errors.Is(err, generator.ErrInvalid) {
		reportWarnings(stderr, problems)
		fmt.Fprintf(stderr, "abri: %v\n", err)
		return exitError{err.Error()}
	} else if err != nil {
		// A refused --out or an interruption: its one line, not drowned.
		return err
	}
	fmt.Fprintf(stdout, "abri: %s → %s\n", sum, cfg.Out)
	reportWarnings(stderr, problems)
	for _, n := range sum.Notices {
		fmt.Fprintf(stderr, "abri: warning: %s\n", n)
	}
	return nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var format string
	cfg, err := flags("check", "Checks the content and prints every problem as path:line:col: message.\nExits 1 when there are errors, 0 when there are only warnings.", args, stderr, false, func(fs *flag.FlagSet) {
		fs.StringVar(&format, "format", "plain", "plain: path:line:col: message; github: GitHub Actions annotations, shown on the lines of a pull request")
	})
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if format != "plain" && format != "github" {
		fmt.Fprintf(stderr, "abri check: --format is plain or github, not %q\n", format)
		return exitError{"bad format"}
	}
	g, _, problems, err := generator.Check(ctx, cfg)
	if err != nil {
		return err
	}
	if format == "github" {
		for _, p := range problems {
			fmt.Fprintln(stdout, annotation(p))
		}
	} else {
		report(stdout, problems, true)
	}
	if g != nil {
		reportInheriting(stdout, filepath.Join(cfg.Content, "categories.yaml"), g.Inheriting(), format)
	}
	fmt.Fprintf(stdout, "abri: %s, %s\n", plural(problems.Errors(), "error", "errors"), plural(problems.Warnings(), "warning", "warnings"))
	if problems.Errors() > 0 {
		return exitError{"content has errors"}
	}
	return nil
}

// reportInheriting says which categories show their parent's pictogram: not
// a problem, since a guide may want them alike, but editors should know.
func reportInheriting(w io.Writer, path string, ids []string, format string) {
	if len(ids) == 0 {
		return
	}
	what := "1 category shows its parent's pictogram: " + ids[0] + "; give it"
	if len(ids) > 1 {
		what = fmt.Sprintf("%d categories show their parent's pictogram: %s; give them", len(ids), strings.Join(ids, ", "))
	}
	what += " icon: with a pictogram of the theme to tell them apart (content/README.md lists the default theme's)"
	if format == "github" {
		fmt.Fprintf(w, "::notice file=%s::%s\n", escapeProperty(filepath.ToSlash(path)), escapeData(what))
		return
	}
	fmt.Fprintf(w, "%s: info: %s\n", path, what)
}

// annotation writes a problem as a GitHub Actions workflow command, which
// GitHub shows on the file's line in a pull request.
func annotation(p content.Problem) string {
	kind := "error"
	if p.Severity == content.Warning {
		kind = "warning"
	}
	path := p.Path
	if wd, err := os.Getwd(); err == nil && filepath.IsAbs(path) {
		// GitHub finds files from the repository's root, where CI runs.
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	props := "file=" + escapeProperty(filepath.ToSlash(path))
	if p.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", p.Line, p.Col)
	}
	return "::" + kind + " " + props + "::" + escapeData(p.Msg)
}

// escapeData and escapeProperty escape as GitHub's workflow commands require.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer(":", "%3A", ",", "%2C").Replace(escapeData(s))
}

// maxBuildWarnings is how many warnings build prints: enough to see them
// in a deploy log, not so many that the log's end scrolls away.
const maxBuildWarnings = 20

// report prints errors, and warnings too when asked.
func report(w io.Writer, problems content.Problems, warnings bool) {
	for _, p := range problems {
		if p.Severity == content.Error || warnings {
			fmt.Fprintln(w, p)
		}
	}
}

// reportWarnings prints the first warnings and counts the others, for the
// logs of Netlify or CI where editors cannot run abri check.
func reportWarnings(w io.Writer, problems content.Problems) {
	shown := 0
	for _, p := range problems {
		if p.Severity != content.Warning {
			continue
		}
		if shown == maxBuildWarnings {
			fmt.Fprintf(w, "abri: … and %s (abri check lists them all)\n", plural(problems.Warnings()-shown, "more warning", "more warnings"))
			return
		}
		fmt.Fprintln(w, p)
		shown++
	}
}
