package e2e

import (
	"archive/zip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestZip unpacks the French offline copy into an empty folder, as a field
// worker does on a laptop, and opens it from the disk: the same crawl as
// the whole site's must pass, and a search there must find places.
func TestZip(t *testing.T) {
	t.Parallel()
	testUnzipped(t, "*-fr.zip")
}

// TestCityZip does the same with the French copy of one city, what an
// outreach team carries: the crawl finds no broken link (links to the
// rest of the guide are left out), and a search finds the city's places
// and only them, each result a page the copy holds.
func TestCityZip(t *testing.T) {
	t.Parallel()
	testUnzipped(t, "*-fr-paris.zip")
}

func testUnzipped(t *testing.T, pattern string) {
	zips, _ := filepath.Glob(filepath.Join(demo.Dir, "offline", pattern))
	if len(zips) != 1 {
		t.Fatalf("want one zip %s in offline/, found %v", pattern, zips)
	}
	dir := t.TempDir()
	if err := unzip(zips[0], dir); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(zips[0])
	t.Logf("%s: %d KB", filepath.Base(zips[0]), info.Size()/1024)

	tb := newTab(t, "fr")
	findings, opened, left := crawlFindings(tb, dir, []string{"index.html"}, crawlDepth+1, crawlPages)
	for _, f := range findings {
		t.Error("unzipped: " + f)
	}
	t.Logf("opened %d pages of the unzipped copy; %d more found, left unopened", opened, left)

	origin := strings.TrimSuffix(fileURL(dir, ""), "/")
	asked := 0
	for _, q := range searchQueries(t) {
		if _, err := os.Stat(filepath.Join(dir, "fr", "places", q.Want+".html")); q.Lang != "fr" || err != nil {
			continue // a place of another city: not in this copy
		}
		asked++
		page := "/fr/search.html?q=" + url.QueryEscape(q.Text)
		if _, err := tb.open(origin + page); err != nil {
			t.Fatal(err)
		}
		p, err := searched(tb)
		if err != nil {
			t.Fatalf("unzipped %s: %v", page, err)
		}
		if got := ids(p.Results); !slices.Contains(got[:min(3, len(got))], q.Want) {
			t.Errorf("unzipped %s: %s is not in the first three of %v", page, q.Want, got)
		}
		for _, r := range p.Results {
			u, err := url.Parse(r.Href)
			if err != nil || u.Scheme != "file" {
				t.Errorf("unzipped %s: result %s links %s", page, r.ID, r.Href)
				continue
			}
			if _, err := os.Stat(filepath.FromSlash(u.Path)); err != nil {
				t.Errorf("unzipped %s: result %s links %s, which the copy lacks", page, r.ID, r.Href)
			}
		}
	}
	if asked == 0 {
		t.Error("no query of the shared table names a place of this copy")
	}
}

func unzip(name, dir string) error {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		target := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(target, dir+string(filepath.Separator)) {
			continue // no path outside the folder
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data := make([]byte, f.UncompressedSize64)
		_, err = io.ReadFull(rc, data)
		rc.Close()
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
