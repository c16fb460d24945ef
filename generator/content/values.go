package content

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// Date is a calendar day, without time nor zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Time returns the date at midnight UTC, for arithmetic on days.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d.Year == 0 }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

var datePattern = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

func (dt *Date) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		d.errorf(n, "%q is not a date (want YYYY-MM-DD, e.g. 2026-10-03)", s)
		return
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	v := Date{y, time.Month(mo), day}
	if t := v.Time(); y < 1900 || t.Month() != v.Month || t.Day() != day {
		d.errorf(n, "%q is not a real date (check the month and the day)", s)
		return
	}
	*dt = v
}

// Phones are phone numbers, international (+33 4 72 ...), national (04 72 ...) or short (115).
type Phones []Phone

// Phone is one phone number.
type Phone struct {
	Text string // as the editor wrote it, for display
	Tel  string // for tel: links: digits, with a leading + when international
}

var phoneChars = regexp.MustCompile(`^\+?[0-9][0-9 .()\-/]*$`)

func (p *Phone) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	tel := strings.Map(func(r rune) rune {
		if r == '+' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	digits := len(strings.TrimPrefix(tel, "+"))
	switch {
	case !phoneChars.MatchString(s):
		d.errorf(n, "%q is not a phone number (want digits, spaces, dots or dashes, e.g. \"+33 4 72 00 00 00\" or \"115\")", s)
	case strings.HasPrefix(tel, "+") && (digits < 7 || digits > 15):
		d.errorf(n, "%q is not an international number (want + then 7 to 15 digits)", s)
	case !strings.HasPrefix(tel, "+") && (digits < 3 || digits > 14):
		d.errorf(n, "%q has %d digits (want a short number of 3 to 6 digits or a full number)", s, digits)
	default:
		*p = Phone{Text: s, Tel: tel}
	}
}

// Email is an e-mail address.
type Email string

var emailPattern = regexp.MustCompile(`^[^@\s<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)

func (e *Email) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	if !emailPattern.MatchString(s) {
		d.errorf(n, "%q is not an e-mail address (want name@example.org)", s)
		return
	}
	*e = Email(s)
}

// URL is a web address, http or https only.
type URL string

func (u *URL) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || !strings.Contains(p.Host, ".") {
		d.errorf(n, "%q is not a web address (want https://example.org/...)", s)
		return
	}
	*u = URL(s)
}

// Geo is a position: latitude, longitude in degrees (WGS84).
type Geo struct{ Lat, Lon float64 }

func (g *Geo) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		d.errorf(n, "want [latitude, longitude], e.g. [45.7485, 4.8467]")
		return
	}
	var v [2]float64
	for i, c := range n.Content {
		f, err := strconv.ParseFloat(c.Value, 64)
		if c.Kind != yaml.ScalarNode || (c.Tag != "!!float" && c.Tag != "!!int") || err != nil {
			d.errorf(c, "%s is not a number", describe(c))
			return
		}
		v[i] = f
	}
	switch {
	case v[0] < -90 || v[0] > 90:
		hint := ""
		if v[1] >= -90 && v[1] <= 90 {
			hint = "; latitude comes first, then longitude"
		}
		d.errorf(n.Content[0], "latitude %v is out of range (want -90 to 90%s)", v[0], hint)
	case v[1] < -180 || v[1] > 180:
		d.errorf(n.Content[1], "longitude %v is out of range (want -180 to 180)", v[1])
	default:
		*g = Geo{v[0], v[1]}
	}
}

// Country is an ISO 3166-1 alpha-2 code, such as FR.
type Country string

var countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

func (c *Country) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	if !countryPattern.MatchString(s) {
		d.errorf(n, "%q is not a country code (want two capital letters, ISO 3166-1: FR, BE, CH)", s)
		return
	}
	*c = Country(s)
}

// Timezone is an IANA time zone such as Europe/Paris.
type Timezone struct {
	Name     string
	Location *time.Location
}

func (tz *Timezone) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	loc, err := time.LoadLocation(s)
	if err != nil || s == "Local" || s == "" {
		d.errorf(n, "%q is not a time zone (want an IANA name like Europe/Paris)", s)
		return
	}
	*tz = Timezone{s, loc}
}

// CategoryRef is the id of a category of categories.yaml.
type CategoryRef struct{ *Category }

func (c *CategoryRef) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	cat, found := d.cats[s]
	if !found {
		ids := make([]string, 0, len(d.cats))
		for id := range d.cats {
			ids = append(ids, id)
		}
		d.errorf(n, "unknown category %q%s", s, suggest(s, ids))
		return
	}
	c.Category = cat
}

// Condition is a condition of access: false, true, or a text saying how (which means true).
type Condition struct {
	Set bool // the editor said something
	Yes bool // the condition applies
	How Text // optional explanation
}

func (c *Condition) decodeYAML(d *decoder, n *yaml.Node) {
	c.Set = true
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		c.Yes, _ = d.boolean(n)
		return
	}
	c.Yes = true
	c.How.decodeYAML(d, n)
}

// Price is "free" or a text saying how much.
type Price struct {
	Free bool // free of charge
	Text Text // otherwise, how much
}

func (p *Price) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Value == "free" {
		p.Free = true
		return
	}
	p.Text.decodeYAML(d, n)
}

func (ps *Phones) decodeYAML(d *decoder, n *yaml.Node) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	}
	for _, item := range items {
		if n.Kind == yaml.SequenceNode && blank(item) {
			d.errorf(item, "empty item: want a phone number, or remove the line")
			continue
		}
		var p Phone
		p.decodeYAML(d, item)
		if p.Tel != "" {
			*ps = append(*ps, p)
		}
	}
}
