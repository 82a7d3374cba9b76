package entity

import (
	"strings"
	"sync"
	"unicode"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// keyLex is what Key needs from the lexicons: the words that may precede
// a name without being part of it, and the countries' common names.
type keyLex struct {
	titles  map[string]bool   // lower-case honorifics and role words
	country map[string]string // country form -> common name
}

var defaultKeyLex = sync.OnceValue(func() *keyLex {
	k := &keyLex{titles: map[string]bool{}, country: map[string]string{}}
	lex, err := lexicon.Default()
	if err != nil {
		return k
	}
	k.fill(lex)
	return k
})

func (k *keyLex) fill(lex *lexicon.Set) {
	for _, r := range lex.Roles() {
		switch r.Kind {
		case lexicon.Honorific, lexicon.Leader, lexicon.Office:
			k.titles[strings.ToLower(strings.TrimSuffix(r.Form, "."))] = true
		}
	}
	for _, w := range []string{"former", "acting", "interim", "then", "late", "deputy", "vice", "chief", "senior", "the"} {
		k.titles[w] = true
	}
	common := map[string]string{}
	for _, p := range lex.Places() {
		if p.Kind == lexicon.CountryName {
			common[p.Code] = p.Form
		}
	}
	for _, p := range lex.Places() {
		switch p.Kind {
		case lexicon.CountryName, lexicon.CountryOfficial, lexicon.CountryAlt:
			k.country[p.Form] = common[p.Code]
		}
	}
}

// Key returns the key that identifies an entity of type t named name
// across articles: the type, a slash, and the name's words folded to
// ASCII lower case and joined by hyphens ("person/vladimir-putin").
//
// Titles and honorifics before a person's name and a possessive 's are
// dropped (a suffix such as "Jr." is kept: it names another person), and
// spelling variants of
// transliterated names are joined: "President Volodymyr Zelenskyy",
// "Volodymyr Zelensky" and "Volodymyr Zelenskiy" all give
// "person/vladimir-zelenski" (y is written i, doubled letters single,
// "tsch" "ch", "sch" "sh", "kh" "h", and the Ukrainian form of a first
// name its Russian form). A place that names a country gets
// the country's common name ("U.S." and "America" give
// "place/united-states"). Two people who share a surname but not a first
// name get different keys; a surname alone gives a key of its own, which
// a store may join to a full name's key when only one full name matches.
// Key returns "" when name has no letters.
func Key(t doc.EntityType, name string) string {
	return defaultKeyLex().key(t, name)
}

func (k *keyLex) key(t doc.EntityType, name string) string {
	name = strings.TrimSpace(name)
	if t == doc.Place || t == doc.NoType {
		if c, ok := k.country[strings.TrimPrefix(name, "the ")]; ok {
			name = c
		}
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–' })
	var parts []string
	for i, w := range words {
		w = trimPossessive(w)
		f := fold(w)
		if f == "" {
			continue
		}
		if t == doc.Person {
			// Titles only before the name proper.
			if len(parts) == 0 && i < len(words)-1 && k.titles[f] {
				continue
			}
			f = translit(f)
			if len(parts) == 0 && i < len(words)-1 {
				if c, ok := firstNameForms[f]; ok {
					f = c
				}
			}
		} else if len(parts) == 0 && f == "the" && i < len(words)-1 {
			continue
		}
		parts = append(parts, f)
	}
	for t == doc.Organization && len(parts) > 1 && legalSuffixes[parts[len(parts)-1]] {
		parts = parts[:len(parts)-1] // "Microsoft Corp." is Microsoft
	}
	if len(parts) == 0 {
		return ""
	}
	typ := t.String()
	if typ == "" {
		typ = "entity"
	}
	return typ + "/" + strings.Join(parts, "-")
}

// legalSuffixes are the abbreviations of a company's legal form that
// may end its name or not ("Corp.", "Inc", "Ltd", "plc"), folded.
var legalSuffixes = map[string]bool{
	"corp": true, "inc": true, "ltd": true, "llc": true, "plc": true, "co": true, "cos": true,
	"lp": true, "llp": true, "ag": true, "sa": true, "nv": true, "gmbh": true, "bv": true, "pty": true,
}

func trimPossessive(w string) string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// fold lowers w and folds its letters to ASCII, dropping everything that
// is not a letter or digit.
func fold(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r < 0x80 {
			switch {
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				b.WriteByte(byte(r))
			}
			continue
		}
		if s, ok := asciiFold[unicode.ToLower(r)]; ok {
			b.WriteString(s)
		} else if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

var asciiFold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ı': "i", 'þ': "th"}
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ",
		"o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for ascii, rs := range groups {
		for _, r := range rs {
			m[r] = ascii
		}
	}
	return m
}()

// firstNameForms maps the Ukrainian and Belarusian forms of common East
// Slavic first names (folded by translit) to the Russian form news also
// uses for the same people: "Volodymyr Zelensky" and "Vladimir Zelensky"
// are one person.
var firstNameForms = map[string]string{
	"volodimir": "vladimir", "oleksandr": "aleksandr", "oleksii": "aleksei", "oleksi": "aleksei",
	"andri": "andrei", "andrii": "andrei", "serhi": "sergei", "serhii": "sergei", "mihailo": "mihail",
	"mikola": "nikolai", "dmitro": "dmitri", "petro": "piotr", "iurii": "iuri",
	"vasil": "vasili", "pavlo": "pavel", "ihor": "igor", "olena": "elena", "olha": "olga",
	"kirilo": "kiril", "ievhen": "evgeni", "ievgeni": "evgeni", "evgen": "evgeni",
}

// translit folds the spelling variants that transliteration from
// Cyrillic and other scripts produces, so they compare equal: y is
// written i, "tsch" "ch", "sch" "sh", "kh" "h", and doubled letters are
// written once ("zelenskyy", "zelenskiy", "zelensky" -> "zelenski").
func translit(f string) string {
	f = strings.ReplaceAll(f, "tsch", "ch")
	f = strings.ReplaceAll(f, "sch", "sh")
	f = strings.ReplaceAll(f, "kh", "h")
	f = strings.ReplaceAll(f, "y", "i")
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if i > 0 && f[i] == f[i-1] {
			continue
		}
		b = append(b, f[i])
	}
	return string(b)
}
