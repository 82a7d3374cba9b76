package attrib

import (
	"math"
	"testing"
)

// TestCueScorer_SameAsFeatures checks that the cue scorer's tables and
// word cache give, bit for bit, the scores of the features cueFeatures
// lists, for every token of real articles after every label, with forms
// in the cache and without.
func TestCueScorer_SameAsFeatures(t *testing.T) {
	arts, a, prep := devSetup(t)
	ref := &featScorer{m: a.m.Cue}
	checked := 0
	for _, cs := range []*formScorer{newFormScorer(a.m.Cue), newFormScorerCache(a.m.Cue, 8)} {
		for _, art := range arts[:10] {
			c := newContext(prep(art.Text), a.lex)
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
			}
		}
	}
	t.Logf("%d token scores checked", checked)
}
