// Package generator builds a guide: it checks a content folder against a
// theme, renders the site in a folder beside the output, and swaps it in
// only when it is complete, so a bad commit never replaces a good site.
// It replaces only a folder it wrote itself (publish.go).
package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/markdown"
	"github.com/abri-guide/abri/generator/opendata"
	"github.com/abri-guide/abri/generator/publish"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
)

// Config says what to build and where. cmd/abri fills it from flags.
type Config struct {
	Content string    // content folder
	Theme   string    // theme folder
	ThemeFS fs.FS     // the theme's files when not the folder Theme (abri's built-in theme); Theme names it
	Out     string    // output folder
	Now     time.Time // time of the build: notices in force, warnings about old data
	Workers int       // parallel renderers; 0: one per CPU
	// LangZipLimit is the largest whole-language zip, in bytes; 0 means
	// publish.LangZipLimit.
	LangZipLimit int64
}

// Summary describes a finished build.
type Summary struct {
	Pages    map[string]int // pages per language
	Langs    []string       // the guide's languages, in order
	Files    int
	Bytes    int64
	Warnings int
	Took     time.Duration
	Zips     []publish.Entry // the offline copies: per language, the whole language (unless too big) and each city
	Over     []string        // whole-language zips left out, over publish.LangZipLimit
	// Made and Carried count the files (zips too) made by this build and
	// carried over unchanged from the previous output; Carried is 0 on a
	// full build.
	Made, Carried int
	Incremental   bool // built over a previous output, which it could carry files from
	// Steps says how long each step took: loading the content, preparing
	// (cards, search index, input keys), the keys alone, writing.
	Steps struct{ Load, Prepare, Keys, Write time.Duration }
	// Notices are what went wrong after the site was published, such as
	// an old copy that could not be removed: worth saying, not a failure.
	Notices []string
}

// ErrInvalid is returned, wrapped, when the content has errors.
var ErrInvalid = errors.New("the content has errors")

// ErrInterrupted is returned, wrapped, when ctx was done before the end:
// the user pressed Ctrl+C or the system asked abri to stop.
var ErrInterrupted = errors.New("interrupted")

// Check loads the theme and the content and returns every problem found.
// The guide is returned for callers that go on to render it. When ctx is
// done first, it returns ErrInterrupted and no problems: they would be
// those of a half-read guide.
func Check(ctx context.Context, cfg Config) (*content.Guide, *theme.Theme, content.Problems, error) {
	fsys := cfg.ThemeFS
	if fsys == nil {
		fsys = os.DirFS(cfg.Theme)
	}
	th, err := theme.Load(fsys, cfg.Theme)
	if err != nil {
		return nil, nil, nil, err
	}
	g, problems := LoadContent(ctx, cfg.Content, th, cfg.Now, nil)
	if ctx.Err() != nil {
		return nil, nil, nil, ErrInterrupted
	}
	return g, th, problems, nil
}

// LoadContent reads and checks a content folder against a loaded theme:
// the content's own problems, the interface strings its languages lack, a
// country without a holiday calendar. cache, when not nil, keeps listings
// decoded by an earlier call (abri serve). Once ctx is done, loading stops
// and what is returned is incomplete.
func LoadContent(ctx context.Context, dir string, th *theme.Theme, now time.Time, cache *content.Cache) (*content.Guide, content.Problems) {
	return LoadFS(ctx, os.DirFS(dir), dir, th, now, cache)
}

// LoadFS is LoadContent on a content folder read through fsys, named dir
// in messages: the checks of abri check, build and serve, for any file system.
func LoadFS(ctx context.Context, fsys fs.FS, dir string, th *theme.Theme, now time.Time, cache *content.Cache) (*content.Guide, content.Problems) {
	g, problems := content.LoadContext(ctx, fsys, content.Options{Root: dir, Now: now, Icons: th.IconNames(), Cache: cache})
	if g == nil {
		return nil, problems
	}
	if _, ok := g.Site.Calendar(); !ok {
		problems = append(problems, content.Problem{Path: filepath.Join(dir, "site.yaml"), Severity: content.Warning,
			Msg: fmt.Sprintf("country: abri has no public-holiday calendar for %s; list its holidays under holidays: (extra: [{date: 12-26}])", g.Site.Country)})
	}
	if ok, why := opendata.DataInclusionLicence(g); !ok {
		line, col := keyAt(fsys, "site.yaml", "licence")
		problems = append(problems, content.Problem{Path: filepath.Join(dir, "site.yaml"), Line: line, Col: col, Severity: content.Warning, Msg: why})
	}
	for _, m := range th.CheckLanguages(g.Site.Langs()) {
		sev := content.Error
		if m.Warning {
			sev = content.Warning
		}
		problems = append(problems, content.Problem{Path: m.File, Msg: m.Msg, Severity: sev})
	}
	problems = append(problems, checkPages(g)...)
	problems.Sort()
	return g, problems
}

// keyAt finds the line and column of a top-level key of a YAML file, for
// warnings about a value read without its position; 0, 0 if not found.
func keyAt(fsys fs.FS, name, key string) (line, col int) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, 0
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, key+":") {
			return i + 1, 1
		}
	}
	return 0, 0
}

// checkPages reports what the pages' Markdown would make readers load,
// at its line in the page's file.
func checkPages(g *content.Guide) content.Problems {
	var ps content.Problems
	md := markdown.New()
	for _, files := range g.Pages {
		for _, p := range files {
			for _, is := range md.Check(p.Body) {
				ps = append(ps, content.Problem{Path: p.Path, Line: p.BodyLine + is.Line - 1, Col: is.Col, Msg: is.Msg})
			}
		}
	}
	return ps
}

