// Runs themes/default/static/search.js under Node for the Go tests
// (generator/search/js_test.go), without a browser:
//
//   node run.js normalize <search.js> <in.json>      in: a list of strings; prints their normalised forms
//   node run.js query <search.js> <site> <in.json>   in: a list of queries; prints the ids found for each
//
// A query is {lang, text, cat, city, near: {lat, lon}, open, aud, access, spoken, limit}:
// lang chooses the entry, the rest is what Engine.search reads. With
// {now: ms, tz, cal}, "open now" is judged by hours.js at that instant;
// without, every place with hours is open.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [cmd, script, ...rest] = process.argv.slice(2);

// browser is a fresh page: search.js run in a context of its own, with a
// loader that reads the index's files and notes which it read.
function browser(dir) {
  const ctx = vm.createContext({console});
  vm.runInContext(fs.readFileSync(script, "utf8"), ctx, {filename: script});
  const hoursJS = path.join(path.dirname(script), "hours.js");
  vm.runInContext(fs.readFileSync(hoursJS, "utf8"), ctx, {filename: hoursJS});
  const S = ctx.abriSearch;
  const b = {S, H: ctx.abriHours, files: [], engines: {}};
  b.load = (file, key) => {
    if (!Object.prototype.hasOwnProperty.call(S.store, key)) {
      const name = path.join(dir, file);
      vm.runInContext(fs.readFileSync(name, "utf8"), ctx, {filename: name});
      b.files.push("search/" + file);
    }
    return Promise.resolve(S.store[key]);
  };
  return b;
}

// query runs queries; one with "fresh": true runs in a new page, as a
// first search does, and its answer lists every file it read.
async function query(site, queries) {
  const dir = path.join(site, "search");
  let b = browser(dir);
  const out = [];
  for (const q of queries) {
    if (q.fresh) b = browser(dir);
    b.files = [];
    const lang = q.lang;
    if (!b.engines[lang]) b.engines[lang] = new b.S.Engine(await b.load(lang + ".js", lang), b.load);
    const start = process.hrtime.bigint();
    const H = b.H, openNow = q.now ? (h) => /^(open|closing_soon)$/.test(H.status(H.parse(h), q.now, q.tz, H.calendar(q.cal)).state) : () => true;
    const r = await b.engines[lang].search(Object.assign({}, q), openNow);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    out.push(r && {ids: r.results.map((c) => c.id), dists: r.results.map((c) => c.dist), total: r.total, exact: r.exact, ms, files: b.files, hours: r.results.map((c) => c.hours)});
  }
  return out;
}

(async () => {
  let out;
  if (cmd === "normalize") {
    out = JSON.parse(fs.readFileSync(rest[0], "utf8")).map(browser("").S.normalize);
  } else if (cmd === "query") {
    out = await query(rest[0], JSON.parse(fs.readFileSync(rest[1], "utf8")));
  } else {
    throw new Error("unknown command " + cmd);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
