// Package eval scores Verbatim's output against gold corpora and prints
// precision, recall and F1. The PolNeAR scorer here is what `verbatim eval
// polnear` runs and what the accuracy floors in the tests hold.
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/polnear"
)

// PRF counts span matches.
type PRF struct {
	TP, Pred, Gold int
}

// P returns precision.
func (c PRF) P() float64 { return ratio(c.TP, c.Pred) }

// R returns recall.
func (c PRF) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Component is the scoring of one role (Source, Cue or Content).
type Component struct {
	Exact      PRF
	JaccardSum float64 // sum over gold spans of the best overlap ratio
	JaccardDen int     // gold spans plus predicted spans touching no gold span
}

// Jaccard returns the mean span Jaccard.
func (c Component) Jaccard() float64 { return ratioF(c.JaccardSum, c.JaccardDen) }

func ratioF(a float64, b int) float64 {
	if b == 0 {
		return 0
	}
	return a / float64(b)
}

// Attr is the attribution-level scoring of one subset.
type Attr struct {
	Content                 PRF // contents matched one-to-one with token Jaccard >= 0.5
	SourceExact, SourceOver int // matched pairs whose source is exactly right / overlaps
	CueExact, CueOver       int
}

// Report is the PolNeAR scoring of a set of articles.
type Report struct {
	Articles int
	Source   Component
	Cue      Component
	Content  Component
	All      Attr // every attribution
	Direct   Attr // attributions whose gold content is a quotation
}

const roleSource, roleCue, roleContent = 0, 1, 2

// Score adds one article's scoring to r. text is the article; gold and
// pred are its attributions with byte offsets.
func (r *Report) Score(text string, gold, pred []polnear.Attribution) {
	r.Articles++
	comps := [3]*Component{&r.Source, &r.Cue, &r.Content}
	for role := 0; role < 3; role++ {
		g := spansOf(text, gold, role)
		p := spansOf(text, pred, role)
		scoreSpans(text, g, p, comps[role])
	}
	r.scoreAttributions(text, gold, pred)
}

func spansOf(text string, as []polnear.Attribution, role int) []polnear.Span {
	var out []polnear.Span
	for _, a := range as {
		var ss []polnear.Span
		switch role {
		case roleSource:
			ss = a.Source
		case roleCue:
			ss = a.Cue
		default:
			ss = a.Content
		}
		for _, s := range ss {
			if t := trim(text, s); t.End > t.Start {
				out = append(out, t)
			}
		}
	}
	return out
}

// trim removes white space from both ends of s.
func trim(text string, s polnear.Span) polnear.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

func scoreSpans(text string, gold, pred []polnear.Span, c *Component) {
	c.Exact.Gold += len(gold)
	c.Exact.Pred += len(pred)
	used := make([]bool, len(gold))
	for _, p := range pred {
		for i, g := range gold {
			if !used[i] && g == p {
				used[i] = true
				c.Exact.TP++
				break
			}
		}
	}
	// Jaccard in characters.
	for _, g := range gold {
		best := 0.0
		for _, p := range pred {
			if j := charJaccard(text, g, p); j > best {
				best = j
			}
		}
		c.JaccardSum += best
	}
	c.JaccardDen += len(gold)
	for _, p := range pred {
		touches := false
		for _, g := range gold {
			if p.Start < g.End && g.Start < p.End {
				touches = true
				break
			}
		}
		if !touches {
			c.JaccardDen++
		}
	}
}

func charJaccard(text string, a, b polnear.Span) float64 {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if lo >= hi {
		return 0
	}
	inter := utf8.RuneCountInString(text[lo:hi])
	union := utf8.RuneCountInString(text[min(a.Start, b.Start):max(a.End, b.End)])
	return float64(inter) / float64(union)
}

// tokenSet returns the scorer's tokens of spans: maximal runs of letters
// and digits, identified by their start offset.
func tokenSet(text string, spans []polnear.Span) map[int]bool {
	set := map[int]bool{}
	for _, s := range spans {
		in := false
		for i, r := range text[s.Start:s.End] {
			alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
			if alnum && !in {
				set[s.Start+i] = true
			}
			in = alnum
		}
	}
	return set
}

