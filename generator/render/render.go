// Package render turns a loaded guide and theme into the files of a static
// site. Per-listing and per-category work is done once in the views; each
// page only picks its language's words. Pages are rendered in parallel.
//
// Layout of the output (every link is relative and points at a file, so the
// same folder works on a CDN, under a sub-path and from a USB stick):
//
//	index.html                      chooses the reader's language
//	404.html                        not-found page (links from the site root)
//	assets/<name>.<hash>.<ext>      fingerprinted CSS, scripts, icons
//	<lang>/index.html               home
//	<lang>/cities.html              index of towns, past citiesPerPage of
//	                                them; page k >= 2: cities.<k>.html
//	<lang>/categories/<id>.html     one per category: its cities with counts,
//	                                and its places when they fit one page
//	<lang>/categories/<id>.<city>.html
//	                                the category in one city, one per
//	                                category and city it has places in; page
//	                                k >= 2 of such a list: <id>.<city>.<k>.html
//	<lang>/cities/<slug>.html       one per city: its places by category when
//	                                they fit one page, else its categories
//	<lang>/print/<slug>.html        print edition of a city; past printSplitAt
//	                                places, an index of <slug>.<category>.html
//	<lang>/places/<id>.html         one per listing
//	<lang>/pages/<slug>.html        one per Markdown page
//	<lang>/list.html                the reader's saved places (app.js, localStorage)
//	<lang>/404.html                 not-found page in that language
//	<lang>/unsaved.html             offline, a page this phone has not kept (sw.js)
//
// Lists of places hold at most PerPage places a page, so that no page
// grows with the guide; kinds lists every kind of page.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/url"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/internal/pool"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/opendata"
	"github.com/abri-guide/abri/generator/search"
	"github.com/abri-guide/abri/generator/theme"
)

// Options tune a render.
type Options struct {
	Today   content.Date // day of the build: notices and closures in force
	Workers int          // parallel renderers; 0 means one per CPU
	// Previous is an earlier Renderer of the same guide and theme (abri
	// serve): the views of listings that did not change are reused.
	Previous *Renderer
	// Version names the abri that renders, for the files' input keys
	// (keys.go): another abri may make other bytes of the same input.
	Version string
	// Coverage is, per language but the source language, how much is
	// translated; the offline copies pages state it. nil states nothing.
	Coverage []Coverage
}

// job is one file to write: a page to render, or ready bytes. Jobs are
// small: the page's data is made only when it is rendered.
type job struct {
	path     string
	tmpl     *template.Template
	lang     string
	kind     string
	rest     string
	root     string
	category *Category
	city     *City
	listing  *Listing
	md       *MDPage
	data     []byte
	single   bool   // for a zip: only this language
	save     *Save  // for city pages, once sizes are known
	stem     string // of a list spread over pages: rest of its first page without .html
	part     int    // of such a list: which page, from 0
	zips     []Zip  // for offline copies pages, once the zips are written
	asked    *[]string
}

// page makes the data a job's template receives.
func (s *Site) jobPage(j *job) *Page {
	p := s.page(j.lang, j.kind, j.rest, j.root)
	p.Category, p.City, p.Listing, p.MD = j.category, j.city, j.listing, j.md
	p.Single, p.Save, p.asked = j.single, j.save, j.asked
	for i := range j.zips {
		if j.zips[i].City == nil {
			p.Zip = &j.zips[i]
		} else {
			p.CityZips = append(p.CityZips, j.zips[i])
		}
	}
	p.List = s.paged(j)
	switch {
	case j.category != nil && j.city != nil:
		p.Title = p.Plain(j.category.Name) + " — " + j.city.Name
	case j.category != nil:
		p.Title = p.Plain(j.category.Name)
	case j.city != nil:
		p.Title = j.city.Name
	case j.listing != nil:
		p.Title = j.listing.Name
	case j.md != nil:
		p.Title = p.Plain(j.md.Title)
	case j.kind == "search":
		p.Title = p.strings["search_title"]
	case j.kind == "opendata":
		p.Title = p.strings["open_data"]
	case j.kind == "list":
		p.Title = p.strings["list_title"]
	}
	if p.List != nil && p.List.Of > 1 {
		n, _ := p.strings.Format("page_k_of_n", "k", strconv.Itoa(p.List.N), "n", strconv.Itoa(p.List.Of))
		p.Title += " (" + n + ")"
	}
	return p
}

