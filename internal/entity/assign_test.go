package entity_test

import (
	"context"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/pipeline"
)

// TestAssignSpeakers_LastQuoted checks that a "he said" whose pronoun
// was left unresolved goes on with the man quoted last, when that
// quotation ends in one of the two paragraphs before and no one else
// speaks in between, and with nobody otherwise.
func TestAssignSpeakers_LastQuoted(t *testing.T) {
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"quoted before", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", "Tom Reyes"},
		{"another speaker between", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nHis predecessor Leo Marsh said on Monday that experience mattered more than height.\n“So stature will matter when we look at new players,” he said.\n", ""},
		{"reported before", "Tom Reyes said the side lost too many headers at set pieces.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", ""},
		{"quoted too long ago", "“We lose too many headers at set pieces, and that has cost us points,” Tom Reyes said.\nThe club finished ninth last season.\nUnder his predecessor Leo Marsh the side was built around experience.\n“So stature will matter when we look at new players,” he said.\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Text: tc.text}
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			last := &d.Statements[len(d.Statements)-1]
			if d.Slice(last.Source) != "he" {
				t.Fatalf("last statement's source is %q, want \"he\"", d.Slice(last.Source))
			}
			// Leave the pronoun unresolved, as the ranker does when two
			// men score alike.
			for i := range d.Mentions {
				if d.Mentions[i].Span == last.Source {
					d.Mentions[i].Entity = -1
				}
			}
			entity.AssignSpeakers(d)
			got := ""
			if last.Speaker >= 0 {
				got = d.Entities[last.Speaker].Name
			}
			if got != tc.want {
				t.Errorf("speaker %q, want %q", got, tc.want)
			}
		})
	}
}
