package linear_test

import (
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/linear"
)

// BenchmarkModel_Score scores lists of features against each committed
// model: 16 features a call, as the tagger makes, drawn from the model's
// own features with a Zipf law (a few frequent, most rare, like words)
// and one in four unknown. Bytes are features scored, 8 bytes each.
func BenchmarkModel_Score(b *testing.B) {
	for _, path := range repoModels(b) {
		b.Run(filepath.Base(path), func(b *testing.B) {
			ref := readRef(b, path)
			m := readModel(b, path)
			rng := rand.New(rand.NewPCG(5, 6))
			// Shuffle the keys so that frequency is not tied to file order.
			keys := append([]uint64(nil), ref.keys...)
			rng.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
			zipf := rand.NewZipf(rand.New(rand.NewPCG(1, 2)), 1.1, 1, uint64(len(keys)-1))
			const perCall, calls = 16, 4096
			feats := make([]uint64, perCall*calls)
			for i := range feats {
				if rng.IntN(4) == 0 {
					feats[i] = rng.Uint64()
				} else {
					feats[i] = keys[zipf.Uint64()]
				}
			}
			scores := make([]float32, len(m.Classes))
			b.SetBytes(int64(8 * len(feats)))
			b.ReportAllocs()
			for b.Loop() {
				for i := 0; i < len(feats); i += perCall {
					m.Score(feats[i:i+perCall], scores)
				}
			}
		})
	}
}

var sink uint64

// BenchmarkFeature hashes the kinds of features the taggers make: a word,
// a small integer, and a pair of them.
func BenchmarkFeature(b *testing.B) {
	words := []string{"the", "said", "President", "according", "to", "Mr.", "1,000", "’s"}
	b.ReportAllocs()
	for b.Loop() {
		for i, w := range words {
			sink += linear.Pair(linear.Lower(3, w), linear.Int(7, i))
		}
	}
}
