package generator

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// TestIncrementalEqualsFull builds a generated guide (60 listings in 3
// towns, fr, ar, en, uk, and the demo guide's pages) into one folder, then
// makes the edits an editor makes, and after each step builds over that
// folder and into a new one: the two must hold the same files, byte for
// byte: the build over the output carries unchanged files over, and this
// is the check that it carries only those. By default a few steps make
// every kind of edit once between them, so that go test stays quick;
// ABRI_INCREMENTAL_STEPS=n makes n steps of one random edit each instead, and ABRI_INCREMENTAL_SEED
// changes the seed (both are in the failure message).
func TestIncrementalEqualsFull(t *testing.T) {
	seed := uint64(11)
	if n, err := strconv.ParseUint(os.Getenv("ABRI_INCREMENTAL_SEED"), 10, 64); err == nil {
		seed = n
	}
	h := newIncremental(t, seed)
	var steps [][]edit
	if n, err := strconv.Atoi(os.Getenv("ABRI_INCREMENTAL_STEPS")); err == nil {
		for range n {
			steps = append(steps, []edit{edits[h.rng.IntN(len(edits))]})
		}
	} else {
		// An edit that changes what every page shows makes every file
		// again: those that change only some files are steps of their own,
		// so that a key too narrow is seen; the others go by three.
		n := 0
		for _, k := range h.rng.Perm(len(edits)) {
			if k < len(localEdits) {
				steps = append(steps, []edit{edits[k]})
				continue
			}
			if n%3 == 0 {
				steps = append(steps, nil)
			}
			n++
			steps[len(steps)-1] = append(steps[len(steps)-1], edits[k])
		}
	}
	for i, step := range steps {
		if err := h.step(Build, step...); err != nil {
			t.Fatalf("seed %d, step %d of %d: %v", seed, i+1, len(steps), err)
		}
	}
}

// TestIncrementalHarnessCatchesStaleOutput: the harness fails a build
// over the old output that leaves a deleted listing's pages behind, and
// one that skips writing a page whose bytes changed.
func TestIncrementalHarnessCatchesStaleOutput(t *testing.T) {
	h := newIncremental(t, 1)
	var stale []string
	var skipped string
	faulty := func(ctx context.Context, cfg Config) (Summary, content.Problems, error) {
		old := readTree(t, cfg.Out)
		sum, ps, err := Build(ctx, cfg)
		if err != nil {
			return sum, ps, err
		}
		now := readTree(t, cfg.Out)
		for _, p := range sortedKeys(old) {
			if _, ok := now[p]; !ok && strings.HasSuffix(p, ".html") {
				stale = append(stale, p)
			} else if ok && skipped == "" && !bytes.Equal(old[p], now[p]) && strings.HasSuffix(p, ".html") {
				skipped = p
			}
		}
		for _, p := range append(stale, skipped) {
			if p == "" {
				continue
			}
			dst := filepath.Join(cfg.Out, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, old[p], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return sum, ps, nil
	}
	err := h.step(faulty, deleteListing)
	if len(stale) == 0 || skipped == "" {
		t.Fatalf("deleting a listing removed %q and changed %q: nothing to plant", stale, skipped)
	}
	for _, p := range append(stale, skipped) {
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("the harness missed %s, left as it was: %v", p, err)
		}
	}
}

// buildFunc is Build, or a faulty build to test the harness with.
type buildFunc func(context.Context, Config) (Summary, content.Problems, error)

// incremental is a guide being edited, and the folder built over and over.
type incremental struct {
	t       *testing.T
	rng     *rand.Rand
	dir     string // the temporary folder
	content string
	theme   string // a copy of the default theme, which edits change too
	out     string
	n       int   // steps made, for new names and fresh folders
	limit   int64 // Config.LangZipLimit
}

func newIncremental(t *testing.T, seed uint64) *incremental {
	t.Helper()
	return newIncrementalOf(t, seed, 60, []string{"fr", "ar", "en", "uk"}, nil)
}

// newIncrementalOf is newIncremental for a guide of n listings in langs,
// changed by edit, when not nil, before the first build.
func newIncrementalOf(t *testing.T, seed uint64, n int, langs []string, edit func(h *incremental)) *incremental {
	t.Helper()
	dir := t.TempDir()
	h := &incremental{t: t, rng: rand.New(rand.NewPCG(seed, 11)), dir: dir, content: filepath.Join(dir, "content"), theme: filepath.Join(dir, "theme"), out: filepath.Join(dir, "public")}
	if err := os.CopyFS(h.theme, os.DirFS("../themes/default")); err != nil {
		t.Fatal(err)
	}
	fsys, err := guidegen.NationalIn("../content", n, langs)
	if err != nil {
		t.Fatal(err)
	}
	if err := guidegen.WriteFS(h.content, fsys); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(h.content, "pages"), os.DirFS("../content/pages")); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(h.content, "pages", "*.md"))
	for _, p := range pages {
		if lang := filepath.Ext(strings.TrimSuffix(p, ".md")); !slices.Contains(langs, strings.TrimPrefix(lang, ".")) {
			os.Remove(p) // the demo's pages in languages this guide has not
		}
	}
	if edit != nil {
		edit(h)
	}
	if _, ps, err := Build(context.Background(), h.config(h.out)); err != nil {
		t.Fatalf("first build: %v%s", err, errorsOf(ps))
	}
	return h
}

