package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// TestMain lets a test run this test binary as abri itself.
func TestMain(m *testing.M) {
	if os.Getenv("ABRI_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// bigGuide copies the demo guide with its listings repeated n times.
func bigGuide(t *testing.T, dir string, n int) {
	t.Helper()
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	listings := filepath.Join(dir, "listings")
	err := filepath.WalkDir("../../content/listings", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		data, err := os.ReadFile(p)
		for i := range n {
			copy := filepath.Join(listings, "copies", strings.TrimSuffix(e.Name(), ".yaml")+"-"+string(rune('a'+i/26))+string(rune('a'+i%26))+".yaml")
			os.MkdirAll(filepath.Dir(copy), 0o755)
			if err := os.WriteFile(copy, data, 0o644); err != nil {
				return err
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildSIGTERM stops a running abri build of a large guide, once it is
// rendering: it must stop promptly, publish nothing and leave nothing.
func TestBuildSIGTERM(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGTERM on Windows")
	}
	dir := t.TempDir()
	bigGuide(t, filepath.Join(dir, "content"), 40)
	out := filepath.Join(dir, "public")
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Add(dir); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "build", "--content", filepath.Join(dir, "content"), "--theme", "../../themes/default", "--out", out)
	cmd.Env = append(os.Environ(), "ABRI_TEST_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// The temporary folder appears once the content is checked: rendering begins.
	for started := false; !started; {
		select {
		case ev := <-w.Events:
			started = ev.Has(fsnotify.Create) && strings.HasPrefix(filepath.Base(ev.Name), ".public.new-")
		case err := <-w.Errors:
			t.Fatal(err)
		case err := <-done:
			t.Fatalf("abri build ended before rendering (%v):\n%s", err, stderr.String())
		}
	}
	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("abri build did not stop within a minute of SIGTERM")
	}
	t.Logf("stopped %s after SIGTERM", time.Since(signalled).Round(time.Millisecond))
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("want exit status 1, got %v", err)
	}
	if got := stderr.String(); got != "abri: interrupted, nothing was published\n" {
		t.Errorf("stderr: %q", got)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %q", stdout.String())
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s was published", out)
	}
	leftovers(t, dir)
}

// TestCheckInterrupted: an interrupted check says so and lists no problems
// of a half-read guide.
func TestCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	err := Run(ctx, []string{"check", "--content", "../../content", "--theme", "../../themes/default"}, &stdout, &stderr)
	if err == nil || err.Error() != "interrupted" {
		t.Errorf("want interrupted, got %v", err)
	}
	if stdout.Len()+stderr.Len() > 0 {
		t.Errorf("want nothing printed, got %q %q", stdout.String(), stderr.String())
	}
}
