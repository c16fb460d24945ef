package content

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"
)

// fullGuide gives every field of the content model a value, so that
// TestBlankValues can leave each of them empty in turn.
var fullGuide = map[string]string{
	"site.yaml": `title: {fr: Guide, ar: دليل}
languages: [fr, ar]
timezone: Europe/Paris
country: FR
base_url: https://guide.example.org/
licence: {name: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
stale_after: 90
contact: {email: contact@example.org, phone: ["115", "+33 4 72 00 00 00"], website: https://example.org}
notice: [{text: {fr: Plan grand froid, ar: خطة البرد}, start: 2026-11-01, end: 2027-03-31, cities: [Lyon], categories: [meals]}]
holidays: {extra: [{date: 12-26, name: Saint-Étienne}, {easter: -2}], dates: [2027-05-14]}
repository: {url: https://git.example.org/org/guide, branch: main, kind: forgejo, content: content}
quick_exit: {url: https://meteo.example.org/, pages: categories}
`,
	"categories.yaml": `- id: food
  icon: food
  name: {fr: Alimentation, ar: طعام}
  synonyms: {fr: "manger, repas", ar: [طعام]}
  children:
    - id: meals
      name: {fr: Repas, ar: وجبات}
    - id: parcels
      name: {fr: Colis, ar: طرود}
      data_inclusion: [equipement-et-alimentation--alimentation]
      quick_exit: true
`,
	"listings/x/a.yaml": `name: La Halte
description: {fr: Accueil, ar: استقبال}
categories: [meals, parcels]
address: {street: 1 rue A, postal_code: "69007", city: Lyon, country: FR, hidden: true}
geo: [45.7485, 4.8467]
phone: ["+33 4 72 00 00 00", "115"]
email: a@b.org
website: https://b.org/x
hours:
  mo-fr: 09:00-12:00, 14:00-17:30
  tu[1]: 18:00-20:00
  public_holidays: closed
  note: {fr: Note, ar: ملاحظة}
message: {text: {fr: Salle paroissiale, ar: قاعة}, start: 2026-11-20, end: 2026-12-05}
closures: [{start: 2026-12-24, end: 2027-01-02, note: {fr: Noël, ar: عيد}}]
special_hours:
  - {start: 2026-12-01, end: 2026-12-31, hours: {mo-su: 10:00-16:00}, note: {fr: Hiver, ar: شتاء}}
audience:
  welcome: exclusive
  gender: [women]
  age: {min: 18, max: 99}
  status: [asylum]
  family: [pregnant]
  other: [violence]
  note: {fr: Femmes, ar: نساء}
access:
  appointment: {fr: Appeler, ar: اتصل}
  referral: true
  registration: false
  price: free
  wheelchair: false
  animals: true
  note: {fr: Calme, ar: هادئ}
languages: [fr, prs]
services:
  - category: parcels
    name: {fr: Colis, ar: طرود}
    description: {fr: Le mardi, ar: الثلاثاء}
    hours: {tu: 14:00-16:00}
    audience: {welcome: unconditional}
    access: {price: {fr: 1 €, ar: ١ €}}
    closures: [{start: 2026-12-24, end: 2026-12-26, note: {fr: Panne, ar: عطل}}]
    note: {fr: Apporter un sac, ar: كيس}
status: open
updated: 2026-11-01
sources: [{name: ANCT, url: https://data.gouv.fr, licence: Etalab-2.0, id: "7b1", date: 2026-10-01}]
`,
	"pages/about.fr.md": "title: À propos\nmenu: 1\nstatus: published\n",
}

