// Package tag assigns Penn Treebank part-of-speech tags to tokens with a
// greedy averaged-perceptron tagger, trained on the CoreNLP tags of the
// PolNeAR training split (silver data: CoreNLP's own accuracy on news is
// about 97%). The model is embedded in the binary and loaded once.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

//go:embed model/pos.vblm
var embedded []byte

// Tagger tags tokens. It is safe for concurrent use.
//
// It adds exactly the weights the model gives the features Features
// lists, in the same order, so its scores are the model's bit for bit,
// but it keeps its own copies of the rows it reads most (see rows): the
// previous tags' rows in tables by tag, and every cached word form's
// rows beside its summed context-free weights.
type Tagger struct {
	// immutable state
	m    *linear.Model
	tags []doc.POS // class index -> tag
	nc   int       // len(tags)
	// The features of the previous tags, by class index or nc for
	// "<s>": fPrevTag's weights (dense, nc a tag), the offset in pts of
	// the fPrevTags pair's (by prev2 * (nc+1) + prev; a row of -0 where
	// the pair has none) and fPrevTagWord's hash, to pair with the
	// word's.
	pt, pts     []float32
	ptsOff      []uint32
	prevTagWord []uint64
	// The rows of the features of the sentence's ends, in fixed.
	fixed                                     rows
	sentStart, firstUpper, startWord, endWord ref

	seed    maphash.Seed
	scratch sync.Pool // *scratch

	// cache holds the context-free part of tagging (see wordInfo) for
	// the word forms met first, up to its size: a slot, once filled,
	// keeps its word. It never changes a result, only saves work.
	cache []atomic.Pointer[wordInfo]
}

// cacheSize is the number of word forms a Tagger remembers (a power of
// two). News text draws most of its tokens from a few thousand forms.
const cacheSize = 1 << 15

// cacheWays is the number of slots a word form may take: a form is
// cached unless the cacheWays slots of its group are taken.
const cacheWays = 4

// maxCachedWord is the length of the longest word form cached; longer
// ones (URLs, long names) are rare and would crowd out the frequent.
const maxCachedWord = 32

// negZero is -0, which a weight a row lacks is kept as: x + -0 is x for
// every x, so adding it changes no score (+0 could turn a -0 score into
// +0).
var negZero = math.Float32frombits(1 << 31)

// rows is storage for copies of a model's rows: dense ones (nc weights,
// -0 for the classes a row has no weight for) in w, the others as
// (class, weight) entries in e.
type rows struct {
	w []float32
	e []entry
}

// entry is one weight of a sparse row.
type entry struct {
	w float32
	c uint32
}

// ref is a row kept in a rows: n weights at off in w when dense, n
// entries at off in e otherwise; n is 0 for a row with no weights.
type ref struct {
	off   uint32
	n     uint16
	dense bool
}

// copyRow appends the weights of row r of m to rs and returns where they
// are, dense when they cover at least half the classes (as the model
// itself keeps rows). buf is scratch space of one weight a class.
func (rs *rows) copyRow(m *linear.Model, r linear.Row, buf []float32) ref {
	n := weights(m, r, buf)
	switch {
	case n == 0:
		return ref{}
	case 2*n >= len(buf):
		off := len(rs.w)
		rs.w = append(rs.w, buf...)
		return ref{off: uint32(off), n: uint16(len(buf)), dense: true}
	}
	off := len(rs.e)
	for c, w := range buf {
		if math.Float32bits(w) != 1<<31 {
			rs.e = append(rs.e, entry{w, uint32(c)})
		}
	}
	return ref{off: uint32(off), n: uint16(n)}
}

// weights sets buf to the weights of row r of m, one a class, -0 for
// the classes r has none for, and returns how many it has.
func weights(m *linear.Model, r linear.Row, buf []float32) int {
	for c := range buf {
		buf[c] = negZero
	}
	m.AddRow(r, buf) // -0 + w is w, bit for bit
	n := 0
	for _, w := range buf {
		if math.Float32bits(w) != 1<<31 {
			n++
		}
	}
	return n
}

