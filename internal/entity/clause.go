package entity

import (
	"sort"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// clause is one clause of a sentence as a shallow chunker finds it from
// parts of speech: where it starts, its first finite verb, what kind of
// clause it is, and its subject.
type clause struct {
	start int   // first token
	verb  int   // first finite verb (or modal), -1 when none
	kind  byte  // clause kinds: see the constants below
	outer int32 // the clause this one interrupts or depends on, -1 for a sentence's first
	subj  int32 // mention index of the subject, -1 when the subject is no mention (or unknown)
}

// Clause kinds.
const (
	clMain  = 'm' // a sentence's first clause, or one after a semicolon or colon
	clSub   = 's' // introduced by a subordinator ("because", "when", "that")
	clRel   = 'r' // a relative clause ("who", "which")
	clVP    = 'v' // a verb phrase coordinated with the one before ("and tried"): it shares its subject
	clCoord = 'c' // a full clause coordinated with the one before ("and Bjorn left")
	clPart  = 'p' // a participial clause ("Having left ...", ", causing ...")
	clParen = '(' // inside parentheses or dashes
)

var relWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true}

var subWords = map[string]bool{
	"because": true, "although": true, "though": true, "while": true, "when": true, "whenever": true,
	"if": true, "since": true, "after": true, "before": true, "until": true, "unless": true,
	"whereas": true, "once": true, "as": true, "where": true, "so": true, "that": true,
}

// prepWords are the subordinators that are also prepositions ("after
// the war").
var prepWords = map[string]bool{"after": true, "before": true, "since": true, "until": true, "as": true, "once": true}

func isDash(w string) bool { return w == "--" || w == "—" || w == "–" }

// dashAhead reports whether another dash follows token k in its sentence
// (which ends at end): the two set a parenthesis apart.
func (st *state) dashAhead(k, end int) bool {
	for j := k + 1; j < end; j++ {
		if isDash(st.words[j]) {
			return true
		}
	}
	return false
}

// commaAfterVerb reports whether, after token k, a finite verb is followed
// by a comma in the sentence: "After the war ended, he ..." (a clause), not
// "After the war he ..." (a phrase).
func (st *state) commaAfterVerb(k, end int) bool {
	verb := false
	for j := k + 1; j < end; j++ {
		switch {
		case isFinite(st.pos[j]):
			verb = true
		case st.words[j] == ",":
			return verb
		}
	}
	return false
}

func isFinite(p doc.POS) bool {
	return p == doc.TagVBD || p == doc.TagVBZ || p == doc.TagVBP || p == doc.TagMD
}

// finiteAhead reports whether a finite verb follows token k in its
// sentence before a punctuation mark, within n tokens.
func (st *state) finiteAhead(k, n, end int) bool {
	for j := k + 1; j < end && j <= k+n; j++ {
		p := st.pos[j]
		if isFinite(p) {
			return true
		}
		if p == doc.TagComma || p == doc.TagColon || p == doc.TagPeriod || st.info[j].lex&lxRel != 0 {
			return false
		}
	}
	return false
}

// verbAhead reports whether token k+1 (after adverbs) is a verb.
func (st *state) verbAhead(k, end int) bool {
	j := k + 1
	for j < end && (st.pos[j] == doc.TagRB || st.pos[j] == doc.TagMD) {
		j++
	}
	return j < end && st.pos[j].IsVerb() && st.pos[j] != doc.TagVBG
}

// noteVerb makes token k the verb of clause cur when it is the clause's
// first finite verb (a participial clause has none).
func (st *state) noteVerb(cur int32, k int) {
	if c := &st.clauses[cur]; c.verb < 0 && isFinite(st.pos[k]) && c.kind != clPart {
		c.verb = k
	}
}

