package attrib

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// assemble turns decoded candidates into statements: token ranges become
// spans, quotations that continue a statement join its content, and the
// kind, quotes, addressee and manner are read off the text.
func assemble(c *context, cands []candidate) []doc.Statement {
	d := c.d
	out := make([]doc.Statement, 0, len(cands))
	claimed := make([]bool, len(d.Quotes)) // quotes already inside a content
	for _, k := range cands {
		content := d.TokenSpan(k.content.a, k.content.b)
		st := doc.Statement{
			Content:    []doc.Span{content},
			Cue:        d.TokenSpan(k.cue.a, k.cue.b),
			Speaker:    -1,
			Confidence: confidence(k.score),
			Parent:     k.parent,
			Continues:  -1,
		}
		if !k.source.none() {
			st.Source = d.TokenSpan(k.source.a, k.source.b)
			if a := sourceAfterClause(c, k.source); a > k.source.a {
				st.Source = d.TokenSpan(a, k.source.b)
			}
			if a := relativeSource(c, k.source); a > k.source.a {
				st.Source = d.TokenSpan(a, k.source.b)
			}
		}
		out = append(out, st)
	}
	for i := range out {
		markClaimed(d, out[i].Content, claimed)
	}
	for i := range out {
		wholeQuotes(d, &out[i])
		extendToQuotes(c, &out[i], cands, i, claimed)
	}
	for i := range out {
		if !cands[i].embedded {
			continueQuotes(c, &out[i], cands[i], claimed)
		}
	}
	for i := range out {
		quoteBeforeRelative(c, out, i)
	}
	for i := range out {
		interruptedClause(c, out, i)
		interruptedRest(c, out, i)
		relativeContent(c, out, i)
		relativeSkipped(c, out, i)
		appositionSkipped(c, out, i)
		narratedClause(c, &out[i])
		antecedentContent(c, &out[i])
		raisedComplement(c, &out[i])
		passiveComplement(c, &out[i])
		wholeSubject(c, &out[i])
		subjectBeforeAside(c, &out[i])
		bracketTail(c, &out[i], cands[i])
		addresseeInContent(c, &out[i], &cands[i])
		addresseeBeforeQuote(c, &out[i])
		followingWords(c, &out[i])
		listRest(c, out, i)
		asideRest(c, out, i)
		dashAside(c, out, i)
		partitiveRest(c, out, i)
		relativeSourceRest(c, out, i)
	}
	for i := range out {
		relativeClauseEnd(c, out, i)
	}
	named := make([]bool, len(out)) // cues inside an addressee's name
	for i := range out {
		possessiveAddressee(c, out, named, i)
	}
	for i := range out {
		complementOverSource(c, out, i)
	}
	for i := range out {
		st := &out[i]
		sort.Slice(st.Content, func(a, b int) bool { return st.Content[a].Start < st.Content[b].Start })
		st.Kind = kindOf(d, st.Content)
		st.Addressee = addressee(c, cands[i])
		st.Manner = manner(c, cands[i], st)
	}
	for i := range out {
		// A quoted passage belongs to the innermost statement whose
		// content holds it.
		var children [][]doc.Span
		for j := range out {
			if out[j].Parent == i {
				children = append(children, out[j].Content)
			}
		}
		out[i].Quotes = quotesIn(d, out[i].Content, children)
	}
	out = sortStatements(dropStatements(out, named))
	out = coordinatedClauses(c, out)
	out = sortStatements(append(out, ruleQuotes(c, out)...))
	out = sharedCues(out)
	out = namingClauses(c, out)
	out = sortStatements(append(out, orphanQuotes(c, out)...))
	signedQuotes(c, out)
	for i := range out {
		out[i].Source = bulletless(d, out[i].Source)
	}
	out = transcriptTurns(c, out)
	for i := range out {
		butSubject(c, &out[i])
	}
	colonObjects(c, out)
	return sourceInParent(creditLines(d, colonParents(c, out)))
}

// butSubject gives statement i, whose cue is a verb "and" joins to an
// earlier verb and whose source comes before a clause "but" opens
// between it and the cue, the subject that opens that clause: "Her
// father, Kenji, did not speak, but the family later thanked the
// volunteers and said …" is said by the family, the subject of the
// clause the verb is joined to, not by the name of the clause before.
func butSubject(c *context, st *doc.Statement) {
	d := c.d
	if st.Source.IsZero() || st.Cue.IsZero() || st.Source.End > st.Cue.Start {
		return
	}
	q := d.TokenAt(st.Cue.Start)
	sb := d.TokenAt(st.Source.End-1) + 1
	if !d.Tokens[q].POS.IsVerb() {
		return
	}
	j := q - 1
	for j > sb && d.Tokens[j].POS == doc.TagRB {
		j--
	}
	if j <= sb || c.toks[j].lower != "and" {
		return
	}
	// The last ", but" between the source and the "and".
	but := -1
	for k := sb; k+1 < j; k++ {
		if c.toks[k].quote != 0 {
			return
		}
		if c.toks[k].word == "," && c.toks[k+1].lower == "but" {
			but = k + 1
		}
	}
	if but < 0 {
		return
	}
	// Its subject: a noun phrase up to the first finite verb, past
	// adverbs.
	a, e := but+1, but+1
	for e < j && !d.Tokens[e].POS.IsFinite() {
		p := d.Tokens[e].POS
		if !(p.IsNoun() || p == doc.TagDT || p == doc.TagPRPS || p == doc.TagPRP || p.IsAdjective() || p == doc.TagRB || p == doc.TagPOS) {
			return
		}
		e++
	}
	v := e
	for e > a && d.Tokens[e-1].POS == doc.TagRB {
		e--
	}
	if v >= j || e <= a || !d.Tokens[e-1].POS.IsNoun() && d.Tokens[e-1].POS != doc.TagPRP {
		return
	}
	st.Source = d.TokenSpan(a, e)
}

// coordinatedClauses folds a statement whose cue verb follows "and" right
// after the content of a statement with the same source into that
// content when the verb's tense is the content clause's and not the
// first cue's, or the clause's subject names a thing (thingSubject), and
// its own content has no finite verb: the verb continues the reported
// clause, whose subject it shares ("Police say he posed a threat and
// refused to drop the gun"; "said that she's glad … and looks forward to
// …"; "added that the meeting had been “very productive” and included
// “many points”"). A verb that reports a clause of its own
// stays a cue ("says Machado promised to … and said she would …"), and
// so does one whose tense cannot tell the two readings apart ("said he
// would act and warned …"). The content then runs on to the end of the
// folded one.
func coordinatedClauses(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	var drop []bool
	for j := range sts {
		b := &sts[j]
		if len(b.Content) != 1 || b.Cue.IsZero() || b.Source.IsZero() || b.Source.Start > b.Cue.Start || b.Content[0].Start < b.Cue.End {
			continue
		}
		q := d.TokenAt(b.Cue.Start)
		vt := tenseOf(c, q)
		if q < 2 || vt == 0 || !strings.EqualFold(c.toks[q-1].word, "and") {
			continue
		}
		for i := range sts {
			a := &sts[i]
			if i == j || drop != nil && drop[i] || a.Source != b.Source || a.Cue.End > b.Cue.Start || len(a.Content) != 1 {
				continue
			}
			ct := a.Content[0]
			if d.TokenAt(ct.End-1) != q-2 || ct.Start < a.Cue.End {
				continue
			}
			if firstTense(c, d.TokenAt(b.Content[0].Start), d.TokenAt(b.Content[0].End-1)+1) != 0 {
				continue
			}
			if (firstTense(c, d.TokenAt(ct.Start), q-1) != vt || firstTense(c, d.TokenAt(a.Cue.Start), d.TokenAt(a.Cue.End-1)+1) == vt) && !thingSubject(c, d.TokenAt(ct.Start), q-1) {
				continue
			}
			a.Content[0].End = b.Content[0].End
			a.Kind = kindOf(d, a.Content)
			a.Quotes = quotesIn(d, a.Content, nil)
			if drop == nil {
				drop = make([]bool, len(sts))
			}
			drop[j] = true
			break
		}
	}
	if drop == nil {
		return sts
	}
	return dropStatements(sts, drop)
}

// thingSubject reports whether the clause of tokens [a, b) ("that" may
// open it) has a subject before its first finite verb that names a
// thing: up to its first comma, a singular common noun heads it, and it
// holds no pronoun, no name, no mention of a person, a group or an
// organisation and no document's noun ("that the meeting, in his view,
// had been productive"). A verb "and" joins to such a clause shares its
// subject, not the speaker's.
func thingSubject(c *context, a, b int) bool {
	d := c.d
	if a < b && c.toks[a].lower == "that" {
		a++
	}
	f := a
	for f < b && tenseOf(c, f) == 0 {
		f++
	}
	if f == b {
		return false
	}
	e := a
	for e < f && c.toks[e].word != "," {
		e++
	}
	if e == a {
		return false
	}
	for k := a; k < e; k++ {
		if p := d.Tokens[k].POS; p == doc.TagPRP || p == doc.TagPRPS || p == doc.TagWP || p.IsProperNoun() || lexicon.DocumentNoun(c.toks[k].lower) || c.toks[k].noun {
			return false
		}
		if m := c.toks[k].mStart; m != mNone && m != mPlace {
			return false
		}
	}
	// A singular common noun heads it: "the two towns" may be their
	// people, who speak.
	return d.Tokens[e-1].POS == doc.TagNN
}

// Tenses of a finite verb, as tenseOf gives them.
const (
	tensePresent = 1 + iota
	tensePast
)

// tenseOf returns the tense of token k if it is a finite verb or a modal
// (a past modal: would, could, might, should, 'd), or 0.
func tenseOf(c *context, k int) int {
	switch c.d.Tokens[k].POS {
	case doc.TagVBZ, doc.TagVBP:
		return tensePresent
	case doc.TagVBD:
		return tensePast
	case doc.TagMD:
		switch strings.ToLower(c.toks[k].word) {
		case "would", "could", "might", "should", "'d", "’d":
			return tensePast
		}
		return tensePresent
	}
	return 0
}

// firstTense returns the tense of the first finite verb of tokens [a, b),
// or 0.
func firstTense(c *context, a, b int) int {
	for k := a; k < b; k++ {
		if t := tenseOf(c, k); t != 0 {
			return t
		}
	}
	return 0
}

// bracketTail widens a content before its cue that ends with a closing
// bracket whose opening bracket lies before the content, in its sentence
// ("… to more than 40 square kilometres (15 square miles), officers
// said"), to the start of the sentence: a bracket's words are part of
// the clause around them, which the content is, as PolNeAR marks it.
func bracketTail(c *context, st *doc.Statement, k candidate) {
	a, b := k.content.a, k.content.b
	if len(st.Content) != 1 || b <= a || k.cue.a < b || c.toks[b-1].word != ")" {
		return
	}
	depth := 0
	for j := a; j < b; j++ {
		switch c.toks[j].word {
		case "(":
			depth++
		case ")":
			depth--
		}
	}
	if depth >= 0 {
		return // the content opens the bracket it closes
	}
	first := c.d.Sentences[c.d.Tokens[a].Sent].FirstTok
	for j := a - 1; j >= first; j-- {
		switch c.toks[j].word {
		case ")":
			depth--
		case "(":
			if depth++; depth == 0 {
				st.Content[0].Start = c.d.Tokens[first].Start
				return
			}
		}
	}
}

// raisedComplement gives a statement with no source whose content is the
// subject right before its cue, and whose cue a verb's infinitive or an
// adjective follows, what follows the cue up to a comma or the sentence's
// end as the content's second part: the subject and the complement
// together are what the verb says seems so ("Obama's veto is expected to
// come before the deadline"; "he appears somewhat uneasy"), as PolNeAR
// marks them.
func raisedComplement(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() || !st.Source.IsZero() || st.Content[0].End > st.Cue.Start {
		return
	}
	a := d.TokenAt(st.Content[0].Start)
	q := d.TokenAt(st.Cue.Start)
	e := d.TokenAt(st.Cue.End-1) + 1
	if q == 0 || d.TokenAt(st.Content[0].End-1) != q-1 || e+1 >= len(d.Tokens) || d.Tokens[e].Sent != d.Tokens[q].Sent || d.Tokens[a].Has(doc.InQuote) {
		return
	}
	switch p := d.Tokens[e].POS; {
	case p == doc.TagTO && d.Tokens[e+1].POS == doc.TagVB:
	case p == doc.TagTO && e+2 < len(d.Tokens) && isAdverb(d.Tokens[e+1].POS) && d.Tokens[e+2].POS == doc.TagVB: // "to publicly press"
	case p.IsAdjective(), isAdverb(p) && d.Tokens[e+1].POS.IsAdjective():
	default:
		return
	}
	_, sb := c.sentRange(e)
	end := e + 1
	for end < sb && c.toks[end].word != "," && c.toks[end].word != "(" && c.toks[end].word != ";" && c.toks[end].word != "[" && !isDashWord(c.toks[end].word) && !clauseOpens(c, end) {
		end++
	}
	if end < sb && end-1 > e+1 && clauseOpens(c, end) && c.toks[end-1].lower == "even" {
		end-- // "even if …"
	}
	for end > e+1 && isPunctWord(c.toks[end-1].word) && c.toks[end-1].quote&qClose == 0 {
		end--
	}
	st.Content = append(st.Content, d.TokenSpan(e, end))
}

// passiveComplement gives a statement whose cue is "reportedly" or a
// passive verb of naming or judging ("is considered", "was declared",
// "is known for"; also "known as" after a noun) between a subject and
// its complement both parts as its content, as PolNeAR marks them ("Pigs
// are considered unclean", "Sanders was declared the winner"): where the
// content is the subject right before the cue, what follows the cue up
// to a comma, the sentence's end or a source after it is the content's
// second part; where the decoder took that subject for the source and
// the complement for the content, the subject is the content's first
// part and the statement has no source.
func passiveComplement(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	q := d.TokenAt(st.Cue.Start)
	e := d.TokenAt(st.Cue.End-1) + 1
	kind := passiveCue(c, q, e)
	if kind == 0 || q == 0 || e >= len(d.Tokens) || d.Tokens[e].Sent != d.Tokens[q].Sent || c.toks[e].punct() {
		return
	}
	ct := st.Content[0]
	switch {
	case d.TokenAt(ct.End-1) == q-1 && ct.Start < st.Cue.Start && !d.Tokens[q-1].Has(doc.InQuote):
		if p := d.Tokens[e].POS; (p == doc.TagIN || p == doc.TagTO) && c.toks[e].lower != "as" || c.toks[e].punct() {
			return // "was seen by some", "known among": no complement; "is seen as a circus" has one
		}
		_, sb := c.sentRange(e)
		end := e + 1
		for end < sb && c.toks[end].word != "," && c.toks[end].word != "(" && c.toks[end].word != ";" && c.toks[end].word != "[" && !isDashWord(c.toks[end].word) && !clauseOpens(c, end) {
			end++
		}
		if !st.Source.IsZero() && st.Source.Start >= d.Tokens[e].End {
			if s := d.TokenAt(st.Source.Start); s < end {
				end = s
			}
			if end-1 > e && c.toks[end-1].lower == "by" {
				end-- // "unclean by Muslims": the one who judges is the source
			}
		}
		for end > e+1 && isPunctWord(c.toks[end-1].word) && c.toks[end-1].quote&qClose == 0 {
			end--
		}
		if end > e && c.bal[e] == c.bal[end] {
			st.Content = append(st.Content, d.TokenSpan(e, end))
		}
	case kind == passiveVerb && !st.Source.IsZero() && d.TokenAt(st.Source.End-1) == q-1 && d.TokenAt(ct.Start) == e && plainSubject(c, d.TokenAt(st.Source.Start), q):
		st.Content = append(st.Content, st.Source)
		st.Source = doc.Span{}
	}
}

