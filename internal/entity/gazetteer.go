package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
)

// Gazetteer flags: what the lexicons say about a token. Flags with a B
// and an I form mark the first and the following tokens of a phrase.
const (
	gFirstName  uint32 = 1 << iota // a known first name
	gFemaleName                    // a first name most of whose bearers are women
	gMaleName                      // a first name most of whose bearers are men
	gCountryB                      // country name (any form but demonym and capital)
	gCountryI
	gCapitalB // capital city
	gCapitalI
	gRegionB // region of a country (US state)
	gRegionI
	gDemonymB // Ukrainian, North Korean
	gDemonymI
	gHonorific // Mr, Dr, Sen.
	gLeaderB   // president, prime minister
	gLeaderI
	gRoleB // mayor, spokesman, secretary of state
	gRoleI
	gPersonNounB // man, resident
	gPersonNounI
	gGroupNoun // police, authorities
	gOrgNoun   // ministry, party
	gRolePlural
	numGaz = iota
)

// placeFlags and roleFlags give the B and I flags of each kind of entry.
var (
	placeFlags = map[lexicon.PlaceKind][2]uint32{
		lexicon.CountryName: {gCountryB, gCountryI}, lexicon.CountryOfficial: {gCountryB, gCountryI},
		lexicon.CountryAlt: {gCountryB, gCountryI}, lexicon.Demonym: {gDemonymB, gDemonymI},
		lexicon.Capital: {gCapitalB, gCapitalI}, lexicon.Region: {gRegionB, gRegionI},
	}
	roleFlags = map[lexicon.RoleKind][2]uint32{
		lexicon.Honorific: {gHonorific, gHonorific}, lexicon.Leader: {gLeaderB, gLeaderI},
		lexicon.Office: {gRoleB, gRoleI}, lexicon.PersonNoun: {gPersonNounB, gPersonNounI},
		lexicon.GroupNoun: {gGroupNoun, gGroupNoun},
	}
)

// phrase is one multi-token lexicon entry.
type phrase struct {
	words []string
	flagB uint32 // flag for the first token
	flagI uint32 // flag for the others
	code  string // country code for places
	kind  lexicon.PlaceKind
	role  int // index into gazetteer.roles, or -1
}

// gazetteer matches lexicon entries against tokens without allocating.
type gazetteer struct {
	first map[string][]int32 // first word, as written, -> phrases, longest first
	// unlearned indexes the phrases of the unlearned roles as first does
	// the others: flags never sets their flags, which the NER tagger
	// learnt from, and unlearnedMatches alone finds them. Their roles
	// follow the learned ones in roles, from learnedRoles on.
	unlearned    map[string][]int32
	learnedRoles int
	phrases      []phrase
	lex          *lexicon.Set
	roles        []lexicon.Role
	orgs         map[string]bool // org nouns, lower case and capitalised
	// honorRole maps an honorific's role index to the role it implies
	// ("Sen." a senator, "Justice" a judge), both indexes into roles.
	honorRole map[int]int
}

// honorificRoles are the honorifics that say what their bearer is, with
// the role each implies: "the senator" after "Sen. Ana Ruiz" is she.
var honorificRoles = map[string]string{
	"Sen.": "senator", "Rep.": "representative", "Gov.": "governor", "Dr.": "doctor", "Prof.": "professor",
	"Justice": "judge", "Pres.": "president", "Gen.": "general", "Lt.": "lieutenant", "Col.": "colonel",
	"Capt.": "captain", "Adm.": "admiral", "Sgt.": "sergeant", "Cmdr.": "commander", "Insp.": "inspector",
	"Supt.": "superintendent", "Det.": "detective", "Cpl.": "corporal", "Atty.": "attorney",
}

func newGazetteer(lex *lexicon.Set) *gazetteer {
	g := &gazetteer{first: map[string][]int32{}, unlearned: map[string][]int32{}, lex: lex, orgs: map[string]bool{}}
	seg := segment.New(lex)
	words := func(form string) []string {
		toks := seg.Tokenize(form, nil)
		out := make([]string, len(toks))
		for i, t := range toks {
			out[i] = form[t.Start:t.End]
		}
		return out
	}
	for _, p := range lex.Places() {
		f := placeFlags[p.Kind]
		g.add(phrase{words: words(p.Form), flagB: f[0], flagI: f[1], code: p.Code, kind: p.Kind, role: -1})
		if p.Kind == lexicon.Demonym && !strings.HasSuffix(p.Form, "s") {
			// The people noun: Ukrainians, Russians.
			g.add(phrase{words: words(p.Form + "s"), flagB: gDemonymB | gRolePlural, flagI: gDemonymI, code: p.Code, kind: p.Kind, role: -1})
		}
	}
	g.roles = lex.Roles()
	g.honorRole = map[int]int{}
	byForm := map[string]int{}
	for ri, r := range g.roles {
		if r.Kind != lexicon.Honorific {
			byForm[r.Form] = ri
		}
	}
	for ri, r := range g.roles {
		if to, ok := byForm[honorificRoles[r.Form]]; ok && r.Kind == lexicon.Honorific {
			g.honorRole[ri] = to
		}
	}
	addRoles := func(first map[string][]int32, from int) {
		for ri := from; ri < len(g.roles); ri++ {
			r := g.roles[ri]
			f := roleFlags[r.Kind]
			b, i := f[0], f[1]
			forms := []string{r.Form}
			if r.Kind != lexicon.Honorific && r.Form == strings.ToLower(r.Form) {
				forms = append(forms, titleCase(r.Form))
			}
			for _, f := range forms {
				g.addTo(first, phrase{words: words(f), flagB: b, flagI: i, role: ri})
			}
			if r.Plural != "" {
				pl := []string{r.Plural}
				if r.Plural == strings.ToLower(r.Plural) {
					pl = append(pl, titleCase(r.Plural))
				}
				for _, f := range pl {
					g.addTo(first, phrase{words: words(f), flagB: b | gRolePlural, flagI: i, role: ri})
				}
			}
		}
	}
	addRoles(g.first, 0)
	// The unlearned roles follow, matched apart (unlearnedMatches).
	g.learnedRoles = len(g.roles)
	g.roles = append(slices.Clip(g.roles), lex.UnlearnedRoles()...)
	addRoles(g.unlearned, g.learnedRoles)
	for _, n := range lex.OrgNouns() {
		g.orgs[n] = true
		g.orgs[upperFirst(n)] = true
	}
	for _, first := range []map[string][]int32{g.first, g.unlearned} {
		for k, list := range first {
			sort.SliceStable(list, func(a, b int) bool {
				return len(g.phrases[list[a]].words) > len(g.phrases[list[b]].words)
			})
			first[k] = list
		}
	}
	return g
}

