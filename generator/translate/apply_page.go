package translate

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

var pageKey = regexp.MustCompile(`^pages/([a-z0-9-]+)\.md$`)

// page is a page file cut into its front matter and body.
type page struct {
	data           []byte
	front          *doc // the front matter
	frontAt, endAt int  // the front matter's bytes: data[frontAt:endAt]
	bodyAt         int  // where the body starts; len(data) when the file ends at the fence
	eol            string
}

// cutPage cuts "---\n<yaml>\n---\n<body>" as the guide reads it; nil
// when the file has no front matter.
func cutPage(data []byte) *page {
	p := &page{data: data, eol: "\n"}
	if bytes.HasPrefix(data, []byte("---\r\n")) {
		p.eol = "\r\n"
	}
	fence := []byte(p.eol + "---" + p.eol)
	if !bytes.HasPrefix(data, fence[len(p.eol):]) {
		return nil
	}
	p.frontAt = len(fence) - len(p.eol)
	if i := bytes.Index(data[p.frontAt:], fence); i >= 0 {
		p.endAt, p.bodyAt = p.frontAt+i, p.frontAt+i+len(fence)
	} else if bytes.HasSuffix(data, fence[:len(fence)-len(p.eol)]) {
		p.endAt, p.bodyAt = len(data)-len(fence)+len(p.eol), len(data)
	} else {
		return nil
	}
	front := data[p.frontAt:p.endAt]
	var top yaml.Node
	if yaml.Unmarshal(front, &top) != nil || len(top.Content) == 0 || top.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	p.front = &doc{src: yamlsrc.New(front), root: top.Content[0]}
	return p
}

// title is the front matter's title, and its index in the front matter.
func (p *page) title() (string, int) {
	i := pairIndex(p.front.root, "title")
	if i < 0 || p.front.root.Content[i+1].Kind != yaml.ScalarNode {
		return "", -1
	}
	return p.front.root.Content[i+1].Value, i
}

// body is the page's Markdown, with \n line breaks as the guide reads it.
func (p *page) body() string {
	return strings.ReplaceAll(string(p.data[p.bodyAt:]), "\r\n", "\n")
}

// setTitle rewrites the title in the front matter's edits.
func (p *page) setTitle(text string) error {
	_, i := p.title()
	if i < 0 {
		return errByHand
	}
	end, err := p.front.valueEnd(p.front.root.Content[i+1], p.front.root)
	if err != nil {
		return err
	}
	return p.front.replace(p.front.root, i+1, end, text)
}

// bytes is the page with its new front matter and body.
func (p *page) bytes(body *string) ([]byte, error) {
	front := p.front.src.B
	if len(p.front.edits) > 0 {
		var err error
		if front, err = p.front.result(); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	b.Write(p.data[:p.frontAt])
	b.Write(front)
	if body == nil {
		b.Write(p.data[p.endAt:])
		return b.Bytes(), nil
	}
	b.WriteString(p.eol + "---" + p.eol)
	b.WriteString(strings.ReplaceAll(*body, "\n", p.eol))
	return b.Bytes(), nil
}

// pages applies the title and body of one page (pages/<slug>.md), into
// pages/<slug>.<lang>.md: made from the source page when it is missing.
func (j *job) pages(file string, us []Unit) {
	slug := pageKey.FindStringSubmatch(file)[1]
	srcName := "pages/" + slug + "." + j.src + ".md"
	data, err := fs.ReadFile(j.fsys, srcName)
	src := cutPage(data)
	if err != nil || src == nil {
		why := "no page " + srcName + " in the guide"
		if err == nil {
			why = srcName + " has no front matter (---, title: …, ---): run abri check"
		}
		for _, u := range us {
			j.refuse(u.Key, why)
		}
		return
	}
	srcTitle, _ := src.title()
	var title, body *Unit
	for i, u := range us {
		switch _, where, _ := strings.Cut(u.Key, "#"); where {
		case "title":
			title = &us[i]
		case "body":
			body = &us[i]
		default:
			j.refuse(u.Key, "a page's keys are "+file+"#title and "+file+"#body")
		}
	}
	if title != nil && !j.current(*title, srcTitle) {
		title = nil
	}
	if body != nil && !j.current(*body, src.body()) {
		body = nil
	}
	name := "pages/" + slug + "." + j.lang + ".md"
	data, err = fs.ReadFile(j.fsys, name)
	target := cutPage(data)
	switch {
	case err != nil && body == nil:
		if title != nil {
			j.skip(title.Key, name+" does not exist yet: it is written with the page's body, which is not translated")
		}
		return
	case err != nil:
		target = cutPage(src.data)
	case target == nil:
		for _, u := range []*Unit{title, body} {
			if u != nil {
				j.skip(u.Key, name+" has no front matter (---, title: …, ---): run abri check")
			}
		}
		return
	}
	j.writePage(name, target, title, body, srcTitle, src.body(), err != nil)
}

// writePage writes the title and body into the page target.
func (j *job) writePage(name string, target *page, title, body *Unit, srcTitle, srcBody string, fresh bool) {
	var applied []Unit
	if title != nil {
		cur, _ := target.title()
		changed := fresh || cur != title.Translation
		if changed && cur != title.Translation {
			if err := target.setTitle(title.Translation); err != nil {
				j.skip(title.Key, err.Error())
				title = nil
			}
		}
		if title != nil {
			j.done(*title, srcTitle, changed)
			j.reviewed(*title)
			applied = append(applied, *title)
		}
	}
	var text *string
	if body != nil {
		changed := fresh || target.body() != body.Translation
		if changed {
			text = &body.Translation
		}
		j.done(*body, srcBody, changed)
		j.reviewed(*body)
		applied = append(applied, *body)
	}
	if !fresh && text == nil && len(target.front.edits) == 0 {
		return
	}
	out, err := target.bytes(text)
	if err != nil {
		j.undo(applied, err.Error())
		return
	}
	j.out = append(j.out, output{filepath.Join(j.dirs.Content, filepath.FromSlash(name)), out})
}

// reviewed notes a machine translation written where no flag can say so.
func (j *job) reviewed(u Unit) {
	if u.Machine {
		j.rep.Reviewed = append(j.rep.Reviewed, u.Key)
	}
}
