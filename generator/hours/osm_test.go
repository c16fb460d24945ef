package hours

import (
	"errors"
	"testing"
	"time"
)

func TestOSM(t *testing.T) {
	tests := []struct{ schedule, osm string }{
		{`{"w":"mo-fr 09:00-12:00,14:00-17:00;sa[1] 10:00-12:00","ph":"closed","c":["2026-12-24/2027-01-02"]}`,
			"Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off; 2026 Dec 24-2027 Jan 02 off"},
		{`{"w":"mo-we 09:00-17:00;th-fr 09:00-17:00","ph":"open"}`, "Mo-Fr 09:00-17:00"},
		{`{"w":"mo,we,fr 09:00-12:00;sa-su 10:00-11:00","ph":"open"}`, "Mo,We,Fr 09:00-12:00; Sa-Su 10:00-11:00"},
		{`{"w":"fr-mo 19:00-08:00","ph":"open"}`, "Mo,Fr-Su 19:00-08:00"},
		{`{"w":"mo-su 00:00-24:00","ph":"open"}`, "Mo-Su 00:00-24:00"},
		{`{"w":"mo-fr 09:00-17:00;tu[1] 18:00-20:00","ph":"open"}`, "Mo-Fr 09:00-17:00, Tu[1] 18:00-20:00"},
		{`{"w":"tu,th[2] 18:00-20:00;fr[-1] 10:00-12:00"}`, "Tu[2],Th[2] 18:00-20:00; Fr[-1] 10:00-12:00; PH unknown"},
		{`{"w":"fr[4] 09:00-10:00;fr[-1] 14:00-15:00","ph":"open"}`, "Fr[4] 09:00-10:00, Fr[-1] 14:00-15:00"},
		{`{"w":"mo-fr 09:00-17:00","ph":"closed","s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}`,
			"Mo-Fr 09:00-17:00; PH off; 2026 Jul 01-2026 Aug 31 off; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00; 2026 Jul 01-2026 Aug 31 PH off"},
		{`{"w":"mo-fr 09:00-17:00","ph":"closed","s":[{"d":"2026-07-14","w":"closed"}]}`,
			"Mo-Fr 09:00-17:00; PH off; 2026 Jul 14 off; 2026 Jul 14 Mo-Su off"},
		{`{"s":[{"d":"2026-11-01/2027-03-31","w":"mo-su 19:00-09:00","ph":"open"}]}`,
			"unknown; 2026 Nov 01-2027 Mar 31 off; 2026 Nov 01-2027 Mar 31 Mo-Su 19:00-09:00"},
		{`{"w":"closed","c":["2026-05-02"]}`, "off; 2026 May 02 off"},
		{`{"w":"mo-fr 09:00-17:00","closed":true}`, "off"},
		{`{}`, ""},
	}
	for _, tc := range tests {
		s, err := ParseJSON(tc.schedule)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.OSM(); got != tc.osm {
			t.Errorf("%s: OSM() =\n %q\nwant\n %q", tc.schedule, got, tc.osm)
		}
	}
}

func TestParseOSM(t *testing.T) {
	tests := []struct{ in, canon string }{
		{"Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off", "Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off"},
		{"24/7", "Mo-Su 00:00-24:00"},
		{"Mo-Su 00:00-24:00; PH unknown", "Mo-Su 00:00-24:00; PH unknown"},
		{"09:00-17:00", "Mo-Su 09:00-17:00"},
		{"mo-fr 09:00-17:00;sa 10:00-12:00", "Mo-Fr 09:00-17:00; Sa 10:00-12:00"},
		{"Mo-Sa 09:00-18:00; Su,PH off", "Mo-Sa 09:00-18:00; PH off"},
		{"Mo-Fr 08:00-12:00, We 14:00-18:00", "Mo-Tu,Th-Fr 08:00-12:00; We 08:00-12:00,14:00-18:00"},
		{"Mo-Fr 09:00-17:00; We 10:00-12:00", "Mo-Tu,Th-Fr 09:00-17:00; We 10:00-12:00"},
		{"Mo-Fr 09:00-17:00; Fr off", "Mo-Th 09:00-17:00"},
		{"Fr-Mo 22:00-26:00", "Mo,Fr-Su 22:00-02:00"},
		{"Sa 20:00-24:00", "Sa 20:00-24:00"},
		{"We[1,3] 14:00-16:00", "We[1] 14:00-16:00; We[3] 14:00-16:00"},
		{"off", "off"},
		{"closed; PH off", "off"},
		{"Mo-Su 22:00-06:00; 2026 Dec 24-2027 Jan 02 off", "Mo-Su 22:00-06:00; 2026 Dec 24-2027 Jan 02 off"},
		{"Mo-Fr 09:00-17:00; 2026 Dec 24-Jan 02 off", "Mo-Fr 09:00-17:00; 2026 Dec 24-2027 Jan 02 off"},
		{"Mo-Fr 09:00-17:00; 2026 Aug 01-15 off", "Mo-Fr 09:00-17:00; 2026 Aug 01-2026 Aug 15 off"},
		{"Mo-Fr 09:00-17:00; 2026 May 2 off", "Mo-Fr 09:00-17:00; 2026 May 02 off"},
		{"Mo-Fr 09:00-17:00; Sa 09:00-12:00; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00",
			"Mo-Fr 09:00-17:00; Sa 09:00-12:00; 2026 Jul 01-2026 Aug 31 off; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00; 2026 Jul 01-2026 Aug 31 Sa 09:00-12:00"},
		{"Mo-Fr 09:00-17:00; 2026 Jul 01-2026 Aug 31 off; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00; PH off",
			"Mo-Fr 09:00-17:00; PH off; 2026 Jul 01-2026 Aug 31 off; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00; 2026 Jul 01-2026 Aug 31 PH off"},
		{"", ""},
	}
	for _, tc := range tests {
		s, err := ParseOSM(tc.in)
		if err != nil {
			t.Errorf("ParseOSM(%q): %v", tc.in, err)
			continue
		}
		if got := s.OSM(); got != tc.canon {
			t.Errorf("ParseOSM(%q).OSM() =\n %q\nwant\n %q", tc.in, got, tc.canon)
		}
	}
}

func TestParseOSMErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"Mo-Fr 09:00-17:00; Dec 24-Jan 2 off", 19, "a date range needs its year (abri's closures are dated: 2026 Dec 24-2027 Jan 02 off)"},
		{"Mo-Fr 09:00-17:00; Tu[1] 18:00-20:00", 19, `Tu[1] after "; " would replace that day's other hours, which abri cannot say: write ", Tu[1] ..." to add to them`},
		{"2026 Dec 24 off; Mo-Fr 09:00-17:00", 17, "weekly hours must come before date ranges (a later rule replaces an earlier one)"},
		{"Mo-Fr 9:00-17:00", 6, `"9:00-17:00" is not a time range (want HH:MM-HH:MM)`},
		{"Mo-Fr 09:00-17:00 || \"by appointment\"", 18, "fallback rules (||) are not supported"},
		{`Mo-Fr 09:00-17:00 "by appointment"`, 18, `unexpected "\"by appointm..." (want ; between rules)`},
		{"Mo-Fr 09:00-17:00; SH off", 19, "school holidays (SH) are not supported"},
		{"Mo-Fr sunrise-sunset", 6, `"sunrise-suns..." is not supported (want days, then hours like 09:00-12:00, or off)`},
		{"Mo-Fr", 5, "a rule needs hours, or off (e.g. Mo-Fr 09:00-17:00)"},
		{"Mo-Fr 09:00-17:00;; Sa 10:00-12:00", 18, "empty rule (remove the extra ;)"},
		{"PH 10:00-12:00", 0, "PH with hours is not supported (abri keeps a day's hours on holidays, or says PH off or PH unknown)"},
		{"Mo 10:00-10:00", 3, `"10:00-10:00" starts and ends at the same time`},
		{"2026 Feb 30 off", 0, `"2026 Feb 30" is not a real date`},
		{"2026 Mar 02-2026 Mar 01 off", 0, `"2026 Mar 02-2026 Mar 01" ends before it starts`},
		{"Mo 09:00-12:00, Tu off", 16, `off after ", " adds nothing: write "; " to close`},
	}
	for _, tc := range tests {
		_, err := ParseOSM(tc.in)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseOSM(%q) error = %v; want %q", tc.in, err, tc.msg)
			continue
		}
		if e.Offset != tc.offset || e.Msg != tc.msg {
			t.Errorf("ParseOSM(%q) error at %d: %s\nwant at %d: %s", tc.in, e.Offset, e.Msg, tc.offset, tc.msg)
		}
	}
}

// TestOSMRoundTrip writes every schedule of the vectors and of the
// benchmark as OSM, reads it back and writes it again: the same string,
// and the same status at the vectors' instants.
func TestOSMRoundTrip(t *testing.T) {
	f := readVectors(t)
	for _, v := range append(append([]vector{}, f.Hand...), f.Generated...) {
		s, loc, cal, at, err := f.setup(v)
		if err != nil {
			t.Fatal(err)
		}
		back := roundTrip(t, s)
		if s.Closed {
			continue // "off": OpenStreetMap says closed for good with other tags
		}
		for _, u := range []time.Time{at, at.Add(7 * time.Hour), at.Add(-50 * time.Hour)} {
			if a, b := s.At(u, loc, cal), back.At(u, loc, cal); a != b {
				t.Errorf("%s at %s: %+v, but after OSM %q: %+v", v.Schedule, u, a, s.OSM(), b)
			}
		}
	}
	for _, s := range readBench(t) {
		roundTrip(t, s)
	}
}

func roundTrip(t *testing.T, s Schedule) Schedule {
	t.Helper()
	osm := s.OSM()
	back, err := ParseOSM(osm)
	if err != nil {
		t.Fatalf("ParseOSM(%q) of %s: %v", osm, s.JSON(), err)
	}
	if again := back.OSM(); again != osm {
		t.Errorf("%s: OSM %q, read back and written again: %q", s.JSON(), osm, again)
	}
	return back
}

// FuzzOSM checks that whatever ParseOSM accepts round-trips: formatted,
// read back and formatted again, it gives the same string.
func FuzzOSM(f *testing.F) {
	for _, seed := range []string{
		"Mo-Fr 09:00-12:00,14:00-17:00; Sa[1] 10:00-12:00; PH off; 2026 Dec 24-2027 Jan 02 off",
		"24/7", "Mo-Sa 09:00-18:00; Su,PH off", "Mo-Fr 08:00-12:00, We 14:00-18:00",
		"unknown; 2026 Nov 01-2027 Mar 31 off; 2026 Nov 01-2027 Mar 31 Mo-Su 19:00-09:00",
		"Fr[4] 09:00-10:00, Fr[-1] 14:00-15:00; PH unknown", "Fr-Mo 22:00-26:00",
		"Mo-Fr 09:00-17:00; 2026 Jul 01-2026 Aug 31 Mo-Fr 10:00-16:00; PH off",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseOSM(in)
		if err != nil {
			return
		}
		osm := s.OSM()
		back, err := ParseOSM(osm)
		if err != nil {
			t.Fatalf("ParseOSM(%q) -> %q, which ParseOSM refuses: %v", in, osm, err)
		}
		if again := back.OSM(); again != osm {
			t.Fatalf("ParseOSM(%q) -> %q -> %q", in, osm, again)
		}
	})
}
