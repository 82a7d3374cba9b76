package attrib

import (
	"math"
	"testing"
)

func TestDenseSizes(t *testing.T) {
	for tmpl, n := range denseSize {
		if n <= 0 {
			t.Errorf("dense template %d has no domain size", tmpl)
		}
	}
}

// TestRanker_ContentsMatchesRef checks that the optimised content
// decoder scores exactly what the plain one does, on real articles.
func TestRanker_ContentsMatchesRef(t *testing.T) {
	arts, a, prep := devSetup(t)
	checked := 0
	for _, art := range arts[:12] {
		d := prep(art.Text)
		c := newContext(d, a.lex)
		cues := proposeCues(c, a.cue, proposeSlack)
		r := newRanker(c, a.m.Boundary, a.m.Relation, &a.tb, cues)
		for _, q := range cues {
			got, want := r.contents(q), r.contentsRef(q)
			if len(got) != len(want) {
				t.Fatalf("%s: %d candidates, want %d", art.Name, len(got), len(want))
			}
			for i := range got {
				if got[i].a != want[i].a || got[i].b != want[i].b || math.Abs(float64(got[i].score-want[i].score)) > 1e-3 {
					t.Fatalf("%s: candidate %d = %+v, want %+v", art.Name, i, got[i], want[i])
				}
			}
			checked++
		}
	}
	t.Logf("%d cues checked", checked)
}

// TestTables_SourceTemplatesCoverSourceDense checks that the bound used to
// skip source candidates counts every dense template sourceDense sets.
func TestTables_SourceTemplatesCoverSourceDense(t *testing.T) {
	in := map[int]bool{}
	for _, x := range sourceTemplates {
		in[x] = true
	}
	for _, x := range pairTemplates {
		in[x] = true
	}
	in[dContentGapLen] = true // added to the content's base, not per pair
	for tmpl := 0; tmpl < numDense; tmpl++ {
		if !in[tmpl] {
			t.Errorf("dense template %d is in neither bound", tmpl)
		}
	}
}
