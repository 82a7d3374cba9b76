package linear

import (
	"math"
	"sort"
)

// Trainer learns a Model with the averaged perceptron: on every mistake
// the gold class's weights move up by the features and the predicted
// class's move down; the final weights are the average over all steps,
// which generalises far better than the last ones. Averaging is lazy
// (each weight remembers when it last changed), so an update costs only
// the features it touches.
type Trainer struct {
	classes []string
	nc      int
	rows    map[uint64]int32
	w       []float32 // current weights, row-major: row*nc + class
	total   []float64 // sum of weights over time, up to stamp
	stamp   []int64   // step at which total was last brought up to date
	step    int64
}

// NewTrainer returns a Trainer for the given classes.
func NewTrainer(classes []string) *Trainer {
	if len(classes) > 255 {
		panic("linear: at most 255 classes")
	}
	return &Trainer{classes: append([]string(nil), classes...), nc: len(classes), rows: map[uint64]int32{}}
}

// NumClasses returns the number of classes.
func (t *Trainer) NumClasses() int { return t.nc }

// Score sets scores to the current (not averaged) weights' sum over feats.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		r, ok := t.rows[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*t.nc : int(r+1)*t.nc]
		for c, w := range row {
			scores[c] += w
		}
	}
}

// Tick advances the clock by one training instance. Call it once per
// instance, whether or not Update is called.
func (t *Trainer) Tick() { t.step++ }

// Update adds delta to the weight of every feature in feats for class c.
func (t *Trainer) Update(feats []uint64, c int, delta float32) {
	for _, f := range feats {
		if f == 0 {
			f = 1
		}
		r, ok := t.rows[f]
		if !ok {
			r = int32(len(t.w) / t.nc)
			t.rows[f] = r
			t.w = append(t.w, make([]float32, t.nc)...)
			t.total = append(t.total, make([]float64, t.nc)...)
			t.stamp = append(t.stamp, make([]int64, t.nc)...)
		}
		i := int(r)*t.nc + c
		t.total[i] += float64(t.step-t.stamp[i]) * float64(t.w[i])
		t.stamp[i] = t.step
		t.w[i] += delta
	}
}

// Model returns the averaged model. Weights whose magnitude is below
// prune are dropped, which shrinks the model with little loss; 0 keeps
// every non-zero weight.
func (t *Trainer) Model(prune float64) *Model { return Average([]*Trainer{t}, prune) }

// Average returns the model whose weights are the mean of the averaged
// weights of ts, which must share their classes: an ensemble of
// perceptrons trained in different orders, as one linear model. Its
// weights vary far less with the training order than any one of ts's.
// Weights whose magnitude is below prune are dropped.
func Average(ts []*Trainer, prune float64) *Model {
	nc := ts[0].nc
	sum := map[uint64][]float64{}
	for _, t := range ts {
		steps := float64(max(t.step, 1))
		for k, r := range t.rows {
			row := sum[k]
			if row == nil {
				row = make([]float64, nc)
				sum[k] = row
			}
			for c := 0; c < nc; c++ {
				i := int(r)*nc + c
				row[c] += (t.total[i] + float64(t.step-t.stamp[i])*float64(t.w[i])) / steps
			}
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var kept []uint64
	var rows [][]entry
	n := float64(len(ts))
	for _, k := range keys {
		var row []entry
		for c, tot := range sum[k] {
			avg := tot / n
			if avg == 0 || math.Abs(avg) < prune {
				continue
			}
			row = append(row, entry{float32(avg), uint32(c)})
		}
		if len(row) > 0 {
			kept = append(kept, k)
			rows = append(rows, row)
		}
	}
	b := newBuilder(len(kept), nc)
	for i, k := range kept {
		b.add(k, rows[i])
	}
	m := &Model{Classes: append([]string(nil), ts[0].classes...)}
	b.finish(m)
	return m
}
