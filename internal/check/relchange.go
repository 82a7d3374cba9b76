package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// relativeChanges checks a change in per cent stated right after the
// two figures it is between, in one sentence: "climbs from €7.5 billion
// to €8.1 billion, a rise of 12%" (8%), "From 96 to 214, the toll has
// risen by 150%" (123%), "reached 12,400, up from 11,000, an increase of
// 13%". The endpoints are a range after "from", two figures of one kind
// and unit, "from" one "to" the other, or a figure and one after "up
// from" or "down from"; they are no percentages (whose change may be
// meant in points). The change is the next figure, a percentage after a
// noun of change and "of" ("a rise of", "an increase of") or a verb of
// change and "by" ("has fallen by"), or "up" or "down". It must be the
// relative change, allowing for the rounding of every figure to its last
// digit (a whole percentage to its unit) and for their hedges; the word
// of change says which end a range starts from.
func relativeChanges(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := range qs {
		a := &qs[i]
		if a.Sentence < 0 || a.Kind == "percent" || a.Kind == "age" || !a.IsRange() && a.Step == 0 {
			continue
		}
		var b *doc.Quantity
		next := i + 1
		upFrom := false
		switch {
		case a.IsRange() && afterFrom(beforeHedge(d, a)):
		case a.IsRange() || next >= len(qs):
			continue
		case sameMeasure(a, &qs[next]) && afterFrom(beforeHedge(d, a)) && toGap(between(d, a.Span, qs[next].Span)):
			b = &qs[next]
			next++
		case sameMeasure(a, &qs[next]) && fromGap(between(d, a.Span, qs[next].Span)):
			b, upFrom = &qs[next], true
			next++
		default:
			continue
		}
		if next >= len(qs) {
			continue
		}
		c := &qs[next]
		if c.Sentence != a.Sentence || c.Kind != "percent" || c.IsRange() || points(d, c) {
			continue
		}
		last := a
		if b != nil {
			last = b
		}
		rise, ok := changeWord(between(d, last.Span, c.Span))
		if !ok {
			continue
		}
		// x is where the change starts, y where it ends, each with its
		// rounding.
		var xlo, xhi, ylo, yhi float64
		switch {
		case b == nil:
			lo, hi := a.Value, a.Max
			if !rise {
				lo, hi = hi, lo
			}
			xlo, xhi = lo-a.Step/2, lo+a.Step/2
			ylo, yhi = hi-a.Step/2, hi+a.Step/2
		case upFrom:
			xlo, xhi = bounds(b, b.Value, b.Step)
			ylo, yhi = bounds(a, a.Value, a.Step)
		default:
			xlo, xhi = bounds(a, a.Value, a.Step)
			ylo, yhi = bounds(b, b.Value, b.Step)
		}
		if xlo <= 0 || math.IsInf(xhi, 0) || math.IsInf(yhi, 0) {
			continue
		}
		// The relative change y/x - 1 over the rounding, as a magnitude.
		rlo, rhi := 100*(ylo/xhi-1), 100*(yhi/xlo-1)
		mlo, mhi := math.Abs(rlo), math.Abs(rhi)
		if mlo > mhi {
			mlo, mhi = mhi, mlo
		}
		if rlo < 0 && rhi > 0 {
			mlo = 0
		}
		clo, chi := bounds(c, c.Value, math.Min(c.Step, 1))
		if clo <= mhi && chi >= mlo {
			continue
		}
		var x, y float64
		var spans []doc.Span
		var ends string
		switch {
		case b == nil:
			x, y = a.Value, a.Max
			if !rise {
				x, y = y, x
			}
			spans = []doc.Span{a.Span, c.Span}
			ends = d.Slice(a.Span)
		case upFrom:
			x, y = b.Value, a.Value
			spans = []doc.Span{a.Span, b.Span, c.Span}
			ends = d.Slice(b.Span) + " to " + d.Slice(a.Span)
		default:
			x, y = a.Value, b.Value
			spans = []doc.Span{a.Span, b.Span, c.Span}
			ends = d.Slice(a.Span) + " to " + d.Slice(b.Span)
		}
		r := 100 * (y/x - 1)
		word := "a rise"
		if r < 0 {
			word = "a fall"
		}
		out = append(out, doc.Check{
			Kind: "change", Severity: "error", Spans: spans,
			Message: fmt.Sprintf("%s is %s of %s%%, not %s", ends, word, num(math.Abs(r), math.Min(c.Step, 1)), d.Slice(c.Span)),
		})
	}
	return out
}

// beforeHedge returns the text before q and its hedge ("from about").
func beforeHedge(d *doc.Document, q *doc.Quantity) string {
	t := strings.TrimRight(d.Text[max(0, q.Start-24):q.Start], " ")
	if h := q.Qualifier; h != "" && len(t) >= len(h) && strings.EqualFold(t[len(t)-len(h):], h) {
		t = t[:len(t)-len(h)]
	}
	return t
}

// sameMeasure reports whether two single figures measure one thing in
// one unit, so that one can change into the other.
func sameMeasure(a, b *doc.Quantity) bool {
	return !b.IsRange() && a.Kind == b.Kind && a.Unit == b.Unit && a.SIUnit == b.SIUnit && b.Sentence == a.Sentence && b.Step > 0
}

// toGap reports whether the text between the two ends of a change,
// after "from", is "to" with at most a few words of when before it ("in
// 2024-25 to").
func toGap(gap string) bool {
	g := strings.TrimSpace(gap)
	if len(g) > 30 || strings.ContainsAny(g, ",;()") {
		return false
	}
	return strings.EqualFold(g, "to") || len(g) > 3 && strings.EqualFold(g[len(g)-3:], " to")
}

var (
	riseWords = []string{"rise", "increase", "gain", "jump", "growth", "climb", "hike", "surge", "leap", "boost",
		"risen", "rose", "increased", "grown", "grew", "climbed", "jumped", "surged", "gained", "up"}
	fallWords = []string{"fall", "drop", "decline", "decrease", "cut", "reduction", "slide", "slump", "dip", "plunge",
		"fallen", "fell", "dropped", "declined", "decreased", "slid", "slumped", "dipped", "plunged", "shrunk", "shrank", "down"}
)

// changeWord reads the text between a change's ends and its percentage:
// a noun of change and "of" (", a rise of "), a verb of change and "by"
// (", the toll has risen by "), or "up"/"down" (", up "), and reports
// whether the change is a rise; ok is false for any other text.
func changeWord(gap string) (rise, ok bool) {
	g := strings.TrimSpace(gap)
	if len(g) > 60 || strings.ContainsAny(g, ";:()“”\"") || !strings.HasPrefix(g, ",") {
		return false, false
	}
	g = strings.TrimRight(g, " ")
	w := lastWord(g)
	if !strings.HasSuffix(strings.ToLower(g), w) {
		return false, false
	}
	if w == "of" || w == "by" {
		g = strings.TrimRight(g[:len(g)-len(w)], " ")
		w = lastWord(g)
	} else if w != "up" && w != "down" {
		return false, false
	}
	for _, r := range riseWords {
		if strings.EqualFold(w, r) {
			return true, true
		}
	}
	for _, f := range fallWords {
		if strings.EqualFold(w, f) {
			return false, true
		}
	}
	return false, false
}
