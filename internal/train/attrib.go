package train

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/verbatim-news/verbatim/internal/attrib"
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/polnear"
)

// attribSeeds are the seeds `train attrib` draws its models with: one,
// seed 7. Models drawn with different seeds, from the same data and
// features, differ by up to 1.4 in the sum of the three exact F1s on
// polnear/dev (perceptron training follows the order it meets the
// examples in). Until stop 20 the best of four draws on dev was kept;
// but what dev favours in one draw is mostly chance: the best of seeds
// 7-10 after stop 20's changes to decoding, seed 9 (0.35 above seed 7 on
// dev), put the speakers of 1,711 of the 1,904 gold quotations of the
// AEB, events, L3S and trafilatura sets right against seed 7's 1,714, and
// each change that reordered the draws moved the floors and the goldens
// with it. So one fixed draw is kept, and a change is judged by the mean
// of eight draws (--seeds 7,8,9,10,11,12,13,14; with several seeds the
// best is kept, for measuring).
var attribSeeds = []uint64{7}

// Attrib trains the attribution models (cue tagger, boundary and
// relation rankers, acceptance classifier) on polnear/train, once for
// each of attribSeeds, keeps the draw that scores best on polnear/dev
// (the sum of the exact source, cue and content F1; with the one seed,
// that draw) and writes it to
// internal/attrib/model. It uses the embedded POS tagger and NER model,
// so train those first when they change.
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
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	prefix := p.Until("attrib")
	prep := preparer(prefix)
	devDir := filepath.Join(o.Data, "polnear", "dev")

	type draw struct {
		m     attrib.Models
		score float64
		sum   eval.Summary
		log   bytes.Buffer
	}
	seeds := attribSeeds
	if len(o.Seeds) > 0 {
		seeds = o.Seeds
	}
	draws := make([]*draw, len(seeds))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, seed := range seeds {
		dr := &draw{}
		draws[i] = dr
		g.Go(func() error {
			m, err := attrib.Train(arts, lex, prep, attrib.TrainOptions{CueEpochs: 8, SpanEpochs: 8, AcceptEpochs: 10, Folds: 5, Runs: 5, Seed: seed, Log: &dr.log})
			if err != nil {
				return err
			}
			// Score the models as they will be read back from their files.
			if m, err = roundTrip(m); err != nil {
				return err
			}
			att, err := attrib.New(lex, m)
			if err != nil {
				return err
			}
			run := pipeline.New(append(prefix.Stages(), pipeline.Func{StageName: "attrib", Fn: func(_ context.Context, d *doc.Document) error { att.Attribute(d); return nil }})...)
			r, err := eval.PolNeAR(context.Background(), devDir, run, 1, nil)
			if err != nil {
				return fmt.Errorf("scoring on %s: %w", devDir, err)
			}
			dr.m, dr.sum = m, r.Summary()
			dr.score = dr.sum["source_f1"] + dr.sum["cue_f1"] + dr.sum["content_f1"]
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	best := 0
	for i, dr := range draws {
		o.Log.Write(dr.log.Bytes())
		fmt.Fprintf(o.Log, "attrib: seed %d: polnear/dev exact F1 source %.2f, cue %.2f, content %.2f; attributions %.2f, direct %.2f\n",
			seeds[i], dr.sum["source_f1"], dr.sum["cue_f1"], dr.sum["content_f1"], dr.sum["attr_f1"], dr.sum["direct_f1"])
		if dr.score > draws[best].score {
			best = i
		}
	}
	fmt.Fprintf(o.Log, "attrib: keeping seed %d\n", seeds[best])
	m := draws[best].m
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

// roundTrip returns the models as written to their files and read back.
func roundTrip(m attrib.Models) (attrib.Models, error) {
	for _, dst := range []**linear.Model{&m.Cue, &m.Boundary, &m.Relation, &m.Accept} {
		var b bytes.Buffer
		if _, err := (*dst).WriteTo(&b); err != nil {
			return m, err
		}
		r, err := linear.Read(&b)
		if err != nil {
			return m, err
		}
		*dst = r
	}
	return m, nil
}

// preparer returns the function that readies a text for attribution the
// way the pipeline does, with the stages of prefix: every stage before
// attrib.
func preparer(prefix *pipeline.Pipeline) attrib.Prepare {
	return func(text string) *doc.Document {
		d := &doc.Document{Text: text}
		if err := prefix.Process(context.Background(), d); err != nil {
			panic(err) // the stages before attrib do not fail on text
		}
		return d
	}
}
