package hours

// Schedule is the opening hours of one listing or service: what the package
// doc's "What a Schedule means" specifies.
type Schedule struct {
	Week     []Rule    // weekly rules; none: the hours are not known
	Holidays Policy    // what public holidays do to Week; "" is PolicyUnknown
	Closures []Period  // closed from First to Last, both included; closures win over everything
	Special  []Special // periods whose rules replace Week; the first that covers a day wins
	Closed   bool      // closed for good (the listing's status is closed)
}

// Special is a special-hours period: summer hours, a cold snap.
type Special struct {
	Period
	Rules    []Rule // the hours of the period; none: closed every day of the period
	Holidays Policy // what public holidays do to Rules; "" is the week's policy
}

// Policy is what a public holiday does to the day's rules.
type Policy string

const (
	PolicyOpen    Policy = "open"    // the day's rules apply as on any other day
	PolicyClosed  Policy = "closed"  // nothing opens that day
	PolicyUnknown Policy = "unknown" // whether it opens is not known
)

// known reports whether the schedule gives weekly hours.
func (s *Schedule) known() bool { return len(s.Week) > 0 }

// Since returns the schedule without the closures and special hours that
// ended before d: the pages built on d need nothing older, and every byte
// counts in the JSON embedded in each listing card.
func (s Schedule) Since(d Date) Schedule {
	day := d.days()
	out := s
	out.Closures = nil
	for _, c := range s.Closures {
		if c.Last.days() >= day {
			out.Closures = append(out.Closures, c)
		}
	}
	out.Special = nil
	for _, sp := range s.Special {
		if sp.Last.days() >= day {
			out.Special = append(out.Special, sp)
		}
	}
	return out
}

// rulesOn returns the rules in force on a day, the holiday policy that goes
// with them, and whether the day's hours are known at all.
func (s *Schedule) rulesOn(day int) ([]Rule, Policy, bool) {
	for i := range s.Special {
		sp := &s.Special[i]
		if sp.First.days() <= day && day <= sp.Last.days() {
			p := sp.Holidays
			if p == "" {
				p = s.Holidays
			}
			return sp.Rules, p, true
		}
	}
	return s.Week, s.Holidays, s.known()
}

// closedOn reports whether a day is inside a closure.
func (s *Schedule) closedOn(day int) bool {
	for _, c := range s.Closures {
		if c.First.days() <= day && day <= c.Last.days() {
			return true
		}
	}
	return false
}

// closedUntil returns the last day of the run of closures that covers day:
// closures that overlap or follow each other without a gap count as one.
func (s *Schedule) closedUntil(day int) int {
	last := day
	for grown := true; grown; {
		grown = false
		for _, c := range s.Closures {
			if c.First.days() <= last+1 && c.Last.days() > last {
				last, grown = c.Last.days(), true
			}
		}
	}
	return last
}
