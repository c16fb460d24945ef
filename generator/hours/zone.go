package hours

import "time"

// zone reads the offsets of a time zone. Instants are Unix seconds; a
// wall-clock reading is seconds since 1970-01-01 00:00 of the zone's own
// calendar. hours.js has the same functions, over Intl.DateTimeFormat.
type zone struct{ loc *time.Location }

const secondsPerDay = 86400

// offset is the zone's offset from UTC at an instant, in seconds.
func (z zone) offset(sec int64) int64 {
	_, off := time.Unix(sec, 0).In(z.loc).Zone()
	return int64(off)
}

// change finds when the offset changes between instants a and b, taken to
// change once at most (zones change twice a year at most): the first second
// with the new offset, and the offsets before and after it.
func (z zone) change(a, b int64) (at, before, after int64) {
	before, after = z.offset(a), z.offset(b)
	lo, hi := a, b
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if z.offset(mid) == before {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi, before, after
}

// clock is the wall-clock reading that decides the state at an instant:
// the latest reading the clock has shown so far. It is the reading itself,
// except in the hour repeated when clocks are put back, during which it
// stays at the second before the time they were put back from.
func (z zone) clock(sec int64) int64 {
	o := z.offset(sec)
	if z.offset(sec-secondsPerDay) > o {
		at, before, after := z.change(sec-secondsPerDay, sec)
		if sec < at+before-after {
			return at + before - 1
		}
	}
	return sec + o
}

// instant is the first instant at which the clock reads w or later: the
// first occurrence of a repeated time, and the end of the jump for a time
// skipped when clocks are put forward.
func (z zone) instant(w int64) int64 {
	before, after := z.offset(w-secondsPerDay), z.offset(w+secondsPerDay)
	if before == after {
		return w - before
	}
	at, _, _ := z.change(w-secondsPerDay, w+secondsPerDay)
	if t := w - before; t < at {
		return t
	}
	if t := w - after; t >= at {
		return t
	}
	return at
}
