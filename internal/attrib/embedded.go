package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/timex"
)

// embeddedCue are the cue classes whose verbs attribute the words a
// quotation embeds in their clause ("described the talks as “profound”",
// "claims “great progress”"). Verbs of wanting, seeing or seeming take
// quoted titles and names as often as quoted words.
const embeddedCue = lexicon.Speech | lexicon.Belief | lexicon.Describe

// embeddedScore is the margin given to the statements embeddedQuotes
// makes: below the models' and the textbook rules' (confidence 0.6).
const embeddedScore = 1.6

// embeddedQuotes attributes the quotations the kept candidates leave
// out that are embedded in a clause with a cue verb and its subject
// before them ("Reyes again described the plan as a “fantasy”"): each
// such quotation becomes the content, with the words between the verb and
// it and the rest of its clause, of a statement whose cue is the verb and
// whose source is the verb's subject. A quotation with no such verb and
// subject in its clause (a title, a name, a scare quote) is left alone.
func embeddedQuotes(c *context, kept []candidate) []candidate {
	d := c.d
	for _, q := range d.Quotes {
		if q.Depth != 0 || q.Prev >= 0 || q.Next >= 0 || q.Close.IsZero() {
			continue
		}
		qa, qb := d.TokenAt(q.Open.Start), d.TokenAt(q.Close.Start)+1
		if qa <= 0 || qa >= qb || qb > len(c.toks) || d.Tokens[qa].Sent != d.Tokens[qb-1].Sent && paraOf(d, qa) != paraOf(d, qb-1) {
			continue
		}
		if heldBy(kept, span{a: qa, b: qb}) || titleCase(c, qa+1, qb-1) {
			continue
		}
		k, ok := embeddedCandidate(c, qa, qb)
		if !ok {
			continue
		}
		if !fitsTop(k, kept) {
			// The rest of the clause may belong to another statement:
			// end the content with the quotation.
			k.content.b = qb
			if !fitsTop(k, kept) {
				continue
			}
		}
		kept = append(kept, k)
	}
	return kept
}

// complementizers are the words tagged as prepositions that open a
// reported clause.
var complementizers = map[string]bool{"that": true, "whether": true, "if": true}

// frontedContent moves the content of each kept statement that is a
// relative clause on a noun inside the cue's prepositional phrase ("Merz
// said in an interview with ARD that was broadcast late Saturday"), a
// prepositional phrase right after the cue with no finite verb ("said in
// passing sentence"), or only says when after the cue ("told the Times on
// Thursday", timePhrase), to the clause the sentence opens with, when a comma
// sets that clause off right before the source ("During the meeting, Trump moved “within the line”,
// Merz said …") and no other statement holds it: what was said comes
// first, and the relative clause only describes the interview.
func frontedContent(c *context, kept []candidate) []candidate {
	d := c.d
	for i := range kept {
		k := &kept[i]
		a := k.content.a
		if k.content.none() || k.source.none() || a < 2 {
			continue
		}
		prep := false // a preposition between the cue and the noun
		switch {
		case a == k.cue.b && d.Tokens[a].POS == doc.TagIN && !finiteIn(c, a, k.content.b) && !complementizers[c.toks[a].lower]:
			// "…, Justice Sosna said in passing sentence": a phrase of
			// the saying, no clause of its own (not "that" and a clause
			// the decoder cut short before its quotation: "warned that
			// the bank “cannot afford …”").
			prep = true
		case a >= k.cue.b && timePhrase(c, a, k.content.b) && !finiteIn(c, k.cue.b, a):
			// "…, a spokesman announced Monday morning", "…, Ruiz told
			// the Times on Thursday": when it was said, not what.
			prep = true
		case a > k.cue.b && (c.toks[a].lower == "that" || c.toks[a].lower == "which"):
			if !d.Tokens[a-1].POS.IsNoun() || a-1 < k.cue.b {
				continue
			}
			// A relative clause lacks its subject ("that was broadcast");
			// a that-clause after the verb's phrase has one ("said at an
			// event that a bomb had gone off").
			if a+1 >= len(c.toks) || !d.Tokens[a+1].POS.IsVerb() && d.Tokens[a+1].POS != doc.TagMD {
				continue
			}
			for j := k.cue.b; j < a-1; j++ {
				if d.Tokens[j].POS == doc.TagIN || d.Tokens[j].POS == doc.TagTO {
					prep = true
				}
			}
		default:
			continue
		}
		sa, _ := c.sentRange(k.cue.a)
		if !prep || k.source.b > k.cue.a || k.source.a-1 <= sa+3 || c.toks[k.source.a-1].word != "," {
			continue
		}
		front := span{a: sa, b: k.source.a - 1, side: sideLeft}
		clash := false
		for j, o := range kept {
			if j != i && (overlaps(front, o.content) || overlaps(front, o.source) || overlaps(front, span{a: o.cue.a, b: o.cue.b})) {
				clash = true
			}
		}
		if !clash {
			k.content = front
		}
	}
	return kept
}

