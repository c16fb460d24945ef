//go:build linux

package generator

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders tmp and out in one step, so that readers and
// servers always see a complete site at out; tmp then holds the old one.
// File systems that cannot exchange fall back to two renames.
func exchange(tmp, out string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return tmp, nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return renameTwice(tmp, out)
	}
	return "", &os.LinkError{Op: "exchange", Old: tmp, New: out, Err: err}
}
