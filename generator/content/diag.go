package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is shown to editors; the build goes on.
	Warning
)

// Problem is one thing wrong in the content, at a position editors can find.
type Problem struct {
	Path     string // file path as editors see it, e.g. content/listings/lyon/halte.yaml
	Line     int    // 1-based; 0 when the problem is about the whole file
	Col      int    // 1-based
	Msg      string // what is wrong and how to fix it
	Severity Severity

	lang string // the language a text is in that the guide does not list, summarised once per language
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// summariseLanguages replaces the errors about a language the guide does
// not list by one per language when there are several: removing a
// language from site.yaml would otherwise give a line per text.
func summariseLanguages(ps Problems) Problems {
	type group struct {
		first        int // index in ps of the first, in file order
		texts, files int
		paths        map[string]bool
	}
	groups := map[string]*group{}
	for i, p := range ps {
		if p.lang == "" {
			continue
		}
		g := groups[p.lang]
		if g == nil {
			g = &group{first: i, paths: map[string]bool{}}
			groups[p.lang] = g
		}
		if before(p, ps[g.first]) {
			g.first = i
		}
		g.texts++
		if !g.paths[p.Path] {
			g.paths[p.Path] = true
			g.files++
		}
	}
	out := ps[:0:0]
	for i, p := range ps {
		g := groups[p.lang]
		switch {
		case g == nil || g.texts == 1:
			out = append(out, p)
		case i == g.first:
			p.Msg = fmt.Sprintf("%s is not a language of the guide: %d texts in %d files, first here; add %s to languages in site.yaml or remove them", p.lang, g.texts, g.files, p.lang)
			out = append(out, p)
		}
	}
	return out
}

// before orders problems by file, line and column.
func before(a, b Problem) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// Problems collects every problem of a run so that editors see them all at once.
type Problems []Problem

// Errors counts the problems that stop the build.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the problems that do not stop the build.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// Sort orders problems by file, line and column, so that output is stable.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool { return before(ps[i], ps[j]) })
}

// Err returns the problems as an error when at least one stops the build.
func (ps Problems) Err() error {
	if ps.Errors() == 0 {
		return nil
	}
	return &ProblemsError{ps}
}

// ProblemsError is returned by Load when the content cannot be built.
type ProblemsError struct{ Problems Problems }

func (e *ProblemsError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// suggest returns ` (did you mean "x"?)` when one of names is close to s:
// a name that s starts (hygiene -> hygiene_and_wellness), or one a typo or two away.
//
// Its cost is bounded by the names, not by s: a name whose length differs
// from s's by more than two is never a typo or two away, so no distance to
// it is computed, and a value longer than every name is not even lowered.
func suggest(s string, names []string) string {
	longest := 0
	for _, n := range names {
		longest = max(longest, utf8.RuneCountInString(n))
	}
	size := utf8.RuneCountInString(s)
	if size > longest+2 {
		return ""
	}
	ls := strings.ToLower(s)
	best, bestD := "", 0
	for _, n := range names {
		ln := strings.ToLower(n)
		if len(ls) >= 3 && strings.HasPrefix(ln, ls) {
			return fmt.Sprintf(" (did you mean %q?)", n)
		}
		if diff := utf8.RuneCountInString(ls) - utf8.RuneCountInString(ln); diff > 2 || diff < -2 {
			continue
		}
		d := distance(ls, ln)
		if best == "" || d < bestD || (d == bestD && n < best) {
			best, bestD = n, d
		}
	}
	limit := 2
	if len([]rune(s)) <= 4 {
		limit = 1
	}
	if best == "" || bestD > limit || bestD >= len([]rune(s)) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the edit distance between a and b, counted in runes, where
// swapping two neighbours counts as one edit (opne -> open).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Suggest is suggest for the commands: ` (did you mean "x"?)`, or "".
func Suggest(s string, names []string) string { return suggest(s, names) }
