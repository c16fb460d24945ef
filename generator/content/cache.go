package content

import (
	"crypto/sha256"
	"io/fs"
	"sync"
	"time"
)

// Cache keeps decoded listings between loads of the same guide, so that
// abri serve re-reads only the files that changed: a listing file whose size
// and modification time are unchanged is not decoded again. A change to
// site.yaml or categories.yaml, or a new day, empties the cache.
type Cache struct {
	mu    sync.Mutex
	key   [32]byte
	files map[string]cachedListing
}

type cachedListing struct {
	mod      time.Time
	size     int64
	listing  *Listing
	problems Problems
}

// reset empties the cache unless it was filled against the same site,
// categories and day.
func (c *Cache) reset(fsys fs.FS, today Date) {
	h := sha256.New()
	for _, name := range []string{"site.yaml", "categories.yaml"} {
		data, _ := fs.ReadFile(fsys, name)
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
	return e, ok && e.size == info.Size() && e.mod.Equal(info.ModTime())
}

func (c *Cache) put(name string, info fs.FileInfo, l *Listing, ps Problems) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = cachedListing{info.ModTime(), info.Size(), l, ps}
}
