package e2e

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestZZ2(t *testing.T) {
	axeSource(t)
	browser(t)
	mux := http.NewServeMux()
	mux.Handle("/", staticHost(demo.Dir))
	mux.HandleFunc("/.e2e/axe.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, "testdata/node_modules/axe-core/axe.min.js") })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i := 0; i < 3; i++ {
		tb := newTab(t, "")
		tb.open(srv.URL + "/fr/index.html")
		s := time.Now()
		ms := eval[float64](tb, `new Promise((ok, ko) => { const t = performance.now(); const s = document.createElement("script"); s.src = "/.e2e/axe.js"; s.onload = () => ok(performance.now() - t); s.onerror = ko; document.head.append(s) })`, chromedp.EvalAwaitPromise)
		t.Logf("axe script tag %v (in page %vms)", time.Since(s), ms); s = time.Now()
		ms = eval[float64](tb, `(async () => { const t = performance.now(); await axe.run(document, {runOnly: {type: "tag", values: `+axeTags+`}, resultTypes: ["violations"]}); return performance.now() - t })()`, chromedp.EvalAwaitPromise)
		t.Logf("axe run %v (in page %vms)", time.Since(s), ms); s = time.Now()
	}
}
