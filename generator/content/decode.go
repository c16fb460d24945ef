package content

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// decoder turns YAML nodes into the typed structs of this package, strictly:
// every unknown field, wrong type or bad value becomes a Problem at its
// position, and decoding goes on so that all problems are found in one run.
type decoder struct {
	path     string
	problems *Problems
	site     *Site                // nil while site.yaml itself is read
	cats     map[string]*Category // nil while categories.yaml is read
	field    []string             // keys from the document root to the value being decoded
	today    Date                 // day of the build, for warnings about old information
	todos    Problems             // placeholders of abri new met: errors once the file is published
}

// checker is implemented by types with rules across their fields; n is their map.
type checker interface {
	check(d *decoder, n *yaml.Node)
}

// nodeDecoder is implemented by types that read their own YAML form.
type nodeDecoder interface {
	decodeYAML(d *decoder, n *yaml.Node)
}

// fieldRules are the checks a struct tag adds to a plain value.
type fieldRules struct {
	enum     []string
	pattern  *regexp.Regexp
	lo, hi   int
	ranged   bool
	required bool // the field must be given, so it cannot be left empty
}

func (d *decoder) report(sev Severity, n *yaml.Node, format string, args ...any) {
	*d.problems = append(*d.problems, d.problem(sev, n, format, args...))
}

func (d *decoder) problem(sev Severity, n *yaml.Node, format string, args ...any) Problem {
	msg := fmt.Sprintf(format, args...)
	if len(d.field) > 0 {
		msg = strings.Join(d.field, ".") + ": " + msg
	}
	p := Problem{Path: d.path, Msg: msg, Severity: sev}
	if n != nil {
		p.Line, p.Col = n.Line, n.Column
	}
	return p
}

// todoPattern finds the placeholders abri new writes into skeletons.
var todoPattern = regexp.MustCompile(`\bTODO\b`)

// noteTODO remembers a placeholder left in a value: whether it is an error
// depends on the file being published, known once it is all read.
func (d *decoder) noteTODO(n *yaml.Node, s string) {
	// The regexp costs 12 % of loading a national guide; most values hold no TODO.
	if strings.Contains(s, "TODO") && todoPattern.MatchString(s) {
		d.todos = append(d.todos, d.problem(Error, n, "%q is a placeholder of abri new: fill it in (or put back status: draft until it is ready)", s))
	}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.report(Error, n, format, args...)
}

func (d *decoder) warnf(n *yaml.Node, format string, args ...any) {
	d.report(Warning, n, format, args...)
}

// decodeDocument reads a whole YAML file into v.
func (d *decoder) decodeDocument(data []byte, v any) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		d.syntaxError(data, err, 1)
		return false
	}
	if len(doc.Content) == 0 || blank(doc.Content[0]) {
		d.errorf(&yaml.Node{Line: 1, Column: 1}, "the file is empty")
		return false
	}
	d.decode(doc.Content[0], reflect.ValueOf(v).Elem(), fieldRules{})
	return true
}

// syntaxError reports a YAML syntax error where it is, as editors expect;
// data is what was parsed, first its line in the file.
func (d *decoder) syntaxError(data []byte, err error, first int) {
	line, col := syntaxAt(data, err)
	msg := problemOf(err.Error())
	d.errorf(&yaml.Node{Line: first + line - 1, Column: col}, "YAML syntax: %s (check indentation, colons and quotes)", msg)
}

var yamlLine = regexp.MustCompile(`^yaml: line \d+: (.*)$`)

// syntaxAt finds the line and column of a YAML syntax error in data.
// yaml.v3 names only the line of the error's context (where a list
// opened), one line too early for some errors, not at all on the first
// line, and the end of the file for a quote left open. The shortest start
// of data that fails with the same error ends where the parser gave up.
func syntaxAt(data []byte, err error) (line, col int) {
	var ends []int // the offset after each line
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	want := err.Error()
	line, col = shortestFailing(data, ends, func(e string) bool { return e == want })
	if line == len(ends) {
		// Only the whole file fails so: the line yaml.v3 gave is the
		// file's end, which moves with the start taken. Compare the
		// message alone.
		want = problemOf(want)
		line, col = shortestFailing(data, ends, func(e string) bool { return problemOf(e) == want })
	}
	return line, col
}

// problemOf is a yaml.v3 error without its prefix and line.
func problemOf(e string) string {
	if m := yamlLine.FindStringSubmatch(e); m != nil {
		return m[1]
	}
	return strings.TrimPrefix(e, "yaml: ")
}

