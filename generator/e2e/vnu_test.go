package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// vnuJar is the Nu HTML Checker, as npm's vnu-jar installs it.
const vnuJar = "testdata/node_modules/vnu-jar/build/dist/vnu.jar"

// vnuTool says why the checker cannot run here, or nil when it can.
func vnuTool() error {
	if _, err := os.Stat(vnuJar); err != nil {
		return errors.New("vnu-jar is not installed in generator/e2e/testdata/node_modules")
	}
	if _, err := exec.LookPath("java"); err != nil {
		return errors.New("no java on PATH, which the Nu HTML Checker needs (apt-get install -y default-jre-headless)")
	}
	return nil
}

// vnuFindings runs the Nu HTML Checker on every HTML file of dir and lists
// its errors as file:line:column: message.
func vnuFindings(ctx context.Context, dir string) ([]string, error) {
	jar, err := filepath.Abs(vnuJar)
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "java", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	cmd.Stderr = &stderr // where vnu writes its report
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type        string `json:"type"`
			URL         string `json:"url"`
			Line        int    `json:"lastLine"`
			Column      int    `json:"firstColumn"`
			Message     string `json:"message"`
			Extract     string `json:"extract"`
			HiliteStart int    `json:"hiliteStart"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		return nil, fmt.Errorf("vnu: %v (%v): %.500s", err, runErr, stderr.String())
	}
	prefix := "file:" + filepath.ToSlash(dir) + "/"
	var out []string
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d:%d: %s [%s]", strings.TrimPrefix(m.URL, prefix), m.Line, m.Column, m.Message, strings.TrimSpace(m.Extract)))
	}
	if runErr != nil && len(out) == 0 {
		return nil, fmt.Errorf("vnu: %v: %.500s", runErr, stderr.String())
	}
	slices.Sort(out)
	return out, nil
}

// vnuOutput is the checker's verdict on the demo's output, which TestMain
// starts early because the checker takes a few seconds of its own.
var vnuOutput = make(chan vnuResult, 1)

type vnuResult struct {
	findings []string
	err      error
}

// TestHTMLValid checks the whole output with the Nu HTML Checker.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	need(t, vnuTool())
	r := <-vnuOutput
	vnuOutput <- r
	if r.err != nil {
		t.Fatal(r.err)
	}
	for _, f := range r.findings {
		t.Error(f)
	}
	if len(r.findings) > 0 {
		t.Errorf("the Nu HTML Checker found %d errors in the output", len(r.findings))
	}
}
