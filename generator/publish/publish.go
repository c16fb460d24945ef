// Package publish writes a rendered site into a folder: each file once,
// streamed into the offline copies (zips) that hold it in the same pass,
// each zip entry compressed once however many zips hold it. It keeps a
// ledger of what it wrote (path, size, checksum), which the build's
// manifest, the zips' and cities' sizes and the service worker's id read.
//
// render makes the bytes; publish decides nothing about what a zip holds.
package publish

import (
	"bytes"
	"context"
	"hash/crc64"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/abri-guide/abri/generator/internal/pool"
	"github.com/abri-guide/abri/generator/render"
)

// LangZipLimit is the largest a whole-language zip may be, in bytes: over
// it the zip is not offered, only the cities' (50 MB: what a phone on a
// small data plan can download and unzip; the zips of cities stay far
// smaller).
const LangZipLimit = 50_000_000

// Options tune publishing.
type Options struct {
	Workers int       // parallel renderers; 0: four per CPU, as writing blocks on the system
	Date    time.Time // modification date of zip entries: the build's day, so zips are reproducible
	// LangZipLimit overrides the package's LangZipLimit when not 0 (tests).
	LangZipLimit int64
	// MaxOpenZips overrides how many zips are open at once when not 0 (tests).
	MaxOpenZips int
	// Previous, when not nil, is the build before: its files whose input
	// keys did not change are carried over, not made again.
	Previous *Previous
}

// Result is what was published.
type Result struct {
	Ledger *Ledger
	Zips   []Entry  // the zips kept, in the order of render's copies
	Over   []string // whole-language zips left out, over the limit
	// Overs say where each went over, for the next build (Previous.Over).
	Overs []Over
	// Made and Carried count the files, zips included, made by this build
	// and carried over from the previous one (Options.Previous).
	Made, Carried int
	// How long preparing (cards, search index, keys) and then writing
	// the files and zips took.
	Prepared, Wrote time.Duration
}

var crcTable = crc64.MakeTable(crc64.ECMA)

type publisher struct {
	r      *render.Renderer
	dir    string
	files  []render.File
	ledger *Ledger
	zips   []*zipFile
	work   int
	prev   *Previous
	limit  int64
	made   atomic.Int64
	kept   atomic.Int64 // files carried over
}

// Publish renders every file of r into dir, which must exist and be
// empty. Files are written by phase (render.Phase...): those that state the
// sizes of others after them, the zips complete before the offline copies
// pages. When ctx is done it stops and returns ctx.Err(), leaving dir
// incomplete.
func Publish(ctx context.Context, r *render.Renderer, dir string, opts Options) (Result, error) {
	p := &publisher{r: r, dir: dir, ledger: newLedger(), work: opts.Workers, prev: opts.Previous, limit: opts.LangZipLimit}
	if p.work <= 0 {
		p.work = 4 * runtime.GOMAXPROCS(0)
	}
	if p.limit == 0 {
		p.limit = LangZipLimit
	}
	// Over its previous output few pages are made: cards as they ask.
	start := time.Now()
	if err := r.Prepare(ctx, p.work, p.prev == nil); err != nil {
		return Result{}, err
	}
	prepared := time.Now()
	p.files = r.Files()
	if err := p.makeDirs(); err != nil {
		return Result{}, err
	}
	defer p.abandon()
	open := newFiles(maxOpenZips)
	if opts.MaxOpenZips > 0 {
		open.max = opts.MaxOpenZips
	}
	for k, c := range r.Copies() {
		key := p.zipKey(k)
		if e, ok := p.carry(c.Path, key); ok {
			p.zips = append(p.zips, &zipFile{path: c.Path, carried: &e})
			continue
		}
		n := int64(0)
		if c.City == nil {
			n = p.limit
		}
		if o, ok := p.stillOver(k); ok {
			z := &zipFile{path: c.Path, over: true, added: o.Entries, key: key}
			z.gaveUp.Store(true)
			p.zips = append(p.zips, z)
			continue
		}
		z, err := createZip(open, dir, c.Path, opts.Date, n)
		if err != nil {
			return Result{}, err
		}
		z.key = key
		p.openPrevious(z)
		p.zips = append(p.zips, z)
	}
	var phases [render.PhaseWorker + 1][]int
	for i, f := range p.files {
		phases[f.Phase] = append(phases[f.Phase], i)
	}
	for _, files := range phases[:render.PhaseOffline] {
		if err := p.run(ctx, files, true, true); err != nil {
			return Result{}, err
		}
	}
	// The zipped copies of the later files state no size: zip them now,
	// then close the zips, whose sizes these files state.
	for _, files := range phases[render.PhaseOffline:] {
		if err := p.run(ctx, files, false, true); err != nil {
			return Result{}, err
		}
	}
	res, err := p.closeZips()
	if err != nil {
		return Result{}, err
	}
	for _, files := range phases[render.PhaseOffline:] {
		if err := p.run(ctx, files, true, false); err != nil {
			return Result{}, err
		}
	}
	res.Made, res.Carried = int(p.made.Load()), int(p.kept.Load())
	res.Prepared, res.Wrote = prepared.Sub(start), time.Since(prepared)
	return res, nil
}

