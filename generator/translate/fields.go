package translate

import (
	"reflect"

	"github.com/abri-guide/abri/generator/content"
)

// field says what a translatable field of the model is, for the translator.
type field struct {
	what  string // "description", "note on the opening hours"
	shown string // where readers see it
}

// fields are the translatable fields of the model, by struct type and Go
// field name. A field of a textual type (see textual) that is missing here
// is not exported: TestEveryTextIsCatalogued fails until it is added.
var fields = map[string]field{
	"Site.Title":          {"title of the guide", "shown at the top of every page"},
	"Notice.Text":         {"notice", "shown as a banner at the top of the pages"},
	"Category.Name":       {"name of the category", "shown on its page, in the menus and on the places' pages"},
	"Category.Synonyms":   {"search words for the category", "not shown: the search finds the category by them; separate them with commas"},
	"Listing.Description": {"description", "shown on its page"},
	"Message.Text":        {"temporary message", "shown on its page and in lists while in force"},
	"Hours.Note":          {"note on the opening hours", "shown under the hours"},
	"Closure.Note":        {"note on a temporary closure", "shown while it is closed"},
	"SpecialHours.Note":   {"note on special opening hours", "shown while they apply"},
	"Audience.Note":       {"note on who is welcome", "shown under \"who is welcome\""},
	"Access.Appointment":  {"how to get an appointment", "shown under the conditions of access"},
	"Access.Referral":     {"how to get a referral", "shown under the conditions of access"},
	"Access.Registration": {"how to register", "shown under the conditions of access"},
	"Access.Price":        {"price", "shown under the conditions of access"},
	"Access.Note":         {"note on the conditions of access", "shown under the conditions of access"},
	"Service.Name":        {"name", "shown on its page, as a heading"},
	"Service.Description": {"description", "shown on its page"},
	"Service.Note":        {"note", "shown on its page"},
	"Page.Title":          {"title of the page", "shown in the menu and at the top of the page"},
	"Page.Body":           {"text of the page, in Markdown (keep # headings, *emphasis* and [links](…) as they are)", "shown as the page"},
}

// textual are the types that hold a translatable text.
var textual = map[reflect.Type]bool{
	reflect.TypeFor[content.Text]():      true,
	reflect.TypeFor[content.Words]():     true,
	reflect.TypeFor[content.Condition](): true,
	reflect.TypeFor[content.Price]():     true,
}

// fieldID names a field in fields.
func fieldID(t reflect.Type, f reflect.StructField) string { return t.Name() + "." + f.Name }
