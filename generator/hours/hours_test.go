package hours

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const wantDays = "want mo, tu, we, th, fr, sa, su"

// goodKeys are day keys editors may write, with their canonical form.
var goodKeys = []struct {
	key   string
	canon string
	nth   int
}{
	{"mo", "mo", 0},
	{"mo-fr", "mo-fr", 0},
	{"mo,we,fr", "mo,we,fr", 0},
	{"sa-su", "sa-su", 0},
	{"sa,su", "sa-su", 0},
	{"mo-su", "mo-su", 0},
	{"mo,tu,we,th,fr,sa,su", "mo-su", 0},
	{"we-tu", "mo-su", 0},
	{"mo-we,fr", "mo-we,fr", 0},
	{"su,mo-tu", "mo-tu,su", 0},
	{"fr-mo", "mo,fr-su", 0},
	{"su-mo", "mo,su", 0},
	{"Mo-Fr", "mo-fr", 0},
	{" mo , we ", "mo,we", 0},
	{"mo - fr", "mo-fr", 0},
	{"tu[1]", "tu", 1},
	{"fr[-1]", "fr", -1},
	{"mo-fr[4]", "mo-fr", 4},
	{"tu,th[2]", "tu,th", 2},
}

func TestParseDays(t *testing.T) {
	for _, tc := range goodKeys {
		days, nth, err := ParseDays(tc.key)
		if err != nil {
			t.Errorf("ParseDays(%q): %v", tc.key, err)
			continue
		}
		r := Rule{Days: days, Nth: nth}
		if r.Key() != tc.canon+nthSuffix(tc.nth) || nth != tc.nth {
			t.Errorf("ParseDays(%q) = %q, nth %d; want %q, nth %d", tc.key, r.Key(), nth, tc.canon, tc.nth)
		}
	}
}

// badKeys are day keys with the error editors must get.
var badKeys = []struct {
	key    string
	offset int
	msg    string
}{
	{"mon", 0, `unknown day "mon" (` + wantDays + `; did you mean "mo"?)`},
	{"Monday", 0, `unknown day "Monday" (` + wantDays + `; did you mean "mo"?)`},
	{"mo-fri", 3, `unknown day "fri" (` + wantDays + `; did you mean "fr"?)`},
	{"mo - fri", 5, `unknown day "fri" (` + wantDays + `; did you mean "fr"?)`},
	{"lu-ve", 0, `unknown day "lu" (` + wantDays + `; did you mean "mo"?)`},
	{"mo-ve", 3, `unknown day "ve" (` + wantDays + `; did you mean "fr"?)`},
	{"ma", 0, `unknown day "ma" (` + wantDays + `; did you mean "tu"?)`},
	{"me", 0, `unknown day "me" (` + wantDays + `; did you mean "we"?)`},
	{"je", 0, `unknown day "je" (` + wantDays + `; did you mean "th"?)`},
	{"di", 0, `unknown day "di" (` + wantDays + `; did you mean "su"?)`},
	{"sa,dimanche", 3, `unknown day "dimanche" (` + wantDays + `; did you mean "su"?)`},
	{"mo, lun", 4, `unknown day "lun" (` + wantDays + `; did you mean "mo"?)`},
	{"wednsday", 0, `unknown day "wednsday" (` + wantDays + `; did you mean "we"?)`},
	{"sábado", 0, `unknown day "sábado" (` + wantDays + `; did you mean "sa"?)`},
	{"w", 0, `unknown day "w" (` + wantDays + `; did you mean "we"?)`},
	{"xx", 0, `unknown day "xx" (` + wantDays + `)`},
	{"t", 0, `unknown day "t" (` + wantDays + `)`},
	{"tu1", 0, `unknown day "tu1" (` + wantDays + `; did you mean "tu"?)`},
	{"", 0, "no days in the key (want days like mo, mo-fr or mo,we,fr)"},
	{"  ", 0, "no days in the key (want days like mo, mo-fr or mo,we,fr)"},
	{"[1]", 0, "no days in the key (want days like mo, mo-fr or mo,we,fr)"},
	{"mo,,fr", 3, "empty day in the list (remove the extra comma)"},
	{"mo,", 3, "empty day in the list (remove the extra comma)"},
	{",mo", 0, "empty day in the list (remove the extra comma)"},
	{"mo-we-fr", 0, `"mo-we-fr" is not a day range (want two days, e.g. mo-fr)`},
	{"sa,mo-", 3, `"mo-" is not a day range (want two days, e.g. mo-fr)`},
	{"-fr", 0, `"-fr" is not a day range (want two days, e.g. mo-fr)`},
	{"mo-mo", 0, `"mo-mo" starts and ends on the same day (write just mo)`},
	{"mo-fr,we", 6, "we appears twice in the key"},
	{"mo,mo-fr", 3, "mo appears twice in the key"},
	{"tu[5]", 2, `"[5]" is not a week of the month (want [1] to [4], or [-1] for the last)`},
	{"tu[0]", 2, `"[0]" is not a week of the month (want [1] to [4], or [-1] for the last)`},
	{"tu[-2]", 2, `"[-2]" is not a week of the month (want [1] to [4], or [-1] for the last)`},
	{"tu[01]", 2, `"[01]" is not a week of the month (want [1] to [4], or [-1] for the last)`},
	{"tu[]", 2, `"[]" is not a week of the month (want [1] to [4], or [-1] for the last)`},
	{"tu[1", 2, `"[1" is missing its closing "]" (want [1] to [4], or [-1] for the last)`},
	{"tu[1],th", 2, `"[1]" must end the key: it applies to all the key's days`},
	{"tu[1]th[2]", 2, `"[1]" must end the key: it applies to all the key's days`},
	{"tx[5]", 0, `unknown day "tx" (` + wantDays + `)`},
}

