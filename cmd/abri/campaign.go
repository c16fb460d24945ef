package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/abri-guide/abri/generator/campaign"
	"github.com/abri-guide/abri/generator/content"
)

// campaignOpts are the flags stale, verify, close and reopen share.
type campaignOpts struct {
	dir string
	sel campaign.Selection
}

func (o *campaignOpts) define(fset *flag.FlagSet) {
	fset.StringVar(&o.dir, "content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fset.StringVar(&o.sel.City, "city", "", "only the places of this city (any spelling of it: lyon, LYON, Lyon)")
	fset.StringVar(&o.sel.Category, "category", "", "only the places of this category id or of its sub-categories")
}

// refs adds the command line's files and ids to the selection: a file is
// named as from the current folder, the selection names it inside --content.
func (o *campaignOpts) refs(args []string) {
	root, _ := filepath.Abs(o.dir)
	for _, a := range args {
		if strings.HasSuffix(a, ".yaml") || strings.ContainsRune(a, filepath.Separator) || strings.Contains(a, "/") {
			if abs, err := filepath.Abs(a); err == nil {
				if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
					a = filepath.ToSlash(rel)
				}
			}
		}
		o.sel.Refs = append(o.sel.Refs, a)
	}
}

// loadCampaign loads the guide and selects the listings. A guide with
// errors still works: the files abri check rejects are left out unless
// named, and the editor is told.
func loadCampaign(name string, o campaignOpts, stderr io.Writer) (*content.Guide, []campaign.Target, error) {
	now, err := buildTime()
	if err != nil {
		return nil, nil, err
	}
	fsys := os.DirFS(o.dir)
	g, problems := content.Load(fsys, content.Options{Root: o.dir, Now: now})
	if g == nil {
		report(stderr, problems, false)
		return nil, nil, campaignFail(stderr, name, "site.yaml has errors: fix them first")
	}
	if n := problems.Errors(); n > 0 {
		fmt.Fprintf(stderr, "abri %s: warning: the guide has %s (abri check lists them): the places they are in are left out unless named\n", name, plural(n, "error", "errors"))
	}
	targets, err := campaign.Select(fsys, g, o.sel)
	if err != nil {
		return nil, nil, campaignFail(stderr, name, "%v", err)
	}
	return g, targets, nil
}

func campaignFail(stderr io.Writer, name, format string, args ...any) error {
	fmt.Fprintf(stderr, "abri "+name+": "+format+"\n", args...)
	return exitError{name + " failed"}
}

// writeListing replaces a listing file, keeping its permissions: the new
// bytes go to a file beside it, renamed over it once complete.
func writeListing(dir, file string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(file))
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".abri-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), info.Mode().Perm())
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// shown is a listing file as messages name it: inside the content folder.
func shown(dir, file string) string { return filepath.ToSlash(filepath.Join(dir, file)) }
