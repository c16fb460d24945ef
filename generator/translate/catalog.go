package translate

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/theme"
	"gopkg.in/yaml.v3"
)

// Source is what a catalogue is made of.
type Source struct {
	Content fs.FS          // the content folder: the files as written, and translations.sum
	Guide   *content.Guide // the guide loaded from Content
	Theme   *theme.Theme   // the theme, for its interface strings
}

// Catalog returns every translatable text of the guide and of the theme,
// as units translating into lang, in a fixed order: site.yaml, the
// categories, the pages, the listings by path, then the interface strings.
// Keys are YAML paths of the files as editors wrote them, so that a unit
// goes back where it came from.
func Catalog(src Source, lang string) ([]Unit, error) {
	all, err := Catalogs(src, []string{lang})
	return all[lang], err
}

// Catalogs is Catalog for several languages, reading each file once.
func Catalogs(src Source, targets []string) (map[string][]Unit, error) {
	langs := src.Guide.Site.Langs()
	if len(langs) == 0 {
		return nil, errors.New("site.yaml has no languages")
	}
	sums, err := readSums(src.Content)
	if err != nil {
		return nil, err
	}
	all := map[string][]Unit{}
	read := &read{docs: map[string]*yaml.Node{}, fields: map[reflect.Type]map[string]reflect.StructField{}}
	var errs []error
	for _, lang := range targets {
		c := &cataloguer{src: src, langs: langs, source: langs[0], lang: lang, sums: sums, read: read}
		all[lang], err = c.catalog()
		errs = append(errs, err)
	}
	return all, errors.Join(errs...)
}

func (c *cataloguer) catalog() ([]Unit, error) {
	src := c.src
	c.yamlFile("site.yaml", reflect.TypeFor[content.Site](), "")
	c.yamlFile("categories.yaml", reflect.TypeFor[[]*content.Category](), "")
	c.pages()
	listings := slices.Clone(src.Guide.Listings)
	slices.SortFunc(listings, func(a, b *content.Listing) int { return strings.Compare(a.File, b.File) })
	for _, l := range listings {
		c.yamlFile(l.File, reflect.TypeFor[content.Listing](), "of the place «"+l.Name+"» ("+c.categoryNames(l.Categories)+")")
	}
	c.interfaceStrings()
	return c.units, errors.Join(c.errs...)
}

