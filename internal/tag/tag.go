// Package tag assigns Penn Treebank part-of-speech tags to tokens with a
// greedy averaged-perceptron tagger, trained on the CoreNLP tags of the
// PolNeAR training split (silver data: CoreNLP's own accuracy on news is
// about 97%). The model is embedded in the binary and loaded once.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/formcache"
	"github.com/verbatim-news/verbatim/internal/linear"
)

//go:embed model/pos.vblm
var embedded []byte

// Tagger tags tokens. It is safe for concurrent use.
//
// It adds exactly the weights the model gives the features Features
// lists, in the same order, so its scores are the model's bit for bit,
// but it keeps its own copies of the rows it reads (see rows): the
// previous tags' rows in tables by tag, and every cached word form's
// rows beside its summed context-free weights. A word's rows are added
// all at once (sumRows), class by class in Features' order.
type Tagger struct {
	// immutable state
	m    *linear.Model
	tags []doc.POS // class index -> tag
	nc   int       // len(tags)
	// The features of the previous tags, by class index or nc for
	// "<s>": fPrevTag's weights, the fPrevTags pair's (by prev2 *
	// (nc+1) + prev; nil where the pair has none) and fPrevTagWord's
	// hash, to pair with the word's.
	pt          []vec
	pts         []*vec
	prevTagWord []uint64
	// The rows of the features of the sentence's ends, in fixed.
	fixed                                     rows
	sentStart, firstUpper, startWord, endWord ref

	scratch sync.Pool // *scratch

	// cache holds the context-free part of tagging (see wordInfo) for
	// the word forms met first. It never changes a result, only saves
	// work.
	cache *formcache.Cache[wordInfo]
}

// cacheSize is the number of slots of a Tagger's cache of word forms (a
// power of two). News text draws most of its tokens from a few thousand
// forms, but a stream of articles meets tens of thousands, and a form the
// cache cannot hold costs some 1 µs a token to describe: with 1<<16 slots
// 0.3% of the tokens of PolNeAR train and dev, analysed twice, miss the
// cache (1.8% with 1<<15), for some 800 bytes a form cached.
const cacheSize = 1 << 16

// negZero is -0, which a weight a row lacks is kept as: x + -0 is x for
// every x, so adding it changes no score (+0 could turn a -0 score into
// +0).
var negZero = math.Float32frombits(1 << 31)

// noWeights is a row with no weights: -0 for every class.
var noWeights = func() (v vec) {
	for c := range v {
		v[c] = negZero
	}
	return v
}()

// rows is storage for copies of a model's rows, in one block so that
// those of a word form lie together: dense ones as a vec (-0 for the
// classes a row has no weight for), the others as (weight, class) pairs,
// the class's bits kept as a float32's.
type rows []float32

// ref is a row kept in a rows: a vec at off when dense, n pairs at off
// otherwise; n is 0 for a row with no weights. Every row starts at an
// even offset.
type ref struct {
	off   uint32
	n     uint16
	dense bool
}

// vec returns the vec at off in rs.
func (rs rows) vec(off uint32) *vec { return (*vec)(rs[off : off+width]) }

// pairs returns the weights of sparse row r of rs.
func (rs rows) pairs(r ref) []float32 { return rs[r.off : r.off+2*uint32(r.n)] }

// copyRow appends the weights of row r of m to rs and returns where they
// are, dense when they cover at least an eighth of the classes: adding a
// dense row costs a few vector instructions, spreading a sparse one
// (see spread) a store and a load a weight and a mispredicted branch.
func (rs *rows) copyRow(m *linear.Model, r linear.Row) ref {
	var v vec
	n := weights(m, r, &v)
	off := uint32(len(*rs))
	switch {
	case n == 0:
		return ref{}
	case 8*n >= len(m.Classes):
		*rs = append(*rs, v[:]...)
		return ref{off: off, n: uint16(n), dense: true}
	}
	for c, w := range v {
		if math.Float32bits(w) != 1<<31 {
			*rs = append(*rs, w, math.Float32frombits(uint32(c)))
		}
	}
	return ref{off: off, n: uint16(n)}
}

