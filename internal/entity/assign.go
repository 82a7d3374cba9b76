package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// AssignSpeakers sets the Speaker of every statement of d, which must have
// been through Resolve and attribution:
//
//   - a statement with a source speaks through the entity the source refers
//     to (SpeakerOf);
//   - a quotation that carries on from another statement (Continues) has
//     that statement's speaker;
//   - a statement without a source shares the speaker of the statement
//     before it in the same sentence: coordinated and participial verbs
//     share their subject ("Putin cautioned, before warning …").
//
// Statement confidence is lowered to the speaker's when that is less sure.
func AssignSpeakers(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		st.Speaker = -1
		src := ownerOf(d, st.Source)
		if !src.IsZero() {
			ent, conf := SpeakerOf(d, src)
			if ent < 0 {
				ent, conf = nameModifiedAgent(d, src)
			}
			if ent < 0 {
				ent, conf = byName(d, src)
			}
			if ent < 0 {
				ent, conf = documentAuthor(d, src)
			}
			if ent < 0 {
				ent, conf = possessedOrganisation(d, src)
			}
			if ent < 0 {
				ent, conf = sameKin(d, src)
			}
			if ent >= 0 && !hasPreposition(d, beforeComma(d, src)) {
				if desc, ok := epithet(d, ent); ok {
					if t := epithetPerson(d, desc, d.Entities[ent].Gender, d.Entities[ent].Nationality); t >= 0 && !roleClash(d, src, t) {
						ent, conf = t, 0.5
					}
				}
			}
			if q, ok := quotedSource(d, src); ok && st.Kind != doc.Indirect {
				// "…," reported the magazine, quoting the restaurant
				// manager: the words quoted are the one quoted. What an
				// outlet reports in its own words stays the outlet's.
				ent, conf = q, 0.7
			}
			if t := partyMember(d, src, ent); t >= 0 {
				// "“…,” the Conservative said" after "The Conservative
				// candidate, Simon Achterberg,": the one person whose
				// title that name modifies, not the party.
				ent, conf = t, 0.5
			}
			nsrc := beforeComma(d, src)
			if code, ok := nationNoun(d, nsrc); ok && (ent < 0 || d.Entities[ent].Name == d.Slice(d.Tokens[d.TokenAt(nsrc.End-1)].Span())) {
				// "“I feel good,” the Serb said": the person the article
				// is about, unless the text gives them another nation;
				// the noun alone names no one; also before an apposition
				// or a relative clause ("The Scot, who took charge in
				// the summer, added").
				ent, conf = -1, 0
				t := topicPerson(d, doc.Unknown, code, src.Start)
				if t < 0 {
					t = soleNamed(d, src.Start, doc.Unknown, code)
				}
				if t >= 0 && !namesPart(d, src, t) {
					ent, conf = t, 0.5
				}
			}
			if ent < 0 && agentDescription(d, src) {
				// "the two-time Speedway champion said", a person the
				// article named before; one qualified by a name ("the
				// Castleford defender"), the person named in full beside
				// that name the sentence before (qualifiedAgent).
				if t := qualifiedAgent(d, src); t >= 0 && !roleClash(d, src, t) {
					ent, conf = t, 0.5
				} else if t := topicPerson(d, doc.Unknown, "", src.Start); t >= 0 && !namesPart(d, src, t) && !roleClash(d, src, t) {
					ent, conf = t, 0.5
				}
			}
			if ent < 0 && definiteDescription(d, src) {
				// "Hale took the rostrum … . “…,” the quarterback told
				// reporters": the one the sentence before was about.
				at := min(src.Start, st.ContentSpan().Start)
				if t := prevSentenceSubject(d, at); t >= 0 && t == lastNamedAny(d, at) && !namesPart(d, src, t) && !personNamedBefore(d, src.Start) && !roleClash(d, src, t) && !describedBefore(d, i, t) {
					ent, conf = t, 0.5
				}
			}
			if ent < 0 {
				// "14-year-old Ada Lin. The girl described …": the person
				// just named.
				if g, age, ok := plainPerson(d, src); ok {
					t := lastNamed(d, src.Start, g)
					if t < 0 && age {
						// "The 56-year-old said" a sentence or two further
						// on: the person named last in the three sentences
						// before; else the one the article is about.
						if t = lastNamedWithin(d, src.Start, g, 3); t < 0 {
							t = topicPerson(d, g, "", src.Start)
						}
					}
					if t >= 0 {
						ent, conf = t, 0.5
					}
				}
			}
			if _, ok := barePronoun(d, src); ent < 0 && ok {
				// "A Brightwell spokeswoman said …. She said …": the
				// pronoun opening the next sentence, left unresolved,
				// is the one who spoke as the subject of the sentence
				// before.
				if t := subjectSpeakerBefore(d, i, src); t >= 0 {
					ent, conf = t, 0.5
				}
			}
			if g, ok := barePronoun(d, src); ent < 0 && ok && !personNear(d, src.Start, g) {
				// "he said", where the pronoun was left unresolved with no
				// one else of its gender near: in an article about one
				// person, that person.
				if t := topicPerson(d, g, "", src.Start); t >= 0 {
					ent, conf = t, 0.5
				}
			}
			if g, ok := barePronoun(d, src); ent < 0 && ok && st.Kind == doc.Direct {
				// "“…,” he said", the pronoun left unresolved between two
				// men: the one quoted last goes on.
				if t := lastQuoted(d, i, g); t >= 0 {
					ent, conf = t, 0.5
				}
			}
			if ent < 0 && strings.EqualFold(strings.TrimSpace(d.Slice(src)), "it") {
				// "The Regions Party said the vote showed …. It renewed
				// calls for …": the organisation that spoke last goes on.
				if t := lastOrgSpeaker(d, i); t >= 0 {
					ent, conf = t, 0.5
				}
			}
			if partOfThem(d, src) {
				// "according to two people familiar with the talks. One
				// of them said": one of the group that spoke just before,
				// whoever else the sentence before names.
				if t := lastGroupSpeaker(d, i); t >= 0 {
					ent, conf = t, 0.6
				}
			}
			if ent >= 0 && askedAbout(d, src, ent) {
				// "Asked whether Rovers could sustain a push, he replied":
				// the one asked answers, not the one asked about.
				ent, conf = -1, 0
				if p := previousSpeaker(d, i, src); p >= 0 {
					ent, conf = p, 0.5
				}
			}
			if interruptingPronoun(d, st, src) && (ent < 0 || antecedentInContent(d, src, ent, st)) {
				// "People who walk after dinner, they noted, may also
				// differ": the pronoun is not what the words it
				// interrupts are about, but whoever spoke just before.
				ent, conf = -1, 0
				if p := previousSpeaker(d, i, src); p >= 0 {
					ent, conf = p, 0.5
				}
			}
			if ent >= 0 && singularThey(d, src, ent) {
				// "the Harbour Authority is committed to … . At the same
				// time, they stressed": not the authority, which the text
				// has made one thing, but the group that spoke before.
				ent, conf = lastGroupSpeaker(d, i), 0.5
			}
			if ent < 0 {
				ent, conf = formerLatter(d, src)
			}
			if t, c := relativeAntecedent(d, src); t >= 0 {
				// "Okafor, whose side face Dunmore next month, refused":
				// the one the relative clause is about, whoever it
				// names.
				ent, conf = t, c
			}
			if ent < 0 {
				ent, conf = relativeAfterSource(d, i, src)
			}
			if ent < 0 && mediaSource(d, src) {
				ent, conf = reportingOutlet(d, i)
			}
			if t := describedSpeaker(d, src, ent); t >= 0 {
				// "The United Nations refugee agency, UNHCR, said … . The
				// agency said": the organisation so described.
				ent, conf = t, 0.6
			}
			if ent < 0 && companySource(d, src) {
				ent, conf = mainOrganisation(d, st), 0.5
			}
			if ent < 0 {
				// "Korvana Foods, the Ostmark-based maker of …, reported":
				// the decoder took the apposition alone for the source.
				ent, conf = apposedTo(d, src)
			}
			if i > 0 && itSource(d, src) {
				// "… the statement read. “…,” it continued.": the
				// document goes on, whatever else "it" could be.
				if p := &d.Statements[i-1]; p.Speaker >= 0 && d.SentenceAt(src.Start)-d.SentenceAt(p.Source.Start) <= 2 && isDocument(d, ownerOf(d, p.Source)) {
					ent, conf = p.Speaker, 0.5
				}
			}
			st.Speaker = ent
			if ent >= 0 && conf < st.Confidence {
				st.Confidence = conf
			}
		}
	}
	citedWords(d)
	headedSections(d)
	interviewAnswers(d)
	namedAfterQuote(d)
	// Inheritance, in reading order, so chains resolve.
	order := make([]int, len(d.Statements))
	for i := range order {
		order[i] = i
	}
	for _, i := range order {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() {
			continue
		}
		if j := st.Continues; j >= 0 && j < len(d.Statements) {
			st.Speaker = d.Statements[j].Speaker
			continue
		}
		anchor := st.Cue
		if anchor.IsZero() {
			continue
		}
		s := d.SentenceAt(anchor.Start)
		best := -1
		for j, o := range d.Statements {
			if j == i || o.Speaker < 0 || o.Cue.IsZero() || o.Cue.Start >= anchor.Start || d.SentenceAt(o.Cue.Start) != s {
				continue
			}
			if best < 0 || o.Cue.Start > d.Statements[best].Cue.Start {
				best = j
			}
		}
		if best >= 0 {
			st.Speaker = d.Statements[best].Speaker
			continue
		}
		if subj := frontedParticiple(d, st.Cue); !subj.IsZero() {
			// "Noting that only one senator voted with them, Tester
			// added": the participle's subject is the main clause's.
			ent, conf := SpeakerOf(d, subj)
			for j := range d.Statements {
				if o := &d.Statements[j]; o.Source == subj && o.Speaker >= 0 {
					ent, conf = o.Speaker, o.Confidence // the main clause's statement has its speaker already
				}
			}
			if ent >= 0 {
				st.Speaker, st.Confidence = ent, min(st.Confidence, conf, 0.7)
			}
		}
	}
	echoedQuotes(d)
	introducedQuotes(d)
	topicQuotes(d)
	questionAnswerTurns(d)
	firstPersonInTurns(d)
	quotedSelf(d)
	for i := range d.Statements {
		// A statement whose speaker no one can name is no surer than
		// one whose speaker is a guess.
		if st := &d.Statements[i]; st.Speaker < 0 && st.Confidence > 0.5 {
			st.Confidence = 0.5
		}
	}
}

// quotedSelf relinks a "he" or "she" inside the quoted words of a
// statement that the resolver took for that statement's speaker: one who
// speaks says "I", so the pronoun is someone else: the article's topic
// person when they fit and are not the speaker, else the person of its
// sex named last, by name, in the three sentences before it, else no one. A statement
// whose source is such a pronoun follows it.
func quotedSelf(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker < 0 || len(st.Quotes) == 0 {
			continue
		}
		for mi := range d.Mentions {
			m := &d.Mentions[mi]
			if m.Kind != doc.PronounMention || m.Entity != st.Speaker || !inSpans(st.Quotes, m.Span) {
				continue
			}
			g := pronounGender(d.Slice(m.Span))
			if g != doc.Male && g != doc.Female {
				continue
			}
			to := topicPerson(d, g, "", m.Start)
			if to == st.Speaker || to < 0 {
				to = lastNamedOther(d, g, st.Speaker, m.Start)
			}
			relink(d, mi, to)
			for j := range d.Statements {
				if o := &d.Statements[j]; o.Source == m.Span {
					o.Speaker = to
				}
			}
		}
	}
}

// lastNamedOther returns the person other than not, of gender g or of no
// known gender, named by name last before offset at in its sentence or
// the three before it; -1 when there is none.
func lastNamedOther(d *doc.Document, g doc.Gender, not, at int) int {
	s := d.SentenceAt(at)
	best := -1
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.Start >= at || m.Kind != doc.NameMention || m.Entity < 0 || m.Entity == not {
			continue
		}
		if d.SentenceAt(m.Start) < s-3 {
			continue // the speakers stage appends mentions out of order
		}
		if x := &d.Entities[m.Entity]; x.Type == doc.Person && (x.Gender == g || x.Gender == doc.Unknown) && (best < 0 || m.Start > d.Mentions[best].Start) {
			best = i
		}
	}
	if best < 0 {
		return -1
	}
	return d.Mentions[best].Entity
}

// inSpans reports whether s lies inside one of spans.
func inSpans(spans []doc.Span, s doc.Span) bool {
	return slices.ContainsFunc(spans, func(q doc.Span) bool { return q.Contains(s) })
}

// pronounGender returns the gender a third-person pronoun's form marks.
func pronounGender(w string) doc.Gender {
	if p, ok := pronouns[w]; ok {
		return p.gender
	}
	return doc.Unknown
}

