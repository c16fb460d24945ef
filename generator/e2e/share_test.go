package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The listing the share tests open: hours on weekdays and Saturday, so
// that today's (the build day, a Friday) differs from the week's.
const (
	sharePlace = "fr/places/halte-des-canaux.html"
	shareName  = "La Halte des Canaux"
)

// beforeLoad runs script in every page the tab opens from now on, before
// the page's own scripts.
func (tb *tab) beforeLoad(t *testing.T, script string) {
	t.Helper()
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
	need(t, err)
}

// atBuildTime makes hours.js judge "today" on the build day, a Friday.
const atBuildTime = `window.abriNow = Date.UTC(2026, 10, 27, 10, 0);`

// TestShareFallsBackToLinks: without navigator.share the share block keeps
// its plain links, which nothing loads before a tap, and gains a copy button.
func TestShareFallsBackToLinks(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	tb.beforeLoad(t, `delete Navigator.prototype.share; delete navigator.share;`)
	v, err := tb.open(demo.URL + "/" + sharePlace)
	need(t, err)
	if !tb.waitFor(`!document.querySelector("section.share .share-copy").hidden`) {
		t.Fatal("app.js did not wire the share block")
	}
	got, err := eval[[]string](tb, `[...document.querySelectorAll("section.share .share-links a[rel=noreferrer]")].filter(a => a.offsetParent).map(a => a.href.split(/[?:]/)[0] + ":" + a.textContent)`)
	need(t, err)
	if want := "sms:SMS https:WhatsApp https:Telegram mailto:E-mail"; strings.Join(got, " ") != want {
		t.Errorf("visible share links %q, want %q", got, want)
	}
	if hidden, _ := eval[bool](tb, `document.querySelector("section.share .share-do").hidden`); !hidden {
		t.Error("the Share button shows without navigator.share")
	}
	for _, r := range v.Requests {
		if !strings.HasPrefix(r.URL, demo.URL) {
			t.Errorf("the page requested %s on load", r.URL)
		}
	}
}

// TestShareWebShare: where navigator.share exists, one button replaces the
// links and hands it the name, the message with today's hours and the
// page's address (the demo has no base_url: the address it is read at).
func TestShareWebShare(t *testing.T) {
	t.Parallel()
	tb := newTab(t, "")
	tb.beforeLoad(t, atBuildTime+`Object.defineProperty(Navigator.prototype, "share", {configurable: true,
		value: function (d) { window.shared = JSON.stringify(d); return Promise.resolve(); }});`)
	_, err := tb.open(demo.URL + "/" + sharePlace)
	need(t, err)
	if !tb.waitFor(`!document.querySelector("section.share .share-do").hidden && document.querySelector("tr.today")`) {
		t.Fatal("no Share button, or hours.js marked no day as today")
	}
	if hidden, _ := eval[bool](tb, `document.querySelector("section.share .share-links").hidden`); !hidden {
		t.Error("the links still show beside the Share button")
	}
	need(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("section.share .share-do"), chromedp.NodeVisible)))
	if !tb.waitFor(`window.shared`) {
		t.Fatal("the Share button did not call navigator.share")
	}
	raw, err := eval[string](tb, `window.shared`)
	need(t, err)
	var d struct{ Title, Text, URL string }
	need(t, json.Unmarshal([]byte(raw), &d))
	if d.Title != shareName || d.URL != demo.URL+"/"+sharePlace {
		t.Errorf("shared title %q, url %q; want %q, %q", d.Title, d.URL, shareName, demo.URL+"/"+sharePlace)
	}
	if !strings.HasPrefix(d.Text, shareName+"\n") || !strings.HasSuffix(d.Text, "Horaires d'ouverture\u202f: vendredi 09:00–12:00, 14:00–17:30") {
		t.Errorf("shared text %q, want the name first and Friday's hours last", d.Text)
	}
}

// isolatedTab is a tab of a new browser context: a profile of its own,
// whose storage is empty, as a colleague's phone would be.
func isolatedTab(t *testing.T) *tab {
	t.Helper()
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext(), chromedp.WithListener(tb.rec.record))
	t.Cleanup(cancel)
	need(t, chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)))
	ctx, stop := context.WithDeadline(ctx, testDeadline(t))
	t.Cleanup(stop)
	tb.ctx = ctx
	return tb
}

// TestSavedList: two places added from their pages show on the list page,
// with their address; one is removed; the list's link, opened in an empty
// profile, shows the other, by name. Over HTTP and from the disk.
func TestSavedList(t *testing.T) {
	t.Parallel()
	for _, where := range []string{"http", "file"} {
		t.Run(where, func(t *testing.T) {
			at := func(rel string) string { return demo.URL + "/" + rel }
			if where == "file" {
				at = func(rel string) string { return fileURL(demo.Dir, rel) }
			}
			tb := isolatedTab(t)
			for _, rel := range []string{sharePlace, "fr/places/abri-de-nuit-belleville.html"} {
				_, err := tb.open(at(rel))
				need(t, err)
				if !tb.waitFor(`!document.querySelector(".list-add").hidden`) {
					t.Fatalf("%s: no Add to my list button", rel)
				}
				need(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".list-add"), chromedp.NodeVisible)))
				if !tb.waitFor(`document.querySelector(".list-add").disabled`) {
					t.Fatalf("%s: the button did not say the place is in the list", rel)
				}
			}
			_, err := tb.open(at("fr/list.html"))
			need(t, err)
			names := `[...document.querySelectorAll(".saved-items li a")].map(a => a.textContent).join("|")`
			if !tb.waitFor(names + ` === "` + shareName + `|Abri de nuit de Belleville"`) {
				got, _ := eval[string](tb, names)
				t.Fatalf("the list shows %q, want both places in the order added", got)
			}
			if ok, _ := eval[bool](tb, `document.querySelector(".saved-items li").textContent.includes("75010 Paris")`); !ok {
				t.Error("the list does not show the first place's address")
			}
			need(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".saved-items li button"), chromedp.NodeVisible)))
			if !tb.waitFor(names + ` === "Abri de nuit de Belleville"`) {
				t.Fatal("removing the first place did not leave the second alone")
			}
			link, err := eval[string](tb, `document.querySelector(".saved .share-url input").value`)
			need(t, err)
			if !strings.HasSuffix(link, "fr/list.html#ids=abri-de-nuit-belleville") {
				t.Fatalf("the list's link is %q", link)
			}
			_, err = tb.open(at("fr/list.html"))
			need(t, err)
			if !tb.waitFor(names + ` === "Abri de nuit de Belleville"`) {
				t.Error("the removal was not kept")
			}

			other := isolatedTab(t)
			_, err = other.open(link)
			need(t, err)
			if !other.waitFor(names + ` === "Abri de nuit de Belleville" && document.querySelector(".saved-items li").textContent.includes("Ramponeau")`) {
				got, _ := eval[string](other, `document.querySelector(".saved").innerText`)
				t.Fatalf("the list's link in an empty profile shows %q", got)
			}
		})
	}
}
