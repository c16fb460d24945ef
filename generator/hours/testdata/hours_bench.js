// Times hours.js on 2,000 listings (testdata/bench.json, the mix of a
// guide's hours that BenchmarkAt also uses), in a fresh process as a page
// would: node testdata/hours_bench.js. go test ./generator/hours -v runs it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const root = path.join(__dirname, "..", "..", "..");
const source = fs.readFileSync(path.join(root, "themes/default/static/hours.js"), "utf8");
const jsons = JSON.parse(fs.readFileSync(path.join(__dirname, "bench.json"), "utf8"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "vectors.json"), "utf8"));
const now = Date.parse("2026-11-27T15:00:00Z");
const tz = "Europe/Paris";
const words = { status_open: "Open", status_closing_soon: "Closing soon", closed: "Closed", status_closes_at: "closes at {time}", status_opens_at: "opens at {time}", status_opens_tomorrow: "opens tomorrow at {time}", status_unknown: "Opening hours unknown" };

// ms is the CPU time f takes, in milliseconds: the machine may be busy
// with other work, which wall-clock time would count.
function ms(f) {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

function median(f, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    times.push(ms(f));
  }
  return times.sort((a, b) => a - b)[n >> 1];
}

// engine: parse, status and text of every listing, no sharing between them.
const ctx = vm.createContext({});
vm.runInContext(source, ctx, { filename: "hours.js" });
const H = ctx.abriHours;
const cal = H.calendar(vectors.calendars.FR);
const engine = () => {
  for (const s of jsons) {
    H.text(H.status(H.parse(s), now, tz, cal), words);
  }
};
const first = ms(() => H.status(H.parse('{"w":"mo 09:00-10:00"}'), now, tz, cal)); // Node loads ICU for Intl here
const cold = ms(engine);
const warm = median(engine, 31);

// page: bind() over 2,000 cards of a fake DOM, as DOMContentLoaded does.
function fakeCard(json) {
  const attrs = { "data-hours": json, hidden: "" };
  return {
    textContent: "",
    getAttribute: (k) => (k in attrs ? attrs[k] : null),
    setAttribute: (k, v) => { attrs[k] = v; },
    removeAttribute: (k) => { delete attrs[k]; },
    classList: { add() {}, remove() {}, toggle() {} },
  };
}
const cards = jsons.map(fakeCard);
const block = { textContent: JSON.stringify({ tz, cal: vectors.calendars.FR, t: words }) };
const doc = {
  readyState: "complete",
  getElementById: () => block,
  querySelectorAll: (sel) => (sel === "[data-hours]" ? cards : []),
  addEventListener() {},
};
const page = vm.createContext({ document: doc, abriNow: now, setTimeout() {} });
page.window = page;
const firstBind = ms(() => vm.runInContext(source, page, { filename: "hours.js" }));
const bind = median(() => page.abriHours.bind(), 31);

const bytes = jsons.reduce((n, s) => n + Buffer.byteLength(s), 0) / jsons.length;
const attr = jsons.reduce((n, s) => n + Buffer.byteLength(s.replace(/"/g, "&#34;")), 0) / jsons.length;
console.log(`bench: hours.js, 2000 listings: parse+status+text ${cold.toFixed(1)} ms on the first pass (interpreter and JIT warm-up), ${warm.toFixed(2)} ms warm (median); first call ${first.toFixed(1)} ms (Intl set-up); CPU time`);
console.log(`bench: page binding of 2000 cards: ${firstBind.toFixed(1)} ms on load (script compiled, identical schedules computed once), ${bind.toFixed(2)} ms per refresh (median)`);
console.log(`bench: schedule JSON ${bytes.toFixed(1)} bytes per listing on average, ${attr.toFixed(1)} in a data-hours attribute with quotes escaped as &#34;`);
