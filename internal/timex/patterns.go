package timex

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quantity"
)

// The patterns. Each reads a temporal expression that starts at word i
// and returns it, or false.

// Tables the patterns read.
var (
	// boundaryMods are the modifiers of "the end of", "the beginning
	// of" ...
	boundaryMods = map[string]string{"end": "END", "beginning": "START", "start": "START", "middle": "MID", "turn": "START"}
	// partMods are the modifiers of "early", "late" and "mid".
	partMods = map[string]string{"early": "START", "late": "END", "mid": "MID"}
	// whichSteps count the periods from now of "this", "last" ...
	whichSteps = map[string]int{"this": 0, "last": -1, "next": 1, "latest": -1, "the": 0}
	// agoMods turn a duration's hedge into a date's: "more than a year
	// ago" is before the date a year ago.
	agoMods = map[string]string{"LESS_THAN": "AFTER", "MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE", "EQUAL_OR_LESS": "ON_OR_AFTER"}
	// agoRefs are the vague dates before and after now.
	agoRefs = map[int]string{-1: "PAST_REF", 1: "FUTURE_REF"}
	// spokenCenturies are the hundreds of a year in words.
	spokenCenturies = map[string]int{"nineteen": 19, "eighteen": 18, "twenty": 20, "seventeen": 17}
)