func TestParseDaysErrors(t *testing.T) {
	for _, tc := range badKeys {
		days, nth, err := ParseDays(tc.key)
		checkError(t, "ParseDays", tc.key, err, tc.offset, tc.msg)
		if days != [7]bool{} || nth != 0 {
			t.Errorf("ParseDays(%q) = %v, %d with an error; want zero values", tc.key, days, nth)
		}
	}
}

// checkError checks that err is an *Error with the offset and message.
func checkError(t *testing.T, fn, in string, err error, offset int, msg string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s(%q) error = %v; want *Error %q", fn, in, err, msg)
		return
	}
	if e.Offset != offset || e.Msg != msg || e.Error() != msg {
		t.Errorf("%s(%q) error at %d: %s\nwant at %d: %s", fn, in, e.Offset, e.Msg, offset, msg)
	}
}

// goodValues are values editors may write, with their slots.
var goodValues = []struct {
	value string
	slots []Slot
}{
	{"09:00-12:00, 14:00-17:30", []Slot{{540, 720}, {840, 1050}}},
	{"14:00-17:30,09:00-12:00", []Slot{{540, 720}, {840, 1050}}},
	{"closed", nil},
	{" Closed ", nil},
	{"00:00-24:00", []Slot{{0, 1440}}},
	{"19:00-08:00", []Slot{{1140, 480}}},
	{"19:00-00:00", []Slot{{1140, 1440}}},
	{"23:59-00:00", []Slot{{1439, 1440}}},
	{"00:00-00:01", []Slot{{0, 1}}},
	{"09:00-12:00,12:00-14:00", []Slot{{540, 720}, {720, 840}}},
	{"08:00-10:00, 20:00-09:00", []Slot{{480, 600}, {1200, 540}}},
	{" 09:00 - 12:00 ,14:00-16:00", []Slot{{540, 720}, {840, 960}}},
	{"10:00-11:00,\u00a008:00-09:00", []Slot{{480, 540}, {600, 660}}},
}

func TestParseSlots(t *testing.T) {
	for _, tc := range goodValues {
		slots, err := ParseSlots(tc.value)
		if err != nil {
			t.Errorf("ParseSlots(%q): %v", tc.value, err)
			continue
		}
		if !reflect.DeepEqual(slots, tc.slots) {
			t.Errorf("ParseSlots(%q) = %v; want %v", tc.value, slots, tc.slots)
		}
	}
}

const notRange = " is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00)"

