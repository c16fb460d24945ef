package hours

import (
	"encoding/json"
	"fmt"
	"strings"
)

// scheduleJSON is the JSON form of a Schedule; see Schedule.JSON.
type scheduleJSON struct {
	W      string        `json:"w,omitempty"`
	PH     Policy        `json:"ph,omitempty"`
	C      []string      `json:"c,omitempty"`
	S      []specialJSON `json:"s,omitempty"`
	Closed bool          `json:"closed,omitempty"`
}

type specialJSON struct {
	D  string `json:"d"`
	W  string `json:"w"`
	PH Policy `json:"ph,omitempty"`
}

// JSON returns the schedule in the compact form hours.js reads from the
// data-hours attribute of listing cards, e.g.
//
//	{"w":"mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00;tu[1] 18:00-20:00",
//	 "ph":"closed","c":["2026-12-24/2027-01-02"],
//	 "s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}
//
// Its keys are:
//
//   - w: the weekly rules, "key slots" separated by ";", keys and slots as
//     editors write them (canonical: Rule.Key, no spaces); rules without
//     slots are left out, and a week without any slot is "closed". No w:
//     the hours are not known.
//   - ph: the public-holiday policy, "open" or "closed"; none is unknown.
//   - c: closures, "first/last" (inclusive) or one date for a single day.
//   - s: special hours: d their period as in c, w their rules as above, ph
//     their policy if they have their own ("open", "closed", "unknown").
//   - closed: true when the place is closed for good.
//
// Keys without a value are left out: the hours of a place open on weekdays
// take about 50 bytes.
func (s Schedule) JSON() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// MarshalJSON writes the form that Schedule.JSON documents.
func (s Schedule) MarshalJSON() ([]byte, error) {
	j := scheduleJSON{Closed: s.Closed}
	if s.known() {
		j.W = weekString(s.Week)
	}
	if s.Holidays != PolicyUnknown {
		j.PH = s.Holidays
	}
	for _, c := range s.Closures {
		j.C = append(j.C, c.String())
	}
	for _, sp := range s.Special {
		j.S = append(j.S, specialJSON{D: sp.Period.String(), W: weekString(sp.Rules), PH: sp.Holidays})
	}
	return json.Marshal(j)
}

// weekString writes rules as "mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00".
func weekString(rules []Rule) string {
	var parts []string
	for _, r := range rules {
		if len(r.Slots) == 0 {
			continue
		}
		slots := make([]string, len(r.Slots))
		for i, sl := range r.Slots {
			slots[i] = sl.String()
		}
		parts = append(parts, r.Key()+" "+strings.Join(slots, ","))
	}
	if len(parts) == 0 {
		return "closed"
	}
	return strings.Join(parts, ";")
}

// ParseJSON reads a schedule in the form that Schedule.JSON writes.
func ParseJSON(s string) (Schedule, error) {
	var sc Schedule
	err := json.Unmarshal([]byte(s), &sc)
	return sc, err
}

// UnmarshalJSON reads the form that Schedule.JSON documents.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var j scheduleJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Schedule{Holidays: j.PH, Closed: j.Closed}
	if out.Holidays == "" {
		out.Holidays = PolicyUnknown
	}
	if err := out.Holidays.check(); err != nil {
		return err
	}
	var err error
	if j.W != "" {
		if out.Week, err = parseWeek(j.W); err != nil {
			return err
		}
	}
	for _, c := range j.C {
		p, err := parsePeriod(c)
		if err != nil {
			return err
		}
		out.Closures = append(out.Closures, p)
	}
	for _, sj := range j.S {
		sp, err := sj.special()
		if err != nil {
			return err
		}
		out.Special = append(out.Special, sp)
	}
	*s = out
	return nil
}

func (sj specialJSON) special() (Special, error) {
	p, err := parsePeriod(sj.D)
	if err != nil {
		return Special{}, err
	}
	if sj.PH != "" {
		if err := sj.PH.check(); err != nil {
			return Special{}, err
		}
	}
	rules, err := parseWeek(sj.W)
	return Special{Period: p, Rules: rules, Holidays: sj.PH}, err
}

// check refuses a policy that is none of open, closed and unknown.
func (p Policy) check() error {
	switch p {
	case PolicyOpen, PolicyClosed, PolicyUnknown:
		return nil
	}
	return fmt.Errorf("%q is not a public-holiday policy (want open, closed or unknown)", string(p))
}

// parseWeek reads what weekString writes.
func parseWeek(w string) ([]Rule, error) {
	if w == "closed" {
		return []Rule{{Days: [7]bool{true, true, true, true, true, true, true}}}, nil
	}
	var rules []Rule
	for _, part := range strings.Split(w, ";") {
		key, value, _ := strings.Cut(part, " ")
		days, nth, err := ParseDays(key)
		if err != nil {
			return nil, fmt.Errorf("hours %q: %v", part, err)
		}
		slots, err := ParseSlots(value)
		if err != nil {
			return nil, fmt.Errorf("hours %q: %v", part, err)
		}
		rules = append(rules, Rule{Days: days, Nth: nth, Slots: slots})
	}
	return rules, nil
}

// ScriptStrings are the interface strings hours.js needs: the page gives
// them in the "t" map of its abri-hours block (see PageJSON).
var ScriptStrings = []string{
	"status_open", "status_closing_soon", "closed", "status_holiday_closed",
	"status_temporarily_closed", "closed_permanently",
	"status_unknown", "status_holiday_unknown",
	"status_closes_at", "status_opens_at", "status_opens_tomorrow",
	"status_opens_mo", "status_opens_tu", "status_opens_we", "status_opens_th",
	"status_opens_fr", "status_opens_sa", "status_opens_su", "status_opens_on",
	"date_format", "month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12",
}

// PageJSON returns the content of the page's
// <script type="application/json" id="abri-hours"> block, that hours.js
// reads: {"tz":"Europe/Paris","cal":{...Calendar.JSON...},"t":{...}}, with
// t the strings of ScriptStrings in the page's language, taken from
// strings (a missing one is left out, and hours.js then writes no status
// that needs it: no silent fallback to another language).
func PageJSON(tz string, cal Calendar, strings map[string]string) string {
	t := map[string]string{}
	for _, k := range ScriptStrings {
		if v, ok := strings[k]; ok {
			t[k] = v
		}
	}
	b, _ := json.Marshal(struct {
		TZ  string            `json:"tz"`
		Cal pageCalendar      `json:"cal"`
		T   map[string]string `json:"t"`
	}{tz, cal.page(), t})
	return string(b)
}
