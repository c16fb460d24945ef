package render

import (
	"fmt"
	"strings"
)

// hostFiles are read by web hosts and ignored everywhere else: Netlify's
// _redirects (each language's not-found page), and sitemap.xml when the
// guide has a base_url (a sitemap needs absolute addresses), listing rests,
// the pages of one language below its folder, in each language.
func (s *Site) hostFiles(rests []string) []job {
	var r strings.Builder
	r.WriteString("# Not-found pages in the reader's language (Netlify). Existing files always win.\n")
	root := s.rootPath()
	for _, l := range s.Langs {
		fmt.Fprintf(&r, "%s%s/*  %s%s/404.html  404\n", root, l, root, l)
	}
	jobs := []job{{path: "_redirects", data: []byte(r.String())}}
	if s.canonical("") == "" {
		return jobs
	}
	var locs []string
	for _, l := range s.Langs {
		for _, rest := range rests {
			locs = append(locs, s.canonical(l+"/"+rest))
		}
	}
	return append(jobs, sitemaps(locs, s.canonical, sitemapMax)...)
}

// sitemapMax is the most addresses one sitemap file may hold
// (sitemaps.org): a national guide has hundreds of thousands of pages.
const sitemapMax = 50_000

// sitemaps makes sitemap.xml of the addresses locs; past max addresses it
// is an index of sitemap-<k>.xml files of at most max addresses each.
// at gives the address of a file from the site root.
func sitemaps(locs []string, at func(path string) string, max int) []job {
	urlset := func(locs []string) []byte {
		var m strings.Builder
		m.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		m.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, loc := range locs {
			fmt.Fprintf(&m, "<url><loc>%s</loc></url>\n", xmlEscape(loc))
		}
		m.WriteString("</urlset>\n")
		return []byte(m.String())
	}
	if len(locs) <= max {
		return []job{{path: "sitemap.xml", data: urlset(locs)}}
	}
	var index strings.Builder
	index.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var jobs []job
	for k := 0; k*max < len(locs); k++ {
		name := fmt.Sprintf("sitemap-%d.xml", k+1)
		jobs = append(jobs, job{path: name, data: urlset(locs[k*max : min((k+1)*max, len(locs))])})
		fmt.Fprintf(&index, "<sitemap><loc>%s</loc></sitemap>\n", xmlEscape(at(name)))
	}
	index.WriteString("</sitemapindex>\n")
	return append([]job{{path: "sitemap.xml", data: []byte(index.String())}}, jobs...)
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
