package importer

import (
	"bytes"
	"path"
	"strings"

	"github.com/abri-guide/abri/generator/content"
	"gopkg.in/yaml.v3"
)

// update rewrites, in a listing imported before, the fields the record
// gives whose value changed; everything else in the file, the editor's
// own fields and comments, stays byte for byte. A field the record gives
// and the file lacks is added in the format's order. updated only moves
// forward, and sources keep the editor's entries.
func (w *writer) update(f File, rec *content.Listing, notes []string) (*File, Outcome) {
	o := Outcome{Path: f.Path, Notes: notes}
	doc, err := parseBlockMap(f.Data)
	if err != nil {
		o.Action = Skipped
		o.Notes = append(o.Notes, "not updated: "+err.Error())
		return nil, o
	}
	cur := w.decoded[strings.TrimSuffix(path.Base(f.Path), ".yaml")]
	merged := *rec
	updated, srcs := fileDates(f.Data)
	if cur != nil {
		updated, srcs = cur.Updated, cur.Sources
	}
	if rec.Updated.Before(updated) {
		merged.Updated = updated
	}
	merged.Sources = mergeSources(srcs, rec.Sources)
	var had map[string]string
	if cur != nil {
		had = fieldTexts(w.st.fields(cur))
	}
	var edits []splice
	for _, fl := range w.st.fields(&merged) {
		i := doc.index(fl.key)
		if i < 0 {
			edits = append(edits, splice{at: doc.insertAt(fl.key), end: doc.insertAt(fl.key), text: fl.text})
			continue
		}
		start, end := doc.span(i)
		old := string(f.Data[start:end])
		if prev, ok := had[fl.key]; ok && prev == fl.text || old == fl.text {
			continue
		}
		edits = append(edits, splice{at: start, end: end, text: fl.text})
	}
	if len(edits) == 0 {
		o.Action = Unchanged
		return nil, o
	}
	o.Action = Updated
	return &File{f.Path, apply(f.Data, edits)}, o
}

// fileDates reads updated and sources from a listing that is not in the
// guide (a draft), so that an update keeps them as it would otherwise.
func fileDates(data []byte) (content.Date, []content.Source) {
	var raw struct {
		Updated string `yaml:"updated"`
		Sources []struct {
			Name, URL, Licence, ID, Date string
		} `yaml:"sources"`
	}
	if yaml.Unmarshal(data, &raw) != nil {
		return content.Date{}, nil
	}
	updated, _ := parseDate(raw.Updated)
	var srcs []content.Source
	for _, s := range raw.Sources {
		src := content.Source{Name: s.Name, URL: content.URL(s.URL), Licence: s.Licence, ID: s.ID}
		if d, ok := parseDate(s.Date); ok {
			src.Date = &d
		}
		srcs = append(srcs, src)
	}
	return updated, srcs
}

func fieldTexts(fs []field) map[string]string {
	m := map[string]string{}
	for _, f := range fs {
		m[f.key] = f.text
	}
	return m
}

// mergeSources replaces, in the listing's sources, those the record
// gives again (same name and id), and adds the record's others.
func mergeSources(old, rec []content.Source) []content.Source {
	out := append([]content.Source(nil), old...)
	for _, r := range rec {
		found := false
		for i, s := range out {
			if s.Name == r.Name && s.ID == r.ID {
				out[i], found = r, true
			}
		}
		if !found {
			out = append(out, r)
		}
	}
	return out
}

// blockMap is a listing file's top-level block map: its keys and where
// each line starts.
type blockMap struct {
	data  []byte
	keys  []*yaml.Node
	lines []int // byte offset of each line, 0-based
}

func parseBlockMap(data []byte) (*blockMap, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, errString("the file is not valid YAML")
	}
	if len(n.Content) != 1 || n.Content[0].Kind != yaml.MappingNode || n.Content[0].Style&yaml.FlowStyle != 0 {
		return nil, errString("the file is not a block map of fields, one a line")
	}
	m := &blockMap{data: data, lines: []int{0}}
	for i := 0; i+1 < len(n.Content[0].Content); i += 2 {
		m.keys = append(m.keys, n.Content[0].Content[i])
	}
	for i, c := range data {
		if c == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m, nil
}

type errString string

func (e errString) Error() string { return string(e) }

func (m *blockMap) index(key string) int {
	for i, k := range m.keys {
		if k.Value == key {
			return i
		}
	}
	return -1
}

// lineStart is the offset of a 1-based line.
func (m *blockMap) lineStart(line int) int {
	if line-1 < len(m.lines) {
		return m.lines[line-1]
	}
	return len(m.data)
}

// span is the bytes of field i: from its key's line to the last line of
// its value, leaving out the blank lines and comments before the next key
// (they belong to that key) or at the end of the file.
func (m *blockMap) span(i int) (start, end int) {
	start = m.lineStart(m.keys[i].Line)
	last := len(m.lines) + 1 // past the last line
	if i+1 < len(m.keys) {
		last = m.keys[i+1].Line
	}
	for last-1 > m.keys[i].Line && m.headLine(last-1) {
		last--
	}
	end = m.lineStart(last)
	if end > len(m.data) {
		end = len(m.data)
	}
	return start, end
}

// headLine reports whether a line is blank or a comment at the margin:
// what goes with the next key rather than the value above it.
func (m *blockMap) headLine(line int) bool {
	s := m.lineStart(line)
	e := m.lineStart(line + 1)
	text := strings.TrimRight(string(m.data[s:e]), "\r\n")
	return strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#")
}

// insertAt is where a missing field goes: before the first field that
// comes after it in the format's order (and before that field's
// comments), or after the last field.
func (m *blockMap) insertAt(key string) int {
	rank := keyRank(key)
	for i, k := range m.keys {
		if keyRank(k.Value) > rank {
			start := m.lineStart(k.Line)
			line := k.Line
			for line-1 >= 1 && (i == 0 || line-1 > m.keys[i-1].Line) && m.headLine(line-1) && !m.blank(line-1) {
				line--
			}
			if line < k.Line {
				start = m.lineStart(line)
			}
			return start
		}
	}
	if len(m.keys) == 0 {
		return len(m.data)
	}
	_, end := m.span(len(m.keys) - 1)
	return end
}

func (m *blockMap) blank(line int) bool {
	s, e := m.lineStart(line), m.lineStart(line+1)
	return strings.TrimSpace(string(m.data[s:e])) == ""
}

// splice replaces data[at:end] with text.
type splice struct {
	at, end int
	text    string
}

// apply makes the splices, which do not overlap; insertions at one place
// keep their order.
func apply(data []byte, edits []splice) []byte {
	var b bytes.Buffer
	pos := 0
	for _, e := range sortSplices(edits) {
		b.Write(data[pos:e.at])
		if e.at > 0 && data[e.at-1] != '\n' {
			b.WriteByte('\n') // a file whose last line has no newline
		}
		b.WriteString(e.text)
		pos = e.end
	}
	b.Write(data[pos:])
	return b.Bytes()
}

func sortSplices(edits []splice) []splice {
	out := append([]splice(nil), edits...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].at < out[j-1].at; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
