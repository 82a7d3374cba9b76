package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// Resolve fills d.Mentions (sorted by start) and d.Entities, replacing
// what they held. d must be segmented and tagged; quotation marks (InQuote
// flags) help when present. Every name, title, role and pronoun mention
// Resolve can resolve points at its entity; the others have Entity -1.
func (r *Resolver) Resolve(d *doc.Document) { r.resolve(d, nil) }

// ResolveNames is Resolve with the given spans taken as person names, as a
// task may supply them (GAP gives the two candidate names); the tagger's
// labels there are overridden.
func (r *Resolver) ResolveNames(d *doc.Document, names []doc.Span) { r.resolve(d, names) }

func (r *Resolver) resolve(d *doc.Document, names []doc.Span) {
	st, _ := r.states.Get().(*state)
	if st == nil {
		st = &state{}
	}
	r.detectInto(st, d, names)
	if r.pron != nil {
		st.sc = r.pron
	}
	st.resolveInOrder()
	st.namedGroupNouns()
	st.complementPlaces()
	st.apposedTitles()
	st.ownedTitles()
	st.output()
	possessedTitles(d)
	st.d, st.info = nil, nil
	st.ner_.words.release()
	r.states.Put(st)
}

// detect finds the mentions of d and clusters its names into entities.
func (r *Resolver) detect(d *doc.Document, names []doc.Span) *state {
	st := &state{}
	r.detectInto(st, d, names)
	return st
}

// detectInto is detect with the work kept in st, whose buffers it reuses.
func (r *Resolver) detectInto(st *state, d *doc.Document, names []doc.Span) {
	st.r, st.d, st.sc = r, d, nil
	st.prepare(names)
	st.nameMentions()
	st.placeMentions()
	st.indexNames()
	st.honorifics()
	st.roleMentions()
	st.orgHeads()
	st.orgNounMentions()
	st.groupSubjects()
	st.epithets()
	st.pronounMentions()
	for i := range st.ments {
		st.ments[i].Entity = -1
	}
	st.cluster()
	st.attachTitles()
	st.total = reuse.Zeroed(st.total, len(st.ents))
	st.firstOf = reuse.Zeroed(st.firstOf, len(st.ents))
	for i := range st.firstOf {
		st.firstOf[i] = -1
	}
	st.firstPers = -1
	for i, m := range st.ments {
		if m.Entity < 0 {
			continue
		}
		st.total[m.Entity]++
		if st.firstOf[m.Entity] < 0 {
			st.firstOf[m.Entity] = i
		}
		if st.firstPers < 0 && m.Kind == doc.NameMention && m.Type == doc.Person {
			st.firstPers = m.Entity
		}
	}
}

// resolveInOrder resolves titles, descriptions and pronouns in text order,
// so that each sees the mentions before it.
func (st *state) resolveInOrder() {
	for i := range st.ments {
		st.step(i)
	}
}

// step resolves mention i, if it needs it, and counts it for its entity.
func (st *state) step(i int) {
	m := &st.ments[i]
	switch {
	case m.epithet:
		st.resolveEpithet(i)
	case m.Kind == doc.TitleMention && m.attach < 0:
		st.resolveTitle(i)
	case m.Kind == doc.NounMention && m.definite && !m.plural && m.Type == doc.Person:
		st.resolveTitle(i) // "the boy", after "Ahmed Mohamed, a 14-year-old boy"
	case m.Kind == doc.NounMention:
		st.resolveNoun(i)
	case m.Kind == doc.PronounMention:
		st.resolvePronoun(i)
	}
	if m.Entity >= 0 {
		x := &st.ents[m.Entity]
		x.count++
		x.lastMent = i
	}
}

// namedGroupNouns gives a group noun mention the named organisation it
// stands for: a group noun that is also an organisation's noun ("the
// police", a body of people and a force) whose description resolved to
// an organisation with a name ("The police said …" after "Marrowfield
// Police"), and a group noun whose capitalised words are an
// organisation's name ("Greyfell Partners said", the tagger's miss, after
// "activist investor Greyfell Partners"): the organisation speaks, not a
// group of its own. It runs after resolution, which it leaves as it was.
func (st *state) namedGroupNouns() {
	type span struct{ a, b int }
	var orgs map[span]int
	var named []int // the organisations' names of two words or more
	for i := range st.ments {
		m := &st.ments[i]
		if m.Entity < 0 || st.ents[m.Entity].Type != doc.Organization || st.ents[m.Entity].name < 0 {
			continue
		}
		switch m.Kind {
		case doc.NounMention:
			if orgs == nil {
				orgs = map[span]int{}
			}
			orgs[span{m.a, m.b}] = m.Entity
		case doc.NameMention:
			if m.hb-m.ha >= 2 {
				named = append(named, i)
			}
		}
	}
	if len(orgs) == 0 && len(named) == 0 {
		return
	}
	// The names in lower case, written out the first time a group noun
	// of capitalised words asks.
	var names map[string]int
	nameOf := func(s string) (int, bool) {
		if names == nil {
			names = make(map[string]int, len(named))
			for _, i := range named {
				m := &st.ments[i]
				names[st.spanLower(m.ha, m.hb)] = m.Entity
			}
		}
		e, ok := names[s]
		return e, ok
	}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NounMention || m.Type != doc.Group || m.Entity >= 0 && st.ents[m.Entity].Type != doc.Group {
			continue
		}
		e, ok := orgs[span{m.a, m.b}]
		if !ok {
			a := m.a
			if st.info[a].lower == "the" {
				a++
			}
			for k := a; k < m.b && a < m.b; k++ {
				if !st.d.Tokens[k].Has(doc.Upper) {
					a = m.b
				}
			}
			if m.b-a >= 2 {
				e, ok = nameOf(st.spanLower(a, m.b))
			}
		}
		if ok {
			// The attribution models saw a group (learnedType).
			if m.learnedType == 0 {
				m.learnedType = doc.Group
			}
			m.Entity = e
		}
	}
}

// spanLower returns the words of tokens [a, b) in lower case, one space
// apart.
func (st *state) spanLower(a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(st.info[k].lower)
	}
	return sb.String()
}

