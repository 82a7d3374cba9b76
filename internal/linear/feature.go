package linear

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix finalises a hash so that its low bits, which index the table, depend
// on every input bit (the splitmix64 finaliser).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	if h == 0 {
		h = 1
	}
	return h
}

// seed returns the hash state after a template number: precomputed for
// the small numbers templates have.
func seed(tmpl uint32) uint64 {
	if tmpl < uint32(len(seeds)) {
		return seeds[tmpl]
	}
	return hashTemplate(tmpl)
}

var seeds = func() (t [256]uint64) {
	for i := range t {
		t[i] = hashTemplate(uint32(i))
	}
	return t
}()

// hashTemplate hashes the four bytes of tmpl, little end first (FNV-1a).
func hashTemplate(tmpl uint32) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < 4; i++ {
		h ^= uint64(byte(tmpl >> (8 * i)))
		h *= fnvPrime
	}
	return h
}

// Str returns the feature of template tmpl with value s.
func Str(tmpl uint32, s string) uint64 {
	h := seed(tmpl)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

// Lower returns the feature of template tmpl with value s folded to lower
// case (ASCII letters only, which is what matters for English features).
func Lower(tmpl uint32, s string) uint64 {
	h := seed(tmpl)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(h)
}

// Int returns the feature of template tmpl with value v: FNV-1a of v's
// eight bytes, little end first, written out so that no loop branch is
// left to mispredict.
func Int(tmpl uint32, v int) uint64 {
	h := seed(tmpl)
	u := uint64(v)
	h = (h ^ u&0xff) * fnvPrime
	h = (h ^ u>>8&0xff) * fnvPrime
	h = (h ^ u>>16&0xff) * fnvPrime
	h = (h ^ u>>24&0xff) * fnvPrime
	h = (h ^ u>>32&0xff) * fnvPrime
	h = (h ^ u>>40&0xff) * fnvPrime
	h = (h ^ u>>48&0xff) * fnvPrime
	h = (h ^ u>>56) * fnvPrime
	return mix(h)
}

// Pair returns a feature for the conjunction of features a and b.
func Pair(a, b uint64) uint64 { return mix(a*31 ^ b) }

// Bytes returns the feature of template tmpl with value b; it equals
// Str(tmpl, string(b)).
func Bytes(tmpl uint32, b []byte) uint64 {
	h := seed(tmpl)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(h)
}
