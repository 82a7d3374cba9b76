package attrib

import (
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// bndTables holds the weights of the boundary model's features with
// small domains, looked up once per model (the single ones as bvecs, the
// tag pairs as rows), so that scoring a token as a span boundary
// (boundaryFeatures) costs no hashing and, with the rows of its word
// forms from the form cache (bndForm), no hash-table lookup.
type bndTables struct {
	m                                                                *linear.Model
	bias, sentStart, paraStart, sentEnd, paraEnd, shape, nextSentEnd bvec
	pos, prevPOS, nextPOS, prev2POS, next2POS                        [doc.NumPOS]bvec
	quote, prevQuote, nextQuote                                      [numQuote]bvec
	cue                                                              [numCueClass]bvec
	posPrevCur, posCurNext                                           [doc.NumPOS][doc.NumPOS]*bvec // nil for no weights
}

// bvec is one feature's weights, one per boundary class, as the model
// adds them: -0, the identity of float addition, for a class the feature
// has no weight for. Adding a bvec gives, bit for bit, what adding the
// feature's row gives.
type bvec [numBoundary]float32

// add adds v to s, written out since the loop's own work doubled the
// cost.
func (s *bvec) add(v *bvec) {
	s[0] += v[0]
	s[1] += v[1]
	s[2] += v[2]
	s[3] += v[3]
	s[4] += v[4]
	s[5] += v[5]
	s[6] += v[6]
	s[7] += v[7]
	s[8] += v[8]
	s[9] += v[9]
	s[10] += v[10]
	s[11] += v[11]
	s[12] += v[12]
	s[13] += v[13]
	s[14] += v[14]
	s[15] += v[15]
	s[16] += v[16]
	s[17] += v[17]
	s[18] += v[18]
	s[19] += v[19]
	s[20] += v[20]
	s[21] += v[21]
	s[22] += v[22]
	s[23] += v[23]
	s[24] += v[24]
	s[25] += v[25]
	s[26] += v[26]
	s[27] += v[27]
}

// addBvecsGeneric adds the vectors vs to dst in order.
func addBvecsGeneric(dst *bvec, vs []*bvec) {
	for _, v := range vs {
		dst.add(v)
	}
}

// bvecSum adds up a token's boundary weights in order: the vectors it is
// given are kept in a list and added together (addBvecs).
type bvecSum struct {
	s  *bvec
	n  int
	vs [24]*bvec
}

// add adds v after what came before; nil adds nothing.
func (a *bvecSum) add(v *bvec) {
	if v != nil {
		a.vs[a.n] = v
		a.n++
	}
}

// flush adds the vectors listed.
func (a *bvecSum) flush() {
	if a.n > 0 {
		addBvecs(a.s, a.vs[:a.n])
		a.n = 0
	}
}

// bvecOf returns the weights of feature f in m.
func bvecOf(m *linear.Model, f uint64) bvec {
	var v bvec
	for k := range v {
		v[k] = negZero
	}
	m.Add(f, v[:])
	return v
}

// bndForm is the boundary model's part of a formInfo: the weights of a
// word form as the token's word, the previous word and the next word, as
// vectors (nil for none) so that they add with the others.
type bndForm struct {
	word, prev, next *bvec
}

func newBndTables(m *linear.Model) *bndTables {
	b := &bndTables{m: m}
	v := func(f uint64) bvec { return bvecOf(m, f) }
	b.bias = v(linear.Int(bfBias, 0))
	b.sentStart = v(linear.Int(bfSentStart, 1))
	b.paraStart = v(linear.Int(bfParaStart, 1))
	b.sentEnd = v(linear.Int(bfSentEnd, 1))
	b.paraEnd = v(linear.Int(bfParaEnd, 1))
	b.shape = v(linear.Int(bfShape, 1))
	b.nextSentEnd = v(linear.Int(bfNextSentEnd, 1))
	for p := range doc.NumPOS {
		b.pos[p] = v(linear.Int(bfPOS, p))
		b.prevPOS[p] = v(linear.Int(bfPrevPOS, p))
		b.nextPOS[p] = v(linear.Int(bfNextPOS, p))
		b.prev2POS[p] = v(linear.Int(bfPrev2POS, p))
		b.next2POS[p] = v(linear.Int(bfNext2POS, p))
		for p2 := range doc.NumPOS {
			b.posPrevCur[p2][p] = vecOrNil(m, linear.Pair(linear.Int(bfPOSPrevCur, p2), uint64(p)))
			b.posCurNext[p][p2] = vecOrNil(m, linear.Pair(linear.Int(bfPOSCurNext, p), uint64(p2)))
		}
	}
	for q := range numQuote {
		b.quote[q] = v(linear.Int(bfQuote, q))
		b.prevQuote[q] = v(linear.Int(bfPrevQuote, q))
		b.nextQuote[q] = v(linear.Int(bfNextQuote, q))
	}
	for k := range numCueClass {
		b.cue[k] = v(linear.Int(bfCue, k))
	}
	return b
}

// vecOrNil returns the weights of feature f in m, or nil when it has
// none.
func vecOrNil(m *linear.Model, f uint64) *bvec {
	if m.Row(f) == (linear.Row{}) {
		return nil
	}
	v := bvecOf(m, f)
	return &v
}

// describe fills f for a word form whose lower-case form is lower.
func (b *bndTables) describe(f *bndForm, lower string) {
	f.word = vecOrNil(b.m, linear.Str(bfWord, lower))
	f.prev = vecOrNil(b.m, linear.Str(bfPrevWord, lower))
	f.next = vecOrNil(b.m, linear.Str(bfNextWord, lower))
}

// score sets sc to the scores of the features boundaryFeatures lists for
// token i, adding them in its order, with the forms' rows from c.forms.
// It reports false, leaving sc alone, for a token whose tags or quote
// state lie outside the tables.
func (b *bndTables) score(c *context, i int, sc []float32) bool {
	d := c.d
	n := len(d.Tokens)
	var ppos, p2pos, npos, n2pos doc.POS
	if i > 0 {
		ppos = d.Tokens[i-1].POS
		if i > 1 {
			p2pos = d.Tokens[i-2].POS
		}
	}
	if i+1 < n {
		npos = d.Tokens[i+1].POS
		if i+2 < n {
			n2pos = d.Tokens[i+2].POS
		}
	}
	t := &c.toks[i]
	tok := d.Tokens[i]
	pos := tok.POS
	if max(pos, ppos, p2pos, npos, n2pos) >= doc.POS(doc.NumPOS) || t.quote >= numQuote ||
		i > 0 && c.toks[i-1].quote >= numQuote || i+1 < n && c.toks[i+1].quote >= numQuote {
		return false
	}
	s := bvecSum{s: (*bvec)(sc)}
	*s.s = bvec{}
	s.add(&b.bias)
	s.add(c.forms[i].bnd.word)
	s.add(&b.pos[pos])
	s.add(&b.quote[t.quote])
	if tok.Has(doc.SentStart) {
		s.add(&b.sentStart)
	}
	if tok.Has(doc.ParaStart) {
		s.add(&b.paraStart)
	}
	if t.sentEnd {
		s.add(&b.sentEnd)
	}
	if t.paraEnd {
		s.add(&b.paraEnd)
	}
	if t.cue != 0 {
		s.add(&b.cue[t.cue])
	}
	if tok.Has(doc.Upper) {
		s.add(&b.shape)
	}
	if i > 0 {
		s.add(c.forms[i-1].bnd.prev)
		s.add(&b.prevPOS[ppos])
		s.add(b.posPrevCur[ppos][pos])
		s.add(&b.prevQuote[c.toks[i-1].quote])
		if i > 1 {
			s.add(&b.prev2POS[p2pos])
		}
	}
	if i+1 < n {
		s.add(c.forms[i+1].bnd.next)
		s.add(&b.nextPOS[npos])
		s.add(b.posCurNext[pos][npos])
		s.add(&b.nextQuote[c.toks[i+1].quote])
		if c.toks[i+1].sentEnd {
			s.add(&b.nextSentEnd)
		}
		if i+2 < n {
			s.add(&b.next2POS[n2pos])
		}
	}
	s.flush()
	return true
}

// bvec.add writes out numBoundary additions.
var _ = [1]struct{}{}[numBoundary-28]
