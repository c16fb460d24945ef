package opendata

import (
	"slices"
	"strings"
	"unicode"

	"github.com/abri-guide/abri/generator/content"
)

// openLicences are licences whose data data·inclusion may republish under
// Licence Ouverte / Etalab-2.0: public domain dedications and licences that
// ask for attribution only. Names are compared folded (lower case, no
// spaces, dashes, dots nor underscores).
var openLicences = []string{
	"etalab", "etalab2", "etalab20", "licenceouverte", "licenceouverte2", "licenceouverte20", "lo", "lo2", "lo20",
	"openlicence", "openlicence2", "openlicence20",
	"cc0", "cc010", "publicdomain", "pddl", "pddl10", "odcpddl", "odcpddl10",
	"ccby", "ccby20", "ccby25", "ccby30", "ccby40", "odcby", "odcby10",
}

// DataInclusionLicence tells whether the guide's data may go to
// data·inclusion, which republishes everything under Licence Ouverte 2.0
// (Etalab-2.0), and if not, why and what to do. Share-alike licences (ODbL,
// CC BY-SA) and non-commercial ones (CC BY-NC) ask more than Licence
// Ouverte does of those who reuse the data, so data·inclusion cannot take
// it as it is.
func DataInclusionLicence(g *content.Guide) (ok bool, why string) {
	name := g.Site.Licence.Name
	k := foldLicence(name)
	for _, o := range openLicences {
		if k == o {
			return true, ""
		}
	}
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	reason := "is not one abri knows to be compatible"
	switch {
	case slices.Contains(words, "odbl") || slices.Contains(words, "sa"):
		reason = "is share-alike: reusers must share their changes under it"
	case slices.Contains(words, "nc"):
		reason = "forbids commercial reuse"
	case slices.Contains(words, "nd"):
		reason = "forbids modified versions"
	}
	return false, "licence: " + name + " " + reason + ", but data·inclusion republishes under Licence Ouverte 2.0 (Etalab-2.0): " +
		"send data/data-inclusion/ there only with the data owners' consent, or choose Etalab-2.0, CC-BY-4.0, CC0-1.0 or PDDL-1.0"
}

// foldLicence writes a licence name as openLicences do.
func foldLicence(name string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '.', '_', '/':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(name)))
}