// trailingSource reads a sentence that ends in a comma, a noun phrase
// with no finite verb and a verb of saying ("Rents will rise again next
// year, a survey of landlords suggests."; also after auxiliaries: "has
// found") as what the noun phrase said: its source is the noun phrase and
// its content the clause before the comma, with no quotation mark in the
// sentence. A kept statement of that verb takes them (the models read "of
// landlords" or "by the housing charity" as content); with none, the
// statement is added when the clause has a finite verb, unless another
// statement holds its words.
func trailingSource(c *context, kept []candidate) []candidate {
	d := c.d
	for si := range d.Sentences {
		sa, sb := d.Sentences[si].FirstTok, d.Sentences[si].EndTok
		end := sb
		for end > sa && trimmable(c, end-1) {
			end--
		}
		v := end - 1
		if v-sa < 6 || !isSpeechVerb(c, v) || d.Tokens[v].Has(doc.InQuote) {
			continue
		}
		switch d.Tokens[v].POS {
		case doc.TagVBZ, doc.TagVBD, doc.TagVBP, doc.TagVBN:
		default:
			continue
		}
		ca := v
		for ca > sa && (d.Tokens[ca-1].POS == doc.TagMD || auxLemma(c.toks[ca-1].lemma) && d.Tokens[ca-1].POS.IsVerb()) {
			ca--
		}
		if d.Tokens[v].POS == doc.TagVBN && ca == v {
			continue // a participle with no auxiliary: "…, the plan approved"
		}
		m := -1 // the comma before the noun phrase
		for j := ca - 1; j > sa+2 && j >= ca-12; j-- {
			if c.toks[j].word == "," {
				m = j
				break
			}
		}
		if m < 0 || !sourcePhrase(c, m+1, ca) {
			continue
		}
		quoted := false
		for j := sa; j < end && !quoted; j++ {
			quoted = c.toks[j].quote != 0
		}
		if quoted {
			continue
		}
		// The content keeps its comma, as PolNeAR marks it.
		src := span{a: m + 1, b: ca, side: sideLeft}
		content := span{a: sa, b: m + 1, side: sideLeft}
		found := false
		for i := range kept {
			k := &kept[i]
			if k.cue.a > v || k.cue.b <= v {
				continue
			}
			found = true
			if k.content.a >= sa && k.content.b <= ca && (k.content.b > m+1 || k.content.none()) {
				k.source, k.content = src, content
			}
		}
		if !found && finiteIn(c, sa, m) {
			kept = addFree(kept, cueSpan{a: ca, b: v + 1}, src, content, span{a: sa, b: end})
		}
	}
	return kept
}