// Build checks the content, then renders the site. On any error nothing is
// written and an existing output folder is left as it was. The output
// folder must be new, empty, or abri's own earlier output: Build never
// deletes what it did not write. When ctx is done before the site is
// complete, nothing is published and ErrInterrupted is returned, wrapped.
func Build(ctx context.Context, cfg Config) (Summary, content.Problems, error) {
	start := time.Now()
	g, th, problems, err := Check(ctx, cfg)
	if err != nil {
		return Summary{}, problems, interrupted(err)
	}
	loaded := time.Since(start)
	if problems.Errors() > 0 {
		return Summary{}, problems, fmt.Errorf("%w: %d errors, nothing was written", ErrInvalid, problems.Errors())
	}
	if err := safeOut(cfg); err != nil {
		return Summary{}, problems, err
	}
	out := filepath.Clean(cfg.Out) // public/ names the folder, not what a link points to
	if err := checkOut(out); err != nil {
		return Summary{}, problems, err
	}
	tmp, undo, err := newTemp(out)
	if err != nil {
		return Summary{}, problems, err
	}
	published := false
	defer func() {
		if !published {
			undo()
		}
	}()
	v := version()
	var prev *publish.Previous
	if v != "" {
		prev = previous(out) // without a name for this abri, every file is made
	}
	r, err := render.New(g, th, markdown.New(), render.Options{Today: g.Today, Version: v, Coverage: Coverage(os.DirFS(cfg.Content), g, th)})
	if err != nil {
		return Summary{}, problems, err
	}
	res, err := publish.Publish(ctx, r, tmp, publish.Options{Workers: cfg.Workers, Date: g.Today.Time(), LangZipLimit: cfg.LangZipLimit, Previous: prev})
	if err != nil {
		return Summary{}, problems, interrupted(err)
	}
	files := res.Ledger.Entries()
	if err := writeManifest(tmp, files, res.Overs...); err != nil {
		return Summary{}, problems, err
	}
	if ctx.Err() != nil {
		return Summary{}, problems, interrupted(ctx.Err())
	}
	// A file dropped into the old site while this one was rendered counts too.
	if err := checkOut(out); err != nil {
		return Summary{}, problems, err
	}
	notices, err := swap(tmp, out)
	if err != nil {
		return Summary{}, problems, err
	}
	published = true
	sum := Summary{
		Pages: r.Pages(), Langs: g.Site.Langs(), Files: len(files), Bytes: res.Ledger.Bytes(), Zips: res.Zips, Over: res.Over,
		Warnings: problems.Warnings(), Took: time.Since(start), Notices: notices,
		Made: res.Made, Carried: res.Carried, Incremental: prev != nil,
	}
	sum.Steps.Load, sum.Steps.Prepare, sum.Steps.Keys, sum.Steps.Write = loaded, res.Prepared, r.KeysTook(), res.Wrote
	return sum, problems, nil
}

// interrupted says that nothing was published when err is an interruption.
func interrupted(err error) error {
	if errors.Is(err, ErrInterrupted) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w, nothing was published", ErrInterrupted)
	}
	return err
}

// safeOut refuses an output folder that would swallow the content or the
// theme, or be written inside them.
func safeOut(cfg Config) error {
	out, err := filepath.Abs(cfg.Out)
	if err != nil {
		return err
	}
	ins := []string{cfg.Content, cfg.Theme, "."}
	if cfg.ThemeFS != nil {
		ins = []string{cfg.Content, "."} // the theme is not a folder
	}
	for _, in := range ins {
		abs, err := filepath.Abs(in)
		if err != nil {
			return err
		}
		if abs == out || strings.HasPrefix(abs+string(filepath.Separator), out+string(filepath.Separator)) {
			return fmt.Errorf("--out %s would replace %s: choose another output folder", cfg.Out, in)
		}
		if in != "." && strings.HasPrefix(out, abs+string(filepath.Separator)) {
			return fmt.Errorf("--out %s is inside %s: choose an output folder outside the content and the theme", cfg.Out, in)
		}
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
	line := fmt.Sprintf("built %s in %s (%s), %s, %.1f MB in %s",
		count(total, "page", "pages"), count(len(s.Langs), "language", "languages"), strings.Join(per, ", "),
		count(s.Files, "file", "files"), float64(s.Bytes)/1e6, s.Took.Round(time.Millisecond))
	if len(s.Zips) > 0 {
		var size int64
		for _, z := range s.Zips {
			size += z.Size
		}
		line += fmt.Sprintf("; %s, %.1f MB", count(len(s.Zips), "offline zip", "offline zips"), float64(size)/1e6)
	}
	if len(s.Over) > 0 {
		line += fmt.Sprintf("; %s left out, too big (the cities' are offered)", count(len(s.Over), "whole-language zip", "whole-language zips"))
	}
	if s.Incremental {
		line += fmt.Sprintf("; %s, %d unchanged carried over", count(s.Made, "file made", "files made"), s.Carried)
	}
	if s.Warnings > 0 {
		line += fmt.Sprintf("; %s (abri check lists them)", count(s.Warnings, "warning", "warnings"))
	}
	return line
}

// count writes n things in English, singular for one: "1 file", "2 files".
func count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}
