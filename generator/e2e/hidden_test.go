package e2e

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// hiddenPlace is a listing whose address must not be published.
type hiddenPlace struct {
	ID         string
	PostalCode string   // shown
	Secrets    []string // the street and the coordinates, never shown
}

// hiddenPlaces reads the listings of a content folder and returns those with
// address.hidden: true, straight from their YAML.
func hiddenPlaces(content string) ([]hiddenPlace, error) {
	var out []hiddenPlace
	err := filepath.WalkDir(filepath.Join(content, "listings"), func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(name) != ".yaml" {
			return err
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var l struct {
			Address struct {
				Street     string `yaml:"street"`
				PostalCode string `yaml:"postal_code"`
				Hidden     bool   `yaml:"hidden"`
			} `yaml:"address"`
			Geo []string `yaml:"geo"`
		}
		if err := yaml.Unmarshal(b, &l); err != nil {
			return err
		}
		if l.Address.Hidden {
			out = append(out, hiddenPlace{
				ID:         strings.TrimSuffix(filepath.Base(name), ".yaml"),
				PostalCode: l.Address.PostalCode,
				Secrets:    append([]string{l.Address.Street}, l.Geo...),
			})
		}
		return nil
	})
	return out, err
}

// leaks returns the secrets that text shows, as they are or HTML-escaped.
func leaks(text string, secrets []string) []string {
	var out []string
	for _, s := range secrets {
		if s != "" && (strings.Contains(text, s) || strings.Contains(text, html.EscapeString(s))) {
			out = append(out, s)
		}
	}
	return out
}

// TestHiddenAddress checks that the street and the coordinates of a place
// whose address is hidden appear nowhere: not in its page as Chromium shows
// it, in any language, and not in any file of the output.
func TestHiddenAddress(t *testing.T) {
	t.Parallel()
	places, err := hiddenPlaces(filepath.Join(repoRoot, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if len(places) == 0 {
		t.Fatal("no listing of the demo guide has address.hidden: true any more; this test needs one")
	}
	files := 0
	err = filepath.WalkDir(demo.Dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(name)
		for _, p := range places {
			for _, s := range leaks(string(b), p.Secrets) {
				t.Errorf("%s: shows %q of %s, whose address is hidden", name[len(demo.Dir)+1:], s, p.ID)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, "")
	for _, p := range places {
		for _, lang := range demo.Langs {
			page := "/" + lang + "/places/" + p.ID + ".html"
			v, err := tb.open(demo.URL + page)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range loadFindings(v, demo.URL, 200) {
				t.Errorf("%s: %s", page, f)
			}
			shown, err := eval[string](tb, "document.documentElement.outerHTML")
			if err != nil {
				t.Fatal(err)
			}
			text, err := eval[string](tb, "document.body.innerText")
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range leaks(shown, p.Secrets) {
				t.Errorf("%s: shows %q, but the address is hidden", page, s)
			}
			if !strings.Contains(text, p.PostalCode) {
				t.Errorf("%s: does not show the postal code %s", page, p.PostalCode)
			}
		}
		t.Logf("%s: address hidden in its page in %d languages and in the %d files of the output", p.ID, len(demo.Langs), files)
	}
}
