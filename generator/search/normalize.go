package search

import (
	"strings"

	"github.com/abri-guide/abri/generator/slug"
)

// Normalize folds a text for matching (see slug.Fold: case, accents,
// letter variants of Latin, Greek, Cyrillic, Arabic and Persian). City
// pages are keyed by the same folding, so a city search finds is a city
// page. search.js implements the same function, character for character;
// the tests run both over every character of the Basic Multilingual Plane.
func Normalize(s string) string { return slug.Fold(s) }

// Tokens returns the words of a text, normalised.
func Tokens(s string) []string {
	return strings.Fields(Normalize(s))
}
