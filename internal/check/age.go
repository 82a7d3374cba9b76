package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// dieWords are the forms of "die" that say someone died.
var dieWords = []string{"die", "dies", "died", "dying", "death"}

// agesAtDeath checks the age a report gives someone at their death
// against the dates it gives for their birth and death. The date of
// birth is a date after "born" in its clause ("born in Lagos on 3 May
// 1941"), the date of death one after a form of "die" or "death" in its
// clause; where the document gives one of each, every age at death must
// be the whole years between them (the age at the latest birth and the
// earliest death the dates allow, up to the age at the earliest birth
// and the latest death), widened by its hedge. An age at death is an age
// that a form of "die" precedes or follows in its clause ("has died
// aged 68", "dies at 68", "Velinska, 68, died"), or the predicate of
// "He was" or "She was" opening the sentence after one that says someone
// died ("… has died. She was 68.").
func agesAtDeath(d *doc.Document, out []doc.Check) []doc.Check {
	if !strings.Contains(d.Text, "born") && !strings.Contains(d.Text, "Born") {
		return out
	}
	birth, death := -1, -1
	for i := range d.Dates {
		t := &d.Dates[i]
		if t.Type != "date" || t.From.IsZero() || t.Sentence < 0 {
			continue
		}
		var slot *int
		switch {
		case wordBefore(d, t.Span, "born"):
			slot = &birth
		case wordBefore(d, t.Span, dieWords...):
			slot = &death
		default:
			continue
		}
		if *slot >= 0 && d.Dates[*slot].Value != t.Value {
			return out // two people's, or two readings: none is checked
		}
		if *slot < 0 {
			*slot = i
		}
	}
	if birth < 0 || death < 0 {
		return out
	}
	b, e := &d.Dates[birth], &d.Dates[death]
	if !e.From.After(b.From) {
		return out
	}
	ageLo, ageHi := yearsBetween(b.To.AddDate(0, 0, -1), e.From), yearsBetween(b.From, e.To.AddDate(0, 0, -1))
	for k := range d.Quantities {
		q := &d.Quantities[k]
		if q.Kind != "age" || q.Unit != "year" || !ageAtDeath(d, q) {
			continue
		}
		lo, hi := bounds(q, q.Value, 0)
		if hi >= float64(ageLo) && lo <= float64(ageHi) {
			continue
		}
		want := fmt.Sprint(ageLo)
		if ageHi != ageLo {
			want = fmt.Sprintf("%d or %d", ageLo, ageHi)
		}
		sev := "error"
		if approximate(q.Qualifier) {
			sev = "warning"
		}
		spans := []doc.Span{q.Span, b.Span, e.Span}
		sortSpans(spans)
		out = append(out, doc.Check{
			Kind: "duration", Severity: sev, Spans: spans,
			Message: fmt.Sprintf("%s does not match the age at death of someone born %s %s who died %s %s: %s years", d.Slice(q.Span), datePrep(b), d.Slice(b.Span), datePrep(e), d.Slice(e.Span), want),
		})
	}
	return out
}

// datePrep returns the preposition before a date in a message: "on" a
// day, "in" a month or a year.
func datePrep(t *doc.Date) string {
	if t.Granularity == "day" {
		return "on"
	}
	return "in"
}

// yearsBetween returns the whole years someone born on day a has lived on
// day b.
func yearsBetween(a, b time.Time) int {
	n := b.Year() - a.Year()
	if b.Month() < a.Month() || b.Month() == a.Month() && b.Day() < a.Day() {
		n--
	}
	return n
}

// sortSpans puts a few spans in text order.
func sortSpans(s []doc.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// wordBefore reports whether one of words (in any case) comes before
// span sp in its sentence, in the same clause: no date and no clause
// break (clauseBreak) lies between it and sp.
func wordBefore(d *doc.Document, sp doc.Span, words ...string) bool {
	si := d.SentenceAt(sp.Start)
	if si < 0 {
		return false
	}
	s := d.Sentences[si]
	for ti := d.TokenAt(sp.Start) - 1; ti >= s.FirstTok; ti-- {
		tok := d.Tokens[ti]
		if isWord(d.Text[tok.Start:tok.End], words) {
			return !clauseBreak(d.Text[tok.End:sp.Start]) && !dateWithin(d, tok.End, sp.Start)
		}
	}
	return false
}

// isWord reports whether w is one of words, in any case.
func isWord(w string, words []string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// clauseBreak reports whether gap, the text between two words of one
// sentence, closes a clause: a semicolon, a dash, or a coordinating "and"
// or "but" (", while" and ", whereas" too).
func clauseBreak(gap string) bool {
	for _, s := range []string{";", " and ", " but ", " — ", ", while ", ", whereas ", " And ", " But "} {
		if strings.Contains(gap, s) {
			return true
		}
	}
	return false
}

// dateWithin reports whether a date lies between byte offsets a and b.
func dateWithin(d *doc.Document, a, b int) bool {
	for _, t := range d.Dates {
		if t.Start >= a && t.End <= b {
			return true
		}
	}
	return false
}

// ageAtDeath reports whether age q is someone's age at their death: a
// form of "die" precedes or follows it in its clause, or it is all the
// predicate of "He was" or "She was" opening the sentence right after a
// sentence that holds a form of "die".
func ageAtDeath(d *doc.Document, q *doc.Quantity) bool {
	si := q.Sentence
	if si < 0 || si >= len(d.Sentences) {
		return false
	}
	s := d.Sentences[si]
	for ti := s.FirstTok; ti < s.EndTok; ti++ {
		tok := d.Tokens[ti]
		if !isWord(d.Text[tok.Start:tok.End], dieWords) {
			continue
		}
		gap := ""
		switch {
		case tok.End <= q.Start:
			gap = d.Text[tok.End:q.Start]
		case tok.Start >= q.End:
			gap = d.Text[q.End:tok.Start]
		}
		if !clauseBreak(gap) {
			return true
		}
	}
	lead := strings.TrimSpace(d.Text[s.Start:q.Start])
	if q.Qualifier != "" {
		lead = strings.TrimSpace(strings.TrimSuffix(lead, q.Qualifier))
	}
	if (!strings.EqualFold(lead, "he was") && !strings.EqualFold(lead, "she was")) || si == 0 {
		return false
	}
	p := d.Sentences[si-1]
	for ti := p.FirstTok; ti < p.EndTok; ti++ {
		tok := d.Tokens[ti]
		if isWord(d.Text[tok.Start:tok.End], dieWords) {
			return true
		}
	}
	return false
}

// ageAtEvent reports whether age q is someone's age when something
// happened, not their age now: "at the age of nine", "at age 9".
func ageAtEvent(d *doc.Document, q *doc.Quantity) bool {
	before := strings.TrimSpace(d.Text[max(0, q.Start-len(q.Qualifier)-16):q.Start])
	if q.Qualifier != "" {
		before = strings.TrimSpace(strings.TrimSuffix(before, q.Qualifier))
	}
	n := len(before)
	return n >= 13 && strings.EqualFold(before[n-13:], "at the age of") || n >= 6 && strings.EqualFold(before[n-6:], "at age")
}
