package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// creditLabels are the one-word labels of a picture's or a clip's credit
// line ("Photo: Ana Ruiz, AP"): what follows the colon is who made the
// picture, not anything said.
var creditLabels = map[string]bool{
	"photo": true, "photos": true, "photograph": true, "image": true, "images": true,
	"picture": true, "pictures": true, "credit": true, "credits": true, "caption": true,
	"illustration": true, "graphic": true, "video": true, "footage": true,
}

// creditLines drops the statements whose cue is a colon and whose source
// is one word labelling a credit line ("Photo: Ana Ruiz, AP"), with the
// statements they hold.
func creditLines(d *doc.Document, sts []doc.Statement) []doc.Statement {
	drop := make([]bool, len(sts))
	found := false
	for i, st := range sts {
		if d.Slice(st.Cue) == ":" && creditLabels[strings.ToLower(d.Slice(st.Source))] {
			drop[i], found = true, true
		}
	}
	if !found {
		return sts
	}
	return dropStatements(sts, drop)
}

// sourceInParent drops the statements held by another whose source lies
// inside that other's source ("A report by the board, according to local
// newspaper Brennick Tidende, recommended …": "Brennick Tidende" did not
// recommend): a name within a source is who spoke, not a second speaker.
func sourceInParent(sts []doc.Statement) []doc.Statement {
	drop := make([]bool, len(sts))
	found := false
	for i, st := range sts {
		if st.Parent < 0 || st.Source.IsZero() {
			continue
		}
		if p := sts[st.Parent]; !p.Source.IsZero() && p.Source.Contains(st.Source) {
			drop[i], found = true, true
		}
	}
	if !found {
		return sts
	}
	return dropStatements(sts, drop)
}

// possessiveAddressee moves the start of statement i's content, after a
// verb of telling ("told", "assured"), past the rest of the addressee's
// name where the decoder began the content inside a name that runs on
// through a possessive ("told Radio Corrane's Morning Hour the repairs
// would …", "told NBC News' Today show the …"): the name is capitalised words
// and possessives from the cue on, a possessive among them inside the
// content, with at most one common noun ending it ("show", whatever its tag), and the
// content left holds a finite verb. A statement whose cue lies inside the
// name ("show" read as a verb) is dropped.
func possessiveAddressee(c *context, sts []doc.Statement, drop []bool, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	qe := d.TokenAt(st.Cue.End-1) + 1
	ca, ce := d.TokenAt(st.Content[0].Start), d.TokenAt(st.Content[0].End-1)+1
	if qe <= 0 || ca <= qe || !addressVerbs[c.toks[qe-1].lemma] {
		return
	}
	_, sb := c.sentRange(qe)
	j, poss := qe, -1
	for j < sb && j < ce {
		w := d.Slice(d.Tokens[j].Span())
		if (d.Tokens[j].POS == doc.TagPOS || w == "'s" || w == "’s" || w == "'" || w == "’") && j > qe {
			poss = j
		} else if !capitalised(w) {
			break
		}
		j++
	}
	if poss < ca || j == poss+1 {
		return
	}
	if j+1 < ce && (d.Tokens[j].POS == doc.TagNN || occasionHeads[c.toks[j].lower]) && !d.Tokens[j+1].POS.IsNoun() {
		j++ // "Today show", the noun read as a verb or not
	}
	finite := false
	for k := j; k < ce; k++ {
		if d.Tokens[k].POS.IsFinite() {
			finite = true
			break
		}
	}
	if !finite {
		return
	}
	name := d.TokenSpan(qe, j)
	st.Content[0].Start = d.Tokens[j].Start
	for o := range sts {
		if o != i && name.Contains(sts[o].Cue) {
			drop[o] = true
		}
	}
}

// asideRest gives statement i, whose content follows its cue and is a
// noun phrase with no verb that ends right before a comma ("said the pier,
// apart from its old railings, was sound"), the rest of its sentence when
// an aside that opens with a preposition or an adverb ("apart from",
// "despite", "while", "almost") and has no verb and no quotation stands between that comma and
// the next and a finite verb follows the second: the noun phrase is the
// subject of a clause the aside interrupts, and the clause is what was
// said.
func asideRest(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].Start < st.Cue.End {
		return
	}
	ca, ce := d.TokenAt(st.Content[0].Start), d.TokenAt(st.Content[0].End-1)+1
	if ca < 0 || ce <= 0 {
		return
	}
	_, sb := c.sentRange(ca)
	if ce+3 >= sb || c.toks[ce].word != "," {
		return
	}
	for k := ca; k < ce; k++ {
		if d.Tokens[k].POS.IsVerb() || d.Tokens[k].POS == doc.TagMD || c.toks[k].quote != 0 || d.Tokens[k].Has(doc.InQuote) {
			return
		}
	}
	if p := d.Tokens[ce+1].POS; p != doc.TagIN && p != doc.TagRB {
		return // an apposition ("the mayor, Ana Ruiz, …") names, it does not interrupt
	}
	k := ce + 1
	for k < sb && c.toks[k].word != "," {
		if d.Tokens[k].POS.IsVerb() || d.Tokens[k].POS == doc.TagMD || c.toks[k].quote != 0 || d.Tokens[k].Has(doc.InQuote) {
			return
		}
		k++
	}
	if k == ce+1 || k+1 >= sb || !d.Tokens[k+1].POS.IsFinite() {
		return
	}
	contentToEnd(c, sts, i, ce, k+2, sb)
}

