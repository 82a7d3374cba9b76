package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

// Verbs whose object is the person addressed: "told reporters", "assured
// the BBC".
var addressVerbs = map[string]bool{
	"tell": true, "inform": true, "assure": true, "remind": true, "warn": true, "promise": true,
	"ask": true, "urge": true, "advise": true, "brief": true, "caution": true, "notify": true,
}

// addressee returns who was addressed: the noun phrase after a telling
// verb ("told the BBC") or after "to" following the cue ("suggested to
// Trump"), when it overlaps neither content nor source.
func addressee(c *context, k candidate) doc.Span {
	d := c.d
	_, sb := c.sentRange(k.cue.a)
	i := k.cue.b
	lem := c.toks[k.cue.b-1].lemma
	switch {
	case addressVerbs[lem]:
	case i < sb && c.toks[i].lower == "to" && c.toks[k.cue.b-1].lower != "according":
		i++
	default:
		return doc.Span{}
	}
	j := nounPhrase(c, i, sb, 6)
	if j <= i {
		return doc.Span{}
	}
	s := span{a: i, b: j}
	if overlaps(s, k.content) || overlaps(s, k.source) {
		return doc.Span{}
	}
	return d.TokenSpan(i, j)
}

// nounPhrase returns the end of a noun phrase starting at token i (at most
// max tokens, before end), or i when none starts there.
func nounPhrase(c *context, i, end, max int) int {
	d := c.d
	j := i
	head := false
	for j < end && j < i+max {
		p := d.Tokens[j].POS
		switch {
		case p == doc.TagDT || p == doc.TagPRPS || p.IsAdjective() || p == doc.TagCD || p == doc.TagPOS:
			if head && p != doc.TagPOS || p == doc.TagDT && j > i && d.Tokens[j-1].POS.IsAdjective() {
				return j // a second determiner after an adjective, the head mistagged: "the tribunal the …"
			}
		case p == doc.TagPRP && head:
			return j // "the jury she …": a subject of its own
		case p.IsNoun() || p == doc.TagPRP:
			head = true
		default:
			if head {
				return j
			}
			return i
		}
		j++
	}
	if head {
		return j
	}
	return i
}

// Heads of prepositional phrases that say how something was said.
var mannerHeads = map[string]bool{
	"translator": true, "interpreter": true, "statement": true, "interview": true, "letter": true,
	"email": true, "e-mail": true, "tweet": true, "post": true, "video": true, "speech": true,
	"message": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "phone": true,
	"telephone": true, "radio": true, "television": true, "broadcast": true, "podcast": true,
	"briefing": true, "conference": true, "address": true, "memo": true, "op-ed": true, "essay": true,
	"remark": true, "diatribe": true, "tirade": true, "testimony": true, "column": true, "editorial": true,
	"commentary": true, "filing": true, "ruling": true,
}

// occasionHeads are nouns of the occasions at which things are said
// ("during the debate", "at a rally", "on the show"): a phrase of manner
// after "during", "at" or "on" only, for after "in" the noun may be what
// the content is about ("his prowess in his debates").
var occasionHeads = map[string]bool{
	"debate": true, "forum": true, "appearance": true, "rally": true, "hearing": true,
	"show": true, "segment": true, "program": true, "programme": true, "event": true,
}

