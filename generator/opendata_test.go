package generator

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
)

// TestDemoOpenData: the demo's build has its places in data/places.geojson,
// one feature per published listing, a hidden address there without
// point nor street and in no file of data/ at all, and an open-data page
// per language linking every file of data/.
func TestDemoOpenData(t *testing.T) {
	files := demoSite(t)
	g, problems := content.Load(os.DirFS("../content"), content.Options{Root: "content", Now: buildDate})
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	var geo struct {
		Features []struct {
			ID         string          `json:"id"`
			Geometry   json.RawMessage `json:"geometry"`
			Properties map[string]any  `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(files["data/places.geojson"], &geo); err != nil {
		t.Fatalf("data/places.geojson: %v", err)
	}
	if len(geo.Features) != len(g.Listings) {
		t.Errorf("data/places.geojson: %d features for %d published listings", len(geo.Features), len(g.Listings))
	}
	byID := map[string]int{}
	for i, f := range geo.Features {
		byID[f.ID] = i
	}
	var data []string
	for name := range files {
		if strings.HasPrefix(name, "data/") {
			data = append(data, name)
		}
	}
	hidden := 0
	for _, l := range g.Listings {
		i, ok := byID[l.ID]
		if !ok {
			t.Errorf("data/places.geojson: no feature for %s", l.ID)
			continue
		}
		if l.Address == nil || !l.Address.Hidden {
			continue
		}
		hidden++
		if f := geo.Features[i]; string(f.Geometry) != "null" || f.Properties["addr:street"] != nil || f.Properties["addr:city"] != l.Address.City {
			t.Errorf("data/places.geojson: the hidden address of %s: geometry %s, properties %v", l.ID, f.Geometry, f.Properties)
		}
		secrets := []string{l.Address.Street}
		if l.Geo != nil {
			secrets = append(secrets, strconv.FormatFloat(l.Geo.Lat, 'f', 4, 64), strconv.FormatFloat(l.Geo.Lon, 'f', 4, 64))
		}
		for _, name := range data {
			for _, s := range secrets {
				if bytes.Contains(files[name], []byte(s)) {
					t.Errorf("%s: %q of the hidden address of %s", name, s, l.ID)
				}
			}
		}
	}
	if hidden == 0 {
		t.Fatal("the demo guide has no hidden address to check")
	}
	for _, lang := range demo.sum.Langs {
		page := string(files[lang+"/data.html"])
		for _, name := range data {
			if !strings.Contains(page, `href="../`+name+`"`) {
				t.Errorf("%s/data.html does not link %s", lang, name)
			}
		}
		for _, from := range []string{"index.html", "offline.html"} {
			if !strings.Contains(string(files[lang+"/"+from]), `href="../`+lang+`/data.html"`) {
				t.Errorf("%s/%s does not link the open-data page", lang, from)
			}
		}
	}
}

// TestDemoOpenDataInZips: a language's offline copy holds data/ as the site
// has it (field workers share it); a city's copy does not, and its pages
// do not link to the open-data page it lacks.
func TestDemoOpenDataInZips(t *testing.T) {
	files := demoSite(t)
	langZip := regexp.MustCompile(`^offline/.*-fr\.zip$`)
	cityZip := regexp.MustCompile(`^offline/.*-fr-[a-z-]+\.zip$`)
	seen := 0
	for name, data := range files {
		if !langZip.MatchString(name) && !cityZip.MatchString(name) {
			continue
		}
		seen++
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		inZip := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			inZip[f.Name] = b
		}
		whole := langZip.MatchString(name)
		for path, b := range files {
			if !strings.HasPrefix(path, "data/") {
				continue
			}
			switch {
			case whole && !bytes.Equal(inZip[path], b):
				t.Errorf("%s: %s is not the site's", name, path)
			case !whole && inZip[path] != nil:
				t.Errorf("%s: a city's copy holds %s", name, path)
			}
		}
		if home := string(inZip["fr/index.html"]); whole != strings.Contains(home, `href="../fr/data.html"`) || whole != (inZip["fr/data.html"] != nil) {
			t.Errorf("%s: holds fr/data.html: %v; its home links to it: %v", name, inZip["fr/data.html"] != nil, strings.Contains(home, "data.html"))
		}
	}
	if seen < 2 {
		t.Fatalf("%d French zips in the demo's build", seen)
	}
}
