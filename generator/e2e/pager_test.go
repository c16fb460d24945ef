package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/abri-guide/abri/generator"
)

// TestFilePager opens, from the disk and with JavaScript off, the showers
// of a town of 130: three pages of at most 50 places, each reached from
// the previous one by its "next" link and back by "previous". The Nu HTML
// Checker checks the guide's pages: lists over pages, a town's page by
// category.
func TestFilePager(t *testing.T) {
	t.Parallel()
	skipShort(t)
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml": "title: Guide\nlanguages: [fr, en]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n",
		"categories.yaml": "- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n" +
			"  children: [{id: shower, name: Douche}]\n",
	}
	for i := range 130 {
		files[fmt.Sprintf("listings/douche-%03d.yaml", i)] = fmt.Sprintf("name: Douche %03d\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\n", i)
	}
	for name, body := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	_, problems, err := generator.Build(context.Background(), generator.Config{
		Content: filepath.Join(dir, "content"), Theme: filepath.Join(repoRoot, "themes", "default"), Out: out, Now: buildTime,
	})
	if err != nil {
		t.Fatalf("%v\n%v", err, problems)
	}
	tb := newTab(t, "")
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := tb.open(fileURL(out, "fr/categories/shower.lyon.html")); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Path  string
		Cards int
		Of    string
		Prev  bool
		Next  bool
	}
	read := func() state {
		t.Helper()
		s, err := eval[state](tb, `({Path: location.pathname.split("/").pop(), Cards: document.querySelectorAll("li.card").length,
			Of: (document.querySelector(".pager span") || {}).textContent || "",
			Prev: !!document.querySelector("a[rel=prev]"), Next: !!document.querySelector("a[rel=next]")})`)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// follow clicks a link, as a reader does, and waits for the page it opens.
	follow := func(rel string) {
		t.Helper()
		if _, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(`a[rel=`+rel+`]`), chromedp.NodeVisible)); err != nil {
			t.Fatalf("following rel=%s: %v", rel, err)
		}
	}
	want := []state{
		{"shower.lyon.html", 50, "Page 1 sur 3", false, true},
		{"shower.lyon.2.html", 50, "Page 2 sur 3", true, true},
		{"shower.lyon.3.html", 30, "Page 3 sur 3", true, false},
	}
	for k, w := range want {
		if k > 0 {
			follow("next")
		}
		if got := read(); got != w {
			t.Errorf("page %d from the disk: %+v, want %+v", k+1, got, w)
		}
	}
	follow("prev")
	if got := read(); got != want[1] {
		t.Errorf("back to page 2: %+v, want %+v", got, want[1])
	}
	if proto, _ := eval[string](tb, "location.protocol"); !strings.HasPrefix(proto, "file") {
		t.Errorf("the pages were opened by %s, not from the disk", proto)
	}
	need(t, vnuTool())
	findings, err := vnuFindings(tb.ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		t.Error(f)
	}
}
