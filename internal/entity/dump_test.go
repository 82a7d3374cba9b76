package entity_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
)

var testResolver = sync.OnceValues(func() (*entity.Resolver, error) { return entity.New(lexicon.MustDefault()) })

// analyse runs the stages entity needs, then the resolver, on text.
func analyse(t testing.TB, text string) *doc.Document {
	t.Helper()
	lex := lexicon.MustDefault()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := testResolver()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: text}
	segment.New(lex).Segment(d)
	tg.Tag(d)
	quote.Scan(d)
	r.Resolve(d)
	return d
}

// dump writes the mentions and entities of d in a diffable form.
func dump(d *doc.Document) string {
	var b strings.Builder
	for i, e := range d.Entities {
		fmt.Fprintf(&b, "entity %d %s %q id=%s gender=%d titles=%q\n", i, e.Type, e.Name, e.ID, e.Gender, e.Titles)
	}
	for _, m := range d.Mentions {
		name := "-"
		if m.Entity >= 0 {
			name = d.Entities[m.Entity].Name
		}
		fmt.Fprintf(&b, "%s %d:%d %q -> %q\n", m.Kind, m.Start, m.End, d.Slice(m.Span), name)
	}
	return b.String()
}

func TestDumpFile(t *testing.T) {
	p := os.Getenv("ENTITY_DUMP")
	if p == "" {
		t.Skip("set ENTITY_DUMP=FILE to dump its mentions")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d := analyse(t, string(b))
	t.Log("\n" + dump(d))
	if os.Getenv("ENTITY_DUMP_POS") != "" {
		// The tagged text, a sentence a line, for reading what the
		// mentions were found in.
		var sb strings.Builder
		for _, s := range d.Sentences {
			for k := s.FirstTok; k < s.EndTok; k++ {
				fmt.Fprintf(&sb, "%s/%s ", d.Slice(d.Tokens[k].Span()), d.Tokens[k].POS)
			}
			sb.WriteString("\n")
		}
		t.Log("\n" + sb.String())
	}
}
