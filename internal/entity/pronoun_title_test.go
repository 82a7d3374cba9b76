package entity

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

func TestState_TitleSpan_Cases(t *testing.T) {
	for _, tc := range []struct {
		name, text, title string
		named             map[string]int // a name in the text: how the title names its entity
	}{
		{"page title", "Maren Holt\n\nMaren Holt was born in Tromsø. Her sister Ida taught music.", "Maren Holt",
			map[string]int{"Maren Holt was": 2, "Ida": 0}},
		{"headline", "Mayor Okafor defends budget cuts\nCity mayor Grace Okafor said on Monday that the cuts were needed. Her deputy, Tom Reyes, disagreed.", "Mayor Okafor defends budget cuts",
			map[string]int{"Grace Okafor": 2, "Tom Reyes": 0}},
		{"first name in the text", "Liz Marston\n\nLiz met Karen at the station. She was late.", "Liz Marston",
			map[string]int{"Liz met": 2, "Karen": 0}},
		{"no title: a sentence", "Maren Holt was born in Tromsø.\n\nShe moved to Oslo in 1990.", "", nil},
		{"no title: one paragraph", "Maren Holt was born in Tromsø. She moved to Oslo.", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, st := detectText(t, tc.text)
			ts := st.titleSpan()
			if got := tc.text[ts.Start:ts.End]; got != tc.title {
				t.Fatalf("title %q, want %q", got, tc.title)
			}
			for name, want := range tc.named {
				at := strings.Index(tc.text[ts.End:], name) + ts.End
				mi := st.mentionAt(doc.Span{Start: at, End: at + 1}, doc.NameMention)
				if mi < 0 || st.ments[mi].Entity < 0 {
					t.Fatalf("%q is no name mention", name)
				}
				if got := st.titleNamed(st.ments[mi].Entity, ts); got != want {
					t.Errorf("titleNamed(%q) = %d, want %d", name, got, want)
				}
			}
		})
	}
}
