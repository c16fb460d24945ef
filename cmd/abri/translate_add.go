package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/render"
	"github.com/abri-guide/abri/generator/theme"
	"gopkg.in/yaml.v3"
)

const translateAddDoc = `Adds the language L to the guide: to site.yaml's languages, and, when the
theme has no i18n/L.yaml, creates it from the source language's, every string
empty with the source text as a comment above it. The build warns, and shows
the source text, until the strings are translated.`

// langCode is a language code as site.yaml takes it (fr, ps, pt-BR).
var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z][A-Za-z]{1,7})?$`)

// runTranslateAdd is abri translate add L.
func runTranslateAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("translate add", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("content", "content", "content folder")
	themeDir := fset.String("theme", "", themeDoc)
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri translate add L [--content DIR] [--theme DIR]\n\n%s\n\nFlags:\n", translateAddDoc)
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return exitError{"bad flags"}
	}
	var lang string
	if rest := fset.Args(); len(rest) > 0 {
		lang = rest[0]
		if err := fset.Parse(rest[1:]); err != nil { // flags after L
			return exitError{"bad flags"}
		}
	}
	if lang == "" || fset.NArg() > 0 {
		fset.Usage()
		return exitError{"want one language code"}
	}
	name, fsys := findTheme(*themeDir, *dir, stderr)
	if fsys == nil {
		fsys = os.DirFS(name)
	}
	a := &adder{lang: lang, dir: *dir, theme: name, themeFS: fsys, builtIn: name == builtIn}
	if err := a.run(stdout); err != nil {
		fmt.Fprintf(stderr, "abri translate add: %v\n", err)
		return exitError{"translate add"}
	}
	return nil
}

// adder adds one language to a guide and its theme.
type adder struct {
	lang, dir, theme string
	themeFS          fs.FS
	builtIn          bool
}

func (a *adder) run(w io.Writer) error {
	names, err := a.langNames()
	if err != nil {
		return err
	}
	if !langCode.MatchString(a.lang) {
		return fmt.Errorf("%q is not a language code (want ISO 639-1 like ps, uk, ar)%s", a.lang, content.Suggest(a.lang, sortedNames(names)))
	}
	endonym, ok := names[a.lang]
	if !ok {
		base, _, _ := strings.Cut(a.lang, "-")
		if endonym, ok = names[base]; !ok {
			return fmt.Errorf("abri knows no language %q%s; if the code is right, add it with its name in itself to %s/i18n/languages.yaml", a.lang, content.Suggest(a.lang, sortedNames(names)), a.theme)
		}
	}
	sitePath := filepath.Join(a.dir, "site.yaml")
	site, err := os.ReadFile(sitePath)
	if err != nil {
		return err
	}
	langs, newSite, err := addLanguage(site, a.lang)
	strs := "i18n/" + a.lang + ".yaml"
	_, statErr := fs.Stat(a.themeFS, strs)
	hasStrings := statErr == nil
	listed := errors.Is(err, errListed)
	switch {
	case listed && hasStrings:
		return fmt.Errorf("%s: %v, and the theme has its strings (%s/%s)", sitePath, err, a.theme, strs)
	case listed: // listed by hand: only the theme's file is to make
		newSite = nil
	case err != nil:
		return fmt.Errorf("%s: %v", sitePath, err)
	}
	var created []byte
	var count int
	if !hasStrings {
		if a.builtIn {
			return fmt.Errorf("%s has no interface strings for %s: copy abri's themes/default folder (github.com/abri-guide/abri) beside %s, or give --theme DIR, and run abri translate add %s again", builtIn, a.lang, a.dir, a.lang)
		}
		src, err := fs.ReadFile(a.themeFS, "i18n/"+langs[0]+".yaml")
		if err != nil {
			return fmt.Errorf("%s: the source language %s has no interface strings: %v", a.theme, langs[0], err)
		}
		if created, count, err = stringsToTranslate(src, langs[0], a.lang, endonym); err != nil {
			return fmt.Errorf("%s/i18n/%s.yaml:%v", a.theme, langs[0], err)
		}
	}
	if created != nil {
		if err := os.WriteFile(filepath.Join(a.theme, filepath.FromSlash(strs)), created, 0o644); err != nil {
			return err
		}
	}
	if newSite != nil {
		if err := os.WriteFile(sitePath, newSite, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "abri: added %s (%s) to %s: languages %s\n", a.lang, endonym, sitePath, strings.Join(append(langs, a.lang), ", "))
	} else {
		fmt.Fprintf(w, "abri: %s (%s) is already in %s: languages %s\n", a.lang, endonym, sitePath, strings.Join(langs, ", "))
	}
	forms, known := theme.PluralForms(a.lang)
	if created != nil {
		fmt.Fprintf(w, "abri: created %s/%s: %d interface strings to translate from %s.yaml (plural forms of %s: %s)\n",
			a.theme, strs, count, langs[0], a.lang, strings.Join(forms, ", "))
	} else {
		fmt.Fprintf(w, "abri: the theme already has %s\n", strs)
	}
	if !known {
		fmt.Fprintf(w, "abri: warning: abri has no plural rule for %s: strings with a count give one text (other) for every count\n", a.lang)
	}
	if render.Direction(a.lang) == "rtl" {
		fmt.Fprintf(w, "abri: %s is written right to left: its pages get dir=\"rtl\"\n", a.lang)
	}
	fmt.Fprintf(w, "Next: abri translate export --lang %s --missing > %s.po, translate it, then abri translate import %s.po;\n"+
		"until then, the build warns and readers of %s see the %s text.\n", a.lang, a.lang, a.lang, a.lang, langs[0])
	return nil
}

// langNames reads the theme's languages.yaml: code -> name in itself.
func (a *adder) langNames() (map[string]string, error) {
	data, err := fs.ReadFile(a.themeFS, "i18n/languages.yaml")
	if err != nil {
		return nil, fmt.Errorf("%s: %v", a.theme, err)
	}
	names := map[string]string{}
	if err := yaml.Unmarshal(data, &names); err != nil {
		return nil, fmt.Errorf("%s/i18n/languages.yaml: %v", a.theme, err)
	}
	return names, nil
}

func sortedNames(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// errListed: the language is already in site.yaml.
var errListed = errors.New("already a language of the guide")

// addLanguage returns site.yaml's languages and site.yaml with lang added
// at the end of its languages list, changing no other byte: a flow list
// [fr, en] gets ", lang" before its ']', a block list a "- lang" line after
// its last item, at the same indentation.
func addLanguage(site []byte, lang string) ([]string, []byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(site, &doc); err != nil {
		return nil, nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("want a map of fields")
	}
	root := doc.Content[0]
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "languages" {
			list = root.Content[i+1]
		}
	}
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		return nil, nil, fmt.Errorf("no languages: list to add %s to (languages: [fr, %s])", lang, lang)
	}
	var langs []string
	for _, n := range list.Content {
		langs = append(langs, n.Value)
	}
	if slices.Contains(langs, lang) {
		return langs, nil, fmt.Errorf("%w (languages: %s)", errListed, strings.Join(langs, ", "))
	}
	last := list.Content[len(list.Content)-1]
	end := offset(site, last.Line, last.Column) + len(scalarSource(site, last))
	if list.Style&yaml.FlowStyle != 0 {
		return langs, splice(site, end, ", "+lang), nil
	}
	indent := string(site[offset(site, last.Line, 1):offset(site, last.Line, last.Column)]) // "  - "
	eol := bytes.IndexByte(site[end:], '\n')
	if eol < 0 {
		return langs, splice(site, len(site), "\n"+indent+lang+"\n"), nil
	}
	return langs, splice(site, end+eol+1, indent+lang+"\n"), nil
}

// offset is the byte offset of a 1-based line and column (yaml.v3 counts
// columns in runes).
func offset(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(data); c++ {
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// scalarSource is a scalar as written: its value, with quotes if it had them.
func scalarSource(data []byte, n *yaml.Node) string {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return strconv.Quote(n.Value) // language codes need no escapes
	}
	return n.Value
}

func splice(data []byte, at int, s string) []byte {
	out := make([]byte, 0, len(data)+len(s))
	out = append(out, data[:at]...)
	out = append(out, s...)
	return append(out, data[at:]...)
}

// stringsToTranslate is the interface strings file of lang made from the source
// language's (src, in language from), in its order with its section
// comments: every string empty with the source text as a comment above it,
// plural strings with the forms lang needs; lang_name is the language's
// name. It returns the number of strings to translate.
func stringsToTranslate(src []byte, from, lang, endonym string) ([]byte, int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, 0, fmt.Errorf(" %v", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, 0, fmt.Errorf("1:1: want a map of key: text")
	}
	forms, _ := theme.PluralForms(lang)
	var b strings.Builder
	fmt.Fprintf(&b, "# Interface strings in %s (%s), made by abri translate add from %s.yaml.\n", endonym, lang, from)
	fmt.Fprintf(&b, "# Every string is empty, its %s text in the comment above it: translate it between\n", from)
	fmt.Fprintf(&b, "# the quotes. Until then the site shows the %s text, and the build warns.\n", from)
	root, count := doc.Content[0], 0
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if key.HeadComment != "" {
			b.WriteString("\n" + key.HeadComment + "\n")
		}
		switch {
		case key.Value == "lang_name":
			fmt.Fprintf(&b, "lang_name: %s\n", strconv.Quote(endonym))
		case val.Kind == yaml.ScalarNode:
			fmt.Fprintf(&b, "# %s: %s\n%s: \"\"\n", from, oneLine(val.Value), key.Value)
			count++
		case val.Kind == yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				fmt.Fprintf(&b, "# %s %s: %s\n", from, val.Content[j].Value, oneLine(val.Content[j+1].Value))
			}
			b.WriteString(key.Value + ":\n")
			for _, f := range forms {
				fmt.Fprintf(&b, "  %s: \"\"\n", f)
			}
			count++
		default:
			return nil, 0, fmt.Errorf("%d:%d: %s: want a text, or one text per plural form", val.Line, val.Column, key.Value)
		}
	}
	return []byte(b.String()), count, nil
}

// oneLine writes a text on one comment line.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", `\n`) }
