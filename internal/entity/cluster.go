package entity

import (
	"slices"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// ent is an entity being built.
type ent struct {
	doc.Entity
	first, last string   // folded first and last name parts; first "" when unknown
	parts       []string // folded parts of the fullest name
	name        int      // the mention giving the fullest name, or -1
	nation      string   // country code when the text gives one
	titles      []etitle
	key         string   // within-article key for organisations and places
	acronym     string   // initials of an organisation's name
	role        int      // for an unnamed entity: its role noun; -1
	described   bool     // unnamed: known only by a description
	genderFrom  byte     // 'h' honorific or gendered noun, 'n' first name, 'p' pronoun
	affil       []string // lower-case names whose person this is: "eastfield" in "Eastfield's Tom Reyes"

	// unlearned: made by a rule the attribution models were not trained
	// with, so a neuter pronoun resolved to it stays out of
	// doc.Document.AttribMentions, as it would have unresolved.
	unlearned bool

	// Running statistics while resolving in text order.
	count    int
	lastMent int
}

// etitle is one title an entity has in the article.
type etitle struct {
	text   string
	role   int      // index into the roles lexicon
	mods   []string // lower-case modifiers: "foreign", "former"
	quals  []string // lower-case names that qualify it: "eastfield"
	nation string
}

// nameParts returns the folded parts of a name mention's head: initials
// and suffixes such as "Jr." dropped, transliteration variants joined.
func (st *state) nameParts(m *ment) []string {
	var parts []string
	for k := m.ha; k < m.hb; k++ {
		w := st.words[k]
		if isPossessive(w) || st.d.Tokens[k].Kind == doc.Punct {
			continue
		}
		wi := st.info[k]
		f := wi.folded()
		switch f {
		case "":
			continue
		case "jr", "sr", "ii", "iii", "iv":
			if len(parts) > 0 {
				m.suffix = f
				continue
			}
		}
		if len(parts) > 0 && m.Type == doc.Person && postNominals[w] {
			continue // "Neil Ford QC" is Ford
		}
		if len(parts) > 0 && m.Type == doc.Organization && k == m.hb-1 && weekdays[f] {
			continue // "said The News Monday": The News, on Monday
		}
		if len(parts) > 0 && m.Type == doc.Organization && k == m.hb-2 && f == "on" && weekdays[st.info[k+1].lower] {
			continue // "published by the Echo on Friday": the Echo
		}
		if m.Type == doc.Person {
			if personParticles[f] && k+1 < m.hb {
				continue // "Di Ferrante" is Ferrante
			}
			f = wi.translitFolded()
		} else if f == "the" && len(parts) == 0 {
			continue
		}
		parts = append(parts, f)
	}
	if m.Type == doc.Person && len(parts) >= 2 {
		if c, ok := firstNameForms[parts[0]]; ok {
			parts[0] = c
		}
	}
	return parts
}

// postNominals are the letters after a person's name that say an office,
// an honour or a degree, not who they are: "Neil Ford QC", "Ann Lowe MP".
var postNominals = map[string]bool{
	"QC": true, "KC": true, "MP": true, "MEP": true, "MSP": true, "MLA": true, "OBE": true,
	"CBE": true, "MBE": true, "KBE": true, "DBE": true, "PhD": true, "FRS": true,
}

// weekdays are the days of the week, which the tagger sometimes runs into
// the name of an organisation that said something on that day.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// cluster groups the name mentions into entities.
func (st *state) cluster() {
	parts := make([][]string, len(st.ments))
	surnames, fulls := map[string]bool{}, map[string]bool{}
	// fullSurnames are the last words of the full names of people.
	fullSurnames := map[string]bool{}
	// firstSurnames holds the first words of the names of people written
	// surname first ("Park Ji-hoon", hyphenedGiven).
	firstSurnames := map[string]bool{}
	// votes counts, for each one-word name the lexicons do not place,
	// the times the tagger typed it a person less the times it typed it
	// something else.
	votes := map[string]int{}
	st.founderNames()
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention {
			continue
		}
		if m.Type == doc.Person && m.hb-m.ha >= 2 && (companyTrades[st.info[m.hb-1].lower] && !surnameTrades[st.info[m.hb-1].lower] || forceNouns[st.info[m.hb-1].lower]) &&
			st.gaz[m.ha]&gFirstName == 0 && m.gender == doc.Unknown {
			// "Loop Holdings", "Korvana Foods", "Kestwick Police": a name
			// that ends in a company's trade or a force's noun, no first
			// name before it, is the company's or the force's, unlearned
			// (doc.Document.AttribMentions); so is one a title comes
			// before ("activist investor Greyfell Partners").
			m.learnedType, m.Type = m.Type, doc.Organization
		}
		parts[i] = st.nameParts(m)
		if len(parts[i]) == 1 && m.place == "" {
			if m.Type == doc.Person {
				votes[parts[i][0]]++
			} else {
				votes[parts[i][0]]--
			}
		}
		if m.Type == doc.Person && len(parts[i]) >= 2 {
			surnames[parts[i][len(parts[i])-1]] = true
			fullSurnames[parts[i][len(parts[i])-1]] = true
			fulls[strings.Join(parts[i], " ")] = true
			if st.hyphenedGiven(st.words[m.hb-1]) {
				// "Park Ji-hoon": written surname first.
				firstSurnames[parts[i][0]] = true
			}
		}
		// A surname with a person's title or honorific ("President
		// Trump", "Mrs Novak") is a person's too.
		if m.Type == doc.Person && len(parts[i]) == 1 && (m.role >= 0 || m.gender == doc.Male || m.gender == doc.Female) {
			surnames[parts[i][0]] = true
		}
	}
	// orgFirst maps the first word of each organisation's name of several
	// words with an organisation's noun in it ("Harwell Motor Corp.") to
	// that name's parts, or to nil when two names share it or the word
	// opens a person's name too. A company's name of two words whose
	// second says its trade ("Northline Rail", companyTrades), or a
	// club's that ends in a club's word ("Dunmore Athletic", clubWords),
	// counts too, unlearned (doc.Document.AttribMentions).
	// sharedFirst holds the first words that open the names of two such
	// organisations and no person's ("Samsung" of "Samsung Electronics"
	// and "Samsung Group").
	orgFirst := map[string][]string{}
	tradeFirst := map[string]bool{}
	sharedFirst, personFirst := map[string]bool{}, map[string]bool{}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || len(parts[i]) < 2 {
			continue
		}
		if m.Type == doc.Person {
			orgFirst[st.info[m.ha].lower] = nil
			personFirst[st.info[m.ha].lower] = true
		}
		trade := m.hb-m.ha == 2 && (companyTrades[st.info[m.hb-1].lower] || clubWords[st.info[m.hb-1].lower])
		if m.Type == doc.Organization && m.place == "" && (st.hasOrgNoun(m.ha+1, m.hb) || trade) {
			if full, ok := orgFirst[parts[i][0]]; ok && !slices.Equal(full, parts[i]) {
				orgFirst[parts[i][0]] = nil
				sharedFirst[parts[i][0]] = full != nil || sharedFirst[parts[i][0]]
			} else {
				orgFirst[parts[i][0]] = parts[i]
				tradeFirst[parts[i][0]] = trade && !st.hasOrgNoun(m.ha+1, m.hb)
			}
		}
	}
	// A first name and a surname the tagger typed an organisation or a
	// place, whose bearer speaks ("Tony Lake, of the police officers'
	// association, said"), is a person wherever it is named.
	// With a first name written with accents that the lexicons know
	// without them ("Jürgen", "Inês"), unlearned: the attribution models
	// keep the tagger's type (learnedType).
	speaking, accented := map[string]bool{}, map[string]bool{}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention {
			continue
		}
		if st.speakingFirstName(i, parts[i]) {
			speaking[strings.Join(parts[i], " ")] = true
		} else if st.speakingAccented(i, parts[i]) {
			speaking[strings.Join(parts[i], " ")] = true
			accented[strings.Join(parts[i], " ")] = true
		}
	}
	// A one-word name named as a publication reporting ("according to
	// the news outlet Kvellen", reportingOutlet) or as a seat that speaks
	// ("The Kremlin has said", speakingInstitution) is an organisation
	// wherever it is named, unlearned: the attribution models keep the
	// tagger's type (learnedType).
	institutions, instType := map[string]bool{}, map[string]doc.EntityType{}
	// orgShort maps the words of an organisation's name of three words
	// or more, less the organisation's noun that ends it, to that name's
	// parts: "westmere general" to "westmere general hospital".
	orgShort := map[string][]string{}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind == doc.NameMention && m.Type == doc.Organization && len(parts[i]) >= 3 && len(parts[i]) == m.hb-m.ha && st.gaz[m.hb-1]&gOrgNoun != 0 {
			orgShort[strings.Join(parts[i][:len(parts[i])-1], " ")] = parts[i]
		}
	}
	for i := range st.ments {
		if (st.reportingOutlet(i, parts[i]) || st.speakingInstitution(i, parts[i])) && !surnames[parts[i][0]] {
			institutions[parts[i][0]] = true
		}
	}
	// A one-word name the text calls a city, a town or another kind of
	// place ("the city of Mackay") is a place wherever it is named, though
	// the tagger took it for a surname.
	called := map[string]bool{}
	for i := range st.ments {
		if m := &st.ments[i]; m.Kind == doc.NameMention && len(parts[i]) == 1 && st.calledPlace(m.ha) {
			called[parts[i][0]] = true
		}
	}
	// A one-word name whose demonym the text writes before a noun or a
	// title ("Kelmaran lorries") is a country's, a place, unlearned: the
	// attribution models keep the tagger's type (learnedType).
	countries := st.demonymCountries()
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || len(parts[i]) == 0 {
			continue
		}
		if m.Type != doc.Person && m.place == "" && len(speaking) > 0 && speaking[strings.Join(parts[i], " ")] {
			if accented[strings.Join(parts[i], " ")] && m.learnedType == 0 {
				m.learnedType = m.Type
			}
			m.Type = doc.Person
		}
		// The tagger often types a known person's surname as an
		// organisation or place ("the Trump campaign").
		if m.Type != doc.Person && m.place == "" {
			pp := make([]string, 0, len(parts[i]))
			for k, p := range parts[i] {
				if personParticles[p] && k+1 < len(parts[i]) {
					continue // "Di Ferrante"
				}
				pp = append(pp, translit(p))
			}
			if len(pp) == 1 && (surnames[pp[0]] || votes[parts[i][0]] > 0) || fulls[strings.Join(pp, " ")] {
				// ... or a one-word name it types a person more often
				// than not ("Dusek" at the head of a sentence).
				m.Type = doc.Person
				parts[i] = pp
			}
		}
		if m.Type == doc.Person && len(parts[i]) == 1 && called[parts[i][0]] && m.role < 0 && m.gender == doc.Unknown {
			m.Type = doc.Place
		}
		if len(countries) > 0 && m.Type == doc.Person && m.hb == m.ha+1 && len(parts[i]) == 1 && countries[st.info[m.ha].lower] &&
			m.role < 0 && m.gender == doc.Unknown && st.gaz[m.ha]&gFirstName == 0 && !fullSurnames[parts[i][0]] {
			// Not one whose name is a person's surname ("Vilderian" of
			// "Tomas Vilder").
			if m.learnedType == 0 {
				m.learnedType = m.Type
			}
			m.Type = doc.Place
		}
		// The first word of a company's name, alone, no first name and no
		// one's surname, is that company, though the tagger took it for a
		// person ("Harwell said" after "Harwell Motor Corp.").
		// So is the first word of a company's name that says its trade,
		// alone, where the tagger took it for a place the lexicons do not
		// know ("accused Northline of" after "Northline Rail").
		placeTrade := m.Type == doc.Place && m.place == "" && m.hb == m.ha+1 && tradeFirst[st.info[m.ha].lower]
		if placeTrade || m.Type == doc.Person && m.hb == m.ha+1 && len(parts[i]) == 1 && m.role < 0 && m.gender == doc.Unknown && st.gaz[m.ha]&gFirstName == 0 && !surnames[parts[i][0]] {
			if full := orgFirst[st.info[m.ha].lower]; full != nil {
				if tradeFirst[st.info[m.ha].lower] {
					m.learnedType = m.Type
				}
				m.Type = doc.Organization
				parts[i] = full
			} else if !placeTrade && m.place == "" && sharedFirst[st.info[m.ha].lower] && !personFirst[st.info[m.ha].lower] && st.otherNamed(parts[i][0]) < 0 {
				// The first word of two organisations' names, alone, is
				// an organisation of its own ("Samsung, a conglomerate"
				// after "Samsung Electronics" and "Samsung Group"),
				// unlearned; not a place named so before ("said Chicago
				// Alderman …" after "CHICAGO -").
				if m.learnedType == 0 {
					m.learnedType = m.Type
				}
				m.Type = doc.Organization
			}
		}
		// A place's name that is the surname of a person named in full,
		// speaking ("Jordan said" after "his assistant Pete Jordan"), is
		// that person: a country says things too, but not as the subject
		// of a name the article gave a person.
		if m.Type != doc.Person && len(parts[i]) == 1 && (m.place != "" && fullSurnames[translit(parts[i][0])] || m.Type == doc.Place && firstSurnames[translit(parts[i][0])]) && st.speechSubject(i) {
			m.Type, m.place, m.country = doc.Person, "", false
			parts[i] = []string{translit(parts[i][0])}
		}
		if len(institutions) > 0 && m.place == "" && len(parts[i]) == 1 && institutions[parts[i][0]] && m.role < 0 && m.gender == doc.Unknown {
			// The attribution models saw every mention of the name with
			// the type of its entity, which its first mention gave.
			t, ok := instType[parts[i][0]]
			if !ok {
				t = m.Type
				instType[parts[i][0]] = t
			}
			if t != doc.Organization {
				if m.learnedType == 0 {
					m.learnedType = t
				}
				m.Type = doc.Organization
			}
		}
		if m.Type != doc.Organization && m.place == "" && len(parts[i]) >= 2 && len(orgShort) > 0 && m.role < 0 && m.gender == doc.Unknown {
			// "Westmere General" after or before "Westmere General
			// Hospital": the organisation named short, unlearned, as the
			// attribution models saw the first so named.
			key := strings.Join(parts[i], " ")
			if full := orgShort[key]; full != nil && !fulls[key] {
				t, ok := instType[key]
				if !ok {
					t = m.Type
					instType[key] = t
				}
				if m.learnedType == 0 {
					m.learnedType = t
				}
				m.Type = doc.Organization
				parts[i] = full
			}
		}
		if m.Type == doc.Person && m.hb-m.ha == 2 && m.hb < len(st.words) && isPossessive(st.words[m.hb]) && m.role < 0 && m.gender == doc.Unknown &&
			saintWords[st.words[m.ha]] && m.hb+1 < len(st.words) && st.pos[m.hb+1].IsNoun() && !st.d.Tokens[m.hb+1].Has(doc.Upper) {
			// "St Aidan's wards": the place named after a saint, not the
			// saint, unlearned.
			if m.learnedType == 0 {
				m.learnedType = m.Type
			}
			m.Type = doc.Place
		}
		m.parts = parts[i]
		if m.Type == doc.Person && len(m.parts) == 1 && !surnames[m.parts[0]] && votes[m.parts[0]] <= 0 {
			// A word the tagger calls a person here and an organisation or
			// place as often elsewhere is the organisation or place.
			if e := st.otherNamed(m.parts[0]); e >= 0 {
				m.Type = st.ents[e].Type
			}
		}
		switch m.Type {
		case doc.Person:
			st.clusterPerson(i)
		default:
			st.clusterOther(i)
		}
	}
}

