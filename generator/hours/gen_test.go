package hours

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"
)

// genCase is a schedule and the days around which vectors are made: at
// midnight, noon, and at each start and end of its slots, 30 and 1 minutes
// before, and on the minute.
type genCase struct {
	why, schedule, tz, cal string
	days                   []string
}

var genCases = []genCase{
	{"office week, holidays closed", `{"w":"mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00","ph":"closed"}`, "Europe/Paris", "FR",
		[]string{"2026-11-27", "2026-11-28", "2026-11-29", "2026-12-25", "2026-05-08", "2026-07-14"}},
	{"night shelter", `{"w":"mo-su 19:00-08:00","ph":"open"}`, "Europe/Paris", "FR",
		[]string{"2026-01-31", "2026-02-28", "2026-03-29", "2026-10-25", "2026-12-31"}},
	{"night shelter, holidays closed", `{"w":"mo-su 19:00-08:00","ph":"closed"}`, "Europe/Paris", "FR",
		[]string{"2026-12-24", "2026-12-25", "2026-12-26", "2026-04-06"}},
	{"night shelter, holidays unknown", `{"w":"mo-su 19:00-08:00"}`, "Europe/Paris", "FR",
		[]string{"2026-12-25", "2026-12-26", "2026-11-01"}},
	{"all day every day", `{"w":"mo-su 00:00-24:00","ph":"open"}`, "Europe/Paris", "FR",
		[]string{"2026-03-29", "2026-10-25"}},
	{"all day, holidays unknown", `{"w":"mo-su 00:00-24:00"}`, "Europe/Paris", "FR",
		[]string{"2026-10-31", "2026-11-01", "2026-11-02"}},
	{"monthly", `{"w":"tu[1] 18:00-20:00;fr[-1] 10:00-12:00"}`, "Europe/Paris", "FR",
		[]string{"2026-09-01", "2026-09-25", "2026-10-23", "2026-10-30", "2026-12-01"}},
	{"4th and last friday", `{"w":"fr[4] 09:00-10:00;fr[-1] 14:00-15:00"}`, "Europe/Paris", "FR",
		[]string{"2026-09-25", "2026-10-23", "2026-10-30"}},
	{"weekly plus nth", `{"w":"mo-fr 09:00-17:00;we[2] 18:00-20:00","ph":"closed"}`, "Europe/Paris", "FR",
		[]string{"2026-11-11", "2026-12-09", "2026-12-02"}},
	{"closures that follow each other", `{"w":"mo-fr 09:00-17:00","c":["2026-12-24/2027-01-01","2027-01-02/2027-01-03"]}`, "Europe/Paris", "FR",
		[]string{"2026-12-23", "2026-12-24", "2027-01-03", "2027-01-04"}},
	{"summer hours", `{"w":"mo-fr 09:00-17:00;sa 09:00-12:00","ph":"closed","s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}`, "Europe/Paris", "FR",
		[]string{"2026-06-30", "2026-07-01", "2026-07-04", "2026-07-14", "2026-08-31", "2026-09-01"}},
	{"summer hours open on holidays", `{"w":"mo-fr 09:00-17:00","ph":"closed","s":[{"d":"2026-07-01/2026-08-31","w":"mo-su 10:00-16:00","ph":"open"}]}`, "Europe/Paris", "FR",
		[]string{"2026-07-14", "2026-08-15"}},
	{"winter shelter only", `{"s":[{"d":"2026-11-01/2027-03-31","w":"mo-su 19:00-09:00"}]}`, "Europe/Paris", "FR",
		[]string{"2026-10-31", "2026-11-01", "2027-03-31", "2027-04-01"}},
	{"no hours", `{}`, "Europe/Paris", "FR", []string{"2026-11-27"}},
	{"night shelter with a closure", `{"w":"mo-su 20:00-08:00","ph":"open","c":["2026-12-24/2026-12-26"]}`, "Europe/Paris", "FR",
		[]string{"2026-12-23", "2026-12-24", "2026-12-26", "2026-12-27"}},
	{"short slot", `{"w":"mo-su 09:00-09:20"}`, "Europe/Paris", "FR", []string{"2026-11-27"}},
	{"slots that meet", `{"w":"mo-fr 09:00-12:00,12:00-14:00;sa 22:00-00:00;su 00:00-06:00"}`, "Europe/Paris", "FR",
		[]string{"2026-11-27", "2026-11-28", "2026-11-29"}},
	{"slot before the repeated hour", `{"w":"mo-su 01:00-02:30"}`, "Europe/Paris", "none",
		[]string{"2026-03-29", "2026-10-25", "2027-03-28"}},
	{"slot from the skipped hour", `{"w":"mo-su 02:30-05:00"}`, "Europe/Paris", "none",
		[]string{"2026-03-29", "2026-10-25"}},
	{"slot inside the skipped hour", `{"w":"su 02:00-02:45;mo-su 12:00-13:00"}`, "Europe/Paris", "none",
		[]string{"2026-03-28", "2026-03-29"}},
	{"night over the clock change", `{"w":"mo-su 23:00-03:00"}`, "Europe/Paris", "none",
		[]string{"2026-03-29", "2026-10-25"}},
	{"New York", `{"w":"mo-su 01:30-02:30,09:00-17:00"}`, "America/New_York", "none",
		[]string{"2026-03-08", "2026-11-01"}},
	{"Lord Howe, half-hour shift", `{"w":"mo-su 01:45-02:15"}`, "Australia/Lord_Howe", "none",
		[]string{"2026-04-05", "2026-10-04"}},
	{"Santiago, clocks change at midnight", `{"w":"mo-su 00:00-01:00,20:00-24:00"}`, "America/Santiago", "none",
		[]string{"2026-04-04", "2026-04-05", "2026-09-05", "2026-09-06"}},
	{"Kolkata", `{"w":"mo-sa 10:00-18:00"}`, "Asia/Kolkata", "none", []string{"2026-11-27"}},
	{"Alsace-Moselle", `{"w":"mo-fr 09:00-17:00","ph":"closed"}`, "Europe/Paris", "FR-alsace-moselle",
		[]string{"2026-04-03", "2026-12-25", "2027-12-24"}},
	{"Belgium", `{"w":"mo-sa 09:00-17:00","ph":"closed"}`, "Europe/Brussels", "BE",
		[]string{"2026-07-21", "2026-07-14"}},
	{"holiday on a Sunday, closed", `{"w":"mo-su 10:00-18:00","ph":"closed"}`, "Europe/Paris", "FR",
		[]string{"2026-11-01", "2027-08-15"}},
	{"holiday on a Sunday, unknown", `{"w":"mo-sa 10:00-18:00;su 10:00-12:00"}`, "Europe/Paris", "FR",
		[]string{"2026-11-01"}},
	{"permanently closed", `{"w":"mo-fr 09:00-17:00","closed":true}`, "Europe/Paris", "FR", []string{"2026-11-27"}},
	{"night over the end of the month", `{"w":"mo-su 22:00-06:00","ph":"open"}`, "Europe/Paris", "FR",
		[]string{"2026-01-31", "2026-03-31", "2026-12-31"}},
	{"last week of the month, overnight", `{"w":"mo-su[-1] 18:00-02:00"}`, "Europe/Paris", "none",
		[]string{"2026-08-24", "2026-08-31", "2026-09-01"}},
}

