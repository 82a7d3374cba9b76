package pipeline

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/verbatim-news/verbatim/internal/doc"
)

var update = flag.Bool("update", false, "rewrite the want.txt sections of the golden files")

// goldenSetup returns the default pipeline and the golden files.
func goldenSetup(t *testing.T) (*Pipeline, []string) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no golden files")
	}
	return p, files
}

// TestGolden runs the default pipeline over each testdata/golden/*.txtar
// case (an article the team wrote, in its input.txt section) and compares
// the statements, one line each, with the case's want.txt section.
// `go test ./internal/pipeline -run Golden -update` rewrites the wants;
// review the diff.
func TestGolden(t *testing.T) {
	p, files := goldenSetup(t)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var input, want []byte
			for _, fl := range ar.Files {
				switch fl.Name {
				case "input.txt":
					input = fl.Data
				case "want.txt":
					want = fl.Data
				}
			}
			d := &doc.Document{Text: strings.TrimSuffix(string(input), "\n")}
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := []byte(Canonical(d))
			if *update {
				ar.Files = []txtar.File{{Name: "input.txt", Data: input}, {Name: "want.txt", Data: got}}
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("statements of %s:\n--- got\n%s--- want\n%s", f, got, want)
			}
		})
	}
}

// Canonical renders d's statements one per line, in a diffable form:
// id kind cue="…" source="…" speaker="…" content="…" and the optional
// parts, quotes, addressee, manner, parent and continues.
func Canonical(d *doc.Document) string {
	var b strings.Builder
	q := func(s doc.Span) string { return fmt.Sprintf("%q", d.Slice(s)) }
	for i, s := range d.Statements {
		fmt.Fprintf(&b, "s%d %s cue=%s source=%s", i+1, s.Kind, q(s.Cue), q(s.Source))
		if s.Speaker >= 0 && s.Speaker < len(d.Entities) {
			fmt.Fprintf(&b, " speaker=%q", d.Entities[s.Speaker].Name)
		}
		var parts []string
		for _, c := range s.Content {
			parts = append(parts, q(c))
		}
		fmt.Fprintf(&b, " content=%s", strings.Join(parts, "+"))
		for _, x := range s.Quotes {
			fmt.Fprintf(&b, " quote=%s", q(x))
		}
		if !s.Addressee.IsZero() {
			fmt.Fprintf(&b, " addressee=%s", q(s.Addressee))
		}
		if !s.Manner.IsZero() {
			fmt.Fprintf(&b, " manner=%s", q(s.Manner))
		}
		if s.Parent >= 0 {
			fmt.Fprintf(&b, " parent=s%d", s.Parent+1)
		}
		if s.Continues >= 0 {
			fmt.Fprintf(&b, " continues=s%d", s.Continues+1)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
