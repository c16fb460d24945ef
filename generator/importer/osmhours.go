package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// Hours is what an OpenStreetMap opening_hours value of open data gives
// a listing: weekly hours, closures and special hours, and notes on what
// could not be kept.
type Hours struct {
	Hours    *content.Hours         // nil when the value said nothing
	Closures []content.Closure      // dated "off" ranges
	Special  []content.SpecialHours // dated ranges with hours of their own
	Notes    []string               // for Record.Notes: what was normalised or kept as text
}

// ParseHours reads an opening_hours value leniently, for imports: open data
// is written by hand, with sloppy spacing ("Mo 13:30-17:30;Tu 08:30-12:15"),
// hours without minutes (14-17, 9h30-12h), repeated or overlapping slots
// and rules abri cannot say (yearless month ranges, week numbers, a lone
// time). hours.ParseOSM, strict, reads what is left: later rules override
// earlier ones for the days they name. A rule it refuses is taken out and
// kept word for word in the hours' note, in lang (the guide's source
// language), so that nothing the source said is lost; the others are kept.
func ParseHours(s, lang string) Hours {
	var out Hours
	rules, normalised := osmPieces(s)
	if normalised {
		out.Notes = append(out.Notes, fmt.Sprintf("hours: read %q as %q", strings.TrimSpace(s), strings.Join(rules, "; ")))
	}
	if len(rules) == 0 {
		return out
	}
	sched, kept, dropped := parseKept(rules)
	if kept > 0 {
		var merged bool
		sched, merged = mergeSchedule(sched)
		if merged {
			out.Notes = append(out.Notes, "hours: repeated or overlapping times merged")
		}
		if valid(sched) {
			out.Hours, out.Closures, out.Special = fromSchedule(sched)
		} else {
			out.Notes = append(out.Notes, "hours: times that clash with each other, kept as a note")
			dropped, kept = rules, 0
		}
	}
	if len(dropped) > 0 {
		if out.Hours == nil {
			out.Hours = &content.Hours{PublicHolidays: "unknown"}
		}
		note := strings.Join(dropped, "; ")
		out.Hours.Note = content.Text{lang: note}
		what := "kept as the hours' note, not understood"
		if kept == 0 {
			what = "none understood, kept as the hours' note"
		}
		out.Notes = append(out.Notes, fmt.Sprintf("hours: %s: %q", what, note))
	}
	return out
}

// parseKept parses the rules, taking out one by one those ParseOSM
// refuses, until the rest parses. It returns the schedule of the rules
// kept, their number and the rules taken out, in order.
func parseKept(rules []string) (hours.Schedule, int, []string) {
	keep := append([]string(nil), rules...)
	var dropped []int
	for len(keep) > 0 {
		joined := strings.Join(keep, "; ")
		sched, err := hours.ParseOSM(joined)
		if err == nil {
			return sched, len(keep), pick(rules, dropped)
		}
		i := ruleAt(keep, err)
		dropped = append(dropped, indexOf(rules, keep[i], dropped))
		keep = append(keep[:i], keep[i+1:]...)
	}
	return hours.Schedule{}, 0, rules
}

// ruleAt is the index of the rule where ParseOSM's error starts.
func ruleAt(rules []string, err error) int {
	he, ok := err.(*hours.Error)
	if !ok {
		return len(rules) - 1
	}
	off := 0
	for i, r := range rules {
		off += len(r) + len("; ")
		if he.Offset < off {
			return i
		}
	}
	return len(rules) - 1
}

