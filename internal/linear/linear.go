// Package linear holds the multiclass linear models Verbatim's taggers and
// rankers are made of: hashed features, an averaged perceptron to train
// them, a compact read-only Model to run them, and a versioned binary file
// format to embed them.
//
// Features are 64-bit hashes of a template number and a value, built
// without allocating (see Hasher). A Model maps each known feature to a
// sparse row of per-class weights; unknown features score nothing.
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
type Model struct {
	Classes []string // class names; a class is an index into this slice

	mask  uint64   // len(keys)-1; keys has a power-of-two length
	keys  []uint64 // open-addressing table; 0 marks an empty slot
	start []uint32 // start[slot]: first entry of the feature's row
	count []uint8  // count[slot]: entries in the row
	cls   []uint8  // entry class
	w     []float32
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int {
	n := 0
	for _, k := range m.keys {
		if k != 0 {
			n++
		}
	}
	return n
}

// Add adds the weights of feature f to scores, which has one element per
// class.
func (m *Model) Add(f uint64, scores []float32) {
	if f == 0 {
		f = 1
	}
	if len(m.keys) == 0 {
		return
	}
	for s := f & m.mask; ; s = (s + 1) & m.mask {
		k := m.keys[s]
		if k == f {
			st := m.start[s]
			for e := st; e < st+uint32(m.count[s]); e++ {
				scores[m.cls[e]] += m.w[e]
			}
			return
		}
		if k == 0 {
			return
		}
	}
}

// Score sets scores to the sum of the weights of feats.
func (m *Model) Score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		m.Add(f, scores)
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
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
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
	type row struct {
		key   uint64
		start uint32
		n     uint8
	}
	var rows []row
	for s, k := range m.keys {
		if k != 0 {
			rows = append(rows, row{k, m.start[s], m.count[s]})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	put(uint64(len(rows)))
	var b8 [8]byte
	for _, r := range rows {
		binary.LittleEndian.PutUint64(b8[:], r.key)
		bw.Write(b8[:])
		bw.WriteByte(r.n)
		for e := r.start; e < r.start+uint32(r.n); e++ {
			bw.WriteByte(m.cls[e])
			binary.LittleEndian.PutUint32(b8[:4], math.Float32bits(m.w[e]))
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
	b := newBuilder(int(nrows))
	var b8 [8]byte
	for i := uint64(0); i < nrows; i++ {
		if _, err := io.ReadFull(br, b8[:]); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		key := binary.LittleEndian.Uint64(b8[:])
		n, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		b.beginRow(key)
		for j := 0; j < int(n); j++ {
			c, err := br.ReadByte()
			if err != nil {
				return nil, fmt.Errorf("%w: %v", ErrFormat, err)
			}
			if int(c) >= len(m.Classes) {
				return nil, fmt.Errorf("%w: class %d out of range", ErrFormat, c)
			}
			if _, err := io.ReadFull(br, b8[:4]); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrFormat, err)
			}
			b.entry(c, math.Float32frombits(binary.LittleEndian.Uint32(b8[:4])))
		}
	}
	b.finish(m)
	return m, nil
}

// builder assembles a Model's table row by row.
type builder struct {
	keys  []uint64
	start []uint32
	count []uint8
	cls   []uint8
	w     []float32
	mask  uint64
	slot  uint64
}

func newBuilder(nrows int) *builder {
	size := 1
	for size < nrows*2 {
		size <<= 1
	}
	if size < 2 {
		size = 2
	}
	return &builder{
		keys:  make([]uint64, size),
		start: make([]uint32, size),
		count: make([]uint8, size),
		mask:  uint64(size - 1),
	}
}

func (b *builder) beginRow(key uint64) {
	if key == 0 {
		key = 1
	}
	s := key & b.mask
	for b.keys[s] != 0 {
		s = (s + 1) & b.mask
	}
	b.keys[s] = key
	b.start[s] = uint32(len(b.w))
	b.slot = s
}

func (b *builder) entry(c uint8, w float32) {
	b.cls = append(b.cls, c)
	b.w = append(b.w, w)
	b.count[b.slot]++
}

func (b *builder) finish(m *Model) {
	m.keys, m.start, m.count, m.cls, m.w, m.mask = b.keys, b.start, b.count, b.cls, b.w, b.mask
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
