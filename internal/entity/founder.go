package entity

import "github.com/verbatim-news/verbatim/internal/doc"

// founderNames retypes as a person, unlearned, a name of two capitalised
// words the tagger typed an organisation, no organisation's noun, trade
// or plural in it, whose last word opens a company's name ("Bertil
// Ramsvik, whose firm Ramsvik Capital …") and, alone, is the subject of a
// verb of saying ("Ramsvik says"): the company's namesake, a person, who
// speaks by surname as companies do not; the attribution models keep the
// tagger's type (learnedType).
func (st *state) founderNames() {
	// companyFirst holds the first words of the names of two words or
	// more that an organisation's noun or a company's trade ends.
	// Made only when a document has both, which few have.
	var companyFirst, speaks map[string]bool
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || m.place != "" {
			continue
		}
		switch {
		case m.hb-m.ha >= 2 && m.Type == doc.Organization && (st.hasOrgNoun(m.ha+1, m.hb) || companyTrades[st.info[m.hb-1].lower]):
			if companyFirst == nil {
				companyFirst = map[string]bool{}
			}
			companyFirst[st.info[m.ha].lower] = true
		case m.hb-m.ha == 1 && m.role < 0 && m.gender == doc.Unknown && st.speechSubject(i):
			if speaks == nil {
				speaks = map[string]bool{}
			}
			speaks[st.info[m.ha].lower] = true
		}
	}
	if len(companyFirst) == 0 || len(speaks) == 0 {
		return
	}
	// people holds the names the tagger typed a person somewhere, which
	// the learned rules already make a person wherever they are named.
	people := map[string]bool{}
	for i := range st.ments {
		if m := &st.ments[i]; m.Kind == doc.NameMention && m.place == "" && m.Type == doc.Person {
			people[st.lowerSpan(m.ha, m.hb)] = true
		}
	}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || m.Type != doc.Organization || m.place != "" || m.hb-m.ha != 2 || m.learnedType != 0 {
			continue
		}
		last := st.info[m.hb-1].lower
		if !companyFirst[last] || !speaks[last] || companyFirst[st.info[m.ha].lower] || people[st.lowerSpan(m.ha, m.hb)] {
			continue
		}
		if !st.d.Tokens[m.ha].Has(doc.Upper) || !st.d.Tokens[m.hb-1].Has(doc.Upper) || st.pos[m.hb-1] == doc.TagNNPS ||
			st.hasOrgNoun(m.ha, m.hb) || st.gaz[m.ha]&(gRoleB|gDemonymB) != 0 || companyTrades[last] || clubWords[last] || forceNouns[last] {
			continue
		}
		m.learnedType, m.Type, m.learnedHead = m.Type, doc.Person, true
	}
}

// lowerSpan is tokens [a, b) in lower case, one space apart.
func (st *state) lowerSpan(a, b int) string {
	s := ""
	for k := a; k < b; k++ {
		if k > a {
			s += " "
		}
		s += st.info[k].lower
	}
	return s
}
