package publish

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Entry is one file of the output as it was written.
type Entry struct {
	Path string // slash path from the site root
	Size int64
	Sum  uint64 // CRC-64 (ECMA) of the bytes
	// Key names what the file was made from (its inputs), so that a later
	// build can carry an unchanged file over from the previous output
	// instead of making it again. Empty: the file is always made.
	Key string
	// ZKey is the key of the file as the zips hold it, when not Key (the
	// offline copies pages).
	ZKey string
}

// Ledger lists every file written, as it is written. The build's manifest,
// the zips' and cities' sizes and the service worker's id all read it
// rather than the disk.
type Ledger struct {
	mu      sync.Mutex
	entries map[string]Entry
	folded  map[string]string // lower-case path -> path
}

func newLedger() *Ledger {
	return &Ledger{entries: map[string]Entry{}, folded: map[string]string{}}
}

// add records a file, refusing a path already written, by the same letters
// in any case: a site is copied to USB sticks and unzipped on systems where
// Lyon.html and lyon.html are one file.
func (l *Ledger) add(e Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := strings.ToLower(e.Path)
	if prev, dup := l.folded[key]; dup {
		return fmt.Errorf("internal error: %s would be written over %s", e.Path, prev)
	}
	l.folded[key], l.entries[e.Path] = e.Path, e
	return nil
}

// Size returns the size of a file written, and whether it was.
func (l *Ledger) Size(path string) (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[path]
	return e.Size, ok
}

// Each calls fn on every file written so far, in path order.
func (l *Ledger) Each(fn func(path string, size int64, sum uint64)) {
	for _, e := range l.Entries() {
		fn(e.Path, e.Size, e.Sum)
	}
}

// Entries lists every file written so far, sorted by path.
func (l *Ledger) Entries() []Entry {
	l.mu.Lock()
	out := make([]Entry, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, e)
	}
	l.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Bytes is the total size of the files written.
func (l *Ledger) Bytes() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	var n int64
	for _, e := range l.entries {
		n += e.Size
	}
	return n
}
