package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/schema"
	"gopkg.in/yaml.v3"
)

// demoHead copies the demo guide's site.yaml and categories.yaml into a
// new content folder, and returns it.
func demoHead(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.MkdirAll(filepath.Join(dir, "listings"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../content", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkPasses runs abri check on a content folder, which must have no error.
func checkPasses(t *testing.T, dir string) {
	t.Helper()
	out, _, err := run(t, "check", "--content", dir, "--theme", "../../themes/default")
	if err != nil || !strings.Contains(out, "abri: 0 errors") {
		t.Errorf("abri check: %v\n%s", err, out)
	}
}

// uncomment turns on every optional field of a skeleton: it deletes the
// "# " before commented-out lines, not the ## help nor the schema line.
func uncomment(skeleton string) string {
	lines := strings.Split(skeleton, "\n")
	for i, line := range lines {
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		rest, ok := strings.CutPrefix(line[len(indent):], "# ")
		if ok && !strings.HasPrefix(rest, "yaml-language-server:") {
			lines[i] = indent + rest
		}
	}
	return strings.Join(lines, "\n")
}

// TestNewListing: the skeleton passes abri check and the schema as it is,
// and with every optional field uncommented; it names every field.
func TestNewListing(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796167800") // 2026-12-01 23:30 UTC: already the 2nd in Paris
	dir := demoHead(t)
	out, stderr, err := run(t, "new", "listing", "lyon/halte-test", "--content", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	file := filepath.Join(dir, "listings", "lyon", "halte-test.yaml")
	if !strings.Contains(out, file) || !strings.Contains(out, "abri schema") {
		t.Errorf("output: %q", out)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	skeleton := string(data)
	for _, want := range []string{
		"# yaml-language-server: $schema=../../.schemas/listing.schema.json\n",
		"\nupdated: 2026-12-02\n",
		"\nstatus: draft ",
		"\ncategories: [day_hosting] ",
		"#   uk: TODO\n",
		"##   food: food_distribution, meals, food_parcels, social_grocery\n",
		"## addiction, disability, hiv, lgbt, mental_health, prison, sex_work, student, violence\n",
	} {
		if !strings.Contains(skeleton, want) {
			t.Errorf("the skeleton lacks %q:\n%s", want, skeleton)
		}
	}
	checkPasses(t, dir)
	full := uncomment(skeleton)
	if err := os.WriteFile(file, []byte(full), 0o644); err != nil {
		t.Fatal(err)
	}
	checkPasses(t, dir)
	checkSchema(t, dir, skeleton, full)
	checkEveryField(t, full)
}

// checkSchema validates the skeleton, as it is and uncommented, against
// the listing schema of its guide.
func checkSchema(t *testing.T, dir string, docs ...string) {
	t.Helper()
	g, _ := content.Load(os.DirFS(dir), content.Options{})
	s := schema.Listing(schema.GuideOf(g))
	for _, doc := range docs {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatal(err)
		}
		for _, v := range s.Validate(&n) {
			t.Errorf("the schema refuses the skeleton: %s", v)
		}
	}
}

// checkEveryField: uncommented, the skeleton has every field of a listing.
func checkEveryField(t *testing.T, full string) {
	t.Helper()
	var got map[string]any
	if err := yaml.Unmarshal([]byte(full), &got); err != nil {
		t.Fatal(err)
	}
	for _, p := range schema.Listing(schema.Guide{}).Properties {
		if _, ok := got[p.Name]; !ok {
			t.Errorf("the skeleton does not show the field %s", p.Name)
		}
	}
}

func TestNewListingRefuses(t *testing.T) {
	dir := demoHead(t)
	if _, stderr, err := run(t, "new", "listing", "--content", dir, "paris/halte"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	tests := []struct{ arg, want string }{
		{"paris/halte", "halte.yaml already exists"},
		{"lyon/halte.yaml", "halte.yaml already exists"}, // ids are unique across folders
		{"lyon/Halte", "halte.yaml already exists"},      // a name is made into its id
		{"lyon/!!!", `"!!!.yaml": listing file names are the place's id`},
		{"lyon/halte.yml", "lower-case letters, digits and dashes"},
		{"../halte-2", "is not a place in the guide's listings folder"},
		{"lyon/.drafts/halte-2", "is not a place in the guide's listings folder"},
	}
	for _, tt := range tests {
		_, stderr, err := run(t, "new", "listing", "--content", dir, tt.arg)
		if err == nil || !strings.Contains(stderr, tt.want) {
			t.Errorf("new listing %s: err=%v, stderr=%q, want %q", tt.arg, err, stderr, tt.want)
		}
	}
	if _, _, err := run(t, "new", "listing", "--content", filepath.Join(dir, "nowhere"), "lyon/x"); err == nil {
		t.Error("a folder without site.yaml must fail")
	}
	if _, _, err := run(t, "new", "flyer", "--content", dir, "x"); err == nil {
		t.Error("an unknown kind must fail")
	}
}

// TestNewListingFromName: a name typed instead of an id gives the file
// name the site would make of it, and fills in the listing's name.
func TestNewListingFromName(t *testing.T) {
	dir := demoHead(t)
	for arg, want := range map[string]string{
		"lyon/Cœur de Ville":   "listings/lyon/coeur-de-ville.yaml",
		"Halte_Solidaire":      "listings/halte-solidaire.yaml",
		`paris/"Київ" Центр`:   "listings/paris/kyiv-tsentr.yaml",
		"marseille/L'Abri #2 ": "listings/marseille/l-abri-2.yaml",
	} {
		stdout, stderr, err := run(t, "new", "listing", "--content", dir, arg)
		if err != nil {
			t.Fatalf("new listing %s: %v\n%s", arg, err, stderr)
		}
		if !strings.Contains(stdout, filepath.Join(dir, filepath.FromSlash(want))) {
			t.Errorf("new listing %q: %s, want %s", arg, stdout, want)
		}
		data, err := os.ReadFile(filepath.Join(dir, want))
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSpace(arg[strings.LastIndex(arg, "/")+1:])
		quoted, _ := json.Marshal(name)
		if !strings.Contains(string(data), "\nname: "+string(quoted)+"\n") {
			t.Errorf("%s does not say name: %s", want, quoted)
		}
	}
	checkPasses(t, dir)
}

// TestNewListingPaths: editors may name the file as abri's messages do.
func TestNewListingPaths(t *testing.T) {
	dir := demoHead(t)
	for _, arg := range []string{
		filepath.Join(dir, "listings", "lyon", "a.yaml"),
		"listings/lyon/b",
		"c",
	} {
		if _, stderr, err := run(t, "new", "listing", "--content", dir, arg); err != nil {
			t.Errorf("new listing %s: %v\n%s", arg, err, stderr)
		}
	}
	for _, want := range []string{"listings/lyon/a.yaml", "listings/lyon/b.yaml", "listings/c.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Error(err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "listings", "c.yaml"))
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=../.schemas/listing.schema.json\n") {
		t.Errorf("the schema line of a listing at the top of listings/: %q", strings.SplitN(string(data), "\n", 2)[0])
	}
	checkPasses(t, dir)
}

// TestNewPage: one file per language of the guide, valid, next in the
// menu; never over an existing page.
func TestNewPage(t *testing.T) {
	dir := demoHead(t)
	if _, stderr, err := run(t, "new", "page", "--content", dir, "about"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if _, stderr, err := run(t, "new", "page", "volunteer", "--content", dir); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, lang := range []string{"fr", "en", "ar", "uk"} {
		data, err := os.ReadFile(filepath.Join(dir, "pages", "volunteer."+lang+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "\ntitle: TODO\nmenu: 2 ") || !strings.Contains(string(data), "in "+lang+":") {
			t.Errorf("volunteer.%s.md:\n%s", lang, data)
		}
	}
	checkPasses(t, dir)
	os.Remove(filepath.Join(dir, "pages", "volunteer.uk.md"))
	_, stderr, err := run(t, "new", "page", "--content", dir, "volunteer")
	if err == nil || !strings.Contains(stderr, "volunteer.fr.md already exists") {
		t.Errorf("overwrite: err=%v stderr=%q", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "pages", "volunteer.uk.md")); err == nil {
		t.Error("a refused new page wrote some of its files")
	}
	for _, slug := range []string{"About", "index", "404", "a_b"} {
		if _, _, err := run(t, "new", "page", "--content", dir, slug); err == nil {
			t.Errorf("new page %s must fail", slug)
		}
	}
}

// TestEditingGuideExamples: the YAML of content/EDITING.md is right. A
// whole listing is checked as it is; a part replaces the same fields of a
// small listing.
func TestEditingGuideExamples(t *testing.T) {
	doc, err := os.ReadFile("../../content/EDITING.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 5 {
		t.Fatalf("only %d YAML examples in EDITING.md", len(blocks))
	}
	dir := demoHead(t)
	for i, b := range blocks {
		example := dedent(b[1])
		listing := example
		if !strings.Contains(example, "\nname: ") {
			listing = withFields(example)
		}
		file := filepath.Join(dir, "listings", fmt.Sprintf("example-%d.yaml", i))
		os.WriteFile(file, []byte(listing), 0o644)
	}
	checkPasses(t, dir)
}

// dedent removes the indentation of an example inside a list item.
func dedent(block string) string {
	lines := strings.Split(block, "\n")
	indent := len(lines[0]) - len(strings.TrimLeft(lines[0], " "))
	for i, l := range lines {
		if len(l) >= indent {
			lines[i] = l[indent:]
		}
	}
	return strings.Join(lines, "\n")
}

// withFields puts the top-level fields of part into a small valid listing.
func withFields(part string) string {
	base := map[string]string{
		"name":       "name: Exemple",
		"categories": "categories: [shower]",
		"address":    "address: {city: Lyon}",
		"updated":    "updated: 2026-10-03",
	}
	var n yaml.Node
	yaml.Unmarshal([]byte(part), &n)
	for i := 0; i < len(n.Content[0].Content); i += 2 {
		delete(base, n.Content[0].Content[i].Value)
	}
	var b strings.Builder
	for _, line := range base {
		b.WriteString(line + "\n")
	}
	return b.String() + part
}
