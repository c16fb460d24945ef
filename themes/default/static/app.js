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

  // Sharing a place, and the saved-places list (issue 14). A listing's
  // section.share has plain links that work without JavaScript; here, where
  // the phone has the Web Share API, one button replaces them, with today's
  // hours (marked by hours.js) in place of the week's. "Add to my list"
  // keeps the place's words in localStorage, so that list.html shows them
  // offline and from file://, where each site copy has its own key.
  var src = (doc.currentScript || {}).src || "", key = "abri-list " + src.slice(0, src.lastIndexOf("assets/"));
  var web = /^https?:$/.test(location.protocol), place = doc.querySelector("section.share[data-id]"), saved = doc.querySelector("div.saved");
  function $(s, el) { return el.querySelector(s); }
  function load() {
    try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function store(list) {
    try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) {} // private mode: a list for this page only
  }
  // entry is what the list keeps of a listing page's share section; the name is its h1's.
  function entry(s) {
    var d = s.dataset;
    return {id: d.id, name: s.ownerDocument.querySelector("h1").textContent, adr: d.adr, tel: d.tel, week: d.week};
  }
  function find(list, id) {
    for (var k = 0; k < list.length; k++) if (list[k].id === id) return k;
    return -1;
  }
  // shareUI wires box's Share button (data() gives the payload) and its
  // copy button; the address stays a selectable field where copy fails.
  function shareUI(box, data) {
    var button = $(".share-do", box), links = $(".share-links", box), copy = $(".share-copy", box), field = $(".share-url input", box);
    if (navigator.share) {
      button.hidden = false;
      if (links) links.hidden = true;
      button.addEventListener("click", function () { navigator.share(data())["catch"](function () {}); });
    }
    copy.hidden = false;
    copy.addEventListener("click", function () {
      field.select();
      (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(null, function () {
        doc.execCommand("copy");
      }).then(function () { copy.textContent = copy.dataset.done; });
    });
  }
  function payload(title, text, url) {
    var d = {title: title, text: text};
    if (url) d.url = url;
    return d;
  }
  if (place) {
    var d = place.dataset, url = d.url || (web ? location.href.split("#")[0] : ""), add = $(".list-add", place);
    $(".share-url input", place).value = url;
    $(".share-url", place).hidden = !url;
    shareUI(place, function () {
      // The message is the Telegram link's text (the others add the page's link to it).
      var row = doc.querySelector("[aria-labelledby=h-hours] tr.today"), tg = $(".share-links a[href^='https://t.me/']", place),
        text = decodeURIComponent(tg.getAttribute("href").split("&text=")[1]);
      if (row && d.week) text = text.replace(d.week, row.cells[0].textContent + " " + row.cells[1].textContent);
      return payload(entry(place).name, text, url);
    });
    // In a list page's frame (list.html imports a shared list from file://): hand it the place.
    if (parent !== window && location.hash === "#abri-list") parent.postMessage({abriPlace: entry(place)}, "*");
    var added = function () {
      add.textContent = add.dataset.done;
      add.disabled = true;
    };
    add.hidden = false;
    if (find(load(), d.id) >= 0) added();
    add.addEventListener("click", function () {
      var list = load();
      if (find(list, d.id) < 0) list.push(entry(place));
      store(list);
      added();
    });
  }
  if (saved) savedList(saved);

  // savedList shows the list on list.html. A link list.html#ids=a,b adds
  // those places; their words come from their pages: fetched over HTTP,
  // from a hidden frame that posts them on file://, where fetch is refused.
  function savedList(box) {
    var t = box.dataset, items = $(".saved-items", box), list = load(), frames = [];
    var m = /[#&]ids=([^&]*)/.exec(location.hash);
    (m ? m[1].split(",") : []).forEach(function (id) {
      id = decodeURIComponent(id);
      if (!id || find(list, id) >= 0) return;
      list.push({id: id, name: id});
      var u = "places/" + encodeURIComponent(id) + ".html";
      if (web) {
        fetch(u).then(function (r) { return r.text(); }).then(function (h) {
          var s = new DOMParser().parseFromString(h, "text/html").querySelector("section.share[data-id]");
          if (s) got(entry(s));
        })["catch"](function () {});
      } else {
        var f = doc.createElement("iframe");
        f.hidden = true;
        f.src = u + "#abri-list";
        frames.push(f);
        doc.body.appendChild(f);
      }
    });
    addEventListener("message", function (e) {
      var p = e.data && e.data.abriPlace;
      for (var k = 0; p && k < frames.length; k++) if (frames[k].contentWindow === e.source) {
        frames[k].parentNode.removeChild(frames[k]);
        got(p);
      }
    });
    function got(p) {
      var k = find(list, p.id);
      if (k >= 0) list[k] = p;
      show();
    }
    function show() {
      store(list);
      var link = (t.url || location.href.split("#")[0]) + "#ids=" + list.map(function (p) { return encodeURIComponent(p.id); }).join(",");
      history.replaceState(null, "", "#ids=" + link.split("#ids=")[1]);
      $(".share-url input", box).value = link;
      $(".saved-empty", box).hidden = list.length > 0;
      items.textContent = "";
      list.forEach(function (p) {
        var li = doc.createElement("li"), a = doc.createElement("a"), b = doc.createElement("button");
        a.href = "places/" + encodeURIComponent(p.id) + ".html";
        a.textContent = p.name;
        a.dir = "auto";
        li.appendChild(a);
        [p.adr, p.tel && t.tPhone + p.tel, p.week && t.tHours + p.week].forEach(function (s) {
          if (!s) return;
          var q = doc.createElement("p");
          q.textContent = s;
          li.appendChild(q);
        });
        b.type = "button";
        b.textContent = t.tRemove;
        b.addEventListener("click", function () {
          list.splice(find(list, p.id), 1);
          show();
        });
        li.appendChild(b);
        items.appendChild(li);
      });
    }
    box.hidden = false;
    show();
    $(".saved-print", box).addEventListener("click", function () { print(); });
    shareUI(box, function () {
      return payload(doc.title, list.map(function (p) { return p.name; }).join("\n"), $(".share-url input", box).value);
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
          var m = page && /<h1[^>]*>(?:<bdi>)?([^<]*)/.exec(page), li = doc.createElement("li"), a = doc.createElement("a");
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
