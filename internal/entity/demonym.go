package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// demonymCountries returns the lower-case one-word names whose demonym
// the text writes before a common noun or a title ("Dravonian lorries",
// "the Dravonian capital", "Kelmaran Foreign Minister"): a name and "n"
// where it ends in a vowel ("Dravonia"), "an" or "ian" where it ends in a
// consonant ("Kelmar"). Such a name, no one's surname, is a country's, a
// place, though the tagger took it for a person's.
func (st *state) demonymCountries() map[string]bool {
	var out map[string]bool
	for k := 0; k+1 < len(st.words); k++ {
		w := st.words[k]
		if len(w) < 5 || !st.d.Tokens[k].Has(doc.Upper) || w[len(w)-1] != 'n' || st.d.Tokens[k+1].Sent != st.d.Tokens[k].Sent || st.d.Tokens[k].Has(doc.InQuote) {
			continue
		}
		if k > 0 && st.d.Tokens[k-1].Sent == st.d.Tokens[k].Sent && st.d.Tokens[k-1].Has(doc.Upper) && st.words[k-1] != "The" {
			continue // "Julian" in "Ana Julian", a name's last word
		}
		next := k + 1
		lowerNoun := !st.d.Tokens[next].Has(doc.Upper) && (st.pos[next].IsNoun() || st.pos[next].IsAdjective() || st.pos[next] == doc.TagVBG)
		if !lowerNoun && st.gaz[next]&(gRoleB|gLeaderB) == 0 {
			continue
		}
		lw := st.info[k].lower
		if out == nil {
			out = map[string]bool{}
		}
		if stem := lw[:len(lw)-1]; strings.ContainsRune("aeiou", rune(stem[len(stem)-1])) {
			out[stem] = true // "dravonian": "dravonia"
		}
		for _, suf := range []string{"an", "ian"} {
			if stem, ok := strings.CutSuffix(lw, suf); ok && len(stem) >= 3 && !strings.ContainsRune("aeiou", rune(stem[len(stem)-1])) {
				out[stem] = true // "kelmaran": "kelmar"
			}
		}
	}
	return out
}
