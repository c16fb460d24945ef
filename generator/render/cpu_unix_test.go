//go:build unix

package render

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, in all its threads (the
// garbage collector's too): on a shared machine it measures work where
// wall time measures the neighbours.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
