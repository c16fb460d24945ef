package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// vector is a case of testdata/normalize.json, which Go and search.js must
// both pass.
type vector struct {
	In  string `json:"in"`
	Out string `json:"out"`
	Why string `json:"why"`
}

func vectors(t *testing.T) []vector {
	t.Helper()
	b, err := os.ReadFile("testdata/normalize.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestNormalize(t *testing.T) {
	for _, v := range vectors(t) {
		if got := Normalize(v.In); got != v.Out {
			t.Errorf("Normalize(%q) = %q, want %q (%s)", v.In, got, v.Out, v.Why)
		}
	}
}

// TestNormalizeJS runs search.js's normalize on the shared vectors and on
// every character of the Basic Multilingual Plane, alone and between two
// letters, and wants exactly what Go gives.
func TestNormalizeJS(t *testing.T) {
	var in []string
	for _, v := range vectors(t) {
		in = append(in, v.In)
	}
	n := len(in)
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		in = append(in, string(r), "я"+string(r)+"я", "a"+string(r)+"b")
	}
	in = append(in, "a\U0001F6BFb", "\U0001F600", "ж’\U0001F600ж")
	var got []string
	node(t, &got, "normalize", jsFile(t), writeJSON(t, in))
	if len(got) != len(in) {
		t.Fatalf("node returned %d strings for %d", len(got), len(in))
	}
	fails := 0
	for i, s := range in {
		want := Normalize(s)
		if got[i] == want {
			continue
		}
		if fails++; fails <= 20 {
			r, _ := utf8.DecodeRuneInString(s)
			t.Errorf("normalize(%q) (U+%04X) = %q in search.js, %q in Go", s, r, got[i], want)
		}
	}
	if fails > 0 {
		t.Errorf("%d of %d strings differ", fails, len(in))
	}
	t.Logf("search.js and Go agree on %d vectors and %d other strings", n, len(in)-n)
}

// jsFile is the theme's search.js.
func jsFile(t testing.TB) string {
	p, err := filepath.Abs("../../themes/default/static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writeJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// node runs testdata/run.js with args and decodes what it prints into out.
// Without Node the test is skipped, or fails under ABRI_BROWSER_TESTS=1.
func node(t testing.TB, out any, args ...string) {
	t.Helper()
	exe, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("ABRI_BROWSER_TESTS") == "1" {
			t.Fatalf("no node on PATH: with ABRI_BROWSER_TESTS=1 this is a failure (apt-get install nodejs)")
		}
		t.Skip("no node on PATH: search.js is not tested (apt-get install nodejs; ABRI_BROWSER_TESTS=1 makes this a failure)")
	}
	cmd := exec.Command(exe, append([]string{"testdata/run.js"}, args...)...)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/run.js %s: %v", args[0], err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("node testdata/run.js %s: %v", args[0], err)
	}
}
