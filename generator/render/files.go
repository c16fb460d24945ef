package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/search"
	"github.com/abri-guide/abri/generator/slug"
)

// What the publish stage sees of a site: the files in the order they are
// written, the offline copies (zips) that hold each, and each file's bytes
// on request, as the site has it or as a zip has it. render never writes.

// Phases order the files that state the sizes of others after them.
const (
	PhasePages   = iota // pages, assets, the search index
	PhaseCities         // city pages, stating what saving the city downloads
	PhaseLists          // the lists of pages saving a city downloads (<slug>.offline.json)
	PhaseOffline        // offline copies pages, stating the zips' sizes: every zip is complete before them
	PhaseWorker         // the service worker, named from every other file
)

// File is one file of the site.
type File struct {
	Path    string
	Phase   int
	Copies  []int // indexes in Copies() of the offline copies that hold it
	ZipOnly bool  // only in zips (a city's search index), not in the site
}

// Copy is an offline copy: a zip of one language, or of one city in one
// language, what an outreach team carries. Unzipped anywhere and opened
// by double-click, it works with no server and has no broken link.
type Copy struct {
	Lang string
	City *City  // nil: the whole language
	Path string // from the site root, e.g. offline/guide-fr-lyon.zip
}

// Ledger is what publish knows of the files written so far.
type Ledger interface {
	Size(path string) (int64, bool)
	// Each calls fn on every file written so far, in path order.
	Each(fn func(path string, size int64, sum uint64))
}

// missingLink is what a link to a page an offline copy lacks becomes when
// the guide has no base_url to send it to: the link is then taken off,
// its text kept (unlink).
const missingLink = "abri-not-in-this-copy.html"

// Prepare renders what pages share (cards), makes the search index and
// lists the files with their input keys, once, before Files, Bytes and
// Zipped. When cards is false, cards are rendered as pages ask for them:
// a build over its previous output renders few pages.
func (r *Renderer) Prepare(ctx context.Context, workers int, cards bool) error {
	if r.files != nil {
		return nil
	}
	if cards {
		if err := r.site.renderCards(ctx, workers); err != nil {
			return err
		}
	}
	index, err := r.searchFiles()
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(index))
	for p := range index {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	n := len(r.jobs)
	for _, p := range paths {
		r.jobs = append(r.jobs, job{path: p, data: index[p]})
	}
	data, err := r.dataFiles()
	if err != nil {
		return err
	}
	for _, f := range data {
		r.jobs = append(r.jobs, job{path: f.Path, data: f.Data})
	}
	r.saved = map[saveKey][]int{}
	for i := range r.jobs[:n] {
		j := &r.jobs[i]
		if c := j.cityOf(); c != nil && j.tmpl != nil && j.path != cityPage(j.lang, c) {
			k := saveKey{j.lang, c}
			r.saved[k] = append(r.saved[k], i)
		}
		if j.kind == "city" && j.path == cityPage(j.lang, j.city) {
			r.jobs = append(r.jobs, job{path: strings.TrimSuffix(j.path, ".html") + ".offline.json", lang: j.lang, kind: "save", city: j.city})
		}
	}
	if len(r.site.theme.Worker) > 0 {
		r.jobs = append(r.jobs, job{path: "sw.js", kind: "worker"})
	}
	if err := claim(r.byPath, r.jobs, n); err != nil {
		return err
	}
	r.listCopies()
	if err := r.cityIndexes(); err != nil {
		return err
	}
	r.saves, r.asked = make([]*Save, len(r.jobs)), make([][]string, len(r.jobs))
	r.files = make([]File, len(r.jobs))
	for i := range r.jobs {
		j := &r.jobs[i]
		r.files[i] = File{Path: j.path, Phase: r.phase(j), Copies: r.copiesOf(j), ZipOnly: j.kind == "cityindex"}
	}
	r.makeKeys()
	return nil
}

