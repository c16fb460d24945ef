package render

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/crc64"
	"strings"
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
		Shell  map[string][]string `json:"shell"`
	}{Build: fmt.Sprintf("%016x", h.Sum64())[:12], Date: s.today.String(), Shell: map[string][]string{}}
	for _, name := range names {
		if strings.HasPrefix(name, "assets/") {
			build.Assets = append(build.Assets, name)
		}
	}
	for _, lang := range s.Langs {
		build.Shell[lang] = append([]string{lang + "/index.html", lang + "/offline.html", lang + "/404.html"}, s.shellExtra[lang]...)
	}
	data, err := json.Marshal(build)
	if err != nil {
		return nil, err
	}
	return append(append(append([]byte("self.ABRI="), data...), ";\n"...), s.theme.Worker...), nil
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
