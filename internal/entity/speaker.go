package entity

import (
	"cmp"
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// SpeakerOf returns the entity that the source span of a statement refers
// to, as an index into d.Entities, with a confidence between 0 and 1; or
// -1 and 0 when the span holds no resolved mention. d must have been
// through Resolve.
//
// A person's name in the source decides ("the mayor of Kyiv, Vitali
// Klitschko" is Klitschko); otherwise its first resolved mention does: a
// pronoun gives its antecedent, a title the person who holds it, "the
// Kremlin" its organisation and "officials" their group. A possessor
// ("Putin's spokesman", "her spokesman") is never the speaker, nor is a
// person named after a preposition once a description has come first ("a
// spokeswoman for Ana Ruiz"); a publication a media noun follows speaks
// ("Harbour magazine"). Names are surest; a pronoun with another
// candidate of its gender nearby, or a group, is least sure.
func SpeakerOf(d *doc.Document, source doc.Span) (ent int, confidence float64) {
	if source.IsZero() {
		return -1, 0
	}
	lo := 0
	for lo < len(d.Mentions) && d.Mentions[lo].End <= source.Start {
		lo++
	}
	best, bestName, fallback := -1, -1, -1
	// "Her letter emphasized …", "his remarks": a possessive pronoun
	// before a noun for what was said or written is its author.
	saysNoun := false
	head := sourceHead(d, source)
	if head < len(d.Tokens) {
		w := strings.ToLower(d.Slice(d.Tokens[head].Span()))
		if lex, err := lexicon.Default(); err == nil {
			saysNoun = lexicon.DocumentNoun(w) || lex.CueNoun(w)
		}
	}
	for i := lo; i < len(d.Mentions) && d.Mentions[i].Start < source.End; i++ {
		m := &d.Mentions[i]
		// A possessor is not the speaker ("Putin's spokesman"), unless
		// the source is the possessor alone ("Putin's claim that …").
		if m.Entity < 0 || !source.Overlaps(m.Span) || (possessor(d, m) || possessiveDeterminer(d, m) && !saysNoun) && m.End < source.End {
			continue
		}
		if saysNoun && head < d.TokenAt(source.End-1) && m.Start >= d.Tokens[head].End {
			continue // "Her letter to the other members": whom it was to, not whose
		}
		if saysNoun && best < 0 && possessiveDeterminer(d, m) && head < len(d.Tokens) && m.End <= d.Tokens[head].Start {
			best = i // "Her letter": whose, not a premodifier
			continue
		}
		if m.Type == doc.Place && afterPreposition(d, m, source) {
			continue // "… the win in Los Angeles": where, not who
		}
		if besidePreposition(d, m, source) {
			continue // "a banner behind Presidents Trump and Putin": where the banner hung
		}
		if m.Type == doc.Person && best >= 0 && afterPreposition(d, m, source) {
			continue // "A senior aide to Ana Ruiz": the aide speaks, for her
		}
		if inRelativeClause(d, m, source) {
			continue // "the firm that represents Ana Ruiz": the firm speaks, not her
		}
		if passiveAgent(d, m, source) {
			continue // "a spokesperson when contacted by Reuters": who asked, not who said
		}
		if surveyedBy(d, m, source) {
			continue // "a survey of landlords": whom it asked, not who reports
		}
		if (m.Type == doc.Person || m.Type == doc.Group) && best < 0 && personOf(d, m, source) {
			continue // "the daughter of one former resident": she speaks, not the resident
		}
		if publishedIn(d, m, source) {
			continue // "a study published on Wednesday in the Journal of …": where it appeared, not whose it is
		}
		if participleObject(d, m, source) {
			continue // "government documents leaked to the New York Times": to whom, not who
		}
		if premodifier(d, m, source) {
			if fallback < 0 {
				fallback = i
			}
			continue // "the two-time Speedway champion": the place only describes
		}
		if best < 0 {
			best = i
		}
		if bestName < 0 && m.Kind == doc.NameMention && d.Entities[m.Entity].Type == doc.Person {
			bestName = i
		}
	}
	if bestName >= 0 {
		best = bestName
	}
	if best < 0 && fallback >= 0 && d.Entities[d.Mentions[fallback].Entity].Type == doc.Person && (saysNoun || !endsInCommonNoun(d, source)) {
		best = fallback // a person's name is the speaker, unless it modifies a noun for someone else ("the Spears staffer")
	}
	if best < 0 && fallback >= 0 && d.Entities[d.Mentions[fallback].Entity].Type == doc.Organization && (endsInMediaNoun(d, source) || endsInOrgNoun(d, source)) {
		best = fallback // "Harbour magazine": the publication; "the OLPC project": the organisation
	}
	if best < 0 {
		return -1, 0
	}
	m := &d.Mentions[best]
	return m.Entity, mentionConfidence(d, best)
}

// sourceHead returns the token that heads source: its last, or the last
// before a preposition that follows a possessive ("the mayor's message
// to residents" is headed by "message").
func sourceHead(d *doc.Document, source doc.Span) int {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	poss := false
	for k := a; k <= b && k < len(d.Tokens); k++ {
		switch {
		case d.Tokens[k].POS == doc.TagPOS || d.Tokens[k].POS == doc.TagPRPS:
			poss = true
		case poss && k > a && (d.Tokens[k].POS == doc.TagIN || d.Tokens[k].POS == doc.TagTO):
			return k - 1
		}
	}
	return b
}

// besidePreposition reports whether mention m is the object of a
// preposition of position inside source ("behind", "beside", "near"):
// it says where the source stood, not who spoke, and names of people
// coordinated after it are the same object ("behind Trump and Putin").
func besidePreposition(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := d.TokenAt(m.Start) - 1
	for k > 0 && d.Tokens[k].Start >= source.Start && !positionWords[strings.ToLower(d.Slice(d.Tokens[k].Span()))] &&
		(d.Tokens[k].POS == doc.TagNNP || d.Tokens[k].POS == doc.TagNNPS || d.Tokens[k].POS == doc.TagCC || d.Tokens[k].POS == doc.TagDT || d.Slice(d.Tokens[k].Span()) == ",") {
		k--
	}
	return k >= 0 && d.Tokens[k].Start >= source.Start && positionWords[strings.ToLower(d.Slice(d.Tokens[k].Span()))]
}

// positionWords are the prepositions that place something beside a
// person or thing.
var positionWords = map[string]bool{
	"behind": true, "beside": true, "near": true, "above": true, "below": true, "beneath": true,
	"underneath": true, "outside": true, "opposite": true, "alongside": true,
}

// afterPreposition reports whether mention m is the object of a
// preposition inside source: the token before it is one, or "the" after
// one.
func afterPreposition(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := d.TokenAt(m.Start) - 1
	if k > 0 && d.Tokens[k].POS == doc.TagDT {
		k--
	}
	return k >= 0 && d.Tokens[k].Start >= source.Start && (d.Tokens[k].POS == doc.TagIN || d.Tokens[k].POS == doc.TagTO)
}

// surveyNouns are the nouns for a study of people, whose "of" names
// whom it studied.
var surveyNouns = map[string]bool{
	"survey": true, "surveys": true, "poll": true, "polls": true, "study": true, "studies": true,
	"census": true, "sample": true, "analysis": true, "questionnaire": true,
}

// surveyedBy reports whether mention m is, inside source, the object of
// "of" after a noun for a study of people, perhaps after a number, a
// determiner or adjectives ("a survey of 2,000 landlords", "a poll of
// likely voters"): those it studied, not its author.
func surveyedBy(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := ofBefore(d, m, source)
	return k > 0 && surveyNouns[strings.ToLower(d.Slice(d.Tokens[k-1].Span()))]
}

// ofBefore returns the token "of" before mention m inside source, past a
// determiner, a number, adjectives or an adverb ("of nearly 12,000
// people"), with a word inside source before it; -1 when there is none.
func ofBefore(d *doc.Document, m *doc.Mention, source doc.Span) int {
	k := d.TokenAt(m.Start) - 1
	for j := 0; j < 3 && k > 0 && d.Tokens[k].Start >= source.Start; j++ {
		if p := d.Tokens[k].POS; p != doc.TagDT && p != doc.TagCD && p != doc.TagRB && !p.IsAdjective() {
			break
		}
		k--
	}
	if k < 1 || d.Tokens[k-1].Start < source.Start || !strings.EqualFold(d.Slice(d.Tokens[k].Span()), "of") {
		return -1
	}
	return k
}

// personOf reports whether mention m is, inside source, the object of
// "of" after a common noun for a person in lower case that no mention
// holds ("the daughter of one former resident", "a friend of the
// victim"): whose that person is, not who speaks.
func personOf(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := ofBefore(d, m, source)
	if k < 1 || d.Tokens[k-1].POS != doc.TagNN && d.Tokens[k-1].POS != doc.TagNNS {
		return false
	}
	w := d.Slice(d.Tokens[k-1].Span())
	lex, err := lexicon.Default()
	return err == nil && w == strings.ToLower(w) && lex.PersonNoun(w)
}

// publishingVerbs are the participles that say where a text appeared.
var publishingVerbs = map[string]bool{"published": true, "appeared": true, "appearing": true, "printed": true, "posted": true}

// publishedIn reports whether mention m follows "in" (or "in the") after
// a participle that says where a text appeared, up to four words before
// it inside source ("a study published on Wednesday in the Journal of
// Metabolic Health"): the journal printed the study; its authors wrote it.
func publishedIn(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := d.TokenAt(m.Start) - 1
	if k > 0 && d.Tokens[k].POS == doc.TagDT {
		k--
	}
	if k < 1 || d.Tokens[k].Start < source.Start || !strings.EqualFold(d.Slice(d.Tokens[k].Span()), "in") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-5 && d.Tokens[j].Start >= source.Start; j-- {
		if publishingVerbs[strings.ToLower(d.Slice(d.Tokens[j].Span()))] {
			return true
		}
	}
	return false
}

// askerVerbs are the past participles whose agent asked, reached or read
// the one who speaks: "when contacted by Reuters", "in an email reviewed
// by the paper". ("A report released by the board" is the board's.)
var askerVerbs = map[string]bool{
	"contacted": true, "reached": true, "asked": true, "interviewed": true, "questioned": true,
	"approached": true, "reviewed": true, "obtained": true, "seen": true, "quoted": true, "cited": true,
}

// passiveAgent reports whether mention m is the agent, after "by", of a
// participle inside source whose agent asks or reads ("a spokesperson when
// contacted by Reuters"): who asked, not who spoke.
func passiveAgent(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := d.TokenAt(m.Start) - 1
	if k > 0 && d.Tokens[k].POS == doc.TagDT {
		k--
	}
	return k >= 1 && d.Tokens[k-1].Start >= source.Start && strings.EqualFold(d.Slice(d.Tokens[k].Span()), "by") && askerVerbs[strings.ToLower(d.Slice(d.Tokens[k-1].Span()))]
}

// participleObject reports whether mention m follows "to" after a past
// participle inside source ("documents leaked to the Times", "a letter
// sent to the mayor", "a lawyer assigned to Ruiz"): the one the
// participle went to, not who speaks. A participle that names the author
// ("a recording attributed to the rebel leader") is no such participle.
func participleObject(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	k := d.TokenAt(m.Start) - 1
	for k > 0 && k > d.TokenAt(source.Start) && (d.Tokens[k].POS == doc.TagDT || d.Tokens[k].POS == doc.TagNN || d.Tokens[k].POS == doc.TagJJ) {
		k-- // "to the rebel leader Tomas Brekke"
	}
	return k >= 1 && d.Tokens[k-1].Start >= source.Start && strings.EqualFold(d.Slice(d.Tokens[k].Span()), "to") &&
		d.Tokens[k-1].POS == doc.TagVBN && !authorParticiples[strings.ToLower(d.Slice(d.Tokens[k-1].Span()))]
}

// authorParticiples are the participles whose "to" names the author of
// what the noun before them holds.
var authorParticiples = map[string]bool{"attributed": true, "credited": true, "ascribed": true}

// inRelativeClause reports whether mention m lies in a relative clause
// inside source: "who", "whom", "whose", "which" or "that" stands between
// the source's start and m, with no comma between it and m ("the firm
// that represents Ana Ruiz"): it describes what came before.
func inRelativeClause(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	for k := d.TokenAt(m.Start) - 1; k > 0 && d.Tokens[k].Start > source.Start; k-- {
		w := d.Slice(d.Tokens[k].Span())
		if w == "," {
			return false
		}
		if relativePronoun(w) {
			return true
		}
	}
	return false
}

// relativePronoun reports whether w opens a relative clause: "who",
// "whom", "whose", "which" or "that", in any case.
func relativePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "who", "whom", "whose", "which", "that":
		return true
	}
	return false
}

