package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// epithetNations are the nouns for a man or a woman of a nation that
// are no demonym's plain form ("the Dutchman"), with the nation's code
// and the sex the word marks.
var epithetNations = map[string]struct {
	code   string
	gender doc.Gender
}{
	"dutchman": {"NLD", doc.Male}, "dutchwoman": {"NLD", doc.Female},
	"frenchman": {"FRA", doc.Male}, "frenchwoman": {"FRA", doc.Female},
	"englishman": {"GBR", doc.Male}, "englishwoman": {"GBR", doc.Female},
	"scotsman": {"GBR", doc.Male}, "scotswoman": {"GBR", doc.Female}, "scot": {"GBR", doc.Unknown},
	"welshman": {"GBR", doc.Male}, "welshwoman": {"GBR", doc.Female},
	"irishman": {"IRL", doc.Male}, "irishwoman": {"IRL", doc.Female},
	"spaniard": {"ESP", doc.Unknown}, "swede": {"SWE", doc.Unknown}, "dane": {"DNK", doc.Unknown},
	"finn": {"FIN", doc.Unknown}, "pole": {"POL", doc.Unknown}, "turk": {"TUR", doc.Unknown},
}

// epithets adds, unlearned (doc.Document.AttribMentions), a person's
// mention for "the" and a noun for someone of a nation ("the Dutchman")
// or of an age ("the 24-year-old") that opens its sentence as its
// subject, before a comma or a verb: the epithet a report gives the
// one the sentence before was about (resolveEpithet).
func (st *state) epithets() {
	n0 := len(st.ments)
	for si, s := range st.d.Sentences {
		a, k := s.FirstTok, s.FirstTok+1
		if k+1 >= s.EndTok || k+1 >= len(st.words) || st.info[a].lower != "the" || st.d.Tokens[a].Has(doc.InQuote) {
			continue
		}
		nation, ok := epithetNations[st.info[k].lower]
		if ok && !st.d.Tokens[k].Has(doc.Upper) || !ok && !yearsOld(st.info[k].lower) {
			continue
		}
		if next := k + 1; st.words[next] != "," && (!st.pos[next].IsVerb() || st.pos[next] == doc.TagVBG) && st.pos[next] != doc.TagMD {
			continue
		}
		covered := false
		for i := range n0 {
			covered = covered || st.ments[i].a <= k && k < st.ments[i].b
		}
		if covered {
			continue
		}
		st.ments = append(st.ments, ment{
			Mention: doc.Mention{Kind: doc.NounMention, Type: doc.Person},
			a:       a, b: k + 1, ha: k, hb: k + 1, sent: si,
			role: -1, attach: -1, definite: true, title: st.words[k],
			nation: nation.code, gender: nation.gender, epithet: true,
		})
	}
	st.markUnlearned(n0)
}

// yearsOld reports whether w says an age as a noun: "24-year-old".
func yearsOld(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	return ok && isAge(n)
}

// resolveEpithet resolves epithet mention i ("The Dutchman, whose side
// finished third, said") to the subject of the sentence before, a person
// named in full whom the epithet fits ("Castleford manager Ruud Brandt
// was more measured."); it stays unresolved otherwise.
func (st *state) resolveEpithet(i int) {
	m := &st.ments[i]
	if m.sent == 0 || st.d.Sentences[m.sent].Para-st.d.Sentences[m.sent-1].Para > 1 {
		return
	}
	j := st.mainSubject(m.sent - 1)
	if j < 0 || st.ments[j].Entity < 0 || st.d.Tokens[st.ments[j].a].Has(doc.InQuote) {
		return
	}
	e := st.ments[j].Entity
	x := &st.ents[e]
	if x.Type != doc.Person || x.described || len(x.parts) < 2 ||
		m.gender != doc.Unknown && x.Gender != doc.Unknown && m.gender != x.Gender ||
		m.nation != "" && x.nation != "" && m.nation != x.nation {
		return
	}
	m.Entity, m.conf = e, 0.6
}