// add adds the weights of row r to scores, one element a class.
func (rs *rows) add(r ref, scores []float32) {
	if r.dense {
		w := rs.w[r.off:]
		w = w[:len(scores)]
		for c := range scores {
			scores[c] += w[c]
		}
		return
	}
	for _, e := range rs.e[r.off : r.off+uint32(r.n)] {
		scores[e.c] += e.w
	}
}

// add2 adds the weights of rows r1 and then r2 to scores: what two calls
// of add do, in one pass when both are dense.
func (rs *rows) add2(r1, r2 ref, scores []float32) {
	if !r1.dense || !r2.dense {
		rs.add(r1, scores)
		rs.add(r2, scores)
		return
	}
	w1, w2 := rs.w[r1.off:], rs.w[r2.off:]
	w1, w2 = w1[:len(scores)], w2[:len(scores)]
	for c := range scores {
		scores[c] = scores[c] + w1[c] + w2[c]
	}
}

// argmax returns the index of the largest score, the first on ties, as
// linear.Argmax does; scores holds no NaN.
func argmax(scores []float32) int {
	m0, m1, m2, m3 := scores[0], scores[0], scores[0], scores[0]
	s := scores
	for len(s) >= 4 {
		m0, m1, m2, m3 = max(m0, s[0]), max(m1, s[1]), max(m2, s[2]), max(m3, s[3])
		s = s[4:]
	}
	for _, x := range s {
		m0 = max(m0, x)
	}
	m := max(max(m0, m1), max(m2, m3))
	for c, x := range scores {
		if x == m {
			return c
		}
	}
	return 0
}

// wordInfo is what tagging needs of a word form that does not depend on
// its context: the summed weights of its own features (the first
// numStatic that Features makes) and the features it contributes to its
// neighbours' scores.
type wordInfo struct {
	word string
	// rows holds the copied rows below, and the static weights at
	// static: those of bias, word, suffixes, prefix and shape, summed in
	// that order.
	rows
	static uint32
	// The word's rows as the previous, the one before, the next and the
	// one after (nb* index them).
	nb [numNeighbour]ref
	// The rows of fPrevTagWord paired with each previous tag p whose bit
	// is set in ptwSet, in order of p; a word not cached (byHash) looks
	// them up by tagWord instead.
	ptwSet  uint64
	ptw     []ref
	byHash  bool
	upper   bool   // the word starts with an upper-case letter
	tagWord uint64 // Lower(fPrevTagWord, w), paired with the previous tag
}

// The word's rows as a neighbour, in wordInfo.nb.
const (
	nbPrev = iota
	nbPrevSuffix
	nbPrev2
	nbNext
	nbNextSuffix
	nbNext2
	numNeighbour
)

// numStatic is the number of features at the head of Features' list that
// depend only on the word itself.
const numStatic = 6

// scratch is one call's working memory, pooled so that tagging does not
// allocate.
type scratch struct {
	infos  []*wordInfo
	local  []wordInfo // infos for forms the cache does not hold
	rows   rows       // their rows
	buf    []float32
	scores []float32
	feats  []uint64
	words  []string  // Tag's sentence
	out    []doc.POS // Tag's tags
}

// Default returns the embedded tagger, loaded once.
var Default = sync.OnceValues(func() (*Tagger, error) {
	m, err := linear.Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return New(m)
})

// New returns a tagger that runs model m, whose classes are tag names.
func New(m *linear.Model) (*Tagger, error) { return newTagger(m, cacheSize) }

