package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"hash/crc64"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/abri-guide/abri/generator/search"
	"github.com/abri-guide/abri/generator/slug"
)

// Zip is the offline copy of the site in one language: unzipped anywhere
// and opened by double-click, it works with no server.
type Zip struct {
	Lang string
	Path string // from the site root, e.g. offline/guide-fr.zip
	Size int64
	sum  uint64
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

// writeZips writes one zip per language: that language's pages, rendered
// with a language switcher that offers only the languages in the zip, the
// assets and a root page. Pages are rendered and compressed in parallel,
// then stored in a fixed order with a fixed date, so zips are reproducible.
func (s *Site) writeZips(ctx context.Context, dir string, jobs []job, workers int) ([]Zip, error) {
	if err := os.MkdirAll(filepath.Join(dir, "offline"), 0o755); err != nil {
		return nil, err
	}
	var zips []Zip
	for _, lang := range s.Langs {
		var files []job
		for _, j := range jobs {
			if inZip(j, lang) {
				files = append(files, j)
			}
		}
		z, err := s.writeZip(ctx, dir, lang, files, workers)
		if err != nil {
			return nil, err
		}
		zips = append(zips, z)
	}
	s.zips = zips
	return zips, nil
}

func inZip(j job, lang string) bool {
	switch {
	case j.kind == "root":
		return true
	case strings.HasPrefix(j.path, "assets/"):
		return true
	case strings.HasPrefix(j.path, "search/"):
		return search.Needed(j.path, lang)
	case j.kind == "404" || j.tmpl == nil:
		return false
	}
	return j.lang == lang
}

// flaters reuse compressors: each one holds about a megabyte of state.
var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

type zipped struct {
	name       string
	crc        uint32
	size       int
	compressed []byte
}

func (s *Site) writeZip(ctx context.Context, dir, lang string, jobs []job, workers int) (Zip, error) {
	files := make([]zipped, len(jobs))
	err := parallel(ctx, len(jobs), workers, func(i int, buf *bytes.Buffer) error {
		data, err := s.zipBytes(dir, lang, jobs[i], buf)
		if err != nil {
			return err
		}
		var c bytes.Buffer
		w := flaters.Get().(*flate.Writer)
		w.Reset(&c)
		w.Write(data)
		w.Close()
		flaters.Put(w)
		files[i] = zipped{jobs[i].path, crc32.ChecksumIEEE(data), len(data), c.Bytes()}
		return nil
	})
	if err != nil {
		return Zip{}, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	modified := s.today.Time()
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		// Unzipped on a system that ignores case, Lyon.html would replace lyon.html.
		key := strings.ToLower(f.name)
		if seen[key] {
			return Zip{}, fmt.Errorf("internal error: %s would be twice in the zip of %s", f.name, lang)
		}
		seen[key] = true
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate,
			CRC32: f.crc, CompressedSize64: uint64(len(f.compressed)), UncompressedSize64: uint64(f.size)}
		h.SetModTime(modified) // CreateRaw writes the legacy date fields as they are
		w, err := zw.CreateRaw(h)
		if err != nil {
			return Zip{}, err
		}
		w.Write(f.compressed)
	}
	if err := zw.Close(); err != nil {
		return Zip{}, err
	}
	name := "offline/" + s.zipName(lang)
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), out.Bytes(), 0o644); err != nil {
		return Zip{}, err
	}
	return Zip{Lang: lang, Path: name, Size: int64(out.Len()), sum: crc64.Checksum(out.Bytes(), crcTable)}, nil
}

