// Package formcache keeps what a stage computes of a word form alone, for
// the forms met first, so that a frequent form is described once per
// stage and not once per token.
//
// A Cache is a fixed table of slots shared by every goroutine, without a
// lock: a form hashes to a group of Ways slots and takes the first free
// one; a slot, once filled, keeps its form and value for good, so a
// reader needs one atomic load per slot it looks at. A form finds its
// value again in the slot it took, or is not cached at all (all its slots
// taken by other forms, or longer than MaxLen bytes). The forms met first
// win: news text draws most of its tokens from a few thousand forms, and
// those come early.
//
// A lookup is Get, the fast path for the forms met before, then, when it
// finds nothing, Fill, which computes and caches the value of a new form:
//
//	v := c.Get(form)
//	if v == nil {
//		v = c.Fill(form, describe)
//	}
//	if v == nil {
//		// not cached: compute the value in scratch space
//	}
//
// A cache never changes a result, only saves work: its values must be
// what the caller would compute for the form anyway, so that it does not
// matter which goroutine fills a slot, nor whether a form is cached.
package formcache

import (
	"math/bits"
	"math/rand/v2"
	"sync/atomic"
	"unsafe"
)

// Ways is the number of slots a form may take: a form that finds them all
// taken by other forms is not cached.
const Ways = 4

// MaxLen is the length in bytes of the longest form cached; longer ones
// (URLs, long names) are rare and would crowd out the frequent.
const MaxLen = 32

// Cache holds a value of type T for each of the word forms met first, up
// to its size. It is safe for concurrent use.
type Cache[T any] struct {
	seed  uint64 // random, so that no text can choose which forms collide
	mask  uint64 // len(slots)-1
	slots []atomic.Pointer[entry[T]]
}

// entry is a filled slot: a form and its value, never changed once the
// slot holds it.
type entry[T any] struct {
	form string // the form, in buf
	buf  [MaxLen]byte
	v    T
}

// New returns an empty cache of size slots, rounded up to a power of two
// of at least Ways.
func New[T any](size int) *Cache[T] {
	size = max(size, Ways)
	size = 1 << bits.Len(uint(size-1))
	return &Cache[T]{seed: rand.Uint64(), mask: uint64(size - 1), slots: make([]atomic.Pointer[entry[T]], size)}
}

// Len returns the number of slots of c, the most forms it can hold.
func (c *Cache[T]) Len() int { return len(c.slots) }

// Get returns the value cached for form, or nil when form is not cached
// (yet: Fill caches it). It is the fast path of a lookup, for the forms
// met before.
func (c *Cache[T]) Get(form string) *T {
	if len(form) > MaxLen {
		return nil
	}
	i := hash(c.seed, form) & c.mask
	for k := range uint64(Ways) {
		// A form takes the first free slot of its group, in this order,
		// so it is in none after a free one.
		e := c.slots[i^k].Load()
		if e == nil {
			return nil
		}
		if e.form == form {
			return &e.v
		}
	}
	return nil
}

// Fill returns the value cached for form, caching it first when a slot of
// its group is free, or nil when form cannot be cached (its slots are
// taken by other forms, or it is longer than MaxLen). To cache the form,
// fill sets its value, which is zero, before any reader sees it; the form
// fill is given is a copy that the cache keeps, so the value may hold on
// to it. Goroutines that meet a new form at once may each call fill, and
// all get the value of the first to fill the slot.
func (c *Cache[T]) Fill(form string, fill func(v *T, form string)) *T {
	if len(form) > MaxLen {
		return nil
	}
	i := hash(c.seed, form) & c.mask
	for k := range uint64(Ways) {
		slot := &c.slots[i^k]
		e := slot.Load()
		if e == nil {
			e = add(slot, form, fill)
		}
		if e.form == form {
			return &e.v
		}
	}
	return nil
}

// add fills an entry for form with fill and puts it in slot unless
// another goroutine filled the slot first, and returns what the slot
// holds.
func add[T any](slot *atomic.Pointer[entry[T]], form string, fill func(v *T, form string)) *entry[T] {
	e := new(entry[T])
	// buf never changes once it holds the form, so a string of its bytes
	// is safe, and lives as long as whatever keeps it.
	e.form = unsafe.String(&e.buf[0], copy(e.buf[:], form))
	fill(&e.v, e.form)
	if slot.CompareAndSwap(nil, e) {
		return e
	}
	return slot.Load() // another goroutine filled it first
}

// hash returns the hash of form (at most MaxLen bytes) with seed: its
// bytes read as little-endian words, eight at a time and the rest as one
// word of overlapping reads, each word mixed in by a multiplication, the
// whole finished as splitmix64 finishes. It costs a word form a handful
// of instructions where maphash costs calls.
func hash(seed uint64, form string) uint64 {
	const k = 0x9e3779b97f4a7c15
	n := len(form)
	h := seed ^ uint64(n)*k
	var w uint64
	switch {
	case n >= 8:
		for s := form; len(s) > 8; s = s[8:] {
			h = (h ^ le64(s)) * k
			h ^= h >> 32
		}
		w = le64(form[n-8:])
	case n >= 4:
		w = uint64(le32(form)) | uint64(le32(form[n-4:]))<<32
	case n > 0:
		w = uint64(form[0])<<16 | uint64(form[n/2])<<8 | uint64(form[n-1])
	}
	h = (h ^ w) * k
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// le64 returns the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 returns the first four bytes of s as a little-endian word.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
