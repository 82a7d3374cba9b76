package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/render"
)

// result is what one in-process run of the command gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs the command line args in-process with stdin as standard input.
func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// articles decodes a stream of JSON articles.
func articles(t *testing.T, s string) []render.Article {
	t.Helper()
	var out []render.Article
	dec := json.NewDecoder(strings.NewReader(s))
	for {
		var a render.Article
		err := dec.Decode(&a)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("output is not a stream of JSON objects: %v\n%s", err, s)
		}
		out = append(out, a)
	}
}

func TestRun_Help(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {"help"},
		{"analyze", "--help"}, {"help", "analyze"},
		{"eval", "--help"}, {"eval", "polnear", "--help"},
		{"train", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCmd(t, "", args...)
			if r.code != exitOK {
				t.Errorf("exit %d, want 0; stderr %q", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, "Usage:") {
				t.Errorf("no usage on stdout: %q", r.stdout)
			}
			if r.stderr != "" {
				t.Errorf("stderr not empty: %q", r.stderr)
			}
		})
	}
}

func TestRun_Version(t *testing.T) {
	r := runCmd(t, "", "--version")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "verbatim ") || r.stderr != "" {
		t.Errorf("got %+v", r)
	}
}

func TestRun_UsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"--no-such-flag"}, "unknown flag"},
		{[]string{"analyze", "--no-such-flag", "x.txt"}, "unknown flag"},
		{[]string{"analyze", "--format", "xml", "x.txt"}, `unknown --format "xml"`},
		{[]string{"analyze", "--color", "sometimes", "x.txt"}, `unknown --color`},
		{[]string{"analyze", "--published", "yesterday", "x.txt"}, "--published"},
		{[]string{"analyze", "--max-size", "0", "x.txt"}, "--max-size"},
		{[]string{"analyze", "--max-size", "16MB", "x.txt"}, "invalid argument"},
		{[]string{"analyze", "--workers", "0", "x.txt"}, "--workers"},
		{[]string{"eval"}, "eval needs a corpus"},
		{[]string{"eval", "polnear"}, "accepts 1 arg"},
		{[]string{"eval", "polnear", "/no/such/dir"}, "not a PolNeAR split"},
		{[]string{"train", "nonsense", "--data", "."}, ""},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			r := runCmd(t, "", c.args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", r.code, exitUsage, r.stderr)
			}
			if !strings.Contains(r.stderr, c.msg) || !strings.HasPrefix(r.stderr, "verbatim: ") {
				t.Errorf("stderr %q, want a message with %q", r.stderr, c.msg)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
		})
	}
}

// TestRun_UnknownCommand checks that a mistyped command is a usage error.
func TestRun_UnknownCommand(t *testing.T) {
	r := runCmd(t, "", "analyse-this")
	if r.code != exitUsage {
		t.Errorf("exit %d, want %d; stderr %q", r.code, exitUsage, r.stderr)
	}
}

// TestRun_CPUProfile checks that --cpuprofile writes a profile go tool
// pprof reads, the command's output unchanged, and that a file it cannot
// create fails the run with a message naming the flag.
func TestRun_CPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.pprof")
	text := "“We will rebuild the bridge by spring,” the mayor said on Monday.\n"
	plain := runCmd(t, text, "analyze", "-")
	r := runCmd(t, text, "--cpuprofile", prof, "analyze", "-")
	if r.code != exitOK || r.stdout != plain.stdout {
		t.Fatalf("with --cpuprofile: exit %d, output %q; without: %q", r.code, r.stdout, plain.stdout)
	}
	// A profile is gzip-compressed protocol buffers.
	f, err := os.Open(prof)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("the profile is not gzip: %v", err)
	}
	if n, err := io.Copy(io.Discard, zr); err != nil || n == 0 {
		t.Errorf("the profile holds %d bytes (%v)", n, err)
	}
	r = runCmd(t, text, "--cpuprofile", filepath.Join(dir, "no", "such", "dir", "cpu.pprof"), "analyze", "-")
	if r.code != exitFailed || !strings.Contains(r.stderr, "--cpuprofile") || r.stdout != "" {
		t.Errorf("unwritable profile: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
}
