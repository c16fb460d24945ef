package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strconv"
	"sync"

	"github.com/abri-guide/abri/generator/publish"
)

// A build over abri's own previous output carries over the files whose
// input keys (render/keys.go) did not change: they are linked from the
// previous output into the new folder, which is then swapped in as in a
// full build, so the previous site stays until the new one is complete.

// previous returns what the build before left in out, for publish to carry
// files over from: nil when out holds no complete build of abri.
func previous(out string) *publish.Previous {
	m := readManifest(out)
	if m == nil || !m.Complete || m.Version != 1 {
		return nil
	}
	prev := &publish.Previous{Dir: out, Files: make(map[string]publish.Entry, len(m.Files)), Over: map[string]publish.Over{}}
	for _, o := range m.Over {
		prev.Over[o.Path] = publish.Over{Path: o.Path, Key: o.Key, Entries: o.Entries}
	}
	for _, f := range m.Files {
		sum, err := strconv.ParseUint(f.CRC64, 16, 64)
		if err != nil || f.Key == "" {
			continue // made again
		}
		prev.Files[f.Path] = publish.Entry{Path: f.Path, Size: f.Size, Sum: sum, Key: f.Key, ZKey: f.ZKey}
	}
	return prev
}

// version names this abri in the files' keys: the sum of its executable,
// as another build of abri may make other bytes of the same input. It is
// computed once per process.
var version = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