// wholeSubject gives a statement with no source whose content's first
// part, the subject of a raised or passive verb right before the cue, is
// the object of a preposition inside a longer subject opening the
// sentence ("Residents in houses around the harbour office were told to
// …" took "the harbour office") the whole subject from the sentence's
// start: no verb, comma or quotation mark stands before it.
func wholeSubject(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 2 || !st.Source.IsZero() || st.Cue.IsZero() {
		return
	}
	a := d.TokenAt(st.Content[0].Start)
	q := d.TokenAt(st.Cue.Start)
	if d.TokenAt(st.Content[0].End-1) != q-1 || a == 0 || d.Tokens[a-1].POS != doc.TagIN {
		return
	}
	sa, _ := c.sentRange(a)
	for sa < a && (d.Tokens[sa].POS == doc.TagCC || c.toks[sa].lower == "however") {
		sa++
	}
	if sa >= a-1 {
		return
	}
	for k := sa; k < a; k++ {
		if p := d.Tokens[k].POS; p.IsVerb() || p == doc.TagMD || c.toks[k].word == "," || c.toks[k].quote != 0 || d.Tokens[k].Has(doc.InQuote) || isPunctWord(c.toks[k].word) {
			return
		}
	}
	if !d.Tokens[sa].POS.IsNoun() && d.Tokens[sa].POS != doc.TagDT && !d.Tokens[sa].POS.IsAdjective() && d.Tokens[sa].POS != doc.TagCD {
		return // "In Tarnby the harbour office …": a phrase, not a subject, opens the sentence
	}
	st.Content[0].Start = d.Tokens[sa].Start
}

// plainSubject reports whether tokens [a, b) hold no comma, dash or
// parenthesis: a subject with no apposition set off in it.
func plainSubject(c *context, a, b int) bool {
	for j := a; j < b; j++ {
		if w := c.toks[j].word; w == "," || w == "(" || isDashWord(w) || w == "—" || w == "–" {
			return false
		}
	}
	return true
}

// subjectBeforeAside gives a statement with no source whose cue is a
// verb of seeming ("seemed", "appears") or a passive verb of naming or
// judging or expecting, and whose one content follows the cue, the
// subject that opens its sentence as the content's first part, where an
// aside set off by commas stands between that subject and the cue ("The
// new council, headed by Ana Ruiz, seems ready to act"): the subject and
// the complement are what seems so, and the aside is the writer's.
func subjectBeforeAside(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() || !st.Source.IsZero() || st.Content[0].Start < st.Cue.End {
		return
	}
	q := d.TokenAt(st.Cue.Start)
	e := d.TokenAt(st.Cue.End-1) + 1
	switch {
	case c.toks[e-1].lemma == "seem" || c.toks[e-1].lemma == "appear":
	case passiveCue(c, q, e) == passiveVerb, c.toks[e-1].lower == "expected" && q < e-1:
	default:
		return
	}
	sa, _ := c.sentRange(q)
	if q < sa+3 || c.toks[q-1].word != "," || d.Tokens[sa].Has(doc.InQuote) {
		return
	}
	k := sa
	for k < q-1 && c.toks[k].word != "," {
		if p := d.Tokens[k].POS; p.IsVerb() || p == doc.TagMD || c.toks[k].quote != 0 || isDashWord(c.toks[k].word) {
			return
		}
		k++
	}
	if k == sa || k >= q-2 || nounPhrase(c, sa, k, 8) != k {
		return // no noun phrase up to a comma, or no aside after it
	}
	for j := k + 1; j < q-1; j++ {
		if c.toks[j].quote != 0 {
			return
		}
	}
	st.Content = append(st.Content, d.TokenSpan(sa, k))
}

// Kinds of cue passiveCue finds.
const (
	passiveAdverb  = 1 + iota // "reportedly"
	passiveVerb               // "was declared", "is known for"
	passiveReduced            // "known as" after a noun
)

// passiveCue reports the kind of cue of tokens [q, e) for
// passiveComplement: "reportedly" alone, a passive verb of naming or
// judging (a form of "be" and a past participle, perhaps with "as",
// "for" or "with" after it), or such a participle and "as" alone; 0 for
// any other.
func passiveCue(c *context, q, e int) int {
	if e-q == 1 && c.toks[q].lower == "reportedly" {
		return passiveAdverb
	}
	v := e - 1
	if v > q {
		switch c.toks[v].lower {
		case "as", "for", "with":
			v--
		}
	}
	if c.d.Tokens[v].POS != doc.TagVBN || !namingPassives[c.toks[v].lemma] {
		return 0
	}
	j := v - 1
	for j >= q && isAdverb(c.d.Tokens[j].POS) {
		j--
	}
	if j >= q {
		switch c.toks[j].lower {
		case "is", "are", "was", "were", "be", "been", "being":
			return passiveVerb // not "'s", which may be "has": "who's called for"
		}
		return 0
	}
	if v == q && e-q == 2 && c.toks[e-1].lower == "as" {
		return passiveReduced
	}
	return 0
}

// clauseOpens reports whether token i opens a clause of its own after a
// complement ("charged with assault after he punched …", "uneasy when
// asked"): "when", "while", "because", "although", "though", "if" or
// "unless", or "after", "before", "since" or "until" before a pronoun or
// a finite verb within three words ("to come before the deadline" goes
// on).
func clauseOpens(c *context, i int) bool {
	switch c.toks[i].lower {
	case "when", "while", "because", "although", "though", "if", "unless":
		return true
	case "after", "before", "since", "until":
		if i+1 < len(c.toks) && c.d.Tokens[i+1].POS == doc.TagPRP {
			return true
		}
		return finiteIn(c, i+1, min(i+4, len(c.toks)))
	}
	return false
}

// namingPassives name or judge what their passive's subject is.
var namingPassives = map[string]bool{
	"consider": true, "see": true, "know": true, "declare": true, "call": true, "charge": true,
	"name": true, "dub": true, "label": true, "brand": true, "deem": true, "regard": true,
	"view": true, "describe": true, "hail": true, "term": true,
}

// sourceAfterClause returns where a source that runs over a clause of
// its own and then ", and" or ", but" should start: after the
// conjunction ("The Harriers, who have lost four of five, sit 14th, and
// the 51-year-old conceded …": the source is "the 51-year-old"); s.a when
// it does not. A clause of its own has a finite verb or a modal outside
// a relative clause (from "who", "which", "that", "whose" or "whom" to
// the next comma); a list of names and titles has none.
func sourceAfterClause(c *context, s span) int {
	d := c.d
	cut, finite, rel := -1, false, false
	for j := s.a; j < s.b; j++ {
		switch w := c.toks[j].lower; {
		case w == ",":
			rel = false
			if j+2 < s.b && finite && (c.toks[j+1].lower == "and" || c.toks[j+1].lower == "but") {
				cut = j + 2
			}
		case (w == "and" || w == "but") && finite && !rel && j+1 < s.b && c.toks[j-1].word != ",":
			cut = j + 1 // "… be paired with cuts and the White House rejected"
		case w == "who" || w == "which" || w == "that" || w == "whose" || w == "whom":
			rel = true
		case !rel && (d.Tokens[j].POS.IsFinite() || d.Tokens[j].POS == doc.TagMD):
			finite = true
		case !rel && d.Tokens[j].POS == doc.TagVB && j > s.a && d.Tokens[j-1].POS != doc.TagTO && d.Tokens[j-1].POS != doc.TagMD:
			finite = true // a present tense tagged as the base form: "sit 14th"
		}
	}
	if cut < 0 {
		return s.a
	}
	return cut
}

// addresseeInContent takes the one told out of a content that opens
// with them right after a telling verb, before a clause with no "that"
// ("told the court she had objected"; "told the tribunal the contract
// was void"): the content is the clause, from its subject on, and the
// noun phrase before it is the addressee. The clause's subject is a
// noun phrase a finite verb or a modal follows.
func addresseeInContent(c *context, st *doc.Statement, k *candidate) {
	d := c.d
	if len(st.Content) == 0 || k.content.a != k.cue.b || !addressVerbs[c.toks[k.cue.b-1].lemma] || c.toks[k.cue.b].quote != 0 {
		return
	}
	if d.TokenAt(st.Content[0].Start) != k.cue.b {
		return
	}
	end := min(k.content.b, d.TokenAt(st.Content[0].End-1)+1)
	n := nounPhrase(c, k.cue.b, end, 6)
	if n <= k.cue.b || n >= end || d.Tokens[n].POS == doc.TagPRPS && d.Tokens[n-1].POS.IsNoun() {
		return
	}
	v := nounPhrase(c, n, end, 6)
	if v <= n || v >= end {
		return
	}
	if p := d.Tokens[v].POS; p != doc.TagMD && p != doc.TagVBD && p != doc.TagVBZ && p != doc.TagVBP {
		return
	}
	st.Content[0].Start = d.Tokens[n].Start
	k.content.a = n
}

// complementOverSource ends a second content part of statement i (a
// raised or passive verb's complement, which runs to a comma or the
// sentence's end) before "and" or "but", a subject (a mention or a
// pronoun) and the cue of another statement that is not its child ("were
// told to stay away from the windows and port officials said marksmen
// …"): a clause of its own begins there.
func complementOverSource(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) < 2 {
		return
	}
	p := &st.Content[len(st.Content)-1]
	a := d.TokenAt(p.Start)
	for o := range sts {
		cue := sts[o].Cue
		if o == i || sts[o].Parent == i || sts[o].Source.IsZero() || cue.Start <= p.Start || cue.Start >= p.End {
			continue
		}
		q := d.TokenAt(cue.Start)
		for k := q - 2; k > a+1 && k >= q-8; k-- {
			if w := c.toks[k].lower; w != "and" && w != "but" {
				continue
			}
			if subjectEnd(c, k+1, q) != q {
				break
			}
			e := k
			for e > a+1 && isPunctWord(c.toks[e-1].word) {
				e--
			}
			p.End = d.Tokens[e-1].End
			if src := &sts[o].Source; src.Start <= d.Tokens[k].Start {
				src.Start = d.Tokens[k+1].Start // the subject after "and"
			}
			return
		}
	}
}

// listRest extends the content of statement i that ends right before a
// comma that goes on with a list of words of the same kind as its last
// word, the last after "and" or "or" ("is accused of organising theft,
// fraud and bribery", "Reyes, Ortega and Lind", "ready, willing and
// able"), over the list and the phrases after it: a list is not cut
// after its first item. Not where another statement holds a word of it.
func listRest(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) == 0 {
		return
	}
	last := len(st.Content) - 1
	e := d.TokenAt(st.Content[last].End-1) + 1
	if e+3 >= len(d.Tokens) || c.toks[e].word != "," || d.Tokens[e].Has(doc.InQuote) {
		return
	}
	kind := listKind(d.Tokens[e-1].POS)
	if kind == 0 || d.Tokens[e].Sent != d.Tokens[e-1].Sent {
		return
	}
	k := e + 1
	for items := 0; items < 8; items++ {
		if k < len(d.Tokens) && isAdverb(d.Tokens[k].POS) && items > 0 && (c.toks[k-1].lower == "or" || c.toks[k-1].lower == "and") {
			k++ // "or even slowed"
		}
		j := k
		for j < len(d.Tokens) && listKind(d.Tokens[j].POS) == kind && j-k < 4 && !d.Tokens[j].Has(doc.InQuote) {
			j++
			if kind != listProper && kind != listNoun {
				break // one adjective or participle an item
			}
		}
		if j == k || j >= len(d.Tokens) || d.Tokens[j].Sent != d.Tokens[e].Sent {
			return
		}
		if w := c.toks[k-1].lower; w == "and" || w == "or" || isAdverb(d.Tokens[k-1].POS) && k-2 > e && (c.toks[k-2].lower == "and" || c.toks[k-2].lower == "or") {
			// The last item: the list ends here.
			if c.toks[j].word == "," && j+1 < len(d.Tokens) && isSpeechVerb(c, j+1) {
				return // "…, Ortega and Lind, said …": the list is the source's
			}
			// The phrases after the list go with it, up to a punctuation
			// mark or a finite verb ("… and bribery in the port from his
			// office").
			for j < len(d.Tokens) && d.Tokens[j].Sent == d.Tokens[e].Sent && !isPunctWord(c.toks[j].word) && !d.Tokens[j].POS.IsFinite() && !d.Tokens[j].Has(doc.InQuote) {
				j++
			}
			rest := doc.Span{Start: d.Tokens[e].Start, End: d.Tokens[j-1].End}
			if touchedByOther(sts, i, rest) {
				return
			}
			st.Content[last].End = rest.End
			return
		}
		switch w := c.toks[j].lower; {
		case w == ",":
			k = j + 1
			if k < len(d.Tokens) && (c.toks[k].lower == "and" || c.toks[k].lower == "or") {
				k++ // the serial comma
			}
		case w == "and" || w == "or":
			k = j + 1
		default:
			return
		}
	}
}

// Kinds of list items for listRest.
const (
	listProper = iota + 1
	listNoun
	listAdjective
	listParticiple
)

// listKind returns the kind of list item a word with tag p can be, or 0.
func listKind(p doc.POS) int {
	switch {
	case p.IsProperNoun():
		return listProper
	case p == doc.TagNN || p == doc.TagNNS:
		return listNoun
	case p == doc.TagJJ:
		return listAdjective
	case p == doc.TagVBN:
		return listParticiple
	}
	return 0
}

// followingWords gives a statement whose content opens, right after its
// cue, with the verb's object and words that announce a quotation ("with
// the following words", "with these words", "as follows", "the
// following") and a colon before the quotation, the quotation alone for
// content, and those words to its cue: "remembered the founder with the
// following words: “…”" says the quotation.
func followingWords(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	q := d.TokenAt(st.Cue.End - 1)
	a, b := d.TokenAt(st.Content[0].Start), d.TokenAt(st.Content[0].End-1)+1
	if a != q+1 {
		return
	}
	for k := a + 1; k+1 < b && k <= a+12; k++ {
		asFollows := c.toks[k].lower == "follows" && c.toks[k-1].lower == "as"
		if c.toks[k].quote != 0 || d.Tokens[k].Has(doc.InQuote) || d.Tokens[k].POS.IsFinite() && !asFollows {
			return
		}
		if c.toks[k].word != ":" {
			continue
		}
		if c.toks[k+1].quote&qOpen == 0 || !announcesQuote(c, a, k) {
			return
		}
		st.Cue.End = d.Tokens[k].End
		st.Content[0].Start = d.Tokens[k+1].Start
		return
	}
}

// announcesQuote reports whether tokens [a, e) end with words that
// announce what follows them: "as follows", "the following", or "the",
// "these" or "those" (with "following" if it likes) and "words".
func announcesQuote(c *context, a, e int) bool {
	if e-a < 2 {
		return false
	}
	last, prev := c.toks[e-1].lower, c.toks[e-2].lower
	switch {
	case last == "follows":
		return prev == "as"
	case last == "following":
		return prev == "the"
	case last == "words":
		if prev == "following" && e-a >= 3 {
			prev = c.toks[e-3].lower
		}
		return prev == "the" || prev == "these" || prev == "those"
	}
	return false
}