// cityIndexes adds the search index of each city, for its copies only:
// searched there, a city's copy finds the places it holds, not those of
// other cities whose pages it lacks. These files have the paths of the
// site's index, so they are not the site's files (not in byPath).
func (r *Renderer) cityIndexes() error {
	if len(r.site.Cities) < 2 {
		return nil // the city's index is the whole guide's
	}
	views := map[string]*City{}
	for _, c := range r.site.Cities {
		views[c.Slug] = c
	}
	for _, c := range r.guide.Cities {
		g := *r.guide
		g.Listings, g.Cities = c.Listings, []*content.City{c}
		files, err := r.indexOf(&g)
		if err != nil {
			return err
		}
		for _, f := range files {
			r.jobs = append(r.jobs, job{path: f.Path, data: f.Data, kind: "cityindex", city: views[c.Slug]})
		}
	}
	r.cityIndexed = true
	return nil
}

type saveKey struct {
	lang string
	city *City
}

func cityPage(lang string, c *City) string { return lang + "/cities/" + c.Slug + ".html" }

// Files lists every file of the site, in a fixed order.
func (r *Renderer) Files() []File { return r.files }

// Copies lists the offline copies: per language, the whole language, then
// each city.
func (r *Renderer) Copies() []Copy { return r.copies }

// Pages counts the pages of each language.
func (r *Renderer) Pages() map[string]int {
	pages := map[string]int{}
	for i := range r.jobs {
		if r.jobs[i].counted() {
			pages[r.jobs[i].lang]++
		}
	}
	return pages
}

func (r *Renderer) phase(j *job) int {
	switch {
	case kindOf[j.kind].stage == afterCity && j.part == 0:
		return PhaseCities
	case j.kind == "save":
		return PhaseLists
	case kindOf[j.kind].stage == afterZips:
		return PhaseOffline
	case j.kind == "worker":
		return PhaseWorker
	}
	return PhasePages
}

// cityOf is the city a file belongs to: the city of a per-city page, or
// of the place of a listing page. Such files are in the city's copy and
// in what saving the city downloads.
func (j *job) cityOf() *City {
	if j.city != nil {
		return j.city
	}
	if j.listing != nil && j.kind == "listing" {
		return j.listing.City
	}
	return nil
}

func (r *Renderer) listCopies() {
	title, _ := r.site.guide.Site.Title.In(r.site.Langs, r.site.Langs[0])
	name := slug.Make(title)
	if name == "" {
		name = "guide"
	}
	r.copies, r.langCopies = nil, map[string][]int{}
	r.cityCopy = map[saveKey]int{}
	for _, lang := range r.site.Langs {
		r.langCopies[lang] = append(r.langCopies[lang], len(r.copies))
		r.copies = append(r.copies, Copy{Lang: lang, Path: "offline/" + name + "-" + lang + ".zip"})
		for _, c := range r.site.Cities {
			r.cityCopy[saveKey{lang, c}] = len(r.copies)
			r.langCopies[lang] = append(r.langCopies[lang], len(r.copies))
			r.copies = append(r.copies, Copy{Lang: lang, City: c, Path: "offline/" + name + "-" + lang + "-" + c.Slug + ".zip"})
		}
	}
}

// copiesOf lists the copies that hold a file.
func (r *Renderer) copiesOf(j *job) []int {
	var out []int
	if j.kind == "root" || j.tmpl == nil {
		for k := range r.copies {
			if r.holds(k, j) {
				out = append(out, k)
			}
		}
		return out
	}
	if j.kind == "404" || j.kind == "unsaved" || r.langCopies[j.lang] == nil {
		return nil
	}
	if c := j.cityOf(); c != nil {
		return []int{r.langCopies[j.lang][0], r.cityCopy[saveKey{j.lang, c}]}
	}
	for _, k := range r.langCopies[j.lang] {
		if r.holds(k, j) {
			out = append(out, k)
		}
	}
	return out
}

