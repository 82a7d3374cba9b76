package entity

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// detectText runs the stages the resolver needs on text, then mention
// detection, and returns the document and the resolver's state.
func detectText(t *testing.T, text string) (*doc.Document, *state) {
	t.Helper()
	r, err := New(lexicon.MustDefault())
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text}
	segment.New(lexicon.MustDefault()).Segment(d)
	tg.Tag(d)
	quote.Scan(d)
	return d, r.detect(d, nil)
}

func TestState_QuoteAfterSubject(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string // want: the name of the entity, "" for none
	}{
		{"subject before a comma", `Daniel Weber and Martin Koch spoke. Koch, by contrast, kept it short. "We will see," he declared.`, "Martin Koch"},
		{"plain subject", `Daniel Weber and Martin Koch spoke. Koch thanked the staff. "We will see," he said.`, "Martin Koch"},
		{"gender disagrees", `Daniel Weber and Maria Koch spoke. Maria Koch thanked the staff. "We will see," he said.`, ""},
		{"the paragraph before", "Daniel Weber and Martin Koch spoke. Koch thanked the staff.\n\n\"We will see,\" he said.", "Martin Koch"},
		{"two paragraphs before", "Daniel Weber and Martin Koch spoke. Koch thanked the staff.\n\nThe vote is on Friday.\n\n\"We will see,\" he said.", ""},
		{"named in the quotation", `Daniel Weber and Martin Koch spoke. Koch thanked the staff. "Koch has done well," he said.`, ""},
		{"a fronted clause", `Daniel Weber and Martin Koch spoke. After Weber left, Koch thanked the staff. "We will see," he said.`, ""},
		{"the quotation does not open the sentence", `Daniel Weber and Martin Koch spoke. Koch thanked the staff. Then he said, "We will see."`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, st := detectText(t, tc.text)
			at := strings.LastIndex(tc.text, "he ")
			pi := st.mentionAt(doc.Span{Start: at, End: at + 2}, doc.PronounMention)
			if pi < 0 {
				t.Fatal("no pronoun mention")
			}
			got := ""
			if e := st.quoteAfterSubject(pi); e >= 0 {
				m := &st.ments[st.ents[e].name] // the fullest name's mention
				got = d.Slice(d.TokenSpan(m.ha, m.hb))
			}
			if got != tc.want {
				t.Errorf("quoteAfterSubject = %q, want %q", got, tc.want)
			}
		})
	}
}
