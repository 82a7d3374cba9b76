package linear

import (
	"bytes"
	"math"
	"testing"
)

// trainOn runs one averaged-perceptron pass over a fixed set of updates.
func trainOn(updates [][2]int, feats []uint64) *Trainer {
	t := NewTrainer([]string{"a", "b"})
	for _, u := range updates {
		t.Tick()
		t.Update(feats[u[0]:u[0]+1], u[1], 1)
	}
	return t
}

func TestAverage_OneIsModel(t *testing.T) {
	feats := []uint64{Str(1, "x"), Str(1, "y"), Str(1, "z")}
	tr := trainOn([][2]int{{0, 0}, {1, 1}, {2, 0}, {0, 1}}, feats)
	var a, b bytes.Buffer
	if _, err := tr.Model(0).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := Average([]*Trainer{tr}, 0).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Average of one trainer differs from its Model")
	}
}

func TestAverage_MeanOfWeights(t *testing.T) {
	feats := []uint64{Str(1, "x"), Str(1, "y")}
	// A weight counts from the step after its update: x->a is 1 for one
	// of t1's two steps (0.5); y->b is 1 for one of t2's (0.5), x->b for
	// none (0).
	t1 := trainOn([][2]int{{0, 0}, {1, 0}}, feats)
	t2 := trainOn([][2]int{{1, 1}, {0, 1}}, feats)
	m := Average([]*Trainer{t1, t2}, 0)
	score := func(f uint64) []float32 {
		s := make([]float32, 2)
		m.Score([]uint64{f}, s)
		return s
	}
	for _, tc := range []struct {
		f    uint64
		want [2]float64
	}{
		{feats[0], [2]float64{0.25, 0}},
		{feats[1], [2]float64{0, 0.25}},
	} {
		got := score(tc.f)
		for c := range 2 {
			if math.Abs(float64(got[c])-tc.want[c]) > 1e-6 {
				t.Errorf("feature %x class %d: weight %v, want %v", tc.f, c, got[c], tc.want[c])
			}
		}
	}
	// Pruning applies to the mean: 0.25 stays at 0.2 and goes at 0.3,
	// though it was 0.5 in one trainer.
	s := make([]float32, 2)
	Average([]*Trainer{t1, t2}, 0.2).Score([]uint64{feats[0]}, s)
	if math.Abs(float64(s[0])-0.25) > 1e-6 {
		t.Errorf("scores pruned at 0.2: %v, want [0.25 0]", s)
	}
	Average([]*Trainer{t1, t2}, 0.3).Score([]uint64{feats[0]}, s)
	if s[0] != 0 {
		t.Errorf("scores pruned at 0.3: %v, want [0 0]", s)
	}
}
