package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/theme"
)

// hsdsLoad loads the guide in fsys, which must have no errors.
func hsdsLoad(t testing.TB, fsys fs.FS) *content.Guide {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	return g
}

// hsdsFiles exports g's HSDS files, by path.
func hsdsFiles(t testing.TB, g *content.Guide) map[string][]byte {
	t.Helper()
	files, err := hsds(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// TestHSDSDemoValidates: the demo guide's services validate against
// HSDS 3.0's own schema, formats asserted.
func TestHSDSDemoValidates(t *testing.T) {
	g := hsdsLoad(t, os.DirFS("../../content"))
	data := hsdsFiles(t, g)["data/hsds/services.json"]
	validate(t, "hsds-3.0/compiled/service.json", data)
	var items []hsdsService
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	if len(items) < len(g.Listings) {
		t.Fatalf("%d services for %d listings", len(items), len(g.Listings))
	}
}

// TestHSDSGeneratedValidates: so does a generated guide of 1,000 listings.
func TestHSDSGeneratedValidates(t *testing.T) {
	fsys, err := guidegen.National("../../content", 1000)
	if err != nil {
		t.Fatal(err)
	}
	g := hsdsLoad(t, fsys)
	validate(t, "hsds-3.0/compiled/service.json", hsdsFiles(t, g)["data/hsds/services.json"])
}

// TestHSDSTabular: each table of the data package is a CSV with the
// columns of HSDS's schema/simple/schema.csv for it, in its order, and
// rows of as many fields; datapackage.json lists them with those fields
// and the guide's licence.
func TestHSDSTabular(t *testing.T) {
	want := schemaColumns(t)
	files := hsdsFiles(t, hsdsLoad(t, os.DirFS("../../content")))
	var pkg struct {
		Licenses  []struct{ Name, Path string }
		Resources []struct {
			Name, Path string
			Schema     struct{ Fields []struct{ Name string } }
		}
	}
	if err := json.Unmarshal(files["data/hsds/datapackage.json"], &pkg); err != nil {
		t.Fatal(err)
	}
	if len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "ODbL-1.0" || pkg.Licenses[0].Path == "" {
		t.Errorf("licenses = %+v, want the demo's ODbL-1.0 and its address", pkg.Licenses)
	}
	if len(pkg.Resources) < 10 {
		t.Fatalf("%d resources", len(pkg.Resources))
	}
	for _, r := range pkg.Resources {
		cols := want[r.Name]
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
		}
		if strings.Join(fields, ",") != strings.Join(cols, ",") {
			t.Errorf("%s: fields %v, want schema.csv's %v", r.Name, fields, cols)
		}
		data, ok := files["data/hsds/"+r.Path]
		if !ok {
			t.Errorf("%s: no file %s", r.Name, r.Path)
			continue
		}
		rd := csv.NewReader(bytes.NewReader(data))
		rd.FieldsPerRecord = len(cols)
		rows, err := rd.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", r.Path, err)
			continue
		}
		if strings.Join(rows[0], ",") != strings.Join(cols, ",") {
			t.Errorf("%s: header %v, want %v", r.Path, rows[0], cols)
		}
		if len(rows) < 2 {
			t.Errorf("%s: no rows", r.Path)
		}
	}
}

// schemaColumns reads HSDS's schema.csv: each table's fields that are
// columns (not relations to other tables), in order.
func schemaColumns(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open(schemaFile("hsds-3.0/simple/schema.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for _, r := range rows[1:] {
		if typ := r[2]; typ != "array" && typ != "" {
			cols[r[0]] = append(cols[r[0]], r[1])
		}
	}
	return cols
}

// TestHSDSStable: two builds give the same bytes, and editing one listing
// changes only that listing's services, and no id.
func TestHSDSStable(t *testing.T) {
	fsys := demoFS(t)
	before := hsdsFiles(t, hsdsLoad(t, fsys))
	again := hsdsFiles(t, hsdsLoad(t, fsys))
	for p, data := range before {
		if !bytes.Equal(data, again[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
	const edited = "listings/marseille/permanence-juridique-joliette.yaml"
	f := fsys[edited]
	f.Data = bytes.Replace(f.Data, []byte("Des avocates"), []byte("Des juristes"), 1)
	after := hsdsFiles(t, hsdsLoad(t, fsys))
	a, b := servicesByID(t, before), servicesByID(t, after)
	if len(a) != len(b) {
		t.Fatalf("%d services, then %d", len(a), len(b))
	}
	changed := 0
	for id, s := range a {
		s2, ok := b[id]
		switch {
		case !ok:
			t.Errorf("service %s is gone after the edit", id)
		case s != s2:
			changed++
			if !strings.Contains(s2, `"external_identifier":"permanence-juridique-joliette"`) {
				t.Errorf("the edit changed another listing's service: %.200s", s2)
			}
		}
	}
	if changed == 0 {
		t.Error("the edit changed no service")
	}
}

// servicesByID returns each line of services.json by its service id.
func servicesByID(t *testing.T, files map[string][]byte) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range strings.Split(string(files["data/hsds/services.json"]), "\n") {
		line = strings.TrimSuffix(line, ",")
		var s struct{ ID string }
		if json.Unmarshal([]byte(line), &s) == nil && s.ID != "" {
			m[s.ID] = line
		}
	}
	return m
}

// TestHSDSHiddenAddress: a hidden address's street and position appear in
// no byte of the HSDS files; its postal code and city do.
func TestHSDSHiddenAddress(t *testing.T) {
	fsys := demoFS(t)
	for p := range fsys {
		if strings.HasPrefix(p, "listings/") {
			delete(fsys, p)
		}
	}
	fsys["listings/lyon/refuge-discret.yaml"] = &fstest.MapFile{Data: []byte(`name: Refuge discret
categories: [day_hosting]
address: {street: 17 rue Secrète, postal_code: "69007", city: Lyon, hidden: true}
geo: [45.7512345, 4.8398765]
phone: "+33 4 72 00 00 01"
updated: 2026-10-01
`)}
	files := hsdsFiles(t, hsdsLoad(t, fsys))
	for p, data := range files {
		for _, secret := range []string{"Secrète", "Secr", "45.75", "4.839", "7512345", "8398765"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s holds %q of the hidden address", p, secret)
			}
		}
	}
	if d := files["data/hsds/address.csv"]; !bytes.Contains(d, []byte("69007")) || !bytes.Contains(d, []byte("Lyon")) {
		t.Errorf("address.csv lacks the postal code and city:\n%s", d)
	}
}
