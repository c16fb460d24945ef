package hours

import (
	"fmt"
	"strings"
	"time"
)

// ParseOSM reads an OpenStreetMap opening_hours value: what Schedule.OSM
// writes, and the common forms of OpenStreetMap data:
//
//	Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off
//	24/7
//	Mo-Sa 09:00-18:00; Su,PH off
//	Mo-Fr 08:00-12:00, We 14:00-18:00
//	Mo-Su 22:00-06:00; 2026 Dec 24-2027 Jan 02 off
//	2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00
//
// Rules are read in order, and a later rule replaces what earlier ones said
// of the days it names, as in OpenStreetMap; a rule after ", " adds to them.
// No PH rule means public holidays keep the hours; days no rule names are
// closed; a value starting with "unknown" has no weekly hours. A date range
// with off alone is a closure; other rules with a date range make special
// hours over it, starting from the week's.
//
// What abri cannot say is an error, with the offset where it starts: date
// ranges without a year (abri's closures are dated), weekly rules after a
// date range, a "; " nth rule that would replace the week's hours of that
// day (write ", " to add to them), school holidays, comments, fallback
// rules (||), sunrise and the like.
func ParseOSM(s string) (Schedule, error) {
	p := &osmParser{src: s, ph: PolicyOpen, week: newOSMWeek()}
	if strings.TrimSpace(s) == "" {
		return Schedule{}, nil
	}
	if err := p.rules(); err != nil {
		return Schedule{}, err
	}
	return p.schedule(), nil
}

// osmWeek is what rules said of each weekday, every week and by week of
// the month.
type osmWeek struct {
	weekly [7][]Slot
	nth    map[int]*[7][]Slot
}

func newOSMWeek() osmWeek { return osmWeek{nth: map[int]*[7][]Slot{}} }

func (w osmWeek) clone() osmWeek {
	c := osmWeek{weekly: w.weekly, nth: map[int]*[7][]Slot{}}
	for n, days := range w.nth {
		d := *days
		c.nth[n] = &d
	}
	return c
}

// osmPeriod is what rules said of a date range.
type osmPeriod struct {
	period Period
	off    bool    // it began with "<dates> off": closed all over
	ruled  bool    // rules gave it hours: special hours, not a closure
	week   osmWeek // its hours
	ph     Policy  // its PH rule; "" when none
}

type osmParser struct {
	src     string
	i       int
	week    osmWeek
	unknown bool         // the value starts with "unknown": no weekly hours
	ph      Policy       // the week's PH rule
	periods []*osmPeriod // in order of first mention
	ranged  bool         // a date range was met
}

// osmSel is what a rule selects.
type osmSel struct {
	period *Period
	days   [][2]int // (weekday, nth)
	ph     bool
}

// osmValue is what a rule says of what it selects.
type osmValue struct {
	kind  string // off, unknown, slots
	slots []Slot
}

func (p *osmParser) errorf(at int, format string, args ...any) error {
	return &Error{Offset: at, Msg: fmt.Sprintf(format, args...)}
}

// rules reads the whole value, rule by rule.
func (p *osmParser) rules() error {
	additional := false
	for n := 0; ; n++ {
		if err := p.rule(n, additional); err != nil {
			return err
		}
		p.space()
		switch {
		case p.i == len(p.src):
			return nil
		case strings.HasPrefix(p.src[p.i:], "||"):
			return p.errorf(p.i, "fallback rules (||) are not supported")
		case p.src[p.i] == ';':
			additional = false
		case p.src[p.i] == ',':
			additional = true
		default:
			return p.errorf(p.i, "unexpected %q (want ; between rules)", p.rest())
		}
		p.i++
	}
}

// rest is the text left, shortened for messages.
func (p *osmParser) rest() string {
	r := p.src[p.i:]
	if len(r) > 12 {
		r = r[:12] + "..."
	}
	return r
}

func (p *osmParser) space() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

// rule reads and applies one rule.
func (p *osmParser) rule(n int, additional bool) error {
	p.space()
	start := p.i
	if p.i == len(p.src) || p.src[p.i] == ';' {
		return p.errorf(p.i, "empty rule (remove the extra ;)")
	}
	if p.take("24/7") {
		return p.apply(start, additional, osmSel{}, osmValue{kind: "slots", slots: []Slot{{0, minutesPerDay}}})
	}
	sel, err := p.selector()
	if err != nil {
		return err
	}
	val, err := p.value()
	if err != nil {
		return err
	}
	if n == 0 && val.kind == "unknown" && sel.period == nil && !sel.ph && sel.days == nil {
		p.unknown = true
		return nil
	}
	return p.apply(start, additional, sel, val)
}

