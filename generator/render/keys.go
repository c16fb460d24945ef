package render

import (
	"encoding/hex"
	"hash"
	"hash/fnv"
	"sort"
	"strconv"
	"time"
)

// Input keys name what each file is made from, without making it, so that
// a build over the previous output carries over the files whose key did
// not change (publish). A key is a hash of:
//   - what every page may show: abri's version, the whole theme, the files
//     of the guide other than listings (site.yaml, categories.yaml, pages),
//     the day of the build, and an index of the listings: per listing what
//     other pages than its own show of it besides its card (id, city,
//     categories, its services' categories; counts follow from these);
//   - the file's path;
//   - the sums of exactly the listings the file shows (content.Listing.Sum).
//
// Files of ready bytes (assets, the search index) are keyed by their
// bytes. Files stating the sizes of others are keyed by those others'
// keys, which decide their sizes. When unsure a key takes more: a key
// too wide costs time, one too narrow makes a wrong site
// (TestIncrementalEqualsFull).
type keys struct {
	site   []string // by job: the file as the site has it; "" when always made
	zipped []string // by job: the file as the zips hold it
	copies []string // by copy: the zip, from its entries' keys in order
}

// Key is the input key of file i as the site has it; "" when the file is
// made again in every build (the service worker, named from every file).
func (r *Renderer) Key(i int) string { return r.keys.site[i] }

// ZipKey is the input key of file i as the offline copies hold it: the
// same as Key but for the offline copies pages, whose zipped copies state
// no size.
func (r *Renderer) ZipKey(i int) string { return r.keys.zipped[i] }

// CopyKey is the input key of offline copy k: of its entries, in order.
func (r *Renderer) CopyKey(k int) string { return r.keys.copies[k] }

// KeysTook is how long computing the input keys took (benchmarks).
func (r *Renderer) KeysTook() time.Duration { return r.keysTook }

// makeKeys computes every key, once the files and copies are listed.
func (r *Renderer) makeKeys() {
	start := time.Now()
	defer func() { r.keysTook = time.Since(start) }()
	global := r.globalKey()
	n := len(r.jobs)
	ks := keys{site: make([]string, n), zipped: make([]string, n), copies: make([]string, len(r.copies))}
	for i := range r.jobs {
		ks.site[i] = r.baseKey(&r.jobs[i], global)
	}
	// City pages state what saving them downloads, so they take the keys
	// of those files; the lists of those files take the city page's too.
	for i := range r.jobs {
		if j := &r.jobs[i]; r.files[i].Phase == PhaseCities {
			ks.site[i] = r.sizesKey(ks.site[i], ks.site, r.saved[saveKey{j.lang, j.city}])
		}
	}
	for i := range r.jobs {
		if j := &r.jobs[i]; j.kind == "save" {
			city := r.byPath[cityPage(j.lang, j.city)]
			ks.site[i] = r.sizesKey(ks.site[i], ks.site, append([]int{city}, r.saved[saveKey{j.lang, j.city}]...))
		}
	}
	copy(ks.zipped, ks.site)
	ks.copies = r.copyKeys(ks.zipped)
	for i := range r.jobs {
		switch j := &r.jobs[i]; {
		case r.files[i].Phase == PhaseOffline:
			// The site's copy states the zips' sizes; the zipped copy, made
			// before the zips are complete, states none.
			h := newKey(ks.site[i])
			for _, k := range r.langCopies[j.lang] {
				writeString(h, ks.copies[k])
			}
			ks.site[i] = sum(h)
		case j.kind == "worker":
			ks.site[i], ks.zipped[i] = "", ""
		}
	}
	r.keys = ks
}

