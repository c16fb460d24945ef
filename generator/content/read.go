package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// Size limits of the files a guide is made of: a listing of a few hundred
// lines is under 20 kB, so these only stop a mistake (a log or a video
// saved into the folder) from exhausting memory.
const (
	maxYAML = 1 << 20 // site.yaml, categories.yaml, a listing: 1 MB
	maxPage = 4 << 20 // a Markdown page: 4 MB
)

// maxLinks is how many symbolic links in a row are followed before giving up.
const maxLinks = 8

// readFile reads a file of the guide, refusing anything but a regular file
// inside the content folder: a symbolic link may point to another regular
// file of the folder, but never out of it, and never to a device or a FIFO,
// which is not even opened (reading /dev/zero never ends, a FIFO blocks).
// A leading UTF-8 byte order mark is dropped; invalid UTF-8 is an error at
// its line.
func readFile(fsys fs.FS, opts Options, name string, limit int64, ps *Problems) ([]byte, bool) {
	p := path.Join(opts.Root, name)
	if msg := checkRegular(fsys, name); msg != "" {
		*ps = append(*ps, Problem{Path: p, Msg: msg})
		return nil, false
	}
	data, err := readLimited(fsys, name, limit)
	if err != nil {
		*ps = append(*ps, Problem{Path: p, Msg: "cannot read: " + errText(err)})
		return nil, false
	}
	if int64(len(data)) > limit {
		*ps = append(*ps, Problem{Path: p, Msg: fmt.Sprintf("file is over %d MB: is it really part of the guide? (split it, or move it out of the content folder)", limit>>20)})
		return nil, false
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if line, col, ok := invalidUTF8(data); ok {
		*ps = append(*ps, Problem{Path: p, Line: line, Col: col, Msg: "invalid UTF-8: save the file as UTF-8 (in the editor's encoding menu) and check the characters here"})
		return nil, false
	}
	if !strings.HasPrefix(name, "listings/") {
		opts.sum.add(name, data)
	}
	return data, true
}

// readLimited reads at most limit+1 bytes, so that a file over the limit is
// told apart without being read whole.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// checkRegular says why name is not a regular file inside fsys, or "".
func checkRegular(fsys fs.FS, name string) string {
	for range maxLinks {
		info, err := fs.Lstat(fsys, name)
		if err != nil {
			return "cannot read: " + errText(err)
		}
		mode := info.Mode()
		switch {
		case mode.IsRegular():
			return ""
		case mode&fs.ModeSymlink == 0:
			return "not a regular file (" + kindOfFile(mode) + "): only text files are read; remove it from the content folder"
		}
		target, err := fs.ReadLink(fsys, name)
		if err != nil {
			return "cannot read the link: " + errText(err)
		}
		next := path.Join(path.Dir(name), target)
		if path.IsAbs(target) || next == ".." || strings.HasPrefix(next, "../") {
			return fmt.Sprintf("is a link to %s, outside the content folder: copy the file in instead", target)
		}
		name = next
	}
	return "too many links in a row: copy the file in instead"
}

func kindOfFile(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// invalidUTF8 returns the line and column (in characters) of the first byte
// that is not UTF-8.
func invalidUTF8(data []byte) (line, col int, found bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line, col, true
		}
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
		data = data[size:]
	}
	return 0, 0, false
}
