package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/slug"
	"gopkg.in/yaml.v3"
)

// WriteOptions say where and how records become listing files.
type WriteOptions struct {
	Folder string       // folder of new listings from the content root (listings/lyon); "": listings/<city slug>
	Update bool         // rewrite the imported fields of listings imported before from the same records
	Today  content.Date // the day of the import: the updated date of records that give none
}

// Listing file actions, for the report.
const (
	Written   = "written"   // a new file
	Updated   = "updated"   // an earlier import's file, its imported fields rewritten
	Unchanged = "unchanged" // an earlier import's file, already up to date
	Existing  = "existing"  // an earlier import's file, left alone without --update
	Skipped   = "skipped"   // not written: the record lacks what a listing needs
)

// File is a listing file in the guide: its path from the content root and
// its bytes.
type File struct {
	Path string
	Data []byte
}

// Outcome is what became of one record.
type Outcome struct {
	Action string   // Written, Updated, Unchanged, Existing or Skipped
	Path   string   // the listing file, from the content root
	Notes  []string // what the writer dropped or guessed, besides the record's notes
}

// ReadListings returns the listing files of a guide (drafts too), from
// fsys rooted at the content folder.
func ReadListings(fsys fs.FS) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, "listings", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "listings" {
				return fs.SkipDir
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != "listings" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || path.Ext(p) != ".yaml" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, File{p, data})
		return nil
	})
	return files, err
}

// Write turns records into listing files for guide g, whose listing files
// are existing. It returns the files to write (new or changed) and what
// became of each record, in the records' order. File names are the slug
// of the name and the city, with -2, -3 … when taken; a record already
// imported (an existing listing has a source of the same name and id) is
// left alone, or with opts.Update has its imported fields rewritten and
// the rest of the file kept byte for byte.
func Write(g *content.Guide, existing []File, recs []Record, opts WriteOptions) ([]File, []Outcome) {
	w := newWriter(g, existing, opts)
	var out []File
	outcomes := make([]Outcome, len(recs))
	for i := range recs {
		f, o := w.record(&recs[i])
		outcomes[i] = o
		if f != nil {
			out = append(out, *f)
		}
	}
	return out, outcomes
}

type writer struct {
	st       style
	opts     WriteOptions
	guide    *content.Guide
	taken    map[string]bool             // listing ids in use
	imported map[string]File             // source name + id -> the file that holds it
	decoded  map[string]*content.Listing // published listings by id
	done     map[string]bool             // source keys met in this run
}

func newWriter(g *content.Guide, existing []File, opts WriteOptions) *writer {
	w := &writer{st: styleOf(g), opts: opts, guide: g, taken: map[string]bool{},
		imported: map[string]File{}, decoded: map[string]*content.Listing{}, done: map[string]bool{}}
	for _, l := range g.Listings {
		w.decoded[l.ID] = l
	}
	for _, f := range existing {
		w.taken[strings.TrimSuffix(path.Base(f.Path), ".yaml")] = true
		var head struct {
			Sources []struct{ Name, ID string } `yaml:"sources"`
		}
		if yaml.Unmarshal(f.Data, &head) != nil {
			continue // abri check tells what is wrong with it
		}
		for _, s := range head.Sources {
			if s.ID != "" {
				w.imported[sourceKey(s.Name, s.ID)] = f
			}
		}
	}
	return w
}

func sourceKey(name, id string) string { return name + "\x00" + id }

// recordKey is the key of the record's first source with an id: how a
// later import finds the listing again.
func recordKey(l *content.Listing) string {
	for _, s := range l.Sources {
		if s.ID != "" {
			return sourceKey(s.Name, s.ID)
		}
	}
	return ""
}

func (w *writer) record(r *Record) (*File, Outcome) {
	l := r.Listing
	notes := w.clean(&l)
	if why := missing(&l); why != "" {
		return nil, Outcome{Action: Skipped, Notes: append(notes, "skipped: "+why)}
	}
	key := recordKey(&l)
	if key != "" && w.done[key] {
		return nil, Outcome{Action: Skipped, Notes: append(notes, "skipped: the same record id is given twice in the source")}
	}
	w.done[key] = key != ""
	if f, ok := w.imported[key]; ok && key != "" {
		if !w.opts.Update {
			return nil, Outcome{Action: Existing, Path: f.Path, Notes: notes}
		}
		return w.update(f, &l, notes)
	}
	p := w.name(&l)
	return &File{p, w.st.Marshal(&l)}, Outcome{Action: Written, Path: p, Notes: notes}
}

// missing says what a record lacks to be a listing.
func missing(l *content.Listing) string {
	switch {
	case strings.TrimSpace(l.Name) == "":
		return "no name"
	case len(l.Categories) == 0:
		return "no category of the guide"
	case l.Address == nil && l.Geo == nil:
		return "no address nor position"
	}
	return ""
}

// clean makes a record fit the guide: it drops texts in languages the
// guide does not have, and dates the record when its source does not.
func (w *writer) clean(l *content.Listing) []string {
	var notes []string
	dropped := map[string]bool{}
	dropLangs(reflect.ValueOf(l).Elem(), w.st.langs, dropped)
	for _, lang := range sortedKeys(dropped) {
		notes = append(notes, fmt.Sprintf("texts in %s dropped: not a language of the guide", lang))
	}
	if l.Updated.IsZero() {
		l.Updated = w.opts.Today
	}
	if w.opts.Today.IsZero() == false && w.opts.Today.Before(l.Updated) {
		notes = append(notes, fmt.Sprintf("updated: %s is after today, written %s", l.Updated, w.opts.Today))
		l.Updated = w.opts.Today
	}
	return notes
}

// dropLangs removes, from every Text inside v, languages not in langs.
func dropLangs(v reflect.Value, langs []string, dropped map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dropLangs(v.Elem(), langs, dropped)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(content.CategoryRef{}) {
			return // the guide's own categories
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				dropLangs(v.Field(i), langs, dropped)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			dropLangs(v.Index(i), langs, dropped)
		}
	case reflect.Map:
		t, ok := v.Interface().(content.Text)
		if !ok {
			return
		}
		for key := range t {
			lang := key
			if content.IsFlag(key) {
				lang = strings.TrimSuffix(key, "_mt") // the flag goes with its language
			}
			if !slices.Contains(langs, lang) {
				delete(t, key)
				dropped[lang] = true
			}
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// name gives a new listing its file: the id its source gives when that
// is a free file name, otherwise the slug of name and city, unique in the
// guide.
func (w *writer) name(l *content.Listing) string {
	city := ""
	if l.Address != nil {
		city = l.Address.City
	}
	id := l.ID
	if !content.IsID(id) || len(id) > 80 || w.taken[id] {
		base := slug.Make(l.Name + " " + city)
		if base == "" {
			base = "place"
		}
		base = shorten(base, 80)
		id = base
		for n := 2; w.taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
	}
	w.taken[id] = true
	folder := w.opts.Folder
	if folder == "" {
		folder = "listings"
		if s := slug.Make(city); s != "" {
			folder += "/" + s
		}
	}
	return path.Join(folder, id+".yaml")
}

// shorten cuts a slug at a dash so that it has at most n bytes.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}
