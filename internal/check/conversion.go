package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/quantity"
)

// conversions checks figures given with a conversion into another unit
// of the same physical quantity, in brackets or after ", or": "1,000
// kilometres (680 miles)", "45C (113F)", also after the noun a compound
// adjective's figure describes ("a 50-litre tank (13.2 gallons)"). The converted figure must match
// the first, converted exactly, within 5% or within the rounding of its
// own last written digit (half a unit of it), whichever is larger; that
// rounding counts for no more than 10% of the exact figure, so "412
// million kilometres (300 million miles)" is flagged (256 million). The
// message quotes the figure as written, with its word of scale. Money in
// two currencies has no true rate to check against (exchange rates
// change); exchangeRates checks the article's conversions against each
// other.
func (c *Checker) conversions(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := 0; i+1 < len(qs); i++ {
		a, b := &qs[i], &qs[i+1]
		if a.Unit == "" || b.Unit == "" || a.Unit == b.Unit || a.SIUnit == "" || a.SIUnit != b.SIUnit || a.Kind == "money" {
			continue
		}
		gap := between(d, a.Span, b.Span)
		if a.Adjective && a.Head.Start >= a.End && a.Head.End <= b.Start {
			gap = between(d, a.Head, b.Span) // "a 50-litre tank (13.2 US gallons)"
		}
		if !conversionLink(gap, d.Text, b.End) {
			continue
		}
		ua, ub := c.units.Lookup(a.Unit), c.units.Lookup(b.Unit)
		if ua == nil || ub == nil || ub.Factor == 0 {
			continue
		}
		// A temperature converts with the scales' offsets, a difference
		// of temperatures without them: warming of 2 degrees Celsius is
		// 3.6 degrees Fahrenheit. Either reading that fits will do; the
		// one the text marks (a "temperature difference") is reported.
		marked := a.Kind == "temperature difference" || b.Kind == "temperature difference"
		lo, hi, off := converted(a, b, ua, ub, marked)
		if off <= 0.05 {
			continue
		}
		if ua.Offset != 0 || ub.Offset != 0 {
			if _, _, other := converted(a, b, ua, ub, !marked); other <= 0.05 {
				continue
			}
		}
		sev := "error"
		if approximate(a.Qualifier) || approximate(b.Qualifier) {
			sev = "warning"
		}
		written := strings.TrimSpace(numberPart(d, b))
		word, scale := scaleOf(written)
		want := exactNum(lo, scale, word)
		if a.IsRange() || b.IsRange() {
			want += "–" + exactNum(hi, scale, word)
		}
		what := d.Slice(a.Span)
		if marked {
			what += " (a difference)"
		}
		out = append(out, doc.Check{
			Kind:     "conversion",
			Severity: sev,
			Spans:    []doc.Span{a.Span, b.Span},
			Message: fmt.Sprintf("%s is %s %s, not %s (%.1f%% off)",
				what, want, unitWord(b.Unit, lo), written, 100*off),
		})
	}
	return out
}

// converted returns a's value and high end in b's unit, read as a
// difference (no offsets) or not, and how far b is from them (relOff).
func converted(a, b *doc.Quantity, ua, ub *quantity.Unit, difference bool) (lo, hi, off float64) {
	conv := func(v float64) float64 {
		if difference {
			return v * ua.Factor / ub.Factor
		}
		return (ua.ToSI(v) - ub.Offset) / ub.Factor
	}
	lo, hi = conv(a.Value), conv(a.Max)
	off = relOff(b.Value, lo, b.Step)
	if a.IsRange() || b.IsRange() {
		off = math.Max(off, relOff(b.Max, hi, b.Step))
	}
	return lo, hi, off
}

// conversionLink reports whether the text between two figures makes the
// second a conversion of the first: an opening bracket (the second
// figure closed by one), or ", or" / "or".
func conversionLink(gap, text string, end int) bool {
	g := strings.TrimSpace(gap)
	for _, h := range []string{"about", "around", "roughly", "approximately", "some", "nearly", "almost", "over", "more than", "at least", "just over", "just under"} {
		g = strings.TrimSpace(strings.TrimSuffix(g, h))
	}
	switch g {
	case "(", "[":
		rest := strings.TrimLeft(text[end:], " ")
		return strings.HasPrefix(rest, ")") || strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ";")
	case ", or", "or", "—", "–", "- or", ", or about":
		return true
	}
	return false
}

// exactNum writes an exact conversion v for a message in the scale the
// stated figure is written in: "256 million" beside "300 million".
func exactNum(v, scale float64, word string) string {
	if word == "" {
		return num(v, exactStep(v))
	}
	return num(v/scale, exactStep(v/scale)) + " " + word
}

// exactStep returns the rounding for showing an exact conversion: whole
// units from 100 up, else three significant digits.
func exactStep(v float64) float64 {
	if math.Abs(v) >= 100 {
		return 1
	}
	return 0
}

// relOff returns how far a stated value is from the exact one, relative
// to it, after allowing for the stated value's rounding; 0 when within
// it. The rounding allowed is half a unit of the last written digit, but
// no more than a tenth of the exact value: "300 million miles" for 256
// million is a round figure too coarse to convert 412 million kilometres.
func relOff(stated, exact, step float64) float64 {
	diff := math.Abs(stated - exact)
	if diff <= min(step/2, math.Abs(exact)/10) {
		return 0
	}
	if exact == 0 {
		return math.Inf(1)
	}
	return diff / math.Abs(exact)
}

// scaleWords are the words of scale a figure may be written with.
var scaleWords = []string{"thousand", "million", "billion", "trillion"}

// numberPart returns the figure's text as written, for messages: "680"
// of "680 miles", "300 million" of "300 million miles".
func numberPart(d *doc.Document, q *doc.Quantity) string {
	s := d.Slice(q.Span)
	end := 0
	for i, r := range s {
		if r >= '0' && r <= '9' || r == ',' || r == '.' || r == '-' || r == '–' && end > 0 {
			end = i + len(string(r))
			continue
		}
		if end > 0 {
			break
		}
	}
	if end == 0 {
		return s
	}
	num := strings.TrimRight(s[:end], ",.-–") // "310-mile" is 310
	rest := s[len(num):]
	for _, w := range scaleWords {
		if len(rest) > len(w) && rest[0] == ' ' && strings.EqualFold(rest[1:len(w)+1], w) && (len(rest) == len(w)+1 || rest[len(w)+1] == ' ') {
			return num + rest[:len(w)+1]
		}
	}
	return num
}

// scaleOf returns the word of scale a figure is written with and its
// value ("million", 1e6), or "" and 1.
func scaleOf(written string) (string, float64) {
	for k, w := range scaleWords {
		if strings.HasSuffix(written, " "+w) {
			return w, math.Pow(1000, float64(k+1))
		}
	}
	return "", 1
}
