package importer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// fieldOrder is the order of a listing's fields in the content format's
// example (content/README.md), which the writer follows.
var fieldOrder = []string{
	"name", "description", "categories", "address", "geo", "phone", "email", "website",
	"hours", "closures", "special_hours", "audience", "access", "languages", "services",
	"status", "updated", "sources",
}

// field is one top-level field of a listing file, as written: "key:" and
// its value, ending in a newline.
type field struct {
	key  string
	text string
}

// style is what the writer needs of the guide.
type style struct {
	langs   []string        // the guide's languages, the source language first
	country content.Country // the guide's country, left out of addresses
}

func styleOf(g *content.Guide) style {
	st := style{country: g.Site.Country}
	for _, l := range g.Site.Languages {
		st.langs = append(st.langs, l.String())
	}
	return st
}

// Marshal writes a listing in the content format, fields in the order of
// the format's example.
func (st style) Marshal(l *content.Listing) []byte {
	var b strings.Builder
	for _, f := range st.fields(l) {
		b.WriteString(f.text)
	}
	return []byte(b.String())
}

// fields writes each field the listing gives.
func (st style) fields(l *content.Listing) []field {
	var fs []field
	add := func(key, val string) {
		if val != "" {
			fs = append(fs, field{key, key + ":" + val + "\n"})
		}
	}
	add("name", optScalar(l.Name))
	add("description", st.text(l.Description, "  "))
	add("categories", categories(l.Categories))
	add("address", st.address(l.Address))
	if l.Geo != nil {
		add("geo", " ["+num(l.Geo.Lat)+", "+num(l.Geo.Lon)+"]")
	}
	add("phone", phones(l.Phone))
	add("email", optScalar(string(l.Email)))
	add("website", optScalar(string(l.Website)))
	add("hours", st.hours(l.Hours, "  "))
	add("closures", st.closures(l.Closures))
	add("special_hours", st.special(l.SpecialHours))
	add("audience", st.audience(l.Audience, "  "))
	add("access", st.access(l.Access, "  "))
	add("languages", spoken(l.Languages))
	add("services", st.services(l.Services))
	if l.Status != "" && l.Status != "open" {
		add("status", " "+l.Status)
	}
	if !l.Updated.IsZero() {
		add("updated", " "+l.Updated.String())
	}
	add("sources", sources(l.Sources))
	return fs
}

func optScalar(s string) string {
	if s == "" {
		return ""
	}
	return " " + scalar(s, false)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// text writes a translatable text: a plain string when it is only in the
// source language, else a map in the guide's language order, indented.
func (st style) text(t content.Text, indent string) string {
	if len(t) == 0 {
		return ""
	}
	if s, ok := t[st.langs[0]]; ok && len(t) == 1 {
		return " " + scalar(s, false)
	}
	var b strings.Builder
	for _, lang := range st.langs {
		if s, ok := t[lang]; ok {
			b.WriteString("\n" + indent + lang + ": " + scalar(s, false))
		}
	}
	return b.String()
}

// flowText writes a text inside a flow map.
func (st style) flowText(t content.Text) string {
	if s, ok := t[st.langs[0]]; ok && len(t) == 1 {
		return scalar(s, true)
	}
	var parts []string
	for _, lang := range st.langs {
		if s, ok := t[lang]; ok {
			parts = append(parts, lang+": "+scalar(s, true))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func categories(cs []content.CategoryRef) string {
	var ids []string
	for _, c := range cs {
		if c.Category != nil {
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return " [" + strings.Join(ids, ", ") + "]"
}

func (st style) address(a *content.Address) string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString("\n  " + k + ": " + v)
		}
	}
	line("street", optQuote(a.Street))
	if a.PostalCode != "" {
		line("postal_code", quote(a.PostalCode)) // in quotes, so that 01000 keeps its 0
	}
	line("city", optQuote(a.City))
	if a.Country != "" && a.Country != st.country {
		line("country", string(a.Country))
	}
	if a.Hidden {
		line("hidden", "true")
	}
	return b.String()
}

func optQuote(s string) string {
	if s == "" {
		return ""
	}
	return scalar(s, false)
}

func phones(ps content.Phones) string {
	if len(ps) == 0 {
		return ""
	}
	var q []string
	for _, p := range ps {
		q = append(q, quote(p.Text)) // quoted: +687445728 would read as a number
	}
	return " [" + strings.Join(q, ", ") + "]"
}

// hours writes an hours map, one day key a line.
func (st style) hours(h *content.Hours, indent string) string {
	if h == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range h.Rules {
		b.WriteString("\n" + indent + r.Key() + ": " + slots(r.Slots))
	}
	if p := h.PublicHolidays; p == "open" || p == "closed" {
		b.WriteString("\n" + indent + "public_holidays: " + p)
	}
	if len(h.Note) > 0 {
		b.WriteString("\n" + indent + "note:" + st.text(h.Note, indent+"  "))
	}
	return b.String()
}

func slots(ss []hours.Slot) string {
	if len(ss) == 0 {
		return "closed"
	}
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.String())
	}
	return strings.Join(parts, ", ")
}

func (st style) closures(cs []content.Closure) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString("\n  - {start: " + c.Start.String() + ", end: " + c.End.String())
		if len(c.Note) > 0 {
			b.WriteString(", note: " + st.flowText(c.Note))
		}
		b.WriteString("}")
	}
	return b.String()
}

