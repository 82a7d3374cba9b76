package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// A demonym a territory shares with an independent country is the
// independent country's (the lexicon leaves it to that country):
// "American" is the United States's, not the Northern Mariana Islands',
// "Indian" India's, not the British Indian Ocean Territory's.
func TestResolver_SharedDemonym(t *testing.T) {
	tests := []struct {
		name, text, person, nation, title string
	}{
		{"American", "Ana Ruiz won the vote, helped by U.S. President Tom Reyes's threats. Her party looked beaten until the American president began attacking its farmers.", "Tom Reyes", "USA", "the American president"},
		{"Indian", "Indian Prime Minister Ravi Menon arrived in Colombo on Sunday for two days of talks.", "Ravi Menon", "IND", ""},
		{"Dutch", "Dutch Foreign Minister Anke de Vries said the talks would go on.", "Anke de Vries", "NLD", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text)
			for _, m := range d.Mentions {
				// "the American president" is the U.S. President.
				if tc.title != "" && d.Slice(m.Span) == tc.title && (m.Entity < 0 || d.Entities[m.Entity].Name != tc.person) {
					t.Errorf("%q is not %s\n%s", tc.title, tc.person, dump(d))
				}
			}
			for _, e := range d.Entities {
				if e.Type != doc.Person || e.Name != tc.person {
					continue
				}
				if e.Nationality != tc.nation {
					t.Errorf("%s: nationality %q, want %q", e.Name, e.Nationality, tc.nation)
				}
				return
			}
			t.Errorf("no person %q in\n%s", tc.person, dump(d))
		})
	}
}
