package cluster

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize_Key(t *testing.T) {
	cases := []struct{ in, want string }{
		{"There’s no deal until there’s a deal,", "there is no deal until there is a deal"},
		{`"There is NO deal until there is a deal."`, "there is no deal until there is a deal"},
		{"We won't sign, and we can't wait.", "we will not sign and we can not wait"},
		{"(W)e declare the port open", "we declare the port open"},
		{"Until the vote, I'll call [Deputy Mayor] Ortiz", "until the vote i will call ortiz"},
		{"The mayor's plan costs 1,250.5 euros", "the mayor's plan costs 1,250.5 euros"},
		{"feel-out talks", "feel out talks"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in).Key(); got != c.want {
			t.Errorf("Normalize(%q).Key() = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalize_Marks(t *testing.T) {
	tx := Normalize("We hope the talks will… open the road, as she said, 'step by step'. …")
	var elided, nested []string
	for _, w := range tx.Words {
		if w.Elided {
			elided = append(elided, w.Norm)
		}
		if w.Nested {
			nested = append(nested, w.Norm)
		}
	}
	if strings.Join(elided, " ") != "open" || strings.Join(nested, " ") != "step by step" || !tx.ElidedEnd {
		t.Errorf("elided %q, nested %q, elided end %v", elided, nested, tx.ElidedEnd)
	}
	// A quote mark that never closes does not nest the rest.
	for _, w := range Normalize("“Step by step we go").Words {
		if w.Nested {
			t.Errorf("stray mark nested %q", w.Norm)
		}
	}
}

func TestClassify_Kinds(t *testing.T) {
	cases := []struct {
		canon, variant string
		kind           Kind
		misquote       bool
		diff           string
	}{
		{"extremely productive", "Extremely productive!", Same, false, "extremely productive"},
		{"extremely productive", "very productive", Changed, true, "[-extremely-] {+very+} productive"},
		{"The bridge will open before winter", "the bridge will open", Truncated, false, "the bridge will open [-before winter-]"},
		{"The bridge will open before winter and not later", "The bridge will open … and not later", Truncated, false, "the bridge will open […before winter…] and not later"},
		{"The bridge will open before winter", "The bridge will open before the winter", Reworded, false, "the bridge will open before {+the+} winter"},
		{"The bridge will open before winter", "The bridge will open after winter", Changed, true, "the bridge will open [-before-] {+after+} winter"},
		{"The bridge will not open before winter", "The bridge will open before winter", Changed, true, "the bridge will [-not-] open before winter"},
		{"It is up to Zelensky now", "It is up to Zelenskyy now", Reworded, false, "it is up to [-zelensky-]{+zelenskyy+} now"},
		{"many points", "many, many points", Longer, false, "{+many+} many points"},
		{"There is no deal until there is a deal", "So there's no deal until there's a deal, we said", Longer, false, "{+so+} there is no deal until there is a deal {+we said+}"},
		{"So there is no deal until there is a deal", "there's no deal until there's a deal, we said", Truncated, false, "[-so-] there is no deal until there is a deal {+we said+}"},
		{"a fair balance must be restored", "just balance of security", Paraphrase, true, "[-a fair-] {+just+} balance [-must be restored-] {+of security+}"},
	}
	for _, c := range cases {
		d := Compare(Normalize(c.canon), Normalize(c.variant))
		k, mis := Classify(d)
		if k != c.kind || mis != c.misquote || d.String() != c.diff {
			t.Errorf("Classify(%q against %q) = %s %v %q, want %s %v %q", c.variant, c.canon, k, mis, d, c.kind, c.misquote, c.diff)
		}
	}
}

// groups renders Build's result: one line per group of two or more, its
// canonical text then its members' texts.
func groups(qs []Quote) string {
	var b strings.Builder
	for _, g := range Build(qs) {
		if len(g.Members) < 2 {
			continue
		}
		fmt.Fprintf(&b, "%s:", qs[g.Canonical].Text)
		for _, m := range g.Members {
			fmt.Fprintf(&b, " [%s]", qs[m.Quote].Text)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestBuild_Groups(t *testing.T) {
	q := func(id int64, speaker, date, text string) Quote {
		return Quote{ID: id, Article: id, Speaker: speaker, Published: date, Text: text}
	}
	cases := []struct {
		name  string
		quots []Quote
		want  string
	}{
		{"punctuation and contractions", []Quote{
			q(1, "", "2031-01-02", "There’s no money left for the pool,"),
			q(2, "", "2031-01-02", "there is no money left for the pool."),
		}, "There’s no money left for the pool,: [There’s no money left for the pool,] [there is no money left for the pool.]\n"},
		{"intensifier swap in a short quote", []Quote{
			q(1, "", "2031-01-02", "extremely productive"),
			q(2, "", "2031-01-03", "very productive"),
			q(3, "", "2031-01-03", "extremely productive"),
		}, "extremely productive: [extremely productive] [very productive] [extremely productive]\n"},
		{"short quotes months apart are not one utterance", []Quote{
			q(1, "", "2031-01-02", "productive"),
			q(2, "", "2031-06-03", "productive"),
		}, ""},
		{"different content words", []Quote{
			q(1, "", "", "productive talks"),
			q(2, "", "", "productive"),
		}, ""},
		{"speakers that differ", []Quote{
			q(1, "person/a", "", "The harbour will reopen in May after the repairs"),
			q(2, "person/b", "", "The harbour will reopen in May after the repairs"),
			q(3, "", "", "the harbour will reopen in May"),
		}, "The harbour will reopen in May after the repairs: [The harbour will reopen in May after the repairs] [the harbour will reopen in May]\n"},
		{"fragment of a long passage", []Quote{
			q(1, "", "", "We counted every ballot twice, and the result stands: the levy passed by eleven votes on Tuesday, and it will fund the new school roof"),
			q(2, "", "", "the levy passed by eleven votes on Tuesday"),
		}, "We counted every ballot twice, and the result stands: the levy passed by eleven votes on Tuesday, and it will fund the new school roof: [We counted every ballot twice, and the result stands: the levy passed by eleven votes on Tuesday, and it will fund the new school roof] [the levy passed by eleven votes on Tuesday]\n"},
		{"words the passage itself quotes", []Quote{
			q(1, "", "", "As the governor put it, 'the levy passed by eleven votes on Tuesday', and we now expect the money within the month"),
			q(2, "", "", "the levy passed by eleven votes on Tuesday"),
		}, ""},
	}
	for _, c := range cases {
		if got := groups(c.quots); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
		// The grouping does not depend on the order of the input.
		rev := make([]Quote, len(c.quots))
		for i, x := range c.quots {
			rev[len(rev)-1-i] = x
		}
		if got, want := groups(rev), groups(c.quots); got != want {
			t.Errorf("%s: reversed input gives\n%q, not\n%q", c.name, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"There’s no deal…", "(W)e 'said' [x y] 1,000.5", "“…”", "'", "a . . . b", "[unclosed (", "\xff\xfe"} {
		f.Add(s, "the same words")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ta, tb := Normalize(a), Normalize(b)
		for _, w := range ta.Words {
			if w.Norm == "" || !utf8.ValidString(w.Norm) && utf8.ValidString(a) {
				t.Fatalf("bad word %q from %q", w.Norm, a)
			}
		}
		if Normalize(a).Key() != ta.Key() {
			t.Fatal("Normalize is not deterministic")
		}
		d := Compare(ta, tb)
		nc, nv := 0, 0
		for _, e := range d {
			switch e.Op {
			case Equal:
				nc++
				nv++
			case Delete, Elide:
				nc++
			case Insert:
				nv++
			}
		}
		if nc != len(ta.Words) || nv != len(tb.Words) {
			t.Fatalf("diff of %q and %q covers %d and %d words, not %d and %d", a, b, nc, nv, len(ta.Words), len(tb.Words))
		}
		Classify(d)
		Build([]Quote{{ID: 1, Text: a}, {ID: 2, Text: b}, {ID: 3, Text: a}})
	})
}

func TestBuild_Groups_ShortAndStock(t *testing.T) {
	q := func(id int64, text string) Quote { return Quote{ID: id, Article: id, Text: text} }
	cases := []struct {
		name  string
		quots []Quote
		want  string
	}{
		{"one word in other words", []Quote{q(1, "love"), q(2, "he loves you"), q(3, "there is love")}, ""},
		{"a negation alone", []Quote{q(1, "It is not about me, it is about us."), q(2, "Absolutely not.")}, ""},
		{"a stock phrase inside a longer passage", []Quote{
			q(1, "We have come a long way in the last nine months"),
			q(2, "to come a long way"),
		}, ""},
	}
	for _, c := range cases {
		if got := groups(c.quots); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}
