package segment

import (
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// tokens returns the texts of the tokens of s, joined by " | ".
func tokens(seg *Segmenter, s string) string {
	var out []string
	for _, t := range seg.Tokenize(s, nil) {
		out = append(out, s[t.Start:t.End])
	}
	return strings.Join(out, " | ")
}

func TestSegmenter_Tokenize_Cases(t *testing.T) {
	seg := New(lexicon.MustDefault())
	cases := []struct{ group, in, want string }{
		// Clitics split off as CoreNLP does.
		{"clitic", "don't", "do | n't"},
		{"clitic", "Don’t", "Do | n’t"},
		{"clitic", "can't", "ca | n't"},
		{"clitic", "won't", "wo | n't"},
		{"clitic", "it's", "it | 's"},
		{"clitic", "Russia’s", "Russia | ’s"},
		{"clitic", "they're", "they | 're"},
		{"clitic", "we've", "we | 've"},
		{"clitic", "I'm", "I | 'm"},
		{"clitic", "she'll", "she | 'll"},
		{"clitic", "he'd", "he | 'd"},
		{"clitic", "DON'T", "DO | N'T"},
		{"clitic", "the Joneses' house", "the | Joneses | ' | house"},
		{"clitic", "O'Brien", "O'Brien"},
		{"clitic", "rock’n’roll", "rock’n’roll"},
		// Abbreviations keep their period.
		{"abbreviation", "Mr. Smith", "Mr. | Smith"},
		{"abbreviation", "Dr. Jones", "Dr. | Jones"},
		{"abbreviation", "Gov. Ramos", "Gov. | Ramos"},
		{"abbreviation", "Acme Inc. said", "Acme | Inc. | said"},
		{"abbreviation", "No. 10", "No. | 10"},
		{"abbreviation", "in Jan. 2024", "in | Jan. | 2024"},
		{"abbreviation", "the end.", "the | end | ."},
		// Acronyms with periods stay whole.
		{"acronym", "the U.S. economy", "the | U.S. | economy"},
		{"acronym", "U.N. officials", "U.N. | officials"},
		{"acronym", "e.g. this", "e.g. | this"},
		{"acronym", "at 9 a.m. today", "at | 9 | a.m. | today"},
		{"acronym", "Washington, D.C.", "Washington | , | D.C."},
		{"acronym", "NATO and the EU", "NATO | and | the | EU"},
		{"acronym", "AT&T", "AT&T"},
		// Numbers keep their separators.
		{"number", "1,000 people", "1,000 | people"},
		{"number", "3.5 percent", "3.5 | percent"},
		{"number", "$4.2 billion", "$ | 4.2 | billion"},
		{"number", "at 10:30", "at | 10:30"},
		{"number", "24/7", "24/7"},
		{"number", "the 1990s", "the | 1990s"},
		{"number", "5%", "5 | %"},
		{"number", "-5 degrees", "-5 | degrees"},
		{"number", "£20m", "£ | 20m"},
		// URLs, e-mail, handles and hashtags.
		{"url", "see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | ."},
		{"url", "(www.example.com)", "( | www.example.com | )"},
		{"url", "@jane_doe and #Vote2024", "@jane_doe | and | #Vote2024"},
		// Quotation marks stand alone.
		{"quote", `"Yes," she said.`, `" | Yes | , | " | she | said | .`},
		{"quote", "“No,” he said.", "“ | No | , | ” | he | said | ."},
		{"quote", "‘Go’", "‘ | Go | ’"},
		{"quote", "``Yes''", "`` | Yes | ''"},
		{"quote", "‘‘Yes,’’ isn’t", "‘‘ | Yes | , | ’’ | is | n’t"},
		{"quote", "the farmers’’ land", "the | farmers | ’ | ’ | land"},
		{"quote", "«Non»", "« | Non | »"},
		{"quote", "'Hello'", "' | Hello | '"},
		// Hyphens: words joined, dashes apart.
		{"hyphen", "a three-year-old", "a | three-year-old"},
		{"hyphen", "pre-election", "pre-election"},
		{"hyphen", "Covid-19", "Covid-19"},
		{"hyphen", "it was -- he said", "it | was | -- | he | said"},
		{"hyphen", "yes—no", "yes | — | no"},
		{"hyphen", "2019-2020", "2019-2020"},
		// Initials keep their period.
		{"initial", "J. K. Rowling", "J. | K. | Rowling"},
		{"initial", "George W. Bush", "George | W. | Bush"},
		{"initial", "J.K. Rowling", "J.K. | Rowling"},
		// Other punctuation.
		{"punct", "Wait...", "Wait | ..."},
		{"punct", "Wait…", "Wait | …"},
		{"punct", "(in brackets)", "( | in | brackets | )"},
		{"punct", "yes; no: maybe!", "yes | ; | no | : | maybe | !"},
		{"punct", "Why?!", "Why | ? | !"},
		// White space of every kind separates; nothing is lost.
		{"space", "a\u00a0b\u200bc\td\r\ne", "a | b | c | d | e"},
		{"space", "", ""},
	}
	for _, c := range cases {
		t.Run(c.group+"/"+c.in, func(t *testing.T) {
			if got := tokens(seg, c.in); got != c.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

func TestSegmenter_Tokenize_Kinds(t *testing.T) {
	seg := New(lexicon.MustDefault())
	in := `“Sales rose 4.5% to $1,200,” Mr. O'Neill said.`
	want := "quote:“ word:Sales word:rose number:4.5 symbol:% word:to symbol:$ number:1,200 punct:, quote:” word:Mr. word:O'Neill word:said punct:."
	var got []string
	for _, tk := range seg.Tokenize(in, nil) {
		got = append(got, tk.Kind.String()+":"+in[tk.Start:tk.End])
	}
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestSegmenter_Tokenize_Flags(t *testing.T) {
	seg := New(lexicon.MustDefault())
	toks := seg.Tokenize(`He said "NO" twice`, nil)
	want := []doc.TokenFlags{
		doc.SpaceBefore | doc.SpaceAfter | doc.Upper, // He
		doc.SpaceBefore | doc.SpaceAfter,             // said
		doc.SpaceBefore,                              // "
		doc.Upper | doc.AllUpper,                     // NO
		doc.SpaceAfter,                               // "
		doc.SpaceBefore | doc.SpaceAfter,             // twice
	}
	if len(toks) != len(want) {
		t.Fatalf("%d tokens, want %d", len(toks), len(want))
	}
	for i, tk := range toks {
		if tk.Flags != want[i] {
			t.Errorf("token %d: flags %b, want %b", i, tk.Flags, want[i])
		}
	}
}
