package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// Clause-based templates of the pronoun ranker, after those of
// pronoun.go.
const (
	pClRel uint32 = iota + 400
	pClRelSubj
	pClBind
	pClKinds
	pClPrevSubj
	pClMainSubj
	pClEntSubj
	pClChain
	pClAfter
	pClOtherSubj
	_ // retired pairwise templates
	_
	_
	pDocSubj
	pFirstSubj
	pVerbWord
	pPronVerb
	pCross
	pPronNext // the word after the pronoun
	pFront    // frontedSubject
	pAppos    // namedInApposition
	pRelHead  // relativeHead
)

// candSummary is what the conjunction features read of each candidate
// of a pronoun.
type candSummary struct {
	total int  // the entity's name mentions in the text
	dist  int  // tokens between its mention and the pronoun
	role  byte // synRole of its mention
}

// firstSubjBit marks, in state.docSubj, an entity that is a subject in
// the text's first sentence.
const firstSubjBit = 1 << 30

// summarise fills st.sums for candidates cands of pronoun mention pi, and
// finds the clauses when they are not yet found.
func (st *state) summarise(pi int, cands []cand) {
	st.sums = st.sums[:0]
	if !st.clausesDone {
		st.chunkClauses()
	}
	st.front = st.frontedSubject(pi)
	st.relHead = st.relativeHead(pi)
	p := &st.ments[pi]
	for _, c := range cands {
		m := &st.ments[c.m]
		d := p.a - m.b
		if c.after {
			d = m.a - p.b
		}
		st.sums = append(st.sums, candSummary{total: st.total[c.e], dist: d, role: st.roleOf(c.m)})
	}
}

// clauseRelation says where candidate mention m stands relative to pronoun
// mention p: 'S' the same clause, 'O' the clause p's clause depends on,
// 'I' a clause depending on p's, 'N' another clause of the sentence, 'A'
// after the pronoun in its sentence, 'P' the previous sentence, 'F'
// further back.
func (st *state) clauseRelation(pi, mi int) byte {
	p, m := &st.ments[pi], &st.ments[mi]
	switch {
	case m.sent < p.sent-1:
		return 'F'
	case m.sent < p.sent:
		return 'P'
	}
	cp, cm := st.mentionClause(pi), st.mentionClause(mi)
	switch {
	case cp == cm:
		return 'S'
	case m.a > p.a:
		return 'A'
	case st.clauses[cp].outer == cm || st.clauses[cp].kind == clVP && st.clauseSubject(cp) == st.clauseSubject(cm):
		return 'O'
	case st.clauses[cm].outer == cp:
		return 'I'
	}
	return 'N'
}

// isSubject reports whether mention k is the subject of its clause.
func (st *state) isSubject(k int) bool {
	return st.clauses[st.mentionClause(k)].subj == int32(k)
}

// mainSubject returns the subject mention of sentence s's first clause, or
// -1.
func (st *state) mainSubject(s int) int32 {
	if s < 0 {
		return -1
	}
	if !st.clausesDone {
		st.chunkClauses()
	}
	return st.clauseSubject(st.clauseOf[st.d.Sentences[s].FirstTok])
}