// orgNounMentions adds definite descriptions of organisations: "the
// ministry", "the company", "the party".
func (st *state) orgNounMentions() {
	for k := range st.words {
		if st.gaz[k]&gOrgNoun == 0 || st.byTok[k] >= 0 || st.d.Tokens[k].Has(doc.Upper) || !st.pos[k].IsNoun() {
			continue
		}
		if k+1 < len(st.words) && st.d.Tokens[k+1].Sent == st.d.Tokens[k].Sent && (st.pos[k+1] == doc.TagNN || st.pos[k+1] == doc.TagNNS) {
			continue
		}
		// Up to two modifiers, and a country's name or demonym before
		// them: "the ministry", "the Afghan government", "the US
		// military", "the Russian foreign ministry".
		a, nation, mods := k-1, "", 0
		for a >= 0 && st.d.Tokens[a].Sent == st.d.Tokens[k].Sent {
			if j := st.byTok[a]; j >= 0 && st.ments[j].Kind == doc.NameMention && st.ments[j].country && nation == "" {
				nation = st.ments[j].place
				a = st.ments[j].a - 1
				continue
			}
			if st.gaz[a]&(gDemonymB|gDemonymI) != 0 && nation == "" {
				nation = st.demonymCode(a)
				a--
				continue
			}
			if nation == "" && mods < 2 && (st.pos[a].IsAdjective() || st.pos[a] == doc.TagNN) {
				mods++
				a--
				continue
			}
			break
		}
		if a < 0 || st.d.Tokens[a].Sent != st.d.Tokens[k].Sent || st.info[a].lower != "the" {
			continue
		}
		st.ments = append(st.ments, ment{
			Mention: doc.Mention{Kind: doc.NounMention, Type: doc.Organization},
			a:       a, b: k + 1, ha: k, hb: k + 1, sent: int(st.d.Tokens[k].Sent),
			role: -1, attach: -1, definite: true, title: st.info[k].lower, nation: nation, specific: nation != "",
		})
	}
}

// resolveTitle resolves a definite title mention ("the president", "the
// Russian leader") to the person whose titles it matches best, or leaves
// it unresolved when none matches or two match equally.
func (st *state) resolveTitle(i int) {
	m := &st.ments[i]
	if e := st.titleSurname(i); e >= 0 {
		m.Entity, m.conf = e, 0.8
		return
	}
	if e := st.justIntroduced(i); e >= 0 {
		m.Entity, m.conf = e, 0.7
		return
	}
	type scored struct {
		e     int
		score float64
	}
	var cs []scored
	for e := range st.ents {
		x := &st.ents[e]
		if x.count == 0 || x.Type != doc.Person || x.described {
			continue
		}
		best := -1.0
		for _, t := range x.titles {
			if s := st.titleMatch(m, x, t); s > best {
				best = s
			}
		}
		if len(m.quals) > 0 && slices.ContainsFunc(m.quals, func(w string) bool { return contains(x.affil, w) }) {
			// "the Eastfield manager" after "Eastfield's Tom Reyes".
			best = max(best, 3) + 1
		}
		if best < 0 {
			continue
		}
		// Nearness: the last mention's distance in sentences.
		if x.lastMent >= 0 {
			switch sd := m.sent - st.ments[x.lastMent].sent; {
			case sd <= 1:
				best += 1
			case sd <= 3:
				best += 0.5
			}
			// The holder the paragraph is about: "Meridia's ambassador,
			// Karim Al-Mansouri, … he said. The ambassador said" is he,
			// not an ambassador two paragraphs before.
			if st.d.Sentences[st.ments[x.lastMent].sent].Para == st.d.Sentences[m.sent].Para && st.ments[x.lastMent].b <= m.a {
				best += 2
			}
		}
		cs = append(cs, scored{e, best})
	}
	if len(cs) == 0 {
		// "“...,” Trump said. The president said ...": a leader's title as
		// the next speaker, when the last speaker has no title the text
		// gives, is taken for the last speaker, with low confidence.
		// So too a leader's title qualified by a country alone ("the
		// Russian president"), for a last speaker of no other country.
		nationOnly := m.nation != "" && len(m.mods) == 0
		if st.roleKind(m.role) == lexicon.Leader && (!m.specific || nationOnly) && (st.speechSubject(i) || st.invertedAfterQuote(i)) {
			if j := st.lastSpeaker(i, 6); j >= 0 {
				if x := &st.ents[st.ments[j].Entity]; x.Type == doc.Person && !x.described && len(x.titles) == 0 && (x.nation == "" || x.nation == m.nation) {
					m.Entity, m.conf = st.ments[j].Entity, 0.5
					return
				}
			}
		}
		// A leader's title opening a sentence, after a sentence whose
		// subject is a person without a title ("Putin praised … . The
		// Russian president described …"), is that person's; so is one
		// that says only when they held it ("The former prime minister").
		office := st.officeHeld(m) && !m.specific
		if (st.roleKind(m.role) == lexicon.Leader && (!m.specific || nationOnly || st.onlyWhen(m)) || office) && m.sent > 0 &&
			m.a == st.d.Sentences[m.sent].FirstTok {
			if j := st.mainSubject(m.sent - 1); j >= 0 && st.ments[j].Entity >= 0 {
				if x := &st.ents[st.ments[j].Entity]; x.Type == doc.Person && !x.described && len(x.titles) == 0 && (x.nation == "" || x.nation == m.nation) && (!office || len(x.parts) >= 2 && st.ments[j].Kind == doc.NameMention) {
					m.Entity, m.conf = st.ments[j].Entity, 0.5
					return
				}
			}
		}
		// "his Russian counterpart Vladimir Putin … the Russian
		// president": the one person the text ties to the title's country
		// by a demonym just before their name.
		if st.roleKind(m.role) == lexicon.Leader && nationOnly {
			if e := st.demonymNamed(m.nation, i); e >= 0 {
				m.Entity, m.conf = e, 0.6
				return
			}
		}
		if e := st.titleAhead(i); e >= 0 {
			m.Entity, m.conf = e, 0.7
			return
		}
		st.resolveNoun(i)
		return
	}
	if e := st.untitledSubject(i); e >= 0 {
		m.Entity, m.conf = e, 0.5
		return
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].score > cs[b].score })
	if len(cs) > 1 && cs[0].score-cs[1].score < 1 {
		m.conf = 0
		return
	}
	m.Entity = cs[0].e
	m.conf = 0.9
	if len(cs) > 1 {
		m.conf = 0.7
	}
}

