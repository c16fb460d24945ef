package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium is the browser of the whole test binary: one process, started on
// first use, with a new tab for each test.
var chromium struct {
	once    sync.Once
	ctx     context.Context // the browser's context; tabs are its children
	stop    func()
	missing error // no browser on this machine
	err     error // a browser that did not start
}

// install says how to get what the tests need.
const install = "run generator/e2e/testdata/install.sh, which runs apt-get install -y chromium and npm ci --ignore-scripts --prefix generator/e2e/testdata"

// need skips the test when a tool is missing, or fails it when
// ABRI_BROWSER_TESTS=1 says that the machine must have every tool. With
// -short it skips: the suite takes a minute or two.
func need(t testing.TB, err error) {
	t.Helper()
	skipShort(t)
	if err == nil {
		return
	}
	if os.Getenv("ABRI_BROWSER_TESTS") == "1" {
		t.Fatalf("%v; with ABRI_BROWSER_TESTS=1 this is a failure; install: %s", err, install)
	}
	t.Skipf("%v; install: %s; ABRI_BROWSER_TESTS=1 turns this skip into a failure", err, install)
}

func skipShort(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short skips the tests in a browser and the HTML checker")
	}
}

// browser returns the context of the package's browser, starting it if need be.
func browser(t testing.TB) context.Context {
	t.Helper()
	skipShort(t)
	chromium.once.Do(startChromium)
	need(t, chromium.missing)
	if chromium.err != nil {
		t.Fatal(chromium.err)
	}
	return chromium.ctx
}

func startChromium() {
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		chromium.missing = errors.New("no Chromium on PATH (chromium, chromium-browser, google-chrome)")
		return
	}
	// Every request that leaves 127.0.0.1 goes to a proxy that hangs up, and
	// no host name resolves: the suite never reaches the network, even when a
	// planted defect points at a font server. The attempt still shows in the
	// page's network events, which is what the checks look at.
	deadEnd, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		chromium.err = err
		return
	}
	go func() {
		for {
			c, err := deadEnd.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in a container
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.Flag("proxy-server", "http://"+deadEnd.Addr().String()),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	chromium.ctx = ctx
	chromium.stop = func() { cancel(); cancelAlloc(); deadEnd.Close() }
	if err := chromedp.Do(ctx); err != nil {
		chromium.err = fmt.Errorf("starting %s: %w", exe, err)
	}
}

// stopChromium ends the browser, if it was started.
func stopChromium() {
	if chromium.stop != nil {
		chromium.stop()
	}
}

// tab is a browser tab that records what its pages load and log.
type tab struct {
	// ctx ends at the test's deadline, and bounds every wait of the tab:
	// no step has a shorter timeout of its own, which a loaded machine
	// would overrun.
	ctx context.Context
	rec recorder
}

// newTab opens a tab for the life of the test. acceptLanguage, when not
// empty, is the language the tab says its reader prefers.
func newTab(t testing.TB, acceptLanguage string) *tab {
	t.Helper()
	parent := browser(t)
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithListener(tb.rec.record))
	t.Cleanup(cancel)
	// The first action opens the tab, which lives as long as its context:
	// the one without a deadline.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)); err != nil { // a cheap phone
		t.Fatal(err)
	}
	ctx, stop := context.WithDeadline(ctx, testDeadline(t))
	t.Cleanup(stop)
	tb.ctx = ctx
	if acceptLanguage != "" {
		ua, err := eval[string](tb, "navigator.userAgent")
		if err == nil {
			p := emulation.SetUserAgentOverrideParams{UserAgent: ua, AcceptLanguage: acceptLanguage}
			_, err = chromedp.Call(ctx, emulation.SetUserAgentOverride, p)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return tb
}

// testDeadline is when the waits of a test give up: a little before go
// test's -timeout ends the binary, so that a wait that never ends fails
// with a message rather than a dump of goroutines.
func testDeadline(t testing.TB) time.Time {
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if end, ok := d.Deadline(); ok {
			return end.Add(-min(30*time.Second, time.Until(end)/10))
		}
	}
	return time.Now().Add(10 * time.Minute) // -timeout 0
}

// open loads url and returns what the load did. The error is the
// browser's, when it could not open the page at all.
func (tb *tab) open(url string) (visit, error) {
	tb.rec.reset()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url)); err != nil {
		return visit{URL: url}, err
	}
	return tb.rec.visit(url), nil
}

// eval evaluates a JavaScript expression in the tab's page and decodes its value.
func eval[T any](tb *tab, expr string, opts ...chromedp.EvaluateOption) (T, error) {
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		err = fmt.Errorf("evaluating %.50q: %w", expr, err)
	}
	return v, err
}

// untilJS is a promise, in the page, that resolves when the predicate %s
// (an expression, or a promise of a value) is true. The page checks it on
// every change of its document, and every 50 ms for what changes without
// an event: caches, the service worker, the address after a redirect.
const untilJS = `new Promise(resolve => {
	let done = false, busy = false;
	const check = async () => {
		if (done || busy) return;
		busy = true;
		let ok = false;
		try { ok = !!(await (%s)); } catch (e) {}
		busy = false;
		if (ok && !done) { done = true; observer.disconnect(); clearInterval(timer); resolve(true); }
	};
	const observer = new MutationObserver(check);
	observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
	const timer = setInterval(check, 50);
	check();
})`

// waitFor waits until a JavaScript predicate, which may return a promise,
// is true, across navigations, and says whether it became true before the
// test's deadline. A predicate that throws is taken as false until it
// stops throwing.
func (tb *tab) waitFor(predicate string) bool {
	expr := fmt.Sprintf(untilJS, predicate)
	for tb.ctx.Err() == nil {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		if err == nil {
			return ok
		}
		if exc := (*chromedp.ExceptionError)(nil); errors.As(err, &exc) {
			return false // the predicate is not valid JavaScript
		}
		// The page navigated away before the predicate held: ask the next
		// one, once it is there.
		select {
		case <-tb.ctx.Done():
		case <-time.After(20 * time.Millisecond):
		}
	}
	return false
}

// watchLeaving marks every page the tab opens from now on as soon as it
// starts to navigate away (window.abriLeaving), before any script of the
// page runs, so that a test can tell a page that will not redirect from
// one that has not redirected yet.
func (tb *tab) watchLeaving() error {
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.abriWatching = true; addEventListener("beforeunload", () => { window.abriLeaving = true; });`})
	return err
}
