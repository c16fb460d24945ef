package main

import (
	"context"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// initGuide is what abri init writes: a guide of its own, outside this
// repository, that builds with the theme built into abri.
//
//go:embed all:initguide
var initGuide embed.FS

// initLangs are the languages a new guide declares in its site.yaml:
// categories.yaml keeps the names of the demo's categories in those, all
// of them, and only them (texts in other languages would be errors).
func initLangs() ([]string, error) {
	data, err := initGuide.ReadFile("initguide/content/site.yaml")
	if err != nil {
		return nil, err
	}
	var site struct {
		Languages []string `yaml:"languages"`
	}
	if err := yaml.Unmarshal(data, &site); err != nil || len(site.Languages) == 0 {
		return nil, fmt.Errorf("initguide/content/site.yaml: no languages (%v)", err)
	}
	return site.Languages, nil
}

const initDoc = `Writes a new guide into DIR, which must be new or empty: content/ (site.yaml,
categories.yaml, an example listing written as a draft, an about page),
netlify.toml, .github/workflows/check.yml and a README for its editors.
Then, in DIR: abri build.`

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("init", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri init DIR\n\n%s\n", initDoc)
		fset.PrintDefaults()
	}
	pos, err := parseArgs(fset, args, 1)
	if err != nil {
		return unlessHelp(err)
	}
	dir := pos[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "abri init: %s is not empty: give a new folder, or an empty one\n", dir)
		return exitError{"refused"}
	} else if err != nil && !os.IsNotExist(err) {
		return err
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	vars := strings.NewReplacer("{{TITLE}}", titleOf(filepath.Base(abs)), "{{TODAY}}", now.Format("2006-01-02"),
		"{{VERSION}}", abriVersion(), "{{GO_VERSION}}", goVersion())
	n, err := writeGuide(dir, vars)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "abri: wrote a new guide in %s (%s); next: cd %s && abri build\n", dir, plural(n, "file", "files"), dir)
	return nil
}

// writeGuide writes initGuide's files into dir, placeholders replaced.
func writeGuide(dir string, vars *strings.Replacer) (int, error) {
	n := 0
	err := fs.WalkDir(initGuide, "initguide", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(initGuide, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "initguide/")
		if rel == "gitignore" {
			rel = ".gitignore" // go:embed keeps it, the repository's own .gitignore would not read it
		}
		if rel == "content/categories.yaml" {
			langs, err := initLangs()
			if err != nil {
				return err
			}
			if data, err = keepLangs(data, langs); err != nil {
				return err
			}
		} else {
			data = []byte(vars.Replace(string(data)))
		}
		file := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(file, data, 0o644)
	})
	return n, err
}

// keepLangs removes from a categories.yaml the texts of languages not in
// langs: the new guide's languages, for which texts of others are errors.
// Everything else, comments and layout, is as it was.
func keepLangs(data []byte, langs []string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i].Value; (k == "name" || k == "synonyms") && n.Content[i+1].Kind == yaml.MappingNode {
					n.Content[i+1].Content = only(n.Content[i+1].Content, langs)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	var b strings.Builder
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(&doc); err != nil {
		return nil, err
	}
	return []byte(b.String()), e.Close()
}

// only keeps the key, value pairs of a map whose key is in langs.
func only(pairs []*yaml.Node, langs []string) []*yaml.Node {
	var kept []*yaml.Node
	for i := 0; i+1 < len(pairs); i += 2 {
		for _, l := range langs {
			if pairs[i].Value == l {
				kept = append(kept, pairs[i], pairs[i+1])
			}
		}
	}
	return kept
}

// titleOf makes a guide's title of its folder's name: guide-lyon → "Guide lyon",
// quoted for YAML.
func titleOf(name string) string {
	t := strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' }), " ")
	if t == "" {
		t = "Guide"
	}
	r, size := utf8.DecodeRuneInString(t)
	t = string(unicode.ToUpper(r)) + t[size:]
	q, _ := json.Marshal(t) // a JSON string is a YAML double-quoted one
	return string(q)
}

// abriVersion is the version a new guide installs: this abri's own when it
// was installed as a release, else latest (to be pinned by the editors).
func abriVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(info.Main.Version, "v") && !strings.Contains(info.Main.Version, "-0.") {
		return info.Main.Version
	}
	return "latest"
}

// goVersion is the Go a new guide's builds use: the one this abri was
// built with, which is known to build it.
func goVersion() string {
	if v, ok := strings.CutPrefix(runtime.Version(), "go"); ok && strings.HasPrefix(v, "1.") {
		v, _, _ = strings.Cut(v, " ")
		return v
	}
	return "1.26"
}
