package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/hours"
)

// hoursYAML writes what ParseHours kept, as the writer does.
func hoursYAML(h Hours) string {
	st := style{langs: []string{"fr"}}
	l := content.Listing{Hours: h.Hours, Closures: h.Closures, SpecialHours: h.Special}
	var b strings.Builder
	for _, f := range st.fields(&l) {
		b.WriteString(f.text)
	}
	return b.String()
}

func TestParseHoursLenient(t *testing.T) {
	for _, c := range []struct{ in, want, note string }{
		// Sloppy spacing, and a later rule overriding earlier days.
		{"Mo 13:30-17:30;Tu 08:30-12:15", "hours:\n  mo: 13:30-17:30\n  tu: 08:30-12:15\n  public_holidays: open\n", ""},
		{"Mo-Fr 09:00-12:00,14:00-17:00; We 09:00-12:00", "hours:\n  mo-tu,th-fr: 09:00-12:00, 14:00-17:00\n  we: 09:00-12:00\n  public_holidays: open\n", ""},
		// Repeated and overlapping slots merged.
		{"Tu 09:00-12:00,09:00-18:00; Th 08:45-17:00,13:30-17:00", "hours:\n  tu: 09:00-18:00\n  th: 08:45-17:00\n  public_holidays: open\n", "merged"},
		// Hours written by hand.
		{"Mo-Fr 9h-12h, 14h30-17h", "hours:\n  mo-fr: 09:00-12:00, 14:30-17:00\n  public_holidays: open\n", "read"},
		{"Sa 9 - 12", "hours:\n  sa: 09:00-12:00\n  public_holidays: open\n", "read"},
		// PH off, off, dated closures.
		{"Mo-Fr 09:00-17:00; PH off", "hours:\n  mo-fr: 09:00-17:00\n  public_holidays: closed\n", ""},
		{"off", "hours:\n  mo-su: closed\n  public_holidays: open\n", ""},
		{"Mo-Fr 09:00-17:00; 2026 Aug 01-2026 Aug 31 off", "hours:\n  mo-fr: 09:00-17:00\n  public_holidays: open\nclosures:\n  - {start: 2026-08-01, end: 2026-08-31}\n", ""},
		// What the format cannot hold stays as the note, the rest is kept.
		{"Mo-Fr 09:00-19:00; Sa 17:00", "hours:\n  mo-fr: 09:00-19:00\n  public_holidays: open\n  note: Sa 17:00\n", "not understood"},
		{"Mo-Fr 09:00-17:00; Aug off", "hours:\n  mo-fr: 09:00-17:00\n  public_holidays: open\n  note: Aug off\n", "not understood"},
		{"week 01-10 Mo 10:00-12:00", "hours:\n  note: week 01-10 Mo 10:00-12:00\n", "none understood"},
		{"sunrise-sunset", "hours:\n  note: sunrise-sunset\n", "none understood"},
		{";; ", "", ""},
	} {
		h := ParseHours(c.in, "fr")
		if got := hoursYAML(h); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
		notes := strings.Join(h.Notes, "\n")
		if c.note == "" && notes != "" || c.note != "" && !strings.Contains(notes, c.note) {
			t.Errorf("%q: notes %q, want %q", c.in, notes, c.note)
		}
	}
}

// FuzzParseHours: no opening_hours value makes the lenient reader panic,
// and what it keeps is always hours the content format accepts.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"Mo-Fr 09:00-12:00", "Mo 13:30-17:30;Tu 08:30-12:15", "Tu 09:00-12:00,09:00-18:00",
		"Mo 14-17;9-12,14-17", "2026 Dec 24-2027 Jan 02 off", "Su 22:00-06:00; Mo 05:00-09:00", "PH off", "Jan-Mar Mo 10:00-12:00",
		"Mo-Fr 9h-12h", "Th 14-18:10-19", "24/7", "Mo[1] 10:00-12:00, Mo[-1] 10:00-12:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := ParseHours(s, "fr")
		if h.Hours != nil && !valid(scheduleOf(h)) {
			t.Errorf("%q: kept hours the format refuses: %+v", s, h.Hours.Rules)
		}
	})
}

func scheduleOf(h Hours) hours.Schedule {
	l := content.Listing{Hours: h.Hours, Closures: h.Closures, SpecialHours: h.Special}
	return l.Schedule()
}

// What abri exports (Schedule.OSM) reads back as the same hours, closures
// and special hours, without a note: the round trip of every export.
func TestParseHoursReadsExports(t *testing.T) {
	g, ps := content.Load(os.DirFS("../../content"), content.Options{Root: "content"})
	if ps.Errors() > 0 {
		t.Fatal(ps.Err())
	}
	n := 0
	for _, l := range g.Listings {
		if l.Hours == nil || len(l.Hours.Rules) == 0 {
			continue
		}
		n++
		osm := l.Schedule().OSM()
		h := ParseHours(osm, "fr")
		back := content.Listing{Hours: h.Hours, Closures: h.Closures, SpecialHours: h.Special}
		if got := back.Schedule().OSM(); got != osm || len(h.Notes) > 0 {
			t.Errorf("%s: %q read back as %q, notes %q", l.ID, osm, got, h.Notes)
		}
	}
	if n < 10 {
		t.Errorf("only %d demo listings with hours", n)
	}
}
