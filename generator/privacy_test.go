package generator

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/render"
)

// The tests of this file hold the rule of hidden addresses: the street and
// the coordinates of such a place are published nowhere, and the code that
// makes outputs cannot get at them except through (*content.Listing).Public.

// secretPlace is a hidden listing planted in a copy of the demo guide.
type secretPlace struct {
	street   string
	lat, lon float64
}

// plantHidden copies the demo guide into a temporary folder, with a base_url
// (so that the sitemap and canonical links are written too) and a hidden
// listing in Paris, builds it with the real build and returns its files.
func plantHidden(t *testing.T, p secretPlace) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	copyTree(t, "../content", src)
	site, err := os.ReadFile(filepath.Join(src, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	site = append(site, "base_url: https://guide.example.org/\n"...)
	listing := fmt.Sprintf(`name: Maison Planquée
description: {fr: Hébergement pour femmes. Adresse confidentielle., en: Shelter for women. Confidential address.}
categories: [women_shelter]
address:
  street: %s
  postal_code: "75013"
  city: Paris
  hidden: true
geo: [%s, %s]
phone: ["+33 1 40 00 00 09"]
hours: {mo-su: 00:00-24:00}
updated: 2026-11-20
`, p.street, strconv.FormatFloat(p.lat, 'f', -1, 64), strconv.FormatFloat(p.lon, 'f', -1, 64))
	for name, data := range map[string][]byte{"site.yaml": site, "listings/paris/maison-planquee.yaml": []byte(listing)} {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, problems, err := Build(context.Background(), Config{Content: src, Theme: "../themes/default", Out: out, Now: buildDate}); err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	return readTree(t, out)
}

// unzipAll adds the files of every zip of the site, as name!entry.
func unzipAll(t *testing.T, files map[string][]byte) map[string][]byte {
	t.Helper()
	all := map[string][]byte{}
	for name, data := range files {
		all[name] = data
		if !strings.HasSuffix(name, ".zip") {
			continue
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s!%s: %v", name, f.Name, err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s!%s: %v", name, f.Name, err)
			}
			all[name+"!"+f.Name] = b
		}
	}
	return all
}

// coordinateForms are the ways an output could write a coordinate: decimal
// with 4 to 6 digits, rounded or cut, and the ten-thousandths of a degree
// of the search index's positions (search/layout.go, toPoint).
func coordinateForms(v float64) []string {
	var out []string
	for dp := 4; dp <= 6; dp++ {
		out = append(out, strconv.FormatFloat(v, 'f', dp, 64))
		scale := 1.0
		for range dp {
			scale *= 10
		}
		out = append(out, strconv.FormatFloat(float64(int64(v*scale))/scale, 'f', dp, 64))
	}
	out = append(out, strconv.Itoa(int(v*1e4+0.5)))
	slices.Sort(out)
	return slices.Compact(out)
}

var (
	uuid = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	// digest is a checksum or key of .abri-build.json (crc64, key), whose
	// hex holds any digits by chance, as the UUIDs do.
	digest = regexp.MustCompile(`"(crc64|key)":"[0-9a-f]+"`)
)

// TestHiddenAddressPublishedNowhere builds the demo guide with a planted
// hidden listing and reads every file of the output, zips unpacked: its
// street and coordinates appear in none, in any of the forms outputs use.
// Then it builds again with another street and other coordinates: every
// file must be byte for byte the same, which catches a leak in any encoding
// (the search index's positions are differences written in base 32).
func TestHiddenAddressPublishedNowhere(t *testing.T) {
	a := secretPlace{"17 rue Secrète-Zzyzx", 48.812345, 2.398765}
	files := unzipAll(t, plantHidden(t, a))
	secrets := []string{"zzyzx", "secrète", "secr\\u00e8te", "secr&#232;te", "secr%c3%a8te"}
	secrets = append(secrets, coordinateForms(a.lat)...)
	secrets = append(secrets, coordinateForms(a.lon)...)
	zips := 0
	for name, data := range files {
		if strings.HasSuffix(name, ".zip") {
			zips++
			continue
		}
		// The HSDS export's ids are UUIDs, and the build's manifest has
		// checksums, whose hex may hold any digits by chance: they are
		// taken out, and the second build below shows that they do not
		// depend on the address.
		text := uuid.ReplaceAllString(strings.ToLower(string(data)), "<uuid>")
		text = digest.ReplaceAllString(text, `"$1":"<digest>"`)
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s: shows %q of a hidden address", name, s)
			}
		}
	}
	if zips == 0 {
		t.Error("the site has no zip: the offline copies are not checked")
	}
	// The place itself is published, with its postal code and city, and is in the search index.
	page := string(files["fr/places/maison-planquee.html"])
	for _, want := range []string{"Maison Planquée", "75013", "Paris"} {
		if !strings.Contains(page, want) {
			t.Errorf("fr/places/maison-planquee.html lacks %q", want)
		}
	}
	// Its share links (and the data its "add to my list" keeps) carry the
	// town: the secrets above are looked for in them too, decoded or not.
	for _, want := range []string{"https://wa.me/?text=Maison%20Planqu%C3%A9e%0A75013%20Paris", `data-adr="75013 Paris"`} {
		if !strings.Contains(page, want) {
			t.Errorf("fr/places/maison-planquee.html lacks the share block's %q", want)
		}
	}
	if !strings.Contains(string(files["fr/print/paris.html"]), "Maison Planquée") {
		t.Error("the print edition of Paris lacks the hidden place")
	}
	indexed := false
	for name, data := range files {
		if strings.HasPrefix(name, "search/") && bytes.Contains(data, []byte(`"maison-planquee"`)) {
			indexed = true
		}
	}
	if !indexed {
		t.Error("the search index lacks the hidden place")
	}

	other := unzipAll(t, plantHidden(t, secretPlace{"3 allée Autre-Qwxyq", 48.856789, 2.301234}))
	// The search index's folder is named from its contents: a change shows
	// in the files themselves, not in every name.
	va, vb := searchVersion(files), searchVersion(other)
	var diff []string
	for name, data := range other {
		name = strings.ReplaceAll(name, vb, va)
		if !bytes.Equal(bytes.ReplaceAll(data, []byte(vb), []byte(va)), files[name]) {
			diff = append(diff, name)
		}
	}
	if len(other) != len(files) {
		t.Errorf("%d files with one hidden address, %d with another", len(files), len(other))
	}
	sort.Strings(diff)
	for i, name := range diff {
		if i == 10 {
			t.Errorf("… and %d more", len(diff)-i)
			break
		}
		t.Errorf("%s depends on the street or coordinates of a hidden address", name)
	}
}

