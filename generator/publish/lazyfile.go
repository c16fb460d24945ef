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

// bufferSize is the write buffer of each open zip: zip.Writer's own 4 KB
// made a system call every few entries, most of the time of copying a
// previous zip. Only open files hold one (256 x 256 KB at most).
const bufferSize = 256 << 10

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
	buf     []byte // what is written and not yet in f, while f is open
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
		if err := oldest.shut(); err != nil {
			return err
		}
	}
	flag := os.O_WRONLY | os.O_APPEND
	if !l.created {
		flag |= os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(l.name, flag, 0o644)
	if err != nil {
		return err
	}
	l.f, l.created, l.buf = f, true, make([]byte, 0, bufferSize)
	fs.open[l] = true
	return nil
}

// shut writes out the buffer and closes the file. The caller holds the
// pool's lock.
func (l *lazyFile) shut() error {
	_, err := l.f.Write(l.buf)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f, l.buf = nil, nil
	delete(l.pool.open, l)
	return err
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
	if len(l.buf)+len(p) > cap(l.buf) {
		if _, err := l.f.Write(l.buf); err != nil {
			return 0, err
		}
		l.buf = l.buf[:0]
		if len(p) >= cap(l.buf) {
			return l.f.Write(p)
		}
	}
	l.buf = append(l.buf, p...)
	return len(p), nil
}

// Close writes out what is buffered and closes the file if it is open.
func (l *lazyFile) Close() error {
	fs := l.pool
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if l.f == nil {
		return nil
	}
	return l.shut()
}

func (l *lazyFile) Name() string { return l.name }
