package e2e

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// dataLink is a link of the open-data page to a file of the export.
type dataLink struct {
	Href string `json:"href"` // as the browser resolved it
	Text string `json:"text"` // of its list item: the name, the size, the format
}

// TestOpenData opens the open-data page of each language over HTTP and
// from the disk, and follows each of its links to the data as a reader
// does: a click, which downloads the file. What Chromium saves must be
// the build's file, byte for byte, and the page must state its size;
// over HTTP the server must answer the link with the file's type.
func TestOpenData(t *testing.T) {
	t.Parallel()
	for _, over := range []string{"http", "file"} {
		t.Run(over, func(t *testing.T) {
			tb := newTab(t, "")
			dl := tb.downloads(t)
			for _, lang := range demo.Langs {
				page, origin := demo.URL+"/"+lang+"/data.html", demo.URL
				if over == "file" {
					page, origin = fileURL(demo.Dir, lang+"/data.html"), strings.TrimSuffix(fileURL(demo.Dir, ""), "/")
				}
				v, err := tb.open(page)
				if err != nil {
					t.Fatalf("opening %s: %v", page, err)
				}
				check := checker(t, page)
				check("loading", loadFindings(v, origin, 200))
				links, err := eval[[]dataLink](tb, `[...document.querySelectorAll("main a[download]")].map(a => ({href: a.href, text: a.closest("li").innerText}))`)
				if err != nil {
					t.Fatal(err)
				}
				if len(links) < 2 {
					t.Fatalf("%s: %d links to data files, want at least places.geojson and places.csv", page, len(links))
				}
				for i, l := range links {
					if i > 0 { // each link from the page as it opens: a click may leave it
						if _, err := tb.open(page); err != nil {
							t.Fatalf("opening %s: %v", page, err)
						}
					}
					check(l.Href, dataLinkFindings(tb, dl, over, origin, i, l))
				}
			}
		})
	}
}

// dataLinkFindings follows the i-th data link of the page open in tb.
func dataLinkFindings(tb *tab, dl *downloads, over, origin string, i int, l dataLink) []string {
	u, err := url.Parse(l.Href)
	if err != nil || !strings.HasPrefix(l.Href, origin+"/") {
		return []string{"the link leaves the site"}
	}
	rel := strings.TrimPrefix(u.Path, strings.TrimPrefix(origin, "file://")+"/")
	if over == "http" {
		rel = strings.TrimPrefix(u.Path, "/")
	}
	want, err := os.ReadFile(filepath.Join(demo.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return []string{fmt.Sprintf("%s is not a file of the build: %v", rel, err)}
	}
	var out []string
	if n := sizeNumber(int64(len(want))); !strings.Contains(l.Text, n) {
		out = append(out, fmt.Sprintf("the page says %q of a file of %d bytes (want %s in it)", l.Text, len(want), n))
	}
	if over == "http" {
		type answer struct {
			Status int    `json:"status"`
			Type   string `json:"type"`
		}
		a, err := eval[answer](tb, fmt.Sprintf(`fetch(%q).then(r => ({status: r.status, type: r.headers.get("content-type") || ""}))`, l.Href), chromedp.EvalAwaitPromise)
		switch wantType := mime.TypeByExtension(path.Ext(rel)); {
		case err != nil:
			out = append(out, err.Error())
		case a.Status != 200:
			out = append(out, fmt.Sprintf("answered %d", a.Status))
		case wantType != "" && a.Type != wantType, a.Type == "" || strings.HasPrefix(a.Type, "text/html"):
			out = append(out, fmt.Sprintf("served as %q, want %q", a.Type, wantType))
		}
	}
	got, shown, err := dl.click(tb, i, l.Href)
	switch {
	case err != nil:
		out = append(out, err.Error())
	case shown && strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)):
		out = append(out, fmt.Sprintf("Chromium shows %d bytes that are not %s (%d bytes)", len(got), rel, len(want)))
	case !shown && !bytes.Equal(got, want):
		out = append(out, fmt.Sprintf("the click downloads %d bytes that are not %s (%d bytes)", len(got), rel, len(want)))
	}
	return out
}

// sizeNumber is the number the page states for a size, as Page.Size
// rounds it: kilobytes under a megabyte, megabytes with one decimal above.
func sizeNumber(n int64) string {
	if n < 1000*1000 {
		return strconv.FormatInt(max(1, (n+500)/1000), 10)
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
}

// downloads are the files Chromium saves for a tab, each named by its
// download's id in a folder of the test.
type downloads struct {
	dir    string
	events chan any // in the order Chromium sent them: a download begins before it ends
}

// downloads lets the tab's downloads be saved, and listens for them.
func (tb *tab) downloads(t *testing.T) *downloads {
	t.Helper()
	d := &downloads{dir: t.TempDir(), events: make(chan any, 256)}
	keep := func(ev any) {
		switch ev := ev.(type) {
		case *cdpbrowser.EventDownloadWillBegin:
		case *cdpbrowser.EventDownloadProgress:
			if ev.State == cdpbrowser.DownloadProgressStateInProgress {
				return
			}
		default:
			return
		}
		select {
		case d.events <- ev:
		default: // never block Chromium's events; a lost event fails the test at its deadline
		}
	}
	// Chromium sends the events of downloads to the browser, or to the tab
	// that set the behaviour, depending on its version: listen to both.
	if err := chromedp.Listen(tb.ctx, keep); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.ListenBrowser(tb.ctx, keep); err != nil {
		t.Fatal(err)
	}
	events := true
	_, err := chromedp.Call(tb.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: d.dir, EventsEnabled: &events})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// click clicks the i-th data link of the page and returns the bytes that
// the download of href saved, once Chromium says it is over; or, when
// Chromium opens the file instead (from the disk it shows a .geojson as
// text, whatever the link's download attribute), the text it shows.
func (d *downloads) click(tb *tab, i int, href string) (data []byte, shown bool, err error) {
	ctx, stop := context.WithCancel(tb.ctx)
	defer stop()
	opened := make(chan string, 1)
	go func() {
		viewer := &tab{ctx: ctx}
		if viewer.waitFor(fmt.Sprintf(`location.href == %q && document.readyState == "complete"`, href)) {
			text, err := eval[string](viewer, `document.body.innerText`)
			if err != nil {
				text = "" // compared with the file, it fails the test
			}
			opened <- text
		}
	}()
	if _, err := eval[bool](tb, fmt.Sprintf(`(document.querySelectorAll("main a[download]")[%d].click(), true)`, i)); err != nil {
		return nil, false, err
	}
	guid := ""
	for {
		select {
		case <-tb.ctx.Done():
			return nil, false, fmt.Errorf("the click neither downloads nor opens the file before the test's deadline")
		case text := <-opened:
			return []byte(text), true, nil
		case ev := <-d.events:
			switch ev := ev.(type) {
			case *cdpbrowser.EventDownloadWillBegin:
				if ev.URL == href {
					guid = ev.GUID
				}
			case *cdpbrowser.EventDownloadProgress:
				if ev.GUID != guid {
					continue // another tab's, or an earlier link's
				}
				if ev.State != cdpbrowser.DownloadProgressStateCompleted {
					return nil, false, fmt.Errorf("the download ends %s", ev.State)
				}
				data, err := os.ReadFile(filepath.Join(d.dir, guid))
				return data, false, err
			}
		}
	}
}
