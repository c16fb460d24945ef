// Runs the shared vectors against themes/default/static/hours.js, the way a
// page loads it: a classic script in a fresh global (node:vm), with no DOM.
// go test ./generator/hours runs this file with node --test.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const root = path.join(__dirname, "..", "..", "..");
const source = fs.readFileSync(path.join(root, "themes/default/static/hours.js"), "utf8");
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "vectors.json"), "utf8"));

// load runs hours.js in a new global, with an optional fake window.
function load(globals) {
  const ctx = vm.createContext(Object.assign({}, globals));
  if (globals && globals.document) {
    ctx.window = ctx;
  }
  vm.runInContext(source, ctx, { filename: "hours.js" });
  return ctx;
}

// strings reads the flat key: "value" lines of a theme i18n file.
function strings(lang) {
  const out = {};
  const text = fs.readFileSync(path.join(root, "themes/default/i18n", lang + ".yaml"), "utf8");
  for (const line of text.split("\n")) {
    const m = /^([a-z0-9_]+): "(.*)"$/.exec(line);
    if (m) {
      out[m[1]] = JSON.parse('"' + m[2] + '"');
    }
  }
  return out;
}

test("vectors", () => {
  const H = load().abriHours;
  const cals = {};
  for (const name of Object.keys(vectors.calendars)) {
    cals[name] = H.calendar(vectors.calendars[name]);
  }
  const all = vectors.hand.concat(vectors.generated);
  const failures = [];
  for (const [i, v] of all.entries()) {
    const st = H.status(H.parse(v.schedule), Date.parse(v.at), v.tz, cals[v.cal]);
    const got = {
      state: st.state,
      next: st.next === null ? null : st.next,
      until: st.until,
      holiday: st.holiday,
    };
    const want = {
      state: v.state,
      next: v.next ? Date.parse(v.next) : null,
      until: v.until || null,
      holiday: !!v.holiday,
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failures.push(`vector ${i} (${v.why}) at ${v.at} ${JSON.stringify(v.schedule)}:\n  got  ${fmt(got, v.tz)}\n  want ${fmt(want, v.tz)}`);
    }
  }
  assert.ok(all.length >= 200, `${all.length} vectors`);
  assert.deepStrictEqual(failures, [], failures.join("\n"));
});

function fmt(r, tz) {
  const next = r.next === null ? "none" : new Date(r.next).toISOString();
  return `state ${r.state} next ${next} until ${r.until} holiday ${r.holiday}`;
}

