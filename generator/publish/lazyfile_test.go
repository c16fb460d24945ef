//go:build unix

package publish

import (
	"context"
	"os"
	"syscall"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

// A national guide has more zips (a town per language) than a process
// may open: publishing keeps only some open, whatever the guide's size.
func TestMoreZipsThanOpenFiles(t *testing.T) {
	th, err := theme.Load(os.DirFS("../../themes/default"), "../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := guidegen.National("../../content", 800)
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Now: buildDate, Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	r, err := render.New(g, th, markdown.New(), render.Options{Today: g.Today})
	if err != nil {
		t.Fatal(err)
	}
	r.Prepare(context.Background(), 4, true)
	const limit, open = 56, 8
	if n := len(r.Copies()); n < 2*limit {
		t.Fatalf("the guide has %d zips, too few to test a limit of %d open files", n, limit)
	}
	var was syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &was); err != nil {
		t.Skip(err)
	}
	low := was
	low.Cur = limit
	if low.Cur > was.Cur {
		t.Skipf("the open files limit is already %d", was.Cur)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_NOFILE, &was)
	dir := t.TempDir()
	res, err := Publish(context.Background(), r, dir, Options{Date: buildDate, Workers: 2, MaxOpenZips: open})
	if err != nil {
		t.Fatalf("%d zips with at most %d files open: %v", len(r.Copies()), low.Cur, err)
	}
	if len(res.Zips) != len(r.Copies()) {
		t.Errorf("%d zips published, want %d", len(res.Zips), len(r.Copies()))
	}
}
