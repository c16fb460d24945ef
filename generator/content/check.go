package content

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// check applies the rules that span several fields of a listing.
func (l *Listing) check(d *decoder, n *yaml.Node) {
	if l.Status == "" {
		l.Status = "open"
	}
	d.cleanInvisible(valueOf(n, "name"), "name", &l.Name)
	if l.Address == nil && l.Geo == nil {
		d.errorf(n, "missing address (give address: with at least city, or geo: [latitude, longitude])")
	}
	if len(l.Categories) == 0 && valueOf(n, "categories") != nil {
		d.errorf(valueOf(n, "categories"), "categories: list at least one category")
	}
	if l.Address != nil && l.Address.Country == "" {
		l.Address.Country = d.site.Country
	}
	if l.Geo != nil {
		country := d.site.Country
		if l.Address != nil {
			country = l.Address.Country
		}
		l.Geo.checkCountry(d, valueOf(n, "geo"), country)
	}
	if d.today.IsZero() || l.Updated.IsZero() {
		return
	}
	age := int(d.today.Time().Sub(l.Updated.Time()).Hours() / 24)
	switch {
	case age < 0:
		d.errorf(valueOf(n, "updated"), "updated: %s is in the future, after today %s (write the day the information was checked)", l.Updated, d.today)
	case age > d.site.StaleAfter:
		d.warnf(valueOf(n, "updated"), "updated: information last checked %d days ago (stale_after is %d): check it with the place and update the date", age, d.site.StaleAfter)
	}
}

// check refuses an explicit stale_after of zero or less: absent means 180
// days, but 0 would flag every listing, or none, depending on how it is read.
func (s *Site) check(d *decoder, n *yaml.Node) {
	v := valueOf(n, "stale_after")
	if i, err := strconv.Atoi(strings.TrimSpace(scalarValue(v))); err == nil && i <= 0 {
		d.errorf(v, "stale_after: %d days is not a period (want a number of days, 1 or more; remove the line for the default, 180)", i)
	}
}

// scalarValue is the text of a scalar node, or "".
func scalarValue(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func (a *Address) check(d *decoder, n *yaml.Node) {
	d.cleanInvisible(valueOf(n, "city"), "city", &a.City)
	if a.City == "" && a.PostalCode == "" {
		d.errorf(n, "address: give at least city or postal_code")
	}
	if v := valueOf(n, "city"); v != nil {
		a.at = cityAt{v.Line, v.Column}
	}
}

func (a *Age) check(d *decoder, n *yaml.Node) {
	if a.Max != 0 && a.Min > a.Max {
		d.errorf(n, "min %d is above max %d", a.Min, a.Max)
	}
}

func (c *Closure) check(d *decoder, n *yaml.Node) {
	checkPeriod(d, n, c.Start, c.End, "closure")
}

func (s *SpecialHours) check(d *decoder, n *yaml.Node) {
	checkPeriod(d, n, s.Start, s.End, "special hours")
	if v := valueOf(n, "hours"); v != nil && noDays(v) {
		// Without days, the period would read as closed every day: a 24/7
		// shelter would show "closed until" for the whole period.
		d.errorf(v, "hours: give the hours of the period (hours: {mo-fr: 10:00-16:00}), or write a closure if the place is closed then")
		return
	}
	if s.Hours == nil {
		return
	}
	for _, r := range s.Hours.Rules {
		if len(r.Slots) > 0 {
			return
		}
	}
	d.warnf(keyOf(n, "hours"), "special hours leave every day closed: write a closure instead (closures: [{start: %s, end: %s}])", s.Start, s.End)
}

func (no *Notice) check(d *decoder, n *yaml.Node) {
	checkDates(d, n, no.Start, no.End)
	no.citiesAt, no.categoriesAt = itemsAt(valueOf(n, "cities")), itemsAt(valueOf(n, "categories"))
}

func (m *Message) check(d *decoder, n *yaml.Node) {
	checkDates(d, n, m.Start, m.End)
}

// checkDates refuses a notice or message that ends before it starts.
func checkDates(d *decoder, n *yaml.Node, start, end *Date) {
	if start != nil && end != nil && end.Before(*start) {
		d.errorf(keyOf(n, "end"), "end %s is before start %s (dates are inclusive: start is the first day, end the last)", end, start)
	}
}

// itemsAt returns where the items of a list (or a single value) are.
func itemsAt(v *yaml.Node) []cityAt {
	if v == nil {
		return nil
	}
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	at := make([]cityAt, len(items))
	for i, it := range items {
		at[i] = cityAt{it.Line, it.Column}
	}
	return at
}

// checkPeriod refuses periods that end before they start and warns about
// periods over for more than 30 days, which editors should clean up.
func checkPeriod(d *decoder, n *yaml.Node, start, end Date, what string) {
	if start.IsZero() || end.IsZero() {
		return
	}
	if end.Before(start) {
		d.errorf(keyOf(n, "end"), "end %s is before start %s (dates are inclusive: start is the first day, end the last)", end, start)
		return
	}
	if !d.today.IsZero() && d.today.Time().Sub(end.Time()).Hours() > 30*24 {
		d.warnf(n, "%s", fmt.Sprintf("%s ended on %s, more than 30 days ago: remove it", what, end))
	}
}

// noDays says whether an hours map is empty ({}) or has only a note or
// public_holidays. Other mistakes in it are reported where they are.
func noDays(v *yaml.Node) bool {
	if v.Kind != yaml.MappingNode {
		// hours: ~ is an empty required value, which the decoder reports.
		return false
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		if k := v.Content[i].Value; k != "note" && k != "public_holidays" {
			return false
		}
	}
	return true
}
