package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// rateTolerance is how far apart, beyond the rounding of their figures,
// two exchange rates one article converts at may lie. Rates between the
// main currencies seldom move more than a tenth in a year, and a writer
// may convert one figure at one day's rate and another at an older one;
// "£1.2bn ($1.5bn)" (1.25 dollars a pound) and "£300m ($600m)" (2) are
// more than a slip of rounding or date apart.
const rateTolerance = 0.15

// exchange is one sum of money given with its conversion into another
// currency: "£1.2bn ($1.5bn)", "¥2.1tn, about $14bn".
type exchange struct {
	a, b   *doc.Quantity
	lo, hi float64 // the rate, b's currency per a's, that the figures allow
	years  []int   // the years of the date nearest to it
}

// exchangeRates checks that the conversions between the same two
// currencies in an article imply one exchange rate: each conversion of a
// pair that disagrees with the first one of that pair, and with every
// other before it, by more than rateTolerance beyond the rounding of
// their figures (half a unit of the last written digit, at most a tenth
// of the figure, and a hedge's tenth) is flagged, a warning. No rate is
// taken as true: the article's conversions are judged against each
// other. Conversions whose nearest dates in their sentences are of
// different years (one with none is of the year of publication or the
// one before) are not compared: rates change over time.
func exchangeRates(d *doc.Document, out []doc.Check) []doc.Check {
	qs := d.Quantities
	pairs := map[string][]exchange{}
	var order []string
	for i := 0; i+1 < len(qs); i++ {
		a, b := &qs[i], &qs[i+1]
		ca, cb, ok := currencies(a, b)
		if !ok || !currencyLink(d, a, b) {
			continue
		}
		alo, ahi, ok1 := rateBounds(a)
		blo, bhi, ok2 := rateBounds(b)
		if !ok1 || !ok2 || alo <= 0 || blo <= 0 {
			continue
		}
		x := exchange{a: a, b: b, lo: blo / ahi, hi: bhi / alo, years: conversionYears(d, a, b)}
		key := ca + "/" + cb
		if cb < ca {
			// One direction for the pair: a's currency per b's.
			key = cb + "/" + ca
			x.lo, x.hi = 1/x.hi, 1/x.lo
		}
		if pairs[key] == nil {
			order = append(order, key)
		}
		pairs[key] = append(pairs[key], x)
	}
	for _, key := range order {
		xs := pairs[key]
		for j := 1; j < len(xs); j++ {
			if !disagrees(&xs[0], &xs[j]) {
				continue
			}
			agrees := false
			for k := 1; k < j; k++ {
				if !disagrees(&xs[k], &xs[j]) {
					agrees = true
					break
				}
			}
			if agrees {
				continue
			}
			out = append(out, rateCheck(d, &xs[0], &xs[j]))
		}
	}
	return out
}

// currencies returns the currency codes of a and b when they are sums of
// money in two known currencies, counted alike ("£9,000 a head ($11,000
// a head)"): "GBP", "USD".
func currencies(a, b *doc.Quantity) (string, string, bool) {
	if a.IsRange() || b.IsRange() || a.Kind != b.Kind || !strings.HasPrefix(a.Kind, "money") {
		return "", "", false
	}
	ca, pa, _ := strings.Cut(a.SIUnit, "/")
	cb, pb, _ := strings.Cut(b.SIUnit, "/")
	if ca == cb || pa != pb || len(ca) != 3 || len(cb) != 3 || ca == "XXX" || cb == "XXX" {
		return "", "", false
	}
	return ca, cb, true
}

// currencyLink reports whether b is a's conversion into another
// currency: in brackets after it, after ", or", or after a comma and a
// hedge ("¥2.1tn, about $14bn").
func currencyLink(d *doc.Document, a, b *doc.Quantity) bool {
	gap := between(d, a.Span, b.Span)
	if conversionLink(gap, d.Text, b.End) {
		return true
	}
	if strings.TrimSpace(gap) != "," {
		return false
	}
	switch b.Qualifier {
	case "about", "around", "roughly", "approximately", "nearly", "almost", "close to":
		return true
	}
	return false
}

