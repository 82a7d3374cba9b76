package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// restated checks that a figure stated twice has one value. Two figures
// are the same figure when
//   - both modify the same noun as compound adjectives and the later one
//     refers back with "the" ("a nearly three-hour meeting" ... "the
//     two-hour meeting"), or
//   - both count the same noun after the same verb in different sentences
//     ("killed 12 people" ... "killed 15 people"),
//
// and they are of the same kind and unit. They disagree when the ranges
// their hedges and rounding allow do not meet.
func restated(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	seen := map[string]int{}
	for i := range qs {
		q := &qs[i]
		key := restateKey(d, q)
		if key == "" {
			continue
		}
		j, ok := seen[key]
		seen[key] = i
		if !ok {
			continue
		}
		p := &qs[j]
		if q.Adjective && !definiteBefore(d, q) {
			continue // "a two-hour meeting" is another meeting
		}
		if !q.Adjective && p.Sentence == q.Sentence {
			continue
		}
		plo, phi := bounds(p, p.Value, p.Step)
		qlo, qhi := bounds(q, q.Value, q.Step)
		if plo < qhi && qlo < phi {
			continue
		}
		out = append(out, doc.Check{
			Kind: "restated", Severity: "warning", Spans: []doc.Span{p.Span, q.Span},
			Message: fmt.Sprintf("the same figure for %s is given as %s and later as %s", headPhrase(d, q), phrase(d, p), phrase(d, q)),
		})
	}
	return out
}

// restateKey returns the key under which q may be restated, or "".
func restateKey(d *doc.Document, q *doc.Quantity) string {
	if q.Head.IsZero() || q.Kind == "fraction" || q.Kind == "score" {
		return ""
	}
	head := strings.ToLower(d.Slice(q.Head))
	head = strings.TrimSuffix(head, "s")
	if q.Adjective {
		return "adj\x00" + head + "\x00" + q.Kind + "\x00" + q.SIUnit
	}
	if q.Kind != "count" {
		return ""
	}
	v := verbBefore(d, q)
	if v == "" {
		return ""
	}
	return "count\x00" + head + "\x00" + v
}

// verbBefore returns the verb (in lower case) just before q and its
// hedge, when the document is tagged: "killed" in "killed at least 12
// people".
func verbBefore(d *doc.Document, q *doc.Quantity) string {
	ti := d.TokenAt(q.Start) - 1
	for n := 0; ti >= 0 && n < 4; ti, n = ti-1, n+1 {
		tok := d.Tokens[ti]
		if tok.POS.IsVerb() {
			return strings.ToLower(d.Text[tok.Start:tok.End])
		}
		switch tok.POS {
		case doc.TagRB, doc.TagJJR, doc.TagIN, doc.TagRBR, doc.TagJJS, doc.TagRBS:
			continue // "at least", "more than", "nearly"
		}
		return ""
	}
	return ""
}

// definiteBefore reports whether "the", "that" or "this" comes just
// before q or its hedge.
func definiteBefore(d *doc.Document, q *doc.Quantity) bool {
	before := strings.ToLower(strings.TrimSpace(d.Text[max(0, q.Start-40):q.Start]))
	if q.Qualifier != "" {
		before = strings.TrimSpace(strings.TrimSuffix(before, q.Qualifier))
	}
	for _, w := range []string{"the", "that", "this", "its", "their"} {
		if before == w || strings.HasSuffix(before, " "+w) {
			return true
		}
	}
	return false
}

// headPhrase names what a restated figure is about: "the hearing", or
// "people killed".
func headPhrase(d *doc.Document, q *doc.Quantity) string {
	if q.Adjective {
		return "the " + d.Slice(q.Head)
	}
	return d.Slice(q.Head) + " " + verbBefore(d, q)
}

// phrase returns a figure with its hedge, for messages.
func phrase(d *doc.Document, q *doc.Quantity) string {
	if q.Qualifier != "" {
		return q.Qualifier + " " + d.Slice(q.Span)
	}
	return d.Slice(q.Span)
}
