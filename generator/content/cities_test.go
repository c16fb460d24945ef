package content

import (
	"slices"
	"testing"
)

// TestSpelling: the most used spelling is shown; a tie goes to mixed case,
// then to byte order, whatever the order of the files.
func TestSpelling(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"LYON", "Lyon", "Lyon"}, "Lyon"},
		{[]string{"LYON", "LYON", "Lyon"}, "LYON"},
		{[]string{"LYON", "Lyon"}, "Lyon"},
		{[]string{"Lyon", "LYON"}, "Lyon"},
		{[]string{"lyon", "LYON"}, "LYON"},
		{[]string{"Saint-Étienne", "Saint-Etienne"}, "Saint-Etienne"},
	}
	for _, tt := range tests {
		for _, order := range [][]string{tt.in, reversed(tt.in)} {
			var ls []*Listing
			for _, c := range order {
				ls = append(ls, &Listing{Address: &Address{City: c}})
			}
			if got, all := spelling(ls); got != tt.want || all[0] != got {
				t.Errorf("spelling(%q) = %q (%q), want %q", order, got, all, tt.want)
			}
		}
	}
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}
