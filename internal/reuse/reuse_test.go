package reuse

import "testing"

func TestZeroed_ReusesAndClears(t *testing.T) {
	s := []int{1, 2, 3, 4}
	z := Zeroed(s, 3)
	if len(z) != 3 || &z[0] != &s[0] || z[0] != 0 || z[2] != 0 {
		t.Errorf("Zeroed(%v, 3) = %v, want three zeros in the same storage", s, z)
	}
	if g := Zeroed(s, 10); len(g) != 10 || g[9] != 0 {
		t.Errorf("Zeroed beyond capacity = %v", g)
	}
}

func TestSized_ReusesAndKeeps(t *testing.T) {
	s := []int{1, 2, 3, 4}
	k := Sized(s, 2)
	if len(k) != 2 || &k[0] != &s[0] || k[0] != 1 || k[1] != 2 {
		t.Errorf("Sized(%v, 2) = %v, want the first two, kept", s, k)
	}
	if g := Sized(s[:0], 6); len(g) != 6 {
		t.Errorf("Sized beyond capacity has length %d", len(g))
	}
}
