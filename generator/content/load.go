package content

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Guide is a whole content folder, read and checked.
type Guide struct {
	Site       *Site
	Categories []*Category          // top-level categories, in the editors' order
	ByID       map[string]*Category // every category by id
	Listings   []*Listing           // published listings (not drafts), sorted by id
	Cities     []*City              // the cities of the published listings, sorted by folded name
	Pages      map[string][]*Page   // Markdown page slug -> its files, in the guide's language order
	Drafts     int                  // listings left out because they are drafts
	DraftPages []*Page              // pages left out because they are drafts
	Today      Date                 // day of the build in the guide's time zone; zero when not given
	// Sum names every file read but the listings (site.yaml,
	// categories.yaml, the pages), paths and bytes, in the order read:
	// what every page of the site may show (render's keys).
	Sum [16]byte

	cityOf map[*Listing]*City
}

// Options tune Load.
type Options struct {
	Root  string    // how editors name the content folder in messages, e.g. "content"
	Now   time.Time // the time of the build, for warnings about old information
	Icons []string  // pictograms the theme has; nil skips the check
	Cache *Cache    // optional: reuse listings decoded by an earlier load (abri serve)

	sum *digest // of the files read but listings, set by LoadContext
}

// Load reads and checks a guide. It returns every problem found; the guide
// is usable only when none of them is an error.
func Load(fsys fs.FS, opts Options) (*Guide, Problems) {
	return LoadContext(context.Background(), fsys, opts)
}

// LoadContext is Load that stops reading listings once ctx is done (Ctrl+C
// on a large guide). The caller must then check ctx.Err(): what was read
// is incomplete, and so are its problems.
func LoadContext(ctx context.Context, fsys fs.FS, opts Options) (*Guide, Problems) {
	var ps Problems
	g := &Guide{ByID: map[string]*Category{}, Pages: map[string][]*Page{}}
	opts.sum = newDigest()
	defer func() { g.Sum = opts.sum.sum() }()
	site, siteOK := loadSite(fsys, opts, &ps)
	g.Site = site
	if site.Timezone.Location != nil && !opts.Now.IsZero() {
		g.Today = DateOf(opts.Now.In(site.Timezone.Location))
	}
	// A broken site.yaml does not stop here: what does not depend on its
	// broken part is checked too, so that editors see every mistake in one
	// run. The guide is not returned, it cannot be built.
	g.loadCategories(fsys, opts, &ps)
	if opts.Cache != nil {
		o := opts
		o.sum = nil // the files it reads again are summed once, when loaded
		opts.Cache.reset(fsys, o, g.Today)
	}
	g.loadListings(ctx, fsys, opts, &ps)
	g.fileCities(&ps)
	g.checkNotices(opts.Root, &ps)
	g.loadPages(fsys, opts, &ps)
	ps = summariseUntranslated(summariseLanguages(ps))
	ps.Sort()
	if !siteOK {
		return nil, ps
	}
	return g, ps
}

func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// loadSite reads site.yaml. When it has errors, the site returned holds
// what could be read, for checking the rest of the guide: its languages
// are nil when they could not be read, and texts are then not checked
// against them.
func loadSite(fsys fs.FS, opts Options, ps *Problems) (*Site, bool) {
	site := &Site{StaleAfter: 180}
	data, ok := readFile(fsys, opts, "site.yaml", maxYAML, ps)
	if !ok {
		return site, false
	}
	d := &decoder{path: path.Join(opts.Root, "site.yaml"), problems: ps, site: site}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.syntaxError(data, err, 1)
		return site, false
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		d.errorf(&yaml.Node{Line: 1, Column: 1}, "want a map of fields (title:, languages: ...)")
		return site, false
	}
	// Languages come first: every text of the file is checked against them.
	root := doc.Content[0]
	before := ps.Errors()
	if langs := valueOf(root, "languages"); langs == nil {
		d.errorf(root, "missing required field \"languages\" (e.g. languages: [fr, en])")
	} else {
		d.field = []string{"languages"}
		d.decode(langs, reflectValue(&site.Languages), fieldRules{})
		d.field = nil
		if !site.checkLanguages(d, langs) || ps.Errors() > before {
			site.Languages = nil
		}
	}
	if ps.Errors() == before {
		d.decode(root, reflectValue(site), fieldRules{})
	} else {
		// The rest of the file is checked, its texts against no language;
		// the languages' own errors are reported once, above.
		var rest Problems
		d.problems = &rest
		d.decode(root, reflectValue(site), fieldRules{})
		site.Languages = nil
		for _, p := range rest {
			if !strings.HasPrefix(p.Msg, "languages: ") {
				*ps = append(*ps, p)
			}
		}
	}
	if site.StaleAfter <= 0 {
		site.StaleAfter = 180 // absent, or refused above
	}
	return site, ps.Errors() == before
}