// readSums reads translations.sum; a guide without one has no sums.
func readSums(fsys fs.FS) (Sums, error) {
	f, err := fsys.Open(SumsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Sums{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSums(f)
}

// cataloguer collects the units of one target language.
type cataloguer struct {
	src    Source
	langs  []string // the guide's languages, the source language first
	source string   // the source language
	lang   string   // the target language
	sums   Sums
	read   *read // shared by the languages
	units  []Unit
	errs   []error
}

// read is what the languages' catalogues share: the files, read once,
// and the fields of the model's types by YAML key.
type read struct {
	docs   map[string]*yaml.Node
	fields map[reflect.Type]map[string]reflect.StructField
}

// add keeps a unit, unless there is nothing to translate.
func (c *cataloguer) add(key, source, translation string, machine bool, context string) {
	if strings.TrimSpace(source) == "" {
		return
	}
	c.units = append(c.units, Unit{
		Key:         key,
		Source:      source,
		Translation: translation,
		Context:     context,
		Machine:     machine && translation != "",
		Outdated:    translation != "" && c.sums.Outdated(c.lang, key, source),
	})
}

// yamlFile walks one YAML file of the content folder as t.
func (c *cataloguer) yamlFile(file string, t reflect.Type, owner string) {
	doc, ok := c.read.docs[file]
	if !ok {
		doc = &yaml.Node{}
		data, err := fs.ReadFile(c.src.Content, file)
		if err == nil {
			err = yaml.Unmarshal(data, doc)
		}
		if err != nil {
			c.errs = append(c.errs, fmt.Errorf("%s: %v", file, err))
			doc = &yaml.Node{}
		}
		c.read.docs[file] = doc
	}
	if len(doc.Content) == 0 {
		return
	}
	w := walker{c: c, file: file}
	w.walk(doc.Content[0], t, "", owner)
}

// walker walks a YAML node beside the model's type, so that the paths it
// finds are those of the file as written (a text written once as a plain
// string and once as a map of languages has the same key).
type walker struct {
	c    *cataloguer
	file string
}

var (
	hoursType    = reflect.TypeFor[content.Hours]()
	noticesType  = reflect.TypeFor[content.Notices]()
	categoryType = reflect.TypeFor[content.Category]()
	closureType  = reflect.TypeFor[content.Closure]()
	specialType  = reflect.TypeFor[content.SpecialHours]()
	serviceType  = reflect.TypeFor[content.Service]()
)

// walk finds the translatable texts under n, a value of type t at path.
// owner says whose texts they are ("of the place «La Halte» (Shower)").
func (w *walker) walk(n *yaml.Node, t reflect.Type, path, owner string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == noticesType && n.Kind == yaml.MappingNode:
		w.walk(n, reflect.TypeFor[content.Notice](), path, owner)
	case t == hoursType:
		if v := mapValue(n, "note"); v != nil {
			w.text(v, "Hours.Note", join(path, "note"), owner)
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, item := range n.Content {
			w.walk(item, t.Elem(), path+"["+strconv.Itoa(i)+"]", owner)
		}
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		w.walkStruct(n, t, path, owner)
	}
}

func (w *walker) walkStruct(n *yaml.Node, t reflect.Type, path, owner string) {
	switch t {
	case categoryType:
		// A category is named by its id, not by its place in the tree.
		id := scalarOf(mapValue(n, "id"))
		if id == "" {
			return
		}
		path, owner = id, w.c.categoryOwner(id)
	case serviceType:
		owner = "of the service «" + w.c.categoryName(scalarOf(mapValue(n, "category"))) + "» " + owner
	case closureType, specialType:
		owner = "(from " + scalarOf(mapValue(n, "start")) + " to " + scalarOf(mapValue(n, "end")) + ") " + owner
	}
	byTag, ok := w.c.read.fields[t]
	if !ok {
		byTag = yamlFields(t)
		w.c.read.fields[t] = byTag
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		f, ok := byTag[n.Content[i].Value]
		if !ok {
			continue
		}
		p, v := join(path, n.Content[i].Value), n.Content[i+1]
		if textual[f.Type] {
			w.text(v, fieldID(t, f), p, owner)
			continue
		}
		w.walk(v, f.Type, p, owner)
	}
}

// text adds the unit of one translatable field, unless the model does not
// catalogue it (see fields) or it holds no text (access: {price: free}).
func (w *walker) text(n *yaml.Node, id, path, owner string) {
	f, ok := fields[id]
	if !ok || n.Kind == yaml.AliasNode {
		return
	}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!bool" || n.Tag == "!!null" || id == "Access.Price" && n.Value == "free") {
		return
	}
	vals, machine := w.c.textValues(n, id == "Category.Synonyms")
	src, from := w.c.sourceOf(vals)
	ctx := f.what + " " + owner
	ctx = strings.TrimSpace(ctx) + ", " + f.shown
	if from != w.c.source {
		ctx += fmt.Sprintf("\nThis text has no %s version: the source shown is in %s.", w.c.source, from)
	}
	w.c.add(w.file+"#"+path, src, vals[w.c.lang], machine, ctx)
}

// textValues reads a text as written: a plain string is in the source
// language; a map gives one text per language, and <lang>_mt: true marks
// the target language's as machine-translated. Words (synonyms) are
// joined by ", ", as editors write them.
func (c *cataloguer) textValues(n *yaml.Node, words bool) (vals map[string]string, machine bool) {
	vals = map[string]string{}
	if n.Kind == yaml.ScalarNode {
		vals[c.source] = strings.TrimSpace(n.Value)
		return vals, false
	}
	if n.Kind != yaml.MappingNode {
		return vals, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		if k == c.lang+"_mt" {
			machine = v.Tag == "!!bool" && v.Value == "true"
			continue
		}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
			vals[k] = strings.TrimSpace(v.Value)
		case words && v.Kind == yaml.SequenceNode:
			var ws []string
			for _, item := range v.Content {
				ws = append(ws, strings.TrimSpace(item.Value))
			}
			vals[k] = strings.Join(ws, ", ")
		}
	}
	return vals, machine
}

// sourceOf returns the text to translate from: the source language's, else
// the first of the guide's other languages that has it, but never the
// target language's own.
func (c *cataloguer) sourceOf(vals map[string]string) (text, lang string) {
	for _, l := range c.langs {
		if v := vals[l]; v != "" && l != c.lang {
			return v, l
		}
	}
	return "", c.source
}

// categoryName is a category's name in the source language, or its id.
func (c *cataloguer) categoryName(id string) string {
	if cat := c.src.Guide.ByID[id]; cat != nil {
		if s, _ := cat.Name.In(c.langs, c.source); s != "" {
			return s
		}
	}
	return id
}

