// Package theme loads a theme folder: HTML templates, CSS, scripts,
// pictograms and interface strings. Everything that can be done once per
// build is done here, before any page is rendered: templates and assets are
// minified once, assets get fingerprinted names, pictograms are read once.
//
// Layout of a theme:
//
//	templates/*.html     html/template files; base.html is the layout, the others define "main"
//	static/*             CSS, scripts and images, copied to assets/ with fingerprinted names
//	worker/sw.js         the service worker; not fingerprinted (its address must not change)
//	icons/<name>.svg     pictograms (24×24, currentColor), inlined in pages
//	i18n/<lang>.yaml     interface strings: a flat map key -> text with {placeholders};
//	                     a string with a count gives one text per CLDR plural form
//	                     of its language (places_count: {one: "{n} lieu", other: "{n} lieux"})
//	i18n/languages.yaml  names of languages in themselves (ISO 639 code -> name)
package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
)

// Theme is a loaded theme, ready to render pages.
type Theme struct {
	Root      string                   // how messages name the theme folder
	Sources   map[string]string        // template name -> minified source
	Assets    map[string]Asset         // static file name (style.css) -> fingerprinted asset
	Icons     map[string]template.HTML // pictogram name -> minified inline SVG
	Worker    []byte                   // the service worker (worker/sw.js), minified; served at the site root
	Strings   map[string]Strings       // language -> interface strings
	LangNames map[string]string        // ISO 639 code -> endonym
	minifier  *minify.M
}

// Asset is a static file with a fingerprinted name.
type Asset struct {
	Path string // e.g. assets/style.3f2a9c1b.css, relative to the site root
	Data []byte // minified content
}

// Strings are the interface strings of one language.
type Strings map[string]string

// Load reads a theme folder. root names it in messages.
func Load(fsys fs.FS, root string) (*Theme, error) {
	t := &Theme{
		Root:      root,
		Sources:   map[string]string{},
		Assets:    map[string]Asset{},
		Icons:     map[string]template.HTML{},
		Strings:   map[string]Strings{},
		LangNames: map[string]string{},
		minifier:  newMinifier(),
	}
	for _, step := range []func(fs.FS) error{t.loadTemplates, t.loadAssets, t.loadIcons, t.loadStrings, t.loadWorker} {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// newMinifier is the one minifier of a build, keyed by media type.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{TemplateDelims: html.GoTemplateDelims, KeepEndTags: true, KeepDocumentTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.Add("image/svg+xml", &svg.Minifier{})
	return m
}

func (t *Theme) minify(mediatype string, data []byte) ([]byte, error) {
	return t.minifier.Bytes(mediatype, data)
}

func (t *Theme) loadTemplates(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil || len(names) == 0 {
		return fmt.Errorf("%s: no templates/*.html", t.Root)
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		min, err := t.minify("text/html", data)
		if err != nil {
			return fmt.Errorf("%s/%s: %v", t.Root, name, err)
		}
		t.Sources[strings.TrimSuffix(path.Base(name), ".html")] = string(min)
	}
	return nil
}

var mediaTypes = map[string]string{
	".css": "text/css",
	".js":  "application/javascript",
	".svg": "image/svg+xml",
}

func (t *Theme) loadWorker(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, "worker/sw.js")
	if err != nil {
		return nil // a theme without a service worker gives a site without one
	}
	if t.Worker, err = t.minify("application/javascript", data); err != nil {
		return fmt.Errorf("%s/worker/sw.js: %v", t.Root, err)
	}
	return nil
}

func (t *Theme) loadAssets(fsys fs.FS) error {
	names, _ := fs.Glob(fsys, "static/*")
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		ext := path.Ext(name)
		if mt, ok := mediaTypes[ext]; ok {
			if data, err = t.minify(mt, data); err != nil {
				return fmt.Errorf("%s/%s: %v", t.Root, name, err)
			}
		}
		sum := sha256.Sum256(data)
		base := strings.TrimSuffix(path.Base(name), ext)
		t.Assets[path.Base(name)] = Asset{
			Path: "assets/" + base + "." + hex.EncodeToString(sum[:5]) + ext,
			Data: data,
		}
	}
	return nil
}

var svgAttrs = regexp.MustCompile(`^<svg\b`)

func (t *Theme) loadIcons(fsys fs.FS) error {
	names, _ := fs.Glob(fsys, "icons/*.svg")
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		min, err := t.minify("image/svg+xml", bytes.TrimSpace(data))
		if err != nil {
			return fmt.Errorf("%s/%s: %v", t.Root, name, err)
		}
		// Pictograms stand beside words: hidden from screen readers, sized by CSS.
		min = svgAttrs.ReplaceAll(min, []byte(`<svg class="i" aria-hidden="true" focusable="false"`))
		t.Icons[strings.TrimSuffix(path.Base(name), ".svg")] = template.HTML(min)
	}
	return nil
}

// IconNames lists the pictograms of the theme, sorted.
func (t *Theme) IconNames() []string {
	names := make([]string, 0, len(t.Icons))
	for n := range t.Icons {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
