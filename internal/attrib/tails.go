package attrib

import "github.com/verbatim-news/verbatim/internal/doc"

// clauseBeforeSource gives candidate k, whose verb of saying ends its
// sentence after its source ("…, Mr. Dalton said."), the clause before
// the source's comma for content where the decoder took the quotation
// opening the next sentence instead: the words before the comma, with a
// finite verb and no quotation mark, are what the source said, and the
// quotation after the full stop is the next thing they said, not this
// verb's object.
func clauseBeforeSource(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if k.content.none() || k.source.none() || k.source.b != q.a || q.b-q.a != 1 || !isSpeechVerb(c, q.a) || !d.Tokens[q.a].POS.IsFinite() {
		return k
	}
	sa, sb := c.sentRange(q.a)
	if k.content.a < sb || c.toks[k.content.a].quote&qOpen == 0 {
		return k
	}
	for j := q.b; j < sb; j++ {
		if !c.toks[j].punct() || c.toks[j].quote != 0 {
			return k
		}
	}
	comma := k.source.a - 1
	if comma <= sa || c.toks[comma].word != "," {
		return k
	}
	for j := sa; j < comma; j++ {
		if c.toks[j].quote != 0 || d.Tokens[j].Has(doc.InQuote) || isSpeechVerb(c, j) {
			return k
		}
	}
	if !finiteIn(c, sa, comma) {
		return k
	}
	k.content = span{a: sa, b: comma, side: sideLeft, score: k.content.score}
	return k
}