// sourcePhrase reports whether tokens [a, b) are one noun phrase that
// can name a source, with no clause in it: determiners, possessives,
// numbers, adjectives and nouns, joined by "and" or by a preposition of
// origin ("a survey of landlords", "a report by the housing charity
// Shelterline"). A determiner stands only first or after such a word,
// so "an arrangement the campaign" (a relative clause without "that")
// is none.
func sourcePhrase(c *context, a, b int) bool {
	if b <= a {
		return false
	}
	for j := a; j < b; j++ {
		p := c.d.Tokens[j].POS
		switch {
		case p == doc.TagDT || p == doc.TagPRPS:
			if j > a {
				q := c.d.Tokens[j-1].POS
				if q != doc.TagIN && q != doc.TagCC && q != doc.TagPOS {
					return false
				}
			}
		case p == doc.TagIN:
			if !originPreps[c.toks[j].lower] || j == a || j == b-1 {
				return false
			}
		case p == doc.TagCC:
			if c.toks[j].lower != "and" || j == a || j == b-1 {
				return false
			}
		case p == doc.TagCD || p == doc.TagPOS || p.IsAdjective() || p.IsNoun():
		default:
			return false
		}
	}
	return c.d.Tokens[b-1].POS.IsNoun()
}

// originPreps are the prepositions inside a source's noun phrase.
var originPreps = map[string]bool{"of": true, "by": true, "from": true, "for": true, "at": true, "with": true, "among": true}

// timePhrase reports whether tokens [a, b) only say when: words for days,
// months, years, parts of the day and their neighbours ("on Thursday",
// "Monday morning", "late last week", "on Sept. 12", "in 2015"), with at
// least one word that names a time.
func timePhrase(c *context, a, b int) bool {
	named := false
	for j := a; j < b; j++ {
		w := c.toks[j].lower
		switch {
		case isWeekday(w) || timex.IsMonth(w) && c.d.Tokens[j].POS == doc.TagNNP || timeNouns[w] || isYear(w):
			named = true
		case timeWords[w] || c.d.Tokens[j].POS == doc.TagCD:
		default:
			return false
		}
	}
	return named
}

// clockPhrase reports whether tokens [a, b) only give a time of the
// clock ("5.20am", "at about 11pm", "shortly before 9 p.m."), perhaps
// with the day after it ("2.40 a.m. on Saturday").
func clockPhrase(c *context, a, b int) bool {
	clock := false
	for j := a; j < b; j++ {
		switch w := c.toks[j].lower; {
		case clockTime(w):
			clock = true
		case w == "am" || w == "pm" || w == "a.m." || w == "p.m.":
			clock = j > a && c.d.Tokens[j-1].POS == doc.TagCD
		case clockWords[w] || c.d.Tokens[j].POS == doc.TagCD:
		case clock && isWeekday(w): // "2.40 a.m. on Saturday"
		default:
			return false
		}
	}
	return clock
}

// clockWords go with a time of the clock.
var clockWords = map[string]bool{
	"at": true, "about": true, "around": true, "shortly": true, "just": true, "after": true,
	"before": true, "by": true, "until": true, "on": true, ",": true, ".": true,
}

// timeContents drops the statements whose content, after frontedContent
// found no clause for them, is only a time of the clock ("Kessler
// conceded at about 5.20am"): a time is never what was said. (A day's
// name alone stays: PolNeAR marks the cue and source of "tweeted
// Friday", and the decoder's content is wrong more often than they.)
func timeContents(c *context, kept []candidate) []candidate {
	drop := make([]bool, len(kept))
	for i, k := range kept {
		drop[i] = !k.content.none() && k.content.a >= k.cue.b && c.toks[k.content.a].quote == 0 &&
			clockPhrase(c, k.content.a, k.content.b)
	}
	return dropCandidates(kept, drop) // the parents renumbered
}

// timeNouns name a time; timeWords go with them.
var (
	timeNouns = map[string]bool{
		"today": true, "yesterday": true, "tonight": true, "morning": true, "afternoon": true,
		"evening": true, "night": true, "week": true, "weekend": true, "month": true, "year": true,
	}
	timeWords = map[string]bool{
		"on": true, "at": true, "in": true, "this": true, "last": true, "next": true, "early": true,
		"late": true, "earlier": true, "later": true, "the": true, ",": true, ".": true,
	}
)

// isYear reports whether w is a year of the last or this century
// ("2015").
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// finiteIn reports whether a finite verb or a modal stands among tokens
// [a, b).
func finiteIn(c *context, a, b int) bool {
	for j := a; j < b; j++ {
		if c.d.Tokens[j].POS.IsFinite() {
			return true
		}
	}
	return false
}

