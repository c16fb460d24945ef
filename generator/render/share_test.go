package render

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// shareGuide is a guide whose places have names that break links (&, #,
// quotes, Arabic), a phone and hours, and one a hidden address.
func shareGuide(t *testing.T, baseURL string) *Renderer {
	t.Helper()
	site := "title: Guide\nlanguages: [fr, ar]\ntimezone: Europe/Paris\ncountry: FR\nlicence: {name: ODbL-1.0}\n"
	if baseURL != "" {
		site += "base_url: " + baseURL + "\n"
	}
	return prepared(t, fstest.MapFS{
		"site.yaml": {Data: []byte(site)},
		"categories.yaml": {Data: []byte("- id: hygiene_and_wellness\n  icon: hygiene_and_wellness\n  name: Hygiène\n" +
			"  children: [{id: shower, name: Douche}]\n")},
		"listings/lyon/amp.yaml": {Data: []byte("name: 'Bains & Douches #2 \"Chez Lou\" دوش'\ncategories: [shower]\n" +
			"address: {street: 3 rue d'Algérie, postal_code: \"69001\", city: Lyon}\nphone: [\"04 78 00 00 00\"]\n" +
			"hours: {mo-fr: 09:00-12:00}\nupdated: 2026-11-01\n")},
		"listings/lyon/cache.yaml": {Data: []byte("name: Refuge\ncategories: [shower]\n" +
			"address: {street: 9 impasse Secrète, postal_code: \"69007\", city: Lyon, hidden: true}\ngeo: [45.7481, 4.8462]\n" +
			"updated: 2026-11-01\n")},
	})
}

// shareLinks returns the share block's links of a page by app, unescaped.
func shareLinks(t *testing.T, r *Renderer, path string) (page string, links map[string]*url.URL) {
	t.Helper()
	data, ok, err := r.File(path)
	if !ok || err != nil {
		t.Fatalf("%s: %v (exists: %v)", path, err, ok)
	}
	page = string(data)
	block := regexp.MustCompile(`(?s)<section class="share".*?</section>`).FindString(page)
	if block == "" {
		t.Fatalf("%s has no share block", path)
	}
	links = map[string]*url.URL{}
	for _, m := range regexp.MustCompile(`<a href="([^"]*)" rel="noreferrer">`).FindAllStringSubmatch(block, -1) {
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatalf("%s: %q: %v", path, m[1], err)
		}
		links[u.Scheme+"://"+u.Host] = u
	}
	if len(links) != 4 {
		t.Fatalf("%s: share links %v, want SMS, WhatsApp, Telegram and e-mail", path, links)
	}
	return page, links
}

// TestShareLinks: without base_url the messages carry the name, address,
// phone and week's hours, encoded so that &, # and quotes stay in the
// text, and no link (a relative one could not be opened elsewhere).
func TestShareLinks(t *testing.T) {
	r := shareGuide(t, "")
	page, links := shareLinks(t, r, "fr/places/amp.html")
	want := "Bains & Douches #2 \"Chez Lou\" دوش\n3 rue d'Algérie, 69001 Lyon\nTéléphone\u202f: 04 78 00 00 00\nHoraires d'ouverture\u202f: lundi – vendredi 09:00–12:00"
	for app, got := range map[string]string{
		"sms://":                links["sms://"].Query().Get("body"),
		"https://wa.me":         links["https://wa.me"].Query().Get("text"),
		"https://t.me":          links["https://t.me"].Query().Get("text"),
		"mailto://":             links["mailto://"].Query().Get("body"),
		"mailto:// (subject)":   links["mailto://"].Query().Get("subject") + "\n" + want[strings.Index(want, "\n")+1:],
		"https://t.me (no url)": links["https://t.me"].Query().Get("url") + want,
	} {
		if got != want {
			t.Errorf("%s: message\n%q\nwant\n%q", app, got, want)
		}
	}
	for app, u := range links {
		if strings.ContainsAny(u.RawQuery, " #\"'\n") || strings.Contains(u.RawQuery, "+") {
			t.Errorf("%s: query %q is not fully encoded", app, u.RawQuery)
		}
	}
	if strings.Contains(page, `data-url=`) || !strings.Contains(page, `class="share-url" hidden`) {
		t.Error("without base_url the page offers a link to copy")
	}
	if ar, _ := shareLinks(t, r, "ar/places/amp.html"); !strings.Contains(ar, `data-week="`) {
		t.Error("the Arabic page has no share block data")
	}
}

// TestShareLinksBaseURL: with base_url the messages end with the page's
// absolute address, which Telegram gets as its url and the copy field shows.
func TestShareLinksBaseURL(t *testing.T) {
	r := shareGuide(t, "https://guide.example.org/lyon/")
	page, links := shareLinks(t, r, "fr/places/amp.html")
	addr := "https://guide.example.org/lyon/fr/places/amp.html"
	if got := links["https://t.me"].Query().Get("url"); got != addr {
		t.Errorf("Telegram url %q, want %q", got, addr)
	}
	for _, body := range []string{links["sms://"].Query().Get("body"), links["https://wa.me"].Query().Get("text"), links["mailto://"].Query().Get("body")} {
		if !strings.HasSuffix(body, "\n"+addr) {
			t.Errorf("message %q does not end with the page's address", body)
		}
	}
	if !strings.Contains(page, `data-url="`+addr+`"`) || !strings.Contains(page, `<input readonly value="`+addr+`"`) {
		t.Error("the share block does not give the absolute address to copy")
	}
}

// TestShareHiddenAddress: the share block of a hidden address has its
// postal code and town, never its street, in its links or its data.
func TestShareHiddenAddress(t *testing.T) {
	r := shareGuide(t, "https://guide.example.org/")
	page, links := shareLinks(t, r, "fr/places/cache.html")
	for _, u := range links {
		q := u.Query()
		for _, v := range []string{q.Get("body"), q.Get("text")} {
			if strings.Contains(v, "impasse") || strings.Contains(v, "Secr") {
				t.Errorf("%s carries the hidden street: %q", u.Scheme, v)
			}
		}
	}
	if got := links["sms://"].Query().Get("body"); !strings.HasPrefix(got, "Refuge\n69007 Lyon\n") {
		t.Errorf("message %q, want the name then the postal code and town", got)
	}
	if strings.Contains(page, "impasse") || strings.Contains(page, "Secr") || !strings.Contains(page, `data-adr="69007 Lyon"`) {
		t.Error("the page of a hidden address shows its street, or not its town")
	}
}

// TestListPage: each language has a list page, linked from every page's
// footer, that says without JavaScript that it needs it, and whose share
// link is absolute when the guide has a base_url.
func TestListPage(t *testing.T) {
	for _, base := range []string{"", "https://guide.example.org/"} {
		r := shareGuide(t, base)
		for _, lang := range []string{"fr", "ar"} {
			data, ok, err := r.File(lang + "/list.html")
			if !ok || err != nil {
				t.Fatalf("%s/list.html: %v (exists: %v)", lang, err, ok)
			}
			page := string(data)
			abs := ""
			if base != "" {
				abs = base + lang + "/list.html"
			}
			for _, want := range []string{"<noscript>", `<div class="saved" data-url="` + abs + `"`, `class="saved-items"`} {
				if !strings.Contains(page, want) {
					t.Errorf("%s/list.html (base_url %q) lacks %q", lang, base, want)
				}
			}
			home, _, _ := r.File(lang + "/index.html")
			if !strings.Contains(string(home), `href="../`+lang+`/list.html"`) {
				t.Errorf("%s/index.html does not link to the list", lang)
			}
		}
	}
}
