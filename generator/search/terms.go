package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/content"
)

// Words shorter or longer than these are not indexed.
const (
	minWord = 2
	maxWord = 30
)

// postings are the listings where a word appears, by index number.
type postings struct {
	names  []int  // in the name
	others []int  // elsewhere (description, services, town, postal code), not in the name
	centre *point // of a town's or postal code's key: its centre
}

// Keys of towns and postal codes in the index: a prefix no word has, then
// the normalised town or code. Their postings are the town's listings, and
// they carry its centre, for "near" and the town filter.
const (
	townKey   = "~"
	postalKey = "#"
)

// termIndex maps each word of a language's texts to its postings.
type termIndex map[string]*postings

// indexLanguage collects the words of every listing as a reader of lang
// sees them: the name, and the description and services in lang (or the
// language the page falls back to).
func indexLanguage(entries []entry, langs []string, lang string) termIndex {
	idx := termIndex{}
	for i := range entries {
		l := entries[i].l
		inName := map[string]bool{}
		for _, w := range indexable(l.Name) {
			if !inName[w] {
				inName[w] = true
				idx.add(w).names = append(idx.add(w).names, i)
			}
		}
		seen := map[string]bool{}
		texts := append(otherTexts(l, langs, lang), entries[i].city, entries[i].postal)
		for _, text := range texts {
			for _, w := range indexable(text) {
				if !inName[w] && !seen[w] {
					seen[w] = true
					p := idx.add(w)
					p.others = append(p.others, i)
				}
			}
		}
	}
	return idx
}

func (idx termIndex) add(w string) *postings {
	p := idx[w]
	if p == nil {
		p = &postings{}
		idx[w] = p
	}
	return p
}

// addPlaces adds the keys of towns and postal codes.
func (idx termIndex) addPlaces(lay *layout) {
	keys := map[string]place{}
	for _, t := range lay.towns {
		keys[townKey+Normalize(t.name)] = t
	}
	for _, p := range lay.postals {
		keys[postalKey+Normalize(p.name)] = p
	}
	for i, e := range lay.entries {
		for _, k := range []string{townKey + Normalize(e.city), postalKey + Normalize(e.postal)} {
			if pl, ok := keys[k]; ok {
				p := idx.add(k)
				if len(p.others) == 0 && pl.hasCentre {
					p.centre = &pl.centre
				}
				p.others = append(p.others, i)
			}
		}
	}
}

// otherTexts are the texts of a listing indexed besides its name.
func otherTexts(l *content.Listing, langs []string, lang string) []string {
	in := func(t content.Text) string { s, _ := t.In(langs, lang); return s }
	out := []string{in(l.Description)}
	for _, s := range l.Services {
		out = append(out, in(s.Name), in(s.Description))
	}
	return out
}

// indexable returns the words of a text that go into the index, with
// their forms without an Arabic article.
func indexable(s string) []string {
	var out []string
	for _, w := range Tokens(s) {
		if n := utf8.RuneCountInString(w); n >= minWord && n <= maxWord {
			out = append(out, w)
			if bare := withoutArticle(w); bare != "" {
				out = append(out, bare)
			}
		}
	}
	return out
}

// articles are the Arabic definite article and the prefixes it takes
// (and the, with the, for the ...), as Normalize writes them.
var articles = []string{"وال", "بال", "فال", "كال", "لل", "ال"}

// withoutArticle returns an Arabic word without its article, so that
// "حلاقة" finds "الحلاقة"; "" when the word has none or would be too short.
func withoutArticle(w string) string {
	for _, a := range articles {
		if rest, ok := strings.CutPrefix(w, a); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return ""
}

// dropCommon removes, from the postings outside names, the words found in
// more than limit listings ("de", "the", "في"): they would weigh more than
// all the rest and select nothing. It returns them: the reader's script
// treats such a word in a query as matching every listing.
func (idx termIndex) dropCommon(limit int) []string {
	var stop []string
	for w, p := range idx {
		if len(p.others) > limit {
			stop = append(stop, w)
			p.others = nil
			if len(p.names) == 0 {
				delete(idx, w)
			}
		}
	}
	slices.Sort(stop)
	return stop
}

// termShard is a run of consecutive words of the sorted vocabulary.
type termShard struct {
	first string // first word; "" for the first shard
	data  []string
}

// shards cuts the sorted vocabulary into shards of about size bytes. Each
// word is three strings: the word, its postings in names (for a town or a
// postal code: its centre's latitude and longitude, from the south-west
// corner of the world, or ""), and elsewhere.
func (idx termIndex) shards(size int) []termShard {
	words := make([]string, 0, len(idx))
	for w := range idx {
		words = append(words, w)
	}
	slices.Sort(words)
	var out []termShard
	cur, bytes := termShard{}, 0
	for _, w := range words {
		p := idx[w]
		item := []string{w, vlqGaps(p.names), vlqGaps(p.others)}
		if c := p.centre; c != nil {
			item[1] = vlqList([]int{c.lat + 900000, c.lon + 1800000})
		}
		n := len(w) + len(item[1]) + len(item[2]) + 12
		if bytes > 0 && bytes+n > size {
			out = append(out, cur)
			cur, bytes = termShard{first: w}, 0
		}
		cur.data = append(cur.data, item...)
		bytes += n
	}
	return append(out, cur)
}

// marshalJS encodes a value for a shard: JSON, which is JavaScript,
// without the HTML escapes (\u003c) that a script file does not need.
func marshalJS(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