// relink moves mention mi of d to entity e (-1: to none), keeping the
// entities' lists of mentions in order.
func relink(d *doc.Document, mi, e int) {
	m := &d.Mentions[mi]
	if old := m.Entity; old >= 0 {
		ms := d.Entities[old].Mentions
		if k := slices.Index(ms, mi); k >= 0 {
			d.Entities[old].Mentions = slices.Delete(ms, k, k+1)
		}
	}
	m.Entity = e
	if e < 0 {
		m.Confidence = 0
		return
	}
	m.Confidence = 0.5
	ms := d.Entities[e].Mentions
	k, _ := slices.BinarySearch(ms, mi)
	d.Entities[e].Mentions = slices.Insert(ms, k, mi)
}

// frontedParticiple returns the subject of the main clause when cue is a
// participle opening its sentence, after prepositions, adverbs or a
// conjunction only ("After savaging …, Trump is", "Noting that …, Tester
// added"): the words after the phrase's first comma up to the main
// clause's finite verb, at most eight, with a noun or a pronoun among
// them and no verb, punctuation or quotation mark; else the zero span.
// PolNeAR gives such a statement no source; the reader knows who spoke.
func frontedParticiple(d *doc.Document, cue doc.Span) doc.Span {
	q := d.TokenAt(cue.Start)
	if q >= len(d.Tokens) || d.Tokens[q].POS != doc.TagVBG && d.Tokens[q].POS != doc.TagVBN {
		return doc.Span{}
	}
	s := d.Sentences[d.Tokens[q].Sent]
	a := s.FirstTok
	for a < q && (d.Tokens[a].POS == doc.TagIN || d.Tokens[a].POS == doc.TagRB || d.Tokens[a].POS == doc.TagCC) {
		a++ // "After", "Even after", "But in"
	}
	if a != q {
		return doc.Span{}
	}
	comma := -1
	for j := q + 1; j < s.EndTok; j++ {
		if d.Tokens[j].Has(doc.InQuote) {
			return doc.Span{}
		}
		if d.Slice(d.Tokens[j].Span()) == "," {
			comma = j
			break
		}
	}
	if comma < 0 {
		return doc.Span{}
	}
	noun := false
	for j := comma + 1; j < s.EndTok && j <= comma+9; j++ {
		t := d.Tokens[j]
		switch {
		case t.POS.IsFinite():
			if !noun {
				return doc.Span{}
			}
			return d.TokenSpan(comma+1, j)
		case t.Has(doc.InQuote), t.Kind == doc.Punct, t.POS.IsVerb(), t.POS == doc.TagRB:
			return doc.Span{}
		}
		noun = noun || t.POS.IsNoun() || t.POS == doc.TagPRP
	}
	return doc.Span{}
}

// echoedQuotes gives a quotation that no one is said to have said, and
// whose words, three or more, an earlier quotation of one speaker holds,
// that speaker, at confidence 0.6: the writer repeating what someone was
// quoted as saying ("“I've given plenty of statements that were truthful
// and accurate,” Grisham told CNN. … Grisham has given “plenty of
// statements that were truthful and accurate.”"). Words that two
// speakers' quotations both hold give no one.
func echoedQuotes(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() || !st.Cue.IsZero() || len(st.Quotes) == 0 {
			continue
		}
		if who := echoedSpeaker(d, i); who >= 0 {
			st.Speaker = who
			st.Confidence = min(st.Confidence, 0.6)
		}
	}
}

// echoedSpeaker returns the one speaker of a quotation before statement
// i that holds the words, three or more, of one of i's quotations; -1
// when there is none, or two.
func echoedSpeaker(d *doc.Document, i int) int {
	st := &d.Statements[i]
	who := -1
	for _, q := range st.Quotes {
		words := quoteWords(d.Slice(q))
		if len(words) < 3 {
			continue
		}
		for j := range i {
			o := &d.Statements[j]
			if o.Speaker < 0 || o.Source.IsZero() || o.Speaker == who {
				continue
			}
			for _, oq := range o.Quotes {
				if containsWords(quoteWords(d.Slice(oq)), words) {
					if who >= 0 {
						return -1 // two speakers said these words
					}
					who = o.Speaker
					break
				}
			}
		}
	}
	return who
}

// quoteWords returns the words of a quotation, folded to lower case, with
// the punctuation around them dropped.
func quoteWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

// containsWords reports whether the run of words sub appears in words.
func containsWords(words, sub []string) bool {
	for k := 0; k+len(sub) <= len(words); k++ {
		if slices.Equal(words[k:k+len(sub)], sub) {
			return true
		}
	}
	return false
}

// quotedSource returns the person, group or organisation that a source
// reports "quoting" or "citing", in a clause a comma opens inside it or
// right after it ("The agency, quoting local officials,"; "…, reported
// the magazine, quoting the restaurant manager"): the one whose words
// they are.
func quotedSource(d *doc.Document, source doc.Span) (int, bool) {
	a := d.TokenAt(source.Start)
	b := d.TokenAt(source.End)
	if e := quotedAs(d, b); e >= 0 {
		return e, true
	}
	if b < len(d.Tokens) && d.Slice(d.Tokens[b].Span()) == "," {
		b++ // the clause right after the source
	}
	for k := a + 1; k+1 < len(d.Tokens) && k <= b; k++ {
		w := strings.ToLower(d.Slice(d.Tokens[k].Span()))
		if (w != "quoting" && w != "citing") || d.Slice(d.Tokens[k-1].Span()) != "," {
			continue
		}
		for i := range d.Mentions {
			m := &d.Mentions[i]
			j := d.TokenAt(m.Start)
			if j <= k || j > k+3 || m.Entity < 0 {
				continue
			}
			switch d.Entities[m.Entity].Type {
			case doc.Person, doc.Group, doc.Organization:
				return m.Entity, true
			}
		}
	}
	return -1, false
}

// quotedAs returns the person, group or organisation that the verb
// "quoted" at token k, right after a source, names before "as" ("the
// newspaper quoted army chief Tomas Vik as saying"): the one whose words
// they are; -1 when there is none.
func quotedAs(d *doc.Document, k int) int {
	if k >= len(d.Tokens) || strings.ToLower(d.Slice(d.Tokens[k].Span())) != "quoted" {
		return -1
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		j, e := d.TokenAt(m.Start), d.TokenAt(m.End)
		if j <= k || j > k+4 || m.Entity < 0 || e >= len(d.Tokens) || strings.ToLower(d.Slice(d.Tokens[e].Span())) != "as" {
			continue
		}
		switch d.Entities[m.Entity].Type {
		case doc.Person, doc.Group, doc.Organization:
			return m.Entity
		}
	}
	return -1
}

// citedNouns are the nouns for someone's words that "citing" takes
// ("citing the president's words").
var citedNouns = map[string]bool{
	"words": true, "remarks": true, "comments": true, "phrase": true, "line": true,
	"slogan": true, "statement": true, "mantra": true, "quip": true, "motto": true,
}

// citedWords gives a direct quotation whose attribution goes on to cite
// someone's words ("“There is no deal until there is a deal,” they
// recalled, citing the U.S. president's words") to that someone, at
// confidence 0.6: the one who recalls them is not who said them. The
// citing must follow the cue in its sentence within a few words, and the
// possessor must be a person or organisation.
func citedWords(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Kind != doc.Direct || st.Cue.IsZero() {
			continue
		}
		start, sent := d.TokenAt(max(st.Cue.End, st.Source.End)), d.SentenceAt(st.Cue.Start)
		k := -1
		for j := start; j < len(d.Tokens) && j < start+3 && int(d.Tokens[j].Sent) == sent; j++ {
			if strings.EqualFold(d.Slice(d.Tokens[j].Span()), "citing") {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		for _, m := range d.Mentions {
			if m.Entity < 0 || m.Start < d.Tokens[k].End || d.TokenAt(m.Start) > k+5 || !possessor(d, &m) {
				continue
			}
			if x := d.Entities[m.Entity].Type; x != doc.Person && x != doc.Organization {
				break
			}
			// The noun after the possessive 's.
			n := d.TokenAt(m.End) + 1
			if n < len(d.Tokens) && citedNouns[strings.ToLower(d.Slice(d.Tokens[n].Span()))] {
				st.Speaker = m.Entity
				st.Confidence = min(st.Confidence, 0.6)
			}
			break
		}
	}
}

// introducedQuotes gives a quotation that no one is said to have said,
// that carries on from no statement and opens its paragraph or its
// sentence, right after a sentence outside quotation marks whose subject
// is a person named by name, to that person, at confidence 0.5, when the
// person's gender is known, their name is no plural, and no one else is
// named in the quotation's paragraph (from the quotation on, when that
// sentence is in it): the writer introduced them and let them speak
// ("Ana Ruiz pulled the rookie aside and offered a few words. ¶ “I told
// him to just play,”"; "Her lawyer, Tom Reyes, had a shorter statement.
// “…”").
func introducedQuotes(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() || !st.Cue.IsZero() || st.Continues >= 0 || st.Kind != doc.Direct || len(st.Content) == 0 {
			continue
		}
		at := st.Content[0].Start
		s := d.SentenceAt(at)
		if s < 1 || d.Sentences[s].Start != at && d.Paragraphs[d.Sentences[s].Para].Start != at || d.Tokens[d.Sentences[s-1].FirstTok].Has(doc.InQuote) {
			continue
		}
		samePara := d.Sentences[s-1].Para == d.Sentences[s].Para
		if d.Sentences[s-1].Para != d.Sentences[s].Para-1 && !samePara {
			continue
		}
		named := nameOutsideQuotes(d, d.Sentences[s].Para)
		if samePara {
			// "Ruiz's lawyer, Tom Reyes, had a shorter statement. “…”":
			// the sentence before is in the paragraph; no one else may
			// be named outside quotation marks from the quotation on.
			named = nameOutsideQuotesIn(d, d.Sentences[s].Start, d.Paragraphs[d.Sentences[s].Para].End)
		}
		if t := prevSentenceSubject(d, at); t >= 0 && d.Entities[t].Gender != doc.Unknown && !pluralName(d, t) && !named {
			st.Speaker = t
			st.Confidence = min(st.Confidence, 0.5)
		}
	}
}

// pluralName reports whether a name of entity e ends in a plural proper
// noun ("Montreal Canadiens"): a team's, though the tagger typed it a
// person.
func pluralName(d *doc.Document, e int) bool {
	for _, mi := range d.Entities[e].Mentions {
		if m := d.Mentions[mi]; m.Kind == doc.NameMention && d.Tokens[d.TokenAt(m.End-1)].POS == doc.TagNNPS {
			return true
		}
	}
	return false
}

// nameOutsideQuotes reports whether paragraph p names a person outside
// quotation marks, as an attribution the decoder missed would ("“…,”
// Charles Chastain, who sat on the board, told reporters").
func nameOutsideQuotes(d *doc.Document, p int) bool {
	pg := d.Paragraphs[p]
	return nameOutsideQuotesIn(d, pg.Start, pg.End)
}

// nameOutsideQuotesIn reports whether offsets [a, b) name a person
// outside quotation marks.
func nameOutsideQuotesIn(d *doc.Document, a, b int) bool {
	for _, m := range d.Mentions {
		if m.Start >= a && m.End <= b && m.Kind == doc.NameMention && m.Entity >= 0 && d.Entities[m.Entity].Type == doc.Person && !d.Tokens[d.TokenAt(m.Start)].Has(doc.InQuote) {
			return true
		}
	}
	return false
}

// topicQuotes gives the quotations that no one is said to have said, and
// that carry on from no statement, to the person the article is about
// (topicPerson) when that person has spoken before them in the article,
// at confidence 0.4: in a profile, the subject's words run on between
// the writer's sentences. A quotation that names that person ("Dusty and
// I got into a shouting match") is someone else's, and one in title case
// is a title.
func topicQuotes(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() || !st.Cue.IsZero() || st.Kind != doc.Direct || len(st.Content) == 0 {
			continue
		}
		t := topicPerson(d, doc.Unknown, "", st.Content[0].Start)
		if t < 0 {
			continue
		}
		spoke := false
		for j := range i {
			if d.Statements[j].Speaker == t {
				spoke = true
				break
			}
		}
		if spoke && !namesEntity(d, st.ContentSpan(), t) && !titleCased(d, st.ContentSpan()) {
			st.Speaker = t
			st.Confidence = min(st.Confidence, 0.4)
		}
	}
}

// ownerOf returns source without a possessive mark that ends it: PolNeAR
// marks "Ana Ruiz’s" the source of "Ana Ruiz’s claim that …", and the one
// who speaks is Ana Ruiz.
func ownerOf(d *doc.Document, source doc.Span) doc.Span {
	if source.IsZero() {
		return source
	}
	a, k := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if k > a && k < len(d.Tokens) && d.Tokens[k].POS == doc.TagPOS && d.Tokens[k].End == source.End {
		return doc.Span{Start: source.Start, End: d.Tokens[k-1].End}
	}
	return source
}

