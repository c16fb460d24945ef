package opendata

import (
	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// demoFS is the demo guide with its files in memory, to add to in tests.
func demoFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("../../content/" + p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// loadGuide loads a content folder as abri check does, and fails on errors.
func loadGuide(t testing.TB, fsys fs.FS) *content.Guide {
	t.Helper()
	th, err := theme.Load(os.DirFS("../../themes/default"), "themes/default")
	if err != nil {
		t.Fatal(err)
	}
	g, problems := content.Load(fsys, content.Options{Root: "content", Icons: th.IconNames()})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	return g
}
