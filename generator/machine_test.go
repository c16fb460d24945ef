package generator

import (
	"errors"
	"strings"
	"testing"
)

// TestMachineFlagErrors: a wrong <lang>_mt flag is an error at its line and
// column, with the fix.
func TestMachineFlagErrors(t *testing.T) {
	listing := func(desc string) string {
		return `
-- listings/lyon/halte.yaml --
name: La Halte
description: ` + desc + `
categories: [shower]
address: {city: Lyon}
updated: 2026-11-01
`
	}
	tests := []struct{ name, desc, want string }{
		{"yes instead of true", `{fr: Douches, en: Showers, en_mt: yes}`,
			`content/listings/lyon/halte.yaml:2:48: description: en_mt: want true (machine-translated, not yet reviewed) or false (reviewed), not "yes"`},
		{"unknown language", `{fr: Douches, en: Showers, de_mt: true}`,
			`content/listings/lyon/halte.yaml:2:41: description: "de_mt": "de" is not a language of the guide (site.yaml languages: fr, en)`},
		{"typo in the language", `{fr: Douches, en: Showers, eb_mt: true}`,
			`content/listings/lyon/halte.yaml:2:41: description: "eb_mt": "eb" is not a language of the guide (site.yaml languages: fr, en) (did you mean "en"?)`},
		{"flag without its text", `{fr: Douches, en_mt: true}`,
			`content/listings/lyon/halte.yaml:2:28: description: "en_mt": there is no en text to flag: add en: ..., or remove en_mt`},
		{"source language", `{fr: Douches, fr_mt: true, en: Showers}`,
			`content/listings/lyon/halte.yaml:2:28: description: "fr_mt": fr is the source language, it cannot be machine-translated (remove the line)`},
		{"quoted true", `{fr: Douches, en: Showers, en_mt: "true"}`,
			`content/listings/lyon/halte.yaml:2:48: description: en_mt: want true (machine-translated, not yet reviewed) or false (reviewed), not "true"`},
		{"twice", `{fr: Douches, en: Showers, en_mt: true, en_mt: true}`,
			`content/listings/lyon/halte.yaml:2:54: description: "en_mt" is given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems, err := buildArchive(t, listing(tt.desc))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Build error = %v, want ErrInvalid (problems %v)", err, problems)
			}
			if got := strings.Join(errorLines(problems), "\n"); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