func (st style) special(sps []content.SpecialHours) string {
	var b strings.Builder
	for _, sp := range sps {
		b.WriteString("\n  - start: " + sp.Start.String() + "\n    end: " + sp.End.String())
		b.WriteString("\n    hours:" + st.hours(sp.Hours, "      "))
		if len(sp.Note) > 0 {
			b.WriteString("\n    note:" + st.text(sp.Note, "      "))
		}
	}
	return b.String()
}

func (st style) audience(a *content.Audience, indent string) string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString("\n" + indent + k + ":" + v)
		}
	}
	if a.Welcome != "" {
		line("welcome", " "+a.Welcome)
	}
	line("gender", list(a.Gender))
	if a.Age != nil && (a.Age.Min != 0 || a.Age.Max != 0) {
		var parts []string
		if a.Age.Min != 0 {
			parts = append(parts, "min: "+strconv.Itoa(a.Age.Min))
		}
		if a.Age.Max != 0 {
			parts = append(parts, "max: "+strconv.Itoa(a.Age.Max))
		}
		line("age", " {"+strings.Join(parts, ", ")+"}")
	}
	line("status", list(a.Status))
	line("family", list(a.Family))
	line("other", list(a.Other))
	line("note", st.text(a.Note, indent+"  "))
	return orEmpty(b.String())
}

func list(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return " [" + strings.Join(xs, ", ") + "]"
}

func (st style) access(a *content.Access, indent string) string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString("\n" + indent + k + ":" + v)
		}
	}
	line("appointment", st.condition(a.Appointment, indent))
	line("referral", st.condition(a.Referral, indent))
	line("registration", st.condition(a.Registration, indent))
	switch {
	case a.Price.Free:
		line("price", " free")
	case len(a.Price.Text) > 0:
		line("price", st.text(a.Price.Text, indent+"  "))
	}
	line("wheelchair", boolean(a.Wheelchair))
	line("animals", boolean(a.Animals))
	line("note", st.text(a.Note, indent+"  "))
	return orEmpty(b.String())
}

// orEmpty writes a group given with nothing in it as {}: a service's
// access: {} replaces the place's, where no access: keeps it.
func orEmpty(s string) string {
	if s == "" {
		return " {}"
	}
	return s
}

func (st style) condition(c content.Condition, indent string) string {
	switch {
	case !c.Set:
		return ""
	case c.Yes && len(c.How) > 0:
		return st.text(c.How, indent+"  ")
	case c.Yes:
		return " true"
	}
	return " false"
}

func boolean(b *bool) string {
	if b == nil {
		return ""
	}
	return " " + strconv.FormatBool(*b)
}

func spoken(ls []content.SpokenLang) string {
	var xs []string
	for _, l := range ls {
		xs = append(xs, string(l))
	}
	return list(xs)
}

func (st style) services(svs []content.Service) string {
	var b strings.Builder
	for _, sv := range svs {
		if sv.Category.Category == nil {
			continue
		}
		b.WriteString("\n  - category: " + sv.Category.ID)
		sub := func(k, v string) {
			if v != "" {
				b.WriteString("\n    " + k + ":" + v)
			}
		}
		sub("name", st.text(sv.Name, "      "))
		sub("description", st.text(sv.Description, "      "))
		sub("hours", st.hours(sv.Hours, "      "))
		sub("audience", st.audience(sv.Audience, "      "))
		sub("access", st.access(sv.Access, "      "))
		sub("note", st.text(sv.Note, "      "))
	}
	return b.String()
}

func sources(ss []content.Source) string {
	var b strings.Builder
	for _, s := range ss {
		parts := []string{"name: " + scalar(s.Name, true)}
		if s.URL != "" {
			parts = append(parts, "url: "+scalar(string(s.URL), true))
		}
		if s.Licence != "" {
			parts = append(parts, "licence: "+scalar(s.Licence, true))
		}
		if s.ID != "" {
			parts = append(parts, "id: "+scalar(s.ID, true))
		}
		if s.Date != nil {
			parts = append(parts, "date: "+s.Date.String())
		}
		b.WriteString("\n  - {" + strings.Join(parts, ", ") + "}")
	}
	return b.String()
}

// keyRank is a key's place in fieldOrder; unknown keys go last.
func keyRank(k string) int {
	if i := slices.Index(fieldOrder, k); i >= 0 {
		return i
	}
	return len(fieldOrder)
}