// newTagger returns a tagger that caches up to size word forms (a power
// of two, at least cacheWays).
func newTagger(m *linear.Model, size int) (*Tagger, error) {
	nc := len(m.Classes)
	if nc >= 64 {
		return nil, fmt.Errorf("tag: model has %d classes, more than a tagger takes", nc)
	}
	t := &Tagger{m: m, tags: make([]doc.POS, nc), nc: nc,
		seed: maphash.MakeSeed(), cache: make([]atomic.Pointer[wordInfo], size)}
	for i, c := range m.Classes {
		p, ok := doc.ParsePOS(c)
		if !ok {
			return nil, fmt.Errorf("tag: model class %q is not a Penn Treebank tag", c)
		}
		t.tags[i] = p
	}
	names := make([]string, nc+1)
	for i, p := range t.tags {
		names[i] = p.String()
	}
	names[nc] = "<s>"
	buf := make([]float32, nc)
	// Row 0 of pts, all -0, stands for the pairs with no weights.
	t.pts = make([]float32, nc)
	weights(m, linear.Row{}, t.pts)
	for _, p2 := range names {
		for _, p := range names {
			r := m.Row(linear.Pair(linear.Str(fPrevTags, p), linear.Str(fPrevTags, p2)))
			off := 0
			if weights(m, r, buf) > 0 {
				off = len(t.pts)
				t.pts = append(t.pts, buf...)
			}
			t.ptsOff = append(t.ptsOff, uint32(off))
		}
	}
	for _, p := range names {
		weights(m, m.Row(linear.Str(fPrevTag, p)), buf)
		t.pt = append(t.pt, buf...)
		t.prevTagWord = append(t.prevTagWord, linear.Str(fPrevTagWord, p))
	}
	t.sentStart = t.fixed.copyRow(m, m.Row(linear.Int(fSentStart, 1)), buf)
	t.firstUpper = t.fixed.copyRow(m, m.Row(linear.Int(fFirstUpper, 1)), buf)
	t.startWord = t.fixed.copyRow(m, m.Row(linear.Str(fPrevWord, "<s>")), buf)
	t.endWord = t.fixed.copyRow(m, m.Row(linear.Str(fNextWord, "</s>")), buf)
	t.scratch.New = func() any { return t.newScratch() }
	return t, nil
}

func (t *Tagger) newScratch() *scratch {
	return &scratch{scores: make([]float32, t.nc), buf: make([]float32, t.nc), feats: make([]uint64, 0, 32)}
}

// Tag sets the POS of every token of d, sentence by sentence.
func (t *Tagger) Tag(d *doc.Document) {
	sc := t.scratch.Get().(*scratch)
	defer t.scratch.Put(sc)
	for _, s := range d.Sentences {
		sc.words = sc.words[:0]
		for _, tok := range d.Tokens[s.FirstTok:s.EndTok] {
			sc.words = append(sc.words, d.Text[tok.Start:tok.End])
		}
		sc.out = t.tag(sc, sc.words, sc.out[:0], nil)
		for i, p := range sc.out {
			d.Tokens[s.FirstTok+i].POS = p
		}
	}
	clear(sc.words) // so that the pool pins no text
}

// TagWords appends the tags of one sentence's words to dst.
//
// It scores exactly the features Features lists, adding them in the same
// order, but takes the context-free ones from a cache per word form.
func (t *Tagger) TagWords(words []string, dst []doc.POS) []doc.POS {
	sc := t.scratch.Get().(*scratch)
	defer t.scratch.Put(sc)
	return t.tag(sc, words, dst, nil)
}

