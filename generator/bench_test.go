package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// generateGuide writes a guide of n listings in the demo's languages and
// categories, spread over 20 cities, with the fields a real listing has.
func generateGuide(tb testing.TB, dir string, n int) {
	tb.Helper()
	for _, f := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join("../content", f))
		if err != nil {
			tb.Fatal(err)
		}
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	cats := []string{"meals", "shower", "toilets", "legal_advice", "french_courses", "wifi", "health_care", "clothing", "day_hosting", "emergency_accommodation"}
	for i := range n {
		city := fmt.Sprintf("Ville %02d", i%20)
		var b strings.Builder
		fmt.Fprintf(&b, "name: Lieu solidaire %d\n", i)
		fmt.Fprintf(&b, "description:\n  fr: Accueil, écoute et orientation pour toutes et tous, lieu numéro %d.\n  en: Welcome, listening and guidance for everyone, place number %d.\n  ar: استقبال وإصغاء وتوجيه للجميع، المكان رقم %d.\n", i, i, i)
		fmt.Fprintf(&b, "categories: [%s, %s]\n", cats[i%len(cats)], cats[(i*7+3)%len(cats)])
		fmt.Fprintf(&b, "address: {street: %d rue de la Solidarité, postal_code: \"%05d\", city: %s, hidden: %t}\n", i%200+1, 10000+i%20, city, i%50 == 0)
		fmt.Fprintf(&b, "geo: [%.5f, %.5f]\n", 43+float64(i%500)/100, 2+float64(i%300)/100)
		b.WriteString("phone: [\"+33 4 72 00 00 00\"]\nemail: contact@lieu.example.org\nwebsite: https://lieu.example.org\n")
		b.WriteString("hours:\n  mo-fr: 09:00-12:00, 14:00-17:30\n  sa: 10:00-12:00\n  tu[1]: 18:00-20:00\n  public_holidays: closed\n")
		b.WriteString("closures: [{start: 2026-12-24, end: 2027-01-02, note: {fr: Fermeture annuelle., en: Annual closure.}}]\n")
		b.WriteString("audience: {welcome: unconditional, family: [isolated, family]}\n")
		b.WriteString("access: {appointment: false, price: free, wheelchair: true, animals: false}\n")
		b.WriteString("languages: [fr, en, ar]\nupdated: 2026-11-01\n")
		p := filepath.Join(dir, "listings", fmt.Sprintf("v%02d", i%20), fmt.Sprintf("lieu-%05d.yaml", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkBuild builds a generated guide of 1,000 listings in 4 languages
// (fr, en, ar, uk): check, render in parallel, swap. It reports pages per
// second and, with -benchmem, allocated bytes per build.
func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	generateGuide(b, filepath.Join(dir, "content"), 1000)
	cfg := Config{Content: filepath.Join(dir, "content"), Theme: "../themes/default", Out: filepath.Join(dir, "public"), Now: buildDate}
	b.ReportAllocs()
	var sum Summary
	start := time.Now()
	for b.Loop() {
		var err error
		var problems interface{ Errors() int }
		sum, problems, err = Build(cfg)
		if err != nil {
			b.Fatalf("%v %v", err, problems)
		}
	}
	pages := 0
	for _, n := range sum.Pages {
		pages += n
	}
	b.ReportMetric(float64(pages), "pages/build")
	b.ReportMetric(float64(pages)*float64(b.N)/time.Since(start).Seconds(), "pages/s")
}