// Renderer is a site ready to render: views built, templates parsed. Pages
// are rendered all at once by Write, or one by one by File (abri serve).
type Renderer struct {
	site   *Site
	jobs   []job
	byPath map[string]int

	// The search index is made on the first request for it (abri serve),
	// so that saving a listing does not wait for it.
	index     func() ([]search.File, error)
	indexOf   func(*content.Guide) ([]search.File, error) // the index of a guide, or of a city's part of it
	guide     *content.Guide
	indexOnce sync.Once
	indexed   map[string][]byte
	indexErr  error

	// The open data (opendata.go), made once, on the first request for it.
	dataOnce   sync.Once
	data       []opendata.File
	dataByPath map[string][]byte
	dataErr    error

	// Made by Prepare, for publish (files.go).
	files       []File
	copies      []Copy
	langCopies  map[string][]int  // language -> its copies, the whole language's first
	cityCopy    map[saveKey]int   // the copy of a city in a language
	saved       map[saveKey][]int // jobs saving a city downloads, beside its page
	saves       []*Save           // by job: what the city page states, once rendered
	asked       [][]string        // by job: the links its page made, from Bytes to Zipped
	cityIndexed bool              // each city's copy has its own search index
	keys        keys              // the files' input keys (keys.go)
	version     string            // Options.Version
	keysTook    time.Duration
}

// New prepares the site of a guide. Nothing is rendered yet.
func New(g *content.Guide, th *theme.Theme, md *markdown.Renderer, opts Options) (*Renderer, error) {
	var reuse map[*content.Listing]*Listing
	if p := opts.Previous; p != nil && p.site.today == opts.Today && p.site.given == th {
		reuse = map[*content.Listing]*Listing{}
		for _, l := range p.site.Listings {
			reuse[l.source] = l
		}
	}
	given := th
	// Strings not translated yet show the source language's (a warning of the checks).
	th = th.WithFallback(g.Site.Langs())
	site, err := newSite(g, th, md, opts.Today, reuse)
	if err != nil {
		return nil, err
	}
	site.given = given
	tmpls := map[string]map[string]*template.Template{}
	for _, lang := range site.Langs {
		if tmpls[lang], err = parseTemplates(th, lang); err != nil {
			return nil, err
		}
	}
	site.prepareReuse(tmpls)
	if err := site.prepareCards(tmpls); err != nil {
		return nil, err
	}
	site.Coverage = opts.Coverage
	r := &Renderer{site: site, jobs: site.jobs(tmpls), byPath: map[string]int{}, version: opts.Version}
	// The views hold each listing's hours for hours.js already: the index reuses them.
	status := make(map[*content.Listing]*Listing, len(site.Listings))
	for _, l := range site.Listings {
		status[l.source] = l
	}
	r.guide = g
	words := &search.Words{} // the same in every city's index
	r.indexOf = func(g *content.Guide) ([]search.File, error) {
		return search.Build(g, search.Options{
			Words: words,
			Hours: func(l *content.Listing) ([]byte, error) { return []byte(status[l].Status), nil },
			ServiceHours: func(l *content.Listing, sv *content.Service) ([]byte, error) {
				for i := range l.Services {
					if &l.Services[i] == sv {
						return []byte(status[l].Services[i].Status), nil
					}
				}
				return nil, fmt.Errorf("%s: no such service", l.ID)
			},
		})
	}
	r.index = func() ([]search.File, error) { return r.indexOf(g) }
	site.openData = r.dataFiles
	if err := claim(r.byPath, r.jobs, 0); err != nil {
		return nil, err
	}
	return r, nil
}

// claim records the path of each job from jobs[from:] and refuses a path
// already taken, by the same letters in any case: a site is copied to USB
// sticks and unzipped on systems where Lyon.html and lyon.html are one
// file. Content checks keep names apart, so this is abri's own error.
func claim(byPath map[string]int, jobs []job, from int) error {
	folded := make(map[string]int, len(byPath))
	for p, i := range byPath {
		folded[strings.ToLower(p)] = i
	}
	for i := from; i < len(jobs); i++ {
		key := strings.ToLower(jobs[i].path)
		if prev, dup := folded[key]; dup {
			return fmt.Errorf("internal error: %s and %s would both be written to %s", jobs[prev].source(), jobs[i].source(), jobs[i].path)
		}
		folded[key], byPath[jobs[i].path] = i, i
	}
	return nil
}

