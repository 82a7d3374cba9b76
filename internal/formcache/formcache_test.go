package formcache

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// info is a value a stage might keep of a form: the form itself and a
// fact computed from it.
type info struct {
	form  string
	upper int
}

// describe returns a fill function for info that counts its calls in n.
func describe(n *atomic.Int64) func(v *info, form string) {
	return func(v *info, form string) {
		n.Add(1)
		v.form = form
		for _, r := range form {
			if 'A' <= r && r <= 'Z' {
				v.upper++
			}
		}
	}
}

func TestNew_Size(t *testing.T) {
	for _, tc := range []struct{ size, want int }{
		{0, Ways}, {1, Ways}, {Ways, Ways}, {5, 8}, {8, 8}, {1 << 15, 1 << 15}, {1<<15 + 1, 1 << 16},
	} {
		if got := New[info](tc.size).Len(); got != tc.want {
			t.Errorf("New(%d).Len() = %d, want %d", tc.size, got, tc.want)
		}
	}
}

func TestCache_Fill_Hit(t *testing.T) {
	c := New[info](64)
	var n atomic.Int64
	fill := describe(&n)
	if v := c.Get("Minister"); v != nil {
		t.Fatalf("Get(%q) on an empty cache = %+v, want nil", "Minister", v)
	}
	first := c.Fill("Minister", fill)
	if first == nil || first.form != "Minister" || first.upper != 1 {
		t.Fatalf("Fill(%q) = %+v, want a filled value", "Minister", first)
	}
	for range 3 {
		if v := c.Get("Minister"); v != first {
			t.Fatalf("Get(%q) = %p, want the cached %p", "Minister", v, first)
		}
		if v := c.Fill("Minister", fill); v != first {
			t.Fatalf("Fill(%q) again = %p, want the cached %p", "Minister", v, first)
		}
	}
	if n.Load() != 1 {
		t.Errorf("fill called %d times, want 1", n.Load())
	}
	if v := c.Fill("minister", fill); v == nil || v == first || v.upper != 0 {
		t.Errorf("Fill(%q) = %+v, want a value of its own", "minister", v)
	}
	if v := c.Fill("", fill); v == nil || v.form != "" || c.Get("") != v {
		t.Errorf("Fill(\"\") = %+v, want a filled value that Get finds", v)
	}
}

// TestCache_Fill_FormKept checks that the form fill is given is the
// cache's own copy: the caller's bytes may change afterwards.
func TestCache_Fill_FormKept(t *testing.T) {
	c := New[info](64)
	var n atomic.Int64
	b := []byte("Senator")
	v := c.Fill(string(b), describe(&n))
	copy(b, "Premier")
	if v.form != "Senator" {
		t.Errorf("cached form = %q after the caller's bytes changed, want %q", v.form, "Senator")
	}
	if w := c.Get("Senator"); w != v {
		t.Errorf("Get(%q) = %p, want the cached %p", "Senator", w, v)
	}
}

func TestCache_Fill_LongForm(t *testing.T) {
	c := New[info](64)
	var n atomic.Int64
	fill := describe(&n)
	if v := c.Fill(strings.Repeat("a", MaxLen), fill); v == nil {
		t.Errorf("Fill of a form of %d bytes = nil, want it cached", MaxLen)
	}
	long := "https://example.org/a-long-address"
	if v := c.Fill(long, fill); v != nil {
		t.Errorf("Fill(%q) (%d bytes) = %+v, want nil", long, len(long), v)
	}
	if v := c.Get(long); v != nil {
		t.Errorf("Get(%q) (%d bytes) = %+v, want nil", long, len(long), v)
	}
	if n.Load() != 1 {
		t.Errorf("fill called %d times, want 1 (never for the long form)", n.Load())
	}
}