// shortestFailing halves on whole lines, then within the line, so a 1 MB
// file costs some 40 parses. ends are the offsets after each line.
func shortestFailing(data []byte, ends []int, same func(string) bool) (line, col int) {
	fails := func(n int) bool {
		var doc yaml.Node
		e := yaml.Unmarshal(data[:n], &doc)
		return e != nil && same(e.Error())
	}
	k := sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if k == len(ends) {
		return len(ends), 1 // never seen: the whole file fails by definition
	}
	start := 0
	if k > 0 {
		start = ends[k-1]
	}
	text := data[start:ends[k]]
	if tab := bytes.IndexByte(text, '\t'); tab >= 0 && len(bytes.TrimLeft(text[:tab], " ")) == 0 {
		// A tab in the indentation: the parser stops at what follows it.
		return k + 1, utf8.RuneCount(text[:tab]) + 1
	}
	o := start + sort.Search(ends[k]-start, func(i int) bool { return fails(start + i + 1) }) + 1
	return k + 1, max(1, utf8.RuneCount(data[start:min(o, ends[k])]))
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, rules fieldRules) {
	if n.Kind == yaml.AliasNode {
		d.alias(n)
		return
	}
	if v.CanAddr() {
		if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
			nd.decodeYAML(d, n)
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			// An optional group left empty is as if not written (its lines may be
			// commented out); a required one is missing.
			if rules.required {
				d.errorf(n, "empty value: want %s", expected(v.Type(), rules))
			}
			return
		}
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem(), rules)
		v.Set(p)
	case reflect.Struct:
		d.decodeStruct(n, v)
	case reflect.Slice:
		d.decodeSlice(n, v, rules)
	case reflect.String:
		if s, ok := d.scalar(n); ok {
			d.checkString(n, s, rules)
			v.SetString(s)
		}
	case reflect.Bool:
		if b, ok := d.boolean(n); ok {
			v.SetBool(b)
		}
	case reflect.Int:
		if i, ok := d.integer(n, rules); ok {
			v.SetInt(int64(i))
		}
	default:
		panic("content: cannot decode into " + v.Type().String())
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// alias refuses a YAML alias: aliases can make cycles and hide where a
// value comes from; editors never need them.
func (d *decoder) alias(n *yaml.Node) {
	d.errorf(n, "aliases (*%s) are not supported: write the value out", n.Value)
}

// scalar returns the text of a scalar value, refusing maps, lists, aliases and empty values.
func (d *decoder) scalar(n *yaml.Node) (string, bool) {
	switch {
	case n.Kind == yaml.AliasNode:
		d.alias(n)
		return "", false
	case n.Kind != yaml.ScalarNode:
		d.errorf(n, "want a single value, not a %s", kindName(n))
		return "", false
	case isNull(n) || strings.TrimSpace(n.Value) == "":
		d.errorf(n, "empty value (give a value or remove the line)")
		return "", false
	}
	d.noteTODO(n, n.Value)
	return strings.TrimSpace(n.Value), true
}

func (d *decoder) boolean(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, "%s is not true or false", describe(n))
		return false, false
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", true
}

func (d *decoder) integer(n *yaml.Node, rules fieldRules) (int, bool) {
	i, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
		d.errorf(n, "%s is not a whole number", describe(n))
		return 0, false
	}
	if rules.ranged && (i < rules.lo || i > rules.hi) {
		d.errorf(n, "%d is out of range (want %d to %d)", i, rules.lo, rules.hi)
		return 0, false
	}
	return i, true
}

