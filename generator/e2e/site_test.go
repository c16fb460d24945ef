package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator"
)

// buildTime is the demo's build date: fixed, so that opening hours and
// "checked on" dates render the same on every run.
var buildTime = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// site is a built guide, served over HTTP from inside the test binary.
type site struct {
	Dir   string   // output folder
	Langs []string // the guide's languages, in order
	URL   string   // http://127.0.0.1:port, without a trailing slash
	srv   *httptest.Server
}

// buildSite builds the guide of root (a checkout of abri) into out and serves it.
func buildSite(root, out string) (*site, error) {
	sum, problems, err := generator.Build(context.Background(), generator.Config{
		Content: filepath.Join(root, "content"),
		Theme:   filepath.Join(root, "themes", "default"),
		Out:     out,
		Now:     buildTime,
	})
	if err != nil {
		return nil, fmt.Errorf("building the demo guide: %w\n%v", err, problems)
	}
	return serveSite(out, sum.Langs), nil
}

// serveSite serves an output folder on 127.0.0.1 and a free port.
func serveSite(dir string, langs []string) *site {
	srv := httptest.NewServer(staticHost(dir))
	return &site{Dir: dir, Langs: langs, URL: srv.URL, srv: srv}
}

func (s *site) Close() { s.srv.Close() }

// staticHost serves a folder as a static host does, without compression:
// files as they are, a folder's index.html, and for any other path the
// nearest 404.html with the status 404, as the output's _redirects asks of
// Netlify (one rule per language).
// It forbids caching, so that every visit is a first visit.
// Unlike http.FileServer it does not redirect .../index.html to .../, so the
// paths the browser shows are the ones the pages link to.
type staticHost string

func (h staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store") // every visit is a first visit
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		p = path.Join(p, "index.html")
	}
	name := filepath.Join(string(h), filepath.FromSlash(p))
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	} else if err == nil {
		f, err := os.Open(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, fi.ModTime(), f)
		return
	}
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		body, err := os.ReadFile(filepath.Join(string(h), filepath.FromSlash(dir), "404.html"))
		if err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(body)
			return
		}
		if dir == "/" {
			http.NotFound(w, r)
			return
		}
	}
}

// pageType is one kind of page of a guide, with the representative page the
// tests open in each language.
type pageType struct {
	Name   string
	Status int64 // HTTP status the page is served with

	// Path is the URL path of the page in a language, such as /fr/index.html.
	Path func(lang string) string
	// Twin is the path the language switcher must lead to in a language:
	// the same page, in that language.
	Twin func(lang string) string
}

// pageTypes picks a representative page of each type from the output, from
// its first language: the first category that lists places, the first
// category in a city, the first city, listing and Markdown page.
func (s *site) pageTypes() ([]pageType, error) {
	first := s.Langs[0]
	same := func(dir, file string) func(string) string {
		return func(lang string) string { return "/" + path.Join(lang, dir, file) }
	}
	types := []pageType{{Name: "home", Path: same("", "index.html")}}
	national := func(name string) bool { return strings.Count(name, ".") == 1 }
	for _, kind := range []struct {
		name, dir, must string
		file            func(string) bool
	}{
		{"category", "categories", "/places/", national},
		// categories/<id>.<city>.html
		{"category-city", "categories", "/places/", func(name string) bool { return strings.Count(name, ".") == 2 }},
		{"city", "cities", "", national},
		{"listing", "places", "", national},
		{"page", "pages", "", national},
	} {
		file, err := s.firstPage(filepath.Join(first, kind.dir), kind.must, kind.file)
		if err != nil {
			return nil, err
		}
		types = append(types, pageType{Name: kind.name, Path: same(kind.dir, file)})
	}
	types = append(types, pageType{Name: "opendata", Path: same("", "data.html")})
	types = append(types, pageType{
		Name: "404", Status: http.StatusNotFound,
		Path: same("", "no-such-page.html"),
		Twin: same("", "404.html"),
	})
	for i := range types {
		if types[i].Status == 0 {
			types[i].Status = http.StatusOK
		}
		if types[i].Twin == nil {
			types[i].Twin = types[i].Path
		}
	}
	return types, nil
}

// firstPage returns the first .html file of dir, in name order, whose
// name passes file and whose content has must.
func (s *site) firstPage(dir, must string, file func(string) bool) (string, error) {
	entries, err := os.ReadDir(filepath.Join(s.Dir, dir))
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") || e.Name() == "404.html" || !file(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Dir, dir, e.Name()))
		if err != nil {
			return "", err
		}
		if strings.Contains(string(b), must) {
			return e.Name(), nil
		}
	}
	return "", fmt.Errorf("%s: no page with %q: the demo guide no longer has this kind of page", dir, must)
}

// rtl says whether a language is written right to left.
func rtl(lang string) bool {
	return slices.Contains([]string{"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}, lang)
}

// copySite copies an output folder into a new temporary folder, for a test
// that plants a defect in it.
func copySite(t testing.TB, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "public")
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// plant replaces the first old in the file rel of dir with new.
func plant(t testing.TB, dir, rel, old, new string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q to plant a defect at", rel, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// guideSite writes a guide of files (paths under its content folder, as
// in a txtar), builds it with the default theme on the demo's build day
// and serves it for the life of the test.
func guideSite(t testing.TB, files map[string]string) *site {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	sum, problems, err := generator.Build(context.Background(), generator.Config{
		Content: filepath.Join(dir, "content"), Theme: filepath.Join(repoRoot, "themes", "default"), Out: out, Now: buildTime,
	})
	if err != nil {
		t.Fatalf("building %s: %v\n%v", dir, err, problems)
	}
	s := serveSite(out, sum.Langs)
	t.Cleanup(s.Close)
	return s
}
