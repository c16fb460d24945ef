package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"sync"

	"github.com/abri-guide/abri/generator/content"
)

// reuse keeps the parts of pages that many pages share, rendered once by
// the theme's own templates: the layout's pieces that depend only on the
// language, the depth and the kind of page (Page.Shared), and the partials
// of values that several listings have alike, such as the same opening
// hours or the same audience (Page.Reuse). Template execution by
// reflection is most of a page's cost; a shared piece costs a map look-up.
type reuse struct {
	tmpl map[string]*template.Template // language -> a template set holding base's and partials' definitions
	keys map[part]string               // a part that several listings have alike -> its value, as a key
	done sync.Map                      // cache key -> piece
}

// part is a partial of a value: ("hours", *Hours), ("place-tags", *Listing).
// A partial of a *Listing must use only what its key in prepareReuse holds.
type part struct {
	name string
	v    any
}

// prepareReuse finds the values listings have alike and the templates that
// render shared pieces.
func (s *Site) prepareReuse(tmpls map[string]map[string]*template.Template) {
	r := &reuse{tmpl: map[string]*template.Template{}, keys: map[part]string{}}
	for lang, t := range tmpls {
		r.tmpl[lang] = t["listing"]
	}
	byValue := map[string][]part{}
	add := func(name string, v, value any) {
		if data, err := json.Marshal(value); err == nil {
			k := name + "\x00" + string(data)
			byValue[k] = append(byValue[k], part{name, v})
		}
	}
	for _, l := range s.Listings {
		values := func(h *Hours, aud *content.Audience, acc *content.Access) {
			if h != nil {
				add("hours", h, h)
			}
			if aud != nil {
				add("audience", aud, aud)
			}
			if acc != nil {
				add("access", acc, acc)
			}
		}
		values(l.Hours, l.Audience, l.Access)
		for i := range l.Services {
			sv := &l.Services[i]
			values(sv.Hours, sv.Audience, sv.Access)
		}
		ids := make([]string, len(l.Cats))
		for i, c := range l.Cats {
			ids[i] = c.ID
		}
		add("place-tags", l, ids)
		add("spoken", l, l.Languages)
		city := ""
		if l.City != nil {
			city = l.City.Slug
		}
		add("crumbs", l, city)
		add("dated", l, []any{l.Updated.String(), l.StaleShow, l.Stale, len(l.Phone) > 0})
		add("closures", l, l.Closures)
		add("special", l, l.Special)
	}
	for k, ps := range byValue {
		if len(ps) > 1 { // a value no other listing has is rendered as it comes, not kept
			for _, p := range ps {
				r.keys[p] = k
			}
		}
	}
	s.reuse = r
}

// Shared renders the layout's piece name ({{define "name"}} in the theme)
// once per language, depth, kind of page and zip, whatever page asks: the
// piece must use nothing else of the page (no title, no listing).
func (p *Page) Shared(name string) (template.HTML, error) {
	key := name + "\x00" + p.Lang + "\x00" + p.Root + "\x00" + p.Kind
	if p.Single {
		key += "\x00single"
	}
	return p.render(key, name, p)
}

// Reuse renders the partial name ({{define "name"}}) of v with the page:
// once per language and depth for a value several listings have alike
// (prepareReuse), as it comes for others. Nil values render nothing.
func (p *Page) Reuse(name string, v any) (template.HTML, error) {
	if rv := reflect.ValueOf(v); !rv.IsValid() || rv.Kind() == reflect.Pointer && rv.IsNil() {
		return "", nil
	}
	k, ok := p.reuse.keys[part{name, v}]
	if !ok {
		return p.execute(name, p.With(v))
	}
	return p.render(k+"\x00"+p.Lang+"\x00"+p.Root, name, p.With(v))
}

// Once renders the partial name ({{define "name"}}) of v, a part that
// holds no words (an address, a phone link), once for every language: the
// first page that asks renders it, in its language's templates, for all.
func (p *Page) Once(name string, v any) (template.HTML, error) {
	if v == nil || !reflect.TypeOf(v).Comparable() {
		return p.execute(name, p.With(v))
	}
	return p.render(once{part{name, v}, p.Root}, name, p.With(v))
}

// once is the key of a part rendered for every language.
type once struct {
	part
	root string
}

// piece is a shared piece as rendered, with the links it made through
// Page.URL: a page that takes the piece from the cache notes them as if it
// had made them, so that its zipped copies relink them (Renderer.derive).
type piece struct {
	html  template.HTML
	links []string
}

func (p *Page) render(key any, name string, data any) (template.HTML, error) {
	if p.copy != nil {
		// Rendered for one offline copy, its links are that copy's: not shared.
		return p.execute(name, data)
	}
	if v, ok := p.reuse.done.Load(key); ok {
		pc := v.(piece)
		if p.asked != nil {
			*p.asked = append(*p.asked, pc.links...)
		}
		return pc.html, nil
	}
	outer := p.asked
	var links []string
	p.asked = &links
	html, err := p.execute(name, data)
	p.asked = outer
	if err != nil {
		return "", err
	}
	if outer != nil {
		*outer = append(*outer, links...)
	}
	p.reuse.done.Store(key, piece{html, links})
	return html, nil
}

func (p *Page) execute(name string, data any) (template.HTML, error) {
	t := p.reuse.tmpl[p.Lang].Lookup(name)
	if t == nil {
		return "", fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
