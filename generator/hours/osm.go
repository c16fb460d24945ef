package hours

import (
	"fmt"
	"slices"
	"strings"
)

// osmDays are OpenStreetMap's day names, Monday first.
var osmDays = [7]string{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}

var osmMonths = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// nthOrder is the order in which weeks of the month are written.
var nthOrder = [5]int{1, 2, 3, 4, -1}

// OSM returns the schedule as an OpenStreetMap opening_hours value, e.g.
//
//	Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off; 2026 Dec 24-2027 Jan 02 off
//
// The form is canonical, so that ParseOSM then OSM gives the same string:
//
//   - the week first: days with the same slots grouped (Mo-Fr, Mo,We),
//     Monday first; "off" for a known week without any slot, and
//     "unknown" for a schedule without weekly hours;
//   - then nth weekdays (Tu[1],Th[1]): after "; ", or after ", ",
//     OpenStreetMap's additional rule, when an earlier rule may fall on the
//     same day (the week's, or [4] before [-1]): abri adds an nth rule's
//     slots to the others' of that day, where a "; " rule would replace
//     them;
//   - then "PH off" or "PH unknown" (nothing when holidays keep the hours);
//   - then each special-hours period: "<dates> off" followed by its rules
//     prefixed with its dates, and its own PH rule, so that the period
//     replaces the whole week;
//   - then closures, "<dates> off", dates as 2026 Dec 24 or
//     2026 Dec 24-2027 Jan 02, both ends inclusive.
//
// A place closed for good is "off". A schedule with nothing at all is "".
func (s Schedule) OSM() string {
	if s.Closed {
		return "off"
	}
	var rules []string
	rules = append(rules, weekOSM("", s.Week, s.known(), s.Holidays)...)
	for _, sp := range s.Special {
		p := sp.Holidays
		if p == "" {
			p = s.Holidays
		}
		rules = append(rules, specialOSM(sp, p)...)
	}
	for _, c := range s.Closures {
		rules = append(rules, periodOSM(c)+" off")
	}
	if len(rules) == 1 && rules[0] == "unknown" {
		return ""
	}
	return joinOSM(rules)
}

// joinOSM joins rules with "; ", except those marked as additional rules
// (a leading ","), joined with ", ".
func joinOSM(rules []string) string {
	var b strings.Builder
	for i, r := range rules {
		add, ok := strings.CutPrefix(r, ",")
		switch {
		case i == 0:
		case ok:
			b.WriteString(", ")
		default:
			b.WriteString("; ")
		}
		b.WriteString(add)
	}
	return b.String()
}

// weekOSM writes rules, each prefixed with prefix (a period and a space),
// and the PH rule of policy p when some day has slots.
func weekOSM(prefix string, rules []Rule, known bool, p Policy) []string {
	if !known {
		return []string{"unknown"}
	}
	weekly, nth := daySlots(rules)
	var out []string
	var named [7]bool  // weekdays with every-week slots
	var fourth [7]bool // weekdays with [4] slots, the same date as [-1] in some months
	for _, g := range groupDays(&weekly) {
		out = append(out, prefix+osmDayList(g.days, 0)+" "+osmSlots(g.slots))
		orDays(&named, g.days)
	}
	for _, n := range nthOrder {
		for _, g := range groupDays(nth[n]) {
			mark := ""
			if overlaps(named, g.days) || n == -1 && overlaps(fourth, g.days) {
				mark = ","
			}
			out = append(out, mark+prefix+osmDayList(g.days, n)+" "+osmSlots(g.slots))
			if n == 4 {
				orDays(&fourth, g.days)
			}
		}
	}
	if len(out) == 0 {
		return []string{prefix + "off"}
	}
	switch p {
	case PolicyClosed:
		out = append(out, prefix+"PH off")
	case PolicyOpen:
	default:
		out = append(out, prefix+"PH unknown")
	}
	return out
}

// specialOSM writes a special-hours period: closed all over, then its rules.
func specialOSM(sp Special, p Policy) []string {
	prefix := periodOSM(sp.Period) + " "
	rules := weekOSM(prefix, sp.Rules, true, p)
	if rules[0] == prefix+"off" {
		rules[0] = prefix + "Mo-Su off" // not a closure: the period's own hours say closed
	}
	return append([]string{prefix + "off"}, rules...)
}

// daySlots gathers the slots of each weekday: every week, and by week of
// the month.
func daySlots(rules []Rule) (weekly [7][]Slot, nth map[int]*[7][]Slot) {
	nth = map[int]*[7][]Slot{}
	for _, r := range rules {
		target := &weekly
		if r.Nth != 0 {
			if nth[r.Nth] == nil {
				nth[r.Nth] = &[7][]Slot{}
			}
			target = nth[r.Nth]
		}
		for d, on := range r.Days {
			if on {
				target[d] = addSlots(target[d], r.Slots)
			}
		}
	}
	return weekly, nth
}

// addSlots adds slots to a day's, sorted, without repeating one.
func addSlots(day, slots []Slot) []Slot {
	for _, s := range slots {
		if !slices.Contains(day, s) {
			day = append(day, s)
		}
	}
	slices.SortFunc(day, func(a, b Slot) int { return a.Start - b.Start })
	return day
}

// dayGroup is days that have the same slots.
type dayGroup struct {
	days  [7]bool
	slots []Slot
}

// groupDays groups the days that have slots by their slots, in the order
// of their first day.
func groupDays(week *[7][]Slot) []dayGroup {
	var out []dayGroup
	if week == nil {
		return nil
	}
	for d, slots := range week {
		if len(slots) == 0 {
			continue
		}
		i := slices.IndexFunc(out, func(g dayGroup) bool { return slices.Equal(g.slots, slots) })
		if i < 0 {
			out = append(out, dayGroup{slots: slots})
			i = len(out) - 1
		}
		out[i].days[d] = true
	}
	return out
}

func orDays(a *[7]bool, b [7]bool) {
	for d := range b {
		a[d] = a[d] || b[d]
	}
}

func overlaps(a, b [7]bool) bool {
	for d := range a {
		if a[d] && b[d] {
			return true
		}
	}
	return false
}

// osmDayList writes days as OpenStreetMap does: Mo-Fr, Mo,We, or with a
// week of the month each day on its own: Tu[1],Th[1].
func osmDayList(days [7]bool, nth int) string {
	if nth != 0 {
		var parts []string
		for d, on := range days {
			if on {
				parts = append(parts, fmt.Sprintf("%s[%d]", osmDays[d], nth))
			}
		}
		return strings.Join(parts, ",")
	}
	list := dayList(days)
	for d, code := range dayCodes {
		list = strings.ReplaceAll(list, code, osmDays[d])
	}
	return list
}

// osmSlots writes slots as 09:00-12:00,14:00-17:00.
func osmSlots(slots []Slot) string {
	parts := make([]string, len(slots))
	for i, s := range slots {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

// periodOSM writes dates as 2026 Dec 24, or 2026 Dec 24-2027 Jan 02.
func periodOSM(p Period) string {
	if p.First == p.Last {
		return dateOSM(p.First)
	}
	return dateOSM(p.First) + "-" + dateOSM(p.Last)
}

func dateOSM(d Date) string {
	return fmt.Sprintf("%04d %s %02d", d.Year, osmMonths[d.Month-1], d.Day)
}
