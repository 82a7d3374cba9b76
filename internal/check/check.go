// Package check finds where a news report contradicts itself in its
// figures: a converted figure that does not match ("1,000 kilometres (680
// miles)": 1,000 km is 621 miles), shares of one whole that add up to more
// than it (also counts given with their shares of one total, "48,310
// votes (51.4%)", which must also imply one total; and counts with
// their shares of the whole their sentence opens with, "Of those, 380, or
// 41%, …"), an amount split
// into parts that do not add up to it ("€20.1 billion split between
// €11.3 billion, €5.2 billion and €2.9 billion"), a side's wins, draws
// and defeats that do not add up to the games they are of, an average
// per game that is not a count over its games ("19 goals in 31
// appearances, a rate of 0.71 per game"), the sides of
// a vote that add up to more than the body's members, a change in points that
// is not the difference of the percentages it is between, a change in
// per cent that is not the relative change of the two figures it follows
// ("from €7.5 billion to €8.1 billion, a rise of 12%") or stands between
// ("320 metres long, a 60% increase on the old 250 metres") or stands
// before ("fell 12% to €184 million from €198 million"), a duration that disagrees with the dates it spans given the
// publication date, an age at death that the dates of birth and death
// contradict, the same figure stated twice with different values, a
// date written with a weekday the calendar does not give it, and local
// times whose times in UTC imply no time zone, or two in one week.
//
// The entry point is Run (or New and (*Checker).Run), which fills
// doc.Document.Checks from the quantities and dates that packages
// quantity and timex found. Every check states its rule in its doc
// comment; none fires on figures that agree within rounding.
package check

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/quantity"
)

// Checker runs the checks. It is immutable and safe for concurrent use.
type Checker struct {
	units *quantity.Units
}

// New returns a Checker that converts units with table u.
func New(u *quantity.Units) *Checker { return &Checker{units: u} }

var defaultChecker = sync.OnceValues(func() (*Checker, error) {
	f, err := quantity.Default()
	if err != nil {
		return nil, err
	}
	return New(f.Units()), nil
})

// Run fills d.Checks using the default unit table. It returns an error
// only when the embedded unit table is broken.
func Run(d *doc.Document) error {
	c, err := defaultChecker()
	if err != nil {
		return err
	}
	c.Run(d)
	return nil
}

// Run fills d.Checks, replacing what it held, sorted by the position of
// their first span.
func (c *Checker) Run(d *doc.Document) {
	d.Checks = d.Checks[:0]
	d.Checks = c.conversions(d, d.Checks)
	d.Checks = exchangeRates(d, d.Checks)
	d.Checks = shares(d, d.Checks)
	d.Checks = splits(d, d.Checks)
	d.Checks = countShares(d, d.Checks)
	d.Checks = wholePairs(d, d.Checks)
	d.Checks = votes(d, d.Checks)
	d.Checks = results(d, d.Checks)
	d.Checks = perGame(d, d.Checks)
	d.Checks = changes(d, d.Checks)
	d.Checks = relativeChanges(d, d.Checks)
	d.Checks = changesOn(d, d.Checks)
	d.Checks = changesToFrom(d, d.Checks)
	d.Checks = durations(d, d.Checks)
	d.Checks = agesAtDeath(d, d.Checks)
	d.Checks = restated(d, d.Checks)
	d.Checks = weekdays(d, d.Checks)
	d.Checks = zones(d, d.Checks)
	sort.SliceStable(d.Checks, func(i, j int) bool {
		return d.Checks[i].Spans[0].Start < d.Checks[j].Spans[0].Start
	})
}

// between returns the text between two spans, or "" when they overlap or
// are out of order.
func between(d *doc.Document, a, b doc.Span) string {
	if b.Start < a.End {
		return ""
	}
	return d.Text[a.End:b.Start]
}

// bounds returns the interval a stated figure allows, given its hedge
// and the rounding of its last digit.
func bounds(q *doc.Quantity, v, step float64) (lo, hi float64) {
	lo, hi = v-step/2, v+step/2
	if q.IsRange() {
		lo, hi = q.Value-step/2, q.Max+step/2
	}
	switch q.Qualifier {
	case "about", "around", "roughly", "approximately", "approx", "some", "estimated", "an estimated", "circa", "c.", "~", "more or less", "close to", "just about":
		lo, hi = lo*0.9, hi*1.1
	case "nearly", "almost", "just under", "barely":
		lo = lo * 0.85
	case "at least", "more than", "over", "upwards of", "in excess of", "just over", "well over", "no less than", "no fewer than", "above", "beyond", ">":
		hi = math.Inf(1)
	case "at most", "less than", "fewer than", "under", "up to", "no more than", "as many as", "as much as", "as far as", "well under", "below", "<", "as few as", "as little as", "as long as", "as high as", "as low as", "not more than", "a maximum of":
		lo = 0
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	return lo, hi
}

// approximate reports whether a hedge makes a figure an estimate.
func approximate(q string) bool {
	switch q {
	case "about", "around", "roughly", "approximately", "approx", "some", "estimated", "an estimated", "nearly", "almost", "circa", "close to", "more or less":
		return true
	}
	return false
}

// num writes v for a message: rounded to step when step is a power of
// ten, else to three significant digits, with thousands separators.
func num(v, step float64) string {
	decimals := 0
	switch {
	case step > 0 && step < 1:
		decimals = int(math.Ceil(-math.Log10(step) - 1e-9))
	case step >= 1:
		v = math.Round(v/step) * step
	default:
		if a := math.Abs(v); a > 0 && a < 100 {
			decimals = 2 - int(math.Floor(math.Log10(a)))
		}
	}
	if decimals > 6 {
		decimals = 6
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if len(intPart) > 4 || len(intPart) == 4 && step >= 1 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}

// unitWord returns a unit's name for a message, plural when v is not 1.
func unitWord(name string, v float64) string {
	if v == 1 || name == "" {
		return name
	}
	switch {
	case name == "foot":
		return "feet"
	case name == "inch":
		return "inches"
	case strings.HasPrefix(name, "degree "):
		return "degrees " + strings.TrimPrefix(name, "degree ")
	case strings.HasSuffix(name, "y") && len(name) > 1 && !strings.ContainsRune("aeiou", rune(name[len(name)-2])):
		return name[:len(name)-1] + "ies"
	case strings.HasSuffix(name, "s"):
		return name
	}
	if i := strings.Index(name, " per "); i > 0 {
		return name[:i] + "s" + name[i:]
	}
	return name + "s"
}

func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }
