// Package linear holds the multiclass linear models Verbatim's taggers and
// rankers are made of: hashed features, an averaged perceptron to train
// them, a compact read-only Model to run them, and a versioned binary file
// format to embed them.
//
// Features are 64-bit hashes of a template number and a value, built
// without allocating (see Str, Lower, Int and Pair). A Model maps each
// known feature to a row of per-class weights; unknown features score
// nothing.
package linear

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Model is a trained, read-only linear model. It is safe for concurrent
// use.
//
// Its weights sit in one open-addressing table of 16-byte slots, so a
// lookup touches one cache line for the key and at most one more for the
// weights. A row with a single weight keeps it in its slot; a row with
// weights for at least half the classes is stored densely (every class,
// zeros included, so adding it is a branch-free loop); other rows are
// lists of (class, weight) entries. Adding a zero weight leaves a score
// unchanged, so the three layouts give the same scores.
//
// A model of at most three classes (a ranker's score, a yes/no
// classifier, a small tagger) keeps every row in its slot instead: the
// key and a weight for each class, -0 for the classes the row has none
// for (x + -0 is x, bit for bit), so that a lookup touches one cache
// line for the key and the weights together.
type Model struct {
	Classes []string // class names; a class is an index into this slice

	nc    int       // len(Classes) when the model was built
	slots []slot    // power-of-two length; key 0 marks an empty slot
	dense []float32 // dense rows, nc weights each
	ents  []entry   // sparse rows
	// packed is the table of a model of at most maxPacked classes, in
	// place of slots: slot s is the words [s*stride, (s+1)*stride), the
	// key (0 for an empty slot) and then the weights' bits, two a word,
	// class 0 in the low half.
	packed []uint64
	stride int // words per packed slot; 0 when slots is the table
	// filter has, for each feature with weights, its filterMask's bits
	// set in its word filterWord, so that most lookups of a feature
	// without weights (rare word pairs, most of a tagger's conjunctions)
	// are answered from a small bit set, without reading the table. Its
	// length is a power of two.
	filter []uint64
}

// filterBits is the least number of filter bits per feature. With three
// bits set in one word for each feature, about one lookup in twenty-five
// of a feature without weights gets past the filter at that (one in eight
// with one bit a feature).
const filterBits = 8

// filterWord returns the index of the filter word of feature f in a
// filter of mask+1 words: bits of f the table's index does not use while
// it is small.
func filterWord(f, mask uint64) uint64 { return (f >> 38) & mask }

// filterMask returns the three bits (or fewer, where they coincide) of
// feature f in its filter word, from bits of f filterWord does not use.
func filterMask(f uint64) uint64 {
	return 1<<((f>>32)&63) | 1<<((f>>26)&63) | 1<<((f>>20)&63)
}

// slot is one cell of a Model's table.
type slot struct {
	key  uint64 // the feature; 0 for an empty slot
	off  uint32 // first weight in dense or ents; the weight's bits for rowInline
	n    uint16 // weights in a rowSparse row
	cls  uint8  // the class of a rowInline row
	kind uint8  // rowSparse, rowDense or rowInline
}

// Row layouts.
const (
	rowSparse = iota
	rowDense
	rowInline
	rowPacked // off is the slot's index in packed
)

// maxPacked is the most classes a model with a packed table has.
const maxPacked = 3

// noWeight is the bits of -0, the weight a packed slot holds for a class
// its row has none for.
const noWeight = 1 << 31

// packedStride returns the words a packed slot of a model of nc classes
// takes: a power of two, so that no slot straddles two cache lines.
func packedStride(nc int) int {
	if nc <= 2 {
		return 2
	}
	return 4
}

