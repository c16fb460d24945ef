package hours

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	// Easter Sundays as published: the earliest (22 March) and latest
	// (25 April) possible ones, and the years of the vectors.
	known := map[int]string{
		1818: "1818-03-22", 2008: "2008-03-23", 2024: "2024-03-31", 2025: "2025-04-20",
		2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01",
		2030: "2030-04-21", 2038: "2038-04-25", 2285: "2285-03-22",
	}
	for y, want := range known {
		if got := Easter(y).String(); got != want {
			t.Errorf("Easter(%d) = %s; want %s", y, got, want)
		}
	}
}

func TestCountryCalendars(t *testing.T) {
	tests := []struct {
		country string
		year    int
		want    []string
	}{
		{"FR", 2026, []string{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"}},
		{"FR", 2027, []string{"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"}},
		{"BE", 2026, []string{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"}},
		{"ES", 2026, []string{"2026-01-01", "2026-01-06", "2026-04-03", "2026-05-01", "2026-08-15", "2026-10-12", "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25"}},
		{"DE", 2026, []string{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"}},
		{"IT", 2026, []string{"2026-01-01", "2026-01-06", "2026-04-06", "2026-04-25", "2026-05-01", "2026-06-02", "2026-08-15", "2026-11-01", "2026-12-08", "2026-12-25", "2026-12-26"}},
	}
	for _, tc := range tests {
		cal, ok := CountryCalendar(tc.country)
		if !ok {
			t.Fatalf("no calendar for %s", tc.country)
		}
		var got []string
		for _, d := range cal.In(tc.year) {
			got = append(got, d.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %d: %v\nwant %v", tc.country, tc.year, got, tc.want)
		}
	}
	if got := Countries(); !slices.Equal(got, []string{"BE", "DE", "ES", "FR", "IT"}) {
		t.Errorf("Countries() = %v", got)
	}
	if _, ok := CountryCalendar("XX"); ok {
		t.Error("a calendar for XX")
	}
}

// TestCalendarLocalDays adds Alsace-Moselle's days to France's, as a guide
// does in site.yaml, and a one-off date.
func TestCalendarLocalDays(t *testing.T) {
	cal, _ := CountryCalendar("FR")
	for _, d := range []struct {
		date   string
		easter *int
	}{{"", ptr(-2)}, {"12-26", nil}} {
		h, err := NewHoliday(d.date, d.easter)
		if err != nil {
			t.Fatal(err)
		}
		cal.Yearly = append(cal.Yearly, h)
	}
	cal.Dates = append(cal.Dates, Date{2026, time.June, 1})
	for _, tc := range []struct {
		d    Date
		want bool
	}{
		{Date{2026, 4, 3}, true}, {Date{2026, 12, 26}, true}, {Date{2026, 6, 1}, true},
		{Date{2027, 6, 1}, false}, {Date{2027, 3, 26}, true}, {Date{2026, 4, 2}, false},
	} {
		if got := cal.Has(tc.d); got != tc.want {
			t.Errorf("Has(%s) = %v; want %v", tc.d, got, tc.want)
		}
	}
	if fr, _ := CountryCalendar("FR"); fr.Has(Date{2026, 12, 26}) {
		t.Error("adding days to a calendar changed the country's")
	}
	back, err := ParseCalendarJSON(cal.JSON())
	if err != nil || back.JSON() != cal.JSON() {
		t.Errorf("JSON %s read back as %s (%v)", cal.JSON(), back.JSON(), err)
	}
}

func ptr(i int) *int { return &i }

func TestNewHolidayErrors(t *testing.T) {
	tests := []struct {
		date   string
		easter *int
		msg    string
	}{
		{"12-26", ptr(1), "a holiday has a date or an Easter offset, not both"},
		{"", nil, "a holiday needs a date (MM-DD) or an Easter offset"},
		{"26-12", nil, `"26-12" is not a day of the year (want MM-DD, e.g. 12-26)`},
		{"02-30", nil, `"02-30" is not a day of the year (want MM-DD, e.g. 12-26)`},
		{"2-3", nil, `"2-3" is not a day of the year (want MM-DD, e.g. 12-26)`},
		{"", ptr(64), "easter offset 64 is out of range (want -63 to 63)"},
	}
	for _, tc := range tests {
		if _, err := NewHoliday(tc.date, tc.easter); err == nil || err.Error() != tc.msg {
			t.Errorf("NewHoliday(%q, %v) = %v; want %q", tc.date, tc.easter, err, tc.msg)
		}
	}
	if h, err := NewHoliday("02-29", nil); err != nil || h.Month != 2 || h.Day != 29 {
		t.Errorf("NewHoliday(02-29) = %+v, %v", h, err)
	}
}

// TestVectorCalendars checks that the calendars of the vectors, which
// hours.js reads, are those abri has.
func TestVectorCalendars(t *testing.T) {
	f := readVectors(t)
	for _, code := range []string{"FR", "BE"} {
		cal, _ := CountryCalendar(code)
		var want, got any
		json.Unmarshal([]byte(cal.JSON()), &want)
		json.Unmarshal(f.Calendars[code], &got)
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("vectors' %s calendar %s; abri's %s", code, b, a)
		}
	}
}

func TestPageJSON(t *testing.T) {
	cal, _ := CountryCalendar("BE")
	got := PageJSON("Europe/Brussels", cal, map[string]string{"status_open": "Open", "title": "not for hours.js"})
	want := `{"tz":"Europe/Brussels","cal":{"fixed":["01-01","05-01","07-21","08-15","11-01","11-11","12-25"],"easter":[1,39,50]},"t":{"status_open":"Open"}}`
	if got != want {
		t.Errorf("PageJSON =\n %s\nwant\n %s", got, want)
	}
}
