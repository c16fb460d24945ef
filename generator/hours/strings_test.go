package hours

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

const themeDir = "../../themes/default"

// TestScriptStrings checks the contract between hours.js and the pages:
// the strings the script reads are those of ScriptStrings, and every
// language of the theme has them.
func TestScriptStrings(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(themeDir, "static/hours.js"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bt\.([a-z0-9_]+)|\bt\["([a-z0-9_]+)"`).FindAllStringSubmatch(string(src), -1) {
		used[m[1]+m[2]] = true
	}
	expand := map[string][]string{ // keys hours.js builds: t["month_" + m]
		"month_":        {"month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8", "month_9", "month_10", "month_11", "month_12"},
		"status_opens_": {"status_opens_mo", "status_opens_tu", "status_opens_we", "status_opens_th", "status_opens_fr", "status_opens_sa", "status_opens_su"},
	}
	for k := range used {
		if keys, ok := expand[k]; ok {
			delete(used, k)
			for _, e := range keys {
				used[e] = true
			}
		}
	}
	for k := range used {
		if !slices.Contains(ScriptStrings, k) {
			t.Errorf("hours.js reads t.%s, which is not in ScriptStrings", k)
		}
	}
	for _, k := range ScriptStrings {
		if !used[k] {
			t.Errorf("ScriptStrings has %s, which hours.js does not read", k)
		}
	}
	files, _ := filepath.Glob(filepath.Join(themeDir, "i18n/*.yaml"))
	line := regexp.MustCompile(`(?m)^([a-z0-9_]+):`)
	for _, f := range files {
		if filepath.Base(f) == "languages.yaml" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, m := range line.FindAllStringSubmatch(string(data), -1) {
			keys = append(keys, m[1])
		}
		for _, k := range ScriptStrings {
			if !slices.Contains(keys, k) {
				t.Errorf("%s has no %s, which hours.js needs", f, k)
			}
		}
	}
	if len(files) < 12 {
		t.Errorf("%d i18n files; want the 12 languages of the theme", len(files))
	}
}
