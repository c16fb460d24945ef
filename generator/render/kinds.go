package render

import (
	"sort"
	"strconv"
)

// PerPage is the most places a list page holds: category pages, a
// category in a city, city pages. Past it a list goes on over pages k >= 2
// linked by plain previous/next links, so that no page grows with the
// guide (a reader on a data plan opens a category of a national guide).
const PerPage = 50

// citiesPerPage is the most towns the home page lists, and a page of the
// index of towns that replaces the list past that number (a national
// guide has thousands).
const citiesPerPage = 200

// bigCities is how many towns, the biggest, the home page names when the
// guide has too many to list them all.
const bigCities = 24

// printSplitAt is the number of places past which a city's print edition
// becomes an index of one edition per category, each printable alone.
const printSplitAt = 200

// pageKind is one kind of page. This table is the one place a kind is
// described: jobs places pages by it, parseTemplates parses its templates,
// split orders the writing and templates ask it (HasStatus).
type pageKind struct {
	name     string // Page.Kind, as templates see it
	template string // the theme's templates/<template>.html
	path     string // below the language folder, when it is fixed; otherwise the pattern, for readers
	root     string // from the page to the site root; "" for the site's path (404 pages, shown at any address)
	counted  bool   // counted among its language's pages
	cards    bool   // lists places as cards, which are rendered for depth 2 (Site.card)
	status   bool   // shows opening statuses: loads hours.js
	sitemap  bool   // listed in sitemap.xml
	stage    int    // when it is written (Renderer.phase)
}

// Stages of writing: pages that state the sizes of others come after them.
const (
	early     = iota
	afterCity // states what saving its city downloads (its first page only)
	afterZips // states the zips' sizes
)

var kinds = []pageKind{
	{name: "root", template: "root", path: "index.html (site root)"},
	{name: "home", template: "home", path: "index.html", root: "../", counted: true, sitemap: true},
	{name: "404", template: "404", path: "404.html", counted: true},
	{name: "offline", template: "offline", path: "offline.html", root: "../", counted: true, stage: afterZips},
	// What the service worker shows, offline, at the address of a page no cache holds.
	{name: "unsaved", template: "unsaved", path: "unsaved.html", root: "../"},
	{name: "opendata", template: "opendata", path: "data.html", root: "../", counted: true, sitemap: true},
	{name: "list", template: "list", path: "list.html", root: "../", counted: true},
	{name: "search", template: "search", path: "search.html", root: "../", counted: true, sitemap: true, status: true},
	{name: "cities", template: "cities", path: "cities.html, page k: cities.<k>.html (past citiesPerPage towns)", root: "../", counted: true, sitemap: true, stage: afterZips},
	{name: "category", template: "category", path: "categories/<id>.html, page k: <id>.<k>.html", root: "../../", counted: true, sitemap: true, cards: true, status: true},
	{name: "category-city", template: "category", path: "categories/<id>.<city>.html, page k: <id>.<city>.<k>.html", root: "../../", counted: true, sitemap: true, cards: true, status: true},
	{name: "city", template: "city", path: "cities/<slug>.html", root: "../../", counted: true, sitemap: true, cards: true, status: true, stage: afterCity},
	{name: "print", template: "print", path: "print/<slug>.html", root: "../../", counted: true, sitemap: true},
	{name: "print-category", template: "print", path: "print/<slug>.<category>.html", root: "../../", counted: true, sitemap: true},
	{name: "listing", template: "listing", path: "places/<id>.html", root: "../../", counted: true, sitemap: true, status: true},
	{name: "page", template: "page", path: "pages/<slug>.html", root: "../../", counted: true, sitemap: true},
}

// kindOf finds a kind by name; jobs of ready bytes have none (the zero kind).
var kindOf = func() map[string]pageKind {
	m := make(map[string]pageKind, len(kinds))
	for _, k := range kinds {
		m[k.name] = k
	}
	return m
}()

// counted tells whether a job is one of its language's pages: not a file
// of ready bytes, not the site's root page or its not-found page.
func (j *job) counted() bool {
	return j.tmpl != nil && kindOf[j.kind].counted && j.path != "404.html"
}

// pages is how many pages a list of n places takes: at least one, the
// page that says the list is empty.
func pages(n int) int { return pagesOf(n, PerPage) }

func pagesOf(n, per int) int { return max(1, (n+per-1)/per) }

// partRest is the path of page part (from 0) of a list whose first page
// is stem.html.
func partRest(stem string, part int) string {
	if part == 0 {
		return stem + ".html"
	}
	return stem + "." + strconv.Itoa(part+1) + ".html"
}

// Paged is one page of a list of places.
type Paged struct {
	Listings []*Listing // the places of this page
	Cities   []*City    // or its towns, on the index of towns
	N, Of    int        // page N of Of, from 1
	Total    int        // places in the whole list
	Prev     string     // the previous page, below the language folder; "" on the first
	Next     string     // the next page; "" on the last
}

