package render

import (
	"fmt"
	"strings"
)

// hostFiles are read by web hosts and ignored everywhere else: Netlify's
// _redirects (each language's not-found page), and sitemap.xml when the
// guide has a base_url (a sitemap needs absolute addresses).
func (s *Site) hostFiles() []job {
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
		for _, rest := range s.rests() {
			fmt.Fprintf(&m, "<url><loc>%s</loc></url>\n", xmlEscape(s.canonical(l+"/"+rest)))
		}
	}
	m.WriteString("</urlset>\n")
	return append(jobs, job{path: "sitemap.xml", data: []byte(m.String())})
}

// rests lists the pages of one language, below its folder.
func (s *Site) rests() []string {
	out := []string{"index.html", "search.html"}
	for _, c := range s.allCategories() {
		out = append(out, "categories/"+c.ID+".html")
	}
	for _, c := range s.Cities {
		out = append(out, "cities/"+c.Slug+".html", "print/"+c.Slug+".html")
	}
	for _, l := range s.Listings {
		out = append(out, "places/"+l.ID+".html")
	}
	for _, p := range s.Pages {
		out = append(out, "pages/"+p.Slug+".html")
	}
	return out
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