// trailingManner returns the content of candidate k without a
// prepositional phrase that ends it and says how or where the statement
// was made ("… criticized the plan in early-morning tweets", "… on
// Twitter", "… in a statement on Thursday"): a content after its cue, a
// noun phrase with no verb of its own (a clause's phrase is the clause's:
// "he would never diagnose someone through television"), ending in no
// quotation mark, whose last words are "in", "on", "at", "via",
// "through" or "during" and a noun phrase headed by a noun of manner
// (mannerHeads, in the singular or the plural, or a network's name) or,
// after "during", "at" or "on", of an occasion (occasionHeads: "during
// the forum"), a weekday before or after it if any. Other contents are as
// they were.
func trailingManner(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a < k.cue.b || t.b-t.a < 4 || c.toks[t.b-1].quote != 0 {
		return t
	}
	end := t.b
	if c.d.Tokens[end-1].POS == doc.TagNNP && isWeekday(c.toks[end-1].lower) {
		end-- // "in a statement Thursday"
		if end-1 > t.a && c.toks[end-1].lower == "on" {
			end-- // "in a statement on Thursday"
		}
	}
	for i := end - 2; i > t.a && i >= end-7; i-- {
		p := c.toks[i].lower
		switch p {
		case "in", "on", "via", "through", "during", "at":
		default:
			continue
		}
		if nounPhrase(c, i+1, end, 6) != end {
			continue
		}
		head := c.toks[end-1].lower
		occasion := (p == "during" || p == "at" || p == "on") && occasionHeads[strings.TrimSuffix(head, "s")]
		if !mannerHead(head) && !occasion {
			return t
		}
		for j := t.a; j < i; j++ {
			if c.d.Tokens[j].POS.IsFinite() || c.d.Tokens[j].POS == doc.TagVB || c.d.Tokens[j].POS == doc.TagMD {
				return t // a clause's own phrase: "he would never diagnose someone on television"
			}
		}
		if i-1 > t.a && c.d.Tokens[i-1].POS == doc.TagNNP && isWeekday(c.toks[i-1].lower) {
			i-- // "… as a disgrace Wednesday on the show"
		}
		return span{a: t.a, b: i, side: t.side, score: t.score}
	}
	return t
}

// sourceAdjuncts returns the source of candidate k without the words
// that belong to the verb or to the sentence and not to the one who
// speaks, as PolNeAR marks sources: before the cue, a sentence adverb
// opening it ("Then someone", sentenceAdverb) and the words before the
// subject of the cue's own clause (clauseSubject); a relative clause
// that is an attribution of its own ("Mr. Obama, who understood that …",
// relativeAttribution), whose own source is then the pronoun; a
// participial clause or a prepositional phrase after a comma that goes
// with the verb (commaAdjunct); and, before the cue, a phrase that only
// says when right after it (trailingWhen).
func sourceAdjuncts(c *context, k candidate) span {
	s := k.source
	if s.none() || s.a < k.cue.b && s.b > k.cue.a {
		return s
	}
	if subj := subjectBeforeAdjunct(c, k); !subj.none() {
		return subj
	}
	if subj := subjectBeforeRelative(c, k); !subj.none() {
		return subj
	}
	if s.b-s.a < 2 {
		return s
	}
	if s.b <= k.cue.a {
		s = sentenceAdverb(c, s)
	}
	if s.b == k.cue.a {
		if a := clauseSubject(c, s); a > s.a {
			return span{a: a, b: s.b, side: s.side, score: s.score}
		}
		if w := c.toks[s.b-1].lower; s.b-s.a >= 2 && (w == "who" || w == "which") && c.toks[s.b-2].word == "," {
			// "Mr. Obama, who understood that …": the relative pronoun,
			// as PolNeAR marks it (the speakers stage finds whom it
			// stands for).
			return span{a: s.b - 1, b: s.b, side: s.side, score: s.score}
		}
	}
	if b := commaAdjunct(c, s); b < s.b {
		return span{a: s.a, b: b, side: s.side, score: s.score}
	}
	if s.b <= k.cue.a {
		if b := trailingWhen(c, s); b < s.b {
			return span{a: s.a, b: b, side: s.side, score: s.score}
		}
	}
	return s
}

// subjectBeforeAdjunct returns the subject that opens the sentence of
// candidate k, up to a comma, when k's source lies inside a phrase of
// time, manner or discourse set off by commas between that subject and
// the cue ("Ukrainian President Volodymyr Zelensky, in a recent interview
// with ABC News, expressed …": the one interviewed speaks, not ABC News);
// none otherwise.
func subjectBeforeAdjunct(c *context, k candidate) span {
	s, q := k.source, k.cue
	if s.b > q.a || q.a < 4 || c.toks[q.a-1].word != "," || s.b < q.a-1 {
		return span{}
	}
	sa, _ := c.sentRange(q.a)
	for j := s.a - 1; j > sa; j-- {
		if c.toks[j].word != "," {
			continue
		}
		if !adjunctPhrase(c, j+1, q.a) && !parentheticalClause(c, j+1) {
			return span{}
		}
		for i := sa; i < j; i++ {
			if c.toks[i].word == "," || c.d.Tokens[i].POS.IsVerb() || c.toks[i].quote != 0 {
				return span{}
			}
		}
		if c.toks[sa].mStart == mNone {
			return span{}
		}
		return span{a: sa, b: j, side: sideLeft, score: s.score}
	}
	return span{}
}

