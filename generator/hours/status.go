package hours

import "time"

// State is what a reader is told about a place at an instant.
type State string

const (
	Open              State = "open"               // open, and not closing within ClosingSoonWithin
	ClosingSoon       State = "closing_soon"       // open, closing within ClosingSoonWithin
	Closed            State = "closed"             // closed now, by its hours (or a public holiday)
	TemporarilyClosed State = "temporarily_closed" // inside a closure
	PermanentlyClosed State = "permanently_closed" // closed for good
	Unknown           State = "unknown"            // no hours, or a public holiday whose policy is unknown
)

// ClosingSoonWithin is how close the closing time must be for ClosingSoon.
const ClosingSoonWithin = 30 * time.Minute

// Horizon is how many days after the day of the instant At looks for the
// next change.
const Horizon = 35

// Status is the state of a schedule at an instant, and what comes next.
type Status struct {
	State   State
	Next    time.Time // open: when it stops being open; closed: when it opens; zero when not within Horizon, or not known
	Until   Date      // TemporarilyClosed: the last day of the closure
	Holiday bool      // the day's hours are set aside because of a public holiday
}

// At returns the status of the schedule at instant t, whose hours are in
// the zone loc and whose public holidays are those of cal. Next is in loc.
func (s Schedule) At(t time.Time, loc *time.Location, cal Calendar) Status {
	if s.Closed {
		return Status{State: PermanentlyClosed}
	}
	z := zone{loc}
	now := t.Unix()
	w0 := int(floorDiv(z.clock(now), 60))
	today := floorDiv(w0, minutesPerDay)
	e := newEval(&s, &cal, today)
	cur := e.at(w0)
	st := Status{Holiday: e.plan(today).holiday}
	switch cur {
	case baseUnknown:
		st.State = Unknown
		return st
	case baseShut:
		st.State, st.Until = TemporarilyClosed, dateOf(s.closedUntil(today))
	case baseOpen:
		st.State = Open
	default:
		st.State = Closed
	}
	if next, ok := e.next(z, w0, cur); ok {
		st.Next = time.Unix(next, 0).In(loc)
		if cur == baseOpen && next-now <= int64(ClosingSoonWithin/time.Second) {
			st.State = ClosingSoon
		}
	}
	return st
}
