package publish

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/crc64"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/flate"
)

// compressed is a zip entry's data, compressed once for every zip that
// holds the same bytes.
type compressed struct {
	crc  uint32
	size int
	data []byte
	raw  *zip.File // or the entry of the previous build's zip, copied as it is
}

// flaters reuse compressors: each one holds about a megabyte of state.
var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

func compress(data []byte) *compressed {
	var c bytes.Buffer
	c.Grow(len(data)/3 + 64)
	w := flaters.Get().(*flate.Writer)
	w.Reset(&c)
	w.Write(data)
	w.Close()
	flaters.Put(w)
	return &compressed{crc: crc32.ChecksumIEEE(data), size: len(data), data: c.Bytes()}
}

// zipFile is a zip being written to disk, entry by entry: a language's
// zip at 50,000 listings is hundreds of megabytes, never held in memory.
type zipFile struct {
	path  string // slash path from the site root
	file  *lazyFile
	out   *counter
	zw    *zip.Writer
	date  time.Time
	limit int64 // the zip is given up once over this size; 0: no limit
	over  bool
	seen  map[string]bool
	// gaveUp is over, for the workers that compress entries: those of a
	// zip given up need not be.
	gaveUp atomic.Bool
	added  int // entries written: once over, how many it took

	// A zip of the previous build: the same when carried (its entry), or
	// that of which unchanged entries are copied.
	key        string // its input key, for the ledger
	carried    *Entry
	old        *zip.ReadCloser
	oldEntries map[string]*zip.File
}

// counter counts and sums what goes to the file: its entry in the ledger.
type counter struct {
	w   io.Writer
	n   int64
	sum hash.Hash64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.sum.Write(p[:n])
	return n, err
}

func createZip(open *files, dir, path string, date time.Time, limit int64) (*zipFile, error) {
	f, err := open.create(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		return nil, err
	}
	out := &counter{w: f, sum: crc64.New(crcTable)}
	return &zipFile{path: path, file: f, out: out, zw: zip.NewWriter(out), date: date, limit: limit, seen: map[string]bool{}}, nil
}

// add stores an entry already compressed. Entries are stored in the order
// they come, with a fixed date, so that zips are reproducible.
func (z *zipFile) add(name string, c *compressed) error {
	if z.over || z.carried != nil {
		return nil
	}
	// Unzipped on a system that ignores case, Lyon.html would replace lyon.html.
	key := strings.ToLower(name)
	if z.seen[key] {
		return fmt.Errorf("internal error: %s would be twice in %s", name, z.path)
	}
	z.seen[key] = true
	n := uint64(len(c.data))
	if c.raw != nil {
		n = c.raw.CompressedSize64
	}
	h := &zip.FileHeader{Name: name, Method: zip.Deflate,
		CRC32: c.crc, CompressedSize64: n, UncompressedSize64: uint64(c.size)}
	h.SetModTime(z.date) // CreateRaw writes the legacy date fields as they are
	w, err := z.zw.CreateRaw(h)
	if err != nil {
		return err
	}
	if c.raw != nil {
		err = copyRaw(w, c.raw)
	} else {
		_, err = w.Write(c.data)
	}
	if err != nil {
		return err
	}
	z.added++
	if z.limit > 0 && z.out.n > z.limit {
		return z.giveUp()
	}
	return nil
}

// giveUp removes a zip grown over its limit.
func (z *zipFile) giveUp() error {
	z.over = true
	z.gaveUp.Store(true)
	z.file.Close()
	return os.Remove(z.file.Name())
}

// close finishes the zip and returns its entry in the ledger; kept is
// false when it went over its limit and was removed.
func (z *zipFile) close() (e Entry, kept bool, err error) {
	if z.old != nil {
		z.old.Close()
		z.old = nil
	}
	if z.carried != nil {
		return *z.carried, true, nil
	}
	if z.over {
		return Entry{}, false, nil
	}
	if err := z.zw.Close(); err != nil {
		z.file.Close()
		return Entry{}, false, err
	}
	if err := z.file.Close(); err != nil {
		return Entry{}, false, err
	}
	if z.limit > 0 && z.out.n > z.limit {
		z.over = true
		return Entry{}, false, os.Remove(z.file.Name())
	}
	return Entry{Path: z.path, Size: z.out.n, Sum: z.out.sum.Sum64(), Key: z.key}, true, nil
}

// copyRaw copies the compressed bytes of a previous zip's entry.
func copyRaw(w io.Writer, f *zip.File) error {
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	n, err := io.Copy(w, r)
	if err == nil && uint64(n) != f.CompressedSize64 {
		err = fmt.Errorf("%s: the previous zip's entry is cut short", f.Name)
	}
	return err
}