// subjectBeforeRelative returns the subject that opens the sentence of
// candidate k, up to a relative pronoun, when k's source lies in the
// relative clause that stands between that subject and the cue ("John
// Kasich of Ohio, a Republican who has refused to endorse Mr. Trump,
// said": Kasich speaks, not Mr. Trump); none otherwise.
func subjectBeforeRelative(c *context, k candidate) span {
	s, q := k.source, k.cue
	d := c.d
	if s.b > q.a || q.a < 3 {
		return span{}
	}
	switch c.toks[q.a-1].word {
	case ",", "-", "—", "--":
	default:
		return span{}
	}
	sa, _ := c.sentRange(q.a)
	r := -1
	for j := s.a; j > sa; j-- {
		if w := c.toks[j].lower; w == "who" || w == "which" {
			r = j
			break
		}
	}
	if r < 0 {
		return span{}
	}
	finite := false
	for i := r + 1; i < q.a; i++ {
		finite = finite || d.Tokens[i].POS.IsFinite()
	}
	if !finite {
		return span{}
	}
	for i := sa; i < r; i++ {
		if d.Tokens[i].POS.IsFinite() || d.Tokens[i].POS == doc.TagMD || c.toks[i].quote != 0 {
			return span{}
		}
	}
	e := r
	for e > sa && (c.toks[e-1].punct() || c.toks[e-1].word == "-" || c.toks[e-1].word == "—") {
		e--
	}
	if e <= sa || !d.Tokens[e-1].POS.IsNoun() || c.toks[sa].mStart == mNone && !d.Tokens[sa].POS.IsNoun() && d.Tokens[sa].POS != doc.TagDT && d.Tokens[sa].POS != doc.TagCC {
		return span{}
	}
	return span{a: sa, b: e, side: sideLeft, score: s.score}
}

// parentheticalClause reports whether token a opens a clause of a
// present participle ("speaking to reporters"; not "including", which
// names members) or one a subordinating conjunction opens before a
// participle ("when contacted by Reuters"). A past participle alone
// describes what it follows ("The report, released Tuesday,").
func parentheticalClause(c *context, a int) bool {
	if a+1 < len(c.toks) && (c.toks[a].lower == "when" || c.toks[a].lower == "while" || c.toks[a].lower == "after" || c.toks[a].lower == "if") {
		// After the conjunction the tagger may take the participle for
		// a past tense ("when contacted").
		p := c.d.Tokens[a+1].POS
		return p == doc.TagVBG || p == doc.TagVBN || p == doc.TagVBD
	}
	return c.d.Tokens[a].POS == doc.TagVBG && !memberWords[c.toks[a].lower]
}

// sentenceAdverb returns source s without a sentence adverb that opens
// it, and a comma after it ("Then someone asked", "Still, the poll
// found"): PolNeAR starts no source of train with one, and 110 follow
// one. An adverb that belongs to the noun phrase ("even Republicans")
// stays, and so does one the tagger took for an adverb that is an
// adjective of time before the noun it modifies ("Early results of the
// poll show", "Later polls found": adverbialAdjectives).
func sentenceAdverb(c *context, s span) span {
	if !isAdverb(c.d.Tokens[s.a].POS) || focusAdverbs[c.toks[s.a].lower] || c.toks[s.a].mStart != mNone {
		return s
	}
	if adverbialAdjectives[c.toks[s.a].lower] && s.a+1 < s.b && c.d.Tokens[s.a+1].POS.IsNoun() {
		return s
	}
	a := s.a + 1
	if a < s.b && c.toks[a].word == "," {
		a++
	}
	if a >= s.b {
		return s
	}
	return span{a: a, b: s.b, side: s.side, score: s.score}
}

