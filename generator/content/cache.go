package content

import (
	"crypto/sha256"
	"io/fs"
	"sync"
)

// Cache keeps decoded listings between loads of the same guide, so that
// abri serve decodes only the files that changed: a listing file whose bytes
// are unchanged is not decoded again. A change to site.yaml or
// categories.yaml, or a new day, empties the cache.
type Cache struct {
	mu    sync.Mutex
	key   [32]byte
	files map[string]cachedListing
}

type cachedListing struct {
	sum      [32]byte // SHA-256 of the file's bytes
	listing  *Listing
	problems Problems
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

func (c *Cache) get(name string, sum [32]byte) (cachedListing, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.files[name]
	return e, ok && e.sum == sum
}

func (c *Cache) put(name string, sum [32]byte, l *Listing, ps Problems) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = cachedListing{sum, l, ps}
}
