package eval

import (
	"context"
	"path/filepath"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
)

// Attributions converts d's top-level statements to the corpus form.
// Nested statements are left out: PolNeAR gives each word one role in one
// attribution, so its gold has none.
func Attributions(d *doc.Document) []polnear.Attribution {
	out := make([]polnear.Attribution, 0, len(d.Statements))
	conv := func(ss ...doc.Span) []polnear.Span {
		var r []polnear.Span
		for _, s := range ss {
			if !s.IsZero() {
				r = append(r, polnear.Span{Start: s.Start, End: s.End})
			}
		}
		return r
	}
	for _, s := range d.Statements {
		if s.Parent >= 0 {
			continue // PolNeAR does not annotate nested attributions
		}
		out = append(out, polnear.Attribution{
			Content: conv(s.Content...),
			Cue:     conv(s.Cue),
			Source:  conv(s.Source),
		})
	}
	return out
}

// PolNeAR runs p over every article of the corpus directory dir (with
// text/ and ann/) and scores the statements against the gold. When keep
// is not nil it is called with each analysed document; an error it
// returns stops the run.
func PolNeAR(ctx context.Context, dir string, p *pipeline.Pipeline, workers int, keep func(name string, d *doc.Document, gold []polnear.Attribution) error) (*Report, error) {
	arts, err := polnear.Load(dir, false)
	if err != nil {
		return nil, err
	}
	i := 0
	next := func() (pipeline.Job, bool) {
		if i >= len(arts) {
			return pipeline.Job{}, false
		}
		a := arts[i]
		i++
		return pipeline.Job{Name: filepath.Join(dir, "text", a.Name+".txt"), Doc: &doc.Document{ID: a.Name, Text: a.Text}}, true
	}
	r := &Report{}
	k := 0
	err = p.Run(ctx, workers, next, func(j pipeline.Job) error {
		a := arts[k]
		k++
		if j.Err != nil {
			return j.Err
		}
		r.Score(a.Text, a.Attributions, Attributions(j.Doc))
		if keep != nil {
			return keep(a.Name, j.Doc, a.Attributions)
		}
		return nil
	})
	return r, err
}