// saintWords open the name of a saint: "St Aidan", "Saint Brigid".
var saintWords = map[string]bool{"St": true, "St.": true, "Saint": true, "Ste": true}

// companyTrades are the words for a trade that end companies' names of
// two words ("Northline Rail", "Korvana Foods", "Loop Holdings", "Brakvik
// Lines").
var companyTrades = map[string]bool{"rail": true, "railways": true, "airways": true, "airlines": true, "air": true,
	"foods": true, "energy": true, "motors": true, "holdings": true, "media": true, "telecom": true, "pharma": true,
	"capital": true, "partners": true, "systems": true, "technologies": true, "labs": true, "logistics": true,
	"shipping": true, "ferries": true, "mining": true, "insurance": true, "retail": true, "steel": true, "oil": true,
	"power": true, "software": true, "studios": true, "records": true, "pharmaceuticals": true, "brewery": true,
	"motor": true, "bus": true, "buses": true, "trains": true, "water": true, "homes": true, "estates": true,
	"appliances": true, "electronics": true, "electrical": true, "chemicals": true, "textiles": true, "cosmetics": true,
	"furniture": true, "toys": true, "beverages": true, "brewing": true, "construction": true, "engineering": true,
	"aerospace": true, "automotive": true, "healthcare": true, "biotech": true, "therapeutics": true, "robotics": true,
	"semiconductor": true, "devices": true, "instruments": true, "networks": true, "communications": true,
	"telecoms": true, "utilities": true, "petroleum": true, "freight": true, "haulage": true, "hotels": true,
	"cruises": true, "investments": true, "ventures": true, "publishing": true, "apparel": true, "resources": true,
	"properties": true, "lines": true, "securities": true}

