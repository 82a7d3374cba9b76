package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// peakLimit is the most memory `verbatim analyze` may hold on a 5 MB
// JSON Lines file (issue 3).
const peakLimit = 300 << 20

// TestAnalyze_PeakMemory builds the verbatim binary, runs `verbatim
// analyze` on some 5 MB of JSON Lines made of the PolNeAR dev articles
// (repeated), and holds the process's peak resident memory, which the
// kernel records, under peakLimit. The analyze command streams the
// articles through Run, so the peak should not grow with the input.
func TestAnalyze_PeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	texts := devTexts(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the binary: %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "verbatim")
	if out, err := exec.Command(goBin, "build", "-o", bin, "github.com/verbatim-news/verbatim/cmd/verbatim").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	var in bytes.Buffer
	n := 0
	for in.Len() < 5<<20 {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("dev-%d", n), "text": texts[n%len(texts)]})
		if err != nil {
			t.Fatal(err)
		}
		in.Write(append(line, '\n'))
		n++
	}
	input := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(input, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(bin, "analyze", "--format", "jsonl", input)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("verbatim analyze: %v\n%s", err, stderr.Bytes())
	}
	if got := bytes.Count(out.Bytes(), []byte("\n")); got != n {
		t.Fatalf("verbatim analyze wrote %d articles, want %d", got, n)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage for the process")
	}
	peak := ru.Maxrss << 10 // kilobytes on Linux
	t.Logf("verbatim analyze, %d workers, %.1f MB of JSON Lines (%d articles): peak resident memory %.0f MB, CPU %.1fs",
		runtime.GOMAXPROCS(0), float64(in.Len())/(1<<20), n, float64(peak)/(1<<20),
		cmd.ProcessState.UserTime().Seconds()+cmd.ProcessState.SystemTime().Seconds())
	if peak > peakLimit {
		t.Errorf("peak resident memory %d MB, over the %d MB limit", peak>>20, peakLimit>>20)
	}
}
