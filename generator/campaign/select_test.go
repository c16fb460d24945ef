package campaign

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
)

func demo(t *testing.T) (fs.FS, *content.Guide) {
	t.Helper()
	fsys := os.DirFS("../../content")
	g, ps := content.Load(fsys, content.Options{Root: "content", Now: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)})
	if ps.Errors() > 0 {
		t.Fatalf("the demo guide has errors: %v", ps)
	}
	return fsys, g
}

func ids(ts []Target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func TestSelectCityAnySpelling(t *testing.T) {
	fsys, g := demo(t)
	var want []string
	for _, l := range g.Listings {
		if l.Address != nil && strings.EqualFold(l.Address.City, "Paris") {
			want = append(want, l.ID)
		}
	}
	for _, city := range []string{"Paris", "PARIS", "pâris", " paris "} {
		got, err := Select(fsys, g, Selection{City: city})
		if err != nil || !slices.Equal(ids(got), want) || len(want) == 0 {
			t.Errorf("--city %q: got %v, %v; want %v", city, ids(got), err, want)
		}
	}
}

func TestSelectCategoryHasItsChildren(t *testing.T) {
	fsys, g := demo(t)
	got, err := Select(fsys, g, Selection{Category: "hygiene_and_wellness", City: "marseille"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ids(got), "escale-belsunce") { // a shower, under hygiene_and_wellness
		t.Errorf("a place with a sub-category is not selected: %v", ids(got))
	}
	for _, tg := range got {
		in := slices.ContainsFunc(tg.L.Categories, func(r content.CategoryRef) bool { return r.Category.Top().ID == "hygiene_and_wellness" })
		if !in || g.CityOf(tg.L).Name != "Marseille" {
			t.Errorf("%s is selected but not a Marseille place of hygiene_and_wellness", tg.ID)
		}
	}
}

func TestSelectRefs(t *testing.T) {
	fsys, g := demo(t)
	got, err := Select(fsys, g, Selection{Refs: []string{"listings/marseille/vestiaire-du-panier.yaml", "halte-des-canaux", "halte-des-canaux"}})
	if err != nil || !slices.Equal(ids(got), []string{"halte-des-canaux", "vestiaire-du-panier"}) {
		t.Fatalf("got %v, %v", ids(got), err)
	}
	if got[1].L != nil || got[1].File != "listings/marseille/vestiaire-du-panier.yaml" || got[0].L == nil {
		t.Errorf("a draft is named by its file, a published place has its listing: %+v", got)
	}
	got, err = Select(fsys, g, Selection{Refs: []string{"halte-des-canaux", "escale-belsunce", "vestiaire-du-panier"}, City: "Marseille"})
	if err != nil || !slices.Equal(ids(got), []string{"escale-belsunce"}) {
		t.Errorf("refs and --city: got %v, %v", ids(got), err)
	}
}

func TestSelectErrors(t *testing.T) {
	fsys, g := demo(t)
	for _, tc := range []struct {
		sel Selection
		msg string
	}{
		{Selection{City: "Pariss"}, "--city Pariss: no place of the guide is in this city (did you mean Paris?)"},
		{Selection{City: "Tokyo"}, "--city Tokyo: no place of the guide is in this city"},
		{Selection{Category: "showr"}, "--category showr: not a category of categories.yaml (did you mean shower?)"},
		{Selection{Refs: []string{"halte-des-canau"}}, "halte-des-canau: no listing has this id (did you mean halte-des-canaux?)"},
		{Selection{Refs: []string{"listings/paris/nowhere.yaml"}}, "listings/paris/nowhere.yaml: not a listing of the guide (want a file of listings/, or an id such as "},
		{Selection{Refs: []string{"listings/halte-des-canaux.yaml"}}, "listings/halte-des-canaux.yaml: not a listing of the guide (did you mean listings/paris/halte-des-canaux.yaml?)"},
		{Selection{Refs: []string{"../site.yaml"}}, "../site.yaml: not a listing of the guide"},
	} {
		_, err := Select(fsys, g, tc.sel)
		if err == nil || !strings.HasPrefix(err.Error(), tc.msg) {
			t.Errorf("%+v: got %v, want %q", tc.sel, err, tc.msg)
		}
	}
}

func TestStaleOldestFirst(t *testing.T) {
	fsys, g := demo(t)
	all, _ := Select(fsys, g, Selection{})
	calls := Stale(g, all, g.Today, 33)
	if len(calls) < 2 || calls[0].ID != "coup-de-pouce-mobilite" || calls[0].Days != 231 || calls[0].Updated.String() != "2026-04-15" {
		t.Fatalf("the oldest first: %+v", calls)
	}
	if calls[0].City != "Lyon" || !slices.Equal(calls[0].Phones, []string{"+33 4 72 00 00 07"}) || calls[0].Email != "mobilite@coupdepouce.example.org" {
		t.Errorf("name, city, phones and e-mail: %+v", calls[0])
	}
	listed := map[string]bool{}
	for i, c := range calls {
		listed[c.ID] = true
		if c.Days <= 33 || (i > 0 && c.Days > calls[i-1].Days) {
			t.Errorf("%s: %d days, at %d", c.ID, c.Days, i)
		}
	}
	for _, l := range g.Listings {
		age := int(g.Today.Time().Sub(l.Updated.Time()).Hours() / 24)
		if !listed[l.ID] && age > 33 && !l.Closed() {
			t.Errorf("%s, checked %d days ago, is not on the list", l.ID, age)
		}
	}
}

func TestCallListFiles(t *testing.T) {
	calls := []Call{{Target: Target{ID: "x", File: "content/listings/x.yaml"}, Name: `=HYPERLINK("a") <script>alert(1)</script>`, City: "Lyon",
		Phones: []string{"+33 4 72 00 00 07", "115"}, Email: "a@b.example", Updated: content.Date{Year: 2026, Month: 4, Day: 15}, Days: 231}}
	var b bytes.Buffer
	if err := WriteCSV(&b, calls); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeffid,name,city,phone,email,updated,days,file\r\n")) {
		t.Errorf("CSV header: %q", b.String())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][1] != `'=HYPERLINK("a") <script>alert(1)</script>` || rows[1][3] != "+33 4 72 00 00 07; 115" || rows[1][5] != "2026-04-15" {
		t.Errorf("CSV rows: %q, %v", rows, err)
	}
	b.Reset()
	if err := WriteHTML(&b, "Guide <b>", content.Date{Year: 2026, Month: 12, Day: 2}, calls); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`<input type="checkbox"`, "&lt;script&gt;alert(1)&lt;/script&gt;", "Guide &lt;b&gt;", `href="tel:&#43;33472000007"`, `href="mailto:a@b.example"`, "231 days ago", "content/listings/x.yaml"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "src=") || strings.Contains(page, "<link") {
		t.Errorf("the page loads or runs something:\n%s", page)
	}
}
