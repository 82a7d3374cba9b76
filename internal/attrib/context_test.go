package attrib

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// TestContext_AttribMentions holds that the features read the mentions
// as the models learnt them (doc.Document.AttribMentions), not those an
// unlearned rule added for readers: a name only such a rule finds is
// seen once it is among AttribMentions, and not before.
func TestContext_AttribMentions(t *testing.T) {
	d := testPreparer(t)(`Chloe Amadi of Westerly Capital argued that the sale made sense.`)
	name := spanOf(t, d, "Chloe Amadi")
	i := -1
	for k, m := range d.Mentions {
		if m.Span == name {
			i = k
		}
	}
	if i < 0 {
		t.Fatalf("no mention of %q in %+v", "Chloe Amadi", d.Mentions)
	}
	for _, m := range d.AttribMentions {
		if m.Span == name {
			t.Fatalf("the unlearned mention %q is among AttribMentions", "Chloe Amadi")
		}
	}
	a := d.TokenAt(name.Start)
	if c := newContext(d, lexicon.MustDefault(), nil); c.toks[a].mStart != 0 {
		t.Errorf("the features see %q, a mention only readers have", "Chloe Amadi")
	}
	d.AttribMentions = append(d.AttribMentions, d.Mentions[i])
	if c := newContext(d, lexicon.MustDefault(), nil); c.toks[a].mStart == 0 {
		t.Errorf("the features miss %q among AttribMentions", "Chloe Amadi")
	}
}