// weights sets v to the weights of row r of m, -0 for the classes r has
// none for, and returns how many it has.
func weights(m *linear.Model, r linear.Row, v *vec) int {
	*v = noWeights
	m.AddRow(r, v[:len(m.Classes)]) // -0 + w is w, bit for bit
	n := 0
	for _, w := range v {
		if math.Float32bits(w) != 1<<31 {
			n++
		}
	}
	return n
}

// spread is rows to add that are not all in dense vecs: the rows, and
// vecs to spread the others into.
type spread struct {
	rows []*vec
	// exp[i] is -0 but for the weights of rows[i] when it is exp[i]: its
	// entries ents[i], or, where these are nil, any.
	exp  [maxSpread]vec
	ents [maxSpread][]float32
}

// maxSpread is the most rows a word's score sums after its own,
// fPrevTag's and fPrevTags': fPrevTagWord's, then the sentence start's
// three or the previous word's two and the one before's, then the next
// word's two and the one after's.
const maxSpread = 7

// push appends row r of rs to sp, dense rows as they are, the others
// spread into a vec of exp.
func (sp *spread) push(rs rows, r ref) {
	if r.n == 0 {
		return
	}
	if r.dense {
		sp.rows = append(sp.rows, rs.vec(r.off))
		return
	}
	k := len(sp.rows)
	v, es := &sp.exp[k], rs.pairs(r)
	for j := 0; j+1 < len(es); j += 2 {
		v[math.Float32bits(es[j+1])] = es[j] // -0 + w is w
	}
	sp.ents[k] = es
	sp.rows = append(sp.rows, v)
}

// reset empties sp, setting the vecs of exp it used back to -0.
func (sp *spread) reset() {
	for k, v := range sp.rows {
		if v != &sp.exp[k] {
			continue
		}
		if sp.ents[k] == nil {
			*v = noWeights
		}
		es := sp.ents[k]
		for j := 0; j+1 < len(es); j += 2 {
			v[math.Float32bits(es[j+1])] = negZero
		}
		sp.ents[k] = nil
	}
	sp.rows = sp.rows[:0]
}

// wordInfo is what tagging needs of a word form that does not depend on
// its context: the summed weights of its own features (the first
// numStatic that Features makes) and the features it contributes to its
// neighbours' scores.
type wordInfo struct {
	// The word's rows: first (at 0) the weights of bias, word,
	// suffixes, prefix and shape, summed in that order, with -Inf for
	// the padding classes, then those of the refs below.
	rows
	// The word's rows as the previous, the one before, the next and the
	// one after (nb* index them).
	nb [numNeighbour]ref
	// The rows of fPrevTagWord paired with each previous tag p whose bit
	// is set in ptwSet, in order of p, kept in rows from ptwOff on; a
	// word not cached (byHash) looks them up by tagWord instead.
	ptwSet  uint64
	ptwOff  uint32
	ptw     []ref
	tagWord uint64 // Lower(fPrevTagWord, w), paired with the previous tag
	byHash  bool
	upper   bool // the word starts with an upper-case letter
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
	rows   []rows     // their rows, one each
	buf    rows       // a new cached form's rows
	sum    []*vec     // the rows of a word's score, in order
	after  spread     // the rows of a word's score after the previous tags'
	scores vec
	touch  float32 // a sum of weights read ahead, kept so that the reads stay
	feats  []uint64
	words  []string  // Tag's sentence
	out    []doc.POS // Tag's tags
}

// maxSum is the most rows a word's score sums: its own, fPrevTag's,
// fPrevTags', then maxSpread.
const maxSum = 3 + maxSpread

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

