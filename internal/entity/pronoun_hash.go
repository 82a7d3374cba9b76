package entity

import (
	"math"
	"math/bits"

	"github.com/verbatim-news/verbatim/internal/linear"
)

// pronHashers holds the hash state after each pronoun-ranker template
// number, pBias to pRelHead: linear keeps it only for template numbers below
// 256 and computes the others' afresh for every feature. pint, pstr and
// plower make the features linear.Int, Str and Lower make, at less cost.
var pronHashers = func() (t [pRelHead - pBias + 1]linear.Hasher) {
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

// pronFeats receives the features of one choice of a pronoun's ranking:
// as a list, for training, or, with a memo, as the choice's score, each
// feature's weight added in list order as linear.Model.Score adds it.
type pronFeats struct {
	list  []uint64
	memo  *pronMemo   // nil: make the list
	table *crossTable // the memo's model's pCross weights, or nil
	score float32
}

// begin starts a choice, whose list, when f makes one, goes in buf.
func (f *pronFeats) begin(buf []uint64) { f.list, f.score = buf[:0], 0 }

// total returns the score model m gives the choice: the sum f made, or
// the score of its list.
func (f *pronFeats) total(m scorer) float32 {
	if f.memo != nil {
		return f.score
	}
	var s [1]float32
	m.Score(f.list, s[:])
	return s[0]
}

// hash receives the feature h.
func (f *pronFeats) hash(h uint64) {
	if f.memo == nil {
		f.list = append(f.list, h)
		return
	}
	f.score += f.memo.weightOf(h)
}

// int receives the feature pint(tmpl, v).
func (f *pronFeats) int(tmpl uint32, v int) {
	// The common case, in line: the memo has the feature in its first
	// slot.
	if mm := f.memo; mm != nil && uint64(v) < 1<<40 {
		key := uint64(tmpl)<<40 | uint64(v)
		if i := mm.first(key); mm.keys[i] == key {
			f.score += mm.ws[i]
			return
		}
	}
	f.intSlow(tmpl, v)
}

// intSlow is int for a feature the memo does not have in its first slot.
func (f *pronFeats) intSlow(tmpl uint32, v int) {
	if f.memo == nil || uint64(v) >= 1<<40 {
		f.hash(pint(tmpl, v))
		return
	}
	key := uint64(tmpl)<<40 | uint64(v)
	i := f.memo.slot(key)
	if f.memo.keys[i] != key {
		i = f.memo.put(i, key, pint(tmpl, v))
	}
	f.score += f.memo.ws[i]
}

// crosses receives the pCross conjunctions of every two of atoms, in
// order: the pair of pint(pCross, i<<16|atoms[i]) and pint(pCross,
// j<<16|atoms[j]) for i < j.
func (f *pronFeats) crosses(atoms *[numAtoms]int) {
	if t := f.table; t != nil {
		var c [numAtoms]int
		ok := true
		for i, a := range atoms {
			if uint(a) >= uint(len(t.code[i])) || t.code[i][a] < 0 {
				ok = false
				break
			}
			c[i] = int(t.code[i][a])
		}
		if ok {
			s, w := f.score, t.w
			for i := range numAtoms {
				ci, off := c[i], &t.off[i]
				for j := i + 1; j < numAtoms; j++ {
					s += w[int(off[j])+ci*t.n[j]+c[j]]
				}
			}
			f.score = s
			return
		}
	}
	for i := range numAtoms {
		for j := i + 1; j < numAtoms; j++ {
			f.cross(i<<16|atoms[i], j<<16|atoms[j])
		}
	}
}

// cross receives the feature that pairs pint(pCross, a) and pint(pCross,
// b), for a and b below 1<<24.
func (f *pronFeats) cross(a, b int) {
	if f.memo == nil || uint64(a)|uint64(b) >= 1<<24 {
		f.hash(linear.Pair(pint(pCross, a), pint(pCross, b)))
		return
	}
	key := 1<<62 | uint64(a)<<24 | uint64(b)
	i := f.memo.slot(key)
	if f.memo.keys[i] != key {
		i = f.memo.put(i, key, linear.Pair(pint(pCross, a), pint(pCross, b)))
	}
	f.score += f.memo.ws[i]
}

// pronMemo maps exact keys of pronoun-ranker features (template and
// value, or a pCross pair's two values) to their weights in one model, so
// that a feature met before costs a probe: no hashing, no lookup in the
// model. A weight is added as the model adds it: starting from -0, the
// identity of float addition, adding the row gives the weight itself, and
// -0 for a feature the model lacks, which then changes no score.
type pronMemo struct {
	m     *linear.Model
	keys  []uint64 // power-of-two length; 0 marks an empty slot
	ws    []float32
	n     int
	shift uint
}

// use makes the memo hold weights of m, emptying it when it held
// another model's.
func (mm *pronMemo) use(m *linear.Model) {
	if mm.m == m && mm.keys != nil {
		return
	}
	mm.m, mm.n = m, 0
	mm.alloc(1 << 12)
}

func (mm *pronMemo) alloc(size int) {
	mm.keys = make([]uint64, size)
	mm.ws = make([]float32, size)
	mm.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

// weightOf returns the weight of feature h, or -0 when m lacks it.
func (mm *pronMemo) weightOf(h uint64) float32 { return weightOf(mm.m, h) }

// weightOf returns the weight of feature h in the one-class model m as m
// adds it: adding it to -0, the identity of float addition, gives the
// weight itself, and -0 for a feature m lacks, which then changes no
// score.
func weightOf(m *linear.Model, h uint64) float32 {
	s := [1]float32{float32(math.Copysign(0, -1))}
	m.Add(h, s[:])
	return s[0]
}

// numAtoms is the number of small facts about a pronoun and a candidate
// that clauseFeatures conjoins two by two.
const numAtoms = 20

// crossDomains lists the values each atom takes: the pronoun's role, the
// clause relation, whether the candidate is a subject, the candidate's
// role, its rank, the sentence distance, the pronoun chain, the name
// count, the token distance, the subjects, binding, the mention kind,
// nearness, whether the candidate follows, whether it is the subject of
// the clause before (prevClauseSubject), which of the two are in
// quotation marks (quoteBits), how many of its recent mentions are
// subjects, its gender (genderAtom), whether it or another is the
// subject after a fronted phrase holding the pronoun (frontedSubject),
// and whether it is named in apposition to the pronoun's noun phrase
// (namedInApposition).
var crossDomains = [numAtoms][]int{
	{'s', 'g', 'r', 'p', 'o'},
	{'F', 'P', 'S', 'A', 'O', 'I', 'N'},
	{0, 1},
	{'g', 's', 'p', 'o', 'x', 'r'},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1, 2, 3, 4},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1},
	{1, 2, 3, 4},
	{0, 1},
	{0, 1},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1, 2, 3},
	{0, 1, 2},
	{0, 1, 2},
}

