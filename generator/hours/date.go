package hours

import (
	"fmt"
	"time"
)

// Date is a day of the calendar, without time nor zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// IsZero reports whether the date was never set.
func (d Date) IsZero() bool { return d == Date{} }

// ParseDate parses a YYYY-MM-DD date and refuses days that do not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// days counts the days from 1970-01-01 to d (negative before), for
// arithmetic on days without a zone. See Howard Hinnant's
// "chrono-compatible low-level date algorithms"; hours.js uses the same.
func (d Date) days() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOf is the inverse of Date.days.
func dateOf(days int) Date {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), d}
}

// weekday is the day of the week of a day number, 0 = Monday.
func weekday(days int) int {
	return floorMod(days+3, 7) // 1970-01-01 was a Thursday
}

// daysIn is the number of days of a month.
func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// floorDiv divides rounding down, so that instants and days before 1970
// fall on the right day.
func floorDiv[T int | int64](a, b T) T {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod[T int | int64](a, b T) T {
	return a - floorDiv(a, b)*b
}

// Period is a span of days, both ends included.
type Period struct {
	First Date // first day
	Last  Date // last day
}

// String formats the period as in the JSON form: "2026-12-24/2027-01-02",
// or one date for a single day.
func (p Period) String() string {
	if p.First == p.Last {
		return p.First.String()
	}
	return p.First.String() + "/" + p.Last.String()
}

// parsePeriod reads what Period.String writes.
func parsePeriod(s string) (Period, error) {
	a, b, two := cut(s, '/')
	first, err := ParseDate(a)
	if err != nil {
		return Period{}, err
	}
	last := first
	if two {
		if last, err = ParseDate(b); err != nil {
			return Period{}, err
		}
	}
	if last.days() < first.days() {
		return Period{}, fmt.Errorf("period %q ends before it starts", s)
	}
	return Period{first, last}, nil
}

// cut is strings.Cut on a byte.
func cut(s string, sep byte) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
