package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
)

// Page is what a template receives: one page in one language.
type Page struct {
	*Site
	Lang      string
	Dir       string // ltr or rtl
	Root      string // prefix from this page to the site root: "../../", or "/" on 404 pages
	Rest      string // path of the page below its language folder, e.g. places/halte.html
	Kind      string // one of kinds: root, home, category, category-city, city, listing...
	Canonical string // absolute address when the guide has a base_url
	Title     string // page title, without the site's
	Category  *Category
	City      *City
	Listing   *Listing
	MD        *MDPage
	Single    bool   // in a zip: the site has only this page's language
	Save      *Save  // on city pages: saving the city for offline use
	Zip       *Zip   // on offline copies pages: this language's zip, unless it is too big
	CityZips  []Zip  // on offline copies pages: the zip of each city in this language
	List      *Paged // on pages of a list of places: this page's part of it
	strings   theme.Strings
	cityZips  map[*City]*Zip // CityZips by town, made when first asked
	copy      *inCopy        // in a zip: resolves links within it
	asked     *[]string      // when not nil, URL notes the links made (Renderer.derive)
}

// rtl lists the right-to-left languages; the direction follows the language.
var rtl = map[string]bool{"ar": true, "fa": true, "ps": true, "ur": true, "he": true, "yi": true, "ckb": true, "dv": true, "sd": true, "ug": true, "prs": true}

// Direction returns ltr or rtl for a language code such as ar or fa-AF.
func Direction(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	if rtl[base] {
		return "rtl"
	}
	return "ltr"
}

// T returns the interface string key, with {name} placeholders replaced by
// the name, value pairs that follow.
func (p *Page) T(key string, pairs ...string) (string, error) {
	return p.strings.FormatIn(p.Lang, key, pairs...)
}

// Tx returns a translatable text in the page's language. A text missing in
// that language shows the source text with its own lang (and dir) and a
// visible "not translated" mark.
// A machine translation gets a discreet "machine translation" mark.
func (p *Page) Tx(t content.Text) template.HTML {
	s, in := t.In(p.Langs, p.Lang)
	if in != p.Lang {
		return p.foreign(s, in)
	}
	if t.Machine(in) {
		return template.HTML(template.HTMLEscapeString(s) + ` <small class="nt">(` +
			template.HTMLEscapeString(p.strings["machine_translated"]) + `)</small>`)
	}
	return template.HTML(template.HTMLEscapeString(s))
}

// Original shows, after a block of text (a paragraph, not inside one), the
// source text of a machine translation one tap away, without JavaScript;
// nothing for any other text.
func (p *Page) Original(t content.Text) template.HTML {
	if !t.Machine(p.Lang) || len(p.Langs) == 0 {
		return ""
	}
	src := p.Langs[0]
	s, ok := t[src]
	if !ok {
		return ""
	}
	return template.HTML(`<details class="nt"><summary>` + template.HTMLEscapeString(p.strings["machine_original"]) +
		`</summary><p lang="` + src + `" dir="` + Direction(src) + `">` + template.HTMLEscapeString(s) + `</p></details>`)
}

func (p *Page) foreign(s, lang string) template.HTML {
	var b strings.Builder
	b.WriteString(`<span lang="`)
	b.WriteString(lang)
	if d := Direction(lang); d != p.Dir {
		b.WriteString(`" dir="`)
		b.WriteString(d)
	}
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(s))
	b.WriteString(`</span> <small class="nt">(`)
	b.WriteString(template.HTMLEscapeString(p.strings["not_translated"]))
	b.WriteString(`)</small>`)
	return template.HTML(b.String())
}

// Date formats a day in the page's language: 3 October 2026.
func (p *Page) Date(d content.Date) (string, error) {
	return p.strings.Format("date_format",
		"d", strconv.Itoa(d.Day), "month", p.strings["month_"+strconv.Itoa(int(d.Month))], "y", strconv.Itoa(d.Year))
}

