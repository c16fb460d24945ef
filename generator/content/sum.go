package content

import (
	"hash"
	"hash/fnv"
	"sync"

	"gopkg.in/yaml.v3"
)

// digest sums the files of a guide other than listings as they are read,
// so that what is summed is what was decoded, even if a file changes
// during the build.
type digest struct {
	mu sync.Mutex
	h  hash.Hash
}

func newDigest() *digest { return &digest{h: fnv.New128a()} }

// add sums a file's name and bytes; a nil digest (Load called without
// LoadContext's set-up) sums nothing.
func (d *digest) add(name string, data []byte) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	writeSized(d.h, []byte(name))
	writeSized(d.h, data)
}

func (d *digest) sum() (out [16]byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.h.Sum(out[:0])
	return out
}

// sumOf names a file by its path and bytes.
func sumOf(path string, data []byte) (out [16]byte) {
	h := fnv.New128a()
	writeSized(h, []byte(path))
	writeSized(h, data)
	h.Sum(out[:0])
	return out
}

// writeSized writes b after its length, so that two fields never run
// into each other ("ab"+"c" and "a"+"bc" sum differently).
func writeSized(h hash.Hash, b []byte) {
	var n [8]byte
	for i, l := 0, uint64(len(b)); i < 8; i, l = i+1, l>>8 {
		n[i] = byte(l)
	}
	h.Write(n[:])
	h.Write(b)
}

// publishedSum is sumOf a listing whose address is hidden: of its file
// without the street and the coordinates, which no page shows, nor any
// comment. The build's manifest, which is published, holds keys made
// from it: they must not change with a hidden address, nor let anyone
// test a guess of it.
func publishedSum(path string, data []byte) [16]byte {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return sumOf(path, nil) // not decoded: not published either
	}
	root := doc.Content[0]
	dropKey(root, "geo")
	if adr := valueOf(root, "address"); adr != nil {
		dropKey(adr, "street")
	}
	var strip func(n *yaml.Node)
	strip = func(n *yaml.Node) {
		n.HeadComment, n.LineComment, n.FootComment = "", "", ""
		for _, c := range n.Content {
			strip(c)
		}
	}
	strip(&doc)
	out, err := yaml.Marshal(&doc)
	if err != nil {
		return sumOf(path, nil)
	}
	return sumOf(path, out)
}

// dropKey removes key and its value from the map m.
func dropKey(m *yaml.Node, key string) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}
