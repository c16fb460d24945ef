package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/abri-guide/abri/generator/content"
	"github.com/abri-guide/abri/generator/slug"
)

const newDoc = `Writes new content files to fill in, and refuses to overwrite one.

  abri new listing <folder>/<id>   a listing: <content>/listings/<folder>/<id>.yaml,
                                   every field explained, written as a draft;
                                   <id> may be the place's name: "Cœur de Ville"
                                   is written to coeur-de-ville.yaml
  abri new page <slug>             a Markdown page: <content>/pages/<slug>.<lang>.md
                                   for every language of the guide, written as drafts`

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := flag.NewFlagSet("new", flag.ContinueOnError)
	fset.SetOutput(stderr)
	dir := fset.String("content", "content", "content folder: site.yaml, categories.yaml, listings/, pages/")
	fset.Usage = func() {
		fmt.Fprintf(stderr, "Usage: abri new listing|page [flags] <name>\n\n%s\n\nFlags:\n", newDoc)
		fset.PrintDefaults()
	}
	pos, err := parseArgs(fset, args, 2)
	if err != nil {
		return unlessHelp(err)
	}
	switch pos[0] {
	case "listing":
		return newListing(*dir, pos[1], stdout, stderr)
	case "page":
		return newPage(*dir, pos[1], stdout, stderr)
	}
	fmt.Fprintf(stderr, "abri new: %q is not a kind of file (want listing or page)\n", pos[0])
	return exitError{"bad arguments"}
}

// refuse prints why a file was not written and ends the command with status 1.
func refuse(stderr io.Writer, format string, args ...any) error {
	fmt.Fprintf(stderr, "abri new: "+format+"\n", args...)
	return exitError{"refused"}
}

// slugPattern is generator/content's rule for listing ids and page slugs,
// which are file names and addresses on the site.
var slugPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

func newListing(dir, arg string, stdout, stderr io.Writer) error {
	rel, name, msg := listingPath(dir, arg)
	if msg != "" {
		return refuse(stderr, "%s", msg)
	}
	g, err := loadHead(dir, stderr)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "listings", filepath.FromSlash(rel))
	if other := findListing(dir, path.Base(rel)); other != "" {
		return refuse(stderr, "%s already exists: edit it, or choose another name (file names are ids, unique across the guide)", other)
	}
	now, err := buildTime()
	if err != nil {
		return err
	}
	data, err := listingSkeleton(g, name, filepath.Dir(file), filepath.Join(dir, schemaDir), now)
	if err != nil {
		return err
	}
	if err := create(file, data); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "abri: wrote %s, a draft: fill in the TODO lines, then delete \"status: draft\" to publish it\n", file)
	if _, err := os.Stat(filepath.Join(dir, schemaDir, "listing.schema.json")); err != nil {
		fmt.Fprintf(stdout, "abri: run abri schema --content %s for completion and inline errors in your editor\n", dir)
	}
	return nil
}

// listingPath turns what an editor typed (lyon/halte, lyon/halte.yaml,
// listings/lyon/halte.yaml, content/listings/lyon/halte.yaml, or a name:
// "lyon/Cœur de Ville") into the file's path under listings/, or says what
// is wrong with it. name is what was typed when it was a name, not an id.
func listingPath(dir, arg string) (rel, name, msg string) {
	p := filepath.ToSlash(filepath.Clean(arg))
	if filepath.IsAbs(arg) {
		if listings, err := filepath.Abs(filepath.Join(dir, "listings")); err == nil {
			if r, err := filepath.Rel(listings, arg); err == nil {
				p = filepath.ToSlash(r)
			}
		}
	}
	p = strings.TrimPrefix(p, filepath.ToSlash(filepath.Clean(dir))+"/")
	p = strings.TrimPrefix(p, "listings/")
	if !strings.HasSuffix(p, ".yaml") {
		p += ".yaml"
	}
	folders, base := path.Split(p)
	for _, f := range strings.Split(folders, "/") {
		if strings.HasPrefix(f, ".") || path.IsAbs(p) {
			return "", "", fmt.Sprintf("%q is not a place in the guide's listings folder (want <folder>/<id>, e.g. lyon/halte-solidaire)", arg)
		}
	}
	id := strings.TrimSuffix(base, ".yaml")
	if slugPattern.MatchString(id) {
		return p, "", ""
	}
	// A name: its slug is the id, made as the site makes city pages.
	if !strings.HasSuffix(id, ".yml") {
		name, id = strings.TrimSpace(id), slug.Make(id)
	}
	if !slugPattern.MatchString(id) {
		return "", "", fmt.Sprintf("%q: listing file names are the place's id: lower-case letters, digits and dashes, ending in .yaml (e.g. halte-solidaire.yaml)", base)
	}
	return folders + id + ".yaml", name, ""
}