// clauseFeatures gives f the clause-based features of candidate c of
// pronoun mention pi.
func (st *state) clauseFeatures(f *pronFeats, pi int, c *cand, ci int, cands []cand) {
	p := &st.ments[pi]
	prole := st.pronounRole(p)
	rel := st.clauseRelation(pi, c.m)
	subj := b2i(st.isSubject(c.m))
	cp := st.mentionClause(pi)
	cm := st.mentionClause(c.m)
	bind := 0 // the candidate is the subject of the pronoun's clause
	if s := st.clauseSubject(cp); s >= 0 && st.ments[s].Entity == c.e && int(s) != pi {
		bind = 1
	}
	// The subject of the previous sentence's first clause, and of this
	// sentence's.
	prevSubj, mainSubj := 0, 0
	if s := st.mainSubject(p.sent - 1); s >= 0 && st.ments[s].Entity == c.e {
		prevSubj = 1
	}
	if s := st.mainSubject(p.sent); s >= 0 && int(s) != pi && st.ments[s].Entity == c.e {
		mainSubj = 1
	}
	// How many of the entity's mentions before the pronoun, within two
	// sentences, are subjects.
	entSubj := 0
	for k := pi - 1; k >= 0 && p.sent-st.ments[k].sent <= 2; k-- {
		if st.ments[k].Entity == c.e && st.isSubject(k) {
			entSubj++
		}
	}
	// The nearest earlier pronoun of the same gender, and whether it was
	// resolved to the candidate.
	chain := 0
	for k := pi - 1; k >= 0 && p.sent-st.ments[k].sent <= 3; k-- {
		o := &st.ments[k]
		if o.Kind == doc.PronounMention && o.pron.gender == p.pron.gender {
			chain = 1
			if o.Entity == c.e {
				chain = 2 + b2i(o.sent == p.sent)
			} else if o.Entity >= 0 {
				chain = 4
			}
			chain = chain<<4 | int(st.pronounRole(o))&15
			break
		}
	}
	// Another candidate is the subject of the pronoun's clause.
	otherSubj := 0
	if s := st.clauseSubject(cp); s >= 0 && int(s) != pi && st.ments[s].Entity != c.e && hasCand(cands, st.ments[s].Entity) {
		otherSubj = 1
	}
	var docSubj int32 // entities made after the clauses were found have none
	if c.e < len(st.docSubj) {
		docSubj = st.docSubj[c.e]
	}
	verbW, pverbW := "", ""
	if v := st.clauses[cm].verb; v >= 0 {
		verbW = st.words[v]
	}
	if v := st.clauses[cp].verb; v >= 0 {
		pverbW = st.words[v]
	}
	role := int(st.roleOf(c.m))
	kinds := int(st.clauses[cp].kind)<<8 | int(st.clauses[cm].kind)
	front := 0
	if st.front >= 0 {
		front = 1 + b2i(st.ments[st.front].Entity != c.e)
	}
	appos := st.namedInApposition(pi, c.e)
	relHead := 0
	if st.relHead >= 0 {
		relHead = 1 + b2i(st.ments[st.relHead].Entity != c.e)
	}
	// Conjunctions of every two of a few small facts about the pair.
	me := &st.sums[ci]
	nearest := 1
	for j := range cands {
		if j != ci && st.sums[j].dist < me.dist && !cands[j].after {
			nearest = 0
		}
	}
	sd := min(p.sent-st.ments[c.m].sent, 3)
	if c.after {
		sd = 0
	}
	atoms := [numAtoms]int{
		int(prole), int(rel), subj, int(me.role), min(ci, 3), sd, chain >> 4, bucket(me.total, 1, 2, 4),
		bucket(me.dist, 3, 8, 20), prevSubj<<1 | mainSubj, bind, int(st.ments[c.m].Kind), nearest, b2i(c.after),
		st.prevClauseSubject(pi, c.e), st.quoteBits(p, &st.ments[c.m]), min(entSubj, 3),
		genderAtom(p, &st.ents[c.e]), front, appos,
	}
	f.crosses(&atoms)
	f.int(pClRel, int(rel)<<8|int(prole))
	f.int(pClRelSubj, int(rel)<<16|subj<<8|int(prole))
	f.int(pClBind, bind<<8|int(prole))
	f.int(pClKinds, kinds<<16|int(rel)<<8|int(prole))
	f.int(pClPrevSubj, prevSubj<<12|mainSubj<<8|int(prole))
	f.int(pClMainSubj, mainSubj<<12|int(rel)<<8|int(prole))
	f.int(pClEntSubj, min(entSubj, 3))
	f.int(pClChain, chain<<8|int(prole))
	f.int(pClAfter, bucket(st.namesAfter(c.e, pi), 0, 1, 2, 4))
	f.int(pClOtherSubj, otherSubj<<8|int(prole))
	f.int(pDocSubj, bucket(int(docSubj&^firstSubjBit), 0, 1, 2, 4)<<8|int(prole))
	f.int(pFirstSubj, b2i(docSubj&firstSubjBit != 0)<<8|int(prole))
	f.hash(linear.Pair(plower(pVerbWord, verbW), pint(pVerbWord, role<<8|subj)))
	f.hash(linear.Pair(plower(pPronVerb, pverbW), pint(pPronVerb, int(rel)<<8|int(prole))))
	if p.b < len(st.words) && st.d.Tokens[p.b].Sent == st.d.Tokens[p.a].Sent {
		f.hash(linear.Pair(plower(pPronNext, st.words[p.b]), pint(pPronNext, int(rel)<<8|subj)))
	}
	f.int(pFront, front<<8|int(prole))
	f.int(pAppos, appos<<8|int(prole))
	f.int(pRelHead, relHead<<8|int(prole))
}

