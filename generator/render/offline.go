package render

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/crc64"
	"strings"

	"github.com/abri-guide/abri/generator/search"
)

// Zip is an offline copy as written, for offline copies pages.
type Zip struct {
	Lang string
	City *City  // nil: the whole language
	Path string // from the site root, e.g. offline/guide-fr.zip
	Size int64
}

// Save is what a city page offers to save for offline use.
type Save struct {
	List  string // the list of pages, relative to the city page
	Key   string // lang/slug, to remember it in the browser
	Bytes int64  // what saving downloads
}

// offlineList is <lang>/cities/<slug>.offline.json, read by app.js.
type offlineList struct {
	Bytes int64    `json:"bytes"`
	Pages []string `json:"pages"`
}

// worker returns /sw.js: the build's description, then the theme's
// service worker. The build id is a checksum of every other file, so a new
// deploy changes sw.js exactly when something readers get changed.
func (s *Site) worker(l Ledger) ([]byte, error) {
	var names []string
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	l.Each(func(name string, size int64, sum uint64) {
		names = append(names, name)
		fmt.Fprintf(h, "%s %d %x\n", name, size, sum)
	})
	build := struct {
		Build  string              `json:"build"`
		Date   string              `json:"date"`
		Assets []string            `json:"assets"`
		Pages  []string            `json:"pages"`
		Shell  map[string][]string `json:"shell"`
		All    []string            `json:"all"`
	}{Build: fmt.Sprintf("%016x", h.Sum64())[:12], Date: s.today.String(), Shell: map[string][]string{}, All: []string{"index.html"}}
	shells := map[string][]string{}
	had := map[string]int{} // in how many languages' shells, a path below the language folder
	for _, name := range names {
		switch {
		case strings.HasPrefix(name, "assets/"):
			build.Assets = append(build.Assets, name)
		case search.Needed(name, ""):
			build.All = append(build.All, name) // the search's shards that every language shares
		}
	}
	for _, lang := range s.Langs {
		shells[lang] = shellOf(lang, names)
		for _, p := range shells[lang] {
			if rest, ok := strings.CutPrefix(p, lang+"/"); ok {
				had[rest]++
			}
		}
	}
	// What every language has is said once, as paths below the language
	// folder: sw.js stays small with many languages.
	for _, p := range shellOf(s.Langs[0], names) {
		if rest, ok := strings.CutPrefix(p, s.Langs[0]+"/"); ok && had[rest] == len(s.Langs) {
			build.Pages = append(build.Pages, rest)
		}
	}
	for _, lang := range s.Langs {
		build.Shell[lang] = []string{}
		for _, p := range shells[lang] {
			if rest, ok := strings.CutPrefix(p, lang+"/"); !(ok && had[rest] == len(s.Langs)) && !search.Needed(p, "") {
				build.Shell[lang] = append(build.Shell[lang], p)
			}
		}
	}
	data, err := json.Marshal(build)
	if err != nil {
		return nil, err
	}
	return append(append(append([]byte("self.ABRI="), data...), ";\n"...), s.theme.Worker...), nil
}

// shellOf lists what the service worker keeps of a language once its
// reader opened one of its pages: the pages that lead to places (home,
// categories of the whole guide, towns, search, offline copies, Markdown
// pages), the saved-places list and the language's search index, so that offline the reader can
// still find their way and search what they saved. Not the places, nor a
// category's later pages or its pages per town: saving a town keeps those,
// and they are most of a guide's weight.
func shellOf(lang string, names []string) []string {
	var out []string
	for _, name := range names {
		rest, ok := strings.CutPrefix(name, lang+"/")
		if !ok {
			if search.Needed(name, lang) {
				out = append(out, name)
			}
			continue
		}
		dir, file, _ := strings.Cut(rest, "/")
		if file == "" {
			dir, file = "", dir
		}
		if !strings.HasSuffix(file, ".html") {
			continue
		}
		switch dir {
		case "":
			if file == "index.html" || file == "offline.html" || file == "search.html" || file == "list.html" || strings.HasPrefix(file, "cities.") {
				out = append(out, name)
			}
		case "pages":
			out = append(out, name)
		case "categories", "cities": // the first page of each, not per town (<id>.<town>.html)
			if strings.Count(file, ".") == 1 {
				out = append(out, name)
			}
		}
	}
	return out
}

// manifests are the web app manifests, one per language.
func (s *Site) manifests() []job {
	var jobs []job
	for _, lang := range s.Langs {
		title, _ := s.guide.Site.Title.In(s.Langs, lang)
		short := title
		if r := []rune(short); len(r) > 12 {
			short = strings.TrimSpace(string(r[:12]))
		}
		m := map[string]any{
			"name": title, "short_name": short, "lang": lang, "dir": Direction(lang),
			"start_url": "index.html", "scope": "../", "display": "standalone",
			"background_color": "#ffffff", "theme_color": "#0b5394",
			"icons": []map[string]string{
				{"src": "../" + s.appIcons[192], "sizes": "192x192", "type": "image/png", "purpose": "any"},
				{"src": "../" + s.appIcons[512], "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
				{"src": "../" + s.Favicon, "sizes": "any", "type": "image/svg+xml"},
			},
		}
		data, _ := json.Marshal(m)
		jobs = append(jobs, job{path: lang + "/manifest.webmanifest", data: data})
	}
	return jobs
}

// iconJobs are the app icons, fingerprinted like the other assets.
func (s *Site) iconJobs() []job {
	s.appIcons = map[int]string{}
	var jobs []job
	for _, size := range []int{192, 512} {
		data := appIcon(size)
		name := fmt.Sprintf("assets/app-%d.%x.png", size, crc32.ChecksumIEEE(data))
		s.appIcons[size] = name
		jobs = append(jobs, job{path: name, data: data})
	}
	return jobs
}
