//go:build unix

package generator

import (
	"runtime"
	"syscall"
	"time"
)

// peakRSS is the process's peak resident memory in bytes.
func peakRSS() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss), true // bytes there, kilobytes elsewhere
	}
	return int64(ru.Maxrss) * 1024, true
}

// cpuTime is the CPU time the process has used, user and system: on a
// shared machine it says what a build costs when the wall time cannot.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
