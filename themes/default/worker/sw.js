// abri's service worker, served as /sw.js at the site root. The build puts
// one line before it: self.ABRI = {build, date, assets, pages, shell, all},
// the build's id (a hash of its files), its date, its fingerprinted assets,
// what a reader of a language gets at once: the pages every language has
// (home, categories, towns, search, offline copies, Markdown pages; below
// the language's folder) and, in shell, the language's own (its search
// index), and what every reader gets: the root page and the search's shared
// shards, and each language's small page saying a page is not saved. Paths
// are relative to the site root, which is this worker's scope (a sub-path
// is fine).
//
// Pages come from the network first. When it fails they come from the
// cache, marked <html data-offline> so that app.js shows the date of the
// information; a page no cache holds gets the "not saved" page of its
// language, never the browser's error page. Assets change name when they change, so they come from the
// cache first, from whichever cache has them: a saved city keeps the
// assets of its own pages. The worker learns the reader's language from
// the pages it serves, from the windows open when it installs and from the
// browser's languages: it is
// never sent messages, which would wake an old worker that a new deploy
// is replacing and hold the new one back (Chromium then waits minutes).
//
// The build's cache is named from its id. The worker of a new deploy fills
// its own cache, takes over at once and deletes the caches of earlier
// builds, never a city a reader saved (app.js). Cache names end with the
// scope: two guides on one origin keep their caches apart.

var A = self.ABRI;
var SCOPE = self.registration.scope;
var CACHE = "abri-" + A.build + " " + SCOPE;

function abs(path) {
  return new URL(path, SCOPE).href;
}

function isAsset(url) {
  return url.indexOf(abs("assets/")) === 0;
}

// isOldBuild says whether a cache is one of an earlier build of this site.
function isOldBuild(name) {
  return name !== CACHE && name.indexOf("abri-saved-") !== 0 && name.indexOf("abri-") === 0 &&
    name.slice(-SCOPE.length - 1) === " " + SCOPE;
}

// pageKey is the address a page is cached under: without the query, which
// does not change a static page, and a folder's is its index.html.
function pageKey(url) {
  var u = new URL(url);
  u.hash = u.search = "";
  if (u.pathname.slice(-1) === "/") u.pathname += "index.html";
  return u.href;
}

// langOf returns the language folder of an address of the site, or "".
function langOf(url) {
  var lang = url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length).split("/")[0] : "";
  return A.shell.hasOwnProperty(lang) ? lang : "";
}

function shell(lang) {
  return A.pages.map(function (p) { return lang + "/" + p; }).concat(A.shell[lang], lang + "/manifest.webmanifest", all());
}

function all() {
  return A.all.concat(Object.keys(A.shell).map(function (l) { return l + "/unsaved.html"; }));
}

// browserLang returns the first of the browser's languages that the guide
// has, or "", as lang.js chooses on the root page.
function browserLang() {
  var wanted = navigator.languages || [], i, l;
  for (i = 0; i < wanted.length; i++) {
    l = String(wanted[i]).toLowerCase();
    if (A.shell.hasOwnProperty(l) || A.shell.hasOwnProperty(l = l.split("-")[0])) return l;
  }
  return "";
}

// fill adds to the build's cache the files it lacks. An asset that an
// earlier build or a saved city holds is copied rather than downloaded,
// and one the page has just loaded comes from the browser's HTTP cache.
function fill(paths) {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(paths.map(function (path) {
      var url = abs(path);
      return cache.match(url).then(function (hit) {
        if (hit) return;
        return (isAsset(url) ? caches.match(url) : Promise.resolve()).then(function (copy) {
          return copy || fetch(url, {cache: isAsset(url) ? "default" : "no-cache"}).then(function (res) {
            if (!res.ok) throw new Error(url + ": HTTP " + res.status);
            return res;
          });
        }).then(function (res) {
          return cache.put(url, res);
        });
      });
    }));
  });
}

