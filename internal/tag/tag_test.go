package tag

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestTagger_DevAccuracy scores the embedded tagger against CoreNLP's tags
// on the PolNeAR dev split (CoreNLP's tokens) and holds a floor.
func TestTagger_DevAccuracy(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	arts, err := polnear.Load(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var right, total int
	var words []string
	var gold []string
	var out []doc.POS
	for _, a := range arts {
		sent := -1
		flush := func() {
			out = tg.TagWords(words, out[:0])
			for i, p := range out {
				total++
				if p.String() == gold[i] {
					right++
				}
			}
			words, gold = words[:0], gold[:0]
		}
		for _, tok := range a.Tokens {
			if tok.Sent != sent && len(words) > 0 {
				flush()
			}
			sent = tok.Sent
			words = append(words, a.Text[tok.Start:tok.End])
			gold = append(gold, tok.POS)
		}
		if len(words) > 0 {
			flush()
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("POS accuracy on dev: %.4f (%d tokens)", acc, total)
	if acc < 0.95 {
		t.Errorf("POS accuracy %.4f below floor 0.95", acc)
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"Putin": "Xx", "1,000": "d,d", "U.S.": "X.X.", "three-year": "x-x", "McDonald": "XxXx"} {
		if got := Shape(in); got != want {
			t.Errorf("Shape(%q) = %q, want %q", in, got, want)
		}
	}
}
