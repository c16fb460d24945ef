package e2e

import (
	"github.com/chromedp/chromedp"
	"testing"
	"time"
)

func TestZZTiming(t *testing.T) {
	axe := axeSource(t)
	browser(t)
	for i := 0; i < 3; i++ {
		s := time.Now()
		tb := newTab(t, "")
		t.Logf("newTab %v", time.Since(s)); s = time.Now()
		v, _ := tb.open(demo.URL + "/fr/index.html")
		t.Logf("open %v", time.Since(s)); s = time.Now()
		weigh(tb, v, demo.Dir, demo.URL)
		t.Logf("weigh %v", time.Since(s)); s = time.Now()
		eval[chromedp.Void](tb, axe)
		t.Logf("axe inject %v", time.Since(s)); s = time.Now()
		eval[chromedp.Void](tb, "1")
		t.Logf("eval 1 %v", time.Since(s)); s = time.Now()
		eval[int](tb, `axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]}).then(r => r.violations.length)`, chromedp.EvalAwaitPromise)
		t.Logf("axe run %v", time.Since(s)); s = time.Now()
		eval[int](tb, `(async () => { const t = performance.now(); await axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]}); return performance.now() - t })()`, chromedp.EvalAwaitPromise)
		t.Logf("axe run2 %v", time.Since(s)); s = time.Now()
		eval[int](tb, `new Promise(r => setTimeout(() => r(1), 0))`, chromedp.EvalAwaitPromise)
		t.Logf("settimeout0 %v", time.Since(s)); s = time.Now()
		mirrorFindings(tb, false)
		switcherFindings(tb, "nav.langs a", "fr", demo.Langs, func(l string) string { return "/" + l + "/index.html" })
		t.Logf("switch %v", time.Since(s)); s = time.Now()
		followFindings(tb, "nav.langs a", "en", "/en/index.html")
		t.Logf("follow %v", time.Since(s)); s = time.Now()
	}
}