// findListing returns the listing file called base, in any folder, or "".
func findListing(dir, base string) string {
	var found string
	fs.WalkDir(os.DirFS(dir), "listings", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && e.Name() == base {
			found = filepath.Join(dir, filepath.FromSlash(p))
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// create writes a new file, never over an existing one.
func create(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// skeleton is what the listing template fills in.
type skeleton struct {
	Name       string   // the place's name, quoted, when the editor gave it
	Schema     string   // path from the listing to listing.schema.json
	Langs      []string // the guide's languages
	Source     string   // the source language
	Country    string   // the guide's country
	Category   string   // a category to start from
	Categories []string // "top: child, child" lines of categories.yaml
	Today      string
	Closure    [2]string // an example closure: next Christmas holidays
	Summer     [2]string // example special hours: next summer
	Enums      map[string]string
}

// listingSkeleton writes a new listing: valid as it is (a draft, so that
// its TODOs are never published), every optional field commented out with
// an example that is valid once uncommented.
func listingSkeleton(g *content.Guide, name, listingDir, schemaDir string, now time.Time) ([]byte, error) {
	rel, err := filepath.Rel(listingDir, filepath.Join(schemaDir, "listing.schema.json"))
	if err != nil {
		return nil, err
	}
	today := content.DateOf(now.In(g.Site.Timezone.Location))
	s := skeleton{
		Name:       "TODO name of the place",
		Schema:     filepath.ToSlash(rel),
		Langs:      g.Site.Langs(),
		Source:     g.Site.Langs()[0],
		Country:    string(g.Site.Country),
		Category:   firstLeaf(g.Categories),
		Categories: categoryLines(g.Categories),
		Today:      today.String(),
		Closure:    [2]string{next(today, 12, 24).String(), next(next(today, 12, 24), 1, 2).String()},
		Summer:     [2]string{next(today, 7, 1).String(), next(next(today, 7, 1), 8, 31).String()},
		Enums: map[string]string{
			"welcome": enumOf[content.Audience]("Welcome"),
			"gender":  enumOf[content.Audience]("Gender"),
			"status":  enumOf[content.Audience]("Status"),
			"family":  enumOf[content.Audience]("Family"),
			"other":   enumOf[content.Audience]("Other"),
		},
	}
	if name != "" {
		quoted, _ := json.Marshal(name) // a JSON string is a YAML one
		s.Name = string(quoted)
	}
	if s.Category == "" {
		return nil, fmt.Errorf("categories.yaml has no category: a listing needs one")
	}
	var b strings.Builder
	err = listingTemplate.Execute(&b, s)
	return []byte(b.String()), err
}

// next returns the first day on or after d with this month and day.
func next(d content.Date, month time.Month, day int) content.Date {
	n := content.Date{Year: d.Year, Month: month, Day: day}
	if n.Before(d) {
		n.Year++
	}
	return n
}

// firstLeaf is the first category without children, in the tree's order.
func firstLeaf(cs []*content.Category) string {
	for _, c := range cs {
		if len(c.Children) == 0 {
			return c.ID
		}
		if id := firstLeaf(c.Children); id != "" {
			return id
		}
	}
	return ""
}

// categoryLines lists the category ids, one line per top-level category.
func categoryLines(cs []*content.Category) []string {
	var lines []string
	for _, c := range cs {
		var ids []string
		var walk func(cs []*content.Category)
		walk = func(cs []*content.Category) {
			for _, c := range cs {
				ids = append(ids, c.ID)
				walk(c.Children)
			}
		}
		walk(c.Children)
		line := c.ID
		if len(ids) > 0 {
			line += ": " + strings.Join(ids, ", ")
		}
		lines = append(lines, line)
	}
	return lines
}

// enumOf returns the values a field of T allows, from its enum tag.
func enumOf[T any](field string) string {
	f, _ := reflect.TypeFor[T]().FieldByName(field)
	return strings.ReplaceAll(f.Tag.Get("enum"), ",", ", ")
}

var listingTemplate = template.Must(template.New("listing").Parse(`# yaml-language-server: $schema={{.Schema}}
## A new place for the guide. Lines starting with ## are help.
## 1. Replace every TODO.
## 2. To use an optional field, delete the "# " at the start of its lines.
## 3. Delete the line "status: draft": the place is published.
## Every field is explained in content/README.md; how to edit, in content/EDITING.md.

## The place's name, as written on its door.
name: {{.Name}}

## What happens there, in plain words, in each language (or only in {{.Source}}).
# description:
{{- range .Langs}}
#   {{.}}: TODO
{{- end}}

## What the place offers: one or more ids of categories.yaml, e.g. [{{.Category}}, ...].
{{- range .Categories}}
##   {{.}}
{{- end}}
categories: [{{.Category}}]               # TODO: the place's categories

## Where it is: at least the city or the postal code.
address:
  street: TODO number and street
  postal_code: "TODO"                   ## in quotes, so that a leading 0 stays
  city: TODO
  # country: {{.Country}}                         ## default: the guide's country
  # hidden: true                        ## publish only the postal code and the city (a shelter for women ...)

## Latitude, then longitude: openstreetmap.org shows them when you
## right-click the place and choose "Show address".
# geo: [45.7485, 4.8467]

## How to get in touch: international, national or short phone numbers.
# phone: ["+33 4 72 00 00 00", "115"]
# email: contact@example.org
# website: https://example.org

## Opening hours, local time. Days: mo tu we th fr sa su; ranges mo-fr; lists mo,we,fr;
## tu[1] the first Tuesday of the month, fr[-1] the last Friday. Times: 09:00-12:00,
## several separated by commas, or closed. Days not listed are closed.
# hours:
#   mo-fr: 09:00-12:00, 14:00-17:30
#   sa: 10:00-12:00
#   public_holidays: closed             ## closed, open or unknown
#   note: TODO

## Closed for a while (holidays): the first and the last closed day, YYYY-MM-DD.
# closures:
#   - {start: {{index .Closure 0}}, end: {{index .Closure 1}}, note: TODO}

## A message for a while ("distribution moved to the church hall this week"),
## shown on the place's page and cards from start to end (both optional).
# message: {text: TODO, start: {{index .Closure 0}}, end: {{index .Closure 1}}}

## Other hours for a while (summer, cold snap): they replace the week's hours.
# special_hours:
#   - start: {{index .Summer 0}}
#     end: {{index .Summer 1}}
#     hours: {mo-fr: 10:00-16:00}

## Who is welcome: unconditional (everyone), preferential (everyone, these people
## first) or exclusive (only these people).
# audience:
#   welcome: unconditional              ## {{.Enums.welcome}}
#   gender: [women]                     ## {{.Enums.gender}}
#   age: {min: 18, max: 25}
#   status: [asylum, refugee]           ## {{.Enums.status}}
#   family: [isolated]                  ## {{.Enums.family}}
#   other: [violence]                   ## {{.Enums.other}}
#   note: TODO

## Conditions: appointment, referral (sent by a social worker) and registration are
## true, false, or a text saying how; price is free, or a text.
# access:
#   appointment: false
#   referral: false
#   registration: false
#   price: free
#   wheelchair: true
#   animals: true
#   note: TODO

## Languages spoken on site: ISO 639 codes ({{.Source}}, en, ar, lsf ...).
# languages: [{{.Source}}]

## Parts of the place with their own hours or conditions (showers, a meal).
# services:
#   - category: {{.Category}}
#     hours: {tu: 09:00-11:00}
#     note: TODO

## open, draft (not published) or closed (closed for good: kept, shown as closed).
status: draft                           # TODO: delete this line to publish the place

## The day the information was checked with the place.
updated: {{.Today}}

## Where the information comes from, when not from the place itself.
# sources:
#   - {name: TODO, url: https://example.org}
`))

func newPage(dir, slug string, stdout, stderr io.Writer) error {
	switch {
	case !slugPattern.MatchString(slug):
		return refuse(stderr, "%q: a page's slug is lower-case letters, digits and dashes (e.g. how-to-use)", slug)
	case slug == "index" || slug == "404":
		return refuse(stderr, "the slug %s is reserved for the site's own pages: choose another", slug)
	}
	g, err := loadHead(dir, stderr)
	if err != nil {
		return err
	}
	langs := g.Site.Langs()
	var files []string
	for _, lang := range langs {
		files = append(files, filepath.Join(dir, "pages", slug+"."+lang+".md"))
	}
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			return refuse(stderr, "%s already exists: edit it, or choose another slug", f)
		}
	}
	menu := nextMenu(g)
	for i, f := range files {
		if err := create(f, pageSkeleton(langs[i], langs[0], menu)); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "abri: wrote %s, drafts\nabri: fill in each file, then delete \"status: draft\" to publish it, or delete those you will not translate: readers see the %s page instead, marked\n",
		strings.Join(files, ", "), langs[0])
	return nil
}

// nextMenu is the position after the last page of the menu, drafts included.
func nextMenu(g *content.Guide) int {
	last := 0
	for _, ps := range g.Pages {
		for _, p := range ps {
			last = max(last, p.Menu)
		}
	}
	for _, p := range g.DraftPages {
		last = max(last, p.Menu)
	}
	return last + 1
}

// pageSkeleton is a new page in lang; the help is in YAML comments of the
// front matter, so that none of it is published.
func pageSkeleton(lang, source string, menu int) []byte {
	return fmt.Appendf(nil, `---
## A new page, in %[1]s: write its title, and its text below the second ---, in
## Markdown (# Heading, - list item, **bold**, [link](https://example.org)).
## A page missing in a language shows the %[2]s page, marked as not translated:
## delete this file rather than publish it untranslated.
title: TODO
menu: %[3]d                               ## position in the footer menu; delete this line to leave the page out of it
status: draft                         ## not published: delete this line when the page is written
---
TODO
`, lang, source, menu)
}
