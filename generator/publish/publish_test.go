package publish

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"hash/crc64"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

var buildDate = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// demo loads the demo guide and prepares its site; edit, when not nil,
// changes the guide first.
func demo(t *testing.T, edit func(g *content.Guide)) *render.Renderer {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(os.DirFS("../../content"), content.Options{Root: "../../content", Now: buildDate, Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	if edit != nil {
		edit(g)
	}
	r, err := render.New(g, th, markdown.New(), render.Options{Today: g.Today})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func publishDemo(t *testing.T, r *render.Renderer, opts Options) (string, Result) {
	t.Helper()
	dir := t.TempDir()
	opts.Date = buildDate
	res, err := Publish(context.Background(), r, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return dir, res
}

// TestLedgerIsDisk: the ledger lists every file on disk, with its size
// and checksum, and nothing else.
func TestLedgerIsDisk(t *testing.T) {
	r := demo(t, nil)
	dir, res := publishDemo(t, r, Options{})
	entries := res.Ledger.Entries()
	seen := map[string]bool{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.Path)))
		if err != nil {
			t.Errorf("%s is in the ledger: %v", e.Path, err)
			continue
		}
		if int64(len(data)) != e.Size || crc64.Checksum(data, crcTable) != e.Sum {
			t.Errorf("%s: %d bytes on disk, CRC %x; the ledger says %d, %x", e.Path, len(data), crc64.Checksum(data, crcTable), e.Size, e.Sum)
		}
		seen[e.Path] = true
	}
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if empty, _ := filepath.Glob(filepath.Join(p, "*")); len(empty) == 0 {
				t.Errorf("%s is an empty folder, which the next build would take for someone else's", p)
			}
		}
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			if n++; !seen[filepath.ToSlash(rel)] {
				t.Errorf("%s is on disk, not in the ledger", rel)
			}
		}
		return err
	})
	if n != len(entries) || n < 500 {
		t.Errorf("%d files on disk, %d in the ledger", n, len(entries))
	}
	if langs := languageZips(r.Copies()); len(res.Zips) != 4*langs || len(res.Over) != 0 {
		t.Errorf("zips %d kept, %v over the limit; want %d languages × (the whole language + 3 cities)", len(res.Zips), res.Over, langs)
	}
}

// readZip returns the entries of a zip, by name, in their order.
func readZip(t *testing.T, name string) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files, order := map[string][]byte{}, []string(nil)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc) // checks the CRC-32
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		files[f.Name] = data
		order = append(order, f.Name)
	}
	return files, order
}

// TestZipEntriesAreRendered: every zip holds exactly the files render puts
// in its copy, each with the bytes render gives for that copy.
// Publish makes them from the site's bytes; Zipped(..., nil, ...) renders
// them again, the reference.
func TestZipEntriesAreRendered(t *testing.T) {
	for _, base := range []string{"", "https://guide.example.org/sub/"} {
		t.Run(base, func(t *testing.T) {
			testZipEntries(t, demo(t, func(g *content.Guide) { g.Site.BaseURL = content.URL(base) }))
		})
	}
}

func testZipEntries(t *testing.T, r *render.Renderer) {
	dir, res := publishDemo(t, r, Options{})
	var buf bytes.Buffer
	for k, c := range r.Copies() {
		files, _ := readZip(t, filepath.Join(dir, filepath.FromSlash(c.Path)))
		in := map[string]int{} // path -> the file of the copy
		for i, f := range r.Files() {
			if slices.Contains(f.Copies, k) {
				if _, dup := in[f.Path]; dup {
					t.Errorf("%s: two files would be %s", c.Path, f.Path)
				}
				in[f.Path] = i
				if _, ok := files[f.Path]; !ok {
					t.Errorf("%s lacks %s", c.Path, f.Path)
				}
			}
		}
		if len(files) != len(in) {
			t.Errorf("%s: %d entries, want %d", c.Path, len(files), len(in))
		}
		for name, data := range files {
			i, ok := in[name]
			if !ok {
				t.Errorf("%s holds %s, which render does not put in it", c.Path, name)
				continue
			}
			got, _, err := r.Zipped(i, k, res.Ledger, nil, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, got) {
				t.Errorf("%s: %s is not what render gives for this copy", c.Path, name)
			}
		}
	}
}

var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// brokenLinks follows every href and src of the pages of an unzipped copy
// and lists those that lead to no file of it.
func brokenLinks(files map[string][]byte) []string {
	var broken []string
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllSubmatch(data, -1) {
			link := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			if link == "" || strings.HasPrefix(link, "#") || strings.Contains(link, ":") {
				continue // this page, or another scheme: https, mailto, tel, geo
			}
			link, _, _ = strings.Cut(link, "#")
			link, _, _ = strings.Cut(link, "?")
			target := path.Join(path.Dir(name), link)
			if _, ok := files[target]; !ok {
				broken = append(broken, name+" → "+string(m[1]))
			}
		}
	}
	return broken
}

