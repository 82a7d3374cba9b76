package entity

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
)

type gapRow struct {
	id, text string
	url      string
	p, a, b  doc.Span
	ac, bc   bool
	fem      bool
}

func readGAPRows(t testing.TB, path string) []gapRow {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	var out []gapRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		row := gapRow{id: rec[0], text: rec[1]}
		if len(rec) > 10 {
			row.url = rec[10]
		}
		conv := polnear.NewOffsets(row.text)
		sp := func(s string, off string) doc.Span {
			cp, _ := strconv.Atoi(off)
			b, _ := conv.Byte(cp)
			return doc.Span{Start: b, End: b + len(s)}
		}
		row.p, row.a, row.b = sp(rec[2], rec[3]), sp(rec[4], rec[5]), sp(rec[7], rec[8])
		row.ac, row.bc = strings.EqualFold(rec[6], "true"), strings.EqualFold(rec[9], "true")
		switch strings.ToLower(rec[2]) {
		case "she", "her", "hers", "herself":
			row.fem = true
		}
		out = append(out, row)
	}
	return out
}

func gapDevTasks(t testing.TB, rows []gapRow) []PronounTask {
	lex := lexicon.MustDefault()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	seg := segment.New(lex)
	out := make([]PronounTask, len(rows))
	for i, r := range rows {
		d := &doc.Document{Text: r.text}
		seg.Segment(d)
		tg.Tag(d)
		quote.Scan(d)
		out[i] = PronounTask{Doc: d, Names: []doc.Span{r.a, r.b}, Pronoun: r.p, Refers: []bool{r.ac, r.bc}}
	}
	return out
}

type gapScore struct{ tp, pred, gold [2]int }

func (s *gapScore) add(fem bool, gold, pred []bool) {
	g := b2i(fem)
	for k := range gold {
		if gold[k] {
			s.gold[g]++
		}
		if pred[k] {
			s.pred[g]++
			if gold[k] {
				s.tp[g]++
			}
		}
	}
}

func f1(tp, pred, gold int) float64 {
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
	return 2 * p * r / (p + r)
}

func (s *gapScore) String() string {
	return fmt.Sprintf("F1 %.2f (M %.2f F %.2f)", 100*f1(s.tp[0]+s.tp[1], s.pred[0]+s.pred[1], s.gold[0]+s.gold[1]),
		100*f1(s.tp[0], s.pred[0], s.gold[0]), 100*f1(s.tp[1], s.pred[1], s.gold[1]))
}

func gapLoad(t *testing.T) (dev, val []gapRow, devT, valT []PronounTask) {
	dir := shareddata.Dir(t, "gap-coreference")
	dev = readGAPRows(t, filepath.Join(dir, "gap-development.tsv"))
	val = readGAPRows(t, filepath.Join(dir, "gap-validation.tsv"))
	return dev, val, gapDevTasks(t, dev), gapDevTasks(t, val)
}

func gapEval(r *Resolver, rows []gapRow, tasks []PronounTask) *gapScore {
	s := &gapScore{}
	for i := range tasks {
		tk := tasks[i]
		tk.Refers = nil
		s.add(rows[i].fem, []bool{rows[i].ac, rows[i].bc}, r.PronounRefers(&tk))
	}
	return s
}

// gapPage returns rows in the page-context setting: each text preceded
// by its page title (from the URL) as a paragraph of its own, offsets
// moved, as eval.PageContext does.
func gapPage(rows []gapRow) []gapRow {
	out := make([]gapRow, len(rows))
	for i, r := range rows {
		seg := r.url[strings.LastIndexByte(r.url, '/')+1:]
		seg, _ = url.PathUnescape(seg)
		title := strings.TrimSpace(strings.ReplaceAll(seg, "_", " "))
		if k := strings.LastIndex(title, " ("); k > 0 && strings.HasSuffix(title, ")") {
			title = strings.TrimSpace(title[:k])
		}
		if title != "" {
			n := len(title) + 2
			r.text = title + "\n\n" + r.text
			for _, s := range []*doc.Span{&r.p, &r.a, &r.b} {
				s.Start += n
				s.End += n
			}
		}
		out[i] = r
	}
	return out
}

