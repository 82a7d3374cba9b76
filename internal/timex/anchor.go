package timex

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// With no publication date an article still dates itself: a careful
// reader takes the year of "Tuesday, 21 October" and the day of "on
// Monday" from the full dates the article writes out. anchor does the
// same, after the scan, and only when the publication date is unknown
// (a known one decides everything, as the patterns resolve against it).
//
//   - A day and month with no year take a year from the article's full
//     dates (a day, a month and a year, written out). A weekday stated
//     with them decides: the one year, from the year before the anchor
//     date to the year after the article's latest full date, in which
//     that day falls on that weekday, and no year when none or several
//     do. With no weekday they take the year that puts them nearest the
//     anchor date, not before it when their clause speaks of the
//     future. The anchor date is the latest full date written in a
//     past-tense clause (the story's present is after it), or the
//     earliest full date when none is.
//   - A weekday alone ("on Monday", "Saturday's match") after a date
//     stated with its weekday ("Sunday, 6 October 2024") is the first
//     such day from that date on (before it after "last" or in the past
//     perfect: "had … on Friday"; after it after "next").
//   - "today", "yesterday", "tomorrow" or "tonight" inside a quotation
//     counts from the day the words were spoken: the day the sentence
//     names outside quotations, or else the last the sentence before it
//     in the paragraph names ("speaking late on Thursday, … said: “…
//     than yesterday”" is Wednesday). This one rule holds with a
//     publication date too, as TimeML resolves an indexical against the
//     time of its utterance, not the document's: there the day must be
//     named beside a word of speaking ("said on Saturday", "speaking
//     late on Thursday"), not after "before" or "ahead of", and lie in
//     the week before the publication date (`quotedDays`).
func (ru *run) anchor() {
	if len(ru.out) == 0 {
		return
	}
	if !ru.hasDCT {
		ru.yearless()
		ru.weekdaysAfterDated()
	}
	ru.quotedDays()
}

// fullDate reads a TIMEX3 value of a day, "2024-10-06".
func fullDate(v string) (time.Time, bool) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return time.Time{}, false
	}
	y, m, d := atoi(v[:4]), atoi(v[5:7]), atoi(v[8:])
	if !validDate(y, m, d) {
		return time.Time{}, false
	}
	return day(y, time.Month(m), d), true
}

// setValue gives date k the value v, and the interval v names.
func (ru *run) setValue(k int, v string) {
	dt := &ru.out[k]
	dt.Value = v
	if st, en, g, ok := interval(v); ok {
		dt.From, dt.To, dt.Granularity = st, en, g
	}
}

// statedWeekday returns the weekday date k opens with ("Tuesday, 21
// October"), if any.
func (ru *run) statedWeekday(k int) (time.Weekday, bool) {
	i := ru.firsts[k]
	if ru.is(i, "this", "last", "next", "past", "coming") {
		i++ // "last Friday, 13 March" (weekdayDated)
	}
	wd, _, ok := ru.weekday(i)
	return wd, ok
}

