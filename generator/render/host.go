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
	var m strings.Builder
	m.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	m.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, l := range s.Langs {
		for _, rest := range rests {
			fmt.Fprintf(&m, "<url><loc>%s</loc></url>\n", xmlEscape(s.canonical(l+"/"+rest)))
		}
	}
	m.WriteString("</urlset>\n")
	return append(jobs, job{path: "sitemap.xml", data: []byte(m.String())})
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