func (c *cataloguer) categoryOwner(id string) string {
	cat := c.src.Guide.ByID[id]
	if cat == nil || cat.Parent == nil {
		return "«" + c.categoryName(id) + "» (top level)"
	}
	return "«" + c.categoryName(id) + "» (under «" + c.categoryName(cat.Parent.ID) + "»)"
}

func (c *cataloguer) categoryNames(refs []content.CategoryRef) string {
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		if r.Category != nil {
			names = append(names, c.categoryName(r.ID))
		}
	}
	return strings.Join(names, " · ")
}

// pages adds the title and body of every page, by slug.
func (c *cataloguer) pages() {
	slugs := make([]string, 0, len(c.src.Guide.Pages))
	for s := range c.src.Guide.Pages {
		slugs = append(slugs, s)
	}
	slices.Sort(slugs)
	for _, slug := range slugs {
		var src, target *content.Page
		for _, p := range c.src.Guide.Pages[slug] {
			switch {
			case p.Lang == c.lang:
				target = p
			case src == nil || p.Lang == c.source:
				src = p
			}
		}
		if src == nil {
			continue
		}
		var title, body string
		if target != nil {
			title, body = target.Title, string(target.Body)
		}
		about := " «" + src.Title + "»"
		if target == nil {
			about += " (pages/" + slug + "." + c.lang + ".md does not exist yet: abri translate import writes it)"
		}
		if src.Lang != c.source {
			about += fmt.Sprintf("\nThis page has no %s version: the source shown is in %s.", c.source, src.Lang)
		}
		key := "pages/" + slug + ".md#"
		c.add(key+"title", src.Title, title, false, fields["Page.Title"].what+about+", "+fields["Page.Title"].shown)
		c.add(key+"body", string(src.Body), body, false, fields["Page.Body"].what+about)
	}
}

// interfaceStrings adds every string of the source language's i18n file;
// a string with a count gives one unit per plural form of the target
// language, translated from the source's same form, else its other.
func (c *cataloguer) interfaceStrings() {
	if c.src.Theme == nil {
		return
	}
	from, to := c.src.Theme.Strings[c.source], c.src.Theme.Strings[c.lang]
	var ids []string
	for k := range from {
		if base, form, ok := strings.Cut(k, "."); ok {
			if form == "other" {
				ids = append(ids, base)
			}
			continue
		}
		ids = append(ids, k)
	}
	slices.Sort(ids)
	en := c.src.Theme.Strings["en"]
	for _, id := range ids {
		if _, plural := from[id+".other"]; !plural {
			ctx := "interface string «" + id + "»" + hint(from[id], en[id], c.source, c.lang)
			c.add("i18n#"+id, from[id], to[id], false, ctx)
			continue
		}
		for _, form := range theme.Forms(c.lang) {
			src, ok := from[id+"."+form]
			if !ok {
				src = from[id+".other"]
			}
			enText, ok := en[id+"."+form]
			if !ok {
				enText = en[id+".other"]
			}
			ctx := fmt.Sprintf("interface string «%s», plural form «%s»: used in %s for %s", id, form, c.lang, examples(c.lang, form)) +
				hint(src, enText, c.source, c.lang)
			c.add("i18n#"+id+"."+form, src, to[id+"."+form], false, ctx)
		}
	}
}

// hint tells the translator what to keep, and the English text when the
// source is in another language.
func hint(src, en, source, lang string) string {
	var h string
	if strings.Contains(src, "{") {
		h += "\nKeep the {placeholders} as they are: the site puts numbers and names there."
	}
	if en != "" && source != "en" && lang != "en" {
		h += "\nIn English: " + en
	}
	return h
}

// examples lists a few counts that take form in lang.
func examples(lang, form string) string {
	var ns []string
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 11, 12, 21, 22, 25, 100, 101, 102, 103, 111, 1000000, 2000000} {
		if theme.PluralForm(lang, n) == form && len(ns) < 6 {
			ns = append(ns, strconv.Itoa(n))
		}
	}
	return strings.Join(ns, ", ") + "…"
}

// yamlFields maps YAML keys to the fields of struct type t.
func yamlFields(t reflect.Type) map[string]reflect.StructField {
	m := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if f.IsExported() && name != "" && name != "-" {
			m[name] = f
		}
	}
	return m
}

// mapValue is the value of key in the map n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalarOf(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// KeyFile is the file a key's text in lang lives in: relative to the
// content folder, or to the theme folder for interface strings.
func KeyFile(key, lang string) string {
	file, _, _ := strings.Cut(key, "#")
	switch {
	case file == "i18n":
		return "i18n/" + lang + ".yaml"
	case strings.HasPrefix(file, "pages/"):
		return strings.TrimSuffix(file, ".md") + "." + lang + ".md"
	}
	return file
}