// untitledSubject returns the person a bare "the" and a title speaking
// a quotation refers to when the sentence before, in its paragraph or
// the one before, has for subject a person named in full with no title
// and no holder of that title is mentioned since that sentence began
// ("Owen Sandvik of Halvard Securities … He said … . “…,” the economist
// said" is Sandvik, not the chief economist two paragraphs before):
// the writer goes on about the one just introduced. -1 otherwise.
func (st *state) untitledSubject(i int) int {
	m := &st.ments[i]
	d := st.d
	if !m.definite || m.plural || m.specific || len(m.mods) > 0 || len(m.quals) > 0 || m.nation != "" ||
		st.info[m.a].lower != "the" || d.Tokens[m.a].Has(doc.InQuote) || !st.speechSubject(i) && !st.invertedAfterQuote(i) {
		return -1
	}
	qs := st.quoteBefore(m.sent, m.a)
	if qs < 0 {
		return -1
	}
	prev := qs - 1
	j := int(st.mainSubject(prev))
	for k := i - 1; j < 0 && k >= 0 && st.ments[k].sent >= prev; k-- {
		if n := &st.ments[k]; n.a == d.Sentences[prev].FirstTok && n.Kind != doc.TitleMention {
			j = k // "Harraway, for his part, promised": the name opening it
		}
	}
	if j < 0 || st.ments[j].Entity < 0 || d.Tokens[st.ments[j].a].Has(doc.InQuote) {
		return -1
	}
	e := st.ments[j].Entity
	x := &st.ents[e]
	if x.Type != doc.Person || x.described || len(x.titles) > 0 || x.name < 0 || len(x.parts) < 2 {
		return -1
	}
	// No holder of the title mentioned since the sentence before began,
	// nor one whose title was the subject's ("The striker's agent, Lotte
	// Brandsma, … Vale has two years left … “…,” the agent said").
	for h := range st.ents {
		y := &st.ents[h]
		if h == e || y.count == 0 || y.Type != doc.Person || st.ments[y.lastMent].sent < prev && !st.titleOwnedBy(i, h, e) {
			continue
		}
		for _, t := range y.titles {
			if st.titleMatch(m, y, t) >= 0 {
				return -1
			}
		}
	}
	return e
}

// titleOwnedBy reports whether a title mention before mention i that
// resolved to entity h opens with a possessor that is entity e: "the
// striker's agent" is the striker's.
func (st *state) titleOwnedBy(i, h, e int) bool {
	for k := range i {
		t := &st.ments[k]
		if t.Kind != doc.TitleMention || t.Entity != h {
			continue
		}
		for j := range i {
			if p := &st.ments[j]; p.Entity == e && p.a == t.a && p.b < t.b && isPossessive(st.words[p.b]) {
				return true
			}
		}
	}
	return false
}

// titleSurname returns the one person named in full before mention i
// whose surname is its title's one word, capitalised and alone ("said
// King" after "Wayne King"), or -1: a name, not the office.
func (st *state) titleSurname(i int) int {
	m := &st.ments[i]
	if m.hb-m.ha != 1 || m.a != m.ha || m.b != m.hb || !st.d.Tokens[m.ha].Has(doc.Upper) {
		return -1
	}
	w := translit(st.info[m.ha].lower)
	pick := -1
	for e := range st.ents {
		x := &st.ents[e]
		if x.Type != doc.Person || x.described || len(x.parts) < 2 || x.last != w || x.name < 0 || st.ments[x.name].a >= m.a {
			continue
		}
		if pick >= 0 {
			return -1
		}
		pick = e
	}
	return pick
}

// justIntroduced returns the entity of the nearest mention before mention
// i, in its sentence or the one before, with the same role noun, when that
// mention introduced someone new with "a" or "an" ("a government
// official said … . “…,” the official said"); -1 otherwise.
func (st *state) justIntroduced(i int) int {
	m := &st.ments[i]
	if m.role < 0 || !m.definite || m.plural {
		return -1
	}
	for j := i - 1; j >= 0 && st.ments[j].sent >= m.sent-1; j-- {
		o := &st.ments[j]
		if o.role != m.role || o.Entity < 0 {
			continue
		}
		if w := st.info[o.a].lower; o.Kind == doc.NounMention && (w == "a" || w == "an") && !o.plural && st.ents[o.Entity].described {
			return o.Entity
		}
		return -1
	}
	return -1
}

// demonymNamed returns the one untitled person named before mention i
// with a demonym of country code right before the name, or one word
// before it ("Russian counterpart Vladimir Putin", "the Russian Vladimir
// Putin"); -1 when there is none or more than one.
func (st *state) demonymNamed(code string, i int) int {
	found := -1
	for j := 0; j < i; j++ {
		n := &st.ments[j]
		if n.Kind != doc.NameMention || n.Entity < 0 || st.ents[n.Entity].Type != doc.Person || len(st.ents[n.Entity].titles) > 0 {
			continue
		}
		for k := n.ha - 1; k >= 0 && k >= n.ha-2 && st.d.Tokens[k].Sent == st.d.Tokens[n.ha].Sent; k-- {
			if st.gaz[k]&gDemonymB != 0 && st.demonymCode(k) == code {
				if found >= 0 && found != n.Entity {
					return -1
				}
				found = n.Entity
				break
			}
		}
	}
	return found
}