// gapSplit is a GAP split in one setting: its rows and their tasks.
type gapSplit struct {
	rows  []gapRow
	tasks []PronounTask
}

func (g gapSplit) fold(k, f int, held bool) gapSplit {
	var out gapSplit
	for i := range g.rows {
		if (i%k == f) == held {
			out.rows, out.tasks = append(out.rows, g.rows[i]), append(out.tasks, g.tasks[i])
		}
	}
	return out
}

// TestGAPCrossValidation trains the pronoun ranker on GAP development
// as `verbatim train pronoun` does (two rounds, the first with no model
// for earlier pronouns) and reports F1 on GAP validation and, with
// GAPDEV=cv, in 5-fold cross-validation inside GAP development, in the
// snippet and the page-context settings, for each L2 weight in $L2
// (comma-separated) and a few values of namesMargin. $GAPCTX says what
// it trains on: development in the page-context setting (page, the
// default), in the snippet setting (snippet), or in both (both). It is
// how the settings were chosen; it never reads gap-test.tsv. Set
// GAPDEV=1 or GAPDEV=cv.
func TestGAPCrossValidation(t *testing.T) {
	if os.Getenv("GAPDEV") == "" {
		t.Skip("set GAPDEV=1 (validation) or GAPDEV=cv (and cross-validation)")
	}
	dev, val, devT, valT := gapLoad(t)
	devP, valP := gapPage(dev), gapPage(val)
	sets := [2][2]gapSplit{ // [dev, val][snippet, page]
		{{dev, devT}, {devP, gapDevTasks(t, devP)}},
		{{val, valT}, {valP, gapDevTasks(t, valP)}},
	}
	ctx := os.Getenv("GAPCTX")
	trainOn := func(d [2]gapSplit) []PronounTask {
		switch ctx {
		case "snippet":
			return d[0].tasks
		case "both":
			return append(append([]PronounTask(nil), d[0].tasks...), d[1].tasks...)
		}
		return d[1].tasks
	}
	base, _ := New(lexicon.MustDefault())
	with := func(m *linear.Model) *Resolver {
		r, _ := NewWith(base.lex, base.ner.m, m, DefaultMargin)
		return r
	}
	defer func(m float32) { namesMargin = m }(namesMargin)
	l2s := []float64{DefaultRankerOptions.L2}
	if v := os.Getenv("L2"); v != "" {
		l2s = nil
		for _, f := range strings.Split(v, ",") {
			x, _ := strconv.ParseFloat(f, 64)
			l2s = append(l2s, x)
		}
	}
	margins := []float32{1, 1.5, 2, 2.5, 3}
	for _, l2 := range l2s {
		o := DefaultRankerOptions
		o.L2 = l2
		trainIt := func(tasks []PronounTask) *linear.Model {
			var m *linear.Model
			for round := 0; round < 2; round++ {
				m = base.TrainPronounRanker(tasks, m, o)
			}
			return m
		}
		m := trainIt(trainOn(sets[0]))
		t.Logf("l2 %g (%s): %d features", l2, ctx, m.NumFeatures())
		var cv, vals [5][2]gapScore
		for mi, mg := range margins {
			namesMargin = mg
			for c := 0; c < 2; c++ {
				vals[mi][c] = *gapEval(with(m), sets[1][c].rows, sets[1][c].tasks)
			}
		}
		if os.Getenv("GAPDEV") == "cv" {
			const k = 5
			for f := 0; f < k; f++ {
				fm := trainIt(trainOn([2]gapSplit{sets[0][0].fold(k, f, false), sets[0][1].fold(k, f, false)}))
				for mi, mg := range margins {
					namesMargin = mg
					for c := 0; c < 2; c++ {
						te := sets[0][c].fold(k, f, true)
						s := gapEval(with(fm), te.rows, te.tasks)
						for g := 0; g < 2; g++ {
							cv[mi][c].tp[g] += s.tp[g]
							cv[mi][c].pred[g] += s.pred[g]
							cv[mi][c].gold[g] += s.gold[g]
						}
					}
				}
			}
		}
		for mi, mg := range margins {
			t.Logf("l2 %g margin %g: snippet val %s cv %s | page val %s cv %s", l2, mg, &vals[mi][0], &cv[mi][0], &vals[mi][1], &cv[mi][1])
		}
	}
}