// badValues are values with the error editors must get.
var badValues = []struct {
	value  string
	offset int
	msg    string
}{
	{"9h-12h", 0, `"9h-12h"` + notRange},
	{"09:00-12:00, 9h-12h", 13, `"9h-12h"` + notRange},
	{"9:00-12:00", 0, `"9:00-12:00"` + notRange},
	{"09:00", 0, `"09:00"` + notRange},
	{"09:00-12:00-14:00", 0, `"09:00-12:00-14:00"` + notRange},
	{"open", 0, `"open" is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00, 00:00-24:00 for all day, or closed)`},
	{" fermé", 1, `"fermé" is not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00, 00:00-24:00 for all day, or closed)`},
	{"09:00-12:00, open", 13, `"open"` + notRange},
	{"24/7", 0, `"24/7"` + notRange},
	{"09h00-12h00", 0, `"09h00-12h00"` + notRange},
	{"09:00–12:00", 0, `"09:00–12:00" has a long dash (write 09:00-12:00)`},
	{"25:00-26:00", 0, `"25:00" is not a time (want HH:MM from 00:00 to 24:00)`},
	{"09:00-25:00", 6, `"25:00" is not a time (want HH:MM from 00:00 to 24:00)`},
	{"09:00-24:30", 6, `"24:30" is not a time (want HH:MM from 00:00 to 24:00)`},
	{"09:60-10:00", 0, `"09:60" is not a time (minutes go from 00 to 59)`},
	{"08:00-09:00, 10:00 - 10:75", 21, `"10:75" is not a time (minutes go from 00 to 59)`},
	{"24:00-06:00", 0, `"24:00" can only end a range (write 00:00 to start at midnight)`},
	{"09:00-09:00", 0, `"09:00-09:00" starts and ends at the same time (for all day, write 00:00-24:00)`},
	{"00:00-00:00", 0, `"00:00-00:00" starts and ends at the same time (for all day, write 00:00-24:00)`},
	{"09:00-12:00, 11:00-14:00", 13, "09:00-12:00 overlaps 11:00-14:00"},
	{"11:00-14:00, 09:00-12:00", 13, "09:00-12:00 overlaps 11:00-14:00"},
	{"19:00-08:00, 22:00-23:00", 13, "19:00-08:00 overlaps 22:00-23:00"},
	{"08:00-09:00, 12:00-14:00, 07:00-13:00", 26, "07:00-13:00 overlaps 08:00-09:00"},
	{"09:00-12:00, 09:00-12:00", 13, "09:00-12:00 is written twice"},
	{"", 0, "no hours (want HH:MM-HH:MM, e.g. 09:00-12:00, or closed)"},
	{"   ", 0, "no hours (want HH:MM-HH:MM, e.g. 09:00-12:00, or closed)"},
	{"09:00-12:00,", 12, "empty time range (remove the extra comma)"},
	{"09:00-12:00,,14:00-15:00", 12, "empty time range (remove the extra comma)"},
	{"closed, 09:00-12:00", 0, `"closed" must be the whole value (a day is either closed or open at some hours)`},
}

func TestParseSlotsErrors(t *testing.T) {
	for _, tc := range badValues {
		slots, err := ParseSlots(tc.value)
		checkError(t, "ParseSlots", tc.value, err, tc.offset, tc.msg)
		if slots != nil {
			t.Errorf("ParseSlots(%q) = %v with an error; want nil", tc.value, slots)
		}
	}
}

func TestSlot(t *testing.T) {
	tests := []struct {
		slot      Slot
		text      string
		overnight bool
	}{
		{Slot{540, 720}, "09:00-12:00", false},
		{Slot{0, 1440}, "00:00-24:00", false},
		{Slot{1140, 1440}, "19:00-24:00", false},
		{Slot{1140, 480}, "19:00-08:00", true},
		{Slot{1439, 1}, "23:59-00:01", true},
	}
	for _, tc := range tests {
		if got := tc.slot.String(); got != tc.text {
			t.Errorf("%#v.String() = %q; want %q", tc.slot, got, tc.text)
		}
		if got := tc.slot.Overnight(); got != tc.overnight {
			t.Errorf("%v.Overnight() = %v; want %v", tc.slot, got, tc.overnight)
		}
	}
}

func TestKeyRoundTrip(t *testing.T) {
	for _, tc := range goodKeys {
		checkKeyRoundTrip(t, tc.key)
	}
}

// checkKeyRoundTrip checks that a key that parses gives a canonical key
// that parses to the same days, and is its own canonical key.
func checkKeyRoundTrip(t *testing.T, key string) {
	t.Helper()
	days, nth, err := ParseDays(key)
	if err != nil {
		return
	}
	if !slices.Contains(days[:], true) || nth < -1 || nth > 4 {
		t.Fatalf("ParseDays(%q) = %v, %d: no day or nth out of range", key, days, nth)
	}
	canon := Rule{Days: days, Nth: nth}.Key()
	days2, nth2, err := ParseDays(canon)
	if err != nil || days2 != days || nth2 != nth {
		t.Fatalf("ParseDays(%q) = %v, %d, %v; want %v, %d as for %q", canon, days2, nth2, err, days, nth, key)
	}
	if again := (Rule{Days: days2, Nth: nth2}).Key(); again != canon {
		t.Fatalf("Key of %q = %q; want it unchanged", canon, again)
	}
}