// byName finds the entity a source names when no mention was recognised
// in it: the one person or organisation whose name, or whose name's last
// word, equals the source's last word (capitalised, or in capitals
// throughout), unless that word ends a relative clause. It returns -1
// when none or several match.
func byName(d *doc.Document, source doc.Span) (int, float64) {
	words := strings.Fields(d.Slice(source))
	if len(words) == 0 {
		return -1, 0
	}
	last := strings.Trim(words[len(words)-1], ",.;:")
	if len(words) > 2 && strings.HasSuffix(words[0], ",") && relativePronoun(words[1]) {
		// "King, who resigned from Meadows' office": the name before the
		// relative clause.
		last = strings.TrimSuffix(words[0], ",")
		words = words[:1]
	}
	if r, _ := utf8.DecodeRuneInString(last); !unicode.IsUpper(r) {
		return -1, 0
	}
	if slices.ContainsFunc(words[1:max(len(words)-1, 1)], relativePronoun) {
		return -1, 0 // "The doctor who treated Reyes": a relative clause's name
	}
	for _, k := range [2]int{len(words) - 2, len(words) - 3} {
		if k >= 0 && strings.EqualFold(words[k], "by") && (k == len(words)-2 || strings.EqualFold(words[k+1], "the")) {
			return -1, 0 // "a spokesperson when contacted by (the) Herald": who asked
		}
	}
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.Start >= source.Start && m.End <= source.End && (participleObject(d, m, source) || publishedIn(d, m, source)) {
			return -1, 0 // "government documents leaked to the Times": to whom; "a study published in the Journal of …": where
		}
	}
	// A transcript's speaker label is in capitals ("WALLACE:").
	shouted := len(last) > 1 && strings.ToUpper(last) == last && strings.ToLower(last) != last
	found := -1
	for i, e := range d.Entities {
		if e.Type != doc.Person && e.Type != doc.Organization || e.ID == "" {
			continue
		}
		if e.Name == last || surname(e.Name) == last || shouted && (strings.EqualFold(e.Name, last) || strings.EqualFold(surname(e.Name), last)) {
			if found >= 0 && d.Entities[found].Name != e.Name {
				return -1, 0 // two people share the name
			}
			found = i
		}
	}
	if found < 0 {
		return -1, 0
	}
	return found, 0.6
}

// isDocument reports whether source is a definite document noun phrase:
// "the statement", "the joint letter", "this post".
func isDocument(d *doc.Document, source doc.Span) bool {
	words := strings.Fields(strings.ToLower(d.Slice(source)))
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	switch words[0] {
	case "the", "this", "that":
	default:
		return false
	}
	return lexicon.DocumentNoun(strings.Trim(words[len(words)-1], ",.;:"))
}

// documentNamedNext returns the author of a document a source names
// with "a" ("says a report highlighting …") that the next sentence opens
// with "The" and the same noun, by or from its author ("The report by
// the University and College Union claims …"), or -1.
func documentNamedNext(d *doc.Document, source doc.Span) int {
	words := strings.Fields(strings.ToLower(d.Slice(source)))
	if len(words) < 2 || len(words) > 4 || words[0] != "a" && words[0] != "an" {
		return -1
	}
	noun := strings.Trim(words[len(words)-1], ",.;:")
	if !lexicon.DocumentNoun(noun) {
		return -1
	}
	s := d.SentenceAt(source.Start)
	if s < 0 || s+1 >= len(d.Sentences) {
		return -1
	}
	k := d.Sentences[s+1].FirstTok
	if k+2 >= len(d.Tokens) || d.Slice(d.Tokens[k].Span()) != "The" || strings.ToLower(d.Slice(d.Tokens[k+1].Span())) != noun {
		return -1
	}
	return documentFrom(d, k+1)
}

// timeWords are the words that say when, which a source may end with
// ("a Harbour Post editorial Thursday").
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"today": true, "yesterday": true, "tonight": true, "earlier": true, "later": true,
}

// documentOwner returns the organisation or group that owns the
// document noun at token k by a possessive or a name just before it ("the
// Council's final communique", "the GCC communique"), or the author named
// right after it with "from" or "by" ("the report from the Air Accidents
// Investigation Branch"), or -1.
func documentOwner(d *doc.Document, k int) int {
	if e := documentFrom(d, k); e >= 0 {
		return e
	}
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.End > d.Tokens[k].Start || d.TokenAt(m.End) < k-3 || d.Tokens[d.TokenAt(m.Start)].Sent != d.Tokens[k].Sent {
			continue
		}
		if t := d.Entities[m.Entity].Type; t != doc.Organization && t != doc.Group {
			continue
		}
		// Only adjectives and nouns between: "final", "joint".
		ok := true
		for j := d.TokenAt(m.End); j < k; j++ {
			if p := d.Tokens[j].POS; !p.IsAdjective() && !p.IsNoun() && p != doc.TagPOS {
				ok = false
			}
		}
		if ok {
			return m.Entity
		}
	}
	return -1
}

// documentFrom returns the person, organisation or group named right
// after the document noun at token k and "from", "by" or "on behalf of"
// (and "the"): its author, whoever reads it out ("read a statement on
// behalf of the Peace Council"); or -1.
func documentFrom(d *doc.Document, k int) int {
	j := k + 1
	if j >= len(d.Tokens) {
		return -1
	}
	word := func(i int) string { return strings.ToLower(d.Slice(d.Tokens[i].Span())) }
	switch w := word(j); {
	case w == "from" || w == "by":
	case w == "on" && j+2 < len(d.Tokens) && word(j+1) == "behalf" && word(j+2) == "of":
		j += 2
	default:
		return -1
	}
	j++
	if j < len(d.Tokens) && strings.EqualFold(d.Slice(d.Tokens[j].Span()), "the") {
		j++
	}
	if j >= len(d.Tokens) {
		return -1
	}
	if m := mentionStarting(d, d.Tokens[j].Start); m != nil && m.Entity >= 0 {
		switch d.Entities[m.Entity].Type {
		case doc.Person, doc.Organization, doc.Group:
			return m.Entity
		}
	}
	return -1
}

// itSource reports whether source is the pronoun "it" alone.
func itSource(d *doc.Document, source doc.Span) bool {
	return strings.EqualFold(strings.TrimSpace(d.Slice(source)), "it")
}

// documentAuthor returns the author of the document a source names: the
// owner a possessive or a name before the noun gives ("the Union's final
// communique said"); else, for a definite document ("the statement
// read"), the owner of the nearest document named before it, or the
// subject of the nearest clause before it, outside quotation marks, whose
// verb takes the same noun as its object ("The European leaders ...
// issued a joint statement"), or that opens with the noun in a phrase
// ("In a statement on Sunday, Harbour Rovers said"): the first person,
// organisation or group mention of that sentence before the verb. It
// returns -1 when there is none.
func documentAuthor(d *doc.Document, source doc.Span) (int, float64) {
	// "The Baltic Ferry Union's final communique said": its owner; also
	// when the source goes on with when ("A Harbour Post editorial
	// Thursday").
	last := d.TokenAt(source.End - 1)
	for last > d.TokenAt(source.Start) && last < len(d.Tokens) && timeWords[strings.ToLower(d.Slice(d.Tokens[last].Span()))] {
		last--
	}
	if last < len(d.Tokens) && lexicon.DocumentNoun(strings.ToLower(d.Slice(d.TokenSpan(last, last+1)))) {
		if e := documentOwner(d, last); e >= 0 {
			return e, 0.7
		}
	}
	if e := documentNamedNext(d, source); e >= 0 {
		return e, 0.6
	}
	if !isDocument(d, source) {
		return -1, 0
	}
	words := strings.Fields(strings.ToLower(d.Slice(source)))
	noun := strings.Trim(words[len(words)-1], ",.;:")
	first := d.TokenAt(source.Start)
	if first >= len(d.Tokens) {
		return -1, 0
	}
	// "the report from the Air Accidents Investigation Branch said … The
	// report went on": the same document as an earlier statement's
	// source, which named its author.
	if e := sameDocumentSource(d, source, noun); e >= 0 {
		return e, 0.6
	}
	for k := first - 1; k >= 0; k-- {
		t := d.Tokens[k]
		if t.Has(doc.InQuote) {
			continue
		}
		w := strings.ToLower(d.Text[t.Start:t.End])
		if lexicon.DocumentNoun(w) {
			// "The Gulf Co-operation Council's final communique said":
			// a document earlier in the text, of any kind, whose author
			// its possessor or a name before it gives.
			if e := documentOwner(d, k); e >= 0 {
				return e, 0.6
			}
		}
		if w != noun {
			continue
		}
		v := -1
		for j := k - 1; j >= 0 && j >= k-4 && d.Tokens[j].Sent == t.Sent; j-- {
			if d.Tokens[j].POS.IsVerb() {
				v = j
				break
			}
		}
		if p := k - 1; v < 0 {
			// "Fantino responded to the study with an open letter": a
			// document brought "with" or "in" is by the subject of the
			// sentence's first verb.
			for p > d.Sentences[t.Sent].FirstTok && k-p <= 3 && (d.Tokens[p].POS == doc.TagDT || d.Tokens[p].POS.IsAdjective()) {
				p--
			}
			if p < 0 {
				continue // the noun opens the text
			}
			if w := strings.ToLower(d.Slice(d.Tokens[p].Span())); w != "with" && w != "in" {
				continue
			}
			end := k
			if p == d.Sentences[t.Sent].FirstTok {
				// "In a statement released on Sunday, Harbour Rovers
				// said": the phrase opens the sentence, whose verb
				// comes after it.
				end = d.Sentences[t.Sent].EndTok
			}
			for j := d.Sentences[t.Sent].FirstTok; j < end; j++ {
				if p := d.Tokens[j].POS; (p == doc.TagVBD || p == doc.TagVBZ || p == doc.TagVBP) && !d.Tokens[j].Has(doc.InQuote) {
					v = j
					break
				}
			}
		}
		if v < 0 {
			continue
		}
		// "Ban said in a new report": the speaker of the statement
		// whose cue is the verb.
		for _, o := range d.Statements {
			if o.Cue.Start <= d.Tokens[v].Start && d.Tokens[v].End <= o.Cue.End {
				if o.Speaker >= 0 {
					return o.Speaker, 0.6
				}
				// "… , according to a large study": the verb is the
				// cue, whose sentence's subject is what the study says.
				return -1, 0
			}
		}
		sa := d.Sentences[t.Sent].FirstTok
		for _, m := range d.Mentions {
			if m.Start < d.Tokens[sa].Start || m.Start >= d.Tokens[v].Start {
				continue
			}
			if m.Entity < 0 || possessor(d, &m) {
				continue
			}
			switch d.Entities[m.Entity].Type {
			case doc.Person, doc.Organization, doc.Group:
				return m.Entity, 0.6
			}
		}
		return -1, 0
	}
	return -1, 0
}

// sameDocumentSource returns the speaker of the last statement before
// source whose own source holds the document noun and more ("the report
// from the AAIB"), or -1.
func sameDocumentSource(d *doc.Document, source doc.Span, noun string) int {
	best, at := -1, -1
	for _, st := range d.Statements {
		if st.Speaker < 0 || st.Source.IsZero() || st.Source.End > source.Start || st.Source.Start <= at {
			continue
		}
		words := strings.Fields(strings.ToLower(d.Slice(st.Source)))
		// "The report, by …": the noun may carry punctuation.
		if len(words) < 3 || !slices.ContainsFunc(words, func(w string) bool { return strings.Trim(w, ",;:()") == noun }) {
			continue
		}
		best, at = st.Speaker, st.Source.Start
	}
	return best
}

// headedSections gives the quotations under a heading that is a
// person's name and a colon alone in its paragraph ("Roger Ebert:", as
// tributes and round-ups set out what each of several people said) to
// that person, at confidence 0.6, up to the next heading: those no one is
// said to have said, and those whose source is a description left
// unresolved or given someone only by guess ("The festival's co-director
// said this: …", not the tribute's subject).
func headedSections(d *doc.Document) {
	type heading struct{ at, who int }
	var hs []heading
	for _, pg := range d.Paragraphs {
		name, ok := strings.CutSuffix(strings.TrimSpace(d.Slice(pg.Span)), ":")
		if !ok || !titleWords(name) {
			continue
		}
		who := -1
		for _, m := range d.Mentions {
			if m.Entity >= 0 && m.Kind == doc.NameMention && m.Start >= pg.Start && m.End <= pg.End && d.Slice(m.Span) == name && d.Entities[m.Entity].Type == doc.Person {
				who = m.Entity
				break
			}
		}
		if who < 0 {
			who = headingPerson(d, pg.Span, name)
		}
		hs = append(hs, heading{pg.Start, who})
	}
	if len(hs) == 0 {
		return
	}
	h := -1
	for i := range d.Statements {
		st := &d.Statements[i]
		if len(st.Content) == 0 {
			continue
		}
		for h+1 < len(hs) && hs[h+1].at <= st.Content[0].Start {
			h++
		}
		if h < 0 || hs[h].who < 0 || st.Continues >= 0 {
			continue
		}
		// A description the speakers stage gave someone only by guess
		// (the topic person, at confidence 0.5 or less) or no one named
		// (a person of its own, "festival's director") is the heading's
		// person too.
		guessed := st.Speaker >= 0 && (st.Confidence <= 0.5 || d.Entities[st.Speaker].ID == "") && !st.Source.IsZero() && isDescription(d, ownerOf(d, st.Source))
		if st.Speaker >= 0 && !guessed {
			continue
		}
		if st.Source.IsZero() && st.Kind == doc.Direct || !st.Source.IsZero() && isDescription(d, ownerOf(d, st.Source)) {
			st.Speaker = hs[h].who
			st.Confidence = min(st.Confidence, 0.6)
		}
	}
}

