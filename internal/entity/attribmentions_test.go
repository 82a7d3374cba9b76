package entity_test

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// TestResolve_AttribMentions holds that the attribution models' view of
// the mentions keeps a mention an unlearned rule reshaped as it was, and
// leaves out the mentions such rules made, while readers get the new
// ones.
func TestResolve_AttribMentions(t *testing.T) {
	text := "Some advice came from Aaron Feldstein of William Harrow Agency, and more from friends.\n"
	d := analyse(t, text)
	has := func(ms []doc.Mention, s string, typ doc.EntityType) bool {
		for _, m := range ms {
			if d.Slice(m.Span) == s && m.Type == typ {
				return true
			}
		}
		return false
	}
	whole := "Aaron Feldstein of William Harrow Agency"
	if !has(d.AttribMentions, whole, doc.Organization) || has(d.Mentions, whole, doc.Organization) {
		t.Errorf("%q: an organisation for attribution %v, for readers %v; want true, false", whole, has(d.AttribMentions, whole, doc.Organization), has(d.Mentions, whole, doc.Organization))
	}
	if s := "Aaron Feldstein"; has(d.AttribMentions, s, doc.Person) || !has(d.Mentions, s, doc.Person) {
		t.Errorf("%q: a person for attribution %v, for readers %v; want false, true", s, has(d.AttribMentions, s, doc.Person), has(d.Mentions, s, doc.Person))
	}
	for i := 1; i < len(d.AttribMentions); i++ {
		if d.AttribMentions[i].Start < d.AttribMentions[i-1].Start {
			t.Fatalf("AttribMentions out of order at %d: %q after %q", i, d.Slice(d.AttribMentions[i].Span), d.Slice(d.AttribMentions[i-1].Span))
		}
	}
}

// TestResolve_AttribMentionsOrder holds that a name an unlearned title
// before it reshaped ("former Tarn Police solicitor Colm Reddy") stays, for
// the attribution models, where they saw it: after the organisation the
// title holds.
func TestResolve_AttribMentionsOrder(t *testing.T) {
	d := analyse(t, "Agency faces review\n\"It was a mistake,\" former Tarn Police solicitor Colm Reddy explained.\n")
	found := false
	for i, m := range d.AttribMentions {
		found = found || d.Slice(m.Span) == "Colm Reddy"
		if i > 0 && m.Start < d.AttribMentions[i-1].Start {
			t.Fatalf("AttribMentions out of order at %d: %q after %q", i, d.Slice(m.Span), d.Slice(d.AttribMentions[i-1].Span))
		}
	}
	if !found {
		t.Errorf("no mention %q for attribution in %v", "Colm Reddy", d.AttribMentions)
	}
}
