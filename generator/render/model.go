package render

import (
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/opendata"
	"github.com/abri-guide/abri/generator/theme"
)

// Site is everything the templates can reach, built once per build.
type Site struct {
	// The guide itself is kept from templates, which could reach hidden
	// streets through it; they get the few fields of site.yaml they show.
	guide      *content.Guide
	Licence    content.Licence // licence of the guide's data
	Contact    content.Contact // how to reach the editors
	StaleAfter int             // days after which information is flagged as old
	Timezone   string          // the guide's IANA zone, in which the browser judges dates
	Langs      []string
	Categories []*Category          // top-level categories, in the tree's order
	ByID       map[string]*Category // every category
	Cities     []*City              // the content's cities, sorted by folded name
	Listings   []*Listing           // sorted by id
	Pages      []*MDPage            // sorted by menu position, then slug
	MultiCity  bool
	Notices    []Notice                      // the notices for every page not over on the day of the build
	targeted   []Notice                      // those for the pages of some cities or categories (Page.PageNotices)
	CSS        string                        // path of the style sheet from the site root
	HoursJS    string                        // path of the opening-status script
	AppJS      string                        // path of the app script: service worker, saving for offline
	appIcons   map[int]string                // size -> path of the app icon
	rootTmpl   map[string]*template.Template // language -> root page template, for zips
	hoursData  map[string]template.JS        // language -> the JSON block hours.js reads
	LangJS     string                        // path of the language chooser script
	Favicon    string                        // path of the icon
	Coverage   []Coverage                    // how much of each language is translated (Options.Coverage)
	theme      *theme.Theme
	given      *theme.Theme                  // the theme as loaded, before WithFallback
	cards      map[string][][]card           // language -> listing index -> variant (Site.card) -> its card on list pages
	cardTmpl   map[string]*template.Template // language -> the card template
	today      content.Date
	reuse      *reuse                          // pieces of pages rendered once for many
	openData   func() ([]opendata.File, error) // the export, made once (Renderer.dataFiles)
}

// MDPage is a Markdown page rendered in each language it exists in.
type MDPage struct {
	Slug  string
	Menu  int
	Title content.Text
	Body  map[string]template.HTML // language of the file -> HTML
}

func newSite(g *content.Guide, th *theme.Theme, md *markdown.Renderer, today content.Date, reuse map[*content.Listing]*Listing) (*Site, error) {
	s := &Site{guide: g, Langs: g.Site.Langs(), ByID: map[string]*Category{}, theme: th, today: today}
	s.Licence, s.Contact, s.StaleAfter = g.Site.Licence, g.Site.Contact, g.Site.StaleAfter
	s.Timezone = g.Site.Timezone.Name
	s.CSS, s.LangJS, s.Favicon = th.Assets["style.css"].Path, th.Assets["lang.js"].Path, th.Assets["icon.svg"].Path
	s.HoursJS, s.AppJS = th.Assets["hours.js"].Path, th.Assets["app.js"].Path
	cal, _ := g.Site.Calendar()
	s.hoursData = map[string]template.JS{}
	for _, lang := range s.Langs {
		s.hoursData[lang] = template.JS(hours.PageJSON(g.Site.Timezone.Name, cal, th.Strings[lang]))
	}
	s.addCategories(g.Categories, nil)
	s.addNotices(g, today)
	for i, l := range g.Listings {
		var v *Listing
		if old, ok := reuse[l]; ok {
			v = s.adopt(old)
		} else {
			v = s.newListing(l, today)
		}
		v.Index, v.City = i, nil
		s.Listings = append(s.Listings, v)
	}
	s.fileListings()
	if err := s.addPages(md); err != nil {
		return nil, err
	}
	return s, nil
}

// adopt copies a view of an unchanged listing from an earlier build, the
// old site may still be serving, so its views are never changed, and points
// it at this build's categories, whose names may have changed.
func (s *Site) adopt(old *Listing) *Listing {
	v := *old
	v.Cats, v.Tops = s.remap(old.Cats), s.remap(old.Tops)
	v.Services = append([]Service(nil), old.Services...)
	for i := range v.Services {
		v.Services[i].Cat = s.ByID[v.Services[i].Cat.ID]
	}
	return &v
}

func (s *Site) remap(cs []*Category) []*Category {
	out := make([]*Category, len(cs))
	for i, c := range cs {
		out[i] = s.ByID[c.ID]
	}
	return out
}

func hoursDate(d content.Date) hours.Date {
	return hours.Date{Year: d.Year, Month: d.Month, Day: d.Day}
}

