// Package attrib finds attributions: who (the source) said, wrote or
// thought what (the content), as signalled by a cue ("said", "told",
// "according to"). It runs three trained models over a segmented, tagged
// and quote-scanned document:
//
//  1. a cue tagger (B/I/O over tokens, greedy averaged perceptron);
//  2. for each cue, a content ranker and a source ranker that score every
//     candidate span around the cue (see span.go), decoded jointly so the
//     two do not overlap;
//  3. rules where they are more precise than the models: quotations that
//     continue after their attribution ("…," he said. "…") or over
//     paragraphs join their statement's content, a quotation embedded in
//     a clause with a cue verb and its subject before it becomes their
//     statement (embedded.go), and the statement's kind and verbatim
//     quotes come from the quotation marks.
//
// The models are trained on the PolNeAR training split (see Train) and
// embedded in the binary.
package attrib

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
)

//go:embed model/cue.vblm
var cueModel []byte

//go:embed model/boundary.vblm
var boundaryModel []byte

//go:embed model/relation.vblm
var relationModel []byte

//go:embed model/accept.vblm
var acceptModel []byte

// Models are the trained models the Attributor runs.
type Models struct {
	Cue, Boundary, Relation, Accept *linear.Model
}

// AcceptBias is added to the acceptance classifier's margin before the
// accept/reject decision. The classifier is trained on a candidate pool
// where rejects dominate, so it is conservative; the bias that maximises
// F1 on the PolNeAR dev split is used (see the floors test).
var AcceptBias float32 = 30

// SureCue is the tagger margin above which a cue is kept whatever the
// acceptance classifier says.
var SureCue float32 = 20

// Attributor finds the statements of documents. It is immutable and safe
// for concurrent use.
type Attributor struct {
	lex *lexicon.Set
	m   Models
	tb  tables      // the relation model's dense weights, built once
	fs  *formScorer // the cue and boundary models' tables and word cache
	acc *acceptScorer
	// scratch holds *scratch, the storage of one document's decoding.
	scratch sync.Pool
}

// scratch is the storage of one document's decoding, reused across
// documents.
type scratch struct {
	c context
	r ranker
}

// Default returns the Attributor with the embedded models, loaded once.
var Default = sync.OnceValues(func() (*Attributor, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	var m Models
	for _, x := range []struct {
		name string
		b    []byte
		dst  **linear.Model
	}{{"cue", cueModel, &m.Cue}, {"boundary", boundaryModel, &m.Boundary}, {"relation", relationModel, &m.Relation}, {"accept", acceptModel, &m.Accept}} {
		mm, err := linear.Read(bytes.NewReader(x.b))
		if err != nil {
			return nil, fmt.Errorf("attrib: embedded %s model: %w", x.name, err)
		}
		*x.dst = mm
	}
	return New(lex, m)
})

// New returns an Attributor running the given models.
func New(lex *lexicon.Set, m Models) (*Attributor, error) {
	if len(m.Cue.Classes) != numCueLabels || len(m.Boundary.Classes) != numBoundary || len(m.Relation.Classes) != 1 || len(m.Accept.Classes) != 2 {
		return nil, fmt.Errorf("attrib: models have the wrong classes")
	}
	a := &Attributor{lex: lex, m: m, fs: newFormScorer(lex, m.Cue, m.Boundary), acc: newAcceptScorer(m.Accept)}
	a.tb.build(m.Relation)
	return a, nil
}

// Attribute sets d.Statements. d must be segmented, tagged and
// quote-scanned.
func (a *Attributor) Attribute(d *doc.Document) {
	buf, _ := a.scratch.Get().(*scratch)
	if buf == nil {
		buf = new(scratch)
	}
	defer a.scratch.Put(buf)
	defer buf.c.release()
	c := buf.c.reset(d, a.lex, a.fs)
	cues := proposeCues(c, a.fs, proposeSlack)
	r := a.rankerIn(&buf.r, c, cues)
	cands := make([]candidate, 0, len(cues))
	for _, q := range cues {
		k := decodeCue(r, q)
		noPair := k.score == negInf
		k.score = a.acc.margin(c, k) + AcceptBias
		if noPair {
			k = pairApart(r, k)
		}
		k = followingClause(r, k)
		if !dashOK(c, k) {
			continue
		}
		if inv, ok := invertedClause(c, k); ok {
			k = inv
		}
		k = swallowedSource(c, k)
		k = openingAccording(c, k)
		k = interruptingAccording(c, k)
		k = quotedClauseAccording(c, k)
		k = askedQuestion(c, k)
		k = splitSubject(c, k)
		k = colonBlock(c, k)
		k = quotedAsSaying(c, k)
		k = danglingCue(c, k)
		k = objectAfterCue(c, k)
		k = quantityTail(c, k)
		k = subjectAsContent(c, k)
		if subj := participleSubject(c, k); !subj.none() {
			k.source = subj
		}
		if timeSource(c, k.source) {
			k.source = publishedWhen(c, k) // "… daily L'Orient le Jour, today notes that …": when, not who
		}
		if k.source.none() {
			k.source = cueSubject(c, k)
		}
		if src := textbookSource(c, k); !src.none() {
			k.source = src
		}
		k = textbookCue(c, k)
		k.source = appositiveSource(c, k)
		k.source = describedName(c, k)
		k.source = namedApposition(c, k)
		k.source = listHead(c, k)
		k.source = sourceAdjuncts(c, k)
		k.source = sourceApposition(c, k)
		k.source = accordingObject(c, k)
		k.source = accordingRest(c, k)
		k.source = relativeHead(c, k)
		k.source = particleSource(c, k.source)
		k.source = loneComma(c, k.source)
		k.source = sourceOpening(c, k.source, k.cue.a)
		k.source = frontedAdjunct(c, k.source, k.cue.a)
		k.source = adjectiveOfTime(c, k.source)
		if expletiveIt(c, k) {
			k.source = span{} // "It later became known that …": no one
		}
		k = trailingReported(c, k)
		k = namedSubject(c, k)
		k = clauseBeforeSource(c, k)
		if reducedRelative(c, k) || remarksMade(c, k) || supposeSay(c, k) || silentAct(c, k) || addedTo(c, k) {
			continue
		}
		if subjectOnly(c, k) {
			continue // "No alarm sounded, prosecutors said."
		}
		if detachedContent(c, k) || crossedContent(c, k) {
			continue
		}
		if mannerContent(c, k) {
			continue
		}
		if passiveAsk(c, k) {
			// "Reyes was asked whether …": Reyes is the one asked; the
			// asker goes unnamed.
			k.source = span{}
		}
		for range 2 { // "in early-morning posts on Facebook"
			k.content = trailingManner(c, k)
		}
		k.content = verbAfterObject(c, k)
		k.content = narratedAnd(c, k)
		k.content = objectWhen(c, k)
		k.content = thatAfterAdverbial(c, k)
		k.content = subjectOnlyContent(c, k)
		k.content = namedQuote(c, k)
		k.content = withSpeaker(c, k)
		if possessor := possessedClaim(c, k); !possessor.none() {
			k.source = possessor
			k.score = max(k.score, 1)
		}
		if k.score <= 0 && (classicQuote(c, k) || q.score > SureCue) {
			k.score = 1
		}
		if k.score > 0 {
			cands = append(cands, k)
		}
	}
	d.Statements = assemble(c, referringTo(c, pollOpenings(c, quotedAsClauses(c, thatClauses(c, embeddedQuotes(c, coordinatedVerb(c, coordinatedThat(c, timeContents(c, trailingSource(c, frontedContent(c, resolveConflicts(c, nounCues(cands)))))))))))))
}

// frontedAdjunct returns source s, which ends before its cue at q, without
// a prepositional phrase and its comma that open it ("Outside court, the
// daughter of one resident said"; "In a statement, the company said"):
// the phrase says where, when or how the source spoke, not who, and
// PolNeAR leaves it out of the source. A partitive phrase ("Among likely
// voters, two-thirds") and other sources are as they were.
func frontedAdjunct(c *context, s span, q int) span {
	if s.none() || s.b > q || s.b-s.a < 3 {
		return s
	}
	switch c.toks[s.a].lower {
	case "that", "whether", "if", "because", "although", "though", "while", "as", "since":
		return s // a subordinate clause, not a phrase
	case "among", "of":
		return s // who among whom: "Among likely voters, two-thirds say"
	case "outside", "inside":
		// prepositions the tagger may read as adjectives
	default:
		if c.d.Tokens[s.a].POS != doc.TagIN {
			return s
		}
	}
	for m := s.a + 1; m < s.b-1 && m <= s.a+10; m++ {
		if c.toks[m].quote != 0 || c.d.Tokens[m].POS.IsFinite() {
			return s
		}
		if c.toks[m].word == "," {
			if m == s.a+1 {
				return s
			}
			return span{a: m + 1, b: s.b, side: s.side, score: s.score}
		}
	}
	return s
}

// subjectOnly reports whether candidate k, outside the article's first
// paragraph (a headline is often a passive: "Tax plan assailed."), has
// no source and for content only the subject, with no quotation, of its
// cue, one verb in the simple past or present that ends the sentence or
// a short attribution after a comma follows ("No alarm sounded,
// prosecutors said."): nothing is said, and no one says it.
func subjectOnly(c *context, k candidate) bool {
	d := c.d
	if !k.source.none() || k.content.none() || k.content.b > k.cue.a || k.cue.b-k.cue.a != 1 || d.Sentences[d.Tokens[k.cue.a].Sent].Para == 0 {
		return false
	}
	switch d.Tokens[k.cue.a].POS {
	case doc.TagVBD, doc.TagVBZ, doc.TagVBP:
	default:
		return false
	}
	if isSpeechVerb(c, k.cue.a) {
		return false // "Candidate's biography questioned.": a passive
	}
	for j := k.content.a; j < k.content.b; j++ {
		if c.toks[j].quote != 0 {
			return false
		}
	}
	_, sb := c.sentRange(k.cue.a)
	if k.cue.b >= sb {
		return false
	}
	if c.toks[k.cue.b].word == "," && sb-k.cue.b <= 7 {
		for j := k.cue.b + 1; j < sb; j++ {
			if isSpeechVerb(c, j) {
				return true
			}
		}
		return false
	}
	for j := k.cue.b; j < sb; j++ {
		if !c.toks[j].punct() || c.toks[j].quote != 0 {
			return false
		}
	}
	return true
}

// nounCues drops the candidates whose cue is the last word of the source
// of the cue right after it, a noun naming the speaker ("forward" in "the
// Italian forward said"), not a verb of its own.
func nounCues(cands []candidate) []candidate {
	drop := make([]bool, len(cands))
	found := false
	for i, k := range cands {
		for _, o := range cands {
			if o.cue.a == k.cue.b && !o.source.none() && o.source.a < k.cue.a && k.cue.b == o.source.b {
				drop[i], found = true, true
			}
		}
	}
	if !found {
		return cands
	}
	return dropCandidates(cands, drop)
}

// ranker returns the ranker of the cues of c with a's models, scoring the
// boundaries from the tables of a.fs (which proposeCues readied for c).
func (a *Attributor) ranker(c *context, cues []cueSpan) *ranker {
	return a.rankerIn(new(ranker), c, cues)
}

// rankerIn is ranker with r's storage.
func (a *Attributor) rankerIn(r *ranker, c *context, cues []cueSpan) *ranker {
	r.reset(c, a.m.Boundary, a.m.Relation, &a.tb, cues)
	r.fs = a.fs
	return r
}

// candidate is one cue with its chosen content and source.
type candidate struct {
	cue     cueSpan
	content span
	source  span
	score   float32
	parent  int // index of the statement whose content holds this one, or -1
	// embedded marks a statement embeddedQuotes made of a quotation in
	// its clause: it takes in no quotation beyond that clause.
	embedded bool
}

// decodeCue chooses the best non-overlapping content and source for q.
func decodeCue(r *ranker, q cueSpan) candidate {
	contents := r.contents(q)
	sources := r.sources(q)
	best := candidate{cue: q, score: negInf}
	for _, ct := range contents {
		for _, src := range sources {
			if !src.none() && src.a < ct.b && ct.a < src.b {
				continue
			}
			if s := ct.score + src.score; s > best.score {
				best.content, best.source, best.score = ct, src, s
			}
		}
	}
	return best
}

