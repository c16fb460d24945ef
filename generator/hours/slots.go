package hours

import (
	"cmp"
	"slices"
	"strings"
)

// longDashes are the dashes word processors and phones put where editors
// typed a hyphen; they are reported with the fix rather than accepted, so
// that the YAML stays in one form.
var longDashes = strings.NewReplacer("\u2013", "-", "\u2014", "-", "\u2212", "-")

// ParseSlots parses a value: "09:00-12:00, 14:00-17:30", "closed",
// "00:00-24:00", "19:00-08:00". "closed" gives no slots. Slots must not
// overlap within the day they start on (an overnight slot holds the rest of
// its day; its part after midnight is checked by Validate, which knows the
// next day). The slots are returned sorted by Start.
func ParseSlots(value string) ([]Slot, error) {
	v := trim(value, 0)
	if strings.EqualFold(v.text, "closed") {
		return nil, nil
	}
	if err := checkState(v); err != nil {
		return nil, err
	}
	var slots []Slot
	for _, f := range split(value, 0, ",") {
		s, err := parseSlot(f)
		if err != nil {
			return nil, err
		}
		if err := checkOverlap(slots, s, f.off); err != nil {
			return nil, err
		}
		slots = append(slots, s)
	}
	slices.SortFunc(slots, func(a, b Slot) int { return cmp.Compare(a.Start, b.Start) })
	return slots, nil
}

// checkState reports a value that is no hours at all: empty, or a word
// (open, fermé) where the editor meant a state; it says how to write each.
func checkState(v field) error {
	if v.text == "" {
		return errorf(0, "no hours (want HH:MM-HH:MM, e.g. 09:00-12:00, or closed)")
	}
	if !strings.ContainsAny(v.text, "0123456789") {
		return errorf(v.off, "%q is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00, 00:00-24:00 for all day, or closed)", v.text)
	}
	return nil
}

// parseSlot parses one HH:MM-HH:MM range of a value.
func parseSlot(f field) (Slot, error) {
	switch {
	case f.text == "":
		return Slot{}, errorf(f.off, "empty time range (remove the extra comma)")
	case strings.EqualFold(f.text, "closed"):
		return Slot{}, errorf(f.off, "\"closed\" must be the whole value (a day is either closed or open at some hours)")
	case longDashes.Replace(f.text) != f.text:
		return Slot{}, errorf(f.off, "%q has a long dash (write %s)", f.text, longDashes.Replace(f.text))
	}
	ends := split(f.text, f.off, "-")
	if len(ends) != 2 || !isClock(ends[0].text) || !isClock(ends[1].text) {
		return Slot{}, errorf(f.off, "%q is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00)", f.text)
	}
	return parseRange(f, ends[0], ends[1])
}

// parseRange parses the two times of a range whose shape is right.
func parseRange(f, from, to field) (Slot, error) {
	start, err := parseClock(from)
	if err != nil {
		return Slot{}, err
	}
	end, err := parseClock(to)
	if err != nil {
		return Slot{}, err
	}
	if start == minutesPerDay {
		return Slot{}, errorf(from.off, "\"24:00\" can only end a range (write 00:00 to start at midnight)")
	}
	if start == end {
		return Slot{}, errorf(f.off, "%q starts and ends at the same time (for all day, write 00:00-24:00)", f.text)
	}
	if end == 0 {
		end = minutesPerDay // 19:00-00:00 closes at the end of its own day
	}
	return Slot{Start: start, End: end}, nil
}

// isClock reports whether s has the shape HH:MM.
func isClock(s string) bool {
	digit := func(i int) bool { return '0' <= s[i] && s[i] <= '9' }
	return len(s) == 5 && s[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4)
}

// parseClock parses an HH:MM time into minutes since midnight, up to 24:00.
func parseClock(f field) (int, error) {
	h := int(f.text[0]-'0')*10 + int(f.text[1]-'0')
	m := int(f.text[3]-'0')*10 + int(f.text[4]-'0')
	switch {
	case h > 24 || h == 24 && m > 0:
		return 0, errorf(f.off, "%q is not a time (want HH:MM from 00:00 to 24:00)", f.text)
	case m > 59:
		return 0, errorf(f.off, "%q is not a time (minutes go from 00 to 59)", f.text)
	}
	return h*60 + m, nil
}

// checkOverlap reports s, found at byte off, if it overlaps one of the
// slots written before it in the value.
func checkOverlap(earlier []Slot, s Slot, off int) error {
	for _, e := range earlier {
		if e == s {
			return errorf(off, "%s is written twice", s)
		}
		if overlap(e, s) {
			first, second := e, s
			if s.Start < e.Start {
				first, second = s, e
			}
			return errorf(off, "%s overlaps %s", first, second)
		}
	}
	return nil
}

// overlap reports whether two slots share time on the day they start.
func overlap(a, b Slot) bool {
	return a.Start < b.dayEnd() && b.Start < a.dayEnd()
}
