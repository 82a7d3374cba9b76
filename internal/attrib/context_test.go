package attrib

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// TestContext_UnlearnedMentions holds that the features never see a
// mention marked unlearned, and see it as any other once unmarked.
func TestContext_UnlearnedMentions(t *testing.T) {
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
	a := d.TokenAt(name.Start)
	for _, unlearned := range []bool{true, false} {
		d.Mentions[i].Unlearned = unlearned
		c := newContext(d, lexicon.MustDefault(), nil)
		if seen := c.toks[a].mStart != 0; seen == unlearned {
			t.Errorf("Unlearned=%v: features see the mention: %v", unlearned, seen)
		}
	}
}
