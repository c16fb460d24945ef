package opendata

import (
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// The descriptions of schedule rows: HSDS has no field for a closed day,
// a closure or what public holidays do, so the description says it, in
// words abri reads back.
const (
	descWeek          = "weekly hours"
	descWeekClosed    = "weekly hours: closed"
	descSpecial       = "special hours"
	descSpecialClosed = "special hours: closed"
	descClosure       = "closed"
	holidaysPrefix    = " (public holidays: "
)

// byDay is iCalendar's day names, Monday first like hours.Rule.Days.
var byDay = [7]string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// schedules writes a schedule as rows: weekly ones (freq WEEKLY, or
// MONTHLY with byday "1TU" or "-1FR" for the nth weekday of the month),
// then special hours and closures, with their validity periods. name
// gives each row its id and link, by its number.
func (b *hsdsBuild) schedules(l *content.Listing, s hours.Schedule, weekNote string, name func(*hsdsSchedule, int)) []hsdsSchedule {
	var rows []hsdsSchedule
	rows = append(rows, ruleRows(s.Week, descWeek, descWeekClosed, s.Holidays, weekNote, "", "")...)
	for i, sp := range s.Special {
		from, to, note := sp.First.String(), sp.Last.String(), ""
		if i < len(l.SpecialHours) {
			note = b.text(l.SpecialHours[i].Note)
		}
		if len(sp.Rules) == 0 {
			rows = append(rows, hsdsSchedule{ValidFrom: from, ValidTo: to, Description: descSpecialClosed, Notes: note})
			continue
		}
		rows = append(rows, ruleRows(sp.Rules, descSpecial, descSpecialClosed, sp.Holidays, note, from, to)...)
	}
	for i, c := range s.Closures {
		note := ""
		if i < len(l.Closures) {
			note = b.text(l.Closures[i].Note)
		}
		rows = append(rows, hsdsSchedule{ValidFrom: c.First.String(), ValidTo: c.Last.String(), Description: descClosure, Notes: note})
	}
	for i := range rows {
		name(&rows[i], i)
	}
	return rows
}

// ruleRows writes rules as rows, one per slot; a closed day is a row
// without hours.
func ruleRows(rules []hours.Rule, open, closed string, p hours.Policy, note, from, to string) []hsdsSchedule {
	var rows []hsdsSchedule
	suffix := ""
	if p == hours.PolicyOpen || p == hours.PolicyClosed {
		suffix = holidaysPrefix + string(p) + ")"
	}
	for _, r := range rules {
		row := hsdsSchedule{ValidFrom: from, ValidTo: to, Freq: "WEEKLY", Byday: days(r), Notes: note}
		if r.Nth != 0 {
			row.Freq = "MONTHLY"
		}
		if len(r.Slots) == 0 {
			row.Description = closed + suffix
			rows = append(rows, row)
		}
		for _, sl := range r.Slots {
			row.Description, row.OpensAt, row.ClosesAt = open+suffix, clock(sl.Start), clock(sl.End)
			rows = append(rows, row)
		}
	}
	return rows
}

// days writes a rule's days as iCalendar's BYDAY: "MO,TU", "1TU", "-1FR".
func days(r hours.Rule) string {
	var ds []string
	for d, on := range r.Days {
		if on {
			if r.Nth != 0 {
				ds = append(ds, strconv.Itoa(r.Nth)+byDay[d])
			} else {
				ds = append(ds, byDay[d])
			}
		}
	}
	return strings.Join(ds, ",")
}

// clock writes minutes since midnight as HH:MM; the end of the day is 24:00.
func clock(m int) string {
	return twoDigits(m/60) + ":" + twoDigits(m%60)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