// titleAhead returns the person a definite title mention refers to
// ahead of their name when no one has been named before it, as in a
// headline or standfirst ("U.S. President claims …" over a report that
// names "U.S. President Donald Trump"): the one whose title it fits
// clearly best; -1 when none does or someone is named before it.
func (st *state) titleAhead(i int) int {
	m := &st.ments[i]
	if !m.definite || m.plural {
		return -1
	}
	for k := range st.ments {
		if o := &st.ments[k]; o.a < m.a && o.Kind == doc.NameMention && o.Type == doc.Person {
			return -1
		}
	}
	best, bestScore, second := -1, -1.0, -1.0
	for e := range st.ents {
		x := &st.ents[e]
		if x.Type != doc.Person || x.described {
			continue
		}
		s := -1.0
		for _, t := range x.titles {
			s = max(s, st.titleMatch(m, x, t))
		}
		switch {
		case s > bestScore:
			best, bestScore, second = e, s, bestScore
		case s > second:
			second = s
		}
	}
	if bestScore < 0 || bestScore-second < 1 {
		return -1
	}
	return best
}

// fitsDescribed reports whether title mention m can refer to the person
// x that the article describes without naming: their nationalities and
// modifiers do not conflict ("Qatar's prime minister" is not "the first
// Iranian leader").
func (st *state) fitsDescribed(m *ment, x *ent) bool {
	if len(x.titles) == 0 {
		return true
	}
	for _, t := range x.titles {
		if st.titleMatch(m, x, t) >= 0 {
			return true
		}
	}
	return false
}

// invertedAfterQuote reports a mention that is the inverted subject of the
// verb right after a closing quotation mark (“…,” continued the
// minister), which makes it the quotation's speaker whatever the verb.
func (st *state) invertedAfterQuote(i int) bool {
	m := &st.ments[i]
	k := m.a - 1
	return k >= 1 && st.d.Tokens[k].Sent == st.d.Tokens[m.a].Sent && st.pos[k].IsVerb() && st.invertedAt(k)
}

// titleMatch scores how well title mention m fits title t of entity x: -1
// when it cannot refer to it; more when the forms agree more closely. A
// bare "the president" prefers the person whose title the text gave
// without qualification, as a writer leaves a title bare for the one
// holder the reader will assume.
func (st *state) titleMatch(m *ment, x *ent, t etitle) float64 {
	if !st.compatibleRole(m.role, t.role) && !st.sameLeader(m, t) && !st.roleInTitle(m, t) {
		return -1
	}
	nation := t.nation
	if nation == "" {
		nation = x.nation
	}
	if m.nation != "" && nation != "" && m.nation != nation {
		return -1
	}
	for _, w := range m.mods {
		if !contains(t.mods, w) && !strings.Contains(strings.ToLower(t.text), w) {
			return -1
		}
	}
	// "the Westbury manager" is not "Eastfield manager Tom Reyes": two
	// titles qualified by different names are different offices.
	if len(m.quals) > 0 && len(t.quals) > 0 && !slices.ContainsFunc(m.quals, func(w string) bool { return contains(t.quals, w) }) {
		return -1
	}
	s := 0.0
	if m.role == t.role {
		s += 1
	}
	bareM := len(m.mods) == 0 && m.nation == ""
	bareT := len(t.mods) == 0 && t.nation == ""
	switch {
	case bareM && bareT:
		s += 2
	case !bareM && m.nation != "" && m.nation == nation:
		s += 2
	}
	if strings.EqualFold(strings.TrimSpace(m.title), t.text) {
		s += 1
	}
	return s
}

// roleInTitle reports whether the role of title mention m names title t
// by some of its words: a role of several words whose last is t's role
// and whose others modify t ("the deputy minister" for "deputy foreign
// minister"), or a role of one word that opens t and qualifies its role
// ("the detective" for "Detective Sergeant").
func (st *state) roleInTitle(m *ment, t etitle) bool {
	if m.role < 0 || t.role < 0 {
		return false
	}
	form := strings.TrimSpace(st.r.gaz.roles[m.role].Form)
	qualifies := func(w string) bool { return contains(t.mods, w) || contains(t.quals, w) }
	if !strings.Contains(form, " ") {
		first, _, _ := strings.Cut(t.text, " ")
		return strings.EqualFold(first, form) && qualifies(form)
	}
	// Every word of the role but the last qualifies the title, whose role
	// is that last word (the words read one by one, so that no list of
	// them is made).
	for rest := form; ; {
		w, after, more := strings.Cut(rest, " ")
		if !more {
			return w == st.r.gaz.roles[t.role].Form
		}
		if w != "" && !qualifies(w) {
			return false
		}
		rest = after
	}
}

// sameLeader reports whether title mention m, a word for whoever leads
// something qualified by a name ("the Ashbury boss"), may be the holder
// of title t, another such word the same name qualifies ("Ashbury manager
// Graham Pell"): a text uses "boss", "chief" and "manager" for one
// another.
func (st *state) sameLeader(m *ment, t etitle) bool {
	if m.role < 0 || t.role < 0 || len(m.quals) == 0 || len(t.quals) == 0 {
		return false
	}
	if !leaderNouns[st.r.gaz.roles[m.role].Form] || !leaderNouns[st.r.gaz.roles[t.role].Form] {
		return false
	}
	return slices.ContainsFunc(m.quals, func(w string) bool { return contains(t.quals, w) })
}