// indexOf finds rule r in rules, skipping indexes already taken out (a
// rule may be written twice).
func indexOf(rules []string, r string, taken []int) int {
	for i, s := range rules {
		if s == r && !containsInt(taken, i) {
			return i
		}
	}
	return 0
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// pick returns the rules at the given indexes, in the rules' order.
func pick(rules []string, idx []int) []string {
	var out []string
	for i, r := range rules {
		if containsInt(idx, i) {
			out = append(out, r)
		}
	}
	return out
}

var (
	spaces = regexp.MustCompile(`\s+`)
	// dashSpaces are spaces around the dash of a time range: 8:30 - 12:00.
	dashSpaces = regexp.MustCompile(`([0-9hH])\s*-\s*([0-9])`)
	// timeRun is a run of the characters a time range is written with.
	timeRun = regexp.MustCompile(`[0-9:hH-]+`)
	// sloppyRange is a time range written by hand: 9-12, 9h30-12h, 8:30-12:00.
	sloppyRange = regexp.MustCompile(`^(\d{1,2})(?:[:hH](\d{2}))?[hH]?-(\d{1,2})(?:[:hH](\d{2}))?[hH]?$`)
	// dated is a month or week number: the numbers after them are days or weeks.
	dated = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|week)\b`)
	// slotComma is ", " before a time: in OpenStreetMap an additional rule
	// for every day, in open data almost always one more slot of the day.
	slotComma = regexp.MustCompile(`,\s+(\d)`)
)

// osmPieces splits a value into its rules, each trimmed, with times
// written HH:MM-HH:MM; normalised is true when that changed more than
// spacing.
func osmPieces(s string) (rules []string, normalised bool) {
	for _, r := range strings.Split(s, ";") {
		r = strings.TrimSpace(spaces.ReplaceAllString(r, " "))
		if r == "" {
			continue
		}
		if !dated.MatchString(r) { // in "Dec 24-31" the numbers are days
			n := normaliseTimes(r)
			normalised = normalised || n != r
			r = n
		}
		rules = append(rules, r)
	}
	return rules, normalised
}

// normaliseTimes writes each time range of a rule as HH:MM-HH:MM.
func normaliseTimes(r string) string {
	r = dashSpaces.ReplaceAllString(r, "$1-$2")
	r = slotComma.ReplaceAllString(r, ",$1")
	return timeRun.ReplaceAllStringFunc(r, func(t string) string {
		m := sloppyRange.FindStringSubmatch(t)
		if m == nil {
			return t
		}
		return clock(m[1], m[2]) + "-" + clock(m[3], m[4])
	})
}

func clock(h, m string) string {
	if len(h) == 1 {
		h = "0" + h
	}
	if m == "" {
		m = "00"
	}
	return h + ":" + m
}

// mergeSchedule merges overlapping or repeated slots of each rule.
func mergeSchedule(s hours.Schedule) (hours.Schedule, bool) {
	var merged bool
	s.Week, merged = mergeRules(s.Week)
	for i := range s.Special {
		var m bool
		s.Special[i].Rules, m = mergeRules(s.Special[i].Rules)
		merged = merged || m
	}
	return s, merged
}

func mergeRules(rules []hours.Rule) ([]hours.Rule, bool) {
	out := make([]hours.Rule, len(rules))
	changed := false
	for i, r := range rules {
		merged := mergeSlots(r.Slots)
		changed = changed || len(merged) != len(r.Slots)
		r.Slots = merged
		out[i] = r
	}
	if rules == nil {
		return nil, false
	}
	return out, changed
}

// mergeSlots joins slots, sorted by start, that overlap; a slot past
// midnight is left as it is, for the check to judge.
func mergeSlots(slots []hours.Slot) []hours.Slot {
	var out []hours.Slot
	for _, s := range slots {
		if n := len(out); n > 0 && !s.Overnight() && !out[n-1].Overnight() && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// valid reports whether the content format accepts the schedule's rules.
func valid(s hours.Schedule) bool {
	if len(hours.Validate(s.Week)) > 0 {
		return false
	}
	for _, sp := range s.Special {
		if len(sp.Rules) == 0 || len(hours.Validate(sp.Rules)) > 0 {
			return false
		}
	}
	return true
}

// fromSchedule turns a parsed schedule into the listing's fields.
func fromSchedule(s hours.Schedule) (*content.Hours, []content.Closure, []content.SpecialHours) {
	var h *content.Hours
	if len(s.Week) > 0 {
		h = &content.Hours{Rules: s.Week, PublicHolidays: policyName(s.Holidays)}
	}
	var cs []content.Closure
	for _, c := range s.Closures {
		cs = append(cs, content.Closure{Start: content.Date(c.First), End: content.Date(c.Last)})
	}
	var sps []content.SpecialHours
	for _, sp := range s.Special {
		sps = append(sps, content.SpecialHours{
			Start: content.Date(sp.First), End: content.Date(sp.Last),
			Hours: &content.Hours{Rules: sp.Rules, PublicHolidays: policyName(sp.Holidays)},
		})
	}
	return h, cs, sps
}

// policyName is public_holidays' value for a policy; "" (the week's) is
// unknown, the content format's default, which takes the week's.
func policyName(p hours.Policy) string {
	switch p {
	case hours.PolicyOpen, hours.PolicyClosed:
		return string(p)
	}
	return "unknown"
}
