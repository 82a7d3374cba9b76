package quantity

// WordFilter answers quickly, for most words, that they are not in a
// set: MayHave is true for every word added and false for most others,
// from one bit per word's length, first byte and last byte. A caller
// looks a word up in the set itself only when MayHave is true, which
// saves a map lookup for the many words of a text that are in no
// vocabulary. The zero WordFilter holds no word.
type WordFilter struct {
	bits [filterBits / 64]uint64
}

const filterBits = 1 << 12

// Add adds w to the filter.
func (f *WordFilter) Add(w string) {
	h := filterHash(w)
	f.bits[h/64] |= 1 << (h % 64)
}

// MayHave reports whether w may have been added: false means it was not.
func (f *WordFilter) MayHave(w string) bool {
	h := filterHash(w)
	return f.bits[h/64]&(1<<(h%64)) != 0
}

func filterHash(w string) uint32 {
	if w == "" {
		return 0
	}
	h := uint32(len(w))*0x9e3779b1 ^ uint32(w[0])*0x85ebca6b ^ uint32(w[len(w)-1])*0xc2b2ae35
	return h >> (32 - 12)
}
