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

// objectAfterCue runs the cue of candidate k, which goes on past its
// verb into a phrase of how the words were given and ends in a
// preposition ("said in footage posted to"), over that preposition's
// object where only that noun phrase, with no verb, quotation mark or
// comma, is left of the sentence and the content lies before the cue:
// a cue does not end on a preposition whose object it leaves out.
func objectAfterCue(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if q.b-q.a < 3 || q.b >= len(c.toks) || k.content.none() || k.content.b > q.a || !k.source.none() && k.source.b > q.b {
		return k
	}
	if p := d.Tokens[q.b-1].POS; p != doc.TagIN && p != doc.TagTO {
		return k
	}
	_, sb := c.sentRange(q.a)
	e := sb
	for e > q.b && c.toks[e-1].punct() && c.toks[e-1].quote == 0 {
		e--
	}
	if e <= q.b || e-q.b > 8 {
		return k
	}
	for j := e; j < sb; j++ {
		if c.toks[j].word == "," || c.toks[j].quote != 0 {
			return k
		}
	}
	noun := false
	for j := q.b; j < e; j++ {
		p := d.Tokens[j].POS
		if c.toks[j].punct() && p != doc.TagPOS || c.toks[j].quote != 0 || p.IsVerb() || p == doc.TagMD || p == doc.TagIN || p == doc.TagTO || p == doc.TagWDT || p == doc.TagWP {
			return k
		}
		noun = noun || p.IsNoun()
	}
	if !noun || !d.Tokens[e-1].POS.IsNoun() {
		return k
	}
	k.cue.b = e
	return k
}

// dashAside gives statement i, whose content follows its cue, holds no
// finite verb after its last "that" and ends right before a dash, the
// clause that goes on after the dash of the same kind closing an aside,
// where a finite verb opens it, as the content's second part
// ("questioned whether applying for a licence – the cheapest option –
// was enough"): the content is the subject of a clause the aside
// interrupts, the clause is what was said, and the aside is the writer's,
// which PolNeAR leaves out, as with commas (relativeSkipped). A content
// opening with "to" is an infinitive that the verb after the aside has
// for its subject, and stays as it was.
func dashAside(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	ca, ce, sb, ok := contentAfterCue(c, st)
	if !ok {
		return
	}
	if ce+2 >= sb || !isDashWord(c.toks[ce].word) || d.Tokens[ca].POS == doc.TagTO {
		return
	}
	for k := ce - 1; k >= ca && c.toks[k].lower != "that"; k-- {
		if tenseOf(c, k) != 0 || c.toks[k].quote != 0 {
			return
		}
	}
	dash := d.Slice(d.Tokens[ce].Span())
	f := ce + 1
	for ; f < sb && f <= ce+16 && d.Slice(d.Tokens[f].Span()) != dash; f++ {
		if c.toks[f].quote != 0 || d.Tokens[f].Has(doc.InQuote) || c.toks[f].word == ";" {
			return
		}
	}
	if f >= sb || f == ce+1 || d.Slice(d.Tokens[f].Span()) != dash {
		return
	}
	v := f + 1
	for v < sb && isAdverb(d.Tokens[v].POS) {
		v++
	}
	if v >= sb || tenseOf(c, v) == 0 {
		return
	}
	end := clauseRest(c, sts, i, f+1, sb)
	if end <= v {
		return
	}
	for k := f + 1; k < end; k++ {
		if c.toks[k].quote != 0 || d.Tokens[k].Has(doc.InQuote) {
			return
		}
	}
	st.Content = append(st.Content, d.TokenSpan(f+1, end))
}

// quotedClauseAccording gives candidate k, a trailing "according to"
// whose content is only the quotation that closes right before it ("…
// called the plan “reckless,” according to the Courier"), the whole
// clause that quotation ends, from the start of its sentence, where the
// words before the quotation hold a finite verb and no quotation mark:
// the source reports that someone said it, the whole clause, as PolNeAR
// marks it ("She later compared the talks to a “root canal,” according
// to his memoir").
func quotedClauseAccording(c *context, k candidate) candidate {
	q, t := k.cue, k.content
	d := c.d
	if q.b-q.a != 2 || c.toks[q.a].lower != "according" || c.toks[q.a+1].lower != "to" || t.none() || t.b > q.a || c.toks[t.a].quote&qOpen == 0 {
		return k
	}
	for j := t.b; j < q.a; j++ {
		if !c.toks[j].punct() || c.toks[j].quote != 0 {
			return k
		}
	}
	sa, _ := c.sentRange(q.a)
	if t.a <= sa+1 || c.toks[t.a-1].word == ":" {
		return k
	}
	for j := sa; j < t.a; j++ {
		if c.toks[j].quote != 0 || d.Tokens[j].Has(doc.InQuote) {
			return k
		}
	}
	if !finiteIn(c, sa, t.a) {
		return k
	}
	k.content = span{a: sa, b: t.b, side: sideLeft, score: t.score}
	return k
}

// withSpeaker ends the content of candidate k, which follows its cue,
// at a comma that "with", a noun phrase of at most five words and a
// verb that only says in "-ing" (sayingForms) follow ("praised the
// meeting, with the mayor calling it “useful”"): that phrase is its own
// subject's statement, not part of what the cue's source said, and
// PolNeAR ends the content at the comma. extendToQuotes does not cross
// that comma either.
func withSpeaker(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a < k.cue.b {
		return t
	}
	for j := t.a + 1; j+3 < t.b; j++ {
		if withSpeakerAt(c, j, t.b) {
			return span{a: t.a, b: j, side: t.side, score: t.score}
		}
	}
	return t
}

// withSpeakerAt reports whether a comma at token j opens "with", a noun
// phrase of at most five words and a verb of sayingForms before token
// end ("…, with the mayor calling it …").
func withSpeakerAt(c *context, j, end int) bool {
	if j+3 >= end || c.toks[j].word != "," || c.toks[j+1].lower != "with" || c.toks[j].quote != 0 {
		return false
	}
	for v := j + 3; v < end && v <= j+7; v++ {
		if sayingForms[c.toks[v].lower] { // whatever its tag: "branding" may be read as a noun
			return true
		}
		if p := c.d.Tokens[v].POS; p.IsVerb() || c.toks[v].punct() || c.toks[v].quote != 0 {
			return false
		}
	}
	return false
}

// sayingForms are the "-ing" forms of verbs that report words and
// nothing else ("saying", "calling", "branding"), unlike verbs of saying
// that also name acts ("supporting", "offering", "adding").
var sayingForms = map[string]bool{
	"saying": true, "calling": true, "telling": true, "noting": true, "arguing": true, "warning": true,
	"describing": true, "insisting": true, "claiming": true, "urging": true, "accusing": true,
	"dubbing": true, "labelling": true, "labeling": true, "branding": true, "declaring": true, "complaining": true,
}
