package importer

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/abri-guide/abri/generator/content"
)

// today is the day of the tests' imports and checks.
var today = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

// emptyGuide is a guide with the demo's site.yaml and categories.yaml
// and no listing.
func emptyGuide(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../content", name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	fsys["listings"] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
	return fsys
}

// load loads a guide, failing on errors unless allowed.
func load(t *testing.T, fsys fstest.MapFS) (*content.Guide, content.Problems) {
	t.Helper()
	g, ps := content.Load(fsys, content.Options{Root: "content", Now: today})
	if g == nil {
		t.Fatal(ps.Err())
	}
	return g, ps
}

// mednumFiles are the real ANCT files of testdata.
func mednumFiles(t *testing.T) []SourceFile {
	t.Helper()
	names, err := filepath.Glob("testdata/anct-mednum/*.json")
	if err != nil || len(names) != 3 {
		t.Fatalf("want the 3 ANCT files, got %v %v", names, err)
	}
	var files []SourceFile
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, SourceFile{Name: filepath.Base(n), Data: data})
	}
	return files
}

// importInto reads records in format and writes them into the guide in
// fsys, returning the outcomes.
func importInto(t *testing.T, fsys fstest.MapFS, format string, files []SourceFile, opts WriteOptions) ([]Record, []Outcome) {
	t.Helper()
	g, ps := load(t, fsys)
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	recs, err := Read(format, Input{Files: files, Guide: g})
	if err != nil {
		t.Fatal(err)
	}
	existing, err := ReadListings(fsys)
	if err != nil {
		t.Fatal(err)
	}
	opts.Today = g.Today
	out, outcomes := Write(g, existing, recs, opts)
	for _, f := range out {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return recs, outcomes
}

func errorsOf(ps content.Problems) []string {
	var out []string
	for _, p := range ps {
		if p.Severity == content.Error {
			out = append(out, p.String())
		}
	}
	return out
}

// The 920 real places of ANCT import with no error of abri check, and
// keep their hours: at least 95 % of the places that give horaires.
func TestMednumImportChecks(t *testing.T) {
	fsys := emptyGuide(t)
	files := mednumFiles(t)
	horaires := idsWithHoraires(t, files)
	recs, outcomes := importInto(t, fsys, "mednum", files, WriteOptions{})
	if len(recs) != 924 {
		t.Errorf("read %d records, want the 924 of the three files", len(recs))
	}
	written, withHours, kept, full := 0, 0, 0, 0
	for i, o := range outcomes {
		if o.Action == Written {
			written++
		}
		l := recs[i].Listing
		if !horaires[l.Sources[0].ID] {
			continue
		}
		withHours++
		if l.Hours != nil && len(l.Hours.Rules) > 0 {
			kept++
			if len(l.Hours.Note) == 0 {
				full++
			}
		}
	}
	g, ps := load(t, fsys)
	if errs := errorsOf(ps); len(errs) > 0 {
		t.Fatalf("%d errors, first: %s", len(errs), strings.Join(errs[:min(5, len(errs))], "\n"))
	}
	if len(g.Listings) != written {
		t.Errorf("guide has %d listings, %d written", len(g.Listings), written)
	}
	t.Logf("records %d, written %d, with horaires %d, hours kept %d (%d entirely), warnings %d", len(recs), written, withHours, kept, full, ps.Warnings())
	if kept*100 < withHours*95 {
		t.Errorf("hours kept for %d of %d places with horaires, want 95 %%", kept, withHours)
	}
}

// idsWithHoraires are the ids of the places that give horaires.
func idsWithHoraires(t *testing.T, files []SourceFile) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, f := range files {
		var places []map[string]any
		if err := json.Unmarshal(f.Data, &places); err != nil {
			t.Fatal(err)
		}
		for _, p := range places {
			if h, ok := p["horaires"].(string); ok && strings.TrimSpace(h) != "" {
				ids[p["id"].(string)] = true
			}
		}
	}
	return ids
}
