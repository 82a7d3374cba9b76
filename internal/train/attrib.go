package train

import (
	"context"
	"path/filepath"

	"github.com/verbatim-news/verbatim/internal/attrib"
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
)

// Attrib trains the attribution models (cue tagger, boundary and
// relation rankers) on polnear/train and writes them to
// internal/attrib/model. It uses the embedded POS tagger, so train pos
// first when both change.
func Attrib(o Options) error {
	arts, err := polnear.Load(filepath.Join(o.Data, "polnear", "train"), false)
	if err != nil {
		return err
	}
	if o.Holdout > 0 {
		kept := arts[:0:0]
		for i, a := range arts {
			if i%5 != o.Holdout-1 {
				kept = append(kept, a)
			}
		}
		arts = kept
	}
	lex, err := lexicon.Default()
	if err != nil {
		return err
	}
	prep, err := Preparer(lex)
	if err != nil {
		return err
	}
	m, err := attrib.Train(arts, lex, prep, attrib.TrainOptions{CueEpochs: 8, SpanEpochs: 8, AcceptEpochs: 10, Folds: 5, Runs: 5, Log: o.Log})
	if err != nil {
		return err
	}
	dir := filepath.Join(o.Repo, "internal", "attrib", "model")
	if err := writeModel(filepath.Join(dir, "cue.vblm"), m.Cue, o.Log); err != nil {
		return err
	}
	if err := writeModel(filepath.Join(dir, "boundary.vblm"), m.Boundary, o.Log); err != nil {
		return err
	}
	if err := writeModel(filepath.Join(dir, "relation.vblm"), m.Relation, o.Log); err != nil {
		return err
	}
	return writeModel(filepath.Join(dir, "accept.vblm"), m.Accept, o.Log)
}

// Preparer returns the function that readies a text for attribution the
// way the pipeline does: every stage before attrib.
func Preparer(lex *lexicon.Set) (attrib.Prepare, error) {
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	prefix := p.Until("attrib")
	return func(text string) *doc.Document {
		d := &doc.Document{Text: text}
		if err := prefix.Process(context.Background(), d); err != nil {
			panic(err) // the stages before attrib do not fail on text
		}
		return d
	}, nil
}
