package render

// QuickExit is the neutral site this page's quick exit leaves for, or ""
// when the page has none: every page when site.yaml asks for it
// everywhere, else the pages of a category with quick_exit (and of its
// sub-categories) and the listings in one of them. A city's page mixes
// categories: it has it only when the whole guide does.
func (p *Page) QuickExit() string {
	q := p.guide.Site.QuickExit
	if q.On {
		return q.Address()
	}
	if c := p.Category; c != nil && c.HasQuickExit() {
		return q.Address()
	}
	if l := p.Listing; l != nil {
		for _, c := range l.Cats {
			if c.HasQuickExit() {
				return q.Address()
			}
		}
	}
	return ""
}