// paged is the page of its list a job shows, nil for pages without one.
func (s *Site) paged(j *job) *Paged {
	var all []*Listing
	switch j.kind {
	case "cities":
		p := &Paged{N: j.part + 1, Of: pagesOf(len(s.Cities), citiesPerPage), Total: len(s.Cities)}
		from := min(j.part*citiesPerPage, len(s.Cities))
		p.Cities = s.Cities[from:min(from+citiesPerPage, len(s.Cities))]
		p.neighbours(j)
		return p
	case "category":
		all = j.category.elsewhere()
	case "category-city":
		all = j.category.inCity(j.city)
	default:
		return nil
	}
	p := &Paged{N: j.part + 1, Of: pages(len(all)), Total: len(all)}
	from := min(j.part*PerPage, len(all))
	p.Listings = all[from:min(from+PerPage, len(all))]
	p.neighbours(j)
	return p
}

func (p *Paged) neighbours(j *job) {
	if j.part > 0 {
		p.Prev = partRest(j.stem, j.part-1)
	}
	if p.N < p.Of {
		p.Next = partRest(j.stem, j.part+1)
	}
}

// AllCities tells whether the home page lists every town; past
// citiesPerPage it names the biggest and links to the index of towns.
func (p *Page) AllCities() bool { return len(p.Cities) <= citiesPerPage }

// BigCities are the towns with the most places, in the order of Cities.
func (p *Page) BigCities() []*City {
	if len(p.Cities) <= bigCities {
		return p.Cities
	}
	by := append([]*City(nil), p.Cities...)
	sort.SliceStable(by, func(i, j int) bool { return len(by[i].Listings) > len(by[j].Listings) })
	keep := map[*City]bool{}
	for _, c := range by[:bigCities] {
		keep[c] = true
	}
	var out []*City
	for _, c := range p.Cities {
		if keep[c] {
			out = append(out, c)
		}
	}
	return out
}

// elsewhere are the places of a category that its national page lists
// past its cities: none when the category fits one page (the page lists
// them all, by city), else those without a city, which no city page has.
func (c *Category) elsewhere() []*Listing {
	if len(c.Listings) <= PerPage {
		return nil
	}
	for _, g := range c.ByCity {
		if g.City == nil {
			return g.Listings
		}
	}
	return nil
}

// inCity are the places of a category in a city, sorted by name.
func (c *Category) inCity(city *City) []*Listing { return c.byCity[city] }

// printSplit tells whether a city's print edition is split by category.
func printSplit(c *City) bool { return len(c.Listings) > printSplitAt }

// Fits tells whether a list of places fits one page: a category or city
// page then lists them, else only where they are (cities, categories).
func (p *Page) Fits(ls []*Listing) bool { return len(ls) <= PerPage }

// FitsByCategory tells whether groups of places fit one page: a place
// shows once in each group it is in.
func (p *Page) FitsByCategory(gs []Group) bool {
	n := 0
	for _, g := range gs {
		n += len(g.Listings)
	}
	return n <= PerPage
}

// ChildrenIn are the sub-categories of c that have places in the page's
// city (in the guide on national pages), each with those places.
func (p *Page) ChildrenIn(c *Category) []Group {
	var out []Group
	for _, child := range c.Children {
		ls := child.Listings
		if p.City != nil {
			ls = child.inCity(p.City)
		}
		if len(ls) > 0 {
			out = append(out, Group{Category: child, City: p.City, Listings: ls})
		}
	}
	return out
}

// InCity is the path of the page of category c in the page's city, below
// the language folder, or of its national page on pages of no city.
func (p *Page) InCity(c *Category) string {
	if p.City == nil {
		return "categories/" + c.ID + ".html"
	}
	return "categories/" + c.ID + "." + p.City.Slug + ".html"
}

// PrintSplit tells whether the page is the index of a city's print
// editions by category.
func (p *Page) PrintSplit() bool {
	return p.Kind == "print" && p.City != nil && printSplit(p.City)
}

// PrintGroups are the categories a print edition shows: all of its city's,
// or the one of a print edition by category.
func (p *Page) PrintGroups() []Group {
	if p.Kind != "print-category" {
		return p.City.ByCategory
	}
	for _, g := range p.City.ByCategory {
		if g.Category == p.Category {
			return []Group{g}
		}
	}
	return nil
}

// CityZip is the offline copy of a town in the page's language, on pages
// written once the zips are (offline copies, the index of towns); nil
// elsewhere, and in zips, which state no sizes.
func (p *Page) CityZip(c *City) *Zip {
	if p.cityZips == nil {
		p.cityZips = make(map[*City]*Zip, len(p.CityZips))
		for i := range p.CityZips {
			p.cityZips[p.CityZips[i].City] = &p.CityZips[i]
		}
	}
	return p.cityZips[c]
}
