// abri's search: a classic script, no modules, no fetch, no WebAssembly, so
// that it works from file:// (a copy on a USB stick) as well as over HTTP.
// The index (generator/search) is a set of scripts that call
// abriSearch.add(key, data); this file loads only those a search needs, by
// adding <script> elements. Without JavaScript the page's links to
// categories and towns remain.
(function (root) {
  "use strict";

  // ---- Normalisation: the same as generator/slug/fold.go --------

  var LOWER = [0x0000, 0x1c7f, 0x1c90, 0x1cbf, 0x1e00, 0x1fff, 0x2c00, 0x2d2f, 0xa640, 0xa69f, 0xa720, 0xa7c7, 0xff21, 0xff3a];
  var NFD = [0x00c0, 0x024f, 0x0370, 0x03ff, 0x1e00, 0x1fff];
  var DROP = [0x00ad, 0x00ad, 0x0300, 0x036f, 0x0483, 0x0489, 0x0591, 0x05bd, 0x05bf, 0x05bf,
    0x05c1, 0x05c2, 0x05c4, 0x05c5, 0x05c7, 0x05c7, 0x0610, 0x061a, 0x061c, 0x061c,
    0x0640, 0x0640, 0x064b, 0x065f, 0x0670, 0x0670, 0x06d6, 0x06dc, 0x06df, 0x06e4,
    0x06e7, 0x06e8, 0x06ea, 0x06ed, 0x08d3, 0x08ff, 0x1ab0, 0x1aff, 0x1dc0, 0x1dff,
    0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x206f, 0x20d0, 0x20ff,
    0xfe00, 0xfe0f, 0xfe20, 0xfe2f, 0xfeff, 0xfeff];
  var SEP = [0x0080, 0x00bf, 0x00d7, 0x00d7, 0x00f7, 0x00f7, 0x02b0, 0x02ff, 0x037e, 0x037e,
    0x0387, 0x0387, 0x055a, 0x055f, 0x0589, 0x058a, 0x05be, 0x05be, 0x05c0, 0x05c0,
    0x05c3, 0x05c3, 0x05c6, 0x05c6, 0x05f3, 0x05f4, 0x0600, 0x060f, 0x061b, 0x061b,
    0x061d, 0x061f, 0x066a, 0x066d, 0x06d4, 0x06d4, 0x06dd, 0x06de, 0x06e9, 0x06e9,
    0x0964, 0x0965, 0x10fb, 0x10fb, 0x2000, 0x200a, 0x2010, 0x2029, 0x202f, 0x205f,
    0x2070, 0x2bff, 0x2e00, 0x2e7f, 0x3000, 0x303f, 0xd800, 0xf8ff, 0xfd3e, 0xfd3f,
    0xfe10, 0xfe1f, 0xfe30, 0xfe6f, 0xff00, 0xff0f, 0xff1a, 0xff20, 0xff3b, 0xff40,
    0xff5b, 0xff65, 0xfff0, 0xffff];
  var SPECIAL = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ı": "i",
    "þ": "th", "ŀ": "l", "ĳ": "ij", "ſ": "s", "ς": "σ", "ё": "е",
    "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ؤ": "و", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ۂ": "ه", "ۃ": "ه", "ھ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ڪ": "ك"
  };
  var APOSTROPHE = "'";

  function inRanges(c, rs) {
    for (var i = 0; i < rs.length; i += 2) {
      if (c >= rs[i] && c <= rs[i + 1]) return true;
    }
    return false;
  }

  // fold returns what one UTF-16 unit becomes: "" (dropped), " " (a
  // separator), APOSTROPHE, or one or two characters.
  function fold(ch) {
    var c = ch.charCodeAt(0);
    if (c < 0x80) {
      if (c >= 97 && c <= 122 || c >= 48 && c <= 57) return ch;
      if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
      return c === 39 ? APOSTROPHE : " ";
    }
    if (c === 0x130) return "i";
    if (inRanges(c, LOWER)) {
      ch = ch.toLowerCase();
      c = ch.charCodeAt(0);
    }
    if (SPECIAL.hasOwnProperty(ch)) return SPECIAL[ch];
    if (c >= 0x660 && c <= 0x669) return String.fromCharCode(c - 0x660 + 48);
    if (c >= 0x6f0 && c <= 0x6f9) return String.fromCharCode(c - 0x6f0 + 48);
    if (inRanges(c, NFD) && ch.normalize) {
      var base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (base.length === 1 && base !== ch) return base;
    }
    if (c === 0x2019 || c === 0x2bc) return APOSTROPHE;
    if (inRanges(c, DROP)) return "";
    if (inRanges(c, SEP)) return " ";
    return ch;
  }

  function cyrillic(ch) {
    var c = ch.charCodeAt(0);
    return c >= 0x400 && c <= 0x4ff;
  }

  // normalize folds case, accents and letter variants, and turns
  // punctuation into single spaces.
  function normalize(s) {
    var out = "", prev = "", space = true;
    for (var i = 0; i < s.length; i++) {
      var f = fold(s.charAt(i));
      if (f === "") continue;
      if (f === APOSTROPHE && prev !== "" && cyrillic(prev)) continue;
      if (f === APOSTROPHE || f === " ") {
        if (!space) out += " ";
        space = true;
        prev = " ";
        continue;
      }
      out += f;
      space = false;
      prev = f.charAt(f.length - 1);
    }
    return space && out.length ? out.slice(0, -1) : out;
  }

  function tokens(s) {
    var n = normalize(s);
    return n ? n.split(" ") : [];
  }

  // ---- Numbers of the index (generator/search/vlq.go) ------------------

  var DIGIT = {};
  (function () {
    var fin = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", more = "ghijklmnopqrstuvwxyz0123456789-_";
    for (var i = 0; i < 32; i++) {
      DIGIT[fin.charCodeAt(i)] = i;
      DIGIT[more.charCodeAt(i)] = 32 + i;
    }
  })();

  function numbers(s) {
    var out = [], n = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d >= 32) {
        n += (d - 32) * mul;
        mul *= 32;
      } else {
        out.push(n + d * mul);
        n = 0;
        mul = 1;
      }
    }
    return out;
  }

  function ungap(s) {
    var ns = numbers(s), prev = -1;
    for (var i = 0; i < ns.length; i++) {
      prev += ns[i] + 1;
      ns[i] = prev;
    }
    return ns;
  }

  // ---- Loading shards ---------------------------------------------------

  var store = {}, waiting = {};

  // add is what every file of the index calls.
  function add(key, data) {
    store[key] = data;
    var cbs = waiting[key] || [];
    delete waiting[key];
    for (var i = 0; i < cbs.length; i++) cbs[i][0](data);
  }

  // scriptLoader loads the file path (relative to base) that registers key.
  function scriptLoader(base) {
    return function (path, key) {
      return new Promise(function (ok, ko) {
        if (store.hasOwnProperty(key)) return ok(store[key]);
        var first = !waiting[key];
        (waiting[key] = waiting[key] || []).push([ok, ko]);
        if (!first) return;
        var s = document.createElement("script");
        s.src = base + path;
        s.onerror = function () {
          var cbs = waiting[key] || [];
          delete waiting[key];
          for (var i = 0; i < cbs.length; i++) cbs[i][1](new Error("cannot load " + s.src));
        };
        document.head.appendChild(s);
      });
    };
  }

  // ---- The engine -------------------------------------------------------

  var NAME = 0, CATEGORY = 2, OTHER = 4, TYPO = 1, NONE = 255;
  var TOWN = "~", POSTAL = "#"; // keys of towns and postal codes in the index

  // Engine answers queries from a language's entry; load(path, key)
  // returns a promise of the data of the shard at path.
  function Engine(meta, load) {
    this.m = meta;
    this.load = load;
    this.dir = meta.v + "/";
    this.areas = [];
    var first = 0, a, i;
    for (i = 0; i < meta.areas.length; i++) {
      a = meta.areas[i];
      this.areas.push({first: first, count: a[0], box: a.length > 1 ? a.slice(1) : null});
      first += a[0];
    }
    this.cats = meta.cats.map(function (c) { return {id: c[0], parent: c[1], words: c[2].split(" ")}; });
    this.stop = {};
    for (i = 0; i < meta.stop.length; i++) this.stop[meta.stop[i]] = true;
  }

  // get returns a promise of the shard that registers as key.
  Engine.prototype.get = function (key) {
    return this.load(this.dir + key + ".js", key);
  };

  // shardRange returns the first and last shard that hold words starting with p.
  Engine.prototype.shardRange = function (p) {
    var t = this.m.t, lo = 0, hi = 0, i;
    for (i = 1; i < t.length && t[i] <= p; i++) lo = i;
    var end = p + "\uffff";
    for (hi = lo; hi + 1 < t.length && t[hi + 1] < end; hi++);
    return [lo, hi];
  };

  // wordShards says which shards a query word needs: those of its prefix,
  // and for a word that may have a typo, those of a shorter prefix, cut
  // where the words sharing it fit in two shards.
  Engine.prototype.wordShards = function (w) {
    var r = this.shardRange(w);
    if (w.length < 5) return r;
    for (var k = 0; k < w.length; k++) {
      var s = this.shardRange(w.slice(0, k));
      if (k === 0) s = [0, this.m.t.length - 1];
      if (s[1] - s[0] < 2) return s;
    }
    return r;
  };

  // near1 says whether a prefix of t is one edit (insertion, deletion,
  // substitution, transposition) from w.
  function near1(w, t) {
    for (var len = w.length - 1; len <= w.length + 1; len++) {
      if (len <= t.length && len > 1 && oneEdit(w, t.slice(0, len))) return true;
    }
    return false;
  }

  function oneEdit(a, b) {
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (i === la && i === lb) return true;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (i + 1 < la && a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // matchWord scores how a query word matches a word of the index:
  // 0 for a prefix, TYPO for one edit, NONE otherwise.
  function matchWord(w, t) {
    var c = t.charAt(0);
    if (c === TOWN || c === POSTAL) return NONE;
    if (t.lastIndexOf(w, 0) === 0) return 0;
    if (w.length >= 5 && near1(w, t)) return TYPO;
    return NONE;
  }

  // setMin notes that docs match with score s: each keeps its best score,
  // and counts its matches, which break ties (a place whose category and
  // description both say "doctor" before one where only one of them does).
  function setMin(m, docs, s) {
    var scores = m.scores, hits = m.hits;
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      if (scores[d] === NONE) m.docs.push(d);
      if (s < scores[d]) scores[d] = s;
      if (hits[d] < 255) hits[d]++;
    }
  }

  // wordScores returns how listings match word w: by number, the best
  // score and the number of matches; and the list of those that match.
  Engine.prototype.wordScores = function (w) {
    var self = this, n = this.m.n, r = this.wordShards(w), keys = [], i;
    var out = {scores: new Uint8Array(n).fill(NONE), hits: new Uint8Array(n), docs: [], cat: new Int16Array(n).fill(-1)};
    for (i = r[0]; i <= r[1]; i++) keys.push(this.m.lang + "/t" + i);
    var cats = [];
    this.cats.forEach(function (c, ci) {
      var best = NONE;
      for (var j = 0; j < c.words.length && best > 0; j++) best = Math.min(best, matchWord(w, c.words[j]));
      if (best !== NONE) cats.push([ci, CATEGORY + best]);
    });
    return Promise.all(keys.map(function (k) { return self.get(k); }).concat(
      cats.map(function (c) { return self.get("c" + c[0]); })
    )).then(function (shards) {
      for (var s = 0; s < keys.length; s++) {
        var data = shards[s];
        for (var j = 0; j < data.length; j += 3) {
          var m = matchWord(w, data[j]);
          if (m === NONE) continue;
          if (data[j + 1]) setMin(out, ungap(data[j + 1]), NAME + m);
          if (data[j + 2]) setMin(out, ungap(data[j + 2]), OTHER + m);
        }
      }
      for (var c = 0; c < cats.length; c++) {
        var docs = ungap(shards[keys.length + c]);
        setMin(out, docs, cats[c][1]);
        // The first category matched, in the tree's order, is what the
        // reader looks for: its services' hours apply (see hoursIn).
        for (var j = 0; j < docs.length; j++) if (out.cat[docs[j]] < 0) out.cat[docs[j]] = cats[c][0];
      }
      return out;
    });
  };

  // term returns a promise of the entry of the index for the exact word
  // t: [t, names, others], or null.
  Engine.prototype.term = function (t) {
    var self = this, r = this.shardRange(t), keys = [];
    for (var i = r[0]; i <= r[1]; i++) keys.push(this.m.lang + "/t" + i);
    return Promise.all(keys.map(function (k) { return self.get(k); })).then(function (shards) {
      for (var s = 0; s < shards.length; s++) {
        for (var j = 0; j < shards[s].length; j += 3) {
          if (shards[s][j] === t) return shards[s].slice(j, j + 3);
        }
      }
      return null;
    });
  };

  // place returns a promise of a town or postal code of the guide, as the
  // reader typed it: {lat, lon, label, key, docs}, or null. A postal code
  // is tried first when the text starts with a digit.
  Engine.prototype.place = function (text) {
    var n = normalize(text);
    if (!n) return Promise.resolve(null);
    var first = /^[0-9]/.test(n) ? POSTAL : TOWN, other = first === POSTAL ? TOWN : POSTAL, self = this;
    return this.term(first + n).then(function (e) {
      return e || self.term(other + n);
    }).then(function (e) {
      if (!e) return null;
      var c = numbers(e[1]);
      return {lat: c.length ? c[0] - 900000 : null, lon: c.length ? c[1] - 1800000 : null, label: text.trim(), key: text.trim(), docs: e[2]};
    });
  };

  // area returns the decoded shard of area i.
  Engine.prototype.area = function (i) {
    var self = this;
    if (this.areas[i].data) return Promise.resolve(this.areas[i].data);
    return this.get("a" + i).then(function (raw) {
      var a = self.areas[i], pos = numbers(raw.p), fl = numbers(raw.f), ls = numbers(raw.l);
      var which = raw.s ? numbers(raw.s) : null, d = {lat: [], lon: [], flags: fl, langs: [], hours: [], h: raw.h || [], x: []};
      var xs = raw.x ? numbers(raw.x) : null, xi = 0;
      for (var k = 0, p = 0, l = 0; k < a.count; k++) {
        if (pos[p] === 0) {
          d.lat.push(null);
          d.lon.push(null);
          p++;
        } else {
          d.lat.push(a.box[0] + pos[p] - 1);
          d.lon.push(a.box[1] + pos[p + 1]);
          p += 2;
        }
        d.langs.push(ls.slice(l + 1, l + 1 + ls[l]));
        l += 1 + ls[l];
        d.hours.push(which && which[k] ? d.h[which[k] - 1] : null);
        var x = null;
        for (var xn = xs ? xs[xi++] : 0; xn > 0; xn--, xi += 2) (x = x || {})[xs[xi]] = d.h[xs[xi + 1] - 1];
        d.x.push(x);
      }
      a.data = d;
      return d;
    });
  };

  Engine.prototype.areaOf = function (doc) {
    var lo = 0, hi = this.areas.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.areas[mid].first <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // distance in metres between two points in ten-thousandths of a degree.
  function distance(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180 / 1e4, dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371008 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // bound is the least distance from a point to anything in an area.
  function bound(a, at) {
    if (!a.box) return Infinity;
    var lat = Math.max(a.box[0], Math.min(a.box[2], at.lat)), lon = Math.max(a.box[1], Math.min(a.box[3], at.lon));
    return distance(at.lat, at.lon, lat, lon);
  }

  // candidates returns the listings that match the query's words, category
  // and town: {docs: their numbers, and by number: score (lower is
  // better), hits (matches), weak (a word matched with a typo or outside
  // names and categories)}, or null when the query asks for nothing.
  Engine.prototype.candidates = function (q) {
    var self = this, words = [], seen = {};
    tokens(q.text || "").forEach(function (w) {
      if (w.length >= 2 && !seen[w]) {
        seen[w] = true;
        words.push(w);
      }
    });
    if (!words.length && !q.cat && !q.city && !q.near && !q.filters) return Promise.resolve(null);
    var jobs = words.map(function (w) { return self.wordScores(w); });
    var town = q.city ? this.place(q.city) : Promise.resolve(null);
    var catIndex = -1;
    if (q.cat) {
      for (var i = 0; i < this.cats.length; i++) if (this.cats[i].id === q.cat) catIndex = i;
      if (catIndex >= 0) jobs.push(this.get("c" + catIndex));
    }
    return Promise.all([town].concat(jobs)).then(function (res) {
      var n = self.m.n, city = res.shift(), sets = [], k, i, d;
      var c = {docs: [], score: new Uint16Array(n), hits: new Uint16Array(n), weak: new Uint8Array(n), cat: new Int16Array(n).fill(catIndex)};
      if (q.city && !city) return c;
      if (q.cat && catIndex < 0) return c;
      // The listings each restriction allows, the shortest list first.
      if (city) sets.push(ungap(city.docs));
      if (catIndex >= 0) sets.push(ungap(res[words.length]));
      for (k = 0; k < words.length; k++) if (!self.stop[words[k]]) sets.push(res[k].docs);
      sets.sort(function (a, b) { return a.length - b.length; });
      var base = sets.length ? sets[0] : null, marks = [];
      for (i = 1; i < sets.length; i++) {
        var m = new Uint8Array(n);
        for (k = 0; k < sets[i].length; k++) m[sets[i][k]] = 1;
        marks.push(m);
      }
      var count = base ? base.length : n;
      next: for (i = 0; i < count; i++) {
        d = base ? base[i] : i;
        for (k = 0; k < marks.length; k++) if (!marks[k][d]) continue next;
        for (k = 0; k < words.length; k++) {
          var v = res[k].scores[d];
          c.hits[d] += res[k].hits[d];
          if (v === NONE) continue; // a common word the listing lacks
          c.score[d] += v;
          if (v & TYPO || v >= OTHER) c.weak[d] = 1;
          if (c.cat[d] < 0) c.cat[d] = res[k].cat[d];
        }
        c.docs.push(d);
      }
      c.docs.sort(function (a, b) { return a - b; });
      return c;
    });
  };

  // keep says whether a listing passes the filters that need its area.
  function keep(q, a, k, m, openNow, cat) {
    var f = a.flags[k], i;
    if (q.access) {
      for (i = 0; i < q.access.length; i++) if (!(f & ACCESS[q.access[i]])) return false;
    }
    if (q.aud) {
      for (i = 0; i < q.aud.length; i++) {
        var bit = m.aud.indexOf(q.aud[i]);
        if (bit >= 0 && !(f & (64 << bit))) return false;
      }
    }
    if (q.spoken) {
      var li = m.sl.indexOf(q.spoken);
      if (li < 0 || a.langs[k].indexOf(li) < 0) return false;
    }
    var h = q.open && hoursIn(a.hours[k], a.x[k], cat);
    if (q.open && !(openNow && h && openNow(h))) return false;
    return true;
  }

  // hoursIn: the hours that apply when the reader looks for category cat
  // (a number, or -1) at a place: its service's of that category (x: by
  // category number, from the index, which follows Go's
  // content.Listing.ServiceFor), or the place's h.
  function hoursIn(h, x, cat) {
    return x && cat >= 0 && x[cat] || h;
  }

  var ACCESS = {wheelchair: 1, animals: 2, walkin: 4, free: 8};
  var APPROX = 16, CLOSED = 32;

  // needsArea says whether the query filters on what area shards hold.
  function needsArea(q) {
    return !!(q.open || q.spoken || q.aud && q.aud.length || q.access && q.access.length);
  }

  // search runs a query and returns a promise of {results, total, exact}
  // or null when there is nothing to search. q: {text, cat, city, near:
  // {lat, lon} in ten-thousandths of a degree, open, aud: [], access: [],
  // spoken, limit}; openNow(hours) says whether a place is open now.
  Engine.prototype.search = function (q, openNow) {
    var self = this;
    q.filters = needsArea(q);
    return this.candidates(q).then(function (cands) {
      if (!cands) return null;
      var limit = q.limit || 20;
      var run = q.near ? self.byDistance(cands, q, limit, openNow) : self.byScore(cands, q, limit, openNow);
      return run.then(function (r) { return self.records(r); });
    });
  };

  // evaluate reads the areas of listings docs, drops those the filters
  // reject and returns the others as results: number, score, distance,
  // flags, hours.
  Engine.prototype.evaluate = function (docs, c, q, openNow) {
    var self = this, need = {};
    docs.forEach(function (d) { need[self.areaOf(d)] = true; });
    return Promise.all(Object.keys(need).map(function (i) { return self.area(+i); })).then(function () {
      var out = [];
      docs.forEach(function (d) {
        var ai = self.areaOf(d), a = self.areas[ai].data, k = d - self.areas[ai].first;
        if (!keep(q, a, k, self.m, openNow, c.cat[d])) return;
        var lat = a.lat[k], lon = a.lon[k];
        out.push({
          doc: d, score: c.score[d], flags: a.flags[k], cat: c.cat[d],
          dist: q.near && lat != null ? distance(q.near.lat, q.near.lon, lat, lon) : null
        });
      });
      return out;
    });
  };

  // byScore orders candidates by score, then number of matches, then index
  // order (towns along the map), permanently closed places last, and reads
  // areas only as far as the page needs.
  Engine.prototype.byScore = function (c, q, limit, openNow) {
    var self = this, closed = this.closedSet(), buckets = {}, keys = [];
    // A bucket sort: scores and matches are small numbers, and each bucket
    // keeps the index order.
    c.docs.forEach(function (d) {
      var key = (closed[d] ? 1e7 : 0) + c.score[d] * 65536 + 65535 - c.hits[d];
      if (!buckets[key]) {
        buckets[key] = [];
        keys.push(key);
      }
      buckets[key].push(d);
    });
    keys.sort(function (a, b) { return a - b; });
    var order = [];
    keys.forEach(function (k) { order = order.concat(buckets[k]); });
    var out = [], at = 0, filtering = q.filters;
    if (!filtering) {
      // Nothing to read in the areas: the records have all a result shows.
      out = order.slice(0, limit).map(function (d) { return {doc: d, score: c.score[d], flags: closed[d] ? CLOSED : 0, dist: null, cat: c.cat[d]}; });
      return Promise.resolve({results: out, total: order.length, exact: true});
    }
    if (this.fewAreas(order, 4)) limit = order.length; // all of them, for an exact count
    function step() {
      if (out.length >= limit || at >= order.length) {
        return {results: out.slice(0, q.limit || 20), total: out.length, exact: at >= order.length};
      }
      var batch = order.slice(at, at + Math.max(2 * (limit - out.length), 32));
      at += batch.length;
      return self.evaluate(batch, c, q, openNow).then(function (kept) {
        out = out.concat(kept);
        return step();
      });
    }
    return Promise.resolve().then(step);
  };

  // byDistance orders candidates by tier (every word in a name or a
  // category, without a typo; the others; permanently closed places), then
  // distance, reading the areas nearest first and stopping when no unread
  // area can hold a nearer result.
  Engine.prototype.byDistance = function (c, q, limit, openNow) {
    var self = this, closed = this.closedSet(), tiers = [[], [], []];
    c.docs.forEach(function (d) { tiers[closed[d] ? 2 : c.weak[d] ? 1 : 0].push(d); });
    var out = [], exact = true;
    function tier(t) {
      if (t === 3 || out.length >= limit) {
        for (var r = t; r < 3; r++) if (tiers[r].length) exact = false;
        return Promise.resolve();
      }
      var groups = {};
      tiers[t].forEach(function (d) {
        var a = self.areaOf(d);
        (groups[a] = groups[a] || []).push(d);
      });
      var order = Object.keys(groups).map(function (a) { return {a: +a, b: bound(self.areas[+a], q.near)}; });
      order.sort(function (x, y) { return x.b - y.b || x.a - y.a; });
      var found = [], i = 0;
      function next() {
        var want = limit - out.length;
        found.sort(byDist);
        if (i >= order.length || found.length >= want && found[want - 1].dist != null && order[i].b > found[want - 1].dist) {
          if (i < order.length) exact = false;
          out = out.concat(found);
          return tier(t + 1);
        }
        var batch = [];
        for (var end = Math.min(order.length, i + 3); i < end; i++) batch = batch.concat(groups[order[i].a]);
        return self.evaluate(batch, c, q, openNow).then(function (kept) {
          found = found.concat(kept);
          return next();
        });
      }
      return next();
    }
    return tier(0).then(function () {
      return {results: out.slice(0, limit), total: out.length, exact: exact && out.length <= limit};
    });
  };

  // fewAreas says whether listings docs lie in at most max areas.
  Engine.prototype.fewAreas = function (docs, max) {
    var seen = {}, n = 0;
    for (var i = 0; i < docs.length; i++) {
      var a = this.areaOf(docs[i]);
      if (!seen[a]) {
        seen[a] = true;
        if (++n > max) return false;
      }
    }
    return true;
  };

  function byDist(a, b) {
    var x = a.dist == null ? Infinity : a.dist, y = b.dist == null ? Infinity : b.dist;
    return x - y || a.score - b.score || a.doc - b.doc;
  }

  Engine.prototype.closedSet = function () {
    if (!this.closed) {
      this.closed = {};
      var docs = ungap(this.m.closed || "");
      for (var i = 0; i < docs.length; i++) this.closed[docs[i]] = true;
    }
    return this.closed;
  };

  // records adds what a result shows: id, name, street, pictograms, postal
  // code, town, opening hours.
  Engine.prototype.records = function (r) {
    var self = this, rb = this.m.rb, blocks = {};
    r.results.forEach(function (c) { blocks[Math.floor(c.doc / rb)] = true; });
    return Promise.all(Object.keys(blocks).map(function (b) { return self.get("r" + b); })).then(function () {
      r.results.forEach(function (c) {
        var rec = store["r" + Math.floor(c.doc / rb)], k = 8 * (c.doc % rb), x = null, s = rec[k + 7];
        c.id = rec[k];
        c.name = rec[k + 1];
        c.street = rec[k + 2];
        c.tops = numbers(rec[k + 3]).map(function (t) { return self.cats[t].id; });
        c.postal = rec[k + 4];
        c.city = rec[k + 5];
        for (var i = 0; s && i < s.length; i += 2) numbers(s[i]).forEach(function (n) { (x = x || {})[n] = s[i + 1]; });
        c.hours = hoursIn(rec[k + 6], x, c.cat) || null;
        c.href = self.m.place[0] + c.id + self.m.place[1];
        c.approx = !!(c.flags & APPROX);
        c.closed = !!(c.flags & CLOSED);
      });
      return r;
    });
  };

  root.abriSearch = {
    add: add, normalize: normalize, tokens: tokens, numbers: numbers, ungap: ungap,
    Engine: Engine, store: store, scriptLoader: scriptLoader, distance: distance
  };

  if (root.document) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { ui(document.getElementById("search")); });
    else ui(document.getElementById("search"));
  }

  // ---- The page ----------------------------------------------------------

  // ui runs the search page: its form, the query string, the results.
  function ui(form) {
    if (!form || !root.Promise || !"".normalize) return;
    var el = function (id) { return document.getElementById(id); };
    var t = form.dataset, lang = document.documentElement.lang;
    var status = el("search-status"), list = el("results"), more = el("more"), browse = el("browse");
    var q = el("q"), nearInput = el("near"), cityInput = el("city");
    var engine = null, limit = 20, position = null, seq = 0, timer = 0;
    var entry = form.getAttribute("data-index");
    var base = entry.slice(0, entry.lastIndexOf("/") + 1);
    var load = scriptLoader(base);
    var numberFormat = root.Intl && Intl.NumberFormat ? new Intl.NumberFormat(lang, {maximumFractionDigits: 1}) : null;

    function say(text) {
      status.textContent = text;
    }
    function fmt(key, pairs) {
      var s = t[key] || "";
      for (var k in pairs) s = s.split("{" + k + "}").join(pairs[k]);
      return s;
    }
    function num(n) {
      return numberFormat ? numberFormat.format(n) : String(n);
    }

    el("near-me").hidden = false;
    el("f-open-row").hidden = !hours();
    var explain = el("near-explain");

    function getEngine() {
      if (engine) return Promise.resolve(engine);
      return load(entry.slice(base.length), lang).then(function (meta) {
        engine = new Engine(meta, load);
        if (!meta.h) el("f-open-row").hidden = true;
        return engine;
      });
    }

    // suggest offers the towns and postal codes of the guide in the town
    // and "near" fields, once the reader is in one of them.
    var suggested = false;
    function suggest() {
      if (suggested) return;
      suggested = true;
      getEngine().then(function (eng) { return eng.get("places"); }).then(function (p) {
        var towns = el("town-list"), places = el("near-list");
        p[0].forEach(function (name) {
          var o = document.createElement("option");
          o.value = name;
          towns.appendChild(o);
          places.appendChild(o.cloneNode(true));
        });
        p[1].forEach(function (code) {
          var o = document.createElement("option");
          o.value = code;
          places.appendChild(o);
        });
      }).catch(function () { suggested = false; });
    }
    nearInput.addEventListener("focus", suggest);
    cityInput.addEventListener("focus", suggest);

    // hours is what hours.js needs to tell whether a place is open: its
    // API, and the page's time zone, holidays and strings (the abri-hours
    // block); null when the page has no hours.js.
    var hoursPage;
    function hours() {
      if (hoursPage !== undefined) return hoursPage;
      var api = root.abriHours, block = el("abri-hours");
      hoursPage = null;
      if (api && api.status && block) {
        try {
          var p = JSON.parse(block.textContent);
          hoursPage = {api: api, tz: p.tz, cal: api.calendar(p.cal)};
        } catch (e) { /* no status rather than a wrong one */ }
      }
      return hoursPage;
    }

    // openNow says whether a place with opening hours h is open now.
    function openNow(h) {
      var hp = hours();
      if (!hp || !h) return false;
      try {
        var ms = typeof root.abriNow === "number" ? root.abriNow : Date.now();
        var st = hp.api.status(hp.api.parse(h), ms, hp.tz, hp.cal).state;
        return st === "open" || st === "closing_soon";
      } catch (e) {
        return false;
      }
    }

    // state reads the form into a query.
    function state() {
      var fd = {text: q.value, cat: el("f-cat").value, city: "", open: el("f-open").checked, aud: [], access: [], spoken: el("f-lang").value};
      var boxes = form.querySelectorAll("input[type=checkbox]:checked");
      for (var i = 0; i < boxes.length; i++) {
        if (boxes[i].name === "aud") fd.aud.push(boxes[i].value);
        if (boxes[i].name === "acc") fd.access.push(boxes[i].value);
      }
      return fd;
    }

    // toURL writes the query into the address, so that it can be shared.
    function toURL(replace, s) {
      var p = [];
      function put(k, v) { if (v) p.push(k + "=" + encodeURIComponent(v)); }
      put("q", s.text.trim());
      put("cat", s.cat);
      put("city", s.city);
      put("near", position ? "me" : nearInput.value.trim());
      put("open", s.open ? "1" : "");
      s.aud.forEach(function (a) { put("aud", a); });
      s.access.forEach(function (a) { put("acc", a); });
      put("sl", s.spoken);
      var url = location.pathname + (p.length ? "?" + p.join("&") : "");
      try {
        history[replace ? "replaceState" : "pushState"](null, "", url);
      } catch (e) { /* some browsers refuse it under file:// */ }
      keepLanguage(p.length ? "?" + p.join("&") : "");
    }

    // keepLanguage makes the language switcher keep the query.
    function keepLanguage(search) {
      var links = document.querySelectorAll("nav.langs a");
      for (var i = 0; i < links.length; i++) {
        links[i].href = links[i].href.split("?")[0] + search;
      }
    }

    // fromURL fills the form from the address.
    function fromURL() {
      var params = {};
      location.search.replace(/^\?/, "").split("&").forEach(function (kv) {
        if (!kv) return;
        var i = kv.indexOf("="), k = decodeURIComponent(i < 0 ? kv : kv.slice(0, i)), v = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
        (params[k] = params[k] || []).push(v);
      });
      var one = function (k) { return params[k] ? params[k][0] : ""; };
      q.value = one("q");
      el("f-cat").value = one("cat");
      cityInput.value = one("city");
      nearInput.value = one("near") === "me" ? "" : one("near");
      el("f-lang").value = one("sl");
      var boxes = form.querySelectorAll("input[type=checkbox]");
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = (params[boxes[i].name] || []).indexOf(boxes[i].value) >= 0;
      var filtered = one("cat") || one("city") || one("open") || one("sl") || params.aud || params.acc;
      if (filtered) el("filters").open = true;
      return one("near");
    }

    // run searches with the form's state, puts it in the address and
    // shows the results.
    function run(replace) {
      var mine = ++seq;
      list.setAttribute("aria-busy", "true");
      var s = state(), town = cityInput.value.trim(), near = nearInput.value.trim(), eng;
      s.city = town;
      if (position) s.near = position;
      toURL(replace, s);
      return getEngine().then(function (e) {
        eng = e;
        return Promise.all([town ? eng.place(town) : true, near && !position ? eng.place(near) : true]);
      }).then(function (places) {
        if (mine !== seq) return;
        if (!places[0] || !places[1] || places[1] !== true && places[1].lat == null) {
          show(null, s);
          say(fmt("tNearUnknown", {place: !places[0] ? town : near}));
          return;
        }
        if (places[1] !== true) s.near = places[1];
        s.limit = limit;
        return eng.search(s, openNow).then(function (r) {
          if (mine === seq) show(r, s);
        });
      }).catch(function (e) {
        if (mine === seq) {
          say(t.tError);
          list.setAttribute("aria-busy", "false");
        }
        if (root.console) console.warn(e);
      });
    }

    function show(r, s) {
      list.textContent = "";
      list.setAttribute("aria-busy", "false");
      more.hidden = true;
      browse.hidden = !!r;
      if (!r) {
        say("");
        return;
      }
      if (!r.results.length) {
        say(t.tNone);
        return;
      }
      r.results.forEach(function (c) { list.appendChild(item(c, s)); });
      if (hours()) root.abriHours.bind(); // writes the status of each result
      var n = r.exact ? r.total : r.results.length;
      var key = r.exact ? "tCount" : "tCountMore";
      var text = fmt(key, {n: num(n)});
      if (s.near) text += " " + fmt("tSorted", {place: s.near.label});
      say(text);
      more.hidden = r.exact && r.total <= r.results.length;
    }

    // item renders a result as the category and town pages render a card.
    function item(c, s) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = "card";
      a.href = c.href;
      a.appendChild(bdi(c.name)); // a Latin name keeps to the page's side on an Arabic page
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      var pics = document.createElement("span");
      pics.className = "pics";
      c.tops.forEach(function (id) {
        var icon = document.querySelector('#search-icons [data-cat="' + id + '"] svg');
        if (icon) pics.appendChild(icon.cloneNode(true));
      });
      li.appendChild(pics);
      if (c.closed) {
        li.appendChild(span("closed", t.tClosed));
      } else if (c.hours) {
        var st = span("status", "");
        st.setAttribute("data-hours", JSON.stringify(c.hours));
        st.hidden = true;
        li.appendChild(st);
      }
      if (c.dist != null) {
        li.appendChild(span("dist", distanceText(c, s)));
        li.setAttribute("data-dist", Math.round(c.dist));
      }
      var adr = (c.street ? c.street + ", " : "") + (c.postal ? c.postal + " " : "") + c.city;
      var ad = span("adr", "");
      ad.appendChild(bdi(adr));
      li.appendChild(ad);
      return li;
    }

    function bdi(text) {
      var e = document.createElement("bdi");
      e.textContent = text;
      return e;
    }

    function span(cls, text) {
      var e = document.createElement("span");
      e.className = cls;
      e.textContent = text;
      return e;
    }

    function distanceText(c) {
      var d = c.dist, text;
      if (d < 1000) text = fmt("tM", {n: num(Math.max(10, Math.round(d / 10) * 10))});
      else text = fmt("tKm", {n: num(d < 10000 ? Math.round(d / 100) / 10 : Math.round(d / 1000))});
      return c.approx ? fmt("tCentre", {d: text, city: c.city}) : text;
    }

    // Near me: say why first, then ask the browser.
    function askPosition() {
      explain.hidden = false;
      el("near-ok").focus();
    }

    function locate() {
      explain.hidden = true;
      if (!navigator.geolocation) {
        say(t.tGeoUnavailable);
        return;
      }
      say(t.tGeoLocating);
      navigator.geolocation.getCurrentPosition(function (p) {
        position = {lat: Math.round(p.coords.latitude * 1e4), lon: Math.round(p.coords.longitude * 1e4), label: t.tYou, key: "me"};
        nearInput.value = "";
        el("near-me").setAttribute("aria-pressed", "true");
        limit = 20;
        run(false);
      }, function (err) {
        position = null;
        el("near-me").setAttribute("aria-pressed", "false");
        say(err.code === 1 ? t.tGeoDenied : err.code === 3 ? t.tGeoTimeout : t.tGeoUnavailable);
        nearInput.focus();
      }, {enableHighAccuracy: false, timeout: 15000, maximumAge: 300000});
    }

    function clearPosition() {
      position = null;
      el("near-me").setAttribute("aria-pressed", "false");
    }

    el("near-me").addEventListener("click", function () {
      if (position) {
        clearPosition();
        run(false);
      } else {
        askPosition();
      }
    });
    el("near-ok").addEventListener("click", locate);
    el("near-cancel").addEventListener("click", function () {
      explain.hidden = true;
      el("near-me").focus();
    });

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      limit = 20;
      run(false);
    });
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        limit = 20;
        run(true);
      }, 200);
    });
    form.addEventListener("change", function (e) {
      if (e.target === q) return;
      if (e.target === nearInput && nearInput.value) clearPosition();
      limit = 20;
      run(true);
    });
    more.addEventListener("click", function () {
      limit += 20;
      var focusAt = list.children.length;
      run(true).then(function () {
        var next = list.children[focusAt];
        if (next) next.querySelector("a").focus();
      });
    });
    root.addEventListener("popstate", function () {
      start();
    });

    function start() {
      var near = fromURL();
      if (near === "me") {
        if (navigator.permissions && navigator.permissions.query) {
          navigator.permissions.query({name: "geolocation"}).then(function (p) {
            if (p.state === "granted") locate();
            else askPosition();
          }, askPosition);
        } else {
          askPosition();
        }
        return;
      }
      if (location.search.length > 1) run(true);
    }
    start();
  }
})(this);
