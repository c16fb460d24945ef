package generator

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// BenchmarkBuild builds a generated guide of 1,000 listings in 4 languages
// (fr, en, ar, uk): check, render in parallel, swap. It reports pages per
// second and, with -benchmem, allocated bytes per build.
func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	if err := guidegen.Write(filepath.Join(dir, "content"), "../content", 1000); err != nil {
		b.Fatal(err)
	}
	cfg := Config{Content: filepath.Join(dir, "content"), Theme: "../themes/default", Out: filepath.Join(dir, "public"), Now: buildDate}
	b.ReportAllocs()
	var sum Summary
	start := time.Now()
	for b.Loop() {
		var err error
		var problems interface{ Errors() int }
		sum, problems, err = Build(context.Background(), cfg)
		if err != nil {
			b.Fatalf("%v %v", err, problems)
		}
	}
	pages := 0
	for _, n := range sum.Pages {
		pages += n
	}
	b.ReportMetric(float64(pages), "pages/build")
	b.ReportMetric(float64(pages)*float64(b.N)/time.Since(start).Seconds(), "pages/s")
}
