package e2e

import (
	"compress/gzip"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Budgets, in bytes of gzip: what a reader on a cheap data plan pays.
const (
	listingHTMLBudget = 6 << 10  // the HTML of a listing page
	firstVisitBudget  = 30 << 10 // everything a first visit to a page loads
)

// weight is what a first visit to a page costs. The test server does not
// compress, as no static host is obliged to, so the gzip sizes are computed
// here from the bodies Chromium received.
type weight struct {
	HTML     int // gzip size of the page's HTML
	Total    int // gzip size of all it loads, and of the icons it declares
	Raw      int // bytes Chromium received, uncompressed, headers included
	Files    int // resources counted in Total
	Declared int // of which icons the page declares but headless Chromium did not fetch
}

// weigh measures the first visit v of the tab's page, served from dir at origin.
func weigh(tb *tab, v visit, dir, origin string) (weight, error) {
	var w weight
	fetched := map[string]bool{}
	for _, q := range v.Requests {
		if !q.Done || !strings.HasPrefix(q.URL, origin+"/") {
			continue
		}
		body, err := chromedp.Call(tb.ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: q.ID})
		data := body.Body
		if err != nil {
			// Chromium drops bodies it no longer needs (a manifest, once
			// parsed); the file served is in dir.
			rel, _, _ := strings.Cut(strings.TrimPrefix(q.URL, origin+"/"), "?")
			disk, derr := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if derr != nil {
				return w, fmt.Errorf("reading the body of %s: %w", q.URL, err)
			}
			data = disk
		}
		n := gzipSize(data)
		if q.Type == network.ResourceTypeDocument && w.HTML == 0 {
			w.HTML = n
		}
		w.Total += n
		w.Raw += int(q.Received)
		w.Files++
		fetched[q.URL] = true
	}
	// A phone's browser fetches the icon; headless Chromium may not.
	icons, err := eval[[]string](tb, `[...document.querySelectorAll("link[rel~=icon]")].map(l => l.href)`)
	if err != nil {
		return w, err
	}
	for _, icon := range icons {
		u, err := url.Parse(icon)
		if fetched[icon] || err != nil || !strings.HasPrefix(icon, origin+"/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(u.Path)))
		if err != nil {
			return w, fmt.Errorf("the icon %s: %w", icon, err)
		}
		w.Total += gzipSize(b)
		w.Files++
		w.Declared++
	}
	return w, nil
}

// gzipSize returns the size of b compressed by gzip at its default level.
func gzipSize(b []byte) int {
	var n countWriter
	z := gzip.NewWriter(&n)
	z.Write(b)
	z.Close()
	return int(n)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// budgetFindings checks a page's weight against the budgets.
func budgetFindings(kind string, w weight) []string {
	var out []string
	if kind == "listing" && w.HTML >= listingHTMLBudget {
		out = append(out, fmt.Sprintf("the listing's HTML weighs %s gzipped, over the budget of %s", kb(w.HTML), kb(listingHTMLBudget)))
	}
	if w.Total >= firstVisitBudget {
		out = append(out, fmt.Sprintf("a first visit loads %s gzipped, over the budget of %s", kb(w.Total), kb(firstVisitBudget)))
	}
	return out
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

// weights collects the weights the tests measured, for the table that
// TestMain prints at the end.
var weights struct {
	mu       sync.Mutex
	rows     []weightRow
	listings string // the heaviest of all listing pages
}

type weightRow struct {
	Kind, Lang string
	weight
}

func report(kind, lang string, w weight) {
	weights.mu.Lock()
	defer weights.mu.Unlock()
	weights.rows = append(weights.rows, weightRow{kind, lang, w})
}

// weightTable renders the collected weights: a line per page type, a
// column per language.
func weightTable(kinds, langs []string) string {
	weights.mu.Lock()
	defer weights.mu.Unlock()
	var s strings.Builder
	if len(weights.rows) == 0 {
		if weights.listings != "" {
			fmt.Fprintf(&s, "e2e: %s\n", weights.listings)
		}
		return s.String()
	}
	s.WriteString("e2e: weight of a first visit, HTML / everything, gzipped (the test server does not compress: gzip -6 of each body Chromium received, plus the icon a page declares, which headless Chromium does not fetch)\n")
	fmt.Fprintf(&s, "  %-13s", "")
	for _, l := range langs {
		fmt.Fprintf(&s, "  %-15s", l)
	}
	s.WriteString("\n")
	for _, k := range kinds {
		cells := map[string]string{}
		for _, r := range weights.rows {
			if r.Kind == k {
				cells[r.Lang] = kb(r.HTML) + " / " + kb(r.Total)
			}
		}
		if len(cells) == 0 {
			continue
		}
		fmt.Fprintf(&s, "  %-13s", k)
		if c, ok := cells[""]; ok {
			fmt.Fprintf(&s, "  %s (no language)", c)
		}
		for _, l := range langs {
			if c, ok := cells[l]; ok {
				fmt.Fprintf(&s, "  %-15s", strings.ReplaceAll(c, " KB", ""))
			}
		}
		s.WriteString("\n")
	}
	if weights.listings != "" {
		fmt.Fprintf(&s, "  %s\n", weights.listings)
	}
	fmt.Fprintf(&s, "  budgets: the HTML of a listing < %s, a first visit to any page < %s\n", kb(listingHTMLBudget), kb(firstVisitBudget))
	return s.String()
}

// TestListingWeights holds every listing page of the output to the HTML
// budget, not only those the browser opens.
func TestListingWeights(t *testing.T) {
	t.Parallel()
	names, err := filepath.Glob(filepath.Join(demo.Dir, "*", "places", "*.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no listing pages in the output: %v", err)
	}
	heaviest, most := "", 0
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(demo.Dir, name)
		n := gzipSize(b)
		if n >= listingHTMLBudget {
			t.Errorf("%s: %s gzipped, over the budget of %s", rel, kb(n), kb(listingHTMLBudget))
		}
		if n > most {
			heaviest, most = rel, n
		}
	}
	summary := fmt.Sprintf("all %d listing pages: the heaviest HTML is %s, %s gzipped", len(names), heaviest, kb(most))
	t.Log(summary)
	weights.mu.Lock()
	weights.listings = summary
	weights.mu.Unlock()
}
