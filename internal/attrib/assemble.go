package attrib

import (
	"math"
	"sort"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// assemble turns decoded candidates into statements: token ranges become
// spans, quotations that continue a statement join its content, and the
// kind, quotes, addressee and manner are read off the text.
func assemble(c *context, cands []candidate) []doc.Statement {
	d := c.d
	out := make([]doc.Statement, 0, len(cands))
	claimed := make([]bool, len(d.Quotes)) // quotes already inside a content
	for _, k := range cands {
		content := d.TokenSpan(k.content.a, k.content.b)
		st := doc.Statement{
			Content:    []doc.Span{content},
			Cue:        d.TokenSpan(k.cue.a, k.cue.b),
			Speaker:    -1,
			Confidence: confidence(k.cue.score),
		}
		if !k.source.none() {
			st.Source = d.TokenSpan(k.source.a, k.source.b)
		}
		out = append(out, st)
	}
	for i := range out {
		markClaimed(d, out[i].Content, claimed)
	}
	for i := range out {
		continueQuotes(c, &out[i], cands[i], claimed)
	}
	for i := range out {
		st := &out[i]
		sort.Slice(st.Content, func(a, b int) bool { return st.Content[a].Start < st.Content[b].Start })
		st.Quotes = quotesIn(d, st.Content)
		st.Kind = kindOf(d, st.Content)
		st.Addressee = addressee(c, cands[i])
		st.Manner = manner(c, cands[i], st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Content[0].Start < out[j].Content[0].Start })
	return out
}

func confidence(margin float32) float64 {
	return 1 / (1 + math.Exp(-float64(margin)/4))
}

// markClaimed marks the quotes that overlap any of spans.
func markClaimed(d *doc.Document, spans []doc.Span, claimed []bool) {
	for qi, q := range d.Quotes {
		for _, s := range spans {
			if q.Outer().Overlaps(s) {
				claimed[qi] = true
			}
		}
	}
}

// continueQuotes extends a statement whose content is a quotation with the
// quotations that carry on after it without an attribution of their own:
// the next quotation after the cue and source ("…," he said. "…"), and the
// pieces of a quotation that runs over paragraphs.
func continueQuotes(c *context, st *doc.Statement, k candidate, claimed []bool) {
	d := c.d
	first := st.Content[0]
	qi := quoteEndingAt(d, first)
	if qi < 0 {
		return
	}
	// A quotation running over paragraphs: follow it forward, and back
	// to where it began.
	tail := qi
	for d.Quotes[tail].Next >= 0 && !claimed[d.Quotes[tail].Next] {
		tail = d.Quotes[tail].Next
		claimed[tail] = true
		st.Content = append(st.Content, d.Quotes[tail].Outer())
	}
	for h := d.Quotes[quoteStartingAt(d, first, qi)].Prev; h >= 0 && !claimed[h]; h = d.Quotes[h].Prev {
		claimed[h] = true
		st.Content = append(st.Content, d.Quotes[h].Outer())
	}
	if k.content.side != sideLeft {
		return
	}
	// "…," he said, "…" / "…," he said. "…": the next outermost quote
	// after the attribution, if only punctuation lies between, and it is
	// in the same paragraph.
	end := k.cue.b
	if !k.source.none() && k.source.b > end {
		end = k.source.b
	}
	if end >= len(d.Tokens) {
		return
	}
	pa, pb := c.paraRange(k.cue.a)
	_ = pa
	j := end
	for j < pb && c.toks[j].quote&qOpen == 0 && isPunctWord(c.toks[j].word) {
		j++
	}
	if j >= pb || c.toks[j].quote&qOpen == 0 {
		return
	}
	for n, q := range d.Quotes {
		if q.Open.Start == d.Tokens[j].Start && q.Depth == 0 && !claimed[n] {
			claimed[n] = true
			st.Content = append(st.Content, withTrailingPunct(c, q.Outer()))
			for m := q.Next; m >= 0 && !claimed[m]; m = d.Quotes[m].Next {
				claimed[m] = true
				st.Content = append(st.Content, d.Quotes[m].Outer())
			}
			return
		}
	}
}

// quoteEndingAt returns the index of the outermost quote whose outer span
// ends where s ends (allowing trailing punctuation in s), or -1.
func quoteEndingAt(d *doc.Document, s doc.Span) int {
	best := -1
	for i, q := range d.Quotes {
		o := q.Outer()
		if o.Start < s.Start || o.End > s.End {
			continue
		}
		rest := strings.TrimSpace(d.Text[o.End:s.End])
		if strings.Trim(rest, ".,;:!?") != "" {
			continue
		}
		if best < 0 || o.Start < d.Quotes[best].Outer().Start {
			best = i
		}
	}
	return best
}

// quoteStartingAt returns the quote that opens at the start of s, or fall.
func quoteStartingAt(d *doc.Document, s doc.Span, fall int) int {
	for i, q := range d.Quotes {
		if q.Open.Start == s.Start {
			return i
		}
	}
	return fall
}

// withTrailingPunct extends a quote's span over punctuation glued inside
// its sentence right after it (rare; the closing mark usually comes last).
func withTrailingPunct(c *context, s doc.Span) doc.Span { return s }

// quotesIn returns the verbatim quoted parts inside spans: the inner text
// of each outermost quote that lies within one of them.
func quotesIn(d *doc.Document, spans []doc.Span) []doc.Span {
	var out []doc.Span
	for _, q := range d.Quotes {
		in := false
		for _, s := range spans {
			if s.Contains(q.Inner) {
				in = true
			}
		}
		if !in || q.Inner.IsZero() {
			continue
		}
		nested := false
		for _, p := range out {
			if p.Contains(q.Inner) {
				nested = true
			}
		}
		if !nested {
			out = append(out, q.Inner)
		}
	}
	return out
}

// kindOf classifies a content: direct when nothing but quotations and
// punctuation, mixed when it holds quoted words, else indirect.
func kindOf(d *doc.Document, content []doc.Span) doc.StatementKind {
	quoted, outside := false, false
	for _, s := range content {
		pos := s.Start
		for _, q := range d.Quotes {
			o := q.Outer()
			if q.Depth != 0 || !s.Contains(o) && !(o.Start >= s.Start && o.Start < s.End) {
				continue
			}
			if o.Start > pos && hasWord(d.Text[pos:o.Start]) {
				outside = true
			}
			quoted = true
			if o.End > pos {
				pos = o.End
			}
		}
		if pos < s.End && hasWord(d.Text[pos:s.End]) {
			outside = true
		}
	}
	switch {
	case quoted && !outside:
		return doc.Direct
	case quoted:
		return doc.Mixed
	}
	return doc.Indirect
}

func hasWord(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f && isLetterRune(r) {
			return true
		}
	}
	return false
}