// headingPerson returns the person a heading names that the tagger
// found no name in ("Piers Handling:", a surname that is also a common
// word), when its first word is a first name the lexicon knows: an
// entity of the speakers stage with a mention on the name; else -1.
func headingPerson(d *doc.Document, para doc.Span, name string) int {
	lex, err := lexicon.Default()
	if err != nil {
		return -1
	}
	first, _, _ := strings.Cut(name, " ")
	if _, ok := lex.FirstName(first); !ok {
		return -1
	}
	at := para.Start + strings.Index(d.Slice(para), name)
	a := d.TokenAt(at)
	b := a
	for b < len(d.Tokens) && d.Tokens[b].End <= at+len(name) {
		b++
	}
	if b <= a {
		return -1
	}
	return speakerEntity(d, doc.Person, name, Key(doc.Person, name), a, b, 0.6)
}

// titleWords reports whether s is two to five words, each capitalised:
// what a heading of a name looks like.
func titleWords(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for _, x := range w {
		if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isDescription reports whether source is "the" and words for someone
// ("The current co-director of the festival").
func isDescription(d *doc.Document, source doc.Span) bool {
	w := strings.Fields(d.Slice(source))
	return len(w) >= 2 && strings.EqualFold(w[0], "the")
}

// interviewAnswers gives the answers of a question-and-answer interview
// to the interviewee: when at least three quotations that no one is said
// to have said each open the paragraph after a question (a paragraph
// ending with a question mark, outside quotation marks), they and the
// quotations that carry on from them are the words of the first person
// the article names, with confidence 0.5.
func interviewAnswers(d *doc.Document) {
	var answers []int
	for i, st := range d.Statements {
		if st.Speaker >= 0 || !st.Source.IsZero() || !st.Cue.IsZero() || st.Continues >= 0 || st.Kind != doc.Direct || len(st.Content) == 0 {
			continue
		}
		si := d.SentenceAt(st.Content[0].Start)
		if si < 0 {
			continue
		}
		pi := d.Sentences[si].Para
		if pi == 0 || d.Paragraphs[pi].Start != st.Content[0].Start {
			continue
		}
		q := strings.TrimSpace(d.Slice(d.Paragraphs[pi-1].Span))
		if r, _ := utf8.DecodeRuneInString(q); strings.HasSuffix(q, "?") && !strings.ContainsRune("\"“‘'«„", r) {
			answers = append(answers, i)
		}
	}
	if len(answers) < 3 {
		return
	}
	who := -1
	for _, m := range d.Mentions {
		if m.Entity >= 0 && m.Kind == doc.NameMention && d.Entities[m.Entity].Type == doc.Person {
			who = m.Entity
			break
		}
	}
	if who < 0 {
		return
	}
	for _, i := range answers {
		d.Statements[i].Speaker = who
		d.Statements[i].Confidence = min(d.Statements[i].Confidence, 0.5)
	}
}

// questionAnswerTurns gives the turns of a question-and-answer interview
// labelled "Q:" and "A:" their speakers: an answer is the interviewee's,
// the first person the article names other than the interviewer; a
// question is the interviewer's, the person the introduction names in
// apposition after "our" and a noun ("our books editor, Lars Berg,"),
// else no one.
func questionAnswerTurns(d *doc.Document) {
	var qs, as []int
	for i, st := range d.Statements {
		if st.Speaker >= 0 || st.Source.IsZero() || strings.TrimSpace(d.Slice(st.Cue)) != ":" {
			continue
		}
		switch strings.TrimSpace(d.Slice(st.Source)) {
		case "Q":
			qs = append(qs, i)
		case "A":
			as = append(as, i)
		}
	}
	if len(qs) == 0 || len(as) == 0 {
		return
	}
	asker, answerer := ourInterviewer(d), -1
	for _, m := range d.Mentions {
		if m.Entity >= 0 && m.Entity != asker && m.Kind == doc.NameMention && d.Entities[m.Entity].Type == doc.Person {
			answerer = m.Entity
			break
		}
	}
	for _, i := range qs {
		d.Statements[i].Speaker = asker
	}
	for _, i := range as {
		d.Statements[i].Speaker = answerer
		d.Statements[i].Confidence = min(d.Statements[i].Confidence, 0.6)
	}
}

// ourInterviewer returns the person a text names in apposition after
// "our" and up to three words of a noun ("our books editor, Lars Berg,",
// "our reporter Emil Vasquez"),
// the writer's colleague who asks the questions; -1 when there is none.
func ourInterviewer(d *doc.Document) int {
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Kind != doc.NameMention || d.Entities[m.Entity].Type != doc.Person {
			continue
		}
		// The name's first word, past a title it took in ("our reporter
		// Emil Vasquez" is one mention).
		k := d.TokenAt(m.Head.Start) - 1
		for k > 0 && d.Tokens[k].Start >= m.Start && d.Tokens[k].Has(doc.Upper) {
			k--
		}
		if k < 1 {
			continue
		}
		if d.Slice(d.Tokens[k].Span()) == "," {
			k--
		}
		for j := k; j >= 0 && j >= k-3 && d.Tokens[j].Sent == d.Tokens[k].Sent; j-- {
			if strings.EqualFold(d.Slice(d.Tokens[j].Span()), "our") {
				return m.Entity
			}
		}
	}
	return -1
}

// firstPersonInTurns gives a statement whose source is "I" the speaker
// of the quotation or transcript turn whose words hold its cue: "I" is
// whoever is speaking there ("A: I told my editor …").
func firstPersonInTurns(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker >= 0 || st.Cue.IsZero() || !strings.EqualFold(strings.TrimSpace(d.Slice(st.Source)), "i") {
			continue
		}
		best := -1
		for j := range d.Statements {
			o := &d.Statements[j]
			if j == i || o.Speaker < 0 || o.Kind != doc.Direct || len(o.Content) == 0 {
				continue
			}
			for _, c := range o.Content {
				if c.Start <= st.Cue.Start && st.Cue.End <= c.End && (best < 0 || c.Start > d.Statements[best].Content[0].Start) {
					best = j
				}
			}
		}
		if best >= 0 {
			st.Speaker = d.Statements[best].Speaker
			st.Confidence = min(st.Confidence, d.Statements[best].Confidence)
		}
	}
}

// epithet returns the first mention of entity e, a person the article
// never names and describes only by definite descriptions, singular, of
// the kind news writing uses for someone it has named before ("the
// troubled singer", "the two-time Speedway champion"; "The German driver
// … The BMW driver …"); the person's other mentions can only be pronouns,
// which stand for the same someone ("… the 60-year-old coach hopes he
// …"). It reports false for any other entity.
func epithet(d *doc.Document, e int) (doc.Span, bool) {
	x := &d.Entities[e]
	if x.ID != "" || x.Type != doc.Person {
		return doc.Span{}, false
	}
	first, n, possessed, personal := doc.Span{}, 0, false, false
	for _, mi := range x.Mentions {
		m := &d.Mentions[mi]
		if m.Kind == doc.PronounMention {
			continue
		}
		if !epithetMention(d, m) {
			return doc.Span{}, false
		}
		if first.IsZero() {
			first = m.Span
		}
		n++
		for _, w := range strings.Fields(d.Slice(m.Span)) {
			if isPossessive(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
				possessed = true
				personal = personal || !organisationPossessor(d, m.Span, w)
			}
		}
	}
	if n > 1 && possessed || personal {
		// "the victim's mother", described again and again, and "the
		// mayor's spokesman": someone's relative or agent, a person of
		// their own, not an epithet ("the Scuderia's president" and "the
		// club's captain" may be one).
		return doc.Span{}, false
	}
	return first, !first.IsZero()
}

// possessedOrganisation returns the organisation a source names by its
// owner and an organisation's noun ("Trump's campaign", "his office in
// Geneva", "Her office"), with the confidence of the owner's mention: an
// entity of its own, named by the owner's name and the noun ("Donald
// Trump's campaign", "Kofi Annan's office"), which the speakers of other
// such sources share; or -1. The owner is a possessive pronoun or a name
// with "'s" that the text resolved.
func possessedOrganisation(d *doc.Document, source doc.Span) (int, float64) {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)+1
	if b > len(d.Tokens) || b-a < 2 {
		return -1, 0
	}
	for k := a; k < b; k++ { // the noun phrase ends before a preposition or a comma
		if w := d.Slice(d.Tokens[k].Span()); k > a && (d.Tokens[k].POS == doc.TagIN || w == ",") {
			b = k
			break
		}
	}
	owner, nounStart := -1, -1
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Start != d.Tokens[a].Start || m.Entity < 0 {
			continue
		}
		e := d.TokenAt(m.End)
		switch {
		case m.Kind == doc.PronounMention && ownerPronouns[strings.ToLower(d.Slice(m.Span))]:
			owner, nounStart = i, e
		case m.Kind == doc.NameMention && e < b && isPossessive(d.Slice(d.Tokens[e].Span())):
			owner, nounStart = i, e+1
		}
	}
	if owner < 0 || nounStart >= b || nounStart-a > 4 {
		return -1, 0
	}
	lex, err := lexicon.Default()
	if err != nil {
		return -1, 0
	}
	head := strings.ToLower(d.Slice(d.Tokens[b-1].Span()))
	typ := doc.Organization
	switch {
	case kinNouns[head] && b-1 == nounStart:
		typ = doc.Group // "his family": the family of the one he is
	case d.Tokens[b-1].POS != doc.TagNN || !lex.OrgNoun(head):
		return -1, 0
	}
	for k := nounStart; k < b-1; k++ {
		if p := d.Tokens[k].POS; p != doc.TagJJ && p != doc.TagNN {
			return -1, 0 // only adjectives and nouns before the noun: "her former office"
		}
	}
	om := &d.Mentions[owner]
	ox := &d.Entities[om.Entity]
	if ox.Type != doc.Person && ox.Type != doc.Organization {
		return -1, 0
	}
	name := ox.Name + "'s " + strings.ToLower(d.Slice(doc.Span{Start: d.Tokens[nounStart].Start, End: d.Tokens[b-1].End}))
	conf := 0.9
	if om.Confidence > 0 {
		conf = min(conf, om.Confidence)
	}
	return speakerEntity(d, typ, name, Key(typ, name), a, b, conf), conf
}

// kinNouns are the nouns for someone's relatives as a body, who speak
// together ("his family said").
var kinNouns = map[string]bool{"family": true, "relatives": true, "parents": true, "children": true, "siblings": true, "loved ones": true}

// sameKin returns the relatives a source names with "the" and a noun of
// kinNouns alone ("the family said") stand for: those an earlier source
// named with an owner and that noun ("His family said", resolved by
// possessedOrganisation to "Emeka Adeyemi's family"), the last of them;
// or -1.
func sameKin(d *doc.Document, source doc.Span) (int, float64) {
	w := strings.Fields(strings.ToLower(strings.TrimSpace(d.Slice(source))))
	if len(w) != 2 || w[0] != "the" || !kinNouns[w[1]] {
		return -1, 0
	}
	best, at := -1, -1
	for i := range d.Entities {
		x := &d.Entities[i]
		if x.Type != doc.Group || !strings.HasSuffix(x.Name, "'s "+w[1]) {
			continue
		}
		for _, mi := range x.Mentions {
			if m := d.Mentions[mi].Start; m < source.Start && m > at {
				best, at = i, m
			}
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, 0.8
}

// speakerEntity adds to d the entity of type t and name the speakers
// stage found for a source, with its mention on tokens [a, b) (the last
// the head) at confidence conf, and returns its index. An entity of the
// same key, or of the same name when there is no key, is the same one.
func speakerEntity(d *doc.Document, t doc.EntityType, name, id string, a, b int, conf float64) int {
	e := -1
	for i := range d.Entities {
		if x := &d.Entities[i]; x.Type == t && (id != "" && x.ID == id || id == "" && x.ID == "" && x.Name == name) {
			e = i
		}
	}
	if e < 0 {
		d.Entities = append(d.Entities, doc.Entity{ID: id, Name: name, Type: t})
		e = len(d.Entities) - 1
	}
	d.Mentions = append(d.Mentions, doc.Mention{
		Span:       doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[b-1].End},
		Head:       d.Tokens[b-1].Span(),
		Kind:       doc.NounMention,
		Type:       t,
		Entity:     e,
		Confidence: conf,
	})
	d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions)-1)
	return e
}