// source says what a job renders, for internal errors.
func (j *job) source() string {
	switch {
	case j.category != nil && j.city != nil:
		return fmt.Sprintf("the %s page of %q in %q", j.kind, j.category.ID, j.city.Name)
	case j.category != nil:
		return fmt.Sprintf("the category %q", j.category.ID)
	case j.city != nil:
		return fmt.Sprintf("the city %q", j.city.Name)
	case j.listing != nil:
		return fmt.Sprintf("the listing %s", j.listing.source.Path)
	case j.md != nil:
		return fmt.Sprintf("the page %q", j.md.Slug)
	case j.tmpl != nil:
		return fmt.Sprintf("the %s page of %s", j.kind, j.lang)
	}
	return "the file " + j.path
}

// searchFiles makes the search index once.
func (r *Renderer) searchFiles() (map[string][]byte, error) {
	r.indexOnce.Do(func() {
		files, err := r.index()
		r.indexed, r.indexErr = map[string][]byte{}, err
		for _, f := range files {
			r.indexed[f.Path] = f.Data
		}
	})
	return r.indexed, r.indexErr
}

// File renders one file of the site, by its slash path from the site root
// (fr/places/halte.html). ok is false when the site has no such file.
func (r *Renderer) File(path string) (data []byte, ok bool, err error) {
	if strings.HasPrefix(path, "search/") {
		index, err := r.searchFiles()
		data, ok := index[path]
		return data, ok, err
	}
	if isData(path) {
		_, err := r.dataFiles()
		data, ok := r.dataByPath[path]
		return data, ok, err
	}
	i, ok := r.byPath[path]
	if !ok {
		return nil, false, nil
	}
	j := &r.jobs[i]
	if j.tmpl == nil {
		return j.data, true, nil
	}
	var buf bytes.Buffer
	if err := j.tmpl.Execute(&buf, r.site.jobPage(j)); err != nil {
		return nil, true, fmt.Errorf("rendering %s: %v", j.path, err)
	}
	return buf.Bytes(), true, nil
}

// Paths lists every file File renders, in a fixed order, the search index
// and the open data last (they are made now if they were not yet). Zips,
// made only by Write, are not in it.
func (r *Renderer) Paths() ([]string, error) {
	paths := make([]string, 0, len(r.jobs))
	for _, j := range r.jobs {
		if j.tmpl != nil || !(strings.HasPrefix(j.path, "search/") || isData(j.path)) {
			paths = append(paths, j.path)
		}
	}
	index, err := r.searchFiles()
	var search []string
	for p := range index {
		search = append(search, p)
	}
	sort.Strings(search)
	paths = append(paths, search...)
	data, derr := r.dataFiles()
	for _, f := range data {
		paths = append(paths, f.Path)
	}
	if err == nil {
		err = derr
	}
	return paths, err
}

// parseTemplates parses the templates of one language: the layout and
// partials once, then each page kind on a clone.
func parseTemplates(th *theme.Theme, lang string) (map[string]*template.Template, error) {
	var base *template.Template
	for _, name := range []string{"base", "partials"} {
		src, ok := th.Sources[name]
		if !ok {
			return nil, fmt.Errorf("%s/templates/%s.html: missing", th.Root, name)
		}
		t := template.New(name)
		if base != nil {
			t = base.New(name)
		}
		if _, err := t.Parse(localize(inlineIcons(src, th.Icons), th.Strings[lang])); err != nil {
			return nil, fmt.Errorf("%s/templates/%s.html: %v", th.Root, name, err)
		}
		if base == nil {
			base = t
		}
	}
	out := map[string]*template.Template{}
	for _, k := range kinds {
		kind := k.template
		if out[kind] != nil {
			continue
		}
		src, ok := th.Sources[kind]
		if !ok {
			return nil, fmt.Errorf("%s/templates/%s.html: missing", th.Root, kind)
		}
		t, err := template.Must(base.Clone()).New(kind).Parse(localize(inlineIcons(src, th.Icons), th.Strings[lang]))
		if err != nil {
			return nil, fmt.Errorf("%s/templates/%s.html: %v", th.Root, kind, err)
		}
		if kind != "root" && kind != "unsaved" {
			// Page kinds define "main" and are laid out by base; the root
			// page and the "not saved" page, shown at any address, are whole.
			t = t.Lookup("base")
		}
		out[kind] = t
	}
	return out, nil
}