// frontedSubject returns the name mention that follows, as the subject
// of the main clause, the first comma after pronoun mention pi in its
// sentence, past a title ("After her exit from the show, Singh returned
// to the stage"; "Of his signing, head coach Laura Harvey said"): the one
// a reader takes a pronoun in a fronted phrase for. -1 when there is none.
func (st *state) frontedSubject(pi int) int {
	p := &st.ments[pi]
	end := st.d.Sentences[p.sent].EndTok
	k := p.b
	for k < end && st.words[k] != "," {
		k++
	}
	if k >= end {
		return -1
	}
	for j := pi + 1; j < len(st.ments); j++ {
		m := &st.ments[j]
		if m.sent != p.sent || m.a > k+5 {
			return -1
		}
		if m.a <= k || m.Kind != doc.NameMention || m.Entity < 0 {
			continue
		}
		for t := k + 1; t < m.a; t++ {
			if !st.d.Tokens[t].Has(doc.Upper) && !st.pos[t].IsNoun() && !st.pos[t].IsAdjective() && st.pos[t] != doc.TagDT {
				return -1
			}
		}
		if st.verbAfter(m.b) < 0 && !st.verbTaggedNoun(m.b, end) {
			return -1
		}
		return j
	}
	return -1
}

// verbTaggedNoun reports whether token k, before end, is a plural noun
// ending in s before a preposition or a determiner, as a verb in the
// present the tagger took for a noun may be ("Roxanne confides in").
func (st *state) verbTaggedNoun(k, end int) bool {
	if k+1 >= end || st.pos[k] != doc.TagNNS || !strings.HasSuffix(st.words[k], "s") {
		return false
	}
	switch st.pos[k+1] {
	case doc.TagIN, doc.TagTO, doc.TagDT, doc.TagPRP, doc.TagPRPS:
		return true
	}
	return false
}

