package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// Options are what the index needs from the rest of the build.
type Options struct {
	// PlacePath is the path of a listing's page below a language folder,
	// {id} standing for the listing's id. "" means places/{id}.html.
	PlacePath string
	// Hours returns the opening hours of a listing as the JSON that the
	// theme's hours.js reads (abriHours.status), or nil when it has none.
	// Optional: without it the index has no hours, and the search page
	// offers no "open now" filter.
	Hours func(*content.Listing) ([]byte, error)
	// ServiceHours returns the hours of one of a listing's services, as
	// Hours does. With it, a search for a category judges a place by the
	// hours of its service of that category (content.Listing.ServiceFor).
	ServiceHours func(*content.Listing, *content.Service) ([]byte, error)

	AreaSize   int // listings per area shard; 0 means 500
	BlockSize  int // listings per record block; 0 means 16
	ShardBytes int // bytes of a shard of words before gzip; 0 means 16 KiB
	// CommonWords: a word found outside names in more than this share of
	// the listings (and more than 200 of them) is not indexed there. 0
	// means 0.2.
	CommonWords float64
	// Words, when not nil, keeps the words of categories from one Build to
	// the next of the same guide (an index per city): they depend only on
	// the categories and languages, and making them was most of the time
	// of a city's index.
	Words *Words
}

func (o *Options) defaults() {
	if o.AreaSize <= 0 {
		o.AreaSize = 500
	}
	if o.BlockSize <= 0 {
		o.BlockSize = 16
	}
	if o.ShardBytes <= 0 {
		o.ShardBytes = 16 << 10
	}
	if o.CommonWords <= 0 {
		o.CommonWords = 0.2
	}
	if o.PlacePath == "" {
		o.PlacePath = "places/{id}.html"
	}
}

// File is a file of the index, to write at Path (a slash path from the
// site's root) as it is.
type File struct {
	Path string
	Data []byte
}

// Build makes the search index of a guide: for each language an entry
// script search/<lang>.js, and the shards it leads to in
// search/<version>/, where version is a hash of their contents, so that a
// reader's browser never mixes the shards of two builds. The same guide
// gives the same bytes.
func Build(g *content.Guide, opts Options) ([]File, error) {
	opts.defaults()
	if !strings.Contains(opts.PlacePath, "{id}") {
		return nil, fmt.Errorf("search: Options.PlacePath %q has no {id}", opts.PlacePath)
	}
	b := &builder{g: g, opts: opts, lay: newLayout(g, opts.AreaSize), langs: g.Site.Langs()}
	b.numberCategories()
	b.spoken = spokenLangs(b.lay.entries)
	if err := b.shared(); err != nil {
		return nil, err
	}
	for _, lang := range b.langs {
		if err := b.language(lang); err != nil {
			return nil, err
		}
	}
	return b.files(), nil
}

// builder holds one build of the index.
type builder struct {
	g      *content.Guide
	opts   Options
	lay    *layout
	langs  []string
	cats   []*content.Category // every category, parents first
	catNum map[string]int
	spoken []string         // spoken languages, the most common first
	data   []File           // shards, paths relative to the version folder
	metas  map[string]*meta // language -> its entry's data
}

// register wraps data in the call that hands it to search.js.
func register(key string, data any) ([]byte, error) {
	js, err := marshalJS(data)
	if err != nil {
		return nil, err
	}
	return []byte("abriSearch.add(" + strconv.Quote(key) + "," + string(js) + ");\n"), nil
}

func (b *builder) add(key, path string, data any) error {
	js, err := register(key, data)
	if err != nil {
		return fmt.Errorf("search: %s: %v", path, err)
	}
	b.data = append(b.data, File{Path: path, Data: js})
	return nil
}

func (b *builder) numberCategories() {
	b.catNum = map[string]int{}
	var walk func([]*content.Category)
	walk = func(cs []*content.Category) {
		for _, c := range cs {
			b.catNum[c.ID] = len(b.cats)
			b.cats = append(b.cats, c)
			walk(c.Children)
		}
	}
	walk(b.g.Categories)
}

// shared writes the shards every language uses: areas, records and the
// listings of each category.
func (b *builder) shared() error {
	langNum := map[string]int{}
	for i, l := range b.spoken {
		langNum[l] = i
	}
	es := b.lay.entries
	for i, a := range b.lay.areas {
		sh, err := b.buildArea(a, es[a.first:a.first+a.count], langNum)
		if err != nil {
			return err
		}
		if err := b.add("a"+strconv.Itoa(i), "a"+strconv.Itoa(i)+".js", sh); err != nil {
			return err
		}
	}
	for i := 0; i*b.opts.BlockSize < len(es); i++ {
		block := es[i*b.opts.BlockSize : min(len(es), (i+1)*b.opts.BlockSize)]
		recs, err := b.records(block)
		if err != nil {
			return err
		}
		if err := b.add("r"+strconv.Itoa(i), "r"+strconv.Itoa(i)+".js", recs); err != nil {
			return err
		}
	}
	for i, docs := range b.categoryPostings() {
		if err := b.add("c"+strconv.Itoa(i), "c"+strconv.Itoa(i)+".js", vlqGaps(docs)); err != nil {
			return err
		}
	}
	return b.add("places", "places.js", b.places())
}

