package search

import (
	"strings"
	"sync"

	"github.com/abri-guide/abri/generator/content"
)

// meta is a language's entry: what search.js needs before any shard.
type meta struct {
	Version   string   `json:"v"`      // folder of the shards: search/<v>/
	Lang      string   `json:"lang"`   // language of the entry
	Count     int      `json:"n"`      // listings
	Block     int      `json:"rb"`     // listings per record block
	Place     []string `json:"place"`  // a listing's page: prefix, id, suffix
	Shards    []string `json:"t"`      // first word of each shard of words
	Stop      []string `json:"stop"`   // words too common to be indexed outside names
	Cats      [][]any  `json:"cats"`   // per category: id, number of its parent or -1, its words
	Areas     [][]int  `json:"areas"`  // per area: listings, then its box (south, west, north, east) if known
	Audiences []string `json:"aud"`    // audience keys, in the order of their flag bits
	Spoken    []string `json:"sl"`     // spoken languages, in the order of their numbers
	Hours     bool     `json:"h"`      // shards carry opening hours
	Closed    string   `json:"closed"` // numbers of the permanently closed listings, as gaps
}

func (b *builder) meta(lang string, shards, stop []string) *meta {
	prefix, suffix, _ := strings.Cut(b.opts.PlacePath, "{id}")
	m := &meta{
		Lang: lang, Count: len(b.lay.entries), Block: b.opts.BlockSize,
		Place:  []string{prefix, suffix},
		Shards: shards, Stop: stop, Spoken: b.spoken, Hours: b.opts.Hours != nil,
	}
	if m.Stop == nil {
		m.Stop = []string{}
	}
	var closed []int
	for i, e := range b.lay.entries {
		if e.l.Closed() {
			closed = append(closed, i)
		}
	}
	m.Closed = vlqGaps(closed)
	for _, a := range Audiences {
		m.Audiences = append(m.Audiences, a.Key)
	}
	for _, c := range b.cats {
		parent := -1
		if c.Parent != nil {
			parent = b.catNum[c.Parent.ID]
		}
		m.Cats = append(m.Cats, []any{c.ID, parent, b.categoryWords(c, lang)})
	}
	for _, a := range b.lay.areas {
		row := []int{a.count}
		if a.hasBox {
			row = append(row, a.min.lat, a.min.lon, a.max.lat, a.max.lon)
		}
		m.Areas = append(m.Areas, row)
	}
	return m
}

// categoryWords are the normalised words that find a category: its name
// and synonyms in lang first, then in the guide's other languages, so that
// "shower" finds showers on the French page too.
func (b *builder) categoryWords(c *content.Category, lang string) string {
	key := wordsKey{c, lang, strings.Join(b.langs, " ")}
	if w, ok := b.opts.Words.get(key); ok {
		return w
	}
	w := b.makeCategoryWords(c, lang)
	b.opts.Words.put(key, w)
	return w
}

// Words is a cache of the words of categories, safe for concurrent use.
type Words struct {
	mu sync.Mutex
	m  map[wordsKey]string
}

type wordsKey struct {
	c           *content.Category
	lang, langs string
}

func (ws *Words) get(k wordsKey) (string, bool) {
	if ws == nil {
		return "", false
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	w, ok := ws.m[k]
	return w, ok
}

func (ws *Words) put(k wordsKey, w string) {
	if ws == nil {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.m == nil {
		ws.m = map[wordsKey]string{}
	}
	ws.m[k] = w
}

func (b *builder) makeCategoryWords(c *content.Category, lang string) string {
	var words []string
	seen := map[string]bool{}
	order := append([]string{lang}, b.langs...)
	for _, l := range order {
		texts := append([]string{c.Name[l]}, c.Synonyms[l]...)
		for _, t := range texts {
			for _, w := range indexable(t) {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	return strings.Join(words, " ")
}
