package entity_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
)

// FuzzResolve checks the resolver's invariants on any text: no panic;
// mention spans and heads within the text, on character boundaries, and
// mentions in order of start; entity indexes in range and consistent with
// each entity's mention list; SpeakerOf in range.
func FuzzResolve(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "resolve", "*.txtar"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			if in, ok := parseArchive(string(b)).get("input.txt"); ok {
				f.Add(in)
			}
		}
	}
	f.Add("He said she said they said. “Mr. O'Brien,” he said, “the president of the Board.”")
	f.Add("Jr. Jr. the the of , , Ms. Ms. President President\nUS U.S. Kyiv Kiev")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		d := analyse(t, text)
		onBoundary := func(off int) bool {
			return off == len(text) || off >= 0 && off < len(text) && utf8.RuneStart(text[off])
		}
		check := func(what string, s doc.Span) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End || !onBoundary(s.Start) || !onBoundary(s.End) {
				t.Fatalf("%s %+v out of bounds or off a character boundary (text %d bytes)", what, s, len(text))
			}
		}
		for i, m := range d.Mentions {
			check("mention", m.Span)
			check("head", m.Head)
			if i > 0 && m.Start < d.Mentions[i-1].Start {
				t.Fatalf("mention %d starts before mention %d", i, i-1)
			}
			if m.Entity < -1 || m.Entity >= len(d.Entities) {
				t.Fatalf("mention %d has entity %d of %d", i, m.Entity, len(d.Entities))
			}
			if e, c := entity.SpeakerOf(d, m.Span); e < -1 || e >= len(d.Entities) || c < 0 || c > 1 {
				t.Fatalf("SpeakerOf(mention %d) = %d, %v", i, e, c)
			}
		}
		for ei, e := range d.Entities {
			if len(e.Mentions) == 0 {
				t.Fatalf("entity %d has no mentions", ei)
			}
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(d.Mentions) || d.Mentions[mi].Entity != ei {
					t.Fatalf("entity %d lists mention %d, which is not its", ei, mi)
				}
			}
		}
	})
}