// clauseSubject returns where the subject of the cue's own clause starts
// inside source s, which ends at the cue, when the decoder took a longer
// phrase whole: after "where" ("an environment where my father
// referred"), or a name or personal pronoun right after a common noun
// that is no title ("a speech Mrs. Clinton delivered"; not "moderator
// Matt Lauer"). It returns s.a when there is none.
func clauseSubject(c *context, s span) int {
	d := c.d
	for j := s.b - 1; j > s.a; j-- {
		if d.Tokens[j-1].POS == doc.TagWRB && !parentheticalClause(c, j-1) {
			return j // not "when contacted by Reuters", which has no subject
		}
	}
	lex, _ := lexicon.Default()
	for j := s.a + 1; j < s.b; j++ {
		t, prev := &c.toks[j], &c.toks[j-1]
		if (t.mStart == mPerson || t.mStart == mPronoun && d.Tokens[j].POS == doc.TagPRP) && int(t.mSpanEnd) == s.b && prev.mEnd == mNone &&
			(d.Tokens[j-1].POS == doc.TagNN || d.Tokens[j-1].POS == doc.TagNNS || d.Tokens[j-1].POS == doc.TagCD) &&
			prev.word == prev.lower && (lex == nil || !lex.PersonNoun(prev.lower)) && (j < 2 || d.Tokens[j-2].End < d.Tokens[j-1].Start) {
			return j
		}
	}
	return s.a
}

// commaAdjunct returns where source s ends before what follows a comma in
// it and does not describe the one who speaks: a relative clause that is
// an attribution of its own (relativeAttribution), a participial clause
// ("Trump, speaking to a veterans group, said"; not "including", which
// names members), or a prepositional phrase that goes with the verb
// (adjunctPhrase: "Clinton, at a later rally, said", "said Rep.
// Cummings, the top Democrat on the committee, in a statement"); the
// comma that closes an apposition before such a phrase stays in the
// source. It returns s.b when there is none. Commas inside parentheses
// are passed over ("many colleges (private ones, in particular)").
func commaAdjunct(c *context, s span) int {
	d := c.d
	depth, appositive := 0, false
	for j := s.a + 1; j+1 < s.b; j++ {
		switch c.toks[j].word {
		case "(":
			depth++
		case ")":
			depth--
		}
		if c.toks[j].word != "," || depth > 0 {
			continue
		}
		if relativeAttribution(c, j+1, s.b) {
			return j
		}
		if parentheticalClause(c, j+1) && (j+2 >= s.b || !d.Tokens[j+2].POS.IsNoun()) ||
			adjunctPhrase(c, j+1, s.b) {
			if appositive {
				return j + 1 // "Cummings, the top Democrat,"
			}
			return j
		}
		appositive = true
	}
	return s.b
}

// trailingWhen returns where source s ends before a phrase that only
// says when right after it, when s has no verb of its own and names no
// document ("federal prosecutors in April charged", "who in 2010 said",
// "Keegan yesterday refused"; "a poll last month" keeps it), or s.b.
func trailingWhen(c *context, s span) int {
	d := c.d
	for i := s.b - 1; i > s.a && i >= s.b-5; i-- {
		w := c.toks[i].lower
		bare := ((w == "yesterday" || w == "today" || w == "last" || w == "this") && c.toks[i].word == w || isWeekday(w)) && d.Tokens[i-1].POS.IsNoun()
		if w != "in" && w != "on" && !bare || !timePhrase(c, i, s.b) {
			continue
		}
		for j := s.a; j < i; j++ {
			if d.Tokens[j].POS.IsVerb() || d.Tokens[j].POS == doc.TagMD {
				return s.b
			}
		}
		if lexicon.DocumentNoun(c.toks[i-1].lower) || c.toks[i-1].noun {
			return s.b // "A memorable ad in 2008", "a poll last month"
		}
		return i
	}
	return s.b
}