// pairApart gives candidate k, for which no content the ranker listed
// lies apart from a source it listed, the best source that follows the
// cue and the best content after that source, when there are such
// ("According to a complaint filed by the regulator and an indictment
// unsealed in Boston, the two men …": every content listed took in the
// long source, and no content starts as far from the cue as this one).
// The acceptance score stays the one given for k as decoded, as in
// training.
func pairApart(r *ranker, k candidate) candidate {
	d := r.c.d
	for _, src := range r.sources(k.cue) {
		if src.none() || src.side != sideRight {
			continue
		}
		q := k.cue
		q.b = src.b
		for _, ct := range r.contentsAvoiding(q, src) {
			if ct.side == sideRight && hasWord(d.Text[d.Tokens[ct.a].Start:d.Tokens[ct.b-1].End]) {
				k.content, k.source = ct, src
				return k
			}
		}
	}
	return k
}

// followingClause gives candidate k, a verb after its source whose
// content the decoder took wholly from a sentence before the cue's, the
// best content the ranker listed that starts within three words after
// the cue in the cue's own sentence and has a finite verb, when there is
// one and it holds no quotation and no verb of saying: a verb with a
// clause after it says that clause, not the sentence before ("My mother
// read a draft. I told her the girl in the book is not her", where
// "told" is no report of the first sentence). The acceptance score stays
// the one given for k as decoded.
func followingClause(r *ranker, k candidate) candidate {
	c := r.c
	t := k.content
	if t.none() || t.b > k.cue.a || !c.d.Tokens[k.cue.a].POS.IsVerb() {
		return k
	}
	sa, sb := c.sentRange(k.cue.a)
	if t.b > sa || k.cue.b >= sb || !k.source.none() && k.source.b > k.cue.a {
		return k
	}
	for _, ct := range r.contents(k.cue) {
		if ct.a < k.cue.b || ct.a > k.cue.b+3 || ct.b > sb || firstTense(c, ct.a, ct.b) == 0 {
			continue
		}
		for j := ct.a; j < ct.b; j++ {
			if c.toks[j].quote != 0 || isSpeechVerb(c, j) {
				return k // another attribution's words
			}
		}
		k.content = ct
		return k
	}
	return k
}

// coordinatedCues ends a content where a verb of saying coordinated with
// its cue begins ("said he could “get a little heat” for but added he
// could see it “possibly happening”"), or where a participle of saying
// after a comma begins ("hinted that it was her turn, saying “…”"): the
// words from the conjunction or the comma on are the second verb's
// attribution, with the same subject, not part of
// what the first verb says. The second verb's source must be none, the
// first's, or before the first's cue.
func coordinatedCues(cx *context, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if c.content.none() {
			continue
		}
		// The conjunction before the cue, past adverbs ("and then
		// added").
		j := c.cue.a - 1
		for j > 0 && cx.d.Tokens[j].POS == doc.TagRB {
			j--
		}
		if j <= 0 || !cx.d.Tokens[c.cue.a].POS.IsVerb() {
			continue
		}
		// Or a participle after a comma, outside a quotation: "hinted
		// that …, saying …" (not "according to").
		participle := cx.toks[j].word == "," && participleCue(cx, c.cue.a) && !cx.d.Tokens[j].Has(doc.InQuote)
		if cx.d.Tokens[j].POS != doc.TagCC && !participle {
			continue
		}
		for o := range cands {
			k := &cands[o]
			if o == i || k.content.none() || j <= k.content.a || c.cue.b > k.content.b || k.cue.b > j {
				continue
			}
			if !c.source.none() && !sameSpan(c.source, k.source) && c.source.b > k.cue.a {
				continue
			}
			e := j
			for e > k.content.a && cx.toks[e-1].word == "," {
				e--
			}
			if e > k.content.a {
				k.content.b = e
				if c.source.none() || participle {
					// A participle's subject is its clause's.
					c.source = k.source
				}
			}
		}
	}
}

// participleContents drops a candidate whose cue is a participle after a
// comma ("…, responding to the president's comments") and whose content
// the decoder took from before it: such a participle says what follows
// it, with the subject of the clause it is attached to (PolNeAR: 659
// contents after, 2 before), and the words before are that clause's own.
func participleContents(cx *context, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if a := c.cue.a; c.content.none() || c.content.b > a || a < 1 || cx.toks[a-1].word != "," || !participleCue(cx, a) {
			continue
		}
		c.content = span{}
	}
}

// participleCue reports whether cue token a is a present participle
// other than "according (to)": after a comma, an adjunct to the clause
// before it ("…, saying", "…, responding to").
func participleCue(cx *context, a int) bool {
	return cx.d.Tokens[a].POS == doc.TagVBG && cx.toks[a].lemma != "accord"
}

// clauseAfterQuote gives a verb of saying right after a quotation's
// closing comma, whose subject came before the quotation and which a
// clause with a finite verb follows ("Ferro, calling the meeting “long
// overdue,” said the towns had reached an understanding"), that clause
// for content where the decoder took the quotation: the quotation sits in
// a phrase that interrupts subject and verb, and the verb says what
// follows it (coordinatedCues then ends the clause where "and warned …"
// begins).
func clauseAfterQuote(cx *context, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		ct := c.content
		if ct.none() || ct.b > c.cue.a || ct.b < c.cue.a-1 || cx.toks[ct.a].quote&qOpen == 0 || cx.toks[ct.b-1].quote&qClose == 0 ||
			c.source.none() || c.source.b > ct.a || !cx.d.Tokens[c.cue.b-1].POS.IsVerb() {
			continue
		}
		if (ct.b < 2 || cx.toks[ct.b-2].word != ",") && cx.toks[ct.b-1].word != "," && (ct.b >= len(cx.toks) || cx.toks[ct.b].word != ",") {
			continue
		}
		_, sb := cx.sentRange(c.cue.a)
		e := clauseAt(cx, c.cue.b, sb)
		if e <= c.cue.b {
			continue
		}
		for e > c.cue.b && cx.toks[e-1].punct() && cx.toks[e-1].quote&qClose == 0 {
			e--
		}
		c.content = span{a: c.cue.b, b: e, side: sideRight}
	}
}

// clauseAt returns the end of the sentence that tokens [i, end) hold
// when they open a clause, "that" or a subject of up to eight words with
// no punctuation, verb or preposition, then a finite verb or a modal;
// else i.
func clauseAt(cx *context, i, end int) int {
	if i >= end {
		return i
	}
	if cx.toks[i].lower == "that" && cx.d.Tokens[i].POS == doc.TagIN {
		return end
	}
	for k := i; k < end && k < i+9; k++ {
		p := cx.d.Tokens[k].POS
		switch {
		case k > i && (p.IsFinite() || p == doc.TagMD):
			return end
		case cx.toks[k].punct(), p.IsVerb(), p == doc.TagIN, p == doc.TagTO, p == doc.TagMD:
			return i
		}
	}
	return i
}

// subordinateCues ends the content of a verb of saying in a clause that
// opens its sentence with a subordinating conjunction at the comma where
// the main clause's attribution begins ("While Trump said “many points”
// had been agreed, he confirmed that no deal had been reached"): what
// the main clause says is not part of what the subordinate one does.
func subordinateCues(cx *context, cands []candidate) {
	for i := range cands {
		c := &cands[i]
		if c.content.none() || c.source.none() || c.source.a < 2 || c.source.b > c.cue.a {
			continue
		}
		j := c.source.a - 1
		if cx.toks[j].word != "," || cx.d.Tokens[j].Has(doc.InQuote) {
			continue
		}
		sa, _ := cx.sentRange(j)
		if !subordinator(cx, sa) {
			continue
		}
		for o := range cands {
			k := &cands[o]
			if o == i || k.content.none() || k.cue.a < sa || k.cue.b > j || k.content.a > j || k.content.b <= c.cue.a {
				continue
			}
			k.content.b = j
		}
	}
}

// subordinateContent ends a content that follows its cue inside a clause
// that opens its sentence with a subordinating conjunction at the comma
// that closes that clause, where the main clause begins with its subject
// and its verb ("While the mayor insisted that the pier was safe, the
// inspectors closed it"): the main clause is the writer's, not the
// subordinate clause's speaker's. A comma after a conjunction inside the
// content ("said that if the vote fails, the town will …") closes that
// conjunction's clause instead, and the content goes on, as it does past
// a comma before the reported clause has its verb.
func subordinateContent(cx *context, cands []candidate) {
	d := cx.d
	for i := range cands {
		c := &cands[i]
		if c.content.none() || c.content.a < c.cue.b {
			continue
		}
		sa, _ := cx.sentRange(c.cue.a)
		if w := cx.toks[sa].lower; (w == "but" || w == "and" || w == "yet" || w == "so") && sa+1 < c.cue.a {
			sa++ // "But if Carson implied that …, he did not …"
		}
		if !subordinator(cx, sa) && !(cx.toks[sa].lower == "now" && cx.toks[sa+1].lower == "that") && !frontedParticiple(cx, sa, c.cue.a) || c.content.b <= c.content.a+1 {
			continue
		}
		// verb: the reported clause has its verb before the comma (not
		// "that even in little things, the …"); inner: a conjunction
		// inside the content opened a clause the next comma closes.
		verb, inner := false, false
		for j := c.content.a + 1; j < c.content.b-1; j++ {
			if (subordinator(cx, j) || subordinators[cx.toks[j].lower]) && clauseBeforeComma(cx, j+1, c.content.b) {
				verb, inner = false, true
			}
			if d.Tokens[j].POS.IsFinite() {
				verb = true
			}
			if cx.toks[j].word != "," || d.Tokens[j].Has(doc.InQuote) {
				continue
			}
			if inner {
				verb, inner = false, false
				continue
			}
			if !verb {
				continue
			}
			if mainClauseAt(cx, j+1, c.content.b) {
				c.content.b = j
			}
			break
		}
	}
}

// frontedParticiple reports whether token q, a participle, opens the
// sentence that starts at token sa, after prepositions or adverbs only
// ("Noting that …", "After savaging …").
func frontedParticiple(cx *context, sa, q int) bool {
	if p := cx.d.Tokens[q].POS; p != doc.TagVBG && p != doc.TagVBN {
		return false
	}
	for k := sa; k < q; k++ {
		if p := cx.d.Tokens[k].POS; p != doc.TagIN && p != doc.TagRB {
			return false
		}
	}
	return true
}

// clauseBeforeComma reports whether tokens [a, b) hold a finite verb
// before their first comma: a conjunction before them opens a clause
// ("if the vote fails, …"), not a phrase ("after the storm, …").
func clauseBeforeComma(cx *context, a, b int) bool {
	for k := a; k < b && cx.toks[k].word != ","; k++ {
		if cx.d.Tokens[k].POS.IsFinite() {
			return true
		}
	}
	return false
}

// mainClauseAt reports whether tokens [a, b) open with a subject (a
// pronoun, or a noun phrase of determiners, adjectives and nouns) and
// then its finite verb.
func mainClauseAt(cx *context, a, b int) bool {
	d := cx.d
	noun := false
	for k := a; k < b && k < a+8; k++ {
		p := d.Tokens[k].POS
		switch {
		case p.IsFinite() && noun:
			return true
		case p == doc.TagPRP && k == a, p.IsNoun(), p == doc.TagCD:
			noun = true
		case p == doc.TagDT, p == doc.TagPRPS, p.IsAdjective(), p == doc.TagPOS:
		default:
			return false
		}
	}
	return false
}

// subordinator reports whether token k is a conjunction that opens a
// subordinate clause ("While", "Although", "After").
func subordinator(cx *context, k int) bool {
	switch cx.toks[k].lower {
	case "while", "although", "though", "whereas", "after", "because", "since", "when", "if", "once", "as":
		p := cx.d.Tokens[k].POS
		return p == doc.TagIN || p == doc.TagWRB
	}
	return false
}