// nameModifiedAgent returns the person a source describes by a name
// and a noun for someone who speaks for it ("a WeWork spokesperson when
// contacted by Reuters", "the Kestrel Ferries spokesman"): an entity of
// its own, never named, named by the name and the noun ("WeWork
// spokesperson"), which other such sources share; or -1. The name only
// says whose the agent is (endsInCommonNoun).
func nameModifiedAgent(d *doc.Document, source doc.Span) (int, float64) {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)+1
	if b > len(d.Tokens) {
		return -1, 0
	}
	for k := a + 1; k < b; k++ {
		if p := d.Tokens[k].POS; p == doc.TagWRB || p == doc.TagWP || p == doc.TagIN || d.Slice(d.Tokens[k].Span()) == "," {
			b = k // "… when contacted by Reuters"
			break
		}
	}
	if w := strings.ToLower(d.Slice(d.Tokens[a].Span())); w == "a" || w == "an" || w == "the" {
		a++
	}
	if b-a < 2 || !agentNouns[strings.ToLower(d.Slice(d.Tokens[b-1].Span()))] || d.Tokens[b-1].POS != doc.TagNN {
		return -1, 0
	}
	// The words before the noun are one name the text found.
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind == doc.NameMention && m.Start == d.Tokens[a].Start && d.TokenAt(m.End) == b-1 && m.Entity >= 0 {
			name := d.Slice(m.Span) + " " + strings.ToLower(d.Slice(d.Tokens[b-1].Span()))
			return speakerEntity(d, doc.Person, name, "", a, b, 0.8), 0.8
		}
	}
	return -1, 0
}

// agentNouns are the nouns for someone who speaks for an organisation
// or a person, whose name may stand before them ("a WeWork
// spokesperson").
var agentNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "representative": true,
	"official": true, "lawyer": true, "attorney": true, "aide": true, "adviser": true, "advisor": true,
	"executive": true, "insider": true, "source": true,
}

// ownerPronouns are the possessive pronouns that may own an
// organisation ("his office", "its board").
var ownerPronouns = map[string]bool{"his": true, "her": true, "their": true, "its": true}

// organisationPossessor reports whether the possessive word w inside span
// sp names an organisation or a place: a name the text types so, or an
// organisation's common noun ("the club's captain").
func organisationPossessor(d *doc.Document, sp doc.Span, w string) bool {
	stem := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if lex, err := lexicon.Default(); err == nil && lex.OrgNoun(strings.ToLower(stem)) {
		return true
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind != doc.NameMention || m.Start < sp.Start || m.End > sp.End || m.Entity < 0 {
			continue
		}
		if t := d.Entities[m.Entity].Type; (t == doc.Organization || t == doc.Place) && strings.HasPrefix(w, d.Slice(m.Span)) {
			return true
		}
	}
	return false
}

// epithetMention reports whether m is a definite description of the
// kind epithet takes: "the", a common noun or a role written as an
// acronym ("the Conservative MP") that is no functionary's, and no
// preposition ("the head of the agency" is an office), nor a relative
// clause after it ("the staff member who took the call" is someone new).
func epithetMention(d *doc.Document, m *doc.Mention) bool {
	if m.Kind != doc.TitleMention && m.Kind != doc.NounMention {
		return false
	}
	if k := d.TokenAt(m.End); k < len(d.Tokens) && d.Tokens[k].Start >= m.End {
		switch strings.ToLower(d.Slice(d.Tokens[k].Span())) {
		case "who", "whom", "whose":
			return false
		}
	}
	words := strings.Fields(d.Slice(m.Span))
	if len(words) < 2 || !strings.EqualFold(words[0], "the") || hasPreposition(d, m.Span) {
		return false
	}
	k := d.TokenAt(m.Head.Start)
	if k >= len(d.Tokens) {
		return false
	}
	w := d.Slice(d.Tokens[k].Span())
	return (d.Tokens[k].POS == doc.TagNN || d.Tokens[k].POS == doc.TagNNP && isAcronym(w)) && !functionaries[strings.ToLower(w)]
}

// topicPerson returns the person the article is about, to whom an
// epithet before offset at refers: the named person with the most
// mentions, at least three of them and twice as many as anyone else's,
// or else the one named by name most, at least three times and three
// times as often as anyone else (pronouns for someone quoted at length
// may bring the counts of all mentions close); one of them before at,
// and of no gender or nationality other than g and nationality (when
// known); or -1.
func topicPerson(d *doc.Document, g doc.Gender, nationality string, at int) int {
	all, names := topCount{best: -1}, topCount{best: -1}
	for i := range d.Entities {
		x := &d.Entities[i]
		if x.Type != doc.Person || x.ID == "" || pluralName(d, i) {
			continue // "Montreal Canadiens", a team's name the tagger typed a person's
		}
		n := 0
		for _, m := range x.Mentions {
			if d.Mentions[m].Kind == doc.NameMention {
				n++
			}
		}
		all.add(i, len(x.Mentions))
		names.add(i, n)
	}
	best := -1
	switch {
	case all.n >= 3 && all.n >= 2*all.second:
		best = all.best
	case names.n >= 3 && names.n >= 3*names.second:
		best = names.best
	default:
		return -1
	}
	x := &d.Entities[best]
	if !fits(x, g, nationality) {
		return -1
	}
	if len(x.Mentions) == 0 || d.Mentions[x.Mentions[0]].Start >= at {
		return -1
	}
	return best
}

// topCount keeps the largest of a set of counts, whose it is (-1 before
// any), and the second largest.
type topCount struct {
	best, n, second int
}

func (t *topCount) add(i, n int) {
	switch {
	case n > t.n:
		t.best, t.second, t.n = i, t.n, n
	case n > t.second:
		t.second = n
	}
}

// plainNouns are the nouns for a person that say only their sex or age,
// with the gender they mark.
var plainNouns = map[string]doc.Gender{"man": doc.Male, "woman": doc.Female, "boy": doc.Male, "girl": doc.Female, "teenager": doc.Unknown}

// plainPerson reports whether source is "the" and a plain noun for a
// person alone ("the girl", "the man") or their age ("the 56-year-old",
// age true), and the gender it marks.
func plainPerson(d *doc.Document, source doc.Span) (g doc.Gender, age, ok bool) {
	w := strings.Fields(strings.ToLower(d.Slice(source)))
	if len(w) != 2 || w[0] != "the" {
		return doc.Unknown, false, false
	}
	if years, isAge := strings.CutSuffix(w[1], "-year-old"); isAge && years != "" {
		return doc.Unknown, true, true
	}
	g, ok = plainNouns[w[1]]
	return g, false, ok
}

// subjectSpeakerBefore returns the speaker of the statement before
// statement i when source, a bare "he" or "she", opens its sentence and
// that statement's source opened the sentence before, outside quotation
// marks, and its speaker is a person the pronoun agrees with, who did
// not ask a question; else -1.
func subjectSpeakerBefore(d *doc.Document, i int, source doc.Span) int {
	g, _ := barePronoun(d, source)
	s := d.SentenceAt(source.Start)
	if s == 0 || d.Tokens[d.Sentences[s].FirstTok].Start != source.Start {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		o := &d.Statements[j]
		if o.Parent >= 0 {
			continue
		}
		if o.Speaker < 0 || o.Source.IsZero() || d.SentenceAt(o.Source.Start) != s-1 {
			return -1
		}
		first := d.Tokens[d.Sentences[s-1].FirstTok]
		if first.Start != o.Source.Start || first.Has(doc.InQuote) {
			return -1
		}
		if x := &d.Entities[o.Speaker]; x.Type != doc.Person || x.Gender != doc.Unknown && x.Gender != g {
			return -1
		}
		if w := strings.Fields(strings.ToLower(d.Slice(o.Cue))); len(w) > 0 && askingVerbs[w[0]] {
			return -1 // "A reporter asked Sanders …. He replied": the one asked answers
		}
		return o.Speaker
	}
	return -1
}

// askingVerbs are the forms of the verbs of asking, whose subject is not
// the one who answers.
var askingVerbs = map[string]bool{"asked": true, "asks": true, "ask": true, "questioned": true, "inquired": true, "enquired": true, "pressed": true}

// barePronoun reports whether source is "he" or "she" alone, and the
// gender it marks.
func barePronoun(d *doc.Document, source doc.Span) (doc.Gender, bool) {
	switch w := strings.TrimSpace(d.Slice(source)); {
	case strings.EqualFold(w, "he"):
		return doc.Male, true
	case strings.EqualFold(w, "she"):
		return doc.Female, true
	}
	return doc.Unknown, false
}

// lastQuoted returns the speaker of the statement before statement i
// when that statement is a direct quotation, by a person of gender g,
// whose content ends in i's paragraph or one of the two before; else -1.
// Anyone else's statement in between, reported or quoted, ends the run.
func lastQuoted(d *doc.Document, i int, g doc.Gender) int {
	para := d.Sentences[d.SentenceAt(d.Statements[i].ContentSpan().Start)].Para
	for j := i - 1; j >= 0; j-- {
		o := &d.Statements[j]
		if o.Parent >= 0 {
			continue
		}
		if o.Kind != doc.Direct || o.Speaker < 0 || d.Sentences[d.SentenceAt(o.ContentSpan().End-1)].Para < para-2 {
			return -1
		}
		if e := &d.Entities[o.Speaker]; e.Type != doc.Person || e.Gender != g {
			return -1
		}
		return o.Speaker
	}
	return -1
}

// mediaNouns are the nouns by which a report names the publication it
// is quoting ("the article says", "the newspaper wrote").
var mediaNouns = map[string]bool{
	"publication": true, "article": true, "newspaper": true, "paper": true, "outlet": true,
	"magazine": true, "daily": true, "tabloid": true, "broadcaster": true, "website": true,
}

// mediaSource reports whether source is "the" or "this" and a media noun
// alone: "the publication", "the article".
func mediaSource(d *doc.Document, source doc.Span) bool {
	words := strings.Fields(strings.ToLower(d.Slice(source)))
	return len(words) == 2 && (words[0] == "the" || words[0] == "this") && mediaNouns[words[1]]
}

// companyNouns are the nouns by which a report names the organisation it
// is about without its name: "the company said", "the airline said".
var companyNouns = map[string]bool{
	"company": true, "firm": true, "airline": true, "carrier": true, "club": true, "team": true,
	"maker": true, "automaker": true, "carmaker": true, "retailer": true, "insurer": true, "bank": true,
}

// companySource reports whether source is "the" and a company noun alone:
// "the company", "the airline".
func companySource(d *doc.Document, source doc.Span) bool {
	words := strings.Fields(strings.ToLower(d.Slice(source)))
	return len(words) == 2 && words[0] == "the" && companyNouns[words[1]]
}

// mainOrganisation returns the company a report is about, which "the
// company said" stands for: of the organisations that can be companies
// (companyLike) named in the three sentences before the source of st
// (outside st's own content), and the one the article names three times
// or more and twice as often as any other such before it, the one the
// article names most often before it (the later one on a tie)
// ("Microsoft said it would cooperate. “…,” the company said"); with
// none such, the organisation whose name opens st's content, its
// subject; or -1. A union or an analyst's firm quoted in an earnings
// story is not "the company".
func mainOrganisation(d *doc.Document, st *doc.Statement) int {
	count := map[int]int{}
	near := map[int]bool{}
	likeCompany := map[int]bool{}
	sent := d.SentenceAt(st.Source.Start)
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Kind != doc.NameMention || m.End > st.Source.Start {
			continue
		}
		like, ok := likeCompany[m.Entity]
		if !ok {
			like = companyLike(&d.Entities[m.Entity])
			likeCompany[m.Entity] = like
		}
		if !like || m.Span.OverlapsAny(st.Content) {
			continue
		}
		count[m.Entity]++
		if sent-d.SentenceAt(m.Start) <= 3 {
			near[m.Entity] = true
		}
	}
	// The company the article is about, named three times or more and
	// twice as often as any other, stands with those named near.
	top, second := -1, 0
	for e, n := range count {
		switch {
		case top < 0 || n > count[top]:
			if top >= 0 {
				second = count[top]
			}
			top = e
		case n > second:
			second = n
		}
	}
	if top >= 0 && count[top] >= 3 && count[top] >= 2*second {
		near[top] = true
	}
	best := -1
	for _, m := range d.Mentions {
		if e := m.Entity; e >= 0 && near[e] && (best < 0 || count[e] > count[best] || count[e] == count[best] && m.End <= st.Source.Start) {
			best = e
		}
	}
	if best < 0 && len(st.Content) > 0 {
		// None named before: the organisation opening the content as its
		// subject ("Northline will cut four routes, the company said").
		c := st.Content[0]
		for _, m := range d.Mentions {
			if m.Start >= c.Start && m.Start <= c.Start+len("The ") && m.Entity >= 0 && m.Kind == doc.NameMention && companyLike(&d.Entities[m.Entity]) && strings.TrimSpace(strings.TrimPrefix(d.Slice(doc.Span{Start: c.Start, End: m.Start}), "The")) == "" {
				return m.Entity
			}
		}
	}
	return best
}