func (s *Site) checkLanguages(d *decoder, n *yaml.Node) bool {
	if len(s.Languages) == 0 {
		d.errorf(n, "languages: list at least one language, the source language first")
		return false
	}
	// Each language is a folder of the site: pt-BR and pt-br would be one
	// folder where case is ignored (a USB stick, a zip unzipped on Windows).
	seen := map[string]Lang{}
	for i, l := range s.Languages {
		if l == "" {
			return false
		}
		if prev, dup := seen[strings.ToLower(string(l))]; dup {
			if prev == l {
				d.errorf(n.Content[i], "languages: %q is listed twice", l)
			} else {
				d.errorf(n.Content[i], "languages: %q is listed twice (as %q)", l, prev)
			}
			return false
		}
		seen[strings.ToLower(string(l))] = l
	}
	return true
}

// langs returns the guide's language codes, the source language first.
func (s *Site) langs() []string {
	out := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		out[i] = string(l)
	}
	return out
}

// Langs returns the guide's language codes, the source language first.
func (s *Site) Langs() []string { return s.langs() }

// valueOf returns the value of key in a mapping node, or nil.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// keyOf returns the key node of key in a mapping node, or the mapping itself.
func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; m != nil && m.Kind == yaml.MappingNode && i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return m
}

func (g *Guide) loadCategories(fsys fs.FS, opts Options, ps *Problems) {
	data, ok := readFile(fsys, opts, "categories.yaml", maxYAML, ps)
	if !ok {
		return
	}
	d := &decoder{path: path.Join(opts.Root, "categories.yaml"), problems: ps, site: g.Site}
	d.decodeDocument(data, &g.Categories)
	var walk func(cs []*Category, parent *Category)
	walk = func(cs []*Category, parent *Category) {
		for _, c := range cs {
			if c == nil || c.ID == "" {
				continue
			}
			c.Parent = parent
			if _, dup := g.ByID[c.ID]; !dup {
				g.ByID[c.ID] = c
			}
			walk(c.Children, c)
		}
	}
	walk(g.Categories, nil)
	checkCategoryIDs(d, data)
	g.checkIcons(d, data, opts.Icons)
}

// checkCategoryIDs refuses an id given twice anywhere in the tree: each
// category is a page, categories/<id>.html, and listings name it by id.
func checkCategoryIDs(d *decoder, data []byte) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return
	}
	first := map[string]*yaml.Node{}
	var walk func(seq *yaml.Node)
	walk = func(seq *yaml.Node) {
		if seq == nil || seq.Kind != yaml.SequenceNode {
			return
		}
		for _, item := range seq.Content {
			if id := valueOf(item, "id"); id != nil && id.Kind == yaml.ScalarNode && id.Value != "" {
				if prev := first[id.Value]; prev != nil {
					d.errorf(id, "id %q is already the id of the category at line %d: ids must be unique in the whole tree", id.Value, prev.Line)
				} else {
					first[id.Value] = id
				}
			}
			walk(valueOf(item, "children"))
		}
	}
	walk(doc.Content[0])
}

// checkIcons makes sure each top-level category has a pictogram of the theme
// and that every icon named below the top level is one (a category without
// one shows its parent's: see Guide.Inheriting).
func (g *Guide) checkIcons(d *decoder, data []byte, icons []string) {
	var doc yaml.Node
	if icons == nil || yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return
	}
	var walk func(cs []*Category, list *yaml.Node)
	walk = func(cs []*Category, list *yaml.Node) {
		for i, c := range cs {
			if c == nil || list == nil || i >= len(list.Content) {
				continue
			}
			n := list.Content[i]
			switch {
			case c.Icon == "" && c.Parent == nil:
				d.errorf(n, "category %q: missing icon (the theme has %s)", c.ID, strings.Join(icons, ", "))
			case c.Icon == "":
				// shows its parent's pictogram
			case !slices.Contains(icons, c.Icon):
				hint := suggest(c.Icon, icons)
				if hint == "" {
					hint = " (the theme has " + strings.Join(icons, ", ") + ")"
				}
				d.errorf(valueOf(n, "icon"), "unknown icon %q%s", c.Icon, hint)
			}
			walk(c.Children, valueOf(n, "children"))
		}
	}
	walk(g.Categories, doc.Content[0])
}

var idPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// IsID reports whether s may be a listing's id, its file name without .yaml.
func IsID(s string) bool { return idPattern.MatchString(s) }

func (g *Guide) loadListings(ctx context.Context, fsys fs.FS, opts Options, ps *Problems) {
	var files []string
	err := fs.WalkDir(fsys, "listings", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case ctx.Err() != nil:
			return fs.SkipAll
		case p != "listings" && strings.HasPrefix(e.Name(), "."):
			if e.IsDir() {
				return fs.SkipDir // .git, .github: the editors' tools, not the guide
			}
		case !e.IsDir():
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		*ps = append(*ps, Problem{Path: path.Join(opts.Root, "listings"), Msg: "cannot read: " + errText(err)})
		return
	}
	sort.Strings(files)
	listings := g.decodeListings(ctx, fsys, opts, files, ps)
	seen := map[string]string{}
	for _, l := range listings {
		if prev, dup := seen[l.ID]; dup {
			*ps = append(*ps, Problem{Path: l.Path, Line: 1, Col: 1, Msg: "id " + l.ID + " is already used by " + prev + " (file names must be unique across the guide)"})
			continue
		}
		seen[l.ID] = l.Path
		if l.Published() {
			g.Listings = append(g.Listings, l)
		} else {
			g.Drafts++
		}
	}
	sort.Slice(g.Listings, func(i, j int) bool { return g.Listings[i].ID < g.Listings[j].ID })
}

// decodeListings reads listing files in parallel; the result keeps the
// files' order. Once ctx is done the remaining files are not read.
func (g *Guide) decodeListings(ctx context.Context, fsys fs.FS, opts Options, files []string, ps *Problems) []*Listing {
	out := make([]*Listing, len(files))
	probs := make([]Problems, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = g.cachedListing(fsys, opts, files[i], &probs[i])
			}
		}()
	}
hand:
	for i := range files {
		select {
		case next <- i:
		case <-ctx.Done():
			break hand
		}
	}
	close(next)
	wg.Wait()
	var listings []*Listing
	for i := range files {
		*ps = append(*ps, probs[i]...)
		if out[i] != nil {
			listings = append(listings, out[i])
		}
	}
	return listings
}

// cachedListing decodes a listing file, or takes it from the cache when
// the file's bytes are those already decoded. The bytes, not the size and
// modification time, decide: cp -p and rsync keep both across an edit.
func (g *Guide) cachedListing(fsys fs.FS, opts Options, file string, ps *Problems) *Listing {
	p := path.Join(opts.Root, file)
	id, ok := listingID(file)
	if !ok {
		*ps = append(*ps, Problem{Path: p, Msg: "listing file names are the place's id: lower-case letters, digits and dashes, ending in .yaml (e.g. halte-solidaire.yaml)"})
		return nil
	}
	var info fs.FileInfo
	if opts.Cache != nil {
		// Lstat: a link is never taken from the cache, readFile checks it.
		if rl, ok := fsys.(fs.ReadLinkFS); ok {
			info, _ = rl.Lstat(file)
		} else {
			info, _ = fs.Stat(fsys, file)
		}
		if info != nil {
			if e, ok := opts.Cache.get(file, info); ok {
				*ps = append(*ps, e.problems...)
				return e.listing
			}
		}
	}
	data, ok := readFile(fsys, opts, file, maxYAML, ps)
	if !ok {
		return nil
	}
	if info == nil || !info.Mode().IsRegular() {
		return g.decodeListing(id, file, p, data, ps)
	}
	var mine Problems
	l := g.decodeListing(id, file, p, data, &mine)
	opts.Cache.put(file, info, l, mine)
	*ps = append(*ps, mine...)
	return l
}

// listingID returns the id a listing file's name gives, if it is one.
func listingID(file string) (string, bool) {
	id, ok := strings.CutSuffix(path.Base(file), ".yaml")
	return id, ok && idPattern.MatchString(id)
}

// file is the listing's path in the content folder, p as messages name it.
func (g *Guide) decodeListing(id, file, p string, data []byte, ps *Problems) *Listing {
	l := &Listing{ID: id, Path: p, File: file, Sum: sumOf(file, data)}
	d := &decoder{path: p, problems: ps, site: g.Site, cats: g.ByID, today: g.Today}
	before := ps.Errors()
	if !d.decodeDocument(data, l) {
		return nil
	}
	if l.Published() {
		*ps = append(*ps, d.todos...)
	}
	if ps.Errors() > before {
		return nil
	}
	if l.Address != nil && l.Address.Hidden {
		l.Sum = publishedSum(file, data)
	}
	return l
}

