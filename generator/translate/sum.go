package translate

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
)

// SumsFile is where Sums live, beside site.yaml.
const SumsFile = "translations.sum"

// Sums remembers, per language and key, a digest of the source text a
// translation was made from. A translation with no sum is taken as current:
// editors who translate in the YAML files by hand write none.
type Sums map[string]map[string]string // lang -> key -> digest

// Digest is the digest of a source text kept in Sums.
func Digest(source string) string {
	h := sha256.Sum256([]byte(source))
	return hex.EncodeToString(h[:8])
}

// Outdated says whether lang's translation of key was made from another
// source than source.
func (s Sums) Outdated(lang, key, source string) bool {
	d, ok := s[lang][key]
	return ok && d != Digest(source)
}

// Record notes that lang's translation of key is made from source.
func (s Sums) Record(lang, key, source string) {
	if s[lang] == nil {
		s[lang] = map[string]string{}
	}
	s[lang][key] = Digest(source)
}

// ReadSums reads translations.sum: one "lang key digest" line per
// translation; blank lines and lines starting with # are skipped.
func ReadSums(r io.Reader) (Sums, error) {
	s := Sums{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"language key digest\", not %q; this file is written by abri translate import: restore it from git or delete it", SumsFile, n, line)
		}
		s.Record(f[0], f[1], "")
		s[f[0]][f[1]] = f[2]
	}
	return s, sc.Err()
}

// Bytes is translations.sum's content: sorted, so the same sums give the
// same bytes.
func (s Sums) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("# Written by abri translate import: the source text each translation was made from.\n")
	for _, lang := range sortedKeys(s) {
		for _, key := range sortedKeys(s[lang]) {
			fmt.Fprintf(&b, "%s %s %s\n", lang, key, s[lang][key])
		}
	}
	return b.Bytes()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
