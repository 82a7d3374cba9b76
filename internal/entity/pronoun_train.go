package entity

import (
	"github.com/verbatim-news/verbatim/internal/doc"
)

// PronounTask is one pronoun to resolve among candidate names a task gives
// (a GAP row): the document (segmented and tagged), the names, the
// pronoun, and, for training, whether the pronoun refers to each name.
type PronounTask struct {
	Doc     *doc.Document
	Names   []doc.Span
	Pronoun doc.Span
	Refers  []bool // per name; nil when unknown
}

// PronounRefers resolves t.Doc with t.Names taken as person names and
// reports, for each name, whether the pronoun at t.Pronoun refers to it.
// As the task gives the candidates, the ranker's choice is made among the
// names' entities (each with its mention nearest the pronoun), unless
// another antecedent, or none, outscores the best of them by more than
// a margin (a log-odds of 2, chosen by cross-validation on GAP
// development): then the pronoun refers to none of the names.
func (r *Resolver) PronounRefers(t *PronounTask) []bool {
	out := make([]bool, len(t.Names))
	st := r.detect(t.Doc, t.Names)
	if r.pron == nil {
		return out
	}
	st.sc = r.pron
	pi := st.mentionAt(t.Pronoun, doc.PronounMention)
	if pi < 0 {
		return out
	}
	for i := 0; i < pi; i++ {
		st.step(i)
	}
	ents := st.taskEntities(t.Names)
	cands := st.taskCands(pi, ents, nil)
	cands, _, null := st.scoreCands(pi, r.pron, cands)
	bestName, other := -1, null
	for i, c := range cands {
		if containsInt(ents, c.e) {
			if bestName < 0 || c.score > cands[bestName].score {
				bestName = i
			}
		} else if c.score > other {
			other = c.score
		}
	}
	if bestName < 0 || cands[bestName].score+namesMargin < other {
		return out
	}
	for k, e := range ents {
		out[k] = e == cands[bestName].e
	}
	return out
}

// namesMargin is how far another antecedent (or none) must outscore the
// best of the names a task gives for PronounRefers to say the pronoun
// refers to none of them: a log-odds of 2, a choice seven times as
// likely. Chosen by cross-validation on GAP development.
var namesMargin float32 = 2

func hasCand(cs []cand, e int) bool {
	for _, c := range cs {
		if c.e == e {
			return true
		}
	}
	return false
}

// nearestMention returns entity e's mention nearest before mention pi (or,
// when there is none, its first after), as a candidate.
func (st *state) nearestMention(pi, e int) (cand, bool) {
	for k := pi - 1; k >= 0; k-- {
		if st.ments[k].Entity == e {
			return cand{e: e, m: k}, true
		}
	}
	for k := pi + 1; k < len(st.ments); k++ {
		if st.ments[k].Entity == e {
			return cand{e: e, m: k, after: true}, true
		}
	}
	return cand{}, false
}

// mentionAt returns the index of the first mention of kind k that
// overlaps span s, or -1.
func (st *state) mentionAt(s doc.Span, k doc.MentionKind) int {
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind == k && st.d.TokenSpan(m.a, m.b).Overlaps(s) {
			return i
		}
	}
	return -1
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}
