package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/theme"
)

// BenchmarkListingPages renders the listing pages of a generated guide of
// 1,000 listings in the theme's 12 languages, without writing them: the
// bulk of a national guide's pages (one per listing per language), and the
// CPU the layout costs on each. It reports ns, CPU time and allocations per page.
func BenchmarkListingPages(b *testing.B) {
	dir := b.TempDir()
	if err := guidegen.Write(dir, "../../content", 1000); err != nil {
		b.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	twelve := regexp.MustCompile(`(?m)^languages: .*$`).ReplaceAll(site, []byte("languages: [fr, en, ar, uk, ru, fa, ps, es, ca, ka, pt, ro]"))
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), twelve, 0o644); err != nil {
		b.Fatal(err)
	}
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		b.Fatal(err)
	}
	g, problems := content.Load(os.DirFS(dir), content.Options{Root: "content", Icons: th.IconNames(), Now: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)})
	if problems.Errors() > 0 {
		b.Fatal(problems.Err())
	}
	r, err := New(g, th, markdown.New(), Options{Today: g.Today})
	if err != nil {
		b.Fatal(err)
	}
	var pages []*job
	for i := range r.jobs {
		if r.jobs[i].kind == "listing" {
			pages = append(pages, &r.jobs[i])
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var buf bytes.Buffer // as a worker of Write reuses its buffer
	n, size, cpu := 0, 0, cpuTime()
	for b.Loop() {
		data, err := r.site.bytes(pages[n%len(pages)], &buf)
		if err != nil {
			b.Fatal(err)
		}
		n++
		size += len(data)
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(n), "cpu-µs/page")
	b.ReportMetric(float64(size)/float64(n), "bytes/page")
}