// perCase bounds the vectors of one case, evenly chosen among its probes.
const perCase = 9

func generateVectors(t *testing.T, f vectorFile) []vector {
	var out []vector
	for _, c := range genCases {
		probes := c.probes(t)
		step := max(1, (len(probes)+perCase-1)/perCase)
		for i := 0; i < len(probes); i += step {
			out = append(out, makeVector(t, f, c, probes[i]))
		}
	}
	return out
}

// probes lists the instants of a case, in order.
func (c genCase) probes(t *testing.T) []time.Time {
	s, err := ParseJSON(c.schedule)
	if err != nil {
		t.Fatalf("%s: %v", c.why, err)
	}
	loc, _ := time.LoadLocation(c.tz)
	minutes := map[int]bool{0: true, 720: true}
	for _, rules := range append([][]Rule{s.Week}, specialRules(s)...) {
		for _, r := range rules {
			for _, sl := range r.Slots {
				for _, b := range []int{sl.Start, sl.End % 1440} {
					for _, d := range []int{-30, -1, 0} {
						minutes[(b+d+1440)%1440] = true
					}
				}
			}
		}
	}
	var ms []int
	for m := range minutes {
		ms = append(ms, m)
	}
	sort.Ints(ms)
	var out []time.Time
	for _, day := range c.days {
		d, _ := ParseDate(day)
		for _, m := range ms {
			out = append(out, time.Date(d.Year, d.Month, d.Day, m/60, m%60, 0, 0, loc))
		}
	}
	return out
}

func specialRules(s Schedule) [][]Rule {
	var out [][]Rule
	for _, sp := range s.Special {
		out = append(out, sp.Rules)
	}
	return out
}

// makeVector asks the oracle what to expect at an instant.
func makeVector(t *testing.T, f vectorFile, c genCase, at time.Time) vector {
	v := vector{Why: "generated: " + c.why, Schedule: json.RawMessage(c.schedule), TZ: c.tz, Cal: c.cal, At: at.Format(time.RFC3339)}
	s, loc, cal, at, err := f.setup(v)
	if err != nil {
		t.Fatalf("%s: %v", c.why, err)
	}
	return expect(v, newOracle(s, loc, cal).status(at))
}

// writeVectors writes the file with one vector per line, for review.
func writeVectors(t *testing.T, f vectorFile) {
	var b bytes.Buffer
	line := func(v any) string {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	b.WriteString("{\n\"note\": " + line(f.Note) + ",\n\"calendars\": {\n")
	names := make([]string, 0, len(f.Calendars))
	for n := range f.Calendars {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		b.WriteString(" " + line(n) + ": " + string(f.Calendars[n]) + sep(i, len(names)))
	}
	b.WriteString("},\n\"hand\": [\n")
	for i, v := range f.Hand {
		b.WriteString(" " + line(v) + sep(i, len(f.Hand)))
	}
	b.WriteString("],\n\"generated\": [\n")
	for i, v := range f.Generated {
		b.WriteString(" " + line(v) + sep(i, len(f.Generated)))
	}
	b.WriteString("]\n}\n")
	if err := os.WriteFile(vectorPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sep(i, n int) string {
	if i < n-1 {
		return ",\n"
	}
	return "\n"
}
