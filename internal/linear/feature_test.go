package linear

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestInt_SameAsLoop holds Int, written out, to FNV-1a over the value's
// eight bytes in a loop, as the models were trained with.
func TestInt_SameAsLoop(t *testing.T) {
	loop := func(tmpl uint32, v int) uint64 {
		h := seed(tmpl)
		u := uint64(v)
		for range 8 {
			h ^= u & 0xff
			h *= fnvPrime
			u >>= 8
		}
		return mix(h)
	}
	r := rand.New(rand.NewPCG(3, 4))
	vals := []int{0, 1, -1, 255, 256, math.MaxInt, math.MinInt}
	for range 10000 {
		vals = append(vals, int(r.Uint64()), r.IntN(1000))
	}
	for _, tmpl := range []uint32{0, 1, 77, 255, 256, 70000} {
		for _, v := range vals {
			if got, want := Int(tmpl, v), loop(tmpl, v); got != want {
				t.Fatalf("Int(%d, %d) = %#x, want %#x", tmpl, v, got, want)
			}
		}
	}
}