// TestIncrementalOverLimit: the languages' zips over the limit are left
// out; a build over the output knows where each went over, and leaves it
// out again when its first entries did not change, or makes it again.
func TestIncrementalOverLimit(t *testing.T) {
	h := newIncrementalOf(t, 13, 60, []string{"fr", "ar", "en", "uk"}, func(h *incremental) { h.limit = 300_000 })
	m := readManifest(h.out)
	if m == nil || len(m.Over) != 4 {
		t.Fatalf("the manifest lists %v over the limit, want the 4 languages' zips", m)
	}
	for i, e := range []edit{changeListing, retitleListing, editThemeString} {
		if err := h.step(Build, e); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
}

// TestIncrementalPaginated: in a town whose 130 places share a category,
// the category's list in the town spreads over three pages; a listing
// renamed moves from one page to another, and the build over the output
// must still equal a full build.
func TestIncrementalPaginated(t *testing.T) {
	h := newIncrementalOf(t, 7, 130, []string{"fr"}, func(h *incremental) {
		for _, file := range h.listings() {
			h.editYAML(file, file, func(root *yaml.Node) {
				setField(field(root, "address"), "city", `"Lyon"`)
				setField(root, "categories", "[food_distribution]")
				setField(root, "services", "[]")
			})
		}
	})
	if _, err := os.Stat(filepath.Join(h.out, "fr", "categories", "food_distribution.lyon.3.html")); err != nil {
		t.Fatalf("the list is not over three pages: %v", err)
	}
	for i, e := range []edit{retitleListing, retitleListing, changeListing, retitleListing, respellCity} {
		if err := h.step(Build, e); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
}

func (h *incremental) config(out string) Config {
	return Config{Content: h.content, Theme: h.theme, Out: out, Now: buildDate, LangZipLimit: h.limit}
}

// step makes edits, builds over the output with over and into a new
// folder with Build, and compares the two.
func (h *incremental) step(over buildFunc, edits ...edit) error {
	h.t.Helper()
	h.n++
	var done []string
	for _, e := range edits {
		done = append(done, e(h))
	}
	what := strings.Join(done, ", ")
	if _, ps, err := over(context.Background(), h.config(h.out)); err != nil {
		return fmt.Errorf("%s: build over the output: %v%s", what, err, errorsOf(ps))
	}
	fresh := filepath.Join(h.dir, fmt.Sprintf("full-%d", h.n))
	defer os.RemoveAll(fresh)
	if _, ps, err := Build(context.Background(), h.config(fresh)); err != nil {
		return fmt.Errorf("%s: full build: %v%s", what, err, errorsOf(ps))
	}
	if diffs := compareTrees(h.t, h.out, fresh); len(diffs) > 0 {
		return fmt.Errorf("after %s, the build over the output differs from a full build:\n\t%s", what, strings.Join(diffs, "\n\t"))
	}
	return nil
}

// errorsOf lists the errors among a build's problems, one a line.
func errorsOf(ps content.Problems) string {
	var s strings.Builder
	for _, e := range errorLines(ps) {
		s.WriteString("\n\t" + e)
	}
	return s.String()
}

// errorLines are the errors among a build's problems, as editors read them.
func errorLines(ps content.Problems) []string {
	var got []string
	for _, p := range ps {
		if p.Severity == content.Error {
			got = append(got, p.String())
		}
	}
	return got
}

// An edit changes the content as an editor would and says what it did.
type edit func(h *incremental) string

var edits = append(localEdits, addListing, deleteListing, renameListing, moveListing, renameCategory, editSite, editPage, editThemeString)

// localEdits change a listing's own file only: a build over the output
// makes only some files again.
var localEdits = []edit{changeListing, retitleListing, respellCity, setMessage, closeService, untranslateListing}

// untranslateListing takes the Ukrainian out of a listing's description:
// its page changes, and so does the coverage the offline copies pages state.
func untranslateListing(h *incremental) string {
	file := h.pick()
	h.editYAML(file, file, func(root *yaml.Node) {
		setField(root, "description", strconv.Quote(fmt.Sprintf("Décrit en français seulement, étape %d.", h.n)))
	})
	return "taking the translations out of the description of " + h.rel(file)
}

// setMessage gives a listing a temporary message in force on the day of
// the build, or one that starts later: it is on the listing's page and on
// its cards.
func setMessage(h *incremental) string {
	file := h.pick()
	start := []string{"2026-11-20", "2026-12-20"}[h.rng.IntN(2)]
	h.editYAML(file, file, func(root *yaml.Node) {
		setField(root, "message", fmt.Sprintf("{text: {fr: \"Message de l'étape %d\"}, start: %s, end: 2027-01-10}", h.n, start))
	})
	return "giving " + h.rel(file) + " a message from " + start
}

// closeService closes one service of a listing that has some: its hours
// change on the pages of its category.
func closeService(h *incremental) string {
	var file string
	for _, f := range h.listings() {
		if s := field(h.readYAML(f), "services"); s != nil && len(s.Content) > 0 && (file == "" || h.rng.IntN(2) == 0) {
			file = f
		}
	}
	if file == "" {
		return changeListing(h)
	}
	h.editYAML(file, file, func(root *yaml.Node) {
		svcs := field(root, "services").Content
		svc := svcs[h.rng.IntN(len(svcs))]
		setField(svc, "closures", fmt.Sprintf("[{start: 2026-11-%02d, end: 2026-12-10, note: {fr: \"Fermé, étape %d\"}}]", 20+h.rng.IntN(8), h.n))
	})
	return "closing a service of " + h.rel(file)
}

func addListing(h *incremental) string {
	from := h.pick()
	name := filepath.Join(filepath.Dir(from), fmt.Sprintf("nouveau-lieu-%d.yaml", h.n))
	h.editYAML(from, name, func(root *yaml.Node) { setField(root, "name", strconv.Quote(fmt.Sprintf("Nouveau lieu %d", h.n))) })
	return "adding " + h.rel(name)
}

func changeListing(h *incremental) string {
	file := h.pick()
	var what string
	h.editYAML(file, file, func(root *yaml.Node) {
		switch h.rng.IntN(3) {
		case 0:
			what = "hours"
			setField(root, "hours", fmt.Sprintf("{mo-fr: \"%02d:00-12:00\", sa: \"10:00-11:00\", public_holidays: open}", 7+h.rng.IntN(4)))
		case 1:
			what = "phone"
			setField(root, "phone", fmt.Sprintf("[\"+33 1 %02d %02d %02d %02d\"]", h.rng.IntN(100), h.rng.IntN(100), h.rng.IntN(100), h.rng.IntN(100)))
		default:
			what = "description"
			setField(field(root, "description"), "fr", strconv.Quote(fmt.Sprintf("Description revue à l'étape %d.", h.n)))
		}
	})
	return "changing the " + what + " of " + h.rel(file)
}

func deleteListing(h *incremental) string {
	file := h.pick()
	if err := os.Remove(file); err != nil {
		h.t.Fatal(err)
	}
	return "deleting " + h.rel(file)
}

// renameListing changes a listing's file name, so its id and page.
func renameListing(h *incremental) string {
	file := h.pick()
	name := filepath.Join(filepath.Dir(file), fmt.Sprintf("renomme-%d.yaml", h.n))
	if err := os.Rename(file, name); err != nil {
		h.t.Fatal(err)
	}
	return "renaming " + h.rel(file) + " to " + filepath.Base(name)
}

// moveListing moves a listing to the city and folder of another one.
func moveListing(h *incremental) string {
	file := h.pick()
	var city, folder string
	for city == "" {
		other := h.pick()
		if folder = filepath.Dir(other); folder != filepath.Dir(file) {
			city = field(field(h.readYAML(other), "address"), "city").Value
		}
	}
	moved := filepath.Join(folder, filepath.Base(file))
	h.editYAML(file, moved, func(root *yaml.Node) { setField(field(root, "address"), "city", strconv.Quote(city)) })
	if err := os.Remove(file); err != nil {
		h.t.Fatal(err)
	}
	return "moving " + h.rel(file) + " to " + city + " (" + h.rel(moved) + ")"
}

func renameCategory(h *incremental) string {
	file := filepath.Join(h.content, "categories.yaml")
	var cats []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range n.Content {
			if c.Kind == yaml.MappingNode && field(c, "id") != nil {
				cats = append(cats, c)
				if kids := field(c, "children"); kids != nil {
					walk(kids)
				}
			}
		}
	}
	var id string
	h.editYAML(file, file, func(root *yaml.Node) {
		walk(root)
		c := cats[h.rng.IntN(len(cats))]
		id = field(c, "id").Value
		name := field(c, "name")
		lang := []string{"fr", "ar", "en", "uk"}[h.rng.IntN(4)]
		setField(name, lang, strconv.Quote(field(name, lang).Value+fmt.Sprintf(" (%d)", h.n)))
	})
	return "renaming category " + id
}

func editSite(h *incremental) string {
	file := filepath.Join(h.content, "site.yaml")
	var what string
	h.editYAML(file, file, func(root *yaml.Node) {
		notice := field(root, "notice")
		first := notice
		if notice.Kind == yaml.SequenceNode {
			first = notice.Content[0]
		}
		switch h.rng.IntN(3) {
		case 0:
			what = "title"
			setField(field(root, "title"), "en", strconv.Quote(fmt.Sprintf("Solidarity guide, edition %d", h.n)))
		case 1:
			what = "notice"
			setField(field(first, "text"), "fr", strconv.Quote(fmt.Sprintf("Avis mis à jour à l'étape %d.", h.n)))
		default:
			// A notice for one city or one category, beside the first.
			what = "notices"
			// The cities are those of listings: edits before may have moved every listing out of a town.
			city := func() string {
				if c := field(field(h.readYAML(h.pick()), "address"), "city"); c != nil {
					return strconv.Quote(c.Value)
				}
				return "Lyon"
			}
			target := []string{"cities: [" + city() + "]", "categories: [food]", "cities: [" + city() + "], categories: [health]"}[h.rng.IntN(3)]
			list := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{first}}
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(fmt.Sprintf("{text: {fr: \"Avis ciblé de l'étape %d\"}, %s}", h.n, target)), &doc); err != nil {
				panic(err)
			}
			list.Content = append(list.Content, doc.Content[0])
			setField(root, "notice", "~")
			for i := 0; i+1 < len(root.Content); i += 2 {
				if root.Content[i].Value == "notice" {
					root.Content[i+1] = list
				}
			}
			what += " (" + target + ")"
		}
	})
	return "changing the site's " + what
}

