package check

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// unitDays are the lengths of calendar units in days, for comparing a
// stated duration with the time between two dates.
var unitDays = map[string]float64{
	"minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 365.2425 / 12, "year": 365.2425,
	"decade": 3652.425, "century": 36524.25,
}

// durations checks that a stated duration agrees with the dates it spans:
//   - in a sentence with a duration and "since" a date ("a three-year
//     war ... since 2022"), or an age and "born in" a date, the duration
//     must fit the time from that date to the publication date;
//   - in a sentence with a duration and a span of dates ("from 2010 to
//     2014", "between March and June") or of times ("from Tuesday morning
//     until Thursday morning", "from 9am to 5pm"), it must fit the time
//     between them;
//   - in a sentence with a contract's or a deal's duration and "until" a
//     date ("a five-year contract until June 2030", "runs until June
//     2029, a three-year deal"), when the sentence names no other date
//     than ones near the publication date (the deal is made now), it must
//     fit the time from the publication date to that date;
//   - a date given two ways side by side ("in 2014, 11 years ago") must
//     name the same time.
//
// A whole number of units fits when it lies between the elapsed time
// rounded down and rounded up, widened by its hedge ("almost", "more
// than").
func durations(d *doc.Document, out []doc.Check) []doc.Check {
	for i := range d.Dates {
		t := &d.Dates[i]
		if t.Type != "date" && t.Type != "time" || t.From.IsZero() {
			continue
		}
		before := strings.ToLower(strings.TrimSpace(d.Text[max(0, t.Start-16):t.Start]))
		anchor := ""
		switch {
		case t.Type == "time":
			// a time spans hours only with another: "from Tuesday
			// morning until Thursday morning"
		case strings.HasSuffix(before, "since"):
			anchor = "since"
		case strings.HasSuffix(before, "born in") || strings.HasSuffix(before, "born on"):
			anchor = "born"
		case strings.HasSuffix(before, "until") || strings.HasSuffix(before, "till") || strings.HasSuffix(before, "runs to") || strings.HasSuffix(before, "running to"):
			anchor = "until"
		}
		if anchor == "until" && !d.Published.IsZero() {
			if t.From.After(d.Published) && signedNow(d, t) {
				out = durationFits(d, out, t, i, t.From.Sub(d.Published), t.To.Sub(d.Published), anchor)
			}
			continue
		}
		if anchor != "" && !d.Published.IsZero() {
			lo := d.Published.Sub(t.To)
			hi := d.Published.Sub(t.From)
			out = durationFits(d, out, t, i, lo, hi, anchor)
			continue
		}
		// "from 2010 to 2014", "between 2010 and 2014"
		if j := i + 1; j < len(d.Dates) && d.Dates[j].Sentence == t.Sentence && !d.Dates[j].From.IsZero() {
			u := &d.Dates[j]
			gap := strings.ToLower(strings.TrimSpace(between(d, t.Span, u.Span)))
			if (gap == "to" || gap == "until" || gap == "and" || gap == "through") && (strings.HasSuffix(before, "from") || strings.HasSuffix(before, "between")) && u.From.After(t.From) {
				out = durationFits(d, out, t, i, u.From.Sub(t.To), u.To.Sub(t.From), "span")
			}
		}
	}
	// Dates in apposition: "in 2014, 11 years ago".
	for i := 0; i+1 < len(d.Dates); i++ {
		a, b := &d.Dates[i], &d.Dates[i+1]
		if a.Type != "date" || b.Type != "date" || a.From.IsZero() || b.From.IsZero() || a.Relative == b.Relative {
			continue
		}
		gap := strings.TrimSpace(between(d, a.Span, b.Span))
		if gap != "," && gap != "(" && gap != "—" && gap != "–" && gap != "or" && gap != ", or" {
			continue
		}
		rel := a
		if b.Relative {
			rel = b
		}
		if !strings.HasSuffix(strings.ToLower(d.Slice(rel.Span)), "ago") {
			continue
		}
		// Allow a year's slack either way for "N years ago".
		slack := 366 * 24 * time.Hour
		if !a.From.Before(b.To.Add(slack)) || !b.From.Before(a.To.Add(slack)) {
			out = append(out, doc.Check{
				Kind: "duration", Severity: "warning", Spans: []doc.Span{a.Span, b.Span},
				Message: fmt.Sprintf("%s and %s name different times (given the publication date %s)", d.Slice(a.Span), d.Slice(b.Span), d.Published.Format("2006-01-02")),
			})
		}
	}
	return out
}

