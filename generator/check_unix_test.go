//go:build unix

package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOnlyRegularFiles: a link out of the content folder, to a device or to
// a FIFO, and a file too big to be a listing are errors, never a hang nor
// an exhausted memory; a link to a file of the folder is read.
func TestOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "content")
	writeTxtar(t, src, base)
	secret := filepath.Join(dir, "secret.yaml")
	os.WriteFile(secret, []byte("name: secret\n"), 0o644)
	listings := filepath.Join(src, "listings", "lyon")
	links := map[string]string{
		"outside.yaml":  secret,
		"relative.yaml": "../../../secret.yaml",
		"zero.yaml":     "/dev/zero",
		"same.yaml":     "halte.yaml",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(listings, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(listings, "fifo.yaml"), 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	big := "name: Big\ncategories: [shower]\naddress: {city: Lyon}\nupdated: 2026-11-01\ndescription: " + strings.Repeat("a", 1<<20) + "\n"
	os.WriteFile(filepath.Join(listings, "big.yaml"), []byte(big), 0o644)
	// A folder of the editors' tools is not the guide, even with broken YAML in it.
	writeTxtar(t, src, "-- listings/.trash/old.yaml --\nname: [\n")

	_, problems, err := Build(context.Background(), Config{Content: src, Theme: "../themes/default", Out: filepath.Join(dir, "public"), Now: buildDate})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Build error = %v, want ErrInvalid", err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, strings.TrimPrefix(p.String(), src+"/"))
	}
	want := []string{
		"listings/lyon/big.yaml: file is over 1 MB: is it really part of the guide? (split it, or move it out of the content folder)",
		"listings/lyon/fifo.yaml: not a regular file (a named pipe): only text files are read; remove it from the content folder",
		"listings/lyon/outside.yaml: is a link to " + secret + ", outside the content folder: copy the file in instead",
		"listings/lyon/relative.yaml: is a link to ../../../secret.yaml, outside the content folder: copy the file in instead",
		// same.yaml, a link to halte.yaml, is read: its id is the link's name.
		"listings/lyon/zero.yaml: is a link to /dev/zero, outside the content folder: copy the file in instead",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
