package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// ment is a mention being built, with what resolution needs to know
// about it.
type ment struct {
	doc.Mention
	a, b     int // tokens [a, b) of the mention
	ha, hb   int // tokens [ha, hb) of its head: the name proper, the role phrase, the pronoun
	sent     int
	gender   doc.Gender // what the mention itself says: honorific, gendered noun, pronoun
	plural   bool
	role     int    // index into the roles lexicon for title and noun mentions; -1 otherwise
	title    string // the title text: "Russian leader", "mayor of Kyiv"; "" when none
	mods     []string
	quals    []string // lower-case names that qualify a title: "westbury" in "the Westbury manager"
	specific bool     // qualified by a possessor, a complement, a nationality or a modifier
	nation   string   // country code from the title's modifiers or complement
	definite bool
	attach   int // for a title in apposition: the first head token of the name it describes; -1
	pron     pronoun
	conf     float64 // how sure the resolution is, 0..1
	parts    []string
	suffix   string // "jr", "sr", "ii" ... after a person's name
	place    string // country code when the mention names a country, capital or region
	country  bool   // the mention names the country itself
	honor    int    // for a name after an honorific that implies a role ("Sen."): that role's index + 1
	// unlearned: added or reshaped by a rule the attribution models were
	// not trained with, and so left out of doc.Document.AttribMentions.
	unlearned bool
	// learnedType, when set, is the type the attribution models saw for
	// a mention an unlearned rule retyped (doc.Document.AttribMentions).
	learnedType doc.EntityType
	// supersedes, when set, is 1 + the index in state.superseded of the
	// mention as the attribution models saw it, which this unlearned
	// mention took the place of.
	supersedes int
	// unlearnedRole: a role mention of an unlearned role
	// (gazetteer.unlearned), which reshapes unlearned what it touches.
	unlearnedRole bool
	// epithet: "the Dutchman", "the 24-year-old" (epithets).
	epithet bool
	// learnedHead: the attribution models saw the head of a name of
	// its learnedType, not of its type (founderNames, mediaNamed).
	learnedHead bool
	// apposedTo, when set, is 1 + the head token of the name before a
	// description in apposition that "its" or "their" opens, whose title
	// it is (apposedTitles).
	apposedTo int
}

// pronoun describes a personal pronoun.
type pronoun struct {
	form   string // lower case
	gender doc.Gender
	case_  byte // 'n' nominative, 'o' objective, 'p' possessive, 'r' reflexive
}

// pronouns maps each form of a third-person pronoun, lower case and
// capitalised, to what it says.
var pronouns = func() map[string]pronoun {
	m := map[string]pronoun{}
	for _, p := range []pronoun{
		{"he", doc.Male, 'n'}, {"him", doc.Male, 'o'}, {"his", doc.Male, 'p'}, {"himself", doc.Male, 'r'},
		{"she", doc.Female, 'n'}, {"her", doc.Female, 'o'}, {"hers", doc.Female, 'p'}, {"herself", doc.Female, 'r'},
		{"they", doc.Plural, 'n'}, {"them", doc.Plural, 'o'}, {"their", doc.Plural, 'p'}, {"theirs", doc.Plural, 'p'},
		{"themselves", doc.Plural, 'r'}, {"it", doc.Neuter, 'n'}, {"its", doc.Neuter, 'p'}, {"itself", doc.Neuter, 'r'},
	} {
		m[p.form] = p
		m[upperFirst(p.form)] = p
		m[strings.ToUpper(p.form)] = p
	}
	return m
}()

func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// state is the work of one Resolve call.
type state struct {
	r     *Resolver
	d     *doc.Document
	words []string
	info  []*wordInfo // per token: what its word form says (in ner_.words)
	pos   []doc.POS
	gaz   []uint32
	ner   []uint8
	ms    []match // gazetteer matches, token indexes into the document
	// unlearnedMs are the unlearned roles' matches (unlearnedRoles).
	unlearnedMs []match
	ments       []ment
	// superseded are the mentions as the attribution models saw them
	// that unlearned rules reshaped (doc.Document.AttribMentions).
	superseded []doc.Mention
	ents       []ent
	// Scratch for sorting the mentions.
	order   []uint64
	mentBuf []ment
	byTok   []int32 // token -> index of the name mention covering it, or -1
	sc      scorer  // the pronoun ranker; nil leaves pronouns unresolved
	total   []int   // entity -> its name mentions in the whole document
	// firstOf is each entity's first mention; firstPers the entity of the
	// first person name, or -1.
	firstOf   []int
	firstPers int
	// Scratch for ranking pronouns.
	cands     []cand
	nullFeats []uint64
	memo      pronMemo // the ranker's weights by exact feature
	sal       []float64
	roles     []byte // mention -> grammatical role, 0 until computed
	covered   []bool // per token, for the passes that mark tokens
	remap     []int
	// The clauses, found when a pronoun first needs them.
	clauses     []clause
	clauseOf    []int32
	clausesDone bool
	sums        []candSummary
	front       int     // the pronoun's frontedSubject, found by summarise
	relHead     int     // the pronoun's relativeHead, found by summarise
	after       []int32 // scratch for chunkClauses
	names       []int32 // name mentions by entity, in order: see nameStart
	nameStart   []int32 // entity -> its first in names; one more for the end
	docSubj     []int32 // entity -> name mentions that are subjects, | firstSubjBit
	ner_        nerScratch
	keys        map[keyOf]string // Key's results
}

// prepare fills the per-token layers: words, parts of speech, lexicon
// flags and matches, and NER labels, sentence by sentence.
func (st *state) prepare(names []doc.Span) {
	d := st.d
	n := len(d.Tokens)
	st.words = reuse.Zeroed(st.words, n)
	st.pos = reuse.Zeroed(st.pos, n)
	st.gaz = reuse.Zeroed(st.gaz, n)
	st.ner = st.ner[:0]
	st.ments = st.ments[:0]
	st.superseded = st.superseded[:0]
	st.ents = st.ents[:0]
	st.ms = st.ms[:0]
	st.unlearnedMs = st.unlearnedMs[:0]
	st.roles = st.roles[:0]
	st.clausesDone = false
	for i, t := range d.Tokens {
		st.words[i] = d.Text[t.Start:t.End]
		st.pos[i] = t.POS
	}
	sc := &st.ner_
	st.info = st.r.infos(st.words, &sc.words)
	for _, s := range d.Sentences {
		a, b := s.FirstTok, s.EndTok
		first := len(st.ms)
		st.ms = st.r.gaz.flags(st.words[a:b], st.info[a:b], st.gaz[a:b], st.ms)
		for k := first; k < len(st.ms); k++ {
			st.ms[k].start += a
			st.ms[k].end += a
		}
		first = len(st.unlearnedMs)
		st.unlearnedMs = st.r.gaz.unlearnedMatches(st.words[a:b], st.info[a:b], st.unlearnedMs)
		for k := first; k < len(st.unlearnedMs); k++ {
			st.unlearnedMs[k].start += a
			st.unlearnedMs[k].end += a
		}
		if st.r.ner != nil {
			st.ner = st.r.ner.tag(st.words[a:b], st.info[a:b], st.pos[a:b], st.gaz[a:b], st.ner)
		} else {
			for range st.words[a:b] {
				st.ner = append(st.ner, lO)
			}
		}
	}
	st.acronymNames()
	st.datelines()
	st.transcriptLabels()
	st.titledOpenings()
	// Names the caller vouches for override the tagger.
	for _, sp := range names {
		a, b := d.TokenAt(sp.Start), d.TokenAt(sp.End-1)+1
		if b > n {
			b = n
		}
		if a >= b {
			continue
		}
		if a > 0 && labelType(st.ner[a-1]) != 0 && a < n && isInside(st.ner[a]) {
			// Split a tagger entity the hint begins inside.
			st.ner[a] = lBPer
		}
		for k := a; k < b; k++ {
			st.ner[k] = lIPer
		}
		st.ner[a] = lBPer
		if b < n && isInside(st.ner[b]) {
			st.ner[b]--
		}
	}
}

// datelines labels the article's dateline a place for the tagger's
// labels: up to three words in capitals that open one of the first three
// paragraphs before a dash, with a comma and a state or a country after
// them and an agency in parentheses if it likes ("WASHINGTON —", "DES
// MOINES, Iowa -", "ERBIL, Kurdistan Region of Iraq -", "TORONTO (AP)
// —"), where the state, the country or
// the agency is there or the tagger saw a name. It took them, reading
// capitals, for an organisation or a person, or ran them into the name
// after the dash.
func (st *state) datelines() {
	d := st.d
	for _, p := range d.Paragraphs[:min(3, len(d.Paragraphs))] {
		k, end := d.Sentences[p.FirstSent].FirstTok, d.Sentences[p.EndSent-1].EndTok
		if k >= end {
			continue
		}
		n := k
		for n < end && n-k < 3 && d.Tokens[n].Kind == doc.Word && d.Tokens[n].Has(doc.AllUpper) && len(st.words[n]) > 1 {
			n++
		}
		if n == k {
			continue
		}
		j, sure := n, false // sure: a state, a country or an agency follows
		if j < end && st.words[j] == "," {
			sure = true
			// The state or country: "N.H.", "Iowa", "Calif.", "Mexico",
			// "Kurdistan Region of Iraq".
			j++
			for m := j; j < end && j-m < 5 && (d.Tokens[j].Has(doc.Upper) || st.words[j] == "." || st.words[j] == "of" && j > m && j+1 < end && d.Tokens[j+1].Has(doc.Upper)); j++ {
			}
		}
		if j < end && st.words[j] == "(" {
			sure = true
			for m := j; j < end && j-m < 4 && st.words[j] != ")"; j++ {
			}
			j++
		}
		if j >= end-1 || !isDash(st.words[j]) && st.words[j] != "-" || !sure && !slices.ContainsFunc(st.ner[k:n], func(l uint8) bool { return l != lO }) {
			continue // "EXCLUSIVE —", no name to the tagger, is no place
		}
		st.ner[k] = lBLoc
		for i := k + 1; i < n; i++ {
			st.ner[i] = lILoc
		}
		st.ner[j] = lO
		for i := n; i <= j+1; i++ {
			// No name runs on from the place, or over the dash: "JERUSALEM
			// - Israeli Prime Minister …" was one to the tagger.
			if isInside(st.ner[i]) && (i == n || st.ner[i-1] == lO) {
				st.ner[i]--
			}
		}
		return // one dateline, the article's
	}
}

// titledOpenings labels a person's name the tagger missed at the start
// of a sentence, after a capitalised noun for a person or an office
// ("Astronomer Sandra Okafor with the University …", "Councillor Ana
// Ruiz said"): a first name the lexicon knows and one or two capitalised
// proper nouns after it (or words the tagger gave a function word's tag),
// to which the tagger gave no label.
func (st *state) titledOpenings() {
	d := st.d
	for _, s := range d.Sentences {
		k := s.FirstTok
		if k+2 >= s.EndTok || !d.Tokens[k].Has(doc.Upper) || st.gaz[k]&(gRoleB|gPersonNounB) == 0 && !st.r.lex.PersonNoun(st.info[k].lower) || st.gaz[k]&gFirstName != 0 {
			continue
		}
		f := k + 1
		if st.ner[f] != lO || !d.Tokens[f].Has(doc.Upper) || st.gaz[f]&gFirstName == 0 {
			continue
		}
		b := f + 1
		for b < s.EndTok && b-f <= 2 && st.ner[b] == lO && d.Tokens[b].Has(doc.Upper) && (st.pos[b].IsProperNoun() || st.mistagged(b)) && st.gaz[b]&(gRoleB|gOrgNoun) == 0 {
			b++
		}
		if b == f+1 {
			continue
		}
		st.ner[f] = lBPer
		for i := f + 1; i < b; i++ {
			st.ner[i] = lIPer
		}
	}
}

// transcriptLabels labels the names of a transcript's speaker labels a
// person's for the tagger's labels, which, reading capitals, mostly miss
// them or take them for an organisation: up to three words in capitals
// that open a paragraph (after an opening quotation mark, if any) before
// a colon, or before a comma, up to three words of a role in capitals and
// a colon ("DETROW:", "TAMARA KEITH, BYLINE:"), with a title before the
// name left out ("PRESIDENT DONALD TRUMP:"), where two paragraphs or more
// open so and the label's last word ends another label or a name the
// tagger took for a person's; not "UPDATE:" over a paragraph.
func (st *state) transcriptLabels() {
	d := st.d
	var labels []doc.Span // token ranges
	for _, p := range d.Paragraphs {
		k, end := d.Sentences[p.FirstSent].FirstTok, d.Sentences[p.EndSent-1].EndTok
		if k < end && d.Tokens[k].Kind == doc.Punct && st.pos[k] == doc.TagOpenQ {
			k++
		}
		if n, colon := d.SpeakerLabel(k, end); colon >= 0 {
			for k+1 < n && st.r.lex.PersonNoun(st.info[k].lower) && st.gaz[k]&gFirstName == 0 {
				k++
			}
			labels = append(labels, doc.Span{Start: k, End: n})
		}
	}
	if len(labels) < 2 {
		return
	}
	turns := func(w string) int {
		n := 0
		for _, l := range labels {
			if st.info[l.End-1].folded() == w {
				n++
			}
		}
		return n
	}
	person := func(w string) bool {
		for k, l := range st.ner {
			if labelType(l) == 1 && st.info[k].folded() == w && !st.d.Tokens[k].Has(doc.AllUpper) {
				return true
			}
		}
		return false
	}
	for _, l := range labels {
		if w := st.info[l.End-1].folded(); turns(w) < 2 && !person(w) {
			continue
		}
		st.ner[l.Start] = lBPer
		for k := l.Start + 1; k < l.End; k++ {
			st.ner[k] = lIPer
		}
		if l.End < len(st.ner) && isInside(st.ner[l.End]) {
			st.ner[l.End]--
		}
	}
}