// relativeContent gives a statement whose subject and verb of saying
// follow a relative or interrogative pronoun, and whose content follows
// the verb as a clause with a finite verb, that pronoun as the content's
// first part: it stands for what is said ("the road, which Mr. Clarke
// says he is keeping open"; "what Trump says his plan would do"), as
// PolNeAR marks it, and so is "which" or "who" when the content is what
// the verb names it as ("the pier, which the mayor described as a
// danger"; 14 times in 14 in train; "what" and "that" only 3 times in
// 5); after a comma, the relative clause and the content end at the
// next comma. The pronoun is the object of the first verb of
// saying after the subject only: in "which the minister said he might
// regret but added he could see happening", "added" says what follows it.
func relativeContent(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Source.IsZero() || st.Source.Start > st.Cue.Start {
		return
	}
	for j := range sts {
		if j != i && sts[j].Source == st.Source && sts[j].Cue.Start >= st.Source.End && sts[j].Cue.End <= st.Cue.Start {
			return
		}
	}
	k := d.TokenAt(st.Source.Start) - 1
	q := d.TokenAt(st.Cue.Start)
	if k >= 0 && st.Content[0] == d.Tokens[k].Span() {
		gapClause(c, st, k)
		return
	}
	if k < 0 || d.Tokens[k].Sent != d.Tokens[q].Sent || d.Tokens[k].Has(doc.InQuote) || d.TokenAt(st.Content[0].Start) != d.TokenAt(st.Cue.End-1)+1 {
		return
	}
	if p := d.Tokens[k].POS; p != doc.TagWDT && p != doc.TagWP {
		return
	}
	// The content is a clause with a gap the pronoun fills ("he is
	// keeping open") or what the verb names it as, not a name the verb
	// gives ("what he called a disgrace").
	finite := c.toks[d.TokenAt(st.Content[0].Start)].lower == "as" && (c.toks[k].lower == "which" || c.toks[k].lower == "who" || c.toks[k].lower == "whom")
	for j := d.TokenAt(st.Content[0].Start); j < len(d.Tokens) && d.Tokens[j].End <= st.Content[0].End; j++ {
		finite = finite || d.Tokens[j].POS.IsFinite()
	}
	if !finite {
		return
	}
	content := st.Content[0]
	if k > 0 && c.toks[k-1].word == "," {
		// A relative clause set off by commas ends at the next one.
		for j := d.TokenAt(content.Start) + 1; j < len(d.Tokens) && d.Tokens[j].End <= content.End; j++ {
			if c.toks[j].word == "," && !d.Tokens[j].Has(doc.InQuote) {
				content.End = d.Tokens[j-1].End
				break
			}
		}
	}
	st.Content = []doc.Span{d.Tokens[k].Span(), content}
}

// gapClause gives statement st, whose content the decoder left at the
// relative pronoun at k before its source and one-word cue, the clause
// after the cue whose subject that pronoun is ("a corner, which Harlow
// said should have been a goal kick": a modal or finite verb right
// after the cue) as the content's second part, to the sentence's end or,
// after a comma before the pronoun, to the next comma.
func gapClause(c *context, st *doc.Statement, k int) {
	d := c.d
	q := d.TokenAt(st.Cue.Start)
	e := d.TokenAt(st.Cue.End-1) + 1
	_, sb := c.sentRange(q)
	if e >= sb || e-q != 1 || d.Tokens[k].Sent != d.Tokens[q].Sent || d.Tokens[k].Has(doc.InQuote) {
		return
	}
	switch c.toks[k].lower {
	case "which", "who":
	default:
		return
	}
	if p := d.Tokens[e].POS; p != doc.TagMD && !p.IsFinite() {
		return
	}
	end := sb
	for j := e; j < sb; j++ {
		if c.toks[j].quote != 0 {
			return
		}
		if c.toks[j].word == "," && k > 0 && c.toks[k-1].word == "," || j == sb-1 && c.toks[j].punct() {
			end = j
			break
		}
	}
	if end <= e {
		return
	}
	st.Content = []doc.Span{d.Tokens[k].Span(), d.TokenSpan(e, end)}
}

// contentAfterCue returns the token range [ca, ce) of statement st's one
// content, which follows its cue and opens outside quotation marks, and
// the end sb of its sentence; ok is false for any other statement.
func contentAfterCue(c *context, st *doc.Statement) (ca, ce, sb int, ok bool) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].Start < st.Cue.End || d.Tokens[d.TokenAt(st.Content[0].Start)].Has(doc.InQuote) {
		return 0, 0, 0, false
	}
	ca = d.TokenAt(st.Content[0].Start)
	ce = d.TokenAt(st.Content[0].End-1) + 1
	_, sb = c.sentRange(ca)
	return ca, ce, sb, true
}

// relativeSkipped gives statement i, whose one content follows its cue
// and ends in a noun phrase right before a relative clause set off by
// commas, the rest of the clause that noun phrase is the subject of as
// the content's second part ("insisted the levy, which costs the town
// £2 million a year, could not go on"; "said that the ferry, which was
// built in 1988, would be retired"): the finite verb after the second
// comma is the reported clause's, and the relative clause is the
// writer's aside, which PolNeAR leaves out. The second part runs to the
// end of the sentence, or to the last comma before the cue of another
// statement in it.
func relativeSkipped(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	ca, ce, sb, ok := contentAfterCue(c, st)
	if !ok {
		return
	}
	if ce+2 >= sb || c.toks[ce].word != "," || c.toks[ce].quote != 0 {
		return
	}
	switch c.toks[ce+1].lower {
	case "which", "who", "whose", "whom":
	default:
		return
	}
	// The content's last clause is a noun phrase: no finite verb after
	// its last "that".
	for k := ce - 1; k >= ca && c.toks[k].lower != "that"; k-- {
		if tenseOf(c, k) != 0 {
			return
		}
	}
	// The relative clause, with a finite verb of its own, up to the
	// next comma.
	k, finite := ce+2, false
	for ; k < sb && c.toks[k].word != ","; k++ {
		if c.toks[k].quote != 0 || c.toks[k].kind&(wColon) != 0 || c.toks[k].word == ";" {
			return
		}
		finite = finite || tenseOf(c, k) != 0
	}
	v := k + 1
	for v < sb && d.Tokens[v].POS == doc.TagRB {
		v++
	}
	if !finite || v >= sb || tenseOf(c, v) == 0 {
		return
	}
	if end := clauseRest(c, sts, i, k+1, sb); end > k+1 {
		st.Content = append(st.Content, d.TokenSpan(k+1, end))
	}
}

// relativeClauseEnd ends the content of a statement whose cue is inside
// the relative clause that the content of statement i skips (relativeSkipped)
// at the comma that closes the clause: "said current guidance, which
// recommends 150 minutes a week, would not change" recommends "150
// minutes a week", not the reported clause's verb after the comma.
func relativeClauseEnd(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 2 {
		return
	}
	g0 := d.TokenAt(st.Content[0].End-1) + 1
	g1 := d.TokenAt(st.Content[1].Start) - 1
	if g0+2 >= g1 || c.toks[g0].word != "," || c.toks[g1].word != "," {
		return
	}
	switch c.toks[g0+1].lower {
	case "which", "who", "whose", "whom":
	default:
		return
	}
	for j := range sts {
		o := &sts[j]
		if j == i || len(o.Content) != 1 || o.Cue.IsZero() {
			continue
		}
		q, a, b := d.TokenAt(o.Cue.Start), d.TokenAt(o.Content[0].Start), d.TokenAt(o.Content[0].End-1)+1
		if q > g0 && q < g1 && a > g0 && a < g1 && b > g1 {
			o.Content[0] = d.TokenSpan(a, g1)
		}
	}
}

// narratedClause ends a content after a cue in the past tense, a clause
// in the present tense with no quotation, before ", and" and a clause in
// the past tense whose subject is a personal pronoun ("I told her the
// girl in the book is not her, and she laughed"; "I said there is always
// a first time, and he did not find that funny"): the tenses tell what was
// said, which a past cue leaves in the present, from what happened next.
func narratedClause(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].Start < st.Cue.End || tenseOf(c, d.TokenAt(st.Cue.Start)) != tensePast {
		return
	}
	a, b := d.TokenAt(st.Content[0].Start), d.TokenAt(st.Content[0].End-1)+1
	if firstTense(c, a, b) != tensePresent {
		return
	}
	for j := a + 1; j+3 < b; j++ {
		if c.toks[j].quote != 0 {
			return
		}
		if c.toks[j].word != "," || c.toks[j+1].lower != "and" || d.Tokens[j+2].POS != doc.TagPRP {
			continue
		}
		switch c.toks[j+2].lower {
		case "he", "she", "they", "i", "we":
		default:
			continue
		}
		if firstTense(c, j+3, min(j+5, b)) == tensePast {
			st.Content[0].End = d.Tokens[j-1].End
			return
		}
	}
}

// clauseRest returns where the words from token a on that go on statement
// i's content end: at sb, the end of the sentence, or at the last comma
// before the cue of another statement in it, with no closing punctuation
// but a quotation's closing mark. It returns a or less when there are no
// such words.
func clauseRest(c *context, sts []doc.Statement, i, a, sb int) int {
	d := c.d
	end := sb
	for k := a; k < sb; k++ {
		if w := c.toks[k].word; (w == "." || w == "?" || w == "!") && c.toks[k].quote == 0 {
			end = k // a sentence the splitter left joined: "… Jewish. (He was not.)"
			break
		}
	}
	for j := range sts {
		if j == i || sts[j].Cue.IsZero() {
			continue
		}
		q := d.TokenAt(sts[j].Cue.Start)
		if q < a || q >= end {
			continue
		}
		cut := q
		for cut > a && c.toks[cut-1].word != "," {
			cut--
		}
		if cut == a {
			return a
		}
		end = cut - 1
	}
	for end > a && isPunctWord(c.toks[end-1].word) && c.toks[end-1].quote&qClose == 0 {
		end--
	}
	return end
}

// appositionSkipped carries statement i, whose one content follows its
// cue, a finite verb, and ends right before a comma, past an apposition set off
// by commas after it, over the rest of its clause after the second comma,
// where that goes on with "to", with a preposition after a content with a
// finite verb, or, after a content whose last clause is a noun phrase,
// with a finite verb: commas around an apposition end no reported clause
// ("said Lindqvist would dispatch her envoy, Dr Sigrid Aune, to the
// capital"; "said her father, now 81, had read it"). A name, a number or
// an age the apposition gives is part of one content, as PolNeAR marks
// the number ("the minimum wage, now $7.25 an hour, to be raised"), and a
// description opening with a determiner, or a past participle's clause
// of up to a dozen words with no finite verb, is an aside the content's
// second part skips, as relativeSkipped skips a relative clause ("his
// father, the son of immigrants, was Jewish"; "said the penalty, awarded
// by referee Tom Ashby in the last minute, should never have been
// given"). The rest runs to where clauseRest ends it.
func appositionSkipped(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].Start < st.Cue.End || d.Tokens[d.TokenAt(st.Content[0].Start)].Has(doc.InQuote) ||
		tenseOf(c, d.TokenAt(st.Cue.Start)) == 0 || !startsWithLetter(c.toks[d.TokenAt(st.Cue.Start)].word) {
		return
	}
	ca := d.TokenAt(st.Content[0].Start)
	ce := d.TokenAt(st.Content[0].End-1) + 1
	_, sb := c.sentRange(ca)
	if ce+3 >= sb || c.toks[ce].word != "," || c.toks[ce].quote != 0 || !d.Tokens[ce-1].POS.IsNoun() {
		return
	}
	// The apposition: up to six words with no verb, opening with a
	// capitalised word, a determiner or a number, or "now" or "aged".
	first, whole, participle := &d.Tokens[ce+1], true, false
	switch {
	case first.POS == doc.TagDT:
		whole = false
	case first.POS == doc.TagVBN:
		// "said the equaliser, scored by Chloe Brannigan in the 61st
		// minute, should have been ruled out": a participle's clause
		// describing the noun, an aside too.
		whole, participle = false, true
	case first.Kind == doc.Word && first.Has(doc.Upper), first.POS == doc.TagCD, c.toks[ce+1].word == "$":
	default:
		switch c.toks[ce+1].lower {
		case "now", "aged":
		default:
			return
		}
	}
	k, most := ce+1, ce+6
	if participle {
		most = ce + 12
	}
	for ; k < sb && k <= most && c.toks[k].word != ","; k++ {
		verb := d.Tokens[k].POS.IsVerb() && (!participle || d.Tokens[k].POS.IsFinite())
		if c.toks[k].quote != 0 || verb || d.Tokens[k].POS == doc.TagWDT || d.Tokens[k].POS == doc.TagWP {
			return
		}
	}
	if k >= sb || c.toks[k].word != "," || k+1 >= sb {
		return
	}
	finite := false // a finite verb in the content's last clause
	for j := ce - 1; j >= ca && c.toks[j].lower != "that"; j-- {
		finite = finite || tenseOf(c, j) != 0
	}
	switch v := &d.Tokens[k+1]; {
	case v.POS == doc.TagTO, v.POS == doc.TagIN && finite:
	case tenseOf(c, k+1) != 0 && !finite:
	default:
		return
	}
	end := clauseRest(c, sts, i, k+1, sb)
	switch {
	case end <= k+1:
	case whole:
		st.Content[0].End = d.Tokens[end-1].End
	default:
		st.Content = append(st.Content, d.TokenSpan(k+1, end))
	}
}

// quoteBeforeRelative ends a content that opens with a quotation and
// runs on past its closing mark into a relative clause about it ("“See
// you in Oslo,” which the minister said he might regret") at the closing
// mark: the clause is the reporter's, and a statement inside it is no
// longer the quotation's child.
func quoteBeforeRelative(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 {
		return
	}
	s := st.Content[0]
	for _, q := range d.Quotes {
		if q.Depth != 0 || q.Close.IsZero() || q.Open.Start != s.Start || q.Close.End >= s.End {
			continue
		}
		k := d.TokenAt(q.Close.End-1) + 1
		if k < len(d.Tokens) && c.toks[k].word == "," {
			k++
		}
		if k >= len(d.Tokens) || d.Tokens[k].End > s.End || (d.Tokens[k].POS != doc.TagWDT && d.Tokens[k].POS != doc.TagWP) {
			return
		}
		st.Content[0].End = q.Close.End
		for j := range sts {
			if sts[j].Parent == i && !within(st.Content, sts[j].Cue) {
				sts[j].Parent = st.Parent
			}
		}
		return
	}
}

// namingClauses drops a statement with no source whose cue is a verb of
// naming in the passive, in a clause "as" opens after a comma ("…, which
// make up the Donbas, as the heartland of the region is called"): the
// clause says what a thing is called, not what anyone said.
func namingClauses(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	var drop []bool
	for i := range sts {
		st := &sts[i]
		if !st.Source.IsZero() || st.Cue.IsZero() {
			continue
		}
		a, b := d.TokenAt(st.Cue.Start), d.TokenAt(st.Cue.End-1)
		if a < 1 || b < a || d.Tokens[b].POS != doc.TagVBN || c.toks[b-1].lemma != "be" {
			continue
		}
		switch c.toks[b].lemma {
		case "call", "know", "name", "dub", "term", "nickname":
		default:
			continue
		}
		k := a - 1
		for k >= 0 && d.Tokens[k].Sent == d.Tokens[a].Sent && c.toks[k].word != "," {
			k--
		}
		if k < 0 || c.toks[k].word != "," || k+1 >= a || c.toks[k+1].lower != "as" {
			continue
		}
		if drop == nil {
			drop = make([]bool, len(sts))
		}
		drop[i] = true
	}
	if drop == nil {
		return sts
	}
	return dropStatements(sts, drop)
}

