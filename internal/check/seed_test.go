package check

import (
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestChecker_Run_Seed holds the figures on the seed article: the
// wrong mile conversion is the only check, the shares and their hedges
// are read, and "Friday" resolves to the publication date.
func TestChecker_Run_Seed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(shareddata.Dir(t, "seed"), "000_be86b8ef4b3fb134.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	d := analyze(t, string(b), pub)

	if len(d.Checks) != 1 {
		for _, c := range d.Checks {
			t.Logf("check %s: %s", c.Kind, c.Message)
		}
		t.Fatalf("got %d checks, want 1 (the kilometre-mile conversion)", len(d.Checks))
	}
	c := d.Checks[0]
	if c.Kind != "conversion" || len(c.Spans) != 2 || d.Slice(c.Spans[0]) != "1,000 kilometres" || d.Slice(c.Spans[1]) != "680 miles" {
		t.Errorf("check = %s %v %q, want a conversion of 1,000 kilometres (680 miles)", c.Kind, c.Spans, c.Message)
	}
	t.Logf("check: %s", c.Message)

	found := map[string]bool{}
	for _, q := range d.Quantities {
		switch d.Slice(q.Span) {
		case "a fifth":
			found["fifth"] = true
			if q.Value != 0.2 || q.Qualifier != "about" || d.Slice(q.Of) != "Ukraine" {
				t.Errorf("a fifth: value %g qualifier %q of %q, want 0.2, about, Ukraine", q.Value, q.Qualifier, d.Slice(q.Of))
			}
		case "two-thirds":
			found["two-thirds"] = true
			if math.Abs(q.Value-0.667) > 0.001 || q.Qualifier != "almost" {
				t.Errorf("two-thirds: value %g qualifier %q, want ≈0.667, almost", q.Value, q.Qualifier)
			}
		}
	}
	if !found["fifth"] || !found["two-thirds"] {
		t.Errorf("shares found: %v, want a fifth and two-thirds", found)
	}
	fridays := 0
	for _, dt := range d.Dates {
		if d.Slice(dt.Span) == "Friday" {
			fridays++
			if dt.Value != "2025-08-15" {
				t.Errorf("Friday = %q, want 2025-08-15", dt.Value)
			}
		}
	}
	if fridays == 0 {
		t.Error("no Friday found")
	}
}
