package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// sourceLang is the guide's source language, that of imported texts.
func sourceLang(g *content.Guide) string {
	if g == nil || g.Site == nil || len(g.Site.Languages) == 0 {
		return "fr"
	}
	return g.Site.Languages[0].String()
}

// splitList splits a list joined by sep, trimmed, without empty items.
func splitList(s, sep string) []string {
	var out []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// pickCats adds to cats the first of ids the guide has, unless cats has it.
func pickCats(g *content.Guide, cats []content.CategoryRef, ids ...string) []content.CategoryRef {
	if g == nil {
		return cats
	}
	for _, id := range ids {
		c, ok := g.ByID[id]
		if !ok {
			continue
		}
		for _, have := range cats {
			if have.ID == id {
				return cats
			}
		}
		return append(cats, content.CategoryRef{Category: c})
	}
	return cats
}

var datePrefix = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

// parseDate reads the day of a date or a date-time (2023-05-11T10:00:00Z).
func parseDate(s string) (content.Date, bool) {
	m := datePrefix.FindString(strings.TrimSpace(s))
	if m == "" {
		return content.Date{}, false
	}
	d, err := hours.ParseDate(m)
	if err != nil || d.Year < 1900 {
		return content.Date{}, false
	}
	return content.Date(d), true
}

// The content format's checks (generator/content/values.go), so that an
// imported value is never one abri check refuses.
var (
	phoneChars   = regexp.MustCompile(`^\+?[0-9][0-9 .()\-/]*$`)
	emailPattern = regexp.MustCompile(`^[^@\s<>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
)

func validPhone(s string) bool {
	if !phoneChars.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if strings.HasPrefix(s, "+") {
		return digits >= 7 && digits <= 15
	}
	return digits >= 3 && digits <= 14
}

// webAddress returns s as an http(s) address, adding https:// to a bare
// domain (www.example.org); ok is false when it is not one.
func webAddress(s string) (u string, guessed, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") && !strings.ContainsAny(s, " @") && strings.Contains(s, ".") {
		s, guessed = "https://"+s, true
	}
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || !strings.Contains(p.Host, ".") {
		return "", false, false
	}
	return s, guessed, true
}

// contacts sets the listing's phones, e-mail and website from lists
// joined by ";", noting what is dropped or guessed.
func (r *Record) contacts(phone, email, website string) {
	l := &r.Listing
	for _, p := range splitList(phone, ";") {
		if validPhone(p) {
			l.Phone = append(l.Phone, content.Phone{Text: p, Tel: telOf(p)})
		} else {
			r.note("phone %q dropped: not a phone number", p)
		}
	}
	for i, e := range splitList(email, ";") {
		switch {
		case i > 0:
			r.note("e-mail %q dropped: a listing has one", e)
		case emailPattern.MatchString(e):
			l.Email = content.Email(e)
		default:
			r.note("e-mail %q dropped: not an e-mail address", e)
		}
	}
	for _, w := range splitList(website, ";") {
		u, guessed, ok := webAddress(w)
		switch {
		case !ok:
			r.note("website %q dropped: not a web address", w)
		case l.Website != "":
			r.note("website %q dropped: a listing has one", w)
		default:
			l.Website = content.URL(u)
			if guessed {
				r.note("website %q written %s", w, u)
			}
		}
	}
}

// hours sets the listing's hours from an opening_hours value.
func (r *Record) hours(osm, lang string) {
	if strings.TrimSpace(osm) == "" {
		return
	}
	h := ParseHours(osm, lang)
	r.Listing.Hours = h.Hours
	r.Listing.Closures = append(r.Listing.Closures, h.Closures...)
	r.Listing.SpecialHours = append(r.Listing.SpecialHours, h.Special...)
	r.Notes = append(r.Notes, h.Notes...)
}

func (r *Record) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}
