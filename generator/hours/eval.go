package hours

// base is the state of a wall-clock minute, before closing soon.
type base uint8

const (
	baseClosed  base = iota
	baseOpen         // a slot is open
	baseUnknown      // no hours, or a public holiday whose policy is unknown
	baseShut         // inside a closure
)

// dayKind says how much is known of a day's hours.
type dayKind uint8

const (
	dayKnown   dayKind = iota
	dayUnknown         // unknown all day; its slots' nights too
	dayShut            // inside a closure: closed all day
)

// plan is what the schedule says of one day.
type plan struct {
	kind    dayKind
	holiday bool   // a public holiday set the day's slots aside
	slots   []Slot // the slots starting that day, in no order
}

// eval computes the plans of the days around an instant, once each.
type eval struct {
	s     *Schedule
	cal   *Calendar
	first int               // the day of plans[0]
	done  [Horizon + 4]bool // plans[i] is computed
	plans [Horizon + 4]plan // the days first .. first+Horizon+3
	buf   []Slot            // backing store of the plans' slots
	marks [2 * 8]int        // boundaries of one day
}

// newEval prepares the evaluation of the days from today-1 on.
func newEval(s *Schedule, cal *Calendar, today int) *eval {
	return &eval{s: s, cal: cal, first: today - 1}
}

// plan returns the plan of a day.
func (e *eval) plan(day int) *plan {
	i := day - e.first
	if i < 0 || i >= len(e.plans) {
		p := e.makePlan(day) // far outside the search: not kept
		return &p
	}
	if !e.done[i] {
		e.plans[i], e.done[i] = e.makePlan(day), true
	}
	return &e.plans[i]
}

// makePlan applies closures, special hours, rules and holidays to a day.
func (e *eval) makePlan(day int) plan {
	if e.s.closedOn(day) {
		return plan{kind: dayShut}
	}
	rules, policy, known := e.s.rulesOn(day)
	if !known {
		return plan{kind: dayUnknown}
	}
	slots := e.slotsOn(rules, day)
	if len(slots) == 0 || policy == PolicyOpen || !e.cal.has(day) {
		return plan{slots: slots}
	}
	if policy == PolicyClosed {
		return plan{holiday: true}
	}
	return plan{kind: dayUnknown, holiday: true, slots: slots}
}

// slotsOn gathers the slots of the rules that apply on a day: every-week
// rules of its weekday, and nth rules when it is that week of the month.
func (e *eval) slotsOn(rules []Rule, day int) []Slot {
	wd, d := weekday(day), dateOf(day)
	nth := (d.Day-1)/7 + 1
	last := d.Day+7 > daysIn(d.Year, d.Month)
	start := len(e.buf)
	for _, r := range rules {
		if r.Days[wd] && (r.Nth == 0 || r.Nth == nth || r.Nth == -1 && last) {
			e.buf = append(e.buf, r.Slots...)
		}
	}
	return e.buf[start:len(e.buf):len(e.buf)]
}

// at is the state at a wall-clock minute (minutes since 1970-01-01 00:00
// of the zone's calendar).
func (e *eval) at(w int) base {
	day, m := floorDiv(w, minutesPerDay), floorMod(w, minutesPerDay)
	p := e.plan(day)
	if p.kind == dayShut {
		return baseShut
	}
	night := e.night(day-1, m)
	if night == baseOpen {
		return baseOpen
	}
	if p.kind == dayUnknown {
		return baseUnknown
	}
	for _, s := range p.slots {
		if s.Start <= m && m < s.dayEnd() {
			return baseOpen
		}
	}
	return night
}

// night is the state at minute m of the day after day, from the overnight
// slots begun on day.
func (e *eval) night(day, m int) base {
	p := e.plan(day)
	for _, s := range p.slots {
		if s.Overnight() && m < s.End {
			if p.kind == dayKnown {
				return baseOpen
			}
			return baseUnknown
		}
	}
	return baseClosed
}

// boundaries lists, in order, the minutes of a day at which the state may
// change: midnight, the starts and ends of its slots, and the ends of the
// nights begun the day before.
func (e *eval) boundaries(day int) []int {
	out := append(e.marks[:0], 0)
	for _, s := range e.plan(day).slots {
		out = append(out, s.Start)
		if !s.Overnight() && s.End < minutesPerDay {
			out = append(out, s.End)
		}
	}
	for _, s := range e.plan(day - 1).slots {
		if s.Overnight() {
			out = append(out, s.End)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// next finds the instant of the next change after wall-clock minute w0,
// whose state is cur: when an open place stops being open, or when a closed
// one opens (none if an unknown day comes first). Changes are found on the
// wall clock, then checked at their instant, where a time skipped by the
// clocks takes the state of the end of the jump.
func (e *eval) next(z zone, w0 int, cur base) (int64, bool) {
	today := floorDiv(w0, minutesPerDay)
	for day := today; day <= today+Horizon; day++ {
		for _, b := range e.boundaries(day) {
			w := day*minutesPerDay + b
			if w <= w0 || !e.changes(cur, e.at(w)) {
				continue
			}
			t := z.instant(int64(w) * 60)
			st := e.at(int(floorDiv(z.clock(t), 60)))
			switch {
			case !e.changes(cur, st):
				continue
			case cur != baseOpen && st == baseUnknown:
				return 0, false
			}
			return t, true
		}
	}
	return 0, false
}

// changes reports whether going from cur to st ends the search: an open
// place no longer open, a closed one open or unknown.
func (e *eval) changes(cur, st base) bool {
	if cur == baseOpen {
		return st != baseOpen
	}
	return st == baseOpen || st == baseUnknown
}
