package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// share returns a quantity's value as a share of one (0.2 for "a fifth"
// and for "20%"), and whether it is a share.
func share(q *doc.Quantity) (float64, bool) {
	switch {
	case q.Kind == "fraction":
		return q.Value, true
	case q.Kind == "percent" && q.Unit == "percentage" && !strings.HasPrefix(q.Unit, "percentage point"):
		return q.SIValue, true
	}
	return 0, false
}

// shares checks parts against their whole:
//   - shares of the same whole in one sentence ("55% of voters backed it
//     and 52% of voters opposed it") must not add up to more than all of
//     it, allowing for each share's hedge and rounding;
//   - a count stated as part of a counted whole ("12 of the 10 victims",
//     "12 out of 10") must not exceed it;
//   - in a sentence that opens with its whole ("Of the 100 MPs, 60 voted
//     for and 50 against", "Of the €7.4 billion, 45% goes to health, …"),
//     the figures after it of its kind and unit must not add up to more
//     than the whole, nor the percentages to more than 100%.
func shares(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	// Shares of a named whole, grouped by sentence and whole.
	type group struct {
		idx     []int
		sum, lo float64 // the shares' sum as stated, and its least
	}
	groups := map[string]*group{}
	var order []string
	for i := range qs {
		q := &qs[i]
		v, ok := share(q)
		if !ok || q.Of.IsZero() || q.IsRange() || !subjectOfVerb(d, q.Of) {
			continue
		}
		key := fmt.Sprintf("%d\x00%s", q.Sentence, wholeKey(d.Slice(q.Of)))
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
			order = append(order, key)
		}
		step := q.Step
		if q.Kind == "percent" {
			step /= 100
		}
		lo, _ := bounds(q, v, step)
		g.idx = append(g.idx, i)
		g.sum += v
		g.lo += lo
	}
	for _, key := range order {
		g := groups[key]
		if len(g.idx) < 2 || g.lo <= 1.0001 {
			continue
		}
		c := doc.Check{Kind: "shares", Severity: "error"}
		var parts []string
		for _, i := range g.idx {
			c.Spans = append(c.Spans, qs[i].Span)
			parts = append(parts, d.Slice(qs[i].Span))
		}
		c.Message = fmt.Sprintf("%s of %s add up to %s, more than all of it", strings.Join(parts, " and "), d.Slice(qs[g.idx[0]].Of), pct(g.sum))
		out = append(out, c)
	}
	// "12 of the 10 victims", "12 out of 10".
	for i := 0; i+1 < len(qs); i++ {
		a, b := &qs[i], &qs[i+1]
		if a.Kind != "count" || b.Kind != "count" || a.Sentence != b.Sentence {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(between(d, a.Span, b.Span)))
		if gap != "of the" && gap != "out of" && gap != "out of the" && gap != "of its" && gap != "of their" {
			continue
		}
		alo, _ := bounds(a, a.Value, a.Step)
		_, bhi := bounds(b, b.Max, b.Step)
		if alo > bhi {
			out = append(out, doc.Check{
				Kind: "shares", Severity: "error", Spans: []doc.Span{a.Span, b.Span},
				Message: fmt.Sprintf("%s is more than the whole it is part of (%s)", d.Slice(a.Span), d.Slice(b.Span)),
			})
		}
	}
	// "Of the 100 MPs, 60 voted for and 50 against."
	for si, s := range d.Sentences {
		if text := d.Slice(s.Span); !hasPrefixLower(text, "of the ") && !hasPrefixLower(text, "of ") {
			continue
		}
		whole := -1
		var counts, pcts []int
		for i := range qs {
			q := &qs[i]
			if q.Sentence != si {
				continue
			}
			if whole < 0 {
				lead := strings.TrimSpace(strings.ToLower(d.Text[s.Start:q.Start]))
				if (q.Kind == "count" || q.Kind != "percent" && q.Kind != "fraction" && q.Unit != "") && (lead == "of the" || lead == "of") {
					whole = i
				}
				if whole < 0 {
					break
				}
				continue
			}
			w := &qs[whole]
			switch {
			case q.Kind == w.Kind && q.Unit == w.Unit && !q.IsRange():
				counts = append(counts, i)
			case q.Kind == "percent":
				pcts = append(pcts, i)
			}
		}
		if whole < 0 {
			continue
		}
		w := &qs[whole]
		out = partsExceed(d, out, w, counts, w.Max, func(q *doc.Quantity) (float64, float64) { return q.Value, q.Step }, "")
		out = partsExceed(d, out, w, pcts, 1, func(q *doc.Quantity) (float64, float64) { return q.SIValue, q.Step / 100 }, "100% of ")
	}
	return out
}

// subjectOfVerb reports whether a share's whole is followed by a finite
// verb, making "55% of voters" the subject of a clause ("55% of voters
// backed it"): parts of a whole are listed that way. It needs
// part-of-speech tags.
func subjectOfVerb(d *doc.Document, of doc.Span) bool {
	ti := d.TokenAt(of.End)
	for n := 0; ti < len(d.Tokens) && n < 2; ti, n = ti+1, n+1 {
		switch d.Tokens[ti].POS {
		case doc.TagVBD, doc.TagVBZ, doc.TagVBP, doc.TagMD:
			return true
		case doc.TagRB:
			continue // "55% of voters strongly backed"
		}
		return false
	}
	return false
}

// partsExceed adds a check when the parts idx of whole w add up to more
// than limit.
func partsExceed(d *doc.Document, out []doc.Check, w *doc.Quantity, idx []int, limit float64, val func(*doc.Quantity) (float64, float64), prefix string) []doc.Check {
	if len(idx) < 2 {
		return out
	}
	sum, stated := 0.0, 0.0
	c := doc.Check{Kind: "shares", Severity: "error", Spans: []doc.Span{w.Span}}
	var parts []string
	for _, i := range idx {
		q := &d.Quantities[i]
		v, step := val(q)
		lo, _ := bounds(q, v, step)
		sum += lo
		stated += v
		c.Spans = append(c.Spans, q.Span)
		parts = append(parts, d.Slice(q.Span))
	}
	_, whi := bounds(w, limit, 0)
	if prefix == "" {
		_, whi = bounds(w, w.Max, w.Step)
	}
	if sum <= whi*1.0001 {
		return out
	}
	total := num(stated, 0)
	if prefix != "" {
		total = pct(stated)
	}
	c.Message = fmt.Sprintf("the parts %s add up to %s, more than %s%s", strings.Join(parts, " and "), total, prefix, d.Slice(w.Span))
	return append(out, c)
}

// wholeKey normalises the text of a whole for comparison: lower case,
// without a leading article or possessive.
func wholeKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"the ", "a ", "an ", "its ", "their ", "his ", "her ", "our ", "all "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// hasPrefixLower reports whether strings.ToLower(s) begins with prefix,
// which is lower-case ASCII without 'i', 'k' or 's', without lowering all
// of s: of the characters other than lower-case ASCII only 'A'-'Z' lower
// to ASCII ('İ' lowers to 'i' and the Kelvin sign to 'k'), and
// strings.EqualFold folds no others to ASCII but the long s (to 's') and
// the Kelvin sign.
func hasPrefixLower(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