// searchVersion returns the name of the search index's versioned folder.
func searchVersion(files map[string][]byte) string {
	for name := range files {
		if v, rest, ok := strings.Cut(strings.TrimPrefix(name, "search/"), "/"); ok && strings.HasPrefix(name, "search/") && rest != "" {
			return "search/" + v + "/"
		}
	}
	return "search/"
}

// TestTemplatesCannotReachAddresses walks every type a template can reach
// from the page it receives (exported fields, and what exported methods
// return): none is the guide, a raw listing or its address.
func TestTemplatesCannotReachAddresses(t *testing.T) {
	forbidden := map[reflect.Type]bool{
		reflect.TypeFor[content.Guide](): true, reflect.TypeFor[content.Listing](): true, reflect.TypeFor[content.Address](): true,
	}
	seen := map[reflect.Type]bool{}
	var walk func(ty reflect.Type, path string)
	walk = func(ty reflect.Type, path string) {
		if forbidden[ty] {
			t.Errorf("templates reach %s through %s", ty, path)
			return
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumMethod() {
			m := ty.Method(i)
			for j := range m.Type.NumOut() {
				walk(m.Type.Out(j), path+"."+m.Name+"()")
			}
		}
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem(), path)
		case reflect.Map:
			walk(ty.Key(), path+"[key]")
			walk(ty.Elem(), path+"[]")
		case reflect.Struct:
			for _, f := range reflect.VisibleFields(ty) {
				if f.IsExported() {
					walk(f.Type, path+"."+f.Name)
				}
			}
		}
	}
	walk(reflect.TypeFor[*render.Page](), "Page")
	walk(reflect.TypeFor[render.Ctx](), "Ctx")
	if !seen[reflect.TypeFor[render.Listing]()] {
		t.Fatal("the walk did not reach the listing views: it checks nothing")
	}
}

// TestOutputsReadPublicPlaces type-checks the packages that make outputs
// and fails on any read of a listing's address or position that does not
// go through (*content.Listing).Public.
func TestOutputsReadPublicPlaces(t *testing.T) {
	pkgs := []string{"./render", "./search", "./opendata"}
	out, err := exec.Command("go", append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}={{.Export}}"}, pkgs...)...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	exports := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, file, _ := strings.Cut(line, "=")
		exports[path] = file
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		if exports[path] == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(exports[path])
	})
	listing := lookupStruct(t, imp, "Listing")
	address := lookupStruct(t, imp, "Address")
	raw := map[*types.Var]bool{fieldOf(listing, "Address"): true, fieldOf(listing, "Geo"): true}
	for i := range address.NumFields() {
		raw[address.Field(i)] = true
	}
	checked := 0
	var reads []string
	for _, dir := range pkgs {
		info := typeCheck(t, fset, imp, dir)
		for sel, s := range info.Selections {
			if v, ok := s.Obj().(*types.Var); ok && raw[v] {
				reads = append(reads, fmt.Sprintf("%s: reads %s of a listing: read l.Public() instead, which applies address.hidden", fset.Position(sel.Sel.Pos()), v.Name()))
			}
			checked++
		}
	}
	sort.Strings(reads)
	for _, r := range reads {
		t.Error(r)
	}
	if checked == 0 {
		t.Fatal("no selector was checked")
	}
}

func lookupStruct(t *testing.T, imp types.Importer, name string) *types.Struct {
	t.Helper()
	pkg, err := imp.Import("github.com/abri-guide/abri/generator/content")
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Scope().Lookup(name).Type().Underlying().(*types.Struct)
}

func fieldOf(s *types.Struct, name string) *types.Var {
	for i := range s.NumFields() {
		if s.Field(i).Name() == name {
			return s.Field(i)
		}
	}
	panic("no field " + name)
}

// typeCheck type-checks the non-test files of a package folder.
func typeCheck(t *testing.T, fset *token.FileSet, imp types.Importer, dir string) *types.Info {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: imp}
	if _, err := conf.Check(dir, fset, files, info); err != nil {
		t.Fatalf("type-checking %s: %v", dir, err)
	}
	return info
}