// antecedentContent gives a statement whose content ends, right before
// its subject and verb of saying, on the relative pronoun opening their
// clause ("the fare rise that Berg proposed") that pronoun alone as its
// content: it stands for what is said, as in relativeContent, and the
// words before it are the reporter's.
func antecedentContent(c *context, st *doc.Statement) {
	d := c.d
	if len(st.Content) != 1 || st.Source.IsZero() || st.Cue.IsZero() || st.Content[0].End > st.Source.Start || st.Source.End > st.Cue.Start {
		return
	}
	k := d.TokenAt(st.Content[0].End - 1)
	if k < 0 || k+1 >= len(d.Tokens) || d.Tokens[k+1].Start != st.Source.Start || d.Tokens[k].Start == st.Content[0].Start || d.Tokens[k].Has(doc.InQuote) {
		return
	}
	if w := c.toks[k].lower; (w != "that" && w != "which") || (d.Tokens[k].POS != doc.TagWDT && d.Tokens[k].POS != doc.TagIN) {
		return
	}
	st.Content = []doc.Span{d.Tokens[k].Span()}
}

// quotedSentence reports whether a quotation opens at token k with a
// capital letter, a sentence of its own: the words before the
// attribution that interrupts a sentence ("When asked about the cost,
// she said, “Nobody knows.”") are then the reporter's, not the start of
// what was said, as they are before a quotation that goes on from them
// ("It was, he said, “a stone worn down by bare feet.”").
func quotedSentence(c *context, k int) bool {
	return c.toks[k].quote&qOpen != 0 && k+1 < len(c.d.Tokens) && c.d.Tokens[k+1].Has(doc.Upper)
}

// interruptedClause gives statement i the words that open its sentence
// before an attribution set off by commas in the middle of it ("Prices,
// John Smith said, will rise"; "But to prevent problems, he said, local
// officials should be vigilant"), where its one content begins after the
// second comma and the cue and the source lie between the two with no
// other finite verb: the opening words become the content's first part,
// unless they hold a quotation, a finite verb of saying, or a part of
// another statement. PolNeAR marks such contents in two parts, the
// opening words as they stand ("But", "Still" and all).
func interruptedClause(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	ca := d.TokenAt(st.Content[0].Start)
	q := d.TokenAt(st.Cue.Start)
	if ca < 2 || c.toks[ca-1].word != "," || q < 0 || q >= ca-1 || quotedSentence(c, ca) {
		return
	}
	sa, _ := c.sentRange(ca)
	if q == sa {
		return // "According to Ana Ruiz, the mayor, prices …": no words before the attribution
	}
	first := q
	src := st.Source
	if !src.IsZero() {
		first = min(first, d.TokenAt(src.Start))
	}
	if first == sa && !src.IsZero() {
		// The decoder took the opening words into the source ("The new
		// timetable, the harbour master said"): the source is what
		// follows its comma, unless the opening words are a name that
		// the rest describes ("Ana Ruiz, the mayor, said").
		sb := d.TokenAt(src.End-1) + 1
		k := sa
		for k < sb && c.toks[k].word != "," {
			k++
		}
		if k+1 >= sb || c.toks[sa].mStart != mNone && int(c.toks[sa].mSpanEnd) == k {
			return
		}
		first, src = k+1, d.TokenSpan(k+1, sb)
	}
	j := first - 1
	if j <= sa || c.toks[j].word != "," {
		return
	}
	for k := j + 1; k < ca-1; k++ {
		in := st.Cue.Contains(d.Tokens[k].Span()) || src.Contains(d.Tokens[k].Span())
		if c.toks[k].word == "," || d.Tokens[k].Has(doc.InQuote) || !in && d.Tokens[k].POS.IsFinite() {
			return
		}
	}
	open := d.TokenSpan(sa, j)
	for k := sa; k < j; k++ {
		if d.Tokens[k].Has(doc.InQuote) || c.toks[k].quote != 0 || isSpeechVerb(c, k) && d.Tokens[k].POS.IsFinite() {
			return
		}
	}
	if touchedByOther(sts, i, open) {
		return
	}
	st.Content = []doc.Span{open, st.Content[0]}
	st.Source = src
	if d.Tokens[ca].POS == doc.TagVBG && (c.toks[ca].lemma == "cite" || c.toks[ca].lemma == "quote") {
		// "Dozens are missing, state television reported, citing the
		// disaster office": "citing" or "quoting" after the attribution
		// says whose word it was, not what was said; the opening words
		// are the whole content, unless the phrase has a finite verb of
		// its own. Other participles go on with the content ("…, she
		// said, including …"), as PolNeAR marks them.
		ce := d.TokenAt(st.Content[1].End-1) + 1
		for k := ca; k < ce; k++ {
			if tenseOf(c, k) != 0 {
				return
			}
		}
		st.Content = st.Content[:1]
		for j := range sts {
			if sts[j].Parent == i && !st.Content[0].Contains(sts[j].Cue) {
				sts[j].Parent = -1 // "citing …" is a statement of its own
			}
		}
	}
}

// interruptedRest gives statement i, whose one content opens its
// sentence and ends right before an attribution set off by commas in
// the middle of it ("His criticism, according to an interview at the
// time, was the choice of …"; "Over the long term, the budget office
// said, the deficits will rise"), the rest of the sentence after the
// second comma as the content's second part, where no other statement
// holds a word of it and no finite verb but the cue's stands between the
// commas: PolNeAR marks the words on both sides of the attribution as
// what was said. A rest that opens with a participle ("adding",
// "citing") or a relative pronoun, or has no finite verb of its own
// before its first comma (an apposition of the source), is no part of
// it.
func interruptedRest(c *context, sts []doc.Statement, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() || st.Content[0].End > st.Cue.Start {
		return
	}
	ca := d.TokenAt(st.Content[0].Start)
	k := d.TokenAt(st.Content[0].End-1) + 1
	sa, sb := c.sentRange(ca)
	if ca != sa || k >= sb || c.toks[k].word != "," || d.Tokens[ca].Has(doc.InQuote) || c.toks[ca].quote != 0 {
		return
	}
	m := d.TokenAt(st.Cue.End-1) + 1
	if !st.Source.IsZero() {
		if st.Source.Start < d.Tokens[k].End {
			return
		}
		m = max(m, d.TokenAt(st.Source.End-1)+1)
	}
	if m+1 >= sb || c.toks[m].word != "," {
		return
	}
	for j := k + 1; j < m; j++ {
		in := st.Cue.Contains(d.Tokens[j].Span()) || st.Source.Contains(d.Tokens[j].Span())
		if c.toks[j].quote != 0 || !in && (d.Tokens[j].POS.IsFinite() || c.toks[j].word == ",") {
			return
		}
	}
	if p := d.Tokens[m+1].POS; p == doc.TagVBG || p == doc.TagWDT || p == doc.TagWP || p == doc.TagWPS {
		return // "…, she said, adding …", "wiping sweat off his face": the speaker's doing, not what was said
	}
	f := m + 1 // the rest is a clause: a finite verb before its first comma, not a relative clause's
	for f < sb && c.toks[f].word != "," && tenseOf(c, f) == 0 {
		f++
	}
	if f == sb || tenseOf(c, f) == 0 || f > m+1 && (d.Tokens[f-1].POS == doc.TagWDT || d.Tokens[f-1].POS == doc.TagWP || c.toks[f-1].lower == "that") {
		return // "according to the conference, the policy-making arm of …": the source's apposition
	}
	end := sb
	for end > m+2 && trimmable(c, end-1) {
		end--
	}
	if c.bal[m+1] != c.bal[end] {
		return
	}
	rest := d.TokenSpan(m+1, end)
	if touchedByOther(sts, i, rest) {
		return
	}
	st.Content = append(st.Content, rest)
}

// touchedByOther reports whether a statement of sts other than i has its
// cue, its source or a part of its content in s.
func touchedByOther(sts []doc.Statement, i int, s doc.Span) bool {
	for o := range sts {
		if o == i {
			continue
		}
		if sts[o].Cue.Overlaps(s) || sts[o].Source.Overlaps(s) {
			return true
		}
		for _, p := range sts[o].Content {
			if p.Overlaps(s) {
				return true
			}
		}
	}
	return false
}

// sharedCues drops a top-level statement with no quotation in its content
// whose cue shares a word with the cue of a top-level statement whose
// content is quoted: one verb of saying says one thing, and the quotation
// is what the textbook pattern found it to say ("“…,” Ana Ruiz, a
// geologist at the survey, said in a call with reporters", where the
// model took "reporters" for the content).
func sharedCues(sts []doc.Statement) []doc.Statement {
	var drop []bool
	for i := range sts {
		a := &sts[i]
		if a.Parent >= 0 || len(a.Quotes) > 0 || a.Cue.IsZero() {
			continue
		}
		for j := range sts {
			if b := &sts[j]; j != i && b.Parent < 0 && len(b.Quotes) > 0 && b.Cue.Start < a.Cue.End && a.Cue.Start < b.Cue.End {
				if drop == nil {
					drop = make([]bool, len(sts))
				}
				drop[i] = true
				break
			}
		}
	}
	if drop == nil {
		return sts
	}
	return dropStatements(sts, drop)
}

// transcriptTurns makes a statement of each turn of an interview
// transcript: a paragraph that opens, after an optional opening quotation
// mark, with a label of up to three words in capitals, a comma and a role
// in capitals after them if it likes ("SCOTT DETROW, HOST:"), and a
// colon, and holds a word or more after it ("PENCE: Well, look, …",
// "KEITH: Hey."), or nothing, when the turn is the paragraph after it. The label's
// last word must be the surname of a person the article names, or, where
// one label is, the labels ending in that word must open two turns or
// more (the interviewer, "WALLACE:", whom the article may not name). The
// name is the source, the colon the cue and the rest of the paragraph
// (or the next) the content: the speaker's own words, a direct quotation.
// A statement with neither cue nor source whose content overlaps a turn
// (a quotation run on over the turns), or whose cue is a turn's colon,
// gives way to the turns; a statement whose cue lies in a turn becomes
// the turn's child.
func transcriptTurns(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	var turns []doc.Statement
	labels := map[string]int{} // by the label's last word
	named := false
	for pi, p := range d.Paragraphs {
		a, b := d.Sentences[p.FirstSent].FirstTok, d.Sentences[p.EndSent-1].EndTok
		k := a
		if k < b && c.toks[k].quote&qOpen != 0 {
			k++
		}
		n, colon := d.SpeakerLabel(k, b)
		if colon < 0 {
			continue
		}
		content := d.TokenSpan(colon+1, b)
		switch {
		case colon+1 == b && pi+1 < len(d.Paragraphs):
			// The label alone; the turn is the paragraph after it.
			np := d.Paragraphs[pi+1]
			na, nb := d.Sentences[np.FirstSent].FirstTok, d.Sentences[np.EndSent-1].EndTok
			if _, l := d.SpeakerLabel(na, nb); l >= 0 || nb-na < 3 {
				continue
			}
			content = d.TokenSpan(na, nb)
		case colon+2 > b:
			continue
		}
		last := d.Slice(d.Tokens[n-1].Span())
		if surnameOf(d, last) {
			named = true
		}
		labels[strings.ToUpper(last)]++
		turns = append(turns, turnStatement(d, k, n, colon, content))
	}
	kept := turns[:0]
	for _, t := range turns {
		label := d.Slice(t.Source)
		last := label[strings.LastIndexByte(label, ' ')+1:]
		if named && (labels[strings.ToUpper(last)] >= 2 || surnameOf(d, last)) {
			kept = append(kept, t)
		}
	}
	turns = append(kept, nameTurns(c)...)
	if len(turns) == 0 {
		return sts
	}
	drop := make([]bool, len(sts))
	for i, st := range sts {
		for j := range turns {
			t := &turns[j]
			if st.Cue.IsZero() && st.Source.IsZero() && t.Content[0].OverlapsAny(st.Content) {
				drop[i] = true
			}
			if st.Cue == t.Cue {
				// The decoder's statement of the turn: its content stands
				// when it is the turn's words without the closing
				// punctuation.
				drop[i] = true
				if len(st.Content) == 1 && st.Content[0].Start == t.Content[0].Start && st.Content[0].End < t.Content[0].End &&
					d.TokenAt(st.Content[0].End) == d.TokenAt(t.Content[0].End-1) && d.Tokens[d.TokenAt(t.Content[0].End-1)].Kind == doc.Punct {
					t.Content[0] = st.Content[0]
				}
			}
		}
	}
	sts = dropStatements(sts, drop)
	base := len(sts)
	for i := range sts {
		st := &sts[i]
		for j, t := range turns {
			if label := d.Slice(t.Source); label == "Q" || label == "A" {
				// What is said inside a question or an answer stays a
				// statement of its own, as PolNeAR marks most
				// question-and-answer interviews.
				continue
			}
			if st.Parent < 0 && t.Content[0].Start <= st.Cue.Start && st.Cue.End <= t.Content[0].End {
				st.Parent = base + j
				if st.Source.Start < t.Content[0].Start && st.Source.End > t.Content[0].Start {
					// "Lindqvist: Critics have called …": the label is
					// the turn's, not the source's.
					st.Source.Start = t.Content[0].Start
				}
			}
		}
	}
	for i := range turns {
		turns[i].Quotes = turns[i].Content
	}
	return sortStatements(append(sts, turns...))
}

// nameTurns returns the turns of a transcript whose labels are written
// as names are ("Mara Lindqvist: Because I …", "Lindqvist: Why?") or
// are "Q" and "A", as doc.Document.NameLabel reads them at the start of a
// paragraph (after an opening quotation mark, if any), with words
// holding a letter after the colon. Questions and answers are turns where
// the article has both; a name's label is a turn where the labels are a
// conversation, two labels or more of which one, by its last word, opens
// two turns or more, and the label opens two turns or more or ends in the
// surname of a person the article names, and not every word of it is a
// word the text writes in lower case. So a page's flag ("Update:"), a
// headline's name ("Reyes: I will win"), a list of names with figures
// ("Reyes: 1,204.") and a list of names with one line each are no turns.
func nameTurns(c *context) []doc.Statement {
	d := c.d
	var turns []doc.Statement
	var q, a bool
	labels := map[string]int{} // by the label's last word, folded
	for _, p := range d.Paragraphs {
		k, b := d.Sentences[p.FirstSent].FirstTok, d.Sentences[p.EndSent-1].EndTok
		if k < b && c.toks[k].quote&qOpen != 0 {
			k++
		}
		n, colon := d.NameLabel(k, b)
		if colon < 0 || !hasLetter(d.Slice(d.TokenSpan(colon+1, b))) {
			continue
		}
		if n == k+1 {
			switch d.Slice(d.Tokens[k].Span()) {
			case "Q":
				q = true
			case "A":
				a = true
			}
		}
		labels[strings.ToLower(d.Slice(d.Tokens[n-1].Span()))]++
		turns = append(turns, turnStatement(d, k, n, colon, d.TokenSpan(colon+1, b)))
	}
	repeated := false
	for _, n := range labels {
		if n >= 2 {
			repeated = true
		}
	}
	conversation := repeated && len(labels) >= 2
	kept := turns[:0]
	for _, t := range turns {
		label := d.Slice(t.Source)
		switch label {
		case "Q", "A":
			if q && a {
				kept = append(kept, t)
			}
			continue
		}
		last := label[strings.LastIndexByte(label, ' ')+1:]
		if !conversation || labels[strings.ToLower(last)] < 2 && !surnameOf(d, last) {
			continue
		}
		common := true
		for _, w := range strings.Fields(label) {
			if !d.InLowerCase(w) {
				common = false
			}
		}
		if !common {
			kept = append(kept, t)
		}
	}
	return kept
}