// premodifier reports whether mention m only modifies the noun after it
// inside source ("the Speedway champion", "Liberal defence critic", "Trump
// adviser Kellyanne Conway"): a word follows it in the source before any
// punctuation. A person's name so placed still speaks when nothing else
// in the source does.
func premodifier(d *doc.Document, m *doc.Mention, source doc.Span) bool {
	if m.End >= source.End {
		return false
	}
	k := d.TokenAt(m.End)
	if k >= len(d.Tokens) || d.Tokens[k].Start >= source.End {
		return false
	}
	// A noun or adjective follows: "Putin and Trump", "Putin's" and
	// "Putin, the Russian leader" are not modifiers.
	p := d.Tokens[k].POS
	if p.IsNoun() || p.IsAdjective() {
		return true
	}
	// Unless the name after the conjunction is one: "the former
	// Eastfield and Westbury striker" describes the striker by both
	// names.
	if p == doc.TagCC && k+1 < len(d.Tokens) && m.Kind == doc.NameMention {
		if o := mentionStarting(d, d.Tokens[k+1].Start); o != nil && o.Kind == doc.NameMention && premodifier(d, o, source) {
			return true
		}
	}
	// So does a lower-case word the tagger did not know, before a
	// person's name ("Canadiens netminder Cristobal Huet"); a
	// function word is no such word ("Ames of Reyes": about whom).
	w := d.Slice(d.Tokens[k].Span())
	if p == doc.TagCC || w != "" && functionWords[strings.ToUpper(w[:1])+w[1:]] || d.Tokens[k].Kind != doc.Word || strings.ToLower(w) != w || k+1 >= len(d.Tokens) {
		return false
	}
	next := d.Tokens[k+1].Start
	for _, o := range d.Mentions {
		if o.Start == next && o.End <= source.End && o.Kind == doc.NameMention && o.Type == doc.Person {
			return true
		}
	}
	return false
}

