package content

import (
	"reflect"

	"gopkg.in/yaml.v3"
)

// DefaultQuickExit is where the quick exit leaves for when site.yaml names
// no site: one that arouses no suspicion on a shared phone and reads in
// every language.
const DefaultQuickExit = "https://www.wikipedia.org/"

// QuickExit is site.yaml's quick_exit, for guides listing shelters for
// women or violence services: a "Leave this site" button and Escape
// pressed three times replace the page with a neutral site. In YAML:
// true, or {url: …, pages: …}.
type QuickExit struct {
	URL   URL    `yaml:"url"`                         // the neutral site it leaves for; absent: https://www.wikipedia.org/
	Pages string `yaml:"pages" enum:"all,categories"` // all (absent): on every page; categories: only on the pages of categories with quick_exit: true and their listings'

	On bool `yaml:"-"` // shown on every page (pages: all)
}

func (q *QuickExit) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		q.On, _ = d.boolean(n)
		return
	}
	if n.Kind != yaml.MappingNode {
		if !isNull(n) {
			d.errorf(n, "%s is not a quick exit: want true, or {url: https://…} to name the neutral site it leaves for", describe(n))
		}
		return
	}
	d.decodeStruct(n, reflect.ValueOf(q).Elem())
	q.On = q.Pages != "categories"
}

// Address is the neutral site the quick exit leaves for.
func (q QuickExit) Address() string {
	if q.URL == "" {
		return DefaultQuickExit
	}
	return string(q.URL)
}
