package check

import (
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// restated checks that a figure stated twice has one value. Two figures
// are the same figure when both modify the same noun as compound
// adjectives of the same kind and unit, and the later one refers back
// with "the", "that" or "this" ("a nearly three-hour meeting" ... "the
// two-hour meeting"). They disagree when the ranges their hedges and
// rounding allow do not meet. (Counts of the same noun are not compared:
// "84 people" and "the 130 people" are too often two events.)
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
		if !definiteBefore(d, q) {
			continue // "a two-hour meeting" is another meeting
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
	if q.Head.IsZero() || !q.Adjective {
		return ""
	}
	head := strings.TrimSuffix(strings.ToLower(d.Slice(q.Head)), "s")
	return head + "\x00" + q.Kind + "\x00" + q.SIUnit
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

// headPhrase names what a restated figure is about: "the hearing".
func headPhrase(d *doc.Document, q *doc.Quantity) string {
	return "the " + d.Slice(q.Head)
}

// phrase returns a figure with its hedge, for messages.
func phrase(d *doc.Document, q *doc.Quantity) string {
	if q.Qualifier != "" {
		return q.Qualifier + " " + d.Slice(q.Span)
	}
	return d.Slice(q.Span)
}
