package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings of the output
		not       []string // must not appear
	}{
		{"paragraph", "Hello *world*", []string{"<p>Hello <em>world</em></p>"}, nil},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\nok <b>x</b>", []string{"ok"}, []string{"<script", "<b>"}},
		{"javascript link", "[x](javascript:alert(1))", []string{`<a href="">x</a>`}, []string{"javascript:"}},
		{"javascript link upper", "[x](JavaScript:alert(1))", nil, []string{"avaScript:"}},
		{"plain link kept", "[about](about.html)", []string{`<a href="about.html">about</a>`}, nil},
		{"escaped text", "a < b & c", []string{"a &lt; b &amp; c"}, nil},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("Render(%q) = %q, want it to contain %q", tt.src, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(string(got), n) {
					t.Errorf("Render(%q) = %q, must not contain %q", tt.src, got, n)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // line:col: message
	}{
		{"image from another site", "Plan :\n\n  ![plan](https://other.host/a.png)", []string{
			"3:3: image https://other.host/a.png is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)"}},
		{"reference-style", "Voir ![carte][c] ici.\n\n[c]: //cdn.example.org/map.png", []string{
			"1:6: image //cdn.example.org/map.png is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)"}},
		{"in a table, after accents", "| é | b |\n|---|---|\n| à | ![](http://x.org/p.gif) |", []string{
			"3:7: image http://x.org/p.gif is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)"}},
		{"a file of the content folder", "![logo](logo.png)", []string{
			`1:1: image "logo.png": abri publishes no image files of the content folder; remove it, or link to a page that shows it`}},
		{"image inside a link", "[![x](https://a.org/b.png)](https://a.org/)", []string{
			"1:2: image https://a.org/b.png is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)"}},
		{"links stay", "[site](https://other.host/) <https://other.host/a.png> [ref]\n\n[ref]: https://x.org/", nil},
		{"inline image", "![point](data:image/png;base64,iVBORw0KGgo=)", nil},
	}
	r := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, is := range r.Check([]byte(tt.src)) {
				got = append(got, fmt.Sprintf("%d:%d: %s", is.Line, is.Col, is.Msg))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Check(%q):\n%s\nwant:\n%s", tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