// rateBounds returns the interval a figure's rounding and hedge allow
// for a rate: half a unit of its last written digit, at most a tenth of
// it ("£300m" is 270m to 330m, not 250m to 350m), and a tenth more
// either way for an estimate. A figure with a bound for a hedge ("more
// than") gives none.
func rateBounds(q *doc.Quantity) (lo, hi float64, ok bool) {
	if q.Qualifier != "" && !approximate(q.Qualifier) {
		return 0, 0, false
	}
	v := math.Abs(q.SIValue)
	if q.Value == 0 || v == 0 {
		return 0, 0, false
	}
	half := min(q.Step/2*v/math.Abs(q.Value), v/10)
	lo, hi = v-half, v+half
	if approximate(q.Qualifier) {
		lo, hi = lo*0.9, hi*1.1
	}
	return lo, hi, true
}

// disagrees reports whether two conversions' rates lie more than
// rateTolerance apart, beyond what their figures allow, and their
// sentences name no different years.
func disagrees(x, y *exchange) bool {
	if (len(x.years) > 0 || len(y.years) > 0) && !shareYear(x.years, y.years) {
		return false
	}
	return y.lo > x.hi*(1+rateTolerance) || x.lo > y.hi*(1+rateTolerance)
}

// shareYear reports whether two lists of years have one in common.
func shareYear(a, b []int) bool {
	for _, y := range a {
		for _, z := range b {
			if y == z {
				return true
			}
		}
	}
	return false
}

// conversionYears returns the years of the absolute date nearest to a
// conversion of a into b in its sentence (each year the date spans:
// "2027-28" names 2027 and 2028); with none, the year of publication and
// the one before (a year's results), or none without a publication date.
func conversionYears(d *doc.Document, a, b *doc.Quantity) []int {
	var near *doc.Date
	dist := 0
	for k := range d.Dates {
		t := &d.Dates[k]
		if t.Sentence != a.Sentence || t.Relative || t.From.IsZero() || t.Type != "date" && t.Type != "time" {
			continue
		}
		g := max(t.Start-b.End, a.Start-t.End)
		if near == nil || g < dist {
			near, dist = t, g
		}
	}
	var ys []int
	if near != nil {
		for y := near.From.Year(); y <= near.To.Add(-1).Year(); y++ {
			ys = append(ys, y)
		}
	} else if !d.Published.IsZero() {
		ys = append(ys, d.Published.Year()-1, d.Published.Year())
	}
	return ys
}

// rateCheck writes the check for conversion y, whose rate disagrees with
// conversion x's; both rates are given as x gives its own: "1.25
// dollars to the pound sterling".
func rateCheck(d *doc.Document, x, y *exchange) doc.Check {
	rx := x.b.SIValue / x.a.SIValue
	ry := y.b.SIValue / y.a.SIValue
	if currencyName(y.a) != currencyName(x.a) {
		ry = 1 / ry // "$600m (£300m)" after "£1.2bn ($1.5bn)"
	}
	rate := func(r float64) string {
		return num(r, 0) + " " + unitWord(currencyName(x.b), r) + " to the " + currencyName(x.a)
	}
	return doc.Check{
		Kind:     "conversion",
		Severity: "warning",
		Spans:    []doc.Span{x.a.Span, x.b.Span, y.a.Span, y.b.Span},
		Message: fmt.Sprintf("%s (%s) converts at %s, but %s (%s) at %s (%.0f%% apart)",
			d.Slice(x.a.Span), d.Slice(x.b.Span), rate(rx), d.Slice(y.a.Span), d.Slice(y.b.Span), rate(ry), 100*(math.Max(rx, ry)/math.Min(rx, ry)-1)),
	}
}

// currencyName is the name of q's currency for a message: "dollar",
// "pound sterling" ("pound sterling per person" is "pound sterling").
func currencyName(q *doc.Quantity) string {
	name, _, _ := strings.Cut(q.Unit, " per ")
	return name
}
