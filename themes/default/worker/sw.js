// abri's service worker, served as /sw.js at the site root. The build puts
// one line before it: self.ABRI = {build, date, assets, shell}, the build's
// id (a hash of its files), its date, its fingerprinted assets and, for each
// language, the pages a reader of that language gets at once (home, offline
// copies, not-found page, the search's first shards); paths are relative to
// the site root, which is this worker's scope (a sub-path is fine).
//
// Pages come from the network first. When it fails they come from the
// cache, marked <html data-offline> so that app.js shows the date of the
// information. Assets change name when they change, so they come from the
// cache first, from whichever cache has them: a saved city keeps the
// assets of its own pages.
//
// The build's cache is named from its id. The worker of a new deploy fills
// its own cache, takes over at once and deletes the caches of earlier
// builds, never a city a reader saved (app.js). Cache names end with the
// scope: two guides on one origin keep their caches apart.

var DBG = {}, DBGN = 0;
["install", "activate", "message", "fetch"].forEach(function (type) {
  self.addEventListener(type, function (e) {
    var id = type + "#" + (++DBGN) + " " + (e.request ? e.request.url + " " + e.request.mode : JSON.stringify(e.data || ""));
    if (e.data && e.data.type === "debug") { e.source.postMessage(Object.keys(DBG)); return; }
    DBG[id] = 1;
    var wu = e.waitUntil, rw = e.respondWith;
    var done = function () { delete DBG[id]; };
    setTimeout(done, 0);
    e.waitUntil = function (p) { DBG[id + " wu"] = 1; p.then(function () { delete DBG[id + " wu"]; }, function () { delete DBG[id + " wu"]; }); return wu.call(e, p); };
    if (rw) e.respondWith = function (p) { DBG[id + " rw"] = 1; Promise.resolve(p).then(function () { delete DBG[id + " rw"]; }, function () { delete DBG[id + " rw"]; }); return rw.call(e, p); };
  });
});
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

// pageKey is the address a page is cached under: a folder's is its index.html.
function pageKey(url) {
  var u = new URL(url);
  u.hash = "";
  if (u.pathname.slice(-1) === "/") u.pathname += "index.html";
  return u.href;
}

// langOf returns the language folder of an address of the site, or "".
function langOf(url) {
  var lang = url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length).split("/")[0] : "";
  return A.shell.hasOwnProperty(lang) ? lang : "";
}

function shell(lang) {
  return A.shell[lang].concat(lang + "/manifest.webmanifest");
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

// readerLangs lists the languages to keep pages of: those of the open
// windows, and those whose home page an earlier build kept.
function readerLangs() {
  var found = {};
  return clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
    windows.forEach(function (w) { found[langOf(w.url)] = true; });
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
    return Object.keys(found).filter(function (lang) { return lang; });
  });
}

self.addEventListener("install", function (e) {
  self.skipWaiting();
  // Every asset, or the worker does not install: the previous one stays.
  e.waitUntil(fill(A.assets).then(readerLangs).then(function (langs) {
    return Promise.all(langs.map(function (lang) {
      return fill(shell(lang)).catch(function () {}); // app.js asks again
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

// app.js sends {type: "shell", lang, page} from each page once the worker
// is active: the language's pages, and the page itself, which a first
// visit loaded before the worker was there.
self.addEventListener("message", function (e) {
  var d = e.data || {};
  if (d.type !== "shell" || !A.shell.hasOwnProperty(d.lang)) return;
  var paths = shell(d.lang);
  if (typeof d.page === "string" && d.page.indexOf(SCOPE) === 0) paths.push(pageKey(d.page));
  e.waitUntil(fill(paths).catch(function () {}));
});

self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET" || req.url.indexOf(SCOPE) !== 0) return;
  if (isAsset(req.url) || req.destination === "manifest") e.respondWith(cacheFirst(e));
  else if (req.mode === "navigate") e.respondWith(networkFirst(e, true));
  // What pages load, such as the search's index; not what scripts fetch,
  // such as a city being saved.
  else if (req.destination) e.respondWith(networkFirst(e, false));
});

function keep(e, url, res) {
  if (!res.ok) return res;
  return res.blob().then(function (body) {
    var init = {status: res.status, statusText: res.statusText, headers: res.headers};
    e.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(url, new Response(body, init)); }));
    return new Response(body, init);
  });
}

function cacheFirst(e) {
  return caches.match(e.request).then(function (hit) {
    return hit || fetch(e.request).then(function (res) {
      return keep(e, e.request.url, res);
    });
  });
}

// networkFirst answers from the network and keeps a copy. When the network
// fails it answers from the cache: the build's copy, or a saved city's, or
// for a page no cache has, the not-found page of its language (of any
// language outside a language's folder), whose links work at any address.
function networkFirst(e, isPage) {
  var url = isPage ? pageKey(e.request.url) : e.request.url;
  return fetch(e.request).then(function (res) {
    return keep(e, url, res);
  }, function (err) {
    var opts = {ignoreSearch: isPage};
    var found = caches.open(CACHE).then(function (cache) {
      return cache.match(url, opts);
    }).then(function (hit) {
      return hit || caches.match(url, opts);
    });
    if (isPage) {
      var lang = langOf(url);
      (lang ? [lang] : Object.keys(A.shell)).forEach(function (l) {
        found = found.then(function (hit) { return hit || caches.match(abs(l + "/404.html")); });
      });
    }
    return found.then(function (hit) {
      if (!hit) throw err;
      return isPage ? markOffline(hit) : hit;
    });
  });
}

function markOffline(res) {
  return res.text().then(function (html) {
    return new Response(html.replace("<html ", "<html data-offline "), {
      headers: {"Content-Type": "text/html; charset=utf-8"}
    });
  });
}
