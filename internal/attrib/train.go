package attrib

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/polnear"
)

// Prepare turns a text into a document ready for attribution (segmented,
// tagged, quote-scanned). Training takes it as a parameter so that it
// prepares documents exactly as the pipeline does.
type Prepare func(text string) *doc.Document

// TrainOptions control training.
type TrainOptions struct {
	CueEpochs    int
	SpanEpochs   int
	AcceptEpochs int
	Folds        int // for the acceptance classifier's training candidates
	Runs         int // perceptrons averaged into each model (1 when 0)
	// Seed seeds the orders training visits the examples in; models
	// drawn with different seeds differ by a few tenths of F1.
	Seed uint64
	Log  io.Writer
}

// example is one training document with its gold attributions as token
// ranges.
type example struct {
	c     *context
	cueLb []uint8 // gold cue label per token
	attrs []goldAttr
	// proposals are the cues a tagger trained on the other folds
	// proposes (with the proposal bias), as at run time.
	proposals []cueSpan
}

type goldAttr struct {
	cue     cueSpan
	content span // main content fragment; none when unusable
	source  span // none when the attribution has no source
	srcOK   bool // the gold source is usable for training
}

// Train learns the cue tagger and the span rankers from gold articles.
func Train(arts []*polnear.Article, lex *lexicon.Set, prep Prepare, o TrainOptions) (Models, error) {
	start := time.Now()
	exs := make([]*example, 0, len(arts))
	nAttr := 0
	for _, a := range arts {
		ex := newExample(a, lex, prep)
		nAttr += len(ex.attrs)
		exs = append(exs, ex)
	}
	fmt.Fprintf(o.Log, "attrib: %d articles, %d attributions with usable cues (%s)\n", len(exs), nAttr, time.Since(start).Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(o.Seed, 11))

	// Cue proposals for every article from a tagger trained on the other
	// folds, so the later stages train on realistic cues.
	folds := max(o.Folds, 2)
	for f := 0; f < folds; f++ {
		var in []*example
		for i, ex := range exs {
			if i%folds != f {
				in = append(in, ex)
			}
		}
		cm := trainCues(in, o.CueEpochs, rng, io.Discard).Model(1.0)
		fs := newFormScorer(lex, cm, nil)
		for i, ex := range exs {
			if i%folds == f {
				ex.proposals = proposeCues(ex.c, fs, proposeSlack)
			}
		}
		fmt.Fprintf(o.Log, "attrib: cue proposals for fold %d/%d\n", f+1, folds)
	}

	// The span rankers, on gold cues, with the other cues as proposed;
	// each model is the mean of o.Runs perceptrons trained in different
	// orders (see linear.Average).
	runs := max(o.Runs, 1)
	var bts, rts, cts []*linear.Trainer
	for run := 0; run < runs; run++ {
		bt, rt := trainSpans(exs, o.SpanEpochs, rng, o.Log)
		bts, rts = append(bts, bt), append(rts, rt)
	}
	m := Models{Boundary: linear.Average(bts, 0.01), Relation: linear.Average(rts, 0.01)}

	// The cue tagger, on everything.
	for run := 0; run < runs; run++ {
		cts = append(cts, trainCues(exs, o.CueEpochs, rng, o.Log))
	}
	m.Cue = linear.Average(cts, 1.0)

	// The acceptance classifier, on the proposals.
	var cands []acceptCand
	for _, ex := range exs {
		gold := map[[2]int]bool{}
		for _, g := range ex.attrs {
			gold[[2]int{g.cue.a, g.cue.b}] = true
		}
		r := newRanker(ex.c, m.Boundary, m.Relation, nil, ex.proposals)
		for _, q := range ex.proposals {
			k := decodeCue(r, q)
			cands = append(cands, acceptCand{acceptFeatures(nil, ex.c, k), b2i(gold[[2]int{q.a, q.b}])})
		}
	}
	var ats []*linear.Trainer
	for run := 0; run < runs; run++ {
		ats = append(ats, trainAccept(cands, o.AcceptEpochs, rng, o.Log))
	}
	m.Accept = linear.Average(ats, 1.0)
	fmt.Fprintf(o.Log, "attrib: trained in %s\n", time.Since(start).Round(time.Second))
	return m, nil
}

// acceptCand is a training instance of the acceptance classifier: a
// proposed cue's features and whether it is a gold cue.
type acceptCand struct {
	feats []uint64
	gold  int
}

// trainCues trains a cue tagger on exs.
func trainCues(exs []*example, epochs int, rng *rand.Rand, log io.Writer) *linear.Trainer {
	ct := linear.NewTrainer(cueClasses)
	fs := &featScorer{m: ct}
	order := append([]*example(nil), exs...)
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, ex := range order {
			tagCues(ex.c, fs, ex.cueLb, func(_ []float32, guess, gold int) {
				toks++
				ct.Tick()
				if guess != gold {
					errs++
					ct.Update(fs.fb, gold, 1)
					ct.Update(fs.fb, guess, -1)
				}
			})
		}
		fmt.Fprintf(log, "attrib: cue epoch %d: %.2f%% token errors\n", e+1, 100*float64(errs)/float64(toks))
	}
	return ct
}

// refresh forgets cached scores and rebuilds the dense tables, after the
// weights changed.
func (r *ranker) refresh() {
	for i := range r.bdone {
		r.bdone[i] = false
	}
	r.tb.build(r.rel)
}