// yearless gives the days and months with no year the year the
// article's full dates give them (see anchor).
func (ru *run) yearless() {
	var anchor, latest, earliest time.Time
	for k, dt := range ru.out {
		t, ok := fullDate(dt.Value)
		if dt.Type != "date" || dt.Relative || !ok {
			continue
		}
		if latest.IsZero() || t.After(latest) {
			latest = t
		}
		if earliest.IsZero() || t.Before(earliest) {
			earliest = t
		}
		if ru.dir(ru.firsts[k]) < 0 && (anchor.IsZero() || t.After(anchor)) {
			anchor = t
		}
	}
	if latest.IsZero() {
		return
	}
	if anchor.IsZero() {
		anchor = earliest
	}
	for k, dt := range ru.out {
		v := dt.Value
		if dt.Type != "date" || len(v) != 10 || v[:5] != "XXXX-" || v[7] != '-' {
			continue
		}
		m, d := atoi(v[5:7]), atoi(v[8:])
		if m < 1 || d < 1 {
			continue
		}
		y := 0
		if wd, ok := ru.statedWeekday(k); ok {
			for yy := anchor.Year() - 1; yy <= latest.Year()+1; yy++ {
				if validDate(yy, m, d) && day(yy, time.Month(m), d).Weekday() == wd {
					if y != 0 {
						y = -1 // several years fit
						break
					}
					y = yy
				}
			}
		} else {
			future := ru.dir(ru.firsts[k]) > 0
			best := -1.0
			for yy := anchor.Year() - 1; yy <= anchor.Year()+1; yy++ {
				if !validDate(yy, m, d) {
					continue
				}
				dd := day(yy, time.Month(m), d).Sub(anchor).Hours() / 24
				if future && dd < 0 {
					continue
				}
				if dd < 0 {
					dd = -dd
				}
				if best < 0 || dd < best {
					y, best = yy, dd
				}
			}
		}
		if y > 0 {
			ru.setValue(k, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
		}
	}
}

// weekdaysAfterDated dates each weekday alone by the last date before it
// stated with its weekday (see anchor).
func (ru *run) weekdaysAfterDated() {
	var last time.Time // the last date stated with its right weekday
	for k, dt := range ru.out {
		v := dt.Value
		if t, ok := fullDate(v); ok && dt.Type == "date" {
			if wd, ok := ru.statedWeekday(k); ok && t.Weekday() == wd {
				last = t
			}
			continue
		}
		if last.IsZero() || len(v) < 10 || v[:9] != "XXXX-WXX-" {
			continue
		}
		wd := time.Weekday(atoi(v[9:10]) % 7)
		i := ru.firsts[k]
		if ru.is(i-1, "a", "every", "each") {
			continue // "on a Monday" is any Monday
		}
		which := ru.w(i)
		diff := (int(wd) - int(last.Weekday()) + 7) % 7 // 0 to 6 days on
		switch {
		case which == "last" || which == "past" || which == "previous" || ru.pastPerfect(i):
			diff -= 7
		case (which == "next" || which == "coming") && diff == 0:
			diff = 7
		}
		ru.setValue(k, fmtDay(last.AddDate(0, 0, diff))+v[10:])
	}
}

// pastPerfect reports whether the clause before word i is in the past
// perfect ("had been admitted on Friday").
func (ru *run) pastPerfect(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch ru.w(k) {
		case ",", ";", ":", "“", "”", "\"", "(", ")", ".", "—", "–":
			return false
		case "had", "'d", "’d":
			return true
		}
	}
	return false
}

// quotedDays dates "today", "yesterday", "tomorrow" and "tonight" in
// quotations by the day they were spoken (see anchor).
func (ru *run) quotedDays() {
	for k, dt := range ru.out {
		if dt.Value != "" && !ru.hasDCT || dt.Type != "date" && dt.Type != "time" {
			continue
		}
		i := ru.firsts[k]
		if ru.is(i, "late", "early") {
			continue // "late yesterday": a part of a day
		}
		off, part := 0, ""
		switch ru.w(i) {
		case "today":
		case "yesterday":
			off = -1
		case "tomorrow":
			off = 1
		case "tonight":
			part = "TNI"
		default:
			continue
		}
		if !ru.quoted(i) {
			continue
		}
		j, ok := ru.spokenDay(k)
		if !ok {
			continue
		}
		spoken := ru.out[j].Value[:10]
		if ru.hasDCT {
			t, ok := fullDate(spoken)
			f := ru.firsts[j]
			if !ok || !t.Before(ru.dct) || t.Before(ru.dct.AddDate(0, 0, -7)) || !ru.spokenBeside(f) || ru.is(f-1, "before", "until", "till") || ru.is(f-2, "ahead") && ru.is(f-1, "of") {
				continue
			}
		}
		if dt.Type == "time" && part == "" {
			part = "T" + ru.v(ru.wordAt(dt.End)-1).part
		}
		if t, ok := fullDate(spoken); ok {
			ru.setValue(k, fmtDay(t.AddDate(0, 0, off))+part)
			continue
		}
		wd := atoi(spoken[9:10]) // ISO, Monday 1
		ru.setValue(k, fmt.Sprintf("XXXX-WXX-%d", (wd-1+off+7)%7+1)+part)
	}
}

