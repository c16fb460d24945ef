package theme

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

func (t *Theme) loadStrings(fsys fs.FS) error {
	names, _ := fs.Glob(fsys, "i18n/*.yaml")
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		var raw map[string]yaml.Node
		if err := yaml.Unmarshal(data, &raw); err != nil {
			return fmt.Errorf("%s/%s: %v", t.Root, name, err)
		}
		m, err := flatten(raw)
		if err != nil {
			return fmt.Errorf("%s/%s:%v", t.Root, name, err)
		}
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		if lang == "languages" {
			t.LangNames = m
			continue
		}
		t.Strings[lang] = m
	}
	return nil
}

// flatten keeps plain strings as they are and stores the forms of a
// plural string (places_count: {one: …, other: …}) as places_count.one,
// places_count.other, so that Strings stays one flat map.
func flatten(raw map[string]yaml.Node) (Strings, error) {
	m := Strings{}
	for k, n := range raw {
		switch n.Kind {
		case yaml.ScalarNode:
			m[k] = n.Value
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				form, v := n.Content[i], n.Content[i+1]
				if !isForm(form.Value) || v.Kind != yaml.ScalarNode {
					return nil, fmt.Errorf("%d:%d: %s: %q is not a plural form (write one text for each of %s)", form.Line, form.Column, k, form.Value, strings.Join(pluralForms, ", "))
				}
				m[k+"."+form.Value] = v.Value
			}
		default:
			return nil, fmt.Errorf("%d:%d: %s: want a text, or one text per plural form (one: …, other: …)", n.Line, n.Column, k)
		}
	}
	return m, nil
}

func isForm(s string) bool {
	for _, f := range pluralForms {
		if s == f {
			return true
		}
	}
	return false
}

// baseKey is the key of an entry: places_count for places_count.one.
func baseKey(k string) string {
	if i := strings.IndexByte(k, '.'); i >= 0 {
		return k[:i]
	}
	return k
}

// plural tells whether s gives key as plural forms.
func (s Strings) plural(key string) bool {
	_, ok := s[key+".other"]
	return ok
}

var usedKey = regexp.MustCompile(`\.T "([a-z0-9_]+)"`)

