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
