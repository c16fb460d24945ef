package hours

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestJavaScript runs testdata/hours_vectors.test.js under Node's test
// runner: the shared vectors against themes/default/static/hours.js, plus
// its texts and page binding. The machine's zone is set far from the
// guides' to show that it does not matter.
func TestJavaScript(t *testing.T) {
	node := nodeOrSkip(t)
	cmd := exec.Command(node, "--test", "testdata/hours_vectors.test.js")
	cmd.Env = append(os.Environ(), "TZ=Pacific/Kiritimati")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test testdata/hours_vectors.test.js: %v\n%s", err, out)
	}
}

// TestJavaScriptBenchmark reports how long hours.js takes on 2,000
// listings (go test -v shows it); it fails only if the script does.
func TestJavaScriptBenchmark(t *testing.T) {
	if testing.Short() {
		t.Skip("benchmark")
	}
	node := nodeOrSkip(t)
	out, err := exec.Command(node, "testdata/hours_bench.js").CombinedOutput()
	if err != nil {
		t.Fatalf("node testdata/hours_bench.js: %v\n%s", err, out)
	}
	t.Log(strings.TrimSpace(string(out)))
}

// nodeOrSkip returns the path of Node.js 18 or later. Without it the test
// is skipped, unless ABRI_BROWSER_TESTS=1 (CI), which makes it a failure.
func nodeOrSkip(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err == nil {
		out, verr := exec.Command(node, "--version").Output()
		major, _ := strconv.Atoi(strings.TrimPrefix(strings.SplitN(strings.TrimSpace(string(out)), ".", 2)[0], "v"))
		if verr == nil && major >= 18 {
			return node
		}
		err = &exec.Error{Name: "node " + strings.TrimSpace(string(out)), Err: exec.ErrNotFound}
	}
	msg := "Node.js 18 or later is needed to check hours.js against the shared vectors (" + err.Error() + ")"
	if os.Getenv("ABRI_BROWSER_TESTS") == "1" {
		t.Fatal(msg + "; ABRI_BROWSER_TESTS=1 makes this a failure")
	}
	t.Skip(msg + ": skipped; set ABRI_BROWSER_TESTS=1 to make this a failure")
	return ""
}