// newTagger returns a tagger that caches up to size word forms (see
// formcache.New).
func newTagger(m *linear.Model, size int) (*Tagger, error) {
	nc := len(m.Classes)
	if nc > width {
		return nil, fmt.Errorf("tag: model has %d classes; a tagger takes %d at most", nc, width)
	}
	t := &Tagger{m: m, tags: make([]doc.POS, nc), nc: nc,
		cache: formcache.New[wordInfo](size)}
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
	t.pt = make([]vec, nc+1)
	for _, p2 := range names {
		for _, p := range names {
			v := new(vec)
			if weights(m, m.Row(linear.Pair(linear.Str(fPrevTags, p), linear.Str(fPrevTags, p2))), v) == 0 {
				v = nil
			}
			t.pts = append(t.pts, v)
		}
	}
	for i, p := range names {
		weights(m, m.Row(linear.Str(fPrevTag, p)), &t.pt[i])
		t.prevTagWord = append(t.prevTagWord, linear.Str(fPrevTagWord, p))
	}
	t.sentStart = t.fixed.copyRow(m, m.Row(linear.Int(fSentStart, 1)))
	t.firstUpper = t.fixed.copyRow(m, m.Row(linear.Int(fFirstUpper, 1)))
	t.startWord = t.fixed.copyRow(m, m.Row(linear.Str(fPrevWord, "<s>")))
	t.endWord = t.fixed.copyRow(m, m.Row(linear.Str(fNextWord, "</s>")))
	t.scratch.New = func() any { return t.newScratch() }
	return t, nil
}

func (t *Tagger) newScratch() *scratch {
	sc := &scratch{sum: make([]*vec, 0, maxSum), feats: make([]uint64, 0, 32)}
	for k := range sc.after.exp {
		sc.after.exp[k] = noWeights
	}
	return sc
}