// publicBodyNouns are the nouns that head the names of organisations
// that are not companies: unions, federations, associations, councils,
// agencies, ministries, committees, parties, courts and the like.
var publicBodyNouns = map[string]bool{
	"union": true, "unions": true, "federation": true, "confederation": true, "association": true, "alliance": true,
	"coalition": true, "league": true, "council": true, "agency": true, "ministry": true, "department": true,
	"committee": true, "commission": true, "party": true, "court": true, "tribunal": true, "parliament": true,
	"assembly": true, "senate": true, "congress": true, "legislature": true, "cabinet": true, "government": true,
	"administration": true, "authority": true, "bureau": true, "directorate": true, "secretariat": true,
	"office": true, "embassy": true, "consulate": true, "mission": true, "police": true, "army": true, "navy": true,
	"military": true, "force": true, "forces": true, "guard": true, "command": true, "regime": true, "presidency": true,
	"church": true, "university": true, "college": true, "academy": true, "institute": true, "school": true,
	"hospital": true, "foundation": true, "movement": true, "front": true, "campaign": true, "society": true,
	"regulator": true, "watchdog": true, "charity": true, "ombudsman": true, "inspectorate": true,
}

// companyLike reports whether organisation e can be a company: its name,
// up to a preposition ("Ministry of Health"), does not end in a noun for
// a body that is not one ("Food and Allied Workers' Federation").
func companyLike(e *doc.Entity) bool {
	if e.Type != doc.Organization {
		return false
	}
	name := strings.ToLower(e.Name)
	for _, p := range [...]string{" of ", " for ", " on ", " in "} {
		if k := strings.Index(name, p); k > 0 {
			name = name[:k]
		}
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return !publicBodyNouns[strings.TrimRight(last, ".,’'")]
}

// reportingOutlet returns the organisation that a media noun as the
// source of statement i stands for: the speaker of the nearest statement
// before it that reported, wrote or published ("This is reported by
// Axios … “…,” the article says"), at confidence 0.5; or -1. The
// speaker must be an organisation or a bare one-word name without a
// title (an outlet's name the tagger may take for a place or a person).
func reportingOutlet(d *doc.Document, i int) (int, float64) {
	for j := i - 1; j >= 0; j-- {
		st := &d.Statements[j]
		if e := st.Speaker; e >= 0 && outletLike(&d.Entities[e]) && (reportCue(d.Slice(st.Cue)) || newspaperName(d.Entities[e].Name)) {
			return e, 0.5
		}
	}
	return -1, 0
}

// outletLike reports whether x may be a news outlet: an organisation, or
// a place or person named by one word and given no title.
func outletLike(x *doc.Entity) bool {
	switch x.Type {
	case doc.Organization:
		return true
	case doc.Place, doc.Person:
		return len(x.Titles) == 0 && !strings.ContainsAny(x.Name, " \u00a0")
	}
	return false
}

// newspaperWords end or begin the names of newspapers and news outlets.
var newspaperWords = map[string]bool{
	"News": true, "Times": true, "Post": true, "Daily": true, "Herald": true, "Journal": true, "Tribune": true,
	"Telegraph": true, "Gazette": true, "Mail": true, "Express": true, "Guardian": true, "Chronicle": true,
	"Observer": true, "Globe": true, "Mirror": true, "Courier": true, "Independent": true, "Inquirer": true,
}

// newspaperName reports whether name is a newspaper's by its words ("The
// Harbour Courier", "Daily Record"); outletLike says whether the entity
// may be one at all.
func newspaperName(name string) bool {
	for _, w := range strings.Fields(name) {
		if newspaperWords[w] {
			return true
		}
	}
	return false
}

// reportCue reports whether cue is a verb of reporting in print: report,
// write, publish.
func reportCue(cue string) bool {
	cue = strings.ToLower(cue)
	for _, v := range []string{"report", "wrote", "write", "publish"} {
		if strings.Contains(cue, v) {
			return true
		}
	}
	return false
}

// functionaries are the nouns for people who speak in a story in their
// capacity, not as its subject: "the defence lawyer said" is someone
// else than the defendant the story is about. They are kept from
// epithet and agentDescription.
var functionaries = map[string]bool{
	"lawyer": true, "attorney": true, "prosecutor": true, "officer": true, "investigator": true,
	"insider": true, "observer": true, "analyst": true, "researcher": true, "negotiator": true,
	"adviser": true, "advisor": true, "doctor": true, "director": true, "organiser": true, "organizer": true,
}

// agentDescription reports whether source is a definite description of a
// person that no mention covers: "the", at least one modifier, and a singular
// common noun that names someone by what they do ("the veteran skier",
// "the Newcastle Jets custodian", "the two-time Speedway champion"): a
// noun ending in -er, -or, -ist, -ian or -ion, and not one for an
// organisation, a document, a publication or a functionary ("the
// commission", "the report", "the defence lawyer"). "the speaker" in
// lower case with no holder of the title named is one too, with no
// modifier: the voice heard on a recording ("“…,” the speaker says").
func agentDescription(d *doc.Document, source doc.Span) bool {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b >= len(d.Tokens) || b-a > 6 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") {
		return false
	}
	if b-a == 1 && d.Slice(d.Tokens[b].Span()) == "speaker" {
		return true
	}
	if b-a < 2 {
		return false
	}
	if hasPreposition(d, source) {
		return false // "the top commander in Iraq": an office, not an epithet
	}
	if d.Tokens[b].POS != doc.TagNN {
		return false
	}
	w := strings.ToLower(d.Slice(d.Tokens[b].Span()))
	if lexicon.DocumentNoun(w) || mediaNouns[w] || functionaries[w] {
		return false
	}
	if lex, err := lexicon.Default(); err != nil || lex.OrgNoun(w) || lex.CueNoun(w) {
		return false // "the commission", "the report"
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ion"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// partyMember returns the person a source of "the" and one capitalised
// word, resolved to an organisation of that name (ent), stands for: the
// one person whose title that word opens before a noun ("Conservative
// candidate"); -1 when there is none or more than one.
func partyMember(d *doc.Document, source doc.Span, ent int) int {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if ent < 0 || b != a+1 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") || !d.Tokens[b].Has(doc.Upper) {
		return -1
	}
	w := d.Slice(d.Tokens[b].Span())
	if x := &d.Entities[ent]; x.Type != doc.Organization || x.Name != w {
		return -1
	}
	found := -1
	for e := range d.Entities {
		x := &d.Entities[e]
		if x.Type != doc.Person {
			continue
		}
		for _, t := range x.Titles {
			if first, rest, ok := strings.Cut(t, " "); ok && first == w && rest != "" {
				if found >= 0 && found != e {
					return -1
				}
				found = e
			}
		}
	}
	return found
}

// nationNoun reports whether source is "the" and a noun for a person of a
// nation, perhaps after modifiers in lower case ("the Serb", "the
// Australian", "the 20-year-old Croat"), and that nation's country code:
// a demonym of the lexicon, or a capitalised word of four letters or
// more that starts one and falls short of it by at most four ("Serb" of
// "Serbian", "Scot" of "Scottish").
func nationNoun(d *doc.Document, source doc.Span) (string, bool) {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b >= len(d.Tokens) || b-a < 1 || b-a > 3 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") {
		return "", false
	}
	for k := a + 1; k < b; k++ {
		if d.Tokens[k].Has(doc.Upper) {
			return "", false
		}
	}
	t := d.Tokens[b]
	if !t.Has(doc.Upper) || t.Has(doc.AllUpper) || !t.POS.IsNoun() && !t.POS.IsAdjective() {
		return "", false
	}
	w := strings.ToLower(d.Slice(t.Span()))
	for _, x := range demonyms() {
		if x.form == w || len(w) >= 4 && strings.HasPrefix(x.form, w) && len(x.form)-len(w) <= 4 {
			return x.code, true
		}
	}
	return "", false
}

// demonyms lists the lexicon's one-word demonyms in lower case with their
// country codes.
var demonyms = sync.OnceValue(func() []struct{ form, code string } {
	var out []struct{ form, code string }
	lex, err := lexicon.Default()
	if err != nil {
		return nil
	}
	for _, p := range lex.Places() {
		if p.Kind == lexicon.Demonym && !strings.Contains(p.Form, " ") {
			out = append(out, struct{ form, code string }{strings.ToLower(p.Form), p.Code})
		}
	}
	return out
})

// relativeAntecedent returns the speaker a relative pronoun as the source
// stands for, alone or opening the relative clause the decoder took for
// the source ("Mr Marsh, who mentioned …, said", "Okafor, whose side
// face Dunmore next month, refused"): the person,
// organisation or group whose mention ends right before it and its comma
// ("Germany, which called the vote …", "the mayor, who called the plan
// …"); -1 when there is none.
func relativeAntecedent(d *doc.Document, source doc.Span) (int, float64) {
	first, _, _ := strings.Cut(strings.TrimSpace(d.Slice(source)), " ")
	switch strings.ToLower(first) {
	case "who", "whose", "which":
	default:
		return -1, 0
	}
	k := d.TokenAt(source.Start) - 1
	if k >= 0 && d.Slice(d.Tokens[k].Span()) == "," {
		k--
	}
	if k < 0 {
		return -1, 0
	}
	end := d.Tokens[k].End
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.End != end || m.Entity < 0 {
			continue
		}
		switch d.Entities[m.Entity].Type {
		case doc.Person, doc.Organization, doc.Group:
			return m.Entity, mentionConfidence(d, i)
		case doc.Place:
			if strings.EqualFold(first, strings.TrimSpace(d.Slice(source))) {
				return m.Entity, 0.6 // "Germany, which called …": the country's government
			}
		}
	}
	return -1, 0
}

// relativeAfterSource returns the speaker of a statement before statement
// i whose source ends right before the comma before a relative pronoun
// that is source i: "“…,” said Ana Ruiz, director of the Harbour Trust,
// who added that …" is Ana Ruiz's, however long her description; -1 when
// there is none.
func relativeAfterSource(d *doc.Document, i int, source doc.Span) (int, float64) {
	first, _, _ := strings.Cut(strings.TrimSpace(d.Slice(source)), " ")
	if !strings.EqualFold(first, "who") {
		return -1, 0
	}
	k := d.TokenAt(source.Start) - 1
	if k < 1 || d.Slice(d.Tokens[k].Span()) != "," {
		return -1, 0
	}
	end := d.Tokens[k-1].End
	for j := i - 1; j >= 0; j-- {
		if p := &d.Statements[j]; p.Speaker >= 0 && p.Source.End == end && !p.Source.IsZero() {
			return p.Speaker, p.Confidence
		}
	}
	return -1, 0
}

// namesEntity reports whether a name mention of entity e lies inside span
// s.
func namesEntity(d *doc.Document, s doc.Span, e int) bool {
	for _, mi := range d.Entities[e].Mentions {
		if m := &d.Mentions[mi]; m.Kind == doc.NameMention && s.Contains(m.Span) {
			return true
		}
	}
	return false
}

// titleCased reports whether most of the longer words of span s are
// capitalised, as in the title of a work ("The Future of High-Definition
// TV").
func titleCased(d *doc.Document, s doc.Span) bool {
	a, b := d.TokenAt(s.Start), d.TokenAt(s.End)
	long, upper := capitalisedWords(d, a, b)
	return long >= 2 && upper*4 >= long*3
}

// capitalisedWords counts the words of more than three bytes among tokens
// [a, b) of d, and how many of them are capitalised.
func capitalisedWords(d *doc.Document, a, b int) (long, upper int) {
	for k := a; k < b && k < len(d.Tokens); k++ {
		t := &d.Tokens[k]
		if t.Kind == doc.Word && t.End-t.Start > 3 {
			long++
			if t.Has(doc.Upper) {
				upper++
			}
		}
	}
	return long, upper
}

// personNear reports whether a person of gender g (or of unknown gender)
// is named or described in the sentence of offset at or in the two
// before it, before at.
func personNear(d *doc.Document, at int, g doc.Gender) bool {
	s := d.SentenceAt(at)
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Start >= at || m.Entity < 0 || m.Kind == doc.PronounMention {
			continue
		}
		if ms := d.SentenceAt(m.Start); ms < s-2 || ms > s {
			continue
		}
		if x := &d.Entities[m.Entity]; x.Type == doc.Person && (x.Gender == g || x.Gender == doc.Unknown) {
			return true
		}
	}
	return false
}

// namesPart reports whether span s holds a word of entity e's name: "the
// Spears staffer" describes someone of Spears's, not Spears.
func namesPart(d *doc.Document, s doc.Span, e int) bool {
	name := strings.Fields(d.Entities[e].Name)
	for _, w := range strings.Fields(d.Slice(s)) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		for _, n := range name {
			if w == n {
				return true
			}
		}
	}
	return false
}

