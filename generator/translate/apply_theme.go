package translate

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/abri-guide/abri/generator/internal/yamlsrc"
	"gopkg.in/yaml.v3"
)

// builtInTheme says why interface strings of the built-in theme are not written.
const builtInTheme = "the guide uses abri's built-in theme, whose interface strings are inside abri: copy abri's themes/default folder beside the content folder (or give --theme DIR) and import again"

// cldrForms are the plural forms an interface string may give.
var cldrForms = []string{"zero", "one", "two", "few", "many", "other"}

// theme applies the interface strings (i18n#id, i18n#id.form) into the
// theme's i18n/<lang>.yaml, made if missing.
func (j *job) theme(us []Unit) {
	if j.dirs.Theme == "" {
		for _, u := range us {
			j.skip(u.Key, builtInTheme)
		}
		return
	}
	tfs := os.DirFS(j.dirs.Theme)
	srcName := "i18n/" + j.src + ".yaml"
	srcRoot := readMap(tfs, srcName)
	if srcRoot == nil {
		for _, u := range us {
			j.refuse(u.Key, "no "+srcName+" in the theme "+j.dirs.Theme+" to translate from")
		}
		return
	}
	name := "i18n/" + j.lang + ".yaml"
	data, err := fs.ReadFile(tfs, name)
	if err != nil && !os.IsNotExist(err) {
		j.skipAll(us, err.Error())
		return
	}
	d, ok := newDoc(data)
	if !ok {
		j.skipAll(us, filepath.Join(j.dirs.Theme, name)+" is not a map of id: text: fix it first")
		return
	}
	var applied []Unit
	var fresh []string // lines of the ids the file did not have
	for _, u := range us {
		id, form, source, why := themeSource(srcRoot, strings.TrimPrefix(u.Key, "i18n#"))
		if why != "" {
			j.refuse(u.Key, why)
			continue
		}
		if !j.current(u, source) {
			continue
		}
		changed, err := d.setString(id, form, u.Translation, &fresh)
		if err != nil {
			j.skip(u.Key, err.Error())
			continue
		}
		j.done(u, source, changed)
		j.reviewed(u)
		if changed {
			applied = append(applied, u)
		}
	}
	if len(fresh) > 0 {
		d.appendLines(fresh)
	}
	if len(d.edits) == 0 {
		return
	}
	out, err := d.result()
	if err != nil {
		j.undo(applied, err.Error())
		return
	}
	j.out = append(j.out, output{filepath.Join(j.dirs.Theme, filepath.FromSlash(name)), out})
}

func (j *job) skipAll(us []Unit, why string) {
	for _, u := range us {
		j.skip(u.Key, why)
	}
}

// readMap is the top-level map of a YAML file, or nil.
func readMap(fsys fs.FS, name string) *yaml.Node {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	var top yaml.Node
	if yaml.Unmarshal(data, &top) != nil || len(top.Content) == 0 || top.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	return top.Content[0]
}

// newDoc reads a file of interface strings; an empty or missing one is an
// empty map.
func newDoc(data []byte) (*doc, bool) {
	var top yaml.Node
	if yaml.Unmarshal(data, &top) != nil {
		return nil, false
	}
	d := &doc{src: yamlsrc.New(data), root: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
	if len(top.Content) > 0 {
		d.root = top.Content[0]
	}
	return d, d.root.Kind == yaml.MappingNode && d.root.Style&yaml.FlowStyle == 0
}

// themeSource resolves id or id.form in the source language's strings:
// the source of a form is the source's same form, else its other.
func themeSource(src *yaml.Node, where string) (id, form, source, why string) {
	id, form, _ = strings.Cut(where, ".")
	i := pairIndex(src, id)
	if i < 0 {
		return "", "", "", "no interface string " + id + " in the theme"
	}
	v := src.Content[i+1]
	switch {
	case form == "" && v.Kind == yaml.ScalarNode:
		return id, "", v.Value, ""
	case form == "":
		return "", "", "", id + " is a plural string: its keys are i18n#" + id + ".one, i18n#" + id + ".other…"
	case v.Kind != yaml.MappingNode:
		return "", "", "", id + " is not a plural string: its key is i18n#" + id
	case !slices.Contains(cldrForms, form):
		return "", "", "", form + " is not a plural form (" + strings.Join(cldrForms, ", ") + ")"
	}
	if k := pairIndex(v, form); k >= 0 {
		return id, form, v.Content[k+1].Value, ""
	}
	if k := pairIndex(v, "other"); k >= 0 {
		return id, form, v.Content[k+1].Value, ""
	}
	return "", "", "", id + " has no other form in the theme's source strings"
}

// setString writes one interface string (or one form of it); the lines of
// an id the file lacks go into fresh, written at the end.
func (d *doc) setString(id, form, text string, fresh *[]string) (bool, error) {
	i := pairIndex(d.root, id)
	quoted := place{hint: yaml.DoubleQuotedStyle, eol: d.src.EOL}
	if i < 0 {
		d.root.Content = append(d.root.Content, strNode(id))
		if form == "" {
			d.root.Content = append(d.root.Content, strNode(text))
			*fresh = append(*fresh, id+": "+format(text, quoted))
			return true, nil
		}
		quoted.indent = 2
		d.root.Content = append(d.root.Content, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode(form), strNode(text)}})
		*fresh = append(*fresh, id+":", "  "+form+": "+format(text, quoted))
		return true, nil
	}
	v := d.root.Content[i+1]
	switch {
	case v.Kind == yaml.MappingNode && v.Line == 0: // given in this import
		v.Content = append(v.Content, strNode(form), strNode(text))
		*fresh = slices.Insert(*fresh, freshEnd(*fresh, id), "  "+form+": "+format(text, place{indent: 2, hint: yaml.DoubleQuotedStyle, eol: d.src.EOL}))
		return true, nil
	case form == "" && v.Kind == yaml.ScalarNode, form != "" && v.Kind == yaml.MappingNode && pairIndex(v, form) >= 0:
		m, k := d.root, i+1
		if form != "" {
			m, k = v, pairIndex(v, form)+1
		}
		if m.Content[k].Value == text && m.Content[k].Tag != "!!null" {
			return false, nil
		}
		end, err := d.valueEnd(m.Content[k], m)
		if err != nil {
			return false, err
		}
		return true, d.replace(m, k, end, text)
	case form != "" && v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0:
		return true, d.addEntry(v, form, text, false)
	}
	return false, errByHand
}

// freshEnd is the index after the lines of id in fresh.
func freshEnd(fresh []string, id string) int {
	i := slices.Index(fresh, id+":") + 1
	for i < len(fresh) && strings.HasPrefix(fresh[i], "  ") {
		i++
	}
	return i
}

// appendLines writes lines at the end of the file.
func (d *doc) appendLines(lines []string) {
	text := strings.Join(lines, d.src.EOL) + d.src.EOL
	if len(d.src.B) > 0 && !endsWithBreak(d.src.B) {
		text = d.src.EOL + strings.TrimSuffix(text, d.src.EOL) // the file had no final line break: neither has it now
	}
	d.edits = append(d.edits, splice{len(d.src.B), len(d.src.B), text})
}