// resolveConflicts chooses which candidates become statements. Following
// PolNeAR's rule that a word plays one role in one attribution, the
// top-level statements never overlap, and a cue inside another
// statement's content does not make a top-level statement of its own.
// Such a nested attribution ("he said she had told him …") is kept as a
// child of the statement whose content holds it, when its own content
// lies inside that content: it says who said the inner words. Within each
// level, overlaps are settled in favour of the higher score.
func resolveConflicts(cx *context, cands []candidate) []candidate {
	participleContents(cx, cands)
	clauseAfterQuote(cx, cands)
	coordinatedCues(cx, cands)
	subordinateCues(cx, cands)
	subordinateContent(cx, cands)
	outer := make([]candidate, 0, len(cands))
	var inner []candidate
	for i, c := range cands {
		if c.content.none() {
			continue
		}
		nested := false
		for j, o := range cands {
			if i != j && !o.content.none() && o.content.a <= c.cue.a && c.cue.b <= o.content.b {
				nested = true
				break
			}
		}
		c.parent = -1
		if nested {
			inner = append(inner, c)
		} else {
			outer = append(outer, c)
		}
	}
	byScore := func(cs []candidate) {
		slices.SortStableFunc(cs, func(x, y candidate) int {
			switch {
			case x.score > y.score:
				return -1
			case y.score > x.score:
				return 1
			}
			return 0
		})
	}
	byScore(outer)
	byScore(inner)
	fits := func(c candidate, kept []candidate) bool {
		for _, k := range kept {
			if k.parent != c.parent {
				continue
			}
			if overlaps(c.content, k.content) || overlaps(c.content, k.source) || overlaps(c.source, k.content) ||
				overlaps(span{a: c.cue.a, b: c.cue.b}, k.content) || overlaps(span{a: c.cue.a, b: c.cue.b}, span{a: k.cue.a, b: k.cue.b}) {
				return false
			}
		}
		return true
	}
	kept := make([]candidate, 0, len(outer)+len(inner))
	for _, c := range outer {
		if !fits(c, kept) {
			// A content stops where another attribution's source
			// begins ("When asked if …, Trump avoided …, stressing
			// that …"): cut the content that ran over the source.
			kept = cutAtSource(cx, c, kept, fits)
		}
		if fits(c, kept) {
			// Coordinated verbs share their subject: where two
			// sources overlap, they are one source, the one the
			// higher-scored statement chose.
			for ki := range kept {
				k := &kept[ki]
				if k.parent != c.parent || !overlaps(c.source, k.source) {
					continue
				}
				if c.source.a == k.source.a && c.source.b > k.source.b && !timePhrase(cx, k.source.b, c.source.b) {
					// Unless the other's is the same name with its
					// apposition or relative clause ("Clinton, the
					// former secretary of State, stressed … and said"):
					// that one (not the same name with a word for when:
					// "Keegan yesterday").
					k.source = c.source
				} else {
					c.source = k.source
				}
			}
			kept = append(kept, c)
		}
	}
	top := len(kept)
	for _, c := range inner {
		// Find the statement whose content holds the cue.
		c.parent = -1
		for p := 0; p < top; p++ {
			k := kept[p].content
			if k.a <= c.cue.a && c.cue.b <= k.b {
				c.parent = p
				break
			}
		}
		if c.parent < 0 {
			// Its outer candidate lost a conflict: try it at the top.
			if fits(c, kept) {
				kept = append(kept, c)
			}
			continue
		}
		k := kept[c.parent].content
		own := andClause(cx, c, kept[c.parent]) || whileParticiple(cx, c, kept[c.parent]) // a statement of its own after "and" or "while"
		if c.content.a >= k.a && c.content.b <= k.b && fits(c, kept) && !own {
			kept = append(kept, c)
			continue
		}
		// The inner attribution runs past the outer content's end: the
		// outer content overreached into a clause with its own
		// attribution ("“Next time,” which the president said he could
		// …"). End the outer content before that clause and keep both
		// at the top level.
		if (c.content.b > k.b || own) && c.content.a >= c.cue.b {
			p := c.parent
			cut := c.cue.a
			if !c.source.none() && c.source.a < cut && c.source.a > k.a {
				cut = c.source.a
			}
			if cut-1 > k.a && cx.toks[cut-1].lower == "while" {
				cut-- // "stressed that … while arguing that …"
			}
			o := kept[p]
			o.content.b = cut
			for o.content.b > o.content.a && trimmable(cx, o.content.b-1) {
				o.content.b--
			}
			if o.content.b <= o.content.a {
				continue
			}
			others := make([]candidate, 0, len(kept))
			for j, x := range kept {
				if j != p {
					others = append(others, x)
				}
			}
			c.parent = -1
			if fits(o, others) && fits(c, append(others, o)) {
				kept[p] = o
				kept = append(kept, c)
			}
		}
	}
	kept = dropSwallowingParents(cx, kept)
	// Order by cue, keeping the parent links right.
	idx := make([]int, len(kept))
	for i := range idx {
		idx[i] = i
	}
	// Cues start at distinct tokens, so that any sort gives one order.
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(kept[a].cue.a, kept[b].cue.a) })
	pos := make([]int, len(kept))
	out := make([]candidate, len(kept))
	for n, i := range idx {
		pos[i] = n
	}
	for n, i := range idx {
		out[n] = kept[i]
		if out[n].parent >= 0 {
			out[n].parent = pos[out[n].parent]
		}
	}
	return out
}

// andClause reports whether inner candidate c, inside the content of
// outer candidate o, opens a statement of its own after "and" (or after
// a comma and "but": "reported progress, but the union voiced
// frustration"; or after a comma and "as", with a content of its own
// after its cue: "would cut the deficit, as opposition members accused
// her of hiding the cost"): its
// source right after "and" and its cue right after its source, where
// "and" joins clauses ("demanded that the package be paired with cuts
// and the White House rejected the idea"), so that the outer content
// ends before them. "and" joins clauses after a comma, after a finite
// verb in the outer content, or before a finite verb of saying after a
// noun; not pronouns and names ("said both he and Rubio promised"), nor
// what "both", "either" or "neither" pairs ("both Reagan and Trump
// battled"). Not "and" after "according to", which speaks for its
// whole sentence (", but" and ", as" open a clause whose own source
// speaks: "According to the figures, the deficit will fall, but the
// office cautioned that …"), nor in a quotation or a passage after a colon that runs on
// past the cue's sentence, which the speaker says whole.
func andClause(cx *context, c, o candidate) bool {
	k := o.content
	s := c.source
	if s.none() || s.a-1 <= k.a || s.b != c.cue.a || c.content.a < c.cue.b {
		return false
	}
	if w := cx.toks[s.a-1].lower; w != "and" && (w != "but" && w != "as" || cx.toks[s.a-2].word != ",") {
		return false // "…, but the union voiced frustration" opens a clause too, and so does "…, as members accused her of …"
	}
	joinsClauses := cx.toks[s.a-2].word == "," || finiteIn(cx, k.a, s.a-1) ||
		finiteIn(cx, c.cue.a, c.cue.a+1) && cx.d.Tokens[s.a-2].POS != doc.TagPRP
	return joinsClauses && (cx.toks[o.cue.a].lower != "according" || cx.toks[s.a-1].lower != "and") && !correlative(cx, max(k.a, s.a-5), s.a-1) &&
		cx.d.Tokens[s.a].Sent == cx.d.Tokens[o.cue.a].Sent && cx.toks[s.a].quote == 0 && !cx.d.Tokens[s.a].Has(doc.InQuote)
}

// whileParticiple reports whether inner candidate c, inside the content
// of outer candidate o, is a participle of saying after "while" with no
// source of its own ("stressed that the ferry is vital while arguing that
// …"): the participle says what its subject says besides, a statement of
// its own, and the outer content ends before "while", as PolNeAR marks it.
func whileParticiple(cx *context, c, o candidate) bool {
	q := c.cue.a
	return (c.source.none() || c.source.b <= o.content.a) && q-1 > o.content.a && cx.toks[q-1].lower == "while" && cx.d.Tokens[q].POS == doc.TagVBG &&
		c.content.a >= c.cue.b && !cx.d.Tokens[q].Has(doc.InQuote)
}

// correlative reports whether "both", "either" or "neither" stands among
// tokens [a, b): an "and" after it joins what they pair.
func correlative(c *context, a, b int) bool {
	for k := a; k < b; k++ {
		if w := c.toks[k].lower; w == "both" || w == "either" || w == "neither" {
			return true
		}
	}
	return false
}

// classicQuote reports the textbook attribution of a quotation, which
// needs no model: a speech verb right beside a whole quotation, with its
// source next to it ("“…,” the mayor said", "“…,” said Okafor", "Okafor
// said: “…”").
func classicQuote(c *context, k candidate) bool {
	speech := false
	for i := k.cue.a; i < k.cue.b; i++ {
		if c.toks[i].cue&lexicon.Speech != 0 && c.d.Tokens[i].POS.IsVerb() {
			speech = true
			break
		}
	}
	if !speech || k.content.none() {
		return false
	}
	ct := k.content
	if c.toks[ct.a].quote&qOpen == 0 {
		return false
	}
	last := ct.b - 1
	for last > ct.a && c.toks[last].quote&qClose == 0 && c.toks[last].punct() {
		last--
	}
	if c.toks[last].quote&qClose == 0 || c.opens[ct.b]-c.opens[ct.a] != c.closes[ct.b]-c.closes[ct.a] {
		return false
	}
	// What lies between the content and the cue: nothing, punctuation,
	// or the source.
	var ga, gb int
	if ct.side == sideLeft {
		ga, gb = ct.b, k.cue.a
	} else {
		ga, gb = k.cue.b, ct.a
	}
	for i := ga; i < gb; i++ {
		inSource := !k.source.none() && i >= k.source.a && i < k.source.b
		if !inSource && !c.toks[i].punct() {
			return false
		}
	}
	if k.source.none() {
		return false
	}
	// The source touches the cue or the content.
	return k.source.b == k.cue.a || k.source.a == k.cue.b || k.source.a == ct.b || k.source.b == ct.a
}

// dashOK rejects a dash taken for a cue anywhere but in the epigraph
// convention, where it follows the quotation it attributes ("“…” — Name").
func dashOK(c *context, k candidate) bool {
	if k.cue.b-k.cue.a != 1 || !isDashWord(c.toks[k.cue.a].word) {
		return true
	}
	return k.content.side == sideLeft && k.cue.a > 0 && k.content.b == k.cue.a && c.toks[k.cue.a-1].quote&qClose != 0
}

// timeSource reports whether every word of source s says when: "today",
// "yesterday", "tonight", "tomorrow", "now", "earlier", "later" or a day
// of the week.
func timeSource(c *context, s span) bool {
	if s.none() {
		return false
	}
	for i := s.a; i < s.b; i++ {
		switch w := c.toks[i].lower; w {
		case "today", "yesterday", "tonight", "tomorrow", "now", "earlier", "later":
		default:
			if !isWeekday(w) {
				return false
			}
		}
	}
	return true
}

// publishedWhen returns, for candidate k whose decoded source only says
// when and stands right before the cue after a past participle ("A poll
// from the Westfield Institute released Wednesday found …"), the
// document's noun phrase that opens the sentence, with the participle
// and the time, as PolNeAR marks such sources: no verb, comma or
// quotation mark before the participle, and a noun for a poll or a
// written statement among its words. None otherwise.
func publishedWhen(c *context, k candidate) span {
	s := k.source
	d := c.d
	if p := d.Tokens[max(s.a-1, 0)].POS; s.b != k.cue.a || s.a < 2 || p != doc.TagVBN && p != doc.TagVBD {
		return span{}
	}
	sa, _ := c.sentRange(s.a)
	document := false
	for i := sa; i < s.a-1; i++ {
		if d.Tokens[i].POS.IsVerb() || d.Tokens[i].POS == doc.TagMD || c.toks[i].word == "," || c.toks[i].quote != 0 {
			return span{}
		}
		w := c.toks[i].lower
		document = document || lexicon.DocumentNoun(w) || w == "poll" || w == "polls" || w == "surveys" || w == "studies" || w == "reports"
	}
	if !document || sa >= s.a-1 {
		return span{}
	}
	return span{a: sa, b: s.b, side: sideLeft, score: s.score}
}

// askedQuestion gives candidate k, whose cue is "Asked" opening its
// sentence right before a question's "whether", "if" or wh-word, that
// question up to its comma as the content: "Asked whether she backed the
// cut, Brandt said only that …" reports what she was asked, and what
// she said is the main clause's statement. PolNeAR marks it so, with no
// source; the question must hold a finite verb and no quotation mark.
func askedQuestion(c *context, k candidate) candidate {
	q := k.cue
	sa, sb := c.sentRange(q.a)
	if q.a != sa || q.b-q.a != 1 || c.toks[q.a].lower != "asked" || q.b >= sb || k.content.a == q.b {
		return k
	}
	switch c.toks[q.b].lower {
	case "whether", "if", "what", "why", "how", "who", "which", "when", "where", "whom":
	default:
		return k
	}
	finite := false
	e := q.b + 1
	for ; e < sb && c.toks[e].word != ","; e++ {
		if c.toks[e].quote != 0 {
			return k
		}
		finite = finite || tenseOf(c, e) != 0
	}
	if e == sb || !finite {
		return k
	}
	k.content = span{a: q.b, b: e, side: sideRight, score: k.content.score}
	if !k.source.none() && k.source.a < e && q.b < k.source.b {
		k.source = span{}
	}
	return k
}

