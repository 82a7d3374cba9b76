package linear

import "testing"

func TestHasher_EqualsStr(t *testing.T) {
	for _, parts := range [][]string{{}, {"said"}, {"told", " ", "reporters"}, {"NN", " ", "VBD", " ", ","}} {
		h := NewHasher(42)
		all := ""
		for _, p := range parts {
			if p == " " {
				h.AddByte(' ')
			} else {
				h.WriteString(p)
			}
			all += p
		}
		if got, want := h.Sum(), Str(42, all); got != want {
			t.Errorf("Hasher(%q) = %x, want Str = %x", parts, got, want)
		}
	}
}
