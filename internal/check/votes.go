package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// votes checks a vote's tally against the membership of the body that
// voted: the sides of one vote in one sentence ("by 12 votes in favour,
// two against and two abstentions", "by 80 votes to 20") must not add up
// to more members than a figure for the body gives ("the 15-member
// council", "the council's 15 members", "all 15 members of the
// council", "the 240-seat chamber"), allowing for each figure's hedge
// but not for rounding: votes and members are counted.
// The membership is the one stated in the vote's sentence, else the one
// value the document's membership figures all give, when the vote's
// sentence names no other body.
func votes(d *doc.Document, out []doc.Check) []doc.Check {
	return perSentence(d, out, 2, voteInSentence)
}

// perSentence runs check over the quantities [i, j) of each sentence
// that has at least least of them.
func perSentence(d *doc.Document, out []doc.Check, least int, check func(d *doc.Document, out []doc.Check, i, j int) []doc.Check) []doc.Check {
	qs := d.Quantities
	for i := 0; i < len(qs); {
		s := qs[i].Sentence
		j := i
		for j < len(qs) && qs[j].Sentence == s {
			j++
		}
		if s >= 0 && j-i >= least {
			out = check(d, out, i, j)
		}
		i = j
	}
	return out
}

// voteInSentence checks the vote, if any, among quantities [i, j) of one
// sentence.
func voteInSentence(d *doc.Document, out []doc.Check, i, j int) []doc.Check {
	qs := d.Quantities
	var parts []int
	sides := 0
	for k := i; k < j; k++ {
		if side := voteSideOf(d, k); side != 0 {
			parts = append(parts, k)
			sides |= side
		}
	}
	if len(parts) < 2 || sides&(sideFor|sideAgainst) == 0 || sides&(sides-1) == 0 {
		return out
	}
	m, body := membership(d, qs[i].Sentence, parts)
	if m < 0 {
		return out
	}
	w := &qs[m]
	sum, stated := 0.0, 0.0
	spans := []doc.Span{w.Span}
	texts := make([]string, 0, len(parts))
	for _, k := range parts {
		q := &qs[k]
		lo, _ := bounds(q, q.Value, 0) // votes are counted, not rounded
		sum += lo
		stated += q.Value
		spans = append(spans, q.Span)
		texts = append(texts, d.Slice(q.Span))
	}
	if _, hi := bounds(w, w.Max, 0); sum <= hi*1.0001 {
		return out
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	of := "it has"
	if body != "" {
		of = "the " + body + " has"
	}
	return append(out, doc.Check{
		Kind: "shares", Severity: "error", Spans: spans,
		Message: fmt.Sprintf("the votes %s add up to %s, more than the %s members %s (%s)", joinAnd(texts), num(stated, 0), num(w.Max, 0), of, d.Slice(w.Span)),
	})
}

// The sides of a vote, as bits.
const (
	sideFor = 1 << iota
	sideAgainst
	sideAbstain
)

// voteSideOf returns the side of a vote count k states, or 0: the words
// after it or its noun ("12 votes in favour", "two against", "three
// abstentions", "one member abstaining"), or, for "N votes to M", the
// side for N and against M.
func voteSideOf(d *doc.Document, k int) int {
	q := &d.Quantities[k]
	if q.Kind != "count" || q.IsRange() || q.Adjective || q.Value < 0 {
		return 0
	}
	after := q.End
	head := ""
	if !q.Head.IsZero() {
		head = d.Slice(q.Head)
		if q.Head.Start >= q.End {
			after = q.Head.End
		}
	}
	switch {
	case prefixFold(head, "abstention"), strings.Contains(head, "abstain"):
		return sideAbstain
	case head != "" && !isWord(head, voteNouns):
		return 0
	}
	rest := strings.TrimLeft(d.Text[after:min(len(d.Text), after+24)], " ")
	if prefixFold(rest, "voted ") {
		rest = rest[len("voted "):]
	}
	switch {
	case prefixFold(rest, "in favour"), prefixFold(rest, "in favor"), prefixFold(rest, "for "), prefixFold(rest, "for,"):
		return sideFor
	case prefixFold(rest, "against"):
		return sideAgainst
	case prefixFold(rest, "abstain"), prefixFold(rest, "abstention"):
		return sideAbstain
	case prefixFold(rest, "to ") && strings.EqualFold(head, "votes") && k+1 < len(d.Quantities) && d.Quantities[k+1].Start == after+len(" to "):
		return sideFor // "80 votes to 20"
	}
	if k > 0 && (q.Head.IsZero() || q.Head.End <= q.Start) {
		p := &d.Quantities[k-1]
		if gap := between(d, p.Head, q.Span); p.Sentence == q.Sentence && strings.EqualFold(d.Slice(p.Head), "votes") && gap == " to " {
			return sideAgainst
		}
	}
	return 0
}

// voteNouns are the nouns a side of a vote counts.
var voteNouns = []string{"votes", "vote", "members", "member"}

// prefixFold reports whether s begins with p, in any case.
func prefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// bodyNouns are the nouns for a body that votes.
var bodyNouns = map[string]bool{
	"council": true, "committee": true, "assembly": true, "board": true, "parliament": true, "senate": true,
	"house": true, "chamber": true, "panel": true, "jury": true, "commission": true, "cabinet": true,
	"court": true, "congress": true, "legislature": true, "bench": true, "bloc": true, "authority": true,
}

// membership returns the index of the quantity that gives the membership
// of the body whose vote quantities parts (of sentence s) count, or -1,
// and the body's noun when the text names it. The body that voted is the
// last body the sentence names before the vote ("the council adopted it
// by …"): its membership is a figure for a body of that noun, the one
// in the sentence, else the one value all such figures in the document
// give. When the sentence names no body before the vote, it is the
// membership the sentence states, else the one value all the document's
// membership figures give.
func membership(d *doc.Document, s int, parts []int) (int, string) {
	qs := d.Quantities
	voter := ""
	for _, w := range words(d.Text[d.Sentences[s].Start:qs[parts[0]].Start]) {
		if bodyNouns[w] {
			voter = w
		}
	}
	found, value, body := -1, 0.0, ""
	for k := range qs {
		b, ok := memberCount(d, k)
		if !ok || k >= parts[0] && k <= parts[len(parts)-1] || voter != "" && b != voter {
			continue
		}
		if qs[k].Sentence == s {
			return k, b
		}
		switch {
		case found < 0:
			found, value, body = k, qs[k].Max, b
		case qs[k].Max != value:
			value = -1 // two memberships: no one body
		}
	}
	if found < 0 || value < 0 {
		return -1, ""
	}
	return found, body
}

// words returns the words in letters of s, in lower case.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' })
}