// readerPaths lists what to keep at once for the reader: the pages open in
// windows (a first visit loaded them before the worker was there), and the
// shell of their languages and of those whose home page an earlier build kept.
function readerPaths() {
  var found = {}, pages = [];
  found[browserLang()] = true;
  return clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
    windows.forEach(function (w) {
      found[langOf(w.url)] = true;
      if (w.url.indexOf(SCOPE) === 0) pages.push(pageKey(w.url));
    });
    return caches.keys();
  }).then(function (names) {
    return Promise.all(names.filter(isOldBuild).map(function (name) {
      return caches.open(name).then(function (cache) {
        return Promise.all(Object.keys(A.shell).map(function (lang) {
          return cache.match(abs(lang + "/index.html")).then(function (hit) {
            if (hit) found[lang] = true;
          });
        }));
      });
    }));
  }).then(function () {
    return Object.keys(found).filter(function (lang) { return lang; }).map(shell).concat([pages, all()]);
  });
}

self.addEventListener("install", function (e) {
  self.skipWaiting();
  // Every asset, or the worker does not install: the previous one stays.
  // The rest is kept when it can be; the next pages served fill the gaps.
  e.waitUntil(fill(A.assets).then(readerPaths).then(function (lists) {
    return Promise.all(lists.map(function (paths) {
      return fill(paths).catch(function () {});
    }));
  }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(isOldBuild).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET" || req.url.indexOf(SCOPE) !== 0) return;
  // A manifest too, which the shell keeps: Chromium may never read the
  // body of one from the network, and that would keep this worker awake
  // and a new one waiting.
  if (isAsset(req.url) || req.destination === "manifest") e.respondWith(cacheFirst(e));
  else if (req.mode === "navigate") e.respondWith(networkFirst(e, true));
  // What pages load, such as the search's index; not what scripts fetch,
  // such as a city being saved.
  else if (req.destination) e.respondWith(networkFirst(e, false));
});

function keep(e, url, res) {
  if (!res.ok) return;
  var copy = res.clone();
  e.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(url, copy); }));
}

function cacheFirst(e) {
  return caches.match(e.request).then(function (hit) {
    return hit || fetch(e.request).then(function (res) {
      keep(e, e.request.url, res);
      return res;
    });
  });
}

// networkFirst answers from the network and keeps a copy. When the network
// fails it answers from the cache: the build's copy, or a saved city's, or
// for a page no cache has, the "not saved" page of its language (outside a
// language's folder, of the browser's language, else of any), with a
// <base> at its folder so that its links work at any address.
function networkFirst(e, isPage) {
  var url = isPage ? pageKey(e.request.url) : e.request.url;
  return fetch(e.request).then(function (res) {
    keep(e, url, res);
    var lang = isPage && res.ok && langOf(url);
    if (lang) e.waitUntil(fill(shell(lang)).catch(function () {}));
    return res;
  }, function (err) {
    var found = caches.open(CACHE).then(function (cache) {
      return cache.match(url);
    }).then(function (hit) {
      return hit || caches.match(url);
    });
    var base = "";
    if (isPage) {
      var lang = langOf(url) || browserLang();
      (lang ? [lang] : []).concat(Object.keys(A.shell)).forEach(function (l) {
        found = found.then(function (hit) {
          if (hit) return hit;
          base = abs(l + "/");
          return caches.match(base + "unsaved.html");
        });
      });
    }
    return found.then(function (hit) {
      if (!hit) throw err;
      return isPage ? markOffline(hit, hit.url === base + "unsaved.html" && base) : hit;
    });
  });
}

function markOffline(res, base) {
  return res.text().then(function (html) {
    html = html.replace("<html ", "<html data-offline ");
    return new Response(base ? html.replace("<head>", '<head><base href="' + base + '">') : html, {
      headers: {"Content-Type": "text/html; charset=utf-8"}
    });
  });
}