// passiveAsk reports whether candidate k's cue is a passive of asking
// ("was asked", "were pressed") whose decoded source is the subject
// before it, or a participle of asking set off by commas (reducedAsk;
// "Clarke, asked about the defender, said"; PolNeAR marks no source for
// it): the one asked, not the asker.
func passiveAsk(c *context, k candidate) bool {
	q := k.cue
	if k.source.none() || k.source.b > q.a {
		return false
	}
	switch c.toks[q.a].lower {
	case "asked", "questioned", "pressed", "quizzed":
		if q.a > 1 && c.toks[q.a-1].word == "," && reducedAsk(c, q) {
			return true // "Clarke, asked about the defender, said"
		}
	}
	for i := max(q.a-2, k.source.b); i+1 < q.b; i++ {
		if c.toks[i].lemma == "be" && c.d.Tokens[i+1].POS == doc.TagVBN && i+1 >= q.a {
			switch c.toks[i+1].lower {
			case "asked", "questioned", "pressed", "quizzed":
				return true
			}
		}
	}
	return false
}

// reducedAsk reports whether the participle of asking at cue q, after a
// comma and before a preposition or a question word, opens a phrase that
// a comma and a finite verb close ("Clarke,
// asked about the defender, said") or follows a verb and its comma
// ("McCain said, asked about the plan"): a participle, not the verb of a
// clause whose subject asks ("Ruth Marcus, an editor, asked if …").
func reducedAsk(c *context, q cueSpan) bool {
	_, sb := c.sentRange(q.a)
	if q.a+1 >= sb {
		return false
	}
	switch c.d.Tokens[q.a+1].POS {
	case doc.TagIN, doc.TagWDT, doc.TagWP, doc.TagWRB:
	default:
		return false // "asked her what …": the asker's object
	}
	if tenseOf(c, q.a-2) != 0 {
		return true
	}
	for j := q.b; j+1 < sb; j++ {
		if c.toks[j].quote != 0 {
			return false
		}
		if c.toks[j].word == "," {
			return tenseOf(c, j+1) != 0
		}
	}
	return false
}

// expletiveIt reports whether candidate k's source is an "it" that
// stands for the clause after a passive or "clear" ("It later became
// known that …", "It is widely believed that …"), or that seems or
// appears ("It appears that …", "it may seem unfair"): it names no one,
// and PolNeAR never marks it as a source (25 times in train; 0 of 23
// statements of "it" and "seem" or "appear").
func expletiveIt(c *context, k candidate) bool {
	s, q := k.source, k.cue
	if s.none() || s.b-s.a != 1 || c.toks[s.a].lower != "it" || s.b > q.a || q.a-s.b > 1 {
		return false
	}
	v := s.b
	for v < q.b && (isAdverb(c.d.Tokens[v].POS) || c.d.Tokens[v].POS == doc.TagMD || auxLemma(c.toks[v].lemma) || c.toks[v].lemma == "become") {
		v++
	}
	if v < q.b && (c.toks[v].lemma == "seem" || c.toks[v].lemma == "appear") {
		return true // "it seems that …", "it may seem surprising"
	}
	if v >= q.b+1 || v == s.b {
		return false
	}
	return c.d.Tokens[v].POS == doc.TagVBN || c.toks[v].lower == "clear"
}

// trailingReported gives a statement whose content is the "it" of a
// passive verb of saying after a comma ("The board will meet again, it
// was reported on Tuesday") the clause before the comma for content, and
// no source: "it" stands for what was reported.
func trailingReported(c *context, k candidate) candidate {
	d := c.d
	var it int
	switch {
	case k.content.b-k.content.a == 1 && c.toks[k.content.a].lower == "it" && k.content.b <= k.cue.a:
		it = k.content.a
	case k.source.b-k.source.a == 1 && c.toks[k.source.a].lower == "it" && k.source.b <= k.cue.a && k.content.none():
		it = k.source.a
	default:
		return k
	}
	if k.cue.a-it > 3 || it < 2 || c.toks[it-1].word != "," {
		return k
	}
	v := it + 1
	for v < k.cue.b && (isAdverb(d.Tokens[v].POS) || auxLemma(c.toks[v].lemma)) {
		v++
	}
	if v == it+1 || v >= k.cue.b || d.Tokens[v].POS != doc.TagVBN || !isSpeechVerb(c, v) || namingPassives[c.toks[v].lemma] {
		return k
	}
	if n := v + 1; n < len(d.Tokens) && !c.toks[n].punct() && d.Tokens[n].POS != doc.TagIN && !isAdverb(d.Tokens[n].POS) {
		return k // "it was labeled “Mostly True”": "it" has a complement, and is what was labeled
	}
	sa, _ := c.sentRange(it)
	for sa < it-2 && (d.Tokens[sa].POS == doc.TagCC || c.toks[sa].lower == "however") {
		sa++
	}
	if !finiteIn(c, sa, it-1) {
		return k
	}
	for i := sa; i < it-1; i++ {
		if d.Tokens[i].Has(doc.InQuote) {
			return k
		}
	}
	k.content = span{a: sa, b: it - 1, side: sideLeft}
	k.source = span{}
	return k
}

// supposeSay reports whether candidate k's cue is "say" asking the reader
// to suppose, which reports no one's words: after "let's" or "let us"
// ("Let's say you think a degree will cost …"), or opening its sentence
// in the imperative ("Say Mexico demanded …").
func supposeSay(c *context, k candidate) bool {
	a := k.cue.a
	if c.toks[a].lower != "say" {
		return false
	}
	if sa, _ := c.sentRange(a); a == sa {
		return true
	}
	if a >= 1 && (c.toks[a-1].lower == "let's" || c.toks[a-1].lower == "let’s") {
		return true
	}
	if a >= 2 && c.toks[a-2].lower == "let" && (c.toks[a-1].lower == "'s" || c.toks[a-1].lower == "’s" || c.toks[a-1].lower == "us") {
		return true
	}
	return false
}

// silentAct reports whether candidate k's cue says nothing aloud: "read"
// before a content of four words or fewer, with no quotation, that is a
// pronoun or ends in a written work one reads to oneself ("read it",
// "read an early draft"; not "read his decision", "read a statement",
// which PolNeAR marks); "cry" with no "out" after it and no quotation in
// its content ("cried for a week"; not "cried out for an outsider"); or a
// cue ending in "on behalf of", whose content is whom the words were
// spoken for, not the words.
func silentAct(c *context, k candidate) bool {
	q, t := k.cue, k.content
	if t.none() {
		return false
	}
	for j := t.a; j < t.b; j++ {
		if c.toks[j].quote != 0 {
			return false
		}
	}
	if q.b-q.a >= 3 && c.toks[q.b-1].lower == "of" && c.toks[q.b-2].lower == "behalf" {
		return true
	}
	switch c.toks[q.a].lemma {
	case "read":
		if t.a < q.b || t.b-t.a > 4 {
			return false
		}
		if t.b-t.a == 1 && c.d.Tokens[t.a].POS == doc.TagPRP {
			return true
		}
		return silentReading[c.toks[t.b-1].lemma]
	case "cry":
		for j := q.a; j <= q.b && j < len(c.toks); j++ {
			if c.toks[j].lower == "out" {
				return false
			}
		}
		return true
	}
	return false
}

// namedSubject starts at its sentence's start a content that opens
// with an apposition after a name opening the sentence ("Veltrion, the
// struggling chipmaker, is exploring a sale, according to …"): the name
// is the subject of the content's clause, and the apposition, ending at
// a comma before a finite verb, only describes it.
func namedSubject(c *context, k candidate) candidate {
	a := k.content.a
	if k.content.none() || a < 2 || c.toks[a-1].word != "," || k.content.b > k.cue.a || !k.source.none() && k.source.a < k.content.b {
		return k
	}
	sa, _ := c.sentRange(a)
	if a-1-sa < 1 || a-1-sa > 5 {
		return k
	}
	for j := sa; j < a-1; j++ {
		if p := c.d.Tokens[j].POS; !p.IsProperNoun() && !(j == sa && p == doc.TagDT) || c.toks[j].quote != 0 {
			return k
		}
	}
	// The apposition ends at a comma, and a finite verb follows it.
	for j := a + 1; j+1 < k.content.b; j++ {
		if c.d.Tokens[j].POS.IsFinite() || c.toks[j].quote != 0 {
			return k
		}
		if c.toks[j].word == "," {
			if c.d.Tokens[j+1].POS.IsFinite() || c.d.Tokens[j+1].POS == doc.TagRB && j+2 < k.content.b && c.d.Tokens[j+2].POS.IsFinite() {
				k.content.a = sa
			}
			return k
		}
	}
	return k
}

// addedTo reports whether candidate k's cue is "add" with "to" after it
// and no one spoken to after that: "the study added to a growing pile of
// evidence" contributes, it says nothing (not "added to reporters",
// "added to Reuters").
func addedTo(c *context, k candidate) bool {
	q := k.cue
	if c.toks[q.a].lemma != "add" || q.b-q.a > 2 {
		return false
	}
	to := q.a + 1
	if to+1 >= len(c.toks) || c.toks[to].lower != "to" {
		return false
	}
	n := to + 1
	if c.d.Tokens[n].Has(doc.Upper) || spokenTo[c.toks[n].lower] {
		return false
	}
	return true
}

// spokenTo holds the lower-case words after "added to" that say whom the
// words were spoken to.
var spokenTo = map[string]bool{
	"reporters": true, "journalists": true, "me": true, "him": true, "us": true, "them": true, "you": true,
}

// silentReading holds nouns for written works one reads to oneself.
var silentReading = map[string]bool{
	"book": true, "draft": true, "novel": true, "manuscript": true, "chapter": true,
	"article": true, "newspaper": true, "magazine": true, "story": true, "memoir": true,
	"biography": true, "script": true, "proof": true, "page": true, "column": true,
}

// remarksMade reports whether candidate k's cue is "made" (perhaps after
// "had") in a relative clause on a noun for what was said, whose subject
// is its source: "cited disparaging remarks Trump had made about
// Machado". The noun's own statement holds the remarks; PolNeAR marks no
// attribution for the relative clause (none of 13 in train and dev).
func remarksMade(c *context, k candidate) bool {
	q, s := k.cue, k.source
	a := q.a
	if a+1 < q.b && auxLemma(c.toks[a].lemma) {
		a++
	}
	if c.toks[a].lemma != "make" || s.none() || s.b != q.a || s.a < 1 {
		return false
	}
	n := s.a - 1
	return c.toks[n].noun && c.d.Tokens[n].POS.IsNoun()
}

// reducedRelative reports whether candidate k reads a past participle
// that modifies the common noun right before it, with its agent after
// it, for a cue whose source is that noun ("the level deemed safe by the
// agency", whichever past form the tagger read it for): the noun is what
// the participle was done to, and says nothing. Without "by" the
// participle may be a past tense ("the senator called on").
func reducedRelative(c *context, k candidate) bool {
	q := k.cue
	if p := c.d.Tokens[q.a].POS; q.a == 0 || k.source.none() || k.source.b != q.a || p != doc.TagVBN && p != doc.TagVBD || c.toks[q.a-1].quote != 0 {
		return false
	}
	if p := c.d.Tokens[q.a-1].POS; p != doc.TagNN && p != doc.TagNNS {
		return false
	}
	_, sb := c.sentRange(q.a)
	for j := q.b; j < sb && j <= q.b+3; j++ {
		switch {
		case c.toks[j].word == "by":
			return true
		case c.d.Tokens[j].Kind == doc.Punct, c.d.Tokens[j].POS.IsVerb():
			return false
		}
	}
	return false
}

// participleSubject returns the subject a participle cue after a comma
// takes (", urging …", ", telling reporters …"): the person, organisation
// or pronoun mention that opens its sentence, when the decoded source is
// elsewhere and the content does not hold that mention; none otherwise.
func participleSubject(c *context, k candidate) span {
	q := k.cue
	if c.d.Tokens[q.a].POS != doc.TagVBG || q.a == 0 || c.toks[q.a-1].word != "," {
		return span{}
	}
	sa, _ := c.sentRange(q.a)
	t := &c.toks[sa]
	if t.mStart == mNone || t.mStart == mPlace || int(t.mSpanEnd) >= q.a {
		return span{}
	}
	s := span{a: sa, b: int(t.mSpanEnd), side: sideLeft}
	if sameSpan(s, k.source) || overlaps(s, k.content) {
		return span{}
	}
	return s
}

