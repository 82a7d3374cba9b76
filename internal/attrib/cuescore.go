package attrib

import (
	"math"
	"slices"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/formcache"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// The cue tagger scores every token of every document, and most of its
// features have small domains (a tag, a quotation state, a label) or
// depend on one word form alone. formScorer adds exactly the features
// cueFeatures lists, in the same order, but reads the weights of the
// first kind from tables built once per model and those of the second
// from a cache per word form (formInfo), so that a token costs a handful
// of hash-table lookups instead of forty. The scores are the same bit for
// bit (TestFormScorer_SameAsFeatures).

// cueVec is one feature's weights, one per cue label, as the model adds
// them: -0, the identity of float addition, for a label the feature has
// no weight for. Adding a cueVec gives, bit for bit, what adding the
// feature's row gives.
type cueVec [numCueLabels]float32

// add adds v to s.
func (s *cueVec) add(v *cueVec) {
	s[0] += v[0]
	s[1] += v[1]
	s[2] += v[2]
}

var negZero = float32(math.Copysign(0, -1))

// cueVecOf returns the weights of feature f in m.
func cueVecOf(m *linear.Model, f uint64) cueVec {
	v := cueVec{negZero, negZero, negZero}
	m.Add(f, v[:])
	return v
}

// tokScorer scores the cue labels of token i of sentence [a, b) given the
// label of token i-1.
// begin readies it for the tokens of c.
type tokScorer interface {
	begin(c *context)
	scoreTok(c *context, i, a, b, prev int, s *cueVec)
}

// featScorer scores a token by listing its features (cueFeatures) and
// scoring them with m; fb holds the last token's features. Training uses
// it, since the weights change as it goes.
type featScorer struct {
	m  scorer
	fb []uint64
}

func (f *featScorer) begin(*context) {}

func (f *featScorer) scoreTok(c *context, i, a, b, prev int, s *cueVec) {
	f.fb = cueFeatures(f.fb[:0], c, i, a, b, prev)
	f.m.Score(f.fb, s[:])
}

// Domain sizes of the cue tables.
const (
	numQuote    = 8   // a token's quote bits (qOpen|qClose|qIn)
	numDist     = 12  // bucketDist values, -1 to 10
	numCueBits  = 8   // the bits of a lexicon.CueClass
	numCueClass = 256 // lexicon.CueClass values
	numComp     = 5   // cCompAhead values
	numSubj     = 4   // cSubjBehind values
)

// formScorer is a cue model with its tables (the weights of every
// feature with a small domain), the tables of a boundary model, and a
// cache of what both read of word forms. It is safe for concurrent use.
type formScorer struct {
	lex                                       *lexicon.Set
	m                                         *linear.Model
	bias, noun, sentQuote, first, last, shape cueVec
	startPrev, endNext                        cueVec // "<s>" as the previous word, "</s>" as the next
	pos, prevPOS, nextPOS                     [doc.NumPOS]cueVec
	quote, prevQuote, nextQuote               [numQuote]cueVec
	prevLabel                                 [numCueLabels]cueVec
	prevLabelPOS                              [numCueLabels][doc.NumPOS]cueVec
	prevLabelTags                             [numCueLabels][doc.NumPOS][doc.NumPOS]cueVec // by the previous tag, then this one
	quoteLeft, quoteRight                     [numDist]cueVec
	cueClass                                  [numCueBits][doc.NumPOS]cueVec
	prevLemmaCue, nextLemmaCue                [numCueClass]cueVec
	posPrevCur, posCurNext                    [doc.NumPOS][doc.NumPOS]cueVec
	posTri                                    [doc.NumPOS][doc.NumPOS]uint64 // Pair(Pair(Int(cPOSTri, prev), cur)), to pair with the next tag
	// triIdx gives the weights of each tag triple (cPOSTri) by the tags
	// of the previous, the current and the next token: 1 + their index
	// in triRows, 0 for none, or triLookup to look them up in m.
	triIdx  [doc.NumPOS][doc.NumPOS][doc.NumPOS]uint16
	triRows []cueVec
	// classIdx gives the weights of a neighbour's lexicon class with the
	// token's tag, for the previous word, the next and the one after it
	// (classTemplates): 1 + their index in classRows, 0 for none.
	classIdx                     [len(classTemplates)][numCueClass][doc.NumPOS]uint16
	classRows                    []cueVec
	prevMention, nextMention     [numMention][doc.NumPOS]cueVec
	compAhead                    [numComp][doc.NumPOS]cueVec
	subjBehind                   [numSubj][doc.NumPOS]cueVec
	lemmaNextEnd, lemmaPrevStart uint64 // Str(cLemmaNext, "</s>"), Str(cLemmaPrev, "<s>")
	lemmaNextPOS                 [doc.NumPOS]uint64
	lemmaQuote                   [numLemmaQuote]uint64
	forms                        *formcache.Cache[formInfo]
	bnd                          *bndTables // nil without a boundary model
	// pair, when not 0, is paired with every feature before it is looked
	// up in m (see feat): the tables then hold the weights of a model that
	// pairs the cue features with a constant (the acceptance classifier's
	// view of a cue's last token).
	pair uint64
}

// feat returns the feature that s looks up in s.m for cue feature f.
func (s *formScorer) feat(f uint64) uint64 {
	if s.pair != 0 {
		return linear.Pair(f, s.pair)
	}
	return f
}

// newFormScorer builds the tables of m.
func newFormScorer(lex *lexicon.Set, m, bnd *linear.Model) *formScorer {
	return newFormScorerCache(lex, m, bnd, formCacheSize)
}

// newFormScorerCache is newFormScorer with a cache of size forms.
func newFormScorerCache(lex *lexicon.Set, m, bnd *linear.Model, size int) *formScorer {
	s := &formScorer{lex: lex, m: m, forms: formcache.New[formInfo](size)}
	if bnd != nil {
		s.bnd = newBndTables(bnd)
	}
	s.tables()
	return s
}

// tables fills s's tables of the weights in s.m of the features with a
// small domain, and the hashes it pairs with others.
func (s *formScorer) tables() {
	m := s.m
	v := func(f uint64) cueVec { return cueVecOf(m, s.feat(f)) }
	s.bias = v(linear.Int(cBias, 0))
	s.noun = v(linear.Int(cCueNoun, 1))
	s.sentQuote = v(linear.Int(cSentQuote, 1))
	s.first = v(linear.Int(cFirst, 1))
	s.last = v(linear.Int(cLast, 1))
	s.shape = v(linear.Int(cShape, 1))
	s.startPrev = v(linear.Str(cPrevWord, "<s>"))
	s.endNext = v(linear.Str(cNextWord, "</s>"))
	s.lemmaNextEnd = linear.Str(cLemmaNext, "</s>")
	s.lemmaPrevStart = linear.Str(cLemmaPrev, "<s>")
	for p := range doc.NumPOS {
		pos := uint64(p)
		s.pos[p] = v(linear.Int(cPOS, p))
		s.prevPOS[p] = v(linear.Int(cPrevPOS, p))
		s.nextPOS[p] = v(linear.Int(cNextPOS, p))
		s.lemmaNextPOS[p] = linear.Int(cLemmaNextPOS, p)
		for l := range numCueLabels {
			s.prevLabelPOS[l][p] = v(linear.Pair(linear.Int(cPrevLabelPOS, l), pos))
			for p2 := range doc.NumPOS {
				s.prevLabelTags[l][p2][p] = v(linear.Pair(linear.Pair(linear.Int(cPrevLabelTags, l), uint64(p2)), pos))
			}
		}
		for k := range numCueBits {
			s.cueClass[k][p] = v(linear.Pair(linear.Int(cCueClass, 1<<k), pos))
		}
		for p2 := range doc.NumPOS {
			s.posPrevCur[p2][p] = v(linear.Pair(linear.Int(cPOSPrevCur, p2), pos))
			s.posCurNext[p][p2] = v(linear.Pair(linear.Int(cPOSCurNext, p), uint64(p2)))
			s.posTri[p2][p] = linear.Pair(linear.Int(cPOSTri, p2), pos)
		}
		for k := range numMention {
			s.prevMention[k][p] = v(linear.Pair(linear.Int(cPrevMention, int(k)), pos))
			s.nextMention[k][p] = v(linear.Pair(linear.Int(cNextMention, int(k)), pos))
		}
		for k := range numComp {
			s.compAhead[k][p] = v(linear.Pair(linear.Int(cCompAhead, k), pos))
		}
		for k := range numSubj {
			s.subjBehind[k][p] = v(linear.Pair(linear.Int(cSubjBehind, k), pos))
		}
	}
	s.tagTriples()
	s.neighbourClasses()
	for q := range numQuote {
		s.quote[q] = v(linear.Int(cQuote, q))
		s.prevQuote[q] = v(linear.Int(cPrevQuote, q))
		s.nextQuote[q] = v(linear.Int(cNextQuote, q))
	}
	for l := range numCueLabels {
		s.prevLabel[l] = v(linear.Int(cPrevLabel, l))
	}
	for d := range numDist {
		s.quoteLeft[d] = v(linear.Int(cQuoteLeft, d-1))
		s.quoteRight[d] = v(linear.Int(cQuoteRight, d-1))
	}
	for k := range numCueClass {
		s.prevLemmaCue[k] = v(linear.Int(cPrevLemmaCue, k))
		s.nextLemmaCue[k] = v(linear.Int(cNextLemmaCue, k))
	}
	for q := range len(s.lemmaQuote) {
		s.lemmaQuote[q] = linear.Int(cLemmaQuote, q)
	}
}

// triLookup marks a tag triple whose weights did not fit in triRows.
const triLookup = 1<<16 - 1

// tagTriples fills s.triIdx and s.triRows, from s.posTri.
func (s *formScorer) tagTriples() {
	for p := range doc.NumPOS {
		for c := range doc.NumPOS {
			for n := range doc.NumPOS {
				f := s.feat(linear.Pair(s.posTri[p][c], uint64(n)))
				switch {
				case s.m.Row(f) == (linear.Row{}):
				case len(s.triRows) >= triLookup-1:
					s.triIdx[p][c][n] = triLookup
				default:
					s.triRows = append(s.triRows, cueVecOf(s.m, f))
					s.triIdx[p][c][n] = uint16(len(s.triRows))
				}
			}
		}
	}
}

// classTemplates are the templates of a neighbour's lexicon class with
// the token's tag, by the neighbour: the previous word, the next and the
// one after it.
var classTemplates = [...]uint32{cPrevClassPOS, cNextClassPOS, cNext2ClassPOS}

// neighbourClasses fills s.classIdx and s.classRows. A model has a row for
// few of the pairs (3 × 256 × doc.NumPOS, fewer than 1<<16).
func (s *formScorer) neighbourClasses() {
	for k, tmpl := range classTemplates {
		for cls := range numCueClass {
			for p := range doc.NumPOS {
				f := s.feat(linear.Pair(linear.Int(tmpl, cls), uint64(p)))
				if s.m.Row(f) != (linear.Row{}) {
					s.classRows = append(s.classRows, cueVecOf(s.m, f))
					s.classIdx[k][cls][p] = uint16(len(s.classRows))
				}
			}
		}
	}
}

// addClass returns sum with the weights of the lexicon class cls of the
// neighbour classTemplates[k] with the tag pos added.
func (s *formScorer) addClass(sum cueSum, k int, cls lexicon.CueClass, pos doc.POS) cueSum {
	if j := s.classIdx[k][cls][pos]; j != 0 {
		return sum.plus(&s.classRows[j-1])
	}
	return sum
}

// cueForm is the cue tagger's part of a formInfo: the weights of the
// features of a word form alone, and the hashes it brings to pairs.
type cueForm struct {
	// start is the sum of the bias, the word's weights and the lemma's,
	// the first three terms of every score of the form.
	start         cueVec
	labelWord     [numCueLabels]cueVec // with each previous label
	prev, next    cueVec               // as the previous and the next word
	prev2, next2  cueVec               // as the word before the previous and after the next
	suffix        cueVec               // its last three bytes, when it has more than three
	lem, lemmaPOS uint64               // Str(cLemma, lemma), Str(cLemmaPOS, lemma)
	asLemmaNext   uint64               // Str(cLemmaNext, lower)
	asLemmaPrev   uint64               // Str(cLemmaPrev, lower)
	hasSuffix     bool
	// For a cached form (tagged), the weights of the features that pair
	// its lemma with its tag (cLemmaPOS), the next token's tag
	// (cLemmaNextPOS) and its quote state (cLemmaQuote): for each value,
	// 1 + the index of the weights in rows, or 0 for no weights.
	tagged             bool
	posIdx, nextPOSIdx [doc.NumPOS]uint8
	quoteIdx           [numLemmaQuote]uint8
	rows               []cueVec
}

// numLemmaQuote bounds the values of cLemmaQuote: a quote state and a bit
// for a quotation in the sentence.
const numLemmaQuote = 2 * 16

// tag fills f's tables of the features that pair its lemma with a tag or
// a quote state. It looks up every value, which pays only for a form the
// cache keeps.
func (s *formScorer) tag(f *cueForm) {
	f.tagged = true
	idx := func(feat uint64) uint8 {
		r := s.m.Row(feat)
		if r == (linear.Row{}) {
			return 0
		}
		v := cueVec{negZero, negZero, negZero}
		s.m.AddRow(r, v[:])
		f.rows = append(f.rows, v)
		return uint8(len(f.rows))
	}
	for p := range doc.NumPOS {
		f.posIdx[p] = idx(linear.Pair(f.lemmaPOS, uint64(p)))
		f.nextPOSIdx[p] = idx(linear.Pair(f.lem, s.lemmaNextPOS[p]))
	}
	for q := range numQuote {
		for _, sq := range [2]int{0, 16} {
			f.quoteIdx[q|sq] = idx(linear.Pair(f.lem, s.lemmaQuote[q|sq]))
		}
	}
	f.rows = slices.Clip(f.rows)
}

// describeCue fills f for a word form whose lower-case form is lower and
// whose lemma is lemma.
func (s *formScorer) describeCue(f *cueForm, lower, lemma string) {
	m := s.m
	word := cueVecOf(m, linear.Str(cWord, lower))
	f.lem = linear.Str(cLemma, lemma)
	lemmaVec := cueVecOf(m, f.lem)
	f.start = cueVec{}
	f.start.add(&s.bias)
	f.start.add(&word)
	f.start.add(&lemmaVec)
	f.lemmaPOS = linear.Str(cLemmaPOS, lemma)
	w := linear.Str(cPrevLabelWord, lower)
	for l := range numCueLabels {
		f.labelWord[l] = cueVecOf(m, linear.Pair(linear.Int(cPrevLabelWord, l), w))
	}
	f.prev = cueVecOf(m, linear.Str(cPrevWord, lower))
	f.next = cueVecOf(m, linear.Str(cNextWord, lower))
	f.prev2 = cueVecOf(m, linear.Str(cPrev2Word, lower))
	f.next2 = cueVecOf(m, linear.Str(cNext2Word, lower))
	if len(lower) > 3 {
		f.suffix, f.hasSuffix = cueVecOf(m, linear.Str(cSuffix, lower[len(lower)-3:])), true
	}
	f.asLemmaNext = linear.Str(cLemmaNext, lower)
	f.asLemmaPrev = linear.Str(cLemmaPrev, lower)
}

// cueSum is a running sum of cue label scores, held in registers: a
// cueVec behind a pointer would go through memory at every addition, each
// waiting on the one before. Its additions are cueVec.add's, lane for
// lane, so the sums are the same bit for bit.
type cueSum struct{ x0, x1, x2 float32 }

// plus returns s with v added.
func (s cueSum) plus(v *cueVec) cueSum { return cueSum{s.x0 + v[0], s.x1 + v[1], s.x2 + v[2]} }

// vec returns s as a cueVec.
func (s cueSum) vec() cueVec { return cueVec{s.x0, s.x1, s.x2} }

// row returns s with the weights of r in s.m added: -0 for a label r has
// no weight for, which adds nothing, as AddRow does.
func (s cueSum) row(m *linear.Model, r linear.Row) cueSum {
	v := cueVec{negZero, negZero, negZero}
	m.AddRow(r, v[:])
	return s.plus(&v)
}

// addTagged returns sum with the weights of feature feat added, a pairing
// of f's lemma whose value has index k in f's tables when tagged (f's
// tables hold s.m's weights), else looked up.
func (s *formScorer) addTagged(sum cueSum, tagged bool, f *cueForm, k uint8, feat uint64) cueSum {
	if !tagged {
		return s.look(sum, feat)
	} else if k != 0 {
		return sum.plus(&f.rows[k-1])
	}
	return sum
}

// look returns sum with the weights in s.m of cue feature f added.
func (s *formScorer) look(sum cueSum, f uint64) cueSum {
	return sum.row(s.m, s.m.Row(s.feat(f)))
}

// scoreTok sets sc to the scores of the features cueFeatures lists for
// token i, adding them in its order. c.forms must be set (see forms).
func (s *formScorer) scoreTok(c *context, i, a, b, prev int, sc *cueVec) {
	s.cueTerms(c, i, a, b, prev, sc, true)
}

// addCueFeatures adds to sc the weights in s.m of the features
// cueFeatures lists for token i, in its order. Unlike scoreTok, it reads
// no weights from the forms' infos, which hold the cue model's, so that
// it serves any model of the cue features (see acceptScorer).
func (s *formScorer) addCueFeatures(c *context, i, a, b, prev int, sc *cueVec) {
	s.cueTerms(c, i, a, b, prev, sc, false)
}

// cueTerms adds the weights of the features cueFeatures lists for token i
// in its order: those with a small domain from s's tables, those of word
// forms from c.forms when own (the forms' infos hold s.m's weights, and
// then it sets sc, starting from a form's first three terms), else looked
// up, their hashes taken from c.forms where a form's info has them.
func (s *formScorer) cueTerms(c *context, i, a, b, prev int, sc *cueVec, own bool) {
	d := c.d
	toks := c.toks
	pos := d.Tokens[i].POS
	var ppos, npos doc.POS
	if i > a {
		ppos = d.Tokens[i-1].POS
	}
	if i+1 < b {
		npos = d.Tokens[i+1].POS
	}
	t := &toks[i]
	if int(pos) >= doc.NumPOS || int(ppos) >= doc.NumPOS || int(npos) >= doc.NumPOS || t.quote >= numQuote || len(c.forms) != len(toks) {
		if own {
			*sc = cueVec{}
		}
		var fb [64]uint64
		for _, f := range cueFeatures(fb[:0], c, i, a, b, prev) {
			s.m.Add(s.feat(f), sc[:])
		}
		return
	}
	sentQuote := c.opens[b]-c.opens[a]+c.closes[b]-c.closes[a] > 0
	left, right := quoteDists(c, i, a, b)
	m := s.m
	f := &c.forms[i].cue
	tagged := own && f.tagged
	// The features of word pairs and tag triples, looked up first so that
	// their lookups overlap.
	asPrev, asNext := s.lemmaPrevStart, s.lemmaNextEnd
	if i > a {
		asPrev = c.forms[i-1].cue.asLemmaPrev
	}
	if i+1 < b {
		asNext = c.forms[i+1].cue.asLemmaNext
	}
	lemmaNext := m.Row(s.feat(linear.Pair(f.lem, asNext)))
	lemmaPrev := m.Row(s.feat(linear.Pair(f.lem, asPrev)))
	var posTri linear.Row
	tri := s.triIdx[ppos][pos][npos]
	if tri == triLookup {
		posTri = m.Row(s.feat(linear.Pair(s.posTri[ppos][pos], uint64(npos))))
	}
	var sum cueSum
	if own {
		sum = cueSum{f.start[0], f.start[1], f.start[2]}
	} else {
		sum = cueSum{sc[0], sc[1], sc[2]}.plus(&s.bias)
		sum = s.look(sum, linear.Str(cWord, t.lower))
		sum = s.look(sum, f.lem)
	}
	sum = sum.plus(&s.pos[pos])
	sum = s.addTagged(sum, tagged, f, f.posIdx[pos], linear.Pair(f.lemmaPOS, uint64(pos)))
	sum = sum.plus(&s.quote[t.quote])
	sum = sum.plus(&s.prevLabel[prev])
	if own {
		sum = sum.plus(&f.labelWord[prev])
	} else {
		sum = s.look(sum, linear.Pair(linear.Int(cPrevLabelWord, prev), linear.Str(cPrevLabelWord, t.lower)))
	}
	sum = sum.plus(&s.prevLabelPOS[prev][pos])
	sum = sum.plus(&s.quoteLeft[bucketDist(left)+1])
	sum = sum.plus(&s.quoteRight[bucketDist(right)+1])
	if t.cue != 0 {
		k := 0
		for bit := lexicon.CueClass(1); bit != 0 && bit <= t.cue; bit <<= 1 {
			if t.cue&bit != 0 {
				sum = sum.plus(&s.cueClass[k][pos])
			}
			k++
		}
	}
	if t.noun {
		sum = sum.plus(&s.noun)
	}
	if sentQuote {
		sum = sum.plus(&s.sentQuote)
	}
	if i == a {
		sum = sum.plus(&s.first)
	}
	if i == b-1 {
		sum = sum.plus(&s.last)
	}
	if d.Tokens[i].Has(doc.Upper) {
		sum = sum.plus(&s.shape)
	}
	if i > a {
		p := &toks[i-1]
		if own {
			sum = sum.plus(&c.forms[i-1].cue.prev)
		} else {
			sum = s.look(sum, linear.Str(cPrevWord, p.lower))
		}
		sum = sum.plus(&s.prevPOS[ppos])
		sum = sum.plus(&s.posPrevCur[ppos][pos])
		sum = sum.plus(&s.prevQuote[p.quote&(numQuote-1)])
		if p.cue != 0 {
			sum = sum.plus(&s.prevLemmaCue[p.cue])
		}
	} else {
		sum = sum.plus(&s.startPrev)
	}
	if i+1 < b {
		n := &toks[i+1]
		if own {
			sum = sum.plus(&c.forms[i+1].cue.next)
		} else {
			sum = s.look(sum, linear.Str(cNextWord, n.lower))
		}
		sum = sum.plus(&s.nextPOS[npos])
		sum = sum.plus(&s.posCurNext[pos][npos])
		sum = sum.plus(&s.nextQuote[n.quote&(numQuote-1)])
		if n.cue != 0 {
			sum = sum.plus(&s.nextLemmaCue[n.cue])
		}
	} else {
		sum = sum.plus(&s.endNext)
	}
	if i > a+1 {
		if own {
			sum = sum.plus(&c.forms[i-2].cue.prev2)
		} else {
			sum = s.look(sum, linear.Str(cPrev2Word, toks[i-2].lower))
		}
	}
	sum = sum.row(m, lemmaNext)
	sum = sum.row(m, lemmaPrev)
	sum = s.addTagged(sum, tagged, f, f.nextPOSIdx[npos], linear.Pair(f.lem, s.lemmaNextPOS[npos]))
	if tri == triLookup {
		sum = sum.row(m, posTri)
	} else if tri != 0 {
		sum = sum.plus(&s.triRows[tri-1])
	}
	lq := int(t.quote) | b2i(sentQuote)<<4
	sum = s.addTagged(sum, tagged, f, f.quoteIdx[lq], linear.Pair(f.lem, s.lemmaQuote[lq]))
	if own && f.hasSuffix {
		sum = sum.plus(&f.suffix)
	} else if !own && len(t.lower) > 3 {
		sum = s.look(sum, linear.Str(cSuffix, t.lower[len(t.lower)-3:]))
	}
	if i > a && toks[i-1].mEnd != mNone {
		sum = sum.plus(&s.prevMention[toks[i-1].mEnd][pos])
	}
	if i+1 < b && toks[i+1].mStart != mNone {
		sum = sum.plus(&s.nextMention[toks[i+1].mStart][pos])
	}
	sum = sum.plus(&s.compAhead[compAhead(c, i, b)][pos])
	sum = sum.plus(&s.subjBehind[subjBehind(c, i, a)][pos])
	if i+2 < b {
		if own {
			sum = sum.plus(&c.forms[i+2].cue.next2)
		} else {
			sum = s.look(sum, linear.Str(cNext2Word, toks[i+2].lower))
		}
	}
	if i > a && toks[i-1].cue != 0 {
		sum = s.addClass(sum, 0, toks[i-1].cue, pos)
	}
	if i+1 < b && toks[i+1].cue != 0 {
		sum = s.addClass(sum, 1, toks[i+1].cue, pos)
	}
	if i+2 < b && toks[i+2].cue != 0 {
		sum = s.addClass(sum, 2, toks[i+2].cue, pos)
	}
	sum = sum.plus(&s.prevLabelTags[prev][ppos][pos])
	*sc = sum.vec()
}
