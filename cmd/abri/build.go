package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/abri-guide/abri/generator"
	"github.com/abri-guide/abri/generator/content"
)

// flags parses the flags shared by build and check into a Config.
func flags(name, doc string, args []string, stderr io.Writer, withOut bool) (generator.Config, error) {
	cfg := generator.Config{}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
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
		fmt.Fprintf(stderr, "abri: %v\n", err)
		return exitError{err.Error()}
	} else if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "abri: %s → %s\n", sum, cfg.Out)
	for _, n := range sum.Notices {
		fmt.Fprintf(stderr, "abri: warning: %s\n", n)
	}
	return nil
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := flags("check", "Checks the content and prints every problem as path:line:col: message.\nExits 1 when there are errors, 0 when there are only warnings.", args, stderr, false)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	_, _, problems, err := generator.Check(ctx, cfg)
	if err != nil {
		return err
	}
	report(stdout, problems, true)
	fmt.Fprintf(stdout, "abri: %d errors, %d warnings\n", problems.Errors(), problems.Warnings())
	if problems.Errors() > 0 {
		return exitError{"content has errors"}
	}
	return nil
}

// report prints errors, and warnings too when asked.
func report(w io.Writer, problems content.Problems, warnings bool) {
	for _, p := range problems {
		if p.Severity == content.Error || warnings {
			fmt.Fprintln(w, p)
		}
	}
}
