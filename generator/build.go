// Package generator builds a guide: it checks a content folder against a
// theme, renders the site in a folder beside the output, and swaps it in
// only when it is complete, so a bad commit never replaces a good site.
package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

// Config says what to build and where. cmd/abri fills it from flags.
type Config struct {
	Content string    // content folder
	Theme   string    // theme folder
	Out     string    // output folder
	Now     time.Time // time of the build: notices in force, warnings about old data
	Workers int       // parallel renderers; 0: one per CPU
}

// Summary describes a finished build.
type Summary struct {
	Pages    map[string]int // pages per language
	Langs    []string       // the guide's languages, in order
	Files    int
	Bytes    int64
	Warnings int
	Took     time.Duration
	Zips     []render.Zip  // the offline copy of each language
	ZipTime  time.Duration // time taken by the zips, included in Took
}

// ErrInvalid is returned, wrapped, when the content has errors.
var ErrInvalid = errors.New("the content has errors")

// Check loads the theme and the content and returns every problem found.
// The guide is returned for callers that go on to render it.
func Check(cfg Config) (*content.Guide, *theme.Theme, content.Problems, error) {
	th, err := theme.Load(os.DirFS(cfg.Theme), cfg.Theme)
	if err != nil {
		return nil, nil, nil, err
	}
	g, problems := LoadContent(cfg.Content, th, cfg.Now, nil)
	return g, th, problems, nil
}

// LoadContent reads and checks a content folder against a loaded theme:
// the content's own problems, the interface strings its languages lack, a
// country without a holiday calendar. cache, when not nil, keeps listings
// decoded by an earlier call (abri serve).
func LoadContent(dir string, th *theme.Theme, now time.Time, cache *content.Cache) (*content.Guide, content.Problems) {
	return LoadFS(os.DirFS(dir), dir, th, now, cache)
}

// LoadFS is LoadContent on a content folder read through fsys, named dir
// in messages: the checks of abri check, build and serve, for any file system.
func LoadFS(fsys fs.FS, dir string, th *theme.Theme, now time.Time, cache *content.Cache) (*content.Guide, content.Problems) {
	g, problems := content.Load(fsys, content.Options{Root: dir, Now: now, Icons: th.IconNames(), Cache: cache})
	if g == nil {
		return nil, problems
	}
	if _, ok := g.Site.Calendar(); !ok {
		problems = append(problems, content.Problem{Path: filepath.Join(dir, "site.yaml"), Severity: content.Warning,
			Msg: fmt.Sprintf("country: abri has no public-holiday calendar for %s; list its holidays under holidays: (extra: [{date: 12-26}])", g.Site.Country)})
	}
	for _, m := range th.CheckLanguages(g.Site.Langs()) {
		problems = append(problems, content.Problem{Path: m.File, Msg: m.Msg})
	}
	return g, problems
}

// Build checks the content, then renders the site. On any error nothing is
// written and an existing output folder is left as it was.
func Build(cfg Config) (Summary, content.Problems, error) {
	start := time.Now()
	g, th, problems, err := Check(cfg)
	if err != nil {
		return Summary{}, problems, err
	}
	if problems.Errors() > 0 {
		return Summary{}, problems, fmt.Errorf("%w: %d errors, nothing was written", ErrInvalid, problems.Errors())
	}
	if err := safeOut(cfg); err != nil {
		return Summary{}, problems, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(cfg.Out)), "."+filepath.Base(cfg.Out)+".new-")
	if err != nil {
		return Summary{}, problems, err
	}
	defer os.RemoveAll(tmp) // a no-op once it has been swapped in
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Summary{}, problems, err
	}
	res, err := render.Render(g, th, markdown.New(), tmp, render.Options{Today: g.Today, Workers: cfg.Workers})
	if err != nil {
		return Summary{}, problems, err
	}
	if err := swap(tmp, cfg.Out); err != nil {
		return Summary{}, problems, err
	}
	return Summary{
		Pages: res.Pages, Langs: g.Site.Langs(), Files: res.Files, Bytes: res.Bytes, Zips: res.Zips, ZipTime: res.ZipTime,
		Warnings: problems.Warnings(), Took: time.Since(start),
	}, problems, nil
}

// safeOut refuses an output folder that would swallow the content or the theme.
func safeOut(cfg Config) error {
	out, err := filepath.Abs(cfg.Out)
	if err != nil {
		return err
	}
	for _, in := range []string{cfg.Content, cfg.Theme, "."} {
		abs, err := filepath.Abs(in)
		if err != nil {
			return err
		}
		if abs == out || strings.HasPrefix(abs+string(filepath.Separator), out+string(filepath.Separator)) {
			return fmt.Errorf("--out %s would replace %s: choose another output folder", cfg.Out, in)
		}
	}
	return nil
}

// swap puts the new site in place of the old one.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// String is the one-line summary printed after a build.
func (s Summary) String() string {
	total := 0
	var per []string
	for _, l := range s.Langs {
		total += s.Pages[l]
		per = append(per, fmt.Sprintf("%s %d", l, s.Pages[l]))
	}
	line := fmt.Sprintf("built %d pages in %d languages (%s), %d files, %.1f MB in %s",
		total, len(s.Langs), strings.Join(per, ", "), s.Files, float64(s.Bytes)/1e6, s.Took.Round(time.Millisecond))
	if len(s.Zips) > 0 {
		var size int64
		for _, z := range s.Zips {
			size += z.Size
		}
		line += fmt.Sprintf("; offline zips %.1f MB in %s", float64(size)/1e6, s.ZipTime.Round(time.Millisecond))
	}
	if s.Warnings > 0 {
		line += fmt.Sprintf("; %d warnings (abri check lists them)", s.Warnings)
	}
	return line
}
