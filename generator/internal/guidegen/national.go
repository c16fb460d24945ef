package guidegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// National returns a guide of n listings shaped like a national one, for
// the search benchmarks: the demo guide's site.yaml and categories.yaml
// (read from demo), and listings spread over n/20 towns whose sizes follow
// Zipf's law (the biggest holds about a ninth of the guide), each town a
// cluster of positions around its centre somewhere in France, with names,
// streets and descriptions drawn from a vocabulary of a few thousand words,
// so that the index weighs what a real one does. The same n gives the same
// guide. Keys are paths in the content folder.
func National(demo string, n int) (fstest.MapFS, error) {
	return NationalIn(demo, n, nil)
}

// NationalIn is National in the given languages, the first being the
// source; nil keeps the demo guide's. site.yaml and categories.yaml then
// give every text in each language, and a listing's description is in the
// source language, in English and Arabic most of the time and in each
// other language now and then, as volunteers translate a real guide.
func NationalIn(demo string, n int, langs []string) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	for _, f := range []string{"site.yaml", "categories.yaml"} {
		data, err := os.ReadFile(filepath.Join(demo, f))
		if err != nil {
			return nil, err
		}
		if langs != nil {
			if data, err = translated(f, data, langs); err != nil {
				return nil, err
			}
		}
		fsys[f] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	rng := rand.New(rand.NewPCG(uint64(n), 2026))
	towns := makeTowns(rng, n)
	i := 0
	for _, t := range towns {
		for k := range t.size {
			name := fmt.Sprintf("listings/%s/place-%05d.yaml", t.slug, i)
			fsys[name] = &fstest.MapFile{Data: []byte(nationalListing(rng, t, k, i, langs)), Mode: 0o644}
			i++
		}
	}
	return fsys, nil
}

// NationalTowns returns the towns of National(demo, n), biggest first,
// with their numbers of listings.
func NationalTowns(n int) (names []string, sizes []int) {
	for _, t := range makeTowns(rand.New(rand.NewPCG(uint64(n), 2026)), n) {
		names = append(names, t.name)
		sizes = append(sizes, t.size)
	}
	return names, sizes
}

type town struct {
	name, slug string
	size       int
	lat, lon   float64
	postal     int
}

// makeTowns shares n listings among n/20 towns by Zipf's law.
func makeTowns(rng *rand.Rand, n int) []town {
	count := max(1, n/20)
	weights, sum := make([]float64, count), 0.0
	for k := range weights {
		weights[k] = 1 / float64(k+1)
		sum += weights[k]
	}
	towns := make([]town, count)
	left := n
	seen := map[string]bool{}
	for k := range towns {
		size := max(1, int(math.Round(float64(n)*weights[k]/sum)))
		if k == count-1 || size > left {
			size = left
		}
		left -= size
		name := townName(rng, seen)
		towns[k] = town{
			name: name, slug: fmt.Sprintf("t%04d", k), size: size,
			lat: 43 + rng.Float64()*6.5, lon: -1.5 + rng.Float64()*8.5,
			postal: 1000 + rng.IntN(94)*1000,
		}
	}
	return towns
}

var (
	syllables = strings.Fields("ba bel bor cha cour du fon gar la lan mar mont no pa ri roche sau ser tour val ver vil ville ac an ieu on ais ières")
	prefixes  = []string{"", "", "", "Saint-", "Sainte-", "Le ", "La ", "Les ", "Mont-", "Villeneuve-"}
)

func townName(rng *rand.Rand, seen map[string]bool) string {
	for {
		var b strings.Builder
		b.WriteString(prefixes[rng.IntN(len(prefixes))])
		for range 2 + rng.IntN(2) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		s := b.String()
		// Capitalise the part after the prefix.
		i := strings.LastIndexAny(s, "- ") + 1
		s = s[:i] + strings.ToUpper(s[i:i+1]) + s[i+1:]
		if !seen[s] {
			seen[s] = true
			return s
		}
	}
}

