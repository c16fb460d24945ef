package hours

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
)

// Calendar says which days are public holidays.
type Calendar struct {
	Yearly []Holiday // days that come back every year
	Dates  []Date    // one-off days: a holiday decreed for one year, a day a country moved
}

// Holiday is a day that comes back every year: on a fixed date, or at an
// offset from Easter Sunday.
type Holiday struct {
	Month  time.Month // 1..12 for a fixed date; 0 for a day set by Easter
	Day    int        // day of the month of a fixed date
	Easter int        // when Month is 0: days after Easter Sunday (Good Friday: -2, Whit Monday: 50)
	Name   string     // for the people who read the data; not used to compute anything
}

// MaxEasterOffset bounds Holiday.Easter: nine weeks either side of Easter
// reach from Carnival (-48) to Corpus Christi (+60) and always stay in
// Easter's year.
const MaxEasterOffset = 63

// Has reports whether d is a public holiday.
func (c Calendar) Has(d Date) bool {
	return c.has(d.days())
}

func (c Calendar) has(day int) bool {
	d := dateOf(day)
	easter, known := 0, false
	for _, h := range c.Yearly {
		switch {
		case h.Month != 0:
			if h.Month == d.Month && h.Day == d.Day {
				return true
			}
		default:
			if !known {
				easter, known = Easter(d.Year).days(), true
			}
			if easter+h.Easter == day {
				return true
			}
		}
	}
	return slices.Contains(c.Dates, d)
}

// In lists the holidays of a year, in order.
func (c Calendar) In(year int) []Date {
	var out []Date
	for day := (Date{year, 1, 1}).days(); dateOf(day).Year == year; day++ {
		if c.has(day) {
			out = append(out, dateOf(day))
		}
	}
	return out
}

// Easter returns Easter Sunday of a year of the Gregorian calendar (the
// anonymous Gregorian computus, also known as Meeus/Jones/Butcher).
func Easter(year int) Date {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return Date{year, time.Month(n / 31), n%31 + 1}
}

//go:embed calendars.json
var calendarsJSON []byte

// calendarJSON is a country of calendars.json.
type calendarJSON struct {
	Name string `json:"name"` // the country, for people reading the file
	Days []struct {
		Date   string `json:"date"`   // MM-DD
		Easter *int   `json:"easter"` // days after Easter Sunday
		Name   string `json:"name"`   // what the day is
	} `json:"days"`
}

var countries = sync.OnceValue(func() map[string]Calendar {
	var data map[string]calendarJSON
	if err := json.Unmarshal(calendarsJSON, &data); err != nil {
		panic("hours: calendars.json: " + err.Error())
	}
	out := map[string]Calendar{}
	for code, cj := range data {
		cal, err := cj.calendar()
		if err != nil {
			panic("hours: calendars.json: " + code + ": " + err.Error())
		}
		out[code] = cal
	}
	return out
})

// calendar checks and converts one country of calendars.json.
func (cj calendarJSON) calendar() (Calendar, error) {
	var cal Calendar
	for _, d := range cj.Days {
		h, err := NewHoliday(d.Date, d.Easter)
		if err != nil {
			return Calendar{}, err
		}
		h.Name = d.Name
		cal.Yearly = append(cal.Yearly, h)
	}
	return cal, nil
}

// NewHoliday makes a yearly holiday from its data form: a fixed date MM-DD,
// or an offset from Easter Sunday; exactly one of them.
func NewHoliday(date string, easter *int) (Holiday, error) {
	switch {
	case date != "" && easter != nil:
		return Holiday{}, fmt.Errorf("a holiday has a date or an Easter offset, not both")
	case easter != nil:
		if *easter < -MaxEasterOffset || *easter > MaxEasterOffset {
			return Holiday{}, fmt.Errorf("easter offset %d is out of range (want -%d to %d)", *easter, MaxEasterOffset, MaxEasterOffset)
		}
		return Holiday{Easter: *easter}, nil
	case date == "":
		return Holiday{}, fmt.Errorf("a holiday needs a date (MM-DD) or an Easter offset")
	}
	m, d, err := ParseMonthDay(date)
	return Holiday{Month: m, Day: d}, err
}

// ParseMonthDay parses a yearly date MM-DD; 02-29 is allowed (it is a
// holiday in leap years only).
func ParseMonthDay(s string) (time.Month, int, error) {
	t, err := time.Parse("2006-01-02", "2000-"+s) // 2000 is a leap year
	if err != nil || len(s) != 5 {
		return 0, 0, fmt.Errorf("%q is not a day of the year (want MM-DD, e.g. 12-26)", s)
	}
	return t.Month(), t.Day(), nil
}

// CountryCalendar returns the public holidays of a country by its ISO
// 3166-1 code, from calendars.json, and whether abri has them.
func CountryCalendar(code string) (Calendar, bool) {
	cal, ok := countries()[code]
	return Calendar{Yearly: slices.Clone(cal.Yearly)}, ok
}

// Countries lists the codes of the countries whose calendars abri has.
func Countries() []string {
	var out []string
	for code := range countries() {
		out = append(out, code)
	}
	sort.Strings(out)
	return out
}

// pageCalendar is the JSON form of a Calendar for hours.js.
type pageCalendar struct {
	Fixed  []string `json:"fixed,omitempty"`  // MM-DD
	Easter []int    `json:"easter,omitempty"` // days after Easter Sunday
	Dates  []string `json:"dates,omitempty"`  // YYYY-MM-DD
}

// JSON returns the calendar as hours.js reads it:
// {"fixed":["01-01","05-01"],"easter":[1,39,50],"dates":["2026-05-02"]};
// names are left out.
func (c Calendar) JSON() string {
	b, _ := json.Marshal(c.page())
	return string(b)
}

func (c Calendar) page() pageCalendar {
	var p pageCalendar
	for _, h := range c.Yearly {
		if h.Month != 0 {
			p.Fixed = append(p.Fixed, fmt.Sprintf("%02d-%02d", int(h.Month), h.Day))
		} else {
			p.Easter = append(p.Easter, h.Easter)
		}
	}
	for _, d := range c.Dates {
		p.Dates = append(p.Dates, d.String())
	}
	return p
}

// ParseCalendarJSON reads what Calendar.JSON writes.
func ParseCalendarJSON(s string) (Calendar, error) {
	var p pageCalendar
	if err := json.Unmarshal([]byte(s), &p); err != nil {
		return Calendar{}, err
	}
	var c Calendar
	for _, f := range p.Fixed {
		h, err := NewHoliday(f, nil)
		if err != nil {
			return Calendar{}, err
		}
		c.Yearly = append(c.Yearly, h)
	}
	for _, e := range p.Easter {
		h, err := NewHoliday("", &e)
		if err != nil {
			return Calendar{}, err
		}
		c.Yearly = append(c.Yearly, h)
	}
	for _, s := range p.Dates {
		d, err := ParseDate(s)
		if err != nil {
			return Calendar{}, err
		}
		c.Dates = append(c.Dates, d)
	}
	return c, nil
}
