// Package markdown renders the Markdown pages of a guide: CommonMark with
// tables, no raw HTML (it is dropped), and no link or image to a dangerous
// scheme such as javascript:.
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Renderer turns Markdown into safe HTML. One is made per build.
type Renderer struct{ md goldmark.Markdown }

// New returns a Renderer. It never enables goldmark's unsafe mode: raw HTML
// in pages is omitted, and goldmark leaves dangerous link destinations empty.
func New() *Renderer {
	return &Renderer{md: goldmark.New(goldmark.WithExtensions(extension.Table))}
}

// Render converts src to HTML.
func (r *Renderer) Render(src []byte) (template.HTML, error) {
	var buf bytes.Buffer
	if err := r.md.Convert(src, &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