// pick returns a listing file at random.
func (h *incremental) pick() string {
	files := h.listings()
	return files[h.rng.IntN(len(files))]
}

// listings lists the listing files, sorted.
func (h *incremental) listings() []string {
	var files []string
	filepath.WalkDir(filepath.Join(h.content, "listings"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	slices.Sort(files)
	return files
}

// retitleListing changes a listing's name, which moves it in every list
// sorted by name: to the first or the last place, so to another page of
// a list spread over pages.
func retitleListing(h *incremental) string {
	file := h.pick()
	name := fmt.Sprintf("%s lieu renommé %d", []string{"Aaa", "Zzz"}[h.rng.IntN(2)], h.n)
	h.editYAML(file, file, func(root *yaml.Node) { setField(root, "name", strconv.Quote(name)) })
	return "naming " + h.rel(file) + " " + name
}

// respellCity writes a listing's town in capitals, a spelling of the same
// town: the name shown is the most used spelling.
func respellCity(h *incremental) string {
	file := h.pick()
	var city string
	h.editYAML(file, file, func(root *yaml.Node) {
		adr := field(root, "address")
		city = strings.ToUpper(field(adr, "city").Value)
		setField(adr, "city", strconv.Quote(city))
	})
	return "spelling the town of " + h.rel(file) + " " + city
}

// editPage changes a Markdown page.
func editPage(h *incremental) string {
	file := filepath.Join(h.content, "pages", []string{"about.fr.md", "legal.en.md", "how-to-use.ar.md"}[h.rng.IntN(3)])
	data, err := os.ReadFile(file)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(file, append(data, fmt.Sprintf("\nParagraphe ajouté à l'étape %d.\n", h.n)...), 0o644); err != nil {
		h.t.Fatal(err)
	}
	return "editing " + h.rel(file)
}

// editThemeString changes an interface string of the theme.
func editThemeString(h *incremental) string {
	file := filepath.Join(h.theme, "i18n", []string{"fr", "en", "uk"}[h.rng.IntN(3)]+".yaml")
	h.editYAML(file, file, func(root *yaml.Node) { setField(root, "home", strconv.Quote(fmt.Sprintf("Home %d", h.n))) })
	return "changing the theme's string home in " + filepath.Base(file)
}

func (h *incremental) rel(p string) string {
	r, _ := filepath.Rel(h.content, p)
	return filepath.ToSlash(r)
}

func (h *incremental) readYAML(file string) *yaml.Node {
	data, err := os.ReadFile(file)
	if err != nil {
		h.t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		h.t.Fatalf("%s: %v", file, err)
	}
	return doc.Content[0]
}

// editYAML reads from, edits its document and writes it to to.
func (h *incremental) editYAML(from, to string, edit func(root *yaml.Node)) {
	root := h.readYAML(from)
	edit(root)
	data, err := yaml.Marshal(root)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// field returns the value of key in the map m, or nil.
func field(m *yaml.Node, key string) *yaml.Node {
	for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// setField gives key the value written in YAML in the map m.
func setField(m *yaml.Node, key, value string) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(value), &doc); err != nil {
		panic(fmt.Sprintf("%s: %v", value, err)) // the test's own YAML
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = doc.Content[0]
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, doc.Content[0])
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// compareTrees lists how folder a differs from b: files only in one,
// and files whose bytes differ, with where. At most 20 are listed.
func compareTrees(t *testing.T, a, b string) []string {
	ta, tb := readTree(t, a), readTree(t, b)
	var diffs []string
	for _, p := range sortedKeys(ta) {
		if _, ok := tb[p]; !ok {
			diffs = append(diffs, p+": stale, a full build does not write it")
		} else if !bytes.Equal(ta[p], tb[p]) {
			diffs = append(diffs, p+": "+diffHint(ta[p], tb[p]))
		}
	}
	for _, p := range sortedKeys(tb) {
		if _, ok := ta[p]; !ok {
			diffs = append(diffs, p+": missing, a full build writes it")
		}
	}
	if len(diffs) > 20 {
		diffs = append(diffs[:20], fmt.Sprintf("… and %d more", len(diffs)-20))
	}
	return diffs
}

// diffHint says where two versions of a file part, with a little of each.
func diffHint(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	excerpt := func(s []byte) string {
		return strconv.Quote(string(s[max(0, i-30):min(len(s), i+50)]))
	}
	return fmt.Sprintf("%d bytes, full build %d; they part at byte %d: %s, full build %s", len(a), len(b), i, excerpt(a), excerpt(b))
}

// TestIncrementalWithoutKeys: the output of an abri whose manifest has no
// input keys is made again whole, and the next build over it carries over.
func TestIncrementalWithoutKeys(t *testing.T) {
	h := newIncremental(t, 3)
	name := filepath.Join(h.out, manifestName)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	old := regexp.MustCompile(`,"z?key":"[0-9a-f-]*"`).ReplaceAll(data, nil)
	if bytes.Equal(old, data) || bytes.Contains(old, []byte(`"key"`)) {
		t.Fatalf("the manifest has no keys to take off:\n%.300s", data)
	}
	if err := os.WriteFile(name, old, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true} {
		sum, ps, err := Build(context.Background(), h.config(h.out))
		if err != nil {
			t.Fatalf("%v%s", err, errorsOf(ps))
		}
		if carried := sum.Carried > 0; carried != want || sum.Made+sum.Carried != sum.Files {
			t.Errorf("build %d over the output: %d files made, %d carried over, of %d", i+1, sum.Made, sum.Carried, sum.Files)
		}
	}
}
