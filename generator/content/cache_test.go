package content_test

import (
	"os"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// BenchmarkCachedLoad: a load of 10,000 listings none of which changed, as
// abri serve does on every save; the cache trusts size and time for files
// the watcher did not name.
func BenchmarkCachedLoad(b *testing.B) {
	dir := b.TempDir()
	if err := guidegen.Write(dir, "../../content", 10000); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	opts := content.Options{Root: dir, Now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC), Cache: &content.Cache{}}
	if _, ps := content.Load(fsys, opts); ps.Errors() > 0 {
		b.Fatal(ps)
	}
	for b.Loop() {
		content.Load(fsys, opts)
	}
}