// coordinatedThat extends the content of each kept statement that ends
// right before "and that" (or "but that", or ", and that") in its sentence to take in the
// coordinated clause, up to the end of the sentence or the next
// statement's cue, source or content ("said the meeting was 'long
// overdue' and that he 'hoped …'"): both clauses are what was said.
func coordinatedThat(c *context, kept []candidate) []candidate {
	for i := range kept {
		k := &kept[i]
		e := k.content.b
		for e < len(c.toks) && c.toks[e].quote&qClose != 0 {
			e++ // the closing mark of a quotation the content ends with
		}
		if e+1 < len(c.toks) && c.toks[e].word == "," && c.toks[e+1].lower == "and" {
			e++ // ", and that …"
		}
		if k.content.none() || k.content.a < k.cue.a || e+2 >= len(c.toks) || c.d.Tokens[e].POS != doc.TagCC || c.toks[e+1].lower != "that" {
			continue
		}
		_, sb := c.sentRange(e)
		if c.d.Tokens[e+1].Sent != c.d.Tokens[e].Sent || c.d.Tokens[e+2].POS.IsVerb() || c.d.Tokens[e+2].POS == doc.TagMD {
			continue // "and that’s real": "that" the pronoun
		}
		end := sb // the sentence's last word too, which may hold its period: "2.40 a.m."
		for end > e+2 && trimmable(c, end-1) {
			end--
		}
		grown := span{a: k.content.a, b: end, side: k.content.side}
		clash := false
		var inner []int // statements the grown content takes in whole
		for j, o := range kept {
			cue := span{a: o.cue.a, b: o.cue.b}
			if j == i || !overlaps(grown, o.content) && !overlaps(grown, o.source) && !overlaps(grown, cue) {
				continue
			}
			if inside(o.content, k.content) && inside(cue, k.content) {
				continue // within the content already, whatever its source
			}
			if !inside(o.content, grown) || !inside(cue, grown) || !o.source.none() && !inside(o.source, grown) {
				clash = true
				break
			}
			if o.parent < 0 && !inside(o.content, k.content) {
				inner = append(inner, j)
			}
		}
		if !clash {
			k.content.b = end
			for _, j := range inner {
				kept[j].parent = i // "… and that he 'hoped …'": said within the content
			}
		}
	}
	return kept
}

// coordinatedVerb extends the content of each kept statement, a clause
// after its cue, that ends right before "and" or "but" (perhaps after a
// comma) and a finite verb with no subject of its own, to take in the
// coordinated verb's phrase up to the end of the sentence, where no
// other statement holds a word of it ("said she recruited Reyes for the
// post, but hasn't decided what she will do next"): PolNeAR marks what
// the verbs share as one content.
func coordinatedVerb(c *context, kept []candidate) []candidate {
	d := c.d
	for i := range kept {
		k := &kept[i]
		t := k.content
		if t.none() || t.a < k.cue.b || c.toks[t.b-1].quote != 0 || !finiteIn(c, t.a, t.b) {
			continue
		}
		e := t.b
		if e < len(c.toks) && c.toks[e].word == "," {
			e++
		}
		if e+1 >= len(c.toks) || c.toks[e].lower != "and" && c.toks[e].lower != "but" {
			continue
		}
		v := e + 1
		for v < len(c.toks) && isAdverb(d.Tokens[v].POS) {
			v++
		}
		if v >= len(c.toks) || d.Tokens[v].Sent != d.Tokens[t.b-1].Sent || tenseOf(c, v) == 0 {
			continue
		}
		if v+1 < len(c.toks) && d.Tokens[v].POS == doc.TagMD && (d.Tokens[v+1].POS == doc.TagPRP || c.toks[v+1].mStart != mNone) {
			continue // "but should he win, …": a clause of its own
		}
		_, sb := c.sentRange(v)
		end := sb
		for end > v+1 && trimmable(c, end-1) {
			end--
		}
		if c.bal[t.a] != c.bal[end] {
			continue
		}
		grown := span{a: t.b, b: end}
		clash := false
		for j, o := range kept {
			if j != i && (overlaps(grown, o.content) || overlaps(grown, o.source) || overlaps(grown, span{a: o.cue.a, b: o.cue.b})) {
				clash = true
				break
			}
		}
		if !clash {
			k.content.b = end
		}
	}
	return kept
}