// LangName is the name of a language in itself (العربية), or its code.
func (p *Page) LangName(code string) string {
	if s := p.Site.theme.Strings[code]["lang_name"]; s != "" {
		return s
	}
	if n, ok := p.Site.theme.LangNames[code]; ok {
		return n
	}
	return code
}

// Icon returns a pictogram of the theme, inline.
func (p *Page) Icon(name string) template.HTML { return p.Site.theme.Icons[name] }

// Home is the link to the home page in the page's language.
func (p *Page) Home() string { return p.Root + p.Lang + "/index.html" }

// URL makes a link from a path below the page's language folder.
func (p *Page) URL(rest string) string {
	if p.copy != nil {
		return p.copy.link(p, rest)
	}
	if p.asked != nil {
		*p.asked = append(*p.asked, rest)
	}
	return p.Root + p.Lang + "/" + rest
}

// Asset makes a link to a fingerprinted asset.
func (p *Page) Asset(path string) string { return p.Root + path }

// SiteTitle is the guide's title in the page's language.
func (p *Page) SiteTitle() template.HTML { return p.Tx(p.guide.Site.Title) }

// PlainSiteTitle is the guide's title as plain text, for <title>.
func (p *Page) PlainSiteTitle() string {
	s, _ := p.guide.Site.Title.In(p.Langs, p.Lang)
	return s
}

// Plain returns a text in the page's language or its fallback, without marks.
func (p *Page) Plain(t content.Text) string {
	s, _ := t.In(p.Langs, p.Lang)
	return s
}

// PageBody returns a Markdown page's HTML in the page's language, or the
// source language's, marked as not translated.
func (p *Page) PageBody(m *MDPage) template.HTML {
	if b, ok := m.Body[p.Lang]; ok {
		return b
	}
	for _, l := range p.Langs {
		if b, ok := m.Body[l]; ok {
			dir := ""
			if d := Direction(l); d != p.Dir {
				dir = ` dir="` + d + `"`
			}
			return template.HTML(`<p class="nt">(` + template.HTMLEscapeString(p.strings["not_translated"]) + `)</p><div lang="` + l + `"` + dir + `>` + string(b) + `</div>`)
		}
	}
	return ""
}

// Ctx carries the page and a value into a partial template: {{template "hours" ($.With .Hours)}}.
type Ctx struct {
	P *Page
	V any
}

// With pairs the page with a value for a partial template.
func (p *Page) With(v any) Ctx { return Ctx{p, v} }

// Tel returns the tel: link of a phone number, whose digits the content checks made safe.
func (p *Page) Tel(ph content.Phone) template.URL { return template.URL("tel:" + ph.Tel) }

// GeoHref returns the href attribute of the geo: link of directions, made
// of numbers and an escaped name. It is written whole because html/template
// would percent-encode the parentheses around the label, which Android's
// maps apps read.
func (p *Page) GeoHref(d *Directions) template.HTMLAttr {
	return template.HTMLAttr(`href="` + template.HTMLEscapeString(d.Geo) + `"`)
}

// Yes reads an optional yes/no answer: {{if $.Yes .Access.Wheelchair}}.
func (p *Page) Yes(b *bool) bool { return b != nil && *b }