// forceNouns end the names of police and fire services ("Kestwick
// Police", "Dunmore Constabulary").
var forceNouns = map[string]bool{"police": true, "constabulary": true}

// clubWords end sports clubs' names of two words after the town's
// ("Dunmore Athletic", "Harbour Rovers", "Harbury United"), which the
// town's name alone stands for in a report on a match: "Dunmore moved to
// third".
var clubWords = map[string]bool{"athletic": true, "rovers": true, "wanderers": true, "albion": true, "hotspur": true,
	"harriers": true, "rangers": true, "fc": true, "afc": true, "united": true}

// surnameTrades are the companyTrades that are surnames too ("Samantha
// Power"), which end no person's name the less.
var surnameTrades = map[string]bool{"power": true, "rail": true, "air": true, "water": true, "steel": true, "oil": true,
	"bus": true, "motor": true, "capital": true}

// hasDigit reports whether w holds a digit: no word of a name ("Reilly
// Opelka 7-6" ran into a score).
func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }

// hyphenedGiven reports whether w is written as a given name of two
// syllables joined by a hyphen is in Korean and in older romanisations of
// Chinese: a capital, lower-case letters, a hyphen and two to five
// lower-case letters that end no English participle, agent noun or
// compound, nor any other inflected form of an English word ("Ji-hoon",
// "Hau-yip"; not "Texas-based", "Oscar-winner", "Reagan-like",
// "Bush-spent").
func (st *state) hyphenedGiven(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	if !ok || len(a) < 2 || len(b) < 2 || len(b) > 5 || a[0] < 'A' || a[0] > 'Z' {
		return false
	}
	if strings.HasSuffix(b, "ed") || strings.HasSuffix(b, "ing") || strings.HasSuffix(b, "er") || compoundEnds[b] || st.r.lex.Lemma(b) != b {
		return false
	}
	for _, r := range a[1:] + b {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// compoundEnds end compound adjectives and nouns made with a name
// ("Reagan-like", "Paris-born", "Trump-era", "Ohio-style").
var compoundEnds = map[string]bool{"like": true, "born": true, "era": true, "style": true, "led": true, "run": true,
	"made": true, "held": true, "wide": true, "free": true, "type": true, "based": true, "bound": true, "only": true,
	"owned": true, "area": true, "level": true, "class": true, "size": true, "year": true, "day": true, "week": true, "month": true}

// coordinatedSpeech reports whether mention i is the subject of a verb
// that "and" joins to a verb of saying later in its sentence ("Mr Vance
// also thanked the crews and added that …"): the subject of both.
func (st *state) coordinatedSpeech(i int) bool {
	m := &st.ments[i]
	v := st.verbAfter(m.b)
	if v < 0 {
		return false
	}
	sent := st.d.Tokens[v].Sent
	for k := v + 1; k+1 < len(st.words) && st.d.Tokens[k].Sent == sent; k++ {
		if st.words[k] != "and" {
			continue
		}
		j := k + 1
		for j < len(st.words) && st.pos[j] == doc.TagRB {
			j++
		}
		if j < len(st.words) && st.d.Tokens[j].Sent == sent && st.pos[j].IsVerb() && st.info[j].lex&lxReportH != 0 {
			return true
		}
	}
	return false
}

// possessedBy reports whether name mention i stands in apposition to a
// noun that the name word possesses right before it ("Margaret's
// daughter, Margaret Crichton", "Benny's voice actor Maurice Gosfield"):
// the one named is the possessor's relative, not the possessor.
func (st *state) possessedBy(i int, word string) bool {
	k := st.ments[i].a - 1
	if k >= 0 && st.words[k] == "," {
		k--
	}
	nouns := 0
	for k >= 0 && nouns < 3 && st.d.Tokens[k].Sent == st.d.Tokens[st.ments[i].a].Sent && !st.d.Tokens[k].Has(doc.Upper) && (st.pos[k].IsNoun() || st.pos[k].IsAdjective()) {
		k--
		nouns++
	}
	return nouns > 0 && k >= 1 && isPossessive(st.words[k]) && st.info[k-1].translitFolded() == word
}

// hasOrgNoun reports whether one of tokens [a, b) is an organisation's
// noun ("Corp.", "Party").
func (st *state) hasOrgNoun(a, b int) bool {
	for k := a; k < b; k++ {
		if st.gaz[k]&gOrgNoun != 0 {
			return true
		}
	}
	return false
}

// placeNouns are the kinds of place a name is said to be the name of
// ("the city of Mackay").
var placeNouns = map[string]bool{"city": true, "town": true, "village": true, "port": true, "suburb": true, "county": true, "district": true, "province": true, "island": true, "region": true}

// geoNouns name kinds of land and water that end the names of places
// ("Crimean Peninsula", "Dover Strait", "Red Sea") or open them before
// "of" ("Gulf of Aden"). Words that end the names of
// organisations as often ("Channel", "Forest", "Sound") are not here.
var geoNouns = map[string]bool{
	"peninsula": true, "strait": true, "straits": true, "sea": true, "ocean": true, "gulf": true,
	"bay": true, "river": true, "lake": true, "lakes": true, "mount": true, "mountain": true,
	"mountains": true, "valley": true, "island": true, "islands": true, "isle": true, "isles": true,
	"desert": true, "canal": true, "basin": true, "plateau": true, "cape": true, "delta": true,
	"glacier": true, "archipelago": true, "lagoon": true, "falls": true, "highlands": true,
}

// geoName reports whether name mention m, of two words or more, ends in a
// geoNoun, or opens with a geoOpener or with a geoNoun before "of", with no
// organisation's noun in it: the name of a place ("the Crimean
// Peninsula", "Lake Ladoga", "Gulf of Aden"), whatever the tagger typed.
func (st *state) geoName(m *ment) bool {
	if m.hb-m.ha < 2 || st.hasOrgNoun(m.ha, m.hb) || !st.capitalised(m) {
		return false
	}
	switch first := st.info[m.ha].lower; {
	case geoNouns[st.info[m.hb-1].lower]:
		return true
	case geoOpeners[first]:
		return true
	default:
		return geoNouns[first] && st.info[m.ha+1].lower == "of"
	}
}

// geoOpeners open the names of places before a name ("Lake Ladoga",
// "Mount Elgon"); the other geoNouns open one only before "of" ("Gulf of
// Aden"), since "Sea Org" and "Straits Times" are no places.
var geoOpeners = map[string]bool{"lake": true, "mount": true, "cape": true, "river": true, "port": true, "fort": true}

// facilityNouns end the names of buildings, grounds and ways, which are
// places ("Fisht Stadium", "Heathrow Airport", "Fifth Avenue"); nouns
// that end the names of the bodies that run such places as often
// ("Centre", "Museum", "Hospital", "Hall") are not here.
var facilityNouns = map[string]bool{
	"stadium": true, "arena": true, "airport": true, "street": true, "avenue": true, "road": true,
	"square": true, "bridge": true, "tower": true, "towers": true, "palace": true, "castle": true,
	"cathedral": true, "boulevard": true, "highway": true, "motorway": true,
}

// facilityName reports whether name mention m, of two words or more,
// capitalised, ends in a facilityNoun.
func (st *state) facilityName(m *ment) bool {
	return m.hb-m.ha >= 2 && facilityNouns[st.info[m.hb-1].lower] && st.capitalised(m)
}

// capitalised reports whether every word of name mention m but "of" is
// capitalised.
func (st *state) capitalised(m *ment) bool {
	for k := m.ha; k < m.hb; k++ {
		if t := st.d.Tokens[k]; t.Kind != doc.Punct && !t.Has(doc.Upper) && st.info[k].lower != "of" {
			return false
		}
	}
	return true
}

// complementPlaces makes the name after the "of" of an office's title
// ("Mayor of Brennick Tor Elvestad"), which the tagger took for a
// person's, where the office is: the place or organisation of that name
// the text names elsewhere, else a place of its own, unlearned (the
// attribution models see the tagger's type). It runs after resolution,
// whose candidates stay as the pronoun model learnt them, and leaves a
// person any pronoun or other mention was resolved to.
func (st *state) complementPlaces() {
	for i := range st.ments {
		m := &st.ments[i]
		e := m.Entity
		if m.Kind != doc.NameMention || e < 0 || st.ents[e].Type != doc.Person || !st.placeComplement(i) {
			continue
		}
		only := true
		for j := range st.ments {
			if st.ments[j].Entity == e && !st.placeComplement(j) {
				only = false
				break
			}
		}
		if !only {
			continue
		}
		if m.learnedType == 0 {
			m.learnedType = m.Type
		}
		m.Type = doc.Place
		key := strings.Join(st.nameParts(m), " ")
		m.Entity = -1
		for o := range st.ents {
			if x := &st.ents[o]; o != e && x.Type != doc.Person && !x.described && x.key == key {
				m.Entity = o
				break
			}
		}
		if m.Entity < 0 {
			m.Entity = e
			x := &st.ents[e]
			x.Type, x.Gender, x.key = doc.Place, doc.Unknown, key
		}
	}
}

// placeComplement reports whether mention i is a name after an office's
// "of" that opens no first name and that no role or word for a sex marks
// (titleComplement).
func (st *state) placeComplement(i int) bool {
	m := &st.ments[i]
	return m.Kind == doc.NameMention && m.role < 0 && m.gender == doc.Unknown && st.gaz[m.ha]&gFirstName == 0 && st.titleComplement(i)
}

// titleComplement reports whether name mention i follows the "of" of
// an office's title, inside a titled name ("Mayor of Brennick Tor
// Elvestad") or a title mention ("the mayor of Brennick").
func (st *state) titleComplement(i int) bool {
	m := &st.ments[i]
	if m.a == 0 || st.info[m.a-1].lower != "of" {
		return false
	}
	for j := range st.ments {
		t := &st.ments[j]
		if j == i || t.role < 0 || st.roleKind(t.role) != lexicon.Office && st.roleKind(t.role) != lexicon.Leader {
			continue
		}
		end := t.b
		if t.Kind == doc.NameMention {
			end = t.ha
		} else if t.Kind != doc.TitleMention {
			continue
		}
		if t.a < m.a && m.b <= end {
			return true
		}
	}
	return false
}

// calledPlace reports whether token k follows "the", a kind of place and
// "of" ("the city of Mackay", "the coastal town of Proserpine").
func (st *state) calledPlace(k int) bool {
	if k < 3 || st.words[k-1] != "of" || !placeNouns[st.info[k-2].lower] {
		return false
	}
	for j := k - 3; j >= 0 && j >= k-5 && st.d.Tokens[j].Sent == st.d.Tokens[k].Sent; j-- {
		if st.info[j].lower == "the" {
			return true
		}
		if !st.pos[j].IsAdjective() {
			return false
		}
	}
	return false
}

// genderClash reports whether surname mention m says its bearer is a man
// or a woman ("Mrs Harding", "Lord Vaux") and the first name of x's full
// name is a common one nearly all of whose bearers are of the other sex
// ("Tom Harding", "Anne Vaux"): two people of one family, not one.
func (st *state) genderClash(m *ment, x *ent) bool {
	return x.name >= 0 && len(x.parts) >= 2 && sexClash(m.gender, st.firstNameSex(st.ments[x.name].ha))
}

// surnameGenderClash reports whether x, so far named by a surname with a
// word that says its bearer's sex ("Mrs Harding"), clashes with the first
// name of full name m ("Tom Harding"), as genderClash does the other way.
func (st *state) surnameGenderClash(x *ent, m *ment) bool {
	return x.name >= 0 && sexClash(st.ments[x.name].gender, st.firstNameSex(m.ha))
}

// firstNameSex returns the sex of nearly all (19 in 20) bearers of the
// first name at token k, when it is a common one; Unknown otherwise
// ("Dodi", rare as a man's name in the lexicon's counts, says nothing).
func (st *state) firstNameSex(k int) doc.Gender {
	c, ok := st.r.gaz.firstName(st.words[k])
	switch {
	case !ok || c.Female+c.Male < 20000:
		return doc.Unknown
	case c.Male >= 19*c.Female:
		return doc.Male
	case c.Female >= 19*c.Male:
		return doc.Female
	}
	return doc.Unknown
}

// sexClash reports whether genders a and b are both known and differ.
func sexClash(a, b doc.Gender) bool {
	return a != doc.Unknown && b != doc.Unknown && a != b
}

// speakingFirstName reports whether name mention i, of two words (parts),
// or three whose first is a capitalised word the lexicons do not know
// ("Yunfan Gerry Zhang"), typed an organisation or a place and placed by
// no lexicon, has a common first name before its last word, ends in
// neither a plural ("Dallas Cowboys") nor
// an organisation's noun ("Cleveland Police"), and is the subject of a
// verb of saying: a person the tagger mistyped.
func (st *state) speakingFirstName(i int, parts []string) bool {
	m := &st.ments[i]
	if m.Type == doc.Person || m.place != "" || len(parts) != m.hb-m.ha {
		return false
	}
	first := m.ha
	switch len(parts) {
	case 2:
	case 3:
		// "Yunfan Gerry Zhang": a given name the lexicon does not know,
		// then a common first name and the surname.
		if st.gaz[m.ha]&(gFirstName|gOrgNoun|gRoleB|gPersonNounB) != 0 || !st.d.Tokens[m.ha].Has(doc.Upper) {
			return false
		}
		first = m.ha + 1
	default:
		return false
	}
	return st.commonFirstName(first) && st.pos[m.hb-1] != doc.TagNNPS && st.gaz[m.hb-1]&gOrgNoun == 0 && st.speechSubject(i)
}

// speakingAccented is speakingFirstName for a name of two words whose
// first is written with accents and known, without them, as a first name
// of two hundred bearers or more, few as the lexicons count them
// ("Jürgen Klinsmann said").
func (st *state) speakingAccented(i int, parts []string) bool {
	m := &st.ments[i]
	if m.Type == doc.Person || m.place != "" || len(parts) != 2 || m.hb-m.ha != 2 || isASCII(st.words[m.ha]) {
		return false
	}
	c, ok := st.r.gaz.firstName(st.words[m.ha])
	return ok && c.Female+c.Male >= 200 && st.pos[m.hb-1] != doc.TagNNPS && st.gaz[m.hb-1]&gOrgNoun == 0 && st.speechSubject(i)
}

func (st *state) newEntity(t doc.EntityType, mi int) int {
	st.ents = append(st.ents, ent{Entity: doc.Entity{Type: t}, name: mi, role: -1, lastMent: -1})
	st.total = append(st.total, 1)
	st.firstOf = append(st.firstOf, mi)
	return len(st.ents) - 1
}

// clusterPerson assigns person name mention i to an entity: the one whose
// name it repeats or shortens, or a new one.
func (st *state) clusterPerson(i int) {
	m := &st.ments[i]
	p := m.parts
	last := p[len(p)-1]
	pick := -1
	if len(p) >= 2 {
		first := p[0]
		for e := range st.ents {
			x := &st.ents[e]
			if x.Type != doc.Person || x.described || x.last != last || x.name >= 0 && len(x.parts) >= 2 && st.ments[x.name].suffix != m.suffix {
				continue
			}
			if x.first == first || x.first == "" && !st.surnameGenderClash(x, m) || compatibleFirst(x.first, first) {
				if pick < 0 || st.ents[pick].first != first && x.first == first {
					pick = e
				}
			}
		}
		if pick < 0 && st.gaz[m.ha]&gFirstName != 0 {
			// A first name alone said before the full name ("Amy cries"
			// over a report on Amy Winehouse): the one such person, not
			// one whose relative the full name is ("Margaret's daughter,
			// Margaret Crichton").
			possessed := st.possessedBy(i, first)
			for e := range st.ents {
				x := &st.ents[e]
				if x.Type == doc.Person && !x.described && len(x.parts) == 1 && x.last == first && !possessed {
					if pick >= 0 {
						pick = -1
						break
					}
					pick = e
				}
			}
		}
	} else {
		var cands []int
		for e := range st.ents {
			x := &st.ents[e]
			if x.Type == doc.Person && !x.described && x.last == last && (m.suffix == "" || x.name >= 0 && st.ments[x.name].suffix == m.suffix) && !st.genderClash(m, x) {
				cands = append(cands, e)
			}
		}
		if len(cands) == 0 {
			// "Ian Hasleby … Mr Haselby", "Trevor Houser … Hauser": a
			// surname misspelt, the one person whose surname it is.
			for e := range st.ents {
				x := &st.ents[e]
				if x.Type == doc.Person && !x.described && len(x.parts) >= 2 && swapped(x.last, last) {
					cands = append(cands, e)
				}
			}
			if len(cands) > 1 {
				cands = nil
			}
		}
		if len(cands) == 0 && st.speechSubject(i) {
			// "said Camille Etienne Gbedey … Etienne said": a word inside
			// a name of three words or more, the first of a surname of
			// two, is the one person whose name it is, as the subject
			// of a verb of saying.
			for e := range st.ents {
				x := &st.ents[e]
				if x.Type == doc.Person && !x.described && len(x.parts) >= 3 && slices.Contains(x.parts[1:len(x.parts)-1], last) && !st.genderClash(m, x) &&
					!slices.ContainsFunc(x.parts, hasDigit) {
					cands = append(cands, e)
				}
			}
			if len(cands) > 1 {
				cands = nil
			}
		}
		switch {
		case len(cands) == 1:
			pick = cands[0]
		case len(cands) > 1:
			pick = st.disambiguate(cands, i)
		default:
			// A first name alone: "Vitali said".
			for e := range st.ents {
				x := &st.ents[e]
				if x.Type == doc.Person && !x.described && (x.first == last || x.name >= 0 && strings.Contains(st.words[st.ments[x.name].ha], "-") && izafaFirst(x.first, last)) && len(x.parts) >= 2 {
					if pick >= 0 {
						pick = -1
						break
					}
					pick = e
					m.conf = 0.8
				}
			}
		}
	}
	if pick < 0 {
		pick = st.newEntity(doc.Person, i)
	}
	x := &st.ents[pick]
	if len(p) > len(x.parts) {
		x.parts = p
		x.last = last
		if len(p) >= 2 {
			x.first = p[0]
		}
		x.name = i
	}
	m.Entity = pick
}

// nameGender returns the gender entity e's fullest name shows: from an
// honorific, or from a first name that nine in ten of its bearers share.
func (st *state) nameGender(e int) doc.Gender {
	x := &st.ents[e]
	g := doc.Unknown
	for _, m := range st.ments {
		if m.Entity == e && m.Kind == doc.NameMention && (m.gender == doc.Male || m.gender == doc.Female) {
			return m.gender
		}
	}
	if x.name >= 0 && len(x.parts) >= 2 {
		switch f := st.gaz[st.titledNameStart(&st.ments[x.name])]; {
		case f&gFemaleName != 0:
			g = doc.Female
		case f&gMaleName != 0:
			g = doc.Male
		}
	}
	return g
}

// swapped reports whether a and b, of six letters or more, differ only
// by two adjacent letters swapped, or by one vowel after the first
// letter: one a slip of the other.
func swapped(a, b string) bool {
	if len(a) != len(b) || len(a) < 6 || a == b {
		return false
	}
	i := 0
	for a[i] == b[i] {
		i++
	}
	if i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] {
		return true
	}
	// One vowel for another ("Hauser" for "Houser"), past the first letter.
	return i > 0 && strings.IndexByte("aeiou", a[i]) >= 0 && strings.IndexByte("aeiou", b[i]) >= 0 && a[i+1:] == b[i+1:]
}

// izafaFirst reports whether first name w is full, a first name joined
// by a hyphen to the Arabic article as South Asian names write it
// ("Inzamam-ul Haq", folded "inzamamul"; the caller checks the hyphen),
// without the article: "Inzamam" is how the text names him again.
func izafaFirst(full, w string) bool {
	rest, ok := strings.CutPrefix(full, w)
	if !ok || len(w) < 3 {
		return false
	}
	switch rest {
	case "ul", "ud", "ur", "us", "un":
		return true
	}
	return false
}

// compatibleFirst reports whether two folded first names can be the same
// person's: equal, or one an initial of the other.
func compatibleFirst(a, b string) bool {
	if a == b {
		return true
	}
	return len(a) == 1 && strings.HasPrefix(b, a) || len(b) == 1 && strings.HasPrefix(a, b)
}

// ageWords are the words that set apart two people of one surname by
// age ("the younger Pryce"), each with the one it stands for.
var ageWords = map[string]string{"younger": "younger", "elder": "elder", "older": "elder"}

// describedAs reports whether a title in apposition to a name of entity e
// has the modifier w, or one ageWords takes for it: "the defendant's
// younger brother".
func (st *state) describedAs(e int, w string) bool {
	for k := range st.ments {
		t := &st.ments[k]
		if t.Kind != doc.TitleMention || t.attach < 0 || !slices.ContainsFunc(t.mods, func(x string) bool { return ageWords[x] == w }) {
			continue
		}
		for j := range st.ments {
			if n := &st.ments[j]; n.Kind == doc.NameMention && n.ha == t.attach && n.Entity == e {
				return true
			}
		}
	}
	return false
}

// disambiguate chooses among people who share the surname mention i
// gives alone: the honorific's gender decides when it can; then "the
// younger" or "the elder" before it, the one a title so describes; then, when
// the mention is the subject of a verb of saying, the one of them who
// alone has spoken before ("John Drayton said … Mr Drayton said");
// otherwise the one mentioned most so far, with low confidence.
func (st *state) disambiguate(cands []int, i int) int {
	m := &st.ments[i]
	if m.gender == doc.Male || m.gender == doc.Female {
		var same []int
		for _, e := range cands {
			if st.nameGender(e) == m.gender {
				same = append(same, e)
			}
		}
		if len(same) == 1 {
			m.conf = 0.9
			return same[0]
		}
	}
	if k := m.ha; k >= 2 && st.info[k-2].lower == "the" && ageWords[st.info[k-1].lower] != "" {
		// "the younger Pryce": the one of them a title in apposition
		// calls so ("Tomas Pryce, the defendant's younger brother").
		var said []int
		for _, e := range cands {
			if st.describedAs(e, ageWords[st.info[k-1].lower]) {
				said = append(said, e)
			}
		}
		if len(said) == 1 {
			m.conf = 0.8
			return said[0]
		}
	}
	if st.speechSubject(i) || st.coordinatedSpeech(i) {
		spoke := -1
		for k := range i {
			o := &st.ments[k]
			if o.Kind != doc.NameMention || !slices.Contains(cands, o.Entity) || o.Entity == spoke || !st.speechSubject(k) {
				continue
			}
			if spoke >= 0 {
				spoke = -1
				break
			}
			spoke = o.Entity
		}
		if spoke >= 0 {
			m.conf = 0.7
			return spoke
		}
	}
	counts := make([]int, len(cands))
	for k := range st.ments {
		if st.ments[k].a >= m.a {
			break
		}
		for j, e := range cands {
			if st.ments[k].Kind == doc.NameMention && st.ments[k].Entity == e {
				counts[j]++
			}
		}
	}
	best, second := -1, -1
	for j := range cands {
		if best < 0 || counts[j] > counts[best] {
			best, second = j, best
		} else if second < 0 || counts[j] > counts[second] {
			second = j
		}
	}
	m.conf = 0.6
	if second >= 0 && counts[second] == counts[best] {
		// As often as each other: the one the article introduced first,
		// whom a surname alone most often means, with less confidence.
		m.conf = 0.4
		return cands[min(best, second)]
	}
	return cands[best]
}

// otherNamed returns the organisation or place entity named by the one
// folded word w, or -1.
func (st *state) otherNamed(w string) int {
	for e := range st.ents {
		if x := &st.ents[e]; x.Type != doc.Person && !x.described && x.key == w {
			return e
		}
	}
	return -1
}

// clusterOther assigns an organisation or place name mention: to the
// entity with the same name (a country in any of its forms is one
// entity), the one it abbreviates, or a new one.
func (st *state) clusterOther(i int) {
	m := &st.ments[i]
	key := strings.Join(m.parts, " ")
	if t := st.titleOwner(m); t != "" {
		key = strings.ToLower(t) + " " + key // "the President's Office" is not "the Prime Minister's Office"
	}
	if m.country {
		key = "@" + m.place
	}
	acr := initials(st, m)
	pick := -1
	for e := range st.ents {
		x := &st.ents[e]
		if x.Type == doc.Person || x.described {
			continue
		}
		if x.key == key || len(m.parts) == 1 && x.acronym != "" && x.acronym == m.parts[0] || acr != "" && x.key == acr ||
			x.Type == m.Type && (namedHead(key, x.key) || namedHead(x.key, key)) ||
			x.Type == doc.Organization && m.Type == doc.Organization && (tradeShort(key, x.key) || tradeShort(x.key, key)) {
			pick = e
			break
		}
	}
	if pick < 0 {
		pick = st.newEntity(m.Type, i)
		st.ents[pick].key = key
		st.ents[pick].acronym = acr
		st.ents[pick].nation = m.place
	}

	x := &st.ents[pick]
	if x.name >= 0 && st.ments[x.name].hb-st.ments[x.name].ha < m.hb-m.ha && x.Type == m.Type {
		x.name = i
	}
	m.Entity = pick
}

// tradeShort reports whether the organisation name short, one word, is
// the name long without the word of its trade that ends it ("lumora" of
// "lumora technologies", companyTrades): one company, named in full and
// in short.
func tradeShort(short, long string) bool {
	n := len(short)
	return len(long) > n+1 && long[n] == ' ' && long[:n] == short && !strings.Contains(short, " ") && companyTrades[long[n+1:]]
}

// namedHead reports whether the organisation name short, of two words
// or more, is the head of the name long, which goes on with a
// preposition ("nuffield council" of "nuffield council on bioethics",
// "european court" of "european court of human rights"): the one
// organisation, named in full and in short.
func namedHead(short, long string) bool {
	n := len(short)
	if len(long) <= n+1 || long[n] != ' ' || long[:n] != short || !strings.Contains(short, " ") {
		return false
	}
	rest := long[n+1:]
	switch p, _, _ := strings.Cut(rest, " "); p {
	case "of", "on", "for", "in":
		return true
	}
	return false
}

// titleOwner returns the title and the possessive mark right before
// organisation name mention m when a title owns it ("President's" in "the
// President's Office", "Prime Minister's"), or "": the office is that
// title's, and its name is both.
func (st *state) titleOwner(m *ment) string {
	k := m.ha - 1
	if m.Type == doc.Person || k < 1 || !isPossessive(st.words[k]) {
		return ""
	}
	a := k
	for a > 0 && k-a < 3 && st.d.Tokens[a-1].Has(doc.Upper) && st.gaz[a-1]&(gRoleB|gRoleI|gLeaderB|gLeaderI) != 0 {
		a--
	}
	if a == k {
		return ""
	}
	return st.d.Slice(st.d.TokenSpan(a, k)) + "'s"
}

// initials returns the lower-case initials of a name of several
// capitalised words ("North Atlantic Treaty Organization" -> "nato"), or
// "".
func initials(st *state, m *ment) string {
	if m.hb-m.ha < 2 {
		return ""
	}
	var b strings.Builder
	for k := m.ha; k < m.hb; k++ {
		w := st.words[k]
		if acronymLink(w) || isPossessive(w) {
			continue // "Employers’ Association" gives "ea"
		}
		if !st.d.Tokens[k].Has(doc.Upper) {
			return ""
		}
		b.WriteString(lowerASCII(w[:1]))
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// attachTitles gives each named entity the titles its mentions carry
// (premodifying titles and appositions), resolves appositive title
// mentions to the name they describe, and sets each entity's nationality
// and gender from what the text says.
func (st *state) attachTitles() {
	nameAt := map[int]int{} // head start token -> name mention
	for i, m := range st.ments {
		if m.Kind == doc.NameMention {
			nameAt[m.ha] = i
		}
	}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind == doc.TitleMention && m.attach >= 0 {
			ni, ok := nameAt[m.attach]
			if !ok || st.ments[ni].Entity < 0 {
				m.attach = -1
				continue
			}
			m.Entity = st.ments[ni].Entity
			if m.gender != doc.Unknown && st.ments[ni].gender == doc.Unknown {
				st.ments[ni].gender = m.gender
			}
		}
		if m.Entity < 0 || m.title == "" || m.role < 0 {
			continue
		}
		if m.Kind == doc.NameMention || m.Kind == doc.TitleMention && m.attach >= 0 {
			st.addTitle(m.Entity, m)
		}
	}
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.NameMention || m.Entity < 0 {
			continue
		}
		x := &st.ents[m.Entity]
		if m.gender == doc.Male || m.gender == doc.Female {
			if x.genderFrom != 'h' {
				x.Gender, x.genderFrom = m.gender, 'h'
			}
		} else if g := st.predicateGender(m); g != doc.Unknown && x.Type == doc.Person && x.genderFrom != 'h' {
			x.Gender, x.genderFrom = g, 'h'
		}
		if m.honor > 0 && x.Type == doc.Person {
			// "Sen. Ana Ruiz" is a senator, whom "the senator" can be.
			r := m.honor - 1
			form := st.r.gaz.roles[r].Form
			x.titles = append(x.titles, etitle{text: form, role: r})
			if k := st.roleKind(r); (k == lexicon.Leader || k == lexicon.Office) && form != "doctor" && !slices.ContainsFunc(x.Titles, func(t string) bool { return strings.EqualFold(t, form) }) {
				// An office the honorific says is a title the text
				// gives: "Ana Ruiz, senator", "Harcourt, judge" ("Mrs
				// Justice Harcourt"). Not "doctor": "Dr." says a degree
				// as often as a trade.
				x.Titles = append(x.Titles, form)
			}
		}
		if x.Type == doc.Person && m.a >= 2 && isPossessive(st.words[m.a-1]) && st.byTok[m.a-2] >= 0 {
			// "Eastfield's Tom Reyes": he is Eastfield's, whatever his
			// title ("the Eastfield manager").
			pm := &st.ments[st.byTok[m.a-2]]
			x.affil = st.appendQuals(x.affil, pm.ha, pm.hb)
		}
	}
	for e := range st.ents {
		x := &st.ents[e]
		if x.Type != doc.Person || x.genderFrom != 0 || len(x.parts) < 2 || x.name < 0 {
			continue
		}
		// The first name, past a title the tagger ran into the name
		// ("Supervisor Alma Pedrosa").
		f := st.gaz[st.titledNameStart(&st.ments[x.name])]
		switch {
		case f&gFemaleName != 0:
			x.Gender, x.genderFrom = doc.Female, 'n'
		case f&gMaleName != 0:
			x.Gender, x.genderFrom = doc.Male, 'n'
		}
	}
}

// predicateGender returns the sex a noun that marks it says of the name
// mention m when it is the subject of "is" or "was" and that noun heads
// the predicate ("Omar is one of the first two Muslim women", "Lindqvist
// (born 1961) was a former actress"); doc.Unknown otherwise.
func (st *state) predicateGender(m *ment) doc.Gender {
	k := m.b
	if k < len(st.words) && st.words[k] == "(" {
		// "Ana Ruiz (born 1961) is a Chilean actress"
		for j := k + 1; j < len(st.words) && j <= k+12 && st.d.Tokens[j].Sent == st.d.Tokens[m.a].Sent; j++ {
			if st.words[j] == ")" {
				k = j + 1
				break
			}
		}
	}
	if k+1 >= len(st.words) || st.d.Tokens[k].Sent != st.d.Tokens[m.a].Sent {
		return doc.Unknown
	}
	switch st.info[k].lower {
	case "is", "was":
	default:
		return doc.Unknown
	}
	sent := st.d.Tokens[k].Sent
	for j := k + 1; j < len(st.words) && j <= k+8 && st.d.Tokens[j].Sent == sent; j++ {
		for _, mt := range st.ms {
			if mt.start != j {
				continue
			}
			if p := &st.r.gaz.phrases[mt.phrase]; p.role >= 0 && st.r.gaz.roles[p.role].Kind != lexicon.Honorific {
				switch st.r.gaz.roles[p.role].Gender {
				case 'm':
					return doc.Male
				case 'f':
					return doc.Female
				}
				return doc.Unknown // "was a spokesman's aide" says nothing
			}
		}
		switch w := st.info[j].lower; {
		case w == "one" || w == "of" && st.info[j-1].lower == "one":
		case st.pos[j] == doc.TagDT || st.pos[j].IsAdjective() || st.pos[j] == doc.TagCD || st.pos[j] == doc.TagRB || st.pos[j].IsProperNoun() || st.pos[j] == doc.TagNN:
		default:
			return doc.Unknown
		}
	}
	return doc.Unknown
}

// addTitle records the title of mention m on entity e, once.
func (st *state) addTitle(e int, m *ment) {
	x := &st.ents[e]
	if m.nation != "" && x.nation == "" {
		x.nation = m.nation
	}
	for _, t := range x.titles {
		if strings.EqualFold(t.text, m.title) {
			return
		}
	}
	x.titles = append(x.titles, etitle{text: m.title, role: m.role, mods: m.mods, quals: m.quals, nation: m.nation})
	if k := st.roleKind(m.role); k == lexicon.Leader || k == lexicon.Office {
		// Only offices are titles; "a 14-year-old boy", "his wife" only
		// describe, and help resolve "the boy" later.
		x.Titles = append(x.Titles, st.sentenceCased(m))
	}
}

// sentenceCased returns the title of mention m as it would be written
// inside a sentence: a title of two or more words that opens its
// sentence, its other words in lower case, with a capital only because
// it comes first ("Chief financial officer Dan Reyes said", "Former
// prime minister …"), is "chief financial officer"; a proper word
// that opens it keeps its capital ("Derby manager", "India captain").
func (st *state) sentenceCased(m *ment) string {
	t := m.title
	first, rest, ok := strings.Cut(t, " ")
	if !ok || strings.ToLower(rest) != rest || first == "" || first[0] < 'A' || first[0] > 'Z' {
		return t
	}
	for k := m.a; k < m.b && k < len(st.words); k++ {
		if st.words[k] != first {
			continue
		}
		if k > 0 && st.d.Tokens[k-1].Sent == st.d.Tokens[k].Sent {
			return t
		}
		if whenMods[st.info[k].lower] || st.roleStarts(k) {
			return strings.ToLower(first) + " " + rest
		}
		return t
	}
	return t
}

// roleStarts reports whether a role phrase of the lexicons, not an
// honorific, begins at token k ("chief" in "Chief financial officer").
func (st *state) roleStarts(k int) bool {
	for _, mt := range st.ms {
		if mt.start != k {
			continue
		}
		if p := &st.r.gaz.phrases[mt.phrase]; p.role >= 0 && st.r.gaz.roles[p.role].Kind != lexicon.Honorific {
			return true
		}
	}
	return false
}

// apposedTitles makes a description in apposition after a person's name
// that "its" or "their" opens ("Mette Dahlgaard, its chief investment
// officer,") that person's title, unlearned, with whatever was resolved
// to it. It runs after resolution, whose candidates stay as the pronoun
// model learnt them.
func (st *state) apposedTitles() {
	for i := range st.ments {
		m := &st.ments[i]
		if m.apposedTo == 0 || m.Entity < 0 || !st.ents[m.Entity].described {
			continue
		}
		to := -1
		for j := i - 1; j >= 0 && st.ments[j].sent == m.sent; j-- {
			if n := &st.ments[j]; n.Kind == doc.NameMention && n.ha == m.apposedTo-1 && n.Entity >= 0 && st.ents[n.Entity].Type == doc.Person {
				to = n.Entity
				break
			}
		}
		if to < 0 {
			continue
		}
		from := m.Entity
		for j := range st.ments {
			if st.ments[j].Entity == from {
				st.ments[j].Entity = to
			}
		}
		if !m.unlearned {
			st.superseded = append(st.superseded, doc.Mention{Span: st.d.TokenSpan(m.a, m.b), Head: st.d.TokenSpan(m.ha, m.hb), Kind: m.Kind, Type: m.Type, Entity: -1})
			m.supersedes = len(st.superseded)
			m.unlearned = true
		}
		m.Kind = doc.TitleMention
		m.attach = m.apposedTo - 1
		if x := &st.ents[to]; !slices.Contains(x.Titles, m.title) {
			x.Titles = append(slices.Clip(x.Titles), m.title)
		}
	}
}

// ownedTitles names the owner in a title in apposition that a
// possessive pronoun opens: "Its director of campaigns, Owen Petrakis,"
// after a sentence whose subject is Fair Deal is "Fair Deal's director of
// campaigns"; "Her spokeswoman, Ines Varga," "Priya Okonkwo-Hart's
// spokeswoman" where "her" was resolved with confidence, or to the
// subject of the sentence before. "Its" and
// "their" are the organisation that is the subject of the sentence
// before (not a headline), when the title opens its sentence.
func (st *state) ownedTitles() {
	for i := range st.ments {
		m := &st.ments[i]
		if m.Kind != doc.TitleMention || m.attach < 0 || m.Entity < 0 || m.title == "" || st.pos[m.a] != doc.TagPRPS {
			continue
		}
		owner := -1
		switch st.info[m.a].lower {
		case "his", "her":
			// The person "his" or "her" was resolved to with confidence,
			// or, less sure, who is the subject of the sentence before.
			prev := int32(-1)
			if s := m.sent; s > 0 && s-1 >= st.leadSent() {
				prev = st.mainSubject(s - 1)
			}
			for j := i + 1; j < len(st.ments) && st.ments[j].a == m.a; j++ {
				if p := &st.ments[j]; p.Kind == doc.PronounMention && p.Entity >= 0 && (p.conf >= 0.85 || prev >= 0 && st.ments[prev].Entity == p.Entity) {
					owner = p.Entity
				}
			}
		case "its", "their":
			s := m.sent
			if m.a > st.d.Sentences[s].FirstTok && m.unlearned {
				// After the name: "Mette Dahlgaard, its chief investment
				// officer," is the organisation's named last before her.
				if o, desc := st.ownerBefore(i); o >= 0 {
					owner = o
				} else if desc != "" {
					x := &st.ents[m.Entity]
					if k := slices.Index(x.Titles, m.title); k >= 0 {
						x.Titles = slices.Clone(x.Titles)
						x.Titles[k] = desc + "'s " + m.title
					}
				}
				break
			}
			if m.a != st.d.Sentences[s].FirstTok || s == 0 || s-1 < st.leadSent() {
				continue
			}
			if j := st.mainSubject(s - 1); j >= 0 && st.ments[j].Entity >= 0 && !st.d.Tokens[st.ments[j].a].Has(doc.InQuote) {
				owner = st.ments[j].Entity
			}
		}
		if owner < 0 || owner == m.Entity {
			continue
		}
		o := &st.ents[owner]
		his := st.info[m.a].lower == "his" || st.info[m.a].lower == "her"
		if o.name < 0 || o.described || !his && o.Type != doc.Organization || his && o.Type != doc.Person {
			continue
		}
		x := &st.ents[m.Entity]
		if k := slices.Index(x.Titles, m.title); k >= 0 {
			x.Titles = slices.Clone(x.Titles)
			x.Titles[k] = st.entity(owner).Name + "'s " + m.title
		}
	}
}

// ownerBefore returns the organisation a possessive pronoun opening the
// title mention i after a name stands for: the one named or described
// last before the name, in its sentence or the one before, outside
// quotations; a description no entity holds ("the fund") is returned
// as its words after "the" instead.
func (st *state) ownerBefore(i int) (int, string) {
	m := &st.ments[i]
	comma := m.a - 1 // the name ends at it
	first := m.sent
	if first > 0 && first-1 >= st.leadSent() {
		first--
	}
	for j := i - 1; j >= 0; j-- {
		o := &st.ments[j]
		if o.sent < first {
			break
		}
		if o.b >= comma || o.Kind == doc.PronounMention || st.d.Tokens[o.a].Has(doc.InQuote) {
			continue
		}
		typ := o.Type
		if o.Entity >= 0 {
			typ = st.ents[o.Entity].Type
		}
		if typ != doc.Organization {
			continue
		}
		if o.Entity >= 0 {
			return o.Entity, ""
		}
		if o.Kind == doc.NounMention && st.info[o.a].lower == "the" && o.b-o.a <= 3 {
			return -1, oneSpaced(st.d.Text[st.d.Tokens[o.a+1].Start:st.d.Tokens[o.b-1].End])
		}
		return -1, ""
	}
	return -1, ""
}

// roleKind returns the kind of roles-lexicon entry r.
func (st *state) roleKind(r int) lexicon.RoleKind {
	if r < 0 {
		return lexicon.NoRole
	}
	return st.r.gaz.roles[r].Kind
}