// Keys returns every interface string the theme needs: those its templates
// use and those any of its languages defines.
func (t *Theme) Keys() []string {
	set := map[string]bool{}
	for _, src := range t.Sources {
		for _, m := range usedKey.FindAllStringSubmatch(src, -1) {
			set[m[1]] = true
		}
	}
	for _, s := range t.Strings {
		for k := range s {
			set[baseKey(k)] = true
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Missing is an interface string a language of the guide lacks.
type Missing struct {
	File    string // the i18n file to fix
	Msg     string
	Warning bool // not translated yet: readers see the source language's string
}

// CheckLanguages returns the problems of the interface strings of langs,
// the source language first: a string missing in the source language, or
// broken in any (plural forms), is an error, so that no page ever shows a key
// instead of words; strings not translated yet into another language are
// one warning for that language, as pages show the source string instead.
func (t *Theme) CheckLanguages(langs []string) []Missing {
	keys := t.Keys()
	var problems []Missing
	for i, lang := range langs {
		file := t.Root + "/i18n/" + lang + ".yaml"
		s := t.Strings[lang]
		if i > 0 {
			if n := len(t.untranslated(lang, keys)); n > 0 {
				msg := fmt.Sprintf("%s: %d of %d interface strings not translated; readers see the %s text: run abri translate export --lang %s --missing", lang, n, len(keys), langs[0], lang)
				if s == nil {
					msg = fmt.Sprintf("%s: the theme has no interface strings for it; readers see the %s text: run abri translate add %s to create the file", lang, langs[0], lang)
				}
				problems = append(problems, Missing{File: file, Msg: msg, Warning: true})
			}
		} else if s == nil {
			problems = append(problems, Missing{File: file, Msg: fmt.Sprintf("missing file: the theme has no interface strings for %q (copy en.yaml and translate it)", lang)})
			continue
		}
		for _, k := range keys {
			if i > 0 && t.isUntranslated(s, k) {
				continue // counted above
			}
			if t.pluralAnywhere(k) {
				problems = append(problems, pluralProblems(file, lang, k, s)...)
				continue
			}
			if strings.TrimSpace(s[k]) == "" {
				problems = append(problems, Missing{File: file, Msg: fmt.Sprintf("missing string %q (add it, translated from en.yaml)", k)})
			}
		}
	}
	return problems
}

// untranslated lists the keys lang has no text for.
func (t *Theme) untranslated(lang string, keys []string) []string {
	var missing []string
	for _, k := range keys {
		if t.isUntranslated(t.Strings[lang], k) {
			missing = append(missing, k)
		}
	}
	return missing
}

// isUntranslated tells whether s has no text for key: absent or empty, and
// for a plural string every form absent or empty (some forms only is broken).
func (t *Theme) isUntranslated(s Strings, key string) bool {
	if strings.TrimSpace(s[key]) != "" {
		return false
	}
	for _, f := range pluralForms {
		if strings.TrimSpace(s[key+"."+f]) != "" {
			return false
		}
	}
	return true
}

// WithFallback returns the theme whose languages of langs, after the first,
// show the first's string wherever theirs is not translated yet. The theme
// itself is left as it is (abri serve reloads and rechecks it).
func (t *Theme) WithFallback(langs []string) *Theme {
	if len(langs) < 2 {
		return t
	}
	keys := t.Keys()
	src := t.Strings[langs[0]]
	var filled map[string]Strings
	for _, lang := range langs[1:] {
		missing := t.untranslated(lang, keys)
		if len(missing) == 0 {
			continue
		}
		if filled == nil {
			filled = make(map[string]Strings, len(t.Strings))
			for l, s := range t.Strings {
				filled[l] = s
			}
		}
		s := make(Strings, len(src))
		for k, v := range t.Strings[lang] {
			s[k] = v
		}
		for _, k := range missing {
			if k == "lang_name" {
				continue // the language's name comes from languages.yaml then, never the source's
			}
			delete(s, k)
			for _, f := range pluralForms {
				delete(s, k+"."+f)
				if v, ok := src[k+"."+f]; ok {
					s[k+"."+f] = v
				}
			}
			if v, ok := src[k]; ok {
				s[k] = v
			}
		}
		filled[lang] = s
	}
	if filled == nil {
		return t
	}
	c := *t
	c.Strings = filled
	return &c
}

// pluralAnywhere tells whether some language gives key as plural forms:
// it is a string with a count, which every language must then agree with.
func (t *Theme) pluralAnywhere(key string) bool {
	for _, s := range t.Strings {
		if s.plural(key) {
			return true
		}
	}
	return false
}

// pluralProblems checks that s gives key in every plural form that lang
// needs, and no other.
func pluralProblems(file, lang, key string, s Strings) []Missing {
	rule, known := plurals[lang]
	if !s.plural(key) {
		if !known && strings.TrimSpace(s[key]) != "" {
			return nil // a language without plural rules here: one text for every count
		}
		return []Missing{{File: file, Msg: fmt.Sprintf("string %q has a count: give one text per plural form of %s (%s: …), translated from en.yaml", key, lang, strings.Join(ruleOf(lang).forms, ": …, "))}}
	}
	if !known {
		rule = pluralRule{forms: []string{"other"}}
	}
	var problems []Missing
	for _, f := range rule.forms {
		if strings.TrimSpace(s[key+"."+f]) == "" {
			problems = append(problems, Missing{File: file, Msg: fmt.Sprintf("missing plural form %q of %q (%s needs %s)", f, key, lang, strings.Join(rule.forms, ", "))})
		}
	}
	if _, ok := s[key]; ok {
		problems = append(problems, Missing{File: file, Msg: fmt.Sprintf("%q is given both as a text and as plural forms (keep the forms)", key)})
	}
	for _, f := range pluralForms {
		if _, ok := s[key+"."+f]; ok && known && !contains(rule.forms, f) {
			problems = append(problems, Missing{File: file, Msg: fmt.Sprintf("plural form %q of %q is never used in %s (its forms are %s): remove it", f, key, lang, strings.Join(rule.forms, ", "))})
		}
	}
	return problems
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Format replaces {name} placeholders in the string key with values given
// as name, value pairs. A plural string takes its "other" form: strings
// with a count are formatted by FormatIn.
func (s Strings) Format(key string, pairs ...string) (string, error) {
	return s.FormatIn("", key, pairs...)
}

// FormatIn is Format in the language lang: a plural string takes the form
// of its count ({n}, or its only placeholder) by the CLDR rule of lang.
func (s Strings) FormatIn(lang, key string, pairs ...string) (string, error) {
	v, ok := s[key]
	if !ok && s.plural(key) {
		form := "other"
		if n, isCount := countOf(pairs); isCount && lang != "" {
			form = PluralForm(lang, n)
		}
		if v, ok = s[key+"."+form]; !ok {
			v = s[key+".other"]
		}
		ok = true
	}
	if !ok {
		return "", fmt.Errorf("missing interface string %q", key)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v = strings.Replace(v, "{"+pairs[i]+"}", pairs[i+1], 1)
	}
	return v, nil
}
