package main

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSignal_SecondInterruptEnds checks that an interrupt the running
// command does not heed (here analyze waiting on standard input) is
// followed by a second one that ends the process, as a Unix tool's
// second Ctrl-C does.
func TestSignal_SecondInterruptEnds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "verbatim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "analyze", "-")
	stdin, err := cmd.StdinPipe() // left open: analyze waits on it
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(500 * time.Millisecond) // let it install its handlers
	for range 2 {
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			break // it has ended
		}
		select {
		case <-done:
			return
		case <-time.After(time.Second):
		}
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("two interrupts did not end the process")
	}
}