// compatibleRole reports whether a mention of role a may refer to a
// holder of role b: the same role, or "leader" for any leader's role.
func (st *state) compatibleRole(a, b int) bool {
	if a < 0 || b < 0 {
		return false
	}
	if a == b {
		return true
	}
	ra, rb := st.r.gaz.roles[a], st.r.gaz.roles[b]
	if ra.Form == rb.Form {
		return true
	}
	if ra.Kind == lexicon.Leader && rb.Kind == lexicon.Leader && (ra.Form == "leader" || rb.Form == "leader") {
		return true
	}
	return false
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// resolveNoun resolves a description: a definite one ("the spokesman",
// "the ministry") to the entity an earlier description or name of the
// same kind introduced; an indefinite one ("a spokeswoman") or a group
// ("officials") to an entity of its own.
// genericOrgNouns are the organisation nouns that any organisation's
// name can stand behind ("the group said" after the Movement for …),
// unlike "the ministry" or "the bank", which need the word in the name.
var genericOrgNouns = map[string]bool{"group": true, "organisation": true, "organization": true, "movement": true}

// apposedOrg returns the organisation whose name stands in apposition
// right after description i ("The group, WeWorkers Coalition, formed"),
// or -1.
func (st *state) apposedOrg(i int) int {
	m := &st.ments[i]
	k := m.b
	if k+1 >= len(st.words) || st.words[k] != "," || st.d.Tokens[k+1].Sent != st.d.Tokens[m.a].Sent {
		return -1
	}
	for j := i + 1; j < len(st.ments) && st.ments[j].a <= k+1; j++ {
		n := &st.ments[j]
		if n.a == k+1 && n.Kind == doc.NameMention && n.Entity >= 0 && st.ents[n.Entity].Type == doc.Organization {
			return n.Entity
		}
	}
	return -1
}

// orgNamedAfter returns the organisation whose name follows description i
// with no comma between, in its sentence ("the network company
// Netgear"), or -1.
func (st *state) orgNamedAfter(i int) int {
	m := &st.ments[i]
	k := m.b
	if k >= len(st.words) || st.d.Tokens[k].Sent != st.d.Tokens[m.a].Sent {
		return -1
	}
	for j := i + 1; j < len(st.ments) && st.ments[j].a <= k; j++ {
		if n := &st.ments[j]; n.a == k && n.Kind == doc.NameMention && n.Entity >= 0 && st.ents[n.Entity].Type == doc.Organization {
			return n.Entity
		}
	}
	return -1
}

// sameDescription returns the organisation the same generic description
// ("the group") was last resolved to, within five sentences before
// description i, or -1: "The group announced that WeWork had reached an
// agreement with JLL. … the group raised alarm at the terms" is still the
// group that announced it, not the company named last.
func (st *state) sameDescription(i int) int {
	m := &st.ments[i]
	for j := i - 1; j >= 0; j-- {
		o := &st.ments[j]
		if m.sent-o.sent > 5 {
			break
		}
		if o.Kind == doc.NounMention && o.title == m.title && o.Entity >= 0 && st.ents[o.Entity].Type == doc.Organization {
			return o.Entity
		}
	}
	return -1
}

// nounModifier returns the first common noun modifying the head of the
// organisation's description m ("county" in "the county council"), or
// -1.
func (st *state) nounModifier(m *ment) int {
	for k := m.a + 1; k < m.ha; k++ {
		if st.pos[k] == doc.TagNN && !st.d.Tokens[k].Has(doc.Upper) {
			return k
		}
	}
	return -1
}

// nounModsIn reports whether every common noun modifying the head of the
// organisation's description m is a word of the name of x: "the borough
// council" may be Brackwater Borough Council, "the county council" is
// not.
func (st *state) nounModsIn(m *ment, x *ent) bool {
	for k := m.a + 1; k < m.ha; k++ {
		// Of a named organisation an adjective may only describe
		// ("the ruling party"); of one described, it is its words.
		if st.pos[k] != doc.TagNN && !(x.described && st.pos[k].IsAdjective()) || st.d.Tokens[k].Has(doc.Upper) {
			continue
		}
		found := false
		if x.described {
			// An organisation described, not named: the words of its
			// description.
			for f := range strings.FieldsSeq(x.key) {
				found = found || f == st.info[k].lower
			}
		}
		for _, p := range st.ments[x.name].parts {
			found = found || strings.EqualFold(p, st.words[k])
		}
		if !found {
			return false
		}
	}
	return true
}

// employerOnly reports whether every mention of organisation e before
// mention i, but its pronouns, names it as a person's employer: inside a
// title ("an analyst at Morrow Bank") or after "of" or "at" right after
// a person's name ("Owen Sandvik of Halvard Securities").
func (st *state) employerOnly(e, i int) bool {
	for j := 0; j < i; j++ {
		n := &st.ments[j]
		if n.Entity != e || n.Kind == doc.PronounMention {
			continue
		}
		employer := false
		for k := j - 1; k >= 0 && st.ments[k].sent == n.sent && !employer; k-- {
			o := &st.ments[k]
			employer = o.Kind == doc.TitleMention && o.a < n.a && n.b <= o.b ||
				o.Kind == doc.NameMention && o.Type == doc.Person && o.b == n.a-1 && (st.words[o.b] == "of" || st.words[o.b] == "at")
		}
		if !employer {
			return false
		}
	}
	return true
}

// orgWithNoun returns the organisation whose name has the noun of
// description i and the common nouns modifying it (nounModsIn): of
// several, one whose name also has the description's other modifiers
// ("the central bank" is the Central Bank of Tarvia, not Morrow Bank),
// then one the text names in its own right before one it names only as
// someone's employer ("an analyst at Morrow Bank"), then one that spoke
// before ("the Ministry of Health said") over one only mentioned ("the
// education ministry"), then the one mentioned last; -1 when none has it.
func (st *state) orgWithNoun(i int) int {
	m := &st.ments[i]
	best, bestRank, bestSpoke := -1, -1, -1
	for e := range st.ents {
		x := &st.ents[e]
		if x.Type != doc.Organization || x.count == 0 || x.name < 0 {
			continue
		}
		parts := st.ments[x.name].parts
		if !contains(parts, m.title) && !(x.described && strings.HasSuffix(x.key, " "+m.title)) || !st.nounModsIn(m, x) {
			continue
		}
		rank := 0
		for k := m.a + 1; k < m.ha; k++ {
			if contains(parts, st.info[k].lower) {
				rank += 2
			}
		}
		if !st.employerOnly(e, i) {
			rank++
		}
		if best < 0 || rank > bestRank {
			best, bestRank, bestSpoke = e, rank, -1
			continue
		}
		if rank < bestRank {
			continue
		}
		if bestSpoke < 0 {
			bestSpoke = st.spokeBefore(best, i)
		}
		if spoke := st.spokeBefore(e, i); spoke > bestSpoke || spoke == bestSpoke && x.lastMent > st.ents[best].lastMent {
			best, bestSpoke = e, spoke
		}
	}
	return best
}

// spokeBefore returns 1 when a mention of entity e before mention i is
// the subject of a verb of saying ("the Ministry of Health said"), else 0.
func (st *state) spokeBefore(e, i int) int {
	for j := 0; j < i; j++ {
		if st.ments[j].Entity == e && st.speechSubject(j) {
			return 1
		}
	}
	return 0
}

func (st *state) resolveNoun(i int) {
	m := &st.ments[i]
	if m.Type == doc.Organization {
		// The organisation named right after it ("the network company
		// Netgear"), else one whose name has the noun.
		best := st.orgNamedAfter(i)
		if best < 0 {
			best = st.orgWithNoun(i)
		}
		if best < 0 && genericOrgNouns[m.title] {
			best = st.apposedOrg(i)
		}
		if best < 0 && genericOrgNouns[m.title] {
			best = st.sameDescription(i)
		}
		club := m.title == "club"
		if best < 0 && (genericOrgNouns[m.title] || club) {
			// "the group", "the organisation": the organisation named
			// last, within a few sentences, outside the quotation it
			// speaks ("“ECIS welcomes … Microsoft's compliance …,” the
			// group said" is not Microsoft); "the club", the sports club
			// named last as a subject ("Harbury denied … the club said"
			// after "Harbury United", clubWords), not the one it dealt
			// with ("rejected a bid from Castlebridge Rovers").
			q := st.quoteSpoken(m.a, m.b)
			for j := i - 1; j >= 0 && best < 0; j-- {
				o := &st.ments[j]
				if m.sent-o.sent > 5 {
					break
				}
				if o.Entity < 0 || st.ents[o.Entity].Type != doc.Organization || st.ents[o.Entity].name < 0 || q.Contains(st.d.Tokens[o.a].Span()) {
					continue
				}
				if club && (!clubWords[st.info[st.ments[st.ents[o.Entity].name].hb-1].lower] || st.roleOf(j) != 's') {
					continue
				}
				best = o.Entity
			}
		}
		unlearned := false
		if best < 0 && !m.specific && !companyNouns[m.title] && st.nounModifier(m) >= 0 {
			// Named with its modifiers: "county council". (Not a
			// company's noun: "the shipping company" is more often the
			// company the article is about, named without the trade.)
			m.specific, unlearned = true, true
		}
		if best < 0 && m.specific {
			// "the US military", "the Afghan government": an
			// organisation the article describes by its country, the
			// same wherever it is so described; so too one a noun
			// classifies that no name has ("the county council").
			key := strings.ToLower(st.d.Slice(st.d.TokenSpan(m.a+1, m.b)))
			for e := range st.ents {
				if x := &st.ents[e]; x.described && x.Type == doc.Organization && x.key == key {
					best = e
				}
			}
			if best < 0 {
				best = st.newEntity(doc.Organization, i)
				st.ents[best].unlearned = unlearned
				st.ents[best].described = true
				st.ents[best].key = key
				st.ents[best].nation = m.nation
			}
		}
		if best >= 0 {
			m.Entity, m.conf = best, 0.7
		}
		return
	}
	if m.plural {
		key := strings.ToLower(m.title)
		for e := range st.ents {
			if x := &st.ents[e]; x.described && x.Type == doc.Group && x.key == key {
				m.Entity, m.conf = e, 0.6
				return
			}
		}
		e := st.newEntity(doc.Group, i)
		st.ents[e].described = true
		st.ents[e].key = key
		m.Entity, m.conf = e, 0.6
		return
	}
	if m.definite {
		best := -1
		for e := range st.ents {
			x := &st.ents[e]
			if x.described && x.Type == doc.Person && x.count > 0 && st.compatibleRole(x.role, m.role) && st.fitsDescribed(m, x) && (best < 0 || x.lastMent > st.ents[best].lastMent) {
				best = e
			}
		}
		if best >= 0 {
			m.Entity, m.conf = best, 0.7
			return
		}
		if !m.specific {
			return // "the president" with no president in sight: undecided
		}
	}
	// Someone the article describes but does not name: "a spokeswoman",
	// "Putin's spokesman", "the mayor of Kyiv".
	e := st.newEntity(doc.Person, i)
	x := &st.ents[e]
	x.described = true
	x.role = m.role
	x.Gender = m.gender
	if m.title != "" {
		x.titles = append(x.titles, etitle{text: m.title, role: m.role, mods: m.mods, quals: m.quals, nation: m.nation})
	}
	m.Entity, m.conf = e, 0.8
}

// output writes the mentions and the entities that have any into d.
func (st *state) output() {
	d := st.d
	st.remap = reuse.Zeroed(st.remap, len(st.ents))
	remap := st.remap
	for i := range remap {
		remap[i] = -1
	}
	d.Entities = d.Entities[:0]
	d.Mentions = d.Mentions[:0]
	d.AttribMentions = slices.Grow(d.AttribMentions[:0], len(st.ments))
	late := false // a superseded mention starts after the one it became
	for _, m := range st.ments {
		if m.Entity < 0 && m.Kind == doc.PronounMention && m.pron.gender == doc.Neuter {
			continue
		}
		e := -1
		if m.Entity >= 0 {
			if remap[m.Entity] < 0 {
				remap[m.Entity] = len(d.Entities)
				d.Entities = append(d.Entities, st.entity(m.Entity))
			}
			e = remap[m.Entity]
			d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions))
		}
		mm := m.Mention
		mm.Span = d.TokenSpan(m.a, m.b)
		mm.Head = d.TokenSpan(m.ha, m.hb)
		if m.Kind == doc.NameMention {
			mm.Head = st.nameHead(&m)
		}
		mm.Entity = e
		if m.Entity >= 0 {
			mm.Type = st.ents[m.Entity].Type
			mm.Confidence = m.conf
		}
		d.Mentions = append(d.Mentions, mm)
		switch {
		case m.Kind == doc.PronounMention && m.pron.gender == doc.Neuter && m.Entity >= 0 && st.ents[m.Entity].unlearned:
		case !m.unlearned:
			am := mm
			if m.learnedType != 0 {
				am.Type = m.learnedType
			}
			if m.learnedHead {
				lm := m
				lm.Type = m.learnedType
				am.Head = st.nameHead(&lm)
			}
			d.AttribMentions = append(d.AttribMentions, am)
		case m.supersedes > 0:
			late = late || st.superseded[m.supersedes-1].Start > mm.Start
			d.AttribMentions = append(d.AttribMentions, st.superseded[m.supersedes-1])
		}
	}
	if late {
		attribOrder(d.AttribMentions)
	}
}

