package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// changes checks a change in points stated next to the two percentages
// it is between, in one sentence: "fell from 47% to 41%, a fall of eight
// points", "at 41%, down from 47% in January, a drop of eight points".
// The change must be the difference of the two, allowing for the hedges
// of all three and the rounding of each to its last digit (a whole
// percentage to its unit: "80%" is not taken for 75% to 85%). The endpoints are a range of
// percentages after "from", or a percentage and one after "from" ("up
// from", "down from") that follows it; the change is the first figure
// after them in the sentence that counts points ("eight points", "six
// percentage points").
func changes(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := range qs {
		a := &qs[i]
		if a.Kind != "percent" || points(d, a) || a.Sentence < 0 {
			continue
		}
		// The endpoints: a, and b after "from" or a's own range.
		var b *doc.Quantity
		next := i + 1
		switch {
		case a.IsRange() && afterFrom(d.Text[max(0, a.Start-6):a.Start]):
		case next < len(qs) && qs[next].Kind == "percent" && !qs[next].IsRange() && qs[next].Sentence == a.Sentence && !points(d, &qs[next]) && fromGap(between(d, a.Span, qs[next].Span)):
			b = &qs[next]
			next++
		default:
			continue
		}
		if next >= len(qs) || qs[next].Sentence != a.Sentence || !points(d, &qs[next]) {
			continue
		}
		c := &qs[next]
		// The difference the endpoints allow, and the change stated.
		var alo, ahi, blo, bhi float64
		if b != nil {
			alo, ahi = bounds(a, a.Value, min(a.Step, 1))
			blo, bhi = bounds(b, b.Value, min(b.Step, 1))
		} else {
			st := min(a.Step, 1) / 2
			alo, ahi = a.Value-st, a.Value+st
			blo, bhi = a.Max-st, a.Max+st
		}
		dlo := math.Max(0, math.Max(alo-bhi, blo-ahi))
		dhi := math.Max(ahi-blo, bhi-alo)
		clo, chi := bounds(c, c.Value, c.Step)
		if clo <= dhi && chi >= dlo {
			continue
		}
		diff := math.Abs(a.Value - a.Max)
		spans := []doc.Span{a.Span, c.Span}
		ends := d.Slice(a.Span)
		if b != nil {
			diff = math.Abs(a.Value - b.Value)
			spans = []doc.Span{a.Span, b.Span, c.Span}
			ends = d.Slice(b.Span) + " to " + d.Slice(a.Span)
		}
		out = append(out, doc.Check{
			Kind: "change", Severity: "error", Spans: spans,
			Message: fmt.Sprintf("%s is a change of %s points, not %s", ends, num(diff, math.Min(a.Step, 1)), d.Slice(c.Span)),
		})
	}
	return out
}

// points reports whether q counts points of a percentage: "eight
// points", "six percentage points".
func points(d *doc.Document, q *doc.Quantity) bool {
	if q.IsRange() {
		return false
	}
	switch q.Kind {
	case "percent":
		return strings.Contains(d.Slice(q.Span), "point")
	case "count":
		h := d.Slice(q.Head)
		return strings.EqualFold(h, "points") || strings.EqualFold(h, "point") || strings.EqualFold(h, "percentage points")
	}
	return false
}

// afterFrom reports whether text, before a percentage, ends in a word
// that sets the percentage as the one a change starts from: "from",
// "down from", "up from".
func afterFrom(text string) bool {
	g := strings.TrimRight(text, " ")
	const w = "from"
	if len(g) < len(w) || !strings.EqualFold(g[len(g)-len(w):], w) {
		return false
	}
	g = g[:len(g)-len(w)]
	return g == "" || g[len(g)-1] == ' ' || g[len(g)-1] == ',' || g[len(g)-1] == '\n'
}

// fromGap reports whether the text between two percentages sets the
// second as the one a change starts from: ", down from ", " up from ".
func fromGap(gap string) bool {
	g := strings.TrimLeft(strings.TrimSpace(gap), ", ")
	for _, p := range []string{"", "down ", "up "} {
		if len(g) == len(p)+4 && strings.EqualFold(g[:len(p)], p) && afterFrom(g) {
			return true
		}
	}
	return false
}
