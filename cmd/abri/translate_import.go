package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
	"github.com/abri-guide/abri/generator/translate"
)

const translateImportDoc = `Writes the translations of exchange files (PO, XLIFF or CSV, as abri
translate export writes them) back into the guide and the theme, in place:
only the translated values change, every other byte (comments, order,
quoting) stays as it was.

  abri translate import FILE... [--force] [--dry-run] [--content DIR] [--theme DIR]

A file with a key that is no longer in the guide is refused, with the list
of those keys, and nothing is written. A translation whose source text
changed since the export is not applied (the summary says so) unless
--force. An empty translation writes nothing. A machine translation (fuzzy,
or not final) is marked <lang>_mt: true; a reviewed one removes the mark.
translations.sum, beside site.yaml, records the source each translation
was made from.`

// exchange is one exchange file read: its language and units.
type exchange struct {
	path  string
	lang  string
	units []translate.Unit
}

type translateImportOpts struct {
	dir, theme    string
	force, dryRun bool
}

func runTranslateImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("translate import", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o translateImportOpts
	fset.StringVar(&o.dir, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fset.StringVar(&o.theme, "theme", "", themeDoc)
	fset.BoolVar(&o.force, "force", false, "apply translations whose source text changed since the export")
	fset.BoolVar(&o.dryRun, "dry-run", false, "say what would be written, write nothing")
	fset.Usage = func() {
		fmt.Fprint(stderr, "Usage: abri translate import FILE... [flags]\n\n"+translateImportDoc+"\n\nFlags:\n")
		fset.PrintDefaults()
	}
	pos, err := positionals(fset, args)
	if err != nil {
		return unlessHelp(err)
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "abri translate import: want at least one file (abri translate export writes them)")
		fset.Usage()
		return exitError{"bad arguments"}
	}
	var files []exchange
	for _, p := range pos {
		lang, units, err := readExchange(p)
		if err != nil {
			return failTranslate(stderr, "%s: %v", p, err)
		}
		files = append(files, exchange{p, lang, units})
	}
	return importTranslations(ctx, files, o, stdout, stderr)
}

// readExchange reads an exchange file, its format chosen by its extension.
func readExchange(path string) (lang string, units []translate.Unit, err error) {
	read := map[string]func(io.Reader) (string, []translate.Unit, error){
		".po": translate.ReadPO, ".xlf": translate.ReadXLIFF, ".xliff": translate.ReadXLIFF, ".csv": translate.ReadCSV,
	}[strings.ToLower(filepath.Ext(path))]
	if read == nil {
		return "", nil, errors.New("not an exchange file: want a .po, .xlf (XLIFF) or .csv file, as abri translate export writes them")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	lang, units, err = read(f)
	if err == nil && lang == "" {
		err = errors.New("the file does not say its language: a PO file needs Language: in its header, a CSV file a translation:<lang> column")
	}
	return lang, units, err
}

func failTranslate(stderr io.Writer, format string, args ...any) error {
	fmt.Fprintf(stderr, "abri translate import: "+format+"\n", args...)
	return exitError{"import failed"}
}

// importTranslations applies the files: first all of them without
// writing, so that a refused file leaves the guide untouched, then for
// real; then checks the guide.
func importTranslations(ctx context.Context, files []exchange, o translateImportOpts, stdout, stderr io.Writer) error {
	themeName, builtIn := findTheme(o.theme, o.dir, io.Discard)
	dirs := translate.Folders{Content: o.dir, Theme: themeName}
	if builtIn != nil {
		dirs.Theme = ""
	}
	refused := false
	for _, f := range files {
		rep, err := translate.Apply(f.lang, f.units, dirs, translate.Options{Force: o.force, DryRun: true})
		if err != nil {
			return failTranslate(stderr, "%s: %v", f.path, err)
		}
		if len(rep.Refused) > 0 {
			refused = true
			fmt.Fprintf(stderr, "abri translate import: %s: refused, %s not in the guide (export again to get the current keys):\n", f.path, plural(len(rep.Refused), "key is", "keys are"))
			for _, p := range rep.Refused {
				fmt.Fprintf(stderr, "  %s\n", p)
			}
		}
	}
	if refused {
		fmt.Fprintln(stderr, "abri translate import: nothing written")
		return exitError{"refused"}
	}
	var written []string
	for _, f := range files {
		rep, err := translate.Apply(f.lang, f.units, dirs, translate.Options{Force: o.force, DryRun: o.dryRun})
		if err != nil {
			return failTranslate(stderr, "%s: %v", f.path, err)
		}
		printTranslated(stdout, rep, o.dryRun)
		written = append(written, rep.Files...)
	}
	if o.dryRun {
		return nil
	}
	return checkTranslated(ctx, o.dir, dirs.Theme, written, stdout)
}

// printTranslated prints a line per unit not applied, then the summary.
func printTranslated(w io.Writer, rep *translate.Report, dryRun bool) {
	for _, k := range rep.Changed {
		fmt.Fprintf(w, "%s: source changed since export: %s\n", rep.Lang, k)
	}
	for _, p := range rep.Skipped {
		fmt.Fprintf(w, "%s: not applied: %s\n", rep.Lang, p)
	}
	files := 0
	for _, f := range rep.Files {
		if filepath.Base(f) != translate.SumsFile {
			files++
		}
	}
	verb := "written"
	if dryRun {
		verb = "would be written"
	}
	parts := []string{fmt.Sprintf("%s %s in %s", plural(len(rep.Applied), "translation", "translations"), verb, plural(files, "file", "files"))}
	if n := len(rep.Unchanged); n > 0 {
		parts = append(parts, fmt.Sprintf("%d unchanged", n))
	}
	if n := len(rep.Empty); n > 0 {
		parts = append(parts, fmt.Sprintf("%d not translated (empty)", n))
	}
	if n := len(rep.Forced); n > 0 {
		parts = append(parts, fmt.Sprintf("%d applied although the source changed (--force)", n))
	}
	if n := len(rep.Changed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d not applied: source changed since export (use --force)", n))
	}
	if n := len(rep.Skipped); n > 0 {
		parts = append(parts, fmt.Sprintf("%d not applied (see above)", n))
	}
	if n := len(rep.Reviewed); n > 0 {
		parts = append(parts, fmt.Sprintf("%s of interface strings or pages written as reviewed (they carry no mark)", plural(n, "machine translation", "machine translations")))
	}
	fmt.Fprintf(w, "%s: %s\n", rep.Lang, strings.Join(parts, ", "))
}

// checkTranslated checks the guide (and the theme, if its strings were
// written) again and reports errors in the files written, which would be
// abri's own mistake.
func checkTranslated(ctx context.Context, dir, themeDir string, written []string, w io.Writer) error {
	if len(written) == 0 {
		return nil
	}
	in := map[string]bool{}
	themeWritten := false
	for _, f := range written {
		in[filepath.Clean(f)] = true
		themeWritten = themeWritten || themeDir != "" && strings.HasPrefix(f, filepath.Join(themeDir, "i18n"))
	}
	bad := 0
	_, problems := content.LoadContext(ctx, os.DirFS(dir), content.Options{Root: dir})
	for _, p := range problems {
		if p.Severity == content.Error && in[filepath.Clean(p.Path)] {
			fmt.Fprintln(w, p)
			bad++
		}
	}
	if themeWritten {
		if _, err := theme.Load(os.DirFS(themeDir), themeDir); err != nil {
			fmt.Fprintln(w, err)
			bad++
		}
	}
	if bad > 0 {
		return exitError{"translated files have errors"}
	}
	return nil
}
