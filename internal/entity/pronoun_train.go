package entity

import (
	"math/rand/v2"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
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
// NamesMargin: then the pronoun refers to none of the names.
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
	ents := make([]int, len(t.Names))
	for k, sp := range t.Names {
		ents[k] = -1
		if ni := st.mentionAt(sp, doc.NameMention); ni >= 0 {
			ents[k] = st.ments[ni].Entity
		}
	}
	cands := st.candidates(pi, nil)
	for _, e := range ents {
		if e >= 0 && !hasCand(cands, e) {
			if c, ok := st.nearestMention(pi, e); ok {
				cands = append(cands, c)
			}
		}
	}
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
	if bestName < 0 || cands[bestName].score+NamesMargin < other {
		return out
	}
	for k, e := range ents {
		out[k] = e == cands[bestName].e
	}
	return out
}

// NamesMargin is how far another antecedent (or none) must outscore the
// best of the names a task gives for PronounRefers to say the pronoun
// refers to none of them; chosen on GAP validation.
const NamesMargin = 8

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

// TrainPronouns learns the pronoun ranker from tasks with the averaged
// perceptron: for each task, the candidates of its pronoun are ranked
// with the current weights and, when the best is not a right answer, the
// best right answer's features move up and the wrong choice's down. A
// right answer is a candidate whose entity is a name the pronoun refers
// to, or, when it refers to none of the names, any other candidate or
// none. Tasks are visited in an order shuffled by a fixed seed, so the
// result is deterministic; snapshot, when not nil, gets the averaged
// model after each epoch.
func (r *Resolver) TrainPronouns(tasks []PronounTask, epochs int, snapshot func(epoch int, m *linear.Model)) *linear.Model {
	tr := linear.NewTrainer([]string{"score"})
	type prepared struct {
		st    *state
		ments []ment
		nents int
		ents  []ent
		pi    int
		gold  []int // entities the pronoun refers to
		wrong []int // entities it does not refer to
	}
	var preps []prepared
	for ti := range tasks {
		t := &tasks[ti]
		st := r.detect(t.Doc, t.Names)
		pi := st.mentionAt(t.Pronoun, doc.PronounMention)
		if pi < 0 {
			continue
		}
		p := prepared{st: st, pi: pi, ments: append([]ment(nil), st.ments...), nents: len(st.ents), ents: append([]ent(nil), st.ents...)}
		for k, sp := range t.Names {
			ni := st.mentionAt(sp, doc.NameMention)
			if ni < 0 || st.ments[ni].Entity < 0 {
				continue
			}
			if t.Refers != nil && t.Refers[k] {
				p.gold = append(p.gold, st.ments[ni].Entity)
			} else {
				p.wrong = append(p.wrong, st.ments[ni].Entity)
			}
		}
		preps = append(preps, p)
	}
	order := make([]int, len(preps))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(3, 5))
	var cands []cand
	var nullFeats []uint64
	for e := 1; e <= epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			p := &preps[oi]
			st := p.st
			copy(st.ments, p.ments)
			st.ents = append(st.ents[:0], p.ents[:p.nents]...)
			st.total = st.total[:p.nents]
			st.firstOf = st.firstOf[:p.nents]
			st.roles = st.roles[:0]
			st.sc = tr
			for i := 0; i < p.pi; i++ {
				st.step(i)
			}
			var best int
			cands, best, _ = st.rank(p.pi, tr, cands)
			right := func(c int) bool {
				if c < 0 {
					return len(p.gold) == 0
				}
				e := cands[c].e
				if len(p.gold) > 0 {
					return containsInt(p.gold, e)
				}
				return !containsInt(p.wrong, e)
			}
			tr.Tick()
			if right(best) {
				continue
			}
			target, targetScore := -2, float32(0)
			nullFeats = st.nullFeatures(nullFeats[:0], p.pi, len(cands))
			var s [1]float32
			if right(-1) {
				tr.Score(nullFeats, s[:])
				target, targetScore = -1, s[0]
			}
			for c := range cands {
				if right(c) && (target == -2 || cands[c].score > targetScore) {
					target, targetScore = c, cands[c].score
				}
			}
			if target == -2 {
				continue // the right answer is not among the candidates
			}
			feats := func(c int) []uint64 {
				if c < 0 {
					return nullFeats
				}
				return cands[c].feats
			}
			tr.Update(feats(target), 0, 1)
			tr.Update(feats(best), 0, -1)
		}
		if snapshot != nil {
			snapshot(e, tr.Model(0))
		}
	}
	return tr.Model(0)
}

func containsInt(list []int, x int) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}
