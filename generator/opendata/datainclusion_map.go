package opendata

import (
	"slices"
	"strings"

	"github.com/abri-guide/abri/generator/content"
)

// defaultThematiques map abri's usual category ids (the demo guide's, which
// follow Soliguide's) to data·inclusion thematiques. A guide changes them
// with data_inclusion: in categories.yaml. An empty list says that
// data·inclusion has no thematique for the category (it has none for
// hygiene, luggage storage or phone charging): its services are exported
// without thematiques rather than under a wrong one.
var defaultThematiques = map[string][]string{
	"welcome":       {"remobilisation--lien-social"},
	"day_hosting":   {"remobilisation--lien-social"},
	"domiciliation": {"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"},

	"food":              {"equipement-et-alimentation--alimentation"},
	"food_distribution": {"equipement-et-alimentation--alimentation"},
	"meals":             {"equipement-et-alimentation--alimentation"},
	"food_parcels":      {"equipement-et-alimentation--alimentation"},
	"food_packages":     {"equipement-et-alimentation--alimentation"},
	"social_grocery":    {"equipement-et-alimentation--alimentation"},

	"counseling":           {"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"},
	"legal_advice":         {"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits", "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"},
	"social_support":       {"difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte"},
	"social_accompaniment": {"difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte"},
	"administrative_help":  {"difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"},
	"budget_advice":        {"difficultes-financieres--ameliorer-sa-gestion-budgetaire"},
	"parent_assistance":    {"famille--soutien-a-la-parentalite-et-a-leducation"},

	"training_and_jobs": {"preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi", "se-former--trouver-sa-formation"},
	"french_courses":    {"lecture-ecriture-calcul--maitriser-le-francais"},
	"french_course":     {"lecture-ecriture-calcul--maitriser-le-francais"},
	"job_search":        {"preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi", "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"},
	"job_coaching":      {"preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"},

	"accommodation_and_housing": {"logement-hebergement--rechercher-une-solution-dhebergement-temporaire"},
	"emergency_accommodation":   {"logement-hebergement--rechercher-une-solution-dhebergement-temporaire"},
	"overnight_stop":            {"logement-hebergement--rechercher-une-solution-dhebergement-temporaire"},
	"women_shelter":             {"logement-hebergement--rechercher-une-solution-dhebergement-temporaire", "famille--surmonter-conflits-separation-violence"},
	"housing_help":              {"logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement", "logement-hebergement--se-maintenir-dans-le-logement"},
	"access_to_housing":         {"logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"},

	"hygiene_and_wellness": {},
	"shower":               {},
	"toilets":              {},
	"laundry":              {},
	"hairdresser":          {"remobilisation--bien-etre-confiance-en-soi"},

	"equipment":       {},
	"clothing":        {"equipement-et-alimentation--habillement"},
	"luggage_storage": {},

	"health":        {"sante--acces-aux-soins"},
	"health_care":   {"sante--acces-aux-soins"},
	"mental_health": {"sante--sante-mentale"},
	"dental_care":   {"sante--acces-aux-soins"},
	"addiction":     {"sante--addictions"},

	"technology":                 {"numerique--acceder-a-des-services-en-ligne"},
	"wifi":                       {"numerique--acceder-a-une-connexion-internet"},
	"phone_charging":             {},
	"computer_access":            {"numerique--acceder-a-des-services-en-ligne"},
	"computers_at_your_disposal": {"numerique--acceder-a-des-services-en-ligne"},
	"digital_help":               {"numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"},
	"digital_tools_training":     {"numerique--maitriser-les-fondamentaux-du-numerique"},

	"mobility":       {"mobilite--etre-accompagne-dans-son-parcours-mobilite"},
	"transport_help": {"mobilite--etre-accompagne-dans-son-parcours-mobilite"},

	"activities":        {"remobilisation--activites-sportives-et-culturelles"},
	"culture_and_sport": {"remobilisation--activites-sportives-et-culturelles"},
	"sport_activities":  {"remobilisation--activites-sportives-et-culturelles"},
}

