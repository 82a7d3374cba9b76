package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

func TestResolver_AcronymNames(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"inner and", "The Northern Rivers Water and Sewage Authority (NRWSA) said in a report on Monday that the dam was safe.", "Northern Rivers Water and Sewage Authority"},
		{"trailing in", "The ruling was criticised by the Federation of Rowing Clubs in Wales. An FRCW official said it was unfair.", "Federation of Rowing Clubs in Wales"},
		{"hyphenated word", "The Baltic Co-operation Forum's final statement said the members would meet again. The BCF was founded in 1994.", "Baltic Co-operation Forum"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyse(t, tc.text)
			for _, e := range d.Entities {
				if e.Type == doc.Organization && e.Name == tc.want {
					return
				}
			}
			t.Errorf("no organisation %q in\n%s", tc.want, dump(d))
		})
	}
}
