package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// weekdays checks a date written with its weekday, day, month and year
// ("Thursday, March 15, 2024", "Tue 4 June 2024"): the calendar must put
// that day on that weekday. A date whose year the text leaves out is not
// checked, as the year read for it may be another than the writer's.
func weekdays(d *doc.Document, out []doc.Check) []doc.Check {
	for i := range d.Dates {
		t := &d.Dates[i]
		if t.Type != "date" && t.Type != "time" || t.From.IsZero() || t.Granularity != "day" && t.Type == "date" {
			continue
		}
		text := d.Slice(t.Span)
		wd, ok := openingWeekday(text)
		if !ok || !writesYear(text, t.From.Year()) {
			continue
		}
		day := t.From
		if day.Weekday() == wd {
			continue
		}
		out = append(out, doc.Check{
			Kind: "weekday", Severity: "error", Spans: []doc.Span{t.Span},
			Message: fmt.Sprintf("%s: %s is a %s, not a %s", text, day.Format("2 January 2006"), day.Weekday(), wd),
		})
	}
	return out
}

// weekdayNames are the weekdays' names and abbreviations, in lower case.
var weekdayNames = []struct {
	name string
	day  time.Weekday
}{
	{"monday", time.Monday}, {"tuesday", time.Tuesday}, {"wednesday", time.Wednesday}, {"thursday", time.Thursday},
	{"friday", time.Friday}, {"saturday", time.Saturday}, {"sunday", time.Sunday},
	{"mon", time.Monday}, {"tues", time.Tuesday}, {"tue", time.Tuesday}, {"wed", time.Wednesday},
	{"thurs", time.Thursday}, {"thur", time.Thursday}, {"thu", time.Thursday}, {"fri", time.Friday},
	{"sat", time.Saturday}, {"sun", time.Sunday},
}

// openingWeekday returns the weekday a date's text opens with, if any:
// its name or abbreviation as a whole word.
func openingWeekday(s string) (time.Weekday, bool) {
	for _, w := range weekdayNames {
		if len(s) < len(w.name) || !strings.EqualFold(s[:len(w.name)], w.name) {
			continue
		}
		if rest := s[len(w.name):]; rest == "" || rest[0] == ',' || rest[0] == ' ' || rest[0] == '.' {
			return w.day, true
		}
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