// turnStatement is the direct statement of a transcript's turn whose
// label is tokens k to n, its colon token colon, saying content.
func turnStatement(d *doc.Document, k, n, colon int, content doc.Span) doc.Statement {
	return doc.Statement{
		Kind:       doc.Direct,
		Content:    []doc.Span{content},
		Cue:        d.TokenSpan(colon, colon+1),
		Source:     d.TokenSpan(k, n),
		Speaker:    -1,
		Confidence: 0.8,
		Parent:     -1,
		Continues:  -1,
	}
}

// startsWithLetter reports whether s opens with a letter (not "’s").
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// surnameOf reports whether word, in any case, is the last word of the
// name of a person entity of d.
func surnameOf(d *doc.Document, word string) bool {
	for _, e := range d.Entities {
		if e.Type != doc.Person {
			continue
		}
		if i := strings.LastIndexByte(e.Name, ' '); strings.EqualFold(e.Name[i+1:], word) {
			return true
		}
	}
	return false
}

// colonParents drops a statement whose content is only its verb's object
// and a colon before a quotation another statement holds ("addressed the
// trawler crews in Georgian: “…”" around the quotation's own statement):
// the words before the colon are not said, so the quotation is the one
// statement, with its parent's parent.
func colonParents(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	drop := make([]bool, len(sts))
	any := false
	for i := range sts {
		ch := &sts[i]
		if ch.Parent < 0 || strings.TrimSpace(d.Slice(ch.Cue)) != ":" {
			continue
		}
		p := &sts[ch.Parent]
		if drop[ch.Parent] || len(p.Content) != 1 || p.Content[0].End != ch.Content[len(ch.Content)-1].End && p.Content[0].End != ch.Content[0].End {
			continue
		}
		a, b := d.TokenAt(p.Content[0].Start), d.TokenAt(ch.Cue.Start)
		if b >= len(d.Tokens) || b <= a || c.toks[b].word != ":" {
			continue
		}
		verb := false
		for k := a; k < b; k++ {
			if d.Tokens[k].POS.IsVerb() || c.toks[k].quote&(qOpen|qClose) != 0 {
				verb = true
				break
			}
		}
		if verb {
			continue
		}
		drop[ch.Parent], any = true, true
		ch.Parent = p.Parent
	}
	if !any {
		return sts
	}
	return dropStatements(sts, drop)
}

// dropStatements removes the statements drop marks: a dropped
// statement's children become its parent's, a statement that continued
// a dropped one continues none, and the references past the dropped
// statements are renumbered.
func dropStatements(sts []doc.Statement, drop []bool) []doc.Statement {
	for i := range sts {
		for sts[i].Parent >= 0 && drop[sts[i].Parent] {
			sts[i].Parent = sts[sts[i].Parent].Parent
		}
		if sts[i].Continues >= 0 && drop[sts[i].Continues] {
			sts[i].Continues = -1
		}
	}
	newIdx := make([]int, len(sts))
	n := 0
	for i := range sts {
		newIdx[i] = n
		if !drop[i] {
			n++
		}
	}
	out := sts[:0]
	for i := range sts {
		if drop[i] {
			continue
		}
		st := sts[i]
		if st.Parent >= 0 {
			st.Parent = newIdx[st.Parent]
		}
		if st.Continues >= 0 {
			st.Continues = newIdx[st.Continues]
		}
		out = append(out, st)
	}
	return out
}

// colonObjects gives a statement whose cue is a colon alone, inside the
// content of a statement whose cue verb the colon's clause is, the
// source of that statement: the words before the colon are the verb's
// object, not its speaker ("Putin addressed Trump in English: “…”").
func colonObjects(c *context, sts []doc.Statement) {
	d := c.d
	for i := range sts {
		st := &sts[i]
		if st.Parent < 0 || st.Source.IsZero() || strings.TrimSpace(d.Slice(st.Cue)) != ":" {
			continue
		}
		p := &sts[st.Parent]
		if p.Source.IsZero() || p.Cue.End > st.Source.Start || !within(p.Content, st.Source) {
			continue
		}
		// Only the parent's cue verb and its object lie between: no
		// other verb of its own.
		own := false
		for k := d.TokenAt(p.Cue.End); k < d.TokenAt(st.Source.Start); k++ {
			if d.Tokens[k].POS.IsVerb() {
				own = true
			}
		}
		if !own {
			st.Source = p.Source
		}
	}
}

// ruleQuotes attributes the quotations no statement holds that stand in
// the textbook pattern the models sometimes miss: a speech verb and its
// subject right after the quotation ("“…,” Donald Trump said", "“…,” said
// Putin") or right before it ("Trump said: “…”").
func ruleQuotes(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	var out []doc.Statement
	for _, q := range d.Quotes {
		if q.Depth > 1 || q.Prev >= 0 || q.Close.IsZero() && q.Next < 0 {
			continue
		}
		outer := q.Outer()
		parent, all := -1, sts
		if q.Depth == 1 {
			// A quotation inside a quotation, in the textbook pattern
			// within its speaker's words ("As Trump said, 'there's no
			// deal'"): a statement of its own, inside the one whose
			// content holds it.
			if q.Next >= 0 || q.Close.IsZero() {
				continue
			}
			// The outer statement may be one this pass made: parents
			// index the statements the caller appends these to.
			all = append(sts[:len(sts):len(sts)], out...)
			parent = innermostHolder(all, outer)
			if parent < 0 || nestedHeld(all, parent, outer) {
				continue
			}
		}
		bare := bareHolder(sts, outer)
		if parent < 0 && bare < 0 && q.Next < 0 && !q.Close.IsZero() {
			if h := overrunHolder(sts, outer); h >= 0 {
				// "“…,” Ana Ruiz, a hydrologist at the institute in
				// Eastfield, Westmark, said": a content the model ran on
				// from the quotation into its attribution is the
				// quotation alone, said as the textbook pattern says.
				if cue, src := speechAfter(c, d.TokenAt(q.Close.End)); !cue.IsZero() {
					st := quoteStatement(d, q, sts[h].Confidence)
					st.Cue, st.Source = cue, src
					sts[h] = st
					continue
				}
			}
		}
		if parent < 0 && (bare < 0 && held(sts, outer) || held(out, outer)) {
			continue
		}
		if qa, qb := d.TokenAt(q.Open.End), d.TokenAt(q.Close.Start); !q.Close.IsZero() && qb-qa >= 2 && titleCase(c, qa, qb) {
			continue // the name of a work: "In his book, ''Make Your Kid a Millionaire,'' he suggested"
		}
		var cue, src doc.Span
		if !q.Close.IsZero() {
			cue, src = speechAfter(c, d.TokenAt(q.Close.End))
		}
		if cue.IsZero() && !q.Close.IsZero() && parent < 0 {
			cue, src = wordsAfter(c, d.TokenAt(q.Close.End))
		}
		if cue.IsZero() {
			cue, src = speechBefore(c, d.TokenAt(q.Open.Start))
		}
		if cue.IsZero() && parent < 0 {
			cue, src = possessedBefore(c, d.TokenAt(q.Open.Start))
		}
		if cue.IsZero() && parent < 0 {
			if cue, src, content, ok := accordingTo(c, d.TokenAt(q.Open.Start)); ok {
				// "According to the army, the bomb had been “placed
				// inside …”": the textbook attribution of its sentence.
				st := quoteStatement(d, q, 0.7)
				content.End = max(content.End, outer.End) // a quotation past the sentence's end stays whole
				st.Content = append([]doc.Span{content}, st.Content[1:]...)
				st.Kind = kindOf(d, st.Content)
				st.Cue, st.Source = cue, src
				out = append(out, st)
				continue
			}
		}
		if cue.IsZero() && parent >= 0 {
			// Inside a quotation, the words a verb of saying embeds in its
			// clause: "what Dr. King called 'the fierce urgency of now'".
			if qa, qb := d.TokenAt(q.Open.Start), d.TokenAt(q.Close.Start)+1; qa > 0 && qb <= len(c.toks) {
				cue, src = nestedEmbedded(c, qa, qb)
			}
		}
		if cue.IsZero() {
			continue
		}
		if bare >= 0 {
			sts[bare].Cue, sts[bare].Source = cue, src
			continue
		}
		if parent >= 0 && !(all[parent].Cue.End <= outer.Start || all[parent].Cue.Start >= outer.End) {
			continue
		}
		if h := sameAttribution(sts, cue, src); parent < 0 && h >= 0 {
			// "“…”, continued the bishop: “…”": the quotations on either
			// side of one attribution are one statement's words.
			sts[h].Content = append(sts[h].Content, outer)
			sort.Slice(sts[h].Content, func(a, b int) bool { return sts[h].Content[a].Start < sts[h].Content[b].Start })
			sts[h].Kind = kindOf(d, sts[h].Content)
			sts[h].Quotes = quotesIn(d, sts[h].Content, nil)
			continue
		}
		st := quoteStatement(d, q, 0.7)
		st.Cue, st.Source, st.Parent = cue, src, parent
		if src.IsZero() && parent < 0 {
			st.Continues = lastBefore(d, sts, q.Open.Start)
		}
		if parent >= 0 && (!within(all[parent].Content, cue) || !within(all[parent].Content, src)) {
			continue // the pattern must lie inside the outer speaker's words
		}
		out = append(out, st)
	}
	return out
}

// wordsAfter finds, after the closing quotation mark before token j, a
// comma and a noun phrase that calls the quotation someone's words ("“…”,
// the first words spoken by the new harbour master, drew cheers", "“…”,
// the last message of Ana Ruiz"): "the", up to two modifiers and an
// attribution noun ("words" and "greeting" too), a participle if it
// likes, and "by" or "of" before a name, or a description a person's noun
// ends ("the old keeper"). The modifiers, the noun and the participle are
// the cue, and the name the source.
func wordsAfter(c *context, j int) (cue, src doc.Span) {
	d := c.d
	if j+4 >= len(d.Tokens) || c.toks[j].word != "," || c.toks[j+1].lower != "the" {
		return
	}
	n := j + 2
	for n < j+5 && n < len(d.Tokens) && (d.Tokens[n].POS.IsAdjective() || c.toks[n].lower == "first" || c.toks[n].lower == "last") {
		n++ // "first", "opening"
	}
	if n >= len(d.Tokens) || !d.Tokens[n].POS.IsNoun() || !c.toks[n].noun && c.toks[n].lemma != "word" && c.toks[n].lemma != "greeting" {
		return
	}
	e := n + 1
	if e < len(d.Tokens) && (d.Tokens[e].POS == doc.TagVBN || d.Tokens[e].POS == doc.TagVBD) {
		e++ // "spoken", "delivered"
	}
	if e+1 >= len(d.Tokens) || c.toks[e].lower != "by" && c.toks[e].lower != "of" {
		return
	}
	// The name, or a description ending in one ("the new harbour
	// master").
	for i := e + 1; i < len(d.Tokens) && i <= e+5; i++ {
		switch c.toks[i].mStart {
		case mPerson, mOrg, mGroup:
			return d.TokenSpan(j+2, e), d.TokenSpan(e+1, int(c.toks[i].mSpanEnd))
		}
		if p := d.Tokens[i].POS; d.Tokens[i].Kind == doc.Punct || p.IsVerb() || p == doc.TagIN || p == doc.TagCC || p == doc.TagWDT || p == doc.TagWP {
			if lex, _ := lexicon.Default(); i-1 > e+1 && d.Tokens[i-1].POS.IsNoun() && lex != nil && lex.PersonNoun(c.toks[i-1].lower) {
				return d.TokenSpan(j+2, e), d.TokenSpan(e+1, i)
			}
			return
		}
	}
	return
}

// sameAttribution returns the top-level statement whose cue and source
// are cue and src, and whose content is quoted; -1 when none is.
func sameAttribution(sts []doc.Statement, cue, src doc.Span) int {
	for h := range sts {
		if st := &sts[h]; st.Parent < 0 && len(st.Quotes) > 0 && st.Cue == cue && st.Source == src && !src.IsZero() {
			return h
		}
	}
	return -1
}

// nestedEmbedded finds the verb of saying and its subject that embed the
// quotation [qa, qb) in their clause inside another quotation (see
// embeddedCandidate); a name the entity stage left out there counts as
// the subject when capitalised proper nouns stand right before the verb.
func nestedEmbedded(c *context, qa, qb int) (cue, src doc.Span) {
	d := c.d
	if k, ok := embeddedCandidate(c, qa, qb); ok {
		return d.TokenSpan(k.cue.a, k.cue.b), d.TokenSpan(k.source.a, k.source.b)
	}
	sa, _ := c.sentRange(qa)
	v := embeddedVerb(c, sa, qa)
	if v <= sa {
		return
	}
	j := v
	for j > sa && d.Tokens[j-1].POS.IsProperNoun() && d.Tokens[j-1].Has(doc.Upper) {
		j--
	}
	if j == v {
		return
	}
	return d.TokenSpan(v, v+1), d.TokenSpan(j, v)
}

// innermostHolder returns the statement of sts with the shortest content
// part that holds span s, or -1.
func innermostHolder(sts []doc.Statement, s doc.Span) int {
	best, size := -1, 0
	for i, st := range sts {
		for _, f := range st.Content {
			if f.Start <= s.Start && s.End <= f.End && (best < 0 || f.End-f.Start < size) {
				best, size = i, f.End-f.Start
			}
		}
	}
	return best
}

// nestedHeld reports whether a statement inside statement parent already
// holds span s.
func nestedHeld(sts []doc.Statement, parent int, s doc.Span) bool {
	for _, st := range sts {
		if st.Parent != parent {
			continue
		}
		for _, f := range st.Content {
			if f.Overlaps(s) {
				return true
			}
		}
	}
	return false
}

// within reports whether span s lies inside one of parts.
func within(parts []doc.Span, s doc.Span) bool {
	for _, f := range parts {
		if f.Start <= s.Start && s.End <= f.End {
			return true
		}
	}
	return false
}

// overrunHolder returns the top-level statement whose one content starts
// with the quotation s and runs on past its closing mark, with its cue
// after that content and no statement inside or after it (-1 if none).
func overrunHolder(sts []doc.Statement, s doc.Span) int {
	for i, st := range sts {
		if st.Parent < 0 && len(st.Content) == 1 && st.Content[0].Start == s.Start && st.Content[0].End > s.End+1 && !st.Cue.IsZero() && st.Cue.Start >= st.Content[0].End {
			for j := range sts {
				if sts[j].Parent == i || sts[j].Continues == i {
					return -1
				}
			}
			return i
		}
	}
	return -1
}

// bareHolder returns the statement of sts whose content begins with
// quotation span s and that has neither cue nor source, or -1.
func bareHolder(sts []doc.Statement, s doc.Span) int {
	for i, st := range sts {
		if st.Cue.IsZero() && st.Source.IsZero() && len(st.Content) > 0 && st.Content[0] == s {
			return i
		}
	}
	return -1
}

// quoteStatement makes a direct statement of quote q, with the pieces it
// runs on into in the following paragraphs; cue, source and links are
// the caller's to set.
func quoteStatement(d *doc.Document, q doc.Quote, confidence float64) doc.Statement {
	st := doc.Statement{
		Kind:       doc.Direct,
		Content:    []doc.Span{q.Outer()},
		Speaker:    -1,
		Parent:     -1,
		Continues:  -1,
		Confidence: confidence,
		Quotes:     []doc.Span{q.Inner},
	}
	for m := q.Next; m >= 0; m = d.Quotes[m].Next {
		st.Content = append(st.Content, d.Quotes[m].Outer())
		st.Quotes = append(st.Quotes, d.Quotes[m].Inner)
	}
	return st
}

