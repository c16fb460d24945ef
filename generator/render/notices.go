package render

import "github.com/abri-guide/abri/generator/content"

// Notice is a banner of site.yaml not over on the day of the build.
type Notice struct {
	Text   content.Text
	Show   string          // data-show for app.js: first/last day, either may be empty; "" when always shown
	Hidden bool            // it starts after the day of the build
	cities map[string]bool // slugs of the cities it is for; nil: every city
	cats   map[string]bool // ids of the categories it is for, sub-categories included; nil: every category
}

// addNotices keeps the notices not over on the day of the build: those for
// every page, which the layout's shared piece shows, and the targeted ones,
// which each page picks (PageNotices).
func (s *Site) addNotices(g *content.Guide, today content.Date) {
	for i := range g.Site.Notice {
		n := &g.Site.Notice[i]
		show, hidden, ok := dated(n.Start, n.End, today)
		if !ok {
			continue
		}
		v := Notice{Text: n.Text, Show: show, Hidden: hidden}
		if !n.Targeted() {
			s.Notices = append(s.Notices, v)
			continue
		}
		if len(n.Cities) > 0 {
			v.cities = map[string]bool{}
			for _, c := range g.Cities {
				if n.ForCity(c) {
					v.cities[c.Slug] = true
				}
			}
		}
		if len(n.Categories) > 0 {
			v.cats = map[string]bool{}
			for id, c := range s.ByID {
				if n.ForCategory(c.Category) {
					v.cats[id] = true
				}
			}
		}
		s.targeted = append(s.targeted, v)
	}
}

// PageNotices are the targeted notices of this page. A notice is shown on
// a page that is about one of its cities or categories (the city's pages,
// the category's, their listings'), unless the page is about another city
// or category than those it names: a notice for Lyon's shelters is on
// Lyon's page and on the shelters' page, on a Lyon shelter's page, not on
// a Lyon canteen's nor on the home page.
func (p *Page) PageNotices() []Notice {
	if len(p.targeted) == 0 {
		return nil
	}
	city, cats := p.City, []*Category(nil)
	if p.Category != nil {
		cats = []*Category{p.Category}
	}
	if l := p.Listing; l != nil {
		city, cats = l.City, l.Cats
	}
	var out []Notice
	for _, n := range p.targeted {
		about, other := false, false
		if n.cities != nil && city != nil {
			about, other = n.cities[city.Slug], !n.cities[city.Slug]
		}
		if n.cats != nil && len(cats) > 0 {
			in := false
			for _, c := range cats {
				in = in || n.cats[c.ID]
			}
			about, other = about || in, other || !in
		}
		if about && !other {
			out = append(out, n)
		}
	}
	return out
}
