package attrib

import "github.com/verbatim-news/verbatim/internal/doc"

// quotedAs reads the passive report "X was quoted as saying …" around
// token v, "quoted" after a form of "be" (and adverbs), with an agent
// "by …" of at most eight words before "as saying" ("was quoted by the
// Gazette as saying"): the cue runs from the auxiliary to "saying", as
// PolNeAR marks "is quoted as saying", the source is the auxiliary's
// subject (verbSubject) and the content the rest of the sentence, from
// "that" where a phrase of at most four words that only says when
// stands before it ("as saying on Monday that …", as thatAfterAdverbial
// reads it) and without the punctuation closing the sentence. ok is
// false where the words are not so, the content is quoted (the
// quotation's own rules read it) or no subject stands before the
// auxiliary.
func quotedAs(c *context, v int) (cue cueSpan, src, content span, ok bool) {
	d := c.d
	if c.toks[v].lower != "quoted" || d.Tokens[v].POS != doc.TagVBN || d.Tokens[v].Has(doc.InQuote) {
		return
	}
	sa, sb := c.sentRange(v)
	aux := v - 1
	for aux > sa && isAdverb(d.Tokens[aux].POS) {
		aux--
	}
	if aux <= sa || c.toks[aux].lemma != "be" {
		return
	}
	j := v + 1
	if j < sb && c.toks[j].lower == "by" {
		for j++; j < sb && j <= v+10 && c.toks[j].lower != "as"; j++ {
			if c.toks[j].punct() || c.toks[j].quote != 0 || d.Tokens[j].POS.IsVerb() {
				return
			}
		}
	}
	if j+2 >= sb || c.toks[j].lower != "as" || c.toks[j+1].lower != "saying" {
		return
	}
	ca := j + 2
	if c.toks[ca].punct() || c.toks[ca].quote != 0 {
		return
	}
	for k := ca; k < sb && k < ca+5; k++ {
		if c.toks[k].lower == "that" && d.Tokens[k].POS == doc.TagIN {
			for w := ca; w < k; w++ {
				if !adverbialWord(c, w) {
					return
				}
			}
			ca = k
			break
		}
	}
	end := sb
	for end > ca+1 && c.toks[end-1].punct() && c.toks[end-1].quote == 0 {
		end--
	}
	for k := ca; k < end; k++ {
		if c.toks[k].quote != 0 {
			return
		}
	}
	src = verbSubject(c, sa, aux)
	if src.none() || end-ca < 3 {
		return
	}
	return cueSpan{a: aux, b: j + 2}, src, span{a: ca, b: end, side: sideRight}, true
}

// quotedAsSaying gives candidate k, whose cue holds the "quoted" of a
// passive report ("was quoted as saying …", quotedAs), that report's
// cue, source and content where the decoder read the words otherwise
// ("was quoted" with the agent for source).
func quotedAsSaying(c *context, k candidate) candidate {
	for v := k.cue.a; v < k.cue.b; v++ {
		if cue, src, content, ok := quotedAs(c, v); ok {
			k.cue, k.source, k.content = cueSpan{a: cue.a, b: cue.b, score: k.cue.score}, src, content
			return k
		}
	}
	return k
}

// quotedAsClauses adds the passive reports ("was quoted as saying on
// Monday that …", quotedAs) no kept statement holds.
func quotedAsClauses(c *context, kept []candidate) []candidate {
	for v := 1; v+3 < len(c.toks); v++ {
		if cue, src, content, ok := quotedAs(c, v); ok {
			kept = addFree(kept, cue, src, content, span{a: cue.a, b: content.b})
		}
	}
	return kept
}
