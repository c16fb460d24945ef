package content

import "github.com/abri-guide/abri/generator/hours"

// Site is site.yaml: the guide itself.
type Site struct {
	Title      Text      `yaml:"title,required"`     // the guide's name, per language
	Languages  []Lang    `yaml:"languages,required"` // the guide's languages; the first is the source language
	Timezone   Timezone  `yaml:"timezone,required"`  // IANA zone in which listings' hours are local
	Country    Country   `yaml:"country,required"`   // ISO 3166-1 alpha-2: default country of addresses and of public holidays
	BaseURL    URL       `yaml:"base_url"`           // optional canonical address; site links stay relative
	Licence    Licence   `yaml:"licence,required"`   // licence of the guide's data
	StaleAfter int       `yaml:"stale_after"`        // days after which `updated` is flagged, 1 or more; absent: 180
	Contact    Contact   `yaml:"contact"`            // how readers and partners reach the editors
	Notice     Notices   `yaml:"notice"`             // optional banners: one notice, or a list of them
	Holidays   *DaysOff  `yaml:"holidays"`           // optional: local public holidays added to the country's
	QuickExit  QuickExit `yaml:"quick_exit"`         // optional: a "Leave this site" button (and Escape three times) to a neutral site

	Repository *Repository `yaml:"repository"` // optional: where the guide's files are kept, for "Edit this listing" links
}

// Licence names a licence and where to read it.
type Licence struct {
	Name string `yaml:"name,required"` // short name, e.g. ODbL-1.0
	URL  URL    `yaml:"url"`           // where its text is
}

// Contact is how to reach the editors of a guide.
type Contact struct {
	Email   Email  `yaml:"email"`   // address for corrections
	Phone   Phones `yaml:"phone"`   // optional phone numbers
	Website URL    `yaml:"website"` // optional website
}

// Notice is a banner, optionally limited to a period and to the pages of
// some cities or categories.
type Notice struct {
	Text       Text     `yaml:"text,required"` // what readers must know
	Start      *Date    `yaml:"start"`         // shown from this date (inclusive)
	End        *Date    `yaml:"end"`           // shown until this date (inclusive)
	Cities     []string `yaml:"cities"`        // optional: shown only on the pages of these cities (as address.city writes them) and their listings
	Categories []string `yaml:"categories"`    // optional: shown only on the pages of these categories (ids of categories.yaml, with their sub-categories) and their listings

	// Where each of Cities and Categories is written: they are checked once
	// the categories and the listings' cities are known.
	citiesAt, categoriesAt []cityAt
}

// Targeted reports whether the notice is shown on some pages only.
func (no *Notice) Targeted() bool { return len(no.Cities) > 0 || len(no.Categories) > 0 }

// Message is a listing's temporary message ("distribution moved to the
// church hall this week"), optionally limited to a period.
type Message struct {
	Text  Text  `yaml:"text,required"` // what readers must know
	Start *Date `yaml:"start"`         // shown from this date (inclusive)
	End   *Date `yaml:"end"`           // shown until this date (inclusive)
}

// Category is one node of the category tree of categories.yaml.
type Category struct {
	ID            string      `yaml:"id,required" pattern:"^[a-z0-9_]+$"` // stable id used by listings
	Icon          string      `yaml:"icon"`                               // pictogram of the theme; required at the top level, else the parent's
	Name          Text        `yaml:"name,required"`                      // name per language
	Synonyms      Words       `yaml:"synonyms"`                           // search words per language
	Children      []*Category `yaml:"children"`                           // sub-categories
	DataInclusion []string    `yaml:"data_inclusion"`                     // optional: its data·inclusion thematiques for the open-data export; absent: abri's table, else the parent's
	QuickExit     bool        `yaml:"quick_exit"`                         // optional: the quick exit on its pages, its sub-categories' and their listings'

	Parent *Category `yaml:"-"` // nil at the top level
}

// Top returns the top-level ancestor of c (c itself at the top level).
func (c *Category) Top() *Category {
	for c.Parent != nil {
		c = c.Parent
	}
	return c
}

