package entity

import (
	"math"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

func TestPint_SameAsLinear(t *testing.T) {
	for tmpl := pBias; tmpl <= pCross; tmpl++ {
		for _, v := range []int{0, 1, 's', 'o' << 8, 3<<16 | 'p'<<8 | 1, 1 << 40, -1} {
			if got, want := pint(tmpl, v), linear.Int(tmpl, v); got != want {
				t.Errorf("pint(%d, %d) = %x, want %x", tmpl, v, got, want)
			}
		}
		for _, s := range []string{"", "he", "Said", "WHO", "Ünïcode"} {
			if got, want := pstr(tmpl, s), linear.Str(tmpl, s); got != want {
				t.Errorf("pstr(%d, %q) = %x, want %x", tmpl, s, got, want)
			}
			if got, want := plower(tmpl, s), linear.Lower(tmpl, s); got != want {
				t.Errorf("plower(%d, %q) = %x, want %x", tmpl, s, got, want)
			}
		}
	}
}

// listScorer scores a list of features with a model, hiding the model
// from scoreCands so that it makes the lists.
type listScorer struct{ m *linear.Model }

func (s listScorer) Score(feats []uint64, scores []float32) { s.m.Score(feats, scores) }

// TestScoreCands_MemoSameAsLists checks that the ranker's scores, summed
// from memoised weights, are bit for bit what scoring the feature lists
// gives, for every pronoun of the test texts and the first PolNeAR dev
// articles.
func TestScoreCands_MemoSameAsLists(t *testing.T) {
	texts := testTexts(t, 20, nerTestText, `The minister said she would resign. Her deputy, who met him on Monday, said he had not been told. "They lied to us," she added, before the committee, which had asked them, said it would look again. When he arrived, Dr. Okafor said his office was closed.`)
	an := newAnalyser(t)
	r := an.r
	n := 0
	for _, text := range texts {
		st := an.detect(text)
		st.sc = r.pron
		for i := range st.ments {
			if st.ments[i].Kind == doc.PronounMention {
				cands, _, null := st.scoreCands(i, r.pron, st.candidates(i, nil))
				var want []float32
				for _, c := range cands {
					want = append(want, c.score)
				}
				cands, _, wantNull := st.scoreCands(i, listScorer{r.pron}, cands)
				if math.Float32bits(null) != math.Float32bits(wantNull) {
					t.Fatalf("%q: null scores %v, want %v", st.words[st.ments[i].a], null, wantNull)
				}
				for k, c := range cands {
					if math.Float32bits(want[k]) != math.Float32bits(c.score) {
						t.Fatalf("%q: candidate %d scores %v, want %v", st.words[st.ments[i].a], k, want[k], c.score)
					}
					n++
				}
			}
			st.step(i)
		}
	}
	t.Logf("%d candidates", n)
}