// loadPages reads pages/<slug>.<lang>.md.
func (g *Guide) loadPages(fsys fs.FS, opts Options, ps *Problems) {
	entries, err := fs.ReadDir(fsys, "pages")
	if err != nil {
		return // pages are optional
	}
	langs := g.Site.langs()
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.IsDir() {
			*ps = append(*ps, Problem{Path: path.Join(opts.Root, "pages", e.Name()), Msg: "pages are read only from pages/ itself, not from its folders: move the files up to pages/, named <slug>.<language>.md"})
			continue
		}
		switch page := g.loadPage(fsys, opts, e.Name(), langs, ps); {
		case page == nil:
		case !page.Published():
			g.DraftPages = append(g.DraftPages, page)
		default:
			g.Pages[page.Slug] = append(g.Pages[page.Slug], page)
		}
	}
	for _, pages := range g.Pages {
		sort.Slice(pages, func(i, j int) bool {
			return slices.Index(langs, pages[i].Lang) < slices.Index(langs, pages[j].Lang)
		})
	}
}

var pageName = regexp.MustCompile(`^([a-z0-9-]+)\.([a-z]{2,3}(?:-[A-Z][A-Za-z]+)?)\.md$`)

func (g *Guide) loadPage(fsys fs.FS, opts Options, name string, langs []string, ps *Problems) *Page {
	p := path.Join(opts.Root, "pages", name)
	m := pageName.FindStringSubmatch(name)
	switch {
	case m == nil:
		*ps = append(*ps, Problem{Path: p, Msg: "page file names are <slug>.<language>.md, e.g. about.fr.md"})
		return nil
	case len(langs) > 0 && !slices.Contains(langs, m[2]):
		*ps = append(*ps, Problem{Path: p, Msg: "language " + m[2] + " is not a language of the guide (site.yaml languages: " + strings.Join(langs, ", ") + ")" + suggest(m[2], langs), lang: m[2]})
		return nil
	case m[1] == "index" || m[1] == "404":
		*ps = append(*ps, Problem{Path: p, Msg: "the slug " + m[1] + " is reserved for the site's own pages; rename the file"})
		return nil
	}
	data, ok := readFile(fsys, opts, path.Join("pages", name), maxPage, ps)
	if !ok {
		return nil
	}
	page := &Page{Slug: m[1], Lang: m[2], Path: p}
	front, body, line, ok := splitFrontMatter(data)
	page.BodyLine = line + bytes.Count(front, []byte("\n")) + 2
	if !ok {
		*ps = append(*ps, Problem{Path: p, Line: 1, Col: 1, Msg: "missing front matter: start the file with a line ---, then title: ..., then a line ---"})
		return nil
	}
	d := &decoder{path: p, problems: ps, site: g.Site}
	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		d.syntaxError(front, err, line)
		return nil
	}
	shiftLines(&doc, line)
	before := ps.Errors()
	if len(doc.Content) == 0 {
		d.errorf(&yaml.Node{Line: 1, Column: 1}, "missing required field \"title\"")
		return nil
	}
	d.decode(doc.Content[0], reflectValue(page), fieldRules{})
	page.Body = body
	if page.Published() {
		*ps = append(*ps, d.todos...)
		page.checkTODO(ps)
	}
	if ps.Errors() > before {
		return nil
	}
	return page
}

// checkTODO refuses the placeholders abri new writes into a page's text.
func (p *Page) checkTODO(ps *Problems) {
	for i, line := range bytes.Split(p.Body, []byte("\n")) {
		if loc := todoPattern.FindIndex(line); loc != nil {
			*ps = append(*ps, Problem{Path: p.Path, Line: p.BodyLine + i, Col: utf8.RuneCount(line[:loc[0]]) + 1,
				Msg: "TODO is a placeholder of abri new: write the page's text (or put back status: draft until it is ready)"})
		}
	}
}

// splitFrontMatter cuts "---\n<yaml>---\n<body>"; line is the file line of the YAML's first line.
func splitFrontMatter(data []byte) (front, body []byte, line int, ok bool) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, found := bytes.CutPrefix(data, []byte("---\n"))
	if !found {
		return nil, nil, 0, false
	}
	front, body, found = bytes.Cut(rest, []byte("\n---\n"))
	if !found {
		front, found = bytes.CutSuffix(rest, []byte("\n---"))
	}
	return front, body, 2, found
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by - 1
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