// zipBytes returns a file as it is in a language's zip, where the site has
// that language only. Pages already written are read back and only their
// links to other languages change, rather than rendering them again; the
// root and offline copies pages, which differ more, are rendered again.
func (s *Site) zipBytes(dir, lang string, j job, buf *bytes.Buffer) ([]byte, error) {
	switch {
	case j.tmpl == nil:
		return j.data, nil
	case j.kind == "root" || j.kind == "offline":
		j.single, j.lang = true, lang
		if j.kind == "root" {
			j.tmpl = s.rootTmpl[lang]
		}
		return s.bytes(&j, buf)
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(j.path)))
	if err != nil {
		return nil, err
	}
	p := s.jobPage(&j)
	all := []string{string(p.HreflangLinks()), string(p.LangLinks())}
	p.Single = true
	for i, one := range []string{string(p.HreflangLinks()), string(p.LangLinks())} {
		if n := bytes.Count(data, []byte(all[i])); n != 1 {
			return nil, fmt.Errorf("%s: the theme must show the language links once (found %d): use .HreflangLinks and .LangLinks", j.path, n)
		}
		data = bytes.Replace(data, []byte(all[i]), []byte(one), 1)
	}
	return data, nil
}

// zipName names a language's zip after the guide, so that a download
// folder with several guides stays clear.
func (s *Site) zipName(lang string) string {
	title, _ := s.guide.Site.Title.In(s.Langs, s.Langs[0])
	name := slug.Make(title)
	if name == "" {
		name = "guide"
	}
	return name + "-" + lang + ".zip"
}

// writeCities writes the city pages, which state what saving them downloads.
func (s *Site) writeCities(ctx context.Context, dir string, cities []job, out map[string]written) error {
	var buf bytes.Buffer
	for i := range cities {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.writeCity(dir, &cities[i], out, &buf); err != nil {
			return err
		}
	}
	return nil
}

// writeLate writes the offline copies pages, which state the zips' sizes,
// then the service worker, named from everything else.
func (s *Site) writeLate(dir string, offline []job, out map[string]written) error {
	var buf bytes.Buffer
	for i := range offline {
		w, err := s.write(dir, &offline[i], &buf)
		if err != nil {
			return err
		}
		out[offline[i].path] = w
	}
	if len(s.theme.Worker) == 0 {
		return nil
	}
	sw, err := s.worker(out)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "sw.js"), sw, 0o644); err != nil {
		return err
	}
	out["sw.js"] = written{int64(len(sw)), crc64.Checksum(sw, crcTable)}
	return nil
}

// writeCity writes a city page stating the size of saving it, and the list
// of pages saving it downloads: the page itself, its listings, its print
// edition. The page is rendered twice: its own size is part of the total.
func (s *Site) writeCity(dir string, j *job, out map[string]written, buf *bytes.Buffer) error {
	c := j.city
	list := offlineList{Pages: []string{j.path}}
	for _, l := range c.Listings {
		list.Pages = append(list.Pages, j.lang+"/places/"+l.ID+".html")
	}
	list.Pages = append(list.Pages, j.lang+"/print/"+c.Slug+".html")
	for _, p := range list.Pages[1:] {
		list.Bytes += out[p].size
	}
	j.save = &Save{List: c.Slug + ".offline.json", Key: j.lang + "/" + c.Slug, Bytes: list.Bytes}
	first, err := s.bytes(j, buf)
	if err != nil {
		return err
	}
	j.save.Bytes += int64(len(first))
	w, err := s.write(dir, j, buf)
	if err != nil {
		return err
	}
	out[j.path] = w
	list.Bytes = j.save.Bytes
	data, _ := json.Marshal(list)
	name := strings.TrimSuffix(j.path, ".html") + ".offline.json"
	if _, dup := out[name]; dup {
		return fmt.Errorf("internal error: the list of pages of the city %q would replace %s", c.Name, name)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
		return err
	}
	out[name] = written{int64(len(data)), crc64.Checksum(data, crcTable)}
	return nil
}

// worker returns /sw.js: the build's description, then the theme's
// service worker. The build id is a checksum of every other file, so a new
// deploy changes sw.js exactly when something readers get changed.
func (s *Site) worker(out map[string]written) ([]byte, error) {
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	sort.Strings(names)
	h := crc64.New(crcTable)
	for _, name := range names {
		fmt.Fprintf(h, "%s %d %x\n", name, out[name].size, out[name].sum)
	}
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
