package tag

import (
	"math/rand/v2"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// Sentence is one training sentence: its words and their gold tags.
type Sentence struct {
	Words []string
	Tags  []doc.POS
}

// Train learns a tagging model from sents with the averaged perceptron,
// running epochs passes in an order shuffled by a fixed seed, so the
// result is deterministic.
func Train(sents []Sentence, epochs int) *linear.Model {
	var classes []string
	classOf := map[doc.POS]int{}
	for p := doc.POS(1); int(p) < doc.NumPOS; p++ {
		classOf[p] = len(classes)
		classes = append(classes, p.String())
	}
	tr := linear.NewTrainer(classes)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float32, len(classes))
	var fb []uint64
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			prev, prev2 := "<s>", "<s>"
			for i := range s.Words {
				fb = Features(fb[:0], s.Words, i, prev, prev2)
				tr.Score(fb, scores)
				guess := linear.Argmax(scores)
				gold := classOf[s.Tags[i]]
				tr.Tick()
				if guess != gold {
					tr.Update(fb, gold, 1)
					tr.Update(fb, guess, -1)
				}
				prev2, prev = prev, classes[guess]
			}
		}
	}
	return tr.Model(0.001)
}
