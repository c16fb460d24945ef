package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// loadFiles loads the small guide of content_test.go with files replaced.
func loadFiles(t *testing.T, files map[string]string) Problems {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte(site)},
		"categories.yaml":   {Data: []byte(categories)},
		"listings/x/a.yaml": {Data: []byte("name: A\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n")},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	_, ps := Load(fsys, Options{Root: "content", Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), Icons: []string{"food"}})
	return ps
}

// TestSyntaxErrorPositions: a YAML syntax error is reported where it is,
// line and column, in every kind of file; yaml.v3 alone names the line of
// its context, one line too early for some errors, and none on line 1.
func TestSyntaxErrorPositions(t *testing.T) {
	for _, tc := range []struct{ name, file, data, want string }{
		{"tab indentation", "listings/x/a.yaml", "name: A\ncategories: [meals]\naddress:\n  city: Lyon\n\tpostal_code: \"69007\"\nupdated: 2026-11-01\n",
			"content/listings/x/a.yaml:5:1: YAML syntax: found a tab character that violates indentation"},
		{"tab in a list", "categories.yaml", "- id: food\n  icon: food\n  name: x\n\t- id: b\n",
			"content/categories.yaml:4:1: YAML syntax: found a tab character that violates indentation"},
		{"unclosed quote", "listings/x/a.yaml", "name: A\ncategories: [meals]\naddress: {city: Lyon}\nphone: \"04 72\nupdated: 2026-11-01\n",
			"content/listings/x/a.yaml:4:8: YAML syntax: found unexpected end of stream"},
		{"unclosed list", "listings/x/a.yaml", "name: A\ncategories: [meals\naddress: {city: Lyon}\nupdated: 2026-11-01\n",
			"content/listings/x/a.yaml:2:14: YAML syntax: did not find expected ',' or ']'"},
		{"bad mapping", "listings/x/a.yaml", "name: A\ncategories: [meals]\naddress: {city: Lyon}\nnote: Ouvert : lundi\nupdated: 2026-11-01\n",
			"content/listings/x/a.yaml:4:14: YAML syntax: mapping values are not allowed in this context"},
		{"bad mapping on line 1", "listings/x/a.yaml", "name: La Halte: Lyon\ncategories: [meals]\naddress: {city: Lyon}\nupdated: 2026-11-01\n",
			"content/listings/x/a.yaml:1:15: YAML syntax: mapping values are not allowed in this context"},
		{"site.yaml languages", "site.yaml", "title: Guide\nlanguages: [fr, ar\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n",
			"content/site.yaml:2:17: YAML syntax: did not find expected ',' or ']'"},
		{"site.yaml unclosed quote", "site.yaml", "title: \"Guide\nlanguages: [fr, ar]\ntimezone: Europe/Paris\n",
			"content/site.yaml:1:8: YAML syntax: found unexpected end of stream"},
		{"categories.yaml indentation", "categories.yaml", "- id: food\n  icon: food\n name: x\n",
			"content/categories.yaml:3:2: YAML syntax: did not find expected '-' indicator"},
		{"page front matter", "pages/about.fr.md", "---\ntitle: À propos: nous\n---\nBonjour\n",
			"content/pages/about.fr.md:2:16: YAML syntax: mapping values are not allowed in this context"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := loadFiles(t, map[string]string{tc.file: tc.data})
			var syntax []string
			for _, p := range ps {
				if strings.Contains(p.Msg, "YAML syntax") {
					syntax = append(syntax, p.String())
				}
			}
			if len(syntax) != 1 || !strings.HasPrefix(syntax[0], tc.want) {
				t.Errorf("want one syntax error starting %q, got %q", tc.want, syntax)
			}
		})
	}
}