func tokenJaccard(a, b map[int]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// IsDirect reports whether a content is a quotation: it contains a
// double quotation mark.
func IsDirect(text string, content []polnear.Span) bool {
	for _, s := range content {
		if strings.ContainsAny(text[s.Start:s.End], "\"“”") {
			return true
		}
	}
	return false
}

func (r *Report) scoreAttributions(text string, gold, pred []polnear.Attribution) {
	gt := make([]map[int]bool, len(gold))
	for i, g := range gold {
		gt[i] = tokenSet(text, g.Content)
	}
	pt := make([]map[int]bool, len(pred))
	for i, p := range pred {
		pt[i] = tokenSet(text, p.Content)
	}
	// One-to-one matching, best pairs first.
	type pair struct {
		g, p int
		j    float64
	}
	var pairs []pair
	for i := range gold {
		for k := range pred {
			if j := tokenJaccard(gt[i], pt[k]); j >= 0.5 {
				pairs = append(pairs, pair{i, k, j})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].j > pairs[b].j })
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	for _, g := range gold {
		r.All.Content.Gold++
		if IsDirect(text, g.Content) {
			r.Direct.Content.Gold++
		}
	}
	r.All.Content.Pred += len(pred)
	for _, p := range pred {
		if IsDirect(text, p.Content) {
			r.Direct.Content.Pred++
		}
	}
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		g, p := gold[pr.g], pred[pr.p]
		subsets := []*Attr{&r.All}
		if IsDirect(text, g.Content) {
			subsets = append(subsets, &r.Direct)
		}
		for _, a := range subsets {
			a.Content.TP++
			se, so := roleMatch(text, g.Source, p.Source)
			ce, co := roleMatch(text, g.Cue, p.Cue)
			if se {
				a.SourceExact++
			}
			if so {
				a.SourceOver++
			}
			if ce {
				a.CueExact++
			}
			if co {
				a.CueOver++
			}
		}
	}
}

// roleMatch compares a gold and predicted role: exact (same trimmed
// spans, or both absent) and overlapping (share a character, or both
// absent).
func roleMatch(text string, g, p []polnear.Span) (exact, overlap bool) {
	if len(g) == 0 || len(p) == 0 {
		both := len(g) == 0 && len(p) == 0
		return both, both
	}
	exact = len(g) == len(p)
	for i := range g {
		if exact && trim(text, g[i]) != trim(text, p[i]) {
			exact = false
		}
	}
	for _, a := range g {
		for _, b := range p {
			if a.Start < b.End && b.Start < a.End {
				overlap = true
			}
		}
	}
	return exact, overlap
}

// Write prints the report as a table.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "PolNeAR attribution scores over %d articles\n\n", r.Articles)
	fmt.Fprintf(w, "%-8s %8s %8s %8s %9s %7s %7s %7s\n", "span", "P", "R", "F1", "Jaccard", "gold", "pred", "exact")
	for _, c := range []struct {
		name string
		c    Component
	}{{"Source", r.Source}, {"Cue", r.Cue}, {"Content", r.Content}} {
		fmt.Fprintf(w, "%-8s %8.1f %8.1f %8.1f %9.1f %7d %7d %7d\n", c.name,
			100*c.c.Exact.P(), 100*c.c.Exact.R(), 100*c.c.Exact.F1(), 100*c.c.Jaccard(),
			c.c.Exact.Gold, c.c.Exact.Pred, c.c.Exact.TP)
	}
	fmt.Fprintf(w, "\nattributions (content token Jaccard >= 0.5, one-to-one)\n")
	fmt.Fprintf(w, "%-8s %8s %8s %8s %7s %7s %11s %11s %9s %9s\n", "subset", "P", "R", "F1", "gold", "pred", "src-exact", "src-overlap", "cue-exact", "cue-over")
	for _, a := range []struct {
		name string
		a    Attr
	}{{"all", r.All}, {"direct", r.Direct}} {
		m := a.a.Content.TP
		fmt.Fprintf(w, "%-8s %8.1f %8.1f %8.1f %7d %7d %11.1f %11.1f %9.1f %9.1f\n", a.name,
			100*a.a.Content.P(), 100*a.a.Content.R(), 100*a.a.Content.F1(), a.a.Content.Gold, a.a.Content.Pred,
			100*ratio(a.a.SourceExact, m), 100*ratio(a.a.SourceOver, m), 100*ratio(a.a.CueExact, m), 100*ratio(a.a.CueOver, m))
	}
}

// Summary is the report's figures in a flat, JSON-friendly form.
type Summary map[string]float64

// Summary returns the headline figures, in percent.
func (r *Report) Summary() Summary {
	s := Summary{}
	for name, c := range map[string]Component{"source": r.Source, "cue": r.Cue, "content": r.Content} {
		s[name+"_p"] = 100 * c.Exact.P()
		s[name+"_r"] = 100 * c.Exact.R()
		s[name+"_f1"] = 100 * c.Exact.F1()
		s[name+"_jaccard"] = 100 * c.Jaccard()
	}
	for name, a := range map[string]Attr{"attr": r.All, "direct": r.Direct} {
		s[name+"_p"] = 100 * a.Content.P()
		s[name+"_r"] = 100 * a.Content.R()
		s[name+"_f1"] = 100 * a.Content.F1()
		s[name+"_source_exact"] = 100 * ratio(a.SourceExact, a.Content.TP)
		s[name+"_source_overlap"] = 100 * ratio(a.SourceOver, a.Content.TP)
		s[name+"_cue_exact"] = 100 * ratio(a.CueExact, a.Content.TP)
		s[name+"_cue_overlap"] = 100 * ratio(a.CueOver, a.Content.TP)
	}
	return s
}

// WriteJSON prints the summary as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.Summary())
}
