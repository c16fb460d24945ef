package guidegen

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// Languages are the twelve of a national guide, every one the default
// theme speaks, the source first; ar, fa and ps are right to left.
var Languages = []string{"fr", "ar", "ca", "en", "es", "fa", "ka", "ps", "pt", "ro", "ru", "uk"}

// Version names what NationalIn writes: change it with the generator, so
// that copies cached on disk by benchmarks are made again.
const Version = 1

// welcome is a description's opening in the languages the phrases lack.
var welcome = map[string]string{
	"ca": "Acollida, escolta i orientació per a tothom",
	"es": "Acogida, escucha y orientación para todas las personas",
	"fa": "پذیرش، گوش دادن و راهنمایی برای همه",
	"ka": "მიღება, მოსმენა და კონსულტაცია ყველასთვის",
	"ps": "د ټولو لپاره هرکلی، اورېدل او لارښوونه",
	"pt": "Acolhimento, escuta e orientação para todos",
	"ro": "Primire, ascultare și orientare pentru toți",
	"ru": "Приём, выслушивание и консультации для всех",
	"uk": "Прийом, вислуховування та консультації для всіх",
}

// describe writes the phrases ps in lang.
func describe(lang string, ps []int) string {
	var parts []string
	for _, p := range ps {
		switch lang {
		case "fr":
			parts = append(parts, phrases[p].fr)
		case "en":
			parts = append(parts, phrases[p].en)
		case "ar":
			parts = append(parts, phrases[p].ar)
		default:
			// No phrase book for this language: its opening, then the
			// details in English, as a volunteer's partial translation.
			if len(parts) == 0 {
				parts = append(parts, welcome[lang])
			}
			parts = append(parts, phrases[p].en)
		}
	}
	return strings.Join(parts, ", ")
}

// translatedInto draws the languages of one listing's description: the
// source always, English and Arabic most of the time, the others now and then.
func translatedInto(rng *rand.Rand, langs []string) []string {
	out := []string{langs[0]}
	for _, l := range langs[1:] {
		p := 0.15
		switch l {
		case "en":
			p = 0.7
		case "ar":
			p = 0.5
		case "uk", "ru":
			p = 0.3
		}
		if rng.Float64() < p {
			out = append(out, l)
		}
	}
	return out
}

// titles name a national guide in each language.
var titles = map[string]string{
	"fr": "Guide solidaire national", "ar": "الدليل التضامني الوطني", "ca": "Guia solidària nacional",
	"en": "National solidarity guide", "es": "Guía solidaria nacional", "fa": "راهنمای همبستگی ملی",
	"ka": "სოლიდარობის ეროვნული გზამკვლევი", "ps": "د پیوستون ملي لارښود", "pt": "Guia solidário nacional",
	"ro": "Ghid național de solidaritate", "ru": "Национальный справочник солидарности", "uk": "Національний путівник солідарності",
}

// translated rewrites the demo guide's site.yaml or categories.yaml for
// langs: the languages listed, and every text map given in each of them,
// from its English (a translator's draft) where the demo lacks it.
func translated(file string, data []byte, langs []string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if file == "site.yaml" && len(doc.Content) == 1 {
		root := doc.Content[0]
		for i := 0; i+1 < len(root.Content); i += 2 {
			switch root.Content[i].Value {
			case "languages":
				root.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
				for _, l := range langs {
					root.Content[i+1].Content = append(root.Content[i+1].Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l})
				}
			case "title":
				root.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
				for _, l := range langs {
					root.Content[i+1].Content = append(root.Content[i+1].Content,
						&yaml.Node{Kind: yaml.ScalarNode, Value: l}, &yaml.Node{Kind: yaml.ScalarNode, Value: titles[l]})
				}
			}
		}
	}
	fill(&doc, langs)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fill gives every map keyed by languages (one with an en key) a text in
// each of langs, and drops the languages langs lacks.
func fill(n *yaml.Node, langs []string) {
	for _, c := range n.Content {
		fill(c, langs)
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	texts := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		texts[n.Content[i].Value] = n.Content[i+1]
	}
	en, ok := texts["en"]
	if !ok || en.Kind != yaml.ScalarNode {
		return
	}
	n.Content = nil
	for _, l := range langs {
		v, ok := texts[l]
		if !ok {
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: en.Value}
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l}, v)
	}
}

// WriteFS writes the files of fsys under dir.
func WriteFS(dir string, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
