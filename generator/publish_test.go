package generator

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/abri-guide/abri/generator/internal/guidegen"
)

// snapshot is every file and folder under dir, with the files' bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if info.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func unchanged(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("%s: %d files and folders, want %d as before", dir, len(after), len(before))
	}
	for p, v := range before {
		if w, ok := after[p]; !ok || w != v {
			t.Errorf("%s changed or vanished", filepath.Join(dir, p))
		}
	}
}

func temps(t *testing.T, dir string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

// TestBuildInterrupted cancels a build while it renders: the previous site
// stays byte for byte, and no temporary folder is left.
func TestBuildInterrupted(t *testing.T) {
	dir := t.TempDir()
	if err := guidegen.Write(filepath.Join(dir, "content"), "../content", 600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Content: filepath.Join(dir, "content"), Theme: "../themes/default", Out: filepath.Join(dir, "public"), Now: buildDate}
	small := cfg
	small.Content = "../content"
	if _, _, err := Build(context.Background(), small); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, cfg.Out)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rendering := make(chan bool, 1)
	go func() {
		// Rendering has begun once the temporary folder has its first pages.
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for ctx.Err() == nil {
			tmps, _ := filepath.Glob(filepath.Join(dir, ".public.new-*", "fr", "places"))
			if len(tmps) > 0 {
				rendering <- true
				cancel()
				return
			}
			<-tick.C
		}
	}()
	_, _, err := Build(ctx, cfg)
	if !errors.Is(err, ErrInterrupted) || err.Error() != "interrupted, nothing was published" {
		t.Fatalf("want interrupted, nothing was published; got %v", err)
	}
	select {
	case <-rendering:
	default:
		t.Fatal("the build was not interrupted while rendering")
	}
	unchanged(t, cfg.Out, before)
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestBuildCheckInterrupted: a cancelled check reports no half-read problems.
func TestBuildCheckInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := Build(ctx, demoConfig(out))
	if !errors.Is(err, ErrInterrupted) || len(problems) > 0 {
		t.Errorf("want interrupted and no problems, got %v and %d problems", err, len(problems))
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was written", out)
	}
}

// TestBuildRemovesLeftovers: a killed build's folder has the manifest and
// is removed by the next build; a folder of that name without it is not
// abri's and stays.
func TestBuildRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	killed, other := filepath.Join(dir, ".public.new-123"), filepath.Join(dir, ".public.new-456")
	os.MkdirAll(filepath.Join(killed, "fr"), 0o755)
	if err := writeManifest(killed, nil); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(killed, "fr", "index.html"), []byte("half a page"), 0o644)
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "mine.txt"), []byte("mine"), 0o644)
	before := snapshot(t, other)
	if _, _, err := Build(context.Background(), demoConfig(filepath.Join(dir, "public"))); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(killed); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was not removed", killed)
	}
	unchanged(t, other, before)
}

// readOnly makes dir read-only. Root ignores permissions, so as root the
// folder is made immutable (chattr +i), which binds root too; where that is
// not possible the test is skipped.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { writable(dir) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root and cannot make %s immutable: %v %s", dir, err, out)
	}
	t.Cleanup(func() { writable(dir) })
}

// writable undoes readOnly, so that the test's folder can be removed.
func writable(dir string) {
	if os.Geteuid() == 0 {
		exec.Command("chattr", "-i", dir).Run()
	}
	os.Chmod(dir, 0o755)
}

// TestBuildReadOnlyParent: one clear line, and nothing changed.
func TestBuildReadOnlyParent(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "site")
	out := filepath.Join(parent, "public")
	os.Mkdir(parent, 0o755)
	if _, _, err := Build(context.Background(), demoConfig(out)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, parent)
	readOnly(t, parent)
	_, _, err := Build(context.Background(), demoConfig(out))
	want := "cannot write beside --out " + out + ": " + parent + " is read-only ("
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("want one line %q..., got %v", want, err)
	}
	unchanged(t, parent, before)
}

// TestBuildOldCopyStays: once the new site is published, failing to remove
// the previous one is a notice, not a failed build.
func TestBuildOldCopyStays(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if _, _, err := Build(context.Background(), demoConfig(out)); err != nil {
		t.Fatal(err)
	}
	readOnly(t, filepath.Join(out, "fr"))
	t.Cleanup(func() {
		for _, old := range temps(t, dir) {
			writable(filepath.Join(old, "fr"))
		}
	})
	sum, _, err := Build(context.Background(), demoConfig(out))
	if err != nil {
		t.Fatalf("the site was published; want a notice, not %v", err)
	}
	if len(sum.Notices) != 1 || !strings.Contains(sum.Notices[0], "the previous one could not be removed") {
		t.Errorf("want a notice about the previous site, got %q", sum.Notices)
	}
	if readManifest(out) == nil || snapshot(t, out)["fr/index.html"] == "" {
		t.Error("the new site is not in place")
	}
}
