package entity

import (
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// Pronoun-ranker feature templates. Their numbers are part of the model
// format.
const (
	pBias uint32 = iota + 300
	pNull
	pNullForm
	pNullCands
	pNullQuote
	pSentDist
	pFormDist
	pKind
	pRoles
	pRole
	pFirstInSent
	pRank
	pRankDist
	pCount
	pTopic
	pCata
	pTokDist
	pGender
	pQuote
	pBetween
	pSaid
	pParaSame
	pFirstEntity
	pClause
	pRoleFirst
	pCountRank
	pPrevSentSubj
	pConjPoss
	pPrepHead
	pNameLen
	pKindRole
	pDistRole
	pRefl
	pPrevWord
	pNextWord
	pPronPrev
	pTotal
	pSubjPronSent
	pPronStart
	pVerbs
	pNextPOS
	pPrevPOS
	pParen
	pWho
	pBind
	pAgent
	pSubord
	pConj
	pSalRank
	pSalRatio
	pTitle
)

// cand is a candidate antecedent of a pronoun: an entity and its mention
// nearest the pronoun.
type cand struct {
	e, m  int
	after bool // the mention follows the pronoun (in the same sentence)
	title int  // how the document's title names the entity (titleNamed); -1 when there is no title
	feats []uint64
	score float32
}

// synRole guesses the grammatical role of tokens [a, b) from the words
// around them: 's' subject, 'o' object, 'p' object of a preposition, 'g'
// possessor, 'x' none of these.
func (st *state) synRole(a, b int) byte {
	n := len(st.words)
	sent := st.d.Tokens[a].Sent
	if b < n && isPossessive(st.words[b]) {
		return 'g'
	}
	if st.verbAfter(b) >= 0 {
		return 's'
	}
	if a > 0 && st.d.Tokens[a-1].Sent == sent {
		switch p := st.pos[a-1]; {
		case p == doc.TagIN || p == doc.TagTO:
			return 'p'
		case p.IsVerb():
			return 'o'
		}
	}
	_ = n
	return 'x'
}

// verbAfter returns the finite verb that follows a mention ending at token
// b, skipping an apposition or parenthesis and adverbs, or -1 when
// something else follows: the mention is then not the verb's subject.
func (st *state) verbAfter(b int) int {
	n := len(st.words)
	if b <= 0 || b >= n {
		return -1
	}
	sent := st.d.Tokens[b-1].Sent
	k := b
	// Skip a parenthesis ("the Employers’ Association (UCEA) said").
	if k < n && st.words[k] == "(" {
		for j := k + 1; j < n && j <= k+8 && st.d.Tokens[j].Sent == sent; j++ {
			if st.words[j] == ")" {
				k = j + 1
				break
			}
		}
	}
	// Skip an apposition ("Putin, the Russian leader, said"), or a
	// relative clause ("Klitschko, who has been mayor since 2014,
	// said").
	if k < n && st.words[k] == "," {
		rel := k+1 < n && (st.words[k+1] == "who" || st.words[k+1] == "which")
		reach := 16
		if rel {
			reach = 32 // a relative clause may run long before its comma
		}
		for j := k + 1; j < n && j < k+reach && st.d.Tokens[j].Sent == sent; j++ {
			if !rel && (st.words[j] == "who" || st.words[j] == "which") && st.pos[j-1].IsNoun() {
				// An apposition with a relative clause in it: "Ana Ruiz,
				// a resident who tweeted about the smoke, said".
				rel, reach = true, 32
			}
			if st.pos[j].IsVerb() && !rel {
				break
			}
			if st.words[j] == "," {
				k = j + 1
				break
			}
		}
	}
	for k < n && st.d.Tokens[k].Sent == sent && (st.pos[k] == doc.TagRB || st.pos[k] == doc.TagMD) {
		k++
	}
	if k < n && st.d.Tokens[k].Sent == sent && st.pos[k].IsVerb() && st.pos[k] != doc.TagVBG {
		return k
	}
	return -1
}

// reportVerbs are verbs of saying and thinking whose subject is, with
// rare exceptions, the referent of a subject pronoun right after them
// ("the president said he", "Putin told reporters that he").
var reportVerbs = map[string]bool{}

func init() {
	for _, v := range []string{"say", "tell", "add", "stress", "argue", "claim", "insist", "note", "warn",
		"explain", "believe", "think", "hope", "announce", "suggest", "admit", "acknowledge", "concede",
		"write", "feel", "know", "promise", "vow", "declare", "deny", "reply", "recall", "predict",
		"indicate", "confirm", "signal", "assert", "maintain", "hint", "reiterate", "emphasize",
		"emphasise", "expect", "fear", "worry", "realize", "realise", "decide", "agree", "pledge"} {
		for _, f := range verbForms(v) {
			reportVerbs[f] = true
		}
	}
	for _, f := range []string{"said", "told", "thought", "knew", "felt", "wrote", "says", "tells", "thinks", "knows", "feels", "writes"} {
		reportVerbs[f] = true
	}
}

// verbForms returns the -s and -ed forms of a regular verb.
func verbForms(v string) []string {
	ed := v + "ed"
	if v[len(v)-1] == 'e' {
		ed = v + "d"
	} else if v[len(v)-1] == 'y' {
		ed = v[:len(v)-1] + "ied"
	}
	s := v + "s"
	if v[len(v)-1] == 'y' {
		s = v[:len(v)-1] + "ies"
	}
	return []string{v, s, ed}
}

// speechSubject reports whether mention i, outside quotation marks, is
// the subject of a verb of saying: "Putin said", "he added", or, after a
// quotation, "said Putin" (not "told reporters").
func (st *state) speechSubject(i int) bool {
	m := &st.ments[i]
	if st.d.Tokens[m.a].Has(doc.InQuote) {
		return false
	}
	if v := st.verbAfter(m.b); v >= 0 && st.info[v].lex&lxReportH != 0 {
		return true
	}
	// An inverted subject ("“…,” said Ames"), not the subject of the
	// clause said ("said Ames would stay"). A pronoun right after the
	// verb ("said it will") is taken, as before, for the one speaking on.
	k := m.a - 1
	if m.Kind != doc.PronounMention && m.b < len(st.words) && st.d.Tokens[m.b].Sent == st.d.Tokens[m.a].Sent && (st.pos[m.b].IsVerb() || st.pos[m.b] == doc.TagMD) {
		return false
	}
	if k >= 0 && st.d.Tokens[k].Sent == st.d.Tokens[m.a].Sent && st.info[k].lex&lxReportH != 0 && st.pos[k].IsVerb() && !tellForms[st.words[k]] {
		return true
	}
	// The inverted subject of a verb of saying right after a comma, past
	// a title ("…, says certified financial planner Eric Roberge").
	j := k
	for j > 0 && m.a-j <= 6 && st.d.Tokens[j].Sent == st.d.Tokens[m.a].Sent && st.info[j].lex&lxReportH == 0 && titleWordTag(st.pos[j]) {
		j--
	}
	if j > 0 && j < k && st.d.Tokens[j].Sent == st.d.Tokens[m.a].Sent && st.info[j].lex&lxReportH != 0 && st.pos[j].IsVerb() && !tellForms[st.words[j]] && st.words[j-1] == "," {
		return true
	}
	// The inverted subject of any verb right after a quotation, past the
	// names and titles before it ("“…,” alleged Harbour Police Const. Tom
	// Reyes").
	for k >= 0 && m.a-k <= 6 && st.d.Tokens[k].Sent == st.d.Tokens[m.a].Sent && !st.pos[k].IsVerb() &&
		(st.d.Tokens[k].Has(doc.Upper) || st.pos[k] == doc.TagNN || st.words[k] == ".") {
		k--
	}
	return k > 0 && k < m.a && st.pos[k].IsVerb() && !tellForms[st.words[k]] && st.invertedAt(k)
}

// titleWordTag reports whether a word with tag p can stand in a title
// before a name: a noun, an adjective or a past form ("certified
// financial planner", "certified" often tagged a past tense).
func titleWordTag(p doc.POS) bool {
	return p.IsNoun() || p == doc.TagJJ || p == doc.TagVBN || p == doc.TagVBD
}

// invertedAt reports whether verb token k comes right after a closing
// quotation mark, or after one and a comma.
func (st *state) invertedAt(k int) bool {
	j := k - 1
	if j > 0 && st.words[j] == "," {
		j--
	}
	return j >= 0 && st.pos[j] == doc.TagCloseQ
}

// tellForms are the forms of "tell", whose next noun is the one told
// ("told reporters"), never an inverted subject.
var tellForms = map[string]bool{"tell": true, "tells": true, "told": true, "telling": true, "Tell": true, "Told": true}

// afterQuotedSentence reports whether subject pronoun i opens a sentence
// outside quotation marks that comes right after a sentence in quotation
// marks (“… the situation.” He also backed …): the reader takes it for the
// one who was speaking.
func (st *state) afterQuotedSentence(i int) bool {
	m := &st.ments[i]
	d := st.d
	if m.pron.case_ != 'n' || d.Tokens[m.a].Sent == 0 || d.Tokens[m.a].Has(doc.InQuote) || !d.Tokens[m.a].Has(doc.SentStart) {
		return false
	}
	prev := d.Sentences[d.Tokens[m.a].Sent-1]
	if d.Sentences[d.Tokens[m.a].Sent].Para != prev.Para {
		return false
	}
	return st.allQuoted(prev.FirstTok, prev.EndTok)
}

// allQuoted reports whether every word of tokens [a, b) is inside
// quotation marks.
func (st *state) allQuoted(a, b int) bool {
	for k := a; k < b; k++ {
		if st.d.Tokens[k].Kind == doc.Word && !st.d.Tokens[k].Has(doc.InQuote) {
			return false
		}
	}
	return true
}

// afterQuotedParagraph reports whether he or she, as a subject, opens
// a paragraph that comes right after a paragraph all in quotation marks
// (“…” ¶ He will …): the reader takes it for the one who was speaking.
func (st *state) afterQuotedParagraph(i int) bool {
	m := &st.ments[i]
	d := st.d
	if m.pron.case_ != 'n' || (m.pron.gender != doc.Male && m.pron.gender != doc.Female) || !d.Tokens[m.a].Has(doc.ParaStart) || d.Tokens[m.a].Has(doc.InQuote) {
		return false
	}
	para := d.Sentences[d.Tokens[m.a].Sent].Para
	if para == 0 {
		return false
	}
	prev := d.Paragraphs[para-1]
	return st.allQuoted(d.Sentences[prev.FirstSent].FirstTok, d.Sentences[prev.EndSent-1].EndTok)
}

// prevSubject returns the group or organisation that "they" opening a
// sentence (or following only a quotation: "“…,” they stated") refers to
// as the subject of the sentence before ("Leaders … welcomed the steps.
// They stressed …"): the first subject mention of that sentence (or the
// mention that opens it), outside quotation marks, if "they" agrees with
// it; -1 for any other pronoun or when there is none. The ranker, trained
// on he and she, does not decide "they".
func (st *state) prevSubject(pi int) int {
	p := &st.ments[pi]
	d := st.d
	if p.pron.gender != doc.Plural || p.pron.case_ != 'n' || p.sent == 0 || d.Sentences[p.sent].Para != d.Sentences[p.sent-1].Para {
		return -1
	}
	// It opens its sentence, or follows only a quotation ("“…,” they
	// stated").
	for k := d.Sentences[p.sent].FirstTok; k < p.a; k++ {
		if t := d.Tokens[k]; !t.Has(doc.InQuote) && t.Kind == doc.Word {
			return -1
		}
	}
	first := -1
	for k := pi - 1; k >= 0 && st.ments[k].sent >= p.sent-1; k-- {
		m := &st.ments[k]
		if m.sent != p.sent-1 || m.Entity < 0 || d.Tokens[m.a].Has(doc.InQuote) || st.roleOf(k) != 's' && m.a != d.Sentences[m.sent].FirstTok {
			continue
		}
		first = k
	}
	if first < 0 || !st.agrees(p, &st.ents[st.ments[first].Entity]) {
		return -1
	}
	return st.ments[first].Entity
}

// lastSpeaker returns the nearest resolved mention before mention i,
// within the given number of sentences, that is the subject of a verb of
// saying, or -1. A mention inside another is not a subject.
func (st *state) lastSpeaker(i, sents int) int {
	for j := i - 1; j >= 0; j-- {
		m := &st.ments[j]
		if st.ments[i].sent-m.sent > sents {
			return -1
		}
		if j > 0 && st.ments[j-1].a <= m.a && st.ments[j-1].b >= m.b {
			continue // a name inside a title ("director of Northline Ferries") is not its subject
		}
		if m.Entity >= 0 && m.b <= st.ments[i].a && st.speechSubject(j) {
			return j
		}
	}
	return -1
}

// frontedPossessive returns the person a possessive he or she refers to
// in a prepositional phrase that opens its sentence, before its comma,
// when a person's name opens the clause after that comma as its subject
// ("With his first greeting to Trump, …, Putin turned the moment", "In her
// speech, Ruiz said"): the writer names the one the phrase was about right
// after it. -1 otherwise.
func (st *state) frontedPossessive(pi int) int {
	p := &st.ments[pi]
	d := st.d
	if p.pron.case_ != 'p' || p.pron.gender != doc.Male && p.pron.gender != doc.Female || d.Tokens[p.a].Has(doc.InQuote) {
		return -1
	}
	s := d.Sentences[p.sent]
	if st.pos[s.FirstTok] != doc.TagIN || p.a > s.FirstTok+4 {
		return -1
	}
	comma := -1
	for k := p.a + 1; k < s.EndTok && k <= p.a+20; k++ {
		if d.Tokens[k].Has(doc.InQuote) {
			continue // "with his greeting “Hello, neighbour”"
		}
		if st.words[k] == "," {
			comma = k
			break
		}
		if st.pos[k].IsFinite() {
			return -1
		}
	}
	if comma < 0 {
		return -1
	}
	for k := s.FirstTok + 1; k < p.a; k++ {
		if st.pos[k].IsVerb() || st.words[k] == "," {
			return -1
		}
	}
	// The subject opens the clause after the phrase, or after more
	// phrases between commas ("…, upon landing, Putin turned").
	for at := comma + 1; at < s.EndTok && at <= comma+16; at++ {
		if at > comma+1 && (st.words[at-1] != "," || d.Tokens[at-1].Has(doc.InQuote)) {
			if st.pos[at-1].IsFinite() && !d.Tokens[at-1].Has(doc.InQuote) {
				return -1
			}
			continue
		}
		for j := pi + 1; j < len(st.ments) && st.ments[j].a <= at; j++ {
			m := &st.ments[j]
			if m.a != at || m.Kind != doc.NameMention || m.Entity < 0 || !st.finiteVerbAt(m.b) {
				continue
			}
			if x := &st.ents[m.Entity]; x.Type == doc.Person && st.agrees(p, x) {
				return m.Entity
			}
		}
	}
	return -1
}

// titleOfNamed reports whether m is a title or role mention that the
// text resolved to a person it names by name, in apposition ("A Liberal
// councillor, Tomas Okoro who backed the plan, said").
func (st *state) titleOfNamed(m *ment) bool {
	if m.Kind != doc.TitleMention || m.Entity < 0 {
		return false
	}
	x := &st.ents[m.Entity]
	return x.Type == doc.Person && !x.described && x.name >= 0
}

// apposedTitleAt returns the entity of the title in apposition to a
// name that possessive pronoun mention pi opens ("His spokesman, Daniel
// Roe,"), or -1.
func (st *state) apposedTitleAt(pi int) int {
	p := &st.ments[pi]
	if p.pron.case_ != 'p' && st.pos[p.a] != doc.TagPRPS {
		return -1
	}
	for k := pi - 1; k >= 0 && st.ments[k].a == p.a; k-- {
		if m := &st.ments[k]; m.Kind == doc.TitleMention && m.attach >= 0 {
			return m.Entity
		}
	}
	return -1
}

// describedPerson reports whether m is a noun mention of a person the
// text describes and never names ("one nurse", "a passer-by").
func (st *state) describedPerson(m *ment) bool {
	if m.Kind != doc.NounMention || m.Entity < 0 {
		return false
	}
	x := &st.ents[m.Entity]
	return x.Type == doc.Person && x.described
}

// quoteBefore returns the sentence that a quotation opens, when one opens
// sentence s, or runs over sentences from one it opens, and holds every
// word before token a, and the sentence before it is in the same
// paragraph, or ends the one before when the quotation opens its
// paragraph; -1 otherwise.
func (st *state) quoteBefore(s, a int) int {
	d := st.d
	qs := s
	for qs > 0 && !d.Tokens[d.Sentences[qs].FirstTok].Has(doc.OpenQuote) && d.Tokens[d.Sentences[qs].FirstTok].Has(doc.InQuote) {
		qs--
	}
	if qs == 0 || d.Sentences[qs].Para != d.Sentences[qs-1].Para && d.Sentences[qs].Para != d.Sentences[qs-1].Para+1 {
		return -1
	}
	if first := d.Sentences[qs].FirstTok; !d.Tokens[first].Has(doc.OpenQuote) || !st.allQuoted(first, a) {
		return -1
	}
	return qs
}

// quoteAfterSubject returns the person a he or she refers to as the
// speaker of a quotation that opens its sentence, after a sentence (of
// the same paragraph, or ending the one before) whose subject is that
// person ("Trump, by contrast, kept it short. “…,” he declared."): the
// entity of the previous sentence's main subject when it is a person the
// pronoun agrees with and the quotation does not name; -1 otherwise.
func (st *state) quoteAfterSubject(pi int) int {
	p := &st.ments[pi]
	d := st.d
	if p.pron.case_ != 'n' || p.pron.gender == doc.Plural || p.pron.gender == doc.Neuter || p.sent == 0 ||
		d.Tokens[p.a].Has(doc.InQuote) || !st.speechSubject(pi) {
		return -1
	}
	qs := st.quoteBefore(p.sent, p.a)
	if qs < 0 {
		return -1
	}
	// The subject opens its sentence: the main clause's, or a name
	// before a comma ("Trump, by contrast, kept …", "Malcolm Barr, an
	// economist, said: …"); nothing fronted to misread.
	prev := qs - 1
	prevFirst := d.Sentences[prev].FirstTok
	if prevFirst+1 < len(st.words) && st.d.Tokens[prevFirst].Has(doc.Upper) && st.byTok[prevFirst] < 0 && st.r.lex.PersonNoun(st.info[prevFirst].lower) {
		prevFirst++ // a title before the name: "Astronomer Sandra Okafor … said"
	}
	j := int(st.mainSubject(prev))
	if j >= 0 && st.ments[j].a != prevFirst {
		j = -1
	}
	if j < 0 {
		for k := pi - 1; k >= 0 && st.ments[k].sent >= prev; k-- {
			if m := &st.ments[k]; m.sent == prev && m.a == prevFirst && (m.Kind == doc.NameMention || st.titleOfNamed(m) || st.describedPerson(m)) && m.b < len(st.words) {
				// "Malcolm Barr, an economist, said", "Sandra Okafor with
				// the University of Westport said", "Gerard Doyle from
				// the high-brow Daily Courier was the only critic …";
				// someone never named ("One nurse, who asked not to be
				// named, described …").
				v := st.afterAffiliation(m.b)
				if w := st.afterWhen(v); w > v && w < len(st.words) && st.pos[w].IsFinite() {
					v = w // "Javier Betancourt at that time asked"
				}
				if st.words[v] == "," || v > m.b && (st.pos[v].IsFinite() || st.info[v].lex&lxReportH != 0 && st.pos[v].IsVerb()) {
					j = k
				}
			}
		}
	}
	if j < 0 || st.ments[j].Entity < 0 || st.ents[st.ments[j].Entity].Type != doc.Person {
		// "They got nothing, and that disappointed Ontario's Ana Ruiz.
		// “…,” she said": the one person the sentence before names,
		// though not as its subject.
		j = st.onlyPersonNamed(prev, p)
	}
	if j < 0 || st.ments[j].Entity < 0 || d.Tokens[st.ments[j].a].Has(doc.InQuote) {
		return -1
	}
	x := &st.ents[st.ments[j].Entity]
	if x.Type != doc.Person || !st.agrees(p, x) {
		return -1
	}
	if q := st.spokenQuote(pi); q.End > q.Start && st.namedIn(st.ments[j].Entity, q) {
		return -1 // the speaker of a quotation is no one it names
	}
	return st.ments[j].Entity
}

// introducedSpeaker returns the person a he or she opening its sentence
// as the subject of a verb of saying refers to when the sentence before,
// in its paragraph, names that person in full for the first time and no
// one else it could be ("On Tuesday the jury also heard from Tomas
// Pryce, the defendant's younger brother, who was a director … . He
// said"): the writer introduces someone to report what they said. A
// possessor ("the defendant's") and an indefinite description ("a
// director", what they are) name no one else. -1 otherwise.
func (st *state) introducedSpeaker(pi int) int {
	p := &st.ments[pi]
	d := st.d
	if p.pron.case_ != 'n' || p.pron.gender != doc.Male && p.pron.gender != doc.Female || p.sent == 0 ||
		p.a != d.Sentences[p.sent].FirstTok || d.Sentences[p.sent].Para != d.Sentences[p.sent-1].Para || !st.speechSubject(pi) {
		return -1
	}
	prev, found := p.sent-1, -1
	for k := pi - 1; k >= 0 && st.ments[k].sent >= prev; k-- {
		m := &st.ments[k]
		if m.sent != prev || m.Entity < 0 || d.Tokens[m.a].Has(doc.InQuote) {
			continue
		}
		if x := &st.ents[m.Entity]; x.Type != doc.Person || !st.agrees(p, x) {
			continue
		}
		if m.b < len(st.words) && isPossessive(st.words[m.b]) || m.Kind == doc.NounMention && !m.definite {
			continue
		}
		if found >= 0 && found != m.Entity {
			return -1
		}
		found = m.Entity
	}
	if found < 0 {
		return -1
	}
	x := &st.ents[found]
	if x.Type != doc.Person || len(x.parts) < 2 || st.firstOf[found] < 0 || st.ments[st.firstOf[found]].sent != prev {
		return -1
	}
	return found
}

// onlyPersonNamed returns the one name mention of a person in sentence
// s, outside quotation marks, whom pronoun p agrees with, when no other
// such person is named or spoken of there; -1 otherwise.
func (st *state) onlyPersonNamed(s int, p *ment) int {
	found := -1
	for k := range st.ments {
		m := &st.ments[k]
		if int(st.d.Tokens[m.a].Sent) != s || m.Entity < 0 || st.d.Tokens[m.a].Has(doc.InQuote) {
			continue
		}
		x := &st.ents[m.Entity]
		if x.Type != doc.Person || !st.agrees(p, x) {
			continue
		}
		if m.b < len(st.words) && isPossessive(st.words[m.b]) {
			continue // named as whose something is ("Ontario's Ana Ruiz")
		}
		if m.Kind != doc.NameMention || found >= 0 && st.ments[found].Entity != m.Entity {
			return -1 // someone else it could be
		}
		found = k
	}
	return found
}

// afterWhen returns the token after a phrase of up to four words that
// says when, starting at token k ("at that time asked"), or k when none
// does.
func (st *state) afterWhen(k int) int {
	j := k
	for j < len(st.words) && j < k+4 && (whenWords[st.info[j].lower] || timeWords[st.info[j].lower]) {
		j++
	}
	return j
}

// whenWords, with timeWords, make the phrases that say when between a
// subject and its verb ("at that time", "last week", "on Monday", "this
// month").
var whenWords = map[string]bool{
	"at": true, "that": true, "the": true, "time": true, "on": true, "last": true, "this": true,
	"week": true, "month": true, "year": true, "then": true, "also": true, "later": true, "again": true,
}

// afterAffiliation returns the token after an affiliation that starts at
// token k, a preposition and a name ("of Harbour Capital" in "Maria
// Ivanova of Harbour Capital, an investment bank, said", "with the
// University of Westport"), or k when none does.
func (st *state) afterAffiliation(k int) int {
	if k+1 >= len(st.words) || st.words[k] != "of" && st.words[k] != "from" && st.words[k] != "at" && st.words[k] != "with" {
		return k
	}
	a := k + 1
	if st.words[a] == "the" {
		a++ // "with the University of Westport"
		for n := 0; n < 2 && a < len(st.words) && st.pos[a] == doc.TagJJ && !st.d.Tokens[a].Has(doc.Upper); n++ {
			a++ // "from the high-brow Daily Telegraph"
		}
	}
	for j := range st.ments {
		if m := &st.ments[j]; m.a == a && m.Kind == doc.NameMention && m.b < len(st.words) {
			return m.b
		}
	}
	return k
}

// reportedSubject returns the mention that is the subject of a verb of
// saying right before subject pronoun pi ("the president said he",
// "Putin told reporters that he"), or -1.
func (st *state) reportedSubject(pi int) int {
	p := &st.ments[pi]
	if p.pron.case_ != 'n' {
		return -1
	}
	k := p.a - 1
	if k >= 0 && strings.EqualFold(st.words[k], "that") {
		k--
	}
	// "told reporters that he": skip the addressee.
	if k >= 1 && (st.pos[k].IsNoun() || st.pos[k] == doc.TagPRP) && st.pos[k-1].IsVerb() {
		k--
	}
	if k < 0 || st.d.Tokens[k].Sent != st.d.Tokens[p.a].Sent || st.info[k].lex&lxReportH == 0 {
		return -1
	}
	// "... but added he": a verb coordinated with an earlier one shares
	// its subject, the nearest subject before it.
	c := k - 1
	for c >= 0 && st.pos[c] == doc.TagRB {
		c--
	}
	coord := c >= 0 && (st.words[c] == "and" || st.words[c] == "but")
	for j := pi - 1; j >= 0; j-- {
		m := &st.ments[j]
		if m.sent != p.sent {
			return -1
		}
		if m.b > k {
			continue
		}
		if v := st.verbAfter(m.b); v == k || coord && v >= 0 && v < c {
			return j
		}
		if !coord && (m.Type == doc.Person || m.Type == doc.Group) {
			return -1 // someone else stands between
		}
	}
	return -1
}

// newSubjectSince reports whether, after the sentence of speaker mention
// j, another entity that pronoun pi could refer to is named as a subject
// before pi: the reader then takes the pronoun for the newer subject, not
// for a speaker going on. Names inside quotation marks are the speaker's
// own words and do not count.
func (st *state) newSubjectSince(j, pi int) bool {
	p := &st.ments[pi]
	spk := st.ments[j].Entity
	quoting := -1 // whether pi speaks a quotation, found when asked
	for k := j + 1; k < pi; k++ {
		m := &st.ments[k]
		if m.Entity < 0 || m.Entity == spk || m.sent <= st.ments[j].sent || m.Kind == doc.PronounMention || st.d.Tokens[m.a].Has(doc.InQuote) {
			continue
		}
		subject := st.roleOf(k) == 's'
		if !subject && st.emphaticSubject(m) {
			// For a pronoun speaking a quotation ("… he said"), whom
			// the stressed name announces.
			if quoting < 0 {
				q := st.spokenQuote(pi)
				quoting = b2i(q.End > q.Start)
			}
			subject = quoting == 1
		}
		if subject && st.agrees(p, &st.ents[m.Entity]) {
			return true
		}
	}
	return false
}

// emphaticSubject reports whether mention m is the subject of a verb
// after a reflexive pronoun that stresses it ("Varga himself has said
// little").
func (st *state) emphaticSubject(m *ment) bool {
	if m.b >= len(st.words) || st.d.Tokens[m.b].Sent != st.d.Tokens[m.a].Sent {
		return false
	}
	r, ok := pronouns[st.words[m.b]]
	return ok && r.case_ == 'r' && st.verbAfter(m.b+1) >= 0
}

// roleOf returns the grammatical role of mention k, computed once.
func (st *state) roleOf(k int) byte {
	if len(st.roles) != len(st.ments) {
		st.roles = reuse.Zeroed(st.roles, len(st.ments))
	}
	if st.roles[k] == 0 {
		m := &st.ments[k]
		if m.Kind == doc.PronounMention {
			st.roles[k] = st.pronounRole(m)
		} else {
			st.roles[k] = st.synRole(m.ha, m.b)
		}
	}
	return st.roles[k]
}

func (st *state) pronounRole(m *ment) byte {
	switch m.pron.case_ {
	case 'n':
		return 's'
	case 'p':
		return 'g'
	case 'r':
		return 'r'
	}
	if m.a > 0 && (st.pos[m.a-1] == doc.TagIN || st.pos[m.a-1] == doc.TagTO) {
		return 'p'
	}
	return 'o'
}

// agrees reports whether pronoun mention p can refer to entity x.
func (st *state) agrees(p *ment, x *ent) bool {
	switch p.pron.gender {
	case doc.Male, doc.Female:
		if x.Type != doc.Person {
			return false
		}
		// What the text marks (an honorific, a gendered noun) and a first
		// name nine in ten of whose bearers share a sex rule a candidate
		// out; earlier pronouns are evidence the ranker weighs.
		return x.Gender == doc.Unknown || x.Gender == p.pron.gender || x.genderFrom == 'p'
	case doc.Plural:
		// An organisation is "they" only as the one who says or does:
		// "the ministry said they".
		return x.Type == doc.Group || x.Type == doc.Organization && p.pron.case_ == 'n'
	case doc.Neuter:
		return x.Type == doc.Organization || x.Type == doc.Place
	}
	return false
}

// addCand appends c to dst, reusing the feature buffer of the slot it
// takes.
func addCand(dst []cand, c cand) []cand {
	if len(dst) < cap(dst) {
		dst = dst[:len(dst)+1]
		c.feats = dst[len(dst)-1].feats[:0]
		dst[len(dst)-1] = c
		return dst
	}
	return append(dst, c)
}

// maxCands is the most antecedents a pronoun's ranker considers: the
// nearest ones.
const maxCands = 5

// without removes from cands the candidates whose entity is ruled out
// and returns the rest with the index of the best that beats the null
// choice's score (-1 when none does).
func without(cands []cand, null float32, out func(e int) bool) ([]cand, int) {
	kept := cands[:0]
	for _, c := range cands {
		if !out(c.e) {
			kept = append(kept, c)
		}
	}
	best := -1
	for i := range kept {
		if kept[i].score > null && (best < 0 || kept[i].score > kept[best].score) {
			best = i
		}
	}
	return kept, best
}

// spokenQuote returns the quotation that subject pronoun pi speaks when
// it is the subject of the verb right after the quotation's closing mark
// ("“…,” he shouted", "“…,” said he"); the zero span otherwise.
func (st *state) spokenQuote(pi int) doc.Span {
	p := &st.ments[pi]
	if p.pron.case_ != 'n' {
		return doc.Span{}
	}
	return st.quoteSpoken(p.a, p.b)
}

// quoteSpoken returns the quotation that the subject at tokens [a, b)
// speaks, right after it and its comma ("“…,” the group said", "“…,”
// said the group"), or an empty span.
func (st *state) quoteSpoken(a, b int) doc.Span {
	d := st.d
	if d.Tokens[a].Has(doc.InQuote) {
		return doc.Span{}
	}
	p := struct{ a, b int }{a, b}
	k := p.a - 1
	switch {
	case k >= 0 && st.pos[k].IsVerb():
		k-- // "said he"
	case p.b >= len(st.pos) || !st.pos[p.b].IsVerb():
		return doc.Span{} // "he shouted", "he says"
	}
	if k >= 0 && st.words[k] == "," {
		k--
	}
	if k < 0 {
		return doc.Span{}
	}
	for _, q := range d.Quotes {
		if q.Close.Start == d.Tokens[k].Start {
			return q.Outer()
		}
	}
	return doc.Span{}
}

// onlyQuoted reports whether every mention of entity e before mention pi
// stands inside quotation marks.
func (st *state) onlyQuoted(e, pi int) bool {
	for k := 0; k < pi; k++ {
		if m := &st.ments[k]; m.Entity == e && !st.d.Tokens[m.a].Has(doc.InQuote) {
			return false
		}
	}
	return true
}

// namedIn reports whether entity e has a name mention inside span s.
func (st *state) namedIn(e int, s doc.Span) bool {
	for k := range st.ments {
		m := &st.ments[k]
		if m.Entity == e && m.Kind == doc.NameMention {
			if t := st.d.Tokens[m.a]; t.Start >= s.Start && t.End <= s.End {
				return true
			}
		}
	}
	// A surname the tagger did not take for a name there ("Having
	// [Verbeek] here helps").
	last := st.ents[e].last
	if st.ents[e].Type != doc.Person || last == "" {
		return false
	}
	for k := st.d.TokenAt(s.Start); k < len(st.words) && st.d.Tokens[k].End <= s.End; k++ {
		if st.d.Tokens[k].Has(doc.Upper) && st.info[k].translitFolded() == last {
			return true
		}
	}
	return false
}

// namedAfter reports whether entity e has a name mention after mention pi
// in pi's sentence.
func (st *state) namedAfter(e, pi int) bool {
	for k := pi + 1; k < len(st.ments) && st.ments[k].sent == st.ments[pi].sent; k++ {
		if m := &st.ments[k]; m.Entity == e && m.Kind == doc.NameMention {
			return true
		}
	}
	return false
}

// candidates returns the entities pronoun mention pi may refer to, each
// with its mention nearest before the pronoun (or, for an entity first
// named later in the pronoun's sentence, after it), nearest first.
func (st *state) candidates(pi int, dst []cand) []cand {
	p := &st.ments[pi]
	seen := func(e int) bool {
		for _, c := range dst {
			if c.e == e {
				return true
			}
		}
		return false
	}
	for k := pi - 1; k >= 0; k-- {
		m := &st.ments[k]
		if p.sent-m.sent > 4 {
			break
		}
		if m.Entity < 0 || seen(m.Entity) || m.b > p.a && m.Kind != doc.NameMention {
			continue
		}
		if m.Kind == doc.TitleMention && m.attach >= 0 {
			continue // an apposition: its name is the mention that counts
		}
		if m.a <= p.a && p.b <= m.b {
			continue // the pronoun is inside the mention: "his spokesman"
		}
		if st.d.IsByline(m.sent) {
			continue // the writer, not anyone the story is about
		}
		x := &st.ents[m.Entity]
		if !st.agrees(p, x) {
			continue
		}
		dst = addCand(dst, cand{e: m.Entity, m: k})
		if len(dst) == maxCands {
			return dst
		}
	}
	// A name after the pronoun only when the pronoun opens a fronted
	// subordinate clause ("After he left, Bernal took over") or the
	// sentence ("His wife said ...").
	fs := st.d.Sentences[p.sent].FirstTok
	if st.info[fs].lex&lxSubordH == 0 && p.a != fs {
		return dst
	}
	for k := pi + 1; k < len(st.ments); k++ {
		m := &st.ments[k]
		if m.sent != p.sent {
			break
		}
		if m.Kind != doc.NameMention || m.Entity < 0 || seen(m.Entity) || !st.agrees(p, &st.ents[m.Entity]) {
			continue
		}
		dst = addCand(dst, cand{e: m.Entity, m: k, after: true})
	}
	return dst
}

func bucket(n int, edges ...int) int {
	for i, e := range edges {
		if n <= e {
			return i
		}
	}
	return len(edges)
}

var clauseWords = map[string]bool{
	",": true, ";": true, ":": true, "that": true, "which": true, "who": true, "because": true, "when": true,
	"while": true, "after": true, "before": true, "but": true, "and": true, "as": true, "if": true,
	"although": true, "since": true, "—": true, "–": true,
}

// hasWord reports whether set holds w or, when w is capitalised, its
// lower-case form; it does not allocate.
func hasWord(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	if w == "" || w[0] < 'A' || w[0] > 'Z' || len(w) > 32 {
		return false
	}
	var b [32]byte
	n := copy(b[:], w)
	for i := 0; i < n; i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return set[string(b[:n])]
}

// clauseBreak reports whether a clause boundary lies between tokens a and
// b: a comma, semicolon or colon, or a subordinating word.
func (st *state) clauseBreak(a, b int) bool {
	for k := a; k < b; k++ {
		if st.info[k].lex&lxClauseH != 0 {
			return true
		}
	}
	return false
}

// features gives f the features of candidate c of pronoun mention pi;
// rank is the candidate's place in order of nearness, topic the entity
// with the most mentions so far.
func (st *state) features(f *pronFeats, pi int, c *cand, rank int, topic int) {
	p := &st.ments[pi]
	m := &st.ments[c.m]
	x := &st.ents[c.e]
	form := p.pron.form
	sd := p.sent - m.sent
	if c.after {
		sd = 0
	}
	prole, mrole := st.pronounRole(p), st.roleOf(c.m)
	first := st.firstInSent(c.m)
	dist := p.a - m.b
	if c.after {
		dist = m.a - p.b
	}
	between := 0
	lo, hi := c.m+1, pi
	if c.after {
		lo, hi = pi+1, c.m
	}
	for k := lo; k < hi; k++ {
		if o := st.ments[k].Entity; o >= 0 && o != c.e && st.agrees(p, &st.ents[o]) {
			between++
		}
	}
	kind := int(m.Kind)
	count := x.count
	gender := 0
	switch x.Gender {
	case doc.Unknown:
	case p.pron.gender:
		gender = 1<<8 | int(x.genderFrom)
	default:
		gender = 2<<8 | int(x.genderFrom)
	}
	quote := st.quoteBits(p, m)
	said := 0
	if !c.after && sd == 0 && mrole == 's' && prole == 's' && dist <= 6 {
		// "Putin said he", "Trump told reporters that he".
		verb := false
		for k := m.b; k < p.a; k++ {
			if st.pos[k].IsVerb() {
				verb = true
			}
		}
		if verb {
			said = 1
		}
	}
	clause := 0
	if sd == 0 {
		clause = 1
		if st.clauseBreak(min(m.b, p.b), max(m.a, p.a)) {
			clause = 2
		}
	}
	prevSubj := 0
	if sd == 1 && first && (mrole == 's' || m.Kind == doc.PronounMention && m.pron.case_ == 'n') {
		prevSubj = 1
	}
	conjPoss := 0
	if !c.after && sd == 0 && p.a-m.b == 1 && (st.words[m.b] == "and" || st.words[m.b] == ",") {
		conjPoss = 1
	}
	prep := ""
	if m.a > 0 && st.d.Tokens[m.a-1].Sent == st.d.Tokens[m.a].Sent && st.pos[m.a-1] == doc.TagIN {
		prep = st.words[m.a-1]
	}
	firstEnt := 0
	if st.ments[st.firstOf[c.e]].sent <= st.leadSent() || c.e == st.firstPers {
		firstEnt = 1
	}
	sameP := 0
	if st.d.Sentences[m.sent].Para == st.d.Sentences[p.sent].Para {
		sameP = 1
	}
	cata := 0
	if c.after {
		cata = 1
	}
	f.int(pBias, 0)
	f.int(pSentDist, min(sd, 4))
	f.hash(linear.Pair(pstr(pFormDist, form), pint(pFormDist, min(sd, 4))))
	f.int(pKind, kind)
	f.int(pRoles, int(prole)<<8|int(mrole))
	f.int(pRole, int(mrole))
	f.int(pFirstInSent, b2i(first)<<4|min(sd, 3))
	f.int(pRank, min(rank, 3))
	f.int(pRankDist, min(rank, 3)<<4|min(sd, 3))
	f.int(pCount, bucket(count, 0, 1, 2, 4))
	f.int(pTopic, b2i(c.e == topic))
	f.int(pCata, cata<<4|int(prole))
	f.int(pTokDist, bucket(dist, 2, 5, 10, 20, 40))
	f.int(pGender, gender)
	f.int(pQuote, quote)
	f.int(pBetween, min(between, 2)<<4|min(sd, 2))
	f.int(pSaid, said)
	f.int(pParaSame, sameP)
	f.int(pFirstEntity, firstEnt)
	f.int(pClause, clause<<8|int(prole))
	f.int(pRoleFirst, int(mrole)<<8|b2i(first)<<4|int(prole))
	f.int(pCountRank, bucket(count, 0, 1, 3)<<4|min(rank, 2))
	f.int(pPrevSentSubj, prevSubj<<8|int(prole))
	f.int(pConjPoss, conjPoss<<8|int(prole))
	f.hash(linear.Pair(plower(pPrepHead, prep), pint(pPrepHead, int(prole))))
	f.int(pNameLen, bucket(len(x.parts), 0, 1, 2))
	f.int(pKindRole, kind<<8|int(mrole))
	f.int(pDistRole, min(sd, 3)<<8|int(mrole)<<4|b2i(first))
	if prole == 'r' {
		f.int(pRefl, clause<<4|min(rank, 2))
	}
	sentOf := func(k int) int32 {
		if k < 0 || k >= len(st.words) {
			return -1
		}
		return st.d.Tokens[k].Sent
	}
	prevW, nextW, pronPrev := "<s>", "</s>", "<s>"
	prevP, nextP := doc.TagNone, doc.TagNone
	if sentOf(m.a-1) == sentOf(m.a) {
		prevW, prevP = st.words[m.a-1], st.pos[m.a-1]
	}
	if sentOf(m.b) == sentOf(m.a) {
		nextW, nextP = st.words[m.b], st.pos[m.b]
	}
	if sentOf(p.a-1) == sentOf(p.a) {
		pronPrev = st.words[p.a-1]
	}
	verbs := 0
	if sd == 0 {
		for k := min(m.b, p.b); k < max(m.a, p.a); k++ {
			if st.pos[k].IsVerb() {
				verbs++
			}
		}
	}
	subjPS := 0
	if sd == 0 && !c.after && first && mrole == 's' {
		subjPS = 1
	}
	pstart := 0
	if sentOf(p.a-1) != sentOf(p.a) {
		pstart = 1
	}
	f.hash(linear.Pair(plower(pPrevWord, prevW), pint(pPrevWord, int(prole))))
	f.hash(linear.Pair(plower(pNextWord, nextW), pint(pNextWord, int(prole))))
	f.hash(linear.Pair(plower(pPronPrev, pronPrev), pint(pPronPrev, int(mrole)<<4|min(sd, 2))))
	f.int(pTotal, bucket(st.total[c.e], 1, 2, 3, 5, 8))
	f.int(pSubjPronSent, subjPS<<8|int(prole))
	f.int(pPronStart, pstart<<8|b2i(first)<<4|min(sd, 2))
	f.int(pVerbs, min(verbs, 3)<<8|int(prole)<<4|int(mrole)&15)
	f.int(pNextPOS, int(nextP)<<8|int(prole))
	f.int(pPrevPOS, int(prevP)<<8|int(prole))
	f.int(pConj, int(mrole)<<16|int(prole)<<8|min(sd, 2)<<6|b2i(first)<<5|min(rank, 2)<<3|min(between, 1)<<2|clause)
	if st.inParens(m.a) {
		f.int(pParen, int(prole))
	}
	if !c.after && sd == 0 && between == 0 && (strings.EqualFold(nextW, "who") || nextW == "," && m.b+1 < len(st.words) && strings.EqualFold(st.words[m.b+1], "who")) {
		f.int(pWho, int(prole))
	}
	if sd == 0 && !c.after && !st.clauseBreak(m.b, p.a) && verbs == 1 && mrole == 's' {
		f.int(pBind, int(prole))
	}
	if strings.EqualFold(prevW, "by") {
		f.int(pAgent, int(prole)<<4|min(sd, 2))
	}
	if fs := st.d.Sentences[p.sent].FirstTok; st.info[fs].lex&lxSubordH != 0 && p.a < m.a+20 {
		f.int(pSubord, cata<<8|int(mrole)<<4|min(sd, 2))
	}
	if tn := c.title; tn >= 0 {
		// The one a headline or a page title names is the topic.
		f.int(pTitle, tn<<8|int(prole))
		f.int(pTitle, 1<<16|tn<<8|min(sd, 3)<<4|b2i(first))
	}
}

// quoteBits says which of pronoun mention p and candidate mention m are
// inside quotation marks: 1 p, 2 m, 3 both.
func (st *state) quoteBits(p, m *ment) int {
	return b2i(st.d.Tokens[p.a].Has(doc.InQuote)) | b2i(st.d.Tokens[m.a].Has(doc.InQuote))<<1
}

// titleNamed says how the title span ts names entity e: 2 by a name
// mention, 1 by a capitalised word that is one of the parts of its name
// ("Liz" for "Liz McDonald"), 0 not at all.
func (st *state) titleNamed(e int, ts doc.Span) int {
	if st.namedIn(e, ts) {
		return 2
	}
	x := &st.ents[e]
	if x.Type != doc.Person {
		return 0
	}
	for k := st.d.TokenAt(ts.Start); k < len(st.words) && st.d.Tokens[k].End <= ts.End; k++ {
		if !st.d.Tokens[k].Has(doc.Upper) {
			continue
		}
		w := st.info[k].translitFolded()
		if c, ok := firstNameForms[w]; ok && len(x.parts) >= 2 {
			w = c
		}
		for _, p := range x.parts {
			if p == w {
				return 1
			}
		}
	}
	return 0
}

// leadSent returns the index of the text's first sentence after its
// title (titleSpan), or 0 when it has none: the lead.
func (st *state) leadSent() int {
	if ts := st.titleSpan(); ts.End > ts.Start {
		return st.d.Paragraphs[0].EndSent
	}
	return 0
}

// titleSpan returns the span of the document's title: a first paragraph
// that is one short sentence not ending in a full stop and has more text
// after it, as a news report's headline or an encyclopedia page's title
// has; the zero span when there is none.
func (st *state) titleSpan() doc.Span {
	d := st.d
	if len(d.Paragraphs) < 2 {
		return doc.Span{}
	}
	p := d.Paragraphs[0]
	if p.EndSent-p.FirstSent != 1 {
		return doc.Span{}
	}
	s := d.Sentences[p.FirstSent]
	if s.EndTok-s.FirstTok > 20 || s.EndTok <= s.FirstTok || st.words[s.EndTok-1] == "." {
		return doc.Span{}
	}
	return p.Span
}

// nullFeatures gives f the features of the choice "none of these".
func (st *state) nullFeatures(f *pronFeats, pi int, ncands int) {
	p := &st.ments[pi]
	q := 0
	if st.d.Tokens[p.a].Has(doc.InQuote) {
		q = 1
	}
	f.int(pNull, 0)
	f.hash(pstr(pNullForm, p.pron.form))
	f.int(pNullCands, min(ncands, 4))
	f.int(pNullQuote, q)
}

var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "although": true, "though": true,
	"because": true, "since": true, "as": true, "if": true, "once": true, "until": true, "despite": true,
}