// objectWhen returns the content of candidate k without a phrase that
// only says when ending it, where the content, right after the cue, is
// otherwise one person's name, a pronoun, or a noun phrase a possessive
// pronoun opens with no verb in it ("endorsed Ana Ruiz in November",
// "praised him on Tuesday", "gave her backing on Friday"): the time is
// the cue's, and PolNeAR leaves it out of the content. Other contents
// are as they were.
func objectWhen(c *context, k candidate) span {
	t := k.content
	if t.none() || t.a != k.cue.b || t.b-t.a < 2 || c.toks[t.a].quote != 0 {
		return t
	}
	i := -1
	switch m := c.toks[t.a].mStart; {
	case c.d.Tokens[t.a].POS == doc.TagPRPS:
		for j := t.a + 1; j < t.b; j++ {
			if p := c.d.Tokens[j].POS; p.IsVerb() || p == doc.TagMD || c.toks[j].punct() || c.toks[j].quote != 0 {
				return t
			}
			if whenStart(c, j) && !isWeekday(c.toks[j].lower) && c.toks[j].lower != "late" && timePhrase(c, j, t.b) {
				i = j // not a bare weekday, which may go with the noun: "his endorsements from 88 generals Tuesday"
				break
			}
		}
		if i < t.a+2 {
			return t
		}
	case m == mPerson || m == mPronoun:
		i = int(c.toks[t.a].mSpanEnd)
		if i <= t.a || i >= t.b || c.toks[i-1].mEnd != m || !whenStart(c, i) || !timePhrase(c, i, t.b) {
			return t
		}
	default:
		return t
	}
	return span{a: t.a, b: i, side: t.side, score: t.score}
}

// whenStart reports whether token i may open a phrase that only says
// when ("in", "on", "last", "this", "earlier", "late" or a weekday).
func whenStart(c *context, i int) bool {
	switch w := c.toks[i].lower; w {
	case "in", "on", "last", "this", "earlier", "late":
		return true
	default:
		return isWeekday(w)
	}
}

// sourceApposition returns the source of candidate k widened over an
// apposition that stands between it and its cue, as PolNeAR marks
// sources: a name, a comma, a noun phrase that opens with a determiner
// or a possessive and has no finite verb, and a comma, then the cue,
// perhaps after adverbs ("Clinton, the former secretary of State,
// stressed"; "Dean, a medical doctor, then appeared"). Other sources are
// as they were.
func sourceApposition(c *context, k candidate) span {
	s := k.source
	d := c.d
	if s.none() || s.b >= k.cue.a || c.toks[s.b].word != "," || d.Tokens[s.b-1].POS != doc.TagNNP {
		return s
	}
	a := s.b + 1
	switch p := d.Tokens[a].POS; {
	case p == doc.TagDT || p == doc.TagPRPS:
	case p == doc.TagNNP && a+1 < k.cue.a && d.Tokens[a+1].POS == doc.TagPOS:
	default:
		return s
	}
	for j := a + 1; j < k.cue.a && j < a+16; j++ {
		if c.toks[j].word != "," {
			if d.Tokens[j].POS.IsFinite() || d.Tokens[j].POS == doc.TagMD || c.toks[j].quote != 0 {
				return s
			}
			continue
		}
		for v := j + 1; v < k.cue.a; v++ {
			if !isAdverb(d.Tokens[v].POS) {
				return s
			}
		}
		return span{a: s.a, b: j + 1, side: s.side, score: s.score}
	}
	return s
}

// relativeAttribution reports whether tokens [a, b) open with a relative
// clause that is an attribution of its own: "who" or "which", a verb and
// "that" opening a clause ("Mr. Obama, who understood that a push
// would be fruitless, told …": PolNeAR's sources stop before it, 8 times
// to 1 in train).
func relativeAttribution(c *context, a, b int) bool {
	if w := c.toks[a].lower; w != "who" && w != "which" {
		return false
	}
	v := a + 1
	for v < b && auxLemma(c.toks[v].lemma) {
		v++
	}
	return v+1 < b && c.d.Tokens[v].POS.IsVerb() && c.toks[v+1].lower == "that" && c.d.Tokens[v+1].POS == doc.TagIN
}

