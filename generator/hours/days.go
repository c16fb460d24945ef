package hours

import (
	"fmt"
	"strings"
)

// dayCodes are the day names of the content format, Monday first.
var dayCodes = [7]string{"mo", "tu", "we", "th", "fr", "sa", "su"}

const nthHelp = "want [1] to [4], or [-1] for the last"

// ParseDays parses a day key: "mo", "mo-fr", "mo,we,fr", "sa-su", "mo-su",
// "mo-we,fr", with an optional "[n]" suffix (n in 1..4, or -1 for the last)
// that applies to all the days of the key: "tu[1]", "fr[-1]".
func ParseDays(key string) (days [7]bool, nth int, err error) {
	list, _, _ := strings.Cut(key, "[")
	if days, err = parseDayList(list); err != nil {
		return [7]bool{}, 0, err
	}
	if len(list) == len(key) {
		return days, 0, nil
	}
	if nth, err = parseNth(key[len(list):], len(list)); err != nil {
		return [7]bool{}, 0, err
	}
	return days, nth, nil
}

// parseDayList parses the comma-separated days and ranges of a key.
func parseDayList(s string) ([7]bool, error) {
	var days [7]bool
	if strings.TrimSpace(s) == "" {
		return days, errorf(0, "no days in the key (want days like mo, mo-fr or mo,we,fr)")
	}
	for _, f := range split(s, 0, ",") {
		set, err := parseDayItem(f)
		if err != nil {
			return days, err
		}
		for d, on := range set {
			if on && days[d] {
				return days, errorf(f.off, "%s appears twice in the key", dayCodes[d])
			}
			days[d] = days[d] || on
		}
	}
	return days, nil
}

// parseDayItem parses one element of a day list: a day or a range of days.
func parseDayItem(f field) ([7]bool, error) {
	var set [7]bool
	if f.text == "" {
		return set, errorf(f.off, "empty day in the list (remove the extra comma)")
	}
	ends := split(f.text, f.off, "-")
	if len(ends) == 1 {
		d, err := parseDay(ends[0])
		set[d] = err == nil
		return set, err
	}
	if len(ends) != 2 || ends[0].text == "" || ends[1].text == "" {
		return set, errorf(f.off, "%q is not a day range (want two days, e.g. mo-fr)", f.text)
	}
	return parseDayRange(f, ends[0], ends[1])
}

// parseDayRange parses the two ends of a range of days. A range may wrap
// round the week (fr-mo: a night shelter's weekend), so only a range from a
// day to itself is meaningless.
func parseDayRange(f, from, to field) ([7]bool, error) {
	var set [7]bool
	a, err := parseDay(from)
	if err != nil {
		return set, err
	}
	b, err := parseDay(to)
	if err != nil {
		return set, err
	}
	if a == b {
		return set, errorf(f.off, "%q starts and ends on the same day (write just %s)", f.text, dayCodes[a])
	}
	for d := a; d != b; d = (d + 1) % 7 {
		set[d] = true
	}
	set[b] = true
	return set, nil
}

// parseDay parses one day code, in any case.
func parseDay(f field) (int, error) {
	word := strings.ToLower(f.text)
	for d, code := range dayCodes {
		if word == code {
			return d, nil
		}
	}
	msg := fmt.Sprintf("unknown day %q (want mo, tu, we, th, fr, sa, su", f.text)
	if s := suggestDay(word); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return 0, &Error{Offset: f.off, Msg: msg + ")"}
}

// parseNth parses the "[n]" suffix of a key, found at byte off.
func parseNth(s string, off int) (int, error) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return 0, errorf(off, "%q is missing its closing \"]\" (%s)", s, nthHelp)
	}
	if end != len(s)-1 {
		return 0, errorf(off, "%q must end the key: it applies to all the key's days", s[:end+1])
	}
	switch n := s[1:end]; n {
	case "1", "2", "3", "4":
		return int(n[0] - '0'), nil
	case "-1":
		return -1, nil
	}
	return 0, errorf(off, "%q is not a week of the month (%s)", s, nthHelp)
}

// Key returns the rule's canonical key: "mo-fr", "mo,we,fr", "sa", "tu[1]",
// "fr[-1]", "mo-su". Runs of two days or more are written as ranges, and
// the week starts on Monday, so fr-mo comes out as "mo,fr-su".
func (r Rule) Key() string {
	return dayList(r.Days) + nthSuffix(r.Nth)
}

// dayList writes a set of days as ranges and lists, Monday first.
func dayList(days [7]bool) string {
	var parts []string
	for d := 0; d < 7; d++ {
		if !days[d] {
			continue
		}
		last := d
		for last+1 < 7 && days[last+1] {
			last++
		}
		if last == d {
			parts = append(parts, dayCodes[d])
		} else {
			parts = append(parts, dayCodes[d]+"-"+dayCodes[last])
		}
		d = last
	}
	return strings.Join(parts, ",")
}

// nthSuffix writes the week-of-the-month suffix of a key.
func nthSuffix(nth int) string {
	if nth == 0 {
		return ""
	}
	return fmt.Sprintf("[%d]", nth)
}
