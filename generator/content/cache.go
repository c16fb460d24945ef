package content

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"
	"time"
)

// Cache keeps decoded listings between loads of the same guide, so that
// abri serve decodes only the files that changed: a listing file whose
// size and modification time are unchanged, and that the watcher has not
// named since (Forget), is not read again. Size and time alone would miss
// an edit that restores them (cp -p, rsync -t); the watcher sees that
// edit, so it names the file. A change to site.yaml or categories.yaml, or
// a new day, empties the cache.
type Cache struct {
	mu    sync.Mutex
	key   [32]byte
	files map[string]cachedListing
}

type cachedListing struct {
	size     int64
	mod      time.Time
	listing  *Listing
	problems Problems
}

// Forget drops the listings of the named files or folders (slash paths in
// the content folder: listings/paris/halte.yaml, listings/paris): they are
// read again on the next load whatever their size and time say.
func (c *Cache) Forget(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range names {
		delete(c.files, n)
		for f := range c.files {
			if strings.HasPrefix(f, n+"/") {
				delete(c.files, f)
			}
		}
	}
}

// reset empties the cache unless it was filled against the same site,
// categories and day.
func (c *Cache) reset(fsys fs.FS, opts Options, today Date) {
	h := sha256.New()
	for _, name := range []string{"site.yaml", "categories.yaml"} {
		var ignored Problems // Load reports them
		data, _ := readFile(fsys, opts, name, maxYAML, &ignored)
		h.Write(data)
		h.Write([]byte{0})
	}
	h.Write([]byte(today.String()))
	var key [32]byte
	copy(key[:], h.Sum(nil))
	c.mu.Lock()
	defer c.mu.Unlock()
	if key != c.key || c.files == nil {
		c.key, c.files = key, map[string]cachedListing{}
	}
}

func (c *Cache) get(name string, info fs.FileInfo) (cachedListing, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.files[name]
	return e, ok && info.Mode().IsRegular() && e.size == info.Size() && e.mod.Equal(info.ModTime())
}

func (c *Cache) put(name string, info fs.FileInfo, l *Listing, ps Problems) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = cachedListing{info.Size(), info.ModTime(), l, ps}
}
