package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// describedNouns are nouns for an organisation, beside the lexicon's
// organisation nouns, by which a report names again one it described
// before: "the regulator", "the watchdog".
var describedNouns = map[string]bool{"regulator": true, "watchdog": true}

// describedSpeaker returns the organisation describedOrganisation finds
// for source, when it is to speak rather than ent, the speaker found so
// far: when there is none; when ent is someone never named whom the text
// described only by the description that found the organisation ("the
// Marlow Energy Board, the county's energy regulator … the regulator");
// when ent is an organisation the source names only to describe the one
// that speaks ("the UN agency" is not the UN); or, for a noun other than
// "group" and its like, when ent is an organisation named last before
// the one found. Else it returns -1.
func describedSpeaker(d *doc.Document, source doc.Span, ent int) int {
	e, at, desc := describedOrganisation(d, source)
	if e < 0 || e == ent {
		return -1
	}
	if ent < 0 {
		return e
	}
	if d.Entities[ent].Type != doc.Organization {
		if d.Entities[ent].Type == doc.Person && !desc.IsZero() && !hasNameMention(d, ent) {
			for _, i := range d.Entities[ent].Mentions {
				if desc.Contains(d.Mentions[i].Span) {
					return e
				}
			}
		}
		return -1
	}
	for _, i := range d.Entities[ent].Mentions {
		if m := &d.Mentions[i]; m.Kind == doc.NameMention && source.Contains(m.Span) {
			return e // "the UN agency"
		}
	}
	if genericOrgNouns[strings.ToLower(d.Slice(d.Tokens[d.TokenAt(source.End-1)].Span()))] {
		return -1
	}
	for _, i := range d.Entities[ent].Mentions {
		if m := &d.Mentions[i]; m.Kind == doc.NameMention && m.Start > at && m.End <= source.Start {
			return -1 // named since
		}
	}
	return e
}

// hasNameMention reports whether the text names entity e by name.
func hasNameMention(d *doc.Document, e int) bool {
	for _, i := range d.Entities[e].Mentions {
		if d.Mentions[i].Kind == doc.NameMention {
			return true
		}
	}
	return false
}

// describedOrganisation returns the organisation a source of "the", a
// few modifiers and a noun for an organisation ("the agency", "the UN
// agency", "the refugee agency") stands for: the one named last before
// it with that noun in its name or in a description in apposition next
// to its name ("The United Nations refugee agency, UNHCR, said", "UNHCR,
// the UN refugee agency,"), where the name or the description also holds
// the source's modifiers (a name by its entity, a word as written), and
// which the text has named within the ten sentences before it. It
// returns the entity, the start of the name mention that gave it and the
// description that did (zero when its name did), or -1, 0 and zero.
func describedOrganisation(d *doc.Document, source doc.Span) (int, int, doc.Span) {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b >= len(d.Tokens) || b-a < 1 || b-a > 4 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") {
		return -1, 0, doc.Span{}
	}
	noun := d.Slice(d.Tokens[b].Span())
	if strings.ToLower(noun) != noun || !d.Tokens[b].POS.IsNoun() {
		return -1, 0, doc.Span{}
	}
	if lex, err := lexicon.Default(); err != nil || !lex.OrgNoun(noun) && !describedNouns[noun] {
		return -1, 0, doc.Span{}
	}
	best, at, desc := -1, 0, doc.Span{}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Start >= source.Start {
			break
		}
		if m.Entity < 0 || m.Kind != doc.NameMention || d.Entities[m.Entity].Type != doc.Organization {
			continue
		}
		ma, mb := d.TokenAt(m.Start), d.TokenAt(m.End-1)+1
		ok, span := tokensHold(d, ma, mb, noun) && modifiersIn(d, a+1, b, ma, mb), doc.Span{}
		if !ok {
			// "the refugee agency, UNHCR": the description before.
			if da, db := appositionBefore(d, ma); da >= 0 && headOf(d, da, db, noun) && modifiersIn(d, a+1, b, da, db) {
				ok, span = true, d.TokenSpan(da, db)
			}
		}
		if !ok {
			// "UNHCR, the UN refugee agency,": the description after.
			if da, db := appositionAfter(d, mb); da >= 0 && headOf(d, da, db, noun) && modifiersIn(d, a+1, b, da, db) {
				ok, span = true, d.TokenSpan(da, db)
			}
		}
		if ok {
			best, at, desc = m.Entity, m.Start, span
		}
	}
	if best < 0 && describedNouns[noun] {
		// Found by what the description says of it, however far back.
		return namedByTopic(d, source, noun)
	}
	if best < 0 {
		return -1, 0, doc.Span{}
	}
	// Named, so or otherwise, within ten sentences.
	last := at
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.Entity == best && m.Kind == doc.NameMention && m.End <= source.Start {
			last = max(last, m.Start)
		}
	}
	if d.SentenceAt(source.Start)-d.SentenceAt(last) > 10 {
		return -1, 0, doc.Span{}
	}
	return best, at, desc
}

