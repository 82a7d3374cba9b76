package entity_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// A name or a title the text breaks over a line is named on one
// line, in the entity and in its titles.
func TestResolver_NamesOnOneLine(t *testing.T) {
	text := "The talks between the two harbour boards ended late on Monday, and Tom\n" +
		"Reyes said the two sides had agreed on a timetable for the new\n" +
		"ferry link. The report on the link was written by Finance\n" +
		"Minister Ana Ruiz. Ruiz's report was long\n" +
		"and detailed, and it was\n" +
		"published on the council's website on Tuesday. Ruiz said it was\n" +
		"overdue and that work would begin in the spring.\n"
	tests := []struct {
		name, want string
	}{
		{"name", "Tom Reyes"},
		{"title", "Finance Minister"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, text)
			var names []string
			for _, e := range d.Entities {
				names = append(names, e.Name)
				names = append(names, e.Titles...)
			}
			if !slices.Contains(names, tc.want) {
				t.Errorf("no entity named %q in %q", tc.want, names)
			}
		})
	}
}

// A surname's particles in lower case, which the tagger leaves out of the
// name when no first name comes before them, are the name's.
func TestResolver_ParticlesBeforeSurname(t *testing.T) {
	d := analyse(t, "The harbour board met on Monday to discuss the new quay. After the meeting, van der Berg said the board would vote again in March.")
	for _, e := range d.Entities {
		if e.Name == "van der Berg" {
			return
		}
	}
	t.Errorf("no entity named \"van der Berg\" in\n%s", dump(d))
}

// "des" and "do" join a name after a first name ("Laurence des Cars"),
// and nowhere else: "Promenade des Anglais" is no person's name.
func TestResolver_FirstNameParticles(t *testing.T) {
	d := analyse(t, "The museum reopened its doors on Monday. \"We are fully ready,\" said Marguerite des Roches, its director, as visitors walked in from the Quai des Brumes.")
	found := false
	for _, e := range d.Entities {
		if e.Name == "Marguerite des Roches" {
			found = true
		}
		if e.Type == doc.Person && strings.Contains(e.Name, "Brumes") {
			t.Errorf("a place's name made a person's: %q", e.Name)
		}
	}
	if !found {
		t.Errorf("no entity named \"Marguerite des Roches\" in\n%s", dump(d))
	}
}
