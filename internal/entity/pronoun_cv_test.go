package entity

import (
	"os"
	"strconv"
	"testing"

	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
)

// TestPronounCV reports, for the ranker's settings, the GAP F1 of 5-fold
// cross-validation inside gap-development (training on the other folds
// in both settings, in two rounds, as `verbatim train pronoun` does) and
// on gap-validation (training on all of development), in the snippet and
// page-context settings. PARTS=2 adds the folds of a second partition of
// development to the cross-validation counts, which steadies them;
// PRONCV=addval puts gap-validation in every fold's training set, which
// measures what more training data does; ITERS, L2 and ROUNDS override
// the settings, MARGIN the names margin (namesMargin); TRAINF1=1 also reports the F1 on development itself, the
// model's fit. The pronoun ranker's features and settings were chosen
// with it (PARTS=2). It never reads gap-test.tsv. Set PRONCV=1 or
// PRONCV=addval.
func TestPronounCV(t *testing.T) {
	mode := os.Getenv("PRONCV")
	if mode == "" {
		t.Skip("set PRONCV=1 or PRONCV=addval")
	}
	dev, val, devT, valT := gapLoad(t)
	devP, valP := gapPage(dev), gapPage(val)
	sets := [2][2]gapSplit{
		{{dev, devT}, {devP, gapDevTasks(t, devP)}},
		{{val, valT}, {valP, gapDevTasks(t, valP)}},
	}
	both := func(d [2]gapSplit) []PronounTask {
		return append(append([]PronounTask(nil), d[0].tasks...), d[1].tasks...)
	}
	base, _ := New(lexicon.MustDefault())
	with := func(m *linear.Model) *Resolver {
		r, _ := NewWith(base.lex, base.ner.m, m, DefaultMargin)
		return r
	}
	o := DefaultRankerOptions
	if v := os.Getenv("ITERS"); v != "" {
		o.Iters, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("L2"); v != "" {
		o.L2, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("MARGIN"); v != "" {
		mg, _ := strconv.ParseFloat(v, 32)
		defer func(m float32) { namesMargin = m }(namesMargin)
		namesMargin = float32(mg)
	}
	rounds := 2
	if v := os.Getenv("ROUNDS"); v != "" {
		rounds, _ = strconv.Atoi(v)
	}
	trainIt := func(tasks []PronounTask) *linear.Model {
		var m *linear.Model
		for round := 0; round < rounds; round++ {
			m = base.TrainPronounRanker(tasks, m, o)
		}
		return m
	}
	var cv, vals [2]gapScore
	m := trainIt(both(sets[0]))
	for c := 0; c < 2; c++ {
		vals[c] = *gapEval(with(m), sets[1][c].rows, sets[1][c].tasks)
	}
	if os.Getenv("TRAINF1") != "" {
		var tr [2]gapScore
		for c := 0; c < 2; c++ {
			tr[c] = *gapEval(with(m), sets[0][c].rows, sets[0][c].tasks)
		}
		t.Logf("training F1: snippet %s | page %s", &tr[0], &tr[1])
	}
	const k = 5
	parts := 1
	if os.Getenv("PARTS") == "2" {
		parts = 2
	}
	for part := 0; part < parts; part++ {
		key := func(i int) int { return i % k }
		if part == 1 {
			key = func(i int) int { return i / k % k }
		}
		fold := func(g gapSplit, f int, held bool) gapSplit {
			var out gapSplit
			for i := range g.rows {
				if (key(i) == f) == held {
					out.rows, out.tasks = append(out.rows, g.rows[i]), append(out.tasks, g.tasks[i])
				}
			}
			return out
		}
		for f := 0; f < k; f++ {
			tr := both([2]gapSplit{fold(sets[0][0], f, false), fold(sets[0][1], f, false)})
			if mode == "addval" {
				tr = append(tr, both(sets[1])...)
			}
			fm := trainIt(tr)
			for c := 0; c < 2; c++ {
				te := fold(sets[0][c], f, true)
				s := gapEval(with(fm), te.rows, te.tasks)
				for g := 0; g < 2; g++ {
					cv[c].tp[g] += s.tp[g]
					cv[c].pred[g] += s.pred[g]
					cv[c].gold[g] += s.gold[g]
				}
			}
		}
	}
	t.Logf("%s %+v: snippet cv %s val %s | page cv %s val %s", mode, o, &cv[0], &vals[0], &cv[1], &vals[1])
}
