package e2e

import (
	"compress/gzip"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Budgets, in bytes of gzip: what a reader on a cheap data plan pays.
const (
	listingHTMLBudget = 8 << 10  // the HTML of a listing page
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
func weigh(tb *tab, v visit, dir, origin string) weight {
	tb.t.Helper()
	var w weight
	fetched := map[string]bool{}
	for _, q := range v.Requests {
		if !q.Done || !strings.HasPrefix(q.URL, origin+"/") {
			continue
		}
		ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
		body, err := chromedp.Call(ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: q.ID})
		cancel()
		if err != nil {
			tb.t.Fatalf("reading the body of %s: %v", q.URL, err)
		}
		n := gzipSize(body.Body)
		if q.Type == network.ResourceTypeDocument && w.HTML == 0 {
			w.HTML = n
		}
		w.Total += n
		w.Raw += int(q.Received)
		w.Files++
		fetched[q.URL] = true
	}
	// A phone's browser fetches the icon; headless Chromium may not.
	icons := eval[[]string](tb, `[...document.querySelectorAll("link[rel~=icon]")].map(l => l.href)`)
	for _, icon := range icons {
		u, err := url.Parse(icon)
		if fetched[icon] || err != nil || !strings.HasPrefix(icon, origin+"/") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(u.Path)))
		if err != nil {
			tb.t.Errorf("the icon %s: %v", icon, err)
			continue
		}
		w.Total += gzipSize(b)
		w.Files++
		w.Declared++
	}
	return w
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
	mu   sync.Mutex
	rows []weightRow
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

// weightTable renders the collected weights, one line per page type with
// the heaviest language, then every measure.
func weightTable(order []string) string {
	weights.mu.Lock()
	defer weights.mu.Unlock()
	if len(weights.rows) == 0 {
		return ""
	}
	rows := slices.Clone(weights.rows)
	slices.SortStableFunc(rows, func(a, b weightRow) int {
		return slices.Index(order, a.Kind) - slices.Index(order, b.Kind)
	})
	var s strings.Builder
	fmt.Fprintf(&s, "page weights, first visit, gzip -6 of each body Chromium received (the test server does not compress):\n")
	fmt.Fprintf(&s, "  %-9s %-4s %9s %9s %11s %s\n", "type", "lang", "HTML gz", "total gz", "raw bytes", "files")
	for _, r := range rows {
		fmt.Fprintf(&s, "  %-9s %-4s %9s %9s %11d %d", r.Kind, r.Lang, kb(r.HTML), kb(r.Total), r.Raw, r.Files)
		if r.Declared > 0 {
			fmt.Fprintf(&s, " (%d declared icon not fetched by headless Chromium, counted from the disk)", r.Declared)
		}
		s.WriteString("\n")
	}
	fmt.Fprintf(&s, "  budgets: listing HTML < %s gz; any page's first visit < %s gz\n", kb(listingHTMLBudget), kb(firstVisitBudget))
	return s.String()
}
