package publish

import (
	"os"
	"sync"
)

// maxOpenZips is how many zips publishing keeps open at once. A national
// guide has a zip per town per language, tens of thousands: more than a
// process may open (ulimit -n), so the others are closed between writes
// and opened again to append.
const maxOpenZips = 256

// files keeps at most max files open, closing the least recently written.
type files struct {
	mu   sync.Mutex
	max  int
	tick uint64
	open map[*lazyFile]bool
}

func newFiles(max int) *files { return &files{max: max, open: map[*lazyFile]bool{}} }

// lazyFile is a file written from start to end that is open only while
// it is among the most recently written.
type lazyFile struct {
	pool    *files
	name    string
	f       *os.File
	last    uint64
	created bool
}

func (fs *files) create(name string) (*lazyFile, error) {
	l := &lazyFile{pool: fs, name: name}
	// Creating it now reports a folder that cannot be written at once.
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return l, l.reopen()
}

// reopen opens the file, closing the least recently written one when too
// many are open. The caller holds the pool's lock.
func (l *lazyFile) reopen() error {
	fs := l.pool
	if len(fs.open) >= fs.max {
		var oldest *lazyFile
		for o := range fs.open {
			if oldest == nil || o.last < oldest.last {
				oldest = o
			}
		}
		oldest.f.Close()
		oldest.f = nil
		delete(fs.open, oldest)
	}
	flag := os.O_WRONLY | os.O_APPEND
	if !l.created {
		flag |= os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(l.name, flag, 0o644)
	if err != nil {
		return err
	}
	l.f, l.created = f, true
	fs.open[l] = true
	return nil
}

func (l *lazyFile) Write(p []byte) (int, error) {
	fs := l.pool
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if l.f == nil {
		if err := l.reopen(); err != nil {
			return 0, err
		}
	}
	fs.tick++
	l.last = fs.tick
	return l.f.Write(p)
}

// Close closes the file if it is open.
func (l *lazyFile) Close() error {
	fs := l.pool
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	delete(fs.open, l)
	return err
}

func (l *lazyFile) Name() string { return l.name }