func held(sts []doc.Statement, s doc.Span) bool {
	for _, st := range sts {
		for _, f := range st.Content {
			if f.Overlaps(s) {
				return true
			}
		}
	}
	return false
}

// accordingTo finds the attribution of the sentence of token o when it
// opens "According to SOURCE," (up to twelve words before the comma, no
// quotation mark among them) and o lies after the comma: the cue, the
// source, and the content from after the comma to the sentence's end,
// without its final punctuation unless a quotation closes there.
func accordingTo(c *context, o int) (cue, src, content doc.Span, ok bool) {
	sa, comma, e, ok := accordingToks(c, o)
	if !ok {
		return
	}
	d := c.d
	return d.TokenSpan(sa, sa+2), d.TokenSpan(sa+2, comma), d.TokenSpan(comma+1, e), true
}

// accordingToks is accordingTo in tokens: the sentence's first token
// (the cue's), the comma after the source, and the end of the content.
func accordingToks(c *context, o int) (sa, comma, e int, ok bool) {
	sa, sb := c.sentRange(o)
	if sa+3 >= sb || c.toks[sa].lower != "according" || c.toks[sa+1].lower != "to" {
		return
	}
	comma = -1
	for k := sa + 2; k < sb && k <= sa+14; k++ {
		if c.toks[k].quote&(qOpen|qClose) != 0 {
			return
		}
		if c.toks[k].word == "," {
			comma = k
			break
		}
	}
	if comma < sa+3 || o <= comma {
		return
	}
	if c2 := accordingApposition(c, sa+2, comma, sb); c2 > 0 && o > c2 {
		comma = c2
	}
	e = sb
	if e-1 > comma && isPunctWord(c.toks[e-1].word) && c.toks[e-1].quote&qClose == 0 {
		e--
	}
	return sa, comma, e, e > comma+1
}

// accordingApposition returns the comma that closes an apposition
// between the comma after "According to SOURCE" (at comma) and the clause
// the sentence goes on with, where the apposition describes a name
// ("According to Min-jae Cho, an economist at Fennick Bank, the levy
// …": after a proper noun that names no organisation or place, a
// determiner or possessive and a person's noun) or is a proper name for
// the one a person's noun describes ("According to a senior official, Henrik
// Solberg, Oslo could …"), or is a participle and its preposition
// ("According to the paper, published in the Northern Journal of
// Ageing, the benefit …", "carried out by …"), and a clause with a verb of its own, neither
// a relative clause nor a verb, follows it; 0 where there is none. Tokens
// [a, comma) are the source.
func accordingApposition(c *context, a, comma, sb int) int {
	d := c.d
	c2 := -1
	// A verb right after the comma, with no subject, is a participle
	// the tagger may have read as a past tense ("carried out by").
	participle := comma+2 < sb && (d.Tokens[comma+1].POS == doc.TagVBN || d.Tokens[comma+1].POS == doc.TagVBD) && participlePrep(c, comma+2, sb)
	for k := comma + 1; k < sb && k <= comma+14; k++ {
		if c.toks[k].quote != 0 || d.Tokens[k].POS.IsFinite() && !(participle && k == comma+1) {
			return 0
		}
		if c.toks[k].word == "," {
			c2 = k
			break
		}
	}
	if c2 <= comma+1 || c2+1 >= sb {
		return 0
	}
	switch p := d.Tokens[c2+1].POS; {
	case p.IsVerb(), p == doc.TagMD, p == doc.TagWDT, p == doc.TagWP, p == doc.TagCC, c.toks[c2+1].punct():
		return 0
	}
	end := c2 + 1
	for end < sb && c.toks[end].word != "," {
		end++
	}
	if !finiteIn(c, c2+1, end) {
		return 0
	}
	lex, _ := lexicon.Default()
	if lex == nil {
		return 0
	}
	switch {
	case participle:
		// "the paper, published in the Northern Journal of Ageing,"
		return c2
	case d.Tokens[comma-1].POS == doc.TagNNP && c.toks[comma-1].mEnd != mOrg && c.toks[comma-1].mEnd != mPlace:
		// "Min-jae Cho, an economist at …,"
		p := d.Tokens[comma+1].POS
		if p != doc.TagDT && p != doc.TagPRPS && !(comma+2 < c2 && d.Tokens[comma+2].POS == doc.TagPOS) {
			return 0
		}
		for k := comma + 1; k < c2 && d.Tokens[k].POS != doc.TagIN; k++ {
			if d.Tokens[k].POS.IsNoun() && lex.PersonNoun(c.toks[k].lower) {
				return c2
			}
		}
	case c2-comma-1 <= 4 && lex.PersonNoun(c.toks[comma-1].lower):
		// "a senior official, Henrik Solberg,"
		for k := comma + 1; k < c2; k++ {
			if d.Tokens[k].POS != doc.TagNNP || !d.Tokens[k].Has(doc.Upper) {
				return 0
			}
		}
		return c2
	}
	return 0
}

// participlePrep reports whether a preposition opens the phrase at k,
// before end, after a particle or none ("carried out by").
func participlePrep(c *context, k, end int) bool {
	if k+1 < end && c.d.Tokens[k].POS == doc.TagRP {
		k++
	}
	return c.d.Tokens[k].POS == doc.TagIN
}

// isSpeechVerb reports a verb whose lemma is a speech cue.
func isSpeechVerb(c *context, i int) bool {
	return c.toks[i].cue&lexicon.Speech != 0 && c.d.Tokens[i].POS.IsVerb()
}

// invertedSpeechNoun reports whether token j, right after a quotation,
// is a verb of saying the tagger took for a noun ("“…,” comments Robin
// Biesbroek"): a speech cue's form in -s or -ed before a capitalised
// proper noun.
func invertedSpeechNoun(c *context, j, end int) bool {
	t := &c.toks[j]
	if t.cue&lexicon.Speech == 0 || !c.d.Tokens[j].POS.IsNoun() || j+1 >= end || t.word != t.lower {
		return false
	}
	if !strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ed") {
		return false
	}
	return c.d.Tokens[j+1].POS.IsProperNoun() && c.d.Tokens[j+1].Has(doc.Upper)
}

// speechAfter finds "SUBJECT VERB" or "VERB SUBJECT" starting at token j,
// after a closing quotation mark (a comma may come first).
func speechAfter(c *context, j int) (cue, src doc.Span) {
	d := c.d
	n := len(d.Tokens)
	j0 := j
	for j < n && c.toks[j].word == "," {
		j++
	}
	if j >= n || d.Tokens[j].Sent != d.Tokens[max(j-1, 0)].Sent && !d.Tokens[j].Has(doc.SentStart) {
		return
	}
	if j > 0 && d.Sentences[d.Tokens[j].Sent].Para != d.Sentences[d.Tokens[j-1].Sent].Para && !commaAt(c, j0) {
		// A quotation that ends its sentence ends its paragraph's
		// business: the next paragraph opens with its own statement. An
		// extractor's line break after "“…”," is no such end.
		return
	}
	_, sb := c.sentRange(j)
	if isDashWord(c.toks[j].word) {
		// The epigraph convention: "“…” — Sonya Herridge" ending its
		// paragraph.
		if e := nameEnd(c, j+1, sb); e > j+1 {
			_, pb := c.paraRange(j)
			rest := e
			for rest < pb && isPunctWord(c.toks[rest].word) {
				rest++
			}
			if rest == pb {
				return d.TokenSpan(j, j+1), d.TokenSpan(j+1, e)
			}
		}
		return
	}
	if isSpeechVerb(c, j) || invertedSpeechNoun(c, j, sb) {
		// "said Putin", not "said the towns had reached …", where the
		// verb's subject came before the quotation ("Ferro, calling the
		// meeting “long overdue,” said the towns …") and what follows
		// it is the clause it says.
		if e := particleTail(c, subjectEnd(c, j+1, sb), sb); e > j+1 && (e >= sb || !d.Tokens[e].POS.IsFinite() && d.Tokens[e].POS != doc.TagMD) {
			return d.TokenSpan(j, j+1), d.TokenSpan(j+1, e)
		}
		return
	}
	e := subjectEnd(c, j, sb)
	if e <= j && j+2 < sb && c.toks[j].lower == "the" && ageWord(c.toks[j+1].lower) {
		e = j + 2 // "“…,” the 29-year-old said with a smile"
	}
	if e <= j {
		return
	}
	if e+1 < sb && d.Tokens[e].POS == doc.TagPOS {
		e2 := subjectEnd(c, e+1, sb)
		if e2 <= e+1 {
			// "the board's chair, Ms Ruiz, said": a title before the
			// name in apposition to it.
			if e2 = nounPhrase(c, e+1, sb, 4); e2 >= sb || c.toks[e2].word != "," {
				e2 = e
			}
		}
		if e2 > e+1 {
			e = e2 // "the agency's Tomas Reyes"
		}
	}
	e = particleTail(c, e, sb) // "Pereira dos Santos"
	v := e
	if v < sb && d.Tokens[v].POS == doc.TagRB {
		v++ // "Trump later said"
	}
	if v < sb && isSpeechVerb(c, v) {
		return d.TokenSpan(v, v+1), d.TokenSpan(j, e)
	}
	if a := appositionEnd(c, e, sb); a > e {
		// "“…,” Steve Clarke, deputy administrator for science, said"
		return d.TokenSpan(a+1, a+2), d.TokenSpan(j, a+1) // PolNeAR's sources keep the closing comma
	}
	// "“…,” Pawar was quoted as saying."
	if v+3 < sb && auxLemma(c.toks[v].lemma) && d.Tokens[v+1].POS == doc.TagVBN && c.toks[v+2].lower == "as" && isSpeechVerb(c, v+3) {
		return d.TokenSpan(v, v+4), d.TokenSpan(j, e)
	}
	return
}

// ageWord reports whether lower-case word w is an age standing for a
// person: "29-year-old", "nine-year-old".
func ageWord(w string) bool {
	years, ok := strings.CutSuffix(w, "-year-old")
	return ok && years != "" && !strings.Contains(years, " ")
}

// appositionEnd returns the comma that closes an apposition opening with
// the comma at token e and that a verb of saying follows ("Steve Clarke,
// deputy administrator for science, said"; "Ana Ruiz, a geologist at the
// survey in Menlo Park, California, said"): up to thirty words before
// token end with no finite verb, relative pronoun or quotation mark among
// them, and no pronoun first. It returns e when there is none.
func appositionEnd(c *context, e, end int) int {
	if e+2 >= end || c.toks[e].word != "," || c.d.Tokens[e+1].POS == doc.TagPRP || c.toks[e+1].word == "," {
		return e
	}
	for k := e + 2; k+1 < end && k <= e+31; k++ {
		switch p := c.d.Tokens[k].POS; {
		case c.toks[k].word == "," && isSpeechVerb(c, k+1):
			return k
		case p == doc.TagVBD || p == doc.TagVBZ || p == doc.TagVBP || p == doc.TagMD || p == doc.TagWP || p == doc.TagWDT ||
			p == doc.TagOpenQ || p == doc.TagCloseQ:
			return e
		}
	}
	return e
}

// commaAt reports whether a comma stands at token j or right before the
// closing quotation mark before it ("…,” said", "…”, said").
func commaAt(c *context, j int) bool {
	if j < len(c.toks) && c.toks[j].word == "," {
		return true
	}
	return j >= 2 && c.toks[j-2].word == ","
}

// speechBefore finds "SUBJECT VERB:" or "SUBJECT VERB," ending just
// before the opening quotation mark at token o.
func speechBefore(c *context, o int) (cue, src doc.Span) {
	d := c.d
	if o < 3 || c.toks[o-1].word != ":" && c.toks[o-1].word != "," {
		return
	}
	if c.toks[o-1].word == ":" {
		// A colon closes the cue it ends, as PolNeAR marks it ("said:");
		// a comma does not.
		defer func() {
			if !cue.IsZero() && cue.End == d.Tokens[o-2].End {
				cue.End = d.Tokens[o-1].End
			}
		}()
	}
	v := o - 2
	if d.Tokens[v].POS == doc.TagRB && v > 0 {
		v-- // "said firmly:"
	}
	if !isSpeechVerb(c, v) {
		// "… asked Zelenskyy, “…”", "… to tell the U.S. leader, “…”": a
		// verb of saying and the one addressed; "… in a post reading:
		// “…”": a document's words. The verb's subject speaks, or for an
		// infinitive or a document the subject of the sentence's clause.
		if a := objectStart(c, v); a > 1 && isSpeechVerb(c, a-1) {
			if c.toks[a-2].lower == "to" {
				if s := mainSubject(c, a-2); !s.none() {
					return d.TokenSpan(a-1, o-1), d.TokenSpan(s.a, s.b)
				}
			} else if sa, _ := c.sentRange(a - 1); d.Tokens[a-1].POS == doc.TagVBG && sa > 0 && openersOnly(c, sa, a-1) {
				// "Then, addressing reporters: “…”": a participle
				// opening its sentence speaks for the subject of the
				// sentence before, or carries on from the statement
				// before (no source: the caller links it).
				if s := mainSubject(c, sa-1); !s.none() {
					return d.TokenSpan(a-1, o-1), d.TokenSpan(s.a, s.b)
				}
				return d.TokenSpan(a-1, o-1), doc.Span{}
			} else {
				// "Glenn had asked Zelenskyy, “…”": the verb's own subject,
				// before its auxiliaries.
				sa, _ := c.sentRange(a - 1)
				e := a - 1
				for e-1 > sa && (auxLemma(c.toks[e-1].lemma) && d.Tokens[e-1].POS.IsVerb() || isAdverb(d.Tokens[e-1].POS)) {
					e--
				}
				if s := subjectEnding(c, sa, e); !s.none() && s.b == e {
					return d.TokenSpan(e, o-1), d.TokenSpan(s.a, s.b)
				}
			}
		}
		if c.toks[v].lower == "reading" && v > 0 && (c.toks[v-1].noun || lexicon.DocumentNoun(c.toks[v-1].lower)) {
			if s := mainSubject(c, v-1); !s.none() {
				return d.TokenSpan(v-1, o-1), d.TokenSpan(s.a, s.b)
			}
		}
		if c.toks[o-1].word == ":" {
			if cue, src = adjectiveBefore(c, o); !cue.IsZero() {
				return cue, src
			}
			if cue, src = nounBefore(c, o); !cue.IsZero() {
				return cue, src
			}
			return objectBefore(c, o)
		}
		return
	}
	sa, _ := c.sentRange(v)
	// The subject ends right before the verb.
	for a := v - 1; a >= sa && a >= v-6; a-- {
		if subjectEnd(c, a, v) == v {
			return d.TokenSpan(v, o-1), d.TokenSpan(a, v)
		}
	}
	// "this is what he had to say:", "Reyes had this to say:": the
	// subject of "had" speaks.
	if v-2 > sa && c.toks[v-1].lower == "to" && d.Tokens[v].POS == doc.TagVB {
		j := v - 2
		if c.toks[j].lower == "this" && j-1 > sa {
			j--
		}
		if c.toks[j].lemma == "have" {
			if s := subjectEnding(c, sa, j); !s.none() {
				return d.TokenSpan(j, o-1), d.TokenSpan(s.a, s.b)
			}
		}
	}
	// "Pawar was quoted as saying:": the subject of the passive verb
	// before "as" speaks.
	if d.Tokens[v].POS == doc.TagVBG && v-2 > sa && c.toks[v-1].lower == "as" && d.Tokens[v-2].POS == doc.TagVBN {
		j := v - 3
		for j > sa && (isAdverb(d.Tokens[j].POS) || auxLemma(c.toks[j].lemma) && d.Tokens[j].POS.IsVerb()) {
			j--
		}
		if j < v-3 {
			if s := subjectEnding(c, sa, j+1); !s.none() {
				return d.TokenSpan(j+1, o-1), d.TokenSpan(s.a, s.b)
			}
		}
		return
	}
	// A verb coordinated with an earlier one, or after an apposition,
	// has its subject further back ("Winehouse blew him kisses and
	// whispered, “…”").
	if s := verbSubject(c, sa, v); !s.none() {
		return d.TokenSpan(v, o-1), d.TokenSpan(s.a, s.b)
	}
	return
}

