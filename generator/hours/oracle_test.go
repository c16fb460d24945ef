package hours

import (
	"time"
)

// oracle is a slow and literal model of the package doc, written apart from
// eval.go and zone.go: it reads dates with the time package, takes the
// clock as the running maximum of the wall-clock readings minute by minute,
// and finds the next change by stepping one minute at a time. It makes the
// generated vectors and checks the hand-written ones; the engine must agree
// with both.
type oracle struct {
	s    Schedule
	loc  *time.Location
	cal  Calendar
	days map[time.Time]oracleDay
}

type oracleDay struct {
	kind    string // known, unknown, shut
	holiday bool
	slots   []Slot
}

func newOracle(s Schedule, loc *time.Location, cal Calendar) *oracle {
	return &oracle{s: s, loc: loc, cal: cal, days: map[time.Time]oracleDay{}}
}

// wall is the wall-clock reading at t, as a UTC time truncated to the minute.
func (o *oracle) wall(t time.Time) time.Time {
	l := t.In(o.loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), 0, 0, time.UTC)
}

// clock is the latest reading of the last 26 hours, minute by minute.
func (o *oracle) clock(t time.Time) time.Time {
	best := o.wall(t)
	for k := 1; k <= 26*60; k++ {
		if w := o.wall(t.Add(-time.Duration(k) * time.Minute)); w.After(best) {
			best = w
		}
	}
	return best
}

func asDate(d time.Time) Date { return Date{d.Year(), d.Month(), d.Day()} }

func within(d time.Time, p Period) bool {
	day := asDate(d)
	return !before(day, p.First) && !before(p.Last, day)
}

func before(a, b Date) bool {
	return time.Date(a.Year, a.Month, a.Day, 0, 0, 0, 0, time.UTC).Before(time.Date(b.Year, b.Month, b.Day, 0, 0, 0, 0, time.UTC))
}

// day is what the schedule says of the day d (a UTC midnight).
func (o *oracle) day(d time.Time) oracleDay {
	if od, ok := o.days[d]; ok {
		return od
	}
	od := o.makeDay(d)
	o.days[d] = od
	return od
}

func (o *oracle) makeDay(d time.Time) oracleDay {
	for _, c := range o.s.Closures {
		if within(d, c) {
			return oracleDay{kind: "shut"}
		}
	}
	rules, policy, found := o.s.Week, o.s.Holidays, false
	for _, sp := range o.s.Special {
		if within(d, sp.Period) {
			rules, found = sp.Rules, true
			if sp.Holidays != "" {
				policy = sp.Holidays
			}
			break
		}
	}
	if !found && len(o.s.Week) == 0 {
		return oracleDay{kind: "unknown"}
	}
	wd := (int(d.Weekday()) + 6) % 7
	nth := (d.Day()-1)/7 + 1
	last := d.AddDate(0, 0, 7).Month() != d.Month()
	var slots []Slot
	for _, r := range rules {
		if r.Days[wd] && (r.Nth == 0 || r.Nth == nth || r.Nth == -1 && last) {
			slots = append(slots, r.Slots...)
		}
	}
	if len(slots) > 0 && policy != PolicyOpen && o.cal.Has(asDate(d)) {
		if policy == PolicyClosed {
			return oracleDay{kind: "known", holiday: true}
		}
		return oracleDay{kind: "unknown", holiday: true, slots: slots}
	}
	return oracleDay{kind: "known", slots: slots}
}

// state is the state at a wall-clock minute: open, closed, unknown, shut.
func (o *oracle) state(w time.Time) string {
	d := time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, time.UTC)
	m := w.Hour()*60 + w.Minute()
	today, yesterday := o.day(d), o.day(d.AddDate(0, 0, -1))
	if today.kind == "shut" {
		return "shut"
	}
	night := "closed"
	for _, s := range yesterday.slots {
		if s.End <= s.Start && m < s.End {
			night = map[string]string{"known": "open", "unknown": "unknown"}[yesterday.kind]
		}
	}
	if night == "open" {
		return "open"
	}
	if today.kind == "unknown" {
		return "unknown"
	}
	for _, s := range today.slots {
		end := s.End
		if end <= s.Start {
			end = 1440
		}
		if s.Start <= m && m < end {
			return "open"
		}
	}
	return night
}

// status is At, the slow way.
func (o *oracle) status(t time.Time) Status {
	if o.s.Closed {
		return Status{State: PermanentlyClosed}
	}
	mw := o.clock(t)
	today := time.Date(mw.Year(), mw.Month(), mw.Day(), 0, 0, 0, 0, time.UTC)
	cur := o.state(mw)
	st := Status{Holiday: o.day(today).holiday}
	switch cur {
	case "unknown":
		st.State = Unknown
		return st
	case "shut":
		st.State, st.Until = TemporarilyClosed, o.until(today)
	case "open":
		st.State = Open
	default:
		st.State = Closed
	}
	if next, ok := o.next(t, mw, today, cur); ok {
		st.Next = next.In(o.loc)
		if cur == "open" && next.Sub(t) <= 30*time.Minute {
			st.State = ClosingSoon
		}
	}
	return st
}

// until walks the days of a closure to its end.
func (o *oracle) until(d time.Time) Date {
	for o.day(d.AddDate(0, 0, 1)).kind == "shut" {
		d = d.AddDate(0, 0, 1)
	}
	return asDate(d)
}

// next steps a minute at a time until the state changes, up to the end of
// the Horizon-th day after today.
func (o *oracle) next(t, mw, today time.Time, cur string) (time.Time, bool) {
	end := today.AddDate(0, 0, Horizon+1)
	for u := t.Truncate(time.Minute).Add(time.Minute); ; u = u.Add(time.Minute) {
		if w := o.wall(u); w.After(mw) {
			mw = w
		}
		if !mw.Before(end) {
			return time.Time{}, false
		}
		st := o.state(mw)
		switch {
		case cur == "open" && st != "open":
			return u, true
		case cur != "open" && st == "open":
			return u, true
		case cur != "open" && st == "unknown":
			return time.Time{}, false
		}
	}
}