// mentionStarting returns the mention that starts at byte offset at, or nil.
func mentionStarting(d *doc.Document, at int) *doc.Mention {
	i, ok := slices.BinarySearchFunc(d.Mentions, at, func(m doc.Mention, at int) int { return cmp.Compare(m.Start, at) })
	if !ok {
		return nil
	}
	return &d.Mentions[i]
}

// mentionConfidence estimates how sure the resolution of mention i is,
// from its kind and from the other entities a reader could take it for.
func mentionConfidence(d *doc.Document, i int) float64 {
	m := &d.Mentions[i]
	e := &d.Entities[m.Entity]
	switch m.Kind {
	case doc.NameMention:
		if e.Type != doc.Person {
			return 0.9
		}
		// A surname another person in the article shares.
		for j, o := range d.Entities {
			if j != m.Entity && o.Type == doc.Person && o.ID != "" && surname(o.Name) == surname(e.Name) && d.Slice(m.Head) == surname(e.Name) && d.Slice(m.Span) == d.Slice(m.Head) {
				return 0.5
			}
		}
		return 0.95
	case doc.TitleMention:
		if m.Confidence > 0 {
			return min(0.8, m.Confidence) // a title taken for someone with little to go on
		}
		return 0.8
	case doc.PronounMention:
		if rivals(d, i) {
			return 0.6
		}
		return 0.85
	}
	if e.Type == doc.Group {
		return 0.5
	}
	return 0.7
}