// Cards returns the list items of listings on a category or city page,
// with the status of what the reader looks for: in, or the page's category
// (content.Listing.ServiceFor). Each card is rendered once per language
// and variant, not once per page it is on.
func (p *Page) Cards(ls []*Listing, in ...*Category) (template.HTML, error) {
	c := p.Category
	if len(in) > 0 {
		c = in[0]
	}
	var b strings.Builder
	for _, l := range ls {
		html, err := p.Site.card(p.Lang, l, l.serviceIn(c))
		if err != nil {
			return "", err
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// writtenIn maps codes editors use that are not language tags (lsf, the
// usual French name of French Sign Language) to the language their name is
// written in, so that lang attributes stay valid BCP 47.
var writtenIn = map[string]string{"lsf": "fr"}

// LangTag is the lang attribute for the name of a spoken language.
func (p *Page) LangTag(code string) string {
	if w, ok := writtenIn[code]; ok {
		return w
	}
	return code
}

// HreflangLinks returns the <link rel="alternate" hreflang> of the page, one
// per language. Built in Go: with a dozen languages it is the largest
// repeated part of every page, and templates spend their time on reflection.
func (p *Page) HreflangLinks() template.HTML {
	root, rest := template.HTMLEscapeString(p.Root), template.HTMLEscapeString(p.Rest)
	if abs, ok := strings.CutSuffix(p.Canonical, p.Lang+"/"+p.Rest); ok && p.Canonical != "" {
		root = template.HTMLEscapeString(abs) // the site's address when the guide has a base_url
	}
	var b strings.Builder
	b.Grow(len(p.langs()) * (48 + len(root) + len(rest)))
	for _, l := range p.langs() {
		b.WriteString(`<link rel="alternate" hreflang="`)
		b.WriteString(l)
		b.WriteString(`" href="`)
		b.WriteString(root) // language codes need no escaping: escaping the parts is escaping the whole
		b.WriteString(l)
		b.WriteString("/")
		b.WriteString(rest)
		b.WriteString("\">\n")
	}
	return template.HTML(b.String())
}

// LangLinks returns the list items of the language switcher: the same page
// in each language, named in that language, the current one marked.
func (p *Page) LangLinks() template.HTML {
	root, rest := template.HTMLEscapeString(p.Root), template.HTMLEscapeString(p.Rest)
	var b strings.Builder
	b.Grow(len(p.langs()) * (96 + len(root) + len(rest)))
	for _, l := range p.langs() {
		b.WriteString(`<li><a href="`)
		b.WriteString(root)
		b.WriteString(l)
		b.WriteString("/")
		b.WriteString(rest)
		b.WriteString(`" lang="`)
		b.WriteString(l)
		b.WriteString(`" hreflang="`)
		b.WriteString(l)
		b.WriteString(`" dir="`)
		b.WriteString(Direction(l))
		b.WriteString(`"`)
		if l == p.Lang && p.Kind != "root" {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		b.WriteString(template.HTMLEscapeString(p.LangName(l)))
		b.WriteString("</a></li>\n")
	}
	return template.HTML(b.String())
}

// HoursTable renders a week of opening hours: a row per day, Monday first,
// 24-hour times, then the nth-weekday slots, public holidays and the note.
// Rows carry data-day so that scripts can highlight today.
func (p *Page) HoursTable(h *Hours) template.HTML {
	if h == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<table class="hours"><tbody>`)
	for _, i := range p.week() {
		d := h.Days[i]
		b.WriteString(`<tr data-day="`)
		b.WriteString(d.Key)
		b.WriteString(`"><th scope="row">`)
		b.WriteString(template.HTMLEscapeString(p.strings["day_"+d.Key]))
		b.WriteString(`</th><td>`)
		switch {
		case d.AllDay:
			b.WriteString(template.HTMLEscapeString(p.strings["all_day"]))
		case len(d.Slots) == 0:
			b.WriteString(template.HTMLEscapeString(p.strings["closed"]))
		default:
			p.writeSlots(&b, d.Slots)
		}
		b.WriteString("</td></tr>\n")
	}
	for _, n := range h.Nth {
		label, _ := p.strings.Format(n.Key, "day", p.strings["day_"+n.Day])
		b.WriteString(`<tr><th scope="row">`)
		b.WriteString(template.HTMLEscapeString(label))
		b.WriteString(`</th><td>`)
		if len(n.Slots) == 0 {
			b.WriteString(template.HTMLEscapeString(p.strings["closed"]))
		}
		p.writeSlots(&b, n.Slots)
		b.WriteString("</td></tr>\n")
	}
	b.WriteString(`</tbody></table><p class="ph">`)
	b.WriteString(template.HTMLEscapeString(p.strings["public_holidays_"+h.PublicHolidays]))
	b.WriteString(`</p>`)
	if len(h.Note) > 0 {
		b.WriteString(`<p>`)
		b.WriteString(string(p.Tx(h.Note)))
		b.WriteString(`</p>`)
	}
	return template.HTML(b.String())
}

// writeSlots writes times left to right whatever the page's direction.
func (p *Page) writeSlots(b *strings.Builder, slots []string) {
	for i, s := range slots {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<span dir="ltr">`)
		b.WriteString(s)
		b.WriteString(`</span>`)
	}
}

// BuildDate is the day of the build: the date of a print edition, and of
// the information a reader sees offline.
func (p *Page) BuildDate() content.Date { return p.Site.today }

// SiteURL is the guide's address when it has one, for print editions.
func (p *Page) SiteURL() string { return string(p.guide.Site.BaseURL) }

// HoursLine sums up a week on one line, days with the same hours grouped:
// "Monday – Friday 09:00–12:00, 14:00–17:30 · Saturday 10:00–12:00".
func (p *Page) HoursLine(h *Hours) template.HTML {
	if h == nil {
		return template.HTML(template.HTMLEscapeString(p.strings["hours_unknown"]))
	}
	var parts []string
	order := p.week()
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && sameDay(h.Days[order[j+1]], h.Days[order[i]]) {
			j++
		}
		if d := h.Days[order[i]]; len(d.Slots) > 0 {
			days := p.strings["day_"+d.Key]
			if j > i {
				days += " – " + p.strings["day_"+h.Days[order[j]].Key]
			}
			times := p.strings["all_day"]
			if !d.AllDay {
				times = `<span dir="ltr">` + strings.Join(d.Slots, ", ") + `</span>`
			}
			parts = append(parts, template.HTMLEscapeString(days)+" "+times)
		}
		i = j + 1
	}
	for _, n := range h.Nth {
		label, _ := p.strings.Format(n.Key, "day", p.strings["day_"+n.Day])
		parts = append(parts, template.HTMLEscapeString(label)+` <span dir="ltr">`+strings.Join(n.Slots, ", ")+`</span>`)
	}
	if len(parts) == 0 {
		return template.HTML(template.HTMLEscapeString(p.strings["closed"]))
	}
	return template.HTML(strings.Join(parts, " · "))
}

func sameDay(a, b Day) bool {
	return a.AllDay == b.AllDay && strings.Join(a.Slots, ",") == strings.Join(b.Slots, ",")
}

// HasStatus tells whether the page shows opening statuses, computed by
// hours.js where the reader is.
func (p *Page) HasStatus() bool { return kindOf[p.Kind].status }

// HoursData is the JSON that hours.js reads: the guide's time zone, public
// holidays and the status strings of the page's language.
func (p *Page) HoursData() template.JS { return p.Site.hoursData[p.Lang] }

// langs are the languages a page links to: all the guide's, or only its
// own in a zip, which holds one language.
func (p *Page) langs() []string {
	if p.Single {
		return []string{p.Lang}
	}
	return p.Langs
}

// Size writes a number of bytes for readers: 210 KB, 1.4 MB.
func (p *Page) Size(n int64) (string, error) {
	if n < 1000*1000 {
		return p.strings.Format("size_kb", "n", strconv.FormatInt(max(1, (n+500)/1000), 10))
	}
	mb := strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
	return p.strings.Format("size_mb", "n", mb)
}

// LangList lists the codes of the languages the page links to, space separated.
func (p *Page) LangList() string { return strings.Join(p.langs(), " ") }

// week lists the days (0 = Monday) in the order the page's language
// expects, from its interface string week_start: Saturday first in Persian.
func (p *Page) week() []int {
	first := 0
	for i, k := range dayKeys {
		if k == p.strings["week_start"] {
			first = i
		}
	}
	order := make([]int, 7)
	for i := range order {
		order[i] = (first + i) % 7
	}
	return order
}
