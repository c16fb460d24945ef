package hours

import (
	"fmt"
	"slices"
	"strings"
)

// Conflict is a problem between rules of one hours map.
type Conflict struct {
	Rule int    // index of the later of the two rules involved (the one to report)
	Msg  string // what is wrong, naming the other rule by its canonical key
}

// Validate checks a whole map's rules, in the editor's order: a weekday may
// appear in at most one every-week rule (Nth == 0), and a (weekday, nth)
// pair at most once among nth rules; slots of rules that apply on the same
// day must not overlap: an nth rule's slots against the every-week rule of
// that weekday (and [4] against [-1], which fall on the same date in months
// with four such weekdays), and the part after midnight of an overnight slot
// against the next day's slots (Sunday spills into Monday). It returns nil
// when all is fine.
//
// The slots of one rule are taken to come from ParseSlots, which has already
// compared them with each other on the day they start.
func Validate(rules []Rule) []Conflict {
	kept, conflicts := claimDays(rules)
	for _, day := range occupy(rules, kept) {
		conflicts = append(conflicts, clashes(day, rules)...)
	}
	slices.SortStableFunc(conflicts, func(a, b Conflict) int { return a.Rule - b.Rule })
	return dedupe(conflicts)
}

// dedupe drops repeated conflicts, keeping the first: a clash between the
// same two slots is found on each day the rules share, and one message
// tells the editor all there is to fix.
func dedupe(conflicts []Conflict) []Conflict {
	var out []Conflict
	seen := map[Conflict]bool{}
	for _, c := range conflicts {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// claimDays gives each (weekday, nth) to the first rule that names it, and
// reports the later rules that name it again. The days a rule keeps are
// returned for the overlap checks: a day a rule lost is not checked again,
// so that one mistake gives one message.
func claimDays(rules []Rule) (kept [][7]bool, conflicts []Conflict) {
	owner := map[[2]int]int{} // (weekday, nth) -> index of the rule that has it
	kept = make([][7]bool, len(rules))
	for i := range rules {
		conflicts = append(conflicts, claimRule(rules, i, owner, &kept[i])...)
	}
	return kept, conflicts
}

// claimRule claims the days of rules[i], with one conflict per earlier rule
// that has some of them already.
func claimRule(rules []Rule, i int, owner map[[2]int]int, kept *[7]bool) []Conflict {
	r := rules[i]
	taken := map[int][]string{} // earlier rule -> the days of r it already has
	var earlier []int           // the keys of taken, in the order met, for stable output
	for d, on := range r.Days {
		if !on {
			continue
		}
		j, ok := owner[[2]int{d, r.Nth}]
		if !ok {
			owner[[2]int{d, r.Nth}], kept[d] = i, true
			continue
		}
		if taken[j] == nil {
			earlier = append(earlier, j)
		}
		taken[j] = append(taken[j], dayCodes[d]+nthSuffix(r.Nth))
	}
	var conflicts []Conflict
	for _, j := range earlier {
		conflicts = append(conflicts, Conflict{Rule: i, Msg: alreadyIn(taken[j], rules[j])})
	}
	return conflicts
}

// alreadyIn says that days are already in an earlier rule.
func alreadyIn(days []string, earlier Rule) string {
	verb := "is"
	if len(days) > 1 {
		verb = "are"
	}
	return fmt.Sprintf("%s %s already in %q", strings.Join(days, ", "), verb, earlier.Key())
}

// afterNth is the week of the part after midnight of an nth rule's
// overnight slot: the day after the first Monday may be the first or the
// second Tuesday, so it is only compared with every-week rules.
const afterNth = 100

// stretch is the part of one weekday that a slot of a rule keeps open.
type stretch struct {
	rule     int  // index of the rule
	nth      int  // the rule's Nth, or afterNth for a spill from an nth rule
	slot     Slot // the slot as written
	spill    bool // the part after midnight of an overnight slot begun the day before
	from, to int  // minutes of this day, to excluded
}

// occupy lists, for each weekday, the stretches the rules keep open, in the
// rules' order.
func occupy(rules []Rule, kept [][7]bool) [7][]stretch {
	var week [7][]stretch
	for i, r := range rules {
		for d := range 7 {
			if !kept[i][d] {
				continue
			}
			for _, s := range r.Slots {
				week[d] = append(week[d], stretch{rule: i, nth: r.Nth, slot: s, from: s.Start, to: s.dayEnd()})
				if s.Overnight() {
					next := (d + 1) % 7
					week[next] = append(week[next], spillOf(i, r.Nth, s))
				}
			}
		}
	}
	return week
}

// spillOf is the stretch an overnight slot keeps open the next day.
func spillOf(rule, nth int, s Slot) stretch {
	if nth != 0 {
		nth = afterNth
	}
	return stretch{rule: rule, nth: nth, slot: s, spill: true, from: 0, to: s.End}
}

// clashes compares the stretches of one day pairwise.
func clashes(day []stretch, rules []Rule) []Conflict {
	var conflicts []Conflict
	for b := range day {
		for a := range b {
			if clash(day[a], day[b]) {
				conflicts = append(conflicts, Conflict{Rule: day[b].rule, Msg: clashMsg(day[a], day[b], rules)})
			}
		}
	}
	return conflicts
}

// clash reports whether two stretches of a day, a from a rule no later
// than b's, overlap on a date where both apply.
func clash(a, b stretch) bool {
	switch {
	case a.spill && b.spill:
		return false // both began the day before, and were compared there
	case a.rule == b.rule && !a.spill && !b.spill:
		return false // ParseSlots compared them
	}
	return sameDate(a.nth, b.nth) && a.from < b.to && b.from < a.to
}

// sameDate reports whether stretches of two weeks of the month may fall on
// the same date.
func sameDate(a, b int) bool {
	switch {
	case a == 0 || b == 0:
		return true
	case a == afterNth || b == afterNth:
		return false
	}
	return a == b || a == 4 && b == -1 || a == -1 && b == 4
}

// clashMsg says how b, of the rule to report, overlaps a.
func clashMsg(a, b stretch, rules []Rule) string {
	if a.rule == b.rule {
		if a.spill {
			a, b = b, a
		}
		return fmt.Sprintf("%s runs past midnight into %s of the next day", b.slot, a.slot)
	}
	other := rules[a.rule].Key()
	switch {
	case b.spill:
		return fmt.Sprintf("%s runs past midnight into %s of %q", b.slot, a.slot, other)
	case a.spill:
		return fmt.Sprintf("%s starts before %s of %q ends", b.slot, a.slot, other)
	}
	return fmt.Sprintf("%s overlaps %s of %q", b.slot, a.slot, other)
}
