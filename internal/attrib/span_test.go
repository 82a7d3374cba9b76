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
		c := newContext(d, a.lex, a.fs)
		cues := proposeCues(c, a.fs, proposeSlack)
		r := a.ranker(c, cues)
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

// TestRanker_SourceScoreSameAsDense checks that the source decoder's
// dense terms, from its values and from their row, are, bit for bit,
// those of the feature values training sees, and within the bound of
// their row, for every candidate in the sentences of real cues.
func TestRanker_SourceScoreSameAsDense(t *testing.T) {
	arts, a, prep := devSetup(t)
	checked := 0
	for _, art := range arts[:12] {
		c := newContext(prep(art.Text), a.lex, a.fs)
		cues := proposeCues(c, a.fs, proposeSlack)
		r := a.ranker(c, cues)
		for _, q := range cues {
			k := r.sourceCue(q)
			sa, sb := c.sentRange(q.a)
			for x := sa; x < sb; x++ {
				for y := x + 1; y <= sb; y++ {
					side := sideRight
					if y <= q.a {
						side = sideLeft
					} else if x < q.b {
						continue
					}
					v := r.sourceDense(q, side, x, y)
					if got, want := r.sourceScore(&k, side, x, y), r.denseScore(side, &v); math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("%s: source %d-%d of cue %d-%d: %v, want %v", art.Name, x, y, q.a, q.b, got, want)
					}
					near := x
					if side == sideLeft {
						near = y
					}
					row := r.sourceRow(&k, side, near)
					if got, want := r.rowScore(&k, &row, side, x, y), r.sourceScore(&k, side, x, y); math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("%s: source %d-%d of cue %d-%d: %v from its row, want %v", art.Name, x, y, q.a, q.b, got, want)
					}
					if got := r.sourceScore(&k, side, x, y); got > row.bound {
						t.Fatalf("%s: source %d-%d of cue %d-%d: %v, over its row's bound %v", art.Name, x, y, q.a, q.b, got, row.bound)
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d candidates checked", checked)
}
