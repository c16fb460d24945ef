package e2e

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets axe-core runs: WCAG 2.0 and 2.1, levels A and AA.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]`

var axeScript struct {
	once sync.Once
	src  string
	err  error
}

// axeSource returns the source of axe-core, from testdata/node_modules.
func axeSource(t testing.TB) string {
	t.Helper()
	axeScript.once.Do(func() {
		b, err := os.ReadFile("testdata/node_modules/axe-core/axe.min.js")
		if errors.Is(err, os.ErrNotExist) {
			err = errors.New("axe-core is not installed in generator/e2e/testdata/node_modules")
		}
		axeScript.src, axeScript.err = string(b), err
	})
	need(t, axeScript.err)
	return axeScript.src
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

// axeFindings runs axe-core in the tab's page and lists the WCAG 2.1 A and
// AA violations, one line per element.
func axeFindings(tb *tab, src string) []string {
	tb.t.Helper()
	eval[chromedp.Void](tb, src)
	violations := eval[[]axeViolation](tb, `axe.run(document, {
		runOnly: {type: "tag", values: `+axeTags+`},
		resultTypes: ["violations"],
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200)})),
	})))`, chromedp.EvalAwaitPromise)
	var out []string
	for _, v := range violations {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("axe %s (%s): %s: %s %s", v.ID, v.Impact, v.Help, n.Target, strings.Join(strings.Fields(n.HTML), " ")))
		}
	}
	return out
}
