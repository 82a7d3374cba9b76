package entity_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/ingest"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestResolve_SameOutput checks that a change to this package leaves its
// output alone: with ENTITY_SAME_WRITE=DIR it writes, for every text of
// the shared data (PolNeAR train and dev, the events sample, the seed,
// GUM), the mentions, entities and statement speakers the pipeline makes
// up to its speakers stage, one corpus a file; with ENTITY_SAME=DIR it
// makes them again and compares with those files. Write before the
// change, compare after.
func TestResolve_SameOutput(t *testing.T) {
	write, dir := os.Getenv("ENTITY_SAME_WRITE"), os.Getenv("ENTITY_SAME")
	if write == "" && dir == "" {
		t.Skip("set ENTITY_SAME_WRITE=DIR to write the output, ENTITY_SAME=DIR to compare with it")
	}
	full, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var stages []pipeline.Stage
	for _, s := range full.Stages() {
		stages = append(stages, s)
		if s.Name() == "speakers" {
			break
		}
	}
	p := pipeline.New(stages...)
	r, err := testResolver()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sameCorpora(t) {
		var b strings.Builder
		var gap []*doc.Document
		if c.names2 != nil {
			// GAP: the resolver alone, given the two names.
			if gap, err = eval.Prepare(c.texts); err != nil {
				t.Fatal(err)
			}
		}
		for i, text := range c.texts {
			d := &doc.Document{Text: text}
			if gap != nil {
				d = gap[i]
				r.ResolveNames(d, c.names2[i])
			} else if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			speakers := make([][2]any, len(d.Statements))
			for j, s := range d.Statements {
				speakers[j] = [2]any{s.Speaker, s.Confidence}
			}
			js, err := json.Marshal(struct {
				M []doc.Mention
				E []doc.Entity
				S [][2]any
			}{d.Mentions, d.Entities, speakers})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s\t%s\n", c.names[i], js)
		}
		if write != "" {
			if err := os.WriteFile(filepath.Join(write, c.name+".tsv"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(filepath.Join(dir, c.name+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		got, wl := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
		if len(got) != len(wl) {
			t.Errorf("%s: %d texts, want %d", c.name, len(got)-1, len(wl)-1)
			continue
		}
		diff := 0
		for i := range got {
			if got[i] != wl[i] {
				if diff++; diff <= 3 {
					t.Errorf("%s: %s differs", c.name, c.names[i])
				}
			}
		}
		t.Logf("%s: %d texts, %d differ", c.name, len(c.texts), diff)
	}
}

// sameCorpus is one corpus's texts and their names.
type sameCorpus struct {
	name         string
	names, texts []string
	names2       [][]doc.Span // given person names (GAP), or nil
}

func sameCorpora(t *testing.T) []sameCorpus {
	t.Helper()
	var out []sameCorpus
	for _, split := range []string{"train", "dev"} {
		arts, err := polnear.Load(shareddata.Dir(t, "polnear", split), false)
		if err != nil {
			t.Fatal(err)
		}
		c := sameCorpus{name: "polnear-" + split}
		for _, a := range arts {
			c.names, c.texts = append(c.names, a.Name), append(c.texts, a.Text)
		}
		out = append(out, c)
	}
	c := sameCorpus{name: "events"}
	err := ingest.Walk([]string{filepath.Join(shareddata.Dir(t, "events"), "articles.jsonl")}, nil, ingest.Options{}, func(it ingest.Item) error {
		if it.Err != nil {
			return it.Err
		}
		c.names, c.texts = append(c.names, it.Doc.ID), append(c.texts, it.Doc.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, c)
	c = sameCorpus{name: "seed"}
	seeds, err := filepath.Glob(filepath.Join(shareddata.Dir(t, "seed"), "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c.names, c.texts = append(c.names, filepath.Base(p)), append(c.texts, string(b))
	}
	out = append(out, c)
	gum, err := eval.LoadGUM(shareddata.Dir(t, "gum-news-interview", "conllu"), "GUM_")
	if err != nil {
		t.Fatal(err)
	}
	c = sameCorpus{name: "gum"}
	for _, g := range gum {
		c.names, c.texts = append(c.names, g.Name), append(c.texts, g.Text)
	}
	out = append(out, c)
	for _, split := range []string{"development", "validation", "test"} {
		exs, err := eval.ReadGAP(filepath.Join(shareddata.Dir(t, "gap-coreference"), "gap-"+split+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		c = sameCorpus{name: "gap-" + split}
		for _, ex := range exs {
			c.names, c.texts = append(c.names, ex.ID), append(c.texts, ex.Text)
			c.names2 = append(c.names2, []doc.Span{{Start: ex.A.Start, End: ex.A.End}, {Start: ex.B.Start, End: ex.B.End}})
		}
		out = append(out, c)
	}
	return out
}
