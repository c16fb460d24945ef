package translate

// Unit is one translatable text in one target language, as it travels in an
// exchange file.
type Unit struct {
	Key         string // stable key (see the package doc)
	Source      string // the text in the guide's source language
	Translation string // the text in the target language; "" when missing
	Context     string // for the translator: which place, which category, where it shows
	Machine     bool   // machine-translated and not yet reviewed by a person
	Outdated    bool   // the source changed since the translation was made
}
