package generator

import (
	"io/fs"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
	"github.com/abri-guide/abri/generator/translate"
)

// Coverage counts, for every language of the guide but the source
// language, how much is translated, as plain figures for render: render
// and translate are both stages, which do not import each other. A guide
// whose texts cannot be counted states nothing rather than wrong figures.
func Coverage(fsys fs.FS, g *content.Guide, th *theme.Theme) []render.Coverage {
	langs := g.Site.Langs()
	if len(langs) < 2 {
		return nil
	}
	all, err := translate.Catalogs(translate.Source{Content: fsys, Guide: g, Theme: th}, langs[1:])
	if err != nil {
		return nil
	}
	var out []render.Coverage
	for _, lang := range langs[1:] {
		c := translate.CoverageOf(all[lang])
		out = append(out, render.Coverage{Lang: lang,
			Interface:  c[translate.Interface].Percent(),
			Categories: c[translate.Categories].Percent(),
			Pages:      c[translate.Pages].Percent(),
			Places:     c[translate.Places].Percent(),
		})
	}
	return out
}