// entry is one weight of a sparse row.
type entry struct {
	w float32
	c uint32
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int {
	n := 0
	for s := range m.numSlots() {
		if m.key(s) != 0 {
			n++
		}
	}
	return n
}

// numSlots returns the number of slots of m's table.
func (m *Model) numSlots() int {
	if m.stride != 0 {
		return len(m.packed) / m.stride
	}
	return len(m.slots)
}

// key returns the key of slot s, 0 for an empty slot.
func (m *Model) key(s int) uint64 {
	if m.stride != 0 {
		return m.packed[s*m.stride]
	}
	return m.slots[s].key
}

// Add adds the weights of feature f to scores, which has one element per
// class.
func (m *Model) Add(f uint64, scores []float32) {
	if s := m.find(f); s >= 0 {
		m.addSlot(s, scores)
	}
}

// addSlot adds the weights of the row in slot s to scores.
func (m *Model) addSlot(s int, scores []float32) {
	if m.stride != 0 {
		m.addPacked(s, scores)
		return
	}
	m.addRow(&m.slots[s], scores)
}

// addPacked adds the weights of packed slot s to scores, -0 (nothing) for
// the classes its row has no weight for.
func (m *Model) addPacked(s int, scores []float32) {
	w := m.packed[s*m.stride+1 : s*m.stride+m.stride]
	switch m.nc {
	case 1:
		scores[0] += math.Float32frombits(uint32(w[0]))
	case 2:
		scores[1] += math.Float32frombits(uint32(w[0] >> 32))
		scores[0] += math.Float32frombits(uint32(w[0]))
	default:
		scores[2] += math.Float32frombits(uint32(w[1]))
		scores[1] += math.Float32frombits(uint32(w[0] >> 32))
		scores[0] += math.Float32frombits(uint32(w[0]))
	}
}

// Row is the weights of one feature, looked up once so that a caller who
// adds the same feature often can skip the lookup. The zero Row has no
// weights. A Row belongs to the model that returned it.
type Row struct {
	off  uint32
	n    uint16
	cls  uint8
	kind uint8 // a row layout + 1; 0 for no weights
}

// Row returns the weights of feature f.
func (m *Model) Row(f uint64) Row {
	s := m.find(f)
	if s < 0 {
		return Row{}
	}
	if m.stride != 0 {
		return Row{off: uint32(s), kind: rowPacked + 1}
	}
	sl := &m.slots[s]
	return Row{off: sl.off, n: sl.n, cls: sl.cls, kind: sl.kind + 1}
}

// AddRow adds the weights of r to scores: what Add does for r's feature.
func (m *Model) AddRow(r Row, scores []float32) {
	if r.kind == 0 {
		return
	}
	if r.kind == rowPacked+1 {
		m.addPacked(int(r.off), scores)
		return
	}
	m.addRow(&slot{off: r.off, n: r.n, cls: r.cls, kind: r.kind - 1}, scores)
}

// find returns the slot of feature f, or -1.
func (m *Model) find(f uint64) int {
	if f == 0 {
		f = 1
	}
	if len(m.filter) == 0 {
		return -1
	}
	if b := filterMask(f); m.filter[filterWord(f, uint64(len(m.filter)-1))]&b != b {
		return -1
	}
	if m.stride != 0 {
		return m.findPacked(f)
	}
	mask := uint64(len(m.slots) - 1)
	for s := f & mask; ; s = (s + 1) & mask {
		k := m.slots[s].key
		if k == f {
			return int(s)
		}
		if k == 0 {
			return -1
		}
	}
}

// findPacked returns the packed slot of feature f (not 0), or -1.
func (m *Model) findPacked(f uint64) int {
	st := uint64(m.stride)
	mask := uint64(len(m.packed))/st - 1
	for s := f & mask; ; s = (s + 1) & mask {
		k := m.packed[s*st]
		if k == f {
			return int(s)
		}
		if k == 0 {
			return -1
		}
	}
}

// addRow adds the weights of the row in slot sl to scores.
func (m *Model) addRow(sl *slot, scores []float32) {
	switch sl.kind {
	case rowInline:
		scores[sl.cls] += math.Float32frombits(sl.off)
	case rowDense:
		row := m.dense[sl.off : int(sl.off)+m.nc]
		if len(row) >= 8 {
			addDense(scores[:len(row)], row)
			return
		}
		sc := scores[:len(row)]
		for c, w := range row {
			sc[c] += w
		}
	default:
		for _, e := range m.ents[sl.off : sl.off+uint32(sl.n)] {
			scores[e.c] += e.w
		}
	}
}

// addDense adds row to sc, which has the same length, eight at a time.
func addDense(sc, row []float32) {
	for len(row) >= 8 && len(sc) >= 8 {
		sc[0] += row[0]
		sc[1] += row[1]
		sc[2] += row[2]
		sc[3] += row[3]
		sc[4] += row[4]
		sc[5] += row[5]
		sc[6] += row[6]
		sc[7] += row[7]
		sc, row = sc[8:], row[8:]
	}
	sc = sc[:len(row)]
	for c, w := range row {
		sc[c] += w
	}
}

// AddAll adds the weights of every feature in feats to scores, in order.
// Starting from scores that already hold the sum over a prefix of a
// feature list, it gives exactly what Score gives for the whole list.
func (m *Model) AddAll(feats []uint64, scores []float32) {
	// Find the rows of a batch of features first, then add them: the
	// lookups do not depend on one another, so the processor overlaps
	// their cache misses instead of waiting for each in turn.
	var hits [32]int32
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(hits))]
		feats = feats[len(batch):]
		n := 0
		for _, f := range batch {
			if s := m.find(f); s >= 0 {
				hits[n] = int32(s)
				n++
			}
		}
		if m.stride != 0 {
			for _, s := range hits[:n] {
				m.addPacked(int(s), scores)
			}
			continue
		}
		for _, s := range hits[:n] {
			m.addRow(&m.slots[s], scores)
		}
	}
}