// adjunctPhrase reports whether tokens [a, b) are a prepositional phrase
// set off by commas that goes with a verb, up to a comma that ends them:
// one of time, manner or discourse ("in an interview on Friday", "at a
// later rally", "for example", "under fire over his taxes", "in
// particular", "by contrast": PolNeAR's sources of train stop before
// every one of these that stands between a source and its cue), not one
// that says whom someone works for or is like ("at the Royal Institute",
// "of RBC Capital Markets", "like most economists"). An adverb may lead
// the preposition ("particularly in the closing days"), and a comma may
// stand between two names of places ("at a town hall in Columbus,
// Ohio").
func adjunctPhrase(c *context, a, b int) bool {
	e := b
	if c.toks[e-1].word == "," {
		e--
	}
	if e-a < 2 {
		return false
	}
	if e-a == 2 && discoursePhrases[[2]string{c.toks[a].lower, c.toks[a+1].lower}] {
		return true
	}
	if e-a > 2 && c.d.Tokens[a].POS == doc.TagRB && c.d.Tokens[a+1].POS == doc.TagIN {
		for j := a + 2; j < e; j++ {
			if c.d.Tokens[j].POS.IsVerb() {
				return false // "even after he criticized …": a clause
			}
		}
		a++ // "particularly in …"
	}
	noun := false // a preposition and an adjective say no more of when or how ("in public")
	for j := a; j < e; j++ {
		if c.toks[j].word == "," && (j+1 >= e || c.toks[j-1].mEnd != mPlace || c.toks[j+1].mStart != mPlace) {
			return false
		}
		p := c.d.Tokens[j].POS
		noun = noun || p.IsNoun() || p == doc.TagCD || p == doc.TagPRP
	}
	if !noun {
		return false
	}
	switch c.toks[a].lower {
	case "in", "on", "during", "after", "before", "under", "for":
		return true
	case "at":
		h := strings.TrimSuffix(c.toks[e-1].lower, "s")
		return occasionHeads[h] || mannerHeads[h]
	}
	return false
}

// discoursePhrases are the two-word phrases after a preposition that
// link a sentence to the one before or single out its subject ("in
// particular", "by contrast", "in fact"), whatever the word after the
// preposition is.
var discoursePhrases = map[[2]string]bool{
	{"in", "particular"}: true, {"by", "contrast"}: true, {"of", "course"}: true,
	{"in", "turn"}: true, {"in", "fact"}: true, {"in", "contrast"}: true,
	{"in", "addition"}: true, {"at", "least"}: true, {"for", "instance"}: true,
}

// focusAdverbs are the adverbs that belong to the noun phrase after them
// ("even Republicans", "only Trump").
var focusAdverbs = map[string]bool{
	"even": true, "only": true, "just": true, "not": true, "almost": true, "nearly": true, "about": true,
	"roughly": true, "some": true, "at": true, "especially": true, "particularly": true,
}

// adjectiveOfTime returns source s widened to the word of time opening
// its sentence right before it, when s opens with the noun that word
// modifies ("Early polls show", whose decoded source is "polls"), as
// PolNeAR marks such sources; s otherwise.
func adjectiveOfTime(c *context, s span) span {
	if s.none() || s.a < 1 || !adverbialAdjectives[c.toks[s.a-1].lower] || !c.d.Tokens[s.a-1].Has(doc.SentStart) || !c.d.Tokens[s.a].POS.IsNoun() {
		return s
	}
	s.a--
	return s
}

// adverbialAdjectives are the words of time that are adjectives before a
// noun ("early results", "later polls") and adverbs elsewhere.
var adverbialAdjectives = map[string]bool{"early": true, "earlier": true, "late": true, "later": true, "further": true}

// memberWords open a participial phrase that is part of a source: the
// members of a group it names ("Some observers, including …").
var memberWords = map[string]bool{"including": true, "according": true, "excluding": true}

// mannerContent reports whether candidate k's cue ends in "in", "on",
// "during", "via" or "through" and its content is the noun phrase after
// it, headed by a noun of manner ("said in the statement", "told
// reporters on a call"): that phrase says how the words were given, and
// the words are elsewhere (a quotation before them, which the textbook
// patterns then attribute).
func mannerContent(c *context, k candidate) bool {
	q, t := k.cue, k.content
	if t.none() || q.b-q.a < 2 || t.a != q.b || t.b-t.a > 5 {
		return false
	}
	switch c.toks[q.b-1].lower {
	case "in", "on", "during", "via", "through":
	default:
		return false
	}
	if nounPhrase(c, t.a, t.b, 5) != t.b {
		return false
	}
	return mannerHead(c.toks[t.b-1].lower)
}

// mannerHead reports whether lower-case noun w heads a phrase of manner:
// one of mannerHeads, in the singular or the plural, or a network's name.
func mannerHead(w string) bool {
	return mannerHeads[w] || mannerHeads[strings.TrimSuffix(w, "s")] || networks[w]
}