// HasQuickExit reports whether c or a category above it asks for the quick exit.
func (c *Category) HasQuickExit() bool {
	for ; c != nil; c = c.Parent {
		if c.QuickExit {
			return true
		}
	}
	return false
}

// Pictogram returns the icon c shows: its own, else its nearest ancestor's.
func (c *Category) Pictogram() string {
	for c.Icon == "" && c.Parent != nil {
		c = c.Parent
	}
	return c.Icon
}

// Inheriting lists, in the order of categories.yaml, the categories that
// have no icon of their own and show their parent's pictogram, so that
// abri check can say which look alike.
func (g *Guide) Inheriting() []string {
	var ids []string
	var walk func(cs []*Category)
	walk = func(cs []*Category) {
		for _, c := range cs {
			if c == nil {
				continue
			}
			if c.Icon == "" && c.Parent != nil {
				ids = append(ids, c.ID)
			}
			walk(c.Children)
		}
	}
	walk(g.Categories)
	return ids
}

// Within reports whether c is k or one of its descendants.
func (c *Category) Within(k *Category) bool {
	for ; c != nil && k != nil; c = c.Parent {
		if c.ID == k.ID {
			return true
		}
	}
	return false
}

// Listing is one place: a file of listings/**.
type Listing struct {
	ID           string         `yaml:"-"`                               // the file name without .yaml: stable id and URL slug
	Path         string         `yaml:"-"`                               // file path, for messages
	File         string         `yaml:"-"`                               // path in the content folder (listings/lyon/halte.yaml)
	Name         string         `yaml:"name,required"`                   // name of the place
	Description  Text           `yaml:"description"`                     // what happens there
	Categories   []CategoryRef  `yaml:"categories,required"`             // what it offers, ids of categories.yaml
	Address      *Address       `yaml:"address"`                         // where it is; required unless geo is given
	Geo          *Geo           `yaml:"geo"`                             // latitude, longitude (WGS84)
	Phone        Phones         `yaml:"phone"`                           // phone numbers
	Email        Email          `yaml:"email"`                           // e-mail address
	Website      URL            `yaml:"website"`                         // website
	Hours        *Hours         `yaml:"hours"`                           // weekly opening hours
	Message      *Message       `yaml:"message"`                         // optional temporary message, shown on its page and cards while in force
	Closures     []Closure      `yaml:"closures"`                        // temporary closures
	SpecialHours []SpecialHours `yaml:"special_hours"`                   // temporary hours that replace the week
	Audience     *Audience      `yaml:"audience"`                        // who is welcome
	Access       *Access        `yaml:"access"`                          // conditions of access
	Languages    []SpokenLang   `yaml:"languages"`                       // languages spoken on site, ISO 639 codes
	Services     []Service      `yaml:"services"`                        // services whose hours or conditions differ from the place's
	Status       string         `yaml:"status" enum:"open,draft,closed"` // open (default), draft (not published), closed (permanently)
	Updated      Date           `yaml:"updated,required"`                // when the information was last checked
	Sources      []Source       `yaml:"sources"`                         // where the information comes from

	// Sum names the file's path and bytes (FNV-128a), set when it is read:
	// a later build compares it to tell an edited listing (render's keys).
	Sum [16]byte `yaml:"-" json:"-"`
}

// Published reports whether the listing appears in the site.
func (l *Listing) Published() bool { return l.Status != "draft" }

// Closed reports whether the place is permanently closed.
func (l *Listing) Closed() bool { return l.Status == "closed" }

// Address is a postal address.
type Address struct {
	Street     string  `yaml:"street"`      // number and street
	PostalCode string  `yaml:"postal_code"` // postal code, as a string
	City       string  `yaml:"city"`        // city or town; groups listings into city pages
	Country    Country `yaml:"country"`     // ISO 3166-1 alpha-2; defaults to the site's
	Hidden     bool    `yaml:"hidden"`      // publish only postal code and city, never street nor coordinates

	at cityAt // where city: is, for messages about the city
}

// Hours are weekly opening hours, local to the site's time zone.
type Hours struct {
	Rules          []hours.Rule // one per day key, in the editor's order
	PublicHolidays string       // open | closed | unknown
	Note           Text         // free text, e.g. "no appointment in the morning"
}

