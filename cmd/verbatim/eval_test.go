package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// polnearSplit writes a one-article corpus in the PolNeAR layout (text/ and
// ann/) under a new temporary folder and returns the folder.
func polnearSplit(t *testing.T, text, ann string) string {
	t.Helper()
	dir := t.TempDir()
	for sub, body := range map[string]string{"text": text, "ann": ann} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		ext := map[string]string{"text": ".txt", "ann": ".ann"}[sub]
		if err := os.WriteFile(filepath.Join(dir, sub, "harbour"+ext), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestEvalPolnear_OutWritesScored checks that eval polnear --out writes
// the statements it scored: the top-level ones, not one nested in
// another's content ("had told" inside what Ruiz said).
func TestEvalPolnear_OutWritesScored(t *testing.T) {
	text := "Ana Ruiz said the mayor had told the council that the ferry plan would fail.\n"
	ann := "T1\tSource 0 8\tAna Ruiz\nT2\tCue 9 13\tsaid\nT3\tContent 14 76\tthe mayor had told the council that the ferry plan would fail\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	dir := polnearSplit(t, text, ann)
	out := filepath.Join(t.TempDir(), "pred")
	r := runCmd(t, "", "eval", "polnear", "--out", out, dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "harbour.ann"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	if !strings.Contains(got, "\tCue 9 13\tsaid\n") {
		t.Errorf("the top-level statement is missing:\n%s", got)
	}
	if n := strings.Count(got, "\tCue "); n != 1 {
		t.Errorf("%d cues written, want the top-level statement's alone (the scorer leaves the nested one out):\n%s", n, got)
	}
}

// TestEvalPolnear_OutUnwritable checks that a --out the command cannot
// write into is an error that names it, not a silent loss of the files.
func TestEvalPolnear_OutUnwritable(t *testing.T) {
	dir := polnearSplit(t, "Ana Ruiz said the ferry would run.\n", "")
	file := filepath.Join(t.TempDir(), "taken")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "", "eval", "polnear", "--out", file, dir)
	if r.code == 0 {
		t.Fatalf("exit 0 writing into a file; stderr: %s", r.stderr)
	}
	if !strings.Contains(r.stderr, "taken") {
		t.Errorf("the error does not name the output: %s", r.stderr)
	}
}