// chunkClauses splits every sentence into clauses (st.clauses) and maps
// each token to its clause (st.clauseOf), then finds each clause's
// subject among the mentions.
func (st *state) chunkClauses() {
	st.clausesDone = true
	st.clauses = st.clauses[:0]
	st.clauseOf = reuse.Zeroed(st.clauseOf, len(st.words))
	var stack []int32 // clauses interrupted by a relative or parenthetical one
	for _, s := range st.d.Sentences {
		a, b := s.FirstTok, s.EndTok
		stack = stack[:0]
		open := func(k int, kind byte, outer int32) int32 {
			st.clauses = append(st.clauses, clause{start: k, verb: -1, kind: kind, outer: outer, subj: -1})
			return int32(len(st.clauses) - 1)
		}
		cur := open(a, clMain, -1)
		for k := a; k < b; k++ {
			if k > a && st.info[k].lex&lxClauseMark == 0 {
				// No clause starts or ends at this word.
				st.clauseOf[k] = cur
				st.noteVerb(cur, k)
				continue
			}
			w, p := st.words[k], st.pos[k]
			// The first word is looked up in lower case.
			lw, lex, rel, sub, prep := w, st.info[k].lex, lxRel, lxSub, lxPrep
			if k == a {
				lw, rel, sub, prep = st.info[k].lower, lxRelL, lxSubL, lxPrepL
			}
			c := &st.clauses[cur]
			switch {
			case k == a:
				switch {
				case lex&sub != 0 && lw != "that" && lw != "so" && st.finiteAhead(k, 12, b) && (lex&prep == 0 || st.commaAfterVerb(k, b)):
					c.kind = clSub
				case p == doc.TagVBG || p == doc.TagVBN:
					c.kind = clPart
				}
			case w == ";" || w == ":":
				stack = stack[:0]
				cur = open(k+1, clMain, -1)
			case w == "(" || w == "[" || isDash(w) && st.clauses[cur].kind != clParen && st.dashAhead(k, b):
				stack = append(stack, cur)
				cur = open(k+1, clParen, cur)
			case (w == ")" || w == "]" || isDash(w)) && len(stack) > 0 && c.kind == clParen:
				cur = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				st.clauseOf[k] = cur
				continue
			case lex&rel != 0 || p == doc.TagWDT && lw == "that":
				if k > a && st.words[k-1] == "," {
					stack = append(stack, cur)
				}
				cur = open(k, clRel, cur)
			case (p == doc.TagIN || p == doc.TagWRB) && lex&sub != 0 && st.finiteAhead(k, 12, b):
				cur = open(k, clSub, cur)
			case p == doc.TagCC && (lw == "and" || lw == "but" || lw == "or" || lw == "yet") && st.byTok[k] < 0:
				// Not inside a name: "the Office for Coastal Safety and
				// Rescue said".
				switch {
				case st.verbAhead(k, b):
					cur = open(k, clVP, cur)
				case st.finiteAhead(k, 8, b):
					cur = open(k, clCoord, cur)
				}
			case w == ",":
				switch {
				case c.kind == clRel && len(stack) > 0 && st.clauses[cur].verb >= 0:
					// ", who had left," closes: back to the clause it interrupted.
					cur = stack[len(stack)-1]
					stack = stack[:len(stack)-1]
				case (c.kind == clSub || c.kind == clPart) && c.outer < 0:
					// A fronted adverbial clause ends at its comma.
					cur = open(k+1, clMain, -1)
				case k+1 < b && (st.pos[k+1] == doc.TagVBG || st.pos[k+1] == doc.TagVBN && c.verb >= 0):
					cur = open(k+1, clPart, cur)
				}
			}
			st.clauseOf[k] = cur
			st.noteVerb(cur, k)
		}
	}
	// Subjects: the last mention before a clause's verb that is not the
	// object of a preposition nor a possessor, with nothing but its
	// modifiers between it and the verb.
	for i := range st.ments {
		m := &st.ments[i]
		if m.a >= len(st.clauseOf) {
			continue
		}
		ci := st.clauseOf[m.a]
		c := &st.clauses[ci]
		if c.verb < 0 || m.b > c.verb {
			continue
		}
		if m.a > c.start && (st.pos[m.a-1] == doc.TagIN || st.pos[m.a-1] == doc.TagTO) {
			continue
		}
		if m.b < len(st.words) && isPossessive(st.words[m.b]) {
			continue
		}
		if m.Kind == doc.TitleMention && m.attach >= 0 {
			continue
		}
		if st.subjectGap(m.b, c.verb) {
			c.subj = int32(i)
		}
	}
	// Each entity's name mentions that are subjects, and whether one is in
	// the first sentence; its name mentions in order (st.names from
	// st.nameStart[e]).
	n := len(st.ents)
	st.docSubj = reuse.Zeroed(st.docSubj, n)
	st.nameStart = reuse.Zeroed(st.nameStart, n+1)
	for i := range st.ments {
		m := &st.ments[i]
		if m.Entity < 0 || m.Kind != doc.NameMention {
			continue
		}
		st.nameStart[m.Entity+1]++
		if st.clauses[st.clauseOf[m.a]].subj == int32(i) {
			st.docSubj[m.Entity]++
			if m.sent == 0 {
				st.docSubj[m.Entity] |= firstSubjBit
			}
		}
	}
	for e := 0; e < n; e++ {
		st.nameStart[e+1] += st.nameStart[e]
	}
	st.names = reuse.Zeroed(st.names, int(st.nameStart[n]))
	fill := st.after[:0]
	fill = append(fill, st.nameStart[:n]...)
	for i := range st.ments {
		if m := &st.ments[i]; m.Entity >= 0 && m.Kind == doc.NameMention {
			st.names[fill[m.Entity]] = int32(i)
			fill[m.Entity]++
		}
	}
	st.after = fill
}

