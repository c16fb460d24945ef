// abri's app script, on every page. It shows the offline note on a page
// that the service worker took from its cache, and over HTTP it registers
// the service worker (theme/worker/sw.js), links the web app manifest and
// runs the section of city pages that saves the city for offline use.
// From the disk (file://, a copy on a USB stick) there is no service worker
// and nothing to save: only the offline note runs, and never shows.
// A classic script in ES5 with promises, like the theme's other scripts.
(function () {
  "use strict";
  var doc = document, html = doc.documentElement, lang = html.lang;
  var i, notes = doc.querySelectorAll(".offline-note");
  for (i = 0; i < notes.length && html.hasAttribute("data-offline"); i++) notes[i].hidden = false;

  // Dated texts (the site notice, closures and special hours announced,
  // the caution on old information) carry data-show="first/last" (days,
  // inclusive, either may be empty) and data-tz, the guide's zone: they are
  // shown on those days in that zone, however long ago the site was built.
  // Without JavaScript the build's choice stays. window.abriNow: as hours.js.
  var dated = doc.querySelectorAll("[data-show]");
  for (i = 0; i < dated.length && window.Intl; i++) {
    var el = dated[i], show = el.getAttribute("data-show").split("/"), day = today(el.getAttribute("data-tz"));
    if (day) el.hidden = !((!show[0] || show[0] <= day) && (!show[1] || day <= show[1]));
  }
  // today is the reader's day in zone tz, as YYYY-MM-DD, or "" if unknown.
  function today(tz) {
    var ms = typeof window.abriNow === "number" ? window.abriNow : Date.now(), v = {}, parts;
    try {
      parts = new Intl.DateTimeFormat("en-US", {timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit"}).formatToParts(new Date(ms));
    } catch (e) {
      return "";
    }
    for (var k = 0; k < parts.length; k++) v[parts[k].type] = parts[k].value;
    return v.year + "-" + v.month + "-" + v.day;
  }

  // The quick exit (site.yaml's quick_exit) is a plain link without
  // JavaScript; with it, the button and Escape pressed three times within
  // 1.5 s replace this page in the history with the neutral site, so that
  // Back does not return to it.
  var exit = doc.querySelector("a.quick-exit"), presses = [];
  if (exit) {
    exit.addEventListener("click", function (e) {
      e.preventDefault();
      location.replace(exit.href);
    });
    addEventListener("keydown", function (e) {
      if (e.key !== "Escape" && e.key !== "Esc") return;
      presses.push(e.timeStamp);
      if (presses.length > 3) presses.shift();
      if (presses.length === 3 && presses[2] - presses[0] <= 1500) location.replace(exit.href);
    });
  }

  // The site root is where this script's assets/ folder is.
  var root = (doc.currentScript || {}).src || "";
  root = root.slice(0, root.lastIndexOf("assets/"));
  var sw = navigator.serviceWorker;
  if (!/^https?:/.test(root) || !sw || !window.caches) return;

  var manifest = doc.createElement("link");
  manifest.rel = "manifest";
  manifest.href = root + lang + "/manifest.webmanifest";
  doc.head.appendChild(manifest);

  // The worker is registered once the page has loaded, so that it does not
  // compete with the page on a slow connection. It keeps the page and the
  // pages of its language itself.
  function register() {
    sw.register(root + "sw.js", {scope: root})["catch"](function () {}); // no worker: a plain site
  }
  if (doc.readyState === "complete") register();
  else addEventListener("load", register);

  var box = doc.querySelector("section.save[data-list]");
  if (box) saveSection(box);
  var here = doc.querySelector(".saved-here");
  if (here) listSaved(here);

  // listSaved lists, on the page shown offline in place of a page not kept,
  // the towns saved on this phone (in any language), named by their pages.
  function listSaved(here) {
    var mine = " " + root + " ", seen = {};
    caches.keys().then(function (names) {
      names.forEach(function (n) {
        var key = n.slice(11, n.indexOf(" ")), url = root + key.replace("/", "/cities/") + ".html";
        if (n.indexOf("abri-saved-") || n.indexOf(mine) < 0 || seen[key]) return;
        seen[key] = caches.match(url).then(function (res) {
          return res && res.text();
        }).then(function (page) {
          var m = page && /<h1[^>]*>([^<]*)/.exec(page), li = doc.createElement("li"), a = doc.createElement("a");
          if (!m) return;
          a.href = url;
          a.innerHTML = m[1]; // text escaped by the build, as it was in the saved page
          a.lang = key.split("/")[0];
          li.appendChild(a);
          here.querySelector("ul").appendChild(li);
          here.hidden = false;
        });
      });
    });
  }

  // saveSection runs a city's "save for offline use" section. A saved copy
  // is a cache named "abri-saved-<lang>/<slug> <root> <time saved>": its
  // pages, and the assets they use, so that it outlives new builds. Saving
  // again fills a new cache and deletes the older one only once complete,
  // so that a save that fails leaves the previous copy whole.
  function saveSection(box) {
    var t = box.dataset, prefix = "abri-saved-" + t.key + " " + root + " ";
    var saveButton = box.querySelector(".save-do"), removeButton = box.querySelector(".save-remove");
    var status = box.querySelector(".save-status");

    function say(key, values) {
      var s = t[key] || "";
      for (var k in values) s = s.split("{" + k + "}").join(values[k]);
      status.textContent = s;
    }
    function num(n) {
      return n.toLocaleString(lang);
    }
    // saved returns a promise of the names of this city's saved caches.
    function saved() {
      return caches.keys().then(function (names) {
        return names.filter(function (n) { return n.indexOf(prefix) === 0; });
      });
    }
    function drop(names) {
      return Promise.all(names.map(function (n) { return caches["delete"](n); }));
    }
    function showSaved(name) {
      var when = new Date(+name.slice(prefix.length));
      var date = window.Intl ? new Intl.DateTimeFormat(lang, {dateStyle: "long"}).format(when) : when.toDateString();
      say("tSaved", {date: date});
      removeButton.hidden = false;
    }

    box.hidden = false;
    saved().then(function (names) {
      if (names.length) showSaved(names[names.length - 1]);
    });

    saveButton.addEventListener("click", function () {
      var name = prefix + Date.now(), assets = {}, done = 0, total = 0, cache;
      saveButton.disabled = true;
      function progress() {
        say("tSaving", {done: num(done), total: num(total)});
      }
      function savePage(path) {
        var url = root + path;
        return fetch(url, {cache: "no-cache"}).then(function (res) {
          if (!res.ok) throw new Error(url + ": HTTP " + res.status);
          return res.clone().text().then(function (text) {
            text.replace(/(?:href|src)="([^"]*assets\/[^"]+)"/g, function (m, a) {
              assets[new URL(a, url).href] = true;
            });
            return cache.put(url, res);
          });
        }).then(function () {
          done++;
          progress();
        });
      }
      function saveAsset(url) {
        return caches.match(url).then(function (hit) {
          return hit || fetch(url).then(function (res) {
            if (!res.ok) throw new Error(url + ": HTTP " + res.status);
            return res;
          });
        }).then(function (res) {
          return cache.put(url, res);
        });
      }
      fetch(new URL(t.list, location.href).href, {cache: "no-cache"}).then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.json();
      }).then(function (list) {
        total = list.pages.length;
        progress();
        return caches.open(name).then(function (c) {
          cache = c;
          return each(list.pages, savePage);
        });
      }).then(function () {
        return each(Object.keys(assets), saveAsset);
      }).then(saved).then(function (names) {
        return drop(names.filter(function (n) { return n !== name; }));
      }).then(function () {
        showSaved(name);
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      }, function () {
        say("tFailed");
        return caches["delete"](name);
      }).then(function () {
        saveButton.disabled = false;
      });
    });

    // A real question, which the reader can cancel, with the keyboard too.
    removeButton.addEventListener("click", function () {
      if (!confirm(t.tConfirm)) return;
      saved().then(drop).then(function () {
        removeButton.hidden = true;
        say("tRemoved");
      });
    });
  }

  // each calls f on every item, four at a time, and returns a promise of
  // the end, rejected at the first failure.
  function each(items, f) {
    var next = 0;
    function run() {
      return next < items.length ? f(items[next++]).then(run) : null;
    }
    return Promise.all([run(), run(), run(), run()]);
  }
})();