// tag is TagWords with working memory sc; fn, when not nil, sees each
// word's scores.
func (t *Tagger) tag(sc *scratch, words []string, dst []doc.POS, fn func(i int, scores []float32)) []doc.POS {
	// Room for every word to be uncached, so that pointers into local
	// stay valid.
	if cap(sc.local) < len(words) {
		sc.local = make([]wordInfo, 0, len(words))
	}
	sc.infos, sc.local = sc.infos[:0], sc.local[:0]
	sc.rows.w, sc.rows.e = sc.rows.w[:0], sc.rows.e[:0]
	for _, w := range words {
		wi := t.cached(w)
		if wi == nil {
			sc.local = append(sc.local, wordInfo{})
			wi = &sc.local[len(sc.local)-1]
			t.describe(wi, w, &sc.rows, sc.buf, sc.feats[:0], false)
		}
		sc.infos = append(sc.infos, wi)
	}
	// The local infos' rows are offsets into sc.rows, which they share
	// once it has stopped growing.
	for i := range sc.local {
		sc.local[i].rows = sc.rows
	}
	nc := t.nc
	scores := sc.scores[:nc]
	prev, prev2 := nc, nc // "<s>"
	infos := sc.infos
	for i, wi := range infos {
		// Features' order: the word's own, the previous tags', the
		// sentence start's, then the neighbours'.
		st, pt, pts := wi.w[wi.static:], t.pt[prev*nc:], t.pts[t.ptsOff[prev2*(nc+1)+prev]:]
		st, pt, pts = st[:len(scores)], pt[:len(scores)], pts[:len(scores)]
		for c := range scores {
			scores[c] = st[c] + pt[c] + pts[c]
		}
		if wi.byHash {
			t.m.Add(linear.Pair(t.prevTagWord[prev], wi.tagWord), scores)
		} else if bit := uint64(1) << prev; wi.ptwSet&bit != 0 {
			wi.add(wi.ptw[bits.OnesCount64(wi.ptwSet&(bit-1))], scores)
		}
		if i == 0 {
			t.fixed.add(t.sentStart, scores)
			if wi.upper {
				t.fixed.add(t.firstUpper, scores)
			}
			t.fixed.add(t.startWord, scores)
		} else {
			p := infos[i-1]
			p.add2(p.nb[nbPrev], p.nb[nbPrevSuffix], scores)
		}
		if i > 1 {
			p := infos[i-2]
			p.add(p.nb[nbPrev2], scores)
		}
		if i+1 < len(infos) {
			n := infos[i+1]
			n.add2(n.nb[nbNext], n.nb[nbNextSuffix], scores)
		} else {
			t.fixed.add(t.endWord, scores)
		}
		if i+2 < len(infos) {
			n := infos[i+2]
			n.add(n.nb[nbNext2], scores)
		}
		if fn != nil {
			fn(i, scores)
		}
		c := argmax(scores)
		dst = append(dst, t.tags[c])
		prev2, prev = prev, c
	}
	clear(sc.infos) // so that the pool pins no cached word
	clear(sc.local) // nor any word of this sentence
	return dst
}

// cached returns the cached info of word form w, adding it when its slot
// is free, or nil when w is not cached.
func (t *Tagger) cached(w string) *wordInfo {
	if len(w) > maxCachedWord {
		return nil
	}
	h := maphash.String(t.seed, w)
	i := h & uint64(len(t.cache)-1)
	for _, j := range [cacheWays]uint64{i, i ^ 1, i ^ 2, i ^ 3} {
		slot := &t.cache[j]
		wi := slot.Load()
		if wi == nil {
			wi = &wordInfo{}
			var fb [numStatic]uint64
			var rs rows
			t.describe(wi, strings.Clone(w), &rs, make([]float32, t.nc), fb[:0], true)
			wi.rows = rows{w: slices.Clip(rs.w), e: slices.Clip(rs.e)}
			if slot.CompareAndSwap(nil, wi) {
				return wi
			}
			wi = slot.Load() // another goroutine filled it first
		}
		if wi.word == w {
			return wi
		}
	}
	return nil
}

// describe fills wi for word form w, its rows kept in rs, with buf as
// scratch space of one weight a class and fb as a feature buffer. With
// pairs it also copies the rows of the word paired with every previous
// tag; without, wi looks them up by hash.
func (t *Tagger) describe(wi *wordInfo, w string, rs *rows, buf []float32, fb []uint64, pairs bool) {
	n := norm(w)
	r, _ := utf8.DecodeRuneInString(n)
	s3 := suffix(n, 3)
	*wi = wordInfo{
		word:    w,
		static:  uint32(len(rs.w)),
		upper:   unicode.IsUpper(r),
		tagWord: linear.Lower(fPrevTagWord, n),
		byHash:  !pairs,
	}
	t.m.Score(staticFeatures(fb, n), buf)
	rs.w = append(rs.w, buf...)
	m := t.m
	for k, f := range [numNeighbour]uint64{
		nbPrev:       linear.Lower(fPrevWord, n),
		nbPrevSuffix: linear.Lower(fPrevSuffix, s3),
		nbPrev2:      linear.Lower(fPrev2Word, n),
		nbNext:       linear.Lower(fNextWord, n),
		nbNextSuffix: linear.Lower(fNextSuffix, s3),
		nbNext2:      linear.Lower(fNext2Word, n),
	} {
		wi.nb[k] = rs.copyRow(m, m.Row(f), buf)
	}
	if !pairs {
		return
	}
	for p, f := range t.prevTagWord {
		if r := m.Row(linear.Pair(f, wi.tagWord)); r != (linear.Row{}) {
			if ref := rs.copyRow(m, r, buf); ref.n > 0 {
				wi.ptwSet |= 1 << p
				wi.ptw = append(wi.ptw, ref)
			}
		}
	}
}

