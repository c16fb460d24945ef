package content

import "testing"

// TestCleanName: stray invisible characters go; the joiners that Persian,
// Pashto and Indic scripts spell with stay.
func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lyon", "Lyon"},
		{"\u200bLyon", "Lyon"},
		{"Ly\u200con", "Lyon"}, // between Latin letters: noise
		{"La\u202e Halte", "La Halte"},
		{"خانه\u200cها", "خانه\u200cها"}, // Persian plural: the non-joiner is spelling
		{"\u200cخانه", "خانه"},           // at the start it joins nothing
		{"क्\u200dष", "क्\u200dष"},       // Devanagari after a virama
		{"خانه\u200c", "خانه"},
	}
	for _, tt := range tests {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}