// inParens reports whether token k lies inside parentheses in its
// sentence.
func (st *state) inParens(k int) bool {
	sent := st.d.Tokens[k].Sent
	for j := k - 1; j >= 0 && st.d.Tokens[j].Sent == sent; j-- {
		switch st.words[j] {
		case "(", "[":
			return true
		case ")", "]":
			return false
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// firstInSent reports whether mention k is the first mention of a person
// or group in its sentence.
func (st *state) firstInSent(k int) bool {
	m := &st.ments[k]
	for j := k - 1; j >= 0; j-- {
		o := &st.ments[j]
		if o.sent != m.sent {
			return true
		}
		if (o.Type == doc.Person || o.Type == doc.Group) && o.b <= m.a {
			return false
		}
	}
	return true
}

// topic returns the person entity with the most mentions before
// mention pi, or -1.
func (st *state) topic() int {
	best := -1
	for e := range st.ents {
		if st.ents[e].Type == doc.Person && st.ents[e].count > 0 && (best < 0 || st.ents[e].count > st.ents[best].count) {
			best = e
		}
	}
	return best
}

// rank scores pronoun mention pi's candidates (and the null choice) with
// model m and returns them, with the index of the best (-1 for null)
// and the null score.
func (st *state) rank(pi int, m scorer, cands []cand) ([]cand, int, float32) {
	return st.scoreCands(pi, m, st.candidates(pi, cands[:0]))
}

// scoreCands scores candidates cands of pronoun mention pi (and the null
// choice) with model m, as rank does.
func (st *state) scoreCands(pi int, m scorer, cands []cand) ([]cand, int, float32) {
	topic := st.topic()
	var f pronFeats
	if lm, ok := m.(*linear.Model); ok {
		st.memo.use(lm)
		f.memo = &st.memo
		if lm == st.r.pron {
			f.table = st.r.cross
		}
	}
	best := -1
	f.begin(st.nullFeats)
	st.nullFeatures(&f, pi, len(cands))
	st.nullFeats = f.list
	null := f.total(m)
	bestScore := null
	sal := st.sal[:0]
	for range cands {
		sal = append(sal, 0)
	}
	st.sal = sal
	bestSal := 0.0
	st.summarise(pi, cands)
	ts := st.titleSpan()
	for i := range cands {
		cands[i].title = -1
		if ts.End > ts.Start {
			cands[i].title = st.titleNamed(cands[i].e, ts)
		}
	}
	for i := range cands {
		sal[i] = st.salience(cands[i].e, pi)
		bestSal = max(bestSal, sal[i])
	}
	for i := range cands {
		c := &cands[i]
		f.begin(c.feats)
		st.features(&f, pi, c, i, topic)
		srank := 0
		for j := range cands {
			if sal[j] > sal[i] {
				srank++
			}
		}
		ratio := 0
		if bestSal > 0 {
			ratio = int(4 * sal[i] / bestSal)
		}
		f.int(pSalRank, min(srank, 3))
		f.int(pSalRatio, ratio)
		st.clauseFeatures(&f, pi, c, i, cands)
		c.feats = f.list
		c.score = f.total(m)
		if c.score > bestScore {
			best, bestScore = i, c.score
		}
	}
	return cands, best, null
}

// salience is entity e's salience at pronoun mention pi in the manner of
// Lappin and Leass (1994): each earlier mention adds a weight for its
// grammatical role (subject 80, object 50, oblique 40, other 30, plus 50
// when it is not inside a prepositional phrase), halved for every
// sentence between it and the pronoun.
func (st *state) salience(e, pi int) float64 {
	p := &st.ments[pi]
	s := 0.0
	for k := pi - 1; k >= 0; k-- {
		m := &st.ments[k]
		if p.sent-m.sent > 4 {
			break
		}
		if m.Entity != e {
			continue
		}
		role := st.roleOf(k)
		w := 30.0
		switch role {
		case 's':
			w = 80
		case 'o':
			w = 50
		case 'p':
			w = 40
		}
		if role != 'p' {
			w += 50
		}
		for d := p.sent - m.sent; d > 0; d-- {
			w /= 2
		}
		s += w
	}
	return s
}

// scorer is what ranking needs of a model: a trained Model or a Trainer.
type scorer interface {
	Score(feats []uint64, scores []float32)
}

// resolvePronoun resolves pronoun mention pi with the ranker, leaving it
// unresolved when the ranker prefers no candidate or when the two best
// are too close to call.
func (st *state) resolvePronoun(pi int) {
	p := &st.ments[pi]
	if e := st.frontedPossessive(pi); e >= 0 {
		// "In his speech, Obama said": the subject after the phrase.
		p.Entity, p.conf = e, 0.8
		return
	}
	if e := st.quoteAfterSubject(pi); e >= 0 {
		// "Murie called the sentence “appropriate.” “…,” he said.": the
		// one just introduced speaks.
		p.Entity, p.conf = e, 0.8
		return
	}
	if e := st.introducedSpeaker(pi); e >= 0 {
		// "… heard from Tomas Pryce, the defendant's brother, who … . He
		// said": the one just introduced speaks, not the speaker before.
		p.Entity, p.conf = e, 0.8
		return
	}
	window, quotedPara := 3, st.afterQuotedParagraph(pi)
	if quotedPara {
		window = 8 // the speaker of a run of quoted paragraphs
	}
	if j := st.lastSpeaker(pi, window); j >= 0 && (st.speechSubject(pi) || st.afterQuotedSentence(pi) || quotedPara) && st.agrees(p, &st.ents[st.ments[j].Entity]) && !st.newSubjectSince(j, pi) {
		// "“...,” Merz said. “...,” he added.": the speaker goes on.
		p.Entity, p.conf = st.ments[j].Entity, 0.85
		return
	}
	if j := st.reportedSubject(pi); j >= 0 && st.ments[j].Entity >= 0 && st.agrees(p, &st.ents[st.ments[j].Entity]) {
		p.Entity, p.conf = st.ments[j].Entity, 0.9
		return
	}
	if e := st.prevSubject(pi); e >= 0 {
		p.Entity, p.conf = e, 0.7
		return
	}
	if st.sc == nil || p.pron.gender == doc.Neuter {
		// "It" is resolved only as a speaker going on ("The ministry
		// said ... It added"): too many are no one ("it is raining").
		return
	}
	cands, best, null := st.rank(pi, st.sc, st.cands)
	st.cands = cands
	if q := st.spokenQuote(pi); q.End > q.Start {
		// The speaker of a quotation is not someone it names ("“We
		// demand the resignation of Stransky,” he shouted").
		cands, best = without(cands, null, func(e int) bool { return st.namedIn(e, q) })
		// Nor is it someone the text has named only inside quotations
		// ("… “by the blessing of God.” “…,” he says").
		cands, best = without(cands, null, func(e int) bool { return st.onlyQuoted(e, pi) })
	}
	if t := st.apposedTitleAt(pi); t >= 0 {
		// "His spokesman, Daniel Roe, said": "his" is not Daniel Roe.
		cands, best = without(cands, null, func(e int) bool { return e == t })
	}
	if p.pron.case_ == 'n' && p.a == st.d.Sentences[p.sent].FirstTok {
		// A subject pronoun opening its sentence is not someone the
		// sentence goes on to name ("He told the BBC that Zelensky …").
		cands, best = without(cands, null, func(e int) bool { return st.namedAfter(e, pi) })
	}
	if best < 0 {
		return
	}
	second := float32(-1e9)
	for i := range cands {
		if i != best && cands[i].score > second {
			second = cands[i].score
		}
	}
	margin := cands[best].score - second
	p.Entity = cands[best].e
	switch {
	case len(cands) == 1:
		p.conf = 0.9
	case margin >= 2:
		p.conf = 0.85
	case margin >= st.r.margin:
		p.conf = 0.6
	default:
		p.Entity = -1
		p.conf = 0
		return
	}
	x := &st.ents[p.Entity]
	if x.Gender == doc.Unknown && (p.pron.gender == doc.Male || p.pron.gender == doc.Female) && p.conf >= 0.85 {
		// Weak evidence: it informs later choices but rules nothing out.
		x.Gender, x.genderFrom = p.pron.gender, 'p'
	}
}