// inside reports whether span a lies within span b.
func inside(a, b span) bool { return a.a >= b.a && a.b <= b.b }

// thatClauses adds the textbook indirect statements the models left out:
// a verb of saying with its subject, followed by a that-clause ("Trump
// had stated that he wanted …"), none of whose words another statement
// holds. The content runs from "that" to the end of the sentence.
func thatClauses(c *context, kept []candidate) []candidate {
	d := c.d
	for v := 1; v+2 < len(c.toks); v++ {
		if !isSpeechVerb(c, v) || c.toks[v+1].lower != "that" || d.Tokens[v+1].POS != doc.TagIN || d.Tokens[v].Sent != d.Tokens[v+1].Sent {
			continue
		}
		switch d.Tokens[v].POS {
		case doc.TagVBD, doc.TagVBZ, doc.TagVBP, doc.TagVBN:
		default:
			continue
		}
		sa, sb := c.sentRange(v)
		src := verbSubject(c, sa, v)
		if src.none() || c.toks[src.a].quote&qOpen != 0 || d.Tokens[v].Has(doc.InQuote) {
			continue
		}
		end := sb
		for end > v+2 && trimmable(c, end-1) {
			end--
		}
		ca := v // the cue takes in its auxiliaries: "had stated"
		for ca > src.b && (d.Tokens[ca-1].POS == doc.TagMD || auxLemma(c.toks[ca-1].lemma) && d.Tokens[ca-1].POS.IsVerb()) {
			ca--
		}
		kept = addFree(kept, cueSpan{a: ca, b: v + 1}, src, span{a: v + 1, b: end, side: sideRight}, span{a: v, b: end})
	}
	return kept
}

// addFree appends to kept the rule-made statement of cue, source and
// content, unless a kept statement's content overlaps words (the cue
// to the content's end) or the statement cannot stand at the top level
// beside kept (fitsTop).
func addFree(kept []candidate, cue cueSpan, src, content, words span) []candidate {
	k := candidate{cue: cue, content: content, source: src, score: embeddedScore, parent: -1, embedded: true}
	if heldBy(kept, words) || !fitsTop(k, kept) {
		return kept
	}
	return append(kept, k)
}

// pollOpenings adds the statements of sentences that open "In" and a
// poll or survey set off by a comma ("In a Harbour Herald poll released
// Monday, 41 percent backed the levy"): the cue is "In", the source the
// poll, up to the comma, and the content the clause after it, which must
// have a finite verb. Words before the poll's noun are those of a title
// (no verb: "In a memo released as polls closed" names no poll), and
// none of the words another statement holds.
func pollOpenings(c *context, kept []candidate) []candidate {
	d := c.d
	for si := range d.Sentences {
		sa, sb := d.Sentences[si].FirstTok, d.Sentences[si].EndTok
		if sb-sa < 6 || c.toks[sa].lower != "in" || d.Tokens[sa].Has(doc.InQuote) {
			continue
		}
		head := -1
		for i := sa + 1; i < sb && i < sa+9; i++ {
			if pollNoun(c.toks[i].lower) {
				head = i
				break
			}
			p := d.Tokens[i].POS
			if c.toks[i].punct() || c.toks[i].quote != 0 || p == doc.TagVBN || p == doc.TagVBD || p == doc.TagCC || !titleTag(p) && !p.IsAdjective() && p != doc.TagPRPS && p != doc.TagCD {
				break
			}
		}
		if head < 0 {
			continue
		}
		comma := -1
		for i := head + 1; i < sb && i < head+10; i++ {
			if c.toks[i].lower == "," {
				comma = i
				break
			}
			p := d.Tokens[i].POS
			if c.toks[i].punct() || c.toks[i].quote != 0 || p.IsFinite() || p == doc.TagWDT || p == doc.TagWP {
				break
			}
		}
		if comma < 0 {
			continue
		}
		end := sb
		for end > comma+1 && trimmable(c, end-1) {
			end--
		}
		finite := false
		for i := comma + 1; i < end; i++ {
			finite = finite || d.Tokens[i].POS.IsFinite()
		}
		if !finite {
			continue
		}
		kept = addFree(kept, cueSpan{a: sa, b: sa + 1}, span{a: sa + 1, b: comma, side: sideRight}, span{a: comma + 1, b: end, side: sideRight}, span{a: sa, b: end})
	}
	return kept
}

