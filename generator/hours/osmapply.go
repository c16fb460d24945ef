package hours

// apply records a rule read by ParseOSM: what it says replaces what earlier
// rules said of the days it selects, or adds to it after ", ".
func (p *osmParser) apply(at int, additional bool, sel osmSel, val osmValue) error {
	if val.kind == "unknown" && (sel.days != nil || !sel.ph) {
		return p.errorf(at, "unknown is only supported for a whole value (unknown; ...) and for PH")
	}
	if sel.ph {
		if err := p.applyPH(at, sel.period, val); err != nil {
			return err
		}
		if sel.days == nil {
			return nil
		}
	}
	if sel.period == nil {
		if p.ranged {
			return p.errorf(at, "weekly hours must come before date ranges (a later rule replaces an earlier one)")
		}
		if p.unknown {
			return p.errorf(at, "after unknown, only date ranges are supported")
		}
		return p.week.apply(p, at, additional, sel.days, val)
	}
	per := p.periodOf(*sel.period)
	if sel.days == nil && val.kind == "off" && !additional {
		*per = osmPeriod{period: per.period, off: true, week: newOSMWeek()}
		return nil
	}
	per.ruled = true
	return per.week.apply(p, at, additional, sel.days, val)
}

// applyPH records a PH rule: off or unknown.
func (p *osmParser) applyPH(at int, period *Period, val osmValue) error {
	var pol Policy
	switch val.kind {
	case "off":
		pol = PolicyClosed
	case "unknown":
		pol = PolicyUnknown
	default:
		return p.errorf(at, "PH with hours is not supported (abri keeps a day's hours on holidays, or says PH off or PH unknown)")
	}
	if period != nil {
		per := p.periodOf(*period)
		per.ph, per.ruled = pol, true
		return nil
	}
	p.ph = pol
	for _, per := range p.periods {
		if per.ruled {
			per.ph = pol // a later PH rule replaces the periods' too
		}
	}
	return nil
}

// periodOf returns the period of a date range, made from the week if new.
func (p *osmParser) periodOf(r Period) *osmPeriod {
	for _, per := range p.periods {
		if per.period == r {
			return per
		}
	}
	per := &osmPeriod{period: r, week: p.week.clone()}
	p.periods = append(p.periods, per)
	return per
}

// apply records what a rule says of some (weekday, nth) days.
func (w *osmWeek) apply(p *osmParser, at int, additional bool, days [][2]int, val osmValue) error {
	if days == nil {
		for d := range 7 {
			days = append(days, [2]int{d, 0})
		}
	}
	if additional && val.kind == "off" {
		return p.errorf(at, "off after \", \" adds nothing: write \"; \" to close")
	}
	for _, dn := range days {
		if err := w.set(p, at, additional, dn[0], dn[1], val.slots); err != nil {
			return err
		}
	}
	return nil
}

// set gives slots to one weekday, every week (nth 0) or on one week of
// the month.
func (w *osmWeek) set(p *osmParser, at int, additional bool, d, nth int, slots []Slot) error {
	if nth == 0 {
		if additional {
			w.weekly[d] = addSlots(w.weekly[d], slots)
			return nil
		}
		w.weekly[d] = addSlots(nil, slots)
		for _, days := range w.nth {
			days[d] = nil
		}
		return nil
	}
	if w.nth[nth] == nil {
		w.nth[nth] = &[7][]Slot{}
	}
	if !additional && (len(w.weekly[d]) > 0 || w.sameDate(d, nth)) {
		return p.errorf(at, "%s[%d] after \"; \" would replace that day's other hours, which abri cannot say: write \", %s[%d] ...\" to add to them", osmDays[d], nth, osmDays[d], nth)
	}
	w.nth[nth][d] = addSlots(w.nth[nth][d], slots)
	return nil
}

// sameDate reports whether another nth rule has slots on a date that the
// nth weekday d can fall on: [4] and [-1] are one day in some months.
func (w *osmWeek) sameDate(d, nth int) bool {
	other := map[int]int{4: -1, -1: 4}[nth]
	return other != 0 && w.nth[other] != nil && len(w.nth[other][d]) > 0
}

// rules turns what was said of each day into rules, days with the same
// slots together; a week with no slot at all is one closed rule, so that
// it stays known.
func (w osmWeek) rules() []Rule {
	var out []Rule
	for _, g := range groupDays(&w.weekly) {
		out = append(out, Rule{Days: g.days, Slots: g.slots})
	}
	for _, n := range nthOrder {
		for _, g := range groupDays(w.nth[n]) {
			out = append(out, Rule{Days: g.days, Nth: n, Slots: g.slots})
		}
	}
	if out == nil {
		out = []Rule{{Days: [7]bool{true, true, true, true, true, true, true}}}
	}
	return out
}

// schedule is the Schedule the rules make.
func (p *osmParser) schedule() Schedule {
	s := Schedule{Holidays: p.ph}
	if !p.unknown {
		s.Week = p.week.rules()
	}
	for _, per := range p.periods {
		if per.off && !per.ruled {
			s.Closures = append(s.Closures, per.period)
			continue
		}
		ph := per.ph
		if ph == "" && per.off {
			ph = PolicyOpen // "<dates> off" then hours: holidays in the period open with them
		}
		s.Special = append(s.Special, Special{Period: per.period, Rules: per.week.rules(), Holidays: ph})
	}
	return s
}