// durationFits adds a check when no duration quantity in date t's
// sentence fits an elapsed time between lo and hi; when the sentence has
// no duration (or an age for "born"), nothing is checked.
func durationFits(d *doc.Document, out []doc.Check, t *doc.Date, ti int, lo, hi time.Duration, anchor string) []doc.Check {
	clause := t.Span
	if anchor == "span" {
		// The span's second date stands between its first and a
		// duration after it: "from 21 July to 2 August, a 10-day trip".
		clause.End = d.Dates[ti+1].End
	}
	for k := range d.Quantities {
		q := &d.Quantities[k]
		if q.Sentence != t.Sentence || q.Sentence < 0 || !sameClause(d, q.Span, clause) {
			continue
		}
		if anchor == "span" && q.Start >= clause.End && !apposed(d.Text[clause.End:q.Start]) {
			continue // "postponed from Tuesday to Friday, where he will present the five-year plan"
		}
		if anchor == "born" && q.Kind != "age" || anchor != "born" && q.Kind != "duration" {
			continue
		}
		if anchor == "until" && !agreementNoun(d.Slice(q.Head)) {
			continue // "a two-week closure until 20 March" may have begun before
		}
		if anchor == "born" && (ageAtDeath(d, q) || ageAtEvent(d, q)) {
			continue // not an age now: agesAtDeath checks the first
		}
		if anchor == "since" && aheadOf(d, q) {
			continue // "over the next 18 months, the most since 2019"
		}
		days, ok := unitDays[q.Unit]
		if !ok || q.Value <= 0 {
			continue
		}
		eLo, eHi := lo.Hours()/24/days, hi.Hours()/24/days
		if eLo < 0 {
			eLo = 0
		}
		okLo, okHi := math.Floor(eLo), math.Ceil(eHi)
		qlo, qhi := bounds(q, q.Value, 0)
		if qhi >= okLo && qlo <= okHi {
			continue
		}
		elapsed := fmt.Sprintf("%s %s", num((eLo+eHi)/2, 0.1), unitWord(q.Unit, 2))
		if math.Abs(eHi-eLo) >= 0.5 {
			elapsed = fmt.Sprintf("between %s and %s %s", num(eLo, 0.1), num(eHi, 0.1), unitWord(q.Unit, 2))
		}
		what := "the time since " + d.Slice(t.Span)
		switch anchor {
		case "born":
			what = "the age of someone born " + bornWord(d, t) + " " + d.Slice(t.Span)
		case "span":
			what = "the time from " + d.Slice(t.Span) + " to " + d.Slice(d.Dates[ti+1].Span)
		case "until":
			what = "the time until " + d.Slice(t.Span)
		}
		if anchor != "span" {
			what += " (published " + d.Published.Format("2006-01-02") + ")"
		}
		out = append(out, doc.Check{
			Kind: "duration", Severity: "warning", Spans: orderSpans(q.Span, t.Span),
			Message: fmt.Sprintf("%s does not match %s: %s", d.Slice(q.Span), what, elapsed),
		})
	}
	return out
}

// sameClause reports whether two spans of one sentence belong to one
// clause: no other figure or date lies between them, nor a coordinating
// ", and", ", but" or ";".
func sameClause(d *doc.Document, a, b doc.Span) bool {
	if b.Start < a.Start {
		a, b = b, a
	}
	if b.Start < a.End {
		return true
	}
	gap := strings.ToLower(d.Text[a.End:b.Start])
	for _, s := range []string{";", ", and ", ", but ", " — ", ", while ", ", whereas "} {
		if strings.Contains(gap, s) {
			return false
		}
	}
	for _, q := range d.Quantities {
		if q.Start >= a.End && q.End <= b.Start {
			return false
		}
	}
	for _, t := range d.Dates {
		if t.Start >= a.End && t.End <= b.Start {
			return false
		}
	}
	return true
}

// orderSpans returns a and b in text order.
func orderSpans(a, b doc.Span) []doc.Span {
	if b.Start < a.Start {
		return []doc.Span{b, a}
	}
	return []doc.Span{a, b}
}

// bornWord returns the preposition the text writes before a date of
// birth: "on" for "born on 2 September 1997", else "in".
func bornWord(d *doc.Document, t *doc.Date) string {
	if strings.HasSuffix(strings.TrimSpace(d.Text[max(0, t.Start-4):t.Start]), "on") {
		return "on"
	}
	return "in"
}

// apposed reports whether the text between a span of dates and a
// duration after it sets the duration in apposition to the span: a comma
// or a dash, then at most an article and a hedge (", a 10-day trip", "
// — nearly three weeks").
func apposed(gap string) bool {
	g := strings.TrimSpace(gap)
	switch {
	case strings.HasPrefix(g, ","):
		g = g[1:]
	case strings.HasPrefix(g, "—"), strings.HasPrefix(g, "–"):
		g = g[len("—"):]
	default:
		return false
	}
	for _, w := range strings.Fields(g) {
		switch strings.ToLower(w) {
		case "a", "an", "the", "some", "about", "around", "roughly", "nearly", "almost", "just", "over", "under", "more", "less", "than":
		default:
			return false
		}
	}
	return true
}

// agreementNoun reports whether a duration's noun is an agreement's that
// runs from when it is made: "contract", "deal", "extension".
func agreementNoun(h string) bool {
	switch strings.ToLower(h) {
	case "contract", "deal", "extension", "agreement", "lease", "loan", "term", "tenure", "mandate", "pact":
		return true
	}
	return false
}

// signedNow reports whether date t's sentence names no date but t (or a
// date of birth) more than a month from the publication date: a deal "until" t is then made
// now ("signed an extension on Monday that runs until June 2029"), not
// at another time the sentence names ("agreed in 2025 a deal until
// 2030").
func signedNow(d *doc.Document, t *doc.Date) bool {
	for k := range d.Dates {
		u := &d.Dates[k]
		if u == t || u.Sentence != t.Sentence || u.From.IsZero() || u.Type != "date" && u.Type != "time" {
			continue
		}
		if before := strings.TrimSpace(d.Text[max(0, u.Start-8):u.Start]); strings.HasSuffix(before, "born in") || strings.HasSuffix(before, "born on") {
			continue // a date of birth dates no deal
		}
		if gap := u.From.Sub(d.Published); gap > 31*24*time.Hour || gap < -31*24*time.Hour {
			return false
		}
	}
	return true
}

// aheadOf reports whether duration q looks ahead from now, after "next",
// "coming" or "following" ("over the next 18 months"), and so is no time
// since a past date.
func aheadOf(d *doc.Document, q *doc.Quantity) bool {
	before := strings.Fields(strings.ToLower(d.Text[max(0, q.Start-24):q.Start]))
	if len(before) == 0 {
		return false
	}
	switch before[len(before)-1] {
	case "next", "coming", "following":
		return true
	}
	return false
}