// attribOrder moves each mention of ms that starts after the mentions
// following it, a superseded one put where the mention it became starts
// ("former FBI agent Timothy Gill" before "FBI"), on to where the
// attribution models saw it: by start, the longer of two first.
func attribOrder(ms []doc.Mention) {
	for k := len(ms) - 2; k >= 0; k-- {
		for j := k; j+1 < len(ms) && (ms[j+1].Start < ms[j].Start || ms[j+1].Start == ms[j].Start && ms[j+1].End > ms[j].End); j++ {
			ms[j], ms[j+1] = ms[j+1], ms[j]
		}
	}
}

// nameHead returns the word that names in a name mention: a person's
// surname ("Putin" in "Russian leader Vladimir Putin"), and the name of
// an organisation or place up to a preposition ("Ministry" in "Ministry of
// Health").
func (st *state) nameHead(m *ment) doc.Span {
	if m.Type == doc.Person {
		return st.d.TokenSpan(m.hb-1, m.hb)
	}
	for k := m.ha + 1; k < m.hb; k++ {
		switch st.words[k] {
		case "of", "for", "on", "and", "de", "&":
			return st.d.TokenSpan(m.ha, k)
		}
	}
	return st.d.TokenSpan(m.ha, m.hb)
}

// key returns Key(t, name), remembering the keys of the names met before.
func (st *state) key(t doc.EntityType, name string) string {
	k := keyOf{t, name}
	if id, ok := st.keys[k]; ok {
		return id
	}
	if st.keys == nil || len(st.keys) >= maxKeys {
		st.keys = make(map[keyOf]string)
	}
	id := Key(t, name)
	k.name = strings.Clone(name) // so that the memo pins no document
	st.keys[k] = id
	return id
}

