package render

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
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

// A possessor's source is headed by the owner, without the possessive
// mark the source keeps ("the union’s claim that …").
func TestText_PossessorSource(t *testing.T) {
	for _, tc := range []struct{ text, source, want string }{
		{`The mayor rejected the union’s claim that the city had broken the contract.`, "the union’s", "the union (1)"},
		{`The mayor rejected the unions' claim that the city had broken the contract.`, "the unions'", "the unions (1)"},
		{`The so-called ‘Harbour Eight’ claim that the city had broken the contract.`, "The so-called ‘Harbour Eight’", "The so-called ‘Harbour Eight’ (1)"},
	} {
		i := strings.Index(tc.text, tc.source)
		q := strings.Index(tc.text, "claim")
		d := &doc.Document{ID: "claim", Text: tc.text, Statements: []doc.Statement{
			{Kind: doc.Indirect, Content: []doc.Span{{Start: q + 6, End: len(tc.text) - 1}}, Cue: doc.Span{Start: q, End: q + 5}, Source: doc.Span{Start: i, End: i + len(tc.source)}, Speaker: -1, Parent: -1, Continues: -1},
		}}
		var b strings.Builder
		if err := Text(&b, d, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, "\n"+tc.want+"\n") {
			t.Errorf("heading of source %q, want %q:\n%s", tc.source, tc.want, out)
		}
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

// A content that is a relative pronoun alone is shown with the noun
// phrase or the quotation it stands for.
func TestText_RelativePronounContent(t *testing.T) {
	tests := []struct{ text, pronoun, verb, want string }{
		{`There was no word on a possible rise of bus fares that Berg proposed in May.`, "that", "proposed", "that (a possible rise of bus fares)"},
		{`Nobody spoke of the fare rise for pensioners, which Berg proposed in May.`, "which", "proposed", "which (the fare rise for pensioners)"},
		{`Berg said that she proposed it in May.`, "that", "proposed", "] that\n"},
		{`She called out "See you in May," which Berg said was kind.`, "which", "said", `which ("See you in May,")`},
	}
	lex := lexicon.MustDefault()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		d := &doc.Document{ID: "toll", Text: tc.text}
		segment.New(lex).Segment(d)
		tg.Tag(d)
		quote.Scan(d)
		i := strings.Index(tc.text, " "+tc.pronoun+" ") + 1
		v := strings.Index(tc.text, tc.verb)
		d.Statements = []doc.Statement{{Kind: doc.Indirect, Content: []doc.Span{{Start: i, End: i + len(tc.pronoun)}}, Cue: doc.Span{Start: v, End: v + len(tc.verb)}, Speaker: -1, Parent: -1, Continues: -1}}
		var b strings.Builder
		if err := Text(&b, d, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, tc.want) {
			t.Errorf("%q: want %q in:\n%s", tc.text, tc.want, out)
		}
	}
}

// The one a statement was told to stands with its cue: right after it or
// after "to" as the text has it, else in parentheses.
func TestText_Addressee(t *testing.T) {
	tests := []struct{ text, cue, addressee, want string }{
		{`Berg told the harbour board the pier was safe.`, "told", "the harbour board", "  told the harbour board [indirect] the pier was safe"},
		{`Berg wrote to the mayor that the pier was safe.`, "wrote", "the mayor", "  wrote to the mayor [indirect] the pier was safe"},
		{`Berg explained on Friday to the mayor that the pier was safe.`, "explained", "the mayor", "  explained (to the mayor) [indirect] the pier was safe"},
	}
	for _, tc := range tests {
		span := func(s string) doc.Span {
			i := strings.Index(tc.text, s)
			return doc.Span{Start: i, End: i + len(s)}
		}
		d := &doc.Document{ID: "pier", Text: tc.text, Statements: []doc.Statement{
			{Kind: doc.Indirect, Content: []doc.Span{span("the pier was safe")}, Cue: span(tc.cue), Source: span("Berg"), Addressee: span(tc.addressee), Speaker: -1, Parent: -1, Continues: -1},
		}}
		var b strings.Builder
		if err := Text(&b, d, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if out := b.String(); !strings.Contains(out, tc.want) {
			t.Errorf("%q: want %q in:\n%s", tc.text, tc.want, out)
		}
	}
}

func TestFnum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{27934.02, "27934.02"},
		{123456.75, "123456.75"},
		{1094353.92, "1094353.92"},
		{94670856, "94670856"},
		{0.6666666667, "0.666667"},
		{3.14159265, "3.14159"},
		{-5.44, "-5.44"},
		{2500, "2500"},
		{1.5e21, "1500000000000000000000"},
	} {
		if got := fnum(c.v); got != c.want {
			t.Errorf("fnum(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
