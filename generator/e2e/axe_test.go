package e2e

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeFile is axe-core, as npm installs it.
const axeFile = "testdata/node_modules/axe-core/axe.min.js"

// axeTags are the rule sets axe-core runs: WCAG 2.0 and 2.1, levels A and AA.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]`

// axeServer serves axe-core to the pages under test, from an origin of its
// own so that Chromium caches it (the site's server forbids caching, so that
// every visit is a first visit) and loads it faster than through DevTools.
var axeServer struct {
	once sync.Once
	srv  *httptest.Server
	err  error
}

// axeURL returns the URL of axe-core.
func axeURL(t testing.TB) string {
	t.Helper()
	axeServer.once.Do(func() {
		if _, err := os.Stat(axeFile); err != nil {
			axeServer.err = errors.New("axe-core is not installed in generator/e2e/testdata/node_modules")
			return
		}
		axeServer.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "max-age=3600")
			http.ServeFile(w, r, axeFile)
		}))
	})
	need(t, axeServer.err)
	return axeServer.srv.URL + "/axe.min.js"
}

func stopAxe() {
	if axeServer.srv != nil {
		axeServer.srv.Close()
	}
}

// axeViolation is what axe-core reports for a rule that fails.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target string `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// axeFindings runs axe-core, from src, on the tab's page and lists the
// WCAG 2.1 A and AA violations, one line per element.
func axeFindings(tb *tab, src string) []string {
	_, err := eval[bool](tb, fmt.Sprintf(`new Promise((ok, ko) => {
		const s = document.createElement("script");
		s.src = %q;
		s.onload = () => ok(true);
		s.onerror = () => ko(new Error("cannot load " + s.src));
		document.head.append(s);
	})`, src), chromedp.EvalAwaitPromise)
	if err != nil {
		return []string{"axe-core: " + err.Error()}
	}
	violations, err := eval[[]axeViolation](tb, `axe.run(document, {
		runOnly: {type: "tag", values: `+axeTags+`},
		resultTypes: ["violations"],
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200)})),
	})))`, chromedp.EvalAwaitPromise)
	if err != nil {
		return []string{"axe-core: " + err.Error()}
	}
	var out []string
	for _, v := range violations {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("axe %s (%s): %s: %s %s", v.ID, v.Impact, v.Help, n.Target, strings.Join(strings.Fields(n.HTML), " ")))
		}
	}
	return out
}