// holds tells whether copy k holds the file of j. A language's copy holds
// its pages (not the not-found page, which needs a server), the assets,
// the root page and the search index files the language needs. A city's
// copy holds, of those, the pages of the city and the pages every city
// needs: home, search, offline copies, Markdown pages.
func (r *Renderer) holds(k int, j *job) bool {
	c := &r.copies[k]
	switch {
	case j.kind == "root", strings.HasPrefix(j.path, "assets/"):
		return true
	case j.kind == "cityindex":
		return c.City == j.city && search.Needed(j.path, c.Lang)
	case strings.HasPrefix(j.path, "search/"):
		return (c.City == nil || !r.cityIndexed) && search.Needed(j.path, c.Lang)
	case isData(j.path) && j.tmpl == nil:
		return c.City == nil // field workers share the data; a city's copy stays small
	case j.kind == "404" || j.kind == "unsaved" || j.tmpl == nil || j.lang != c.Lang:
		return false
	case c.City == nil:
		return true
	}
	switch j.kind {
	case "home", "search", "offline", "page", "list":
		return true
	}
	return j.cityOf() == c.City
}

func (r *Renderer) holdsPath(k int, path string) bool {
	i, ok := r.byPath[path]
	return ok && r.holds(k, &r.jobs[i])
}

// Bytes renders file i as the site has it. Files after PhasePages read the
// sizes of the files before them in l.
func (r *Renderer) Bytes(i int, l Ledger, buf *bytes.Buffer) ([]byte, error) {
	j := r.jobs[i]
	if j.tmpl != nil {
		r.asked[i] = []string{}
		j.asked = &r.asked[i]
	}
	switch j.kind {
	case "city":
		if r.files[i].Phase == PhaseCities {
			return r.cityBytes(i, l, buf)
		}
	case "save":
		return r.saveList(&j, l)
	case "offline", "cities":
		r.offered(&j, l)
	case "worker":
		return r.site.worker(l)
	}
	return r.site.bytes(&j, buf)
}

// Zipped renders file i as copy k holds it: its language switcher offers
// only the copy's language, and its links to pages the copy lacks go to
// the online site (base_url) or are taken off. same tells whether another
// copy holds the same bytes, so that publish compresses them once. The
// zipped offline copies page states no size: it is zipped before the zips
// are complete.
//
// site, when not nil, is the file as Bytes just gave it: the zipped copy
// is then made from it, changing only what Go wrote (language links and
// links made by Page.URL), rather than rendering the page again, which
// would double the time spent in templates. Both ways give the same bytes
// (TestZipEntriesAreRendered).
func (r *Renderer) Zipped(i, k int, l Ledger, site []byte, buf *bytes.Buffer) (data []byte, same func(k int) bool, err error) {
	j := r.jobs[i]
	if j.tmpl == nil {
		return j.data, func(int) bool { return true }, nil
	}
	if r.files[i].Phase == PhaseCities {
		j.save = r.saves[i]
	}
	asked := r.asked[i]
	if site != nil && asked != nil && j.kind != "root" && kindOf[j.kind].stage != afterZips {
		if data, same, ok := r.derive(&j, k, site, asked, buf); ok {
			return data, same, nil
		}
	}
	c := &r.copies[k]
	j.single, j.lang, j.asked = true, c.Lang, nil
	if j.kind == "root" {
		j.tmpl = r.site.rootTmpl[c.Lang]
	}
	in := &inCopy{r: r, k: k, city: j.cityOf()}
	p := r.site.jobPage(&j)
	p.copy = in
	buf.Reset()
	if err := j.tmpl.Execute(buf, p); err != nil {
		return nil, nil, fmt.Errorf("rendering %s: %v", j.path, err)
	}
	if data, err = unlinkMissing(buf.Bytes()); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", j.path, err)
	}
	return data, func(k2 int) bool { return in.same(k2, j.lang) }, nil
}

// Done forgets what Bytes kept of file i for its zipped copies: publish
// calls it once the file is in every zip, so that at 50,000 listings the
// links of every page are not kept to the end.
func (r *Renderer) Done(i int) { r.asked[i] = nil }

