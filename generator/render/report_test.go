package render

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

var reportLinks = regexp.MustCompile(`<p class="report">(.*?)</p>`)

// reportGuide is a guide of one listing whose name has every character a
// mailto: could break on, at a hidden address, with site.yaml ending in extra.
func reportGuide(t *testing.T, extra string) map[string]string {
	t.Helper()
	return renderAll(t, prepared(t, fstest.MapFS{
		"site.yaml":       {Data: []byte("title: Guide\nlanguages: [fr, ar]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n" + extra)},
		"categories.yaml": {Data: []byte("- id: food\n  icon: food\n  name: {fr: Alimentation, ar: طعام}\n  children: [{id: meals, name: {fr: Repas, ar: وجبات}}]\n")},
		"listings/lyon/cafe.yaml": {Data: []byte("name: \"Café & Co? #1 + 100% مطعم\"\ncategories: [meals]\n" +
			"address: {street: 12 rue Secrète, postal_code: \"69007\", city: Lyon, hidden: true}\nupdated: 2026-11-01\n")},
	}))
}

// TestReportChange: the listing page's "Report a change" is a mailto: to
// the guide's contact whose subject and body, decoded as RFC 6068 says,
// are the page language's words with the listing's name, id and page,
// and never its hidden street.
func TestReportChange(t *testing.T) {
	pages := reportGuide(t, "base_url: https://guide.example.org/\ncontact: {email: a.b+guide@example.org}\n")
	for _, c := range []struct{ lang, subject, page string }{
		{"fr", "Changement sur une fiche\u202f: Café & Co? #1 + 100% مطعم (cafe)", "Page\u202f: https://guide.example.org/fr/places/cafe.html"},
		{"ar", "تغيير في بطاقة: Café & Co? #1 + 100% مطعم (cafe)", "الصفحة: https://guide.example.org/ar/places/cafe.html"},
	} {
		m := reportLinks.FindStringSubmatch(pages[c.lang+"/places/cafe.html"])
		if m == nil {
			t.Fatalf("%s: no report link", c.lang)
		}
		href := html.UnescapeString(regexp.MustCompile(`href="([^"]*)"`).FindStringSubmatch(m[1])[1])
		if _, query, _ := strings.Cut(href, "?"); strings.ContainsAny(query, "# +?") || strings.Count(query, "&") != 1 {
			t.Errorf("%s: a field is not encoded: %s", c.lang, href)
		}
		for _, r := range href {
			if r > 127 {
				t.Fatalf("%s: %q is not percent-encoded in %s", c.lang, r, href)
			}
		}
		u, err := url.Parse(href)
		if err != nil || u.Scheme != "mailto" || u.Opaque != "a.b+guide@example.org" {
			t.Fatalf("%s: %s: %v", c.lang, href, err)
		}
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Get("subject"); got != c.subject {
			t.Errorf("%s: subject %q, want %q", c.lang, got, c.subject)
		}
		body := q.Get("body")
		if !strings.Contains(body, c.page+"\r\n") || !strings.Contains(body, "Café & Co? #1 + 100% مطعم\r\n") {
			t.Errorf("%s: body lacks the page or the name, line by line: %q", c.lang, body)
		}
		if strings.Contains(href, "Secr") || strings.Contains(body, "Secrète") || strings.Contains(body, "69007") {
			t.Errorf("%s: the mail names the hidden address: %q", c.lang, body)
		}
		if strings.Contains(m[1], "edit") {
			t.Errorf("%s: an edit link without a repository: %s", c.lang, m[1])
		}
	}
}

// TestReportLinks: without base_url the page is named by its path; a
// repository adds the edit link; with neither contact nor repository
// there is no link at all.
func TestReportLinks(t *testing.T) {
	p := reportGuide(t, "contact: {email: c@example.org}\nrepository: {url: https://codeberg.org/org/guide}\n")["fr/places/cafe.html"]
	m := reportLinks.FindStringSubmatch(p)
	if m == nil || !strings.Contains(m[1], "Page%E2%80%AF%3A%20fr%2Fplaces%2Fcafe.html%0D%0A") ||
		!strings.Contains(m[1], `<a href="https://codeberg.org/org/guide/_edit/main/content/listings/lyon/cafe.yaml">Modifier cette fiche</a>`) {
		t.Errorf("report links: %v", m)
	}
	p = reportGuide(t, "repository: {url: https://github.com/org/guide}\n")["fr/places/cafe.html"]
	if m := reportLinks.FindStringSubmatch(p); m == nil || strings.Contains(m[1], "mailto:") || !strings.Contains(m[1], "github.com/org/guide/edit/main/") {
		t.Errorf("repository only: %v", m)
	}
	for path, p := range reportGuide(t, "") {
		if strings.Contains(p, `class="report"`) {
			t.Errorf("%s: report links with no contact nor repository", path)
		}
	}
}