// referringTo adds the statement of "referring to" or "alluding to"
// after the comma that closes a statement's cue or source ("“…,” she
// said, referring to the harbour board"): the same source, and for
// content the words after "to" up to the end of the sentence.
func referringTo(c *context, kept []candidate) []candidate {
	d := c.d
	n := len(kept)
	for v := 2; v+2 < len(c.toks); v++ {
		if w := c.toks[v].lower; w != "referring" && w != "alluding" || c.toks[v+1].lower != "to" || c.toks[v-1].lower != "," || d.Tokens[v].Has(doc.InQuote) {
			continue
		}
		_, sb := c.sentRange(v)
		end := sb
		for end > v+2 && trimmable(c, end-1) {
			end--
		}
		if end <= v+2 {
			continue
		}
		for i := range n {
			k := &kept[i]
			if k.source.none() || k.cue.b != v-1 && k.source.b != v-1 {
				continue
			}
			kept = addFree(kept, cueSpan{a: v, b: v + 2}, k.source, span{a: v + 2, b: end, side: sideRight}, span{a: v, b: end})
			break
		}
	}
	return kept
}

// pollNoun reports whether w is a noun for an opinion poll.
func pollNoun(w string) bool {
	switch w {
	case "poll", "polls", "survey", "surveys":
		return true
	}
	return false
}

// heldBy reports whether the content of a candidate in kept overlaps s.
func heldBy(kept []candidate, s span) bool {
	for _, k := range kept {
		if overlaps(k.content, s) {
			return true
		}
	}
	return false
}

func paraOf(d *doc.Document, i int) int { return d.Sentences[d.Tokens[i].Sent].Para }

// fitsTop reports whether k can stand at the top level beside kept: its
// cue, content and source overlap no other statement's cue or content,
// and its source no other content (a source shared by coordinated verbs
// is fine).
func fitsTop(k candidate, kept []candidate) bool {
	cue := span{a: k.cue.a, b: k.cue.b}
	for _, o := range kept {
		oc := span{a: o.cue.a, b: o.cue.b}
		if overlaps(k.content, o.content) || overlaps(k.content, o.source) || overlaps(k.content, oc) ||
			overlaps(cue, o.content) || overlaps(cue, o.source) || overlaps(cue, oc) ||
			overlaps(k.source, o.content) || overlaps(k.source, oc) {
			return false
		}
	}
	return true
}

// embeddedCandidate finds the cue verb and its subject before the
// quotation [qa, qb) in its clause and returns the statement they make.
func embeddedCandidate(c *context, qa, qb int) (candidate, bool) {
	sa, sb := c.sentRange(qa)
	v := embeddedVerb(c, sa, qa)
	if v < 0 {
		return candidate{}, false
	}
	src := verbSubject(c, sa, v)
	if src.none() {
		return candidate{}, false
	}
	// The content runs on from the quotation to the end of its clause.
	_, pb := c.paraRange(qa)
	end := qb
	for end < pb && end < max(sb, qb) && !clauseBreak(c, end) && !clauseOpener(c, end) && c.toks[end].quote&(qOpen|qClose) == 0 {
		end++
	}
	for end > qb && trimmable(c, end-1) {
		end--
	}
	// A that-clause begins the content ("wrote in a post that …").
	start := v + 1
	for i := start; i < qa; i++ {
		if c.toks[i].lower == "that" && (c.d.Tokens[i].POS == doc.TagIN || c.d.Tokens[i].POS == doc.TagWDT) {
			start = i
			break
		}
	}
	return candidate{
		cue:      cueSpan{a: v, b: v + 1},
		content:  span{a: start, b: end, side: sideRight},
		source:   src,
		score:    embeddedScore,
		parent:   -1,
		embedded: true,
	}, true
}

