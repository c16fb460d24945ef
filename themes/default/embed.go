// Package defaulttheme is abri's default theme, built into the binary so
// that an installed abri builds a guide from any folder: a guide needs no
// copy of the theme unless it changes it.
package defaulttheme

import (
	"embed"
	"io/fs"
)

//go:embed templates static icons i18n worker
var files embed.FS

// FS returns the theme's files: templates/, static/, icons/, i18n/, worker/.
func FS() fs.FS { return files }
