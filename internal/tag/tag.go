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
type Tagger struct {
	// immutable state
	m    *linear.Model
	tags []doc.POS // class index -> tag
	// The features of the previous tags, by class index or len(tags)
	// for "<s>": fPrevTag's row, the fPrevTags pair's row (by prev2 *
	// (len(tags)+1) + prev) and fPrevTagWord's hash, to pair with the
	// word's.
	prevTag, prevTags []linear.Row
	prevTagWord       []uint64
	// The rows of the features of the sentence's ends.
	sentStart, firstUpper, startWord, endWord linear.Row

	seed     maphash.Seed
	scratch  sync.Pool // *scratch
	nclasses int

	// cache holds the context-free part of tagging (see wordInfo) for
	// the word forms met first, up to its size: a slot, once filled,
	// keeps its word. It never changes a result, only saves work.
	cache []atomic.Pointer[wordInfo]
}

// cacheSize is the number of word forms a Tagger remembers (a power of
// two). News text draws most of its tokens from a few thousand forms.
const cacheSize = 1 << 14

// maxCachedWord is the length of the longest word form cached; longer
// ones (URLs, long names) are rare and would crowd out the frequent.
const maxCachedWord = 32

// wordInfo is what tagging needs of a word form that does not depend on
// its context: the summed weights of its own features (the first
// numStatic that Features makes) and the features it contributes to its
// neighbours' scores.
type wordInfo struct {
	word    string
	static  []float32 // weights of bias, word, suffixes, prefix and shape, summed in that order
	upper   bool      // the word starts with an upper-case letter
	tagWord uint64    // Lower(fPrevTagWord, w), paired with the previous tag
	// Rows of the word as the previous, the one before, the next and the
	// one after.
	prev, prevSuffix, prev2, next, nextSuffix, next2 linear.Row
}

// numStatic is the number of features at the head of Features' list that
// depend only on the word itself.
const numStatic = 6

// scratch is one call's working memory, pooled so that tagging does not
// allocate.
type scratch struct {
	infos  []*wordInfo
	local  []wordInfo // infos for forms the cache does not hold
	floats []float32  // their static weights
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
// of two, at least 2).
func newTagger(m *linear.Model, size int) (*Tagger, error) {
	t := &Tagger{m: m, tags: make([]doc.POS, len(m.Classes)), nclasses: len(m.Classes),
		seed: maphash.MakeSeed(), cache: make([]atomic.Pointer[wordInfo], size)}
	for i, c := range m.Classes {
		p, ok := doc.ParsePOS(c)
		if !ok {
			return nil, fmt.Errorf("tag: model class %q is not a Penn Treebank tag", c)
		}
		t.tags[i] = p
	}
	names := make([]string, len(t.tags)+1)
	for i, p := range t.tags {
		names[i] = p.String()
	}
	names[len(t.tags)] = "<s>"
	for _, p2 := range names {
		for _, p := range names {
			t.prevTags = append(t.prevTags, m.Row(linear.Pair(linear.Str(fPrevTags, p), linear.Str(fPrevTags, p2))))
		}
	}
	for _, p := range names {
		t.prevTag = append(t.prevTag, m.Row(linear.Str(fPrevTag, p)))
		t.prevTagWord = append(t.prevTagWord, linear.Str(fPrevTagWord, p))
	}
	t.sentStart = m.Row(linear.Int(fSentStart, 1))
	t.firstUpper = m.Row(linear.Int(fFirstUpper, 1))
	t.startWord = m.Row(linear.Str(fPrevWord, "<s>"))
	t.endWord = m.Row(linear.Str(fNextWord, "</s>"))
	t.scratch.New = func() any {
		return &scratch{scores: make([]float32, t.nclasses), feats: make([]uint64, 0, 32)}
	}
	return t, nil
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
	// and floats stay valid.
	nc := t.nclasses
	if cap(sc.local) < len(words) {
		sc.local = make([]wordInfo, 0, len(words))
		sc.floats = make([]float32, 0, len(words)*nc)
	}
	sc.infos, sc.local, sc.floats = sc.infos[:0], sc.local[:0], sc.floats[:0]
	for _, w := range words {
		wi := t.cached(w)
		if wi == nil {
			sc.local = append(sc.local, wordInfo{})
			wi = &sc.local[len(sc.local)-1]
			n := len(sc.floats)
			sc.floats = sc.floats[:n+nc]
			t.describe(wi, w, sc.floats[n:n+nc:n+nc], sc.feats[:0])
		}
		sc.infos = append(sc.infos, wi)
	}
	scores := sc.scores
	m := t.m
	prev, prev2 := len(t.tags), len(t.tags) // "<s>"
	infos := sc.infos
	for i, wi := range infos {
		// Features' order: the word's own, the previous tags', the
		// sentence start's, then the neighbours'.
		copy(scores, wi.static)
		m.AddRow(t.prevTag[prev], scores)
		m.AddRow(t.prevTags[prev2*(len(t.tags)+1)+prev], scores)
		m.Add(linear.Pair(t.prevTagWord[prev], wi.tagWord), scores)
		if i == 0 {
			m.AddRow(t.sentStart, scores)
			if wi.upper {
				m.AddRow(t.firstUpper, scores)
			}
			m.AddRow(t.startWord, scores)
		} else {
			m.AddRow(infos[i-1].prev, scores)
			m.AddRow(infos[i-1].prevSuffix, scores)
		}
		if i > 1 {
			m.AddRow(infos[i-2].prev2, scores)
		}
		if i+1 < len(infos) {
			m.AddRow(infos[i+1].next, scores)
			m.AddRow(infos[i+1].nextSuffix, scores)
		} else {
			m.AddRow(t.endWord, scores)
		}
		if i+2 < len(infos) {
			m.AddRow(infos[i+2].next2, scores)
		}
		if fn != nil {
			fn(i, scores)
		}
		c := linear.Argmax(scores)
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
	for _, j := range [2]uint64{i, i ^ 1} {
		slot := &t.cache[j]
		wi := slot.Load()
		if wi == nil {
			wi = &wordInfo{}
			var fb [numStatic]uint64
			t.describe(wi, strings.Clone(w), make([]float32, t.nclasses), fb[:0])
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

// describe fills wi for word form w, with static as the storage of its
// weights and fb as a feature buffer.
func (t *Tagger) describe(wi *wordInfo, w string, static []float32, fb []uint64) {
	n := norm(w)
	r, _ := utf8.DecodeRuneInString(n)
	s3 := suffix(n, 3)
	*wi = wordInfo{
		word:       w,
		static:     static,
		upper:      unicode.IsUpper(r),
		tagWord:    linear.Lower(fPrevTagWord, n),
		prev:       t.m.Row(linear.Lower(fPrevWord, n)),
		prevSuffix: t.m.Row(linear.Lower(fPrevSuffix, s3)),
		prev2:      t.m.Row(linear.Lower(fPrev2Word, n)),
		next:       t.m.Row(linear.Lower(fNextWord, n)),
		nextSuffix: t.m.Row(linear.Lower(fNextSuffix, s3)),
		next2:      t.m.Row(linear.Lower(fNext2Word, n)),
	}
	t.m.Score(staticFeatures(fb, n), static)
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