// Feature templates. Their numbers are part of the model format.
const (
	fBias uint32 = iota + 1
	fWord
	fSuffix3
	fSuffix2
	fPrefix1
	fShape
	fPrevTag
	fPrevTags
	fPrevTagWord
	fPrevWord
	fPrevSuffix
	fPrev2Word
	fNextWord
	fNextSuffix
	fNext2Word
	fFirstUpper
	fSentStart
)

// Features appends the features of word i of a sentence, given the tags
// already chosen for the two words before it.
func Features(dst []uint64, words []string, i int, prev, prev2 string) []uint64 {
	w := norm(words[i])
	dst = staticFeatures(dst, w)
	dst = append(dst,
		linear.Str(fPrevTag, prev),
		linear.Pair(linear.Str(fPrevTags, prev), linear.Str(fPrevTags, prev2)),
		linear.Pair(linear.Str(fPrevTagWord, prev), linear.Lower(fPrevTagWord, w)),
	)
	if i == 0 {
		dst = append(dst, linear.Int(fSentStart, 1))
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			dst = append(dst, linear.Int(fFirstUpper, 1))
		}
	}
	if i > 0 {
		p := norm(words[i-1])
		dst = append(dst, linear.Lower(fPrevWord, p), linear.Lower(fPrevSuffix, suffix(p, 3)))
	} else {
		dst = append(dst, linear.Str(fPrevWord, "<s>"))
	}
	if i > 1 {
		dst = append(dst, linear.Lower(fPrev2Word, norm(words[i-2])))
	}
	if i+1 < len(words) {
		n := norm(words[i+1])
		dst = append(dst, linear.Lower(fNextWord, n), linear.Lower(fNextSuffix, suffix(n, 3)))
	} else {
		dst = append(dst, linear.Str(fNextWord, "</s>"))
	}
	if i+2 < len(words) {
		dst = append(dst, linear.Lower(fNext2Word, norm(words[i+2])))
	}
	return dst
}

// staticFeatures appends the numStatic features of normalised word w
// that do not depend on its context.
func staticFeatures(dst []uint64, w string) []uint64 {
	return append(dst,
		linear.Int(fBias, 0),
		linear.Lower(fWord, w),
		linear.Lower(fSuffix3, suffix(w, 3)),
		linear.Lower(fSuffix2, suffix(w, 2)),
		linear.Str(fPrefix1, prefix(w, 1)),
		shapeFeature(fShape, w),
	)
}

// norm maps the typographic variants CoreNLP normalises to one form, so
// “ and “ (and ” and ”) look alike to the model.
func norm(w string) string {
	switch w {
	case "“", "\"", "``", "«", "„":
		return "``"
	case "”", "''", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case "—", "–", "--":
		return "--"
	case "…":
		return "..."
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	case "’s", "’S":
		return "'s"
	case "’re":
		return "'re"
	case "’ve":
		return "'ve"
	case "’ll":
		return "'ll"
	case "’d":
		return "'d"
	case "’m":
		return "'m"
	case "n’t", "N’T":
		return "n't"
	}
	return w
}

func suffix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	// Back up to a rune boundary.
	i := len(w) - n
	for i > 0 && !utf8.RuneStart(w[i]) {
		i--
	}
	return w[i:]
}

func prefix(w string, n int) string {
	if len(w) <= n {
		return w
	}
	i := n
	for i < len(w) && !utf8.RuneStart(w[i]) {
		i++
	}
	return w[:i]
}

// Shape returns a word's shape with runs collapsed: "Putin" -> "Xx",
// "1,000" -> "d,d", "U.S." -> "X.X.", "three-year" -> "x-x".
func Shape(w string) string {
	var b [16]byte
	return string(shape(w, &b))
}

func shapeFeature(tmpl uint32, w string) uint64 {
	var b [16]byte
	return linear.Bytes(tmpl, shape(w, &b))
}

func shape(w string, b *[16]byte) []byte {
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return b[:n]
}
