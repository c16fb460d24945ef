package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/importer"
)

const importDoc = `Reads open data and writes one listing per place into the guide.

  abri import FORMAT FILE... [--content DIR] [--folder listings/SUB] [--update]

FORMAT is one of: %s.
New listings are named after the place and its city (unique in the guide)
and credit their source (sources: name, licence, record id and date). A place
imported before (same source and record id) is left alone, unless --update:
then only the fields the import gives are rewritten, and the editor's own
fields and comments are kept. One line per record says what was dropped,
normalised or guessed; the last line sums up.`

// importOpts are the import's flags.
type importOpts struct {
	dir    string
	folder string
	update bool
}

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("import", flag.ContinueOnError)
	fset.SetOutput(stderr)
	var o importOpts
	fset.StringVar(&o.dir, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fset.StringVar(&o.folder, "folder", "", "folder of the new listings, e.g. listings/lyon (default: listings/<city of each place>)")
	fset.BoolVar(&o.update, "update", false, "rewrite the imported fields of places imported before, keeping the editor's own")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri import FORMAT FILE... [flags]\n\n"+importDoc+"\n\nFlags:\n", strings.Join(importer.Formats(), ", "))
		fset.PrintDefaults()
	}
	pos, err := positionals(fset, args)
	if err != nil {
		return unlessHelp(err)
	}
	if len(pos) < 2 {
		fmt.Fprintln(stderr, "abri import: want a format and at least one file")
		fset.Usage()
		return exitError{"bad arguments"}
	}
	if !slices.Contains(importer.Formats(), pos[0]) {
		return failImport(stderr, "unknown format %q (want one of %s)", pos[0], strings.Join(importer.Formats(), ", "))
	}
	if msg := checkFolder(o.folder); msg != "" {
		return failImport(stderr, "%s", msg)
	}
	return doImport(ctx, pos[0], pos[1:], o, stdout, stderr)
}

// positionals parses flags anywhere among the arguments.
func positionals(fset *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fset.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, exitError{err.Error()}
		}
		if fset.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fset.Arg(0))
		args = fset.Args()[1:]
	}
}

func failImport(stderr io.Writer, format string, args ...any) error {
	fmt.Fprintf(stderr, "abri import: "+format+"\n", args...)
	return exitError{"import failed"}
}

// checkFolder refuses a --folder outside listings/.
func checkFolder(f string) string {
	if f == "" {
		return ""
	}
	c := path.Clean(filepath.ToSlash(f))
	if c != "listings" && !strings.HasPrefix(c, "listings/") || strings.Contains(c, "..") || strings.Contains(c, "/.") {
		return fmt.Sprintf("--folder %q is not a folder of listings (want listings or listings/<sub-folder>)", f)
	}
	return ""
}

func doImport(ctx context.Context, format string, names []string, o importOpts, stdout, stderr io.Writer) error {
	var files []importer.SourceFile
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return failImport(stderr, "cannot read %s: %v", n, errors.Unwrap(err))
		}
		files = append(files, importer.SourceFile{Name: n, Data: data})
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	if _, err := loadHead(o.dir, stderr); err != nil {
		return err
	}
	fsys := os.DirFS(o.dir)
	g, _ := content.LoadContext(ctx, fsys, content.Options{Root: o.dir, Now: now})
	if ctx.Err() != nil {
		return exitError{"interrupted"}
	}
	recs, err := importer.Read(format, importer.Input{Files: files, Guide: g})
	if err != nil {
		return failImport(stderr, "%v", err)
	}
	existing, err := importer.ReadListings(fsys)
	if err != nil {
		return failImport(stderr, "cannot read the listings of %s: %v", o.dir, err)
	}
	out, outcomes := importer.Write(g, existing, recs, importer.WriteOptions{Folder: o.folder, Update: o.update, Today: g.Today})
	if err := writeListings(o.dir, out, outcomes); err != nil {
		return failImport(stderr, "%v", err)
	}
	printImport(stdout, recs, outcomes)
	return checkImported(ctx, o.dir, now, out, stdout)
}

// writeListings writes the files; a new one never replaces a file that
// appeared meanwhile.
func writeListings(dir string, files []importer.File, outcomes []importer.Outcome) error {
	fresh := map[string]bool{}
	for _, o := range outcomes {
		fresh[o.Path] = o.Action == importer.Written
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if fresh[f.Path] {
			flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
		}
		fh, err := os.OpenFile(p, flags, 0o644)
		if err != nil {
			return err
		}
		_, err = fh.Write(f.Data)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// printImport prints a line per note, then the summary.
func printImport(w io.Writer, recs []importer.Record, outcomes []importer.Outcome) {
	count := map[string]int{}
	withHours, kept, notes := 0, 0, 0
	for i, r := range recs {
		o := outcomes[i]
		count[o.Action]++
		for _, n := range append(append([]string(nil), r.Notes...), o.Notes...) {
			fmt.Fprintf(w, "%s: %s\n", r.From, n)
			notes++
		}
		if o.Action == importer.Skipped || r.Listing.Hours == nil {
			continue
		}
		withHours++
		if len(r.Listing.Hours.Rules) > 0 {
			kept++
		}
	}
	fmt.Fprintf(w, "abri import: %s read, %d written, %d updated, %d unchanged, %d left as imported before (--update rewrites them), %d skipped; hours kept for %d of %s that give hours; %s\n",
		plural(len(recs), "record", "records"), count[importer.Written], count[importer.Updated], count[importer.Unchanged], count[importer.Existing], count[importer.Skipped], kept, plural(withHours, "place", "places"), plural(notes, "note", "notes"))
}

// checkImported checks the guide again and reports errors in the files
// written, which would be abri's own mistake.
func checkImported(ctx context.Context, dir string, now time.Time, out []importer.File, w io.Writer) error {
	if len(out) == 0 {
		return nil
	}
	written := map[string]bool{}
	for _, f := range out {
		written[path.Join(dir, f.Path)] = true
	}
	_, problems := content.LoadContext(ctx, os.DirFS(dir), content.Options{Root: dir, Now: now})
	bad := 0
	for _, p := range problems {
		if p.Severity == content.Error && written[p.Path] {
			fmt.Fprintln(w, p)
			bad++
		}
	}
	if bad > 0 {
		return exitError{"imported listings have errors"}
	}
	return nil
}
