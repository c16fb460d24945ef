package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
	"github.com/abri-guide/abri/generator/translate"
)

const exportDoc = `Writes every text of the guide and of the theme to translate into L, with
its key, its source text, its current translation and a note for the
translator, as a file for translation tools:
  po     GNU gettext, for Poedit, Weblate, Lokalise (the default)
  xliff  XLIFF 2.0, for CAT tools (memoQ, Trados, OmegaT…)
  csv    a spreadsheet (UTF-8 with a byte order mark)
The file goes to the standard output unless --out names one; once
translated, abri translate import FILE writes it back into the guide.`

// translateOpts are the flags export and status share.
type translateOpts struct {
	dir, theme string
}

func (o *translateOpts) define(fset *flag.FlagSet) {
	fset.StringVar(&o.dir, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fset.StringVar(&o.theme, "theme", "", themeDoc)
}

// load reads the guide and the theme. A guide with errors is still read:
// translators need not wait for a typo to be fixed; the files with errors
// are left out, and the editor is told.
func (o translateOpts) load(name string, stderr io.Writer) (translate.Source, error) {
	now, err := buildTime()
	if err != nil {
		return translate.Source{}, err
	}
	fsys := os.DirFS(o.dir)
	g, problems := content.Load(fsys, content.Options{Root: o.dir, Now: now})
	if g == nil || len(g.Site.Languages) == 0 {
		report(stderr, problems, false)
		return translate.Source{}, campaignFail(stderr, name, "site.yaml has errors: fix them first")
	}
	if n := problems.Errors(); n > 0 {
		fmt.Fprintf(stderr, "abri %s: warning: the guide has %s (abri check lists them): the listings they are in are left out\n", name, plural(n, "error", "errors"))
	}
	themeName, themeFS := findTheme(o.theme, o.dir, io.Discard)
	if themeFS == nil {
		themeFS = os.DirFS(themeName)
	}
	th, err := theme.Load(themeFS, themeName)
	if err != nil {
		return translate.Source{}, campaignFail(stderr, name, "%v", err)
	}
	return translate.Source{Content: fsys, Guide: g, Theme: th}, nil
}

// checkTarget refuses a language the guide cannot be translated into,
// saying what to do instead.
func checkTarget(src translate.Source, lang string) error {
	langs := src.Guide.Site.Langs()
	switch {
	case lang == "":
		return fmt.Errorf("--lang is missing: which language to translate into (%s)", strings.Join(langs[1:], ", "))
	case lang == langs[0]:
		return fmt.Errorf("--lang %s: %s is the source language of the guide, which the others are translated from (choose one of %s)", lang, lang, strings.Join(langs[1:], ", "))
	case slices.Contains(langs, lang):
		return nil
	}
	known := slices.Clone(langs)
	for code := range src.Theme.LangNames {
		known = append(known, code)
	}
	slices.Sort(known)
	if _, ok := src.Theme.LangNames[lang]; ok {
		return fmt.Errorf("--lang %s: %s is not a language of the guide yet (site.yaml languages: %s): add it with abri translate add %s", lang, lang, strings.Join(langs, ", "), lang)
	}
	if hint := content.Suggest(lang, known); hint != "" {
		return fmt.Errorf("--lang %s: unknown language%s", lang, hint)
	}
	return fmt.Errorf("--lang %s: not a language of the guide (site.yaml languages: %s); to add one, abri translate add L with its ISO 639 code (uk, ps, ar)", lang, strings.Join(langs, ", "))
}

// exportFormats are the writers, by --format.
var exportFormats = map[string]func(w io.Writer, src, lang string, units []translate.Unit) error{
	"po": func(w io.Writer, _, lang string, units []translate.Unit) error {
		return translate.WritePO(w, lang, units)
	},
	"xliff": translate.WriteXLIFF,
	"csv": func(w io.Writer, _, lang string, units []translate.Unit) error {
		return translate.WriteCSV(w, lang, units)
	},
}

// formatOf guesses the format from a file name: uk.xlf is XLIFF.
func formatOf(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".xlf", ".xliff":
		return "xliff"
	case ".csv":
		return "csv"
	}
	return "po"
}

// runTranslateExport is abri translate export.
func runTranslateExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("translate export", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o translateOpts
	o.define(fset)
	lang := fset.String("lang", "", "the language to translate into, as in site.yaml (uk, ar, ps)")
	format := fset.String("format", "po", "po, xliff or csv (default: from --out's extension, else po)")
	missing := fset.Bool("missing", false, "only the texts not translated yet, or whose source changed since they were")
	out := fset.String("out", "", "write to this file instead of the standard output")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri translate export --lang L [flags]\n\n%s\n\nFlags:\n", exportDoc)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return unlessHelp(err)
	}
	if fset.NArg() > 0 {
		return campaignFail(stderr, "translate export", "unexpected argument %q (the language is --lang L, the file --out FILE)", fset.Arg(0))
	}
	if !isSet(fset, "format") && *out != "" {
		*format = formatOf(*out)
	}
	write, ok := exportFormats[*format]
	if !ok {
		return campaignFail(stderr, "translate export", "--format %s: want po, xliff or csv%s", *format, content.Suggest(*format, []string{"po", "xliff", "csv"}))
	}
	src, err := o.load("translate export", stderr)
	if err != nil {
		return err
	}
	if err := checkTarget(src, *lang); err != nil {
		return campaignFail(stderr, "translate export", "%v", err)
	}
	units, err := translate.Catalog(src, *lang)
	if err != nil {
		return campaignFail(stderr, "translate export", "%v", err)
	}
	all := len(units)
	if *missing {
		units = slices.DeleteFunc(units, func(u translate.Unit) bool { return u.Translation != "" && !u.Outdated })
	}
	var b bytes.Buffer
	if err := write(&b, src.Guide.Site.Langs()[0], *lang, units); err != nil {
		return err
	}
	where := "standard output"
	if *out == "" {
		if _, err := stdout.Write(b.Bytes()); err != nil {
			return err
		}
	} else {
		if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
			return campaignFail(stderr, "translate export", "%v", err)
		}
		where = *out
	}
	fmt.Fprintf(stderr, "abri translate export: %s of %d for %s (%s) → %s\n", plural(len(units), "text", "texts"), all, *lang, *format, where)
	return nil
}