// Thematiques returns the data·inclusion thematiques of a category: its
// own data_inclusion, or the default table's for its id, or else its
// parent's, sorted. None means data·inclusion has no word for it.
func Thematiques(c *content.Category) []string {
	for ; c != nil; c = c.Parent {
		ts := c.DataInclusion
		if ts == nil {
			ts = defaultThematiques[c.ID]
		}
		if ts != nil {
			ts = slices.Clone(ts)
			slices.Sort(ts)
			return slices.Compact(ts)
		}
	}
	return nil
}

// publics returns the data·inclusion publics of an audience. Everyone
// welcome (no audience, unconditional, or preferential: data·inclusion
// makes eligible who belongs to one public) is tous-publics. An exclusive
// audience gives the publics data·inclusion has for its criteria; when it
// has none of them, nil (not known) rather than a wrong public.
func publics(a *content.Audience) []string {
	if a == nil || a.Welcome != "exclusive" {
		return []string{"tous-publics"}
	}
	var ps []string
	if slices.Equal(a.Gender, []string{"women"}) {
		ps = append(ps, "femmes")
	}
	if a.Age != nil && a.Age.Max > 0 && a.Age.Max <= 25 {
		ps = append(ps, "jeunes")
	}
	if a.Age != nil && a.Age.Min >= 60 {
		ps = append(ps, "seniors")
	}
	if slices.Contains(a.Status, "asylum") || slices.Contains(a.Status, "refugee") || slices.Contains(a.Status, "undocumented") {
		ps = append(ps, "personnes-exilees")
	}
	if slices.Contains(a.Family, "family") || slices.Contains(a.Family, "pregnant") {
		ps = append(ps, "familles")
	}
	for _, o := range a.Other {
		switch o {
		case "disability":
			ps = append(ps, "personnes-en-situation-de-handicap")
		case "student":
			ps = append(ps, "etudiants")
		case "prison":
			ps = append(ps, "personnes-en-situation-juridique-specifique")
		}
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// frais says whether a service is free: gratuit, payant with the price in
// the source language, or nothing when the listing does not say.
func frais(a *content.Access, lang string) (string, string) {
	switch {
	case a == nil:
		return "", ""
	case a.Price.Free:
		return "gratuit", ""
	case a.Price.Text != nil:
		return "payant", source(a.Price.Text, lang)
	}
	return "", ""
}

// mobilisation says how a service is reached: modes_mobilisation,
// mobilisable_par and mobilisation_precisions. An appointment is made by
// phone or e-mail, as the listing gives them; no appointment needed is
// se-presenter. A referral makes the service mobilisable by professionals
// only.
func mobilisation(l *content.Listing, a *content.Access, lang string) (modes, by []string, how string) {
	if a == nil {
		return nil, nil, ""
	}
	switch {
	case a.Appointment.Yes:
		if len(l.Phone) > 0 {
			modes = append(modes, "telephoner")
		}
		if l.Email != "" {
			modes = append(modes, "envoyer-un-courriel")
		}
		how = source(a.Appointment.How, lang)
	case a.Appointment.Set:
		modes = []string{"se-presenter"}
	}
	switch {
	case a.Referral.Yes:
		by = []string{"professionnels"}
	case a.Referral.Set:
		by = []string{"usagers", "professionnels"}
	}
	return modes, by, how
}

// conditions are the conditions of access in one text: how to register,
// the referral and the access note, one a line, in the source language.
func conditions(a *content.Access, lang string) string {
	if a == nil {
		return ""
	}
	var lines []string
	for _, t := range []content.Text{a.Registration.How, a.Referral.How, a.Note} {
		if s := source(t, lang); s != "" {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n")
}

// source returns a text in the source language (or the first language that has it).
func source(t content.Text, lang string) string {
	if t == nil {
		return ""
	}
	if s, ok := t[lang]; ok {
		return s
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		if !content.IsFlag(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if len(keys) > 0 {
		return t[keys[0]]
	}
	return ""
}