// invertedClause reads "CLAUSE, VERB NAME." the way a reader does when
// the decoder took words after a finite verb of saying right after a
// comma (or one in -s the tagger took for a noun, invertedSpeechNoun) for
// the content, where the words from the verb to the sentence's end are a
// name phrase (namePhrase: "Prices will rise in spring, argues John
// Smith"; "…, warned the finance minister, John Smith"): those words are
// the source, and the clause before the comma, outside quotation marks
// and with a finite or bare verb before any comma of its own, the
// content. Where the decoder read the clause for the content but found no
// source, those words are the source. ok is false, and k returned as it
// is, for any other reading.
func invertedClause(c *context, k candidate) (candidate, bool) {
	q := k.cue
	d := c.d
	if q.b-q.a != 1 || q.a < 2 || c.toks[q.a-1].word != "," {
		return k, false
	}
	if _, sb := c.sentRange(q.a); !(isSpeechVerb(c, q.a) && d.Tokens[q.a].POS.IsFinite()) && !invertedSpeechNoun(c, q.a, sb) {
		return k, false
	}
	// The decoder may have read the clause before the comma for the
	// content and found no source: then the name after the verb is it
	// ("Ferry cuts ‘will cut islands off’, warns MSP").
	left := k.source.none() && !k.content.none() && k.content.b <= q.a
	if !left && k.content.a < q.b {
		return k, false
	}
	sa, end := c.sentRange(q.a)
	for i := q.b + 1; i+1 < end; i++ {
		if c.toks[i].word == "," && d.Tokens[i+1].POS == doc.TagCC {
			end = i // "…, say police, but they expect …": a clause of its own follows
			break
		}
	}
	for end > max(k.content.b, q.b+1) && d.Tokens[end-1].Kind == doc.Punct {
		end--
	}
	// The content lies in what follows the verb up to the sentence's end
	// (which the decoder may have split into content and source: "warned
	// the finance minister, John Smith"), and so does the source unless
	// it comes before the comma.
	if !left && (k.content.b > end || !k.source.none() && k.source.a >= q.b && k.source.b > end) {
		return k, false
	}
	if !namePhrase(c, q.b, end) && !documentPhrase(c, q.b, end) {
		// "…, says a report highlighting …": the subject is the
		// document before the participle that describes it.
		p := q.b + 1
		for p < end && p < q.b+6 && (d.Tokens[p].POS != doc.TagVBG && d.Tokens[p].POS != doc.TagVBN || !documentPhrase(c, q.b, p)) {
			p++ // "a leaked report highlighting …": past the participle inside the phrase
		}
		if p >= end || p >= q.b+6 {
			return k, false
		}
		end = p
	}
	if left {
		k.source = span{a: q.b, b: end, side: sideRight}
		if k.content.b == q.a && k.content.b-1 > k.content.a {
			k.content.b-- // the comma before the verb
		}
		return k, true
	}
	// The clause has a finite verb before its first comma: in "NAME, who
	// …, VERB NAME" the verb has its subject, and nothing is inverted.
	finite, comma := false, false
	for i := sa; i < q.a-1; i++ {
		if d.Tokens[i].Has(doc.InQuote) {
			return k, false
		}
		comma = comma || c.toks[i].word == ","
		finite = finite || !comma && (d.Tokens[i].POS.IsFinite() || d.Tokens[i].POS == doc.TagVB || c.toks[i].lower == "cannot")
	}
	if !finite {
		return k, false
	}
	// A conjunction opening the sentence ("But", "However") links it to
	// the one before; it is not said.
	for sa < q.a-2 && (d.Tokens[sa].POS == doc.TagCC || c.toks[sa].lower == "however") {
		sa++
	}
	k.source = span{a: q.b, b: end, side: sideRight}
	k.content = span{a: sa, b: q.a - 1, side: sideLeft}
	return k, true
}

// swallowedSource parts a cue the tagger ran on from a verb of saying over
// the name after it, found no source for, and set after a quotation or a
// comma ("“…”, continued the bishop: “…”"): the verb is inverted, so the
// verb alone is the cue and the name phrase after it, up to a colon, the
// source.
func swallowedSource(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if !k.source.none() || q.b-q.a < 2 || q.a == 0 || !isSpeechVerb(c, q.a) || !d.Tokens[q.a].POS.IsFinite() {
		return k
	}
	if p := &c.toks[q.a-1]; p.word != "," && p.quote&qClose == 0 {
		return k
	}
	e := q.b
	if c.toks[e-1].word == ":" {
		e--
	}
	if e <= q.a+1 || !namePhrase(c, q.a+1, e) {
		return k
	}
	k.cue.b = q.a + 1
	k.source = span{a: q.a + 1, b: e, side: sideRight}
	return k
}

// colonBlock gives a statement whose cue ends with a colon that ends its
// paragraph ("The governor added:") the next paragraph for content, set
// off as a block without quotation marks, where the decoder found the
// content before the colon; a content that ended right at the cue was
// its subject, and becomes the source.
func colonBlock(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if q.b <= q.a || q.b >= len(c.toks) || c.toks[q.b-1].word != ":" || !k.content.none() && k.content.a >= q.b {
		return k
	}
	next := d.Sentences[d.Tokens[q.b].Sent].Para
	if d.Sentences[d.Tokens[q.b-1].Sent].Para == next || c.toks[q.b].quote&qOpen != 0 {
		return k
	}
	pg := d.Paragraphs[next]
	a, b := d.Sentences[pg.FirstSent].FirstTok, d.Sentences[pg.EndSent-1].EndTok
	if b-1 > a && isPunctWord(c.toks[b-1].word) && c.toks[b-1].quote&qClose == 0 {
		b--
	}
	if k.source.none() && !k.content.none() && k.content.b == q.a && c.toks[k.content.a].mStart != mNone {
		k.source = span{a: k.content.a, b: k.content.b, side: sideLeft}
	}
	k.content = span{a: a, b: b, side: sideRight}
	return k
}

// splitSubject reads "CLAUSE, SUBJECT VERB." the way a reader does when
// the decoder took part of the subject for the content ("…, the Tax
// Foundation said", with "the Tax" for the content and "Foundation" for
// the source): where the words between a comma and a verb of saying are
// a name phrase (namePhrase) and the content lies among them, those
// words are the source and the clause before the comma, outside
// quotation marks and with a finite verb, the content.
func splitSubject(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if k.content.none() || k.content.b > q.a || !isSpeechVerb(c, q.a) || !d.Tokens[q.a].POS.IsFinite() {
		return k
	}
	sa, _ := c.sentRange(q.a)
	j := q.a - 1
	for j > sa && c.toks[j].word != "," {
		j--
	}
	if j <= sa || k.content.a <= j || !k.source.none() && k.source.a <= j {
		return k
	}
	if !namePhrase(c, j+1, q.a) {
		return k
	}
	finite := false
	for i := sa; i < j; i++ {
		if d.Tokens[i].Has(doc.InQuote) {
			return k
		}
		finite = finite || d.Tokens[i].POS.IsFinite()
	}
	if !finite {
		return k
	}
	k.source = span{a: j + 1, b: q.a, side: sideLeft}
	k.content = span{a: sa, b: j, side: sideLeft}
	return k
}

// openingAccording gives a statement whose cue opens its sentence as
// "According to SOURCE," that source and the rest of the sentence for
// content (accordingToks), as a reader takes them, where the decoder
// read the sentence otherwise ("According to the operator's figures,
// passenger numbers fell", with the figures taken for the content).
func openingAccording(c *context, k candidate) candidate {
	if k.cue.b-k.cue.a != 2 {
		return k
	}
	sa, sb := c.sentRange(k.cue.a)
	a, comma, e, ok := accordingToks(c, sb-1)
	if !ok || a != k.cue.a {
		return k
	}
	k.source = span{a: sa + 2, b: comma, side: sideRight}
	k.content = span{a: comma + 1, b: e, side: sideRight}
	return k
}

// danglingCue runs the cue of candidate k, which ends in a preposition
// ("wrote in a note to"), on over the noun phrase of at most four words
// that the preposition takes and the decoder left between the cue and a
// content opening "that", where the phrase ends in a person, a pronoun
// or a person's noun ("wrote in a note to clients that …"): a cue
// does not end on a preposition whose object it leaves out, and PolNeAR
// marks "wrote in a note to investors".
func danglingCue(c *context, k candidate) candidate {
	q := k.cue
	if q.b-q.a < 2 || k.content.a <= q.b || k.content.a-q.b > 4 || k.content.a >= len(c.toks) {
		return k
	}
	d := c.d
	if p := d.Tokens[q.b-1].POS; p != doc.TagIN && p != doc.TagTO || c.toks[k.content.a].lower != "that" || d.Tokens[k.content.a].POS != doc.TagIN {
		return k
	}
	if overlaps(span{a: q.b, b: k.content.a}, k.source) {
		return k
	}
	for i := q.b; i < k.content.a; i++ {
		p := d.Tokens[i].POS
		if c.toks[i].punct() || c.toks[i].quote != 0 || p.IsVerb() || p == doc.TagMD || p == doc.TagIN || p == doc.TagTO {
			return k
		}
	}
	h := k.content.a - 1
	lex, _ := lexicon.Default()
	switch {
	case d.Tokens[h].POS == doc.TagPRP, c.toks[h].mEnd == mPerson || c.toks[h].mEnd == mOrg || c.toks[h].mEnd == mGroup:
	case lex != nil && d.Tokens[h].POS.IsNoun() && lex.PersonNoun(c.toks[h].lemma):
	default:
		return k // "responding to the recent news that …": the news is what was said
	}
	k.cue.b = k.content.a
	return k
}

// quantityWords open a quantity before its number ("up to 80", "more
// than 40", "at least 12").
var quantityWords = map[string]bool{
	"up": true, "to": true, "about": true, "nearly": true, "almost": true, "roughly": true,
	"around": true, "over": true, "more": true, "less": true, "fewer": true, "than": true,
	"at": true, "least": true, "most": true, "just": true, "only": true, "some": true,
}

// quantityTail ends the cue of candidate k at its verb where the cue
// tagger ran it on over the words opening a quantity right before a
// number ("said up to | 80 millimetres could fall"), and gives the
// content the clause from those words to the end of the sentence, which
// holds a finite verb: the quantity is the subject of what was said.
func quantityTail(c *context, k candidate) candidate {
	q := k.cue
	d := c.d
	if q.b >= len(c.toks) || d.Tokens[q.b].POS != doc.TagCD || k.content.a != q.b {
		return k
	}
	v := q.b - 1
	for v > q.a && quantityWords[c.toks[v].lower] && !d.Tokens[v].POS.IsVerb() {
		v--
	}
	if v == q.b-1 || !d.Tokens[v].POS.IsVerb() {
		return k
	}
	_, sb := c.sentRange(q.a)
	e := sb
	for e > q.b && c.toks[e-1].punct() && c.toks[e-1].quote == 0 {
		e--
	}
	if !finiteIn(c, q.b, e) || overlaps(span{a: v + 1, b: e}, k.source) {
		return k
	}
	for i := q.b; i < e; i++ {
		if c.toks[i].quote != 0 || d.Tokens[i].Has(doc.InQuote) {
			return k
		}
	}
	k.cue.b = v + 1
	k.content = span{a: v + 1, b: e, side: sideRight, score: k.content.score}
	return k
}

// linkingVerbs take a complement, not an object: their subject is what
// seems so, as PolNeAR marks "he seems content".
var linkingVerbs = map[string]bool{
	"be": true, "seem": true, "appear": true, "look": true, "sound": true, "remain": true,
	"become": true, "feel": true,
}

// subjectAsContent gives candidate k, with no source and a content that
// is the noun phrase right before its cue, an active verb in a finite
// form (or a past form the tagger took for a participle) with an object
// after it ("the government expected growth of 2.4
// percent"), that phrase for source and the words after the cue, to the
// next punctuation mark, for content: the decoder took the subject for
// what was expected.
func subjectAsContent(c *context, k candidate) candidate {
	q, t := k.cue, k.content
	if !k.source.none() || t.none() || t.b != q.a || q.b-q.a != 1 || q.b >= len(c.toks) {
		return k
	}
	d := c.d
	switch p := d.Tokens[q.b].POS; d.Tokens[q.a].POS {
	case doc.TagVBD, doc.TagVBZ, doc.TagVBP:
	case doc.TagVBN:
		// A past form the tagger read as a participle right after its
		// subject, before its object: not "the growth expected by …",
		// nor a name after a participle of naming ("a website called
		// Real News Right Now").
		if p != doc.TagDT && p != doc.TagPRPS && p != doc.TagCD && p != doc.TagNN && p != doc.TagNNS {
			return k
		}
	default:
		return k
	}
	if linkingVerbs[c.toks[q.a].lemma] || d.Tokens[q.a].Has(doc.InQuote) {
		return k
	}
	noun := false
	for i := t.a; i < t.b; i++ {
		p := d.Tokens[i].POS
		if p.IsVerb() || p == doc.TagMD || c.toks[i].punct() || c.toks[i].quote != 0 || p == doc.TagIN || p == doc.TagCC {
			return k
		}
		noun = noun || p.IsNoun() || p == doc.TagPRP
	}
	_, sb := c.sentRange(q.a)
	e := q.b
	for e < sb && !c.toks[e].punct() && c.toks[e].quote == 0 {
		e++
	}
	if !noun || e == q.b || c.toks[q.b].lower == "to" {
		return k
	}
	k.source = span{a: t.a, b: t.b, side: sideLeft, score: t.score}
	k.content = span{a: q.b, b: e, side: sideRight, score: t.score}
	return k
}