// keyOf is what an entity's key depends on.
type keyOf struct {
	t    doc.EntityType
	name string
}

// maxKeys is the most keys a state remembers.
const maxKeys = 1 << 12

// possessorAt returns the name mention that starts at token a and ends,
// before token b, with the possessive ("Prime Minister Ana Ruiz's …"), or
// -1.
func (st *state) possessorAt(a, b int) int {
	for j := range st.ments {
		if pm := &st.ments[j]; pm.a == a && pm.Kind == doc.NameMention && pm.b < b && isPossessive(st.words[pm.b]) {
			return j
		}
	}
	return -1
}

// personAfterOrg reports whether the name of tokens [a, b), which the
// tagger typed an organisation, ends in a person's name after two words
// or more: a common first name and one more capitalised proper noun, all
// its words capitalised and no organisation's noun in the last two
// ("NASA Administrator Jim Bridenstine").
func (st *state) personAfterOrg(a, b int) bool {
	if b-a < 4 || !st.commonFirstName(b-2) || !st.pos[b-1].IsProperNoun() || st.hasOrgNoun(b-2, b) {
		return false
	}
	for k := a; k < b; k++ {
		if !st.d.Tokens[k].Has(doc.Upper) {
			return false
		}
	}
	return true
}

// firstNameBeforeSurname reports whether the name of tokens [a, b) is a
// known first name and the surname of a person the text names, with no
// organisation's noun, country, capital, region or demonym in it.
func (st *state) firstNameBeforeSurname(a, b int) bool {
	if b != a+2 || st.gaz[a]&gFirstName == 0 || st.gaz[a]&(gCountryB|gCapitalB|gRegionB|gDemonymB) != 0 || st.hasOrgNoun(a, b) || !st.d.Tokens[b-1].Has(doc.Upper) {
		return false
	}
	last := st.info[b-1].translitFolded()
	for i := range st.ents {
		if y := &st.ents[i]; y.Type == doc.Person && y.last == last {
			return true
		}
	}
	return false
}

