// Package hours owns opening hours: it parses the weekly hours that editors
// write in listings (the hours map of shared/spec/content-format.md), checks
// them, and says whether a place is open at a given instant. The browser
// does the same with themes/default/static/hours.js; the two agree on every
// vector of testdata/vectors.json, which go test runs in both.
//
// # Writing hours
//
// A key of the map names days: mo tu we th fr sa su, a range mo-fr (a range
// may wrap round the week: fr-mo), a list mo,we,fr, or both (mo-we,fr); an
// optional suffix [1] to [4], or [-1] for the last, restricts the key to that
// week of the month (tu[1]: the first Tuesday). Day codes are matched without
// regard to case, and spaces around commas and hyphens are tolerated.
//
// A value is "closed" or comma-separated slots HH:MM-HH:MM. An end before
// the start runs past midnight (19:00-08:00); 00:00-24:00 is all day.
//
// ParseDays and ParseSlots check one key or one value and return an *Error
// whose Offset points into the editor's text; Validate checks the rules of a
// whole map against each other.
//
// # What a Schedule means
//
// A Schedule is the hours of one listing or service: weekly rules, what
// public holidays do to them, closures, and special-hours periods. Its state
// at an instant (Schedule.At) is decided by the calendar day and the
// wall-clock time of that instant in the guide's time zone, whatever the
// zone of the machine or of the reader's phone. For each day D:
//
//   - Closures win over everything: a day inside a closure (dates inclusive)
//     is closed from 00:00 to 24:00, and the state is temporarily_closed
//     with Until the last day of the closure (of the run of closures that
//     follow each other without a gap). The part after midnight of a night
//     begun the evening before a closure is cut at midnight: the place is
//     closed on the closure's days, and a night begun on the last day of a
//     closure does not happen either.
//   - Otherwise the rules of D are those of the first special-hours period
//     that contains D, if any: they replace the weekly rules for the whole
//     day; else the weekly rules. A schedule without weekly rules (no hours
//     given) is unknown on the days no special period covers.
//   - Every rule whose days include D's weekday applies: an every-week rule
//     always, an nth rule when D is the nth such weekday of its month:
//     [1] is days 1-7, [2] days 8-14, [3] days 15-21, [4] days 22-28, and
//     [-1] is the last one, the only one that can fall on days 29-31. In a
//     month with four such weekdays [4] and [-1] are the same day; in a
//     month with five, [4] is the fourth and [-1] the fifth. The slots of all
//     the rules that apply are added together.
//   - A slot belongs to the day it starts on. An overnight slot (19:00-08:00)
//     started on D keeps the place open on D+1 until its end, whatever D+1
//     is, except a closure: special hours starting on D+1, or a public
//     holiday on D+1, do not cut a night begun on D. 00:00-24:00 followed by
//     00:00-... the next day is one continuous opening.
//   - On a public holiday of the guide's calendar, the policy of the rules in
//     force applies (a special period's own policy, or the week's when it
//     gives none): open keeps the day's slots; closed removes the slots that
//     start on the holiday (a night begun the evening before goes on to its
//     end: "closed on public holidays" means the place does not open that
//     day); unknown makes the holiday's slots unknown, and with them the
//     whole day (but for a night begun the evening before, which is known),
//     and the part of their nights that runs into the next day. A holiday on
//     which the rules would not open anyway (a Sunday for a place closed on
//     Sundays) is simply closed, whatever the policy.
//   - A Schedule marked Closed (the listing's status is closed) is
//     permanently_closed at every instant.
//
// # Wall-clock time and daylight saving
//
// Times are wall-clock times in the guide's zone. A slot [a, b) of day D is
// open from the first instant at which the zone's clock reads a or later,
// to the first instant at which it reads b or later. So:
//
//   - on a spring-forward day (Europe/Paris, last Sunday of March, 02:00
//     becomes 03:00), a slot 02:30-05:00 opens at 03:00, a slot 01:00-02:30
//     closes at 03:00 (that is, at 02:00 +01:00, the same instant), and a
//     slot 02:00-02:45 never opens;
//   - on a fall-back day (last Sunday of October, 03:00 becomes 02:00
//     again), times of the repeated hour are taken at their first
//     occurrence: a slot 01:00-02:30 closes at 02:30 +02:00, a slot
//     02:30-05:00 opens at 02:30 +02:00, and during the repeated hour the
//     clock is taken to stay at 02:59:59 until it reaches 03:00 again, at
//     03:00 +01:00; so a slot 23:00-03:00 closes at 03:00 +01:00, one hour
//     of real time later than on other days, and a slot 01:00-02:30 does
//     not open again during the repeated hour.
//
// The same holds in any zone, whatever the hour or the size of the change
// (America/Santiago changes at midnight, Australia/Lord_Howe by half an
// hour); offsets are taken to change at most once in two days.
//
// # Status and next change
//
// At returns the state, one of open, closing_soon, closed,
// temporarily_closed, permanently_closed and unknown, and the next change:
//
//   - open: Next is the first instant at which the place stops being open
//     (it closes, or a closure or an unknown holiday begins). The state is
//     closing_soon instead of open when Next is at most 30 minutes away.
//   - closed and temporarily_closed: Next is the first instant at which the
//     place opens, looking through closures, special hours and holidays;
//     none when an unknown day comes first, since the reader could not
//     count on it.
//   - unknown and permanently_closed: no Next.
//
// Next is looked for until the end of the Horizon-th day after the day of
// the instant (35 days: enough for a monthly distribution); a change later
// than that is not reported (Next is zero).
//
// Holiday reports that the hours of the day were set aside because of a
// public holiday (its slots removed or made unknown by the policy).
//
// # Calendars
//
// Public holidays come from a Calendar: yearly days on a fixed date or at an
// offset from Easter Sunday (Gregorian computus), and explicit dates. The
// calendars of countries are data, in calendars.json (CountryCalendar);
// guides add local days in site.yaml (Alsace-Moselle: Good Friday, easter
// -2, and 26 December). A holiday that falls on a Sunday stays on that
// Sunday; countries that move it to the Monday can list the Monday as an
// explicit date.
//
// # Formats
//
// Schedule.JSON is the compact form embedded in pages for hours.js, and
// Schedule.OSM the OpenStreetMap opening_hours form, which ParseOSM reads
// back; both are documented on those functions.
package hours