// Closure is a temporary closure, dates inclusive.
type Closure struct {
	Start Date `yaml:"start,required"` // first closed day
	End   Date `yaml:"end,required"`   // last closed day
	Note  Text `yaml:"note"`           // why, or what to do instead
}

// SpecialHours replace the weekly hours over a period (summer, cold snap).
type SpecialHours struct {
	Start Date   `yaml:"start,required"` // first day
	End   Date   `yaml:"end,required"`   // last day
	Hours *Hours `yaml:"hours,required"` // the hours that apply then
	Note  Text   `yaml:"note"`           // why
}

// Audience says who is welcome.
type Audience struct {
	Welcome string   `yaml:"welcome" enum:"unconditional,preferential,exclusive"`                                       // how the criteria below apply
	Gender  []string `yaml:"gender" enum:"women,men"`                                                                   // genders welcomed
	Age     *Age     `yaml:"age"`                                                                                       // ages welcomed
	Status  []string `yaml:"status" enum:"asylum,refugee,undocumented,regular"`                                         // administrative situations
	Family  []string `yaml:"family" enum:"isolated,couple,family,pregnant"`                                             // family situations
	Other   []string `yaml:"other" enum:"addiction,disability,hiv,lgbt,mental_health,prison,sex_work,student,violence"` // other situations
	Note    Text     `yaml:"note"`                                                                                      // anything else
}

// Age is an age range, bounds inclusive; 0 means no bound.
type Age struct {
	Min int `yaml:"min" range:"0,120"` // youngest age welcomed
	Max int `yaml:"max" range:"0,120"` // oldest age welcomed
}

// Access gives the conditions of access.
type Access struct {
	Appointment  Condition `yaml:"appointment"`  // true, or a text saying how to get one
	Referral     Condition `yaml:"referral"`     // only on referral by a social worker
	Registration Condition `yaml:"registration"` // registration needed
	Price        Price     `yaml:"price"`        // free, or a text
	Wheelchair   *bool     `yaml:"wheelchair"`   // wheelchair accessible
	Animals      *bool     `yaml:"animals"`      // animals welcome
	Note         Text      `yaml:"note"`         // anything else
}

// Service is a part of a place whose hours, audience or access differ from the place's.
type Service struct {
	Category    CategoryRef `yaml:"category,required"` // what the service is
	Name        Text        `yaml:"name"`              // optional name; the category's name otherwise
	Description Text        `yaml:"description"`       // optional details
	Hours       *Hours      `yaml:"hours"`             // its own hours
	Audience    *Audience   `yaml:"audience"`          // its own audience
	Access      *Access     `yaml:"access"`            // its own access
	Closures    []Closure   `yaml:"closures"`          // temporary closures of this service only
	Note        Text        `yaml:"note"`              // anything else
}

// ownSchedule tells whether the service's days differ from the place's:
// hours of its own, or closures of its own.
func (sv *Service) ownSchedule() bool { return sv.Hours != nil || len(sv.Closures) > 0 }

// Source credits where information comes from.
type Source struct {
	Name    string `yaml:"name,required"` // who published it
	URL     URL    `yaml:"url"`           // where
	Licence string `yaml:"licence"`       // under which licence
	ID      string `yaml:"id"`            // optional: the record's id in the source (abri import)
	Date    *Date  `yaml:"date"`          // optional: when the source last updated the record
}

// Page is a Markdown page of pages/, in one language.
type Page struct {
	Slug  string `yaml:"-"`              // file name before .<lang>.md
	Lang  string `yaml:"-"`              // language of this file
	Path  string `yaml:"-"`              // file path, for messages
	Title string `yaml:"title,required"` // page title
	Menu  int    `yaml:"menu"`           // position in the menu; 0: not in the menu
	Body  []byte `yaml:"-"`              // Markdown source

	Status   string `yaml:"status" enum:"published,draft"` // published (default) or draft (not published)
	BodyLine int    `yaml:"-"`                             // line of the file where Body starts, for messages
}

// Published reports whether the page appears in the site.
func (p *Page) Published() bool { return p.Status != "draft" }