var (
	kinds = []struct{ name, cats string }{
		{"Accueil de jour", "day_hosting, shower"}, {"Restaurant solidaire", "meals"}, {"Épicerie solidaire", "social_grocery"},
		{"Bagagerie", "luggage_storage, phone_charging"}, {"Sanisette", "toilets"}, {"Toilettes publiques", "toilets"},
		{"Bains-douches", "shower"}, {"Laverie solidaire", "laundry, shower"}, {"Vestiaire", "clothing"},
		{"Permanence juridique", "legal_advice"}, {"Point d'accès au droit", "legal_advice, administrative_help"},
		{"Centre de santé", "health_care"}, {"Cabinet dentaire solidaire", "dental_care"}, {"Point écoute", "mental_health"},
		{"Halte de nuit", "emergency_accommodation"}, {"Maison des femmes", "women_shelter, social_support"},
		{"Cours de français", "french_courses"}, {"Espace numérique", "digital_help, computer_access, wifi"},
		{"Mission locale", "job_search"}, {"Distribution alimentaire", "food_distribution"}, {"Colis solidaires", "food_parcels"},
		{"Domiciliation", "domiciliation"}, {"Salon de coiffure solidaire", "hairdresser"}, {"Centre social", "social_support, digital_help"},
	}
	surnames = strings.Fields("Jaurès Hugo Zola Curie Pasteur Moulin Ferry Gambetta Danton Voltaire Rousseau Diderot Monnet Blum Jaurès Camus Colette Sand Baker Michel Césaire Senghor Mandela Gandhi Luther Lumière Eiffel Verne Dumas Balzac Proust Rimbaud Verlaine Prévert Brassens Piaf Trenet Picasso Monet Renoir Cézanne Matisse Rodin Delacroix Courbet Millet Corot Daumier Chagall Braque Léger Miró Dali Magritte Brel Ferré Barbara Aznavour")
	places   = strings.Fields("Belleville Gare Marché Église Mairie Château Pont Port Canal Parc Square Faubourg Halles Carnot République Liberté Fontaine Moulins Prés Vignes Tilleuls Peupliers Chênes Platanes Lilas Roses Bruyères Sablons Cèdres")
	streets  = []string{"rue", "avenue", "boulevard", "place", "impasse", "quai", "chemin", "allée"}
	phrases  = []struct{ fr, en, ar string }{
		{"Accueil sans rendez-vous", "Walk in without an appointment", "استقبال دون موعد"},
		{"café et collation offerts", "free coffee and snacks", "قهوة ووجبة خفيفة مجانًا"},
		{"douches chaudes et serviettes", "hot showers and towels", "حمّامات ساخنة ومناشف"},
		{"orientation vers les services sociaux", "referral to social services", "توجيه نحو الخدمات الاجتماعية"},
		{"aide pour les démarches administratives", "help with paperwork", "مساعدة في الإجراءات الإدارية"},
		{"repas chaud le midi", "hot lunch", "وجبة غداء ساخنة"},
		{"colis alimentaires une fois par semaine", "food parcels once a week", "طرود غذائية مرة في الأسبوع"},
		{"consultation médicale gratuite", "free medical consultation", "استشارة طبية مجانية"},
		{"permanence d'un avocat bénévole", "a volunteer lawyer's drop-in", "محامٍ متطوّع"},
		{"recharge de téléphone et wifi", "phone charging and Wi-Fi", "شحن الهاتف وواي فاي"},
		{"vêtements pour adultes et enfants", "clothes for adults and children", "ملابس للكبار والأطفال"},
		{"ateliers de français tous niveaux", "French workshops for all levels", "ورشات لغة فرنسية لجميع المستويات"},
		{"accompagnement vers l'emploi", "support in finding work", "مرافقة في البحث عن عمل"},
		{"écoute et soutien psychologique", "listening and psychological support", "إصغاء ودعم نفسي"},
		{"casiers pour ranger ses affaires", "lockers for your belongings", "خزائن لحفظ الأمتعة"},
		{"machines à laver et lessive fournie", "washing machines, detergent provided", "غسالات ومسحوق غسيل متوفّر"},
		{"hébergement pour la nuit", "a bed for the night", "مبيت لليلة"},
		{"accueil des femmes avec enfants", "women with children welcome", "استقبال النساء مع أطفالهن"},
		{"animaux acceptés", "pets allowed", "الحيوانات مقبولة"},
		{"interprètes certains jours", "interpreters on some days", "مترجمون في بعض الأيام"},
	}
	hoursSets = []string{
		"  mo-fr: 09:00-12:00, 14:00-17:30\n", "  mo-su: 06:00-22:00\n", "  mo-su: 00:00-24:00\n",
		"  tu,th: 09:00-11:30\n", "  mo-fr: 11:30-13:30\n  sa: 11:30-13:00\n", "  we: 14:00-17:00\n  sa[-1]: 10:00-12:00\n",
		"  mo-su: 19:00-08:00\n", "  mo,we,fr: 10:00-16:00\n",
	}
	spoken = strings.Fields("fr en ar es pt ro ru uk fa ps ti prs")
)