// take consumes word if the text goes on with it (in any case).
func (p *osmParser) take(word string) bool {
	if len(p.src)-p.i >= len(word) && strings.EqualFold(p.src[p.i:p.i+len(word)], word) {
		p.i += len(word)
		return true
	}
	return false
}

// selector reads the date range and days of a rule, both optional.
func (p *osmParser) selector() (osmSel, error) {
	var sel osmSel
	if p.year(p.i) && p.i+4 < len(p.src) && p.src[p.i+4] == ' ' {
		per, err := p.period()
		if err != nil {
			return sel, err
		}
		sel.period = &per
		p.space()
	}
	if sel.period == nil && p.month() {
		return sel, p.errorf(p.i, "a date range needs its year (abri's closures are dated: 2026 Dec 24-2027 Jan 02 off)")
	}
	for p.i < len(p.src) && isLetter(p.src[p.i]) {
		if err := p.dayItem(&sel); err != nil {
			return sel, err
		}
		if p.i+1 < len(p.src) && p.src[p.i] == ',' && isLetter(p.src[p.i+1]) {
			p.i++
			continue
		}
		break
	}
	p.space()
	return sel, nil
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func (p *osmParser) isDigit(i int) bool { return i < len(p.src) && '0' <= p.src[i] && p.src[i] <= '9' }

// year reports whether four digits, and no more, start at i.
func (p *osmParser) year(i int) bool {
	return p.isDigit(i) && p.isDigit(i+1) && p.isDigit(i+2) && p.isDigit(i+3) && !p.isDigit(i+4)
}

// month reports whether a month name starts at the current position.
func (p *osmParser) month() bool {
	for _, name := range osmMonths {
		if len(p.src)-p.i > 3 && strings.EqualFold(p.src[p.i:p.i+3], name) && !isLetter(p.src[p.i+3]) {
			return true
		}
	}
	return false
}

// dayItem reads Mo, Mo-Fr, Tu[1], Tu[1,3] or PH; the value's words (off,
// closed, open, unknown) are left for value.
func (p *osmParser) dayItem(sel *osmSel) error {
	at := p.i
	if p.take("PH") {
		sel.ph = true
		return nil
	}
	if p.take("SH") {
		return p.errorf(at, "school holidays (SH) are not supported")
	}
	a, ok := p.weekday()
	if !ok {
		if p.word() == "" {
			return p.errorf(at, "unexpected %q", p.rest())
		}
		return nil // a value word
	}
	switch {
	case p.i < len(p.src) && p.src[p.i] == '-':
		p.i++
		b, ok := p.weekday()
		if !ok {
			return p.errorf(p.i, "%q is not a day (want Mo, Tu, We, Th, Fr, Sa, Su)", p.rest())
		}
		for d := a; ; d = (d + 1) % 7 {
			sel.days = append(sel.days, [2]int{d, 0})
			if d == b {
				break
			}
		}
	case p.i < len(p.src) && p.src[p.i] == '[':
		return p.nths(sel, a)
	default:
		sel.days = append(sel.days, [2]int{a, 0})
	}
	return nil
}

// word returns the letters at the current position, without consuming them.
func (p *osmParser) word() string {
	j := p.i
	for j < len(p.src) && isLetter(p.src[j]) {
		j++
	}
	switch w := strings.ToLower(p.src[p.i:j]); w {
	case "off", "closed", "open", "unknown":
		return w
	}
	return ""
}

// weekday reads a two-letter day name.
func (p *osmParser) weekday() (int, bool) {
	if p.i+2 > len(p.src) || p.i+2 < len(p.src) && isLetter(p.src[p.i+2]) {
		return 0, false
	}
	for d, name := range osmDays {
		if strings.EqualFold(p.src[p.i:p.i+2], name) {
			p.i += 2
			return d, true
		}
	}
	return 0, false
}

// nths reads [1], [-1], [1,3] after a weekday.
func (p *osmParser) nths(sel *osmSel, day int) error {
	at := p.i
	end := strings.IndexByte(p.src[p.i:], ']')
	if end < 0 {
		return p.errorf(at, "missing ] after a week of the month")
	}
	for _, f := range strings.Split(p.src[p.i+1:p.i+end], ",") {
		switch f = strings.TrimSpace(f); f {
		case "1", "2", "3", "4", "-1":
			n := int(f[len(f)-1] - '0')
			if f == "-1" {
				n = -1
			}
			sel.days = append(sel.days, [2]int{day, n})
		default:
			return p.errorf(at, "%q is not a supported week of the month (want [1] to [4], or [-1])", f)
		}
	}
	p.i += end + 1
	return nil
}

// value reads what a rule says: off, closed, unknown, open or time ranges.
func (p *osmParser) value() (osmValue, error) {
	at := p.i
	switch w := p.word(); w {
	case "off", "closed":
		p.i += len(w)
		return osmValue{kind: "off"}, nil
	case "unknown":
		p.i += len(w)
		return osmValue{kind: "unknown"}, nil
	case "open":
		p.i += len(w)
		return osmValue{kind: "slots", slots: []Slot{{0, minutesPerDay}}}, nil
	}
	if !p.isDigit(p.i) {
		if p.i == len(p.src) || p.src[p.i] == ';' {
			return osmValue{}, p.errorf(at, "a rule needs hours, or off (e.g. Mo-Fr 09:00-17:00)")
		}
		return osmValue{}, p.errorf(at, "%q is not supported (want days, then hours like 09:00-12:00, or off)", p.rest())
	}
	var slots []Slot
	for {
		s, err := p.slot()
		if err != nil {
			return osmValue{}, err
		}
		slots = append(slots, s)
		if p.i+1 < len(p.src) && p.src[p.i] == ',' && p.isDigit(p.i+1) {
			p.i++
			continue
		}
		return osmValue{kind: "slots", slots: slots}, nil
	}
}

// slot reads HH:MM-HH:MM; an end past 24:00 (26:00) runs into the next day.
func (p *osmParser) slot() (Slot, error) {
	at := p.i
	a, ok := p.clock()
	if !ok || p.i >= len(p.src) || p.src[p.i] != '-' {
		return Slot{}, p.errorf(at, "%q is not a time range (want HH:MM-HH:MM)", p.rest())
	}
	p.i++
	b, ok := p.clock()
	switch {
	case !ok || a >= minutesPerDay || b > 2*minutesPerDay:
		return Slot{}, p.errorf(at, "%q is not a time range (want HH:MM-HH:MM)", p.src[at:p.i])
	case a == b:
		return Slot{}, p.errorf(at, "%q starts and ends at the same time", p.src[at:p.i])
	case b > minutesPerDay:
		if b -= minutesPerDay; b >= a {
			return Slot{}, p.errorf(at, "%q lasts more than a day", p.src[at:p.i])
		}
	case b == 0:
		b = minutesPerDay
	}
	return Slot{a, b}, nil
}

// clock reads HH:MM, hours up to 48 (OpenStreetMap's extended hours).
func (p *osmParser) clock() (int, bool) {
	j := p.i
	if !(p.isDigit(j) && p.isDigit(j+1) && j+2 < len(p.src) && p.src[j+2] == ':' && p.isDigit(j+3) && p.isDigit(j+4)) {
		return 0, false
	}
	h := int(p.src[j]-'0')*10 + int(p.src[j+1]-'0')
	m := int(p.src[j+3]-'0')*10 + int(p.src[j+4]-'0')
	if m > 59 || h > 48 {
		return 0, false
	}
	p.i += 5
	return h*60 + m, true
}

// period reads 2026 Dec 24, 2026 Dec 24-2027 Jan 02, 2026 Jul 01-Aug 31 or
// 2026 Jul 01-31.
func (p *osmParser) period() (Period, error) {
	at := p.i
	first, err := p.date(0, 0)
	if err != nil {
		return Period{}, err
	}
	last := first
	if p.i < len(p.src) && p.src[p.i] == '-' {
		p.i++
		yearGiven := p.year(p.i)
		if last, err = p.date(first.Year, first.Month); err != nil {
			return Period{}, err
		}
		if !yearGiven && last.days() < first.days() {
			last.Year++ // 2026 Dec 24-Jan 02 ends in 2027
		}
	}
	if last.days() < first.days() {
		return Period{}, p.errorf(at, "%q ends before it starts", p.src[at:p.i])
	}
	p.ranged = true
	return Period{first, last}, nil
}

// date reads [YYYY ][Mon ]DD; the year and month default to those given.
func (p *osmParser) date(year int, month time.Month) (Date, error) {
	at := p.i
	if p.year(p.i) {
		year = int(p.src[p.i]-'0')*1000 + int(p.src[p.i+1]-'0')*100 + int(p.src[p.i+2]-'0')*10 + int(p.src[p.i+3]-'0')
		p.i += 4
		p.space()
	}
	for m, name := range osmMonths {
		if p.take(name) {
			month = time.Month(m + 1)
			p.space()
			break
		}
	}
	if year == 0 || month == 0 {
		return Date{}, p.errorf(at, "a date needs a year and a month (abri's closures are dated: 2026 Dec 24-2027 Jan 02)")
	}
	if !p.isDigit(p.i) {
		return Date{}, p.errorf(p.i, "%q is not a day of the month", p.rest())
	}
	day := int(p.src[p.i] - '0')
	p.i++
	if p.isDigit(p.i) {
		day = day*10 + int(p.src[p.i]-'0')
		p.i++
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, p.errorf(at, "%q is not a real date", p.src[at:p.i])
	}
	return Date{year, month, day}, nil
}
