package e2e

import (
	"testing"
)

// TestMachineTranslationMark: on a page with machine translations, the
// source text opens with one tap on the mark, in its own language, and the
// page still passes axe.
func TestMachineTranslationMark(t *testing.T) {
	t.Parallel()
	axe := axeURL(t)
	files := map[string]string{
		"site.yaml": "title: {fr: Guide, ar: دليل}\nlanguages: [fr, ar]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: CC-BY-4.0}\n",
		"categories.yaml": "- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: {fr: Hygiène, ar: النظافة, ar_mt: true}\n" +
			"  children: [{id: shower, name: {fr: Douche, ar: دش}}]\n",
		"listings/lyon/halte.yaml": "name: La Halte\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-20\n" +
			"description: {fr: Café et douches chaudes, ar: قهوة وحمامات ساخنة, ar_mt: true}\n",
	}
	s := guideSite(t, files)
	tb := newTab(t, "")
	if _, err := tb.open(s.URL + "/ar/places/halte.html"); err != nil {
		t.Fatal(err)
	}
	source := `document.querySelector("details.nt p")`
	if !tb.waitFor(source + ` && ` + source + `.checkVisibility() === false`) {
		t.Error("the source text is shown before a tap")
	}
	if _, err := eval[bool](tb, `document.querySelector("details.nt summary").click(), true`); err != nil {
		t.Fatal(err)
	}
	if !tb.waitFor(source + `.checkVisibility() && ` + source + `.lang === "fr" && ` + source + `.dir === "ltr" && ` + source + `.textContent === "Café et douches chaudes"`) {
		t.Error("one tap on the mark does not show the French text, marked fr and ltr")
	}
	for _, f := range axeFindings(tb, axe) {
		t.Error(f)
	}
}