// narratedAnd ends the content of candidate k, a clause after its cue
// that speaks in a modal or a past perfect ("said up to 80 millimetres
// could fall by Monday"), before a comma, "and", a pronoun that stands
// for the source and a verb in the simple past that is no verb of
// saying (", and it raised its warning level"): that clause tells what
// the source did, not what it said. PolNeAR ends contents so before ",
// and he railed …".
func narratedAnd(c *context, k candidate) span {
	t, s := k.content, k.source
	if t.none() || s.none() || t.a < k.cue.b {
		return t
	}
	d := c.d
	backshift := false
	for i := t.a; i+3 < t.b; i++ {
		w := c.toks[i].lower
		if d.Tokens[i].POS == doc.TagMD || w == "had" && d.Tokens[i].POS == doc.TagVBD {
			backshift = true
		}
		if c.toks[i].quote != 0 || d.Tokens[i].Has(doc.InQuote) {
			return t
		}
		if w != "," || c.toks[i+1].lower != "and" || d.Tokens[i+2].POS != doc.TagPRP || d.Tokens[i+3].POS != doc.TagVBD || isSpeechVerb(c, i+3) {
			continue
		}
		if backshift && pronounFor(c, c.toks[i+2].lower, s) {
			return span{a: t.a, b: i, side: t.side, score: t.score}
		}
	}
	return t
}

// pronounFor reports whether pronoun p can stand for source s: "it" for
// an organisation, "he" or "she" for a person, "they" for a group or an
// organisation, or the source's own pronoun.
func pronounFor(c *context, p string, s span) bool {
	last := c.toks[s.b-1]
	if s.b-s.a == 1 && c.d.Tokens[s.a].POS == doc.TagPRP {
		return last.lower == p
	}
	switch last.mEnd {
	case mOrg:
		return p == "it" || p == "they"
	case mPerson:
		return p == "he" || p == "she"
	case mGroup:
		return p == "they"
	}
	return false
}

// interruptingAccording gives a candidate whose cue "according to" is
// set off by commas inside a clause it interrupts ("A 2019 report by the
// water board, according to the Tidende, recommended raising the walls")
// the phrase between the commas for source and the clause's rest after
// the second comma for content, to which interruptedClause then adds
// the words before the first, as PolNeAR marks such contents in two
// parts ("At the heart of the trouble, according to Dennis B. Ross, …,
// was a decision …"). The words before the first comma hold no finite
// verb (else they are the content: "Trump has won 758 delegates,
// according to a CNN tally, but …"), the phrase holds none and no
// quotation mark, and the rest holds one and no relative pronoun right
// before a verb of saying, whose statement PolNeAR marks apart. The rest
// ends before a comma, a conjunction and a clause with a subject of its
// own ("…, but the work was never funded").
func interruptingAccording(c *context, k candidate) candidate {
	q := k.cue
	if q.b-q.a != 2 || c.toks[q.a].lower != "according" || c.toks[q.a+1].lower != "to" {
		return k
	}
	sa, sb := c.sentRange(q.a)
	if q.a-1 <= sa || c.toks[q.a-1].word != "," {
		return k
	}
	d := c.d
	for i := sa; i < q.a-1; i++ {
		if d.Tokens[i].POS.IsFinite() || c.toks[i].quote != 0 || d.Tokens[i].Has(doc.InQuote) || c.toks[i].word == "," {
			return k
		}
	}
	comma := -1
	for i := q.b; i < sb && i <= q.b+14; i++ {
		if c.toks[i].word == "," {
			comma = i
			break
		}
		if d.Tokens[i].POS.IsFinite() || c.toks[i].quote != 0 || c.toks[i].punct() {
			return k
		}
	}
	if comma <= q.b {
		return k
	}
	e := sb
	for e > comma+1 && c.toks[e-1].punct() && c.toks[e-1].quote == 0 {
		e--
	}
	if e <= comma+1 || !d.Tokens[comma+1].POS.IsFinite() && !isAdverb(d.Tokens[comma+1].POS) || !finiteIn(c, comma+1, e) {
		return k
	}
	for i := comma + 1; i+1 < e; i++ {
		if p := d.Tokens[i].POS; (p == doc.TagWDT || p == doc.TagWP) && isSpeechVerb(c, i+1) {
			return k // "…, which denied …": a statement of its own, as PolNeAR marks it
		}
	}
	depth := 0 // of brackets
	for i := comma + 2; i+2 < e; i++ {
		switch c.toks[i].word {
		case "(", "[", "-LRB-":
			depth++
		case ")", "]", "-RRB-":
			depth--
		}
		// "…, but the work was never funded": a clause of its own, with
		// its own subject, is the writer's.
		if c.toks[i].word == "," && depth == 0 && c.bal[i] == c.bal[comma+1] && d.Tokens[i+1].POS == doc.TagCC && !d.Tokens[i+2].POS.IsVerb() && !isAdverb(d.Tokens[i+2].POS) && finiteIn(c, i+2, e) {
			e = i
			break
		}
	}
	k.source = span{a: q.b, b: comma, side: sideRight, score: k.source.score}
	k.content = span{a: comma + 1, b: e, side: sideRight, score: k.content.score}
	return k
}

// accordingObject returns the source of candidate k, whose cue is
// "according to": the phrase right after the cue, up to punctuation, a
// verb or a quotation mark, where the decoder chose a source elsewhere
// ("… in unofficial returns, according to the Associated Press", not the
// subject of the clause the cue follows; PolNeAR's sources of train are
// that phrase 378 times in 382). Other sources are as they were.
func accordingObject(c *context, k candidate) span {
	q, s := k.cue, k.source
	if q.b-q.a != 2 || c.toks[q.a].lower != "according" || c.toks[q.a+1].lower != "to" {
		return s
	}
	if !s.none() && s.a >= q.b && s.a <= q.b+2 {
		return s
	}
	_, sb := c.sentRange(q.a)
	e := q.b
	for e < sb && e < q.b+12 && !c.toks[e].punct() && c.toks[e].quote == 0 && !c.d.Tokens[e].POS.IsFinite() {
		e++
	}
	if e == q.b || e < sb && !c.toks[e].punct() || overlaps(span{a: q.b, b: e}, k.content) {
		return s
	}
	return span{a: q.b, b: e, side: sideRight, score: s.score}
}

// accordingRest runs the source of candidate k, whose cue "according
// to" follows its content, over the apposition after a comma that ends
// the sentence ("…, according to the company's general counsel, Sigrun
// Hale."): PolNeAR's sources after "according to" take such an
// apposition in ("Brian Wieser, an analyst at Pivotal Research Group").
// The source ends in a person's name or noun, and the apposition opens
// with a proper noun, a determiner or a possessive pronoun, names a
// person or holds a person's noun, and holds no verb and no quotation
// mark; an organisation's description stays out, as PolNeAR leaves it
// ("by Latino Decisions, a public opinion research group").
func accordingRest(c *context, k candidate) span {
	q, s := k.cue, k.source
	if q.b-q.a != 2 || c.toks[q.a].lower != "according" || c.toks[q.a+1].lower != "to" {
		return s
	}
	if s.none() || s.a < q.b || k.content.none() || k.content.b > q.a {
		return s
	}
	_, sb := c.sentRange(q.a)
	e := sb
	if e > s.b && c.toks[e-1].punct() && c.toks[e-1].quote == 0 {
		e--
	}
	if s.b+2 > e || c.toks[s.b].word != "," {
		return s
	}
	d := c.d
	switch d.Tokens[s.b+1].POS {
	case doc.TagNNP, doc.TagDT, doc.TagPRPS:
	default:
		return s
	}
	lex, _ := lexicon.Default()
	if lex == nil {
		return s
	}
	person := func(i int) bool { return c.toks[i].mEnd == mPerson || lex.PersonNoun(c.toks[i].lower) }
	if !person(s.b - 1) {
		return s
	}
	named := false
	for i := s.b + 1; i < e; i++ {
		p := d.Tokens[i].POS
		if p.IsVerb() || p == doc.TagMD || c.toks[i].quote != 0 || d.Tokens[i].Has(doc.InQuote) || c.toks[i].word == "," {
			return s
		}
		named = named || c.toks[i].mStart == mPerson || p.IsNoun() && lex.PersonNoun(c.toks[i].lower)
	}
	if !named {
		return s
	}
	s.b = e
	return s
}

// relativeHead gives a source that is only a relative clause set off by
// commas before its cue ("Bertil Ramsvik, whose firm owns nine percent,
// called …", the decoder's source "whose firm owns nine percent") the
// noun phrase the clause describes, from the sentence's start, as
// PolNeAR marks "X, who …," when the clause's own verb is not the cue.
// The phrase has no verb, no comma and no quotation mark and holds a
// noun.
func relativeHead(c *context, k candidate) span {
	s, q := k.source, k.cue
	if s.none() || s.b > q.a || s.a < 2 || c.toks[s.a-1].word != "," {
		return s
	}
	d := c.d
	switch d.Tokens[s.a].POS {
	case doc.TagWP, doc.TagWPS, doc.TagWDT:
	default:
		return s
	}
	comma := false
	for i := s.b; i < q.a; i++ {
		switch {
		case c.toks[i].word == ",":
			comma = true
		case d.Tokens[i].POS != doc.TagRB:
			return s
		}
	}
	if !comma && (s.b < 1 || c.toks[s.b-1].word != ",") {
		return s
	}
	sa, _ := c.sentRange(s.a)
	if s.a-1 <= sa || s.a-1-sa > 10 {
		return s
	}
	noun := false
	for i := sa; i < s.a-1; i++ {
		p := d.Tokens[i].POS
		if p.IsVerb() || p == doc.TagMD || c.toks[i].punct() || c.toks[i].quote != 0 || d.Tokens[i].Has(doc.InQuote) {
			return s
		}
		noun = noun || p.IsNoun()
	}
	if !noun {
		return s
	}
	s.a = sa
	return s
}

// namePhrase reports whether tokens [a, b), outside quotation marks,
// open with a mention of a person, an organisation or a group after at
// most five words of a title (titleTag: "certified financial planner
// Eric Roberge", "the Tax Justice Forum") and hold no verb after it.
func namePhrase(c *context, a, b int) bool {
	named := false
	for i := a; i < b; i++ {
		t := &c.d.Tokens[i]
		switch c.toks[i].mStart {
		case mPerson, mOrg, mGroup:
			named = true
		}
		if t.Has(doc.InQuote) || named && t.POS.IsVerb() || !named && (i-a >= 5 || !titleTag(t.POS)) {
			return false
		}
	}
	return named
}

// documentPhrase reports whether tokens [a, b) are a short noun phrase
// headed by a document's noun ("a report", "the new study"), outside
// quotation marks.
func documentPhrase(c *context, a, b int) bool {
	if b-a < 1 || b-a > 5 || !lexicon.DocumentNoun(c.toks[b-1].lower) {
		return false
	}
	for i := a; i < b; i++ {
		t := &c.d.Tokens[i]
		if t.Has(doc.InQuote) || !titleTag(t.POS) && t.POS != doc.TagPRPS {
			return false
		}
	}
	return true
}

// titleTag reports whether a word with tag p can stand in a title
// before a name: a determiner, an adjective, a noun, a possessive
// ending, a past form or a conjunction ("the", "certified", "public",
// "accountant", "NBC’s", "lobbyist and strategist").
func titleTag(p doc.POS) bool {
	switch p {
	case doc.TagDT, doc.TagJJ, doc.TagPOS, doc.TagVBN, doc.TagVBD, doc.TagCC:
		return true
	}
	return p.IsNoun()
}