// networks are the social networks a statement is posted on.
var networks = map[string]bool{"twitter": true, "facebook": true, "instagram": true, "x": true, "youtube": true, "tiktok": true, "website": true, "blog": true}

// isWeekday reports whether lower-case word w names a day of the week.
func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// Adverbs in -ly that are about time or focus, not manner.
var notManner = map[string]bool{
	"only": true, "early": true, "recently": true, "previously": true, "reportedly": true,
	"initially": true, "subsequently": true, "finally": true, "eventually": true, "originally": true,
	"publicly": true, "privately": true, "repeatedly": true, "frequently": true, "usually": true,
	"likely": true, "apparently": true, "allegedly": true, "really": true, "actually": true,
	"simply": true, "merely": true, "nearly": true, "largely": true, "mostly": true, "partly": true,
	"shortly": true, "immediately": true,
}

// manner returns how the statement was made: a prepositional phrase after
// the cue or the source, or between a source and the cue after it ("via
// a translator", "in English", "in a statement", "during the debate":
// occasionHeads), or a manner adverb beside the cue ("said firmly").
func manner(c *context, k candidate, st *doc.Statement) doc.Span {
	d := c.d
	sa, sb := c.sentRange(k.cue.a)
	free := func(a, b int) bool {
		s := span{a: a, b: b}
		return !overlaps(s, k.content) && !overlaps(s, k.source)
	}
	// An adverb right before or after the cue.
	for _, i := range []int{k.cue.a - 1, k.cue.b} {
		if i < sa || i >= sb {
			continue
		}
		w := c.toks[i].lower
		if d.Tokens[i].POS == doc.TagRB && strings.HasSuffix(w, "ly") && !notManner[w] && free(i, i+1) {
			return d.TokenSpan(i, i+1)
		}
	}
	// A prepositional phrase after the cue, the source, or a comma.
	start := k.cue.b
	if !k.source.none() && k.source.a >= k.cue.b {
		start = k.source.b
	}
	at := func(i int) bool { return i >= start && i < start+8 }
	if k.content.a >= start && !at(k.content.b) {
		// A phrase right after the content, past a weekday: "… Tuesday
		// on the morning show".
		at = func(i int) bool {
			b := k.content.b
			if b < sb && d.Tokens[b].POS == doc.TagNNP && isWeekday(c.toks[b].lower) {
				b++
			}
			return i >= start && i < start+8 || i == b
		}
	}
	lo := start
	if !k.source.none() && k.source.b < k.cue.a {
		// Between a source and its cue: "The council, in a statement on
		// Friday, said" (sourceAdjuncts left the phrase out of the source).
		lo = k.source.b
		after := at
		at = func(i int) bool { return i < k.cue.a || after(i) }
	}
	for i := lo; i < sb; i++ {
		if !at(i) {
			continue
		}
		w := c.toks[i].lower
		if w == "," {
			continue
		}
		if w != "via" && w != "through" && w != "in" && w != "on" && w != "over" && w != "by" && w != "during" && w != "at" {
			if !addressVerbs[c.toks[k.cue.b-1].lemma] || i > start+4 {
				continue
			}
			continue
		}
		end := nounPhrase(c, i+1, sb, 4)
		if end <= i+1 {
			continue
		}
		head := c.toks[end-1].lower
		lang := w == "in" && end == i+2 && d.Tokens[i+1].POS == doc.TagNNP && isLanguage(c.toks[i+1].lower)
		occasion := (w == "during" || w == "at" || w == "on") && occasionHeads[strings.TrimSuffix(head, "s")]
		if (mannerHead(head) || lang || occasion) && free(i, end) {
			return d.TokenSpan(i, end)
		}
	}
	return doc.Span{}
}

// isLanguage reports language names as "in English" uses them.
func isLanguage(w string) bool {
	switch w {
	case "english", "russian", "ukrainian", "french", "german", "spanish", "arabic", "chinese",
		"mandarin", "italian", "polish", "portuguese", "japanese", "korean", "hebrew", "turkish",
		"persian", "farsi", "hindi", "urdu", "dutch", "greek", "swedish", "latin":
		return true
	}
	return strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese")
}