// rivals reports whether another person of the pronoun's gender (or of
// unknown gender) is mentioned in the pronoun's sentence or the one
// before it.
func rivals(d *doc.Document, i int) bool {
	m := &d.Mentions[i]
	e := &d.Entities[m.Entity]
	s := d.SentenceAt(m.Start)
	for j := i - 1; j >= 0; j-- {
		o := &d.Mentions[j]
		if d.SentenceAt(o.Start) < s-1 {
			break
		}
		if o.Entity < 0 || o.Entity == m.Entity {
			continue
		}
		x := &d.Entities[o.Entity]
		if x.Type == e.Type && (x.Gender == e.Gender || x.Gender == doc.Unknown || e.Gender == doc.Unknown) {
			return true
		}
	}
	return false
}

// possessor reports whether mention m is followed by a possessive 's,
// so that it names whose something is ("Putin's spokesman"), not who.
// An 's that an apposition follows ends a shop's name ("a spokeswoman
// for Halloway's, the department store chain,"): nothing is possessed.
func possessor(d *doc.Document, m *doc.Mention) bool {
	rest := d.Text[m.End:]
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if len(rest) >= len(p) && rest[:len(p)] == p {
			k := d.TokenAt(m.End) + 1
			if k >= len(d.Tokens) || d.Tokens[k].Sent != d.Tokens[k-1].Sent || d.Tokens[k].Start != m.End+len(p) {
				return true
			}
			if d.Slice(d.Tokens[k].Span()) != "," || k+1 >= len(d.Tokens) {
				return true
			}
			switch strings.ToLower(d.Slice(d.Tokens[k+1].Span())) {
			case "the", "a", "an":
				return false // an apposition says what the name is
			}
			return true
		}
	}
	return false
}