func newExample(a *polnear.Article, lex *lexicon.Set, prep Prepare) *example {
	d := prep(a.Text)
	c := newContext(d, lex, nil)
	ex := &example{c: c, cueLb: make([]uint8, len(d.Tokens))}
	for _, g := range a.Attributions {
		if len(g.Cue) == 0 {
			continue
		}
		// The cue: the first fragment (cues are almost always one).
		ca, cb, ok := tokRange(d, g.Cue[0].Start, g.Cue[0].End)
		if !ok || d.Tokens[ca].Sent != d.Tokens[cb-1].Sent {
			continue
		}
		clash := false
		for i := ca; i < cb; i++ {
			if ex.cueLb[i] != labO {
				clash = true
			}
		}
		if clash {
			continue
		}
		ex.cueLb[ca] = labB
		for i := ca + 1; i < cb; i++ {
			ex.cueLb[i] = labI
		}
		ga := goldAttr{cue: cueSpan{a: ca, b: cb, score: 1}}
		ga.content = mainContent(c, ga.cue, g.Content)
		if len(g.Source) == 0 {
			ga.source = span{a: ca, b: ca, side: -1}
			ga.srcOK = true
		} else if sa, sb, ok := tokRange(d, g.Source[0].Start, g.Source[0].End); ok &&
			d.Tokens[sa].Sent == d.Tokens[ca].Sent && d.Tokens[sb-1].Sent == d.Tokens[ca].Sent && (sb <= ca || sa >= cb) {
			side := sideRight
			if sb <= ca {
				side = sideLeft
			}
			ga.source = span{a: sa, b: sb, side: side}
			ga.srcOK = true
		}
		ex.attrs = append(ex.attrs, ga)
	}
	return ex
}

// mainContent picks the gold content fragment nearest the cue in the
// cue's paragraph, as a token span; none when there is no such fragment.
func mainContent(c *context, q cueSpan, frags []polnear.Span) span {
	d := c.d
	pa, pb := c.paraRange(q.a)
	best := span{}
	bestDist := -1
	for _, f := range frags {
		a, b, ok := tokRange(d, f.Start, f.End)
		if !ok || a < pa || b > pb {
			continue
		}
		var s span
		var dist int
		switch {
		case b <= q.a:
			s, dist = span{a: a, b: b, side: sideLeft}, q.a-b
		case a >= q.b:
			s, dist = span{a: a, b: b, side: sideRight}, a-q.b
		default:
			continue
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = s, dist
		}
	}
	return best
}

// tokRange returns the tokens [a, b) that a byte range covers, trimmed of
// white space: the first token ending after start and the last starting
// before end.
func tokRange(d *doc.Document, start, end int) (int, int, bool) {
	for start < end && isSpaceByte(d.Text[start]) {
		start++
	}
	for end > start && isSpaceByte(d.Text[end-1]) {
		end--
	}
	if start >= end {
		return 0, 0, false
	}
	a := d.TokenAt(start)
	b := a
	for b < len(d.Tokens) && d.Tokens[b].Start < end {
		b++
	}
	return a, b, b > a
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// trainSpans trains the boundary and relation rankers on the gold cues of
// exs.
func trainSpans(exs []*example, epochs int, rng *rand.Rand, log io.Writer) (bt, rt *linear.Trainer) {
	bt = linear.NewTrainer(boundaryClasses)
	rt = linear.NewTrainer([]string{"score"})
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		var cOK, cN, sOK, sN int
		for _, ex := range exs {
			r := newRanker(ex.c, bt, rt, nil, ex.proposals)
			for _, g := range ex.attrs {
				if !g.content.none() {
					r.refresh()
					cN++
					bt.Tick()
					rt.Tick()
					best := r.contents(g.cue)
					if len(best) > 0 && sameSpan(best[0], g.content) {
						cOK++
					} else if len(best) > 0 {
						r.contentUpdate(g.cue, g.content, 1, bt, rt)
						r.contentUpdate(g.cue, best[0], -1, bt, rt)
					}
				}
				if g.srcOK {
					r.refresh()
					sN++
					bt.Tick()
					rt.Tick()
					best := r.sources(g.cue)
					if len(best) > 0 && (sameSpan(best[0], g.source) || best[0].none() && g.source.none()) {
						sOK++
					} else if len(best) > 0 {
						r.sourceUpdate(g.cue, g.source, 1, bt, rt)
						r.sourceUpdate(g.cue, best[0], -1, bt, rt)
					}
				}
			}
		}
		fmt.Fprintf(log, "attrib: span epoch %d: content %.1f%%, source %.1f%% exact on train\n", e+1,
			100*float64(cOK)/float64(max(cN, 1)), 100*float64(sOK)/float64(max(sN, 1)))
	}
	return bt, rt
}

// trainAccept trains the acceptance classifier on cands.
func trainAccept(cands []acceptCand, epochs int, rng *rand.Rand, log io.Writer) *linear.Trainer {
	at := linear.NewTrainer(acceptClasses)
	var sc [2]float32
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		errs := 0
		for _, cd := range cands {
			at.Tick()
			at.Score(cd.feats, sc[:])
			if guess := linear.Argmax(sc[:]); guess != cd.gold {
				errs++
				at.Update(cd.feats, cd.gold, 1)
				at.Update(cd.feats, guess, -1)
			}
		}
		fmt.Fprintf(log, "attrib: accept epoch %d: %.2f%% errors\n", e+1, 100*float64(errs)/float64(len(cands)))
	}
	return at
}
