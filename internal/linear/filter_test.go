package linear

import (
	"math/rand/v2"
	"testing"
)

// TestFilter_Passes checks that a model's filter lets through every
// feature with weights and, with three bits a feature, few without: at
// the densest a model's filter gets (8 bits a feature), about one in
// twenty, where one bit a feature let through one in eight.
func TestFilter_Passes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, nc := range []int{2, 9} {
		const n = 1 << 14 // a power of two, so 8 filter bits a feature
		b := newBuilder(n, nc)
		keys := make(map[uint64]bool, n)
		for len(keys) < n {
			k := mix(r.Uint64())
			if keys[k] {
				continue
			}
			keys[k] = true
			b.add(k, []entry{{w: 1, c: 0}, {w: 2, c: 1}})
		}
		m := &Model{Classes: make([]string, nc)}
		b.finish(m)
		for k := range keys {
			if m.find(k) < 0 {
				t.Fatalf("%d classes: feature %x with weights not found", nc, k)
			}
		}
		passed, tries := 0, 1<<16
		for range tries {
			k := mix(r.Uint64())
			if keys[k] {
				continue
			}
			if b := filterMask(k); m.filter[filterWord(k, uint64(len(m.filter)-1))]&b == b {
				passed++
			}
		}
		if rate := float64(passed) / float64(tries); rate > 0.07 {
			t.Errorf("%d classes: %.3f of the features without weights pass the filter, want at most 0.07", nc, rate)
		} else {
			t.Logf("%d classes: %.3f pass", nc, rate)
		}
	}
}
