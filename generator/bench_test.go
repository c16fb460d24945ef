package generator

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"

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

// BenchmarkNational builds a national guide: 1,000, 10,000 or 50,000
// listings (National/1000 …) in twelve languages, in Zipf-sized towns
// (guidegen.NationalIn). The content is written once per size under
// TMPDIR and reused, so that repeated runs measure the build only; run it
// with TMPDIR=/dev/shm, as disks on shared machines are noisy:
//
//	TMPDIR=/dev/shm go test -run '^$' -bench National/1000 -benchtime 1x ./generator/
//
// It reports seconds per build (wall, and CPU: user and system, which
// says more on a shared machine), pages per second, the process's peak RSS
// (getrusage: it includes generating the content when not cached, and the
// smaller sizes run before in the same process), the output's bytes, and
// the biggest pages gzipped: the biggest HTML page but print editions,
// and the biggest listing page.
func BenchmarkNational(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchNational(b, n) })
	}
}

func benchNational(b *testing.B, n int) {
	dir, err := nationalContent(n)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(os.TempDir(), fmt.Sprintf("abri-national-%d-public", n))
	if err := os.RemoveAll(out); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(out) })
	cfg := Config{Content: dir, Theme: "../themes/default", Out: out, Now: buildDate}
	var sum Summary
	cpu0, _ := cpuTime()
	start := time.Now()
	for b.Loop() {
		var err error
		var problems content.Problems
		if sum, problems, err = Build(context.Background(), cfg); err != nil {
			b.Fatalf("%v %v", err, problems)
		}
	}
	took := time.Since(start).Seconds() / float64(b.N)
	if cpu, ok := cpuTime(); ok {
		b.ReportMetric((cpu-cpu0).Seconds()/float64(b.N), "cpu-s/build")
	}
	pages := 0
	for _, n := range sum.Pages {
		pages += n
	}
	b.ReportMetric(took, "s/build")
	b.ReportMetric(float64(pages)/took, "pages/s")
	if rss, ok := peakRSS(); ok {
		b.ReportMetric(float64(rss)/1e6, "peak-RSS-MB")
	}
	sizes, err := measureOutput(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(sizes.bytes)/1e6, "out-MB")
	b.ReportMetric(float64(sizes.biggest.size)/1e3, "max-html-KB")
	b.ReportMetric(float64(sizes.html.gzipped)/1e3, "max-html-gz-KB")
	b.ReportMetric(float64(sizes.listing.gzipped)/1e3, "max-listing-gz-KB")
	b.Logf("%d listings × %d languages: %d pages, %d files; biggest page %s (%d B), biggest gzipped %s (%d B), biggest listing page %s (%d B gzipped)",
		n, len(sum.Langs), pages, sizes.files, sizes.biggest.path, sizes.biggest.size, sizes.html.path, sizes.html.gzipped, sizes.listing.path, sizes.listing.gzipped)
}

// nationalContent writes the national guide of n listings under TMPDIR,
// once per size, generator version and demo guide.
func nationalContent(n int) (string, error) {
	h := sha256.New()
	for _, f := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join("../content", f))
		if err != nil {
			return "", err
		}
		h.Write(data)
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("abri-national-%d-v%d-%x", n, guidegen.Version, h.Sum(nil)[:4]))
	done := filepath.Join(dir, ".complete") // a dot file is not part of the guide
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	fsys, err := guidegen.NationalIn("../content", n, guidegen.Languages)
	if err != nil {
		return "", err
	}
	if err := guidegen.WriteFS(dir, fsys); err != nil {
		return "", err
	}
	return dir, os.WriteFile(done, nil, 0o644)
}

type pageSize struct {
	path          string
	size, gzipped int64
}

type outputSizes struct {
	files         int
	bytes         int64
	biggest       pageSize // the biggest HTML page but print editions
	html, listing pageSize // the biggest of those gzipped; the biggest listing page gzipped
}

// measureOutput sums a built site's files and finds its biggest pages.
// Only the 20 biggest of each kind are gzipped, as gzipping every page
// of a national guide takes a minute: a page that compresses much worse
// than those 20 would be missed.
func measureOutput(out string) (outputSizes, error) {
	var s outputSizes
	var html, listings []pageSize
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.files++
		s.bytes += info.Size()
		rel, _ := filepath.Rel(out, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if !strings.HasSuffix(p, ".html") || len(parts) == 3 && parts[1] == "print" {
			return nil
		}
		html = append(html, pageSize{path: rel, size: info.Size()})
		if len(parts) == 3 && parts[1] == "places" {
			listings = append(listings, pageSize{path: rel, size: info.Size()})
		}
		return nil
	})
	if err != nil {
		return s, err
	}
	if len(html) == 0 {
		return s, fmt.Errorf("%s has no HTML page", out)
	}
	if s.html, err = biggestGzipped(out, html); err != nil {
		return s, err
	}
	s.biggest = html[0] // sorted by biggestGzipped
	s.listing, err = biggestGzipped(out, listings)
	return s, err
}

