package campaign

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/slug"
)

// Selection says which listings a campaign works on. Each part given
// narrows it: the listings named, and in the city, and in the category.
type Selection struct {
	Refs     []string // listing ids, or files as paths inside the content folder (listings/…/x.yaml)
	City     string   // a city, matched as the site groups them (slug.Fold)
	Category string   // a category id; its sub-categories are in it
}

// Empty reports whether nothing narrows the selection: every listing.
func (s Selection) Empty() bool { return len(s.Refs) == 0 && s.City == "" && s.Category == "" }

// Target is a selected listing file.
type Target struct {
	ID   string           // the file name without .yaml
	File string           // path inside the content folder: listings/…/id.yaml
	L    *content.Listing // the published listing; nil for a draft or a file with errors, named by ref
}

// Select returns the selected listings, sorted by id. Published listings
// are chosen by city and category; a ref may also name a draft, or a file
// abri check finds errors in (its city and category are then not known,
// so a ref with --city or --category only matches published listings).
// An unknown ref, city or category is an error that says what exists.
func Select(fsys fs.FS, g *content.Guide, s Selection) ([]Target, error) {
	files, err := listingFiles(fsys)
	if err != nil {
		return nil, err
	}
	var in func(l *content.Listing) bool
	if in, err = filter(g, s); err != nil {
		return nil, err
	}
	byID := map[string]*content.Listing{}
	for _, l := range g.Listings {
		byID[l.ID] = l
	}
	var out []Target
	if len(s.Refs) == 0 {
		for _, l := range g.Listings {
			if in(l) {
				out = append(out, Target{ID: l.ID, File: files[l.ID], L: l})
			}
		}
		return out, nil
	}
	seen := map[string]bool{}
	for _, ref := range s.Refs {
		id, err := refID(ref, files)
		if err != nil {
			return nil, err
		}
		l := byID[id]
		if seen[id] || (l == nil && (s.City != "" || s.Category != "")) || (l != nil && !in(l)) {
			continue
		}
		seen[id] = true
		out = append(out, Target{ID: id, File: files[id], L: l})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// listingFiles maps every listing id to its file, drafts included.
func listingFiles(fsys fs.FS) (map[string]string, error) {
	files := map[string]string{}
	err := fs.WalkDir(fsys, "listings", func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p != "listings" && strings.HasPrefix(e.Name(), "."):
			if e.IsDir() {
				return fs.SkipDir
			}
		case !e.IsDir() && strings.HasSuffix(p, ".yaml"):
			files[strings.TrimSuffix(path.Base(p), ".yaml")] = p
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the listings: %v", err)
	}
	return files, nil
}

// refID is the id a ref names: an id, or a listing file.
func refID(ref string, files map[string]string) (string, error) {
	if strings.HasSuffix(ref, ".yaml") || strings.Contains(ref, "/") {
		id := strings.TrimSuffix(path.Base(ref), ".yaml")
		if files[id] == path.Clean(ref) {
			return id, nil
		}
		if near := closest(id, keys(files)); near != "" {
			return "", fmt.Errorf("%s: not a listing of the guide (did you mean %s?)", ref, files[near])
		}
		return "", fmt.Errorf("%s: not a listing of the guide (want a file of listings/, or an id such as %s)", ref, some(files))
	}
	if _, ok := files[ref]; ok {
		return ref, nil
	}
	return "", fmt.Errorf("%s: no listing has this id%s", ref, didYouMean(ref, keys(files)))
}

// filter is the test of the selection's city and category.
func filter(g *content.Guide, s Selection) (func(*content.Listing) bool, error) {
	var city *content.City
	if s.City != "" {
		key := slug.Fold(s.City)
		names := make([]string, len(g.Cities))
		for i, c := range g.Cities {
			names[i] = c.Name
			if c.Key == key {
				city = c
			}
		}
		if city == nil {
			return nil, fmt.Errorf("--city %s: no place of the guide is in this city%s", s.City, didYouMean(s.City, names))
		}
	}
	var cat *content.Category
	if s.Category != "" {
		if cat = g.ByID[s.Category]; cat == nil {
			return nil, fmt.Errorf("--category %s: not a category of categories.yaml%s", s.Category, didYouMean(s.Category, keys(g.ByID)))
		}
	}
	return func(l *content.Listing) bool {
		if city != nil && g.CityOf(l) != city {
			return false
		}
		return cat == nil || slices.ContainsFunc(l.Categories, func(r content.CategoryRef) bool { return r.Category.Within(cat) })
	}, nil
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func some(files map[string]string) string {
	if ks := keys(files); len(ks) > 0 {
		return ks[0]
	}
	return "halte-solidaire"
}

// didYouMean names the closest of names, when one is close.
func didYouMean(s string, names []string) string {
	if best := closest(s, names); best != "" {
		return " (did you mean " + best + "?)"
	}
	return ""
}

// closest is the name nearest to s, folded, within two edits; or "".
func closest(s string, names []string) string {
	best, bestD := "", 3
	fs := slug.Fold(s)
	for _, n := range names {
		if d := distance(fs, slug.Fold(n)); d < bestD || (d == bestD && best != "" && n < best) {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the edit distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cur := row[j]
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(rb)]
}

// IsDate reports whether s is a real day written YYYY-MM-DD.
func IsDate(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}
