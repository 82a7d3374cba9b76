package lexicon

import (
	"io/fs"
	"strings"
	"testing"
)

// TestNames_WellFormed checks the name, place, role and organisation-noun
// files: each starts with a # header naming its source, and has no
// duplicate entry.
func TestNames_WellFormed(t *testing.T) {
	sub, err := fs.Sub(files, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"firstnames.txt", "firstnames-extra.txt", "countries.txt", "roles.txt", "roles-unlearned.txt", "orgnouns.txt"} {
		b, err := fs.ReadFile(sub, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if !strings.HasPrefix(text, "# ") || !strings.Contains(strings.SplitN(text, "\n\n", 2)[0], "Source") {
			t.Errorf("%s: does not start with a # header naming its source", name)
		}
		seen := map[string]bool{}
		for i, line := range strings.Split(text, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			key := line
			if strings.HasPrefix(name, "roles") || name == "firstnames.txt" || name == "firstnames-extra.txt" {
				key, _, _ = strings.Cut(line, "\t")
			}
			if seen[key] {
				t.Errorf("%s:%d: duplicate entry %q", name, i+1, key)
			}
			if strings.HasPrefix(name, "roles") {
				// A role's form and plural are words of the title; a
				// one-letter word among them is a gender column run into
				// the form ("first lady f first ladies").
				f := strings.Split(line, "\t")
				for _, field := range []string{f[0], f[len(f)-1]} {
					for _, w := range strings.Fields(field) {
						if len(w) == 1 && w != "-" {
							t.Errorf("%s:%d: one-letter word %q in %q", name, i+1, w, field)
						}
					}
				}
			}
			seen[key] = true
		}
	}
}

func TestSet_FirstName(t *testing.T) {
	s := MustDefault()
	for _, tc := range []struct {
		name         string
		female, male bool
	}{
		{"Mary", true, false},
		{"James", false, true},
		{"Volodymyr", false, true},
		{"Kaja", true, false},
	} {
		c, ok := s.FirstName(tc.name)
		if !ok {
			t.Errorf("FirstName(%q): unknown", tc.name)
			continue
		}
		if (c.Female > c.Male) != tc.female || (c.Male > c.Female) != tc.male {
			t.Errorf("FirstName(%q) = %+v", tc.name, c)
		}
	}
	if _, ok := s.FirstName("Zzyzx"); ok {
		t.Errorf("FirstName(Zzyzx): known")
	}
}

func TestSet_PlacesRolesOrgNouns(t *testing.T) {
	s := MustDefault()
	want := map[Place]bool{
		{"UKR", Demonym, "Ukrainian"}: false,
		{"USA", CountryAlt, "U.S."}:   false,
		{"UKR", Capital, "Kyiv"}:      false,
	}
	for _, p := range s.Places() {
		if _, ok := want[p]; ok {
			want[p] = true
		}
	}
	for p, found := range want {
		if !found {
			t.Errorf("Places() lacks %+v", p)
		}
	}
	roles := map[string]Role{}
	for _, r := range s.Roles() {
		roles[r.Form] = r
	}
	if r := roles["spokeswoman"]; r.Kind != Office || r.Gender != 'f' || r.Plural != "spokeswomen" {
		t.Errorf("spokeswoman = %+v", r)
	}
	if r := roles["president"]; r.Kind != Leader || r.Gender != 0 {
		t.Errorf("president = %+v", r)
	}
	if r := roles["Mrs."]; r.Kind != Honorific || r.Gender != 'f' {
		t.Errorf("Mrs. = %+v", r)
	}
	if !s.OrgNoun("ministry") || s.OrgNoun("president") {
		t.Errorf("OrgNoun: ministry %v, president %v", s.OrgNoun("ministry"), s.OrgNoun("president"))
	}
}
