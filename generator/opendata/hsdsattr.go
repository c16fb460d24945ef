package opendata

import (
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// vocab describes the codes of abri's vocabulary taxonomy: what HSDS has
// no field for, as attribute values abri reads back.
var vocab = map[string]string{
	"access.animals":      "animals welcome: true or false",
	"access.appointment":  "appointment needed: false, true, or how to get one",
	"access.note":         "anything else about access",
	"access.price":        "free, or how much",
	"access.referral":     "only on referral by a social worker: false, true, or how",
	"access.registration": "registration needed: false, true, or how",
	"access.wheelchair":   "wheelchair accessible: true or false",
	"audience.age":        "ages welcomed, min-max, 0 for no bound",
	"audience.family":     "family situations welcomed: isolated, couple, family, pregnant",
	"audience.gender":     "genders welcomed: women, men",
	"audience.note":       "anything else about who is welcome",
	"audience.other":      "other situations welcomed",
	"audience.status":     "administrative situations welcomed: asylum, refugee, undocumented, regular",
	"audience.welcome":    "how the criteria apply: unconditional, preferential, exclusive",
	"service.entry":       "own: the place's service of this category has its own entry; extra: a service of a category the place does not list",
	"service.hours":       "own: the service has its own weekly hours",
	"service.note":        "anything else about the service",
}

// attrs collects the attributes of one object.
type attrs struct {
	b                   *hsdsBuild
	id                  ids
	scope, link, entity string
	list                []hsdsAttribute
}

func (a *attrs) add(code, value string) {
	t := hsdsTerm{ID: uuid5(vocabName + "#" + code), Code: code, Name: code, Description: vocab[code],
		Taxonomy: a.b.vocab.Name, TaxonomyID: a.b.vocab.ID}
	a.list = append(a.list, hsdsAttribute{ID: a.id.of(a.scope + "#attribute:" + code), LinkID: a.link, TaxonomyTermID: t.ID,
		LinkType: "abri", LinkEntity: a.entity, Value: value, TaxonomyTerm: &t})
}

// text adds a text attribute, when there is a text.
func (a *attrs) text(code, s string) {
	if s != "" {
		a.add(code, s)
	}
}

func (a *attrs) strs(code string, vs []string) {
	if len(vs) > 0 {
		a.add(code, strings.Join(vs, ","))
	}
}

func (a *attrs) category(c *content.Category) {
	t := a.b.categoryTerm(c)
	a.list = append(a.list, hsdsAttribute{ID: a.id.of(a.scope + "#category"), LinkID: a.link, TaxonomyTermID: t.ID,
		LinkType: "category", LinkEntity: a.entity, TaxonomyTerm: t})
}

// categoryTerm is category c as a term of the guide's taxonomy.
func (b *hsdsBuild) categoryTerm(c *content.Category) *hsdsTerm {
	if t, ok := b.terms[c.ID]; ok {
		return t
	}
	name := b.text(c.Name)
	t := &hsdsTerm{ID: uuid5(b.name + "#category:" + c.ID), Code: c.ID, Name: name, Description: name,
		Taxonomy: b.tax.Name, Language: b.src, TaxonomyID: b.tax.ID}
	if c.Parent != nil {
		t.ParentID = b.categoryTerm(c.Parent).ID
	}
	b.terms[c.ID] = t
	return t
}

func (a *attrs) audience(au *content.Audience) {
	if au == nil {
		return
	}
	a.text("audience.welcome", au.Welcome)
	a.strs("audience.gender", au.Gender)
	if au.Age != nil {
		a.add("audience.age", strconv.Itoa(au.Age.Min)+"-"+strconv.Itoa(au.Age.Max))
	}
	a.strs("audience.status", au.Status)
	a.strs("audience.family", au.Family)
	a.strs("audience.other", au.Other)
	a.text("audience.note", a.b.text(au.Note))
}

func (a *attrs) access(ac *content.Access) {
	if ac == nil {
		return
	}
	a.condition("access.appointment", ac.Appointment)
	a.condition("access.referral", ac.Referral)
	a.condition("access.registration", ac.Registration)
	if ac.Price.Free {
		a.add("access.price", "free")
	} else {
		a.text("access.price", a.b.text(ac.Price.Text))
	}
	a.flag("access.wheelchair", ac.Wheelchair)
	a.flag("access.animals", ac.Animals)
	a.text("access.note", a.b.text(ac.Note))
}

func (a *attrs) condition(code string, c content.Condition) {
	if c.Set {
		a.add(code, a.b.condition(c))
	}
}

func (a *attrs) flag(code string, v *bool) {
	if v != nil {
		a.add(code, strconv.FormatBool(*v))
	}
}

// condition writes a condition: false, true, or how (which means true).
func (b *hsdsBuild) condition(c content.Condition) string {
	if how := b.text(c.How); c.Yes && how != "" {
		return how
	}
	return strconv.FormatBool(c.Yes)
}

// conditions fills the fields HSDS has for who is welcome and how to get
// in, as texts for people, the ages and a cost option as data.
func (b *hsdsBuild) conditions(s *hsdsService, au *content.Audience, ac *content.Access) {
	if au != nil {
		var parts []string
		add := func(k string, vs ...string) {
			if len(vs) > 0 && vs[0] != "" {
				parts = append(parts, k+": "+strings.Join(vs, ", "))
			}
		}
		add("welcome", au.Welcome)
		add("gender", au.Gender...)
		add("status", au.Status...)
		add("family", au.Family...)
		add("other", au.Other...)
		if au.Age != nil {
			if au.Age.Min > 0 {
				m := au.Age.Min
				s.MinimumAge = &m
			}
			if au.Age.Max > 0 {
				m := au.Age.Max
				s.MaximumAge = &m
			}
		}
		add("note", b.text(au.Note))
		s.EligibilityDescription = strings.Join(parts, "; ")
	}
	if ac == nil {
		return
	}
	var parts []string
	for _, c := range []struct {
		k string
		c content.Condition
	}{{"appointment", ac.Appointment}, {"referral", ac.Referral}, {"registration", ac.Registration}} {
		if c.c.Set {
			parts = append(parts, c.k+": "+b.condition(c.c))
		}
	}
	if ac.Animals != nil {
		parts = append(parts, "animals: "+strconv.FormatBool(*ac.Animals))
	}
	if n := b.text(ac.Note); n != "" {
		parts = append(parts, n)
	}
	s.ApplicationProcess = strings.Join(parts, "; ")
	if ac.Price.Free {
		zero := 0
		s.FeesDescription = "free"
		s.CostOptions = []hsdsCostOption{{ID: uuid5(s.ID + "#cost_option"), ServiceID: s.ID, Option: "free", Amount: &zero}}
	} else {
		s.FeesDescription = b.text(ac.Price.Text)
	}
}