// closeZips finishes the zips and records those kept in the ledger.
func (p *publisher) closeZips() (Result, error) {
	res := Result{Ledger: p.ledger}
	for k, z := range p.zips {
		e, kept, err := z.close()
		if err != nil {
			return Result{}, err
		}
		if !kept {
			res.Over = append(res.Over, z.path)
			res.Overs = append(res.Overs, Over{Path: z.path, Key: p.prefixKey(k, z.added), Entries: z.added})
			continue
		}
		if err := p.ledger.add(e); err != nil {
			return Result{}, err
		}
		if z.carried != nil {
			p.kept.Add(1)
		} else {
			p.made.Add(1)
		}
		res.Zips = append(res.Zips, e)
	}
	p.zips = nil
	return res, nil
}

// abandon closes the zips of a publishing stopped halfway.
func (p *publisher) abandon() {
	for _, z := range p.zips {
		if z.file != nil {
			z.file.Close()
		}
		if z.old != nil {
			z.old.Close()
		}
	}
}

func (p *publisher) makeDirs() error {
	made := map[string]bool{}
	for _, f := range append(p.files, render.File{Path: "offline/x"}) {
		if f.ZipOnly {
			continue // an empty folder would be foreign to the next build
		}
		d := filepath.Join(p.dir, filepath.Dir(filepath.FromSlash(f.Path)))
		if made[d] {
			continue
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		made[d] = true
	}
	return nil
}

// item is a file made by a worker, waiting to be stored in the zips in
// the files' order.
type item struct {
	path string
	to   []stored
}

type stored struct {
	zip  int
	data *compressed
}

// run makes the files, in parallel, a chunk at a time: writes each (site),
// then stores them in the zips (zip) in order while the next chunk is made.
func (p *publisher) run(ctx context.Context, files []int, site, zip bool) error {
	chunk := 64 * p.work
	done := make(chan []item, 1)
	stored := make(chan error, 1)
	go func() {
		var first error
		for items := range done {
			for _, it := range items {
				for _, s := range it.to {
					if err := p.zips[s.zip].add(it.path, s.data); err != nil && first == nil {
						first = err
					}
				}
			}
		}
		stored <- first
	}()
	var err error
	for start := 0; start < len(files) && err == nil; start += chunk {
		part := files[start:min(start+chunk, len(files))]
		items := make([]item, len(part))
		err = pool.Each(ctx, len(part), p.work, func(i int, w *buffers) error {
			var err error
			items[i], err = p.one(part[i], site, zip, w)
			return err
		})
		done <- items
	}
	close(done)
	if e := <-stored; err == nil {
		err = e
	}
	return err
}

type buffers struct{ site, zip bytes.Buffer }

// one writes file i as the site has it (site), and compresses it as each
// of its zips holds it (zip): once per different bytes.
func (p *publisher) one(i int, site, zip bool, w *buffers) (item, error) {
	f := &p.files[i]
	it := item{path: f.Path}
	var made []byte // the site's bytes, from which render makes the zipped ones
	carried := false
	if site && !f.ZipOnly {
		key, zkey := p.siteKey(i), p.r.ZipKey(i)
		if zkey == key {
			zkey = ""
		}
		e, ok := p.carry(f.Path, key)
		if ok {
			p.kept.Add(1)
			carried = true
		} else {
			data, err := p.r.Bytes(i, p.ledger, &w.site)
			made = data
			if err != nil {
				return it, err
			}
			if err := os.WriteFile(filepath.Join(p.dir, filepath.FromSlash(f.Path)), data, 0o644); err != nil {
				return it, err
			}
			p.made.Add(1)
			e = Entry{Path: f.Path, Size: int64(len(data)), Sum: crc64.Checksum(data, crcTable), Key: key, ZKey: zkey}
		}
		if err := p.ledger.add(e); err != nil {
			return it, err
		}
	}
	if !zip {
		return it, nil
	}
	type variant struct {
		same func(int) bool
		data *compressed
	}
	var variants []variant
	for _, k := range f.Copies {
		z := p.zips[k]
		if z.carried != nil || z.gaveUp.Load() {
			continue
		}
		if c := p.previousEntry(z, i, func() ([]byte, error) {
			data, _, err := p.r.Zipped(i, k, p.ledger, nil, &w.zip)
			return data, err
		}); c != nil {
			it.to = append(it.to, stored{k, c})
			continue
		}
		if carried {
			// The zipped copies are made from the site's bytes, and a
			// city page's from what Bytes found it states.
			data, err := p.r.Bytes(i, p.ledger, &w.site)
			if err != nil {
				return it, err
			}
			made, carried = data, false
		}
		var c *compressed
		for _, v := range variants {
			if v.same(k) {
				c = v.data
				break
			}
		}
		if c == nil {
			data, same, err := p.r.Zipped(i, k, p.ledger, made, &w.zip)
			if err != nil {
				return it, err
			}
			c = compress(data)
			variants = append(variants, variant{same, c})
		}
		it.to = append(it.to, stored{k, c})
	}
	p.r.Done(i)
	return it, nil
}