// hasPreposition reports whether span s holds a preposition: "the top
// commander in Iraq", "the head of the agency" name an office, where an
// epithet does not.
func hasPreposition(d *doc.Document, s doc.Span) bool {
	for k := d.TokenAt(s.Start); k < len(d.Tokens) && d.Tokens[k].End <= s.End; k++ {
		if d.Tokens[k].POS == doc.TagIN {
			return true
		}
	}
	return false
}

// beforeComma returns span s up to its first comma: a source without the
// apposition or the participle phrase that follows it ("The Dutch
// striker, signed from Almere in January,").
func beforeComma(d *doc.Document, s doc.Span) doc.Span {
	for k := d.TokenAt(s.Start); k < len(d.Tokens) && d.Tokens[k].End <= s.End; k++ {
		if d.Slice(d.Tokens[k].Span()) == "," {
			return doc.Span{Start: s.Start, End: d.Tokens[k].Start}
		}
	}
	return s
}

// epithetPerson returns the person an epithet source ("the former
// captain") stands for: the person with a full name named last before
// it, in its sentence or the one before ("… taken by her assistant Lena
// Okoro. “…,” the former captain said"), or else the person the article
// is about (topicPerson, of gender g and the given nationality when
// known); never one whose name the source holds; -1 when there is none.
func epithetPerson(d *doc.Document, source doc.Span, g doc.Gender, nationality string) int {
	if t := lastNamed(d, source.Start, g); t >= 0 && !namesPart(d, source, t) {
		return t
	}
	if t := topicPerson(d, g, nationality, source.Start); t >= 0 && !namesPart(d, source, t) {
		return t
	}
	if t := soleNamed(d, source.Start, g, nationality); t >= 0 && !namesPart(d, source, t) {
		return t
	}
	return -1
}

// roleClash reports whether a description source ("the coach", "the
// Swedish coach, who …") ends in a noun for a specific role and the text
// gave person e only titles of other specific roles: the coach is not the
// one the text called a striker. Words for whoever leads ("chief",
// "head", "boss") clash with nothing, and a title written as an
// honorific ("Sen.") holds the role it implies.
func roleClash(d *doc.Document, source doc.Span, e int) bool {
	x := &d.Entities[e]
	if len(x.Titles) == 0 {
		return false
	}
	s := beforeComma(d, source)
	if s.IsZero() {
		return false
	}
	k := d.TokenAt(s.End - 1)
	if k >= len(d.Tokens) || d.Tokens[k].POS != doc.TagNN {
		return false
	}
	head := strings.ToLower(d.Slice(d.Tokens[k].Span()))
	lex, err := lexicon.Default()
	if err != nil || !lex.PersonNoun(head) || leaderNouns[head] || head == "speaker" {
		return false // "the speaker" on a recording is whoever speaks on it
	}
	for _, t := range x.Titles {
		th := titleHead(t)
		if r, ok := honorificRoles[th]; ok {
			th = r
		}
		th = strings.ToLower(th)
		if th == head || leaderNouns[th] || !lex.PersonNoun(th) {
			return false
		}
	}
	return true
}

// leaderNouns are the nouns for whoever leads something, which a text
// uses for one another ("the head of the agency … the agency chief").
var leaderNouns = map[string]bool{
	"head": true, "chief": true, "boss": true, "leader": true, "director": true, "chairman": true,
	"chairwoman": true, "chair": true, "president": true, "manager": true, "executive": true,
}

// titleHead returns the head word of title t: its last word before "of",
// "for", "at" or "in" ("head of the agency"), or its last word.
func titleHead(t string) string {
	w := strings.Fields(t)
	for i, x := range w {
		switch x {
		case "of", "for", "at", "in":
			if i > 0 {
				return w[i-1]
			}
		}
	}
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// soleNamed returns the one person the text names with a full name
// before offset at, outside quotation marks, when there is one and only
// one, of no gender or nationality other than g and nationality (when
// known); or -1. An epithet with no one else named it could stand for
// is them ("Ada Lin has agreed to coach Harwick. … The Swede said").
func soleNamed(d *doc.Document, at int, g doc.Gender, nationality string) int {
	one := -1
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Start >= at {
			break
		}
		if m.Kind != doc.NameMention || m.Entity < 0 || m.Entity == one {
			continue
		}
		if k := d.TokenAt(m.Start); k < len(d.Tokens) && (d.Tokens[k].Has(doc.InQuote) || d.IsByline(int(d.Tokens[k].Sent))) {
			continue // a quoted name, or the writer's
		}
		x := &d.Entities[m.Entity]
		if x.Type != doc.Person || !strings.Contains(x.Name, " ") {
			continue // a one-word "person" is too often a word the tagger mistook
		}
		if one >= 0 {
			return -1
		}
		one = m.Entity
	}
	if one < 0 || !fits(&d.Entities[one], g, nationality) {
		return -1
	}
	return one
}

// fits reports whether entity x is of no gender other than g and no
// nationality other than nationality, where each is known.
func fits(x *doc.Entity, g doc.Gender, nationality string) bool {
	return (x.Gender == doc.Unknown || g == doc.Unknown || x.Gender == g) &&
		(x.Nationality == "" || nationality == "" || x.Nationality == nationality)
}

// lastNamed returns the person with a full name (two words or more) and
// of no gender other than g (when known) named last before offset at,
// outside quotation marks, in at's sentence or the one before it; or -1.
func lastNamed(d *doc.Document, at int, g doc.Gender) int {
	return lastNamedWithin(d, at, g, 1)
}

// lastNamedWithin is lastNamed looking back up to back sentences.
func lastNamedWithin(d *doc.Document, at int, g doc.Gender, back int) int {
	s := d.SentenceAt(at)
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.Start >= at {
			continue
		}
		if d.SentenceAt(m.Start) < s-back {
			break
		}
		k := d.TokenAt(m.Start)
		if m.Kind != doc.NameMention || m.Entity < 0 || k < len(d.Tokens) && d.Tokens[k].Has(doc.InQuote) {
			continue
		}
		x := &d.Entities[m.Entity]
		if x.Type != doc.Person || !strings.Contains(x.Name, " ") {
			continue // a one-word "person" is too often a word the tagger mistook
		}
		if g != doc.Unknown && x.Gender != doc.Unknown && x.Gender != g {
			continue
		}
		return m.Entity
	}
	return -1
}

// singularThey reports whether source is "they" resolved to organisation
// e that the text has made singular before it: the subject of a verb in
// the third person singular ("the EU is committed", "the ministry says"),
// or "it" or "its" resolved to it.
func singularThey(d *doc.Document, source doc.Span, e int) bool {
	if !strings.EqualFold(strings.TrimSpace(d.Slice(source)), "they") || d.Entities[e].Type != doc.Organization {
		return false
	}
	for _, m := range d.Mentions {
		if m.Start >= source.Start {
			break
		}
		if m.Entity != e {
			continue
		}
		if m.Kind == doc.PronounMention {
			if w := strings.ToLower(d.Slice(m.Span)); w == "it" || w == "its" {
				return true
			}
			continue
		}
		k := d.TokenAt(m.End-1) + 1
		if k < len(d.Tokens) && d.Tokens[k].POS == doc.TagVBZ && d.Tokens[k].Sent == d.Tokens[k-1].Sent && !isPossessive(d.Slice(d.Tokens[k].Span())) {
			return true
		}
	}
	return false
}

// apposedTo returns the person or organisation whose name opens the
// sentence right before source and a comma, when source is a description
// in apposition to it, "the" or "a" and a noun phrase ("Korvana Foods,
// the Ostmark-based maker of cereals, reported"), with confidence 0.8;
// else -1. A name that ends a phrase put first is not the subject ("After
// meeting Ana Ruiz, the minister said").
func apposedTo(d *doc.Document, source doc.Span) (int, float64) {
	a := d.TokenAt(source.Start)
	if a < 2 || a >= len(d.Tokens) || d.Slice(d.Tokens[a-1].Span()) != "," || d.Tokens[a-1].Sent != d.Tokens[a].Sent {
		return -1, 0
	}
	if w := strings.ToLower(d.Slice(d.Tokens[a].Span())); w != "the" && w != "a" && w != "an" {
		return -1, 0
	}
	end := d.Tokens[a-2].End
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.End != end || m.Kind != doc.NameMention || m.Entity < 0 {
			continue
		}
		if f := d.Sentences[d.Tokens[a].Sent].FirstTok; d.TokenAt(m.Start) > f+1 || d.TokenAt(m.Start) == f+1 && !strings.EqualFold(d.Slice(d.Tokens[f].Span()), "the") {
			return -1, 0 // "After meeting Ana Ruiz, the minister said": the subject is someone else
		}
		if t := d.Entities[m.Entity].Type; t == doc.Person || t == doc.Organization {
			return m.Entity, 0.8
		}
	}
	return -1, 0
}

// askedAbout reports whether source is "he", "she" or "they" after the
// comma that closes a sentence's opening "Asked …" clause, and the
// mention of entity e nearest before it lies in that clause ("Asked
// whether Rovers could sustain a push, he replied"): the one asked is
// not the one the question is about.
func askedAbout(d *doc.Document, source doc.Span, e int) bool {
	if !personalPronoun(d, source) {
		return false
	}
	sn := &d.Sentences[d.SentenceAt(source.Start)]
	if !strings.EqualFold(d.Slice(d.Tokens[sn.FirstTok].Span()), "asked") {
		return false
	}
	comma := -1
	for k := sn.FirstTok + 1; k < sn.EndTok && d.Tokens[k].End <= source.Start; k++ {
		if d.Slice(d.Tokens[k].Span()) == "," {
			comma = k
			break
		}
	}
	if comma < 0 || d.Tokens[comma+1].Start != source.Start {
		return false
	}
	clause := doc.Span{Start: d.Tokens[sn.FirstTok].Start, End: d.Tokens[comma].Start}
	near := lastNameBefore(d, e, source.Start)
	return near >= 0 && clause.Contains(d.Mentions[near].Span)
}

// lastNameBefore returns entity e's mention, other than a pronoun,
// that starts last among those ending at or before offset at; or -1.
func lastNameBefore(d *doc.Document, e, at int) int {
	near := -1
	for _, i := range d.Entities[e].Mentions {
		if m := &d.Mentions[i]; m.End <= at && m.Kind != doc.PronounMention && (near < 0 || m.Start > d.Mentions[near].Start) {
			near = i
		}
	}
	return near
}

// personalPronoun reports whether source is "he", "she" or "they" alone.
func personalPronoun(d *doc.Document, source doc.Span) bool {
	w := strings.TrimSpace(d.Slice(source))
	return strings.EqualFold(w, "he") || strings.EqualFold(w, "she") || strings.EqualFold(w, "they")
}

// interruptingPronoun reports whether source is "he", "she" or "they"
// set inside the content of its own statement st, with content before
// and after it ("People who walk after dinner, they noted, may also
// differ").
func interruptingPronoun(d *doc.Document, st *doc.Statement, source doc.Span) bool {
	if !personalPronoun(d, source) {
		return false
	}
	before, after := false, false
	for _, p := range st.Content {
		before = before || p.End <= source.Start
		after = after || p.Start >= source.End
	}
	return before && after
}

// antecedentInContent reports whether the mention of entity e nearest
// before source lies in a content part of st before it: a pronoun does
// not refer to what the words it interrupts are about.
func antecedentInContent(d *doc.Document, source doc.Span, e int, st *doc.Statement) bool {
	near := lastNameBefore(d, e, source.Start)
	if near < 0 {
		return false
	}
	for _, p := range st.Content {
		if p.End <= source.Start && p.Contains(d.Mentions[near].Span) {
			return true
		}
	}
	return false
}

// previousSpeaker returns the speaker of the nearest top-level statement
// before statement i, in i's sentence or the one before, when a pronoun
// source can stand for them: a person of the pronoun's sex (when known)
// for "he" or "she", anyone but a person for "they"; else -1.
func previousSpeaker(d *doc.Document, i int, source doc.Span) int {
	s := d.SentenceAt(source.Start)
	w := strings.ToLower(strings.TrimSpace(d.Slice(source)))
	for j := i - 1; j >= 0; j-- {
		o := &d.Statements[j]
		if o.Parent >= 0 || o.Speaker < 0 {
			continue
		}
		if o.Source.IsZero() || d.SentenceAt(o.Source.Start) < s-1 {
			return -1
		}
		x := &d.Entities[o.Speaker]
		switch {
		case w == "they" && x.Type != doc.Person,
			w == "he" && x.Type == doc.Person && x.Gender != doc.Female,
			w == "she" && x.Type == doc.Person && x.Gender != doc.Male:
			return o.Speaker
		}
		return -1
	}
	return -1
}

// partitives are the words that take one or some of a group.
var partitives = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "some": true, "several": true, "many": true,
	"most": true, "each": true, "both": true, "all": true, "either": true, "neither": true, "none": true,
}