// textbookSource returns the subject the textbook pattern gives a
// quotation's statement whose cue is the speech verb right after it
// ("“…,” Kemble said in a statement released by the union"), when the
// decoder chose a source apart from it; none otherwise.
func textbookSource(c *context, k candidate) span {
	if k.content.b <= k.content.a || k.content.b > len(c.toks) || c.toks[k.content.b-1].quote&qClose == 0 || c.toks[k.content.a].quote&qOpen == 0 {
		return span{}
	}
	cue, src := speechAfter(c, k.content.b)
	if cue.IsZero() || src.IsZero() {
		return span{}
	}
	d := c.d
	s := span{a: d.TokenAt(src.Start), b: d.TokenAt(src.End-1) + 1, side: sideRight}
	if s.a < k.cue.a {
		s.side = sideLeft
	}
	if ca := d.TokenAt(cue.Start); ca < k.cue.a || ca >= k.cue.b || overlaps(s, k.source) {
		return span{}
	}
	return s
}

// textbookCue gives a quotation's statement whose cue lies before the
// quotation but not right before it the verb of saying and the subject
// the textbook pattern puts right before the quotation, when there is
// one between them ("Asked if he would start, Reyes would say only:
// “…”": Reyes says it, not whoever asked). Other statements are as they
// were.
func textbookCue(c *context, k candidate) candidate {
	if k.content.b <= k.content.a || k.content.b > len(c.toks) || k.cue.b > k.content.a || c.toks[k.content.a].quote&qOpen == 0 || c.toks[k.content.b-1].quote&qClose == 0 {
		return k
	}
	cue, src := speechBefore(c, k.content.a)
	if cue.IsZero() || src.IsZero() {
		return k
	}
	d := c.d
	ca, sa := d.TokenAt(cue.Start), d.TokenAt(src.Start)
	if ca < k.cue.b || sa < k.cue.b {
		return k
	}
	k.cue = cueSpan{a: ca, b: d.TokenAt(cue.End-1) + 1, score: k.cue.score}
	k.source = span{a: sa, b: d.TokenAt(src.End-1) + 1, side: sideLeft}
	return k
}

// appositiveSource returns the source of candidate k, widened to the
// name that opens its sentence when the source is a name between two
// commas right before the cue and everything from that name's comma to
// the source is an apposition about the first name: no verb, relative
// pronoun or quotation mark ("Prince Hal, the younger brother of the
// heir to the throne, Edmund, has told friends that …": Hal tells, and
// Edmund is whom the apposition names). Other sources are as they were.
func appositiveSource(c *context, k candidate) span {
	s := k.source
	if s.none() || s.a < 3 || s.b >= k.cue.a || c.toks[s.a-1].word != "," || c.toks[s.b].word != "," || c.toks[s.a].mStart != mPerson || int(c.toks[s.a].mSpanEnd) != s.b {
		return s
	}
	d := c.d
	for v := s.b + 1; v < k.cue.a; v++ {
		if !isAdverb(d.Tokens[v].POS) && !auxLemma(c.toks[v].lemma) {
			return s
		}
	}
	sa, _ := c.sentRange(s.a)
	if c.toks[sa].mStart != mPerson {
		return s
	}
	e := int(c.toks[sa].mSpanEnd)
	if e >= s.a-1 || c.toks[e].word != "," || d.Tokens[e+1].POS == doc.TagPRP {
		return s
	}
	for j := e + 1; j < s.a-1; j++ {
		switch p := d.Tokens[j].POS; {
		case p.IsVerb() && p != doc.TagVBN && p != doc.TagVBG, p == doc.TagWP, p == doc.TagWDT, c.toks[j].quote != 0:
			return s
		}
	}
	return span{a: sa, b: s.b + 1, side: s.side, score: s.score}
}

// describedName returns the source of candidate k widened to the
// description set off before it, when the source is a person's name
// right after a comma and before its cue (past a comma, adverbs and
// auxiliaries) and the words from the sentence's start or the comma
// before them to that name's comma describe the person: a determiner or
// a possessive, a noun for a person, no verb, relative pronoun or
// quotation mark ("In January, the party chairwoman, Ana Ruiz,
// appointed …", "Trump's state director, Mike Rubino, reached out"), as
// PolNeAR marks such sources, with the comma closing the name. A name
// no comma closes has a fronted description of its subject before it
// ("An enthusiastic supporter, Seacord said"), which PolNeAR leaves
// out. Other sources are as they were.
func describedName(c *context, k candidate) span {
	s := k.source
	if s.none() || s.a < 3 || s.b > k.cue.a || c.toks[s.a-1].word != "," || c.toks[s.a].mStart != mPerson {
		return s
	}
	e := int(c.toks[s.a].mSpanEnd) // the name's end, where its closing comma stands
	if e != s.b && (e != s.b-1 || c.toks[e].word != ",") || e >= k.cue.a || c.toks[e].word != "," {
		return s
	}
	d := c.d
	for v := e + 1; v < k.cue.a; v++ {
		if !isAdverb(d.Tokens[v].POS) && !auxLemma(c.toks[v].lemma) {
			return s
		}
	}
	sa, _ := c.sentRange(s.a)
	j := s.a - 1
	for j > sa && c.toks[j-1].word != "," && s.a-1-j < 10 {
		j--
	}
	if j == s.a-1 || j > sa && c.toks[j-1].word != "," {
		return s
	}
	if d.Tokens[j].POS == doc.TagCC {
		j++ // "And Florida's attorney general, …": the conjunction joins the clause
	}
	lex, _ := lexicon.Default()
	opens, person := false, false
	for i := j; i < s.a-1; i++ {
		p := d.Tokens[i].POS
		if p.IsVerb() || p == doc.TagMD || p == doc.TagWP || p == doc.TagWDT || p == doc.TagPRP || c.toks[i].quote != 0 {
			return s
		}
		w := c.toks[i].lower
		if i == j && p == doc.TagIN {
			return s // "As Virginia's governor, Kaine, …" says what Kaine was
		}
		opens = opens || i == j && (p == doc.TagDT || p == doc.TagPRPS) || w == "'s" || w == "’s"
		person = person || p.IsNoun() && c.toks[i].word == w && lex != nil && lex.PersonNoun(w)
	}
	if !opens || !person {
		return s
	}
	return span{a: j, b: e + 1, side: s.side, score: s.score}
}

// namedApposition returns the source of candidate k widened to the name
// it describes, when the source is an apposition opening with "a", "an"
// or "the" right after a comma, before its cue, and the words before
// that comma are the name of a person or an organisation that opens the
// sentence, follows a conjunction opening it or a comma ("Working
// America, a labor-affiliated group, found", "Elena Marsh, an official
// at the port authority, said"), as PolNeAR marks such sources, with the
// comma that closes the apposition; an apposition no comma closes is
// none ("Like Rove, the Sanders camp has …"). Other sources are as they
// were.
func namedApposition(c *context, k candidate) span {
	s := k.source
	if s.none() || s.a < 2 || s.b > k.cue.a || c.toks[s.a-1].word != "," || c.d.Tokens[s.a].POS != doc.TagDT {
		return s
	}
	switch c.toks[s.a].lower {
	case "a", "an", "the":
	default:
		return s
	}
	sa, _ := c.sentRange(s.a)
	m := -1
	for i := s.a - 2; i >= sa && s.a-1-i <= 8; i-- {
		if k := c.toks[i].mStart; (k == mPerson || k == mOrg) && int(c.toks[i].mSpanEnd) == s.a-1 {
			m = i
		}
	}
	d := c.d
	if m < 0 || d.Tokens[m].POS == doc.TagIN || m > sa && c.toks[m-1].word != "," && (m > sa+1 || d.Tokens[sa].POS != doc.TagCC) {
		return s
	}
	b := s.b
	if b < k.cue.a && c.toks[b].word == "," {
		b++
	}
	if c.toks[b-1].word != "," {
		return s // "Like Rove, the Sanders camp has …": no apposition
	}
	for v := b; v < k.cue.a; v++ {
		if !isAdverb(d.Tokens[v].POS) && !auxLemma(c.toks[v].lemma) {
			return s
		}
	}
	return span{a: m, b: b, side: s.side, score: s.score}
}

// listHead returns the source of candidate k widened to the first item
// of the list it ends, when the source, before its cue, is the last
// items of a list joined by "and" ("supporters and administration
// officials") and a comma and one noun phrase of up to five words stand
// before it, opening the sentence or following a comma ("But the
// families, supporters and administration officials said", "Ben Carson,
// Ted Cruz and Rand Paul have attacked"), as PolNeAR marks such sources:
// no verb, preposition, pronoun or quotation mark in that phrase, nor a
// place's name or a time ("Last week, …"). Other sources are as they
// were.
func listHead(c *context, k candidate) span {
	s := k.source
	if s.none() || s.a < 2 || s.b > k.cue.a || c.toks[s.a-1].word != "," {
		return s
	}
	d := c.d
	and := false
	for i := s.a + 1; i < s.b; i++ {
		switch {
		case c.toks[i].word == "," || c.toks[i].quote != 0 || d.Tokens[i].POS.IsVerb():
			return s
		case c.toks[i].lower == "and" && d.Tokens[i].POS == doc.TagCC:
			and = true
		}
	}
	if !and {
		return s
	}
	sa, _ := c.sentRange(s.a)
	j := s.a - 1
	for j > sa && c.toks[j-1].word != "," && s.a-1-j < 5 {
		j--
	}
	if j > sa && c.toks[j-1].word != "," {
		return s
	}
	if d.Tokens[j].POS == doc.TagCC {
		j++ // "But the families, …"
	}
	if j >= s.a-1 || !d.Tokens[s.a-2].POS.IsNoun() || timePhrase(c, j, s.a-1) {
		return s
	}
	for i := j; i < s.a-1; i++ {
		p := d.Tokens[i].POS
		if p.IsVerb() || p == doc.TagMD || p == doc.TagIN || p == doc.TagPRP || p == doc.TagWP || p == doc.TagWDT || c.toks[i].quote != 0 || c.toks[i].mStart == mPlace || timeNouns[c.toks[i].lower] || isWeekday(c.toks[i].lower) {
			return s
		}
	}
	return span{a: j, b: s.b, side: s.side, score: s.score}
}

// cueSubject returns the subject of a verb cue the decoder found no
// source for ("US President Donald Trump had stated that …"), by
// verbSubject on the cue's last verb, else on its first ("Coach Sam
// Reyes was quoted as saying, …"), unless it overlaps the content; none
// otherwise.
func cueSubject(c *context, k candidate) span {
	first, last := -1, -1
	for i := k.cue.a; i < k.cue.b; i++ {
		if c.d.Tokens[i].POS.IsVerb() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return span{}
	}
	sa, _ := c.sentRange(last)
	for _, v := range [2]int{last, first} {
		s := verbSubject(c, sa, v)
		if !s.none() && !overlaps(s, k.content) && !overlaps(s, span{a: k.cue.a, b: k.cue.b}) {
			return s
		}
	}
	return span{}
}

// possessedClaim finds an attribution noun owned by its source and
// followed by its content ("the union’s claim that …", "Putin’s claim to
// have …") and returns the possessor, the source; none otherwise.
func possessedClaim(c *context, k candidate) span {
	q := k.cue
	if q.b-q.a != 1 || !c.toks[q.a].noun || q.a < 2 || q.b >= len(c.toks) || k.content.a != q.b {
		return span{}
	}
	if w := c.toks[q.b].lower; c.d.Tokens[q.a-1].POS != doc.TagPOS || w != "that" && w != "to" {
		return span{}
	}
	sa, _ := c.sentRange(q.a)
	a := q.a - 1
	for a > sa {
		p := c.d.Tokens[a-1].POS
		if !(p.IsNoun() || p == doc.TagDT || p.IsAdjective() || p == doc.TagPRPS) {
			break
		}
		a--
	}
	if a >= q.a-1 {
		return span{}
	}
	return span{a: a, b: q.a, side: sideLeft}
}

// cutAtSource ends the right-hand contents in kept that hold c's source
// (and not its cue) just before that source, when that leaves them a
// content and lets c fit.
func cutAtSource(cx *context, c candidate, kept []candidate, fits func(candidate, []candidate) bool) []candidate {
	if c.source.none() {
		return kept
	}
	trial := append([]candidate(nil), kept...)
	changed := false
	for i, k := range trial {
		ct := k.content
		if k.parent != c.parent || ct.side != sideRight || !overlaps(c.source, ct) || c.source.a <= ct.a || ct.a <= c.cue.a && c.cue.a < ct.b {
			continue
		}
		ct.b = c.source.a
		for ct.b > ct.a && trimmable(cx, ct.b-1) {
			ct.b--
		}
		if ct.b <= ct.a {
			return kept
		}
		trial[i].content = ct
		changed = true
	}
	if changed && fits(c, trial) {
		return trial
	}
	return kept
}