func dateOrEmpty(d *content.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// inForce tells whether today is within start and end, either may be nil.
func inForce(start, end *content.Date, today content.Date) bool {
	return (start == nil || !today.Before(*start)) && (end == nil || !end.Before(today))
}

// dated returns the text shown from start to end as app.js reads it: its
// data-show ("" when always shown) and whether the build day hides it;
// ok is false when it is over on the day of the build.
func dated(start, end *content.Date, today content.Date) (show string, hidden, ok bool) {
	if end != nil && end.Before(today) {
		return "", false, false
	}
	if start != nil || end != nil {
		show = dateOrEmpty(start) + "/" + dateOrEmpty(end)
	}
	return show, !inForce(start, end, today), true
}

func (s *Site) addCategories(cs []*content.Category, parent *Category) {
	for _, c := range cs {
		v := &Category{Category: c, ID: c.ID, Name: c.Name}
		v.Icon = s.theme.Icons[c.Pictogram()]
		s.ByID[c.ID] = v
		if parent == nil {
			s.Categories = append(s.Categories, v)
		}
		s.addCategories(c.Children, v)
	}
}

func (s *Site) newListing(l *content.Listing, today content.Date) *Listing {
	v := &Listing{
		source: l, sortKey: strings.ToLower(l.Name),
		ID: l.ID, Name: l.Name, Description: l.Description, Phone: l.Phone, Email: l.Email,
		Website: l.Website, Audience: l.Audience, Access: l.Access, Languages: l.Languages,
		Updated: l.Updated, Sources: l.Sources, Closed: l.Closed(),
		Hours:  newHours(l.Hours),
		Status: l.Schedule().Since(hoursDate(today)).JSON(),
		Stale:  !today.IsZero() && today.Time().Sub(l.Updated.Time()) > time.Duration(s.StaleAfter)*24*time.Hour,
	}
	pub := l.Public()
	v.Street, v.PostalCode, v.Hidden = pub.Street, pub.PostalCode, pub.Approximate
	v.Geo, v.Directions = pub.Geo, directions(l.Name, pub)
	seen := map[string]bool{}
	for _, c := range l.Categories {
		v.Cats = append(v.Cats, s.ByID[c.ID])
		if top := c.Top(); !seen[top.ID] {
			seen[top.ID] = true
			v.Tops = append(v.Tops, s.ByID[top.ID])
		}
	}
	for i, svc := range l.Services {
		sv := Service{Service: svc, Cat: s.ByID[svc.Category.ID], Hours: newHours(svc.Hours)}
		if svc.Hours != nil || len(svc.Closures) > 0 {
			sv.Status = l.ServiceSchedule(&l.Services[i]).Since(hoursDate(today)).JSON()
		}
		sv.Closures, sv.Print = datedClosures(svc.Closures, today)
		v.Services = append(v.Services, sv)
	}
	v.in = s.servicesIn(l)
	v.addDated(l, today, s.StaleAfter)
	if m := l.Message; m != nil {
		if show, hidden, ok := dated(m.Start, m.End, today); ok {
			v.Message = &Message{Text: m.Text, Show: show, Hidden: hidden}
		}
	}
	return v
}

// servicesIn finds, for each category a listing is filed under, the
// service whose hours apply there (content.Listing.ServiceFor).
func (s *Site) servicesIn(l *content.Listing) map[string]int {
	var in map[string]int
	refs := append([]content.CategoryRef(nil), l.Categories...)
	for _, sv := range l.Services {
		refs = append(refs, sv.Category)
	}
	for _, r := range refs {
		for c := r.Category; c != nil; c = c.Parent {
			sv := l.ServiceFor(c)
			if sv == nil {
				continue
			}
			for i := range l.Services {
				if &l.Services[i] == sv {
					if in == nil {
						in = map[string]int{}
					}
					in[c.ID] = i + 1
				}
			}
		}
	}
	return in
}

// addDated keeps the closures and special hours not over on the day of the
// build, each with the days it is announced, so that app.js shows them on
// the right days however long ago the site was built; and the edition's.
func (v *Listing) addDated(l *content.Listing, today content.Date, staleAfter int) {
	horizon := printHorizon(today)
	v.Closures, v.Print.Closures = datedClosures(l.Closures, today)
	for _, sh := range l.SpecialHours {
		sp := Special{SpecialHours: sh, Table: newHours(sh.Hours), Show: announce(sh.Start, sh.End), Hidden: !announced(sh.Start, sh.End, today)}
		if today.IsZero() || !sh.End.Before(today) {
			v.Special = append(v.Special, sp)
		}
		if upcoming(sh.Start, sh.End, today, horizon) {
			v.Print.Special = append(v.Print.Special, sp)
		}
	}
	if !l.Updated.IsZero() {
		v.StaleShow = content.DateOf(l.Updated.Time().Add(time.Duration(staleAfter+1)*24*time.Hour)).String() + "/"
	}
}

// datedClosures returns the closures not over on the day of the build,
// each with the days it is announced, and those of the print edition.
func datedClosures(cs []content.Closure, today content.Date) (shown []Dated, print []content.Closure) {
	horizon := printHorizon(today)
	for _, c := range cs {
		if today.IsZero() || !c.End.Before(today) {
			shown = append(shown, Dated{Closure: c, Show: announce(c.Start, c.End), Hidden: !announced(c.Start, c.End, today)})
		}
		if upcoming(c.Start, c.End, today, horizon) {
			print = append(print, c)
		}
	}
	return shown, print
}

// printHorizon is the last day a print edition of today announces.
func printHorizon(today content.Date) content.Date {
	return content.DateOf(today.Time().Add(30 * 24 * time.Hour))
}

// announceDays is how long before it starts a period is announced.
const announceDays = 15

// announced tells whether a period is shown: from 15 days before it starts
// until its last day.
func announced(start, end, today content.Date) bool {
	from := content.DateOf(start.Time().Add(-announceDays * 24 * time.Hour))
	return !today.Before(from) && !end.Before(today)
}

// announce is the data-show of a period: the days it is announced.
func announce(start, end content.Date) string {
	return content.DateOf(start.Time().Add(-announceDays*24*time.Hour)).String() + "/" + end.String()
}

// upcoming tells whether a period is in force on the day of a print
// edition or starts by horizon.
func upcoming(start, end, today, horizon content.Date) bool {
	return !end.Before(today) && !horizon.Before(start)
}

// fileListings puts each listing in its city and categories. Cities are
// the content's: spellings of one city already made one, each with its
// own slug.
func (s *Site) fileListings() {
	cities := map[*content.City]*City{}
	for _, c := range s.guide.Cities {
		v := &City{Name: c.Name, Slug: c.Slug}
		cities[c] = v
		s.Cities = append(s.Cities, v)
	}
	for _, l := range s.Listings {
		if c := cities[s.guide.CityOf(l.source)]; c != nil {
			l.City = c
			c.Listings = append(c.Listings, l)
		}
	}
	s.MultiCity = len(s.Cities) > 1
	for _, c := range s.Cities {
		sortListings(c.Listings)
	}
	for _, l := range s.Listings {
		seen := map[*Category]bool{}
		for _, c := range l.Cats {
			for a := c; a != nil; a = s.parent(a) {
				if !seen[a] {
					seen[a] = true
					a.Listings = append(a.Listings, l)
				}
			}
		}
	}
	for _, c := range s.ByID {
		sortListings(c.Listings)
		c.ByCity = groupByCity(c.Listings)
		c.byCity = make(map[*City][]*Listing, len(c.ByCity))
		for _, g := range c.ByCity {
			c.byCity[g.City] = g.Listings
		}
	}
	for _, c := range s.ByID {
		for _, child := range c.Category.Children {
			if cv := s.ByID[child.ID]; len(cv.Listings) > 0 {
				c.Children = append(c.Children, cv)
			}
		}
	}
	for _, city := range s.Cities {
		city.ByCategory = s.groupByCategory(city.Listings)
	}
}

func (s *Site) parent(c *Category) *Category {
	if c.Parent == nil {
		return nil
	}
	return s.ByID[c.Parent.ID]
}

func groupByCity(ls []*Listing) []Group {
	var groups []Group
	index := map[*City]int{}
	var rest []*Listing
	for _, l := range ls {
		if l.City == nil {
			rest = append(rest, l)
			continue
		}
		i, ok := index[l.City]
		if !ok {
			i = len(groups)
			index[l.City] = i
			groups = append(groups, Group{City: l.City})
		}
		groups[i].Listings = append(groups[i].Listings, l)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].City.Name < groups[j].City.Name })
	if len(rest) > 0 {
		groups = append(groups, Group{Listings: rest})
	}
	return groups
}