// partOfThem reports whether source is one or some "of them" or "of
// those" ("One of them", "Two of those").
func partOfThem(d *doc.Document, source doc.Span) bool {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b < len(d.Tokens) && d.Slice(d.Tokens[b].Span()) == "," {
		b--
	}
	if b-a != 2 || b >= len(d.Tokens) {
		return false
	}
	word := func(k int) string { return d.Slice(d.Tokens[k].Span()) }
	return (partitives[word(a)] || partitives[strings.ToLower(word(a))]) && word(a+1) == "of" && (word(b) == "them" || word(b) == "those")
}

// lastGroupSpeaker returns the speaker of the nearest statement before
// statement i, within the three sentences before it, when that speaker is
// a group ("European leaders"); -1 otherwise.
func lastGroupSpeaker(d *doc.Document, i int) int {
	s := d.SentenceAt(d.Statements[i].Source.Start)
	for j := i - 1; j >= 0; j-- {
		o := &d.Statements[j]
		if o.Source.IsZero() || o.Speaker < 0 {
			continue
		}
		if d.SentenceAt(o.Source.Start) < s-3 {
			return -1
		}
		if d.Entities[o.Speaker].Type == doc.Group {
			return o.Speaker
		}
		return -1
	}
	return -1
}

// lastOrgSpeaker returns the speaker of the last statement with a
// source before statement i when that speaker is an organisation and the
// source is in i's sentence or the one before; else -1.
func lastOrgSpeaker(d *doc.Document, i int) int {
	s := d.SentenceAt(d.Statements[i].Source.Start)
	for j := i - 1; j >= 0; j-- {
		o := &d.Statements[j]
		if o.Source.IsZero() || o.Parent >= 0 {
			continue
		}
		if o.Speaker >= 0 && d.SentenceAt(o.Source.Start) >= s-1 && d.Entities[o.Speaker].Type == doc.Organization {
			return o.Speaker
		}
		return -1
	}
	return -1
}

// formerLatter returns the one "the former" or "the latter" as a source
// names ("Before Ana Ruiz and Tom Reyes met, the former had warned …"):
// of the last two people or organisations named before it, in its
// sentence or the one before, the first or the second, outside quotation
// marks; -1 when the source is anything else or two are not named.
func formerLatter(d *doc.Document, source doc.Span) (int, float64) {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)+1
	for b > a && d.Tokens[b-1].Kind == doc.Punct {
		b--
	}
	if b-a != 2 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") {
		return -1, 0
	}
	latter := false
	switch strings.ToLower(d.Slice(d.Tokens[a+1].Span())) {
	case "former":
	case "latter":
		latter = true
	default:
		return -1, 0
	}
	s := d.SentenceAt(source.Start)
	last, before := -1, -1 // the entity named last, and the one before it
	for i := len(d.Mentions) - 1; i >= 0 && before < 0; i-- {
		m := &d.Mentions[i]
		if m.Start >= source.Start {
			continue
		}
		if d.SentenceAt(m.Start) < s-1 {
			break
		}
		if m.Kind != doc.NameMention || m.Entity < 0 || d.Tokens[d.TokenAt(m.Start)].Has(doc.InQuote) {
			continue
		}
		if t := d.Entities[m.Entity].Type; t != doc.Person && t != doc.Organization {
			continue
		}
		switch {
		case last < 0:
			last = m.Entity
		case m.Entity != last:
			before = m.Entity
		}
	}
	if before < 0 {
		return -1, 0
	}
	if latter {
		return last, 0.7
	}
	return before, 0.7
}

// definiteDescription reports whether source is "the" and up to four
// more words ending in a singular noun for a person (PersonNoun), with no
// preposition ("the quarterback", "the Eastfield centre-half", "the
// Frenchman"); a name (a run of proper nouns) counts as one word, and
// two names joined by a conjunction as two ("the former Eastfield Rovers
// and Westbury United striker"): an epithet for someone the text has
// named, not a document, a publication or an organisation.
func definiteDescription(d *doc.Document, source doc.Span) bool {
	a, b := d.TokenAt(source.Start), d.TokenAt(source.End-1)
	if b >= len(d.Tokens) || b-a < 1 || !strings.EqualFold(d.Slice(d.Tokens[a].Span()), "the") || hasPreposition(d, source) {
		return false
	}
	words := 0
	for k := a + 1; k <= b; k++ {
		for k < b && d.Tokens[k].POS.IsProperNoun() && d.Tokens[k+1].POS.IsProperNoun() {
			k++ // a run of proper nouns, a name
		}
		if d.Tokens[k].POS != doc.TagCC {
			words++
		}
	}
	if words > 4 {
		return false
	}
	if p := d.Tokens[b].POS; p != doc.TagNN && p != doc.TagNNP {
		return false
	}
	w := strings.ToLower(d.Slice(d.Tokens[b].Span()))
	if lexicon.DocumentNoun(w) || mediaNouns[w] {
		return false
	}
	lex, err := lexicon.Default()
	if err == nil && lex.PersonNoun(w) && !lex.OrgNoun(w) && !lex.CueNoun(w) {
		return true
	}
	// A role written as an acronym, which the word lists do not hold: "the
	// Liberal MP".
	if !isAcronym(d.Slice(d.Tokens[b].Span())) {
		return false
	}
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.Kind == doc.TitleMention && m.Head.Start == d.Tokens[b].Start {
			return true
		}
	}
	return false
}

// personNamedBefore reports whether a person is named by name, outside
// quotation marks, before offset at in its sentence: the one a
// description after it more likely stands for ("manager Ana Ruiz's top
// target, and the Eastfield boss said").
func personNamedBefore(d *doc.Document, at int) bool {
	s := d.SentenceAt(at)
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Start >= at {
			break
		}
		k := d.TokenAt(m.Start)
		if d.SentenceAt(m.Start) == s && m.Kind == doc.NameMention && m.Entity >= 0 && d.Entities[m.Entity].Type == doc.Person && !d.Tokens[k].Has(doc.InQuote) {
			return true
		}
	}
	return false
}

// describedBefore reports whether the noun that ends statement i's
// source, a definite description ("the patient"), followed "the" earlier
// in the article, outside quotation marks, other than in the source of a
// statement of person t: the description is then of whoever it described
// there ("The patient went to his doctor … . … the patient wrote"), not
// of the subject of the sentence before.
func describedBefore(d *doc.Document, i, t int) bool {
	src := beforeComma(d, ownerOf(d, d.Statements[i].Source))
	if src.IsZero() {
		return false
	}
	h := d.TokenAt(src.End - 1)
	if h >= len(d.Tokens) {
		return false
	}
	head := strings.ToLower(d.Slice(d.Tokens[h].Span()))
	for k := 0; k < len(d.Tokens) && d.Tokens[k].End <= src.Start; k++ {
		if d.Tokens[k].Has(doc.InQuote) || !strings.EqualFold(d.Slice(d.Tokens[k].Span()), head) {
			continue
		}
		the := false
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if strings.EqualFold(d.Slice(d.Tokens[j].Span()), "the") {
				the = true
				break
			}
		}
		if !the || sourceOf(d, d.Tokens[k].Start, t) {
			continue
		}
		return true
	}
	return false
}

// sourceOf reports whether offset at lies in the source of a statement
// whose speaker is t.
func sourceOf(d *doc.Document, at, t int) bool {
	for j := range d.Statements {
		if o := &d.Statements[j]; o.Speaker == t && o.Source.Start <= at && at < o.Source.End {
			return true
		}
	}
	return false
}

// prevSentenceSubject returns the person the sentence before offset at's
// sentence is about, skipping sentences inside quotation marks: the first
// person named there by name, outside quotation marks, in a subject's place,
// right before a finite verb or before the comma of an apposition
// ("Hale approached the rostrum", "Moore, who directed …, has"); -1 when
// there is none.
func prevSentenceSubject(d *doc.Document, at int) int {
	s := d.SentenceAt(at) - 1
	for s >= 0 && d.Tokens[d.Sentences[s].FirstTok].Has(doc.InQuote) {
		s--
	}
	if s < 0 {
		return -1
	}
	sent := d.Sentences[s]
	for i := range d.Mentions {
		m := &d.Mentions[i]
		k := d.TokenAt(m.Start)
		if k < sent.FirstTok || k >= sent.EndTok || m.Entity < 0 || d.Tokens[k].Has(doc.InQuote) {
			continue
		}
		x := &d.Entities[m.Entity]
		if m.Kind != doc.NameMention || x.Type != doc.Person || x.ID == "" {
			continue
		}
		e := d.TokenAt(m.End)
		if e >= sent.EndTok || objectOfPreposition(d, k, sent.FirstTok) {
			continue
		}
		if d.Tokens[e].POS.IsFinite() {
			return m.Entity
		}
		if d.Slice(d.Tokens[e].Span()) == "," && m.Start == d.Tokens[sent.FirstTok].Start {
			return m.Entity
		}
		if d.Slice(d.Tokens[e].Span()) == "," && k > sent.FirstTok+1 && d.Slice(d.Tokens[k-1].Span()) == "," &&
			e+1 < sent.EndTok && d.Tokens[e+1].POS.IsFinite() && !hasFiniteBefore(d, sent.FirstTok, k) {
			// "Ruiz's lawyer, Tom Reyes, had …": the name in apposition
			// to the subject that opens the sentence.
			return m.Entity
		}
	}
	return -1
}

// hasFiniteBefore reports whether a finite verb stands among tokens
// [a, b).
func hasFiniteBefore(d *doc.Document, a, b int) bool {
	for k := a; k < b; k++ {
		if d.Tokens[k].POS.IsFinite() {
			return true
		}
	}
	return false
}

// objectOfPreposition reports whether the name at token k, after any
// lower-case words for a role, follows a preposition in its sentence,
// which begins at token first ("by incumbent Tom Reyes"): no subject.
func objectOfPreposition(d *doc.Document, k, first int) bool {
	j := k - 1
	for j >= first && (d.Tokens[j].POS == doc.TagNN || d.Tokens[j].POS.IsAdjective()) && !d.Tokens[j].Has(doc.Upper) {
		j--
	}
	return j >= first && (d.Tokens[j].POS == doc.TagIN || d.Tokens[j].POS == doc.TagTO)
}

// lastNamedAny returns the person named by name last before offset at,
// outside quotation marks, or -1. A name before a common noun only
// modifies it ("the Eastfield manager") and is passed over.
func lastNamedAny(d *doc.Document, at int) int {
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		m := &d.Mentions[i]
		if m.Start >= at || m.Kind != doc.NameMention || m.Entity < 0 || d.Entities[m.Entity].Type != doc.Person {
			continue
		}
		if k := d.TokenAt(m.End); k < len(d.Tokens) && (d.Tokens[k].POS == doc.TagNN || d.Tokens[k].POS == doc.TagNNS) {
			continue
		}
		if k := d.TokenAt(m.Start); k < len(d.Tokens) && d.Tokens[k].Has(doc.InQuote) {
			continue
		}
		return m.Entity
	}
	return -1
}

// namedAfterQuote gives a direct quotation that has no source of its own
// to the person named right after it, past a comma, when the sentence
// ends in a verb of saying ("“…,” Ana Ruiz, the minister for the coast,
// of which Eastfield is the capital, said."): the attribution the
// apposition hid, at confidence 0.6.
func namedAfterQuote(d *doc.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		if st.Speaker >= 0 || !st.Source.IsZero() || st.Kind != doc.Direct || len(st.Content) == 0 {
			continue
		}
		k := d.TokenAt(st.Content[len(st.Content)-1].End)
		if k < len(d.Tokens) && d.Slice(d.Tokens[k].Span()) == "," {
			k++
		}
		if k >= len(d.Tokens) || !saidAtEnd(d, d.Tokens[k].Sent) {
			continue
		}
		for j := range d.Mentions {
			m := &d.Mentions[j]
			if m.Start == d.Tokens[k].Start && m.Kind == doc.NameMention && m.Entity >= 0 && d.Entities[m.Entity].Type == doc.Person {
				st.Speaker = m.Entity
				st.Confidence = min(st.Confidence, 0.6)
				break
			}
		}
	}
}

// saidAtEnd reports whether sentence s ends in a verb of saying before
// its final stop ("…, said."): "said", "says", "added", "told reporters".
func saidAtEnd(d *doc.Document, s int32) bool {
	sent := d.Sentences[s]
	k := sent.EndTok - 1
	if k > sent.FirstTok && d.Tokens[k].Kind != doc.Word {
		k--
	}
	if k > sent.FirstTok && d.Tokens[k].POS.IsNoun() && d.Tokens[k-1].POS.IsVerb() {
		k-- // "told reporters"
	}
	if k <= sent.FirstTok || !d.Tokens[k].POS.IsVerb() {
		return false
	}
	lex, err := lexicon.Default()
	return err == nil && lex.CueVerb(lex.Lemma(strings.ToLower(d.Slice(d.Tokens[k].Span()))))&lexicon.Speech != 0
}
