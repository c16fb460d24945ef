/* hours.js: "open now" in the reader's browser, offline, from file://.

   The same semantics as the Go package generator/hours (its package doc is
   the specification; testdata/vectors.json is run against both). A classic
   script: no module, no fetch, no build step, ES5 plus Intl.

   What the page gives (no inline executable code: the site's CSP forbids it)

   1. Once per page, a JSON data block, anywhere before this script runs
      its binding (DOMContentLoaded):

        <script type="application/json" id="abri-hours">
        {"tz":"Europe/Paris",
         "cal":{"fixed":["01-01","05-01"],"easter":[1,39,50],"dates":["2026-05-02"]},
         "t":{"status_open":"Open", ...}}
        </script>

      tz is the guide's IANA zone; cal its public holidays (Go:
      Calendar.JSON); t the interface strings of the page's language listed
      in Go's hours.ScriptStrings (Go: hours.PageJSON builds the block).
      A status whose string is missing is not written (no silent fallback).

   2. On each element that shows a status, the schedule (Go: Schedule.JSON):

        <p class="status" data-hours='{"w":"mo-fr 09:00-12:00","ph":"closed"}' hidden></p>

      The script writes the status text into it ("Open · closes at 17:30",
      "Closed · opens tomorrow at 09:00"), removes hidden, sets
      data-state="open|closing_soon|closed|temporarily_closed|
      permanently_closed|unknown" and one class of status-open, status-soon,
      status-closed (closed, temporarily or permanently) and status-unknown.
      Render it empty and hidden: without JavaScript the week table stays.

   3. Week tables: <table class="hours"> rows <tr data-day="mo"> ... "su".
      Today's row (in the guide's zone) gets class "today" and
      aria-current="date". A table of special hours may carry
      data-period="2026-07-01/2026-08-31": its row is marked only inside
      that period.

   Load it with <script src=".../hours.js" defer></script>. Cards with the
   same data-hours are computed once per pass.

   Clock: window.abriNow, a number of milliseconds since 1970, replaces the
   real clock when defined (tests). window.abriHours.bind() runs the binding
   again; it also runs every minute.

   API: window.abriHours = {parse, calendar, status, text, bind, easter}
     parse(json)     schedule JSON (string or object) -> schedule
     calendar(json)  calendar JSON (string or object) -> calendar
     status(schedule, ms, tz, cal) -> {state, next: ms or null,
                     until: "YYYY-MM-DD" or null (temporarily_closed),
                     holiday: bool, today, nextDay, nextMinute}
                     (today and nextDay: days since 1970-01-01 in tz,
                     nextMinute: minutes since midnight of nextDay)
     text(status, strings) -> the status sentence, or null
     bind()          writes every status of the page again
     easter(year)    "YYYY-MM-DD" of Easter Sunday
*/
(function (root) {
  "use strict";

  var DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"];
  var MIN_DAY = 1440, SEC_DAY = 86400;
  var HORIZON = 35;        // days after today searched for the next change
  var SOON = 30 * 60;      // seconds: closing_soon when closing within this
  var OPEN = 1, CLOSED = 0, UNKNOWN = 2, SHUT = 3; // base states
  var KNOWN = 0, DAY_UNKNOWN = 1, DAY_SHUT = 2;    // kinds of days

  // Locals for globals: global lookups are slow in some hosts (node:vm).
  var floor = Math.floor, json = JSON, undef = void 0;
  function fdiv(a, b) { return floor(a / b); }
  function fmod(a, b) { return a - floor(a / b) * b; }

  // ---- Days: numbers of days since 1970-01-01 (Go: date.go) ----

  function dayNumber(y, m, d) {
    if (m <= 2) { y--; }
    var era = fdiv(y, 400), yoe = y - era * 400;
    var doy = fdiv(153 * ((m + 9) % 12) + 2, 5) + d - 1;
    return era * 146097 + yoe * 365 + fdiv(yoe, 4) - fdiv(yoe, 100) + doy - 719468;
  }

  function civil(z) {
    z += 719468;
    var era = fdiv(z, 146097), doe = z - era * 146097;
    var yoe = fdiv(doe - fdiv(doe, 1460) + fdiv(doe, 36524) - fdiv(doe, 146096), 365);
    var doy = doe - (365 * yoe + fdiv(yoe, 4) - fdiv(yoe, 100));
    var mp = fdiv(5 * doy + 2, 153), d = doy - fdiv(153 * mp + 2, 5) + 1;
    var m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }

  function weekday(z) { return fmod(z + 3, 7); } // 0 = Monday

  function daysIn(y, m) {
    if (m === 2) { return (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28; }
    return (m === 4 || m === 6 || m === 9 || m === 11) ? 30 : 31;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function dateString(z) {
    var c = civil(z);
    return c[0] + "-" + pad(c[1]) + "-" + pad(c[2]);
  }

  function parseDate(s) {
    var y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
    if (s.length !== 10 || s.charAt(4) !== "-" || s.charAt(7) !== "-" || !(m >= 1 && m <= 12 && d >= 1 && d <= 31)) {
      throw new Error("abriHours: bad date " + s);
    }
    return dayNumber(y, m, d);
  }

  function parsePeriod(s) {
    var i = s.indexOf("/");
    if (i < 0) { var d = parseDate(s); return [d, d]; }
    return [parseDate(s.slice(0, i)), parseDate(s.slice(i + 1))];
  }

  // ---- Schedules (Go: json.go, days.go, slots.go) ----

  function dayIndex(code) {
    for (var i = 0; i < 7; i++) { if (DAYS[i] === code) { return i; } }
    throw new Error("abriHours: bad day " + code);
  }

  // parseKey reads a rule's key: "mo-fr", "mo,we,fr", "tu[1]", "fr[-1]".
  function parseKey(key) {
    var nth = 0, days = [false, false, false, false, false, false, false];
    var b = key.indexOf("[");
    if (b >= 0) { nth = +key.slice(b + 1, key.length - 1); key = key.slice(0, b); }
    var items = key.toLowerCase().split(",");
    for (var i = 0; i < items.length; i++) {
      var ends = items[i].split("-"), a = dayIndex(ends[0]), z = dayIndex(ends[ends.length - 1]);
      for (var d = a; ; d = (d + 1) % 7) { days[d] = true; if (d === z) { break; } }
    }
    return { days: days, nth: nth };
  }

  function parseClock(s) { return (+s.slice(0, 2)) * 60 + (+s.slice(3, 5)); }

  // parseSlots reads "09:00-12:00,14:00-17:30" into [[540,720],[840,1050]];
  // an end of 00:00 is 24:00, an end before the start runs past midnight.
  function parseSlots(v) {
    var out = [];
    if (v === "closed") { return out; }
    var parts = v.split(",");
    for (var i = 0; i < parts.length; i++) {
      var s = parseClock(parts[i]), e = parseClock(parts[i].slice(6));
      out.push([s, e === 0 ? MIN_DAY : e]);
    }
    return out;
  }

  var parsedWeeks = {}; // parsed weekly rules by text: many places share their hours

  function parseWeek(w) {
    var rules = parsedWeeks[w];
    if (rules === undef) { rules = parsedWeeks[w] = readWeek(w); }
    return rules;
  }

  function readWeek(w) {
    if (w === "closed") { return [{ days: [true, true, true, true, true, true, true], nth: 0, slots: [] }]; }
    var rules = [], parts = w.split(";");
    for (var i = 0; i < parts.length; i++) {
      var sp = parts[i].indexOf(" "), r = parseKey(parts[i].slice(0, sp));
      r.slots = parseSlots(parts[i].slice(sp + 1));
      rules.push(r);
    }
    return rules;
  }

  function parse(text) {
    var j = typeof text === "string" ? json.parse(text) : text, i;
    var s = { week: j.w ? parseWeek(j.w) : null, ph: j.ph || "unknown", closures: [], special: [], closed: !!j.closed };
    for (i = 0; j.c && i < j.c.length; i++) { s.closures.push(parsePeriod(j.c[i])); }
    for (i = 0; j.s && i < j.s.length; i++) {
      var p = parsePeriod(j.s[i].d);
      s.special.push({ first: p[0], last: p[1], rules: parseWeek(j.s[i].w), ph: j.s[i].ph || "" });
    }
    return s;
  }

  function closedOn(s, day) {
    for (var i = 0; i < s.closures.length; i++) {
      if (s.closures[i][0] <= day && day <= s.closures[i][1]) { return true; }
    }
    return false;
  }

  // closedUntil: the last day of the run of closures that covers day.
  function closedUntil(s, day) {
    var last = day, grown = true;
    while (grown) {
      grown = false;
      for (var i = 0; i < s.closures.length; i++) {
        var c = s.closures[i];
        if (c[0] <= last + 1 && c[1] > last) { last = c[1]; grown = true; }
      }
    }
    return last;
  }

  // ---- Public holidays (Go: calendar.go) ----

  function easter(y) {
    var a = y % 19, b = fdiv(y, 100), c = y % 100, d = fdiv(b, 4), e = b % 4;
    var f = fdiv(b + 8, 25), g = fdiv(b - f + 1, 3);
    var h = (19 * a + b - d - g + 15) % 30, i = fdiv(c, 4), k = c % 4;
    var l = (32 + 2 * e + 2 * i - h - k) % 7, m = fdiv(a + 11 * h + 22 * l, 451);
    var n = h + l - 7 * m + 114;
    return dayNumber(y, fdiv(n, 31), n % 31 + 1);
  }

  function calendar(text) {
    var j = typeof text === "string" ? json.parse(text) : (text || {});
    var cal = { fixed: j.fixed || [], easter: j.easter || [], dates: {}, years: {}, days: {} };
    for (var i = 0; j.dates && i < j.dates.length; i++) { cal.dates[parseDate(j.dates[i])] = true; }
    return cal;
  }

  // holidaysOf lists a year's holidays once, as a set of day numbers.
  function holidaysOf(cal, y) {
    var set = cal.years[y], i;
    if (set) { return set; }
    set = cal.years[y] = {};
    for (i = 0; i < cal.fixed.length; i++) {
      var m = +cal.fixed[i].slice(0, 2), d = +cal.fixed[i].slice(3, 5);
      if (d <= daysIn(y, m)) { set[dayNumber(y, m, d)] = true; }
    }
    var e = cal.easter.length ? easter(y) : 0;
    for (i = 0; i < cal.easter.length; i++) { set[e + cal.easter[i]] = true; }
    return set;
  }

  function isHoliday(cal, day) {
    var h = cal.days[day];
    if (h === undef) {
      h = cal.days[day] = cal.dates[day] === true || holidaysOf(cal, civil(day)[0])[day] === true;
    }
    return h;
  }

  // ---- Time zones (Go: zone.go). Instants and clocks in seconds. ----

  var zones = {};

  function zone(tz) {
    var z = zones[tz];
    if (!z) {
      z = zones[tz] = {
        fmt: new Intl.DateTimeFormat("en-US", {
          timeZone: tz, hour12: false, year: "numeric", month: "numeric",
          day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"
        }),
        days: {}
      };
    }
    return z;
  }

  function rawOffset(z, sec) {
    var parts = z.fmt.formatToParts(new Date(sec * 1000)), v = {};
    for (var i = 0; i < parts.length; i++) { v[parts[i].type] = parts[i].value; }
    // % 24: some engines write midnight as 24 with hour12 false
    var wall = dayNumber(+v.year, +v.month, +v.day) * SEC_DAY + (+v.hour % 24) * 3600 + (+v.minute) * 60 + (+v.second);
    return wall - sec;
  }

  // offset is read from Intl twice per UTC day at most: zones change their
  // offset at most once a day, so a day whose two ends agree has one offset.
  function offset(z, sec) {
    var k = fdiv(sec, SEC_DAY), e = z.days[k];
    if (e === undef) {
      var a = rawOffset(z, k * SEC_DAY), b = rawOffset(z, (k + 1) * SEC_DAY);
      if (a === b) {
        e = a;
      } else {
        var lo = k * SEC_DAY, hi = (k + 1) * SEC_DAY;
        while (hi - lo > 1) {
          var mid = lo + fdiv(hi - lo, 2);
          if (rawOffset(z, mid) === a) { lo = mid; } else { hi = mid; }
        }
        e = [hi, a, b];
      }
      z.days[k] = e;
    }
    return typeof e === "number" ? e : (sec < e[0] ? e[1] : e[2]);
  }

  function change(z, a, b) {
    var before = offset(z, a), lo = a, hi = b;
    while (hi - lo > 1) {
      var mid = lo + fdiv(hi - lo, 2);
      if (offset(z, mid) === before) { lo = mid; } else { hi = mid; }
    }
    return [hi, before, offset(z, b)];
  }

  // clock: the latest wall-clock reading shown up to sec.
  function clock(z, sec) {
    var o = offset(z, sec);
    if (offset(z, sec - SEC_DAY) > o) {
      var c = change(z, sec - SEC_DAY, sec);
      if (sec < c[0] + c[1] - c[2]) { return c[0] + c[1] - 1; }
    }
    return sec + o;
  }

  // instant: the first instant at which the clock reads w or later.
  function instant(z, w) {
    var before = offset(z, w - SEC_DAY), after = offset(z, w + SEC_DAY);
    if (before === after) { return w - before; }
    var at = change(z, w - SEC_DAY, w + SEC_DAY)[0];
    if (w - before < at) { return w - before; }
    if (w - after >= at) { return w - after; }
    return at;
  }

  // ---- Evaluation (Go: eval.go) ----

  function Eval(s, cal, today) {
    this.s = s; this.cal = cal; this.first = today - 1; this.plans = [];
  }

  Eval.prototype.plan = function (day) {
    var i = day - this.first, p = this.plans[i];
    if (p === undef) {
      p = this.makePlan(day);
      if (i >= 0 && i < HORIZON + 4) { this.plans[i] = p; }
    }
    return p;
  };

  Eval.prototype.rulesOn = function (day) {
    var s = this.s;
    for (var i = 0; i < s.special.length; i++) {
      var sp = s.special[i];
      if (sp.first <= day && day <= sp.last) { return [sp.rules, sp.ph || s.ph]; }
    }
    return s.week ? [s.week, s.ph] : null;
  };

  Eval.prototype.makePlan = function (day) {
    if (closedOn(this.s, day)) { return { kind: DAY_SHUT, holiday: false, slots: [] }; }
    var r = this.rulesOn(day);
    if (!r) { return { kind: DAY_UNKNOWN, holiday: false, slots: [] }; }
    var slots = slotsOn(r[0], day), policy = r[1];
    if (slots.length === 0 || policy === "open" || !isHoliday(this.cal, day)) {
      return { kind: KNOWN, holiday: false, slots: slots };
    }
    if (policy === "closed") { return { kind: KNOWN, holiday: true, slots: [] }; }
    return { kind: DAY_UNKNOWN, holiday: true, slots: slots };
  };

  // weeks: the weekday, week of the month and last-week flag of days met.
  var weeks = {};

  function weekOf(day) {
    var w = weeks[day];
    if (w === undef) {
      var c = civil(day);
      w = weeks[day] = [weekday(day), fdiv(c[2] - 1, 7) + 1, c[2] + 7 > daysIn(c[0], c[1])];
    }
    return w;
  }

  function slotsOn(rules, day) {
    var wk = weekOf(day), wd = wk[0], nth = wk[1], last = wk[2], out = null, shared = true;
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      if (!r.days[wd] || !(r.nth === 0 || r.nth === nth || (r.nth === -1 && last))) { continue; }
      if (out === null) {
        out = r.slots; // the rule's own array while one rule applies: no copy
      } else {
        if (shared) { out = out.slice(); shared = false; }
        for (var k = 0; k < r.slots.length; k++) { out.push(r.slots[k]); }
      }
    }
    return out || [];
  }

  function overnight(sl) { return sl[1] <= sl[0]; }
  function dayEnd(sl) { return overnight(sl) ? MIN_DAY : sl[1]; }

  Eval.prototype.at = function (w) {
    var day = fdiv(w, MIN_DAY), m = fmod(w, MIN_DAY), p = this.plan(day);
    if (p.kind === DAY_SHUT) { return SHUT; }
    var night = this.night(day - 1, m);
    if (night === OPEN) { return OPEN; }
    if (p.kind === DAY_UNKNOWN) { return UNKNOWN; }
    for (var i = 0; i < p.slots.length; i++) {
      if (p.slots[i][0] <= m && m < dayEnd(p.slots[i])) { return OPEN; }
    }
    return night;
  };

  Eval.prototype.night = function (day, m) {
    var p = this.plan(day);
    for (var i = 0; i < p.slots.length; i++) {
      if (overnight(p.slots[i]) && m < p.slots[i][1]) { return p.kind === KNOWN ? OPEN : UNKNOWN; }
    }
    return CLOSED;
  };

  Eval.prototype.boundaries = function (day) {
    var out = [0], i, sl, p = this.plan(day).slots, q = this.plan(day - 1).slots;
    for (i = 0; i < p.length; i++) {
      sl = p[i];
      out.push(sl[0]);
      if (!overnight(sl) && sl[1] < MIN_DAY) { out.push(sl[1]); }
    }
    for (i = 0; i < q.length; i++) { if (overnight(q[i])) { out.push(q[i][1]); } }
    for (i = 1; i < out.length; i++) {
      for (var j = i; j > 0 && out[j] < out[j - 1]; j--) { var x = out[j]; out[j] = out[j - 1]; out[j - 1] = x; }
    }
    return out;
  };

  function changes(cur, st) { return cur === OPEN ? st !== OPEN : (st === OPEN || st === UNKNOWN); }

  Eval.prototype.next = function (z, w0, cur) {
    var today = fdiv(w0, MIN_DAY);
    for (var day = today; day <= today + HORIZON; day++) {
      var bs = this.boundaries(day);
      for (var i = 0; i < bs.length; i++) {
        var w = day * MIN_DAY + bs[i];
        if (w <= w0 || !changes(cur, this.at(w))) { continue; }
        var t = instant(z, w * 60), st = this.at(fdiv(clock(z, t), 60));
        if (!changes(cur, st)) { continue; }
        if (cur !== OPEN && st === UNKNOWN) { return null; }
        return t;
      }
    }
    return null;
  };

  var NAMES = ["closed", "open", "unknown", "temporarily_closed"];

  // status: the state of schedule s at ms in zone tz with calendar cal.
  var lastClock = { z: null, now: 0, w0: 0 }; // a page asks for many places at one instant

  function status(s, ms, tz, cal) {
    var z = zone(tz), now = fdiv(ms, 1000), w0;
    if (lastClock.z === z && lastClock.now === now) {
      w0 = lastClock.w0;
    } else {
      w0 = fdiv(clock(z, now), 60);
      lastClock = { z: z, now: now, w0: w0 };
    }
    var today = fdiv(w0, MIN_DAY);
    var st = { state: "permanently_closed", next: null, until: null, holiday: false, today: today };
    if (s.closed) { return st; }
    var e = new Eval(s, cal, today), cur = e.at(w0);
    st.state = NAMES[cur];
    st.holiday = e.plan(today).holiday;
    if (cur === UNKNOWN) { return st; }
    if (cur === SHUT) { st.until = dateString(closedUntil(s, today)); }
    var next = e.next(z, w0, cur);
    if (next !== null) {
      st.next = next * 1000;
      var wall = next + offset(z, next);
      st.nextDay = fdiv(wall, SEC_DAY);
      st.nextMinute = fdiv(fmod(wall, SEC_DAY), 60);
      if (cur === OPEN && next - now <= SOON) { st.state = "closing_soon"; }
    }
    return st;
  }

  // ---- Words (strings from the page: Go's hours.ScriptStrings) ----

  function fill(pattern, vars) {
    if (pattern === undef) { return undef; }
    return pattern.replace(/\{(\w+)\}/g, function (all, k) { return vars[k] === undef ? all : vars[k]; });
  }

  function formatDate(day, t) {
    var c = civil(day);
    return fill(t.date_format, { d: c[2], month: t["month_" + c[1]], y: c[0] });
  }

  function opens(st, t) {
    var time = pad(fdiv(st.nextMinute, 60)) + ":" + pad(st.nextMinute % 60);
    var ahead = st.nextDay - st.today;
    if (ahead === 0) { return fill(t.status_opens_at, { time: time }); }
    if (ahead === 1) { return fill(t.status_opens_tomorrow, { time: time }); }
    if (ahead < 7) { return fill(t["status_opens_" + DAYS[weekday(st.nextDay)]], { time: time }); }
    return fill(t.status_opens_on, { time: time, date: formatDate(st.nextDay, t) });
  }

  // text: the sentence for a status, or null when a string is missing.
  function text(st, t) {
    var main, detail = null, time;
    if (st.next !== null) { time = pad(fdiv(st.nextMinute, 60)) + ":" + pad(st.nextMinute % 60); }
    switch (st.state) {
      case "open":
      case "closing_soon":
        main = st.state === "open" ? t.status_open : t.status_closing_soon;
        if (st.next !== null) { detail = fill(t.status_closes_at, { time: time }); }
        break;
      case "closed":
        main = st.holiday ? t.status_holiday_closed : t.closed;
        if (st.next !== null) { detail = opens(st, t); }
        break;
      case "temporarily_closed":
        main = fill(t.status_temporarily_closed, { date: formatDate(parseDate(st.until), t) });
        break;
      case "permanently_closed":
        main = t.closed_permanently;
        break;
      default:
        main = st.holiday ? t.status_holiday_unknown : t.status_unknown;
    }
    var words = detail ? main + " · " + detail : main;
    return main === undef || detail === undef || words.indexOf("{") >= 0 ? null : words;
  }

  // ---- The page ----

  var CLASSES = {
    open: "status-open", closing_soon: "status-soon", closed: "status-closed",
    temporarily_closed: "status-closed", permanently_closed: "status-closed", unknown: "status-unknown"
  };

  function now() { return typeof root.abriNow === "number" ? root.abriNow : Date.now(); }

  function bind() {
    var doc = root.document, block = doc && doc.getElementById("abri-hours");
    if (!block) { return; }
    var page = json.parse(block.textContent), cal = calendar(page.cal), ms = now(), i;
    var els = doc.querySelectorAll("[data-hours]"), seen = {};
    for (i = 0; i < els.length; i++) { show(els[i], page, cal, ms, seen); }
    var today = fdiv(fdiv(clock(zone(page.tz), fdiv(ms, 1000)), 60), MIN_DAY);
    var rows = doc.querySelectorAll("table.hours tr[data-day]");
    for (i = 0; i < rows.length; i++) { markToday(rows[i], today); }
  }

  // show writes the status of one element; seen keeps the statuses of the
  // schedules met in this pass, since many places share the same hours.
  function show(el, page, cal, ms, seen) {
    var key = el.getAttribute("data-hours"), done = seen[key], st, words;
    if (done === undef) {
      try {
        st = status(parse(key), ms, page.tz, cal);
        done = seen[key] = { st: st, words: text(st, page.t || {}) };
      } catch (err) {
        done = seen[key] = { words: null }; // a broken schedule shows nothing rather than a wrong status
      }
    }
    st = done.st;
    words = done.words;
    if (words === null) { return; }
    el.textContent = words;
    el.setAttribute("data-state", st.state);
    for (var k in CLASSES) { if (CLASSES.hasOwnProperty(k)) { el.classList.remove(CLASSES[k]); } }
    el.classList.add(CLASSES[st.state]);
    el.removeAttribute("hidden");
  }

  function markToday(row, today) {
    var table = row.parentNode, period;
    while (table && table.nodeName !== "TABLE") { table = table.parentNode; }
    period = table && table.getAttribute("data-period");
    var inPeriod = true;
    if (period) {
      var p = parsePeriod(period);
      inPeriod = p[0] <= today && today <= p[1];
    }
    var on = inPeriod && row.getAttribute("data-day") === DAYS[weekday(today)];
    row.classList.toggle("today", on);
    if (on) { row.setAttribute("aria-current", "date"); } else { row.removeAttribute("aria-current"); }
  }

  function tick() {
    bind();
    setTimeout(tick, 60000 - now() % 60000 + 50);
  }

  root.abriHours = { parse: parse, calendar: calendar, status: status, text: text, bind: bind, easter: function (y) { return dateString(easter(y)); } };

  if (root.document) {
    if (root.document.readyState === "loading") {
      root.document.addEventListener("DOMContentLoaded", tick);
    } else {
      tick();
    }
  }
})(typeof window !== "undefined" ? window : this);
