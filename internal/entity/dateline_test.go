package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// An article's dateline is a place, whatever the capitals made of it, and
// no name runs on from it over the dash; a name after a title opening a
// sentence is a person's; a transcript's speaker labels are people, named
// as names are written.
func TestResolver_DatelineAndLabels(t *testing.T) {
	tests := []struct {
		name, text, want string
		typ              doc.EntityType
	}{
		{"agency", "Ferry fares to rise\n\nKESTREL BAY (AP) — Harbour officials said on Monday that fares would rise by a tenth in the spring.", "KESTREL BAY", doc.Place},
		{"state", "Ferry fares to rise\n\nPORT ARRAN, Maine - Gov. Ana Ruiz said on Monday that fares would rise by a tenth in the spring.", "PORT ARRAN", doc.Place},
		{"titled opening", "The new camera should extend the telescope's life by a decade.\nAstronomer Sandra Okafor with the University of Westport said once it is fitted, Kepler will be far more powerful.", "Sandra Okafor", doc.Person},
		{"labels", "Ana Ruiz spoke to the Coast Herald.\n\nMARTA OYELARAN, HOST: What happens to the ferries now?\n\nRUIZ: They keep running until the spring.\n\nOYELARAN: And then?", "Marta Oyelaran", doc.Person},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text)
			for _, e := range d.Entities {
				if e.Name == tc.want {
					if e.Type != tc.typ {
						t.Errorf("%q typed %v, want %v\n%s", e.Name, e.Type, tc.typ, dump(d))
					}
					return
				}
			}
			t.Errorf("no entity %q in\n%s", tc.want, dump(d))
		})
	}
}

// A title after a dateline and its dash begins after the dash, also where
// the dateline's region has "of" in its name.
func TestResolver_TitleAfterDateline(t *testing.T) {
	for _, text := range []string{
		"PORT ARRAN, Coast Region of Maralia - US President Ana Ruiz said on Monday that fares would rise by a tenth in the spring.",
		"PORT ARRAN, Maine - US President Ana Ruiz said on Monday that fares would rise by a tenth in the spring.",
	} {
		d := analyse(t, text)
		found := false
		for _, e := range d.Entities {
			if e.Name != "Ana Ruiz" {
				continue
			}
			found = true
			for _, ti := range e.Titles {
				if ti != "US President" && ti != "President" {
					t.Errorf("%q: title %q, want %q", text, ti, "US President")
				}
			}
		}
		if !found {
			t.Errorf("no entity Ana Ruiz in\n%s", dump(d))
		}
	}
}
