package content

import (
	"strings"
	"testing"
)

// TestDataInclusionThematiques: a category's data_inclusion takes
// data·inclusion's thematiques only; a typo, or the part after "--" alone,
// is an error at its line and column with the thematique meant.
func TestDataInclusionThematiques(t *testing.T) {
	cats := strings.Replace(fullGuide["categories.yaml"], "data_inclusion: [equipement-et-alimentation--alimentation]",
		"data_inclusion: [equipement-et-alimentation--alimentaton, maitriser-le-francais, zzz]", 1)
	g, problems := Load(fullGuideFS("categories.yaml", cats), Options{})
	var got []string
	for _, p := range problems {
		if p.Severity == Error {
			got = append(got, p.String())
		}
	}
	want := []string{
		`categories.yaml:10:24: children.data_inclusion: "equipement-et-alimentation--alimentaton" is not a data·inclusion thematique (did you mean "equipement-et-alimentation--alimentation"?)`,
		`categories.yaml:10:65: children.data_inclusion: "maitriser-le-francais" is not a data·inclusion thematique (did you mean "lecture-ecriture-calcul--maitriser-le-francais"?)`,
		`categories.yaml:10:88: children.data_inclusion: "zzz" is not a data·inclusion thematique (see the list in content/README.md, "Open data: data·inclusion")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	g, problems = Load(fullGuideFS("", ""), Options{})
	if problems.Errors() > 0 {
		t.Fatal(problems.Err())
	}
	if ts := g.ByID["parcels"].DataInclusion; len(ts) != 1 || ts[0] != "equipement-et-alimentation--alimentation" {
		t.Errorf("parcels: data_inclusion %v", ts)
	}
}
