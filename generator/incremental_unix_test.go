//go:build unix

package generator

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestIncrementalMakesOnlyWhatChanged: after one listing's phone number
// changes, a build over the output makes its pages and those that show it
// (its town's, its categories'), the search index, the zips that hold
// them, the offline copies pages, the open data (which has the phone),
// the open-data pages when the data's sizes change, and the service worker, and carries the
// others over: they are the previous build's files, hard-linked. The
// summary counts what it did.
func TestIncrementalMakesOnlyWhatChanged(t *testing.T) {
	h := newIncremental(t, 5)
	before := inodes(t, h.out)
	file := h.pick()
	id := strings.TrimSuffix(filepath.Base(file), ".yaml")
	page, err := os.ReadFile(filepath.Join(h.out, "fr", "places", id+".html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`href="\.\./\.\./fr/cities/([a-z0-9-]+)\.html"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("fr/places/%s.html links to no town", id)
	}
	city := string(m[1])
	dataSizes := func() (sizes []int64) {
		for _, name := range []string{"places.csv", "places.geojson"} {
			fi, err := os.Stat(filepath.Join(h.out, "data", name))
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, fi.Size())
		}
		return sizes
	}
	sizes := dataSizes()
	h.editYAML(file, file, func(root *yaml.Node) { setField(root, "phone", `["+33 1 23 45 67 89"]`) })
	sum, ps, err := Build(context.Background(), h.config(h.out))
	if err != nil {
		t.Fatalf("%v%s", err, errorsOf(ps))
	}
	sizeChanged := !slices.Equal(sizes, dataSizes())
	after := inodes(t, h.out)
	var made []string
	for p, ino := range after {
		if before[p] != ino {
			made = append(made, p)
		}
	}
	slices.Sort(made)
	affected := func(p string) bool {
		switch {
		case strings.HasSuffix(p, "/places/"+id+".html"),
			strings.Contains(p, "/cities/"+city+"."), strings.Contains(p, "/print/"+city+"."),
			strings.Contains(p, "/categories/"), strings.HasPrefix(p, "search/"),
			strings.HasPrefix(p, "offline/"), strings.HasSuffix(p, "/offline.html"), p == "sw.js",
			strings.HasPrefix(p, "data/"), strings.HasSuffix(p, "/data.html") && sizeChanged:
			return true
		}
		return false
	}
	for _, p := range made {
		if !affected(p) {
			t.Errorf("%s was made again, though the phone of %s is not on it", p, id)
		}
	}
	if !slices.Contains(made, "data/places.csv") {
		t.Error("data/places.csv, which has the new phone, was carried over")
	}
	for _, lang := range []string{"fr", "ar", "en", "uk"} {
		if p := lang + "/places/" + id + ".html"; !slices.Contains(made, p) {
			t.Errorf("%s, which shows the new phone, was carried over", p)
		}
	}
	if !sum.Incremental || sum.Made != len(made) || sum.Carried != len(after)-len(made) {
		t.Errorf("the summary says %d made, %d carried (incremental %v); %d of %d files are new on disk", sum.Made, sum.Carried, sum.Incremental, len(made), len(after))
	}
	if len(made) > len(after)/5 {
		t.Errorf("%d of %d files made for one phone number: %s", len(made), len(after), strings.Join(made, " "))
	}
	if !strings.Contains(sum.String(), fmt.Sprintf("%s, %d unchanged carried over", count(sum.Made, "file made", "files made"), sum.Carried)) {
		t.Errorf("summary %q does not say what was carried over", sum)
	}
}

// inodes maps each file of a folder but the manifest to its inode: a file carried over is
// a hard link to the previous build's.
func inodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == manifestName {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st, ok := info.Sys().(*syscall.Stat_t)
		if !ok {
			t.Skip("no inodes on this system")
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = st.Ino
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
