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
		w := &qs[i]
		if w.Sentence < 0 || w.Unit == "" || w.Kind == "percent" {
			continue
		}
		// The whole: a figure, or the end of a change "from" one to
		// another ("rises from €18.4 billion to €20.1 billion").
		whole := w.Value
		if w.IsRange() {
			rise, ok := changeVerb(d, w)
			if !ok {
				continue
			}
			if rise {
				whole = w.Max
			}
		}
		// The words that divide follow the whole, in lower case, before
		// the first part (a percentage may stand between).
		next := i + 1
		for next < len(qs) && qs[next].Kind == "percent" {
			next++
		}
		if next >= len(qs) || qs[next].Sentence != w.Sentence || qs[next].Start-w.End > 80 || !containsAny(d.Text[w.End:qs[next].Start], splitWords) {
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
		wlo, whi := whole-w.Step/2, whole+w.Step/2
		if !w.IsRange() {
			wlo, whi = bounds(w, w.Value, w.Step)
		}
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
		stated := d.Slice(w.Span)
		if w.IsRange() {
			stated = exactNum(whole, scale, word) + ", where " + stated + " ends"
		}
		c.Message = fmt.Sprintf("the parts %s add up to %s, not %s", strings.Join(names, " and "), exactNum(sum, scale, word), stated)
		out = append(out, c)
		i = parts[len(parts)-1]
	}
	return out
}

// changeVerb reads the verb of change before the "from" that opens range
// q ("rises from", "fell from") and reports whether it is a rise; ok is
// false when no such verb is there.
func changeVerb(d *doc.Document, q *doc.Quantity) (rise, ok bool) {
	before := beforeHedge(d, q)
	if !afterFrom(before) {
		return false, false
	}
	w := lastWord(strings.TrimSpace(before[:len(before)-len("from")]))
	switch w {
	case "rises", "rise", "rose", "risen", "climbs", "climbed", "grows", "grew", "grown", "increases", "increased", "jumps", "jumped", "goes", "went":
		return true, true
	case "falls", "fall", "fell", "fallen", "drops", "dropped", "declines", "declined", "shrinks", "shrank", "decreases", "decreased", "cut":
		return false, true
	}
	return false, false
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