// TestCache_Fill_Full fills a cache of Ways slots, one group, so that
// forms beyond the first Ways are not cached and the first keep theirs.
func TestCache_Fill_Full(t *testing.T) {
	c := New[info](Ways)
	var n atomic.Int64
	fill := describe(&n)
	var kept []*info
	for k := range 3 * Ways {
		form := fmt.Sprintf("form%d", k)
		v := c.Fill(form, fill)
		if k < Ways && (v == nil || v.form != form) {
			t.Fatalf("Fill(%q) = %+v, want it cached (slot %d of %d)", form, v, k+1, Ways)
		}
		if k >= Ways && (v != nil || c.Get(form) != nil) {
			t.Fatalf("Fill(%q) = %+v, want nil (all %d slots taken)", form, v, Ways)
		}
		if v != nil {
			kept = append(kept, v)
		}
	}
	for _, want := range kept {
		if v := c.Get(want.form); v != want {
			t.Errorf("Get(%q) = %p, want the first value %p", want.form, v, want)
		}
	}
	if n.Load() != Ways {
		t.Errorf("fill called %d times, want %d", n.Load(), Ways)
	}
}

// TestCache_Fill_Concurrent has goroutines meet the same forms at once
// (run it with -race): every one must see, for a form, the same value.
func TestCache_Fill_Concurrent(t *testing.T) {
	c := New[info](16)
	forms := make([]string, 40) // more than fit, so that some are not cached
	for k := range forms {
		forms[k] = fmt.Sprintf("Word%d", k)
	}
	const workers = 4
	got := make([][]*info, workers)
	var n atomic.Int64
	var wg sync.WaitGroup
	for g := range workers {
		wg.Go(func() {
			fill := describe(&n)
			got[g] = make([]*info, len(forms))
			for round := range 50 {
				for k := range forms {
					k = (k + g*7 + round) % len(forms)
					v := c.Get(forms[k])
					if v == nil {
						v = c.Fill(forms[k], fill)
					}
					if v != nil && (v.form != forms[k] || v.upper != 1) {
						t.Errorf("Fill(%q) = %+v", forms[k], v)
						return
					}
					if got[g][k] == nil {
						got[g][k] = v
					} else if v != got[g][k] {
						t.Errorf("Fill(%q) = %p, earlier %p: a cached value changed", forms[k], v, got[g][k])
						return
					}
				}
			}
		})
	}
	wg.Wait()
	cached := 0
	for k := range forms {
		for g := 1; g < workers; g++ {
			if got[g][k] != got[0][k] {
				t.Errorf("Fill(%q): goroutine %d saw %p, goroutine 0 %p", forms[k], g, got[g][k], got[0][k])
			}
		}
		if got[0][k] != nil {
			cached++
		}
	}
	if cached == 0 || cached > c.Len() {
		t.Errorf("%d forms cached in %d slots", cached, c.Len())
	}
}

// BenchmarkCache_Get looks up the forms of a short text, all cached (the
// hit path), and forms that do not fit (the miss path, Get then Fill).
func BenchmarkCache_Get(b *testing.B) {
	words := strings.Fields(`The council said on Tuesday that the new bridge would open in
		March, two months later than planned, and that its cost had risen by a fifth.
		"We are confident the work will be finished," the council's engineer told reporters.`)
	var n atomic.Int64
	fill := describe(&n)
	b.Run("hit", func(b *testing.B) {
		c := New[info](1 << 10)
		for _, w := range words {
			c.Fill(w, fill)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, w := range words {
				if c.Get(w) == nil {
					b.Fatalf("Get(%q) = nil", w)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/form")
	})
	b.Run("miss", func(b *testing.B) {
		c := New[info](Ways) // one group, which other forms fill
		for k := range Ways {
			c.Fill(fmt.Sprintf("other%d", k), fill)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, w := range words {
				if c.Get(w) != nil || c.Fill(w, fill) != nil {
					b.Fatalf("%q cached, want it not to be", w)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/form")
	})
}

// TestHash_EveryByte checks that hash reads every byte of a form of any
// length up to MaxLen, and its length: changing one byte, or adding a
// zero byte, changes the hash.
func TestHash_EveryByte(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwxyz012345")
	for n := 0; n <= MaxLen; n++ {
		form := string(base[:n])
		h := hash(42, form)
		if hash(42, form+"\x00") == h {
			t.Errorf("hash(%q) = hash of it with a zero byte added", form)
		}
		for i := range n {
			b := []byte(form)
			b[i] ^= 0x20
			if hash(42, string(b)) == h {
				t.Errorf("hash(%q) = hash(%q)", form, b)
			}
		}
	}
}
