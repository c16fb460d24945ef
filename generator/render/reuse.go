package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
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
	keys map[any]string                // *Hours, *content.Audience, *content.Access shared by several listings -> their value, as JSON
	done sync.Map                      // cache key -> template.HTML
}

// prepareReuse finds the values listings have alike and the templates that
// render shared pieces.
func (s *Site) prepareReuse(tmpls map[string]map[string]*template.Template) {
	r := &reuse{tmpl: map[string]*template.Template{}, keys: map[any]string{}}
	for lang, t := range tmpls {
		r.tmpl[lang] = t["listing"]
	}
	byValue := map[string][]any{}
	add := func(v any) {
		if data, err := json.Marshal(v); err == nil {
			k := fmt.Sprintf("%T%s", v, data)
			byValue[k] = append(byValue[k], v)
		}
	}
	for _, l := range s.Listings {
		if l.Hours != nil {
			add(l.Hours)
		}
		if l.Audience != nil {
			add(l.Audience)
		}
		if l.Access != nil {
			add(l.Access)
		}
	}
	for k, vs := range byValue {
		if len(vs) > 1 { // a value no other listing has is rendered as it comes, not kept
			for _, v := range vs {
				r.keys[v] = k
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

// Reuse renders the partial name ({{define "name"}}) of v, one of a
// listing's hours, audience or access, with the page: once per language
// and depth for a value several listings have alike.
func (p *Page) Reuse(name string, v any) (template.HTML, error) {
	switch x := v.(type) {
	case *Hours:
		if x == nil {
			return "", nil
		}
	case *content.Audience:
		if x == nil {
			return "", nil
		}
	case *content.Access:
		if x == nil {
			return "", nil
		}
	}
	k, ok := p.reuse.keys[v]
	if !ok {
		return p.execute(name, p.With(v))
	}
	return p.render(name+"\x00"+p.Lang+"\x00"+p.Root+"\x00"+k, name, p.With(v))
}

func (p *Page) render(key, name string, data any) (template.HTML, error) {
	if html, ok := p.reuse.done.Load(key); ok {
		return html.(template.HTML), nil
	}
	html, err := p.execute(name, data)
	if err != nil {
		return "", err
	}
	p.reuse.done.Store(key, html)
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