// spokenBeside reports whether a word of speaking stands within a few
// words of word i, outside quotations: "said on Saturday", "speaking
// late on Thursday", "told reporters after Sunday's game".
func (ru *run) spokenBeside(i int) bool {
	for k := max(0, i-6); k < min(len(ru.t.Words), i+6); k++ {
		if ru.is(k, "said", "says", "told", "tells", "speaking", "spoke", "added", "wrote", "tweeted", "posted", "insisted", "declared", "announced") && !ru.quoted(k) {
			return true
		}
	}
	return false
}

// spokenDay returns the date, outside quotations, of a day in date k's
// sentence (the nearest) or else the last in the sentence before it in
// its paragraph: a date of a day ("2024-10-06") or a weekday
// ("XXXX-WXX-4").
func (ru *run) spokenDay(k int) (int, bool) {
	s := ru.out[k].Sentence
	if s < 0 {
		return 0, false
	}
	best, bestGap := -1, 0
	prev := -1
	for j, dt := range ru.out {
		if j == k || !ru.namesDay(j) || ru.quoted(ru.firsts[j]) {
			continue
		}
		switch {
		case dt.Sentence == s:
			gap := ru.firsts[j] - ru.firsts[k]
			if gap < 0 {
				gap = -gap
			}
			if best < 0 || gap < bestGap {
				best, bestGap = j, gap
			}
		case s > 0 && dt.Sentence == s-1 && ru.d.Sentences[s-1].Para == ru.d.Sentences[s].Para:
			prev = j
		}
	}
	if best < 0 {
		best = prev
	}
	if best < 0 {
		return 0, false
	}
	return best, true
}

// namesDay reports whether date j names one day: a date of a day, or a
// weekday with no year ("XXXX-WXX-4"), with a part of it or without.
func (ru *run) namesDay(j int) bool {
	v := ru.out[j].Value
	if len(v) < 10 || len(v) > 10 && v[10] != 'T' {
		return false
	}
	if _, ok := fullDate(v[:10]); ok {
		return true
	}
	return v[:9] == "XXXX-WXX-" && v[9] >= '1' && v[9] <= '7'
}

// quoted reports whether word i is inside a quotation: after an opening
// quotation mark in its paragraph that no closing mark has closed.
func (ru *run) quoted(i int) bool {
	d := ru.d
	s := d.SentenceAt(ru.t.Words[i].Start)
	if s < 0 {
		return false
	}
	in := false
	for k := ru.wordAt(d.Paragraphs[d.Sentences[s].Para].Start); k < i; k++ {
		switch ru.w(k) {
		case "“":
			in = true
		case "”":
			in = false
		case "\"":
			in = !in
		}
	}
	return in
}

// spanEnds dates a weekday alone that ends a span opening with a
// weekday ("from Tuesday morning until Thursday morning", "between last
// Friday and Monday") as the first such day after the day it opens with,
// whatever the tense says of the weekday alone; the same weekday is a
// week on. A span opening with a date may be longer ("from Sept. 14 to
// Thursday").
func (ru *run) spanEnds() {
	for k := 1; k < len(ru.out); k++ {
		a, b := &ru.out[k-1], &ru.out[k]
		if a.Sentence != b.Sentence || !ru.is(ru.firsts[k-1]-1, "from", "between") {
			continue
		}
		first := ru.firsts[k-1]
		if ru.is(first, "last", "this", "next", "past", "previous", "coming") {
			first++
		}
		start, ok := fullDate(dayOf(a.Value))
		if _, _, wd := ru.weekday(first); !ok || !wd {
			continue
		}
		wd, e, ok := ru.weekday(ru.firsts[k])
		if !ok || len(b.Value) < 10 {
			continue
		}
		if ru.v(e).part != "" {
			e++
		}
		if e < len(ru.t.Words) && ru.t.Words[e].Start < b.End {
			continue // "Thursday, 5 March" says its day
		}
		gap := strings.TrimSpace(ru.d.Text[a.End:b.Start])
		if !strings.EqualFold(gap, "to") && !strings.EqualFold(gap, "until") && !strings.EqualFold(gap, "till") &&
			!strings.EqualFold(gap, "through") && !strings.EqualFold(gap, "and") {
			continue
		}
		diff := (int(wd)-int(start.Weekday())+6)%7 + 1 // 1 to 7 days on
		ru.setValue(k, fmtDay(start.AddDate(0, 0, diff))+b.Value[10:])
	}
}