// jobs lists every file of the site, in a fixed order.
func (s *Site) jobs(all map[string]map[string]*template.Template) []job {
	s.rootTmpl = map[string]*template.Template{}
	for lang, t := range all {
		s.rootTmpl[lang] = t["root"]
	}
	var jobs []job
	names := make([]string, 0, len(s.theme.Assets))
	for name := range s.theme.Assets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		a := s.theme.Assets[name]
		jobs = append(jobs, job{path: a.Path, data: a.Data})
	}
	jobs = append(jobs, s.iconJobs()...)
	jobs = append(jobs, s.manifests()...)
	src := s.Langs[0]
	var rests []string // the source language's pages, for the sitemap
	jobs = append(jobs,
		job{path: "index.html", tmpl: all[src]["root"], lang: src, kind: "root", rest: "index.html"},
		job{path: "404.html", tmpl: all[src]["404"], lang: src, kind: "404", rest: "404.html", root: s.rootPath()})
	for _, lang := range s.Langs {
		tmpls := all[lang]
		add := func(j job) {
			k := kindOf[j.kind]
			if j.rest == "" {
				j.rest = k.path
			}
			j.path, j.tmpl, j.lang, j.root = lang+"/"+j.rest, tmpls[k.template], lang, k.root
			if j.root == "" {
				j.root = s.rootPath()
			}
			if k.sitemap && lang == src {
				rests = append(rests, j.rest)
			}
			jobs = append(jobs, j)
		}
		// list adds the pages of a list of n places: its first page at
		// stem.html, page k >= 2 at stem.<k>.html.
		list := func(j job, stem string, n int) {
			for part := range pages(n) {
				j.stem, j.part, j.rest = stem, part, partRest(stem, part)
				add(j)
			}
		}
		add(job{kind: "home"})
		add(job{kind: "404"})
		add(job{kind: "unsaved"})
		add(job{kind: "offline"})
		add(job{kind: "search"})
		add(job{kind: "opendata"})
		add(job{kind: "list"})
		if len(s.Cities) > citiesPerPage {
			for part := range pagesOf(len(s.Cities), citiesPerPage) {
				add(job{kind: "cities", stem: "cities", part: part, rest: partRest("cities", part)})
			}
		}
		for _, c := range s.allCategories() {
			list(job{kind: "category", category: c}, "categories/"+c.ID, len(c.elsewhere()))
		}
		for _, c := range s.allCategories() {
			for _, g := range c.ByCity {
				if g.City != nil {
					list(job{kind: "category-city", category: c, city: g.City}, "categories/"+c.ID+"."+g.City.Slug, len(g.Listings))
				}
			}
		}
		for _, c := range s.Cities {
			add(job{kind: "city", rest: "cities/" + c.Slug + ".html", city: c})
			add(job{kind: "print", rest: "print/" + c.Slug + ".html", city: c})
			if printSplit(c) {
				for _, g := range c.ByCategory {
					add(job{kind: "print-category", rest: "print/" + c.Slug + "." + g.Category.ID + ".html", city: c, category: g.Category})
				}
			}
		}
		for _, l := range s.Listings {
			add(job{kind: "listing", rest: "places/" + l.ID + ".html", listing: l})
		}
		for _, m := range s.Pages {
			add(job{kind: "page", rest: "pages/" + m.Slug + ".html", md: m})
		}
	}
	return append(jobs, s.hostFiles(rests)...)
}

var constantT = regexp.MustCompile(`\{\{\s*(?:\$p|\$|\.P|\$\.P)?\.T\s+"([a-z0-9_]+)"\s*\}\}`)

