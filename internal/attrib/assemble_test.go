package attrib

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// spanOf returns the span of the first occurrence of s in d's text.
func spanOf(t *testing.T, d *doc.Document, s string) doc.Span {
	t.Helper()
	i := strings.Index(d.Text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return doc.Span{Start: i, End: i + len(s)}
}

func TestColonParents(t *testing.T) {
	tests := []struct {
		name, text, parentContent string
		drop                      bool
	}{
		{"object and colon", `Minister Ana Lopez addressed the dock workers in Spanish: "The port stays open."`, `the dock workers in Spanish: "The port stays open."`, true},
		{"a clause of its own", `Minister Ana Lopez told the dock workers that the port was safe: "It stays open."`, `the dock workers that the port was safe: "It stays open."`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			q := spanOf(t, d, `"`+strings.SplitN(tc.text, `"`, 3)[1]+`"`)
			colon := strings.LastIndex(d.Text[:q.Start], ":")
			sts := []doc.Statement{
				{Content: []doc.Span{spanOf(t, d, tc.parentContent)}, Cue: spanOf(t, d, strings.Fields(tc.text)[3]), Source: spanOf(t, d, "Minister Ana Lopez"), Parent: -1, Continues: -1},
				{Content: []doc.Span{q}, Cue: doc.Span{Start: colon, End: colon + 1}, Source: spanOf(t, d, "Minister Ana Lopez"), Parent: 0, Continues: -1},
			}
			got := colonParents(c, sts)
			if dropped := len(got) == 1; dropped != tc.drop {
				t.Fatalf("dropped = %v, want %v (%d statements)", dropped, tc.drop, len(got))
			}
			if tc.drop && (got[0].Parent != -1 || got[0].Content[0] != q) {
				t.Errorf("kept %+v, want the quotation's statement with no parent", got[0])
			}
		})
	}
}

func TestSpeechBefore_Patterns(t *testing.T) {
	tests := []struct {
		name, text, cue, source string
	}{
		{"verb and addressee", `It was a change from their last meeting, where Ola Berg had asked the minister, "Do you even own a coat?" at the door.`, "had asked the minister", "Ola Berg"},
		{"infinitive and addressee", `Councillor Pia Holm stopped at the door to tell reporters, "See you at the vote."`, "tell reporters", "Councillor Pia Holm"},
		{"document reading", `She returned to the same site hours later, reflecting on the vote in a post reading: "The town has spoken."`, "post reading", "She"},
		{"be and adjective", `Mayor Ilse Varga was more cautious: "The contractor has until June."`, "was more cautious", "Mayor Ilse Varga"},
		{"no subject before", `Reflecting on the vote in a post reading: "The town has spoken."`, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPreparer(t)(tc.text)
			c := newContext(d, lexicon.MustDefault(), nil)
			o := d.TokenAt(strings.Index(d.Text, `"`))
			cue, src := speechBefore(c, o)
			if got := d.Slice(cue); got != tc.cue {
				t.Errorf("cue %q, want %q", got, tc.cue)
			}
			if got := d.Slice(src); got != tc.source {
				t.Errorf("source %q, want %q", got, tc.source)
			}
		})
	}
}
