// Package e2e holds abri's end-to-end tests. It has no code of its own: its
// tests build the demo guide once, serve it on 127.0.0.1 from inside the test
// binary, and look at it the way its readers do, in Debian's Chromium driven
// over the DevTools protocol:
//
//   - over HTTP, one page of each type (root, home, category, city, listing,
//     Markdown page, 404) in each language: no console error, no failed
//     request, no request to another host; no WCAG 2.1 A or AA violation
//     reported by axe-core; a language switcher that leads to the same page
//     in every other language; a right-to-left layout that mirrors; page
//     weights within budget;
//   - from the disk (file://), as from a USB stick: the root page redirects
//     to a language, and every link reachable from the home pages opens a
//     real page, not a folder listing or an error page;
//   - the Nu HTML Checker finds no error in the whole output.
//
// Tests that plant a defect in a copy of the output show that each check
// fails when it should.
//
// The tests need Chromium, and the checkers pinned in testdata/package.json
// (axe-core, vnu-jar, which needs Java). Without them they skip, saying how
// to install them; with ABRI_BROWSER_TESTS=1 a missing tool is a failure.
// github.com/chromedp/chromedp is a test-only dependency: only the _test.go
// files of this package import it, so the abri binary does not link it.
package e2e