// objectStart returns the first token of the mention of a person,
// organisation or group, or the personal pronoun, that ends at token e;
// -1 when none does.
func objectStart(c *context, e int) int {
	if c.d.Tokens[e].POS == doc.TagPRP {
		return e
	}
	if k := c.toks[e].mEnd; k == mNone || k == mPlace {
		return -1
	}
	for a := e; a >= 0 && a >= e-6; a-- {
		if c.toks[a].mStart != mNone && int(c.toks[a].mSpanEnd) == e+1 {
			return a
		}
	}
	return -1
}

// mainSubject returns the subject of the main clause of the sentence
// that token e is in, when it stands before e: a person's, organisation's
// or group's mention, or a subject pronoun, opening the sentence (or
// right after an opening phrase closed by a comma) and followed by a
// finite verb, not inside a quotation.
func mainSubject(c *context, e int) span {
	d := c.d
	sa, _ := c.sentRange(e)
	starts := []int{sa}
	for k := sa; k < e; k++ {
		if c.toks[k].word == "," {
			starts = append(starts, k+1)
			break
		}
	}
	for _, a := range starts {
		b := subjectEnd(c, a, e)
		if b <= a || b >= e || c.toks[a].quote != 0 {
			continue
		}
		if d.Tokens[a].POS == doc.TagPRP && !subjectPronoun(c.toks[a].lower) {
			continue
		}
		v := b
		if isDashWord(c.toks[v].word) {
			// A parenthesis between dashes: "The singer - her hair
			// bedraggled - came …".
			for v++; v < e && !isDashWord(c.toks[v].word); v++ {
			}
			v++
		}
		for v < e && (isAdverb(d.Tokens[v].POS) || d.Tokens[v].POS == doc.TagMD) {
			v++
		}
		if v >= e {
			continue
		}
		if p := d.Tokens[v].POS; p == doc.TagVBD || p == doc.TagVBZ || p == doc.TagVBP {
			return span{a: a, b: b, side: sideLeft}
		}
	}
	return span{}
}

// adjectiveBefore finds "SUBJECT be ADJECTIVE:" ending just before the
// opening quotation mark at token o ("Trump was blunt:", "the minister
// was more cautious:"): the manner of what the subject says next.
func adjectiveBefore(c *context, o int) (cue, src doc.Span) {
	d := c.d
	j := o - 2
	if j < 2 || !d.Tokens[j].POS.IsAdjective() {
		return
	}
	j--
	for j > 0 && isAdverb(d.Tokens[j].POS) {
		j-- // "more", "very"
	}
	if c.toks[j].lemma != "be" || !d.Tokens[j].POS.IsVerb() {
		return
	}
	sa, _ := c.sentRange(j)
	if n, poss := possessedNoun(c, sa, j); n >= 0 {
		// "Her reply to the council was blunt:": the reply is the cue,
		// and its possessor the one who replied.
		return d.TokenSpan(n, n+1), d.TokenSpan(poss.a, poss.b)
	}
	if s := subjectEnding(c, sa, j); !s.none() {
		return d.TokenSpan(j, o-1), d.TokenSpan(s.a, s.b)
	}
	return
}

// possessedBefore finds a possessed attribution noun right before the
// opening quotation mark at token o, with whom it was addressed to if
// any ("his curt reply to Reyes “Not this week”", "the union's demand
// “Safe shifts now”"): the noun is the cue and the possessor the source.
func possessedBefore(c *context, o int) (cue, src doc.Span) {
	d := c.d
	if o < 2 {
		return
	}
	sa, _ := c.sentRange(o - 1)
	k := o - 1
	if d.Tokens[k].POS.IsProperNoun() {
		j := k
		for j > sa && d.Tokens[j].POS.IsProperNoun() {
			j--
		}
		if c.toks[j].lower != "to" {
			return
		}
		k = j - 1 // "to Trump"
	}
	if k <= sa || !c.toks[k].noun || !d.Tokens[k].POS.IsNoun() || c.toks[k].quote != 0 {
		return
	}
	n := k
	k--
	for k > sa && k >= n-3 && (d.Tokens[k].POS.IsAdjective() || d.Tokens[k].POS == doc.TagCD || d.Tokens[k].POS == doc.TagNN) {
		k-- // "his first greeting", "his curt reply", "the union's campaign slogan"
	}
	switch {
	case d.Tokens[k].POS == doc.TagPRPS:
		return d.TokenSpan(n, n+1), d.TokenSpan(k, k+1)
	case d.Tokens[k].POS == doc.TagPOS && k > sa:
		if m := c.toks[k-1].mEnd; m != mNone && m != mPlace {
			for a := k - 1; a >= sa; a-- {
				if c.toks[a].mStart != mNone && int(c.toks[a].mSpanEnd) == k {
					return d.TokenSpan(n, n+1), d.TokenSpan(a, k+1)
				}
			}
		}
	}
	return
}

// possessedNoun finds a subject that opens the sentence at token sa and
// ends before token e as a possessive ("Her", "The minister's", "Ana
// Ruiz's") and an attribution noun, with a prepositional phrase after it
// if any ("Her reply to the council"). It returns the noun and the
// possessor, or -1.
func possessedNoun(c *context, sa, e int) (int, span) {
	d := c.d
	if sa < e && (c.toks[sa].lower == "but" || c.toks[sa].lower == "and") {
		sa++ // "But her reply was blunt:"
	}
	var poss span
	switch {
	case sa < e && d.Tokens[sa].POS == doc.TagPRPS:
		poss = span{a: sa, b: sa + 1, side: sideLeft}
	default:
		for k := sa + 1; k < e && k <= sa+5; k++ {
			if d.Tokens[k].POS == doc.TagPOS {
				poss = span{a: sa, b: k + 1, side: sideLeft} // "The minister's", as PolNeAR marks it
				break
			}
		}
	}
	if poss.none() {
		return -1, span{}
	}
	n := poss.b
	for n < e && d.Tokens[n].POS.IsAdjective() {
		n++ // "Her first reply"
	}
	if n >= e || !c.toks[n].noun || !d.Tokens[n].POS.IsNoun() {
		return -1, span{}
	}
	if n+1 < e && d.Tokens[n+1].POS != doc.TagIN && d.Tokens[n+1].POS != doc.TagTO {
		return -1, span{}
	}
	for k := n + 1; k < e; k++ {
		if p := d.Tokens[k].POS; p.IsVerb() || c.toks[k].word == "," || c.toks[k].quote != 0 {
			return -1, span{}
		}
	}
	return n, poss
}

// nounBefore finds "SUBJECT VERB … NOUN …:" ending just before the
// opening quotation mark at token o, where NOUN is an attribution noun
// the verb takes ("made the announcement in Latin:", "issued a
// statement:"): the cue runs from the verb to the noun, and the source is
// the verb's subject (an apposition's closing comma may stand between).
func nounBefore(c *context, o int) (cue, src doc.Span) {
	d := c.d
	sa, _ := c.sentRange(o - 1)
	n := -1
	for k := o - 2; k >= sa && k >= o-8; k-- {
		if clauseBreak(c, k) || c.toks[k].quote&(qOpen|qClose) != 0 {
			return
		}
		if c.toks[k].noun && d.Tokens[k].POS.IsNoun() {
			n = k
			break
		}
	}
	for v := n - 1; n >= 0 && v >= sa && v >= n-4; v-- {
		if clauseBreak(c, v) {
			return
		}
		if !d.Tokens[v].POS.IsVerb() || auxLemma(c.toks[v].lemma) && d.Tokens[v+1].POS.IsVerb() {
			continue
		}
		e := v
		if e-1 > sa && c.toks[e-1].word == "," {
			e--
		}
		for a := e - 1; a >= sa && a >= e-6; a-- {
			if subjectEnd(c, a, e) == e {
				return d.TokenSpan(v, n+1), d.TokenSpan(a, e)
			}
		}
		return
	}
	return
}

// isDashWord reports whether w, a token's normalised word (normWord makes
// "—" and "–" "--"), is a dash.
func isDashWord(w string) bool { return w == "--" || w == "-" || w == "―" }

// lastBefore returns the statement of sts whose content ends last before
// offset at, in the same paragraph or the one before, or -1.
func lastBefore(d *doc.Document, sts []doc.Statement, at int) int {
	para := d.Sentences[d.SentenceAt(at)].Para
	best, end := -1, -1
	for i, st := range sts {
		e := st.Content[len(st.Content)-1].End
		if e > at || e <= end || st.Parent >= 0 {
			continue
		}
		if p := d.Sentences[d.SentenceAt(st.Content[0].Start)].Para; p == para || p == para-1 {
			best, end = i, e
		}
	}
	return best
}

// openersOnly reports whether tokens [a, b) are only adverbs, commas and
// conjunctions: what may open a sentence before its verb ("Then, ").
func openersOnly(c *context, a, b int) bool {
	for k := a; k < b; k++ {
		if p := c.d.Tokens[k].POS; !isAdverb(p) && p != doc.TagCC && c.toks[k].word != "," {
			return false
		}
	}
	return true
}

// objectBefore finds "SUBJECT VERB OBJECT …:" ending just before the
// opening quotation mark at token o, where VERB is a finite verb of saying
// and only its object and prepositional phrases, no other verb or comma,
// stand between it and the colon ("Gvaladze addressed the trawler crews
// in Georgian: “…”"): the verb's subject speaks (verbSubject, or the
// subject opening the sentence before a phrase set off by commas).
func objectBefore(c *context, o int) (cue, src doc.Span) {
	d := c.d
	sa, _ := c.sentRange(o - 1)
	for v := o - 3; v >= sa && v >= o-10; v-- {
		p := d.Tokens[v].POS
		if p.IsVerb() {
			if p != doc.TagVBD && p != doc.TagVBZ && p != doc.TagVBP || !isSpeechVerb(c, v) || c.toks[v].quote != 0 {
				return
			}
			if s := verbSubject(c, sa, v); !s.none() {
				return d.TokenSpan(v, v+1), d.TokenSpan(s.a, s.b)
			}
			// The subject opens the sentence and a phrase between commas
			// parts it from the verb ("Gvaladze, in a short speech,
			// addressed …").
			if v == 0 || c.toks[v-1].word != "," {
				return
			}
			for k := sa + 1; k < v-1; k++ {
				if c.toks[k].word != "," {
					continue
				}
				if a := objectStart(c, k-1); a >= sa && a <= sa+2 {
					return d.TokenSpan(v, v+1), d.TokenSpan(a, k)
				}
				break
			}
			return
		}
		if c.toks[v].word == "," || p == doc.TagMD || d.Tokens[v].Kind == doc.Punct {
			return
		}
	}
	return
}

// nameEnd returns the end of a person's or organisation's name starting at
// token i (a mention, or a run of capitalised proper nouns); i when none.
func nameEnd(c *context, i, end int) int {
	if e := subjectEnd(c, i, end); e > i && c.d.Tokens[i].POS != doc.TagPRP {
		return e
	}
	j := i
	for j < end && c.d.Tokens[j].POS.IsProperNoun() {
		j++
	}
	return j
}

// subjectEnd returns the end of a subject starting at token i: a mention
// of a person, organisation or group, or a personal pronoun; i when none.
func subjectEnd(c *context, i, end int) int {
	if i >= end {
		return i
	}
	t := &c.toks[i]
	if t.mStart != mNone && t.mStart != mPlace && int(t.mSpanEnd) <= end {
		return int(t.mSpanEnd)
	}
	if c.d.Tokens[i].POS == doc.TagPRP {
		return i + 1
	}
	return i
}

// orphanQuotes makes statements of the quotations that no statement holds
// but that plainly carry on from a speaker: a quotation of at least three
// words opening its paragraph or sentence, after a statement that ends
// earlier in the same paragraph or in the one before. Its speaker is that
// statement's. Shorter quotations (titles, scare quotes) are left alone.
// longQuote is the number of words from which a quotation is taken for
// reported speech wherever it stands; shorter ones may be titles or scare
// quotes.
const longQuote = 7

