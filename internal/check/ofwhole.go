package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// wholePairs checks counts given with their shares of a whole the
// sentence opens with: "Of the 1,200 buildings, 1,092, or 91%, need
// repairs", or, with "Of those", "Of these" or "Of them", the last count
// of a noun in the sentence before it in its paragraph ("Engineers
// inspected 1,200 buildings. Of those, 380, or 41%, are to be
// demolished": 31.7%). Each count over the whole must be its share,
// allowing for the rounding of all three and their hedges.
func wholePairs(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	for si, s := range d.Sentences {
		text := d.Slice(s.Span)
		if !hasPrefixLower(text, "of ") {
			continue
		}
		first := -1
		for i := range qs {
			if qs[i].Sentence == si {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		whole := -1
		lead := strings.TrimSpace(d.Text[s.Start:qs[first].Start])
		switch {
		case strings.EqualFold(lead, "of the") || strings.EqualFold(lead, "of"):
			if qs[first].Kind == "count" {
				whole = first
			}
		case strings.EqualFold(lead, "of those,") || strings.EqualFold(lead, "of these,") || strings.EqualFold(lead, "of them,"):
			if si > 0 && d.Sentences[si-1].Para == s.Para {
				for i := first - 1; i >= 0 && qs[i].Sentence == si-1; i-- {
					if qs[i].Kind == "count" && !qs[i].Head.IsZero() && !qs[i].IsRange() {
						whole = i
						break
					}
				}
			}
		}
		if whole < 0 {
			continue
		}
		w := &qs[whole]
		wlo, whi := bounds(w, w.Value, w.Step)
		if wlo <= 0 {
			continue
		}
		for i := max(first, whole+1); i+1 < len(qs) && qs[i+1].Sentence == si; i++ {
			c, p := &qs[i], &qs[i+1]
			v, ok := share(p)
			if c.Kind != "count" || c.IsRange() || !ok || p.Kind != "percent" || !p.Of.IsZero() || v <= 0 {
				continue
			}
			if !conversionLink(between(d, c.Span, p.Span), d.Text, p.End) {
				continue
			}
			clo, chi := bounds(c, c.Value, c.Step)
			plo, phi := bounds(p, v, p.Step/100)
			if chi/wlo >= plo && clo/whi <= phi {
				i++
				continue
			}
			out = append(out, doc.Check{
				Kind: "shares", Severity: "error", Spans: []doc.Span{w.Span, c.Span, p.Span},
				Message: fmt.Sprintf("%s of %s is %s, not %s", d.Slice(c.Span), d.Slice(w.Span), pct1(c.Value/w.Value), d.Slice(p.Span)),
			})
			i++
		}
	}
	return out
}

// pct1 writes a share as a percentage with one decimal.
func pct1(x float64) string { return num(100*x, 0.1) + "%" }