// pluralPossessiveName returns where an organisation's name that the
// tagger ended at token b goes on: past a possessive mark after a plural
// common noun in capitals ("Employers’", "Students'") and the capitalised
// proper nouns after it, the first an organisation's noun ("Association",
// "Union"); b itself otherwise. A plural is a word tagged one, or one
// the lemma list gives a lemma of its own (not "Sanders’ College").
func (st *state) pluralPossessiveName(b int) int {
	n := len(st.words)
	if b < 1 || b+1 >= n || (st.words[b] != "’" && st.words[b] != "'") || st.d.Tokens[b].Has(doc.SpaceBefore) ||
		!strings.HasSuffix(st.info[b-1].lower, "s") || st.pos[b-1] != doc.TagNNS && st.pos[b-1] != doc.TagNNPS && st.r.lex.Lemma(st.info[b-1].lower) == st.info[b-1].lower ||
		st.gaz[b+1]&gOrgNoun == 0 || !st.d.Tokens[b+1].Has(doc.Upper) || st.d.Tokens[b+1].Sent != st.d.Tokens[b-1].Sent {
		return b
	}
	e := b + 1
	for e < n && st.d.Tokens[e].Sent == st.d.Tokens[b].Sent && st.d.Tokens[e].Has(doc.Upper) && st.pos[e].IsProperNoun() {
		e++
	}
	if e == b+1 {
		return b
	}
	return e
}

// possessiveNameElsewhere returns where an organisation's name of type t
// that the tagger ended at token b, before or after a possessive mark
// before capitalised words, goes on to when the tagger found the name with them
// whole elsewhere in the text ("the Northern Women's League asking",
// after "the Northern Women's League on Sunday"); b otherwise.
func (st *state) possessiveNameElsewhere(a, b int, t uint8) int {
	n := len(st.words)
	c := b // the first capitalised word after the mark
	switch {
	case t != 2 || b >= n || b-a < 2:
		return b
	case isPossessive(st.words[b-1]):
	case isPossessive(st.words[b]) && b+1 < n:
		c = b + 1
	default:
		return b
	}
	if st.d.Tokens[c].Sent != st.d.Tokens[a].Sent || !st.d.Tokens[c].Has(doc.Upper) {
		return b
	}
	e := c
	for e < n && e <= c+2 && st.d.Tokens[e].Sent == st.d.Tokens[a].Sent && st.d.Tokens[e].Has(doc.Upper) {
		e++
	}
	for ; e > c; e-- {
		for k := 0; k+e-a <= n; k++ {
			if k != a && st.wholeNameAt(k, a, e) {
				return e
			}
		}
	}
	return b
}

// orgHeads widens, unlearned, each organisation's name the tagger found
// only after its head ("The Office for [Product Safety] and Standards
// said") to the whole name (orgHeadBefore). It runs after the titles are
// found, whose complements keep the names as the attribution models
// learnt them.
func (st *state) orgHeads() {
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || m.Type != doc.Organization || m.unlearned || m.supersedes > 0 || m.a != m.ha || m.b != m.hb {
			continue
		}
		s, e := st.orgHeadBefore(m.a, m.b)
		if s == m.a || st.coveredAny(s, m.a) || st.coveredAny(m.b, e) {
			continue
		}
		st.supersede(i, m.a, m.b, doc.NameMention, doc.Organization)
		m.a, m.ha, m.b, m.hb = s, s, e, e
		m.unlearned = true
		for k := s; k < e; k++ {
			st.byTok[k] = int32(i)
		}
	}
}

// coveredAny reports whether a mention covers any of tokens [a, b).
func (st *state) coveredAny(a, b int) bool {
	for i := range st.ments {
		if m := &st.ments[i]; m.a < b && a < m.b {
			return true
		}
	}
	return false
}

// orgHeadBefore returns the span of an organisation's name the tagger
// found only after its head, at tokens [a, b): a capitalised
// organisation's noun, then "for" or "of" ("Office for [Product
// Safety]"), and, after it, "and" and capitalised words the tagger left
// out before a word in lower case ("and Standards"). It returns a, b
// when there is no such noun.
func (st *state) orgHeadBefore(a, b int) (int, int) {
	n := len(st.words)
	k := a - 2
	if k < 0 || st.words[a-1] != "for" && st.words[a-1] != "of" || st.d.Tokens[k].Sent != st.d.Tokens[a].Sent ||
		!st.d.Tokens[k].Has(doc.Upper) || st.gaz[k]&gOrgNoun == 0 || st.ner[k] != lO || st.ner[a-1] != lO {
		return a, b
	}
	e, c := b, -1
	switch {
	case st.words[b-1] == "and":
		c = b // the tagger took "and" in
	case b+1 < n && st.words[b] == "and":
		c = b + 1
	}
	if c > 0 {
		j := c
		for j < n && st.d.Tokens[j].Sent == st.d.Tokens[a].Sent && st.d.Tokens[j].Has(doc.Upper) && st.ner[j] == lO && st.pos[j].IsNoun() {
			j++
		}
		if j > c && j < n && !st.d.Tokens[j].Has(doc.Upper) {
			e = j
		}
	}
	return k, e
}

// wholeNameAt reports whether the tagger labels the words at token k, the
// same as tokens [a, e), one organisation's name and no more.
func (st *state) wholeNameAt(k, a, e int) bool {
	for j := 0; j < e-a; j++ {
		l := st.ner[k+j]
		if st.words[k+j] != st.words[a+j] || labelType(l) != 2 || (j == 0) == isInside(l) {
			return false
		}
	}
	end := k + e - a
	return end >= len(st.words) || !isInside(st.ner[end])
}

// isPossessive reports whether word w is the possessive clitic.
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S" || w == "’S"
}

// nameMentions turns the NER labels into name mentions.
func (st *state) nameMentions() {
	n := len(st.words)
	headline := st.headlines()
	for a := 0; a < n; {
		l := st.ner[a]
		if l == lO || isInside(l) && a > 0 && labelType(st.ner[a-1]) == labelType(l) {
			a++
			continue
		}
		b := a + 1
		for b < n && isInside(st.ner[b]) && labelType(st.ner[b]) == labelType(l) && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent {
			b++
		}
		if labelType(l) == 1 && b == a+1 && (st.gaz[a]&gFirstName != 0 || !st.d.Tokens[a].Has(doc.SentStart)) && b < n && st.ner[b] != lO && !isInside(st.ner[b]) && labelType(st.ner[b]) == 1 && st.gaz[b]&gFirstName == 0 && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent {
			// One word the tagger ends a name with, right before a name it
			// begins, is one name with it ("Ravi Kumara Senanayake"),
			// unless it opens the sentence and is no first name
			// ("Backup Charlie Batch") or the name after begins with a
			// first name ("Treasurer Ana Lopez").
			for b++; b < n && isInside(st.ner[b]) && labelType(st.ner[b]) == 1 && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent; b++ {
			}
		}
		if labelType(l) == 1 || st.gaz[a]&gFirstName != 0 {
			// "Paolo di Ferrante", "Karim bin Hassan": a surname particle
			// in lower case between two capitalised parts of a name the
			// tagger split there.
			for {
				j := st.particlesAt(b, a)
				if j == b || j >= n || st.d.Tokens[j].Sent != st.d.Tokens[a].Sent || !st.d.Tokens[j].Has(doc.Upper) || st.ner[j] == lO && !st.pos[j].IsProperNoun() {
					break
				}
				b = st.nameGoesOn(j+1, a)
			}
		}
		if labelType(l) == 1 {
			// "Hussain al-Tamimi": a surname after the Arabic article,
			// in lower case and joined to it by a hyphen, goes on with
			// the name the tagger ended before it.
			b = st.arabicSurname(b, a)
		}
		if personParticles[st.info[b-1].lower] {
			// "Di" alone, where "Di Ferrante" is the name: a particle
			// does not end one ("Van der Berg").
			if j := st.particlesAt(b, a); j < n && st.d.Tokens[j].Sent == st.d.Tokens[a].Sent && st.d.Tokens[j].Has(doc.Upper) && st.pos[j].IsProperNoun() {
				b = st.nameGoesOn(j+1, a)
			}
		}
		if labelType(l) == 2 && b+1 < n && st.words[b] == "of" && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent {
			// "News of the World", an organisation's name the tagger ended
			// before "of": capitalised proper nouns after "of" or "of
			// the" go on with it.
			j := b + 1
			if st.words[j] == "the" {
				j++
			}
			e := j
			for e < n && st.d.Tokens[e].Sent == st.d.Tokens[a].Sent && st.d.Tokens[e].Has(doc.Upper) && st.pos[e].IsProperNoun() && labelType(st.ner[e]) != 1 {
				e++
			}
			if e > j {
				b = e
			}
		}
		if labelType(l) == 2 {
			// "Universities and Colleges Employers’ Association": an
			// organisation's name goes on over a plural's possessive mark
			// to the name whose first word is an organisation's noun.
			b = st.pluralPossessiveName(b)
		}
		if labelType(l) == 1 && b < n && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent && st.info[b].lex&lxNameSuffix != 0 {
			b++ // "Robert Vance Jr."
		}
		if !headline[st.d.Sentences[st.d.Tokens[a].Sent].Para] {
			if j := st.personOfOrg(a, b, labelType(l)); j > a {
				// "Lucía Ferrández of the Green Alliance", one
				// organisation's name to the tagger: a person and the
				// organisation she is of.
				n0 := len(st.ments)
				st.unlearnedName(a, j)
				st.supersede(n0, a, b, doc.NameMention, doc.Organization)
				if j++; st.words[j] == "the" {
					j++
				}
				n0 = len(st.ments)
				if st.info[b-1].lex&lxPlaceHead != 0 || adminAreas[st.info[b-1].lower] {
					st.nameMention(j, b, 3) // "of Burke County"
				} else {
					st.nameMention(j, b, 2)
				}
				st.markUnlearned(n0)
			} else if k := st.orgBeforeFirstName(a, b, labelType(l)); k > a {
				// "Harbour Police Tariq Mahmood", one name to the tagger: the
				// organisation and the person after it.
				head := uint8(2)
				if t := labelType(l); t == 4 || t == 3 {
					head = t // the party, nationality or place stays what it was
				}
				st.nameMention(a, k, head)
				b = st.arabicSurname(b, a)
				st.nameMention(k, b, 1)
			} else if labelType(l) == 2 && b < n && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent && st.ner[b] == lO && st.d.Tokens[b].Has(doc.Upper) && companyTrades[st.info[b].lower] {
				// "Lumora Technologies unveiled": the word of its trade
				// the tagger left out ends the company's name.
				n0 := len(st.ments)
				st.nameMention(a, b+1, 2)
				st.markUnlearned(n0)
				st.supersede(n0, a, b, doc.NameMention, doc.Organization)
				b++
			} else if e := st.possessiveNameElsewhere(a, b, labelType(l)); e > b {
				// "the Northern Women's League asking", ended at "Women"
				// here and found whole elsewhere: that name, unlearned.
				n0 := len(st.ments)
				st.nameMention(a, e, 2)
				st.markUnlearned(n0)
				st.supersede(n0, a, b, doc.NameMention, doc.Organization)
				b = e
			} else if !(labelType(l) == 1 && st.abstractName(a, b)) {
				st.nameMention(a, b, labelType(l))
			}
		}
		a = b
	}
	st.hyphenedNames()
	st.consistentNames()
	st.saidNames()
	st.firstNameNames()
	st.honorificNames()
}

// honorificNames adds, unlearned (doc.Document.AttribMentions), the
// names the tagger left out that a plain honorific opens ("Ms Okwuosa
// said", "Mr. Halvorsen"): an honorific outside any mention before one
// or two capitalised proper nouns outside any mention, none a word of a
// place's or an organisation's name, in its sentence.
func (st *state) honorificNames() {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI | gHonorific | gRoleB | gRoleI | gLeaderB | gLeaderI
	n := len(st.words)
	for k := 0; k+1 < n; k++ {
		if st.covered[k] || st.gaz[k]&gHonorific == 0 || !st.d.Tokens[k].Has(doc.Upper) {
			continue
		}
		b := k + 1
		for b < n && b <= k+2 && !st.covered[b] && st.ner[b] == lO && st.d.Tokens[b].Sent == st.d.Tokens[k].Sent && st.d.Tokens[b].Kind == doc.Word &&
			st.d.Tokens[b].Has(doc.Upper) && st.pos[b].IsProperNoun() && st.gaz[b]&notPerson == 0 {
			b++
		}
		if b == k+1 || b < n && st.d.Tokens[b].Sent == st.d.Tokens[k].Sent && st.d.Tokens[b].Has(doc.Upper) && st.pos[b].IsProperNoun() {
			continue
		}
		for j := k; j < b; j++ {
			st.covered[j] = true
		}
		st.unlearnedName(k, b)
		k = b
	}
}

