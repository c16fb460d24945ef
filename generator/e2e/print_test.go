package e2e

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestPrint renders the print edition of each demo city, and a listing
// page, with print media emulation: nothing may overflow the width of an
// A4 sheet, navigation and buttons are not printed, and the PDF that
// Chromium prints has its page count reported.
func TestPrint(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	// A4 at 96 CSS px per inch, less the style sheet's 12 mm side margins.
	const a4 = 794 - 2*45 // px: A4 at 96 per inch, less the style sheet's 12 mm margins
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: a4, Height: 1100, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/fr/print/paris.html", "/ar/print/marseille.html", "/uk/print/lyon.html", "/fr/places/abri-de-nuit-belleville.html", "/uk/places/halte-des-canaux.html", "/ar/places/centre-de-sante-du-faubourg.html"} {
		t.Run(p, func(t *testing.T) {
			if _, err := tb.open(demo.URL + p); err != nil {
				t.Fatal(err)
			}
			over, err := eval[[]string](tb, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1).slice(0, 5).map(e => e.tagName + "." + e.className)`)
			if err != nil {
				t.Fatal(err)
			}
			if len(over) > 0 {
				t.Errorf("%s: overflows the sheet's width: %v", p, over)
			}
			shown, _ := eval[[]string](tb, `[...document.querySelectorAll("nav.langs, footer, button, .crumbs")].filter(e => getComputedStyle(e).display != "none" && e.offsetParent !== null).map(e => e.tagName)`)
			if len(shown) > 0 {
				t.Errorf("%s: navigation or buttons are printed: %v", p, shown)
			}
			res, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true)})
			if err != nil {
				t.Fatal(err)
			}
			pages := len(pdfPage.FindAll(res.Data, -1))
			t.Logf("%s: %d A4 pages, PDF %d KB", p, pages, len(res.Data)/1024)
			if pages == 0 {
				t.Errorf("%s: the PDF has no page", p)
			}
			if bytes.Contains([]byte(p), []byte("/places/")) && pages > 1 {
				t.Errorf("%s: a listing prints on %d sheets", p, pages)
			}
		})
	}
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func ptr[T any](v T) *T { return &v }
