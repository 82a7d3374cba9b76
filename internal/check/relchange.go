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
		if changeFits(c, xlo, xhi, ylo, yhi) {
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
		out = append(out, changeCheck(d, spans, ends, x, y, c))
	}
	return out
}

// changeCheck is the check that percentage c is not the relative change
// from x to y, the figures ends names.
func changeCheck(d *doc.Document, spans []doc.Span, ends string, x, y float64, c *doc.Quantity) doc.Check {
	r := 100 * (y/x - 1)
	word := "a rise"
	if r < 0 {
		word = "a fall"
	}
	return doc.Check{
		Kind: "change", Severity: "error", Spans: spans,
		Message: fmt.Sprintf("%s is %s of %s%%, not %s", ends, word, num(math.Abs(r), math.Min(c.Step, 1)), d.Slice(c.Span)),
	}
}

// changeFits reports whether percentage c, with its rounding and hedge,
// is the size of the relative change from x to y, each between the
// bounds of its rounding (x > 0).
func changeFits(c *doc.Quantity, xlo, xhi, ylo, yhi float64) bool {
	rlo, rhi := 100*(ylo/xhi-1), 100*(yhi/xlo-1)
	mlo, mhi := math.Abs(rlo), math.Abs(rhi)
	if mlo > mhi {
		mlo, mhi = mhi, mlo
	}
	if rlo < 0 && rhi > 0 {
		mlo = 0
	}
	clo, chi := bounds(c, c.Value, math.Min(c.Step, 1))
	return clo <= mhi && chi >= mlo
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

// onWords are the nouns of change a percentage stands before when the
// figure the change starts from follows it with "on" or "over": "a 40%
// increase on the £120,000".
var onWords = []string{"increase", "rise", "jump", "gain", "cut", "drop", "fall", "decrease", "reduction", "pay rise", "raise"}

// changesOn checks a percentage change between a figure and the figure
// after the percentage and "on" or "over": "£180,000 a week, a 40%
// increase on the £120,000 a week he was paid" (50%), "sales of
// €4.4 million, up 10% on last year's €4 million". The figure the change
// ends at is the last one before the percentage in its sentence in the
// same unit, or else in the same unit in SI (a weekly wage against a
// yearly one); the
// relative change must be the percentage, allowing for the rounding of
// all three and their hedges.
func changesOn(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := 1; i+1 < len(qs); i++ {
		c, b := &qs[i], &qs[i+1]
		if c.Kind != "percent" || c.IsRange() || points(d, c) || b.Sentence != c.Sentence || b.IsRange() || b.SIValue <= 0 {
			continue
		}
		before := strings.ToLower(strings.TrimSpace(d.Text[max(0, c.Start-len(c.Qualifier)-6):c.Start]))
		if c.Qualifier != "" {
			before = strings.TrimSpace(strings.TrimSuffix(before, c.Qualifier))
		}
		if !changeOn(strings.ToLower(between(d, c.Span, b.Span)), strings.HasSuffix(before, "up") || strings.HasSuffix(before, "down")) {
			continue
		}
		// The last figure in b's own unit, else in its SI unit.
		var a *doc.Quantity
		for k := i - 1; k >= 0 && qs[k].Sentence == c.Sentence; k-- {
			if q := &qs[k]; q.Kind == b.Kind && q.SIUnit == b.SIUnit && !q.IsRange() && q.Kind != "percent" {
				if a == nil || q.Unit == b.Unit && a.Unit != b.Unit {
					a = q
				}
			}
		}
		if a == nil || a.SIUnit == "" || a.Kind == "age" {
			continue
		}
		// SI values carry each figure's rounding in its own unit.
		alo, ahi := bounds(a, a.SIValue, a.Step*a.SIValue/a.Value)
		blo, bhi := bounds(b, b.SIValue, b.Step*b.SIValue/b.Value)
		if blo <= 0 || a.Value == 0 {
			continue
		}
		if changeFits(c, blo, bhi, alo, ahi) {
			continue
		}
		out = append(out, changeCheck(d, []doc.Span{a.Span, c.Span, b.Span}, d.Slice(b.Span)+" to "+d.Slice(a.Span), b.SIValue, a.SIValue, c))
	}
	return out
}

// changeOn reports whether the text between a percentage and the figure
// after it, in lower case, makes that figure the one a change starts
// from: " increase on the ", " rise over the old ", or " on " when "up"
// or "down" stands before the percentage (upDown); a few words may stand
// between "on" and the figure ("on last year's", "on the old").
func changeOn(gap string, upDown bool) bool {
	g := " " + strings.TrimSpace(gap) + " "
	k := strings.Index(g, " on ")
	n := len(" on ")
	if k < 0 {
		k, n = strings.Index(g, " over "), len(" over ")
	}
	if k < 0 {
		return false
	}
	rest, after := strings.TrimSpace(g[:k]), g[k+n:]
	if len(after) > 20 || strings.ContainsAny(after, ",;()0123456789") {
		return false
	}
	if rest == "" {
		return upDown
	}
	for _, w := range onWords {
		if rest == w {
			return true
		}
	}
	return false
}

// changesToFrom checks a percentage after a verb of change (or "up" or
// "down", with "by" or without) that goes on "to" a figure and then
// "from" a figure of the same measure: "net profit fell 12% to
// €184 million from €198 million" (7%), "revenue rose 9% to
// €2.41 billion ($2.62 billion), from €2.21 billion". Only commas and a
// figure's conversion in brackets may stand between the two figures. The
// relative change from the second to the first must be the percentage,
// allowing for the rounding of all three and their hedges.
func changesToFrom(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := 0; i+2 < len(qs); i++ {
		c, b := &qs[i], &qs[i+1]
		if c.Kind != "percent" || c.IsRange() || points(d, c) || b.Sentence != c.Sentence || b.Sentence < 0 ||
			b.IsRange() || b.Kind == "percent" || b.Kind == "age" || b.Step == 0 {
			continue
		}
		if !strings.EqualFold(strings.TrimSpace(between(d, c.Span, b.Span)), "to") || !changeVerbBefore(beforeHedge(d, c)) {
			continue
		}
		var a *doc.Quantity
		for k := i + 2; k < len(qs) && qs[k].Sentence == b.Sentence; k++ {
			if sameMeasure(b, &qs[k]) {
				a = &qs[k]
				break
			}
		}
		if a == nil || !fromPastBrackets(between(d, b.Span, a.Span)) {
			continue
		}
		xlo, xhi := bounds(a, a.Value, a.Step)
		ylo, yhi := bounds(b, b.Value, b.Step)
		if xlo <= 0 || math.IsInf(xhi, 0) || math.IsInf(yhi, 0) || changeFits(c, xlo, xhi, ylo, yhi) {
			continue
		}
		out = append(out, changeCheck(d, []doc.Span{c.Span, b.Span, a.Span}, d.Slice(a.Span)+" to "+d.Slice(b.Span), a.Value, b.Value, c))
	}
	return out
}

// changeVerbBefore reports whether text, before a percentage, ends in a
// verb of change or "up" or "down", with "by" after it or without: "fell",
// "climbed by", "up".
func changeVerbBefore(text string) bool {
	f := words(text)
	if len(f) > 0 && f[len(f)-1] == "by" {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	for _, l := range [][]string{riseWords, fallWords} {
		for _, v := range l {
			if w == v {
				return true
			}
		}
	}
	return false
}

// fromPastBrackets reports whether the text between two figures, less
// what stands in brackets and commas, is "from": " from ", " ($2.62
// billion), from ".
func fromPastBrackets(gap string) bool {
	var b strings.Builder
	depth := 0
	for _, r := range gap {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth == 0 && r != ',':
			b.WriteRune(r)
		}
	}
	return depth == 0 && strings.EqualFold(strings.TrimSpace(b.String()), "from")
}
