package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	defaulttheme "github.com/abri-guide/abri/themes/default"
)

// builtIn names the theme built into abri in messages.
const builtIn = "abri's built-in theme"

// themeDoc is the --theme flag's help.
const themeDoc = "theme folder: templates/, static/, icons/, i18n/ (default: themes/default beside the content folder or in the working directory, else the theme built into abri)"

// findTheme resolves the theme: the folder given with --theme; else a
// themes/default folder beside the content folder, then in the working
// directory (this repository's demo); else the theme built into abri, said
// on w. fsys is nil for a folder.
func findTheme(given, content string, w io.Writer) (name string, fsys fs.FS) {
	if given != "" {
		return given, nil
	}
	for _, dir := range []string{filepath.Join(filepath.Dir(filepath.Clean(content)), "themes", "default"), filepath.Join("themes", "default")} {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir, nil
		}
	}
	fmt.Fprintf(w, "abri: theme: %s (no themes/default folder beside %s to override it)\n", builtIn, content)
	return builtIn, defaulttheme.FS()
}