// absolute reads calendar dates: "March 22, 2013", "22 March 2013",
// "Friday, March 22", "March 2022", "the 4th of July", "2013-03-22",
// "3/22/2013", and a month alone in a date's context ("in March", "last
// August", "early December").
func (ru *run) absolute(i int) (cand, bool) {
	t := &ru.t
	// ISO dates: 2013-03-22.
	if t.Kind(i) == quantity.Digits && len(ru.w(i)) == 4 && ru.w(i+1) == "-" && t.Glued(i+1) && t.Kind(i+2) == quantity.Digits && t.Glued(i+2) && ru.w(i+3) == "-" && t.Glued(i+3) && t.Kind(i+4) == quantity.Digits && t.Glued(i+4) {
		y, m, d := atoi(ru.w(i)), atoi(ru.w(i+2)), atoi(ru.w(i+4))
		if validDate(y, m, d) {
			return cand{first: i, end: i + 5, typ: "date", value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, true
		}
	}
	// Numeric dates with slashes: 3/22/2013, 22/3/2013, 3/22/13.
	if t.Kind(i) == quantity.Digits && ru.w(i+1) == "/" && t.Glued(i+1) && t.Kind(i+2) == quantity.Digits && t.Glued(i+2) && ru.w(i+3) == "/" && t.Glued(i+3) && t.Kind(i+4) == quantity.Digits && t.Glued(i+4) {
		a, b, y := atoi(ru.w(i)), atoi(ru.w(i+2)), atoi(ru.w(i+4))
		if len(ru.w(i+4)) == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
		m, d := a, b
		if a > 12 {
			m, d = b, a
		}
		if validDate(y, m, d) {
			return cand{first: i, end: i + 5, typ: "date", value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, true
		}
	}
	first := i
	j := i
	// A weekday before the date: "Friday, March 22".
	if _, e, ok := ru.weekday(j); ok {
		k := e
		if ru.w(k) == "," {
			k++
		}
		if _, _, ok := ru.month(k); ok {
			j = k
		} else if _, _, ok := ru.dayNum(k); ok {
			if _, _, ok := ru.month(k + 1); ok {
				j = k
			}
		}
	}
	// "the 4th of July"
	if ru.w(j) == "the" {
		if d, e, ok := ru.dayNum(j + 1); ok && ru.w(e) == "of" {
			if m, e2, ok := ru.month(e + 1); ok {
				return ru.monthDay(first, e2, m, d)
			}
		}
	}
	if m, e, ok := ru.month(j); ok {
		k := e
		if d, e2, ok := ru.dayNum(k); ok && !(t.Kind(k) == quantity.Digits && len(ru.w(k)) == 4) {
			return ru.monthDay(first, e2, m, d)
		}
		// "Nov, 29, 2016": a comma slipped in after the month, with the
		// year to show the day is one.
		if ru.w(k) == "," {
			if d, e2, ok := ru.dayNum(k + 1); ok && ru.w(e2) == "," {
				if y, ok := ru.yearNum(e2 + 1); ok && validDate(y, int(m), d) {
					return cand{first: first, end: e2 + 2, typ: "date", value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, true
				}
			}
		}
		// "March 2022", "March of 2022", "March, 2022"
		k2 := k
		if ru.is(k2, "of", ",") {
			k2++
		}
		if y, ok := ru.yearNum(k2); ok {
			return cand{first: first, end: k2 + 1, typ: "date", value: fmt.Sprintf("%04d-%02d", y, m)}, true
		}
		if j > first {
			return cand{}, false
		}
		return ru.monthAlone(i, m, e)
	}
	// Day first: "22 March 2013", "22nd of March".
	if d, e, ok := ru.dayNum(j); ok {
		k := e
		if ru.w(k) == "of" {
			k++
		}
		if m, e2, ok := ru.month(k); ok {
			return ru.monthDay(first, e2, m, d)
		}
	}
	return cand{}, false
}

// monthDay finishes a date of month m, day d, ending at word e: a year
// may follow ("March 22, 2013"); otherwise the year comes from the
// publication date and the sentence's tense.
func (ru *run) monthDay(first, e int, m time.Month, d int) (cand, bool) {
	k := e
	if ru.w(k) == "," {
		k++
	}
	if y, ok := ru.yearNum(k); ok && validDate(y, int(m), d) {
		return cand{first: first, end: k + 1, typ: "date", value: fmt.Sprintf("%04d-%02d-%02d", y, m, d)}, true
	}
	if d > 31 {
		return cand{}, false
	}
	c := cand{first: first, end: e, typ: "date", rel: true}
	if !ru.hasDCT {
		c.value = fmt.Sprintf("XXXX-%02d-%02d", m, d)
		return c, true
	}
	y := ru.nearestYear(ru.dir(first), func(y int) time.Time { return day(y, m, d) })
	if !validDate(y, int(m), d) {
		return cand{}, false
	}
	c.value = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	return c, true
}

// nearestYear returns the year, among the publication year and the
// years either side, that puts the date at(y) nearest the publication
// date, counting a date on the wrong side of the sentence's tense
// (dir) as twice as far.
func (ru *run) nearestYear(dir int, at func(y int) time.Time) int {
	best, bestD := ru.dct.Year(), -1.0
	for _, y := range []int{ru.dct.Year() - 1, ru.dct.Year(), ru.dct.Year() + 1} {
		dd := at(y).Sub(ru.dct).Hours() / 24 // after the publication date when > 0
		if dir < 0 && dd > 0 || dir > 0 && dd < 0 {
			dd *= 2
		}
		dd = math.Abs(dd)
		if bestD < 0 || dd < bestD {
			best, bestD = y, dd
		}
	}
	return best
}

// monthAlone reads a month named without a day or year, when the words
// around it make it a date: "in March", "last August", "early December",
// "since June". The year follows the modifier, or the tense.
func (ru *run) monthAlone(i int, m time.Month, e int) (cand, bool) {
	first := i
	mod := ""
	which := ""
	k := i - 1
	switch ru.w(k) {
	case "last", "next", "this", "past", "coming":
		which = ru.w(k)
		first = k
		k--
	}
	switch ru.w(k) {
	case "early":
		mod, first = "START", k
	case "late":
		mod, first = "END", k
	case "mid":
		mod, first = "MID", k
	case "-":
		if ru.w(k-1) == "mid" && ru.t.Glued(k) {
			mod, first = "MID", k-1
		}
	}
	if which == "" && mod == "" {
		switch ru.w(i - 1) {
		case "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
			"of", "between", "and", "to", "each", "every", "on", "throughout", "around":
		default:
			if !ru.monthModifier(i, m, e) {
				return cand{}, false
			}
		}
		if ru.cap(i-2) && ru.w(i-1) == "of" {
			return cand{}, false // "the Bank of May"? a name
		}
	}
	if ru.cap(e) && ru.t.Kind(e) == quantity.Letters {
		return cand{}, false // "June Carter": a name
	}
	c := cand{first: first, end: e, typ: "date", mod: mod, rel: true}
	if !ru.hasDCT {
		c.value = fmt.Sprintf("XXXX-%02d", m)
		return c, true
	}
	y, cm := ru.dct.Year(), ru.dct.Month()
	switch which {
	case "last", "past":
		if m >= cm {
			y--
		}
	case "next", "coming":
		if m <= cm {
			y++
		}
	case "this":
	default:
		if m > cm && ru.pastVerb(first) {
			y-- // "said he had seen him score in October" (published in July)
		} else if m != cm {
			y = ru.nearestYear(ru.dir(i), func(y int) time.Time { return day(y, m, 15) })
		}
	}
	c.value = fmt.Sprintf("%04d-%02d", y, m)
	return c, true
}

// monthModifier reports whether the month at word i, ending at word e,
// modifies the noun after it, after "the" or a possessive: "the March
// high", "Norway's October output". The month is capitalised, not May
// ("the May government"), and the word after it is a word in lower case
// that is no preposition or conjunction ("the March on Washington").
func (ru *run) monthModifier(i int, m time.Month, e int) bool {
	if m == time.May || !ru.cap(i) || e != i+1 || ru.t.Kind(e) != quantity.Letters || ru.cap(e) {
		return false
	}
	if ru.is(e, "of", "on", "to", "for", "and", "or", "in", "at", "by", "from", "with") {
		return false
	}
	prev := ru.t.W(i - 1)
	return ru.is(i-1, "the") || ru.t.Kind(i-1) == quantity.Letters && stripPossessive(prev) != prev
}

// dayNum reads a day of the month at word i: "22", "22nd", "twenty-second".
func (ru *run) dayNum(i int) (int, int, bool) {
	t := &ru.t
	if t.Kind(i) == quantity.Digits {
		w := ru.w(i)
		if len(w) > 2 {
			return 0, i, false
		}
		d := atoi(w)
		e := i + 1
		if t.Kind(e) == quantity.Letters && t.Glued(e) && ru.is(e, "st", "nd", "rd", "th") {
			e++
		}
		if d >= 1 && d <= 31 && !(ru.w(e) == ":" && t.Glued(e)) && t.Kind(e) != quantity.Letters || d >= 1 && d <= 31 && t.Kind(e) == quantity.Letters && !t.Glued(e) {
			return d, e, true
		}
		return 0, i, false
	}
	if v, e, ok := t.Ordinal(i); ok && v >= 1 && v <= 31 && t.Kind(i) == quantity.Letters {
		return int(v), e, true
	}
	return 0, i, false
}

// yearNum reads a four-digit year at word i.
func (ru *run) yearNum(i int) (int, bool) {
	t := &ru.t
	w := ru.w(i)
	if t.Kind(i) != quantity.Digits || len(w) != 4 {
		return 0, false
	}
	y := atoi(w)
	if y < 1000 || y > 2199 {
		return 0, false
	}
	if t.Kind(i+1) == quantity.Letters && t.Glued(i+1) {
		return 0, false
	}
	return y, true
}

// yearExpr reads years, decades and centuries: "2014", "in 1989",
// "fiscal 2013", "mid-2022", "early 2011", "the end of 2012", "the
// 1990s", "the '90s", "the 20th century", "this century".
func (ru *run) yearExpr(i int) (cand, bool) {
	t := &ru.t
	first, j := i, i
	mod := ""
	// Leading modifiers.
	switch {
	case ru.is(j, "early"):
		mod, j = "START", j+1
	case ru.is(j, "late"):
		mod, j = "END", j+1
	case ru.is(j, "mid") && ru.hyphen(j+1) && t.Glued(j+1):
		mod, j = "MID", j+2
	case ru.is(j, "mid") || ru.is(j, "mid-"):
		mod, j = "MID", j+1
	case ru.is(j, "the") && ru.is(j+1, "end", "beginning", "start", "middle", "turn") && ru.is(j+2, "of"):
		mod = boundaryMods[ru.w(j+1)]
		j += 3
	}
	if ru.is(j, "the") && ru.is(j+1, "early", "late", "mid") {
		mod = partMods[ru.w(j+1)]
		j += 2
		if ru.hyphen(j) {
			j++
		}
	}
	// Fiscal years: "fiscal 2013", "fiscal year 2013", "fiscal 2026-27",
	// "FY2027", "FY27", "FY2027/28".
	if ru.is(j, "fiscal") {
		k := j + 1
		if ru.is(k, "year") {
			k++
		}
		if y, ok := ru.yearNum(k); ok {
			if e, ok := ru.splitYear(k, y); ok {
				return cand{first: first, end: e, typ: "date", value: splitValue(y), mod: mod, fiscal: true}, true
			}
			return cand{first: first, end: k + 1, typ: "date", value: fmtYear(y), mod: mod, fiscal: true}, true
		}
	}
	if y, k, ok := ru.fyYear(j); ok {
		if e, ok := ru.splitYear(k-1, y); ok {
			return cand{first: first, end: e, typ: "date", value: splitValue(y), mod: mod, fiscal: true}, true
		}
		return cand{first: first, end: k, typ: "date", value: fmtYear(y), mod: mod, fiscal: true}, true
	}
	// Decades: "the 1990s", "1990s", "the '90s", "the nineties".
	k := j
	if ru.is(k, "the") {
		k++
		if ru.is(k, "early", "late", "mid") && mod == "" {
			mod = partMods[ru.w(k)]
			k++
			if ru.hyphen(k) {
				k++
			}
		}
	}
	if t.Kind(k) == quantity.Digits && len(ru.w(k)) == 4 && ru.w(k+1) == "s" && t.Glued(k+1) {
		y := atoi(ru.w(k))
		if y%10 == 0 && y >= 1000 && y < 2200 {
			return cand{first: first, end: k + 2, typ: "date", value: strconv.Itoa(y / 10), mod: mod}, true
		}
	}
	if ru.is(k, "'", "’", "‘") && t.Kind(k+1) == quantity.Digits && len(ru.w(k+1)) == 2 && ru.w(k+2) == "s" && t.Glued(k+2) {
		y := atoi(ru.w(k + 1))
		if y%10 == 0 {
			c := 19
			if ru.hasDCT && y <= ru.dct.Year()%100 {
				c = 20
			}
			return cand{first: first, end: k + 3, typ: "date", value: strconv.Itoa(c*10 + y/10), mod: mod}, true
		}
	}
	// Centuries: "the 20th century", "the twenty-first century", "this century".
	if ru.is(k, "the") || k > j {
		if v, e, ok := t.Ordinal(k); ok && v >= 1 && v <= 30 && ru.is(e, "century") {
			return cand{first: first, end: e + 1, typ: "date", value: fmt.Sprintf("%02d", int(v)-1), mod: mod}, true
		}
	}
	if v, e, ok := t.Ordinal(k); ok && v >= 1 && v <= 30 && ru.is(e, "century") && ru.is(k-1, "the") {
		return cand{first: k - 1, end: e + 1, typ: "date", value: fmt.Sprintf("%02d", int(v)-1), mod: mod}, true
	}
	// Years.
	y, ok := ru.yearNum(j)
	if !ok {
		if mod == "" && j == first {
			return ru.secondYear(j)
		}
		return cand{}, false
	}
	if mod == "" && !ru.yearContext(j) {
		return cand{}, false
	}
	if e, ok := ru.splitYear(j, y); ok {
		if end, fiscal := ru.yearNoun(e); end > e || ru.splitYears {
			return cand{first: first, end: end, typ: "date", value: splitValue(y), mod: mod, fiscal: fiscal}, true
		}
	}
	return cand{first: first, end: j + 1, typ: "date", value: fmtYear(y), mod: mod}, true
}

// secondYear reads the second year of "1957-58" at word j, where the
// article is not about fiscal years or seasons (splitYears): as TimeML
// annotates it, "58" is the year 1958 of its own.
func (ru *run) secondYear(j int) (cand, bool) {
	t := &ru.t
	if len(ru.w(j)) != 2 || ru.splitYears || !t.Glued(j) {
		return cand{}, false
	}
	y, ok := ru.yearNum(j - 2)
	if !ok || !ru.yearContext(j-2) {
		return cand{}, false
	}
	if _, ok := ru.splitYear(j-2, y); !ok {
		return cand{}, false
	}
	return cand{first: j, end: j + 1, typ: "date", value: fmtYear(y + 1)}, true
}

// splitYear reads the second year of a year that runs over two calendar
// years, a fiscal year or a sports season, after year y at word j:
// "2027-28", "2027/28", "2026–27", "1999-00", "2027/2028". The second
// year must follow y, so that "2015-12" (a month) is no such year; a
// four-digit second year only before a noun for such a year ("the
// 1999-2000 season"), as "1999-2000" alone is as often a range of two
// years. It returns the end of the second year.
func (ru *run) splitYear(j, y int) (int, bool) {
	t := &ru.t
	k := j + 1
	if !(ru.hyphen(k) || ru.w(k) == "/") || !t.Glued(k) || t.Kind(k+1) != quantity.Digits || !t.Glued(k+1) {
		return 0, false
	}
	// Not a full date: "2027-01-05", "2027/12/31".
	if e := k + 2; (ru.hyphen(e) || ru.w(e) == "/" || ru.w(e) == ".") && t.Glued(e) && t.Kind(e+1) == quantity.Digits {
		return 0, false
	}
	if t.Kind(k+2) == quantity.Letters && t.Glued(k+2) {
		return 0, false
	}
	w := ru.w(k + 1)
	switch len(w) {
	case 2:
		if atoi(w) != (y+1)%100 {
			return 0, false
		}
	case 4:
		if atoi(w) != y+1 {
			return 0, false
		}
		if e, _ := ru.yearNoun(k + 2); e == k+2 {
			return 0, false
		}
	default:
		return 0, false
	}
	return k + 2, true
}

// splitValue is the value of the year running over y and y+1: the ISO
// 8601 interval of the two calendar years, "2027/2028". Where in them
// it starts and ends depends on the country or the sport.
func splitValue(y int) string { return fmtYear(y) + "/" + fmtYear(y+1) }

// yearNoun reads the noun after a year running over two calendar years
// at word e that says what year it is: "financial year", "fiscal year",
// "tax year", "budget year" (a fiscal year), "season", "academic year",
// "school year". It returns the end of the noun, e when there is none,
// and whether it makes the year a fiscal one.
func (ru *run) yearNoun(e int) (int, bool) {
	switch {
	case ru.is(e, "financial", "fiscal", "tax", "budget") && ru.is(e+1, "year"):
		return e + 2, true
	case ru.is(e, "academic", "school") && ru.is(e+1, "year"):
		return e + 2, false
	case ru.is(e, "season"):
		return e + 1, false
	}
	return e, false
}

// fyYear reads a fiscal year written "FY" and its year at word j:
// "FY2027", "FY 2027", "FY27" (in this century, or the last one when
// that puts it more than ten years after publication, or after 2050
// without a publication date). It returns the year and the end.
func (ru *run) fyYear(j int) (int, int, bool) {
	t := &ru.t
	if t.Raw(j) != "FY" || t.Kind(j+1) != quantity.Digits {
		return 0, 0, false
	}
	w := ru.w(j + 1)
	if t.Kind(j+2) == quantity.Letters && t.Glued(j+2) {
		return 0, 0, false
	}
	switch len(w) {
	case 4:
		y := atoi(w)
		if y < 1900 || y > 2199 {
			return 0, 0, false
		}
		return y, j + 2, true
	case 2:
		if !t.Glued(j + 1) {
			return 0, 0, false
		}
		y := 2000 + atoi(w)
		if ru.hasDCT && y > ru.dct.Year()+10 || !ru.hasDCT && y > 2050 {
			y -= 100
		}
		return y, j + 2, true
	}
	return 0, 0, false
}

// yearContext reports whether a four-digit number at word j reads as a
// year: from 1900 to 2099 unless a unit or a counted noun follows, and
// earlier years after a preposition of time.
func (ru *run) yearContext(j int) bool {
	t := &ru.t
	y := atoi(ru.w(j))
	prev := ru.w(j - 1)
	switch prev {
	case "$", "£", "€", "#", "no", "number", "no.":
		return false
	}
	if prev == "." && ru.is(j-2, "no") {
		return false
	}
	if ru.w(j+1) == "%" || ru.is(j+1, "percent", "per") {
		return false
	}
	// A year is not followed by a plural noun it counts ("2000 people").
	nx := ru.w(j + 1)
	if t.Kind(j+1) == quantity.Letters && len(nx) > 3 && nx[len(nx)-1] == 's' && !strings.HasSuffix(nx, "ss") && !strings.HasSuffix(nx, "is") && !strings.HasSuffix(nx, "us") && nx != "was" && nx != "has" && !ru.cap(j+1) {
		return false
	}
	if ru.v(j+1).unit != "" {
		return false
	}
	if y >= 1900 && y < 2100 {
		return true
	}
	switch prev {
	case "in", "since", "from", "until", "till", "by", "of", "before", "after", "around", "circa", "year", "during", "to", "and", "early", "late":
		return true
	}
	return false
}

// relDay reads today, yesterday, tomorrow and tonight, with a part of
// the day ("yesterday morning", "this afternoon", "last night").
func (ru *run) relDay(i int) (cand, bool) {
	first, j := i, i
	mod := ""
	if ru.is(j, "late", "early") {
		mod = partMods[ru.w(j)]
		j++
	}
	off, part := 0, ""
	switch ru.w(j) {
	case "today":
		off = 0
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	case "tonight":
		part = "NI"
	case "this", "last":
		p := ru.v(j + 1).part
		ok := p != ""
		if !ok || ru.w(j) == "last" && p != "NI" && p != "EV" {
			return cand{}, false
		}
		part = p
		if ru.w(j) == "last" {
			off = -1
		}
		j++
	case "that":
		// "that morning": a part of the day named last before it in its
		// paragraph (contextDays gives it the day's value once it is
		// resolved); none when no day is named before it.
		p := ru.v(j + 1).part
		if p == "" || mod != "" {
			return cand{}, false
		}
		s := ru.d.SentenceAt(ru.t.Words[j].Start)
		if s < 0 || ru.dayBefore(len(ru.out), ru.d.Sentences[s].Para) == "" {
			return cand{}, false
		}
		return cand{first: first, end: j + 2, typ: "time", rel: true, bare: true}, true
	default:
		return cand{}, false
	}
	if mod != "" && ru.w(j) != "today" && ru.w(j) != "yesterday" && ru.w(j) != "tomorrow" {
		return cand{}, false
	}
	end := j + 1
	if part == "" {
		if p := ru.v(end).part; p != "" {
			part = p
			end++
		}
	}
	c := cand{first: first, end: end, typ: "date", mod: mod, rel: true}
	if part != "" {
		c.typ = "time"
	}
	if !ru.hasDCT {
		return c, true
	}
	c.value = fmtDay(ru.dct.AddDate(0, 0, off))
	if part != "" {
		c.value += "T" + part
	}
	return c, true
}

// weekdayExpr reads a weekday, with "last", "next", "this", "on" or a
// part of the day: "Friday", "last Friday", "Friday morning".
func (ru *run) weekdayExpr(i int) (cand, bool) {
	first, j := i, i
	which := ""
	if ru.is(j, "last", "next", "this", "coming", "past", "previous") {
		which = ru.w(j)
		j++
	}
	wd, e, ok := ru.weekday(j)
	if !ok || !ru.cap(j) && !ru.lowerText() {
		return cand{}, false
	}
	part := ""
	if p := ru.v(e).part; p != "" {
		part = p
		e++
	}
	c := cand{first: first, end: e, typ: "date", rel: true}
	if part != "" {
		c.typ = "time"
	}
	if !ru.hasDCT {
		c.value = fmt.Sprintf("XXXX-WXX-%d", isoDay(wd))
		if part != "" {
			c.value += "T" + part
		}
		return c, true
	}
	var d time.Time
	switch which {
	case "last", "past", "previous":
		d = ru.weekdayDate(wd, -1, true)
	case "next", "coming":
		d = ru.weekdayDate(wd, 1, true)
	default:
		d = ru.weekdayDate(wd, ru.dir(j), false)
	}
	c.value = fmtDay(d)
	if part != "" {
		c.value += "T" + part
	}
	return c, true
}

// isoDay returns the ISO number of a weekday (Monday 1 ... Sunday 7).
func isoDay(wd time.Weekday) int {
	if wd == time.Sunday {
		return 7
	}
	return int(wd)
}

// weekdayDate returns the date of weekday wd nearest the publication
// date in direction dir; strict excludes the publication date itself.
func (ru *run) weekdayDate(wd time.Weekday, dir int, strict bool) time.Time {
	diff := int(wd) - int(ru.dct.Weekday())
	if dir < 0 {
		if diff > 0 || strict && diff == 0 {
			diff -= 7
		}
	} else if diff < 0 || strict && diff == 0 {
		diff += 7
	}
	return ru.dct.AddDate(0, 0, diff)
}

// relUnit reads a period named relative to now: "this week", "last
// month", "next year", "the past year", "earlier this month", "the third
// quarter", "last summer", "the weekend", "this century".
func (ru *run) relUnit(i int) (cand, bool) {
	first, j := i, i
	mod := ""
	switch {
	case ru.is(j, "early", "earlier"):
		mod, j = "START", j+1
		if ru.w(i) == "earlier" {
			mod = ""
		}
	case ru.is(j, "late", "later"):
		mod, j = "END", j+1
		if ru.w(i) == "later" {
			mod = ""
		}
	case ru.is(j, "mid") && ru.hyphen(j+1):
		mod, j = "MID", j+2
	case ru.is(j, "the") && ru.is(j+1, "end", "beginning", "start", "middle") && ru.is(j+2, "of"):
		mod = boundaryMods[ru.w(j+1)]
		j += 3
	}
	which := ""
	switch {
	case mod != "" && ru.is(j, "year", "month", "week", "quarter"):
		which = "this" // "the end of year"
	case mod != "" && ru.is(j, "the") && ru.is(j+1, "year", "month", "week"):
		which, j = "this", j+1 // "since the start of the year"
	case ru.is(j, "this", "current"):
		which, j = "this", j+1
	case ru.is(j, "last", "past", "previous"):
		which, j = "last", j+1
	case ru.is(j, "next", "coming", "following"):
		which, j = "next", j+1
	case ru.is(j, "the") && ru.is(j+1, "past", "last", "previous"):
		which, j = "last", j+2
	case ru.is(j, "the") && ru.is(j+1, "next", "coming"):
		which, j = "next", j+2
	case ru.is(j, "the") && ru.is(j+1, "current", "present"):
		which, j = "this", j+2
	case ru.is(j, "the") && ru.is(j+1, "latest", "most"):
		which, j = "latest", j+2
		if ru.w(i+2) == "recent" {
			j++
		}
	case ru.is(j, "the", "its", "their"):
		which, j = "the", j+1
	}
	// "the third quarter", "the fiscal first quarter", "third-quarter",
	// "the first half of 2013".
	k := j
	if ru.is(k, "fiscal") {
		k++
	}
	if v, e, ok := ru.t.Ordinal(k); ok && (which == "the" || which == "" && first == k) && v <= 4 {
		e2 := e
		if ru.hyphen(e2) {
			e2++
		}
		if ru.is(e2, "quarter") && v >= 1 {
			return ru.period(first, e2+1, "Q", int(v), mod)
		}
		if ru.is(e2, "half") && v <= 2 && which == "the" {
			if ru.is(e2+1, "in") && ru.t.Kind(e2+2) == quantity.Digits && ru.is(e2+3, ":") {
				return cand{}, false // "ran the second half in 1:10:09": a half of a race
			}
			return ru.period(first, e2+1, "H", int(v), mod)
		}
	}
	// "the last quarter of 2006", "the final half in 2026": the year's
	// last quarter or half, not the one before the publication date.
	if ru.is(first, "the") && (ru.is(first+1, "last") || which == "the" && ru.is(j, "final")) {
		k := j
		if ru.is(k, "final") {
			k++
		}
		if _, ok := ru.yearNum(k + 2); ok && ru.is(k, "quarter", "half") && ru.is(k+1, "of", "in") {
			if ru.is(k, "half") {
				return ru.period(first, k+1, "H", 2, mod)
			}
			return ru.period(first, k+1, "Q", 4, mod)
		}
	}
	if which == "" && mod == "" {
		if ru.is(j, "weekend") {
			return cand{}, false
		}
	}
	if ru.is(j, "fiscal") && ru.is(j+1, "year", "quarter") {
		j++ // "this fiscal year"
	}
	w := ru.w(j)
	if which == "" && mod == "" {
		return cand{}, false
	}
	if which == "" {
		return cand{}, false // "early month"
	}
	c := cand{first: first, end: j + 1, typ: "date", mod: mod, rel: true}
	step := whichSteps[which]
	if w == "quarter" && ru.hyphen(j+1) && ru.t.Glued(j+1) {
		return cand{}, false // "the quarter-finals", "a quarter-point"
	}
	if isSeason(w) && ru.hyphen(j+1) && ru.t.Glued(j+1) && ru.t.Glued(j+2) {
		return cand{}, false // "the winter-like weather", "this summer-long feud"
	}
	if which == "the" && w != "weekend" && w != "quarter" && !isSeason(w) {
		return cand{}, false
	}
	if which == "the" && w == "quarter" && ru.dir(i) < 0 {
		step = -1
	}
	if !ru.hasDCT {
		switch w {
		case "week", "month", "year", "quarter", "weekend", "decade", "century":
			c.value = ""
			return c, true
		}
		if isSeason(w) {
			c.value = ""
			return c, true
		}
		return cand{}, false
	}
	d := ru.dct
	switch w {
	case "week":
		c.value = fmtWeek(d.AddDate(0, 0, 7*step))
	case "weekend":
		if which == "the" && ru.dir(i) < 0 && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			step = -1
		}
		c.value = fmtWeek(d.AddDate(0, 0, 7*step)) + "-WE"
	case "month":
		c.value = fmtMonth(day(d.Year(), d.Month()+time.Month(step), 1))
	case "year":
		c.value = fmtYear(d.Year() + step)
	case "quarter":
		q := quarterOf(d.Month()) + step
		y := d.Year()
		for q < 1 {
			q += 4
			y--
		}
		for q > 4 {
			q -= 4
			y++
		}
		c.value = fmt.Sprintf("%04d-Q%d", y, q)
	case "decade":
		if which == "last" || which == "next" {
			return cand{}, false // "the past decade" is a duration
		}
		c.value = strconv.Itoa(d.Year()/10 + step)
	case "century":
		c.value = fmt.Sprintf("%02d", d.Year()/100+step)
	default:
		if !isSeason(w) {
			return cand{}, false
		}
		sc := seasonCodes[w]
		y := d.Year()
		cur := seasonStart(d)
		start := day(y, sc.start, 1)
		if sc.start == time.December && d.Month() < time.March {
			start = day(y-1, time.December, 1)
		}
		switch which {
		case "last":
			if !start.Before(cur) {
				start = start.AddDate(-1, 0, 0)
			}
		case "next":
			if !start.After(cur) {
				start = start.AddDate(1, 0, 0)
			}
		case "the":
			if ru.dir(i) < 0 && start.After(cur) {
				start = start.AddDate(-1, 0, 0)
			}
		}
		c.value = fmt.Sprintf("%04d-%s", start.Year(), sc.code)
	}
	return c, true
}

func isSeason(w string) bool {
	_, ok := seasonCodes[w]
	return ok
}

// seasonStart returns the first day of the season t is in.
func seasonStart(t time.Time) time.Time {
	m := t.Month()
	y := t.Year()
	switch {
	case m >= time.March && m < time.June:
		return day(y, time.March, 1)
	case m >= time.June && m < time.September:
		return day(y, time.June, 1)
	case m >= time.September && m < time.December:
		return day(y, time.September, 1)
	case m == time.December:
		return day(y, time.December, 1)
	}
	return day(y-1, time.December, 1)
}

// period finishes a quarter or half ("the third quarter", "the first
// half of 2013"): the year follows "of", or is the publication year (the
// previous one for a period still to come in a past-tense sentence).
func (ru *run) period(first, e int, code string, n int, mod string) (cand, bool) {
	c := cand{first: first, end: e, typ: "date", mod: mod, rel: true}
	k := e
	if ru.is(k, "of", "in") {
		if y, ok := ru.yearNum(k + 1); ok {
			c.end, c.rel = k+2, false
			c.value = fmt.Sprintf("%04d-%s%d", y, code, n)
			return c, true
		}
	}
	if ru.ofOther(k) || !ru.is(k, "of") && ru.gamePart(first) {
		return cand{}, false
	}
	if ru.is(k, "of") && ru.is(k+1, "next", "last", "this") && ru.is(k+2, "year") {
		// "the first half of next year": the half of that year.
		c.end = k + 3
		c.value = fmt.Sprintf("XXXX-%s%d", code, n)
		if ru.hasDCT {
			c.value = fmt.Sprintf("%04d-%s%d", ru.dct.Year()+map[string]int{"next": 1, "last": -1}[ru.w(k+1)], code, n)
		}
		return c, true
	}

	if !ru.hasDCT {
		c.value = fmt.Sprintf("XXXX-%s%d", code, n)
		return c, true
	}
	y := ru.dct.Year()
	cur := quarterOf(ru.dct.Month())
	if code == "H" {
		cur = (int(ru.dct.Month())-1)/6 + 1
	}
	if n > cur && ru.dir(first) < 0 {
		y--
	}
	c.value = fmt.Sprintf("%04d-%s%d", y, code, n)
	return c, true
}

// ofOther reports whether the "of" at word i names what a half or
// quarter is part of, and that is no year: a phrase in words with no
// year or "year" in its first few ("the second half of July", "of the
// 20th century", "of the game"; not "of the year", "of next year", "of
// fiscal 2027", nor "of $226 million").
func (ru *run) ofOther(i int) bool {
	if !ru.is(i, "of") || ru.t.Kind(i+1) != quantity.Letters {
		return false
	}
	for k := i + 1; k < i+5 && k < len(ru.t.Words); k++ {
		if _, ok := ru.yearNum(k); ok || ru.is(k, "year", "years", "fiscal", "financial") {
			return false
		}
		if ru.t.Kind(k) != quantity.Letters {
			break
		}
	}
	return true
}

// ago reads dates given as a distance from now: "three years ago", "a
// year earlier", "two weeks from now", "more than a decade ago".
func (ru *run) ago(i int) (cand, bool) {
	first := i
	mod, j, _ := ru.hedge(i)
	n, e, ok := 0.0, j, false
	vague := false
	switch {
	case ru.is(j, "several", "few", "many") || ru.is(j, "a") && ru.is(j+1, "few", "couple"):
		vague = true
		e = j + 1
		if ru.is(j, "a") {
			e = j + 2
			if ru.is(e, "of") {
				e++
			}
		}
		ok = true
	case ru.is(j, "a", "an", "one"):
		n, e, ok = 1, j+1, true
	default:
		n, e, ok = ru.number(j)
	}
	if !ok {
		return cand{}, false
	}
	u, _, e2 := ru.unit(e)
	if u == "" {
		return cand{}, false
	}
	sign := 0
	switch {
	case ru.is(e2, "ago", "earlier", "before", "previously"):
		sign = -1
	case ru.is(e2, "later", "hence"):
		sign = 1
	default:
		return cand{}, false
	}
	if ru.is(e2, "before") && !ru.is(e2+1, ".", ",", "") {
		return cand{}, false // "a year before the war" is anchored elsewhere
	}
	c := cand{first: first, end: e2 + 1, typ: "date", mod: mod, rel: true}
	if mod == "LESS_THAN" || mod == "MORE_THAN" || mod == "EQUAL_OR_MORE" || mod == "EQUAL_OR_LESS" {
		c.mod = agoMods[mod]
	}
	if vague {
		c.value = agoRefs[sign]
		return c, true
	}
	if !ru.hasDCT || n != float64(int(n)) {
		return c, true
	}
	k := int(n) * sign
	d := ru.dct
	switch u {
	case "year":
		c.value = fmtYear(d.Year() + k)
	case "decade":
		c.value = fmtYear(d.Year() + 10*k)
	case "century":
		c.value = fmtYear(d.Year() + 100*k)
	case "month":
		c.value = fmtMonth(day(d.Year(), d.Month()+time.Month(k), 1))
	case "week", "fortnight":
		if u == "fortnight" {
			k *= 2
		}
		c.value = fmtWeek(d.AddDate(0, 0, 7*k))
	case "day":
		c.value = fmtDay(d.AddDate(0, 0, k))
	case "hour", "minute", "second":
		c.typ = "time"
		c.value = fmtDay(d)
	}
	return c, true
}

// ref reads references to the present, past and future: "now",
// "currently", "recently", "the past", "in the future", "soon".
func (ru *run) ref(i int) (cand, bool) {
	v := ""
	end := i + 1
	switch w := ru.w(i); w {
	case "now", "currently", "presently", "nowadays":
		v = "PRESENT_REF"
		if w == "now" && ru.is(i-1, "right", "just") {
			return cand{first: i - 1, end: end, typ: "date", value: v, rel: true}, true
		}
	case "current":
		if ru.v(i+1).unit != "" || ru.is(i+1, "quarter") {
			return cand{}, false
		}
		if ru.is(i+1, formNouns...) {
			return cand{}, false // "in its current form" says how, not when
		}
		if ru.is(i+1, "account", "accounts") || ru.w(i+1) == "-" && ru.is(i+2, "account", "accounts") {
			return cand{}, false // "current account charges", "a current-account deficit": a kind of account
		}
		v = "PRESENT_REF"
	case "recently", "lately":
		v = "PAST_REF"
	case "soon":
		if ru.is(i-1, "as") || ru.is(i+1, "as", "after") {
			return cand{}, false
		}
		v = "FUTURE_REF"
	case "at":
		if ru.is(i+1, "present") {
			return cand{first: i, end: i + 2, typ: "date", value: "PRESENT_REF", rel: true}, true
		}
		if ru.is(i+1, "the") && ru.is(i+2, "time") && !ru.is(i+3, "of", "when", "that") {
			return cand{first: i, end: i + 3, typ: "date", value: "PAST_REF", rel: true}, true
		}
		return cand{}, false
	case "these":
		if ru.is(i+1, "days") {
			return cand{first: i, end: i + 2, typ: "date", value: "PRESENT_REF", rel: true}, true
		}
		return cand{}, false
	case "the":
		switch {
		case ru.is(i+1, "past") && ru.is(i-1, "in", "of", "from") && !ru.numberOrUnit(i+2):
			return cand{first: i, end: i + 2, typ: "date", value: "PAST_REF", rel: true}, true
		case ru.is(i+1, "future") && ru.is(i-1, "in", "for", "of", "into"):
			if ru.is(i+2, "of", "for") {
				return cand{}, false
			}
			return cand{first: i, end: i + 2, typ: "date", value: "FUTURE_REF", rel: true}, true
		case ru.is(i+1, "near", "foreseeable", "short", "long") && ru.is(i+2, "future", "term") && ru.is(i-1, "in", "for", "over", "into"):
			return cand{first: i, end: i + 3, typ: "date", value: "FUTURE_REF", rel: true}, true
		}
		return cand{}, false
	default:
		return cand{}, false
	}
	return cand{first: i, end: end, typ: "date", value: v, rel: true}, true
}

// formNouns are the nouns for what a thing is like, after which
// "current" tells its form, not a time.
var formNouns = strings.Fields("form forms shape state format guise version wording draft incarnation configuration")

// numberOrUnit reports whether word i starts a number or a time unit
// ("the past two years", "the past week").
func (ru *run) numberOrUnit(i int) bool {
	if ru.v(i).unit != "" {
		return true
	}
	if ru.is(i, "few", "several", "couple", "decade") {
		return true
	}
	_, ok := ru.t.Number(i)
	return ok
}

// asMany returns the number that "as many" at word k repeats: the
// cardinal or ordinal nearest before it within eight words of its
// sentence ("the second reduction in as many years", "three titles in as
// many years").
func (ru *run) asMany(k int) (float64, bool) {
	for j, n := k-1, 0; j >= 0 && n < 8; j, n = j-1, n+1 {
		if w := ru.w(j); w == "." || w == ";" || w == "!" || w == "?" {
			return 0, false
		}
		if v, _, ok := ru.t.Ordinal(j); ok && v >= 2 {
			return v, true
		}
		if v, e, ok := ru.number(j); ok && e <= k && v >= 2 && v == math.Trunc(v) {
			return v, true
		}
	}
	return 0, false
}

// asManyOK reports whether "as many" at word k repeats a number before
// it (asMany).
func (ru *run) asManyOK(k int) bool {
	_, ok := ru.asMany(k)
	return ok
}

// duration reads durations: "three years", "a nearly three-hour
// meeting", "the past two months", "several days", "recent weeks",
// "for years", "almost seven years".
func (ru *run) duration(i int) (cand, bool) {
	first := i
	mod, j, _ := ru.hedge(i)
	// "the past two months", "the next few months", "the first nine months"
	lead := false
	if ru.is(j, "the") {
		k := j + 1
		if ru.is(k, "past", "last", "next", "coming", "first", "final", "previous", "following", "entire", "whole", "full") {
			k++
		}
		j, lead = k, true
	} else if ru.is(j, "past", "last", "next", "first") && (ru.is(j-1, "the") || j > i) {
		j++
		lead = true
	}
	n, e, ok := 0.0, j, false
	vague := false
	if lead && ru.is(j-1, "past", "last", "next", "coming", "previous", "following") && ru.is(j, "decade", "century") {
		u := ru.v(j).unit
		return cand{first: first, end: j + 1, typ: "duration", mod: mod, gran: u, value: durationValue(1, u, false)}, true
	}
	switch {
	case ru.is(j, "many") && ru.is(j-1, "as") && j == i && !lead && ru.asManyOK(j-1):
		// "the second cut in as many years": as many as the number
		// before
		n, _ = ru.asMany(j - 1)
		first, e, ok = j-1, j+1, true
	case ru.is(j, "several", "few", "many", "some") || ru.is(j, "a") && ru.is(j+1, "few", "couple"):
		vague, ok = true, true
		e = j + 1
		if ru.is(j, "a") {
			e = j + 2
			if ru.is(e, "of") {
				e++
			}
		}
	case ru.is(j, "a", "an") && !lead:
		n, e, ok = 1, j+1, true
	case ru.is(j, "recent"):
		vague, ok, e = true, true, j+1
	default:
		n, e, ok = ru.number(j)
		if ok && ru.t.Kind(j) == quantity.Digits && len(ru.w(j)) == 4 && n >= 1000 {
			return cand{}, false // a year
		}
	}
	if !ok {
		// bare plurals: "for years", "in months", "decades of"
		u, plural, e2 := ru.unit(j)
		if u == "" || !plural || lead || j != i {
			return cand{}, false
		}
		if !ru.is(i-1, "for", "in", "over", "within", "after", "than", "took", "take", "takes", "taking", "spent", "lasted", "of") && !ru.is(e2, "of", "later", "earlier", "before") {
			return cand{}, false
		}
		if ru.is(e2, "later", "earlier", "ago") || ru.is(e2, "-") {
			return cand{}, false
		}
		return cand{first: i, end: e2, typ: "duration", value: durationValue(0, u, true), gran: u}, true
	}
	adj := false
	k := e
	if ru.hyphen(k) && ru.t.Glued(k) && ru.t.Glued(k+1) {
		k++
		adj = true
	}
	u, plural, e2 := ru.unit(k)
	if u == "" && !adj && !vague {
		u, plural, e2 = ru.elidedUnit(j, e, n), true, e
	}
	if u == "" {
		return cand{}, false
	}
	if adj && plural && !ru.is(e2, "-") {
		return cand{}, false
	}
	if adj && lead && ru.is(first, "the") {
		first = j // "the three-year war": the adjective alone
	}
	if ru.is(e2, "ago", "earlier", "later", "old", "hence") || ru.hyphen(e2) && ru.is(e2+1, "old") {
		return cand{}, false
	}
	if ru.is(j, "a", "an") && !lead {
		// "a day" after a number or "once", or after what it counts
		// ("2,000 barrels a day", "euros a year"), is a frequency.
		if _, _, ok := ru.number(i - 1); ok || ru.is(i-1, "once", "twice", "times", "per") {
			return cand{}, false
		}
		if pw := ru.w(i - 1); len(pw) > 3 && strings.HasSuffix(pw, "s") && !ru.cap(i-1) && !ru.is(i-1, "was", "has", "does", "is", "this", "thus", "as", "us", "its", "his") && u != "second" && !ru.is(e2, "after", "before") {
			return cand{}, false
		}
		if ru.t.Kind(i-1) == quantity.Digits || ru.is(i-1, "%") {
			return cand{}, false
		}
		if u == "second" || u == "minute" && !ru.is(i-1, "for", "in", "within", "about", "over") {
			return cand{}, false
		}
	}
	if ru.is(j, "one") && e == j+1 && u == "day" && !lead && !ru.is(i-1, "for", "in", "within", "about", "over", "than") {
		return cand{}, false // "one day he will" is a date, not a length of time
	}
	if u == "second" && !plural && !adj && n == 1 && ru.is(j, "a", "one") {
		return cand{}, false
	}
	if !adj && !vague && n >= 1 && n == float64(int(n)) && ru.is(e2, "and") && ru.is(e2+1, "a") && ru.is(e2+2, "half") && !ru.hyphen(e2+3) {
		n, e2 = n+0.5, e2+3 // "a year and a half" is P1Y6M, "two years and a half" P2Y6M
	}
	if !adj && !vague {
		if v, end, ok := ru.andSmaller(n, u, e2); ok {
			return cand{first: first, end: end, typ: "duration", mod: mod, gran: u, value: v}, true
		}
	}
	if u == "fortnight" {
		n *= 2
		u = "week"
	}
	c := cand{first: first, end: e2, typ: "duration", mod: mod, gran: u}
	c.value = durationValue(n, u, vague)
	return c, true
}

// elidedUnit returns the unit of a duration whose noun is left out after
// "the following" or "the next" and a whole number n from word j to
// word e, before a punctuation mark: the unit of the duration its
// sentence states last before it ("signed for the next five years, and
// she for the following seven" is P7Y), or "".
func (ru *run) elidedUnit(j, e int, n float64) string {
	if !ru.is(j-1, "following", "next") || !ru.is(j-2, "the") || n < 2 || n != float64(int(n)) || e < len(ru.t.Words) && ru.t.Kind(e) != quantity.Other {
		return ""
	}
	s := ru.d.SentenceAt(ru.t.Words[j].Start)
	for k := len(ru.out) - 1; k >= 0 && s >= 0 && ru.out[k].Sentence == s; k-- {
		if dt := ru.out[k]; dt.Type == "duration" && unitRank[dt.Granularity] > 0 && !strings.Contains(dt.Value, "X") {
			return dt.Granularity
		}
	}
	return ""
}

// unitRank orders the time units from the shortest.
var unitRank = map[string]int{"second": 1, "minute": 2, "hour": 3, "day": 4, "week": 5, "fortnight": 6,
	"month": 7, "year": 8, "decade": 9, "century": 10, "millennium": 11}

// andSmaller reads "and" and a whole number of a smaller unit after a
// duration of n units u that ends at word e, or such a number alone, as
// often as they come ("two years and seven months", "three hours and a
// minute", "3 months and 2 weeks and 2 days", "2 hours 19 minutes 41
// seconds"), and returns them all as one duration ("P2Y7M") and its end.
func (ru *run) andSmaller(n float64, u string, e int) (string, int, bool) {
	if n != math.Trunc(n) {
		return "", e, false
	}
	parts := map[string]float64{u: n}
	for {
		// "and" may join the parts, or nothing: "2 hours 19 minutes
		// 41 seconds"
		next := e
		if ru.is(e, "and") {
			next = e + 1
		}
		n2, k, ok := 1.0, next+1, next > e && ru.is(next, "a", "an", "one")
		if !ok {
			n2, k, ok = ru.number(next)
		}
		if !ok || n2 != math.Trunc(n2) {
			break
		}
		u2, _, end := ru.unit(k)
		if u2 == "" || unitRank[u2] >= unitRank[u] || ru.is(end, "ago", "earlier", "later", "old", "hence") || ru.hyphen(end) {
			break
		}
		parts[u2], u, e = n2, u2, end
	}
	if len(parts) == 1 {
		return "", e, false
	}
	return compoundDuration(parts), e, true
}

// compoundDuration writes a duration of several units as one TIMEX3
// value: years, months and days, then hours, minutes and seconds after
// "T" ("P2Y7M", "PT3H20M", "P1DT6H"); weeks with other units count in
// days.
func compoundDuration(n map[string]float64) string {
	add := map[string]float64{}
	for u, v := range n {
		switch u {
		case "millennium", "century", "decade":
			add["Y"] += v * map[string]float64{"millennium": 1000, "century": 100, "decade": 10}[u]
		case "year":
			add["Y"] += v
		case "month":
			add["M"] += v
		case "fortnight", "week":
			add["D"] += v * map[string]float64{"fortnight": 14, "week": 7}[u]
		case "day":
			add["D"] += v
		case "hour":
			add["TH"] += v
		case "minute":
			add["TM"] += v
		case "second":
			add["TS"] += v
		}
	}
	var b strings.Builder
	b.WriteString("P")
	for _, code := range []string{"Y", "M", "D", "TH", "TM", "TS"} {
		v, ok := add[code]
		if !ok {
			continue
		}
		if code[0] == 'T' {
			if !strings.Contains(b.String(), "T") {
				b.WriteString("T")
			}
			code = code[1:]
		}
		b.WriteString(strconv.FormatFloat(v, 'f', -1, 64) + code)
	}
	return b.String()
}

// nthPeriod reads a period counted from an event the text names: "the
// first year of the full-scale invasion", "the final days of the war".
// Without the event's date it stays unresolved (Value "").
func (ru *run) nthPeriod(i int) (cand, bool) {
	if !ru.is(i, "the") {
		return cand{}, false
	}
	j := i + 1
	if _, e, ok := ru.t.Ordinal(j); ok {
		j = e
	} else if ru.is(j, "last", "final", "early", "opening", "closing") {
		j++
	} else {
		return cand{}, false
	}
	u, _, e := ru.unit(j)
	if u == "" || !ru.is(e, "of") || ru.t.Kind(e+1) != quantity.Letters {
		return cand{}, false
	}
	// "the early hours of Dec. 8", "the last days of March": the start
	// or the end of the date after "of".
	if _, _, ok := ru.month(e + 1); ok && ru.is(i+1, "early", "first", "opening", "last", "final", "closing") {
		if d, ok := ru.absolute(e + 1); ok && d.typ == "date" && d.first == e+1 {
			d.first, d.mod = i, "START"
			if ru.is(i+1, "last", "final", "closing") {
				d.mod = "END"
			}
			return d, true
		}
	}
	if _, ok := ru.t.Number(e + 1); ok {
		return cand{}, false
	}
	if y, ok := ru.yearNum(e + 1); ok || ru.is(e+1, "the") && ru.isYearAt(e+2) {
		_ = y
		return cand{}, false
	}
	// The event: up to the end of its noun phrase.
	k := e + 1
	for n := 0; k < len(ru.t.Words) && n < 6 && ru.t.Kind(k) == quantity.Letters || ru.hyphen(k) && ru.t.Glued(k); k, n = k+1, n+1 {
		if ru.is(k, "and", "or", "but", "which", "who", "that", "when", "in", "on", "at", "to", "was", "were", "is", "are", "has", "had", "even", "as", "with", "by", "for", "from") && k > e+1 {
			break
		}
	}
	if k <= e+1 || k == e+2 && ru.is(e+1, "the") {
		return cand{}, false
	}
	return cand{first: i, end: k, typ: "date", rel: true, gran: u}, true
}

func (ru *run) isYearAt(i int) bool {
	_, ok := ru.yearNum(i)
	return ok
}

// spokenYear reads a year in words: "nineteen ninety-six", "the year two
// thousand", "two thousand and five".
func (ru *run) spokenYear(i int) (cand, bool) {
	if !ru.is(i, "the", "nineteen", "eighteen", "twenty", "seventeen", "two") {
		return cand{}, false
	}
	first, j := i, i
	if ru.is(j, "the") && ru.is(j+1, "year") {
		j += 2
	}
	hi, ok := spokenCenturies[ru.w(j)]
	if ok && !ru.hyphen(j+1) {
		if n, e, ok := ru.number(j + 1); ok && n >= 10 && n < 100 && n == float64(int(n)) && ru.t.Kind(j+1) == quantity.Letters {
			return cand{first: first, end: e, typ: "date", value: fmtYear(hi*100 + int(n))}, true
		}
	}
	if ru.is(j, "two") && ru.is(j+1, "thousand") && (j > i || ru.is(j+2, "and")) {
		n, e, ok := ru.number(j)
		if ok && n >= 2000 && n < 2100 {
			return cand{first: first, end: e, typ: "date", value: fmtYear(int(n))}, true
		}
	}
	return cand{}, false
}

// set reads recurring times: "daily", "every year", "each week", "every
// morning", "twice a year" ("a year"), "per month".
func (ru *run) set(i int) (cand, bool) {
	switch ru.w(i) {
	case "daily", "nightly":
		if ru.is(i-1, "the") || ru.newspaper(i) {
			return cand{}, false // "the Daily Telegraph"
		}
		return cand{first: i, end: i + 1, typ: "set", value: "P1D", gran: "day"}, true
	case "weekly":
		if ru.newspaper(i) {
			return cand{}, false
		}
		return cand{first: i, end: i + 1, typ: "set", value: "P1W", gran: "week"}, true
	case "monthly":
		if ru.newspaper(i) {
			return cand{}, false
		}
		return cand{first: i, end: i + 1, typ: "set", value: "P1M", gran: "month"}, true
	case "annually", "yearly":
		return cand{first: i, end: i + 1, typ: "set", value: "P1Y", gran: "year"}, true
	case "hourly":
		return cand{first: i, end: i + 1, typ: "set", value: "PT1H", gran: "hour"}, true
	case "every", "each":
		j := i + 1
		if ru.is(j, "other") {
			j++
		}
		n := 1.0
		if v, e, ok := ru.number(j); ok {
			n, j = v, e
		}
		if u, _, e := ru.unit(j); u != "" {
			if ru.is(i+1, "other") {
				n *= 2
			}
			return cand{first: i, end: e, typ: "set", value: durationValue(n, u, false), gran: u}, true
		}
		if p := ru.v(j).part; p != "" {
			return cand{first: i, end: j + 1, typ: "set", value: "XXXX-XX-XXT" + p, gran: "part of day"}, true
		}
		if wd, e, ok := ru.weekday(j); ok {
			return cand{first: i, end: e, typ: "set", value: fmt.Sprintf("XXXX-WXX-%d", isoDay(wd)), gran: "day"}, true
		}
		return cand{}, false
	case "a", "an", "per":
		u, plural, e := ru.unit(i + 1)
		if u == "" || plural || ru.is(e, "after", "before", "later", "earlier", "ago") {
			return cand{}, false // "comes a day after": how long, not how often
		}
		if !ru.is(i-1, "once", "twice", "times", "thrice") && !ru.countedBefore(i) {
			if _, _, ok := ru.number(i - 1); !ok || ru.w(i) != "per" {
				return cand{}, false
			}
		}
		return cand{first: i, end: e, typ: "set", value: durationValue(1, u, false), gran: u}, true
	}
	return cand{}, false
}

// newspaper reports whether "daily", "weekly" or "monthly" at word i is
// the noun for a newspaper, not how often: after a place's name or a
// nationality with no noun after it in lower case ("the Warsaw daily
// Kestrel Post", "told the French weekly that"), or between "the" and a
// capitalised name ("the weekly Kestrel Voice").
func (ru *run) newspaper(i int) bool {
	name := ru.cap(i+1) && ru.t.Kind(i+1) == quantity.Letters && ru.v(i+1).month == 0 && !ru.v(i+1).isWeekday
	if ru.is(i-1, "the") {
		return name
	}
	if !ru.cap(i-1) || !(placeWords[ru.w(i-1)] || placeWords[ru.w(i-2)+" "+ru.w(i-1)]) {
		return false
	}
	return name || ru.t.Kind(i+1) != quantity.Letters || !ru.nounAt(i+1)
}

// nounAt reports whether word i is a noun in lower case: by its tag when
// the document is tagged, else any word in lower case.
func (ru *run) nounAt(i int) bool {
	if ru.t.Kind(i) != quantity.Letters || ru.cap(i) {
		return false
	}
	d := ru.d
	if len(d.Tokens) == 0 || d.Tokens[0].POS == 0 {
		return true
	}
	ti := d.TokenAt(ru.t.Words[i].Start)
	return ti < len(d.Tokens) && d.Tokens[ti].Start == ru.t.Words[i].Start && d.Tokens[ti].POS.IsNoun()
}

// placeWords are the names of countries, their regions and capitals, and
// nationalities, in lower case, of one word or two.
var placeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range lexicon.MustDefault().Places() {
		if f := strings.Fields(strings.ToLower(p.Form)); len(f) <= 2 {
			m[strings.Join(f, " ")] = true
		}
	}
	return m
}()

// countedBefore reports whether the word before "a" or "per" at i is a
// plural noun being counted per unit of time: "barrels a day", "euros a
// year".
func (ru *run) countedBefore(i int) bool {
	pw := ru.w(i - 1)
	return ru.is(i, "a", "an", "per") && len(pw) > 3 && strings.HasSuffix(pw, "s") && !ru.cap(i-1) &&
		!ru.is(i-1, "was", "has", "does", "is", "this", "thus", "as", "us", "its", "his", "years", "days", "weeks", "months", "hours")
}

// clock reads times of day: "10:30", "8 p.m.", "8 PM", "15:00 GMT",
// "noon", "midnight", with a day before or after ("Friday at 8 p.m.",
// "15:00 GMT Saturday"). "3:07:35" with no a.m. or p.m. is a duration.
func (ru *run) clock(i int) (cand, bool) {
	if ru.t.Kind(i) != quantity.Digits && !ru.is(i, "noon", "midday", "midnight", "today", "yesterday", "tomorrow", "the", "last", "next", "this") {
		if !ru.v(i).isWeekday {
			if ru.v(i).month == 0 {
				return cand{}, false
			}
		}
	}
	t := &ru.t
	first := i
	var date time.Time
	dated := false
	unknown := "" // the day's value when it does not resolve: "XXXX-WXX-5"
	j := i
	// A day before: "Friday at 8 p.m.", "yesterday at noon".
	if c, ok := ru.dayAnchor(j); ok {
		k := c.end
		if ru.is(k, "at", ",") {
			k++
		}
		if _, _, _, ok := ru.clockAt(k); ok {
			date, dated, unknown = c.date, c.ok, c.value
			j = k
		}
	}
	h, m, e, ok := ru.clockAt(j)
	if !ok {
		// "3:07:35": hours, minutes and seconds of a race.
		if t.Kind(i) == quantity.Digits && ru.w(i+1) == ":" && t.Glued(i+1) && t.Kind(i+2) == quantity.Digits && ru.w(i+3) == ":" && t.Glued(i+3) && t.Kind(i+4) == quantity.Digits {
			hh, mm, ss := atoi(ru.w(i)), atoi(ru.w(i+2)), atoi(ru.w(i+4))
			v := "PT"
			if hh > 0 {
				v += strconv.Itoa(hh) + "H"
			}
			if mm > 0 {
				v += strconv.Itoa(mm) + "M"
			}
			v += strconv.Itoa(ss) + "S"
			return cand{first: i, end: i + 5, typ: "duration", value: v, gran: "second"}, true
		}
		return cand{}, false
	}
	// A time zone, then a day after: "15:00 GMT Saturday".
	if z := ru.zoneEnd(e); z > e {
		e = z
	} else if ru.is(e, "local") {
		e++ // "15:00 local"
	}
	if !dated {
		k := e
		if ru.is(k, "on", ",") {
			k++
		}
		if c, ok := ru.dayAnchor(k); ok {
			date, dated, unknown = c.date, c.ok, c.value
			e = c.end
		}
	}
	c := cand{first: first, end: e, typ: "time", rel: true}
	clock := fmt.Sprintf("T%02d:%02d", h, m)
	switch {
	case dated:
		c.value = fmtDay(date) + clock
	case dayValue(unknown):
		c.value = unknown + clock // "6.30pm on Sunday": "XXXX-WXX-7T18:30"
	case ru.hasDCT:
		c.value, c.bare = fmtDay(ru.dct)+clock, true
	default:
		c.value, c.bare = "XXXX-XX-XX"+clock, true
	}
	return c, true
}

// clockAt reads a clock time at word i: "10:30", "10:30 a.m.", "8 p.m.",
// "8pm", "noon", "midnight", "8 o'clock".
func (ru *run) clockAt(i int) (h, m, end int, ok bool) {
	t := &ru.t
	switch ru.w(i) {
	case "noon", "midday":
		return 12, 0, i + 1, true
	case "midnight":
		return 24, 0, i + 1, true
	}
	if t.Kind(i) != quantity.Digits {
		return 0, 0, i, false
	}
	w := ru.w(i)
	e := i + 1
	hasMin := false
	// "2.30pm": a British time with a dot.
	dotted := false
	if hh, mm, found := cutDot(w); found {
		if len(mm) != 2 {
			return 0, 0, i, false
		}
		h, m, hasMin, dotted = atoi(hh), atoi(mm), true, true
	} else {
		h = atoi(w)
		if ru.w(e) == ":" && t.Glued(e) && t.Kind(e+1) == quantity.Digits && len(ru.w(e+1)) == 2 {
			m, hasMin = atoi(ru.w(e+1)), true
			e += 2
		}
	}
	// "0100 GMT": four digits before a time zone are hours and minutes.
	if len(w) == 4 && !hasMin && w[0] <= '2' && ru.zoned(e) && !(ru.w(e+1) == "-" && ru.t.Glued(e+1)) && atoi(w[:2]) < 24 && atoi(w[2:]) < 60 && !ru.restated(i) {
		h, m, hasMin = atoi(w[:2]), atoi(w[2:]), true
	}
	if len(w) > 2 && !hasMin {
		return 0, 0, i, false
	}
	// am / pm
	ap := ""
	switch {
	case ru.is(e, "am", "pm"):
		ap, e = ru.w(e), e+1
	case ru.is(e, "a", "p") && ru.w(e+1) == "." && ru.is(e+2, "m"):
		ap = ru.w(e) + "m"
		e += 3
		if ru.w(e) == "." {
			e++
		}
	case ru.is(e, "o'clock", "o’clock"):
		e++
		ap = "oc"
	}
	if ap == "" && (!hasMin || dotted && !ru.zoned(e)) {
		return 0, 0, i, false // "2.30" is a time only with "pm" or a zone
	}
	if ap == "" && t.Glued(i) && !ru.is(i-1, "(", "[") || ru.w(i-1) == "," && t.Glued(i) {
		return 0, 0, i, false // not "(21:42 UTC on Monday)"
	}
	if ap == "" && ru.w(e) == ":" {
		return 0, 0, i, false // "3:07:35"
	}
	if h > 24 || m > 59 || ap != "" && ap != "oc" && (h == 0 || h > 12) {
		return 0, 0, i, false
	}
	if ap == "pm" && h < 12 {
		h += 12
	}
	if ap == "am" && h == 12 {
		h = 0
	}
	return h, m, e, true
}

// zoneEnd returns the end of a time zone at word i ("GMT", "local
// time", "Moscow time"), or i when none is there.
func (ru *run) zoneEnd(i int) int {
	switch {
	case ru.is(i, zones...) || ru.is(i, "local"):
		if ru.is(i+1, "time") {
			return i + 2
		}
		if ru.is(i, "local") {
			return i
		}
		return i + 1
	case ru.cap(i) && ru.t.Kind(i) == quantity.Letters && ru.is(i+1, "time"):
		return i + 2 // "Moscow time"
	}
	return i
}

// restated reports whether the clock time at word i stands in brackets
// right after another it restates in a time zone: "10:35 a.m. (0735
// GMT)". TimeML marks only the first.
func (ru *run) restated(i int) bool {
	if ru.w(i-1) != "(" {
		return false
	}
	for p := i - 2; p >= max(0, i-10); p-- {
		if _, _, e, ok := ru.clockAt(p); ok && (e == i-1 || ru.zoneEnd(e) == i-1) {
			return true
		}
	}
	return false
}

// zoned reports whether a time zone stands at word i, bare or in
// brackets ("GMT", "(AEST)").
func (ru *run) zoned(i int) bool {
	return ru.zoneEnd(i) > i || ru.w(i) == "(" && ru.is(i+1, zones...) && ru.w(i+2) == ")"
}

// zones are the abbreviations of time zones read after a clock time.
var zones = strings.Fields("gmt utc bst est edt cst cdt pst pdt mst mdt cet cest eet eest et pt aest aedt acst awst nzst nzdt jst kst hkt sgt msk sast")

func cutDot(w string) (string, string, bool) {
	for k := 0; k < len(w); k++ {
		if w[k] == '.' {
			return w[:k], w[k+1:], true
		}
	}
	return w, "", false
}

// anchor is a day a clock time is on.
type anchor struct {
	end   int
	date  time.Time
	ok    bool   // the date is known
	value string // the day's TIMEX3 value, known or not
}

// dayValue reports whether v is the TIMEX3 value of one day, resolved or
// not: "2024-05-12", "XXXX-WXX-7", "XXXX-03-22".
func dayValue(v string) bool {
	return len(v) == 10 && v != "XXXX-XX-XX" && (v[4] == '-' && v[7] == '-' || strings.HasPrefix(v, "XXXX-WXX-"))
}

// dayAnchor reads a day a time can be on: a weekday, today, yesterday,
// tomorrow, or a calendar date.
func (ru *run) dayAnchor(i int) (anchor, bool) {
	if c, ok := ru.absolute(i); ok && c.end > i {
		st, _, g, ok2 := interval(c.value)
		return anchor{end: c.end, date: st, ok: ok2 && g == "day", value: c.value}, true
	}
	if c, ok := ru.weekdayExpr(i); ok && c.typ == "date" {
		st, _, _, ok2 := interval(c.value)
		return anchor{end: c.end, date: st, ok: ok2, value: c.value}, true
	}
	if c, ok := ru.relDay(i); ok && c.typ == "date" && c.mod == "" {
		st, _, _, ok2 := interval(c.value)
		return anchor{end: c.end, date: st, ok: ok2, value: c.value}, true
	}
	return anchor{}, false
}

// holidays are the fixed-date holidays news reports name.
var holidays = []struct {
	words []string
	month time.Month
	day   int
}{
	{[]string{"christmas", "eve"}, 12, 24}, {[]string{"christmas", "day"}, 12, 25}, {[]string{"christmas"}, 12, 25},
	{[]string{"boxing", "day"}, 12, 26}, {[]string{"new", "year", "eve"}, 12, 31},
	{[]string{"new", "year", "day"}, 1, 1}, {[]string{"valentine", "day"}, 2, 14},
	{[]string{"independence", "day"}, 7, 4}, {[]string{"halloween"}, 10, 31},
	{[]string{"may", "day"}, 5, 1}, {[]string{"bastille", "day"}, 7, 14},
	{[]string{"st", "patrick", "day"}, 3, 17}, {[]string{"st", ".", "patrick", "day"}, 3, 17},
	{[]string{"armistice", "day"}, 11, 11}, {[]string{"veterans", "day"}, 11, 11},
}

// holiday reads a named holiday and resolves it to its date: fixed
// holidays, Thanksgiving (the fourth Thursday of November) and Easter.
func (ru *run) holiday(i int) (cand, bool) {
	if !ru.cap(i) && !ru.lowerText() && !ru.is(i, "last", "next", "this") {
		return cand{}, false
	}
	first := i
	which := ""
	if ru.is(i, "last", "next", "this") {
		which = ru.w(i)
		i++
	}
	if !ru.cap(i) && !ru.lowerText() {
		return cand{}, false
	}
	var m time.Month
	d, end := 0, 0
	rule := ""
	for _, h := range holidays {
		ok := true
		for k, w := range h.words {
			if ru.w(i+k) != w {
				ok = false
				break
			}
		}
		if ok && len(h.words) > end-i {
			m, d, end = h.month, h.day, i+len(h.words)
		}
	}
	if end == 0 {
		switch {
		case ru.is(i, "thanksgiving"):
			rule, end = "thanksgiving", i+1
			if ru.is(end, "day") {
				end++
			}
		case ru.is(i, "easter"):
			rule, end = "easter", i+1
			if ru.is(end, "sunday") {
				end++
			}
		default:
			return cand{}, false
		}
	}
	c := cand{first: first, end: end, typ: "date", rel: true}
	dateIn := func(y int) time.Time {
		switch rule {
		case "thanksgiving":
			nov1 := day(y, time.November, 1)
			off := (int(time.Thursday) - int(nov1.Weekday()) + 7) % 7
			return nov1.AddDate(0, 0, off+21)
		case "easter":
			return easter(y)
		}
		return day(y, m, d)
	}
	if y, ok := ru.yearNum(end); ok {
		c.end, c.rel = end+1, false
		c.value = fmtDay(dateIn(y))
		return c, true
	}
	if !ru.hasDCT {
		if rule == "" {
			c.value = fmt.Sprintf("XXXX-%02d-%02d", m, d)
		}
		return c, true
	}
	y := ru.dct.Year()
	dt := dateIn(y)
	dir := ru.dir(first)
	switch which {
	case "last":
		dir = -1
	case "next":
		dir = 1
	case "this":
		dir = 0
	}
	if dir < 0 && dt.After(ru.dct) {
		dt = dateIn(y - 1)
	} else if dir > 0 && dt.Before(ru.dct) {
		dt = dateIn(y + 1)
	}
	c.value = fmtDay(dt)
	return c, true
}

// easter returns the date of Easter Sunday in year y (the anonymous
// Gregorian algorithm).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, time.Month(month), dd)
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
		if n > 1e6 {
			return -1
		}
	}
	return n
}

func validDate(y, m, d int) bool {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return day(y, time.Month(m), d).Day() == d
}
