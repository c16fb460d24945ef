package hours

import (
	"fmt"
	"strings"
	"unicode"
)

// Slot is one opening period of a day, in minutes since local midnight.
type Slot struct {
	Start int // 0..1439
	End   int // 1..1440; End <= Start means the slot runs past midnight into the next day
}

// String formats the slot as editors write it: "09:00-12:00"; all day is
// "00:00-24:00" and an overnight slot "19:00-08:00".
func (s Slot) String() string {
	return clock(s.Start) + "-" + clock(s.End)
}

// Overnight reports whether the slot runs past midnight into the next day.
// 00:00-24:00 is not overnight: it ends at the midnight that ends its day.
func (s Slot) Overnight() bool {
	return s.End <= s.Start
}

// dayEnd is where the slot stops on the day it starts: midnight for an
// overnight slot.
func (s Slot) dayEnd() int {
	if s.Overnight() {
		return minutesPerDay
	}
	return s.End
}

const minutesPerDay = 24 * 60

// clock formats minutes since midnight as HH:MM.
func clock(m int) string {
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// Rule is one key of the hours map and its value.
type Rule struct {
	Days  [7]bool // index 0 = Monday ... 6 = Sunday
	Nth   int     // 0: every week; 1..4: only the nth such weekday of the month; -1: the last one
	Slots []Slot  // empty: closed that day ("closed" value)
}

// Error is a problem found in a key or a value.
type Error struct {
	Offset int    // byte offset in the key or value where the problem starts, for a precise column
	Msg    string // what is wrong and how to fix it
}

// Error returns the message alone: the caller knows the file and line, and
// turns Offset into a column.
func (e *Error) Error() string {
	return e.Msg
}

// errorf returns an *Error as an error, so that callers never meet a typed
// nil.
func errorf(offset int, format string, args ...any) error {
	return &Error{Offset: offset, Msg: fmt.Sprintf(format, args...)}
}

// field is a piece of editor text and its byte offset in the whole string.
type field struct {
	text string
	off  int
}

// split cuts s (which starts at byte off of the editor's text) at each sep
// and trims spaces around the pieces, keeping their offsets so that errors
// point into the editor's text.
func split(s string, off int, sep string) []field {
	var out []field
	for {
		i := strings.Index(s, sep)
		if i < 0 {
			return append(out, trim(s, off))
		}
		out = append(out, trim(s[:i], off))
		s, off = s[i+len(sep):], off+i+len(sep)
	}
}

// trim removes surrounding spaces, which web editors and copy-paste leave
// behind, moving the offset past the leading ones.
func trim(s string, off int) field {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	return field{text: strings.TrimRightFunc(t, unicode.IsSpace), off: off + len(s) - len(t)}
}
