package render

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/internal/pool"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/theme"
)

// maxPageGzip is the most an HTML page weighs gzipped, print editions
// aside: what a phone on a data plan opens without waiting.
const maxPageGzip = 30 * 1024

// TestPageSizesAtScale renders every page of a national-shaped guide of
// 3,000 listings in the demo's languages (150 towns, the biggest of about
// 360 places): no page but print editions is over 30 KB gzipped or lists
// more than PerPage places. Sizes
// are deterministic: the same guide gives the same bytes.
func TestPageSizesAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("renders some 16,000 pages")
	}
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := guidegen.National("../../content", 3000)
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	r, err := New(g, th, markdown.New(), Options{Today: content.Date{Year: 2026, Month: 11, Day: 27}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.site.renderCards(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	sizes := make([]int, len(r.jobs))
	err = pool.Each(context.Background(), len(r.jobs), runtime.GOMAXPROCS(0), func(i int, buf *bytes.Buffer) error {
		j := &r.jobs[i]
		if j.tmpl == nil || j.kind == "print" || j.kind == "print-category" {
			return nil
		}
		data, err := r.site.bytes(j, buf)
		if err != nil {
			return err
		}
		sizes[i] = gzipped(data)
		if n := bytes.Count(data, []byte(`<li class="card">`)); n > PerPage {
			return fmt.Errorf("%s lists %d places, more than %d", j.path, n, PerPage)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	largest := map[string]int{}
	for i, n := range sizes {
		j := &r.jobs[i]
		if n > maxPageGzip {
			t.Errorf("%s is %d bytes gzipped, more than %d", j.path, n, maxPageGzip)
		}
		if n > sizes[largest[j.kind]] {
			largest[j.kind] = i
		}
	}
	for kind, i := range largest {
		t.Logf("largest %s page: %s, %d bytes gzipped", kind, r.jobs[i].path, sizes[i])
	}
}

func gzipped(data []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Len()
}