// embeddedVerb returns the nearest cue verb before token qa in its clause
// (which starts no earlier than sa), or -1 when the nearest is not of the
// embeddedCue classes, or a clause boundary or another quotation comes
// first.
func embeddedVerb(c *context, sa, qa int) int {
	for i := qa - 1; i >= sa; i-- {
		t := &c.toks[i]
		if clauseBreak(c, i) || t.quote&(qOpen|qClose) != 0 || c.d.Tokens[i].POS == doc.TagCC {
			return -1
		}
		p := c.d.Tokens[i].POS
		if t.cue == 0 || !p.IsVerb() || auxLemma(t.lemma) {
			continue
		}
		if t.cue&embeddedCue == 0 {
			return -1
		}
		return i
	}
	return -1
}

// clauseBreak reports a token that begins or ends a clause: punctuation
// that sets clauses apart, and relative and question words ("that" aside,
// which also opens the complement of a verb of saying).
func clauseBreak(c *context, i int) bool {
	switch c.toks[i].word {
	case ",", ";", ":", "--", "(", ")", ".", "!", "?":
		return true
	}
	switch c.d.Tokens[i].POS {
	case doc.TagWDT, doc.TagWP, doc.TagWRB:
		return c.toks[i].lower != "that"
	}
	return false
}

// clauseOpener reports a word that opens a clause after a quotation: a
// coordinating conjunction, "that", or a subordinator ("if", "because").
func clauseOpener(c *context, i int) bool {
	if c.d.Tokens[i].POS == doc.TagCC {
		return true
	}
	switch c.toks[i].lower {
	case "that", "if", "because", "although", "though", "while", "unless", "whereas":
		return true
	}
	return false
}

func auxLemma(l string) bool { return l == "be" || l == "have" || l == "do" }

// verbSubject returns the subject of the verb at token v, whose sentence
// starts at sa: the person, organisation or group mention, or the
// personal pronoun, that ends right before it (after auxiliaries and
// adverbs), or before the first of the verbs it is coordinated with
// ("Reyes paused and later described …"); for a participle after a comma
// (", describing …"), the one that opens the sentence; a modal in capitals
// right before a verb no modal takes is a name ("Will wrote"). None for a
// passive or an infinitive, whose subject is not the speaker.
func verbSubject(c *context, sa, v int) span {
	d := c.d
	switch d.Tokens[v].POS {
	case doc.TagVBG:
		// A participle after a comma (", calling …"), when the cue
		// tagger takes it for a cue: most such participles are not
		// (", including …").
		if v > 0 && c.toks[v-1].word == "," && c.cueMargin != nil && c.cueMargin[v] > 0 {
			return participleSubject(c, candidate{cue: cueSpan{a: v, b: v + 1}})
		}
		return span{}
	case doc.TagVBN, doc.TagVB:
		// Only after an auxiliary that keeps the subject the speaker
		// ("has described", "will call", "did not describe").
		j := v - 1
		for j > sa && isAdverb(d.Tokens[j].POS) {
			j--
		}
		if j < sa {
			return span{}
		}
		l, p := c.toks[j].lemma, d.Tokens[j].POS
		if d.Tokens[v].POS == doc.TagVBN && l != "have" || d.Tokens[v].POS == doc.TagVB && p != doc.TagMD && l != "do" {
			return span{}
		}
	}
	if p := d.Tokens[v].POS; v > sa && (p == doc.TagVBD || p == doc.TagVBZ) && d.Tokens[v-1].POS == doc.TagMD && c.toks[v-1].word != c.toks[v-1].lower {
		// A modal in capitals before a past tense or a third person's
		// verb, which no modal takes, is a name: "Will wrote", "May
		// says".
		return span{a: v - 1, b: v, side: sideLeft}
	}
	for hops := 0; hops < 3; hops++ {
		j := v - 1
		for j >= sa && (isAdverb(d.Tokens[j].POS) || d.Tokens[j].POS == doc.TagMD || auxLemma(c.toks[j].lemma) && d.Tokens[j].POS.IsVerb()) {
			if negation(c.toks[j].lower) {
				return span{} // "did not describe": no statement
			}
			j--
		}
		if j < sa {
			return span{}
		}
		if s := subjectEnding(c, sa, j+1); !s.none() {
			return s
		}
		if c.toks[j].word == "," {
			// An apposition before the verb: "The chair, Ingrid Salo,
			// warned …".
			if s := subjectEnding(c, sa, j); !s.none() && (s.a == sa || c.toks[s.a-1].word == ",") {
				return s
			}
			return span{}
		}
		if d.Tokens[j].POS != doc.TagCC || c.toks[j].lower != "and" && c.toks[j].lower != "but" {
			return span{}
		}
		// A coordinated verb: the verb before the conjunction, in the
		// same clause, has the subject.
		v = -1
		for i := j - 1; i >= sa && !clauseBreak(c, i) && c.toks[i].quote&(qOpen|qClose) == 0; i-- {
			if p := d.Tokens[i].POS; p == doc.TagVBD || p == doc.TagVBZ || p == doc.TagVBP {
				v = i
				break
			}
		}
		if v < 0 {
			return span{}
		}
	}
	return span{}
}