// Score sets scores to the sum of the weights of feats.
func (m *Model) Score(feats []uint64, scores []float32) {
	clear(scores)
	m.AddAll(feats, scores)
}

// row calls fn with each weight of the row in slot s, in class order for
// dense rows and file order for sparse ones. Dense rows skip zeros, which
// they hold only for classes the row had no weight for; packed rows skip
// -0, which they hold for the same (a trained model has no zero weights).
func (m *Model) row(s int, fn func(c uint8, w float32)) {
	if m.stride != 0 {
		w := m.packed[s*m.stride+1:]
		for c := range m.nc {
			if b := uint32(w[c/2] >> (32 * (c % 2))); b != noWeight {
				fn(uint8(c), math.Float32frombits(b))
			}
		}
		return
	}
	sl := &m.slots[s]
	switch sl.kind {
	case rowInline:
		fn(sl.cls, math.Float32frombits(sl.off))
	case rowDense:
		for c, w := range m.dense[sl.off : int(sl.off)+m.nc] {
			if math.Float32bits(w) != 0 {
				fn(uint8(c), w)
			}
		}
	default:
		for _, e := range m.ents[sl.off : sl.off+uint32(sl.n)] {
			fn(uint8(e.c), e.w)
		}
	}
}

// Class returns the index of the class named name, or -1.
func (m *Model) Class(name string) int {
	for i, c := range m.Classes {
		if c == name {
			return i
		}
	}
	return -1
}

// Argmax returns the index of the largest score (the first on ties).
func Argmax(scores []float32) int {
	if len(scores) == 0 {
		return 0
	}
	best, max := 0, scores[0]
	for i, s := range scores {
		if s > max {
			best, max = i, s
		}
	}
	return best
}

const magic = "VBLM1\n"

// ErrFormat is returned for a model file that is not in this format.
var ErrFormat = errors.New("linear: not a model file")

// WriteTo writes m in the package's binary format (gzip-compressed).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	put := func(v uint64) {
		var b [binary.MaxVarintLen64]byte
		bw.Write(b[:binary.PutUvarint(b[:], v)])
	}
	put(uint64(len(m.Classes)))
	for _, c := range m.Classes {
		put(uint64(len(c)))
		bw.WriteString(c)
	}
	// Rows in key order, so the file is deterministic.
	var order []int
	for s := range m.numSlots() {
		if m.key(s) != 0 {
			order = append(order, s)
		}
	}
	sort.Slice(order, func(i, j int) bool { return m.key(order[i]) < m.key(order[j]) })
	put(uint64(len(order)))
	var b8 [8]byte
	var row []entry
	for _, s := range order {
		row = row[:0]
		m.row(s, func(c uint8, w float32) { row = append(row, entry{w, uint32(c)}) })
		binary.LittleEndian.PutUint64(b8[:], m.key(s))
		bw.Write(b8[:])
		bw.WriteByte(byte(len(row)))
		for _, e := range row {
			bw.WriteByte(byte(e.c))
			binary.LittleEndian.PutUint32(b8[:4], math.Float32bits(e.w))
			bw.Write(b8[:4])
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	get := func() uint64 {
		v, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	nc := get()
	if err != nil || nc == 0 || nc > 256 {
		return nil, fmt.Errorf("%w: bad class count", ErrFormat)
	}
	m := &Model{Classes: make([]string, nc)}
	for i := range m.Classes {
		n := get()
		if err != nil || n > 1<<10 {
			return nil, fmt.Errorf("%w: bad class name", ErrFormat)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		m.Classes[i] = string(b)
	}
	nrows := get()
	if err != nil || nrows > 1<<28 {
		return nil, fmt.Errorf("%w: bad feature count", ErrFormat)
	}
	// Read the rows before sizing the table, so that a corrupt row count
	// costs no more memory than the file has rows.
	var keys []uint64
	var ends []int // ends[i]: end of row i in ents
	var ents []entry
	var b8 [8]byte
	seen := make([]bool, len(m.Classes))
	for i := uint64(0); i < nrows; i++ {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		key := binary.LittleEndian.Uint64(b8[:])
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		clear(seen)
		for j := 0; j < int(n); j++ {
			c, err := br.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("%w: %v", ErrFormat, err)
			}
			if int(c) >= len(m.Classes) {
				return nil, fmt.Errorf("%w: class %d out of range", ErrFormat, c)
			}
			if seen[c] {
				return nil, fmt.Errorf("%w: class %d twice in one row", ErrFormat, c)
			}
			seen[c] = true
			if _, err := io.ReadFull(br, b8[:4]); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrFormat, err)
			}
			ents = append(ents, entry{math.Float32frombits(binary.LittleEndian.Uint32(b8[:4])), uint32(c)})
		}
		keys = append(keys, key)
		ends = append(ends, len(ents))
	}
	b := newBuilder(len(keys), len(m.Classes))
	start := 0
	for i, k := range keys {
		b.add(k, ents[start:ends[i]])
		start = ends[i]
	}
	b.finish(m)
	return m, nil
}