// fullGuideFS is fullGuide with file replaced by data; pages get their front matter fences.
func fullGuideFS(file, data string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range fullGuide {
		if name == file {
			text = data
		}
		if strings.HasSuffix(name, ".md") {
			text = "---\n" + text + "---\nBonjour.\n"
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func loadFull(file, data string) (*Guide, Problems) {
	return Load(fullGuideFS(file, data), Options{Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
}

// TestBlankValues leaves every value of a guide that uses every field empty
// in turn (~, nothing, ""), and wants either an error on that line or, for
// an optional field, exactly what leaving the line out gives: never a
// panic, never a hole accepted in silence.
func TestBlankValues(t *testing.T) {
	if _, ps := loadFull("", ""); len(ps) > 0 {
		t.Fatalf("the full guide has problems: %v", ps)
	}
	for _, file := range []string{"site.yaml", "categories.yaml", "listings/x/a.yaml", "pages/about.fr.md"} {
		for _, at := range valuePaths(parse(t, fullGuide[file]), nil) {
			for _, empty := range []string{"~", "", `""`} {
				name := fmt.Sprintf("%s/%s=%s", file, fieldPath(parse(t, fullGuide[file]), at), empty)
				t.Run(name, func(t *testing.T) { testBlank(t, file, at, empty) })
			}
		}
	}
}

func testBlank(t *testing.T, file string, at []int, empty string) {
	doc := parse(t, fullGuide[file])
	const mark = "BLANK_VALUE_HERE"
	*nodeAt(doc, at) = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: mark}
	text, line := marshalBlock(t, doc, mark)
	text = strings.Replace(text, mark, empty, 1)
	if strings.HasSuffix(file, ".md") {
		line++ // the front matter starts on line 2
	}
	g, ps := loadFull(file, text)
	path := file
	for _, p := range ps {
		if p.Severity == Error && p.Path == path && (p.Line == line || len(at) == 0) {
			return // an error, where the editor left the value out
		}
	}
	if len(at) == 0 {
		t.Fatalf("no error for an empty file:\n%s\nproblems: %v", text, ps)
	}
	parent := nodeAt(doc, at[:len(at)-1])
	if parent.Kind != yaml.MappingNode {
		t.Fatalf("no error for the empty item on line %d:\n%s\nproblems: %v", line, text, ps)
	}
	// An optional field left empty is as if not written.
	i := at[len(at)-1]
	parent.Content = slices.Delete(parent.Content, i-1, i+1)
	removed, _ := marshalBlock(t, doc, "")
	want, wps := loadFull(file, removed)
	if g != nil && want != nil {
		g.cityOf, want.cityOf = nil, nil         // keyed by pointers: compared through Cities
		g.Sum, want.Sum = [16]byte{}, [16]byte{} // of the bytes, which differ by the line
		for _, site := range []*Site{g.Site, want.Site} {
			for i := range site.Notice { // where targets are, which the removed line moves
				site.Notice[i].citiesAt, site.Notice[i].categoriesAt = nil, nil
			}
		}
		for _, ls := range [][]*Listing{g.Listings, want.Listings} {
			for _, l := range ls {
				l.Sum = [16]byte{}
			}
		}
	}
	if fmt.Sprint(ps) != fmt.Sprint(wps) || !reflect.DeepEqual(g, want) {
		t.Fatalf("no error on line %d, and not as if the line were left out:\n%s\nproblems: %v\nwithout the line: %v", line, text, ps, wps)
	}
}

func parse(t *testing.T, text string) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

// valuePaths lists every value of n, n itself first: mapping values and list
// items, each as the indexes of Content leading to it.
func valuePaths(n *yaml.Node, at []int) [][]int {
	out := [][]int{at}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue
		}
		out = append(out, valuePaths(c, append(slices.Clone(at), i))...)
	}
	return out
}

func nodeAt(n *yaml.Node, at []int) *yaml.Node {
	for _, i := range at {
		n = n.Content[i]
	}
	return n
}

// fieldPath names a value for the test's name: services[0].hours.tu.
func fieldPath(n *yaml.Node, at []int) string {
	var b strings.Builder
	for _, i := range at {
		if n.Kind == yaml.MappingNode {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(n.Content[i-1].Value)
		} else {
			fmt.Fprintf(&b, "[%d]", i)
		}
		n = n.Content[i]
	}
	if b.Len() == 0 {
		return "(whole file)"
	}
	return b.String()
}

// marshalBlock writes n in block style, one value per line, and returns the
// line of mark.
func marshalBlock(t *testing.T, n *yaml.Node, mark string) (string, int) {
	var unflow func(n *yaml.Node)
	unflow = func(n *yaml.Node) {
		n.Style &^= yaml.FlowStyle
		for _, c := range n.Content {
			unflow(c)
		}
	}
	unflow(n)
	data, err := yaml.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	before, _, _ := strings.Cut(text, mark)
	return text, strings.Count(before, "\n") + 1
}

// TestFullGuideCoversTheModel: fullGuide writes every field of every type
// the decoder reads by its tags, so that TestBlankValues tries them all.
func TestFullGuideCoversTheModel(t *testing.T) {
	seen := map[string]bool{}
	roots := map[string]reflect.Type{
		"site.yaml": reflect.TypeFor[Site](), "categories.yaml": reflect.TypeFor[[]*Category](),
		"listings/x/a.yaml": reflect.TypeFor[Listing](), "pages/about.fr.md": reflect.TypeFor[Page](),
	}
	all := map[string]bool{}
	for file, typ := range roots {
		coverage(typ, parse(t, fullGuide[file]), seen)
		fieldsOf(typ, all)
	}
	for f := range all {
		if !seen[f] {
			t.Errorf("fullGuide does not give %s: add it so that it is tried empty", f)
		}
	}
}

// custom tells whether t reads its own YAML form.
func custom(t reflect.Type) bool {
	_, ok := reflect.New(t).Interface().(nodeDecoder)
	return ok
}

func coverage(t reflect.Type, n *yaml.Node, seen map[string]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case custom(t) && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		coverage(t.Elem(), n, seen) // a list that takes one item alone (notice: {text: …})
	case custom(t) && t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		for _, c := range n.Content {
			coverage(t.Elem(), c, seen)
		}
	case custom(t):
	case t.Kind() == reflect.Slice:
		for _, c := range n.Content {
			coverage(t.Elem(), c, seen)
		}
	case t.Kind() == reflect.Struct:
		info := structFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if f, ok := info.byName[n.Content[i].Value]; ok {
				seen[t.Name()+"."+f.name] = true
				coverage(t.Field(f.index).Type, n.Content[i+1], seen)
			}
		}
	}
}

func fieldsOf(t reflect.Type, all map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if custom(t) || t.Kind() != reflect.Struct {
		return
	}
	for _, f := range structFields(t).list {
		key := t.Name() + "." + f.name
		if all[key] {
			continue
		}
		all[key] = true
		fieldsOf(t.Field(f.index).Type, all)
	}
}