// namedByTopic returns, for a source ending in a noun for an
// organisation no name holds ("the regulator", "the watchdog"), the one
// organisation named before the source whose name holds every common
// noun that modifies that noun in a description of it before the
// source ("The national product safety regulator has ordered …. The
// Office for Product Safety and Standards said …. the regulator said"),
// or in the source, when it may also be named in the sentence after,
// with the start of its name mention and the description; or -1, 0 and
// zero.
func namedByTopic(d *doc.Document, source doc.Span, noun string) (int, int, doc.Span) {
	best, at, desc := -1, 0, doc.Span{}
	last := d.TokenAt(source.End - 1)
	for h := 0; h <= last && h < len(d.Tokens); h++ {
		if !strings.EqualFold(d.Slice(d.Tokens[h].Span()), noun) {
			continue
		}
		// The common nouns before it, back to its determiner.
		var mods []string
		da := -1
		for k := h - 1; k >= 0 && k >= h-6 && d.Tokens[k].Sent == d.Tokens[h].Sent; k-- {
			w := d.Slice(d.Tokens[k].Span())
			if lw := strings.ToLower(w); lw == "the" || lw == "a" || lw == "an" {
				da = k
				break
			}
			p := d.Tokens[k].POS
			if p != doc.TagNN && p != doc.TagJJ || strings.ToLower(w) != w {
				break
			}
			if p == doc.TagNN {
				mods = append(mods, w)
			}
		}
		if da < 0 || len(mods) == 0 {
			continue
		}
		self := d.Tokens[da].Start == source.Start
		for j := range d.Mentions {
			m := &d.Mentions[j]
			if m.Start >= source.Start && (!self || d.SentenceAt(m.Start)-d.SentenceAt(source.Start) > 1) {
				// Only the description that is the source looks ahead,
				// to the sentence after it.
				break
			}
			if m.Entity < 0 || m.Kind != doc.NameMention || d.Entities[m.Entity].Type != doc.Organization {
				continue
			}
			ma, mb := d.TokenAt(m.Start), d.TokenAt(m.End-1)+1
			held := true
			for _, w := range mods {
				held = held && tokensHold(d, ma, mb, w)
			}
			if !held {
				continue
			}
			if best >= 0 && best != m.Entity {
				return -1, 0, doc.Span{} // two it could be
			}
			best, at, desc = m.Entity, m.Start, d.TokenSpan(da, h+1)
		}
	}
	return best, at, desc
}

// tokensHold reports whether one of tokens [a, b) is the word w, in any case.
func tokensHold(d *doc.Document, a, b int, w string) bool {
	for k := a; k < b; k++ {
		if strings.EqualFold(d.Slice(d.Tokens[k].Span()), w) {
			return true
		}
	}
	return false
}

// modifiersIn reports whether each of the source's modifier tokens [a, b)
// is in tokens [da, db): a name's entity named there, or a word written
// there.
func modifiersIn(d *doc.Document, a, b, da, db int) bool {
	for k := a; k < b; k++ {
		if e := nameEntityAt(d, k); e >= 0 {
			found := false
			for j := range d.Mentions {
				m := &d.Mentions[j]
				if m.Entity == e && m.Start >= d.Tokens[da].Start && m.End <= d.Tokens[db-1].End {
					found = true
					break
				}
			}
			if found {
				continue
			}
		}
		if !tokensHold(d, da, db, d.Slice(d.Tokens[k].Span())) {
			return false
		}
	}
	return true
}

// nameEntityAt returns the entity of the name mention that holds token
// k, or -1.
func nameEntityAt(d *doc.Document, k int) int {
	for j := range d.Mentions {
		m := &d.Mentions[j]
		if m.Start > d.Tokens[k].Start {
			break
		}
		if m.Kind == doc.NameMention && m.Entity >= 0 && m.End >= d.Tokens[k].End {
			return m.Entity
		}
	}
	return -1
}

// appositionBefore returns the tokens [da, db) of a description from
// "the", "a" or "an" to the comma right before the name that starts at
// token ma, in its sentence, with no verb and no comma in it ("the
// United Nations refugee agency, UNHCR"), or -1 and 0.
func appositionBefore(d *doc.Document, ma int) (int, int) {
	c := ma - 1
	if c < 1 || d.Slice(d.Tokens[c].Span()) != "," {
		return -1, 0
	}
	for k := c - 1; k >= 0 && k >= c-10 && d.Tokens[k].Sent == d.Tokens[c].Sent; k-- {
		w := d.Slice(d.Tokens[k].Span())
		if w == "," || d.Tokens[k].POS.IsVerb() {
			return -1, 0
		}
		switch strings.ToLower(w) {
		case "the", "a", "an":
			return k, c
		}
	}
	return -1, 0
}

// appositionAfter returns the tokens [da, db) of a description from
// "the", "a" or "an" right after the comma after the name that ends
// before token mb, to the next comma or the sentence's end, with no verb
// in it ("UNHCR, the UN refugee agency,"), or -1 and 0.
func appositionAfter(d *doc.Document, mb int) (int, int) {
	if mb+1 >= len(d.Tokens) || d.Slice(d.Tokens[mb].Span()) != "," || d.Tokens[mb+1].Sent != d.Tokens[mb].Sent {
		return -1, 0
	}
	switch strings.ToLower(d.Slice(d.Tokens[mb+1].Span())) {
	case "the", "a", "an":
	default:
		return -1, 0
	}
	for k := mb + 2; k < len(d.Tokens) && k <= mb+11 && d.Tokens[k].Sent == d.Tokens[mb].Sent; k++ {
		if d.Tokens[k].POS.IsVerb() {
			return -1, 0
		}
		if kd := d.Tokens[k].Kind; kd == doc.Punct || kd == doc.QuoteMark {
			return mb + 1, k
		}
	}
	return -1, 0
}

// headOf reports whether the noun w heads the description of tokens
// [da, db): is its last word before a preposition ("agency" in "the UN
// agency for refugees").
func headOf(d *doc.Document, da, db int, w string) bool {
	h := -1
	for k := da + 1; k < db; k++ {
		if p := d.Tokens[k].POS; p == doc.TagIN || p == doc.TagTO {
			break
		}
		h = k
	}
	return h >= 0 && d.Tokens[h].POS.IsNoun() && strings.EqualFold(d.Slice(d.Tokens[h].Span()), w)
}