// add adds a phrase, unless it is empty.
func (g *gazetteer) add(p phrase) { g.addTo(g.first, p) }

// addTo adds a phrase to g.phrases, indexed in first by its first word,
// unless it is empty.
func (g *gazetteer) addTo(first map[string][]int32, p phrase) {
	if len(p.words) == 0 {
		return
	}
	first[p.words[0]] = append(first[p.words[0]], int32(len(g.phrases)))
	g.phrases = append(g.phrases, p)
}

// titleCase capitalises every word of a lower-case phrase, and every part
// of a hyphenated word, except "of", "the", "and", "for", "in" after the
// first: "secretary of state" -> "Secretary of State",
// "secretary-general" -> "Secretary-General", "commander-in-chief" ->
// "Commander-in-Chief".
func titleCase(s string) string {
	parts := strings.Split(s, " ")
	for i, p := range parts {
		if i > 0 && titleLower(p) {
			continue
		}
		hy := strings.Split(p, "-")
		for k, h := range hy {
			if k == 0 || !titleLower(h) {
				hy[k] = upperFirst(h)
			}
		}
		parts[i] = strings.Join(hy, "-")
	}
	return strings.Join(parts, " ")
}

// titleLower reports whether w stays in lower case inside a title.
func titleLower(w string) bool {
	switch w {
	case "of", "the", "and", "for", "in":
		return true
	}
	return false
}

func upperFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// match is one lexicon phrase found in a sentence.
type match struct {
	start, end int // word indexes, end exclusive
	phrase     int32
}

// flags sets flags[i] for every word of words, whose infos are given,
// from the lexicons, and appends every phrase match to ms (all matches,
// longest first at each start).
func (g *gazetteer) flags(words []string, infos []*wordInfo, flags []uint32, ms []match) []match {
	for i := range flags {
		flags[i] = 0
	}
	for i, wi := range infos {
		flags[i] |= wi.gaz
		if !wi.hasPhrases {
			continue
		}
		for _, pi := range wi.phrases {
			p := &g.phrases[pi]
			if !p.at(words, i) {
				continue
			}
			flags[i] |= p.flagB
			for k := 1; k < len(p.words); k++ {
				flags[i+k] |= p.flagI
			}
			ms = append(ms, match{i, i + len(p.words), pi})
		}
	}
	return ms
}

// at reports whether the phrase, whose first word is words[i], goes on
// in the words after it.
func (p *phrase) at(words []string, i int) bool {
	if i+len(p.words) > len(words) {
		return false
	}
	for k := 1; k < len(p.words); k++ {
		if words[i+k] != p.words[k] {
			return false
		}
	}
	return true
}

// unlearnedMatches appends to ms the matches of the unlearned roles'
// phrases in words, whose infos are given (all matches, longest first at
// each start), and sets no flags.
func (g *gazetteer) unlearnedMatches(words []string, infos []*wordInfo, ms []match) []match {
	for i, wi := range infos {
		for _, pi := range wi.unlearned {
			if p := &g.phrases[pi]; p.at(words, i) {
				ms = append(ms, match{i, i + len(p.words), pi})
			}
		}
	}
	return ms
}

// firstName returns the birth counts of first name w as the lexicons
// know it, also written without its accents ("Lucía" as "Lucia"), for
// the rules that look names up (the tagger's features, nameFlags, stay
// as it learnt them); not a
// word with a capital after its first letter, as text decoded in the
// wrong encoding has ("DÃ¡te").
func (g *gazetteer) firstName(w string) (lexicon.NameCounts, bool) {
	c, ok := g.lex.FirstName(w)
	if ok || isASCII(w) {
		return c, ok
	}
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return c, false
		}
	}
	f := fold(w)
	if f == "" || f[0] < 'a' || f[0] > 'z' {
		return c, false
	}
	return g.lex.FirstName(string(f[0]-'a'+'A') + f[1:])
}

// isASCII reports whether w is all ASCII.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// nameFlags returns the first-name flags of w: gFirstName when the
// lexicons know it as a first name, with gFemaleName or gMaleName when at
// least nine in ten of its bearers are of one sex.
func (g *gazetteer) nameFlags(w string) uint32 {
	c, ok := g.lex.FirstName(w) // as written: the NER tagger learnt on these flags
	if !ok {
		return 0
	}
	f := gFirstName
	switch n := c.Female + c.Male; {
	case n == 0:
	case c.Female*10 >= n*9:
		f |= gFemaleName
	case c.Male*10 >= n*9:
		f |= gMaleName
	}
	return f
}
