package render

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// Share is what a listing page's share block carries: plain links that
// open a messaging app with the place written out, which work without
// JavaScript and reach a third party only when the reader taps one, and
// the same words in data attributes, from which app.js makes the Web Share
// payload (with today's hours in place of the week's) and the entry of the
// saved-places list. It is made from the listing's view, whose address is
// (*content.Listing).Public's: a hidden street is never in it.
type Share struct {
	ID   string // the listing's slug, the list's key
	Name string
	Adr  string // one line: street (unless hidden), postal code, town
	Tel  string // the phone numbers as written, comma separated
	Week string // the week's hours on one line, "" when not known
	Text string // the message: name, address, phone, hours, one a line
	URL  string // the page's absolute address; "" without base_url, when no link can be shared
	SMS  template.URL
	WA   template.URL // WhatsApp
	TG   template.URL // Telegram
	Mail template.URL
}

// Share is the share block of a listing page, nil on other pages.
func (p *Page) Share() *Share {
	l := p.Listing
	if l == nil || p.Kind != "listing" {
		return nil
	}
	s := &Share{ID: l.ID, Name: l.Name, URL: p.Canonical}
	town := strings.TrimSpace(l.PostalCode)
	if l.City != nil {
		town = strings.TrimSpace(town + " " + l.City.Name)
	}
	s.Adr = strings.Join(nonEmpty(l.Street, town), ", ")
	var tels []string
	for _, ph := range l.Phone {
		tels = append(tels, ph.Text)
	}
	s.Tel = strings.Join(tels, ", ")
	switch {
	case l.Closed:
		s.Week = p.strings["closed_permanently"]
	case l.Hours != nil:
		s.Week = plainText(p.HoursLine(l.Hours))
	}
	lines := nonEmpty(s.Name, s.Adr)
	if s.Tel != "" {
		lines = append(lines, p.strings["phone"]+p.Colon()+s.Tel)
	}
	if s.Week != "" {
		lines = append(lines, p.strings["hours"]+p.Colon()+s.Week)
	}
	s.Text = strings.Join(lines, "\n")
	withURL := strings.Join(nonEmpty(s.Text, s.URL), "\n")
	s.SMS = template.URL("sms:?&body=" + queryEscape(withURL))
	s.WA = template.URL("https://wa.me/?text=" + queryEscape(withURL))
	s.TG = template.URL("https://t.me/share/url?url=" + queryEscape(s.URL) + "&text=" + queryEscape(s.Text))
	s.Mail = template.URL("mailto:?subject=" + queryEscape(s.Name) + "&body=" + queryEscape(withURL))
	return s
}

// Colon is ": " in the page's language: French puts a narrow no-break
// space before it, as its interface strings do.
func (p *Page) Colon() string {
	if p.Lang == "fr" || strings.HasPrefix(p.Lang, "fr-") {
		return "\u202f: "
	}
	return ": "
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plainText is the text of HTML made by abri itself (HoursLine), whose
// only markup is spans that set the direction of times.
func plainText(h template.HTML) string {
	return html.UnescapeString(tag.ReplaceAllString(string(h), ""))
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
