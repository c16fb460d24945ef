package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/abri-guide/abri/generator/publish"
)

// manifestName is the file every build writes at the root of its output:
// the files written, with their sizes and checksums. It is how abri knows
// that a folder is its own output, safe to replace, and which files in it
// someone else put there. It is written into the temporary folder as soon
// as that exists, so that the leftover of a killed build is known too.
const manifestName = ".abri-build.json"

// manifest is the content of manifestName.
type manifest struct {
	Generator string         `json:"generator"` // always "abri"
	Version   int            `json:"version"`   // of this format
	Complete  bool           `json:"complete"`  // false while the build is under way
	Files     []manifestFile `json:"files"`     // sorted by path
	// Over lists the zips left out, over the limit, and where they went
	// over: the next build leaves them out without making them when their
	// first entries are the same (publish.Over).
	Over []manifestOver `json:"over,omitempty"`
}

type manifestOver struct {
	Path    string `json:"path"`
	Key     string `json:"key"`
	Entries int    `json:"entries"`
}

type manifestFile struct {
	Path  string `json:"path"` // slash path from the site root
	Size  int64  `json:"size"`
	CRC64 string `json:"crc64"` // ECMA table, 16 hex digits
	// Key names the file's inputs: the next build carries the file over
	// when its key is the same (incremental.go). Missing: made again.
	Key  string `json:"key,omitempty"`
	ZKey string `json:"zkey,omitempty"` // the key of the zips' copy, when not Key
}

func writeManifest(dir string, files []publish.Entry, over ...publish.Over) error {
	m := manifest{Generator: "abri", Version: 1, Complete: files != nil, Files: []manifestFile{}}
	for _, o := range over {
		m.Over = append(m.Over, manifestOver{Path: o.Path, Key: o.Key, Entries: o.Entries})
	}
	for _, f := range files {
		m.Files = append(m.Files, manifestFile{Path: f.Path, Size: f.Size, CRC64: fmt.Sprintf("%016x", f.Sum), Key: f.Key, ZKey: f.ZKey})
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	// One file a line, so that two builds' manifests diff line by line.
	data = bytes.ReplaceAll(data, []byte(`{"path":`), []byte("\n{\"path\":"))
	data = bytes.Replace(data, []byte(`}]}`), []byte("}\n]}"), 1)
	return os.WriteFile(filepath.Join(dir, manifestName), append(data, '\n'), 0o644)
}

// readManifest returns the manifest of dir, or nil when dir has none that
// abri wrote.
func readManifest(dir string) *manifest {
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil || m.Generator != "abri" {
		return nil
	}
	return &m
}

// checkOut refuses an output that abri would have to delete without having
// written it: a file, a symbolic link, a folder without abri's manifest, or
// abri's folder with files added since. A missing or empty folder is fine.
func checkOut(out string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("--out %s: %v", out, errText(err))
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("--out %s is a symbolic link: give the folder it points to; nothing was changed", out)
	case !info.IsDir():
		return fmt.Errorf("--out %s is a file, not a folder: choose a new or empty folder; nothing was changed", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("--out %s: %v", out, errText(err))
	}
	if len(entries) == 0 {
		return nil
	}
	m := readManifest(out)
	if m == nil {
		return fmt.Errorf("--out %s is a folder abri did not write (it has no %s): choose a new or empty folder; nothing was changed", out, manifestName)
	}
	foreign, err := foreignFiles(out, m)
	if err != nil {
		return fmt.Errorf("--out %s: %v", out, errText(err))
	}
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 1 {
			more = " and " + strconv.Itoa(len(foreign)-1) + " more"
		}
		return fmt.Errorf("--out %s holds %s%s, which abri did not write: move it away or choose another --out; nothing was changed", out, foreign[0], more)
	}
	return nil
}

// foreignFiles lists, in lexical order, what is in out but not in its
// manifest: files, links and folders (a folder once, not its content).
func foreignFiles(out string, m *manifest) ([]string, error) {
	files, dirs := map[string]bool{manifestName: true}, map[string]bool{}
	for _, f := range m.Files {
		files[f.Path] = true
		for d := f.Path; strings.Contains(d, "/"); {
			d = d[:strings.LastIndex(d, "/")]
			dirs[d] = true
		}
	}
	var foreign []string
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case e.IsDir() && !dirs[rel]:
			foreign = append(foreign, p+string(filepath.Separator))
			return fs.SkipDir
		case !e.IsDir() && (!e.Type().IsRegular() || !files[rel]):
			foreign = append(foreign, p)
		}
		return nil
	})
	return foreign, err
}

// newTemp makes the folder the site is rendered in, beside out: on the
// same file system, so that it can be renamed into place. It creates the
// missing parents of out, and removes what killed builds left there. undo
// removes the folder and the parents it created.
func newTemp(out string) (tmp string, undo func(), err error) {
	parent, base := filepath.Split(filepath.Clean(out))
	if parent == "" {
		parent = "."
	}
	top := firstMissing(parent)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, cannotWrite(out, err)
	}
	removeParents := func() {
		for d := filepath.Clean(parent); top != "" && os.Remove(d) == nil && d != top; d = filepath.Dir(d) {
		}
	}
	removeLeftovers(parent, base)
	tmp, err = os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		removeParents()
		return "", nil, cannotWrite(out, err)
	}
	undo = func() {
		os.RemoveAll(tmp)
		removeParents()
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		undo()
		return "", nil, err
	}
	if err := writeManifest(tmp, nil); err != nil {
		undo()
		return "", nil, err
	}
	return tmp, undo, nil
}

// firstMissing returns the topmost missing folder of dir's path, or "".
func firstMissing(dir string) string {
	top := ""
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			return top
		}
		top = d
		if filepath.Dir(d) == d {
			return top
		}
	}
}

// removeLeftovers removes the folders that killed builds left beside out
// (.public.new-*), but only those that have abri's manifest: a folder of
// that name without it is someone else's.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") && readManifest(p) != nil {
			os.RemoveAll(p)
		}
	}
}

// cannotWrite explains a failure to write beside out.
func cannotWrite(out string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot write beside --out %s: %s is read-only (%v)", out, filepath.Dir(pe.Path), pe.Err)
	}
	return fmt.Errorf("cannot write beside --out %s: %v", out, err)
}

// swap puts the new site in place of the old one, which is removed only
// once the new one is published; failing to remove it is a notice.
func swap(tmp, out string) (notices []string, err error) {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return nil, os.Rename(tmp, out)
	} else if err != nil {
		return nil, err
	}
	old, err := exchange(tmp, out)
	if err != nil {
		return nil, err
	}
	if err := os.RemoveAll(old); err != nil {
		return []string{fmt.Sprintf("the new site is published, but the previous one could not be removed from %s (%v); the next build tries again", old, errText(err))}, nil
	}
	return nil, nil
}

// renameTwice swaps with two renames, where the system cannot exchange two
// folders at once: between them, out is missing for a moment.
func renameTwice(tmp, out string) (old string, err error) {
	old = tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return "", err
	}
	return old, nil
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