func (d *decoder) checkString(n *yaml.Node, s string, rules fieldRules) {
	if rules.enum != nil && !slices.Contains(rules.enum, s) {
		d.errorf(n, "%q is not one of %s%s", s, strings.Join(rules.enum, ", "), suggest(s, rules.enum))
	}
	if rules.pattern != nil && !rules.pattern.MatchString(s) {
		d.errorf(n, "%q is not allowed (want %s)", s, rules.pattern.String())
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, rules fieldRules) {
	items := []*yaml.Node{n}
	switch {
	case n.Kind == yaml.SequenceNode:
		items = n.Content
	case isNull(n):
		return
	case n.Kind == yaml.ScalarNode && scalarType(v.Type().Elem()):
		// A single value where a list is expected is a list of one: `categories: shower`.
	default:
		d.errorf(n, "want a list, not a %s (write [a, b] or one \"- item\" per line)", kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		if blank(item) {
			// An item is never optional: "- " or "- ~" would leave a hole in the list.
			d.errorf(item, "empty item: want %s, or remove the line", expected(v.Type().Elem(), rules))
			continue
		}
		d.decode(item, s.Index(i), rules)
	}
	v.Set(s)
}

// blank tells whether a node is an empty value: nothing, ~, null or spaces.
func blank(n *yaml.Node) bool {
	return isNull(n) || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == ""
}

// expected says what a value of type t is, for messages about an empty one.
func expected(t reflect.Type, rules fieldRules) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := expectedOf[t]; ok {
		return s
	}
	switch t.Kind() {
	case reflect.Struct:
		info := structFields(t)
		var names []string
		for _, f := range info.list {
			if f.required {
				names = append(names, f.name+": …")
			}
		}
		if len(names) == 0 {
			names = append(names, info.names[0]+": …")
		}
		noun, ok := nouns[t]
		if !ok {
			noun = "a map"
		}
		return noun + " (" + strings.Join(names, ", ") + ")"
	case reflect.Slice:
		return "a list of " + expected(t.Elem(), rules)
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	case reflect.String:
		if rules.enum != nil {
			return "one of " + strings.Join(rules.enum, ", ")
		}
	}
	return "a value"
}

// nouns name the groups of fields editors write in lists.
var nouns = map[reflect.Type]string{
	reflect.TypeFor[Category]():     "a category",
	reflect.TypeFor[Closure]():      "a closure",
	reflect.TypeFor[SpecialHours](): "special hours",
	reflect.TypeFor[Service]():      "a service",
	reflect.TypeFor[Source]():       "a source",
	reflect.TypeFor[HolidayRule]():  "a holiday",
}

// expectedOf describes the types that read their own YAML form.
var expectedOf = map[reflect.Type]string{
	reflect.TypeFor[Text]():        "a text",
	reflect.TypeFor[Words]():       "a map of language: words",
	reflect.TypeFor[Lang]():        "a language code (fr, en, ar)",
	reflect.TypeFor[SpokenLang]():  "a language code (fr, ar, lsf)",
	reflect.TypeFor[Date]():        "a date (YYYY-MM-DD)",
	reflect.TypeFor[Phone]():       "a phone number",
	reflect.TypeFor[Phones]():      "a phone number",
	reflect.TypeFor[Email]():       "an e-mail address",
	reflect.TypeFor[URL]():         "a web address (https://…)",
	reflect.TypeFor[Geo]():         "[latitude, longitude]",
	reflect.TypeFor[Country]():     "a country code (FR)",
	reflect.TypeFor[Timezone]():    "a time zone (Europe/Paris)",
	reflect.TypeFor[CategoryRef](): "a category id of categories.yaml",
	reflect.TypeFor[Condition]():   "true, false or a text",
	reflect.TypeFor[Price]():       "free or a text",
	reflect.TypeFor[Hours]():       "opening hours (mo-fr: 09:00-12:00)",
}

// scalarType tells whether values of t are written as single YAML values.
func scalarType(t reflect.Type) bool {
	if t.Kind() == reflect.String {
		return true
	}
	_, custom := reflect.New(t).Interface().(nodeDecoder)
	return custom && t.Kind() == reflect.String || t == reflect.TypeOf(CategoryRef{}) || t == reflect.TypeOf(Phone{})
}

// decodeStruct reads a map into the fields of a struct, by their yaml tags.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "want a map of fields (name: value), not a %s", kindName(n))
		return
	}
	fields := structFields(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		f, ok := fields.byName[key.Value]
		if !ok {
			d.errorf(key, "unknown field %q%s", key.Value, suggest(key.Value, fields.names))
			continue
		}
		if seen[key.Value] {
			d.errorf(key, "field %q is given twice", key.Value)
			continue
		}
		seen[key.Value] = true
		d.field = append(d.field, key.Value)
		d.decode(val, v.Field(f.index), f.rules)
		d.field = d.field[:len(d.field)-1]
	}
	for _, f := range fields.list {
		if f.required && !seen[f.name] {
			d.errorf(n, "missing required field %q", f.name)
		}
	}
	if c, ok := v.Addr().Interface().(checker); ok {
		c.check(d, n)
	}
}

type structField struct {
	name     string
	index    int
	required bool
	rules    fieldRules
}

type structInfo struct {
	list   []structField
	byName map[string]structField
	names  []string
}

var structCache sync.Map // reflect.Type -> structInfo

// structFields reads the yaml, enum, pattern and range tags of a struct type, once.
func structFields(t reflect.Type) structInfo {
	if info, ok := structCache.Load(t); ok {
		return info.(structInfo)
	}
	info := readStructFields(t)
	structCache.Store(t, info)
	return info
}

func readStructFields(t reflect.Type) structInfo {
	info := structInfo{byName: map[string]structField{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f := structField{name: name, index: i, required: opts == "required"}
		f.rules.required = f.required
		if e := sf.Tag.Get("enum"); e != "" {
			f.rules.enum = strings.Split(e, ",")
		}
		if p := sf.Tag.Get("pattern"); p != "" {
			f.rules.pattern = regexp.MustCompile(p)
		}
		if r := sf.Tag.Get("range"); r != "" {
			lo, hi, _ := strings.Cut(r, ",")
			f.rules.lo, _ = strconv.Atoi(lo)
			f.rules.hi, _ = strconv.Atoi(hi)
			f.rules.ranged = true
		}
		info.list = append(info.list, f)
		info.byName[name] = f
		info.names = append(info.names, name)
	}
	return info
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "map"
	case yaml.SequenceNode:
		return "list"
	}
	return "single value"
}

// describe quotes a value for a message.
func describe(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "a " + kindName(n)
	}
	return strconv.Quote(n.Value)
}