// localize replaces the interface strings that a template asks for by
// constant key ({{.T "hours"}}) with their text, escaped, once per language,
// so that pages do not look them up one by one. The text is escaped for
// HTML text and quoted attributes, the only places templates put words.
func localize(src string, strs theme.Strings) string {
	return constantT.ReplaceAllStringFunc(src, func(m string) string {
		key := constantT.FindStringSubmatch(m)[1]
		s, ok := strs[key]
		if !ok {
			return m // left for the template to report
		}
		return template.HTMLEscapeString(s)
	})
}

// card is a listing's list item in one language, rendered at most once.
// Cards are shown on category and city pages, which all sit at the same
// depth, so one rendering serves every page.
type card struct {
	once sync.Once
	html template.HTML
	err  error
}

func (s *Site) prepareCards(tmpls map[string]map[string]*template.Template) error {
	s.cards = map[string][][]card{}
	s.cardTmpl = map[string]*template.Template{}
	for _, lang := range s.Langs {
		s.cards[lang] = make([][]card, len(s.Listings))
		for i, l := range s.Listings {
			s.cards[lang][i] = make([]card, 1+len(l.Services))
		}
		if s.cardTmpl[lang] = tmpls[lang]["city"].Lookup("card"); s.cardTmpl[lang] == nil {
			return fmt.Errorf("%s/templates/partials.html: no \"card\" template", s.theme.Root)
		}
	}
	return nil
}

// card returns the card of l in lang, rendering it the first time: with
// the place's status (variant 0) or, on the pages of a category where one
// of its services' hours apply, that service's (variant 1 + its index).
func (s *Site) card(lang string, l *Listing, variant int) (template.HTML, error) {
	c := &s.cards[lang][l.Index][variant]
	c.once.Do(func() {
		var buf bytes.Buffer
		p := s.page(lang, "city", "cities/x.html", "../../")
		v := l
		if variant > 0 {
			cv := *l
			cv.Status = l.Services[variant-1].Status
			v = &cv
		}
		if err := s.cardTmpl[lang].Execute(&buf, p.With(v)); err != nil {
			c.err = fmt.Errorf("rendering the card of %s: %v", l.ID, err)
			return
		}
		c.html = template.HTML(buf.String())
	})
	return c.html, c.err
}

// renderCards renders every card in parallel before the pages that list
// them; the variants of services, which few listings have, as pages ask.
func (s *Site) renderCards(ctx context.Context, workers int) error {
	n := len(s.Listings)
	if workers <= 0 {
		workers = 4 * runtime.GOMAXPROCS(0)
	}
	return pool.Each(ctx, n*len(s.Langs), workers, func(i int, _ *struct{}) error {
		_, err := s.card(s.Langs[i/n], s.Listings[i%n], 0)
		return err
	})
}

// allCategories lists every category, parents before children.
func (s *Site) allCategories() []*Category {
	var out []*Category
	var walk func(cs []*content.Category)
	walk = func(cs []*content.Category) {
		for _, c := range cs {
			out = append(out, s.ByID[c.ID])
			walk(c.Children)
		}
	}
	walk(s.guide.Categories)
	return out
}

// rootPath is the site root as seen from 404 pages, which a server shows at
// any address: "/" or the path of base_url.
func (s *Site) rootPath() string {
	if u, err := url.Parse(string(s.guide.Site.BaseURL)); err == nil && u.Path != "" {
		p := u.Path
		if p[len(p)-1] != '/' {
			p += "/"
		}
		return p
	}
	return "/"
}

func (s *Site) page(lang, kind, rest, root string) *Page {
	p := &Page{Site: s, Lang: lang, Dir: Direction(lang), Root: root, Rest: rest, Kind: kind, strings: s.theme.Strings[lang]}
	if kind != "root" && kind != "404" {
		p.Canonical = s.canonical(lang + "/" + rest)
	}
	return p
}

// bytes renders a job, in buf when it is a page.
func (s *Site) bytes(j *job, buf *bytes.Buffer) ([]byte, error) {
	if j.tmpl == nil {
		return j.data, nil
	}
	buf.Reset()
	if err := j.tmpl.Execute(buf, s.jobPage(j)); err != nil {
		return nil, fmt.Errorf("rendering %s: %v", j.path, err)
	}
	return buf.Bytes(), nil
}
