package attrib

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestAddBvecs_SameAsGeneric checks that addBvecs and each of its
// implementations the processor runs (vector code where it has it) give
// the sums of addBvecsGeneric, bit for bit, on
// vectors holding -0, +0, large and tiny weights, from sums already
// under way.
func TestAddBvecs_SameAsGeneric(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	// Weights that test the rounding and the signs of zero half the time.
	special := []float32{negZero, 0, 1, 2, -1, math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32, 3e38, -3e38}
	weight := func() float32 {
		if k := rng.IntN(2 * len(special)); k < len(special) {
			return special[k]
		}
		return float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(7))))
	}
	fill := func(v *bvec) {
		for c := range v {
			v[c] = weight()
		}
	}
	for n := 0; n <= len(bvecSum{}.vs); n++ {
		for range 200 {
			vs := make([]*bvec, n)
			for k := range vs {
				vs[k] = new(bvec)
				fill(vs[k])
			}
			var start bvec
			fill(&start)
			want := start
			addBvecsGeneric(&want, vs)
			for k, add := range append(addBvecsImpls, addBvecs) {
				got := start
				add(&got, vs)
				if !slices.EqualFunc(got[:], want[:], func(a, b float32) bool {
					return math.Float32bits(a) == math.Float32bits(b)
				}) {
					t.Fatalf("%d vectors: implementation %d gives %v, want %v", n, k, got, want)
				}
			}
		}
	}
}