// contextDays gives the times with no day of their own the day their
// context names. A clock time ("by 8pm") takes the day its sentence
// names: the last day named before it in the sentence ("arrive on
// Wednesday by 10am"), else the first after it with no comma between; in
// a sentence that names no day but refers back to one ("that morning",
// "that evening"), the last day named before it in its paragraph. The
// day named wins over the publication date. A part of a day after "that"
// ("that morning") is on the last day named before it in its paragraph,
// and has no value when none is.
func (ru *run) contextDays() {
	for _, k := range ru.bare {
		dt := &ru.out[k]
		s := dt.Sentence
		if s < 0 {
			continue
		}
		if dt.Value == "" { // "that morning"
			if day := ru.dayBefore(k, ru.d.Sentences[s].Para); day != "" {
				ru.setValue(k, day+"T"+ru.v(ru.firsts[k]+1).part)
			}
			continue
		}
		day := ""
		for j := k - 1; j >= 0 && ru.out[j].Sentence == s && day == ""; j-- {
			day = dayOf(ru.out[j].Value)
		}
		for j := k + 1; j < len(ru.out) && ru.out[j].Sentence == s && day == ""; j++ {
			if strings.Contains(ru.d.Text[dt.End:ru.out[j].Start], ",") {
				break
			}
			if !slices.Contains(ru.bare, j) { // not "(0735 GMT)" after "10:35 a.m.": no day of its own
				day = dayOf(ru.out[j].Value)
			}
		}
		if day == "" && ru.refersBack(s) {
			day = ru.dayBefore(k, ru.d.Sentences[s].Para)
		}
		if day != "" {
			if t := strings.IndexByte(dt.Value, 'T'); t == 10 {
				ru.setValue(k, day+dt.Value[t:])
			}
		}
	}
}

// dayBefore returns the last day named before date k in paragraph
// para, or "".
func (ru *run) dayBefore(k, para int) string {
	for j := k - 1; j >= 0; j-- {
		if o := ru.out[j].Sentence; o < 0 || ru.d.Sentences[o].Para != para {
			break
		}
		if day := dayOf(ru.out[j].Value); day != "" {
			return day
		}
	}
	return ""
}

// dayOf returns the day a date or time value names ("2024-05-12" of
// "2024-05-12TMO", "XXXX-WXX-7" of "XXXX-WXX-7T18:30"), or "".
func dayOf(v string) string {
	if len(v) < 10 || len(v) > 10 && v[10] != 'T' || !dayValue(v[:10]) {
		return ""
	}
	return v[:10]
}

// refersBack reports whether sentence s refers back to a day named
// before it: "that morning", "that evening", "that day", "that night".
func (ru *run) refersBack(s int) bool {
	sp := ru.d.Sentences[s].Span
	lower := ru.t.Lower[sp.Start:sp.End]
	for k := strings.Index(lower, "that "); k >= 0; {
		rest := lower[k+len("that "):]
		for _, w := range []string{"morning", "afternoon", "evening", "night", "day"} {
			if strings.HasPrefix(rest, w) && (len(rest) == len(w) || rest[len(w)] < 'a' || rest[len(w)] > 'z') {
				return true
			}
		}
		n := strings.Index(rest, "that ")
		if n < 0 {
			break
		}
		k += len("that ") + n
	}
	return false
}
