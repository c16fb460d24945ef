// Package guidegen writes generated guides of any size for benchmarks:
// the demo guide's site.yaml and categories.yaml, and n listings with the
// fields real listings have, spread over 20 cities.
package guidegen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var cats = []string{"meals", "shower", "toilets", "legal_advice", "french_courses", "wifi", "health_care", "clothing", "day_hosting", "emergency_accommodation"}

// Write creates a guide in dir from the demo guide in demo (its site.yaml
// and categories.yaml) and n generated listings.
func Write(dir, demo string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join(demo, f))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			return err
		}
	}
	for i := range n {
		p := Path(dir, i)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(Listing(i, fmt.Sprintf("Lieu solidaire %d", i))), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Path is the file of listing i; its id is lieu-<i>.
func Path(dir string, i int) string {
	return filepath.Join(dir, "listings", fmt.Sprintf("v%02d", i%20), fmt.Sprintf("lieu-%05d.yaml", i))
}

// Listing returns the YAML of listing i with the given name.
func Listing(i int, name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\n", name)
	fmt.Fprintf(&b, "description:\n  fr: Accueil, écoute et orientation pour toutes et tous, lieu numéro %d.\n  en: Welcome, listening and guidance for everyone, place number %d.\n  ar: استقبال وإصغاء وتوجيه للجميع، المكان رقم %d.\n", i, i, i)
	fmt.Fprintf(&b, "categories: [%s, %s]\n", cats[i%len(cats)], cats[(i*7+3)%len(cats)])
	fmt.Fprintf(&b, "address: {street: %d rue de la Solidarité, postal_code: \"%05d\", city: Ville %02d, hidden: %t}\n", i%200+1, 10000+i%20, i%20, i%50 == 0)
	fmt.Fprintf(&b, "geo: [%.5f, %.5f]\n", 43+float64(i%500)/100, 2+float64(i%300)/100)
	b.WriteString("phone: [\"+33 4 72 00 00 00\"]\nemail: contact@lieu.example.org\nwebsite: https://lieu.example.org\n")
	b.WriteString("hours:\n  mo-fr: 09:00-12:00, 14:00-17:30\n  sa: 10:00-12:00\n  tu[1]: 18:00-20:00\n  public_holidays: closed\n")
	b.WriteString("closures: [{start: 2026-12-24, end: 2027-01-02, note: {fr: Fermeture annuelle., en: Annual closure.}}]\n")
	b.WriteString("audience: {welcome: unconditional, family: [isolated, family]}\n")
	b.WriteString("access: {appointment: false, price: free, wheelchair: true, animals: false}\n")
	b.WriteString("languages: [fr, en, ar]\nupdated: 2026-11-01\n")
	return b.String()
}