func TestSlotsRoundTrip(t *testing.T) {
	for _, tc := range goodValues {
		checkSlotsRoundTrip(t, tc.value)
	}
}

// checkSlotsRoundTrip checks that a value that parses gives slots in range,
// sorted, and that formatting and parsing them again gives the same slots.
func checkSlotsRoundTrip(t *testing.T, value string) {
	t.Helper()
	slots, err := ParseSlots(value)
	if err != nil {
		return
	}
	for i, s := range slots {
		if s.Start < 0 || s.Start > 1439 || s.End < 1 || s.End > 1440 || s.Start == s.End {
			t.Fatalf("ParseSlots(%q): slot %#v out of range", value, s)
		}
		if i > 0 && (slots[i-1].Start >= s.Start || overlap(slots[i-1], s)) {
			t.Fatalf("ParseSlots(%q) = %v: not sorted or overlapping", value, slots)
		}
	}
	text := formatSlots(slots)
	again, err := ParseSlots(text)
	if err != nil || !reflect.DeepEqual(again, slots) {
		t.Fatalf("ParseSlots(%q) = %v, %v; want %v as for %q", text, again, err, slots, value)
	}
}

// formatSlots writes slots back as a value.
func formatSlots(slots []Slot) string {
	if len(slots) == 0 {
		return "closed"
	}
	var parts []string
	for _, s := range slots {
		parts = append(parts, s.String())
	}
	return strings.Join(parts, ", ")
}

func FuzzParseDays(f *testing.F) {
	for _, tc := range goodKeys {
		f.Add(tc.key)
	}
	for _, tc := range badKeys {
		f.Add(tc.key)
	}
	f.Fuzz(func(t *testing.T, key string) {
		_, _, err := ParseDays(key)
		checkOffset(t, key, err)
		checkKeyRoundTrip(t, key)
	})
}

func FuzzParseSlots(f *testing.F) {
	for _, tc := range goodValues {
		f.Add(tc.value)
	}
	for _, tc := range badValues {
		f.Add(tc.value)
	}
	f.Fuzz(func(t *testing.T, value string) {
		_, err := ParseSlots(value)
		checkOffset(t, value, err)
		checkSlotsRoundTrip(t, value)
	})
}