// memberCount reports whether quantity k gives the members of a body,
// and the body's noun when it names one: "15-member council",
// "240-seat chamber", "the council's 15 members", "15 members of the
// council".
func memberCount(d *doc.Document, k int) (string, bool) {
	q := &d.Quantities[k]
	if q.Kind != "count" || q.IsRange() {
		return "", false
	}
	head := strings.ToLower(d.Slice(q.Head))
	if q.Adjective {
		span := strings.ToLower(d.Slice(q.Span))
		for _, w := range []string{"-member", "-seat", "-nation", "-country", "-state", "-judge"} {
			if strings.HasSuffix(span, w) {
				return lastWord(head), true
			}
		}
		return "", false
	}
	if head != "members" && head != "seats" || q.Head.Start < q.End {
		return "", false
	}
	// "the council's 15 members"
	before := strings.ToLower(strings.TrimRight(d.Text[max(0, q.Start-32):q.Start], " "))
	for _, p := range []string{"'s", "’s"} {
		if b, ok := strings.CutSuffix(before, p); ok {
			return lastWord(b), true
		}
	}
	// "15 members of the council"
	after := strings.ToLower(d.Text[q.Head.End:min(len(d.Text), q.Head.End+32)])
	if rest, ok := strings.CutPrefix(after, " of the "); ok {
		if f := words(rest); len(f) > 0 {
			return f[0], true
		}
	}
	return "", true
}

// lastWord returns the last word of s in letters.
func lastWord(s string) string {
	f := words(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
