package tag

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSumRows_SameAsGeneric checks that sumRows and each of its
// implementations the processor runs (vector code where it has it) give
// the sums and the class of sumRowsGeneric, bit for bit, on rows made to
// tie and to hold -0, +0, large and tiny weights.
func TestSumRows_SameAsGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	weight := func() float32 {
		switch rng.IntN(8) {
		case 0:
			return negZero
		case 1:
			return 0
		case 2:
			return float32(rng.IntN(3)) // small integers tie often
		case 3:
			return math.SmallestNonzeroFloat32 * float32(rng.IntN(5)-2)
		case 4:
			return float32(rng.NormFloat64() * 1e6)
		}
		return float32(rng.NormFloat64())
	}
	for n := 1; n <= maxSum; n++ {
		for range 500 {
			rows := make([]*vec, n)
			for k := range rows {
				rows[k] = new(vec)
				for c := range rows[k] {
					rows[k][c] = weight()
				}
			}
			nc := width - rng.IntN(4)
			for c := nc; c < width; c++ {
				rows[0][c] = float32(math.Inf(-1))
			}
			var want vec
			wc := sumRowsGeneric(&want, rows)
			for k, sum := range append(sumRowsImpls, sumRows) {
				var got vec
				gc := sum(&got, rows)
				same := slices.EqualFunc(got[:], want[:], func(a, b float32) bool {
					return math.Float32bits(a) == math.Float32bits(b)
				})
				if gc != wc || !same {
					t.Fatalf("%d rows: implementation %d gives class %d and %v, want %d and %v", n, k, gc, got, wc, want)
				}
			}
		}
	}
}
