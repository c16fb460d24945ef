package render

import (
	"html/template"
	"regexp"
	"strings"
)

var constantIcon = regexp.MustCompile(`\{\{\s*(?:\$p|\$|\.P|\$\.P)?\.Icon\s+"([a-z0-9_-]+)"\s*\}\}`)

// inlineIcons replaces the theme's pictograms that a template asks for by
// constant name ({{$.Icon "map"}}) with their SVG, once when templates are
// parsed, so that pages do not call Icon for each: a listing page shows a
// dozen. Icons are the theme's own markup, trusted like its templates.
func inlineIcons(src string, icons map[string]template.HTML) string {
	return constantIcon.ReplaceAllStringFunc(src, func(m string) string {
		svg, ok := icons[constantIcon.FindStringSubmatch(m)[1]]
		if !ok || strings.Contains(string(svg), "{{") || strings.Contains(string(svg), "}}") {
			return m // left for the template
		}
		return string(svg)
	})
}