// TestCityZipHasNoBrokenLink: a city's zip, unzipped, holds the city's
// pages and what they need, and no page of it links to a file it lacks;
// with a base_url, those links go to the online site.
func TestCityZipHasNoBrokenLink(t *testing.T) {
	for _, base := range []string{"", "https://guide.example.org/"} {
		r := demo(t, func(g *content.Guide) { g.Site.BaseURL = content.URL(base) })
		dir, _ := publishDemo(t, r, Options{})
		for _, c := range r.Copies() {
			files, _ := readZip(t, filepath.Join(dir, filepath.FromSlash(c.Path)))
			for _, b := range brokenLinks(files) {
				t.Errorf("base_url %q: %s: %s", base, c.Path, b)
			}
			if _, ok := files["index.html"]; !ok {
				t.Errorf("%s has no index.html", c.Path)
			}
			if c.City == nil {
				continue
			}
			var list struct{ Pages []string }
			data, err := os.ReadFile(filepath.Join(dir, c.Lang, "cities", c.City.Slug+".offline.json"))
			if err != nil || json.Unmarshal(data, &list) != nil {
				t.Fatalf("the list of pages saving %s downloads: %v", c.City.Slug, err)
			}
			saved := map[string]bool{}
			for _, p := range list.Pages {
				saved[p] = true
				if _, ok := files[p]; !ok {
					t.Errorf("%s lacks %s, which saving the city downloads", c.Path, p)
				}
			}
			for name := range files {
				if strings.HasPrefix(name, c.Lang+"/places/") && !saved[name] {
					t.Errorf("%s holds %s, a place of another city", c.Path, name)
				}
			}
			online := bytes.Contains(files[c.Lang+"/index.html"], []byte(`href="https://guide.example.org/`+c.Lang+`/cities/`))
			if online != (base != "") {
				t.Errorf("base_url %q: %s: the home page links other cities online: %v", base, c.Path, online)
			}
		}
	}
}

// TestLangZipOverLimit: a language's zip over the limit is not written,
// nor offered; the cities' zips are.
func TestLangZipOverLimit(t *testing.T) {
	r := demo(t, nil)
	dir, res := publishDemo(t, r, Options{LangZipLimit: 300_000})
	page, err := os.ReadFile(filepath.Join(dir, "fr", "offline.html"))
	if err != nil {
		t.Fatal(err)
	}
	over := map[string]bool{}
	for _, p := range res.Over {
		over[p] = true
	}
	for _, c := range r.Copies() {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(c.Path)))
		_, listed := res.Ledger.Size(c.Path)
		offered := bytes.Contains(page, []byte(`href="../`+c.Path+`"`))
		switch {
		case c.City != nil && (err != nil || !listed || over[c.Path]):
			t.Errorf("%s: the zip of a city is missing: %v", c.Path, err)
		case c.City == nil && (err == nil || listed || !over[c.Path]):
			t.Errorf("%s: the whole language's zip is written though over 300 KB", c.Path)
		case c.Lang == "fr" && offered != (c.City != nil):
			t.Errorf("fr/offline.html offers %s: %v", c.Path, offered)
		}
	}
	if langs := languageZips(r.Copies()); len(res.Over) != langs || langs < 4 {
		t.Errorf("over the limit: %v, want the %d languages' zips", res.Over, langs)
	}
	if _, res := publishDemo(t, r, Options{LangZipLimit: 10_000_000}); len(res.Over) != 0 {
		t.Errorf("over 10 MB: %v", res.Over)
	}
}

// TestZipRefusesDuplicateEntry: a zip never holds two entries of one name,
// in any case.
func TestZipRefusesDuplicateEntry(t *testing.T) {
	dir := t.TempDir()
	z, err := createZip(newFiles(maxOpenZips), dir, "a.zip", buildDate, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := z.add("fr/a.txt", compress([]byte("1"))); err != nil {
		t.Fatal(err)
	}
	err = z.add("fr/A.txt", compress([]byte("2")))
	if want := "internal error: fr/A.txt would be twice in a.zip"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if _, _, err := z.close(); err != nil {
		t.Fatal(err)
	}
}

// languageZips counts the copies of whole languages, one per language of
// the guide.
func languageZips(copies []render.Copy) int {
	n := 0
	for _, c := range copies {
		if c.City == nil {
			n++
		}
	}
	return n
}
