package markdown

import (
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