// endsInCommonNoun reports whether source ends in a common noun, which
// a name before it only modifies.
func endsInCommonNoun(d *doc.Document, source doc.Span) bool {
	a, k := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	for j := a + 1; j <= k && k < len(d.Tokens); j++ {
		if p := d.Tokens[j].POS; p == doc.TagWRB || p == doc.TagWP || d.Slice(d.Tokens[j].Span()) == "," {
			k = j - 1 // "a WeWork spokesperson when contacted by Reuters"
			break
		}
	}
	return k < len(d.Tokens) && (d.Tokens[k].POS == doc.TagNN || d.Tokens[k].POS == doc.TagNNS)
}

// possessiveDeterminer reports whether mention m is a possessive
// pronoun before a noun ("her crew", "his spokesman"): it names whose
// someone is, not who.
func possessiveDeterminer(d *doc.Document, m *doc.Mention) bool {
	if m.Kind != doc.PronounMention {
		return false
	}
	k := d.TokenAt(m.Start)
	return k < len(d.Tokens) && d.Tokens[k].POS == doc.TagPRPS
}

// surname returns the last word of a name.
func surname(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == ' ' {
			return name[i+1:]
		}
	}
	return name
}

// endsInMediaNoun reports whether source ends in a noun for a
// publication ("magazine", "newspaper"), which a name before it names.
// endsInOrgNoun reports whether source, up to a comma or a
// preposition, ends in an organisation's common noun ("the OLPC project",
// "the Harbour Ferries board"): the name before it names the
// organisation itself, or the body of it that speaks for it.
func endsInOrgNoun(d *doc.Document, source doc.Span) bool {
	a, k := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	for j := a + 1; j <= k && k < len(d.Tokens); j++ {
		if p := d.Tokens[j].POS; p == doc.TagIN || p == doc.TagWRB || p == doc.TagWP || d.Slice(d.Tokens[j].Span()) == "," {
			k = j - 1
			break
		}
	}
	if k >= len(d.Tokens) || d.Tokens[k].POS != doc.TagNN {
		return false
	}
	lex, err := lexicon.Default()
	return err == nil && lex.OrgNoun(strings.ToLower(d.Slice(d.Tokens[k].Span())))
}

func endsInMediaNoun(d *doc.Document, source doc.Span) bool {
	k := d.TokenAt(source.End - 1)
	return k < len(d.Tokens) && mediaNouns[strings.ToLower(d.Slice(d.Tokens[k].Span()))]
}
