package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// maxAcronymWords bounds how many words an organisation's name spelled
// out by an acronym may have.
const maxAcronymWords = 8

// acronymNames widens the organisation names the tagger cut short to the
// full name an acronym of the document spells out: when "BCCI" appears
// and the tagger found "Board of Control for Cricket" before "in India",
// or "Technology Agency" at the end of "British Educational
// Communications and Technology Agency (BECTA)", the name takes in the
// capitalised words and the small words between them whose initials are
// the acronym's letters. It relabels st.ner and runs before the name
// mentions are made.
func (st *state) acronymNames() {
	acr := map[string]bool{}
	for i, t := range st.d.Tokens {
		w := st.words[i]
		if t.Kind == doc.Word && t.Has(doc.AllUpper) && len(w) >= 3 && len(w) <= maxAcronymWords && isLetters(w) {
			acr[w] = true
		}
	}
	if len(acr) == 0 {
		return
	}
	n := len(st.words)
	for a := 0; a < n; {
		l := st.ner[a]
		if l == lO {
			a = st.untaggedAcronym(a, acr)
			continue
		}
		if isInside(l) && a > 0 && labelType(st.ner[a-1]) == labelType(l) {
			a++
			continue
		}
		b := a + 1
		for b < n && isInside(st.ner[b]) && labelType(st.ner[b]) == labelType(l) {
			b++
		}
		e := b // the name without what follows its last capitalised word ("'s")
		for e > a+1 && !st.d.Tokens[e-1].Has(doc.Upper) {
			e--
		}
		if labelType(l) != 1 {
			if na, nb, ok := st.spelledOut(a, e, acr); ok {
				for k := na; k < nb; k++ {
					st.ner[k] = lIOrg
				}
				st.ner[na] = lBOrg
				for k := nb; k < b; k++ {
					st.ner[k] = lO
				}
				if nb >= b && nb < n && isInside(st.ner[nb]) {
					st.ner[nb]--
				}
				b = max(b, nb)
			}
		}
		a = b
	}
}

// isLetters reports whether w is all ASCII letters.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// acronymLink reports whether word w may stand inside a spelled-out name
// without giving it a letter.
func acronymLink(w string) bool {
	switch w {
	case "of", "the", "and", "for", "on", "in", "&":
		return true
	}
	return false
}

// spelledOut returns the widest span around the name [a, b), within its
// sentence, of capitalised words and link words, starting and ending with
// a capitalised word, whose initials spell one of acr: [a, b) itself
// when it spells one.
func (st *state) spelledOut(a, b int, acr map[string]bool) (int, int, bool) {
	if acr[st.spell(a, b)] {
		return a, b, true
	}
	sent := st.d.Tokens[a].Sent
	capital := func(k int) bool {
		return st.d.Tokens[k].Sent == sent && st.d.Tokens[k].Kind == doc.Word && st.d.Tokens[k].Has(doc.Upper) && !st.d.Tokens[k].Has(doc.AllUpper)
	}
	part := func(k int) bool {
		return capital(k) || st.d.Tokens[k].Sent == sent && acronymLink(st.words[k])
	}
	lo, hi := a, b
	for lo > 0 && part(lo-1) && b-lo < 2*maxAcronymWords {
		lo--
	}
	for hi < len(st.words) && part(hi) && hi-a < 2*maxAcronymWords {
		hi++
	}
	for i := lo; i <= a; i++ {
		if !capital(i) {
			continue
		}
		for j := hi; j >= b; j-- {
			if !capital(j - 1) {
				continue
			}
			if acr[st.spell(i, j)] {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// spell returns the upper-case initials of the capitalised words of
// tokens [a, b), skipping link words, or "" when another word stands
// among them.
func (st *state) spell(a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		w := st.words[k]
		switch {
		case acronymLink(w):
		case st.d.Tokens[k].Has(doc.Upper):
			sb.WriteByte(w[0] &^ 0x20)
		default:
			return ""
		}
	}
	return sb.String()
}

// untaggedAcronym tags as an organisation the longest run of capitalised
// and link words the tagger left untagged, from token a on, whose
// initials spell one of acr ("Baltic Co-operation Forum" where "BCF"
// appears), unless a title word stands in it ("Chief Executive
// Officer"). It returns the token to go on from.
func (st *state) untaggedAcronym(a int, acr map[string]bool) int {
	const titleFlags = gHonorific | gLeaderB | gLeaderI | gRoleB | gRoleI
	sent := st.d.Tokens[a].Sent
	hi := a
	for hi < len(st.words) && st.ner[hi] == lO && st.d.Tokens[hi].Sent == sent && st.gaz[hi]&titleFlags == 0 &&
		(st.d.Tokens[hi].Kind == doc.Word && st.d.Tokens[hi].Has(doc.Upper) && !st.d.Tokens[hi].Has(doc.AllUpper) || hi > a && acronymLink(st.words[hi])) {
		hi++
	}
	if hi-a < 2 {
		return a + 1
	}
	for j := hi; j >= a+2; j-- {
		if st.d.Tokens[j-1].Has(doc.Upper) && acr[st.spell(a, j)] {
			st.ner[a] = lBOrg
			for k := a + 1; k < j; k++ {
				st.ner[k] = lIOrg
			}
			return j
		}
	}
	return a + 1
}
