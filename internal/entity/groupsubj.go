package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// groupSubjects adds, unlearned (doc.Document.AttribMentions), a group
// for a plural common noun no mention covers that opens its sentence,
// bare or after "some", "many" or "most" and an adjective, as the subject
// of a verb of saying ("Retailers said they had removed the fryer",
// "Many local traders said"): people who speak, whom "they" can stand
// for. The noun names people by what they do ("-ers", "-ists") or is a
// noun for a person; nouns for documents and publications ("Reports
// said") and words written as names inside a sentence ("Rovers" of
// "Harbour Rovers lost") are none.
func (st *state) groupSubjects() {
	if len(st.words) == 0 {
		return
	}
	covered := make([]bool, len(st.words))
	for i := range st.ments {
		for k := st.ments[i].a; k < st.ments[i].b && k < len(covered); k++ {
			covered[k] = true
		}
	}
	// The words written with a capital inside a sentence, as names are
	// ("Harbour Rovers lost"), which their short forms repeat ("Rovers
	// said"); gathered the first time a noun gets that far.
	var names map[string]bool
	nameWord := func(w string) bool {
		if names == nil {
			names = map[string]bool{}
			for _, s := range st.d.Sentences {
				for k := s.FirstTok + 1; k < s.EndTok && k < len(st.words); k++ {
					if st.d.Tokens[k].Has(doc.Upper) {
						names[st.info[k].lower] = true
					}
				}
			}
		}
		return names[w]
	}
	n0 := len(st.ments)
	for _, s := range st.d.Sentences {
		a := s.FirstTok
		if a >= len(st.words) {
			continue
		}
		k := a
		switch st.info[k].lower {
		case "some", "many", "most", "several":
			k++
		}
		if k < len(st.words) && k+1 < len(st.words) && st.pos[k].IsAdjective() && st.pos[k+1] == doc.TagNNS {
			k++
		}
		if k >= len(st.words) || st.pos[k] != doc.TagNNS || covered[k] || st.d.Tokens[k].Sent != st.d.Tokens[a].Sent || st.d.Tokens[k].Has(doc.InQuote) {
			continue
		}
		w := st.info[k].lower
		sing := strings.TrimSuffix(w, "s")
		if lexicon.DocumentNoun(w) || lexicon.DocumentNoun(sing) || mediaNouns[w] || mediaNouns[sing] || st.gaz[k]&gOrgNoun != 0 ||
			!agentPlural(w) && !st.r.lex.PersonNoun(sing) || nameWord(w) {
			continue
		}
		v := st.verbAfter(k + 1)
		if v < 0 || v != k+1 && !(v == k+2 && st.pos[k+1] == doc.TagRB) || st.info[v].lex&lxReportH == 0 || !st.pos[v].IsVerb() {
			continue
		}
		st.ments = append(st.ments, ment{
			Mention: doc.Mention{Kind: doc.NounMention, Type: doc.Group},
			a:       a, b: k + 1, ha: k, hb: k + 1, sent: int(st.d.Tokens[k].Sent),
			role: -1, attach: -1, plural: true, title: st.words[k],
		})
	}
	st.markUnlearned(n0)
}

// agentPlural reports whether lower-case plural w names people by what
// they do: "retailers", "protesters", "economists", "residents".
func agentPlural(w string) bool {
	if notAgents[w] {
		return false
	}
	for _, suf := range [...]string{"ers", "ors", "ists", "ants", "ents", "ians", "ees"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notAgents are plurals with an agent's ending that name no people doing
// something: "others", "rumours", "numbers".
var notAgents = map[string]bool{"others": true, "rumors": true, "rumours": true, "numbers": true, "papers": true,
	"letters": true, "headquarters": true, "quarters": true, "waters": true, "centers": true, "factors": true,
	"errors": true, "sectors": true, "matters": true, "orders": true, "documents": true, "comments": true,
	"statements": true, "events": true, "elements": true, "moments": true}
