package content

import (
	"slices"
	"testing"
)

// TestMachine: ar_mt: true marks the Arabic text machine-translated; false,
// or no flag, means reviewed; the flag is no language of the text.
func TestMachine(t *testing.T) {
	g, problems := load(t, `name: Resto
categories: [meals]
description: {fr: Repas chaud, ar: وجبة ساخنة, ar_mt: true}
address: {city: Lyon}
access:
  note: {fr: Sans inscription, ar: بدون تسجيل, ar_mt: false}
  price: {fr: Un euro, ar: يورو واحد}
updated: 2026-11-01
`)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	l := g.Listings[0]
	for _, tt := range []struct {
		name string
		text Text
		lang string
		want bool
	}{
		{"flag true", l.Description, "ar", true},
		{"flag true, source language", l.Description, "fr", false},
		{"flag false", l.Access.Note, "ar", false},
		{"no flag", l.Access.Price.Text, "ar", false},
		{"plain text", g.Site.Title, "ar", false},
	} {
		if got := tt.text.Machine(tt.lang); got != tt.want {
			t.Errorf("%s: Machine(%q) = %v, want %v", tt.name, tt.lang, got, tt.want)
		}
	}
	if s, in := l.Description.In(g.Site.Langs(), "ar"); s != "وجبة ساخنة" || in != "ar" {
		t.Errorf("In(ar) = %q, %q", s, in)
	}
	var langs []string
	for k := range l.Description {
		if !IsFlag(k) {
			langs = append(langs, k)
		}
	}
	slices.Sort(langs)
	if !slices.Equal(langs, []string{"ar", "fr"}) {
		t.Errorf("languages of the description = %v, want [ar fr]", langs)
	}
}
