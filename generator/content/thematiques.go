package content

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Thematiques are data·inclusion's thematiques (schema v1.0.8,
// schemas/v1/extra/thematiques.json of gip-inclusion/data-inclusion-schema,
// Licence Ouverte 2.0): the values a category's data_inclusion may take.
// The content package holds them so that categories.yaml is checked where
// it is read, at the line of the mistake.
var Thematiques = []string{
	"choisir-un-metier--confirmer-son-choix-de-metier",
	"choisir-un-metier--connaitre-les-opportunites-demploi",
	"choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
	"choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
	"creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
	"creer-une-entreprise--developper-son-entreprise",
	"creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
	"difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
	"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
	"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
	"difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
	"difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
	"difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
	"difficultes-financieres--acquerir-une-autonomie-budgetaire",
	"difficultes-financieres--ameliorer-sa-gestion-budgetaire",
	"difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
	"difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
	"difficultes-financieres--situation-dendettement-surendettement",
	"equipement-et-alimentation--aide-menagere",
	"equipement-et-alimentation--alimentation",
	"equipement-et-alimentation--electromenager",
	"equipement-et-alimentation--habillement",
	"famille--garde-denfants",
	"famille--prise-en-charge-personne-dependante",
	"famille--soutien-a-la-parentalite-et-a-leducation",
	"famille--soutien-aidants",
	"famille--surmonter-conflits-separation-violence",
	"lecture-ecriture-calcul--maitriser-le-calcul",
	"lecture-ecriture-calcul--maitriser-le-francais",
	"logement-hebergement--acheter-un-logement",
	"logement-hebergement--changer-de-logement",
	"logement-hebergement--louer-un-logement",
	"logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
	"logement-hebergement--reduire-les-impayes-de-loyer",
	"logement-hebergement--se-maintenir-dans-le-logement",
	"logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
	"mobilite--acceder-a-un-vehicule",
	"mobilite--entretenir-reparer-son-vehicule",
	"mobilite--etre-accompagne-dans-son-parcours-mobilite",
	"mobilite--financer-ma-mobilite",
	"mobilite--mobilite-douce-partagee-collective",
	"mobilite--preparer-un-permis",
	"numerique--acceder-a-des-services-en-ligne",
	"numerique--acceder-a-une-connexion-internet",
	"numerique--acquerir-un-equipement",
	"numerique--maitriser-les-fondamentaux-du-numerique",
	"preparer-sa-candidature--developper-son-reseau",
	"preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
	"preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
	"preparer-sa-candidature--valoriser-ses-competences",
	"remobilisation--activites-sportives-et-culturelles",
	"remobilisation--benevolat-action-citoyenne",
	"remobilisation--bien-etre-confiance-en-soi",
	"remobilisation--lien-social",
	"sante--acces-aux-soins",
	"sante--addictions",
	"sante--constituer-un-dossier-mdph-invalidite",
	"sante--sante-mentale",
	"sante--sante-sexuelle",
	"se-former--monter-son-dossier-de-formation",
	"se-former--trouver-sa-formation",
	"souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
	"souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
	"souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
	"trouver-un-emploi--convaincre-un-recruteur-en-entretien",
	"trouver-un-emploi--faire-des-candidatures-spontanees",
	"trouver-un-emploi--maintien-dans-lemploi",
	"trouver-un-emploi--repondre-a-des-offres-demploi",
	"trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
}

// check refuses a data_inclusion value that is not a thematique.
func (c *Category) check(d *decoder, n *yaml.Node) {
	list := valueOf(n, "data_inclusion")
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	d.field = append(d.field, "data_inclusion")
	defer func() { d.field = d.field[:len(d.field)-1] }()
	for _, item := range list.Content {
		if s := item.Value; item.Kind == yaml.ScalarNode && s != "" && !slices.Contains(Thematiques, s) {
			d.errorf(item, "%q is not a data·inclusion thematique%s", s, suggestThematique(s))
		}
	}
}

// suggestThematique finds the thematique meant: a typo, or the part of it
// after "--" written alone (maitriser-le-francais).
func suggestThematique(s string) string {
	if hint := suggest(s, Thematiques); hint != "" {
		return hint
	}
	var tails []string
	for _, t := range Thematiques {
		_, tail, _ := strings.Cut(t, "--")
		tails = append(tails, tail)
	}
	if hint := suggest(s, tails); hint != "" {
		for i, tail := range tails {
			if strings.Contains(hint, `"`+tail+`"`) {
				return ` (did you mean "` + Thematiques[i] + `"?)`
			}
		}
	}
	return " (see the list in content/README.md, \"Open data: data·inclusion\")"
}
