package e2e

import (
	"fmt"
	"net/url"

	"github.com/chromedp/chromedp"
)

// langLink is a link of a language switcher.
type langLink struct {
	Lang    string `json:"lang"`
	Href    string `json:"href"` // resolved by the browser
	Current string `json:"current"`
}

// switcherFindings checks the language switcher of the tab's page, the links
// that sel selects: one link per language of langs, each leading to twin(lang),
// the link of the page's own language, current, marked aria-current="page"
// (current is empty on a page of no language, such as the root).
func switcherFindings(tb *tab, sel, current string, langs []string, twin func(lang string) string) []string {
	links, err := eval[[]langLink](tb, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(a => ({
		lang: a.hreflang, href: a.href, current: a.getAttribute("aria-current") || ""}))`, sel))
	if err != nil {
		return []string{err.Error()}
	}
	byLang := map[string]langLink{}
	for _, l := range links {
		byLang[l.Lang] = l
	}
	var out []string
	if len(links) != len(langs) {
		out = append(out, fmt.Sprintf("%s: %d links, want one per language (%v)", sel, len(links), langs))
	}
	for _, lang := range langs {
		l, ok := byLang[lang]
		if !ok {
			out = append(out, fmt.Sprintf("%s: no link with hreflang=%q", sel, lang))
			continue
		}
		if u, err := url.Parse(l.Href); err != nil || u.Path != twin(lang) {
			out = append(out, fmt.Sprintf("%s: the %s link leads to %s, want %s", sel, lang, l.Href, twin(lang)))
		}
		if want := map[bool]string{true: "page"}[lang == current]; l.Current != want {
			out = append(out, fmt.Sprintf("%s: the %s link has aria-current=%q, want %q", sel, lang, l.Current, want))
		}
	}
	return out
}

// followFindings clicks the switcher's link to lang, as a reader does, and
// checks that it opens twin in that language. It leaves the tab on that page.
func followFindings(tb *tab, sel, lang, twin string) []string {
	link := fmt.Sprintf("%s[hreflang=%q]", sel, lang)
	resp, err := chromedp.RunResponse(tb.ctx, chromedp.Click(chromedp.CSS(link), chromedp.NodeVisible))
	if err != nil {
		return []string{fmt.Sprintf("clicking %s: %v", link, err)}
	}
	var out []string
	if u, err := url.Parse(resp.URL); err != nil || u.Path != twin || resp.Status != 200 {
		out = append(out, fmt.Sprintf("clicking %s opened %s (HTTP %d), want %s", link, resp.URL, resp.Status, twin))
	}
	if got, err := eval[string](tb, "document.documentElement.lang"); err != nil || got != lang {
		out = append(out, fmt.Sprintf("clicking %s opened a page in %q, want %q", link, got, lang))
	}
	return out
}

// layout is where the first link of the page's language switcher sits,
// and the page's direction.
type layout struct {
	Dir       string  `json:"dir"`       // the dir attribute of <html>
	Direction string  `json:"direction"` // the computed CSS direction
	Left      float64 `json:"left"`      // gap between the link and the viewport's left edge
	Right     float64 `json:"right"`     // gap on the right
	Width     float64 `json:"width"`     // viewport width
}

// mirrorFindings checks that the tab's page runs right to left when wantRTL
// says so, and left to right otherwise, in its markup and in its layout: the
// first link of the language switcher, the first item of a row, must sit
// closer to the start edge than to the end edge. (A short item: a long one,
// such as the brand link, fills a phone's width and sits at both edges.)
func mirrorFindings(tb *tab, wantRTL bool) ([]string, layout) {
	l, err := eval[layout](tb, `(() => {
		const a = document.querySelector("nav.langs li"), w = document.documentElement.clientWidth;
		const r = a ? a.getBoundingClientRect() : {left: 0, right: w};
		return {dir: document.documentElement.getAttribute("dir") || "",
			direction: getComputedStyle(document.body).direction,
			left: r.left, right: w - r.right, width: w};
	})()`)
	if err != nil {
		return []string{err.Error()}, l
	}
	want := map[bool]string{false: "ltr", true: "rtl"}[wantRTL]
	var out []string
	if l.Dir != want {
		out = append(out, fmt.Sprintf(`<html dir=%q>, want %q`, l.Dir, want))
	}
	if l.Direction != want {
		out = append(out, fmt.Sprintf("computed direction %q, want %q", l.Direction, want))
	}
	if start, end := l.Left, l.Right; wantRTL && start <= end || !wantRTL && start >= end {
		out = append(out, fmt.Sprintf("the layout does not run %s: the language switcher's first link is %.0fpx from the left edge and %.0fpx from the right edge of a %.0fpx viewport", want, l.Left, l.Right, l.Width))
	}
	return out, l
}
