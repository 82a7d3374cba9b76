package lexicon

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// NameCounts says how many US births of each sex received a first name
// (SSA data, 1880–2020), or carries the gender a name conventionally marks
// in its language (Extra), for names the US data lacks.
type NameCounts struct {
	Female, Male int
	Extra        bool // from firstnames-extra.txt: the counts are 1 or 0
}

// PlaceKind says how a word names a country.
type PlaceKind uint8

// The place kinds.
const (
	NoPlace         PlaceKind = iota
	CountryName               // Ukraine, United Kingdom
	CountryOfficial           // Russian Federation
	CountryAlt                // Britain, U.S.
	Demonym                   // Ukrainian, British
	Capital                   // Kyiv, Washington
	Region                    // a region of a country: Alaska, Calif.
)

// Place is one form of a country lexicon entry.
type Place struct {
	Code string    // ISO 3166-1 alpha-3 code of the country
	Kind PlaceKind // what the form names
	Form string    // as written: "United States", "Ukrainian"
}

// RoleKind says what kind of person noun a role form is.
type RoleKind uint8

// The role kinds.
const (
	NoRole     RoleKind = iota
	Honorific           // before a name only: Mr, Dr, Sen.
	Leader              // heads a country or government: president, prime minister
	Office              // an office or position kept as a title: mayor, spokesman
	PersonNoun          // a noun for a person that is not a title: man, resident
	GroupNoun           // people as a body: police, authorities
)

// Role is one entry of the roles lexicon.
type Role struct {
	Form   string // lower case except honorifics and acronyms; may have several words
	Kind   RoleKind
	Gender byte // 'm', 'f', or 0 when the word does not mark one
	Plural string
	// TitleOnly: an Office (kind "title" in the file) whose word names
	// someone only as a name's title or with "the" ("the agent said"),
	// as it names people at large too ("literary agents", "was signed
	// as a free agent").
	TitleOnly bool
}

func loadNames(fsys fs.FS, s *Set) error {
	s.firstNames = map[string]NameCounts{}
	err := eachLine(fsys, "firstnames.txt", func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want NAME<TAB>FEMALE<TAB>MALE")
		}
		fe, err1 := strconv.Atoi(f[1])
		ma, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || fe < 0 || ma < 0 {
			return fmt.Errorf("bad counts %q %q", f[1], f[2])
		}
		s.firstNames[f[0]] = NameCounts{Female: fe, Male: ma}
		return nil
	})
	if err != nil {
		return err
	}
	return eachLine(fsys, "firstnames-extra.txt", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want NAME<TAB>GENDER")
		}
		c := NameCounts{Extra: true}
		switch f[1] {
		case "m":
			c.Male = 1
		case "f":
			c.Female = 1
		default:
			return fmt.Errorf("gender %q is not m or f", f[1])
		}
		s.firstNames[f[0]] = c
		return nil
	})
}

var placeKinds = map[string]PlaceKind{
	"name": CountryName, "official": CountryOfficial, "alt": CountryAlt,
	"demonym": Demonym, "capital": Capital, "region": Region,
}

func loadPlaces(fsys fs.FS, s *Set) error {
	return eachLine(fsys, "countries.txt", func(f []string) error {
		if len(f) != 3 || len(f[0]) != 3 || f[2] == "" {
			return fmt.Errorf("want CODE<TAB>KIND<TAB>FORM")
		}
		k, ok := placeKinds[f[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		s.places = append(s.places, Place{Code: f[0], Kind: k, Form: f[2]})
		return nil
	})
}

var roleKinds = map[string]RoleKind{
	"honorific": Honorific, "leader": Leader, "role": Office, "title": Office, "person": PersonNoun, "group": GroupNoun,
}

func loadRoles(fsys fs.FS, s *Set) error {
	if err := loadRoleFile(fsys, "roles.txt", &s.roles); err != nil {
		return err
	}
	if err := loadRoleFile(fsys, "roles-unlearned.txt", &s.unlearnedRoles); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range s.roles {
		seen[r.Form] = true
	}
	for _, r := range s.unlearnedRoles {
		if seen[r.Form] {
			return fmt.Errorf("lexicon: roles-unlearned.txt: %q is in roles.txt too", r.Form)
		}
		seen[r.Form] = true
	}
	s.orgNouns = map[string]bool{}
	return eachLine(fsys, "orgnouns.txt", func(f []string) error {
		if len(f) != 1 || strings.ToLower(f[0]) != f[0] {
			return fmt.Errorf("want one lower-case noun")
		}
		s.orgNouns[f[0]] = true
		return nil
	})
}

// loadRoleFile appends the roles of file name to dst.
func loadRoleFile(fsys fs.FS, name string, dst *[]Role) error {
	return eachLine(fsys, name, func(f []string) error {
		if len(f) != 4 || f[0] == "" {
			return fmt.Errorf("want FORM<TAB>KIND<TAB>GENDER<TAB>PLURAL")
		}
		k, ok := roleKinds[f[1]]
		if !ok {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		r := Role{Form: f[0], Kind: k, TitleOnly: f[1] == "title"}
		switch f[2] {
		case "m", "f":
			r.Gender = f[2][0]
		case "-":
		default:
			return fmt.Errorf("gender %q is not m, f or -", f[2])
		}
		if f[3] != "-" {
			r.Plural = f[3]
		}
		*dst = append(*dst, r)
		return nil
	})
}

// FirstName returns the birth counts of the first name name (as written,
// with its first letter upper case), and false when the lexicons do not
// know it.
func (s *Set) FirstName(name string) (NameCounts, bool) {
	c, ok := s.firstNames[name]
	return c, ok
}

// Places returns every form of the country lexicon, in file order. The
// slice is shared: do not modify it.
func (s *Set) Places() []Place { return s.places }

// Roles returns every entry of the roles lexicon, in file order. The slice
// is shared: do not modify it.
func (s *Set) Roles() []Role { return s.roles }

// UnlearnedRoles returns the entries of roles-unlearned.txt, in file
// order: roles added since the trained models learnt from the lexicon's
// flags, which only rules read. The slice is shared: do not modify it.
func (s *Set) UnlearnedRoles() []Role { return s.unlearnedRoles }

// OrgNouns returns the organisation nouns, sorted.
func (s *Set) OrgNouns() []string {
	out := make([]string, 0, len(s.orgNouns))
	for n := range s.orgNouns {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// OrgNoun reports whether the lower-case word w heads organisation names
// or descriptions ("ministry", "party", "corp").
func (s *Set) OrgNoun(w string) bool { return s.orgNouns[w] }
