//go:build unix

package pipeline

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used so far, user and
// system, on every thread: on a machine shared with other work it varies
// less from run to run than the wall-clock time a benchmark reports.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