// crossTable holds a model's weights of every pCross conjunction of two
// atoms whose values are in crossDomains; other values go through the
// memo.
type crossTable struct {
	code [numAtoms][128]int8 // value -> its index in the atom's domain, or -1
	n    [numAtoms]int       // domain sizes
	off  [numAtoms][numAtoms]int32
	w    []float32 // by off[i][j] + code i * n[j] + code j
}

func newCrossTable(m *linear.Model) *crossTable {
	t := &crossTable{}
	for i, dom := range crossDomains {
		for v := range t.code[i] {
			t.code[i][v] = -1
		}
		for k, v := range dom {
			t.code[i][v] = int8(k)
		}
		t.n[i] = len(dom)
	}
	for i := range numAtoms {
		for j := i + 1; j < numAtoms; j++ {
			t.off[i][j] = int32(len(t.w))
			for _, a := range crossDomains[i] {
				for _, b := range crossDomains[j] {
					t.w = append(t.w, weightOf(m, linear.Pair(pint(pCross, i<<16|a), pint(pCross, j<<16|b))))
				}
			}
		}
	}
	return t
}

// first returns the first slot key may take.
func (mm *pronMemo) first(key uint64) int { return int((key * 0x9e3779b97f4a7c15) >> mm.shift) }

// slot returns the slot of key, or the empty slot where it would go.
func (mm *pronMemo) slot(key uint64) int {
	mask := len(mm.keys) - 1
	i := mm.first(key)
	for mm.keys[i] != key && mm.keys[i] != 0 {
		i = (i + 1) & mask
	}
	return i
}

// put stores the weight of feature h under key in empty slot i, and
// returns key's slot.
func (mm *pronMemo) put(i int, key, h uint64) int {
	if 2*(mm.n+1) > len(mm.keys) {
		keys, ws := mm.keys, mm.ws
		mm.alloc(2 * len(keys))
		for j, k := range keys {
			if k != 0 {
				s := mm.slot(k)
				mm.keys[s], mm.ws[s] = k, ws[j]
			}
		}
		i = mm.slot(key)
	}
	mm.keys[i], mm.ws[i] = key, mm.weightOf(h)
	mm.n++
	return i
}