// derive makes the zipped copy of a page from its bytes on the site, in
// one pass. ok is false when the page does not show the language links of
// Go once each (the theme makes them some other way): it is rendered then.
func (r *Renderer) derive(j *job, k int, site []byte, asked []string, buf *bytes.Buffer) (data []byte, same func(int) bool, ok bool) {
	p := r.site.jobPage(j)
	all := [2][]byte{[]byte(p.HreflangLinks()), []byte(p.LangLinks())}
	p.Single = true
	one := [2][]byte{[]byte(p.HreflangLinks()), []byte(p.LangLinks())}
	var at [2]int
	for n := range all {
		at[n] = bytes.Index(site, all[n])
		if at[n] < 0 || bytes.Contains(site[at[n]+len(all[n]):], all[n]) {
			return nil, nil, false
		}
	}
	if at[0] > at[1] {
		all[0], all[1], one[0], one[1], at[0], at[1] = all[1], all[0], one[1], one[0], at[1], at[0]
	}
	in := &inCopy{r: r, k: k, city: j.cityOf(), asked: asked}
	links := map[string]string{} // link on the site -> in the copy
	missing := false
	for _, rest := range asked {
		to := r.resolve(in.in(k), in.cityIn(k), j.lang, p.Root, rest)
		if from := p.Root + j.lang + "/" + rest; to != from {
			links[from], missing = template.HTMLEscapeString(to), missing || to == missingLink
		}
	}
	buf.Reset()
	buf.Grow(len(site))
	copied := 0
	for n := range all {
		relink(buf, site[copied:at[n]], links)
		buf.Write(one[n])
		copied = at[n] + len(all[n])
	}
	relink(buf, site[copied:], links)
	data = buf.Bytes()
	if missing {
		var err error
		if data, err = unlink(data); err != nil {
			return nil, nil, false
		}
	}
	return data, func(k2 int) bool { return in.same(k2, j.lang) }, true
}

// relink writes data to buf with the values of href attributes found in
// links replaced.
func relink(buf *bytes.Buffer, data []byte, links map[string]string) {
	if len(links) == 0 {
		buf.Write(data)
		return
	}
	attr := []byte(`href="`)
	for {
		i := bytes.Index(data, attr)
		if i < 0 {
			buf.Write(data)
			return
		}
		i += len(attr)
		end := bytes.IndexByte(data[i:], '"')
		if end < 0 {
			buf.Write(data)
			return
		}
		buf.Write(data[:i])
		if to, ok := links[string(data[i:i+end])]; ok {
			buf.WriteString(to)
		} else {
			buf.Write(data[i : i+end])
		}
		data = data[i+end:]
	}
}

func unlinkMissing(data []byte) ([]byte, error) {
	if !bytes.Contains(data, []byte(missingLink)) {
		return data, nil
	}
	return unlink(data)
}

// inCopy resolves the links of a page rendered for copy k, and remembers
// which it was asked for.
type inCopy struct {
	r     *Renderer
	k     int
	city  *City // the page's city, if it has one
	asked []string
}

func (c *inCopy) link(p *Page, rest string) string {
	c.asked = append(c.asked, rest)
	return c.r.resolve(c.in(c.k), c.cityIn(c.k), p.Lang, p.Root, rest)
}

// in is the copy whose files the page's links may lead to in copy k. A
// page of a city links as in the city's copy, in the language's copy too:
// then it is the same in both, rendered and compressed once.
func (c *inCopy) in(k int) int {
	if c.city != nil {
		return c.r.cityCopy[saveKey{c.r.copies[k].Lang, c.city}]
	}
	return k
}

// cityIn is the city whose pages the page's links prefer in copy k: the
// page's own, or for pages of no city (home) the copy's.
func (c *inCopy) cityIn(k int) *City {
	if c.city != nil {
		return c.city
	}
	return c.r.copies[k].City
}

// same tells whether every link the page asked for resolves in copy k as
// in the copy it was rendered for.
func (c *inCopy) same(k int, lang string) bool {
	if c.r.copies[k].Lang != lang {
		return false
	}
	for _, rest := range c.asked {
		if c.r.resolve(c.in(k), c.cityIn(k), lang, "", rest) != c.r.resolve(c.in(c.k), c.cityIn(c.k), lang, "", rest) {
			return false
		}
	}
	return true
}