// checkOffset checks that an error is an *Error that points into the text
// (or just past its end, where something is missing).
func checkOffset(t *testing.T, text string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(text) || e.Msg == "" {
		t.Fatalf("error for %q = %#v; want an *Error within the text", text, err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		rules [][2]string // key, value
		want  []Conflict
	}{
		{"spec example", [][2]string{{"mo-fr", "09:00-12:00, 14:00-17:30"}, {"sa", "10:00-12:00"}, {"tu[1]", "18:00-20:00"}}, nil},
		{"no rules", nil, nil},
		{"closed weekend", [][2]string{{"mo-fr", "09:00-12:00"}, {"sa-su", "closed"}}, nil},
		{"night shelter", [][2]string{{"mo-su", "19:00-08:00"}}, nil},
		{"night and day", [][2]string{{"mo-fr", "19:00-08:00"}, {"sa-su", "08:00-19:00"}}, nil},
		{"night and morning", [][2]string{{"mo-su", "20:00-08:00, 09:00-12:00"}}, nil},
		{"weeks of the month", [][2]string{{"fr[1]", "18:00-20:00"}, {"fr[2]", "19:00-21:00"}, {"fr", "09:00-12:00"}}, nil},
		{"day twice", [][2]string{{"mo-fr", "09:00-12:00"}, {"mo", "14:00-16:00"}},
			[]Conflict{{1, `mo is already in "mo-fr"`}}},
		{"days twice", [][2]string{{"mo-fr", "09:00-12:00"}, {"we-su", "14:00-16:00"}},
			[]Conflict{{1, `we, th, fr are already in "mo-fr"`}}},
		{"days in two rules", [][2]string{{"mo", "09:00-12:00"}, {"tu", "09:00-12:00"}, {"mo-we", "14:00-16:00"}},
			[]Conflict{{2, `mo is already in "mo"`}, {2, `tu is already in "tu"`}}},
		{"closed day twice", [][2]string{{"mo-fr", "09:00-12:00"}, {"fr", "closed"}},
			[]Conflict{{1, `fr is already in "mo-fr"`}}},
		{"day twice and overlapping", [][2]string{{"mo-fr", "09:00-12:00"}, {"fr", "10:00-11:00"}},
			[]Conflict{{1, `fr is already in "mo-fr"`}}},
		{"week of the month twice", [][2]string{{"tu[1]", "18:00-20:00"}, {"tu,th[1]", "09:00-10:00"}},
			[]Conflict{{1, `tu[1] is already in "tu[1]"`}}},
		{"nth overlaps week", [][2]string{{"mo-fr", "09:00-12:00"}, {"tu[1]", "11:00-13:00"}},
			[]Conflict{{1, `11:00-13:00 overlaps 09:00-12:00 of "mo-fr"`}}},
		{"week overlaps nth", [][2]string{{"tu[1]", "11:00-13:00"}, {"mo-fr", "09:00-12:00"}},
			[]Conflict{{1, `09:00-12:00 overlaps 11:00-13:00 of "tu[1]"`}}},
		{"nth overlaps on two days", [][2]string{{"mo-fr", "09:00-12:00"}, {"mo,we[1]", "11:00-13:00"}},
			[]Conflict{{1, `11:00-13:00 overlaps 09:00-12:00 of "mo-fr"`}}},
		{"fourth and last", [][2]string{{"fr[4]", "18:00-20:00"}, {"fr[-1]", "19:00-21:00"}},
			[]Conflict{{1, `19:00-21:00 overlaps 18:00-20:00 of "fr[4]"`}}},
		{"sunday night into monday", [][2]string{{"su", "19:00-08:00"}, {"mo-fr", "07:00-12:00"}},
			[]Conflict{{1, `07:00-12:00 starts before 19:00-08:00 of "su" ends`}}},
		{"into monday, reported on sunday", [][2]string{{"mo-fr", "07:00-12:00"}, {"su", "19:00-08:00"}},
			[]Conflict{{1, `19:00-08:00 runs past midnight into 07:00-12:00 of "mo-fr"`}}},
		{"into its own next day", [][2]string{{"mo-su", "08:00-10:00, 20:00-09:00"}},
			[]Conflict{{0, `20:00-09:00 runs past midnight into 08:00-10:00 of the next day`}}},
		{"nth night into a weekly day", [][2]string{{"mo[1]", "20:00-10:00"}, {"tu", "09:00-12:00"}},
			[]Conflict{{1, `09:00-12:00 starts before 20:00-10:00 of "mo[1]" ends`}}},
		{"weekly night into an nth day", [][2]string{{"mo", "20:00-10:00"}, {"tu[2]", "09:00-12:00"}},
			[]Conflict{{1, `09:00-12:00 starts before 20:00-10:00 of "mo" ends`}}},
		{"nth night into an nth day", [][2]string{{"mo[1]", "20:00-10:00"}, {"tu[1]", "09:00-12:00"}}, nil},
		{"sorted by rule", [][2]string{{"tu", "07:00-09:00"}, {"mo", "20:00-08:00"}, {"mo[1]", "21:00-22:00"}},
			[]Conflict{
				{1, `20:00-08:00 runs past midnight into 07:00-09:00 of "tu"`},
				{2, `21:00-22:00 overlaps 20:00-08:00 of "mo"`},
			}},
	}
	for _, tc := range tests {
		var rules []Rule
		for _, kv := range tc.rules {
			rules = append(rules, mustRule(t, kv[0], kv[1]))
		}
		if got := Validate(rules); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Validate = %+v; want %+v", tc.name, got, tc.want)
		}
	}
}

// mustRule parses a key and value known to be good.
func mustRule(t *testing.T, key, value string) Rule {
	t.Helper()
	days, nth, err := ParseDays(key)
	if err != nil {
		t.Fatalf("ParseDays(%q): %v", key, err)
	}
	slots, err := ParseSlots(value)
	if err != nil {
		t.Fatalf("ParseSlots(%q): %v", value, err)
	}
	return Rule{Days: days, Nth: nth, Slots: slots}
}
