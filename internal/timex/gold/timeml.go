// Package gold reads gold temporal annotations in ../shared/data and
// scores package timex against them: TimeML corpora (the TempEval-3
// Platinum test set and TBAQ), scored as TempEval-3 scores temporal
// expressions, and the Recognizers-Text English date and time specs.
package gold

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/eval"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/timex"
)

// Timex is one gold temporal expression.
type Timex struct {
	Start, End int // byte offsets into the document text
	Type       string
	Value      string
	Mod        string
}

// Document is one TimeML document: its text (the TEXT element, tags
// removed), its creation time, and its gold expressions.
type Document struct {
	Name    string
	Text    string
	DCT     time.Time
	Timexes []Timex
}

// ReadTimeML reads a TimeML file.
func ReadTimeML(path string) (*Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d := &Document{Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var text strings.Builder
	inText, inDCT := false, false
	var open *Timex
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				attr := map[string]string{}
				for _, a := range tk.Attr {
					attr[a.Name.Local] = a.Value
				}
				if inDCT || attr["functionInDocument"] == "CREATION_TIME" {
					if t, err := time.Parse("2006-01-02", firstN(attr["value"], 10)); err == nil && d.DCT.IsZero() {
						d.DCT = t
					}
				}
				if inText {
					open = &Timex{Start: text.Len(), Type: strings.ToLower(attr["type"]), Value: attr["value"], Mod: attr["mod"]}
				}
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					d.Timexes = append(d.Timexes, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(tk)
			}
		}
	}
	d.Text = text.String()
	if d.DCT.IsZero() {
		return nil, fmt.Errorf("%s: no document creation time", path)
	}
	return d, nil
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// ReadTimeMLDir reads every .tml file of dir, in name order.
func ReadTimeMLDir(dir string) ([]*Document, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no .tml files", dir)
	}
	sort.Strings(names)
	var out []*Document
	for _, n := range names {
		d, err := ReadTimeML(n)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Analyze runs the stages that find dates over text published at
// published and returns the document.
type Analyze func(text string, published time.Time) *doc.Document

// Report is a TempEval-3 style score of temporal expressions.
type Report struct {
	Name     string
	Docs     int
	Relaxed  eval.PRF // spans that overlap a gold expression
	Strict   eval.PRF // spans equal to a gold expression
	Value    eval.PRF // overlapping, with the gold value
	Type     eval.PRF // overlapping, with the gold type
	Failures []string
}

// ValueAccuracy returns the share of relaxed matches whose value is right.
func (r *Report) ValueAccuracy() float64 { return ratio(r.Value.TP, r.Relaxed.TP) }

// TypeAccuracy returns the share of relaxed matches whose type is right.
func (r *Report) TypeAccuracy() float64 { return ratio(r.Type.TP, r.Relaxed.TP) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String returns the report's summary.
func (r *Report) String() string {
	return fmt.Sprintf("%s (%d documents, %d gold, %d predicted)\n"+
		"  relaxed   P %5.1f%%  R %5.1f%%  F1 %5.1f%%\n"+
		"  strict    P %5.1f%%  R %5.1f%%  F1 %5.1f%%\n"+
		"  value     P %5.1f%%  R %5.1f%%  F1 %5.1f%%  accuracy %5.1f%%\n"+
		"  type      accuracy %5.1f%%",
		r.Name, r.Docs, r.Relaxed.Gold, r.Relaxed.Pred,
		100*r.Relaxed.P(), 100*r.Relaxed.R(), 100*r.Relaxed.F1(),
		100*r.Strict.P(), 100*r.Strict.R(), 100*r.Strict.F1(),
		100*r.Value.P(), 100*r.Value.R(), 100*r.Value.F1(), 100*r.ValueAccuracy(),
		100*r.TypeAccuracy())
}

// ScoreTimeML runs analyze over each document (published at its
// creation time) and scores the dates it finds against the gold, as the
// TempEval-3 scorer does: a predicted expression matches the first
// unmatched gold expression it overlaps (relaxed) or equals (strict);
// value and type are judged on relaxed matches.
func ScoreTimeML(name string, docs []*Document, analyze Analyze) *Report {
	r := &Report{Name: name, Docs: len(docs)}
	for _, g := range docs {
		d := analyze(g.Text, g.DCT)
		r.score(g, d)
	}
	return r
}

func (r *Report) score(g *Document, d *doc.Document) {
	used := make([]bool, len(g.Timexes))
	r.Relaxed.Gold += len(g.Timexes)
	r.Strict.Gold += len(g.Timexes)
	r.Value.Gold += len(g.Timexes)
	r.Type.Gold += len(g.Timexes)
	for _, p := range d.Dates {
		r.Relaxed.Pred++
		r.Strict.Pred++
		r.Value.Pred++
		r.Type.Pred++
		match := -1
		for k, gt := range g.Timexes {
			if !used[k] && p.Span.Start < gt.End && gt.Start < p.Span.End {
				match = k
				break
			}
		}
		if match < 0 {
			r.fail(g, "extra  %q %s %s", d.Slice(p.Span), p.Type, p.Value)
			continue
		}
		used[match] = true
		gt := g.Timexes[match]
		r.Relaxed.TP++
		if strings.TrimSpace(d.Slice(p.Span)) == strings.TrimSpace(g.Text[gt.Start:gt.End]) {
			r.Strict.TP++
		}
		if p.Value == gt.Value {
			r.Value.TP++
		} else {
			r.fail(g, "value  %q %s, gold %q %s", d.Slice(p.Span), p.Value, g.Text[gt.Start:gt.End], gt.Value)
		}
		if p.Type == gt.Type {
			r.Type.TP++
		}
	}
	for k, gt := range g.Timexes {
		if !used[k] {
			r.fail(g, "missed %q %s %s", g.Text[gt.Start:gt.End], gt.Type, gt.Value)
		}
	}
}

func (r *Report) fail(g *Document, format string, args ...any) {
	if len(r.Failures) < 5000 {
		r.Failures = append(r.Failures, g.Name+": "+fmt.Sprintf(format, args...))
	}
}

// DefaultAnalyze returns the analysis the date scores use: segment, tag
// (for tense) and timex.
func DefaultAnalyze(lex *lexicon.Set) (Analyze, error) {
	tg, err := tag.Default()
	if err != nil {
		return nil, err
	}
	seg, r := segment.New(lex), timex.Default()
	return func(text string, published time.Time) *doc.Document {
		d := &doc.Document{Text: text, Published: published}
		seg.Segment(d)
		tg.Tag(d)
		r.Find(d)
		return d
	}, nil
}
