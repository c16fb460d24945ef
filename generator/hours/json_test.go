package hours

import "testing"

func TestJSON(t *testing.T) {
	tests := []struct{ in, out string }{
		{`{"w":"mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00;tu[1] 18:00-20:00","ph":"closed","c":["2026-12-24/2027-01-02","2026-05-02"],"s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}`,
			`{"w":"mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00;tu[1] 18:00-20:00","ph":"closed","c":["2026-12-24/2027-01-02","2026-05-02"],"s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}`},
		{`{"w":"mo-fr 09:00-17:00;sa-su closed","ph":"unknown"}`, `{"w":"mo-fr 09:00-17:00"}`},
		{`{"w":"closed"}`, `{"w":"closed"}`},
		{`{"w":"fr-mo 19:00-08:00","ph":"open","closed":true}`, `{"w":"mo,fr-su 19:00-08:00","ph":"open","closed":true}`},
		{`{"s":[{"d":"2026-07-14","w":"closed","ph":"unknown"}]}`, `{"s":[{"d":"2026-07-14","w":"closed","ph":"unknown"}]}`},
		{`{}`, `{}`},
	}
	for _, tc := range tests {
		s, err := ParseJSON(tc.in)
		if err != nil {
			t.Errorf("ParseJSON(%s): %v", tc.in, err)
			continue
		}
		if got := s.JSON(); got != tc.out {
			t.Errorf("ParseJSON(%s).JSON() =\n %s\nwant\n %s", tc.in, got, tc.out)
		}
	}
	for _, bad := range []string{`{"w":"mo-fr 9h-12h"}`, `{"w":"xx 09:00-12:00"}`, `{"c":["2026-12-24/2026-12-01"]}`, `{"c":["2026-02-30"]}`, `{"s":[{"d":"2026-07-01","w":"mo 25:00-26:00"}]}`, `[]`, `{"ph":"sometimes"}`, `{"s":[{"d":"2026-07-01","w":"closed","ph":"x"}]}`} {
		if _, err := ParseJSON(bad); err == nil {
			t.Errorf("ParseJSON(%s): no error", bad)
		}
	}
}

func TestSince(t *testing.T) {
	s, _ := ParseJSON(`{"w":"mo 09:00-10:00","c":["2026-01-01/2026-01-02","2026-12-24/2027-01-02"],"s":[{"d":"2026-07-01/2026-08-31","w":"closed"}]}`)
	if got, want := s.Since(Date{2026, 9, 1}).JSON(), `{"w":"mo 09:00-10:00","c":["2026-12-24/2027-01-02"]}`; got != want {
		t.Errorf("Since = %s; want %s", got, want)
	}
	if got, want := s.Since(Date{2026, 8, 31}).JSON(), `{"w":"mo 09:00-10:00","c":["2026-12-24/2027-01-02"],"s":[{"d":"2026-07-01/2026-08-31","w":"closed"}]}`; got != want {
		t.Errorf("Since their last day = %s; want %s", got, want)
	}
}

// FuzzParseJSON checks that what ParseJSON accepts is written back in a
// form that reads back the same.
func FuzzParseJSON(f *testing.F) {
	f.Add(`{"w":"mo-fr 09:00-12:00,14:00-17:30;sa 10:00-12:00;tu[1] 18:00-20:00","ph":"closed","c":["2026-12-24/2027-01-02"],"s":[{"d":"2026-07-01/2026-08-31","w":"mo-fr 10:00-16:00"}]}`)
	f.Add(`{"w":"closed","closed":true}`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseJSON(in)
		if err != nil {
			return
		}
		out := s.JSON()
		back, err := ParseJSON(out)
		if err != nil {
			t.Fatalf("%s -> %s, refused: %v", in, out, err)
		}
		if again := back.JSON(); again != out {
			t.Fatalf("%s -> %s -> %s", in, out, again)
		}
	})
}