// places lists the towns and postal codes of the guide, by name, for the
// suggestions of the page's town and "near" fields.
func (b *builder) places() [][]string {
	var towns, codes []string
	for _, t := range b.lay.towns {
		towns = append(towns, t.name)
	}
	for _, p := range b.lay.postals {
		codes = append(codes, p.name)
	}
	slices.Sort(towns)
	return [][]string{towns, codes}
}

// records are what a result shows: for each listing its id, name, street
// ("" when hidden), the numbers of its top-level categories, postal code,
// town, opening hours (as hours.js reads them, or 0), and the hours of
// its services where they apply: [categories, hours, ...] (categories as
// a list of numbers), or 0.
func (b *builder) records(block []entry) ([]any, error) {
	out := make([]any, 0, recordFields*len(block))
	for _, e := range block {
		var tops []int
		for _, c := range e.l.Categories {
			if n := b.catNum[c.Top().ID]; !slices.Contains(tops, n) {
				tops = append(tops, n)
			}
		}
		var h any = 0
		if b.opts.Hours != nil {
			js, err := b.opts.Hours(e.l)
			if err != nil {
				return nil, fmt.Errorf("search: hours of %s: %v", e.l.ID, err)
			}
			if len(js) > 0 {
				h = json.RawMessage(js)
			}
		}
		var in any = 0
		if b.opts.Hours != nil {
			var pairs []any
			for _, si := range b.servicesIn(e.l) {
				js, err := b.serviceHours(e.l, si.service)
				if err != nil {
					return nil, err
				}
				pairs = append(pairs, vlqList(si.cats), json.RawMessage(js))
			}
			if pairs != nil {
				in = pairs
			}
		}
		out = append(out, e.l.ID, e.l.Name, e.l.Public().Street, vlqList(tops), e.postal, e.city, h, in)
	}
	return out, nil
}

// recordFields is the number of fields of a listing in a record block.
const recordFields = 8

// serviceIn is a service of a listing and the numbers of the categories
// where its hours apply.
type serviceIn struct {
	service *content.Service
	cats    []int
}

// servicesIn lists the services of l whose hours apply where a reader
// looks for one of the categories l is filed under (content.Listing.ServiceFor).
func (b *builder) servicesIn(l *content.Listing) []serviceIn {
	if b.opts.ServiceHours == nil || len(l.Services) == 0 {
		return nil
	}
	var out []serviceIn
	for _, n := range b.filedUnder(l) {
		sv := l.ServiceFor(b.cats[n])
		if sv == nil {
			continue
		}
		i := slices.IndexFunc(out, func(s serviceIn) bool { return s.service == sv })
		if i < 0 {
			i = len(out)
			out = append(out, serviceIn{service: sv})
		}
		out[i].cats = append(out[i].cats, n)
	}
	return out
}

func (b *builder) serviceHours(l *content.Listing, sv *content.Service) ([]byte, error) {
	js, err := b.opts.ServiceHours(l, sv)
	if err == nil && !json.Valid(js) {
		err = fmt.Errorf("not JSON: %.40q", js)
	}
	if err != nil {
		return nil, fmt.Errorf("search: hours of a service of %s: %v", l.ID, err)
	}
	return js, nil
}

// filedUnder returns the numbers of the categories a listing is filed
// under, its services' included, with their ancestors, in increasing order.
func (b *builder) filedUnder(l *content.Listing) []int {
	var out []int
	refs := slices.Clone(l.Categories)
	for _, s := range l.Services {
		refs = append(refs, s.Category)
	}
	for _, r := range refs {
		for c := b.g.ByID[r.ID]; c != nil; c = c.Parent {
			if n := b.catNum[c.ID]; !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return out
}

// categoryPostings lists, for each category, the listings filed under it
// or under one of its descendants, its services' categories included.
func (b *builder) categoryPostings() [][]int {
	out := make([][]int, len(b.cats))
	for i, e := range b.lay.entries {
		for _, n := range b.filedUnder(e.l) {
			out[n] = append(out[n], i)
		}
	}
	for _, docs := range out {
		slices.Sort(docs)
	}
	return out
}

// language writes the shards of words of one language and its entry.
func (b *builder) language(lang string) error {
	idx := indexLanguage(b.lay.entries, b.langs, lang)
	idx.addPlaces(b.lay)
	limit := max(200, int(b.opts.CommonWords*float64(len(b.lay.entries))))
	stop := idx.dropCommon(limit)
	var firsts []string
	for i, sh := range idx.shards(b.opts.ShardBytes) {
		key := lang + "/t" + strconv.Itoa(i)
		if err := b.add(key, key+".js", sh.data); err != nil {
			return err
		}
		firsts = append(firsts, sh.first)
	}
	if b.metas == nil {
		b.metas = map[string]*meta{}
	}
	b.metas[lang] = b.meta(lang, firsts, stop)
	return nil
}

// files returns the shards under their versioned folder, then the entries.
func (b *builder) files() []File {
	h := sha256.New()
	for _, f := range b.data {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	version := hex.EncodeToString(h.Sum(nil))[:10]
	out := make([]File, 0, len(b.data)+len(b.langs))
	for _, f := range b.data {
		out = append(out, File{Path: "search/" + version + "/" + f.Path, Data: f.Data})
	}
	for _, lang := range b.langs {
		m := b.metas[lang]
		m.Version = version
		js, err := register(lang, m)
		if err != nil {
			panic(err) // a meta is plain data: it always encodes
		}
		out = append(out, File{Path: "search/" + lang + ".js", Data: js})
	}
	return out
}
