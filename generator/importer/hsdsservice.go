package importer

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/abri-guide/abri/generator/content"
)

// fromAbri reports whether abri wrote the services: its category
// attributes say so. Then the HSDS texts (eligibility, fees) are not read,
// the attributes saying the same exactly.
func fromAbri(gr *hsdsGroup) bool {
	for _, s := range gr.services {
		for _, a := range s.Attributes {
			if a.LinkType == "category" || a.LinkType == "abri" {
				return true
			}
		}
	}
	return false
}

func monthOf(m int) time.Month { return time.Month(m) }

// service reads one service of the place: its category, and, when it is
// the editor's own service or its hours differ, a service of the listing.
func (r *hsdsReader) service(l *content.Listing, s *hsdsService, place []hsdsSchedule) {
	cat := r.serviceCategory(s)
	if cat == nil {
		r.note("dropped service %q: none of its taxonomy terms is a category of the guide", s.Name)
		return
	}
	entry, ownHours := attr(s.Attributes, "service.entry"), attr(s.Attributes, "service.hours") == "own"
	if !r.abri {
		ownHours = !sameWeek(weekly(s.Schedules), weekly(place)) && len(weekly(s.Schedules)) > 0
		if ownHours {
			entry = "own"
		}
	}
	if entry != "extra" && !slices.ContainsFunc(l.Categories, func(c content.CategoryRef) bool { return c.Category == cat }) {
		l.Categories = append(l.Categories, content.CategoryRef{Category: cat})
	}
	if entry == "" {
		return
	}
	sv := content.Service{Category: content.CategoryRef{Category: cat}}
	if catName, _ := cat.Name.In(nil, r.src); s.Name != catName && s.Name != l.Name {
		sv.Name = r.text(s.Name)
	}
	if d := strings.TrimSpace(s.Description); d != "" && d != l.Description[r.src] {
		sv.Description = r.text(d)
	}
	if ownHours {
		sv.Hours, _, _ = r.schedules(weekly(s.Schedules))
	}
	sv.Audience, sv.Access = r.conditions(s.Attributes)
	sv.Note = r.text(attr(s.Attributes, "service.note"))
	l.Services = append(l.Services, sv)
}

// serviceCategory is the category of a service: its category attribute,
// or else the first of its terms the guide has.
func (r *hsdsReader) serviceCategory(s *hsdsService) *content.Category {
	for _, pass := range []bool{true, false} {
		for _, a := range s.Attributes {
			if t := a.TaxonomyTerm; t != nil && (a.LinkType == "category") == pass && t.Taxonomy != "abri" {
				if c := r.category(t.Code, t.Name); c != nil {
					return c
				}
			}
		}
	}
	return nil
}

// attr returns the value of abri's attribute code.
func attr(as []hsdsAttribute, code string) string {
	for _, a := range as {
		if a.TaxonomyTerm != nil && a.TaxonomyTerm.Taxonomy == "abri" && a.TaxonomyTerm.Code == code {
			return a.Value
		}
	}
	return ""
}

func hasAttr(as []hsdsAttribute, prefix string) bool {
	for _, a := range as {
		if a.TaxonomyTerm != nil && a.TaxonomyTerm.Taxonomy == "abri" && strings.HasPrefix(a.TaxonomyTerm.Code, prefix) {
			return true
		}
	}
	return false
}

// conditions reads abri's audience and access attributes.
func (r *hsdsReader) conditions(as []hsdsAttribute) (*content.Audience, *content.Access) {
	var au *content.Audience
	if hasAttr(as, "audience.") {
		au = &content.Audience{Welcome: r.enum(attr(as, "audience.welcome"), "unconditional", "preferential", "exclusive"),
			Gender: r.enums(attr(as, "audience.gender"), "women", "men"),
			Status: r.enums(attr(as, "audience.status"), "asylum", "refugee", "undocumented", "regular"),
			Family: r.enums(attr(as, "audience.family"), "isolated", "couple", "family", "pregnant"),
			Other:  r.enums(attr(as, "audience.other"), "addiction", "disability", "hiv", "lgbt", "mental_health", "prison", "sex_work", "student", "violence"),
			Note:   r.text(attr(as, "audience.note"))}
		if v := attr(as, "audience.age"); v != "" {
			lo, hi, _ := strings.Cut(v, "-")
			min, err1 := strconv.Atoi(lo)
			max, err2 := strconv.Atoi(hi)
			if err1 == nil && err2 == nil {
				au.Age = &content.Age{Min: min, Max: max}
			} else {
				r.note("dropped age %q: want min-max", v)
			}
		}
	}
	var ac *content.Access
	if hasAttr(as, "access.") {
		ac = &content.Access{Appointment: r.condition(attr(as, "access.appointment")),
			Referral:     r.condition(attr(as, "access.referral")),
			Registration: r.condition(attr(as, "access.registration")),
			Wheelchair:   flag(attr(as, "access.wheelchair")), Animals: flag(attr(as, "access.animals")),
			Note: r.text(attr(as, "access.note"))}
		if p := attr(as, "access.price"); p == "free" {
			ac.Price.Free = true
		} else {
			ac.Price.Text = r.text(p)
		}
	}
	return au, ac
}

func (r *hsdsReader) condition(v string) content.Condition {
	switch v {
	case "":
		return content.Condition{}
	case "true", "false":
		return content.Condition{Set: true, Yes: v == "true"}
	}
	return content.Condition{Set: true, Yes: true, How: r.text(v)}
}

func flag(v string) *bool {
	if v != "true" && v != "false" {
		return nil
	}
	b := v == "true"
	return &b
}

func (r *hsdsReader) enum(v string, allowed ...string) string {
	if v == "" || slices.Contains(allowed, v) {
		return v
	}
	r.note("dropped %q: want one of %s", v, strings.Join(allowed, ", "))
	return ""
}

func (r *hsdsReader) enums(v string, allowed ...string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = r.enum(strings.TrimSpace(s), allowed...); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// fields reads HSDS's own fields of who is welcome and what it costs, for
// files that abri did not write: ages, and texts kept as notes.
func (r *hsdsReader) fields(s *hsdsService) (*content.Audience, *content.Access) {
	var au *content.Audience
	if s.MinimumAge != nil || s.MaximumAge != nil || s.EligibilityDescription != "" {
		au = &content.Audience{Note: r.text(s.EligibilityDescription)}
		if s.MinimumAge != nil || s.MaximumAge != nil {
			au.Age = &content.Age{}
			if s.MinimumAge != nil {
				au.Age.Min = int(*s.MinimumAge)
			}
			if s.MaximumAge != nil {
				au.Age.Max = int(*s.MaximumAge)
			}
		}
		if s.EligibilityDescription != "" {
			r.note("eligibility_description kept as the audience note: set gender, status... from it")
		}
	}
	var ac *content.Access
	free := strings.EqualFold(strings.TrimSpace(s.FeesDescription), "free")
	for _, c := range s.CostOptions {
		free = free || strings.EqualFold(c.Option, "free") || c.Amount != nil && *c.Amount == 0
	}
	if free || s.FeesDescription != "" || s.ApplicationProcess != "" {
		ac = &content.Access{Note: r.text(s.ApplicationProcess)}
		if free {
			ac.Price.Free = true
		} else {
			ac.Price.Text = r.text(s.FeesDescription)
		}
	}
	return au, ac
}
