package content

// Place is what may be published of where a listing is. It is the one
// owner of the rule for hidden addresses: every output (pages, cards,
// print editions, the search index, the zips, exports) reads a listing's
// location through Public, never Address or Geo themselves.
type Place struct {
	Street     string  // number and street; "" when the address is hidden
	PostalCode string  // always published
	City       string  // always published: the listing's city page, distances from the city
	Country    Country // as the address gives it; "" means the site's
	Geo        *Geo    // exact position; nil when the address is hidden or the position unknown
	// Approximate says the address is hidden: readers are told to call to be
	// directed, and distances are measured from the city, whose centre the
	// search index computes from the positions of the other listings alone.
	Approximate bool
}

// Public returns what may be published of where l is: for a hidden
// address, the postal code, city and country, and no street nor position.
func (l *Listing) Public() Place {
	var p Place
	if a := l.Address; a != nil {
		p.PostalCode, p.City, p.Country = a.PostalCode, a.City, a.Country
		if a.Hidden {
			p.Approximate = true
			return p
		}
		p.Street = a.Street
	}
	if l.Geo != nil {
		g := *l.Geo // a copy: no caller can change the listing through it
		p.Geo = &g
	}
	return p
}
