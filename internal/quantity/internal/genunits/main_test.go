package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestRun_UpToDate checks that data/units.tsv is what genunits makes from
// the shared units.json and data/si.tsv (run go generate after editing
// si.tsv).
func TestRun_UpToDate(t *testing.T) {
	src := filepath.Join(shareddata.Dir(t, "lexicons", "units-quantulum3"), "units.json")
	out := filepath.Join(t.TempDir(), "units.tsv")
	if err := run(src, "../../data/si.tsv", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/units.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("data/units.tsv is stale: run go generate ./internal/quantity")
	}
}
