package render

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// A quotation that carries on from a statement whose speaker is
// unresolved stands with that statement, under its source, not among
// the unattributed.
func TestText_ContinuationGroup(t *testing.T) {
	text := `"The pier is safe," said the harbour boss, Lena Berg, and then she left. "It opens in May."`
	span := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	d := &doc.Document{ID: "pier", Text: text, Statements: []doc.Statement{
		{Kind: doc.Direct, Content: []doc.Span{span(`"The pier is safe,"`)}, Cue: span("said"), Source: span("the harbour boss, Lena Berg,"), Speaker: -1, Parent: -1, Continues: -1},
		{Kind: doc.Direct, Content: []doc.Span{span(`"It opens in May."`)}, Speaker: -1, Parent: -1, Continues: 0},
	}}
	var b strings.Builder
	if err := Text(&b, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "2 statements, 1 speaker\n") || !strings.Contains(out, "the harbour boss, Lena Berg (2)") || strings.Contains(out, "Unattributed") {
		t.Errorf("continuation not grouped with its statement:\n%s", out)
	}
}

// A statement whose source is a relative pronoun alone, with no speaker,
// stands among the unattributed, not under a heading "which".
func TestText_RelativePronounSource(t *testing.T) {
	text := `She wore a grey sweater, which appeared to say "Harbour Rowing Club".`
	i := strings.Index(text, "which")
	c := strings.Index(text, `"Harbour`)
	d := &doc.Document{ID: "sweater", Text: text, Statements: []doc.Statement{
		{Kind: doc.Direct, Content: []doc.Span{{Start: c, End: len(text) - 1}}, Cue: doc.Span{Start: i + 6, End: i + 20}, Source: doc.Span{Start: i, End: i + 5}, Speaker: -1, Parent: -1, Continues: -1},
	}}
	var b strings.Builder
	if err := Text(&b, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); !strings.Contains(out, "Unattributed (1)") || strings.Contains(out, "which (1)") {
		t.Errorf("relative pronoun as a heading:\n%s", out)
	}
}
