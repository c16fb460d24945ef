package publish

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/abri-guide/abri/generator/render"
)

// Previous is the output of the build before, from which a build carries
// over the files whose input key did not change (render.Renderer.Key)
// instead of making them again.
type Previous struct {
	Dir   string           // the previous output folder, left as it is
	Files map[string]Entry // its ledger, by path; files without a key are made again
	Over  map[string]Over  // its zips left out, over the limit, by path
}

// Over is a zip left out, over the limit: it went over at its first
// Entries entries, whose keys make Key. A later build whose first entries
// have the same keys goes over too, at the same point: it leaves the zip
// out without compressing a byte of it.
type Over struct {
	Path    string
	Key     string
	Entries int
}

// prefixKey keys the first n entries of copy k, in the order they are stored.
func (p *publisher) prefixKey(k, n int) string {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p.r.Copies()[k].Path, p.limit, n)
	for phase := render.PhasePages; phase <= render.PhaseWorker && n > 0; phase++ {
		for i := range p.files {
			if f := &p.files[i]; f.Phase == phase && slices.Contains(f.Copies, k) {
				fmt.Fprintf(h, "%s\x00%s\x00", f.Path, p.r.ZipKey(i))
				if n--; n == 0 {
					break
				}
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// stillOver tells whether copy k goes over the limit where it did in
// the previous build.
func (p *publisher) stillOver(k int) (Over, bool) {
	if p.prev == nil {
		return Over{}, false
	}
	o, ok := p.prev.Over[p.r.Copies()[k].Path]
	return o, ok && o.Entries > 0 && o.Key == p.prefixKey(k, o.Entries)
}

// carry links the previous build's file at path into the new folder when
// its key is key, and returns its entry.
func (p *publisher) carry(path, key string) (Entry, bool) {
	if p.prev == nil || key == "" {
		return Entry{}, false
	}
	e, ok := p.prev.Files[path]
	if !ok || e.Key != key {
		return Entry{}, false
	}
	from := filepath.Join(p.prev.Dir, filepath.FromSlash(path))
	if linkOrCopy(from, filepath.Join(p.dir, filepath.FromSlash(path))) != nil {
		return Entry{}, false // made again
	}
	return e, true
}

// linkOrCopy makes to the same file as from: a hard link, which costs no
// space, or a copy where the file system has none.
func linkOrCopy(from, to string) error {
	if os.Link(from, to) == nil {
		return nil
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(to)
		return err
	}
	return out.Close()
}

// zipKey is the key of copy k as Publish writes it: its entries', and for
// a language's copy the limit that decides whether it is kept.
func (p *publisher) zipKey(k int) string {
	key := p.r.CopyKey(k)
	if p.r.Copies()[k].City == nil {
		key += "-" + strconv.FormatInt(p.limit, 10)
	}
	return key
}

// siteKey is the key of file i as the site has it: an offline copies
// page states the zips' sizes, which depend on the limit too.
func (p *publisher) siteKey(i int) string {
	key := p.r.Key(i)
	if key != "" && p.files[i].Phase == render.PhaseOffline {
		key += "-" + strconv.FormatInt(p.limit, 10)
	}
	return key
}

// openPrevious opens the previous build's copy of z, whose unchanged
// entries are then copied as they are, not compressed again.
func (p *publisher) openPrevious(z *zipFile) {
	if p.prev == nil {
		return
	}
	if e, ok := p.prev.Files[z.path]; !ok || e.Key == "" {
		return
	}
	zr, err := zip.OpenReader(filepath.Join(p.prev.Dir, filepath.FromSlash(z.path)))
	if err != nil {
		return // made whole
	}
	z.old, z.oldEntries = zr, make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if f.Method == zip.Deflate {
			z.oldEntries[f.Name] = f
		}
	}
}

// previousEntry returns the entry of the previous zip for file i, when the
// file did not change: its zip key is the previous build's, or for a file
// only zips hold (a city's search index), which the ledger does not know,
// its bytes are the same.
func (p *publisher) previousEntry(z *zipFile, i int, data func() ([]byte, error)) *compressed {
	f := &p.files[i]
	old, ok := z.oldEntries[f.Path]
	if !ok {
		return nil
	}
	c := &compressed{crc: old.CRC32, size: int(old.UncompressedSize64), raw: old}
	if f.ZipOnly {
		now, err := data()
		if err != nil || uint64(len(now)) != old.UncompressedSize64 || !sameBytes(old, now) {
			return nil
		}
		return c
	}
	e, ok := p.prev.Files[f.Path]
	key := p.r.ZipKey(i)
	if !ok || key == "" || zipKeyOf(e) != key {
		return nil
	}
	return c
}

func zipKeyOf(e Entry) string {
	if e.ZKey != "" {
		return e.ZKey
	}
	return e.Key
}

// sameBytes tells whether a zip entry holds data.
func sameBytes(f *zip.File, data []byte) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	got, err := io.ReadAll(io.LimitReader(rc, int64(len(data))+1))
	return err == nil && bytes.Equal(got, data)
}
