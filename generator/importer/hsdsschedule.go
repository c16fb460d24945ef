package importer

import (
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// The descriptions abri's export gives schedule rows (opendata/hsdsschedule.go).
const (
	descClosure    = "closed"
	specialClosed  = "special hours: closed"
	closedSuffix   = ": closed"
	holidaysPrefix = " (public holidays: "
)

var byDay = map[string]int{"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}

// weekly returns the rows that hold for every week: those without a
// validity period.
func weekly(rows []hsdsSchedule) []hsdsSchedule {
	var out []hsdsSchedule
	for _, s := range rows {
		if s.ValidFrom == "" && s.ValidTo == "" {
			out = append(out, s)
		}
	}
	return out
}

func sameWeek(a, b []hsdsSchedule) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Freq != y.Freq || x.Byday != y.Byday || x.OpensAt != y.OpensAt || x.ClosesAt != y.ClosesAt || x.Description != y.Description {
			return false
		}
	}
	return true
}

// schedules reads rows back into hours: weekly rows (freq WEEKLY, or
// MONTHLY with byday "1TU", "-1FR") are the week; rows with a validity
// period are closures (description "closed", or no hours) and special
// hours; "(public holidays: closed|open)" in a description is the policy.
func (r *hsdsReader) schedules(rows []hsdsSchedule) (*content.Hours, []content.Closure, []content.SpecialHours) {
	var week *content.Hours
	var closures []content.Closure
	var special []content.SpecialHours
	periods := map[string]*content.Hours{} // the hours of each special period
	for _, s := range rows {
		base, policy := splitPolicy(s.Description)
		if s.ValidFrom == "" && s.ValidTo == "" {
			if week == nil {
				week = &content.Hours{PublicHolidays: policy, Note: r.text(s.Notes)}
			}
			r.addRule(week, s, base)
			continue
		}
		from, okf := r.date(s.ValidFrom)
		to, okt := r.date(firstOf(s.ValidTo, s.ValidFrom))
		if !okf || !okt {
			r.note("dropped schedule row %q: its validity period has no start", s.Description)
			continue
		}
		if base != specialClosed && (base == descClosure || s.Byday == "" && s.OpensAt == "") {
			closures = append(closures, content.Closure{Start: from, End: to, Note: r.text(s.Notes)})
			continue
		}
		key := from.String() + "/" + to.String()
		h := periods[key]
		if h == nil {
			h = &content.Hours{PublicHolidays: policy}
			periods[key] = h
			special = append(special, content.SpecialHours{Start: from, End: to, Hours: h, Note: r.text(s.Notes)})
		}
		if s.Byday != "" {
			r.addRule(h, s, base)
		}
	}
	return week, closures, special
}

// splitPolicy cuts "(public holidays: x)" off a description.
func splitPolicy(desc string) (base, policy string) {
	i := strings.LastIndex(desc, holidaysPrefix)
	if i < 0 || !strings.HasSuffix(desc, ")") {
		return desc, ""
	}
	p := desc[i+len(holidaysPrefix) : len(desc)-1]
	if p != "open" && p != "closed" {
		p = ""
	}
	return desc[:i], p
}

// addRule adds a row's slot to the rule of its days, the same days
// making one rule as the export writes one row per slot.
func (r *hsdsReader) addRule(h *content.Hours, s hsdsSchedule, base string) {
	days, nth, ok := parseByday(s.Byday)
	if !ok || s.Freq != "" && s.Freq != "WEEKLY" && s.Freq != "MONTHLY" {
		r.note("dropped schedule row (freq %q, byday %q): not weekly days", s.Freq, s.Byday)
		return
	}
	idx := -1
	for i, ru := range h.Rules {
		if ru.Days == days && ru.Nth == nth {
			idx = i
		}
	}
	if idx < 0 {
		h.Rules = append(h.Rules, hours.Rule{Days: days, Nth: nth})
		idx = len(h.Rules) - 1
	}
	if s.OpensAt == "" && s.ClosesAt == "" {
		if !strings.HasSuffix(base, closedSuffix) {
			r.note("schedule row for %s has no hours: taken as closed", s.Byday)
		}
		return
	}
	start, ok1 := minutes(s.OpensAt)
	end, ok2 := minutes(s.ClosesAt)
	if !ok1 || !ok2 || start == 1440 {
		r.note("dropped hours %q-%q: want HH:MM", s.OpensAt, s.ClosesAt)
		return
	}
	h.Rules[idx].Slots = append(h.Rules[idx].Slots, hours.Slot{Start: start, End: end})
}

// parseByday reads iCalendar's BYDAY: "MO,TU", "1TU", "-1FR,-1SA".
func parseByday(s string) (days [7]bool, nth int, ok bool) {
	if s == "" {
		return days, 0, false
	}
	for i, item := range strings.Split(s, ",") {
		item = strings.ToUpper(strings.TrimSpace(item))
		if len(item) < 2 {
			return days, 0, false
		}
		d, found := byDay[item[len(item)-2:]]
		if !found {
			return days, 0, false
		}
		n := 0
		if p := item[:len(item)-2]; p != "" {
			v, err := strconv.Atoi(strings.TrimPrefix(p, "+"))
			if err != nil || v < -1 || v > 4 || v == 0 {
				return days, 0, false
			}
			n = v
		}
		if i > 0 && n != nth {
			return days, 0, false // one rule holds one week of the month
		}
		days[d], nth = true, n
	}
	return days, nth, true
}

// minutes reads HH:MM (or HH:MM:SS, or with a zone, which is dropped).
func minutes(s string) (int, bool) {
	if len(s) < 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:5])
	if err1 != nil || err2 != nil || h > 24 || m > 59 || h == 24 && m != 0 {
		return 0, false
	}
	return h*60 + m, true
}
