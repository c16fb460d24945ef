package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Text is a translatable text: language code to text. In YAML it is either a
// plain string, in the guide's source language, or a map language -> text.
// In the map, <lang>_mt: true marks the text in lang machine-translated, not
// yet reviewed.
type Text map[string]string

// machineSuffix ends the key that marks a language's text machine-translated:
// the Go map holds <lang>_mt, with an empty value, beside lang. A lookup by
// language never sees it; code that ranges over a Text skips it with IsFlag.
const machineSuffix = "_mt"

// Machine reports whether the text in lang is machine-translated and not yet
// reviewed by a person.
func (t Text) Machine(lang string) bool {
	_, ok := t[lang+machineSuffix]
	return ok
}

// IsFlag reports whether a key of a Text is a flag (uk_mt) rather than a language.
func IsFlag(key string) bool { return strings.HasSuffix(key, machineSuffix) }

// In returns the text in lang and the language it is really in: lang when
// translated, otherwise the first of langs (the source language first) that has it.
func (t Text) In(langs []string, lang string) (text, in string) {
	if s, ok := t[lang]; ok {
		return s, lang
	}
	for _, l := range langs {
		if s, ok := t[l]; ok {
			return s, l
		}
	}
	return "", lang
}

func (t *Text) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		if s, ok := d.scalar(n); ok && len(d.site.Languages) > 0 {
			*t = Text{d.site.Languages[0].String(): s}
			d.checkTranslated(n, *t)
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "want a text, or a map of language: text (fr: ..., en: ...), not a %s", kindName(n))
		return
	}
	m := Text{}
	var flags []int
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if IsFlag(key.Value) {
			flags = append(flags, i) // checked once every language is read
			continue
		}
		if !d.checkLang(key) {
			continue
		}
		if _, dup := m[key.Value]; dup {
			d.errorf(key, "language %q is given twice", key.Value)
			continue
		}
		if s, ok := d.scalar(val); ok {
			m[key.Value] = s
		}
	}
	for _, i := range flags {
		d.decodeFlag(n.Content[i], n.Content[i+1], m)
	}
	if len(n.Content) == 0 && len(d.site.Languages) > 0 {
		d.errorf(n, "empty text: write it at least in %s (%s: ...), or remove the line", d.site.Languages[0], d.site.Languages[0])
	}
	*t = m
	d.checkTranslated(n, m)
}

// decodeFlag reads <lang>_mt: true|false, which says whether the text in lang
// is machine-translated; true is stored in m as the key <lang>_mt.
func (d *decoder) decodeFlag(key, val *yaml.Node, m Text) {
	lang := strings.TrimSuffix(key.Value, machineSuffix)
	langs := d.site.langs()
	switch {
	case len(langs) == 0:
		return // site.yaml's languages are broken, and reported there
	case !slices.Contains(langs, lang):
		d.errorf(key, "%q: %q is not a language of the guide (site.yaml languages: %s)%s",
			key.Value, lang, strings.Join(langs, ", "), suggest(lang, langs))
		return
	case lang == langs[0]:
		d.errorf(key, "%q: %s is the source language, it cannot be machine-translated (remove the line)", key.Value, lang)
		return
	}
	if _, ok := m[key.Value]; ok {
		d.errorf(key, "%q is given twice", key.Value)
		return
	}
	if _, ok := m[lang]; !ok {
		d.errorf(key, "%q: there is no %s text to flag: add %s: ..., or remove %s", key.Value, lang, lang, key.Value)
		return
	}
	if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" || (val.Value != "true" && val.Value != "false") {
		d.errorf(val, "%s: want true (machine-translated, not yet reviewed) or false (reviewed), not %q", key.Value, val.Value)
		return
	}
	if val.Value == "true" {
		m[key.Value] = ""
	}
}

// checkLang reports a translation in a language the guide does not list.
func (d *decoder) checkLang(key *yaml.Node) bool {
	langs := d.site.langs()
	if len(langs) == 0 || slices.Contains(langs, key.Value) {
		// No languages: site.yaml's are broken, and reported there.
		return true
	}
	p := d.problem(Error, key, "%q is not a language of the guide (site.yaml languages: %s)%s",
		key.Value, strings.Join(langs, ", "), suggest(key.Value, langs))
	p.lang = key.Value
	*d.problems = append(*d.problems, p)
	return false
}

// checkTranslated warns when a text lacks some of the guide's languages.
func (d *decoder) checkTranslated(n *yaml.Node, t Text) {
	var missing []string
	for _, l := range d.site.langs() {
		if _, ok := t[l]; !ok {
			missing = append(missing, l)
		}
	}
	if len(missing) > 0 && len(t) > 0 {
		_, src := t.In(d.site.langs(), "")
		p := d.problem(Warning, n, "%s", untranslatedMsg(missing, src))
		p.untranslated = &untranslated{missing: missing, src: src, field: strings.TrimSuffix(p.Msg, untranslatedMsg(missing, src))}
		*d.problems = append(*d.problems, p)
	}
}

func untranslatedMsg(missing []string, src string) string {
	return fmt.Sprintf("not translated into %s (readers see the %s text, marked as not translated)", strings.Join(missing, ", "), src)
}

// Lang is a language code of the guide, such as fr, ar or pt-BR.
type Lang string

func (l Lang) String() string { return string(l) }

var langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z][A-Za-z]{1,7})?$`)

func (l *Lang) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	if !langPattern.MatchString(s) {
		d.errorf(n, "%q is not a language code (want ISO 639-1 like fr, en, ar, uk)", s)
		return
	}
	*l = Lang(s)
}

// SpokenLang is a language spoken on site: any ISO 639 code (fr, lsf, prs ...).
type SpokenLang string

var spokenPattern = regexp.MustCompile(`^[a-z]{2,3}$`)

func (l *SpokenLang) decodeYAML(d *decoder, n *yaml.Node) {
	s, ok := d.scalar(n)
	if !ok {
		return
	}
	if !spokenPattern.MatchString(s) {
		d.errorf(n, "%q is not a language code (want an ISO 639 code in lower case: fr, ar, lsf, prs)", s)
		return
	}
	*l = SpokenLang(s)
}

// Words are search words per language, e.g. synonyms of a category.
type Words map[string][]string

func (w *Words) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "want a map of language: words (fr: douche, se laver), not a %s", kindName(n))
		return
	}
	m := Words{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if !d.checkLang(key) {
			continue
		}
		var words []string
		d.decodeSlice(val, reflectValue(&words), fieldRules{})
		for _, s := range words {
			for _, w := range strings.Split(s, ",") {
				if w = strings.TrimSpace(w); w != "" {
					m[key.Value] = append(m[key.Value], w)
				}
			}
		}
	}
	*w = m
}