// namedInApposition says whether entity e is named in apposition to the
// noun phrase that possessive pronoun mention pi opens, a reading in
// which the pronoun is someone else: 1 for a name beside it ("his brother
// Johann", "her friends Ann Lee and Lily Argent", "Ann Lee as her
// mother", "Ann Lee, her sister,"), 2 for a mention of e that holds the
// pronoun ("his son Ivan Petrov"), 0 otherwise.
func (st *state) namedInApposition(pi, e int) int {
	p := &st.ments[pi]
	if p.pron.case_ != 'p' {
		return 0
	}
	end := st.d.Sentences[p.sent].EndTok
	// The noun phrase: modifiers and at least one common noun.
	k, noun := p.b, false
	for k < end && k < p.b+5 && possessed(st.pos[k]) && !st.pos[k].IsProperNoun() {
		noun = noun || st.pos[k] == doc.TagNN || st.pos[k] == doc.TagNNS
		k++
	}
	if !noun {
		return 0
	}
	after := k
	if after < end && st.words[after] == "," {
		after++
	}
	lo, hi := pi, pi+1
	for lo > 0 && st.ments[lo-1].sent == p.sent {
		lo--
	}
	for hi < len(st.ments) && st.ments[hi].sent == p.sent {
		hi++
	}
	for j := lo; j < hi; j++ {
		m := &st.ments[j]
		if m.Entity != e {
			continue
		}
		if j != pi && m.a <= p.a && p.b <= m.b {
			return 2 // the pronoun is inside the mention: "his son Ivan Petrov"
		}
		if m.Kind != doc.NameMention {
			continue
		}
		switch {
		case m.a == after:
			return 1
		case m.a == after+2 && st.words[after+1] == "and" && st.words[after] != ",":
			// "her friends Ann Lee and Lily Argent"
			for o := j - 1; o >= lo; o-- {
				if st.ments[o].a == after && st.ments[o].Kind == doc.NameMention {
					return 1
				}
			}
		case m.b == p.a-1 && (st.words[m.b] == "as" || st.words[m.b] == "("):
			return 1
		case m.b == p.a-1 && st.words[m.b] == "," && (k >= end || st.words[k] == "," || st.words[k] == ")" || st.pos[k] == doc.TagPeriod):
			return 1
		}
	}
	return 0
}

// prevClauseSubject says whether entity e is the subject of the nearest
// clause before pronoun mention pi's own (in its sentence or the one
// before) that has a subject mention before the pronoun, the one a reader
// has in focus: 0 no such clause, 1 e is its subject in the pronoun's
// sentence, 2 in the sentence before, 3 another is.
func (st *state) prevClauseSubject(pi, e int) int {
	p := &st.ments[pi]
	for ci := st.mentionClause(pi) - 1; ci >= 0; ci-- {
		sent := int(st.d.Tokens[st.clauses[ci].start].Sent)
		if sent < p.sent-1 {
			return 0
		}
		s := st.clauseSubject(ci)
		if s < 0 || int(s) >= pi || st.ments[s].Entity < 0 {
			continue
		}
		switch {
		case st.ments[s].Entity != e:
			return 3
		case sent == p.sent:
			return 1
		}
		return 2
	}
	return 0
}

// genderAtom says how entity x's gender bears on pronoun p: 0 unknown, 1
// p's by a first name, 2 p's by other evidence, 3 another.
func genderAtom(p *ment, x *ent) int {
	switch {
	case x.Gender == doc.Unknown:
		return 0
	case x.Gender != p.pron.gender:
		return 3
	case x.genderFrom == 'n':
		return 1
	}
	return 2
}

// relativeHead returns the mention a relative clause holding pronoun
// mention pi modifies: the mention right before the "who" or "whose" that
// opens the clause, or before a comma before it ("Ana Ruiz, who credits
// Lee with her start"); the pronoun is read as that person. -1 when the
// pronoun is in no such clause (a comma or semicolon between it and the
// relative word ends the search).
func (st *state) relativeHead(pi int) int {
	p := &st.ments[pi]
	first := st.d.Sentences[p.sent].FirstTok
	for k := p.a - 1; k > first; k-- {
		switch w := st.words[k]; {
		case w == "," || w == ";" || w == ":" || w == "(" || w == ")":
			return -1
		case strings.EqualFold(w, "who") || strings.EqualFold(w, "whose") || strings.EqualFold(w, "whom"):
			end := k
			if st.words[k-1] == "," {
				end = k - 1
			}
			for j := pi - 1; j >= 0 && st.ments[j].sent == p.sent; j-- {
				if m := &st.ments[j]; m.b == end && m.Entity >= 0 {
					return j
				}
			}
			return -1
		}
	}
	return -1
}
