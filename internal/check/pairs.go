package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// countShare is a count given with its share of a total: "48,310 votes,
// or 51.4%", "30,450 votes (32.4%)".
type countShare struct {
	count, share int     // indexes into Document.Quantities
	lo, hi       float64 // the totals the two allow, given their rounding
}

// countShares checks counts of one noun given with their shares of a
// total in one paragraph ("won 48,310 votes, or 51.4% of the total …
// took 30,450 votes (32.4%)"): those shares are of one total, so
//   - they must not add up to more than all of it, allowing for each
//     share's hedge and rounding;
//   - each pair implies the total (the count over its share), and where
//     all the pairs but one imply one total, the one that implies
//     another, even at the ends of its rounding, is flagged.
//
// A pair after "from", "than", "compared with" or "against" ("up from
// 3,100 votes (15.5%)") is a figure for comparison, of another total,
// and is left out.
func countShares(d *doc.Document, out []doc.Check) []doc.Check {
	var group []countShare
	head, para := "", -1
	flush := func() {
		out = checkCountShares(d, out, group)
		group = group[:0]
	}
	qs := d.Quantities
	for i := 0; i+1 < len(qs); i++ {
		c, s := &qs[i], &qs[i+1]
		v, ok := share(s)
		if c.Kind != "count" || c.IsRange() || c.Head.IsZero() || c.Value <= 0 || !ok || s.Kind != "percent" || v <= 0 || c.Sentence < 0 || comparedFigure(d, c) {
			continue
		}
		if !conversionLink(between(d, c.Head, s.Span), d.Text, s.End) {
			continue
		}
		clo, chi := bounds(c, c.Value, c.Step)
		slo, shi := bounds(s, v, s.Step/100)
		if slo <= 0 {
			continue
		}
		h := strings.TrimSuffix(strings.ToLower(d.Slice(c.Head)), "s")
		p := d.Sentences[c.Sentence].Para
		if h != head || p != para {
			flush()
			head, para = h, p
		}
		group = append(group, countShare{count: i, share: i + 1, lo: clo / shi, hi: chi / slo})
		i++
	}
	flush()
	return out
}

// comparedFigure reports whether count c follows a word that makes it a
// figure to compare with: "up from", "than", "compared with", "against".
func comparedFigure(d *doc.Document, c *doc.Quantity) bool {
	before := strings.TrimSpace(d.Text[max(0, c.Start-len(c.Qualifier)-16):c.Start])
	if c.Qualifier != "" {
		before = strings.TrimSpace(strings.TrimSuffix(before, c.Qualifier))
	}
	for _, w := range []string{" from", " than", " compared with", " compared to", " against", " versus", " vs"} {
		if n := len(before); n >= len(w) && strings.EqualFold(before[n-len(w):], w) {
			return true
		}
	}
	return false
}

// checkCountShares adds the checks of countShares for one group of
// pairs.
func checkCountShares(d *doc.Document, out []doc.Check, g []countShare) []doc.Check {
	if len(g) < 2 {
		return out
	}
	qs := d.Quantities
	sum, least := 0.0, 0.0
	spans := make([]doc.Span, 0, len(g))
	parts := make([]string, 0, len(g))
	for _, p := range g {
		s := &qs[p.share]
		v, _ := share(s)
		lo, _ := bounds(s, v, s.Step/100)
		sum += v
		least += lo
		spans = append(spans, s.Span)
		parts = append(parts, d.Slice(s.Span))
	}
	noun := d.Slice(qs[g[0].count].Head)
	if least > 1.0001 {
		out = append(out, doc.Check{
			Kind: "shares", Severity: "error", Spans: spans,
			Message: fmt.Sprintf("the shares %s of the %s add up to %s, more than all of them", joinAnd(parts), noun, pctTenth(sum)),
		})
	}
	if len(g) < 3 {
		return out
	}
	for k, p := range g {
		lo, hi := 0.0, math.Inf(1)
		for m, o := range g {
			if m != k {
				lo, hi = max(lo, o.lo), min(hi, o.hi)
			}
		}
		if lo > hi || p.hi >= lo && p.lo <= hi {
			continue // the others disagree among themselves, or p agrees
		}
		c, s := &qs[p.count], &qs[p.share]
		total, implied := (lo+hi)/2, c.Value/shareOf(s)
		out = append(out, doc.Check{
			Kind: "shares", Severity: "warning", Spans: []doc.Span{c.Span, s.Span},
			Message: fmt.Sprintf("%s %s at %s implies a total of %s, not the %s the other figures give (%s would be %s)",
				d.Slice(c.Span), noun, d.Slice(s.Span), num(implied, roundStep(implied)), num(total, roundStep(total)), d.Slice(c.Span), pctTenth(c.Value/total)),
		})
	}
	return out
}

// shareOf returns a percentage's value as a share of one.
func shareOf(q *doc.Quantity) float64 {
	v, _ := share(q)
	return v
}

// roundStep returns a step that shows v to three significant digits:
// 460,000 for 459,981.
func roundStep(v float64) float64 {
	if v < 1000 {
		return 1
	}
	return math.Pow(10, math.Floor(math.Log10(v))-2)
}

// pctTenth writes a share of one as a percentage to a tenth: "102.1%".
func pctTenth(x float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", 100*x), ".0") + "%"
}

// joinAnd joins a list for a message: "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
