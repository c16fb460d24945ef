package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/schema"
)

// schemaDir is where `abri schema` writes by default and where new
// listings look for their schema: inside the guide, so that a guide kept
// in its own repository carries its schemas.
const schemaDir = ".schemas"

const schemaDoc = `Writes the JSON Schemas of site.yaml, categories.yaml and listing files, with
which editors (VS Code with the YAML extension, or any editor with a YAML language
server) complete field names, category ids and languages, and underline mistakes
as they type. Run it again after changing the guide's languages or categories.`

func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("schema", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("content", "content", "content folder whose languages and category ids the schemas offer\n(\"\": generic schemas, for any guide)")
	out := fset.String("out", "", "folder of the schema files (default <content>/"+schemaDir+", where listings name them)")
	check := fset.Bool("check", false, "write nothing; fail if the files in --out are not up to date (for CI)")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri schema [flags]\n\n%s\n\nFlags:\n", schemaDoc)
		fset.PrintDefaults()
	}
	if _, err := parseArgs(fset, args, 0); err != nil {
		return unlessHelp(err)
	}
	if *out == "" && *dir == "" {
		fmt.Fprintln(stderr, "abri schema: give --out for generic schemas")
		return exitError{"bad arguments"}
	}
	if *out == "" {
		*out = filepath.Join(*dir, schemaDir)
	}
	var guide schema.Guide
	if *dir != "" {
		g, err := loadHead(*dir, stderr)
		if err != nil {
			return err
		}
		guide = schema.GuideOf(g)
	}
	files := schema.Files(guide)
	if *check {
		return checkSchemas(*out, files, stdout)
	}
	return writeSchemas(*out, files, guide, stdout)
}

func writeSchemas(dir string, files []schema.File, g schema.Guide, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Schema.JSON(), 0o644); err != nil {
			return err
		}
	}
	what := "generic, for any guide"
	if g.Languages != nil {
		what = fmt.Sprintf("languages %s; %s", strings.Join(g.Languages, ", "), plural(len(g.Categories), "category", "categories"))
	}
	fmt.Fprintf(stdout, "abri: %d schemas → %s (%s)\n", len(files), dir, what)
	return nil
}

// checkSchemas reports schema files that `abri schema` would change.
func checkSchemas(dir string, files []schema.File, stdout io.Writer) error {
	stale := 0
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if data, err := os.ReadFile(p); err != nil || !bytes.Equal(data, f.Schema.JSON()) {
			fmt.Fprintf(stdout, "%s: out of date (run abri schema)\n", p)
			stale++
		}
	}
	if stale > 0 {
		return exitError{"schemas out of date"}
	}
	fmt.Fprintf(stdout, "abri: the schemas in %s are up to date\n", dir)
	return nil
}

// loadHead reads what schemas and new files need of a guide: site.yaml,
// categories.yaml and pages, not the listings, which may be many. Errors
// in site.yaml or categories.yaml are printed and fail: schemas and
// skeletons made from a broken guide would be wrong.
func loadHead(dir string, stderr io.Writer) (*content.Guide, error) {
	g, problems := content.Load(withoutListings{os.DirFS(dir)}, content.Options{Root: dir})
	head := []string{path.Join(dir, "site.yaml"), path.Join(dir, "categories.yaml")}
	failed := false
	for _, p := range problems {
		if p.Severity == content.Error && slices.Contains(head, p.Path) {
			fmt.Fprintln(stderr, p)
			failed = true
		}
	}
	if failed || g == nil {
		fmt.Fprintf(stderr, "abri: fix the guide in %s first (abri check lists every problem)\n", dir)
		return nil, exitError{"content has errors"}
	}
	return g, nil
}

// withoutListings hides a content folder's listings.
type withoutListings struct{ fs.FS }

func (w withoutListings) Open(name string) (fs.File, error) {
	if name == "listings" || strings.HasPrefix(name, "listings/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

// parseArgs parses flags wherever they are among the arguments (abri new
// listing lyon/halte --content guide), and returns the others; want is
// how many there must be. After -h, it returns flag.ErrHelp.
func parseArgs(fset *flag.FlagSet, args []string, want int) ([]string, error) {
	var positional []string
	for {
		if err := fset.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, exitError{err.Error()}
		}
		if fset.NArg() == 0 {
			break
		}
		positional = append(positional, fset.Arg(0))
		args = fset.Args()[1:]
	}
	if len(positional) != want {
		fmt.Fprintf(fset.Output(), "abri %s: want %d arguments, got %d\n", fset.Name(), want, len(positional))
		fset.Usage()
		return nil, exitError{"bad arguments"}
	}
	return positional, nil
}

// unlessHelp returns err, but nil for flag.ErrHelp: a command asked for
// its help has done its job.
func unlessHelp(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}
