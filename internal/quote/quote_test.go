package quote

import (
	"fmt"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
)

func scan(text string) *doc.Document {
	d := &doc.Document{Text: text}
	segment.New(lexicon.MustDefault()).Segment(d)
	Scan(d)
	return d
}

// render writes each quote as [inner] with "+" marking one that runs on
// into the next paragraph and "^" one that continues a previous quote.
func render(d *doc.Document) string {
	var b strings.Builder
	for i, q := range d.Quotes {
		if i > 0 {
			b.WriteString(" ")
		}
		if q.Prev >= 0 {
			b.WriteString("^")
		}
		fmt.Fprintf(&b, "[%s]", d.Slice(q.Inner))
		if q.Depth > 0 {
			fmt.Fprintf(&b, "@%d", q.Depth)
		}
		if q.Next >= 0 {
			b.WriteString("+")
		}
	}
	return b.String()
}

func TestScan(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"curly-before-cue", "“We will rebuild the bridge,” the mayor said.", "[We will rebuild the bridge,]"},
		{"colon", "The minister said: “Prices will fall.”", "[Prices will fall.]"},
		{"apostrophes-ignored", "She said the region’s farmers had reached ‘a deal’ and the council’s “final offer” stood.", "[a deal] [final offer]"},
		{"straight-double", `He called it "fair" and "overdue."`, "[fair] [overdue.]"},
		{"nested", "“They told me ‘never again’ and I believed them,” she said.", "[They told me ‘never again’ and I believed them,] [never again]@1"},
		{"doubled-apostrophes", "''It was my duty,'' the judge said.", "[It was my duty,]"},
		{"doubled-curly-singles", "“It was my duty,’’ the judge said, and ‘‘it still is.’’ The clerk’s notes agree.", "[It was my duty,] [it still is.]"},
		{"low-high", "Die Zeitung schrieb „Frieden jetzt” am Montag.", "[Frieden jetzt]"},
		{"guillemets", "Il a dit «non» hier.", "[non]"},
		{"british-single", "'Next week in Paris,' the envoy said, and the ministers' aides nodded.", "[Next week in Paris,]"},
		{"plural-possessive", "The farmers' union said prices fell.", ""},
		{"glued-closer", "She spoke of “deep roots,”meaning history.", "[deep roots,]"},
		{"multi-paragraph", "“We are ready to talk.\n“But not today,” he said.", "[We are ready to talk.]+ ^[But not today,]"},
		{"unclosed-at-end", "He began: “The first thing we must do", "[The first thing we must do]"},
		{"year-apostrophe", "Back in the ’90s the plant employed 400 people.", ""},
		{"headline", "Senator: ‘We Will Not Back Down’\nThe senator spoke on Monday.", "[We Will Not Back Down]"},
		{"stray-closer", "The price is 5” wide and the box is “sealed”.", "[sealed]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(scan(tt.text)); got != tt.want {
				t.Errorf("quotes of %q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestScan_MarksTokens(t *testing.T) {
	d := scan("He said “yes” twice.")
	var in []string
	for _, tok := range d.Tokens {
		if tok.Has(doc.InQuote) {
			in = append(in, d.Text[tok.Start:tok.End])
		}
	}
	if strings.Join(in, " ") != "yes" {
		t.Errorf("InQuote tokens = %q, want [yes]", in)
	}
	var marks []string
	for _, tok := range d.Tokens {
		if tok.Has(doc.OpenQuote) {
			marks = append(marks, "open")
		}
		if tok.Has(doc.CloseQuote) {
			marks = append(marks, "close")
		}
	}
	if strings.Join(marks, ",") != "open,close" {
		t.Errorf("marks = %v", marks)
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"“a,” he said. ‘b’", "\"x\n\"y\" z", "''q'' 'r' ’s", "„a” «b» ‹c›", "\xff“\x00"} {
		f.Add(s)
	}
	seg := segment.New(lexicon.MustDefault())
	f.Fuzz(func(t *testing.T, text string) {
		d := &doc.Document{Text: text}
		seg.Segment(d)
		Scan(d)
		last := -1
		for i, q := range d.Quotes {
			for _, s := range []doc.Span{q.Open, q.Close, q.Inner} {
				if s.Start < 0 || s.End > len(text) || s.End < s.Start {
					t.Fatalf("quote %d span %v out of bounds", i, s)
				}
			}
			if q.Open.Start < last {
				t.Fatalf("quotes out of order")
			}
			last = q.Open.Start
			if q.Next >= 0 && (q.Next <= i || d.Quotes[q.Next].Prev != i) {
				t.Fatalf("bad continuation link %d -> %d", i, q.Next)
			}
		}
	})
}