// resolve makes the link from a page of lang to rest in copy k. From a
// page of a city, a category leads to that category in the city when the
// copy has such a page: it is what a reader of the city looks for, and it
// keeps a city's page the same in the city's copy and the language's.
// A page the copy lacks is linked on the online site when the guide has a
// base_url: an outreach worker with data can still open it.
func (r *Renderer) resolve(k int, city *City, lang, root, rest string) string {
	if id, ok := strings.CutPrefix(rest, "categories/"); ok && city != nil && strings.Count(id, ".") == 1 {
		local := "categories/" + strings.TrimSuffix(id, ".html") + "." + city.Slug + ".html"
		if r.holdsPath(k, lang+"/"+local) {
			return root + lang + "/" + local
		}
	}
	if r.holdsPath(k, lang+"/"+rest) {
		return root + lang + "/" + rest
	}
	if u := r.site.canonical(lang + "/" + rest); u != "" {
		return u
	}
	return missingLink
}

// unlink takes off the links to missingLink, keeping their text:
// <a href="missing">Paris</a> becomes <span>Paris</span>.
func unlink(data []byte) ([]byte, error) {
	attr := []byte(`href="` + missingLink + `"`)
	var out []byte
	for {
		i := bytes.Index(data, attr)
		if i < 0 {
			return append(out, data...), nil
		}
		open := bytes.LastIndex(data[:i], []byte("<a "))
		end := bytes.Index(data[i:], []byte("</a>"))
		if open < 0 || bytes.IndexByte(data[open:i], '>') >= 0 || end < 0 {
			return nil, fmt.Errorf("the theme links to a page outside <a href>: use .URL in an <a> element")
		}
		gt := bytes.IndexByte(data[i:], '>')
		out = append(append(out, data[:open]...), "<span>"...)
		out = append(append(out, data[i+gt+1:i+end]...), "</span>"...)
		data = data[i+end+len("</a>"):]
	}
}

// cityBytes renders a city page stating what saving it downloads, and
// keeps that for the page's zipped copies (Bytes comes before Zipped).
func (r *Renderer) cityBytes(i int, l Ledger, buf *bytes.Buffer) ([]byte, error) {
	j := r.jobs[i]
	j.asked = &r.asked[i]
	save, err := r.save(&j, l, buf)
	if err != nil {
		return nil, err
	}
	j.save, r.saves[i] = save, save
	return r.site.bytes(&j, buf)
}

// save is what saving a city downloads: its page and every file of the
// city in that language (listings, print edition, pages per category).
// The page is rendered until the size it states includes its own.
func (r *Renderer) save(j *job, l Ledger, buf *bytes.Buffer) (*Save, error) {
	var others int64
	for _, i := range r.saved[saveKey{j.lang, j.city}] {
		n, _ := l.Size(r.jobs[i].path)
		others += n
	}
	s := &Save{List: j.city.Slug + ".offline.json", Key: j.lang + "/" + j.city.Slug, Bytes: others}
	page := *j
	page.single, page.save, page.asked = false, s, nil
	for range 3 {
		data, err := r.site.bytes(&page, buf)
		if err != nil {
			return nil, err
		}
		if s.Bytes == others+int64(len(data)) {
			break
		}
		s.Bytes = others + int64(len(data))
	}
	return s, nil
}

// saveList is <lang>/cities/<slug>.offline.json, read by app.js.
func (r *Renderer) saveList(j *job, l Ledger) ([]byte, error) {
	list := offlineList{Pages: []string{cityPage(j.lang, j.city)}}
	for _, i := range r.saved[saveKey{j.lang, j.city}] {
		list.Pages = append(list.Pages, r.jobs[i].path)
	}
	for _, p := range list.Pages {
		n, ok := l.Size(p)
		if !ok {
			return nil, fmt.Errorf("internal error: %s is listed for saving %q before it is written", p, j.city.Name)
		}
		list.Bytes += n
	}
	return json.Marshal(list)
}

// offered sets on an offline copies page the zips that were kept, with
// their sizes.
func (r *Renderer) offered(j *job, l Ledger) {
	j.zips = nil
	for _, k := range r.langCopies[j.lang] {
		c := r.copies[k]
		if n, ok := l.Size(c.Path); ok {
			j.zips = append(j.zips, Zip{Lang: c.Lang, City: c.City, Path: c.Path, Size: n})
		}
	}
}
