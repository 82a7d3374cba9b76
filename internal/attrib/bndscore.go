package attrib

import (
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// bndTables holds the rows of the boundary model's features with small
// domains, looked up once per model, so that scoring a token as a span
// boundary (boundaryFeatures) costs no hashing and, with the rows of its
// word forms from the form cache (bndForm), no hash-table lookup.
type bndTables struct {
	m                                                                *linear.Model
	bias, sentStart, paraStart, sentEnd, paraEnd, shape, nextSentEnd linear.Row
	pos, prevPOS, nextPOS, prev2POS, next2POS                        [doc.NumPOS]linear.Row
	quote, prevQuote, nextQuote                                      [numQuote]linear.Row
	cue                                                              [numCueClass]linear.Row
	posPrevCur, posCurNext                                           [doc.NumPOS][doc.NumPOS]linear.Row
}

// bndForm is the boundary model's part of a formInfo: the rows of a word
// form as the token's word, the previous word and the next word.
type bndForm struct {
	word, prev, next linear.Row
}

func newBndTables(m *linear.Model) *bndTables {
	b := &bndTables{m: m}
	b.bias = m.Row(linear.Int(bfBias, 0))
	b.sentStart = m.Row(linear.Int(bfSentStart, 1))
	b.paraStart = m.Row(linear.Int(bfParaStart, 1))
	b.sentEnd = m.Row(linear.Int(bfSentEnd, 1))
	b.paraEnd = m.Row(linear.Int(bfParaEnd, 1))
	b.shape = m.Row(linear.Int(bfShape, 1))
	b.nextSentEnd = m.Row(linear.Int(bfNextSentEnd, 1))
	for p := range doc.NumPOS {
		b.pos[p] = m.Row(linear.Int(bfPOS, p))
		b.prevPOS[p] = m.Row(linear.Int(bfPrevPOS, p))
		b.nextPOS[p] = m.Row(linear.Int(bfNextPOS, p))
		b.prev2POS[p] = m.Row(linear.Int(bfPrev2POS, p))
		b.next2POS[p] = m.Row(linear.Int(bfNext2POS, p))
		for p2 := range doc.NumPOS {
			b.posPrevCur[p2][p] = m.Row(linear.Pair(linear.Int(bfPOSPrevCur, p2), uint64(p)))
			b.posCurNext[p][p2] = m.Row(linear.Pair(linear.Int(bfPOSCurNext, p), uint64(p2)))
		}
	}
	for q := range numQuote {
		b.quote[q] = m.Row(linear.Int(bfQuote, q))
		b.prevQuote[q] = m.Row(linear.Int(bfPrevQuote, q))
		b.nextQuote[q] = m.Row(linear.Int(bfNextQuote, q))
	}
	for k := range numCueClass {
		b.cue[k] = m.Row(linear.Int(bfCue, k))
	}
	return b
}

// describe fills f for a word form whose lower-case form is lower.
func (b *bndTables) describe(f *bndForm, lower string) {
	f.word = b.m.Row(linear.Str(bfWord, lower))
	f.prev = b.m.Row(linear.Str(bfPrevWord, lower))
	f.next = b.m.Row(linear.Str(bfNextWord, lower))
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
	m := b.m
	clear(sc)
	m.AddRow(b.bias, sc)
	m.AddRow(c.forms[i].bnd.word, sc)
	m.AddRow(b.pos[pos], sc)
	m.AddRow(b.quote[t.quote], sc)
	if tok.Has(doc.SentStart) {
		m.AddRow(b.sentStart, sc)
	}
	if tok.Has(doc.ParaStart) {
		m.AddRow(b.paraStart, sc)
	}
	if t.sentEnd {
		m.AddRow(b.sentEnd, sc)
	}
	if t.paraEnd {
		m.AddRow(b.paraEnd, sc)
	}
	if t.cue != 0 {
		m.AddRow(b.cue[t.cue], sc)
	}
	if tok.Has(doc.Upper) {
		m.AddRow(b.shape, sc)
	}
	if i > 0 {
		m.AddRow(c.forms[i-1].bnd.prev, sc)
		m.AddRow(b.prevPOS[ppos], sc)
		m.AddRow(b.posPrevCur[ppos][pos], sc)
		m.AddRow(b.prevQuote[c.toks[i-1].quote], sc)
		if i > 1 {
			m.AddRow(b.prev2POS[p2pos], sc)
		}
	}
	if i+1 < n {
		m.AddRow(c.forms[i+1].bnd.next, sc)
		m.AddRow(b.nextPOS[npos], sc)
		m.AddRow(b.posCurNext[pos][npos], sc)
		m.AddRow(b.nextQuote[c.toks[i+1].quote], sc)
		if c.toks[i+1].sentEnd {
			m.AddRow(b.nextSentEnd, sc)
		}
		if i+2 < n {
			m.AddRow(b.next2POS[n2pos], sc)
		}
	}
	return true
}