// namesAfter returns the number of entity e's name mentions after mention
// pi.
func (st *state) namesAfter(e, pi int) int {
	if e+1 >= len(st.nameStart) {
		return 0
	}
	names := st.names[st.nameStart[e]:st.nameStart[e+1]]
	return len(names) - sort.Search(len(names), func(i int) bool { return names[i] > int32(pi) })
}

// subjectGap reports whether tokens [b, v) may stand between a subject
// ending at b and its verb v: adverbs, an apposition or a clause that
// chunkClauses set apart (tokens of other clauses), a possessive noun
// phrase the mention heads.
func (st *state) subjectGap(b, v int) bool {
	ci := st.clauseOf[v]
	for k := b; k < v; k++ {
		if st.clauseOf[k] != ci {
			continue
		}
		switch p := st.pos[k]; {
		case p == doc.TagRB, p == doc.TagComma, p == doc.TagCC && k+1 < v && st.pos[k+1].IsProperNoun():
		case p.IsNoun() || p == doc.TagDT || p.IsAdjective() || p == doc.TagCD || p == doc.TagPOS:
			// An apposition ("Putin, the Russian leader,") between
			// commas.
			if !st.inCommas(k, b, v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// inCommas reports whether token k, between b and v, follows a comma at
// or after b.
func (st *state) inCommas(k, b, v int) bool {
	for j := k - 1; j >= b; j-- {
		if st.words[j] == "," {
			return true
		}
	}
	return false
}

// clauseSubject returns the subject mention of clause ci, the shared one
// for a coordinated verb phrase, or -1.
func (st *state) clauseSubject(ci int32) int32 {
	for n := 0; ci >= 0 && n < 4; n++ {
		c := &st.clauses[ci]
		if c.subj >= 0 || c.kind != clVP && c.kind != clPart {
			return c.subj
		}
		if c.kind == clPart && c.outer < 0 {
			// "Having left Paris, Chopin ...": the clause that follows.
			// (A clause may start at the text's end, after its last token.)
			if nt := len(st.d.Tokens); int(ci)+1 < len(st.clauses) && st.clauses[ci+1].outer < 0 && st.clauses[ci+1].start < nt && c.start < nt &&
				st.d.Tokens[st.clauses[ci+1].start].Sent == st.d.Tokens[c.start].Sent {
				ci++
				continue
			}
			return -1
		}
		ci = c.outer
	}
	return -1
}

// mentionClause returns the clause of mention k.
func (st *state) mentionClause(k int) int32 {
	if !st.clausesDone {
		st.chunkClauses()
	}
	return st.clauseOf[st.ments[k].a]
}