// introducedName reports whether tokens [a, b) stand where a person's
// name is introduced: before or after a verb of saying, after an
// honorific or a title, after "according to", or after a comma after a
// title ("chairman, Dong-hyun Bae").
func (st *state) introducedName(a, b int) bool {
	const titled = gHonorific | gRoleB | gRoleI | gLeaderB | gLeaderI
	in := func(k int) bool { return k >= 0 && k < len(st.words) && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent }
	saying := func(k int) bool { return in(k) && st.info[k].lex&lxReportH != 0 && st.pos[k].IsVerb() }
	switch {
	case saying(b) || saying(a-1):
		return true
	case in(a-1) && st.gaz[a-1]&titled != 0:
		return true
	case in(a-2) && st.info[a-1].lower == "to" && st.info[a-2].lower == "according":
		return true
	}
	return in(a-2) && st.words[a-1] == "," && st.gaz[a-2]&titled != 0
}

// hyphenedNames joins a given name written with a hyphen (hyphenedGiven:
// "Hyun-woo") that the tagger left out to the person's name right after
// it ("Hyun-woo Lee"), and adds, unlearned (doc.Document.AttribMentions), the
// names the tagger missed altogether that such a given name makes with a
// capitalised proper noun after it or, written surname first, before it
// ("Dong-hyun Bae", "Bae Dong-hyun").
func (st *state) hyphenedNames() {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI | gHonorific | gRoleB | gRoleI | gLeaderB | gLeaderI
	n := len(st.words)
	// Outside the tagger's names, or in what it took for a name of no
	// type it keeps (MISC: "Hyun-woo Lee" as if a nationality).
	st.coverMentions()
	untyped := func(k int) bool {
		return !st.covered[k] && (st.ner[k] == lO || labelType(st.ner[k]) == labelType(lBMisc))
	}
	name := func(k int) bool {
		return k >= 0 && k < n && untyped(k) && st.d.Tokens[k].Kind == doc.Word && st.d.Tokens[k].Has(doc.Upper) &&
			st.pos[k].IsProperNoun() && st.gaz[k]&notPerson == 0 && !st.hyphenedGiven(st.words[k])
	}
	for k := 0; k < n; k++ {
		if !untyped(k) || !st.hyphenedGiven(st.words[k]) {
			continue
		}
		sameSent := func(j int) bool { return j >= 0 && j < n && st.d.Tokens[j].Sent == st.d.Tokens[k].Sent }
		if sameSent(k + 1) {
			joined := false
			for i := range st.ments {
				if m := &st.ments[i]; m.Kind == doc.NameMention && m.Type == doc.Person && m.a == k+1 && m.ha == k+1 && st.introducedName(k, m.b) {
					m.a, m.ha = k, k
					st.covered[k] = true
					joined = true
					break
				}
			}
			if joined {
				continue
			}
		}
		switch {
		case sameSent(k+1) && name(k+1) && st.introducedName(k, k+2):
			st.covered[k], st.covered[k+1] = true, true
			st.unlearnedName(k, k+2)
			k++
		case sameSent(k-1) && name(k-1) && st.introducedName(k-1, k+1):
			st.covered[k-1], st.covered[k] = true, true
			st.unlearnedName(k-1, k+1)
		}
	}
}

// months are the months' names, some of them first names too ("June").
var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// firstNameNames adds the person names the tagger missed altogether: a
// common first name (a thousand bearers or more) and one or two
// capitalised proper nouns after it, all of them outside any mention and
// none a word of a place's or an organisation's name, with no other
// capitalised word right before, and a comma, "of" or a verb of saying
// right after ("Chloe Amadi of Westerly Capital argued"). The mentions
// are unlearned (doc.Document.AttribMentions).
func (st *state) firstNameNames() {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI | gHonorific | gRoleB | gRoleI | gLeaderB | gLeaderI
	n := len(st.words)
	for k := 0; k+1 < n; k++ {
		if st.covered[k] || st.ner[k] != lO || st.gaz[k]&gFirstName == 0 || st.gaz[k]&notPerson != 0 || !st.pos[k].IsProperNoun() || !st.d.Tokens[k].Has(doc.Upper) ||
			st.info[k].lex&(lxDeterminerL|lxPrepL|lxSubL|lxRelL) != 0 { // "An" in "Tom Cruise: An Unauthorized Biography,"

			continue
		}
		if k > 0 && st.d.Tokens[k-1].Sent == st.d.Tokens[k].Sent && st.d.Tokens[k-1].Has(doc.Upper) && !st.d.Tokens[k].Has(doc.SentStart) {
			continue
		}
		if c, ok := st.r.gaz.firstName(st.words[k]); !ok || c.Female+c.Male < 1000 || months[st.info[k].lower] {
			continue
		}
		b := k + 1
		for b < n && b <= k+2 && !st.covered[b] && st.ner[b] == lO && st.d.Tokens[b].Sent == st.d.Tokens[k].Sent && st.d.Tokens[b].Kind == doc.Word &&
			st.d.Tokens[b].Has(doc.Upper) && st.pos[b] == doc.TagNNP && st.gaz[b]&notPerson == 0 && !facilityNouns[st.info[b].lower] {
			b++
		}
		if b == k+1 || b >= n || st.d.Tokens[b].Sent != st.d.Tokens[k].Sent {
			continue
		}
		// Introduced as people are: before a comma, "of", or a verb
		// of saying ("Joy Alessi, 50, of Houston"; "Chloe Amadi of
		// Westerly Capital argued"), not before words of a title.
		if w := st.words[b]; w != "," && w != "of" && (st.info[b].lex&lxReportH == 0 || !st.pos[b].IsVerb()) {
			continue
		}
		for j := k; j < b; j++ {
			st.covered[j] = true
		}
		st.unlearnedName(k, b)
		k = b
	}
}

// unlearnedName adds the person's name on tokens [a, b) as nameMention
// does, marked unlearned (doc.Document.AttribMentions).
func (st *state) unlearnedName(a, b int) {
	n0 := len(st.ments)
	st.nameMention(a, b, 1)
	st.markUnlearned(n0)
}

// markUnlearned marks the mentions from index n0 on unlearned.
func (st *state) markUnlearned(n0 int) {
	for i := n0; i < len(st.ments); i++ {
		st.ments[i].unlearned = true
	}
}

// supersede keeps, for the attribution models, the mention of kind k and
// type t on tokens [a, b) that an unlearned rule reshapes into the
// mentions from index n0 on, in the place of the first of them
// (doc.Document.AttribMentions).
func (st *state) supersede(n0, a, b int, k doc.MentionKind, t doc.EntityType) {
	if n0 >= len(st.ments) {
		return
	}
	m := ment{a: a, b: b, ha: a, hb: b}
	m.Type = t
	st.superseded = append(st.superseded, doc.Mention{Span: st.d.TokenSpan(a, b), Head: st.nameHead(&m), Kind: k, Type: t, Entity: -1})
	st.ments[n0].supersedes = len(st.superseded)
}

// toRoles are the role nouns whose complement a name after "to" is
// ("ambassador to Britain", "envoy to the UN", "adviser to Ana Ruiz");
// after other role nouns "to" most often opens a verb's complement
// ("invited the president to Washington").
var toRoles = map[string]bool{
	"ambassador": true, "ambassadors": true, "envoy": true, "envoys": true, "emissary": true,
	"adviser": true, "advisers": true, "advisor": true, "advisors": true, "aide": true, "aides": true,
	"consul": true, "nuncio": true, "representative": true, "delegate": true, "attaché": true,
	"attache": true, "counsellor": true, "counselor": true,
}

// saidNames adds the person names the tagger missed as the inverted
// subject of a verb of saying right after a quotation ("“…,” said centre
// Jon Halvorsen"): two or more capitalised proper nouns after the verb
// and up to three lower-case words for a role, none of them a place's or an
// organisation's word, ending before anything but another proper noun.
func (st *state) saidNames() {
	n := len(st.words)
	covered := st.covered
	for v := 2; v+2 < n; v++ {
		if st.info[v].lex&lxReportH == 0 || !st.pos[v].IsVerb() {
			continue
		}
		q := v - 1
		if st.words[q] == "," {
			q--
		}
		if q < 0 || st.pos[q] != doc.TagCloseQ || st.d.Tokens[q].Sent != st.d.Tokens[v].Sent {
			continue
		}
		// Up to three lower-case words for a role, whatever the tagger
		// took them for, short of a closed class or a finite verb.
		a := v + 1
		for a < n && a <= v+3 && st.d.Tokens[a].Sent == st.d.Tokens[v].Sent && st.d.Tokens[a].Kind == doc.Word && !st.d.Tokens[a].Has(doc.Upper) &&
			!closedTags[st.pos[a]] && !st.finiteVerbAt(a) {
			a++
		}
		b := a
		const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI
		for b < n && st.d.Tokens[b].Sent == st.d.Tokens[v].Sent && st.d.Tokens[b].Has(doc.Upper) && st.pos[b].IsProperNoun() && !covered[b] && st.gaz[b]&notPerson == 0 {
			b++
		}
		if b-a < 2 || b < n && st.d.Tokens[b].Sent == st.d.Tokens[v].Sent && st.pos[b].IsProperNoun() {
			continue
		}
		for j := a; j < b; j++ {
			covered[j] = true
		}
		st.nameMention(a, b, 1)
	}
	st.appositiveNames()
	st.voxPopNames()
}

// isAge reports whether w is a number a person's age can be, 1 to 119.
func isAge(w string) bool {
	if len(w) == 0 || len(w) > 3 || w[0] == '0' {
		return false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
		n = n*10 + int(w[i]-'0')
	}
	return n < 120
}

// voxPopNames adds the people named by one word alone, as reports name the
// public they ask ("Tomás, 52, who runs a bakery"; "Minh, a student,
// said"): a capitalised proper noun opening a sentence, outside any
// mention and no word of a place's or an organisation's name, then a
// comma and either an age and a comma or "a" or "an" and a description
// with a person's role or noun up to the next comma. The mentions are
// unlearned (doc.Document.AttribMentions).
func (st *state) voxPopNames() {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI | gHonorific
	const person = gLeaderB | gLeaderI | gRoleB | gRoleI | gPersonNounB | gPersonNounI
	for _, s := range st.d.Sentences {
		a := s.FirstTok
		if a+4 >= s.EndTok || st.covered[a] || st.ner[a] != lO || !st.pos[a].IsProperNoun() || !st.d.Tokens[a].Has(doc.Upper) || st.gaz[a]&notPerson != 0 || st.words[a+1] != "," {
			continue
		}
		named := false
		if isAge(st.words[a+2]) && st.words[a+3] == "," {
			named = true
		} else if w := st.info[a+2].lower; w == "a" || w == "an" {
			for c := a + 3; c < s.EndTok && c <= a+10 && st.words[c] != ","; c++ {
				if st.finiteVerbAt(c) || closedTags[st.pos[c]] && st.words[c] != "of" && st.info[c].lower != "the" {
					break
				}
				if st.gaz[c]&person != 0 || st.r.lex.PersonNoun(st.info[c].lower) {
					named = true
				}
			}
		}
		if named {
			st.covered[a] = true
			st.unlearnedName(a, a+1)
		}
	}
}

// appositiveNames adds the person names the tagger missed at the head of
// a sentence whose subject they are, described in apposition before a
// verb of saying ("Cheuk Hau-yip, the commander of the district, said"):
// two or more capitalised nouns opening the sentence, the first a proper
// one and none a place's or an organisation's word, then a comma, a
// description with "the", "a", "an" or "another" and a person's role or
// noun, and a comma right before the verb.
func (st *state) appositiveNames() {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI
	const person = gLeaderB | gLeaderI | gRoleB | gRoleI | gPersonNounB | gPersonNounI
	for _, s := range st.d.Sentences {
		a := s.FirstTok
		b := a
		// The tagger takes an unknown capitalised word for a common noun
		// as often as for a proper one ("Hau-yip").
		for b < s.EndTok && st.d.Tokens[b].Has(doc.Upper) && (st.pos[b].IsProperNoun() || st.pos[b] == doc.TagNN || st.pos[b] == doc.TagNNS) && !st.covered[b] && st.gaz[b]&notPerson == 0 {
			b++
		}
		if b-a < 2 || !st.pos[a].IsProperNoun() || b+2 >= s.EndTok || st.words[b] != "," {
			continue
		}
		if w := st.info[b+1].lower; w != "the" && w != "a" && w != "an" && w != "another" {
			continue
		}
		role := false
		c := b + 2
		for ; c < s.EndTok && c <= b+10 && st.words[c] != ","; c++ {
			if st.finiteVerbAt(c) || closedTags[st.pos[c]] && st.words[c] != "of" && st.info[c].lower != "the" {
				break
			}
			role = role || st.gaz[c]&person != 0 || st.r.lex.PersonNoun(st.info[c].lower)
		}
		if !role || c+1 >= s.EndTok || st.words[c] != "," || st.info[c+1].lex&lxReportH == 0 || !st.pos[c+1].IsVerb() {
			continue
		}
		for j := a; j < b; j++ {
			st.covered[j] = true
		}
		st.nameMention(a, b, 1)
	}
}

