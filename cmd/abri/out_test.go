package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// buildTo builds the demo guide into out.
func buildTo(t *testing.T, out string) (stderr string, err error) {
	t.Helper()
	_, stderr, err = run(t, "build", "--content", "../../content", "--theme", "../../themes/default", "--out", out)
	return stderr, err
}

// tree is every file and folder under dir, with the files' bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if info.IsDir() {
			files[rel+"/"] = info.Mode().String()
			return nil
		}
		data, err := os.ReadFile(p)
		files[rel] = info.Mode().String() + " " + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := tree(t, dir)
	for p, v := range before {
		if after[p] != v {
			t.Errorf("%s changed or vanished", filepath.Join(dir, p))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", filepath.Join(dir, p))
		}
	}
}

// refused checks that a build failed with one line naming what it refused.
func refused(t *testing.T, stderr string, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatal("the build must refuse this --out")
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, want) {
		t.Errorf("want one line saying %q, got %q", want, msg)
	}
	if stderr != "" {
		t.Errorf("want nothing else on stderr, got %q", stderr)
	}
}

// TestOutForeignFolder: a folder abri did not write is never replaced.
func TestOutForeignFolder(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "keep.md"), []byte("scratch notes\n"), 0o644)
	before := tree(t, docs)
	stderr, err := buildTo(t, docs)
	refused(t, stderr, err, "--out "+docs+" is a folder abri did not write")
	sameTree(t, docs, before)
	leftovers(t, filepath.Dir(docs))
}

// TestOutFile: a file given as --out stays a file.
func TestOutFile(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("do not lose me\n"), 0o644)
	stderr, err := buildTo(t, notes)
	refused(t, stderr, err, "--out "+notes+" is a file, not a folder")
	if data, err := os.ReadFile(notes); err != nil || string(data) != "do not lose me\n" {
		t.Errorf("notes.txt: %q, %v", data, err)
	}
	leftovers(t, filepath.Dir(notes))
}

// TestOutInsideContent: --out content/listings would have deleted every
// listing; a new folder inside the content is refused too.
func TestOutInsideContent(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, filepath.Join(dir, "content"))
	for _, out := range []string{"content/listings", "content/public"} {
		_, stderr, err := run(t, "build", "--content", filepath.Join(dir, "content"), "--theme", "../../themes/default", "--out", filepath.Join(dir, out))
		refused(t, stderr, err, "is inside "+filepath.Join(dir, "content"))
	}
	sameTree(t, filepath.Join(dir, "content"), before)
}

func TestOutEmptyFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.Mkdir(out, 0o755)
	if stderr, err := buildTo(t, out); err != nil {
		t.Fatalf("an empty folder is a fine --out: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// TestOutRebuild: abri's own output is replaced, but not a file someone
// put into it.
func TestOutRebuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for i := range 2 {
		if stderr, err := buildTo(t, out); err != nil {
			t.Fatalf("build %d: %v\n%s", i+1, err, stderr)
		}
	}
	leftovers(t, filepath.Dir(out))
	os.WriteFile(filepath.Join(out, "fr", "notes.md"), []byte("mine\n"), 0o644)
	os.Mkdir(filepath.Join(out, "drafts"), 0o755)
	before := tree(t, out)
	stderr, err := buildTo(t, out)
	refused(t, stderr, err, "--out "+out+" holds "+filepath.Join(out, "drafts")+string(filepath.Separator)+" and 1 more, which abri did not write")
	sameTree(t, out, before)
	leftovers(t, filepath.Dir(out))
}

func TestOutCreatesParents(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a", "b", "c")
	if stderr, err := buildTo(t, out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

// leftovers fails if a build left a temporary folder in dir.
func leftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("%s left behind", filepath.Join(dir, e.Name()))
		}
	}
}
