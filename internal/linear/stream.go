package linear

// Hasher builds the feature of a template and a value written in pieces,
// without allocating: the result equals Str(tmpl, the concatenation).
type Hasher struct{ h uint64 }

// NewHasher starts a feature of template tmpl.
func NewHasher(tmpl uint32) Hasher { return Hasher{seed(tmpl)} }

// WriteString adds s to the value.
func (h *Hasher) WriteString(s string) {
	x := h.h
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	h.h = x
}

// AddByte adds c to the value.
func (h *Hasher) AddByte(c byte) {
	h.h = (h.h ^ uint64(c)) * fnvPrime
}

// Sum returns the feature.
func (h *Hasher) Sum() uint64 { return mix(h.h) }
