package entity

import "github.com/verbatim-news/verbatim/internal/linear"

// pronHashers holds the hash state after each pronoun-ranker template
// number, pBias to pCross: linear keeps it only for template numbers below
// 256 and computes the others' afresh for every feature. pint, pstr and
// plower make the features linear.Int, Str and Lower make, at less cost.
var pronHashers = func() (t [pCross - pBias + 1]linear.Hasher) {
	for i := range t {
		t[i] = linear.NewHasher(pBias + uint32(i))
	}
	return t
}()

// pint returns linear.Int(tmpl, v) for a pronoun-ranker template.
func pint(tmpl uint32, v int) uint64 {
	h := pronHashers[tmpl-pBias]
	u := uint64(v)
	h.AddByte(byte(u))
	h.AddByte(byte(u >> 8))
	h.AddByte(byte(u >> 16))
	h.AddByte(byte(u >> 24))
	h.AddByte(byte(u >> 32))
	h.AddByte(byte(u >> 40))
	h.AddByte(byte(u >> 48))
	h.AddByte(byte(u >> 56))
	return h.Sum()
}

// pstr returns linear.Str(tmpl, s) for a pronoun-ranker template.
func pstr(tmpl uint32, s string) uint64 {
	h := pronHashers[tmpl-pBias]
	h.WriteString(s)
	return h.Sum()
}

// plower returns linear.Lower(tmpl, s) for a pronoun-ranker template.
func plower(tmpl uint32, s string) uint64 {
	h := pronHashers[tmpl-pBias]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h.AddByte(c)
	}
	return h.Sum()
}