// nameParticles are the words in lower case that stand inside a surname
// ("Pereira dos Santos", "Ms van der Berg", "Ana de la Cruz").
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "da": true, "das": true, "dos": true,
	"do": true, "di": true, "du": true, "del": true, "della": true, "la": true, "le": true, "ter": true, "ten": true,
}

// particle reports whether token j is a surname particle in lower case.
func particle(c *context, j int) bool {
	t := &c.toks[j]
	return t.word == t.lower && nameParticles[t.lower]
}

// capitalName reports whether token j is a capitalised proper noun.
func capitalName(c *context, j int) bool {
	return c.d.Tokens[j].POS == doc.TagNNP && c.d.Tokens[j].Has(doc.Upper)
}

// particleTail returns where a name ending at e goes on when surname
// particles and capitalised proper nouns follow it ("Pereira" in
// "Pereira dos Santos said"), up to end; e when none follow.
func particleTail(c *context, e, end int) int {
	if e <= 0 || !capitalName(c, e-1) {
		return e
	}
	j := e
	for j < end && particle(c, j) {
		j++
	}
	if j == e || j >= end || !capitalName(c, j) {
		return e
	}
	for j < end && capitalName(c, j) {
		j++
	}
	return j
}

// particleSource widens a source that opens with the capitalised word
// after surname particles to the name they belong to ("Santos" in
// "Pereira dos Santos said", "Heuvel" in "Ms van den Heuvel said"): back
// over the particles and the capitalised proper nouns (a title or
// honorific among them) before them. Other sources are as they were.
func particleSource(c *context, s span) span {
	if s.none() || s.a < 2 || !capitalName(c, s.a) {
		return s
	}
	sa, _ := c.sentRange(s.a)
	a := s.a
	for a > sa && particle(c, a-1) {
		a--
	}
	if a == s.a || a == sa || !capitalName(c, a-1) {
		return s
	}
	for a > sa && capitalName(c, a-1) {
		a--
	}
	s.a = a
	return s
}

// loneComma returns source s without a comma it ends in when that comma
// closes nothing in s: no comma or bracket before it in s opened an
// apposition ("said Beau Correll, angered that …", "Republicans,
// concerned about …, have"; also a source set off by the comma before
// it, "the chair, Ines Ferro, cautioned"), as PolNeAR marks sources; a
// comma closing an apposition in s ("Peter Cook, a spokesman,") or a
// bracketed one ("Sen. Ana Ruiz (D-Ore.),") stays. Other sources are as
// they were.
func loneComma(c *context, s span) span {
	if s.b-s.a < 2 || c.toks[s.b-1].word != "," {
		return s
	}
	for j := s.a; j < s.b-1; j++ {
		switch c.toks[j].word {
		case ",", "(", ")", "[", "]", "—", "–", "--":
			return s
		}
	}
	s.b--
	return s
}

// sourceOpening returns source s, which ends before its cue at q, without
// the words that open its paragraph or sentence and are no part of who
// speaks: a dateline, a place in capitals and what follows it up to a
// dash ("PARIS, Aug 31 (Reuters) - France's far-right leader …"), and a
// phrase that only says when, with its comma ("The next month, a former
// staffer said"), as PolNeAR marks sources. Other sources are as they
// were.
func sourceOpening(c *context, s span, q int) span {
	if s.none() || s.b > q || s.b-s.a < 3 {
		return s
	}
	d := c.d
	if d.Tokens[s.a].Has(doc.ParaStart) && allCapitals(c.toks[s.a].word) {
		for j := s.a + 1; j < s.b-1 && j < s.a+12; j++ {
			w := c.toks[j].word
			if w == "-" || w == "—" || w == "–" || w == "--" {
				return span{a: j + 1, b: s.b, side: s.side, score: s.score}
			}
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
				break
			}
		}
	}
	a := s.a
	if c.toks[a].lower == "that" {
		a++ // "that morning,"
	}
	for m := a + 1; m < s.b-1 && m < a+6; m++ {
		if c.toks[m].word == "," {
			if timePhrase(c, a, m) {
				return span{a: m + 1, b: s.b, side: s.side, score: s.score}
			}
			break
		}
	}
	return s
}

// allCapitals reports whether w has two letters or more and all of them
// in capitals ("PARIS", "DES").
func allCapitals(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