// contentToEnd runs statement i's single content on from token from to
// the end of the sentence ending at sb, without its closing punctuation
// (kept from token least on), unless a quotation mark stands in the
// words added or another statement touches them.
func contentToEnd(c *context, sts []doc.Statement, i, from, least, sb int) {
	d := c.d
	e := sb
	for e > least && d.Tokens[e-1].Kind == doc.Punct {
		e--
	}
	for q := from; q < e; q++ {
		if c.toks[q].quote != 0 || d.Tokens[q].Has(doc.InQuote) {
			return
		}
	}
	rest := d.TokenSpan(from, e)
	if touchedByOther(sts, i, rest) {
		return
	}
	sts[i].Content[0].End = rest.End
}

// partitiveRest gives statement i, whose content follows its cue and
// ends right before a comma and a relative clause opened by a quantity
// "of which" or "of whom" whose pronoun is the subject ("said it had
// commissioned two valuations, both of which supported the price"), the
// rest of its sentence: the clause says more of the content's last noun,
// and PolNeAR keeps it in the content (7 times in 9 in train; the two
// others have their own subject or end a belief).
func partitiveRest(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].Start < st.Cue.End {
		return
	}
	ce := d.TokenAt(st.Content[0].End-1) + 1
	if ce <= 0 {
		return
	}
	_, sb := c.sentRange(ce - 1)
	if ce+5 >= sb || c.toks[ce].word != "," || c.toks[ce+2].lower != "of" {
		return
	}
	if w := c.toks[ce+3].lower; w != "which" && w != "whom" {
		return
	}
	if p := d.Tokens[ce+1].POS; p != doc.TagDT && p != doc.TagCD && p != doc.TagJJ && p != doc.TagNN && p != doc.TagPDT {
		return
	}
	v := ce + 4
	for v < sb && isAdverb(d.Tokens[v].POS) {
		v++
	}
	if v >= sb || !d.Tokens[v].POS.IsFinite() {
		return
	}
	contentToEnd(c, sts, i, ce, v+1, sb)
}

// capitalised reports whether w opens with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// addresseeBeforeQuote takes the one told out of a direct content that
// opens with them right after a telling verb and a comma before the
// quotation ("told “Harbour Today” host Lina Moss, “We will be ready.”"):
// the content is the quotation after the comma, where the words before
// it, a dozen at most, have no finite verb outside quotation marks and
// the quotation runs to the content's end.
func addresseeBeforeQuote(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	qe := d.TokenAt(st.Cue.End-1) + 1
	if qe <= 0 || qe >= len(d.Tokens) || !addressVerbs[c.toks[qe-1].lemma] || d.TokenAt(st.Content[0].Start) != qe {
		return
	}
	ce := d.TokenAt(st.Content[0].End-1) + 1
	for k := qe; k < ce-1 && k < qe+12; k++ {
		if c.toks[k].word == "," && c.toks[k+1].quote&qOpen != 0 {
			if !quoteRunsTo(c, k+1, ce) {
				return
			}
			st.Content[0].Start = d.Tokens[k+1].Start
			return
		}
		if c.toks[k].quote == 0 && !d.Tokens[k].Has(doc.InQuote) && (d.Tokens[k].POS.IsFinite() || complementizers[c.toks[k].lower]) {
			return
		}
	}
}

// quoteRunsTo reports whether the quotation opening at token a closes
// at the last token before e, closing punctuation aside.
func quoteRunsTo(c *context, a, e int) bool {
	d := c.d
	for k := a + 1; k < e; k++ {
		if c.toks[k].quote&qClose != 0 {
			for j := k + 1; j < e; j++ {
				if d.Tokens[j].Kind != doc.Punct {
					return false
				}
			}
			return true
		}
	}
	return false
}

// relativeSource returns where a source that ends in the relative
// pronoun the cue's clause opens with ("Many who came … are fishermen
// with families on the islands who said …") should start: at the
// pronoun, the cue's subject, as PolNeAR marks "who" alone (541 times
// in train, "X who" 6 times); s.a when the source is the pronoun alone
// or ends otherwise.
func relativeSource(c *context, s span) int {
	d := c.d
	if s.b-s.a < 2 {
		return s.a
	}
	w := c.toks[s.b-1].lower
	if w != "who" && w != "that" && w != "which" || d.Tokens[s.b-1].POS != doc.TagWP && d.Tokens[s.b-1].POS != doc.TagWDT {
		return s.a
	}
	return s.b - 1
}

// relativeSourceRest runs statement i's source, which follows its cue
// and holds a relative clause ("said Nadia Perrin, a 61-year-old whose
// brother had …"), on to the end of that clause where the decoder cut it
// at a word no phrase ends with (a verb, a modal, "to", a determiner or
// a preposition): to the next comma or the sentence's closing
// punctuation, over no quotation mark and no other statement's span, as
// PolNeAR marks a relative clause as part of the source.
func relativeSourceRest(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if st.Source.IsZero() || st.Cue.IsZero() || st.Source.Start < st.Cue.End {
		return
	}
	a, b := d.TokenAt(st.Source.Start), d.TokenAt(st.Source.End-1)+1
	if a < 0 || b <= a {
		return
	}
	rel := false
	for k := a; k < b; k++ {
		if p := d.Tokens[k].POS; p == doc.TagWP || p == doc.TagWPS || p == doc.TagWDT {
			rel = true
		}
	}
	p := d.Tokens[b-1].POS
	if !rel || !(p.IsVerb() || p == doc.TagMD || p == doc.TagTO || p == doc.TagDT || p == doc.TagIN) {
		return
	}
	_, sb := c.sentRange(a)
	e := b
	for e < sb && c.toks[e].word != "," && !(d.Tokens[e].Kind == doc.Punct && e+1 >= sb) {
		if c.toks[e].quote != 0 || d.Tokens[e].Has(doc.InQuote) {
			return
		}
		e++
	}
	if e == b {
		return
	}
	rest := d.TokenSpan(b, e)
	if touchedByOther(sts, i, rest) {
		return
	}
	st.Source.End = rest.End
}