// nationalListing writes listing k of town t; i is its number in the guide.
// langs, when not nil, are the guide's languages (see NationalIn).
func nationalListing(rng *rand.Rand, t town, k, i int, langs []string) string {
	kind := kinds[rng.IntN(len(kinds))]
	place := surnames[rng.IntN(len(surnames))]
	if rng.IntN(2) == 0 {
		place = places[rng.IntN(len(places))]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "name: %q\n", fmt.Sprintf("%s %s %s", kind.name, []string{"de", "du", "des", "—"}[rng.IntN(4)], place))
	b.WriteString("description:\n")
	ps := rng.Perm(len(phrases))[:2+rng.IntN(3)]
	described := []string{"fr", "en", "ar"}
	if langs != nil {
		described = translatedInto(rng, langs)
	}
	for _, lang := range described {
		fmt.Fprintf(&b, "  %s: %q\n", lang, describe(lang, ps)+fmt.Sprintf(" (%s %d).", place, k))
	}
	fmt.Fprintf(&b, "categories: [%s]\n", kind.cats)
	spread := 0.004 * math.Sqrt(float64(t.size))
	postal := t.postal + k/400
	fmt.Fprintf(&b, "address: {street: \"%d %s %s\", postal_code: \"%05d\", city: %q, hidden: %t}\n",
		1+rng.IntN(150), streets[rng.IntN(len(streets))], surnames[rng.IntN(len(surnames))], postal, t.name, i%50 == 7)
	fmt.Fprintf(&b, "geo: [%.6f, %.6f]\n", t.lat+rng.NormFloat64()*spread/2, t.lon+rng.NormFloat64()*spread/1.4)
	fmt.Fprintf(&b, "phone: [\"+33 %d %02d %02d %02d %02d\"]\n", 1+rng.IntN(5), rng.IntN(100), rng.IntN(100), rng.IntN(100), rng.IntN(100))
	b.WriteString("hours:\n" + hoursSets[rng.IntN(len(hoursSets))])
	fmt.Fprintf(&b, "  public_holidays: %s\n", []string{"closed", "open", "unknown"}[rng.IntN(3)])
	b.WriteString(nationalAudience(rng))
	fmt.Fprintf(&b, "access: {appointment: %t, price: free, wheelchair: %t, animals: %t}\n", rng.IntN(4) == 0, rng.IntN(2) == 0, rng.IntN(3) == 0)
	onSite := []string{"fr"}
	for _, p := range rng.Perm(len(spoken))[:rng.IntN(4)] {
		if spoken[p] != "fr" {
			onSite = append(onSite, spoken[p])
		}
	}
	fmt.Fprintf(&b, "languages: [%s]\nupdated: 2026-11-01\n", strings.Join(onSite, ", "))
	return b.String()
}

func nationalAudience(rng *rand.Rand) string {
	switch rng.IntN(6) {
	case 0:
		return "audience: {welcome: exclusive, gender: [women], family: [isolated, family, pregnant]}\n"
	case 1:
		return "audience: {welcome: exclusive, age: {min: 18, max: 25}}\n"
	case 2:
		return "audience: {welcome: preferential, status: [asylum, refugee]}\n"
	}
	return "audience: {welcome: unconditional}\n"
}
