package pipeline

import (
	"context"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/render"
)

// FuzzPipeline runs every stage on arbitrary valid text: no stage may
// fail or panic, every statement's spans lie in the text on rune
// boundaries, and the JSON, brat and text forms can be written.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"“We will rebuild,” the mayor said. “Soon.”",
		"He said: \"yes\n\"no\" — ‘maybe’ – she told the BBC via a translator that 1,000 km (680 miles) was far.",
		"According to officials, the union’s claim that it won is false, said Ms. Ortiz on Friday.",
		"''Quote'' , said X. “ ” ‘ ’ « » „ “",
		"The mayors issued a statement. \"As Minister Ilves said, 'no town is left', we agree,\" the statement read. \"Yes,\" it continued.",
		"Harbour Board Sits Down With Ingrid Salo\nFirst Lady Ana Ruiz was quoted as saying, \"Fine.\" They said that \"it\" and that she \"hoped so\".",
		"Justice Minister Ekaterine Gvaladze addressed the crews in Georgian: \"Stay.\" Reyes had this to say: \"Go.\"",
		"The page id c98e6425 was logged, and someone wrote it cost 5e400 dollars.",
		"Dahl told him: “See you,” which the minister said he might regret but added he could see it. The fare rise that Berg proposed, as the stretch is called.",
		"While Ferro said “most” agreed, she conceded it. Ferro, calling it “overdue,” said the towns had met, responding to the remarks. When asked, he said, “No.”",
		"“It was never safe for the U.S.\nnavy.\nWe will rebuild it,” Ruiz said.\n“",
		"",
	} {
		f.Add(s)
	}
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // ingest guarantees valid UTF-8
		}
		d := &doc.Document{Text: text}
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatalf("pipeline failed on %q: %v", text, err)
		}
		check := func(s doc.Span) {
			if s.IsZero() {
				return
			}
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Fatalf("span %v out of bounds or off a rune boundary in %q", s, text)
			}
		}
		for _, st := range d.Statements {
			for _, c := range st.Content {
				check(c)
			}
			for _, q := range st.Quotes {
				check(q)
			}
			check(st.Cue)
			check(st.Source)
			if st.Speaker >= len(d.Entities) || st.Parent >= len(d.Statements) || st.Continues >= len(d.Statements) {
				t.Fatalf("statement index out of range in %q", text)
			}
		}
		for name, out := range map[string]func() error{
			"json": func() error { return render.JSON(io.Discard, d, false) },
			"brat": func() error { return render.Brat(io.Discard, d) },
			"text": func() error { return render.Text(io.Discard, d, render.TextOptions{}) },
		} {
			if err := out(); err != nil {
				t.Fatalf("%s output failed on %q: %v", name, text, err)
			}
		}
	})
}
