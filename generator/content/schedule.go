package content

import (
	"github.com/abri-guide/abri/generator/hours"
	"gopkg.in/yaml.v3"
)

// DaysOff are the holidays of site.yaml: public holidays of the guide's
// area added to those of its country (abri has the calendars of
// hours.Countries), e.g. for Alsace-Moselle, Good Friday (easter: -2) and
// 26 December (date: 12-26) every year.
type DaysOff struct {
	Extra []HolidayRule `yaml:"extra"` // days that come back every year
	Dates []Date        `yaml:"dates"` // one-off days, e.g. a holiday a country moved to a Monday
}

// HolidayRule is a yearly holiday: a date, or days after Easter Sunday.
type HolidayRule struct {
	Date   string `yaml:"date"`                  // MM-DD, e.g. 12-26
	Easter *int   `yaml:"easter" range:"-63,63"` // days after Easter Sunday: Good Friday is -2, Whit Monday 50
	Name   string `yaml:"name"`                  // what the day is, for editors
}

func (r *HolidayRule) check(d *decoder, n *yaml.Node) {
	if v := valueOf(n, "easter"); v != nil && !isNull(v) && r.Easter == nil {
		return // the number was refused already
	}
	if _, err := hours.NewHoliday(r.Date, r.Easter); err != nil {
		at := n
		if v := valueOf(n, "date"); v != nil && r.Easter == nil {
			at = v
		}
		d.errorf(at, "%s", err)
	}
}

// Calendar returns the guide's public holidays: its country's, and the
// days of site.yaml's holidays. ok is false when abri has no calendar for
// the country: then only site.yaml's days are holidays, which the build
// should tell editors (add the country to generator/hours/calendars.json,
// or list its days under holidays).
func (s *Site) Calendar() (cal hours.Calendar, ok bool) {
	cal, ok = hours.CountryCalendar(string(s.Country))
	if s.Holidays == nil {
		return cal, ok
	}
	for _, r := range s.Holidays.Extra {
		if h, err := hours.NewHoliday(r.Date, r.Easter); err == nil {
			h.Name = r.Name
			cal.Yearly = append(cal.Yearly, h)
		}
	}
	for _, d := range s.Holidays.Dates {
		cal.Dates = append(cal.Dates, hours.Date(d))
	}
	return cal, ok
}

// Schedule returns the listing's hours for the hours package: its week,
// closures and special hours, and whether it is closed for good. Special
// hours whose public_holidays is unknown (the default) take the week's.
func (l *Listing) Schedule() hours.Schedule {
	s := hours.Schedule{Closed: l.Closed()}
	if l.Hours != nil {
		s.Week, s.Holidays = l.Hours.Rules, policy(l.Hours.PublicHolidays)
	}
	for _, c := range l.Closures {
		s.Closures = append(s.Closures, period(c.Start, c.End))
	}
	for _, sp := range l.SpecialHours {
		special := hours.Special{Period: period(sp.Start, sp.End)}
		if sp.Hours != nil {
			special.Rules = sp.Hours.Rules
			if p := policy(sp.Hours.PublicHolidays); p != hours.PolicyUnknown {
				special.Holidays = p
			}
		}
		s.Special = append(s.Special, special)
	}
	return s
}

// ServiceSchedule returns the hours of one of the listing's services. A
// service without hours of its own keeps the place's. One with its own
// hours has them instead of the place's week and special hours (written
// for the place), with the place's public_holidays unless it gives its
// own; the place's closures and status apply to it all the same, and its
// own closures to it alone (the showers are closed, the day centre is not).
func (l *Listing) ServiceSchedule(sv *Service) hours.Schedule {
	s := l.Schedule()
	for _, c := range sv.Closures {
		s.Closures = append(s.Closures, period(c.Start, c.End))
	}
	if sv.Hours == nil {
		return s
	}
	s.Week, s.Special = sv.Hours.Rules, nil
	if p := policy(sv.Hours.PublicHolidays); p != hours.PolicyUnknown {
		s.Holidays = p
	}
	return s
}

// policy reads public_holidays; unset is unknown.
func policy(p string) hours.Policy {
	switch p {
	case "open":
		return hours.PolicyOpen
	case "closed":
		return hours.PolicyClosed
	}
	return hours.PolicyUnknown
}

func period(start, end Date) hours.Period {
	return hours.Period{First: hours.Date(start), Last: hours.Date(end)}
}

// ServiceFor returns the service whose hours a reader looking for category
// k at this place must see, or nil when the place's own hours apply. It is
// the one rule of the site: category and city pages, search results, the
// "open now" filter and print editions all follow it.
//
// A service with hours (or closures) of its own applies to its category and to the
// categories above it, unless the place itself offers something else there
// at its own hours: on "hygiene", a day centre whose only hygiene offer is
// its shower service is judged by the shower's hours; one that also lists a
// laundry of its own, by the place's. When several services apply, the
// first in the file does.
func (l *Listing) ServiceFor(k *Category) *Service {
	var found *Service
	for i := range l.Services {
		if sv := &l.Services[i]; found == nil && sv.ownSchedule() && sv.Category.Within(k) {
			found = sv
		}
	}
	if found == nil {
		return nil
	}
	for _, c := range l.Categories {
		if c.Within(k) && l.ownHours(c.Category) == nil {
			return nil
		}
	}
	return found
}

// ScheduleFor returns the hours that apply when a reader looks for
// category k at this place (see ServiceFor).
func (l *Listing) ScheduleFor(k *Category) hours.Schedule {
	if sv := l.ServiceFor(k); sv != nil {
		return l.ServiceSchedule(sv)
	}
	return l.Schedule()
}

// ownHours returns the first service of category c with hours or closures of its own.
func (l *Listing) ownHours(c *Category) *Service {
	for i := range l.Services {
		if sv := &l.Services[i]; sv.ownSchedule() && sv.Category.Category != nil && sv.Category.ID == c.ID {
			return sv
		}
	}
	return nil
}
