package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// splitWords are the words that divide a whole into all its parts:
// "split between", "divided into", "made up of".
var splitWords = []string{
	"split between", "split into", "split among", "divided between", "divided among", "divided into",
	"broken down into", "made up of", "consisting of", "shared between", "shared among",
}

// splits checks a whole divided into all its parts in one sentence:
// "the €20.1 billion will be split between €11.3 billion for hospitals,
// €5.2 billion for primary care and €2.9 billion for mental health". The
// whole is the last figure before the words that divide it (not a
// range); the parts are the figures of its kind and unit after them, two
// or more, up to a figure of another kind (a percentage between them is
// passed over). The parts must add up to the whole, allowing for the
// rounding of each figure to its last digit and for their hedges; a list
// with no such words ("Of the 214 dead, 131 …") may leave parts out, and
// is not checked here.
func splits(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := 0; i+2 < len(qs); i++ {
		w, next := &qs[i], &qs[i+1]
		if w.Sentence < 0 || w.IsRange() || w.Unit == "" || w.Kind == "percent" || next.Sentence != w.Sentence {
			continue
		}
		// The words that divide follow the whole, in lower case.
		if next.Start-w.End > 80 || !containsAny(d.Text[w.End:next.Start], splitWords) {
			continue
		}
		var parts []int
		for k := i + 1; k < len(qs) && qs[k].Sentence == w.Sentence; k++ {
			q := &qs[k]
			if q.Kind == "percent" {
				continue
			}
			if q.Kind != w.Kind || q.Unit != w.Unit || q.IsRange() {
				break
			}
			parts = append(parts, k)
		}
		if len(parts) < 2 {
			continue
		}
		wlo, whi := bounds(w, w.Value, w.Step)
		var lo, hi, sum float64
		c := doc.Check{Kind: "shares", Severity: "error", Spans: []doc.Span{w.Span}}
		var names []string
		for _, k := range parts {
			q := &qs[k]
			plo, phi := bounds(q, q.Value, q.Step)
			lo, hi, sum = lo+plo, hi+phi, sum+q.Value
			c.Spans = append(c.Spans, q.Span)
			names = append(names, d.Slice(q.Span))
		}
		if hi >= wlo && lo <= whi {
			continue
		}
		word, scale := scaleOf(strings.TrimSpace(numberPart(d, w)))
		c.Message = fmt.Sprintf("the parts %s add up to %s, not %s", strings.Join(names, " and "), exactNum(sum, scale, word), d.Slice(w.Span))
		out = append(out, c)
		i = parts[len(parts)-1]
	}
	return out
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
