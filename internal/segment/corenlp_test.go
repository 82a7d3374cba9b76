package segment

import (
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestSegment_AgreesWithCoreNLP measures how often our token and sentence
// boundaries are CoreNLP's on the PolNeAR dev split, and holds floors.
func TestSegment_AgreesWithCoreNLP(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	arts, err := polnear.Load(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	seg := New(lexicon.MustDefault())
	var tokTP, tokGold, tokPred, sentTP, sentGold, sentPred int
	shown := 0
	for _, a := range arts {
		if a.Tokens == nil {
			continue
		}
		d := &doc.Document{Text: a.Text}
		seg.Segment(d)
		gold := map[[2]int]bool{}
		goldSent := map[int]bool{}
		prevSent := -1
		for _, g := range a.Tokens {
			gold[[2]int{g.Start, g.End}] = true
			if g.Sent != prevSent {
				goldSent[g.Start] = true
				prevSent = g.Sent
			}
		}
		tokGold += len(gold)
		tokPred += len(d.Tokens)
		for _, p := range d.Tokens {
			if gold[[2]int{p.Start, p.End}] {
				tokTP++
			} else if shown < 15 && testing.Verbose() {
				shown++
				t.Logf("%s: token %q not CoreNLP's", filepath.Base(a.Name), a.Text[p.Start:p.End])
			}
		}
		sentGold += len(goldSent)
		sentPred += len(d.Sentences)
		for _, s := range d.Sentences {
			if goldSent[s.Start] {
				sentTP++
			}
		}
	}
	tokF := f1(tokTP, tokPred, tokGold)
	sentF := f1(sentTP, sentPred, sentGold)
	t.Logf("tokens: P %.4f R %.4f F1 %.4f", float64(tokTP)/float64(tokPred), float64(tokTP)/float64(tokGold), tokF)
	t.Logf("sentence starts: P %.4f R %.4f F1 %.4f", float64(sentTP)/float64(sentPred), float64(sentTP)/float64(sentGold), sentF)
	// Floors: they only go up (measured: tokens 0.9959, sentences 0.9502).
	const tokFloor, sentFloor = 0.991, 0.950
	if tokF < tokFloor {
		t.Errorf("token F1 %.4f below floor %.3f", tokF, tokFloor)
	}
	if sentF < sentFloor {
		t.Errorf("sentence F1 %.4f below floor %.3f", sentF, sentFloor)
	}
}

func f1(tp, pred, gold int) float64 {
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
	return 2 * p * r / (p + r)
}