// biggestGzipped gzips the 20 biggest pages and returns the one that
// stays biggest, with its size.
func biggestGzipped(out string, pages []pageSize) (pageSize, error) {
	slices.SortFunc(pages, func(a, b pageSize) int { return cmp.Or(cmp.Compare(b.size, a.size), strings.Compare(a.path, b.path)) })
	var best pageSize
	for _, p := range pages[:min(20, len(pages))] {
		data, err := os.ReadFile(filepath.Join(out, p.path))
		if err != nil {
			return best, err
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write(data)
		w.Close()
		if p.gzipped = int64(z.Len()); p.gzipped > best.gzipped {
			best = p
		}
	}
	return best, nil
}

// BenchmarkNationalIncremental builds the national guide of
// BenchmarkNational once, then, each round, changes one listing's phone
// number and builds over the output: what an editor waits for after a
// commit. It reports seconds per rebuild, the files made and carried
// over, and the steps: loading the content, preparing (search index,
// keys), the keys alone, writing (rendering, linking, zips).
//
//	TMPDIR=/dev/shm go test -run '^$' -bench NationalIncremental/10000 -benchtime 3x ./generator/
//
// ABRI_BENCH_CPUPROFILE=file writes a CPU profile of the rebuilds alone.
func BenchmarkNationalIncremental(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchIncremental(b, n) })
	}
}

func benchIncremental(b *testing.B, n int) {
	cached, err := nationalContent(n)
	if err != nil {
		b.Fatal(err)
	}
	// A copy of hard links, so that editing a listing (a new file in its
	// place) leaves the cached guide as it is.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("abri-national-%d-edited", n))
	out := dir + "-public"
	for _, d := range []string{dir, out} {
		if err := os.RemoveAll(d); err != nil {
			b.Fatal(err)
		}
	}
	b.Cleanup(func() { os.RemoveAll(dir); os.RemoveAll(out) })
	var listings []string
	err = filepath.WalkDir(cached, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(cached, p)
		to := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if strings.HasSuffix(p, ".yaml") && strings.HasPrefix(rel, "listings") {
			listings = append(listings, to)
		}
		return os.Link(p, to)
	})
	if err != nil {
		b.Fatal(err)
	}
	cfg := Config{Content: dir, Theme: "../themes/default", Out: out, Now: buildDate}
	if _, problems, err := Build(context.Background(), cfg); err != nil {
		b.Fatalf("%v %v", err, problems)
	}
	slices.Sort(listings)
	if name := os.Getenv("ABRI_BENCH_CPUPROFILE"); name != "" {
		// The rebuilds only, not the first build.
		f, err := os.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	var sum Summary
	var steps [4]time.Duration
	round := 0
	cpu0, _ := cpuTime()
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		round++
		file := listings[(round*7919)%len(listings)]
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, fmt.Sprintf("phone: [\"+33 1 00 00 %02d %02d\"]\n", round/100%100, round%100)...)
		if bytes.Contains(data[:len(data)-30], []byte("\nphone:")) {
			data = bytes.Replace(data, []byte("\nphone:"), []byte("\n# phone:"), 1)
		}
		if err := os.Remove(file); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		var problems content.Problems
		if sum, problems, err = Build(context.Background(), cfg); err != nil {
			b.Fatalf("%v %v", err, problems)
		}
		took += time.Since(start)
		for i, d := range []time.Duration{sum.Steps.Load, sum.Steps.Prepare, sum.Steps.Keys, sum.Steps.Write} {
			steps[i] += d
		}
	}
	if cpu, ok := cpuTime(); ok {
		b.ReportMetric((cpu-cpu0).Seconds()/float64(b.N), "cpu-s/build")
	}
	per := func(d time.Duration) float64 { return d.Seconds() / float64(b.N) }
	b.ReportMetric(per(took), "s/build")
	b.ReportMetric(float64(sum.Made), "made")
	b.ReportMetric(float64(sum.Carried), "carried")
	b.ReportMetric(per(steps[0]), "load-s")
	b.ReportMetric(per(steps[1]-steps[2]), "prepare-but-keys-s")
	b.ReportMetric(per(steps[2]), "keys-s")
	b.ReportMetric(per(steps[3]), "write-s")
	b.Logf("%d listings × %d languages, one phone changed: %s", n, len(sum.Langs), sum)
}