// builder assembles a Model's table row by row.
type builder struct {
	nc     int
	slots  []slot
	dense  []float32
	ents   []entry
	packed []uint64 // for at most maxPacked classes, in place of slots
	stride int
	nrows  int
}

// newBuilder returns a builder for a model of nrows rows and nc classes,
// whose table is at most two thirds full: the smaller the table, the
// more of it the caches hold (a model's lookups are spread all over it),
// and linear probing stays short at that load.
func newBuilder(nrows, nc int) *builder {
	size := 2
	for 2*size < 3*nrows {
		size <<= 1
	}
	b := &builder{nc: nc, nrows: nrows}
	if nc <= maxPacked {
		b.stride = packedStride(nc)
		b.packed = make([]uint64, size*b.stride)
		return b
	}
	b.slots = make([]slot, size)
	return b
}

// add adds the row of feature key, whose entries name distinct classes.
func (b *builder) add(key uint64, row []entry) {
	if key == 0 {
		key = 1
	}
	if b.stride != 0 {
		b.addPacked(key, row)
		return
	}
	mask := uint64(len(b.slots) - 1)
	s := key & mask
	for b.slots[s].key != 0 {
		s = (s + 1) & mask
	}
	sl := slot{key: key}
	switch {
	case len(row) == 1:
		sl.kind, sl.cls, sl.off = rowInline, uint8(row[0].c), math.Float32bits(row[0].w)
	case 2*len(row) >= b.nc:
		sl.kind, sl.off = rowDense, uint32(len(b.dense))
		b.dense = append(b.dense, make([]float32, b.nc)...)
		d := b.dense[sl.off:]
		for _, e := range row {
			d[e.c] = e.w
		}
	default:
		sl.kind, sl.off, sl.n = rowSparse, uint32(len(b.ents)), uint16(len(row))
		b.ents = append(b.ents, row...)
	}
	b.slots[s] = sl
}

// addPacked is add for a packed table.
func (b *builder) addPacked(key uint64, row []entry) {
	st := uint64(b.stride)
	mask := uint64(len(b.packed))/st - 1
	s := key & mask
	for b.packed[s*st] != 0 {
		s = (s + 1) & mask
	}
	sl := b.packed[s*st : (s+1)*st]
	sl[0] = key
	for i := range sl[1:] {
		sl[1+i] = noWeight<<32 | noWeight
	}
	for _, e := range row {
		w, sh := &sl[1+e.c/2], 32*(e.c%2)
		*w = *w&^(0xffffffff<<sh) | uint64(math.Float32bits(e.w))<<sh
	}
}

func (b *builder) finish(m *Model) {
	m.nc, m.slots, m.packed, m.stride = b.nc, b.slots, b.packed, b.stride
	m.dense = append([]float32(nil), b.dense...)
	m.ents = append([]entry(nil), b.ents...)
	// At least filterBits bits a row, rounded up to a power of two rows.
	rows := 1
	for rows < b.nrows {
		rows <<= 1
	}
	words := 1
	for words*64 < filterBits*rows {
		words <<= 1
	}
	m.filter = make([]uint64, words)
	mask := uint64(words) - 1
	for s := range m.numSlots() {
		if k := m.key(s); k != 0 {
			m.filter[filterWord(k, mask)] |= filterMask(k)
		}
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
