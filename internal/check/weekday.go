package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// weekdays checks a date written with its weekday, day, month and year
// ("Thursday, March 15, 2024", "Tue 4 June 2024"): the calendar must put
// that day on that weekday. A date whose year the text leaves out is
// checked only within two months of the publication date ("arrived on
// Thursday, 4 March", published on 7 March), where no writer means
// another year than the one read for it, and only when another date the
// article writes with its weekday falls on it in that year, so that a
// wrong publication date (a crawl's, a feed's) raises no alarm; further
// off, the year read may be another than the writer's.
func weekdays(d *doc.Document, out []doc.Check) []doc.Check {
	for i := range d.Dates {
		t := &d.Dates[i]
		if t.Type != "date" && t.Type != "time" || t.From.IsZero() || t.Granularity != "day" && t.Type == "date" {
			continue
		}
		text := d.Slice(t.Span)
		wd, ok := openingWeekday(dropWhich(text))
		day := t.From
		if !ok || day.Weekday() == wd {
			continue
		}
		if !writesYear(text, t.From.Year()) && (!nearPublication(d, t.From) || !weekdayFits(d, i, t.From.Year())) {
			continue
		}
		out = append(out, doc.Check{
			Kind: "weekday", Severity: "error", Spans: []doc.Span{t.Span},
			Message: fmt.Sprintf("%s: %s is a %s, not a %s", text, day.Format("2 January 2006"), day.Weekday(), wd),
		})
	}
	return out
}

// nearPublication reports whether day lies within two months of d's
// publication date, when it has one.
func nearPublication(d *doc.Document, day time.Time) bool {
	if d.Published.IsZero() {
		return false
	}
	gap := day.Sub(d.Published)
	return gap < 61*24*time.Hour && gap > -61*24*time.Hour
}

// weekdayFits reports whether a date of d other than date i, in year y,
// is written with its day of the month and the weekday the calendar
// gives it.
func weekdayFits(d *doc.Document, i, y int) bool {
	for k := range d.Dates {
		t := &d.Dates[k]
		if k == i || t.From.IsZero() || t.From.Year() != y || t.Type == "date" && t.Granularity != "day" {
			continue
		}
		text := d.Slice(t.Span)
		if !strings.ContainsAny(text, "0123456789") {
			continue // a weekday alone is read from the publication date
		}
		if j := strings.LastIndex(text, " on "); j >= 0 {
			text = text[j+len(" on "):] // "03:42 local time on Tuesday, 3 March"
		}
		if wd, ok := openingWeekday(text); ok && t.From.Weekday() == wd {
			return true
		}
	}
	return false
}

// openingWeekday returns the weekday a date's text opens with, if any:
// its name or abbreviation as a whole word, in any case.
func openingWeekday(s string) (time.Weekday, bool) {
	var b [9]byte
	n := 0
	for ; n < len(s) && n < len(b); n++ {
		c := s[n] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		b[n] = c
	}
	if n < len(s) && s[n] != ',' && s[n] != ' ' && s[n] != '.' {
		return 0, false
	}
	switch string(b[:n]) {
	case "monday", "mon":
		return time.Monday, true
	case "tuesday", "tues", "tue":
		return time.Tuesday, true
	case "wednesday", "wed":
		return time.Wednesday, true
	case "thursday", "thurs", "thur", "thu":
		return time.Thursday, true
	case "friday", "fri":
		return time.Friday, true
	case "saturday", "sat":
		return time.Saturday, true
	case "sunday", "sun":
		return time.Sunday, true
	}
	return 0, false
}

// writesYear reports whether s writes year y in digits: a run of
// digits of that value.
func writesYear(s string, y int) bool {
	for k := 0; k < len(s); {
		if s[k] < '0' || s[k] > '9' {
			k++
			continue
		}
		v := 0
		for ; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
			v = v*10 + int(s[k]-'0')
			if v > y {
				v = y + 1 // too long: no year
			}
		}
		if v == y {
			return true
		}
	}
	return false
}

// dropWhich drops the "this", "last" or "next" a weekday written with its
// date may open with ("this Sunday, Nov. 10, 2019").
func dropWhich(s string) string {
	for _, w := range []string{"this ", "last ", "next ", "This ", "Last ", "Next "} {
		if strings.HasPrefix(s, w) {
			return s[len(w):]
		}
	}
	return s
}
