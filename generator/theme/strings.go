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
		var m map[string]string
		if err := yaml.Unmarshal(data, &m); err != nil {
			return fmt.Errorf("%s/%s: %v", t.Root, name, err)
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
			set[k] = true
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
	File string // the i18n file to fix
	Msg  string
}

// CheckLanguages returns one problem per interface string missing in one of
// langs, so that no page ever shows a key instead of words.
func (t *Theme) CheckLanguages(langs []string) []Missing {
	keys := t.Keys()
	var problems []Missing
	for _, lang := range langs {
		file := t.Root + "/i18n/" + lang + ".yaml"
		s, ok := t.Strings[lang]
		if !ok {
			problems = append(problems, Missing{file, fmt.Sprintf("missing file: the theme has no interface strings for %q (copy en.yaml and translate it)", lang)})
			continue
		}
		for _, k := range keys {
			if strings.TrimSpace(s[k]) == "" {
				problems = append(problems, Missing{file, fmt.Sprintf("missing string %q (add it, translated from en.yaml)", k)})
			}
		}
	}
	return problems
}

// Format replaces {name} placeholders in the string key with values given
// as name, value pairs.
func (s Strings) Format(key string, pairs ...string) (string, error) {
	v, ok := s[key]
	if !ok {
		return "", fmt.Errorf("missing interface string %q", key)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v = strings.Replace(v, "{"+pairs[i]+"}", pairs[i+1], 1)
	}
	return v, nil
}