func orphanQuotes(c *context, sts []doc.Statement) []doc.Statement {
	d := c.d
	var out []doc.Statement
	for _, q := range d.Quotes {
		if q.Depth != 0 || q.Prev >= 0 {
			continue
		}
		outer := q.Outer()
		held := false
		for _, s := range sts {
			for _, f := range s.Content {
				if f.Overlaps(outer) {
					held = true
				}
			}
		}
		words := wordCount(d.Text[q.Inner.Start:q.Inner.End])
		if held || words < 3 {
			continue
		}
		k := d.TokenAt(q.Open.Start)
		long := words >= longQuote
		if k >= len(d.Tokens) || !d.Tokens[k].Has(doc.SentStart) && !long {
			continue
		}
		para := d.Sentences[d.Tokens[k].Sent].Para
		// The statement it carries on from may be an earlier orphan,
		// numbered after sts ("“…,” she said. ¶ “…” ¶ “…”").
		prev, prevStart := -1, -1
		for j := range len(sts) + len(out) {
			s := orphanOrStatement(sts, out, j)
			if s.Parent >= 0 || s.Content[0].Start >= outer.Start {
				continue
			}
			// Where it ends counts: a quotation over paragraphs, closed
			// by its attribution, carries on into the next one.
			last := s.Content[0]
			for _, f := range s.Content[1:] {
				if f.End <= outer.Start {
					last = f
				}
			}
			sp := d.Sentences[d.SentenceAt(last.End-1)].Para
			if (sp == para || sp == para-1 && d.Tokens[k].Has(doc.ParaStart)) && (prev < 0 || s.Content[0].Start > prevStart) {
				prev, prevStart = j, s.Content[0].Start
			}
		}
		if prev < 0 && !long {
			continue
		}
		if e := d.TokenAt(q.Close.End); q.Next < 0 && !q.Close.IsZero() && e < len(d.Tokens) && c.toks[e].word == "," {
			continue // "“…”, the first words of …": the words after it say whose it is (wordsAfter)
		}
		st := quoteStatement(d, q, 0.5)
		st.Continues = prev
		out = append(out, st)
	}
	return out
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isLetterRune(r) || r >= '0' && r <= '9'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// sortStatements orders statements by content start (stably), in place,
// keeping the parent and continuation links right.
func sortStatements(sts []doc.Statement) []doc.Statement {
	idx := make([]int, len(sts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return sts[idx[a]].Content[0].Start < sts[idx[b]].Content[0].Start })
	pos := make([]int, len(sts))
	for n, i := range idx {
		pos[i] = n
	}
	for i := range sts {
		if sts[i].Parent >= 0 {
			sts[i].Parent = pos[sts[i].Parent]
		}
		if sts[i].Continues >= 0 {
			sts[i].Continues = pos[sts[i].Continues]
		}
	}
	// Move the statements into place, in sts itself: the one at i
	// belongs at pos[i].
	for i := range sts {
		for pos[i] != i {
			j := pos[i]
			sts[i], sts[j] = sts[j], sts[i]
			pos[i], pos[j] = pos[j], pos[i]
		}
	}
	return sts
}

func confidence(margin float32) float64 {
	return 1 / (1 + math.Exp(-float64(margin)/4))
}

// extendToQuotes extends a content that follows its cue over quotations
// later in the same sentence that no statement holds, as long as no other
// attribution intervenes: "described Ukraine … as Russia’s “brotherly
// nation”" is one statement, and its quoted words are its own.
func extendToQuotes(c *context, st *doc.Statement, cands []candidate, self int, claimed []bool) {
	d := c.d
	k := cands[self]
	if k.content.side != sideRight || k.parent >= 0 {
		return
	}
	_, sb := c.sentRange(k.cue.a)
	limit := sb
	for j, o := range cands {
		if j == self {
			continue
		}
		for _, t := range []int{o.cue.a, o.source.a} {
			if t >= k.content.b && t < limit && !(o.source.none() && t == o.source.a) {
				limit = t
			}
		}
	}
	// Nor across a word the cue tagger took for a cue: another
	// attribution may begin there even if it was not kept.
	for t := k.content.b; t < limit && c.cueMargin != nil; t++ {
		if c.cueMargin[t] > 0 {
			limit = t
		}
	}
	// Nor past a comma that opens another's words: "…, with the mayor
	// calling it “useful”" (withSpeaker).
	for t := k.content.b; t < limit; t++ {
		if withSpeakerAt(c, t, limit) {
			limit = t
		}
	}
	end := -1
	for qi, q := range d.Quotes {
		if claimed[qi] || q.Depth != 0 {
			continue
		}
		qa := d.TokenAt(q.Open.Start)
		if qa < k.content.b || qa >= limit {
			continue
		}
		qb := d.TokenAt(q.Outer().End - 1)
		if qb >= limit {
			continue
		}
		end = qb + 1
		claimed[qi] = true
	}
	if end > k.content.b {
		st.Content[0] = d.TokenSpan(k.content.a, end)
	}
}

// wholeQuotes repairs a content that cuts an outermost quotation in two
// at one end while holding its other mark: a content never holds half a
// quotation ("We will state it,”" grows back to "“We know … state it,”",
// and "the deal “opens the port to ships" on to the closing mark, or to
// the paragraph's end where the quotation runs on to the next).
func wholeQuotes(d *doc.Document, st *doc.Statement) {
	s := &st.Content[0]
	for _, q := range d.Quotes {
		if q.Depth != 0 {
			continue
		}
		o := q.Outer()
		if q.Close.IsZero() {
			// The first piece of a quotation that runs over paragraphs
			// (said: “… — no closing mark before the paragraph ends):
			// a content that holds its opening mark takes the whole
			// piece, and continueQuotes follows the rest.
			if q.Next >= 0 && q.Prev < 0 && s.Start <= o.Start && s.End > q.Open.End && s.End < o.End {
				s.End = o.End
			}
			continue
		}
		switch {
		case s.Start > o.Start && s.Start < q.Close.Start && s.End >= q.Close.End && s.End <= q.Close.End+2:
			s.Start = o.Start // holds the closing mark, not the opening one
		case s.Start <= o.Start && s.End > q.Open.End && s.End < q.Close.Start:
			s.End = q.Close.End // holds the opening mark, not the closing one
		}
	}
}

// markClaimed marks the quotes that overlap any of spans.
func markClaimed(d *doc.Document, spans []doc.Span, claimed []bool) {
	for qi, q := range d.Quotes {
		for _, s := range spans {
			if q.Outer().Overlaps(s) {
				claimed[qi] = true
			}
		}
	}
}

// continueQuotes extends a statement whose content is a quotation with the
// quotations that carry on after it without an attribution of their own:
// the next quotation after the cue and source ("…," he said. "…"), and the
// pieces of a quotation that runs over paragraphs.
func continueQuotes(c *context, st *doc.Statement, k candidate, claimed []bool) {
	d := c.d
	first := st.Content[0]
	qi := quoteEndingAt(d, first)
	if qi < 0 {
		return
	}
	if o := d.Quotes[qi].Outer(); o.End > first.End {
		// The quotation left open takes in the full stop before the
		// paragraph's end, as a closed one takes in its closing mark.
		st.Content[0].End = first.End + len(strings.TrimRight(d.Text[first.End:o.End], " \t\n"))
	}
	// A quotation running over paragraphs: follow it forward, and back
	// to where it began.
	tail := qi
	for d.Quotes[tail].Next >= 0 && !claimed[d.Quotes[tail].Next] {
		tail = d.Quotes[tail].Next
		claimed[tail] = true
		st.Content = append(st.Content, d.Quotes[tail].Outer())
	}
	for h := d.Quotes[quoteStartingAt(d, first, qi)].Prev; h >= 0 && !claimed[h]; h = d.Quotes[h].Prev {
		claimed[h] = true
		st.Content = append(st.Content, d.Quotes[h].Outer())
	}
	joinInterrupted(c, st, k, claimed)
}

// joinInterrupted adds the other half of a content that its attribution
// interrupts: "“A,” she said, “B.”" (the quotation on the far side of
// the attribution clause), and "A, she said, B" (the words before a
// parenthetical attribution, when the content follows it).
func joinInterrupted(c *context, st *doc.Statement, k candidate, claimed []bool) {
	d := c.d
	// The attribution clause: the cue, with its source when adjacent.
	ca, cb := k.cue.a, k.cue.b
	if !k.source.none() && k.source.b >= ca-3 && k.source.a <= cb+3 {
		ca, cb = min(ca, k.source.a), max(cb, k.source.b)
	}
	pa, pb := c.paraRange(k.cue.a)
	if k.content.side == sideLeft {
		j := cb
		for j < pb && c.toks[j].quote&qOpen == 0 && isPunctWord(c.toks[j].word) {
			j++
		}
		if j < pb && c.toks[j].quote&qOpen == 0 {
			if r := resumedQuote(c, cb, pb); r >= 0 {
				// "“…,” she told reporters outside the hall, “but …”":
				// the attribution runs on to its comma.
				j = r
			} else {
				// "“…,” she said after the meeting. “…”": the quotation
				// that opens the next sentence.
				_, se := c.sentRange(k.cue.a)
				j = se
			}
		}
		if j >= pb || c.toks[j].quote&qOpen == 0 {
			return
		}
		for n, q := range d.Quotes {
			if q.Open.Start == d.Tokens[j].Start && q.Depth == 0 && !claimed[n] {
				claimed[n] = true
				st.Content = append(st.Content, q.Outer())
				for m := q.Next; m >= 0 && !claimed[m]; m = d.Quotes[m].Next {
					claimed[m] = true
					st.Content = append(st.Content, d.Quotes[m].Outer())
				}
				return
			}
		}
		return
	}
	if k.content.side != sideRight || k.content.a < cb {
		return
	}
	// The content follows the clause. A quotation closing just before
	// it continues into the content.
	j := ca - 1
	for j >= pa && c.toks[j].quote&qClose == 0 && isPunctWord(c.toks[j].word) {
		j--
	}
	if j >= pa && c.toks[j].quote&qClose != 0 {
		for n, q := range d.Quotes {
			if q.Close.Start == d.Tokens[j].Start && q.Depth == 0 && !claimed[n] {
				claimed[n] = true
				st.Content = append(st.Content, q.Outer())
				return
			}
		}
		return
	}
	// A parenthetical attribution: ", she said," between the two parts
	// of one sentence, with the content right after it. Its source
	// stands inside the commas: "He hinted that …, saying, “…”" is the
	// subject's second verb, and what it hinted is not what it says.
	sa, _ := c.sentRange(k.cue.a)
	if k.source.none() || k.source.a < ca || quotedSentence(c, k.content.a) || ca-1 <= sa || c.toks[ca-1].word != "," || cb >= len(c.toks) || c.toks[cb].word != "," || k.content.a != cb+1 {
		return
	}
	start := sa
	for i := sa; i < ca-1; i++ {
		if c.toks[i].quote&(qOpen|qClose) != 0 {
			return // leave quotations to the rules above
		}
	}
	part := d.TokenSpan(start, ca-1)
	for _, s := range st.Content {
		if s.Overlaps(part) {
			return
		}
	}
	st.Content = append(st.Content, part)
}

// resumedQuote returns the token opening the quotation that resumes,
// in lower case, a quotation its attribution interrupts after words that
// still belong to the attribution: from i, the end of the cue and source,
// to a comma in the same sentence, words with no verb, conjunction or
// wh-word among them (an addressee, a phrase of place or time, an
// adverb: "“…,” she told reporters outside the hall on Monday, “but …”").
// A clause of its own in between ("she said as Ruiz left", "and Ruiz
// replied") leaves the quotation to other rules. It returns -1 when
// there is none before end.
func resumedQuote(c *context, i, end int) int {
	d := c.d
	_, se := c.sentRange(i - 1)
	end = min(end, se)
	j := i
	for ; j < end && c.toks[j].word != ","; j++ {
		if c.toks[j].quote != 0 || c.toks[j].punct() {
			return -1
		}
		switch p := d.Tokens[j].POS; {
		case p.IsVerb(), p == doc.TagMD, p == doc.TagCC, p == doc.TagWDT, p == doc.TagWP, p == doc.TagWPS, p == doc.TagWRB:
			return -1
		}
	}
	j++ // the comma
	if j == i+1 || j+1 >= end || c.toks[j].quote&qOpen == 0 {
		return -1
	}
	if w := d.Tokens[j+1]; w.Kind != doc.Word || w.Has(doc.Upper) {
		return -1
	}
	return j
}

// quoteEndingAt returns the index of the outermost quote whose outer span
// ends where s ends (allowing trailing punctuation in s, or, for a
// quotation left open, after it), or -1.
func quoteEndingAt(d *doc.Document, s doc.Span) int {
	best := -1
	for i, q := range d.Quotes {
		o := q.Outer()
		if o.Start < s.Start {
			continue
		}
		if o.End > s.End {
			// A quotation left open runs to its paragraph's end, over
			// the full stop the content leaves out.
			if !q.Close.IsZero() || o.Start >= s.End || strings.Trim(d.Text[s.End:o.End], " \t\n.,;:!?") != "" {
				continue
			}
		} else if rest := strings.TrimSpace(d.Text[o.End:s.End]); strings.Trim(rest, ".,;:!?") != "" {
			continue
		}
		if best < 0 || o.Start < d.Quotes[best].Outer().Start {
			best = i
		}
	}
	return best
}

// quoteStartingAt returns the quote that opens at the start of s, or fall.
func quoteStartingAt(d *doc.Document, s doc.Span, fall int) int {
	for i, q := range d.Quotes {
		if q.Open.Start == s.Start {
			return i
		}
	}
	return fall
}

// withTrailingPunct extends a quote's span over punctuation glued inside
// its sentence right after it (rare; the closing mark usually comes last).
func withTrailingPunct(c *context, s doc.Span) doc.Span { return s }

// quotesIn returns the verbatim quoted parts inside spans: the inner text
// of each outermost quote that lies within one of them and within none of
// the excluded contents (those of nested statements).
func quotesIn(d *doc.Document, spans []doc.Span, exclude [][]doc.Span) []doc.Span {
	var out []doc.Span
	for _, q := range d.Quotes {
		in := false
		for _, s := range spans {
			if s.Contains(q.Inner) {
				in = true
			}
		}
		for _, ex := range exclude {
			for _, s := range ex {
				if s.Contains(q.Inner) {
					in = false
				}
			}
		}
		if !in || q.Inner.IsZero() {
			continue
		}
		nested := false
		for _, p := range out {
			if p.Contains(q.Inner) {
				nested = true
			}
		}
		if !nested {
			out = append(out, q.Inner)
		}
	}
	return out
}

// kindOf classifies a content: direct when nothing but quotations and
// punctuation, mixed when it holds quoted words, else indirect.
func kindOf(d *doc.Document, content []doc.Span) doc.StatementKind {
	quoted, outside := false, false
	for _, s := range content {
		pos := s.Start
		for _, q := range d.Quotes {
			o := q.Outer()
			if q.Depth != 0 || !s.Contains(o) && !(o.Start >= s.Start && o.Start < s.End) {
				continue
			}
			if o.Start > pos && hasWord(d.Text[pos:o.Start]) {
				outside = true
			}
			quoted = true
			if o.End > pos {
				pos = o.End
			}
		}
		if pos < s.End && hasWord(d.Text[pos:s.End]) {
			outside = true
		}
	}
	switch {
	case quoted && !outside:
		return doc.Direct
	case quoted:
		return doc.Mixed
	}
	return doc.Indirect
}

func hasWord(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f && isLetterRune(r) {
			return true
		}
	}
	return false
}

// orphanOrStatement returns statement j of sts followed by out.
func orphanOrStatement(sts, out []doc.Statement, j int) *doc.Statement {
	if j < len(sts) {
		return &sts[j]
	}
	return &out[j-len(sts)]
}

// signedQuotes gives a statement with no cue whose quotation closes its
// paragraph, when the next paragraph is a dash and a name signing it
// ("“… pay zero taxes.” ¶ - Sanders." or "—Ana Ruiz, Westby"), the dash
// for cue and the name, up to a comma or the paragraph's end, for
// source, as PolNeAR marks such signatures; it carries on from no one.
func signedQuotes(c *context, sts []doc.Statement) {
	d := c.d
	for i := range sts {
		st := &sts[i]
		if !st.Cue.IsZero() || st.Parent >= 0 || len(st.Content) == 0 {
			continue
		}
		e := d.TokenAt(st.Content[len(st.Content)-1].End-1) + 1
		if e >= len(d.Tokens) || !d.Tokens[e].Has(doc.ParaStart) || c.toks[e].quote != 0 {
			continue
		}
		cue, a := signatureDash(c, e)
		if a < 0 {
			continue
		}
		para := d.Sentences[d.Tokens[a].Sent].Para
		b := a
		for b < len(d.Tokens) && d.Sentences[d.Tokens[b].Sent].Para == para && c.toks[b].word != "," && c.toks[b].word != "." {
			if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(c.toks[b].word, "-")); !unicode.IsUpper(r) || b-a >= 5 {
				b = -1
				break
			}
			b++
		}
		if b <= a {
			continue
		}
		src := doc.Span{Start: max(d.Tokens[a].Start, cue.End), End: d.Tokens[b-1].End}
		st.Cue, st.Source, st.Continues = cue, src, -1
	}
}

// signatureDash returns the dash that opens token e's paragraph before a
// name, as a span, and the token the name starts in; -1 when there is
// none. The dash may stand alone ("- Sanders") or cling to the name's
// first word ("-President Obama").
func signatureDash(c *context, e int) (doc.Span, int) {
	d := c.d
	t := d.Tokens[e]
	w := c.toks[e].word
	switch {
	case w == "-" || w == "—" || w == "–":
		if e+1 < len(d.Tokens) && d.Sentences[d.Tokens[e+1].Sent].Para == d.Sentences[t.Sent].Para {
			return doc.Span{Start: t.Start, End: t.End}, e + 1
		}
	case strings.HasPrefix(w, "-") && len(w) > 1 && unicode.IsUpper([]rune(w[1:])[0]):
		return doc.Span{Start: t.Start, End: t.Start + 1}, e
	}
	return doc.Span{}, -1
}

// bulletless returns source s without the bullet, dash or markup sign
// that opens it, and the spaces after it ("~ Lindsay Lohan", "-President
// Obama, tweeting …", ">Sanders aide"): a sign sets an item off, and
// PolNeAR starts no source with one. Other sources are as they were.
func bulletless(d *doc.Document, s doc.Span) doc.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(d.Text[s.Start:])
		if !strings.ContainsRune("-~•*>–—", r) && !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	if s.Start >= s.End {
		return doc.Span{}
	}
	return s
}