test("easter", () => {
  const H = load().abriHours;
  const known = { 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25", 2285: "2285-03-22" };
  for (const y of Object.keys(known)) {
    assert.strictEqual(H.easter(+y), known[y]);
  }
});

// texts: [strings, schedule, instant, expected sentence]
const texts = [
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-27T15:00:00+01:00", "Open · closes at 17:30"],
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-27T17:10:00+01:00", "Closing soon · closes at 17:30"],
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-27T12:30:00+01:00", "Closed · opens at 14:00"],
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-26T18:00:00+01:00", "Closed · opens tomorrow at 09:00"],
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-27T18:00:00+01:00", "Closed · opens Monday at 09:00"],
  ["en", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-12-25T10:00:00+01:00", "Closed (public holiday) · opens Monday at 09:00"],
  ["en", { w: "tu[1] 18:00-20:00" }, "2026-10-06T21:00:00+02:00", "Closed · opens on 3 November 2026 at 18:00"],
  ["en", { w: "mo-fr 09:00-17:00", c: ["2026-12-24/2027-01-02"] }, "2026-12-28T10:00:00+01:00", "Temporarily closed until 2 January 2027 inclusive"],
  ["en", { w: "mo-fr 09:00-17:00", closed: true }, "2026-12-28T10:00:00+01:00", "Permanently closed"],
  ["en", {}, "2026-12-28T10:00:00+01:00", "Opening hours unknown"],
  ["en", { w: "mo-fr 09:00-17:00" }, "2026-12-25T10:00:00+01:00", "Public holiday: opening hours unknown"],
  ["en", { w: "mo-su 00:00-24:00", ph: "open" }, "2026-12-25T10:00:00+01:00", "Open"],
  ["fr", { w: "mo-fr 09:00-12:00,14:00-17:30", ph: "closed" }, "2026-11-27T18:00:00+01:00", "Fermé · ouvre lundi à 09:00"],
  ["fr", { w: "mo-fr 09:00-17:00", c: ["2026-12-24/2027-01-02"] }, "2026-12-28T10:00:00+01:00", "Fermé temporairement jusqu'au 2 janvier 2027 inclus"],
];

test("texts", () => {
  const H = load().abriHours;
  const cal = H.calendar(vectors.calendars.FR);
  for (const [lang, sched, at, want] of texts) {
    const st = H.status(H.parse(sched), Date.parse(at), "Europe/Paris", cal);
    assert.strictEqual(H.text(st, strings(lang)), want, `${lang} ${JSON.stringify(sched)} at ${at}`);
  }
});

test("a missing string writes nothing", () => {
  const H = load().abriHours;
  const st = H.status(H.parse({ w: "mo 09:00-10:00" }), Date.parse("2026-11-27T12:00:00+01:00"), "Europe/Paris", H.calendar({}));
  const t = strings("en");
  delete t.status_opens_mo;
  assert.strictEqual(H.text(st, t), null);
});

test("every language has the strings", () => {
  const keys = Object.keys(strings("en")).filter((k) => k.startsWith("status_"));
  assert.ok(keys.length >= 17);
  for (const lang of ["fr", "ar", "ca", "en", "es", "fa", "ka", "ps", "pt", "ro", "ru", "uk"]) {
    const t = strings(lang);
    for (const k of keys) {
      assert.ok(t[k], `${lang}: ${k}`);
    }
  }
});

// A DOM with just what hours.js touches.
function fakeElement(attrs, parent) {
  const classes = new Set();
  return {
    attrs: Object.assign({}, attrs),
    parentNode: parent || null,
    nodeName: attrs.nodeName || "P",
    textContent: attrs.textContent || "",
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
    setAttribute(k, v) { this.attrs[k] = String(v); },
    removeAttribute(k) { delete this.attrs[k]; },
    classList: {
      add: (c) => classes.add(c),
      remove: (c) => classes.delete(c),
      toggle: (c, on) => (on ? classes.add(c) : classes.delete(c)),
      contains: (c) => classes.has(c),
    },
  };
}

test("binding", () => {
  const page = { tz: "Europe/Paris", cal: vectors.calendars.FR, t: strings("en") };
  const block = fakeElement({ textContent: JSON.stringify(page) });
  block.textContent = JSON.stringify(page);
  const status = fakeElement({ "data-hours": '{"w":"mo-fr 09:00-12:00,14:00-17:30","ph":"closed"}', hidden: "" });
  const table = fakeElement({ nodeName: "TABLE" });
  table.nodeName = "TABLE";
  const special = fakeElement({ "data-period": "2026-07-01/2026-08-31" });
  special.nodeName = "TABLE";
  const rows = ["mo", "tu", "we", "th", "fr"].map((d) => fakeElement({ "data-day": d }, { nodeName: "TBODY", parentNode: table, getAttribute: () => null }));
  const summer = fakeElement({ "data-day": "fr" }, special);
  const doc = {
    readyState: "complete",
    getElementById: (id) => (id === "abri-hours" ? block : null),
    querySelectorAll: (sel) => (sel === "[data-hours]" ? [status] : rows.concat([summer])),
    addEventListener() {},
  };
  const ctx = load({ document: doc, abriNow: Date.parse("2026-11-27T15:00:00+01:00"), setTimeout() {} });
  assert.strictEqual(status.textContent, "Open · closes at 17:30");
  assert.strictEqual(status.getAttribute("data-state"), "open");
  assert.ok(status.classList.contains("status-open"));
  assert.strictEqual(status.getAttribute("hidden"), null);
  assert.ok(rows[4].classList.contains("today"), "friday is today");
  assert.strictEqual(rows[4].getAttribute("aria-current"), "date");
  assert.ok(!rows[3].classList.contains("today"));
  assert.ok(!summer.classList.contains("today"), "a special table out of its period");

  ctx.abriNow = Date.parse("2026-11-27T17:10:00+01:00");
  ctx.abriHours.bind();
  assert.strictEqual(status.textContent, "Closing soon · closes at 17:30");
  assert.ok(status.classList.contains("status-soon") && !status.classList.contains("status-open"));
});
