package schema

import (
	"reflect"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// snippets are the schemas of the types of generator/content that read
// their own YAML form, each written from its decodeYAML method (values.go,
// text.go, hoursyaml.go). TestSnippetsCoverCustomTypes fails when a type
// gains a decodeYAML method without a snippet here.
var snippets = map[reflect.Type]func(*builder) *Schema{
	reflect.TypeFor[content.Text]():        (*builder).text,
	reflect.TypeFor[content.Words]():       (*builder).words,
	reflect.TypeFor[content.Lang]():        (*builder).lang,
	reflect.TypeFor[content.SpokenLang]():  (*builder).spokenLang,
	reflect.TypeFor[content.Date]():        (*builder).date,
	reflect.TypeFor[content.Phones]():      (*builder).phones,
	reflect.TypeFor[content.Notices]():     (*builder).notices,
	reflect.TypeFor[content.QuickExit]():   (*builder).quickExit,
	reflect.TypeFor[content.Phone]():       (*builder).phone,
	reflect.TypeFor[content.Email]():       (*builder).email,
	reflect.TypeFor[content.URL]():         (*builder).url,
	reflect.TypeFor[content.Geo]():         (*builder).geo,
	reflect.TypeFor[content.Country]():     (*builder).country,
	reflect.TypeFor[content.Timezone]():    (*builder).timezone,
	reflect.TypeFor[content.CategoryRef](): (*builder).categoryRef,
	reflect.TypeFor[content.Condition]():   (*builder).condition,
	reflect.TypeFor[content.Price]():       (*builder).price,
	reflect.TypeFor[content.Hours]():       (*builder).hours,
}

// Patterns of the values generator/content checks with regular expressions
// of its own (copied: they are not exported), written so that they mean the
// same in Go and in the JavaScript of editors' YAML language servers.
const (
	langPattern    = `^[a-z]{2,3}(-[A-Z][A-Za-z]{1,7})?$`
	spokenPattern  = `^[a-z]{2,3}$`
	countryPattern = `^[A-Z]{2}$`
	emailPattern   = `^[^@\t\n\f\r <>"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$` // Go's \s is ASCII; JavaScript's is not
	// A date from 1900 on, with a month and a day that may exist.
	datePattern = `^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`
	// A + and 7 to 15 digits, or 3 to 14 digits; spaces . ( ) / - between digits.
	phonePattern = `^(\+([0-9][ .()/-]*){7,15}|([0-9][ .()/-]*){3,14})$`
	// http or https in any case, and a host with a dot.
	urlPattern      = `^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\t\n\f\r ]*\.`
	timezonePattern = `^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$`

	// space is what the decoder trims (unicode.IsSpace, but for U+0085),
	// written the same in Go and JavaScript: there \s differ, and word
	// processors put no-break spaces in "09:00 - 12:00".
	space    = `[ \t\n\v\f\r\p{Z}]`
	notSpace = `[^ \t\n\v\f\r\p{Z}]`
)

// text is a translatable text: a single value in the source language, or a
// map language: text.
func (b *builder) text() *Schema {
	m := b.byLanguage(nonEmpty(), "The text in")
	flag := func(what string) *Schema {
		return &Schema{Type: Types{"boolean"}, Description: "true: the text in " + what + " is machine-translated, not yet reviewed."}
	}
	if len(b.guide.Languages) == 0 {
		m.PatternProperties[`^[a-z]{2,3}(-[A-Z][A-Za-z]{1,7})?_mt$`] = flag("this language")
	}
	for i, l := range b.guide.Languages {
		if i > 0 { // the source language is never machine-translated
			m.Properties = append(m.Properties, Property{l + "_mt", flag(l)})
		}
	}
	return &Schema{AnyOf: []*Schema{nonEmpty(), m}}
}

// byLanguage is a map from the guide's languages (any language code when
// the guide is not known) to values of v, each described as what, then
// the language.
func (b *builder) byLanguage(v *Schema, what string) *Schema {
	s := &Schema{Type: Types{"object"}, AdditionalProperties: ptr(false)}
	if len(b.guide.Languages) == 0 {
		in := *v
		in.Description = what + " this language."
		s.PatternProperties = map[string]*Schema{langPattern: &in}
		return s
	}
	for _, l := range b.guide.Languages {
		in := *v
		in.Description = what + " " + l + "."
		s.Properties = append(s.Properties, Property{l, &in})
	}
	return s
}

// words are search words per language: a list, or words separated by commas.
func (b *builder) words() *Schema {
	list := &Schema{AnyOf: []*Schema{nonEmpty(), {Type: Types{"array"}, Items: &Items{All: nonEmpty()}}, {Type: Types{"null"}}}}
	s := b.byLanguage(list, "Search words in")
	s.Description = "Search words per language: a list, or words separated by commas (fr: douche, se laver)."
	return s
}

func (b *builder) lang() *Schema {
	return patterned(Types{"string"}, langPattern, "not a language code (want ISO 639-1 like fr, en, ar, uk)")
}

func (b *builder) spokenLang() *Schema {
	return patterned(Types{"string"}, spokenPattern, "not a language code (want an ISO 639 code in lower case: fr, ar, lsf, prs)")
}

func (b *builder) date() *Schema {
	s := patterned(Types{"string"}, datePattern, "not a date (want YYYY-MM-DD, e.g. 2026-10-03)")
	s.Description = "A day, written YYYY-MM-DD (2026-10-03)."
	return s
}

func (b *builder) phones() *Schema {
	phone := b.ref(reflect.TypeFor[content.Phone]())
	return &Schema{
		Description: "Phone numbers: one, or a list [\"+33 4 72 00 00 00\", \"115\"].",
		AnyOf:       []*Schema{phone, {Type: Types{"array"}, Items: &Items{All: phone}}},
	}
}

// notices are site.yaml's notice: one notice, or a list of them.
func (b *builder) notices() *Schema {
	notice := b.ref(reflect.TypeFor[content.Notice]())
	return &Schema{
		Description: "Banners: one notice {text: …}, or a list of them, each with its own dates and targets.",
		AnyOf:       []*Schema{notice, {Type: Types{"array"}, Items: &Items{All: notice}}},
	}
}

// quickExit is true (or false), or its fields {url, pages}.
func (b *builder) quickExit() *Schema {
	fields := b.structSchema(reflect.TypeFor[content.QuickExit]())
	return &Schema{AnyOf: []*Schema{{Type: Types{"boolean"}}, fields, {Type: Types{"null"}}}}
}

// phone may be a YAML number (115), which the decoder reads as its text.
func (b *builder) phone() *Schema {
	return patterned(Types{"string", "number"}, phonePattern,
		`not a phone number (want digits, spaces, dots or dashes, e.g. "+33 4 72 00 00 00" or "115")`)
}

func (b *builder) email() *Schema {
	return patterned(Types{"string"}, emailPattern, "not an e-mail address (want name@example.org)")
}

func (b *builder) url() *Schema {
	s := patterned(Types{"string"}, urlPattern, "not a web address (want https://example.org/...)")
	s.Format = "uri"
	return s
}

// geo is [latitude, longitude].
func (b *builder) geo() *Schema {
	coord := func(what string, limit float64) *Schema {
		return &Schema{Description: what, Type: Types{"number"}, Minimum: ptr(-limit), Maximum: ptr(limit)}
	}
	return &Schema{
		Description: "Latitude, then longitude, in degrees (WGS84): [45.7485, 4.8467].",
		Type:        Types{"array"},
		Items:       &Items{Tuple: []*Schema{coord("Latitude, -90 to 90.", 90), coord("Longitude, -180 to 180.", 180)}},
		MinItems:    ptr(2),
		MaxItems:    ptr(2),
	}
}

func (b *builder) country() *Schema {
	return patterned(Types{"string"}, countryPattern, "not a country code (want two capital letters, ISO 3166-1: FR, BE, CH)")
}

func (b *builder) timezone() *Schema {
	return patterned(Types{"string"}, timezonePattern, "not a time zone (want an IANA name like Europe/Paris)")
}

// categoryRef is one of the guide's category ids, or any id when the
// guide is not known.
func (b *builder) categoryRef() *Schema {
	if len(b.guide.Categories) > 0 {
		return &Schema{Type: Types{"string"}, Enum: b.guide.Categories}
	}
	id, _ := reflect.TypeFor[content.Category]().FieldByName("ID")
	return patterned(Types{"string"}, id.Tag.Get("pattern"), "not a category id (want an id of categories.yaml)")
}

// condition is true, false, or a text saying how (which means true).
func (b *builder) condition() *Schema {
	return &Schema{AnyOf: []*Schema{{Type: Types{"boolean"}}, b.ref(reflect.TypeFor[content.Text]())}}
}

// price is free, or a text saying how much.
func (b *builder) price() *Schema {
	return &Schema{AnyOf: []*Schema{{Type: Types{"string"}, Enum: []string{"free"}}, b.ref(reflect.TypeFor[content.Text]())}}
}

// hours are day keys to time ranges, with public_holidays and note.
func (b *builder) hours() *Schema {
	return &Schema{
		Description: "Weekly opening hours, local time: days (mo tu we th fr sa su; ranges mo-fr; lists mo,we,fr; tu[1] for the first Tuesday of the month, fr[-1] for the last Friday) to times HH:MM-HH:MM separated by commas, or closed. Days not listed are closed.",
		Type:        Types{"object"},
		Properties: Properties{
			{"public_holidays", &Schema{
				Description: sentence(fieldDocs["Hours.PublicHolidays"]),
				Type:        Types{"string"},
				Enum:        []string{"open", "closed", "unknown"}, // hoursyaml.go
			}},
			{"note", &Schema{Description: sentence(fieldDocs["Hours.Note"]), Ref: b.ref(reflect.TypeFor[content.Text]()).Ref}},
		},
		PatternProperties: map[string]*Schema{dayKeyPattern(): {
			Description: "Times on these days: 09:00-12:00, 14:00-17:30 (an end before the start runs past midnight; 00:00-24:00 is all day), or closed.",
			Type:        Types{"string"},
			Pattern:     slotsPattern(),
			// The decoder's words, from hours.ParseSlots.
			PatternErrorMessage: "not a time range (want HH:MM-HH:MM, e.g. 09:00-12:00, separated by commas, or closed)",
		}},
		AdditionalProperties: ptr(false),
	}
}

// dayKeyPattern is hours.ParseDays's syntax: days in any case, ranges and
// lists with spaces allowed around - and ",", then an optional [1] to [4]
// or [-1].
func dayKeyPattern() string {
	var days []string
	for _, d := range []string{"mo", "tu", "we", "th", "fr", "sa", "su"} {
		days = append(days, anyCase(d))
	}
	day := space + `*(` + strings.Join(days, "|") + `)` + space + `*`
	item := day + `(-` + day + `)?`
	return `^` + item + `(,` + item + `)*(\[([1-4]|-1)\])?$`
}

// slotsPattern is hours.ParseSlots's syntax: closed, or HH:MM-HH:MM ranges
// separated by commas, up to 24:00 at the end of a range.
func slotsPattern() string {
	start := `([01][0-9]|2[0-3]):[0-5][0-9]`
	end := `(` + start + `|24:00)`
	slot := space + `*` + start + space + `*-` + space + `*` + end + space + `*`
	return `^(` + space + `*` + anyCase("closed") + space + `*|` + slot + `(,` + slot + `)*)$`
}

// anyCase matches word in any case without a flag, which JSON Schema lacks.
func anyCase(word string) string {
	var b strings.Builder
	for _, r := range word {
		b.WriteString("[" + strings.ToUpper(string(r)) + string(r) + "]")
	}
	return b.String()
}

// patterned is a value of the given types that must match pattern, with
// the decoder's words when it does not.
func patterned(types Types, pattern, message string) *Schema {
	return &Schema{Type: types, Pattern: pattern, PatternErrorMessage: message}
}
