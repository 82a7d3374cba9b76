package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// creditLabels are the one-word labels of a picture's or a clip's credit
// line ("Photo: Ana Ruiz, AP"): what follows the colon is who made the
// picture, not anything said.
var creditLabels = map[string]bool{
	"photo": true, "photos": true, "photograph": true, "image": true, "images": true,
	"picture": true, "pictures": true, "credit": true, "credits": true, "caption": true,
	"illustration": true, "graphic": true, "video": true, "footage": true,
}

// creditLines drops the statements whose cue is a colon and whose source
// is one word labelling a credit line ("Photo: Ana Ruiz, AP"), with the
// statements they hold.
func creditLines(d *doc.Document, sts []doc.Statement) []doc.Statement {
	drop := make([]bool, len(sts))
	found := false
	for i, st := range sts {
		if d.Slice(st.Cue) == ":" && creditLabels[strings.ToLower(d.Slice(st.Source))] {
			drop[i], found = true, true
		}
	}
	if !found {
		return sts
	}
	return dropStatements(sts, drop)
}

// possessiveAddressee moves the start of statement i's content, after a
// verb of telling ("told", "assured"), past the rest of the addressee's
// name where the decoder began the content inside a name that runs on
// through a possessive ("told Radio Corrane's Morning Hour the repairs
// would …", "told NBC News' Today show the …"): the name is capitalised words
// and possessives from the cue on, a possessive among them inside the
// content, with at most one common noun ending it ("show", whatever its tag), and the
// content left holds a finite verb. A statement whose cue lies inside the
// name ("show" read as a verb) is dropped.
func possessiveAddressee(c *context, sts []doc.Statement, drop []bool, i int) {
	d := c.d
	st := &sts[i]
	if len(st.Content) != 1 || st.Cue.IsZero() {
		return
	}
	qe := d.TokenAt(st.Cue.End-1) + 1
	ca, ce := d.TokenAt(st.Content[0].Start), d.TokenAt(st.Content[0].End-1)+1
	if qe <= 0 || ca <= qe || !addressVerbs[c.toks[qe-1].lemma] {
		return
	}
	_, sb := c.sentRange(qe)
	j, poss := qe, -1
	for j < sb && j < ce {
		w := d.Slice(d.Tokens[j].Span())
		if (d.Tokens[j].POS == doc.TagPOS || w == "'s" || w == "’s" || w == "'" || w == "’") && j > qe {
			poss = j
		} else if !capitalised(w) {
			break
		}
		j++
	}
	if poss < ca || j == poss+1 {
		return
	}
	if j+1 < ce && (d.Tokens[j].POS == doc.TagNN || occasionHeads[c.toks[j].lower]) && !d.Tokens[j+1].POS.IsNoun() {
		j++ // "Today show", the noun read as a verb or not
	}
	finite := false
	for k := j; k < ce; k++ {
		if d.Tokens[k].POS.IsFinite() {
			finite = true
			break
		}
	}
	if !finite {
		return
	}
	name := d.TokenSpan(qe, j)
	st.Content[0].Start = d.Tokens[j].Start
	for o := range sts {
		if o != i && name.Contains(sts[o].Cue) {
			drop[o] = true
		}
	}
}

// capitalised reports whether w opens with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
