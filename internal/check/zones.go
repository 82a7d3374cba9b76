package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// zoneOffset is the offset from UTC a local time and its time in UTC
// side by side imply.
type zoneOffset struct {
	local, utc int // indexes into Document.Dates
	offset     time.Duration
}

// zones checks local times given with their time in UTC (or GMT) in
// brackets or after ", or": "at 03:42 local time on Tuesday (21:42 UTC on
// Monday)". Each pair implies an offset from UTC, which must be one a
// time zone has (a multiple of 15 minutes from UTC-12 to UTC+14); and
// two pairs of one place within a week of each other must imply the same
// offset ("11:15 local time on Wednesday (04:15 UTC)" is UTC+7, not +6):
// a pair is flagged when no pair of the week before it has its offset.
// A time in UTC with no day of its own may be on the day before or
// after the local one.
func zones(d *doc.Document, out []doc.Check) []doc.Check {
	var seen []zoneOffset
	for i := 0; i+1 < len(d.Dates); i++ {
		a, b := &d.Dates[i], &d.Dates[i+1]
		if a.Type != "time" || b.Type != "time" || a.Granularity != "minute" || b.Granularity != "minute" || a.Sentence != b.Sentence {
			continue
		}
		if !strings.Contains(d.Slice(a.Span), "local time") || !utcTime(d.Slice(b.Span)) || !conversionLink(between(d, a.Span, b.Span), d.Text, b.End) {
			continue
		}
		off := a.From.Sub(b.From)
		if off > 14*time.Hour {
			off -= 24 * time.Hour
		} else if off < -12*time.Hour {
			off += 24 * time.Hour
		}
		if off < -12*time.Hour || off > 14*time.Hour || off%(15*time.Minute) != 0 {
			out = append(out, doc.Check{
				Kind: "zone", Severity: "error", Spans: []doc.Span{a.Span, b.Span},
				Message: fmt.Sprintf("%s (%s) is UTC%s, which no time zone is", d.Slice(a.Span), d.Slice(b.Span), utcOffset(off)),
			})
			continue
		}
		// Another offset than every pair of the week before it.
		var other *zoneOffset
		for k := range seen {
			z := &seen[k]
			if gap := a.From.Sub(d.Dates[z.local].From); gap >= 7*24*time.Hour || gap <= -7*24*time.Hour {
				continue
			}
			if z.offset == off {
				other = nil
				break
			}
			if other == nil {
				other = z
			}
		}
		if z := other; z != nil {
			p := &d.Dates[z.local]
			out = append(out, doc.Check{
				Kind: "zone", Severity: "warning", Spans: []doc.Span{p.Span, d.Dates[z.utc].Span, a.Span, b.Span},
				Message: fmt.Sprintf("%s (%s) is UTC%s, but %s (%s) is UTC%s", d.Slice(p.Span), d.Slice(d.Dates[z.utc].Span), utcOffset(z.offset), d.Slice(a.Span), d.Slice(b.Span), utcOffset(off)),
			})
		}
		seen = append(seen, zoneOffset{local: i, utc: i + 1, offset: off})
		i++
	}
	return out
}

// utcTime reports whether a time's text gives it in UTC or GMT.
func utcTime(s string) bool {
	return strings.Contains(s, " UTC") || strings.Contains(s, " GMT")
}

// utcOffset writes an offset from UTC: "+6", "-3:30".
func utcOffset(off time.Duration) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := int(off/time.Hour), int(off%time.Hour/time.Minute)
	if m == 0 {
		return fmt.Sprintf("%s%d", sign, h)
	}
	return fmt.Sprintf("%s%d:%02d", sign, h, m)
}