// subjectEnding returns the subject that ends at token e: a person,
// organisation or group mention, or a personal pronoun, not the object of
// a preposition, or a run of proper nouns that ends such a mention or
// opens the sentence; none otherwise.
func subjectEnding(c *context, sa, e int) span {
	if e <= sa {
		return span{}
	}
	for a := e - 1; a >= sa && a >= e-12; a-- {
		if subjectEnd(c, a, e) != e {
			continue
		}
		if c.d.Tokens[a].POS == doc.TagPRP && !subjectPronoun(c.toks[a].lower) {
			return span{}
		}
		if a > sa {
			if p := c.d.Tokens[a-1].POS; (p == doc.TagIN || p == doc.TagTO) && !subordinators[c.toks[a-1].lower] {
				return span{} // "by Reyes", not "while Reyes spoke of …"
			}
		}
		return span{a: a, b: e, side: sideLeft}
	}
	// A name whose mention starts where a shorter one does ("US
	// President Donald Trump" and "US"), or one the entity stage did not
	// take for a name, opening its sentence.
	a := e
	for a > sa && c.d.Tokens[a-1].POS.IsProperNoun() {
		a--
	}
	if k := c.toks[e-1].mEnd; a < e && (a == sa || k != mNone && k != mPlace && k != mPronoun && c.d.Tokens[a-1].POS != doc.TagIN && c.d.Tokens[a-1].POS != doc.TagTO) {
		return span{a: a, b: e, side: sideLeft}
	}
	return span{}
}

// subordinators are the words tagged as prepositions that open a clause
// whose subject follows them ("while Ruiz spoke of …").
var subordinators = map[string]bool{
	"while": true, "whereas": true, "although": true, "though": true, "because": true,
	"if": true, "unless": true, "as": true, "since": true, "once": true, "after": true,
	"before": true, "until": true,
}

func negation(w string) bool { return w == "not" || w == "n't" || w == "never" }

func subjectPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "we", "i", "it", "you":
		return true
	}
	return false
}

// titleCase reports words in title case, every one capitalised but the
// short function words ("Women in Power", "The Art of the Deal"): the
// quoted name of a work, a programme or a law, not someone's words.
func titleCase(c *context, a, b int) bool {
	words := 0
	for i := a; i < b; i++ {
		if c.d.Tokens[i].Kind != doc.Word {
			continue
		}
		switch c.toks[i].lower {
		case "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "with", "at", "by", "from", "against":
			if words > 0 {
				continue
			}
		}
		r, _ := utf8.DecodeRuneInString(c.toks[i].word)
		if !unicode.IsUpper(r) {
			return false
		}
		words++
	}
	return words > 0
}

func isAdverb(p doc.POS) bool { return p == doc.TagRB || p == doc.TagRBR || p == doc.TagRBS }