func (s *Site) groupByCategory(ls []*Listing) []Group {
	var groups []Group
	for _, c := range s.Categories {
		g := Group{Category: c}
		for _, l := range ls {
			for _, t := range l.Tops {
				if t == c {
					g.Listings = append(g.Listings, l)
					break
				}
			}
		}
		if len(g.Listings) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

func (s *Site) addPages(md *markdown.Renderer) error {
	for slug, files := range s.guide.Pages {
		p := &MDPage{Slug: slug, Title: content.Text{}, Body: map[string]template.HTML{}}
		for _, f := range files {
			html, err := md.Render(f.Body)
			if err != nil {
				return fmt.Errorf("%s: %v", f.Path, err)
			}
			p.Body[f.Lang], p.Title[f.Lang] = html, f.Title
			if p.Menu == 0 {
				p.Menu = f.Menu
			}
		}
		s.Pages = append(s.Pages, p)
	}
	sort.Slice(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if a.Menu != b.Menu {
			return a.Menu != 0 && (b.Menu == 0 || a.Menu < b.Menu)
		}
		return a.Slug < b.Slug
	})
	return nil
}

// canonical returns the absolute address of a page when the guide has a base_url.
func (s *Site) canonical(p string) string {
	base := string(s.guide.Site.BaseURL)
	if base == "" {
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return u.JoinPath(p).String()
}
