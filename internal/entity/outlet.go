package entity

import "github.com/verbatim-news/verbatim/internal/doc"

// reportingOutlet reports whether name mention i, one word (parts) the
// tagger typed a person or a place, no first name, title or honorific
// with it and placed by no lexicon, is named as one reporting ("according
// to Kvellen", "reported by Torvia", "told Kvellen", "Torvia reported")
// in a sentence that, or one of the next two, names a publication by a media noun
// ("the news outlet Kvellen", "The publication said"): a newspaper or a
// website, which is an organisation.
func (st *state) reportingOutlet(i int, parts []string) bool {
	m := &st.ments[i]
	if m.Kind != doc.NameMention || m.Type == doc.Organization || m.place != "" || len(parts) != 1 || m.hb != m.ha+1 ||
		m.role >= 0 || m.gender != doc.Unknown || st.gaz[m.ha]&gFirstName != 0 {
		return false
	}
	sent := st.d.Tokens[m.ha].Sent
	cue := false
	if k := m.hb; k+1 < len(st.words) && st.d.Tokens[k].Sent == sent {
		switch st.info[k].lower {
		case "reported", "reports", "wrote", "writes":
			cue = true
		}
	}
	// Back past the words that describe it ("German news outlet").
	k := m.ha - 1
	for k > 0 && m.ha-k <= 6 && st.d.Tokens[k].Sent == sent && (titleWordTag(st.pos[k]) || st.info[k].lower == "the") && st.info[k].lex&lxReportH == 0 {
		if mediaNouns[st.info[k].lower] && st.d.Tokens[k-1].Has(doc.Upper) && st.gaz[k-1]&gDemonymB == 0 {
			return false // "told People magazine Spears": the publication is People
		}
		k--
	}
	if k > 0 && st.d.Tokens[k].Sent == sent {
		switch st.info[k].lower {
		case "to":
			cue = cue || st.info[k-1].lower == "according"
		case "by":
			cue = cue || st.info[k-1].lower == "reported" || st.info[k-1].lower == "revealed"
		case "told":
			cue = true
		}
	}
	if !cue {
		return false
	}
	// A media noun in this sentence or the next two (after a heading).
	for j := m.ha - 1; j >= 0 && st.d.Tokens[j].Sent == sent; j-- {
		if mediaNouns[st.info[j].lower] {
			return true
		}
	}
	for j := m.hb; j < len(st.words) && st.d.Tokens[j].Sent <= sent+2; j++ {
		if mediaNouns[st.info[j].lower] {
			return true
		}
	}
	return false
}

// speakingInstitution reports whether name mention i, one word (parts)
// the tagger typed a place or an organisation, placed by no lexicon,
// after "the", is the subject of a verb of saying ("The Kremlin has
// said"): a building or seat that speaks is the institution housed there,
// an organisation, though named as a place elsewhere ("in the Kremlin").
func (st *state) speakingInstitution(i int, parts []string) bool {
	m := &st.ments[i]
	if m.Kind != doc.NameMention || m.Type == doc.Person || m.place != "" || m.country || len(parts) != 1 {
		return false
	}
	the := m.hb == m.ha+2 && st.info[m.ha].lower == "the" || m.hb == m.ha+1 && m.ha > 0 && st.info[m.ha-1].lower == "the"
	if !the {
		return false
	}
	if k := m.hb; k+1 < len(st.words) && st.d.Tokens[k+1].Sent == st.d.Tokens[m.ha].Sent {
		switch st.info[k].lower {
		case "has", "had", "have":
			if st.info[k+1].lex&lxReportH != 0 {
				return true // "The Kremlin has said"
			}
		}
	}
	return st.speechSubject(i)
}

// outletNouns are the media nouns that, in lower case right before a
// name, say what the name is: "local newspaper Harwick Tidende".
var outletNouns = map[string]bool{
	"newspaper": true, "magazine": true, "tabloid": true, "outlet": true, "website": true, "broadcaster": true, "weekly": true,
}

// mediaNamed reports whether name [a, b), of two words or more, the
// first no first name the lexicons know, comes right after a media noun
// in lower case that no capitalised word comes before ("according to
// local newspaper Harwick Tidende", not "People magazine Ana Ruiz"): the
// name of a publication, an organisation, which the tagger took for a
// person's, unlearned (learnedType).
func (st *state) mediaNamed(a, b int) bool {
	if b-a < 2 || a < 1 || st.gaz[a]&gFirstName != 0 || !outletNouns[st.words[a-1]] || st.d.Tokens[a-1].Sent != st.d.Tokens[a].Sent {
		return false
	}
	return a < 2 || st.d.Tokens[a-2].Sent != st.d.Tokens[a].Sent || !st.d.Tokens[a-2].Has(doc.Upper) || st.words[a-2] == "The" || st.words[a-2] == "A"
}