// entity returns the document form of entity e.
func (st *state) entity(e int) doc.Entity {
	x := &st.ents[e]
	out := doc.Entity{Type: x.Type, Gender: x.Gender, Titles: x.Titles, Nationality: x.nation}
	if x.name >= 0 {
		m := &st.ments[x.name]
		if x.described {
			switch {
			case m.plural:
				out.Name = m.title
			case m.definite && !m.specific:
				out.Name = m.title
			default:
				a := m.a
				if w := st.info[a].lower; (w == "a" || w == "an" || w == "the" || w == "one") && a+1 < m.b {
					// "a former finance minister", "one legal expert":
					// "former finance minister", "legal expert" ("another
					// doctor" stays apart from "a doctor").
					a++
				}
				out.Name = withoutAcronym(st.d.Slice(st.d.TokenSpan(a, m.b)))
				if p := st.possessorAt(a, m.b); p >= 0 {
					// "Prime Minister Ana Ruiz's spokesman" is named "Ana
					// Ruiz's spokesman": the possessor by its name alone.
					pm := &st.ments[p]
					out.Name = st.d.Slice(st.d.TokenSpan(pm.ha, pm.hb)) + st.d.Slice(st.d.TokenSpan(pm.b, m.b))
				}
			}
			out.Name = oneSpaced(out.Name)
		} else {
			ha := m.ha
			if x.Type == doc.Person {
				if k := st.titledNameStart(m); k > ha {
					// "Supervisor Alma Pedrosa", a title the tagger took
					// into the name: the name is the rest, and the words
					// before it a title.
					t := st.d.Slice(st.d.TokenSpan(ha, k))
					if !slices.Contains(out.Titles, t) {
						out.Titles = append(slices.Clip(out.Titles), t)
					}
					ha = k
				}
				// "von der Leyen said", the particles before a surname
				// in lower case, which the tagger left out: they are
				// the name's.
				for ha > 0 && st.d.Tokens[ha-1].Sent == st.d.Tokens[ha].Sent &&
					!st.d.Tokens[ha-1].Has(doc.Upper) && personParticles[st.words[ha-1]] {
					ha--
				}
			}
			hb := m.hb
			for x.Type == doc.Person && hb-1 > ha && postNominals[st.words[hb-1]] {
				hb-- // "Neil Ford QC" is named Neil Ford
			}
			if x.Type == doc.Organization && hb-1 > ha && weekdays[st.info[hb-1].lower] {
				hb-- // "The News Monday" is named The News
				if hb-1 > ha && st.words[hb-1] == "on" {
					hb-- // and "the Echo on Friday" the Echo
				}
			}
			if x.Type == doc.Organization && st.personAfterOrg(ha, hb) {
				// "NASA Administrator Jim Bridenstine", one organisation
				// to the tagger: the person, with the words before for
				// title.
				out.Type, out.Gender = doc.Person, st.firstNameSex(hb-2)
				out.Titles = append(slices.Clip(out.Titles), oneSpaced(st.d.Slice(st.d.TokenSpan(ha, hb-2))))
				ha = hb - 2
			}
			if x.Type == doc.Organization && st.firstNameBeforeSurname(ha, hb) {
				// "her sister Eva Holm" after "Ruth Holm", an organisation
				// to the tagger: a person.
				out.Type, out.Gender = doc.Person, st.firstNameSex(ha)
			}
			out.Name = oneSpaced(st.d.Slice(st.d.TokenSpan(ha, hb)))
			if out.Type == doc.Person {
				out.Name = capitalsTitled(out.Name)
			} else if t := st.titleOwner(m); t != "" {
				out.Name = t + " " + out.Name // "President's Office"
			}
			if x.Type != doc.Place && st.geoName(m) || x.Type == doc.Organization && st.facilityName(m) {
				// "the Crimean Peninsula", "Lake Ladoga", "Fisht Stadium":
				// a place by its name, whatever the tagger typed its
				// mentions.
				out.Type, out.Gender = doc.Place, doc.Unknown
			}
			out.ID = st.key(out.Type, out.Name)
		}
	}
	return out
}

// capitalsTitled returns a person's name written in capitals throughout,
// as a transcript's labels write it ("TAMARA KEITH", "O'NEILL"), with
// capitals only where a name has them ("Tamara Keith", "O'Neill"); any
// other name as it is.
func capitalsTitled(name string) string {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return name // the common case, decided without allocating
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	if letters < 3 {
		return name // "DJ", an acronym more than a name
	}
	var b strings.Builder
	start := true
	for _, r := range name {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '.' || r == '\'' || r == '’'
	}
	return b.String()
}

// oneSpaced returns s with each run of white space in it one space: a
// name or a title the text breaks over a line ("the American\npresident")
// is named on one line.
func oneSpaced(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// titledNameStart returns where a person's name begins inside name
// mention m when the tagger took a title before it into the name: the
// first of at least two capitalised words after a noun for a person or an
// office ("Supervisor", "Administrator") whose first word is a known first
// name ("County Supervisor Alma Pedrosa"); m.ha otherwise.
func (st *state) titledNameStart(m *ment) int {
	for k := m.ha + 1; k+2 <= m.hb; k++ {
		prev := st.info[k-1].lower
		if st.gaz[k-1]&(gRoleB|gRoleI) == 0 && !st.r.lex.PersonNoun(prev) {
			continue
		}
		if _, ok := st.r.gaz.firstName(st.words[k]); !ok {
			continue
		}
		ok := true
		for j := k; j < m.hb; j++ {
			if !st.d.Tokens[j].Has(doc.Upper) || st.d.Tokens[j].Has(doc.AllUpper) && len(st.words[j]) > 1 {
				ok = false
			}
		}
		if ok {
			return k
		}
	}
	return m.ha
}

// withoutAcronym returns name without an acronym in parentheses inside
// it ("senior Harbour Cricket Board (HCB) official" is named "senior
// Harbour Cricket Board official").
func withoutAcronym(name string) string {
	i := strings.Index(name, " (")
	if i < 0 {
		return name
	}
	j := strings.IndexByte(name[i:], ')')
	if j < 0 {
		return name
	}
	if !isAcronym(name[i+2 : i+j]) {
		return name
	}
	return name[:i] + name[i+j+1:]
}

// whenMods are the modifiers of a title that say only when its holder
// held it.
var whenMods = map[string]bool{"former": true, "then": true, "outgoing": true, "late": true}

// officeHeld reports whether title mention m is "the" and an office
// someone holds in their own right ("The governor", "The chairman"), not
// the noun of one who speaks for or works for someone else ("the
// spokesman", "the lawyer"): such an office opening a sentence after one
// whose subject is a person with no title is taken for theirs, as a
// leader's is ("Kavanagh conceded. The governor, who …, said"), when
// no modifier qualifies the office and that person, named in full, is
// the subject by name.
func (st *state) officeHeld(m *ment) bool {
	if st.roleKind(m.role) != lexicon.Office || !m.definite || st.info[m.a].lower != "the" {
		return false
	}
	head := st.info[m.hb-1].lower
	return !functionaries[head] && !speakingFor[head]
}

// speakingFor are the role nouns of people who speak for another.
var speakingFor = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "official": true, "representative": true,
	"deputy": true, "assistant": true, "secretary": true, "agent": true, "counsel": true, "staffer": true,
}

// onlyWhen reports whether title mention m's only qualification is when
// its holder held it ("the former prime minister"): no nationality,
// name, complement or possessor.
func (st *state) onlyWhen(m *ment) bool {
	if len(m.mods) == 0 || m.nation != "" || len(m.quals) > 0 || m.b > m.hb {
		return false
	}
	for _, w := range m.mods {
		if !whenMods[w] {
			return false
		}
	}
	k := m.a
	if st.info[k].lower == "the" {
		k++
	}
	for ; k < m.ha; k++ {
		if isPossessive(st.words[k]) {
			return false
		}
	}
	return true
}
