package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// day returns the date y-m-d at midnight UTC; out-of-range days roll
// over as time.Date does.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// truncDay returns t's date at midnight UTC.
func truncDay(t time.Time) time.Time { return day(t.Year(), t.Month(), t.Day()) }

// isoWeek returns the ISO year and week of t.
func isoWeek(t time.Time) (int, int) { return t.ISOWeek() }

// weekStart returns the Monday of ISO week w of year y.
func weekStart(y, w int) time.Time {
	// January 4th is always in week 1.
	jan4 := day(y, time.January, 4)
	wd := int(jan4.Weekday()+6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+(w-1)*7)
}

// fmtDay, fmtMonth, fmtYear and fmtWeek write TIMEX3 date values.
func fmtDay(t time.Time) string   { return t.Format("2006-01-02") }
func fmtMonth(t time.Time) string { return t.Format("2006-01") }
func fmtYear(y int) string        { return fmt.Sprintf("%04d", y) }
func fmtWeek(t time.Time) string {
	y, w := isoWeek(t)
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// quarterOf returns the quarter (1-4) of month m.
func quarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

// seasonCodes are TimeML's season codes, and the month each season
// starts in (meteorological seasons, northern hemisphere).
var seasonCodes = map[string]struct {
	code  string
	start time.Month
}{
	"spring": {"SP", time.March},
	"summer": {"SU", time.June},
	"fall":   {"FA", time.September},
	"autumn": {"FA", time.September},
	"winter": {"WI", time.December},
}

// interval returns the time interval a TIMEX3 date or time value covers,
// end exclusive, with its granularity; ok is false for values that do not
// name an interval (durations, references, values with X).
func interval(v string) (start, end time.Time, gran string, ok bool) {
	if v == "" || strings.ContainsRune(v, 'X') || v[0] == 'P' || strings.HasSuffix(v, "_REF") {
		return
	}
	if a, b, found := strings.Cut(v, "/"); found {
		// A year running over two calendar years: "2027/2028".
		y, err1 := strconv.Atoi(a)
		y2, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || len(a) != 4 || y2 != y+1 {
			return
		}
		return day(y, 1, 1), day(y2+1, 1, 1), "split year", true
	}
	date, clock, hasT := strings.Cut(v, "T")
	parts := strings.Split(date, "-")
	for _, p := range parts {
		if p == "" {
			return
		}
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil {
		return
	}
	switch len(parts[0]) {
	case 2: // a century: "19"
		s := day(y*100, 1, 1)
		return s, s.AddDate(100, 0, 0), "century", true
	case 3: // a decade: "199"
		s := day(y*10, 1, 1)
		return s, s.AddDate(10, 0, 0), "decade", true
	case 4:
	default:
		return
	}
	if len(parts) == 1 {
		s := day(y, 1, 1)
		return s, s.AddDate(1, 0, 0), "year", true
	}
	p := parts[1]
	switch {
	case len(p) == 3 && p[0] == 'W':
		w, err := strconv.Atoi(p[1:])
		if err != nil || w < 1 || w > 53 {
			return
		}
		s := weekStart(y, w)
		if len(parts) == 3 && parts[2] == "WE" {
			return s.AddDate(0, 0, 5), s.AddDate(0, 0, 7), "weekend", true
		}
		return s, s.AddDate(0, 0, 7), "week", true
	case len(p) == 2 && p[0] == 'Q':
		q := int(p[1] - '0')
		if q < 1 || q > 4 {
			return
		}
		s := day(y, time.Month(3*q-2), 1)
		return s, s.AddDate(0, 3, 0), "quarter", true
	case len(p) == 2 && p[0] == 'H':
		h := int(p[1] - '0')
		if h < 1 || h > 2 {
			return
		}
		s := day(y, time.Month(6*h-5), 1)
		return s, s.AddDate(0, 6, 0), "half", true
	case p == "SP" || p == "SU" || p == "FA" || p == "WI":
		for _, sc := range seasonCodes {
			if sc.code == p {
				s := day(y, sc.start, 1)
				return s, s.AddDate(0, 3, 0), "season", true
			}
		}
		return
	}
	m, err := strconv.Atoi(p)
	if err != nil || m < 1 || m > 12 {
		return
	}
	if len(parts) == 2 {
		s := day(y, time.Month(m), 1)
		return s, s.AddDate(0, 1, 0), "month", true
	}
	d, err := strconv.Atoi(parts[2])
	if err != nil || d < 1 || d > 31 {
		return
	}
	s := day(y, time.Month(m), d)
	if !hasT {
		return s, s.AddDate(0, 0, 1), "day", true
	}
	switch clock {
	case "MO":
		return s.Add(6 * time.Hour), s.Add(12 * time.Hour), "part of day", true
	case "AF":
		return s.Add(12 * time.Hour), s.Add(18 * time.Hour), "part of day", true
	case "EV":
		return s.Add(18 * time.Hour), s.Add(22 * time.Hour), "part of day", true
	case "NI":
		return s.Add(20 * time.Hour), s.Add(30 * time.Hour), "part of day", true
	case "DT":
		return s.Add(9 * time.Hour), s.Add(17 * time.Hour), "part of day", true
	}
	hh, mm, hasMin := strings.Cut(clock, ":")
	h, err := strconv.Atoi(hh)
	if err != nil || h < 0 || h > 24 {
		return
	}
	s = s.Add(time.Duration(h) * time.Hour)
	if !hasMin {
		return s, s.Add(time.Hour), "hour", true
	}
	mi, err := strconv.Atoi(mm)
	if err != nil || mi < 0 || mi > 59 {
		return
	}
	s = s.Add(time.Duration(mi) * time.Minute)
	return s, s.Add(time.Minute), "minute", true
}

// durationValue writes a TIMEX3 duration: "P3Y", "PT3H", "P2Y6M",
// "PXD"; decades and centuries in years ("P20Y").
func durationValue(n float64, unit string, vague bool) string {
	if !vague {
		switch unit {
		case "decade":
			n, unit = n*10, "year"
		case "century":
			n, unit = n*100, "year"
		case "millennium":
			n, unit = n*1000, "year"
		}
		if whole := float64(int(n)); n != whole && n < 1e6 {
			// Fractions in the next smaller unit: "2 1/2 years" is P2Y6M.
			frac := n - whole
			switch unit {
			case "year":
				return fmt.Sprintf("P%s%.0fM", wholePart(whole, "Y"), frac*12)
			case "day":
				return fmt.Sprintf("P%sT%.0fH", wholePart(whole, "D"), frac*24)
			case "hour":
				return fmt.Sprintf("PT%s%.0fM", wholePart(whole, "H"), frac*60)
			case "minute":
				return fmt.Sprintf("PT%s%.0fS", wholePart(whole, "M"), frac*60)
			}
		}
	}
	code, timePart := unitCode(unit)
	num := "X"
	if !vague {
		num = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if timePart {
		return "PT" + num + code
	}
	return "P" + num + code
}

func wholePart(w float64, code string) string {
	if w == 0 {
		return ""
	}
	return strconv.FormatFloat(w, 'f', -1, 64) + code
}

// unitCode returns the TIMEX3 code of a time unit and whether it is a
// time-of-day unit (written after "T").
func unitCode(unit string) (string, bool) {
	switch unit {
	case "second":
		return "S", true
	case "minute":
		return "M", true
	case "hour":
		return "H", true
	case "day":
		return "D", false
	case "week":
		return "W", false
	case "fortnight":
		return "W", false // callers double the number
	case "month":
		return "M", false
	case "quarter":
		return "Q", false
	case "year":
		return "Y", false
	case "decade":
		return "DE", false
	case "century":
		return "CE", false
	case "millennium":
		return "ML", false
	}
	return "", false
}