// globalKey sums what any page may show.
func (r *Renderer) globalKey() string {
	h := fnv.New128a()
	s, th := r.site, r.site.theme
	writeString(h, r.version)
	writeString(h, r.site.today.String())
	h.Write(r.guide.Sum[:])
	for _, name := range sortedKeys(th.Sources) {
		writeString(h, name)
		writeString(h, th.Sources[name])
	}
	for _, name := range sortedKeys(th.Assets) {
		writeString(h, name)
		writeString(h, th.Assets[name].Path)
		writeBytes(h, th.Assets[name].Data)
	}
	for _, name := range sortedKeys(th.Icons) {
		writeString(h, name)
		writeString(h, string(th.Icons[name]))
	}
	writeBytes(h, th.Worker)
	for _, lang := range sortedKeys(th.Strings) {
		for _, k := range sortedKeys(th.Strings[lang]) {
			writeString(h, lang+"\x00"+k)
			writeString(h, th.Strings[lang][k])
		}
	}
	for _, code := range sortedKeys(th.LangNames) {
		writeString(h, code)
		writeString(h, th.LangNames[code])
	}
	writeString(h, strconv.Itoa(r.guide.Drafts))
	for _, l := range s.Listings {
		writeString(h, l.ID)
		writeString(h, strconv.FormatBool(l.Closed))
		if l.City != nil {
			writeString(h, l.City.Slug)
			writeString(h, l.City.Name)
		} else {
			writeString(h, "\x00")
		}
		for _, c := range l.source.Categories {
			if c.Category != nil {
				writeString(h, c.ID)
			}
		}
		writeString(h, "\x00")
		for _, sv := range l.source.Services {
			if sv.Category.Category != nil {
				writeString(h, sv.Category.ID)
			}
		}
		writeString(h, "\x00")
	}
	return sum(h)
}

// baseKey is the key of a job from the global key, its path and the
// listings it shows.
func (r *Renderer) baseKey(j *job, global string) string {
	if j.tmpl == nil && j.kind != "save" && j.kind != "worker" {
		h := newKey(j.path)
		writeBytes(h, j.data)
		return sum(h)
	}
	h := newKey(global)
	writeString(h, j.path)
	for _, l := range r.shown(j) {
		h.Write(l.source.Sum[:])
	}
	if j.kind == "opendata" {
		r.openDataKey(h)
	}
	if j.kind == "offline" {
		r.coverageKey(h)
	}
	return sum(h)
}

// shown lists the listings whose own content (beyond what the global key
// holds) a page shows, in the order it shows them.
func (r *Renderer) shown(j *job) []*Listing {
	s := r.site
	switch j.kind {
	case "root", "home", "404", "unsaved", "offline", "search", "cities", "page", "save", "worker", "opendata", "list":
		return nil
	case "listing":
		return []*Listing{j.listing}
	case "category", "category-city":
		var out []*Listing
		if p := s.paged(j); p != nil {
			out = p.Listings
		}
		if j.kind == "category" && len(j.category.Listings) <= PerPage {
			out = append(out, j.category.Listings...) // fits: all by city
		}
		return out
	case "city", "print":
		return j.city.Listings
	case "print-category":
		for _, g := range j.city.ByCategory {
			if g.Category == j.category {
				return g.Listings
			}
		}
		return j.city.Listings
	}
	return s.Listings // a kind unknown here: all, to be safe
}

// sizesKey is key with those of files whose sizes the file states.
func (r *Renderer) sizesKey(key string, all []string, files []int) string {
	h := newKey(key)
	for _, i := range files {
		writeString(h, all[i])
	}
	return sum(h)
}

// copyKeys keys each zip by its entries, in the order publish stores them:
// by phase, then in the files' order.
func (r *Renderer) copyKeys(zipped []string) []string {
	hs := make([]hash.Hash, len(r.copies))
	for k, c := range r.copies {
		hs[k] = newKey(c.Path)
	}
	for phase := PhasePages; phase <= PhaseWorker; phase++ {
		for i, f := range r.files {
			if f.Phase != phase {
				continue
			}
			for _, k := range f.Copies {
				writeString(hs[k], f.Path)
				writeString(hs[k], zipped[i])
			}
		}
	}
	out := make([]string, len(hs))
	for k, h := range hs {
		out[k] = sum(h)
	}
	return out
}

func newKey(first string) hash.Hash {
	h := fnv.New128a()
	writeString(h, first)
	return h
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

func writeString(h hash.Hash, s string) { writeBytes(h, []byte(s)) }

// writeBytes writes b after its length, so that two fields never run
// into each other.
func writeBytes(h hash.Hash, b []byte) {
	var n [8]byte
	for i, l := 0, uint64(len(b)); i < 8; i, l = i+1, l>>8 {
		n[i] = byte(l)
	}
	h.Write(n[:])
	h.Write(b)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
