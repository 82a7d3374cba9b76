// Package shareddata finds the team's shared corpora (../shared/data beside
// the repository, or $VERBATIM_DATA) for tests, training and evaluation.
// Tests that need a corpus call Dir, which skips the test with a message
// when the corpus is absent, so the test suite passes on any machine.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared data directory, or "" when it cannot be found.
// $VERBATIM_DATA wins; otherwise ../shared/data is looked for beside the
// module root (the nearest directory above the working directory holding
// go.mod).
func Root() string {
	if d := os.Getenv("VERBATIM_DATA"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return filepath.Clean(d)
			}
			return ""
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Dir returns the path of a shared corpus below the data root, and skips
// tb when it is absent.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("shared data not found (../shared/data beside the repository, or $VERBATIM_DATA); skipping")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared corpus %s not found; skipping", p)
	}
	return p
}