// arabicArticleName reports whether w is a name after the Arabic
// article, which stays in lower case joined by a hyphen to the
// capitalised name ("al-Tamimi", "el-Sayed"): a part of a person's name
// though it does not begin with a capital.
func arabicArticleName(w string) bool {
	for _, p := range [...]string{"al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "an-", "ar-"} {
		if len(w) > len(p)+1 && w[:len(p)] == p {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// arabicSurname returns the token after the names after the Arabic
// article that start at token k in the sentence of token a
// (arabicArticleName), or k when none does.
func (st *state) arabicSurname(k, a int) int {
	for k < len(st.words) && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent && arabicArticleName(st.words[k]) {
		k = st.nameGoesOn(k+1, a)
	}
	return k
}

// particlesAt returns the token after the surname particles in lower
// case that start at token k in the sentence of token a ("von der" in
// "Ursula von der Leyen"; "des" after a first name at a), or k when none
// does.
func (st *state) particlesAt(k, a int) int {
	for k < len(st.words) && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent && (personParticles[st.words[k]] || firstNameParticles[st.words[k]] && st.gaz[a]&gFirstName != 0) {
		k++
	}
	return k
}

// nameGoesOn returns the first token from k on, in the sentence of token
// a, that the tagger does not label as inside a name.
func (st *state) nameGoesOn(k, a int) int {
	for k < len(st.words) && isInside(st.ner[k]) && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent {
		k++
	}
	return k
}

// commonFirstName reports whether token k is a first name at least
// 20,000 people in the lexicon's records bore: a name, not a word that is
// sometimes one ("Peace", "Star").
func (st *state) commonFirstName(k int) bool {
	c, ok := st.r.gaz.firstName(st.words[k])
	return ok && c.Female+c.Male >= 20000
}

// institutionNouns head the names of institutions named after a place or
// a person ("Harlow Museum of Flight"), which no surname is.
var institutionNouns = map[string]bool{"museum": true, "library": true, "institute": true, "university": true, "college": true,
	"school": true, "academy": true, "hospital": true, "center": true, "centre": true, "foundation": true, "society": true,
	"council": true, "church": true, "house": true, "hall": true, "club": true, "trust": true, "fund": true, "bank": true,
	"gallery": true, "theatre": true, "theater": true, "office": true, "department": true, "board": true, "court": true}

// adminAreas are the nouns that end the names of the areas a country is
// divided into ("Burke County").
var adminAreas = map[string]bool{"county": true, "province": true, "district": true, "region": true, "parish": true,
	"borough": true, "township": true, "prefecture": true, "oblast": true, "canton": true, "municipality": true}

// personOfOrg returns where "of" splits an organisation's name [a, b)
// into a person's and the organisation's ("Lucía Ferrández of the Green
// Alliance"): two or three capitalised words before it, the first a
// first name the lexicons know and none an organisation's noun, and a
// capitalised name after it, with "the" or not; the first name one that
// nine in ten of its bearers of one sex bear, and no word an
// institution's noun ("Harlow Museum of Flight"); else a.
func (st *state) personOfOrg(a, b int, typ uint8) int {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI
	if typ != 2 || st.gaz[a]&notPerson != 0 {
		return a
	}
	if c, ok := st.r.gaz.firstName(st.words[a]); !ok || c.Female+c.Male < 1000 || c.Female*10 < (c.Female+c.Male)*9 && c.Male*10 < (c.Female+c.Male)*9 {
		// Or a title in capitals before the name, whatever the first
		// name ("Fire Chief Bongani Dlamini of the …").
		if t := st.capitalTitleEnd(a, b); t == a || t+2 >= b || st.words[t+2] != "of" && (t+3 >= b || st.words[t+3] != "of") {
			return a
		} else if j := st.personOfOrgAt(t, b); j > t {
			return j
		}
		return a
	}
	return st.personOfOrgAt(a, b)
}

// capitalTitleEnd returns the end of the words of a title in capitals
// that open tokens [a, b) ("Fire Chief"), or a when none do.
func (st *state) capitalTitleEnd(a, b int) int {
	const title = gRoleB | gRoleI | gLeaderB | gLeaderI
	k := a
	for k < b && st.gaz[k]&title != 0 && st.d.Tokens[k].Has(doc.Upper) {
		k++
	}
	if k > a && st.gaz[k-1]&(gRoleI|gRoleB|gLeaderB|gLeaderI) == 0 {
		return a
	}
	return k
}

// personOfOrgAt returns where "of" ends the person's name that tokens
// [a, b) open, two or three capitalised words in the singular, none a
// word of an organisation's or a place's name, before "of" and a
// capitalised name; else a.
func (st *state) personOfOrgAt(a, b int) int {
	const notPerson = gOrgNoun | gCountryB | gCountryI | gCapitalB | gCapitalI | gRegionB | gRegionI | gDemonymB | gDemonymI
	if !st.d.Tokens[a].Has(doc.Upper) || !st.pos[a].IsProperNoun() || st.gaz[a]&notPerson != 0 {
		return a
	}
	for j := a + 1; j <= a+3 && j+1 < b; j++ {
		if st.words[j] != "of" {
			// The name's words: capitalised, in the singular, none a
			// word of an organisation's or a place's name ("Girl Scouts
			// of America", "Florida House of Representatives").
			if !st.d.Tokens[j].Has(doc.Upper) || st.pos[j] != doc.TagNNP || st.gaz[j]&notPerson != 0 || facilityNouns[st.info[j].lower] || institutionNouns[st.info[j].lower] {
				return a
			}
			continue
		}
		if j == a+1 {
			return a
		}
		k := j + 1
		if st.words[k] == "the" {
			k++
		}
		if k < b && st.d.Tokens[k].Has(doc.Upper) {
			return j
		}
		return a
	}
	return a
}

// orgBeforeFirstName returns where a person's name begins inside the
// name [a, b) the tagger typed a person or an organisation (typ), after
// an organisation's noun that ends a name ("Harbour Police Tariq Mahmood"):
// the known first name right after the last organisation noun, followed
// by at least one more capitalised word; a when there is none. In a name
// typed otherwise (a party, a nationality: "Maryland Democrat Elijah
// Cummings"), the first common first name after its first word, followed
// by one more capitalised word, begins a person's name; so does its last
// word, no title, when a name after the Arabic article follows.
func (st *state) orgBeforeFirstName(a, b int, typ uint8) int {
	if typ == 4 {
		for k := a + 1; k+1 < b; k++ {
			if st.gaz[k]&gFirstName != 0 && st.commonFirstName(k) && st.d.Tokens[k].Has(doc.Upper) && st.d.Tokens[k+1].Has(doc.Upper) && st.pos[k+1].IsProperNoun() {
				return k
			}
		}
		// "Iraqi Oil Minister Hussain al-Tamimi": the last word, before
		// a name after the Arabic article.
		if k := b - 1; k > a && b < len(st.words) && st.d.Tokens[b].Sent == st.d.Tokens[k].Sent && arabicArticleName(st.words[b]) &&
			st.d.Tokens[k].Has(doc.Upper) && st.gaz[k]&(gHonorific|gLeaderB|gLeaderI|gRoleB|gRoleI) == 0 {
			return k
		}
		return a
	}
	if typ == 3 {
		// "Norway Rosa Quispe", after a title with "to" ("ambassador to
		// Norway Rosa Quispe"): a country's name, then a common first
		// name and one more capitalised word.
		if st.gaz[a]&(gCountryB|gCapitalB|gRegionB) == 0 {
			return a
		}
		for k := a + 1; k+1 < b; k++ {
			if st.gaz[k]&(gCountryI|gCapitalI|gRegionI) != 0 {
				continue
			}
			if st.gaz[k]&gFirstName != 0 && st.commonFirstName(k) && st.d.Tokens[k+1].Has(doc.Upper) {
				return k
			}
			break
		}
		return a
	}
	if typ != 1 && typ != 2 {
		return a
	}
	for k := b - 2; k > a; k-- {
		if st.gaz[k-1]&gOrgNoun != 0 && st.d.Tokens[k-1].Has(doc.Upper) && st.gaz[k]&gFirstName != 0 && st.d.Tokens[k].Has(doc.Upper) {
			return k
		}
	}
	return a
}

// headlines marks the paragraphs written in title case ("Klitschko Urges
// Trump to Support Ukraine"): short, unpunctuated at the end, and with
// most of their longer words capitalised; not a speaker's label ending
// in a colon. The tagger cannot tell names from other words there, so
// only names found in the body count (consistentNames adds them).
func (st *state) headlines() []bool {
	out := make([]bool, len(st.d.Paragraphs))
	for i, p := range st.d.Paragraphs {
		s0, s1 := st.d.Sentences[p.FirstSent], st.d.Sentences[p.EndSent-1]
		a, b := s0.FirstTok, s1.EndTok
		if b-a > 20 || p.EndSent-p.FirstSent > 1 {
			continue
		}
		if last := st.words[b-1]; last == "." || last == "?" || last == "!" || last == ":" {
			continue // a sentence, or a speaker's label over their words ("SCOTT DETROW, HOST:")
		}
		long, upper := capitalisedWords(st.d, a, b)
		out[i] = long >= 3 && upper*4 >= long*3
	}
	return out
}

// consistentNames adds the person names the tagger missed somewhere but
// found elsewhere in the document: a capitalised proper noun that is a
// person's name, or a part of one, in another sentence ("Trump added",
// at the start of a sentence, after "Donald Trump").
//
// A name found only in unlearned mentions is added unlearned too
// (doc.Document.AttribMentions).
func (st *state) consistentNames() {
	// known holds the words of the names found so far, true for a word
	// of a learned mention.
	known := map[string]bool{}
	covered := st.coverMentions()
	for _, m := range st.ments {
		if m.Type != doc.Person {
			continue
		}
		for k := m.ha; k < m.hb; k++ {
			if (st.d.Tokens[k].Has(doc.Upper) || arabicArticleName(st.words[k])) && len(st.words[k]) > 1 && st.gaz[k]&(gHonorific|gRoleB|gLeaderB) == 0 {
				known[st.words[k]] = known[st.words[k]] || !m.unlearned
			}
		}
	}
	has := func(w string) bool { _, ok := known[w]; return ok }
	for k, w := range st.words {
		if covered[k] || !has(w) || !st.pos[k].IsProperNoun() && !st.mistagged(k) && !st.capitalisedNoun(k) && !st.nameBeforeVerb(k) && !st.headlineOpening(k) && !arabicArticleName(w) && !st.comparativeName(k) {
			continue
		}
		a, b := k, k+1
		for a > 0 && !covered[a-1] && st.d.Tokens[a-1].Sent == st.d.Tokens[k].Sent && has(st.words[a-1]) {
			a--
		}
		if a > 0 && !covered[a-1] && st.d.Tokens[a-1].Sent == st.d.Tokens[k].Sent && st.d.Tokens[a-1].Has(doc.Upper) && personParticles[st.info[a-1].lower] {
			a-- // "Di Ferrante" after "Paolo di Ferrante"
		}
		for b < len(st.words) && !covered[b] && st.d.Tokens[b].Sent == st.d.Tokens[k].Sent && has(st.words[b]) {
			b++
		}
		// A longer capitalised name around it is something else ("Trump
		// Tower").
		if a > 0 && st.d.Tokens[a-1].Sent == st.d.Tokens[a].Sent && st.pos[a-1].IsProperNoun() && !st.d.Tokens[a].Has(doc.SentStart) {
			continue
		}
		if b < len(st.words) && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent && st.pos[b].IsProperNoun() {
			continue
		}
		fromLearned := false
		for j := a; j < b; j++ {
			covered[j] = true
			fromLearned = fromLearned || known[st.words[j]]
		}
		if fromLearned {
			st.nameMention(a, b, 1)
		} else {
			st.unlearnedName(a, b)
		}
	}
}

// coverMentions sets st.covered to the tokens of the mentions found so
// far and returns it.
func (st *state) coverMentions() []bool {
	st.covered = reuse.Zeroed(st.covered, len(st.words))
	for _, m := range st.ments {
		for k := m.a; k < m.b; k++ {
			st.covered[k] = true
		}
	}
	return st.covered
}

// nameBeforeVerb reports whether token k, capitalised and tagged as some
// other open class, opens its sentence where a subject name would, before
// a finite verb, a comma or "and" ("Lindqvist believes" tagged like "Blue
// believes": at the start of a sentence the tagger has no case to go
// by).
func (st *state) nameBeforeVerb(k int) bool {
	if !st.d.Tokens[k].Has(doc.Upper) || !st.d.Tokens[k].Has(doc.SentStart) || k+1 >= len(st.words) || st.d.Tokens[k+1].Sent != st.d.Tokens[k].Sent {
		return false
	}
	return st.pos[k+1].IsFinite() || st.words[k+1] == "," || st.words[k+1] == "and"
}

// abstractNoun reports whether w, in lower case, ends in a suffix that
// makes abstract nouns of verbs and adjectives (-tion, -sion, -ism)
// after a stem of four letters or more (not -ity: "Hannity"): such a
// word alone is no person's name ("Exhaustion ruined his season",
// tagged like "Johnson ruined his season"), unless a verb of saying
// follows it (a misspelt name: "Sharption said").
func abstractNoun(w string) bool {
	for _, suf := range [...]string{"tion", "sion", "ism"} {
		if len(w) >= len(suf)+4 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// abstractName reports whether the one word [a, b) the tagger took for a
// person's name is an abstract noun (abstractNoun), no first name, and
// not the subject of a verb of saying right after it.
func (st *state) abstractName(a, b int) bool {
	return b == a+1 && st.gaz[a]&gFirstName == 0 && abstractNoun(st.info[a].lower) && (b >= len(st.words) || st.info[b].lex&lxReportH == 0)
}

// headlineOpening reports whether token k, capitalised, opens the
// document's first paragraph, a headline: one sentence with no finite
// verb and no closing full stop ("Okafor strong and rested for the final"
// tagged like "Blue strong and rested"). Like a sentence's first word,
// a headline's gives the tagger no case to go by.
func (st *state) headlineOpening(k int) bool {
	d := st.d
	if k != 0 || !d.Tokens[k].Has(doc.Upper) || len(d.Paragraphs) < 2 {
		return false
	}
	p := d.Paragraphs[0]
	if p.EndSent-p.FirstSent != 1 {
		return false
	}
	end := d.Sentences[p.FirstSent].EndTok
	if end > 20 || st.words[end-1] == "." {
		return false
	}
	for j := 1; j < end; j++ {
		if st.pos[j].IsFinite() {
			return false
		}
	}
	return true
}

// comparativeName reports whether token k, capitalised, has the tag of a
// comparative or a superlative: names in -ier and -er look like one to
// the tagger ("In his book, Sabatier shares" tagged like "happier").
func (st *state) comparativeName(k int) bool {
	switch st.pos[k] {
	case doc.TagJJR, doc.TagJJS, doc.TagRBR, doc.TagRBS:
		return st.d.Tokens[k].Has(doc.Upper)
	}
	return false
}

// capitalisedNoun reports whether token k is a capitalised common noun
// inside its sentence ("a defiant Lindqvist held" tagged like "a defiant
// leader"): only a name is capitalised there.
func (st *state) capitalisedNoun(k int) bool {
	return (st.pos[k] == doc.TagNN || st.pos[k] == doc.TagNNS) && st.d.Tokens[k].Has(doc.Upper) && !st.d.Tokens[k].Has(doc.SentStart)
}

// closedTags are the parts of speech of the closed classes (pronouns,
// determiners, prepositions, conjunctions, modals, wh-words), which no
// name can have.
var closedTags = map[doc.POS]bool{
	doc.TagCC: true, doc.TagDT: true, doc.TagEX: true, doc.TagIN: true, doc.TagMD: true, doc.TagPDT: true,
	doc.TagPRP: true, doc.TagPRPS: true, doc.TagTO: true, doc.TagWDT: true, doc.TagWP: true, doc.TagWPS: true,
}

// mistagged reports whether token k, capitalised, has a closed class's
// part of speech though it is no word of that class ("Weir was the
// leader" tagged like "Their"): a name the tagger took for a function
// word.
func (st *state) mistagged(k int) bool {
	return closedTags[st.pos[k]] && st.d.Tokens[k].Has(doc.Upper) && st.info[k].lex&lxFunction == 0 && st.info[k].lower != "the"
}

// nameMention adds the name mention of tokens [a, b) with NER type typ
// (1 PER, 2 ORG, 3 LOC, 4 MISC), after stripping titles and punctuation.
func (st *state) nameMention(a, b int, typ uint8) {
	m := ment{role: -1, attach: -1, conf: 1}
	// Titles and honorifics the tagger took in: "Kyiv Mayor Vitali
	// Klitschko" is Vitali Klitschko, titled "Kyiv Mayor".
	const titleFlags = gHonorific | gLeaderB | gLeaderI | gRoleB | gRoleI
	for a < b-1 && (st.words[a] == "the" || st.words[a] == "The") {
		a++
	}
	titleStart, titleEnd, titleRole := a, a, -1
	if typ == 2 || typ == 3 {
		// "Kyiv Mayor Vitali Klitschko" tagged as an organisation.
		if st.titleBeforeFirstName(a, b) {
			typ = 1
		}
		// "Karim bin Hassan" tagged as an organisation: a first name, and
		// a surname particle in lower case before a capitalised word.
		if st.gaz[a]&gFirstName != 0 {
			for k := a + 1; k+1 < b; k++ {
				if personParticles[st.words[k]] && st.d.Tokens[k+1].Has(doc.Upper) {
					typ = 1
					break
				}
			}
		}
		// "Ms Burn" tagged as an organisation: an honorific before
		// capitalised proper nouns, none an organisation's noun, a title
		// or a place, opens a person's name ("Justice Department" stays).
		if a+1 < b && st.gaz[a]&gHonorific != 0 && st.properNames(a+1, b) {
			typ = 1
		}
		if st.titledNames(a, b) {
			typ = 1
		}
		// "the cardinal protodeacon, Dominique Mamberti": a name in
		// apposition after a person's title that begins with a known
		// first name is a person, whatever the tagger took it for.
		if a >= 2 && st.words[a-1] == "," && st.gaz[a-2]&(gRoleB|gRoleI|gLeaderB|gLeaderI) != 0 &&
			st.gaz[a]&gFirstName != 0 && b-a >= 2 {
			typ = 1
		}
	}
	if typ == 4 && (st.titleBeforeFirstName(a, b) || st.titledNames(a, b)) {
		// "Thai Prime Minister Anan Somchai", which the tagger took for
		// none of a person, an organisation or a place, for the
		// nationality it begins with.
		typ = 1
	}
	if typ == 1 {
		for k := b - 2; k >= a; k-- {
			if st.gaz[k]&titleFlags != 0 {
				titleEnd = k + 1
				break
			}
		}
		if titleEnd > a {
			for _, mt := range st.ms {
				if p := &st.r.gaz.phrases[mt.phrase]; mt.end == titleEnd && mt.start >= a && p.role >= 0 && st.r.gaz.roles[p.role].Kind != lexicon.Honorific {
					titleRole = p.role
				}
			}
			a = titleEnd
		}
	}
	// A name ends before a possessive 's, a quotation mark ("WeWork “is
	// not …"), punctuation other than an abbreviation's full stop, and a
	// lower-case preposition, conjunction or article ("Peeter Tamm and
	// Liis Saar of the councils").
	for b > a && (isPossessive(st.words[b-1]) || st.d.Tokens[b-1].Kind == doc.QuoteMark || st.d.Tokens[b-1].Kind == doc.Punct && st.words[b-1] != "." ||
		b-1 > a && (notNameStart[st.info[b-1].lower] || st.info[b-1].lower == "the") && !st.d.Tokens[b-1].Has(doc.Upper)) {
		b--
	}
	// A title-case headline lets a preposition or conjunction into a
	// person's name ("Sits Down With Barack Obama"): no name begins so.
	for typ == 1 && a < b-1 && notNameStart[st.info[a].lower] {
		a++
		// A title before the function word is not this name's.
		titleStart, titleEnd, titleRole = a, a, -1
	}
	if a >= b {
		return
	}
	if st.gaz[a]&gDemonymB != 0 && (b == a+1 || st.gaz[b-1]&gDemonymI != 0) {
		return // "English", "Ukrainian": a nationality or language, not an entity
	}
	if typ == 2 && st.headedByRole(a, b) {
		return // "Government Spokesperson": a title, which roleMentions makes
	}
	if (typ == 1 || typ == 2) && st.info[b-1].lex&lxPlaceHead != 0 && !st.surnameLikePlace(a, b) {
		typ = 3 // "Quay Street", "Victoria Square": a place named after someone
	}
	if typ == 1 && b < len(st.words) && st.d.Tokens[b].Sent == st.d.Tokens[a].Sent && mediaNouns[st.words[b]] {
		typ = 2 // "People magazine": a publication, named as people are
	}
	if typ == 1 && st.mediaNamed(a, b) {
		typ = 2
		m.learnedType, m.learnedHead = doc.Person, true
	}
	if typ == 1 && b == a+1 && companyCase(st.words[a]) {
		typ = 2 // "NorthJet": a company's name, as no person's is written
	}
	switch typ {
	case 1:
		m.Type = doc.Person
	case 2:
		m.Type = doc.Organization
	case 3:
		m.Type = doc.Place
	case 4:
		// Nationalities, parties' adjectives, events: not entities here,
		// but a demonym gives the nationality of a title it modifies.
		return
	}
	m.Kind = doc.NameMention
	m.a, m.b, m.ha, m.hb = titleStart, b, a, b
	if titleRole >= 0 {
		m.role = titleRole
		m.title = oneSpaced(st.d.Text[st.d.Tokens[titleStart].Start:st.d.Tokens[titleEnd-1].End])
		m.nation = st.titleNation(titleStart, titleEnd)
	}
	m.sent = int(st.d.Tokens[a].Sent)
	if m.Type == doc.Place || m.Type == doc.Organization {
		m.place, m.country = st.placeCode(a, b)
		if m.place != "" {
			m.Type = doc.Place
		}
	}
	st.ments = append(st.ments, m)
}

// surnameLikePlace reports whether name [a, b), which ends in a word
// that heads places' names ("Street", "Hall"), is a person's all the same:
// after an honorific or a title, or in apposition to a title ("Mr Hall",
// "spokesman John Hall", "a council spokesman, John Hall,").
func (st *state) surnameLikePlace(a, b int) bool {
	const titled = gHonorific | gRoleB | gRoleI | gLeaderB | gLeaderI
	if st.gaz[a]&gHonorific != 0 {
		return true
	}
	k := a - 1
	if k > 0 && st.words[k] == "," {
		k--
	}
	return k >= 0 && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent && st.gaz[k]&titled != 0
}

// titleBeforeFirstName reports whether name [a, b) has a title or an
// honorific followed by a known first name ("Kyiv Mayor Vitali
// Klitschko"): a titled person.
func (st *state) titleBeforeFirstName(a, b int) bool {
	for k := a; k+1 < b; k++ {
		if st.gaz[k]&(gRoleB|gRoleI|gLeaderB|gLeaderI|gHonorific) != 0 && st.gaz[k+1]&gFirstName != 0 && st.d.Tokens[k+1].Has(doc.Upper) {
			return true
		}
	}
	return false
}

// titledNames reports whether name [a, b) has a title and then two or
// more capitalised words, none of them an organisation's noun, a title or
// a place ("Justice Minister Ekaterine Tkeshelashvili"): a titled person,
// even when the first name is not one the lexicons know.
func (st *state) titledNames(a, b int) bool {
	for k := a; k+2 < b; k++ {
		if st.gaz[k]&(gRoleB|gRoleI|gLeaderB|gLeaderI) == 0 || st.gaz[k+1]&(gRoleI|gLeaderI) != 0 {
			continue
		}
		return st.properNames(k+1, b)
	}
	return false
}

// properNames reports whether tokens [a, b) are all capitalised proper
// nouns, none of them an organisation's noun, a title, a place or a
// demonym: a person's name, after a title.
func (st *state) properNames(a, b int) bool {
	for j := a; j < b; j++ {
		if !st.d.Tokens[j].Has(doc.Upper) || !st.pos[j].IsProperNoun() || st.gaz[j]&(gOrgNoun|gRoleB|gLeaderB|gCountryB|gCapitalB|gRegionB|gDemonymB) != 0 {
			return false
		}
	}
	return true
}

// headedByRole reports whether the organisation's name [a, b) ends with
// a title of a person ("Government Spokesperson", "Deputy Prime
// Minister") and has no "of" ("Office of the President" is an office).
func (st *state) headedByRole(a, b int) bool {
	if st.gaz[b-1]&(gRoleB|gRoleI|gLeaderB|gLeaderI) == 0 {
		return false
	}
	for k := a; k < b; k++ {
		if st.info[k].lower == "of" {
			return false
		}
	}
	for _, mt := range st.ms {
		if mt.end == b && mt.start >= a && st.r.gaz.phrases[mt.phrase].role >= 0 {
			return true
		}
	}
	return false
}

// placeCode returns the country code when tokens [a, b) are exactly a
// country's name (in any form but the demonym), a capital or a region,
// and whether they name the country itself.
func (st *state) placeCode(a, b int) (string, bool) {
	for _, mt := range st.ms {
		if mt.start == a && mt.end == b {
			p := &st.r.gaz.phrases[mt.phrase]
			if p.code != "" && p.kind != lexicon.Demonym {
				return p.code, p.kind != lexicon.Capital && p.kind != lexicon.Region
			}
		}
	}
	return "", false
}

// placeMentions adds places the lexicon knows that the tagger missed:
// capitalised country names, capitals and regions outside other names.
func (st *state) placeMentions() {
	covered := st.coveredByNames()
	for _, mt := range st.ms {
		p := &st.r.gaz.phrases[mt.phrase]
		if p.code == "" || p.kind == lexicon.Demonym {
			continue
		}
		if !st.d.Tokens[mt.start].Has(doc.Upper) {
			continue
		}
		free := true
		for k := mt.start; k < mt.end; k++ {
			if covered[k] {
				free = false
			}
		}
		if !free {
			continue
		}
		// A capitalised word right before or after is part of a longer
		// name the tagger did not find ("Georgia Tech", "New Mexico").
		if mt.start > 0 && st.d.Tokens[mt.start-1].Has(doc.Upper) && !st.d.Tokens[mt.start].Has(doc.SentStart) && st.pos[mt.start-1].IsProperNoun() {
			continue
		}
		if mt.end < len(st.words) && st.d.Tokens[mt.end].Has(doc.Upper) && st.pos[mt.end].IsProperNoun() {
			continue
		}
		for k := mt.start; k < mt.end; k++ {
			covered[k] = true
		}
		st.ments = append(st.ments, ment{
			Mention: doc.Mention{Kind: doc.NameMention, Type: doc.Place},
			a:       mt.start, b: mt.end, ha: mt.start, hb: mt.end,
			sent: int(st.d.Tokens[mt.start].Sent), role: -1, attach: -1, conf: 1, place: p.code,
			country: p.kind != lexicon.Capital && p.kind != lexicon.Region,
		})
	}
}

func (st *state) coveredByNames() []bool {
	st.covered = reuse.Zeroed(st.covered, len(st.words))
	covered := st.covered
	for _, m := range st.ments {
		if m.Kind == doc.NameMention {
			for k := m.a; k < m.b; k++ {
				covered[k] = true
			}
		}
	}
	return covered
}

// indexNames sorts the mentions and records, for every token, the name
// mention covering it.
func (st *state) indexNames() {
	st.sortMents(false)
	st.byTok = reuse.Zeroed(st.byTok, len(st.words))
	for i := range st.byTok {
		st.byTok[i] = -1
	}
	for i, m := range st.ments {
		if m.Kind == doc.NameMention {
			for k := m.a; k < m.b; k++ {
				st.byTok[k] = int32(i)
			}
		}
	}
}

// sortMents sorts the mentions stably by start and, when longerFirst,
// the longer of two that start together first. It sorts keys that hold
// the order and the mention's index, all distinct, so that an unstable
// sort of numbers gives the stable order, and moves each mention once.
func (st *state) sortMents(longerFirst bool) {
	const bits = 21 // token indexes and mention counts below 1<<bits
	n := len(st.words)
	if n >= 1<<bits || len(st.ments) >= 1<<bits {
		slices.SortStableFunc(st.ments, func(x, y ment) int {
			if x.a != y.a || !longerFirst {
				return cmp.Compare(x.a, y.a)
			}
			return cmp.Compare(y.b, x.b)
		})
		return
	}
	keys := st.order[:0]
	sorted := true
	for i := range st.ments {
		m := &st.ments[i]
		k := uint64(m.a) << (2 * bits)
		if longerFirst {
			k |= uint64(n-m.b) << bits
		}
		k |= uint64(i)
		sorted = sorted && (i == 0 || k > keys[i-1])
		keys = append(keys, k)
	}
	st.order = keys
	if sorted {
		return
	}
	slices.Sort(keys)
	st.mentBuf = append(st.mentBuf[:0], st.ments...)
	for j, k := range keys {
		st.ments[j] = st.mentBuf[k&(1<<bits-1)]
	}
	clear(st.mentBuf) // so that the pool pins nothing
}

// nameSuffixes follow a person's name and tell a son from his father.
var nameSuffixes = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true, "Sr": true, "II": true, "III": true, "IV": true}

// placeHeads are the capitalised words that end the names of streets,
// buildings and natural places.
var placeHeads = map[string]bool{
	"Street": true, "St.": true, "Avenue": true, "Ave.": true, "Road": true, "Rd.": true, "Square": true,
	"Boulevard": true, "Lane": true, "Bridge": true, "River": true, "Lake": true, "Mountain": true,
	"Island": true, "Park": true, "Airport": true, "Station": true, "Stadium": true, "Hall": true,
	"Palace": true, "Tower": true, "Valley": true, "Bay": true, "Beach": true, "Hill": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"another": true, "one": true, "two": true, "three": true, "both": true, "some": true, "many": true,
	"several": true, "other": true, "its": true, "his": true, "her": true, "their": true, "our": true,
	"my": true, "your": true, "each": true, "every": true, "any": true, "no": true, "most": true, "all": true,
}

// roleMentions finds titles, roles and person or group nouns: attached to
// a name ("President Donald Trump", "the mayor of Kyiv, Vitali
// Klitschko"), or standing alone ("the president", "a spokeswoman",
// "officials").
func (st *state) roleMentions() {
	st.covered = reuse.Zeroed(st.covered, len(st.words))
	used := st.covered
	for _, mt := range st.ms {
		p := &st.r.gaz.phrases[mt.phrase]
		if p.role < 0 {
			st.peopleMention(mt, p)
			continue
		}
		role := st.r.gaz.roles[p.role]
		if role.Kind == lexicon.Honorific {
			continue
		}
		if used[mt.start] || st.byTok[mt.start] >= 0 {
			continue // inside a longer role phrase, or a name
		}
		for k := mt.start; k < mt.end; k++ {
			used[k] = true
		}
		st.roleMention(mt, p, role)
	}
	st.unlearnedRoles()
	st.indexNames()
}

// unlearnedRoles adds, unlearned (doc.Document.AttribMentions), the
// mentions of the roles the lexicons list apart (gazetteer.unlearned),
// where no name covers their words: a new one ("the treasurer"), or one
// that takes the place of the shorter role mention inside it ("the chief
// constable", not "the chief").
func (st *state) unlearnedRoles() {
	for _, mt := range st.unlearnedMs {
		free := true
		for k := mt.start; k < mt.end && free; k++ {
			free = st.byTok[k] < 0
		}
		// Nor does it cut across a learned phrase: "staff" in "chief of
		// staff".
		for _, lm := range st.ms {
			if !free || lm.start >= mt.end {
				break
			}
			free = lm.end <= mt.start || lm.start >= mt.start && lm.end <= mt.end
		}
		inner := -1
		for i := range st.ments {
			m := &st.ments[i]
			if !free {
				break
			}
			if m.Kind == doc.NameMention || m.Kind == doc.PronounMention || m.hb <= mt.start || m.ha >= mt.end {
				continue
			}
			// A learned role mention whose head lies inside the phrase is
			// the one it reshapes; any other overlap leaves the phrase out.
			free = inner < 0 && !m.unlearned && m.ha >= mt.start && m.hb <= mt.end
			inner = i
		}
		if !free {
			continue
		}
		n0 := len(st.ments)
		p := &st.r.gaz.phrases[mt.phrase]
		st.roleMention(mt, p, st.r.gaz.roles[p.role])
		if len(st.ments) == n0 {
			continue
		}
		st.ments[n0].unlearned = true
		if inner >= 0 {
			old := st.ments[inner]
			typ := old.Type
			if old.learnedType != 0 {
				typ = old.learnedType
			}
			st.superseded = append(st.superseded, doc.Mention{Span: st.d.TokenSpan(old.a, old.b), Head: st.d.TokenSpan(old.ha, old.hb), Kind: old.Kind, Type: typ, Entity: -1})
			st.ments[n0].supersedes = len(st.superseded)
			// A role mention: roleMentions appends them after the names,
			// so byTok's indexes of the names stay right.
			st.ments = slices.Delete(st.ments, inner, inner+1)
		}
	}
}

// peopleMention adds a nationality's people named by their plural
// demonym ("Ukrainians said"), as a group.
func (st *state) peopleMention(mt match, p *phrase) {
	if p.kind != lexicon.Demonym || p.flagB&gRolePlural == 0 || st.byTok[mt.start] >= 0 {
		return
	}
	if e := mt.end; e < len(st.words) && st.d.Tokens[e].Sent == st.d.Tokens[mt.start].Sent && st.pos[e].IsNoun() {
		return // the word modifies a noun after it: not the people themselves
	}
	a := mt.start
	if a > 0 && st.d.Tokens[a-1].Sent == st.d.Tokens[a].Sent && st.info[a-1].lower == "the" {
		a--
	}
	st.ments = append(st.ments, ment{
		Mention: doc.Mention{Kind: doc.NounMention, Type: doc.Group},
		a:       a, b: mt.end, ha: mt.start, hb: mt.end, sent: int(st.d.Tokens[mt.start].Sent),
		role: -1, attach: -1, plural: true, nation: p.code,
		title: oneSpaced(st.d.Text[st.d.Tokens[mt.start].Start:st.d.Tokens[mt.end-1].End]),
	})
}

// fieldAt returns the end of a field and an institution after a role
// that ends before token b, "of" or "in" and one to three common words
// in lower case, then "at" and the name of an organisation or a place
// ("of economics at Westport University", "in politics at the
// University of Calder"), or b when there are none.
func (st *state) fieldAt(b int) int {
	n := len(st.words)
	if b+3 >= n || st.words[b] != "of" && st.words[b] != "in" {
		return b
	}
	sent := st.d.Tokens[b].Sent
	k := b + 1
	for k < n && k <= b+3 && st.d.Tokens[k].Sent == sent && !st.d.Tokens[k].Has(doc.Upper) && (st.pos[k] == doc.TagNN || st.pos[k] == doc.TagNNS || st.pos[k] == doc.TagJJ) {
		k++
	}
	if k == b+1 || k+1 >= n || st.words[k] != "at" || st.d.Tokens[k+1].Sent != sent {
		return b
	}
	k++
	if st.words[k] == "the" && k+1 < n {
		k++
	}
	if i := st.byTok[k]; i >= 0 && st.ments[i].a == k && st.ments[i].Type != doc.Person {
		return st.ments[i].b
	}
	return b
}

// adjacentNames returns the end of the names of organisations and
// places that follow one another from token k, each starting where the
// one before ends, or k when no such name starts there.
func (st *state) adjacentNames(k int) int {
	for k < len(st.words) && st.byTok[k] >= 0 && st.ments[st.byTok[k]].a == k && st.ments[st.byTok[k]].Type != doc.Person {
		k = st.ments[st.byTok[k]].b
	}
	return k
}

// electedTo returns the person's name mention that a passive verb of
// choosing or "became" right before token k makes the holder of the
// bare role at k ("Ana Ruiz was elected mayor", "Tom Reyes, who became
// manager in May,"), or -1.
func (st *state) electedTo(k int) int {
	sent := st.d.Tokens[k].Sent
	in := func(j int) bool { return j >= 0 && st.d.Tokens[j].Sent == sent }
	v := k - 1
	if in(v) && st.words[v] == "as" {
		v-- // "appointed as chief executive"
	}
	if !in(v) {
		return -1
	}
	j := v - 1
	switch st.info[v].lower {
	case "elected", "appointed", "named", "re-elected", "reelected":
		if !in(j) || !beForms[st.info[j].lower] {
			return -1
		}
		j--
	case "became", "becomes":
	default:
		return -1
	}
	for in(j) && st.pos[j] == doc.TagRB {
		j-- // "was later elected"
	}
	if in(j-1) && st.info[j].lower == "who" && st.words[j-1] == "," {
		j -= 2 // "Tom Reyes, who became manager"
	}
	if !in(j) || st.byTok[j] < 0 {
		return -1
	}
	if n := int(st.byTok[j]); st.ments[n].b == j+1 && st.ments[n].Type == doc.Person {
		return n
	}
	return -1
}

// beForms are the forms of "be" before a passive participle.
var beForms = map[string]bool{"is": true, "was": true, "were": true, "are": true, "been": true, "be": true}

// modifierAt reports whether token k, in the sentence of the token
// before it, may modify a noun after it: an adjective, a number, a
// capitalised or a hyphened word ("a local al-Qaida-linked militant").
func (st *state) modifierAt(k int) bool {
	if k <= 0 || k >= len(st.words) || st.d.Tokens[k].Sent != st.d.Tokens[k-1].Sent {
		return false
	}
	p := st.pos[k]
	return p.IsAdjective() || p == doc.TagCD || p == doc.TagVBG || p == doc.TagVBN || st.d.Tokens[k].Has(doc.Upper) || strings.Contains(st.words[k], "-")
}

// determinedAt reports whether a determiner or a possessive pronoun
// stands right before token a, or before a name that ends right before
// it ("the Harbour Party incumbent").
func (st *state) determinedAt(a int) bool {
	k := a - 1
	if k >= 0 && st.byTok[k] >= 0 && st.ments[st.byTok[k]].b == a {
		k = st.ments[st.byTok[k]].a - 1
	}
	return k >= 0 && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent && (st.info[k].lex&lxDeterminerL != 0 || st.pos[k] == doc.TagPRPS)
}

// roleMention builds the mention of one role phrase match.
func (st *state) roleMention(mt match, p *phrase, role lexicon.Role) {
	d := st.d
	n := len(st.words)
	a, b := mt.start, mt.end
	sent := d.Tokens[a].Sent
	inSent := func(k int) bool { return k >= 0 && k < n && d.Tokens[k].Sent == sent }
	// A role word followed by another common noun modifies it ("police
	// station", "president election"): not a mention.
	if inSent(b) && (st.pos[b] == doc.TagNN || st.pos[b] == doc.TagNNS) && !d.Tokens[b].Has(doc.Upper) {
		return
	}
	unlearned := p.role >= st.r.gaz.learnedRoles
	// An unlearned role, or one of several words or with a hyphen, or
	// one after a determiner (and a name: "the Harbour Party
	// incumbent"), that the tagger took for an adjective by its last
	// word ("the chief constable told", "the secretary-general urged",
	// "the incumbent said") is still the noun when no noun follows it;
	// the learned role so found is unlearned, as the attribution models
	// learnt without it.
	adjective := false
	if !st.pos[b-1].IsNoun() {
		adjective = (unlearned || strings.ContainsAny(role.Form, " -") || st.determinedAt(a) && !st.modifierAt(b)) && st.pos[b-1].IsAdjective() && !(inSent(b) && st.pos[b].IsNoun())
		if !adjective {
			return // "who chairs the council": a verb, not the noun
		}
	}
	plural := p.flagB&gRolePlural != 0 || role.Kind == lexicon.GroupNoun
	m := ment{role: p.role, attach: -1, plural: plural, conf: 1, unlearnedRole: unlearned || adjective, unlearned: adjective}
	m.ha, m.hb = a, b
	m.sent = int(sent)
	switch role.Gender {
	case 'm':
		m.gender = doc.Male
	case 'f':
		m.gender = doc.Female
	}
	// A complement: "of Kyiv", "for the Kremlin", "of the European
	// Commission", and for a source, "close to the club" or "familiar
	// with the talks".
	end := b
	prep := 1
	if inSent(b+2) && (st.words[b] == "close" && st.words[b+1] == "to" || st.words[b] == "familiar" && st.words[b+1] == "with") {
		prep = 2
	}
	if inSent(b+prep) && (prep == 2 || st.words[b] == "of" || st.words[b] == "for" || st.words[b] == "at" || st.words[b] == "to" && toRoles[st.info[b-1].lower]) {
		k := b + prep
		if st.words[k] == "the" && inSent(k+1) {
			k++
		}
		if e := st.commonComplement(k, 4); e > k && st.words[b] != "at" && st.words[b] != "to" {
			// "of the port authority", "for the ministry": a common-noun
			// phrase with "the", or before an apposition.
			if st.words[k-1] == "the" || inSent(e+1) && st.words[e] == "," && st.byTok[e+1] >= 0 && st.ments[st.byTok[e+1]].Type == doc.Person {
				end = e
			}
		} else if d.Tokens[k].Has(doc.Upper) && (st.pos[k].IsProperNoun() || st.byTok[k] >= 0) {
			e := k
			if st.byTok[k] >= 0 {
				e = st.ments[st.byTok[k]].b
			} else {
				for e < n && inSent(e) && d.Tokens[e].Has(doc.Upper) && st.pos[e].IsProperNoun() {
					e++
				}
			}
			// The noun the name modifies: "for the Harbour Police
			// department", "for the US military".
			for j := 0; j < 2 && inSent(e) && (st.pos[e] == doc.TagNN || st.pos[e] == doc.TagNNS || st.pos[e] == doc.TagJJ && inSent(e+1) && st.pos[e+1].IsNoun()) && !d.Tokens[e].Has(doc.Upper); j++ {
				e++
			}
			end = e
			if st.byTok[k] >= 0 && st.ments[st.byTok[k]].place != "" {
				m.nation = st.ments[st.byTok[k]].place
			}
		}
	}
	// Modifiers: adjectives, nouns, names, demonyms, and a possessive
	// noun phrase ("Russia's foreign minister").
	start := a
	possessed := false
	paren := -1 // where a parenthesised acronym among the modifiers opens
	titleFrom := -1
	// A plural noun right before the role modifies it with the words
	// before it ("foreign affairs spokeswoman", "human resources
	// director"), unlearned, in a title in apposition to a name; not
	// before a name, whose mention the title would reshape, nor a plural
	// of people ("the players coach"), nor before a noun for a person
	// that is no office ("the communications person").
	attached := inSent(end) && st.byTok[end] >= 0 && st.ments[st.byTok[end]].a == end && st.ments[st.byTok[end]].Type == doc.Person
	learnedStart := -1
	for k := a - 1; k >= 0 && inSent(k) && a-k <= 5+3*b2i(paren >= 0); k-- {
		w := st.words[k]
		lw := st.info[k].lower
		if w == ")" && paren < 0 && k >= 3 && inSent(k-3) && st.words[k-2] == "(" && isAcronym(st.words[k-1]) && st.byTok[k-3] >= 0 {
			// "a senior Harbour Cricket Board (HCB) official": the
			// acronym in parentheses is no modifier.
			paren = k - 2
			k -= 2
			continue
		}
		if st.info[k].lex&lxDeterminerL != 0 || st.pos[k] == doc.TagPRPS {
			break
		}
		if isPossessive(w) && k > 0 && inSent(k-1) {
			// The possessor: a name or a noun.
			j := k - 1
			if st.byTok[j] >= 0 {
				pm := st.ments[st.byTok[j]]
				if pm.place != "" && m.nation == "" {
					m.nation = pm.place
				}
				j = pm.a
			} else if !st.pos[j].IsNoun() {
				break
			}
			start = j
			k = j
			possessed = true
			continue
		}
		if st.gaz[k]&(gDemonymB|gDemonymI) != 0 {
			start = k
			if m.nation == "" {
				m.nation = st.demonymCode(k)
			}
			continue
		}
		pk := st.pos[k]
		if pk == doc.TagNNS && k == a-1 && !plural && !attached && role.Kind != lexicon.PersonNoun && !d.Tokens[k].Has(doc.Upper) && st.gaz[k]&(gRolePlural|gGroupNoun|gRoleB|gPersonNounB) == 0 {
			learnedStart = start
			start = k
			continue
		}
		if pk == doc.TagVBG && !plural && k == a-1 && k > 0 && inSent(k-1) && st.info[k-1].lex&lxDeterminerL != 0 {
			// A participle between a determiner and a singular role
			// modifies it: "the returning officer", "the acting
			// director". Unlearned (doc.Document.AttribMentions).
			m.unlearned = true
			start = k
			continue
		}
		if pk.IsAdjective() || pk == doc.TagNN || pk.IsProperNoun() || pk == doc.TagVBN || st.byTok[k] >= 0 {
			if st.byTok[k] >= 0 && st.ments[st.byTok[k]].Type == doc.Person {
				// "Trump adviser": leave the name out of the title, but
				// remember whose adviser.
				m.quals = st.appendQuals(m.quals, st.ments[st.byTok[k]].ha, k+1)
				break
			}
			if st.byTok[k] >= 0 {
				pm := st.ments[st.byTok[k]]
				if pm.place != "" && m.nation == "" {
					m.nation = pm.place
				}
				if pm.place == "" {
					m.quals = st.appendQuals(m.quals, pm.ha, pm.hb)
				}
				start = pm.a
				k = pm.a
				continue
			}
			if pk.IsProperNoun() && d.Tokens[k].Has(doc.Upper) && st.gaz[k]&(gDemonymB|gDemonymI) == 0 {
				m.quals = st.appendQuals(m.quals, k, k+1)
			}
			start = k
			continue
		}
		if w == "-" || w == "‑" || lw == "then" {
			if titleFrom < 0 && w != "then" && spaceBefore(d, k) {
				// A dash set apart, after a dateline ("Kurdistan Region
				// of Iraq - US President"), not a hyphen inside a
				// compound title: the title's words begin after it.
				titleFrom = k + 1
			}
			start = k
			continue
		}
		break
	}
	if m.nation == "" {
		m.nation = st.titleNation(start, a) // "US President", a country the tagger left unnamed
	}
	for k := start; k < a; k++ {
		if st.gaz[k]&(gDemonymB|gDemonymI) != 0 {
			continue // a nationality, kept as m.nation
		}
		if st.pos[k].IsAdjective() || st.pos[k] == doc.TagNN || st.pos[k] == doc.TagVBN || k == learnedStart-1 {
			m.mods = append(m.mods, st.info[k].lower)
		}
	}
	det := ""
	detTok := -1
	if k := start - 1; possessed {
		det = "'s" // "Russia's foreign minister", "the country's president"
		if inSent(k) && st.info[k].lower == "the" {
			detTok = k
		}
	} else if inSent(k) {
		lw := st.info[k].lower
		if st.info[k].lex&lxDeterminerL != 0 || st.pos[k] == doc.TagPRPS {
			det, detTok = lw, k
		} else if isPossessive(st.words[k]) {
			det = "'s"
		}
	}
	from := max(start, titleFrom) // the title's first word
	m.title = oneSpaced(d.Text[d.Tokens[from].Start:d.Tokens[end-1].End])
	if te := st.possessedComplement(end); te > end && end > b {
		// "secretary of the local electronics workers' union": the
		// title, not the mention, goes on past the plural's possessive
		// mark, which the attribution models learnt without.
		m.title = oneSpaced(d.Text[d.Tokens[from].Start:d.Tokens[te-1].End])
	}
	if paren > from {
		// Named without the acronym.
		m.title = oneSpaced(d.Text[d.Tokens[from].Start:d.Tokens[paren-1].End] + " " + d.Text[d.Tokens[paren+3].Start:d.Tokens[end-1].End])
	}
	if possessed || end > b || m.nation != "" || len(m.mods) > 0 {
		m.specific = true
	}
	mentionStart := start
	if detTok >= 0 {
		mentionStart = detTok
	}
	m.a, m.b = mentionStart, end
	m.definite = det == "the" || det == "this" || det == "that" || det == "these" || det == "those" || det == "'s"
	m.Type = doc.Person
	if plural {
		m.Type = doc.Group
	}
	// Attached to a following name: "President Donald Trump", "Russian
	// leader Vladimir Putin", "Kremlin spokesman Dmitry Peskov".
	if k := end; inSent(k) && st.byTok[k] >= 0 && st.ments[st.byTok[k]].a == k && st.ments[st.byTok[k]].Type == doc.Person && !plural {
		if !role.TitleOnly { // "G.I. Joe agent Chuckles": an epithet as often
			st.premodify(int(st.byTok[k]), &m, mentionStart)
		}
		return
	}
	// In apposition before a name: "The mayor of Kyiv, Vitali Klitschko".
	// Not a title with a determiner when a verb before it and one right
	// after the name make the name the subject of the clause after the
	// title's: "Asked if Okafor remains his first-choice goalkeeper,
	// Brekke would say …". (A bare title there, "becoming president,
	// Reyes said", is left as it was: no mention at all without the
	// apposition, which the attribution models have learnt on.)
	// So is a name after an honorific, after a title with a determiner:
	// "The returning officer, Mr Tran Van Duc," (a bare title there ends
	// a phrase: "Once secretary of state, Mrs Ames …").
	// The tagger may split the name of the complement in two ("of
	// [Westmere] [Hospitals NHS Trust], Dr Alan Mercer,"): the title,
	// though not the mention the attribution models learnt, runs on
	// over the names that follow it up to the comma.
	aend := end
	if ne := st.adjacentNames(end); ne > end && end > b && inSent(ne) && st.words[ne] == "," {
		aend = ne
		m.title = oneSpaced(d.Text[d.Tokens[max(start, titleFrom)].Start:d.Tokens[ne-1].End])
	}
	if fe := st.fieldAt(b); end == b && fe > b {
		// "a professor of economics at Westport University": the
		// field and the institution, in the title alone.
		m.title = oneSpaced(d.Text[d.Tokens[max(start, titleFrom)].Start:d.Tokens[fe-1].End])
	}
	if k := st.nameOpening(aend+1, det != ""); k >= 0 && inSent(aend+1) && !(det != "" && st.complementOfTitle(mentionStart)) && st.words[aend] == "," && st.ments[k].Type == doc.Person && !plural && !(det != "" && st.clauseAfter(mentionStart, st.ments[k].b)) {
		m.attach = st.ments[k].ha
	}
	// In apposition after a name: "Vitali Klitschko, the mayor of Kyiv".
	// A title that possesses the one after it is not the name's: "Wayne
	// King, the congressman's deputy" is the congressman's deputy.
	possessor := end == b && end < len(st.words) && isPossessive(st.words[end])
	k := mentionStart - 2
	if k > 1 && inSent(k-2) && isAge(st.words[k]) && st.words[k-1] == "," {
		k -= 2 // past an age: "Priya Anand, 34, a nurse"
	}
	if m.attach < 0 && !possessor && inSent(k) && st.words[mentionStart-1] == "," && st.byTok[k] >= 0 && st.ments[st.byTok[k]].b == k+1 && st.ments[st.byTok[k]].Type == doc.Person && !plural {
		// "Frank Ames, Labour's sport spokesman" is that spokesman; after a
		// possessive pronoun the name more often opens a list ("Ames, his
		// deputy and …"). Nor is a title that a verb follows: it is the
		// subject after a clause that ends in a name ("Though he spoke of
		// Ames, the coach said …").
		if det != "his" && det != "her" && det != "their" && det != "its" && !st.finiteVerbAt(end) {
			m.attach = st.ments[st.byTok[k]].ha
		} else if (det == "its" || det == "their") && st.closedApposition(aend) {
			// "Mette Dahlgaard, its chief investment officer, said":
			// closed by a comma that no "and" follows, it is no list
			// but her title, attached after resolution (apposedTitles).
			m.apposedTo = st.ments[st.byTok[k]].ha + 1
		}
	}
	switch {
	case m.attach >= 0:
		m.Kind = doc.TitleMention
	case role.TitleOnly && (plural || !m.definite):
		return // "literary agents", "was a translator": no one in particular
	case plural:
		m.Kind = doc.NounMention
	case det == "" && st.headlineSubject(start, end):
		m.Kind = doc.TitleMention
		m.definite = true
	case det == "" && !plural && start >= a-1 && st.electedTo(a) >= 0:
		// "Priya Okonkwo-Hart was elected mayor of Calderbridge": the
		// office, without the participle, is the name's, unlearned; a
		// newly taken one, which "the new mayor" finds.
		m.attach = st.ments[st.electedTo(a)].ha
		m.Kind = doc.TitleMention
		m.unlearned = true
		m.mods = []string{"new"}
		m.a = a
		m.title = oneSpaced(d.Text[d.Tokens[a].Start:d.Tokens[end-1].End])
	case det == "":
		return // a bare singular role: "as president", "president of"
	case role.Kind == lexicon.PersonNoun || !m.definite:
		m.Kind = doc.NounMention
	default:
		m.Kind = doc.TitleMention
	}
	if learnedStart >= 0 {
		// Unlearned, and only a named person's title: the attribution
		// models saw the role from its learned modifiers on, a title
		// only in apposition before a name ("affairs spokeswoman, Katja
		// Nurmi,").
		if m.attach < 0 {
			return
		}
		m.unlearned = true
		if ae := aend; inSent(ae+1) && st.words[ae] == "," {
			if k := st.nameOpening(ae+1, false); k >= 0 && st.ments[k].Type == doc.Person {
				st.superseded = append(st.superseded, doc.Mention{Span: d.TokenSpan(learnedStart, end), Head: d.TokenSpan(a, b), Kind: doc.TitleMention, Type: doc.Person, Entity: -1})
				m.supersedes = len(st.superseded)
			}
		}
	}
	st.ments = append(st.ments, m)
	according := m.a >= 2 && st.info[m.a-2].lower == "according" && st.info[m.a-1].lower == "to"
	if role.TitleOnly && m.attach < 0 && !according && !st.speechSubject(len(st.ments)-1) {
		// Nor, unattached, anyone but a source: "the agent said",
		// "according to the agent", not "(the political Agent)".
		st.ments = st.ments[:len(st.ments)-1]
	}
}

// closedApposition reports whether a comma at token k closes an
// apposition: neither "and", "or" nor a name follows it in its sentence,
// as it would one item of a list ("Ames, its treasurer, and Reyes").
func (st *state) closedApposition(k int) bool {
	if k+1 >= len(st.words) || st.words[k] != "," || st.d.Tokens[k+1].Sent != st.d.Tokens[k].Sent {
		return false
	}
	w := st.info[k+1].lower
	return w != "and" && w != "or" && st.byTok[k+1] < 0
}

// headlineSubject reports whether the bare title of tokens [start, end)
// is the subject of a headline-style sentence: it opens the sentence, is
// capitalised, and a verb follows it ("Prime Minister vows …").
func (st *state) headlineSubject(start, end int) bool {
	d := st.d
	return d.Tokens[start].Has(doc.SentStart) && d.Tokens[end-1].Has(doc.Upper) && end < len(st.words) &&
		d.Tokens[end].Sent == d.Tokens[start].Sent && (st.pos[end] == doc.TagVBZ || st.pos[end] == doc.TagVBD)
}

// possessedComplement returns the end of the common nouns that a
// possessive mark at token k, after a plural noun, joins to the phrase
// before it ("workers' union", "teachers' pay board"), or k when there
// are none.
func (st *state) possessedComplement(k int) int {
	if k < 1 || k+1 >= len(st.words) || st.pos[k] != doc.TagPOS || st.pos[k-1] != doc.TagNNS || st.d.Tokens[k+1].Sent != st.d.Tokens[k].Sent {
		return k
	}
	e := k + 1
	for e < len(st.words) && e < k+4 && st.d.Tokens[e].Sent == st.d.Tokens[k].Sent && (st.pos[e] == doc.TagNN || st.pos[e] == doc.TagNNS) && !st.d.Tokens[e].Has(doc.Upper) {
		e++
	}
	if e == k+1 {
		return k
	}
	return e
}

// commonComplement returns the end of a common-noun phrase of at most
// max lower-case words starting at token k (adjectives and nouns, ending
// in a noun), or k when there is none.
func (st *state) commonComplement(k, max int) int {
	sent := st.d.Tokens[k].Sent
	end := k
	for j := k; j < len(st.words) && j < k+max && st.d.Tokens[j].Sent == sent; j++ {
		p := st.pos[j]
		if st.d.Tokens[j].Has(doc.Upper) {
			break
		}
		if p == doc.TagNN || p == doc.TagNNS {
			end = j + 1
			continue
		}
		if p.IsAdjective() || p == doc.TagVBN {
			continue
		}
		break
	}
	return end
}

// appendQuals appends to quals the lower-case words of tokens [a, b),
// the name that qualifies a title.
func (st *state) appendQuals(quals []string, a, b int) []string {
	for k := a; k < b; k++ {
		if st.d.Tokens[k].Kind == doc.Word && !isPossessive(st.words[k]) {
			quals = append(quals, st.info[k].lower)
		}
	}
	return quals
}

// premodify makes the title before a name part of the name's mention.
func (st *state) premodify(name int, t *ment, start int) {
	nm := &st.ments[name]
	if t.unlearnedRole && !nm.unlearned {
		// The name as the attribution models saw it, without the title.
		typ := nm.Type
		if nm.learnedType != 0 {
			typ = nm.learnedType
		}
		st.supersede(name, nm.a, nm.b, nm.Kind, typ)
		nm.unlearned = true
	}
	nm.a = start
	nm.title = t.title
	nm.mods = t.mods
	nm.quals = t.quals
	nm.nation = t.nation
	nm.role = t.role
	if nm.gender == doc.Unknown {
		nm.gender = t.gender
	}
}

// titleNation returns the country code of the first demonym or country
// name inside the title [a, b): "Russian President", "US President".
func (st *state) titleNation(a, b int) string {
	for k := a; k < b; k++ {
		if st.gaz[k]&(gDemonymB|gDemonymI) != 0 {
			return st.demonymCode(k)
		}
		for _, mt := range st.ms {
			if mt.start == k && mt.end <= b {
				if p := &st.r.gaz.phrases[mt.phrase]; p.code != "" && (p.kind == lexicon.CountryName || p.kind == lexicon.CountryOfficial || p.kind == lexicon.CountryAlt) {
					return p.code
				}
			}
		}
	}
	return ""
}

// demonymCode returns the country code of the demonym phrase covering
// token k.
func (st *state) demonymCode(k int) string {
	for _, mt := range st.ms {
		if mt.start <= k && k < mt.end {
			p := &st.r.gaz.phrases[mt.phrase]
			if p.kind == lexicon.Demonym {
				return p.code
			}
		}
	}
	return ""
}

// honorifics records the gender an honorific before a person's name
// marks ("Mrs. May"), and takes the honorific into the mention.
func (st *state) honorifics() {
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || m.Type != doc.Person {
			continue
		}
		k := m.ha - 1
		if k < 0 || st.d.Tokens[k].Sent != st.d.Tokens[m.ha].Sent || st.gaz[k]&gHonorific == 0 || st.titleEndsAt(m.ha) {
			continue
		}
		for _, mt := range st.ms {
			p := &st.r.gaz.phrases[mt.phrase]
			if mt.end == m.ha && p.role >= 0 && st.r.gaz.roles[p.role].Kind == lexicon.Honorific {
				switch st.r.gaz.roles[p.role].Gender {
				case 'm':
					m.gender = doc.Male
				case 'f':
					m.gender = doc.Female
				}
				if m.a > mt.start {
					m.a = mt.start
				}
				if to, ok := st.r.gaz.honorRole[p.role]; ok {
					m.honor = to + 1
				}
			}
		}
	}
}

// notNameStart are function words a title-case headline capitalises that
// never begin a person's name.
var notNameStart = map[string]bool{
	"with": true, "and": true, "or": true, "for": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "from": true, "as": true, "after": true, "before": true, "against": true, "vs": true,
}

// titleEndsAt reports whether a title of more than one word that is not
// an honorific ends right before token k ("First Lady" before a name,
// whose last word alone would be an honorific).
func (st *state) titleEndsAt(k int) bool {
	for _, mt := range st.ms {
		if p := &st.r.gaz.phrases[mt.phrase]; mt.end == k && mt.end-mt.start >= 2 && p.role >= 0 && st.r.gaz.roles[p.role].Kind != lexicon.Honorific {
			return true
		}
	}
	return false
}

// possessed reports whether a word tagged p can begin what a possessive
// pronoun before it possesses: "her (own) (younger) brother".
func possessed(p doc.POS) bool {
	return p.IsNoun() || p.IsAdjective() || p == doc.TagCD || p == doc.TagVBG || p == doc.TagVBN || p == doc.TagRBS
}

// capitalsAround reports whether a word of two letters or more near token
// i (two tokens either side, past a clitic: "HE'S DEMONSTRATED"), in its
// sentence, is written in capitals too.
func (st *state) capitalsAround(i int) bool {
	for _, k := range [4]int{i - 2, i - 1, i + 1, i + 2} {
		if k >= 0 && k < len(st.words) && st.d.Tokens[k].Sent == st.d.Tokens[i].Sent && st.d.Tokens[k].Has(doc.AllUpper) {
			return true
		}
	}
	return false
}

// pronounMentions adds the third-person pronouns.
func (st *state) pronounMentions() {
	for i, wi := range st.info {
		if wi.lex&lxPronoun == 0 {
			continue
		}
		p := wi.pron
		if p.gender == doc.Neuter && p.case_ != 'n' {
			continue
		}
		if st.d.Tokens[i].Has(doc.AllUpper) && !st.capitalsAround(i) {
			continue // "the HE sector": an acronym, in text not set in capitals
		}
		if pt := st.pos[i]; pt != doc.TagPRP && pt != doc.TagPRPS {
			continue
		} else if p.case_ == 'o' && pt == doc.TagPRPS && i+1 < len(st.words) && possessed(st.pos[i+1]) {
			p.case_ = 'p' // "her" as a possessive: "her brother"
		}
		m := ment{Mention: doc.Mention{Kind: doc.PronounMention, Type: doc.Person}, a: i, b: i + 1, ha: i, hb: i + 1,
			sent: int(st.d.Tokens[i].Sent), role: -1, attach: -1, pron: p, gender: p.gender}
		switch p.gender {
		case doc.Plural:
			m.Type = doc.Group
			m.plural = true
		case doc.Neuter:
			m.Type = doc.Organization
		}
		st.ments = append(st.ments, m)
	}
	st.sortMents(true)
}

// clauseAfter reports whether a finite verb follows a name ending at
// token nameEnd and a verb outside quotation marks stands before token
// title in its sentence: the name then opens a clause of its own after
// the one the title ends.
func (st *state) clauseAfter(title, nameEnd int) bool {
	if !st.finiteVerbAt(nameEnd) {
		return false
	}
	for k := title - 1; k >= 0 && st.d.Tokens[k].Sent == st.d.Tokens[title].Sent; k-- {
		if st.pos[k].IsVerb() && !st.d.Tokens[k].Has(doc.InQuote) {
			return true
		}
	}
	return false
}

// complementOfTitle reports whether the title mention that starts at
// token a is the complement of another title's "for", "of" or "to" ("A
// spokesperson for the Secretary-General, Farid Haddad,"): the name in
// apposition after it is the other title's holder, not its own.
func (st *state) complementOfTitle(a int) bool {
	const title = gRoleB | gRoleI | gLeaderB | gLeaderI
	if a < 2 || st.d.Tokens[a-1].Sent != st.d.Tokens[a].Sent {
		return false
	}
	switch st.info[a-1].lower {
	case "for", "of", "to":
	default:
		return false
	}
	for k := a - 2; k >= 0 && k >= a-4 && st.d.Tokens[k].Sent == st.d.Tokens[a].Sent; k-- {
		if st.gaz[k]&title != 0 {
			return true
		}
	}
	return false
}

// nameOpening returns the index of the name mention that opens at token
// k, also, when honorific, one that took in the honorific at k ("Dr
// Nkechi Umeh") or follows a one-word title there ("Councillor Rhona
// Devlin"), or -1.
func (st *state) nameOpening(k int, honorific bool) int {
	if k < 0 || k+1 >= len(st.words) {
		return -1
	}
	if i := st.byTok[k]; i >= 0 && st.ments[i].a == k {
		return int(i)
	}
	if i := st.byTok[k+1]; honorific && i >= 0 && st.ments[i].a == k && st.ments[i].ha == k+1 {
		return int(i)
	}
	// So too past a one-word capitalised title the name has yet to take
	// in: "the leader of the council, Councillor Rhona Devlin,".
	if i := st.byTok[k+1]; honorific && i >= 0 && st.ments[i].a == k+1 && st.byTok[k] < 0 && st.d.Tokens[k].Has(doc.Upper) &&
		st.gaz[k]&(gRoleB|gLeaderB) != 0 && st.gaz[k+1]&(gRoleI|gLeaderI) == 0 {
		return int(i)
	}
	return -1
}

// finiteVerbAt reports whether token k, in the sentence of the token
// before it, is a finite verb or a modal.
func (st *state) finiteVerbAt(k int) bool {
	return k > 0 && k < len(st.words) && st.d.Tokens[k].Sent == st.d.Tokens[k-1].Sent && st.pos[k].IsFinite()
}

// isAcronym reports whether w is two or more capital letters.
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// surnamePrefixes begin surnames written with a capital inside
// ("VanderBerg", "MacArthur", "DeLuca").
var surnamePrefixes = []string{"Mac", "Mc", "Van", "Vande", "Vander", "Von", "De", "Di", "Da", "Du", "Del", "Della", "La", "Le", "Fitz", "St"}

// companyCase reports whether w is written as companies write their
// names and people do not: a capital inside the word after three or more
// lower-case letters ("NorthJet", "AstraZeneca"; not "McDonald",
// "DiCaprio", "MacArthur", "VandeHei": a surname prefix opens those).
func companyCase(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, p := range surnamePrefixes {
		if len(w) > len(p) && w[:len(p)] == p && 'A' <= w[len(p)] && w[len(p)] <= 'Z' {
			return false
		}
	}
	lower := 0
	for i := 1; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z':
			lower++
		case 'A' <= c && c <= 'Z':
			if lower >= 3 && i+1 < len(w) && 'a' <= w[i+1] && w[i+1] <= 'z' {
				return true
			}
			lower = 0
		default:
			return false
		}
	}
	return false
}

// spaceBefore reports whether white space stands right before token k.
func spaceBefore(d *doc.Document, k int) bool {
	s := d.Tokens[k].Start
	return s > 0 && (d.Text[s-1] == ' ' || d.Text[s-1] == '\t' || d.Text[s-1] == '\n')
}
