package attrib

import (
	"math"
	"testing"
)

// TestFormScorer_SameAsFeatures checks that the form scorer's tables and
// word cache give, bit for bit, the scores of the features cueFeatures
// lists, for every token of real articles after every label, and those of
// the features boundaryFeatures lists, with forms in the cache and
// without.
func TestFormScorer_SameAsFeatures(t *testing.T) {
	arts, a, prep := devSetup(t)
	ref := &featScorer{m: a.m.Cue}
	checked := 0
	for _, cs := range []*formScorer{newFormScorer(a.lex, a.m.Cue, a.m.Boundary), newFormScorerCache(a.lex, a.m.Cue, a.m.Boundary, 8)} {
		for _, art := range arts[:10] {
			c := newContext(prep(art.Text), a.lex, nil)
			cs.begin(c)
			for _, s := range c.d.Sentences {
				for i := s.FirstTok; i < s.EndTok; i++ {
					for prev := range numCueLabels {
						var got, want cueVec
						cs.scoreTok(c, i, s.FirstTok, s.EndTok, prev, &got)
						ref.scoreTok(c, i, s.FirstTok, s.EndTok, prev, &want)
						for k := range got {
							if math.Float32bits(got[k]) != math.Float32bits(want[k]) {
								t.Fatalf("%s: token %d %q after label %d: scores %v, want %v", art.Name, i, c.toks[i].word, prev, got, want)
							}
						}
						checked++
					}
				}
				for i := s.FirstTok; i < s.EndTok; i++ {
					var got, want [numBoundary]float32
					if !cs.bnd.score(c, i, got[:]) {
						t.Fatalf("%s: token %d %q: no boundary scores from the tables", art.Name, i, c.toks[i].word)
					}
					a.m.Boundary.Score(boundaryFeatures(nil, c, i), want[:])
					for k := range got {
						if math.Float32bits(got[k]) != math.Float32bits(want[k]) {
							t.Fatalf("%s: token %d %q: boundary scores %v, want %v", art.Name, i, c.toks[i].word, got, want)
						}
					}
				}
			}
		}
	}
	t.Logf("%d token scores checked", checked)
}

// TestAcceptScorer_SameAsFeatures checks that the acceptance scorer's
// margin is, bit for bit, what the classifier gives for the features
// acceptFeatures lists, for every candidate of real articles.
func TestAcceptScorer_SameAsFeatures(t *testing.T) {
	arts, a, prep := devSetup(t)
	checked := 0
	for _, art := range arts[:20] {
		c := newContext(prep(art.Text), a.lex, a.fs)
		cues := proposeCues(c, a.fs, proposeSlack)
		r := a.ranker(c, cues)
		for _, q := range cues {
			k := decodeCue(r, q)
			var sc [2]float32
			a.m.Accept.Score(acceptFeatures(nil, c, k), sc[:])
			want := sc[1] - sc[0]
			if got := a.acc.margin(c, k); math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("%s: cue %d-%d: margin %v, want %v", art.Name, q.a, q.b, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no candidates checked")
	}
	t.Logf("%d candidates checked", checked)
}