// Tag sets the POS of every token of d, sentence by sentence.
func (t *Tagger) Tag(d *doc.Document) {
	sc := t.scratch.Get().(*scratch)
	defer t.scratch.Put(sc)
	for _, s := range d.Sentences {
		sc.words = sc.words[:0]
		for _, tok := range d.Tokens[s.FirstTok:s.EndTok] {
			w := d.Text[tok.Start:tok.End]
			switch w {
			case "’’":
				w = "''" // two single marks the segmenter read as a double one
			case "‘‘":
				w = "``"
			}
			sc.words = append(sc.words, w)
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
	for _, w := range words {
		wi := t.cache.Get(w)
		if wi == nil {
			wi = t.fill(w, &sc.buf)
		}
		if wi == nil {
			k := len(sc.local)
			if k == len(sc.rows) {
				sc.rows = append(sc.rows, rows{})
			}
			sc.rows[k] = sc.rows[k][:0]
			sc.local = append(sc.local, wordInfo{})
			wi = &sc.local[k]
			t.describe(wi, w, &sc.rows[k], sc.feats[:0], false)
		}
		sc.infos = append(sc.infos, wi)
	}
	// Read a weight of every cache line of the sentence's words' rows
	// that the tagging loop below reads whatever the tags (not the
	// fPrevTagWord rows, of which it reads one a word, and a common word
	// has dozens), and their fPrevTagWord refs, first: these reads do not
	// wait on one another, as those of the tagging loop wait on each
	// word's tag, so their cache misses overlap.
	var touch float32
	for _, wi := range sc.infos {
		for k := uint32(0); k < wi.ptwOff; k += 16 {
			touch += wi.rows[k] // a weight: rows start at even offsets
		}
		if len(wi.ptw) > 0 {
			touch += float32(wi.ptw[0].n)
		}
	}
	sc.touch = touch
	nc := t.nc
	prev, prev2 := nc, nc // "<s>"
	infos := sc.infos
	for i, wi := range infos {
		// Features' order: the word's own, the previous tags', the
		// sentence start's, then the neighbours'.
		sc.sum = append(sc.sum[:0], wi.vec(0), &t.pt[prev])
		if v := t.pts[prev2*(nc+1)+prev]; v != nil {
			sc.sum = append(sc.sum, v)
		}
		// The rest of the rows go straight after these, in sc.sum's
		// storage, which has room for maxSpread more.
		sp := &sc.after
		n0 := len(sc.sum)
		sp.rows = sc.sum[n0:n0]
		if wi.byHash {
			v := &sp.exp[0]
			t.m.Add(linear.Pair(t.prevTagWord[prev], wi.tagWord), v[:nc]) // -0 + w is w
			sp.rows = append(sp.rows, v)
		} else if bit := uint64(1) << prev; wi.ptwSet&bit != 0 {
			sp.push(wi.rows, wi.ptw[bits.OnesCount64(wi.ptwSet&(bit-1))])
		}
		t.after(sp, infos, i)
		sc.sum = sc.sum[:n0+len(sp.rows)]
		c := sumRows(&sc.scores, sc.sum)
		sp.reset()
		if fn != nil {
			fn(i, sc.scores[:nc])
		}
		dst = append(dst, t.tags[c])
		prev2, prev = prev, c
	}
	clear(sc.sum[:cap(sc.sum)])
	clear(sc.infos) // so that the pool pins no cached word
	clear(sc.local) // nor any word of this sentence
	return dst
}

// after pushes to sp the rows of the features of word i of a sentence
// (whose infos are infos) that come after fPrevTagWord's: the sentence
// start's, then the neighbours'.
func (t *Tagger) after(sp *spread, infos []*wordInfo, i int) {
	if i == 0 {
		sp.push(t.fixed, t.sentStart)
		if infos[i].upper {
			sp.push(t.fixed, t.firstUpper)
		}
		sp.push(t.fixed, t.startWord)
	} else {
		p := infos[i-1]
		sp.push(p.rows, p.nb[nbPrev])
		sp.push(p.rows, p.nb[nbPrevSuffix])
	}
	if i > 1 {
		p := infos[i-2]
		sp.push(p.rows, p.nb[nbPrev2])
	}
	if i+1 < len(infos) {
		n := infos[i+1]
		sp.push(n.rows, n.nb[nbNext])
		sp.push(n.rows, n.nb[nbNextSuffix])
	} else {
		sp.push(t.fixed, t.endWord)
	}
	if i+2 < len(infos) {
		n := infos[i+2]
		sp.push(n.rows, n.nb[nbNext2])
	}
}

// fill caches the info of word form w, which t.cache does not hold, when
// a slot is free (with buf as scratch space), and returns the cached
// info, or nil when w cannot be cached.
func (t *Tagger) fill(w string, buf *rows) *wordInfo {
	return t.cache.Fill(w, func(wi *wordInfo, w string) {
		var fb [numStatic]uint64
		*buf = (*buf)[:0]
		t.describe(wi, w, buf, fb[:0], true)
		wi.rows = slices.Clone(*buf)
		wi.ptw = slices.Clip(wi.ptw)
	})
}

// describe fills wi for word form w, its rows kept in rs, with fb as a
// feature buffer. With pairs it also copies the rows of the word paired
// with every previous tag; without, wi looks them up by hash.
func (t *Tagger) describe(wi *wordInfo, w string, rs *rows, fb []uint64, pairs bool) {
	n := norm(w)
	r, _ := utf8.DecodeRuneInString(n)
	s3 := suffix(n, 3)
	*wi = wordInfo{
		upper:   unicode.IsUpper(r),
		tagWord: linear.Lower(fPrevTagWord, n),
		byHash:  !pairs,
	}
	m := t.m
	var static vec
	m.Score(staticFeatures(fb, n), static[:t.nc])
	for c := t.nc; c < width; c++ {
		static[c] = float32(math.Inf(-1))
	}
	*rs = append(*rs, static[:]...)
	for k, f := range [numNeighbour]uint64{
		nbPrev:       linear.Lower(fPrevWord, n),
		nbPrevSuffix: linear.Lower(fPrevSuffix, s3),
		nbPrev2:      linear.Lower(fPrev2Word, n),
		nbNext:       linear.Lower(fNextWord, n),
		nbNextSuffix: linear.Lower(fNextSuffix, s3),
		nbNext2:      linear.Lower(fNext2Word, n),
	} {
		wi.nb[k] = rs.copyRow(m, m.Row(f))
	}
	wi.rows, wi.ptwOff = *rs, uint32(len(*rs))
	if !pairs {
		return
	}
	for p, f := range t.prevTagWord {
		if r := m.Row(linear.Pair(f, wi.tagWord)); r != (linear.Row{}) {
			if ref := rs.copyRow(m, r); ref.n > 0 {
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