// dropSwallowingParents removes a statement whose content before its cue
// swallowed a whole textbook quotation attribution ("“…,” he said today,
// pointing to …": the participle's content is not the quotation and the
// attribution). The quotation's own statement then stands at the top.
func dropSwallowingParents(c *context, kept []candidate) []candidate {
	drop := make([]bool, len(kept))
	for i, k := range kept {
		p := k.parent
		if p < 0 || drop[p] {
			continue
		}
		o := kept[p]
		if o.content.side == sideLeft && o.content.b >= k.cue.b && k.content.side == sideLeft && classicQuote(c, k) && !reportedBy(o, k) || borrowedContent(c, o, k) {
			drop[p] = true
			kept[i].parent = -1
		}
	}
	return dropCandidates(kept, drop)
}

// dropCandidates returns kept without the candidates drop marks, each
// parent index renumbered; a candidate whose parent is dropped stands at
// the top level.
func dropCandidates(kept []candidate, drop []bool) []candidate {
	if !slices.Contains(drop, true) {
		return kept
	}
	idx := make([]int, len(kept))
	out := make([]candidate, 0, len(kept))
	for i, k := range kept {
		if drop[i] {
			idx[i] = -1
			continue
		}
		idx[i] = len(out)
		out = append(out, k)
	}
	for i := range out {
		if p := out[i].parent; p >= 0 {
			out[i].parent = idx[p]
		}
	}
	return out
}

// reportedBy reports whether outer names, after its cue, a source of its
// own that is not inner's: who reported inner's attribution ("“…,” Ms.
// Delgado told the committee, according to a recording"), which holds
// the quotation and its attribution, as it did not hear it itself.
func reportedBy(outer, inner candidate) bool {
	return !outer.source.none() && outer.source.a >= outer.cue.b && !overlaps(outer.source, inner.source)
}

// trimmable reports tokens that do not end a content: punctuation, and the
// conjunctions and relative words that begin the clause after it.
func trimmable(c *context, i int) bool {
	t := c.toks[i]
	if t.quote&qClose != 0 {
		return false
	}
	switch c.d.Tokens[i].POS {
	case doc.TagWDT, doc.TagWP, doc.TagWRB, doc.TagCC, doc.TagIN:
		return true
	}
	return t.punct()
}

func overlaps(a, b span) bool { return !a.none() && !b.none() && a.a < b.b && b.a < a.b }

func sameSpan(a, b span) bool { return a.a == b.a && a.b == b.b }

// verbAfterObject returns the content of candidate k without "and" and
// what follows it, when the content comes after its cue, has no finite
// verb of its own before "and", and a finite verb in the cue's tense
// follows "and" (after adverbs) with no subject of its own: that verb is
// coordinated with the cue, not part of what was said ("has fired his data director and is
// investigating whether …"; "called the merger a terrible deal and
// ranked her …"). Other contents are as they were.
func verbAfterObject(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a < k.cue.b || t.b-t.a < 3 {
		return t
	}
	d := c.d
	vt := firstTense(c, k.cue.a, k.cue.b)
	if vt == 0 {
		return t
	}
	for j := t.a; j+1 < t.b; j++ {
		p := d.Tokens[j].POS
		if p.IsFinite() || c.toks[j].quote != 0 {
			return t
		}
		if j == t.a || c.toks[j].lower != "and" || c.toks[j-1].word == "," {
			continue
		}
		v := j + 1
		for v < t.b && isAdverb(d.Tokens[v].POS) {
			v++
		}
		if v < t.b && d.Tokens[v].POS.IsFinite() && tenseOf(c, v) == vt {
			return span{a: t.a, b: j, side: t.side, score: t.score}
		}
	}
	return t
}

// thatAfterAdverbial returns the content of candidate k, which opens
// right after its cue with a phrase that only says when or how ("shortly
// after 3.40am", "late on Friday": adverbs, prepositions, numbers, clock
// times and words for time) before "that" and a subject: the content is
// the that-clause, as PolNeAR marks it, and where the decoder ended it
// before the clause's verb, at a comma closing an apposition in its
// subject ("that Okafor, the candidate from the Coast Party, had won"),
// it runs to the end of the sentence. Other contents are as they were.
func thatAfterAdverbial(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a != k.cue.b || t.b-t.a < 3 {
		return t
	}
	d := c.d
	j := t.a
	for j < t.b && j < t.a+7 && c.toks[j].lower != "that" {
		if !adverbialWord(c, j) {
			return t
		}
		j++
	}
	if j == t.a || j+1 >= t.b || c.toks[j].lower != "that" {
		return t
	}
	if p := d.Tokens[j+1].POS; !p.IsNoun() && p != doc.TagDT && p != doc.TagPRP && p != doc.TagPRPS && p != doc.TagCD {
		return t // "that was broadcast": a relative clause; "more than that and"
	}
	t.a = j
	if finiteIn(c, j+1, t.b) || t.b >= len(c.toks) || c.toks[t.b].word != "," {
		return t
	}
	_, sb := c.sentRange(j)
	e := sb
	for e > t.b && c.toks[e-1].punct() {
		e--
	}
	if e > t.b && finiteIn(c, t.b, e) && c.bal[t.a] == c.bal[e] {
		t.b = e
	}
	return t
}

// adverbialWord reports whether token j may stand in a phrase that only
// says when or how between a verb and its that-clause: an adverb, a
// preposition, a number, a determiner, a word for time or a clock time
// ("3.40am"); no adjective ("seems likely that").
func adverbialWord(c *context, j int) bool {
	p := c.d.Tokens[j].POS
	switch {
	case isAdverb(p), p == doc.TagIN && c.toks[j].lower != "that", p == doc.TagCD, p == doc.TagDT:
		return true
	}
	w := c.toks[j].lower
	return isWeekday(w) || timeNouns[w] || timeWords[w] || clockTime(w) || w == "am" || w == "pm" || w == "a.m." || w == "p.m."
}

// clockTime reports whether lower-case w is a time of the clock with its
// half of the day ("3.40am", "11pm", "9:15p.m.").
func clockTime(w string) bool {
	var rest string
	switch {
	case strings.HasSuffix(w, "am"), strings.HasSuffix(w, "pm"):
		rest = w[:len(w)-2]
	case strings.HasSuffix(w, "a.m."), strings.HasSuffix(w, "p.m."):
		rest = w[:len(w)-4]
	default:
		return false
	}
	return rest != "" && rest[0] >= '0' && rest[0] <= '9' && strings.Trim(rest, "0123456789.:") == ""
}

// detachedContent reports whether candidate k's content and source both
// stand before its cue, two words or more apart, with no punctuation or
// quotation mark between them ("Farm strike leaves shoppers waiting as
// growers and ministers trade blame"): a content fronted before its
// source is set off by a comma or a quotation mark, or runs up to the
// source as a relative clause's antecedent ("a plan the mayor
// rejected").
func detachedContent(c *context, k candidate) bool {
	t, s := k.content, k.source
	if t.none() || s.none() || t.b > k.cue.a || s.b > k.cue.a {
		return false
	}
	if s.b <= t.a {
		// "Rail strike leaves commuters stranded as union and ministers
		// trade blame", with a verb for cue or a source that names no
		// one: not a noun whose object the content is, after a speaker
		// ("I remain as strong a Sanders supporter").
		if !c.d.Tokens[k.cue.a].POS.IsVerb() && (c.toks[s.a].mStart != mNone || c.d.Tokens[s.a].POS == doc.TagPRP) {
			return false
		}
		t, s = s, t
	}
	if t.b > s.a || s.a-t.b < 2 {
		return false
	}
	for j := t.b - 1; j <= s.a; j++ {
		if c.toks[j].punct() || c.toks[j].quote != 0 || isDashWord(c.toks[j].word) {
			return false
		}
	}
	return true
}

// borrowedContent reports whether the content of candidate o, after its
// cue, starts in a later sentence than the cue, with no colon to carry
// the cue over, and holds the cue of candidate k in a sentence other
// than o's: the words are k's statement, not o's ("Reyes paused before
// answering. “…,” she said."; "…, according to a copy seen by the
// Herald. Costa wrote that …").
func borrowedContent(c *context, o, k candidate) bool {
	if o.content.none() || o.content.a < o.cue.b || k.cue.a < o.content.a || k.cue.b > o.content.b {
		return false
	}
	so := c.d.Tokens[o.cue.a].Sent
	if c.d.Tokens[o.content.a].Sent == so || c.d.Tokens[k.cue.a].Sent == so {
		return false
	}
	for j := o.cue.a; j < o.content.a; j++ {
		if c.toks[j].word == ":" {
			return false
		}
	}
	return true
}

// crossedContent reports whether candidate k's content, after its cue,
// starts in a later sentence than the cue, with no colon to carry the cue
// over, past the subject that opens that later sentence and its finite
// verb of saying ("…, according to a copy seen by the Herald. Costa
// wrote that …"): the words are what that verb says, not the cue.
func crossedContent(c *context, k candidate) bool {
	t := k.content
	if t.none() || t.a < k.cue.b {
		return false
	}
	_, sb := c.sentRange(k.cue.a)
	if t.a <= sb {
		return false
	}
	for j := k.cue.a; j < t.a; j++ {
		if c.toks[j].word == ":" {
			return false
		}
	}
	for s := sb; s < t.a; s++ {
		if !c.d.Tokens[s].Has(doc.SentStart) {
			continue
		}
		if e := subjectEnd(c, s, t.a); e > s && e < t.a && isSpeechVerb(c, e) && c.d.Tokens[e].POS.IsFinite() {
			return true
		}
	}
	return false
}

// subjectOnlyContent returns the content of candidate k, whose cue ends
// in a verb that reports a clause (clauseVerbs) and that no relative
// pronoun is the subject of, where
// the decoder ended it, right after the cue, on a noun phrase with no verb that
// a finite verb follows ("said the law | allowed fines of up to 4%"):
// that phrase is the subject of the clause said, and the content runs
// on to the first punctuation mark, dash or "because" (which PolNeAR
// leaves out: "…, too: In states like …"; coordinatedThat may then go on
// past ", and that"). Other contents are as they were.
func subjectOnlyContent(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a != k.cue.b || t.b >= len(c.toks) || c.toks[t.a].quote != 0 || !clauseVerbs[c.toks[k.cue.b-1].lemma] || !c.d.Tokens[k.cue.b-1].POS.IsVerb() {
		return t
	}
	if s := k.source; !s.none() && s.b == k.cue.a && (c.d.Tokens[s.b-1].POS == doc.TagWP || c.d.Tokens[s.b-1].POS == doc.TagWDT) {
		return t // "who support Sanders are …": the relative clause's verb, not the sentence's
	}
	if p := c.d.Tokens[t.b].POS; !p.IsFinite() && p != doc.TagMD || nounPhrase(c, t.a, t.b, 6) != t.b {
		return t
	}
	_, sb := c.sentRange(t.a)
	e := t.b
	for e < sb && !c.toks[e].punct() && !isDashWord(c.toks[e].word) && c.toks[e].lower != "because" {
		e++
	}
	if c.bal[t.a] == c.bal[e] {
		t.b = e
	}
	return t
}

// clauseVerbs report a clause after them with no "that" ("said the law
// allowed …"), and not a thing or a person they are about ("backing
// Assad", "called Our Principles").
var clauseVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "claim": true, "argue": true, "insist": true,
	"add": true, "note": true, "warn": true, "announce": true, "believe": true, "think": true,
	"write": true, "explain": true, "suggest": true, "acknowledge": true, "admit": true,
	"contend": true, "maintain": true, "predict": true, "state": true, "confirm": true,
}

// namedQuote returns the content of candidate k, whose cue ends in a verb
// of naming ("has nicknamed", "dubbed"), where it opens with a quotation
// right after the cue and runs on past it: the name in quotation marks
// alone, as PolNeAR marks it ("a crater the team has nicknamed “the
// Saucer”, and was tilted …": what follows the name is the outer clause's).
// Other contents are as they were.
func namedQuote(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a != k.cue.b || c.toks[t.a].quote&qOpen == 0 || !namingVerbs[c.toks[k.cue.b-1].lemma] {
		return t
	}
	for j := t.a + 1; j < t.b; j++ {
		if c.toks[j].quote&qClose != 0 && c.bal[t.a] == c.bal[j+1] {
			if j+1 < t.b && !c.d.Tokens[j+1].POS.IsNoun() && !c.d.Tokens[j+1].POS.IsAdjective() { // not "calls “psychographic” profiles"
				t.b = j + 1
			}
			return t
		}
	}
	return t
}

// namingVerbs give a thing a name.
var namingVerbs = map[string]bool{"nickname": true, "nicknamed": true, "dub": true, "christen": true, "name": true, "call": true, "label": true, "brand": true}
