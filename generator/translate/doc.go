// Package translate moves a guide's translatable texts to and from the files
// translators work in (gettext PO, XLIFF 2.0, CSV), and says how much of each
// language is translated.
//
// Every text has a stable key: the file it lives in, relative to the content
// folder, then '#', then where it is in that file.
//
//	site.yaml#title                    the guide's title
//	site.yaml#notice.text              a YAML path: map keys joined by '.',
//	site.yaml#notices[1].text          list items by [index]
//	listings/paris/la-halte.yaml#description
//	listings/paris/la-halte.yaml#services[0].note
//	categories.yaml#shower.name        a category by its id, not its place in the tree
//	categories.yaml#shower.synonyms
//	pages/about.md#title               a Markdown page: its front matter's title
//	pages/about.md#body                and its body (pages/about.<lang>.md on disk)
//	i18n#open_now                      an interface string of the theme
//	i18n#places_count.few              one plural form (CLDR category) of one
//
// A key names a text, not a language: an exchange file holds one target
// language, and each unit carries the source text and the translation.
//
// translations.sum, beside site.yaml, remembers the source text each
// translation was made from (see Sums), so that a translation whose source
// changed since is shown as outdated rather than as done.
package translate
