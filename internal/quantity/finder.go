package quantity

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Finder finds the quantities of a document. It is immutable after New
// and safe for concurrent use on different documents.
type Finder struct {
	units *Units
	// context holds the context words that choose among the units a form
	// names (nil: always the first); unitKind is, by unit index, the
	// index of the unit's kind in context, or -1.
	context  *Context
	unitKind []int8
	// units the grammar treats specially
	degreeAngle, percentage, year *Unit
	// starters are the words (lower case, and money symbols as written)
	// a quantity can begin with; other words are skipped quickly, most
	// of them by starterFilter alone.
	starters      map[string]bool
	starterFilter WordFilter
	// otherStarters are the words of one other character (see Other) a
	// quantity can begin with: a minus sign, a fraction ("½"), the first
	// character of a unit's form ("$", "°"); asciiStarters holds those
	// of one byte.
	otherStarters map[string]bool
	asciiStarters [utf8.RuneSelf]bool
}

// Default returns a Finder over the embedded unit table and context
// lexicon, built once.
var Default = sync.OnceValues(func() (*Finder, error) {
	u, err := ParseUnits(unitsTSV)
	if err != nil {
		return nil, err
	}
	c, err := ParseContext(contextTSV)
	if err != nil {
		return nil, err
	}
	return New(u, c), nil
})

// New returns a Finder that recognises the units of u and chooses among
// the units one form names ("b": bit or barn) by the context words of c.
// With a nil c, a form always names the first of its units, and the
// forms that need context to be units at all ("C", "K", "b") are not.
func New(u *Units, c *Context) *Finder {
	f := &Finder{
		units:       u,
		context:     c,
		unitKind:    make([]int8, len(u.list)),
		degreeAngle: u.Lookup("degree angle"),
		percentage:  u.Lookup("percentage"),
		year:        u.Lookup("year"),
		starters:    map[string]bool{},
	}
	for i := range u.list {
		f.unitKind[i] = -1
		if c != nil {
			f.unitKind[i] = int8(c.kind(u.list[i].Kind))
		}
	}
	for _, m := range []*wordValues{smallWords, tensWords, scaleWords, ordinalWords} {
		for w := range m.m {
			f.starters[w] = true
		}
	}
	for _, w := range []string{"a", "an", "minus", "negative", "half", "quarter", "hundred", "per", "percent", "percents", "percentage", "c", "hk", "us", "u", "nz", "absolute"} {
		f.starters[w] = true
	}
	for k, forms := range u.byFirst {
		for _, fm := range forms {
			if fm.symbol && u.list[fm.unit].Kind == "money" {
				f.starters[k] = true
				f.starters[strings.ToLower(k)] = true
			}
		}
	}
	for w := range f.starters {
		f.starterFilter.Add(w)
	}
	f.otherStarters = map[string]bool{"-": true, "−": true, "–": true}
	for w := range vulgar.m {
		f.otherStarters[w] = true
	}
	for k := range u.byFirst {
		if r, _ := utf8.DecodeRuneInString(k); !unicode.IsLetter(r) {
			f.otherStarters[k] = true
		}
	}
	for w := range f.otherStarters {
		if len(w) == 1 && w[0] < utf8.RuneSelf {
			f.asciiStarters[w[0]] = true
		}
	}
	return f
}

// isStarter reports whether a quantity can begin with the letters w.
func (f *Finder) isStarter(w string) bool {
	return f.starterFilter.MayHave(w) && f.starters[w]
}

// isOtherStarter reports whether a quantity can begin with the word w of
// one other character: only there can a unit's form or a number begin
// (see Units.match and Text.Number).
func (f *Finder) isOtherStarter(w string) bool {
	if len(w) == 1 && w[0] < utf8.RuneSelf {
		return f.asciiStarters[w[0]]
	}
	return f.otherStarters[w]
}

// Units returns the Finder's unit table.
func (f *Finder) Units() *Units { return f.units }

// Find fills d.Quantities with the quantities of d.Text, in text order,
// replacing what it held. It reads d.Sentences (to tie each quantity to
// its sentence), token tags when present (to find the noun a quantity
// counts), and d.Dates when present (numbers inside dates and times are
// not quantities).
func (f *Finder) Find(d *doc.Document) {
	r := runs.Get().(*run)
	words := r.t.Words[:0]
	if n := len(d.Text)/4 + 1; cap(words) < n {
		words = make([]Word, 0, n)
	}
	*r = run{f: f, d: d, skip: dateSpans(r.skip[:0], d)}
	r.t.Reset(d.Text, LowerASCII(d.Text), 0, len(d.Text), words)
	r.skipSorted = endsSorted(r.skip)
	d.Quantities = d.Quantities[:0]
	r.out = d.Quantities
	r.scan()
	centCurrencies(r.out)
	d.Quantities = r.out
	// Keep the slices for the next Find, but not the document.
	*r = run{t: Text{Words: r.t.Words[:0]}, skip: r.skip[:0]}
	runs.Put(r)
}

// finite reports whether every value is a finite number: a quantity
// whose arithmetic overflowed ("5e400 dollars") states nothing, and JSON
// has no infinities.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return false
		}
	}
	return true
}

// centCurrencies gives each amount in cents the currency of the nearest
// amount before it (or else after it) in a currency divided into cents:
// "4 cents, to 71 cents" in a story of euros are euro cents. With none,
// a cent stays the US dollar's.
func centCurrencies(qs []doc.Quantity) {
	for i := range qs {
		if qs[i].Unit != "cent" {
			continue
		}
		cur := ""
		for k := i - 1; k >= 0 && cur == ""; k-- {
			cur = centCurrency(&qs[k])
		}
		for k := i + 1; k < len(qs) && cur == ""; k++ {
			cur = centCurrency(&qs[k])
		}
		if cur != "" {
			qs[i].SIUnit = cur
		}
	}
}

// centCurrency returns the currency of q when it is an amount (not in
// cents) in a currency whose hundredth is a cent, or "".
func centCurrency(q *doc.Quantity) string {
	if q.Kind != "money" || q.Unit == "cent" {
		return ""
	}
	switch q.SIUnit {
	case "EUR", "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "ZAR", "TWD", "NAD", "JMD", "TTD", "BBD", "FJD", "LKR", "KES", "UGX", "TZS":
		return q.SIUnit
	}
	return ""
}

// runs holds the runs of finished Finds, so that a Find reuses the word
// slice of an earlier one instead of allocating its own.
var runs = sync.Pool{New: func() any { return new(run) }}

// dateSpans appends to out the spans of d's dates and times (not
// durations or sets), in order, and returns the extended slice.
func dateSpans(out []doc.Span, d *doc.Document) []doc.Span {
	for _, t := range d.Dates {
		if t.Type == "date" || t.Type == "time" {
			out = append(out, t.Span)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// endsSorted reports whether the spans end in order, as they do when no
// span holds another.
func endsSorted(spans []doc.Span) bool {
	for k := 1; k < len(spans); k++ {
		if spans[k].End < spans[k-1].End {
			return false
		}
	}
	return true
}

// run is the state of one Find.
type run struct {
	f    *Finder
	d    *doc.Document
	t    Text
	skip []doc.Span
	// skipSorted says the spans of skip end in order; then skipAt is the
	// first span ending after the last word scan asked about.
	skipSorted bool
	skipAt     int
	out        []doc.Quantity
	// ctx holds the context scores of sentence ctxSentence when ctxValid
	// (see contextScores).
	ctx         kindScores
	ctxSentence int
	ctxValid    bool
}

func (r *run) scan() {
	t := &r.t
	for i := 0; i < len(t.Words); {
		if r.inDateScan(i) && !r.measureNotYear(i) {
			i++
			continue
		}
		if e := r.urlEnd(i); e > i {
			i = e
			continue
		}
		switch t.Words[i].Kind {
		case Letters:
			if !r.f.isStarter(t.W(i)) && !r.f.isStarter(t.Raw(i)) {
				i++
				continue
			}
		case Other:
			if !r.f.isOtherStarter(t.W(i)) {
				i++
				continue
			}
		}
		q, end, ok := r.at(i)
		if ok && finite(q.Value, q.Max, q.SIValue, q.SIMax, q.Step) {
			q.Sentence = r.d.SentenceAt(q.Start)
			r.out = append(r.out, q)
		}
		if end <= i {
			end = i + 1
		}
		i = end
	}
}

// measureNotYear reports whether word i, which a date span holds, is a
// number that a unit of measure follows ("ran 2000 km", "1500 b of
// data"), which makes it a measure, not a year. A currency is not such a
// unit: "in 2010 dollars" names the year's money.
func (r *run) measureNotYear(i int) bool {
	t := &r.t
	if t.Kind(i) != Digits || len(t.W(i)) != 4 {
		return false
	}
	n, ok := t.Number(i)
	if !ok || n.End != i+1 || n.Scaled {
		return false
	}
	u, _, adj := r.unitAfter(n)
	return u != nil && !adj && u.Kind != "money" && u.Kind != "duration"
}

// urlEnd returns the word after a web address or e-mail address that
// starts at word i, or i.
func (r *run) urlEnd(i int) int {
	t := &r.t
	w := t.W(i)
	isURL := (w == "http" || w == "https") && t.W(i+1) == ":" && t.W(i+2) == "/" ||
		w == "www" && t.W(i+1) == "." && t.Glued(i+1)
	if !isURL {
		return i
	}
	k := i + 1
	for k < len(t.Words) && !t.Words[k].Space {
		k++
	}
	return k
}

// inDateScan is inDate for scan, which asks about words in order: when
// the date spans end in order, the first that ends after the word is
// found by moving on from the last one found, not by a search.
func (r *run) inDateScan(i int) bool {
	if !r.skipSorted {
		return r.inDate(i)
	}
	start := r.t.Words[i].Start
	k := r.skipAt
	for k < len(r.skip) && r.skip[k].End <= start {
		k++
	}
	r.skipAt = k
	return k < len(r.skip) && r.skip[k].Start <= start
}

// inDate reports whether word i lies in a date or time span.
func (r *run) inDate(i int) bool {
	w := r.t.Words[i]
	k := sort.Search(len(r.skip), func(k int) bool { return r.skip[k].End > w.Start })
	return k < len(r.skip) && r.skip[k].Start <= w.Start
}

// span returns the byte span of words [i, j).
func (r *run) span(i, j int) doc.Span {
	return doc.Span{Start: r.t.Words[i].Start, End: r.t.Words[j-1].End}
}

// at reads a quantity that starts at word i. It returns the quantity,
// the word after what it read, and whether it is a quantity.
func (r *run) at(i int) (doc.Quantity, int, bool) {
	t := &r.t
	if u, k, ok := r.moneyPrefix(i); ok {
		return r.money(i, u, k)
	}
	if t.W(i) == "absolute" && t.W(i+1) == "zero" {
		// A constant: 0 K.
		q := doc.Quantity{Span: r.span(i, i+2), Kind: "temperature"}
		r.setUnit(&q, r.f.units.Lookup("kelvin"))
		return q, i + 2, true
	}
	if q, end, ok := r.pointFraction(i); ok {
		return q, end, true
	}
	n, ok := t.Number(i)
	if !ok {
		if q, end, ok := r.articleUnit(i); ok {
			return q, end, true
		}
		return r.percentOf(i)
	}
	if n.Ordinal || r.notQuantity(n) {
		return doc.Quantity{}, n.End, false
	}
	n = r.unitNotScale(n)
	// "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km": an uncertainty.
	if e := r.uncertainty(n.End); e > n.End {
		n.End = e
	}
	u, uEnd, adj := r.unitAfter(n)
	if u == nil {
		u, uEnd = r.namedCurrency(n.End)
	}
	if u == nil && r.fractionInCompound(n) {
		return doc.Quantity{}, n.End, false
	}
	lo, hi := n, n
	end := n.End
	if u != nil {
		end = uEnd
	}
	// Scores and tallies: "voted 7-2", "won 3-1".
	if q, e, ok := r.score(i, n); ok {
		return q, e, true
	}
	// Ranges: "two to three weeks", "8- to 16-meter", "10-15 exabytes",
	// "between 44 and 50 mg".
	if m, u2, end2, adj2, ok := r.rangeAfter(n, u, end); ok {
		hi, u, end = m, u2, end2
		adj = adj || adj2
		if m.Scaled && !n.Scaled && n.Value < m.Value/lastScaleOf(m.Value) {
			lo.Value *= lastScaleOf(m.Value)
		}
		if hi.Value < lo.Value {
			lo, hi = hi, lo
		}
	}
	if per, e := r.perCurrency(end); u == nil && per != nil {
		if base := r.currencyNamed(i, per); base != nil {
			u, end = r.f.units.compound(base, per), e
		}
	}
	if u == nil {
		if isYear(t, n) && hi.Value == n.Value {
			return doc.Quantity{}, end, false
		}
		if t.W(n.First) == "one" && n.End == n.First+1 && hi.Value == n.Value && !r.oneIsNumber(n.First) {
			return doc.Quantity{}, end, false
		}
		// Labels: "No. 5", "#3", "Article 5", "Voyager 2".
		if t.Kind(n.First) == Digits && isLabel(t, n.First) {
			return doc.Quantity{}, end, false
		}
		// "45 and 50 mg": the unit of the next number; "promise 90 days
		// and deliver 120": the unit of the figure before.
		if u2 := r.sharedUnit(n); u2 != nil {
			u = u2
		} else if u2 := r.elidedUnit(n); u2 != nil {
			u = u2
		} else if u2 := r.followingUnit(n); u2 != nil {
			u = u2
		}
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
			return doc.Quantity{}, end, false
		}
		// "the 15-member council", "a 240-seat chamber": a body's size,
		// an adjective of the body's noun.
		if e := r.bodySize(end); u == nil && e > end && !n.Fraction {
			end, adj = e, true
		}
	}
	q := doc.Quantity{
		Span:      r.span(i, end),
		Value:     lo.Value,
		Max:       hi.Value,
		Qualifier: r.qualifier(i),
		Adjective: adj,
		Step:      lo.Step,
		Kind:      "count",
	}
	if n.Fraction {
		q.Kind = "fraction"
		q.Step = 0
	}
	if u != nil {
		r.setUnit(&q, u)
	}
	// Ages: "a 20-year-old", "five years old", "three months of age".
	if q.Kind == "duration" {
		if e, age := r.ageEnd(end, adj); age {
			end = e
			q.Span.End = t.Words[end-1].End
			q.Kind = "age"
		}
	}
	// "two years and a half", "one mile and a half": a half more.
	if e, ok := r.andAHalf(end); ok && u != nil && !q.IsRange() && isInt(q.Value) && !n.Fraction {
		q.Value, q.Max, end = q.Value+0.5, q.Max+0.5, e
		q.Span.End = t.Words[end-1].End
		r.setUnit(&q, u)
	}
	// Compound measures: "5 ft 2 in", "3 dollars 50 cents".
	if e, ok := r.compoundMeasure(&q, u, end); ok {
		end = e
	} else if e, ok := r.hyphenedHeight(&q, u, end); ok {
		end = e
	}
	r.temperatureDifference(&q, i, end)
	r.attach(&q, end, adj)
	r.sameSentenceHead(&q)
	r.elidedVotes(&q, end)
	if r.phoneNumber(&q, i) {
		return doc.Quantity{}, end, false
	}
	if q.Qualifier == "over" && (r.overAcross(&q, i) || q.Adjective && !q.Head.IsZero()) {
		q.Qualifier = "" // "over 12 seasons"; "a row over 38 billion-crown plan"
	}
	if r.f.year != nil && r.bareAge(&q, i, end) {
		r.setUnit(&q, r.f.year)
		q.Kind = "age"
	}
	if r.magnitude(&q, i, end) {
		q.Kind = "magnitude"
	}
	return q, end, true
}

// magnitude reports whether q, a number with no unit read from word i to
// word end, is an earthquake's magnitude: right after "magnitude" ("a
// magnitude 6.8 earthquake") or before it, with a hyphen or not ("a
// 5.2-magnitude aftershock"), and below 10.
func (r *run) magnitude(q *doc.Quantity, i, end int) bool {
	if q.Kind != "count" || q.Unit != "" || q.Value < 0 || q.Max >= 10 || q.Qualifier != "" {
		return false
	}
	t := &r.t
	if t.W(i-1) == "magnitude" {
		return true
	}
	if t.isHyphen(end) && t.Glued(end) {
		end++
	}
	return t.W(end) == "magnitude"
}

// overAcross reports whether "over" before q, a time (a duration, or a
// count of seasons or terms), at word i, means "across" rather than
// "more than": it follows a noun or a figure, the object of a verb
// ("made 387 appearances over 12 seasons", "rose 20% over 14 years"),
// not a verb or a preposition ("took over 3 hours", "for over 40 years").
func (r *run) overAcross(q *doc.Quantity, i int) bool {
	if q.Kind != "duration" && !(q.Kind == "count" && !q.Head.IsZero() && timeNoun(r.t.Lower[q.Head.Start:q.Head.End])) {
		return false
	}
	t := &r.t
	k := i - 2 // the word before "over"
	switch t.Kind(k) {
	case Digits:
		return true
	case Other:
		return t.W(k) == "%"
	}
	d := r.d
	if t.Kind(k) != Letters || len(d.Tokens) == 0 || d.Tokens[0].POS == doc.TagNone {
		return false
	}
	ti := d.TokenAt(t.Words[k].Start)
	return ti < len(d.Tokens) && d.Tokens[ti].Start == t.Words[k].Start && d.Tokens[ti].POS.IsNoun()
}

// timeNoun reports whether w (lower case) names a stretch of time that
// is no unit: "seasons", "terms".
func timeNoun(w string) bool {
	switch w {
	case "season", "seasons", "term", "terms", "campaign", "campaigns", "generation", "generations":
		return true
	}
	return false
}

// namedCurrency reads a currency the table does not know after a number,
// at word k: an adjective of a people in capitals ("Arcadian") and a
// currency's noun ("crowns", "dollars"). Its unit is made for the
// occasion, "arcadian crown", with no known ISO code (XXX).
func (r *run) namedCurrency(k int) (*Unit, int) {
	t := &r.t
	w := t.W(k)
	if t.Kind(k) != Letters || !isUpperFirst(t.Raw(k)) || !demonym(w) {
		return nil, k
	}
	u, e := r.matchUnit(k+1, false, false)
	if u == nil || u.Kind != "money" {
		return nil, k
	}
	return &Unit{Name: w + " " + u.Name, Kind: "money", Factor: 1, SI: "XXX"}, e
}

// demonym reports whether w (lower case) has the ending of an adjective
// of a people: "arcadian", "ruritanian", "freedonese", "elbonish".
func demonym(w string) bool {
	for _, s := range []string{"an", "ese", "ish", "i"} {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// isUpperFirst reports whether s opens with a capital.
func isUpperFirst(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(c)
}

// fractionInCompound reports whether n, a fraction in one word, is the
// first part of a compound word, joined by a hyphen to a word that is no
// unit: "half-mast", "half-brother" are no numbers ("a half-hour" is).
func (r *run) fractionInCompound(n Number) bool {
	t := &r.t
	k := n.End
	return n.Fraction && n.End == n.First+1 && t.Kind(n.First) == Letters && t.isHyphen(k) && t.Glued(k) &&
		t.Kind(k+1) == Letters && t.Glued(k+1)
}

// unitNotScale takes back a scale letter glued to the digits of n
// ("1500b", "32K") that is also a unit symbol, when a context word for
// one of its units' kinds stands near: "the 1500b packet" holds bits, "a
// 32K memory" kibibytes. Without such context the scale stands ("1.2b").
func (r *run) unitNotScale(n Number) Number {
	t := &r.t
	j := n.End - 1
	if !n.Scaled || j <= n.First || t.Kind(j) != Letters || !t.Glued(j) || t.Kind(j-1) != Digits {
		return n
	}
	sc, end := t.suffixScale(j)
	if sc == 0 || end != n.End {
		return n
	}
	p := t.Words[j].Start
	u, e, alts := r.f.units.matchAlts(t.Src, t.Lower, p, nil)
	if u == nil || e != t.Words[j].End {
		return n
	}
	score := int16(-1)
	if len(alts) > 1 {
		u, score = r.choose(alts, p)
	}
	if r.unitScore(u, score, p) <= 0 {
		return n
	}
	n.Value /= sc
	n.Step /= sc
	n.End, n.Scaled = j, false
	return n
}

// score reads a score or tally at word i: two integers joined by a dash,
// the first not smaller ("voted 7-2", "a 3-3 draw"). Its Value and Max
// are the two sides.
func (r *run) score(i int, n Number) (doc.Quantity, int, bool) {
	t := &r.t
	j := n.End
	if t.Kind(n.First) != Digits || n.End != n.First+1 || !t.isHyphen(j) || !t.Glued(j) || !t.Glued(j+1) || t.Kind(j+1) != Digits {
		return doc.Quantity{}, i, false
	}
	m, ok := t.Number(j + 1)
	if !ok || m.End != j+2 || !isInt(n.Value) || !isInt(m.Value) || n.Value >= 1000 || t.Kind(m.End) == Letters && t.Glued(m.End) || t.isHyphen(m.End) {
		return doc.Quantity{}, i, false
	}
	end := m.End
	tie := t.tiebreak(end)
	// "3-6, 6-3, 7-6", "6-7 (4)": a pair whose first side is smaller is a
	// score only beside a tiebreak or another score of its list.
	if m.Value > n.Value && tie == end && !t.scorePair(end+1) && !(i >= 2 && t.W(i-1) == "," && t.scoreBefore(i-1)) && !t.records(i) {
		return doc.Quantity{}, i, false
	}
	end = tie
	q := doc.Quantity{Span: r.span(i, end), Value: n.Value, Max: m.Value, Kind: "score", Step: 1}
	return q, end, true
}

// records reports whether the pair at word k is one of two win-loss
// records in brackets after a capitalised name, "the Owls (4-7, 3-4)":
// a team's record overall and in its conference, in either order.
func (t *Text) records(k int) bool {
	p := k - 1
	if t.W(p) == "," {
		p = k - 5
	}
	if p < 1 || t.W(p) != "(" || t.Kind(p-1) != Letters || !isUpperFirst(t.Src[t.Words[p-1].Start:t.Words[p-1].End]) {
		return false
	}
	small := func(k int) bool {
		if t.Kind(k) != Digits || !t.isHyphen(k+1) || !t.Glued(k+1) || !t.Glued(k+2) || t.Kind(k+2) != Digits {
			return false
		}
		a, err1 := strconv.Atoi(t.W(k))
		b, err2 := strconv.Atoi(t.W(k + 2))
		return err1 == nil && err2 == nil && a < 100 && b < 100
	}
	return small(p+1) && t.W(p+4) == "," && small(p+5) && t.W(p+8) == ")"
}

// scorePair reports whether words k to k+2 are a score after a comma at
// word k-1 (", 6-3").
func (t *Text) scorePair(k int) bool {
	return t.W(k-1) == "," && t.pairAt(k)
}

// pairAt reports whether words k to k+2 are a dash-joined pair of small
// integers, the first not smaller ("6-3").
func (t *Text) pairAt(k int) bool {
	if t.Kind(k) != Digits || !t.isHyphen(k+1) || !t.Glued(k+1) || !t.Glued(k+2) || t.Kind(k+2) != Digits {
		return false
	}
	a, ok1 := strconv.Atoi(t.W(k))
	b, ok2 := strconv.Atoi(t.W(k + 2))
	return ok1 == nil && ok2 == nil && a < 100 && b <= a && !t.isHyphen(k+3)
}

// scoreBefore reports whether the words before the comma at word c end a
// score a list continues: "6-3" or "7-6 (5)" in "6-3, 3-6".
func (t *Text) scoreBefore(c int) bool {
	k := c - 3
	if k >= 3 && t.W(c-1) == ")" && t.W(c-3) == "(" && t.Kind(c-2) == Digits {
		k = c - 6
	}
	return k >= 0 && t.pairAt(k)
}

// tiebreak returns the end of a tiebreak score in brackets right after a
// score at word j ("7-6 (5)"), or j.
func (t *Text) tiebreak(j int) int {
	if t.W(j) == "(" && t.Kind(j+1) == Digits && len(t.W(j+1)) <= 2 && t.W(j+2) == ")" && t.Glued(j+1) && t.Glued(j+2) {
		return j + 3
	}
	return j
}

// uncertainty returns the end of an uncertainty at word j ("±0.01",
// "+/- 1e-5"), or j.
func (r *run) uncertainty(j int) int {
	t := &r.t
	k := j
	switch {
	case t.W(k) == "±":
		k++
	case t.W(k) == "+" && t.W(k+1) == "/" && t.W(k+2) == "-":
		k += 3
	default:
		return j
	}
	if m, ok := t.Number(k); ok && !m.Ordinal {
		return m.End
	}
	return j
}

// articleUnit reads "a" or "an" before a unit as one of it: "a gallon of
// beer", "a penny!", "a mile away". Durations are left to dates ("a year
// ago").
func (r *run) articleUnit(i int) (doc.Quantity, int, bool) {
	t := &r.t
	if !t.Is(i, "a", "an") {
		return doc.Quantity{}, i + 1, false
	}
	p := t.Words[min(i+1, len(t.Words)-1)].Start
	u, e, alts := r.f.units.matchAlts(t.Src, t.Lower, p, nil)
	if u == nil || i+1 >= len(t.Words) {
		return doc.Quantity{}, i + 1, false
	}
	if len(alts) > 1 {
		u, _ = r.choose(alts, p) // "a pound of sugar", "a pound coin"
	}
	unit := u
	form := t.Lower[t.Words[i+1].Start:e]
	if end := r.wordAt(e); form == unit.Name || !strings.HasSuffix(form, "s") {
		// "a year and a half", "a pound and a half of fish": one and a
		// half of the unit.
		if e2, ok := r.andAHalf(end); ok && t.Words[end-1].End == e && r.isSurface(form) {
			q := doc.Quantity{Span: r.span(i, e2), Value: 1.5, Max: 1.5, Qualifier: r.qualifier(i)}
			r.setUnit(&q, u)
			r.attach(&q, e2, false)
			return q, e2, true
		}
	}
	if unit.Kind == "duration" || unit.Kind == "percent" || unit.Kind == "count" || !r.isSurface(form) || form != unit.Name && form[len(form)-1] == 's' {
		return doc.Quantity{}, i + 1, false
	}
	end := r.wordAt(e)
	if end > 0 && t.Words[end-1].End > e {
		return doc.Quantity{}, i + 1, false
	}
	switch nx := t.W(end); {
	case nx == "of", nx == "away", nx == "from", nx == "", t.Kind(end) == Other && nx != "-":
	case r.qualifier(i) != "" && t.Kind(end) == Letters && stopWord(nx):
		// "rose by more than a metre in under three hours": a hedge
		// measures, and a function word after ends the phrase
	case commonNoun(form):
		return doc.Quantity{}, i + 1, false
	}
	if r.idiomUnit(i, form) {
		return doc.Quantity{}, i + 1, false
	}
	q := doc.Quantity{Span: r.span(i, end), Value: 1, Max: 1, Step: 1, Qualifier: r.qualifier(i)}
	r.setUnit(&q, u)
	return q, end, true
}

// andAHalf returns the end of "and a half" at word k, not joined to a
// word after it by a hyphen.
func (r *run) andAHalf(k int) (int, bool) {
	t := &r.t
	if t.Is(k, "and") && t.Is(k+1, "a") && t.Is(k+2, "half") && !t.isHyphen(k+3) {
		return k + 3, true
	}
	return k, false
}

// idiomUnit reports whether "a" or "an" at word i and the unit's word
// form after it are an idiom or a name rather than one unit: "a bit"
// ("quite a bit of the stuff", "a bit more"), "a turn", "a gray sky", "a
// barn", "an atmosphere", "a ton of" and "a degree of" ("a ton of work",
// "a degree of independence"), a unit after "a fraction
// of" ("a fraction of an inch" is less than one), a unit's word in
// capitals inside a sentence ("winning a Cup"), and a coin after a
// negation ("won't pay a dime", "not a penny").
func (r *run) idiomUnit(i int, form string) bool {
	t := &r.t
	switch form {
	case "bit", "turn", "gray", "grey", "barn", "atmosphere":
		return true // "a bit more", "making a turn", "a gray sky", "in a barn", "an atmosphere of doubt"
	case "ton", "degree":
		if t.W(r.wordAt(t.Words[i+1].End)) == "of" {
			return true // "a ton of work", "a degree of independence"
		}
	}
	if t.W(i-1) == "of" && t.Is(i-2, "fraction", "fractions") {
		return true
	}
	if raw := t.Raw(i + 1); raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' && !isUpperASCII(raw) && t.Raw(i) == t.W(i) {
		return true
	}
	switch form {
	case "dime", "penny", "cent", "red cent":
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			w := t.W(k)
			if t.Kind(k) == Other && w != "'" && w != "’" {
				break
			}
			switch {
			case w == "not", w == "never", w == "no", w == "without", w == "nor", strings.HasSuffix(w, "n't"), strings.HasSuffix(w, "n’t"):
				return true
			}
		}
	}
	return false
}

// commonNoun reports whether a unit's word is also an everyday noun ("a
// foot soldier", "a pound coin", "a second term"), so that "a" before it
// makes a quantity only where the words around say so.
func commonNoun(form string) bool {
	switch form {
	case "foot", "pound", "yard", "second", "minute", "hour", "day", "week", "month", "year", "cup",
		"drop", "bar", "stone", "knot", "turn", "span", "gross", "quarter", "degree", "point", "mark",
		"ton", "penny", "cent", "dime", "grand", "pint", "inch", "mile", "metre", "meter", "time",
		"tablespoon", "teaspoon", "barrel", "gallon", "ounce", "dollar", "euro", "franc", "rand", "real",
		"won", "peso", "carat", "dozen", "bit", "byte", "pixel", "pair", "set", "count", "unit":
		return true
	}
	return false
}

// pointFraction reads a quarter or a half of a percentage point at word
// i: "a quarter-percentage point", "half a percentage point", and, in a
// sentence about rates, yields or per cents, "a quarter-point cut" and
// "half a point" (0.25 and 0.5 percentage points).
func (r *run) pointFraction(i int) (doc.Quantity, int, bool) {
	t := &r.t
	j, v := i, 0.0
	switch {
	case t.Is(i, "a", "one") && t.Is(i+1, "quarter", "half") && t.isHyphen(i+2) && t.Glued(i+2) && t.Glued(i+3):
		j, v = i+3, map[string]float64{"quarter": 0.25, "half": 0.5}[t.W(i+1)]
	case t.Is(i, "half") && t.Is(i+1, "a"):
		j, v = i+2, 0.5
	default:
		return doc.Quantity{}, i + 1, false
	}
	end := j + 1
	switch {
	case t.Is(j, "percentage") && t.Is(j+1, "point"):
		end = j + 2
	case t.Is(j, "point") && r.ratesSentence(i):
	default:
		return doc.Quantity{}, i + 1, false
	}
	if t.isHyphen(end) || t.Kind(end) == Letters && t.Glued(end) {
		return doc.Quantity{}, i + 1, false
	}
	q := doc.Quantity{Span: r.span(i, end), Value: v, Max: v, Qualifier: r.qualifier(i)}
	r.setUnit(&q, r.f.percentage)
	return q, end, true
}

// ratesSentence reports whether the sentence of word i speaks of rates,
// yields or per cents, where a point is a percentage point.
func (r *run) ratesSentence(i int) bool {
	t := &r.t
	from, to := max(0, i-20), min(len(t.Words), i+20)
	if s := r.d.SentenceAt(t.Words[i].Start); s >= 0 {
		from, to = r.wordAt(r.d.Sentences[s].Start), r.wordAt(r.d.Sentences[s].End)
	}
	for k := from; k < to; k++ {
		if t.Is(k, "rate", "rates", "interest", "yield", "yields", "inflation", "mortgage", "mortgages", "borrowing", "percent", "percentage", "basis", "%") {
			return true
		}
	}
	return false
}

// percentOf reads a percentage written "per cent of N" at word i, where
// no number comes before it.
func (r *run) percentOf(i int) (doc.Quantity, int, bool) {
	t := &r.t
	if i > 0 && t.Kind(i-1) == Digits || t.Kind(i) != Letters {
		return doc.Quantity{}, i + 1, false
	}
	if w := t.W(i); w != "per" && w != "percent" && w != "percents" && w != "percentage" {
		return doc.Quantity{}, i + 1, false
	}
	u, e := r.f.units.match(t.Src, t.Lower, t.Words[i].Start, func(x *Unit) bool { return x == r.f.percentage })
	if u == nil {
		return doc.Quantity{}, i + 1, false
	}
	k := r.wordAt(e)
	if t.W(k) != "of" {
		return doc.Quantity{}, i + 1, false
	}
	n, ok := t.Number(k + 1)
	if !ok || n.Ordinal || n.Fraction || t.Kind(n.End) == Letters {
		return doc.Quantity{}, i + 1, false
	}
	q := doc.Quantity{Span: r.span(i, n.End), Value: n.Value, Max: n.Value, Step: n.Step, Qualifier: r.qualifier(i)}
	r.setUnit(&q, u)
	return q, n.End, true
}

// sharedUnit returns the unit a bare number shares with the number
// coordinated after it: "45 and 50 mg", "3 or 4 per cent".
func (r *run) sharedUnit(n Number) *Unit {
	t := &r.t
	j := n.End
	if !t.Is(j, "and", "or", "&") {
		return nil
	}
	m, ok := t.Number(j + 1)
	if !ok || m.Ordinal || m.Fraction != n.Fraction || (t.Kind(m.First) == Digits) != (t.Kind(n.First) == Digits) {
		return nil
	}
	if u, _, adj := r.unitAfter(m); u != nil && !adj {
		return u
	}
	return nil
}

// followingUnit returns the unit of time a bare whole number after "the
// following" or "the next", before a punctuation mark, takes from the
// last duration its sentence states ("signed for the next five years,
// and she for the following seven"), or nil.
func (r *run) followingUnit(n Number) *Unit {
	t := &r.t
	if !t.Is(n.First-1, "following", "next") || !t.Is(n.First-2, "the") || n.Value < 2 || !isInt(n.Value) || n.End < len(t.Words) && t.Kind(n.End) != Other {
		return nil
	}
	s := r.d.SentenceAt(t.Words[n.First].Start)
	for k := len(r.out) - 1; k >= 0 && r.out[k].Sentence == s; k-- {
		if q := &r.out[k]; q.Kind == "duration" && !q.IsRange() {
			return r.f.units.Lookup(q.Unit)
		}
	}
	return nil
}

// elidedUnit returns the unit a bare number repeats from the figure
// before it as the object of an elliptical clause: a punctuation mark, a
// preposition or a conjunction follows the number (no noun, no verb),
// and between the two figures, in one sentence, stand at most five words
// with "and", "but", "or" or "while" among them, not right before the
// number ("promise 90 days and deliver 120 than …", "ran 12 km but felt
// like 20"; not "$4.25 and 32 is the quantity").
func (r *run) elidedUnit(n Number) *Unit {
	t := &r.t
	if len(r.out) == 0 || t.Kind(n.First) != Digits || t.Is(n.First-1, "and", "but", "or", "while") ||
		n.End < len(t.Words) && !t.Is(n.End, ".", ",", ";", ")", "!", "?", "than", "in", "on", "at", "by", "for", "to", "and", "or", "but", "while", "when", "if") {
		return nil
	}
	prev := &r.out[len(r.out)-1]
	if prev.Unit == "" || prev.Kind == "percent" || prev.Kind == "age" || prev.IsRange() {
		return nil
	}
	start := t.Words[n.First].Start
	if r.d.SentenceAt(prev.Start) != r.d.SentenceAt(start) {
		return nil
	}
	k := r.wordAt(prev.End)
	if n.First-k > 5 {
		return nil
	}
	joined := false
	for ; k < n.First; k++ {
		switch {
		case t.Is(k, "and", "but", "or", "while"):
			joined = true
		case t.Kind(k) != Letters && !t.Is(k, ","):
			return nil
		}
	}
	if !joined {
		return nil
	}
	return r.f.units.Lookup(prev.Unit)
}

// ageEnd reads "old", "-old", "of age" or "yo" after a duration ending
// at word end: it returns the end and whether the duration is an age.
func (r *run) ageEnd(end int, adj bool) (int, bool) {
	t := &r.t
	switch {
	case t.isHyphen(end) && t.W(end+1) == "old":
		return end + 2, true
	case t.W(end) == "old" && !adj:
		return end + 1, true
	case t.W(end) == "of" && t.W(end+1) == "age" && !adj:
		return end + 2, true
	case t.W(end-1) == "yo":
		return end, true
	}
	return end, false
}

// compoundMeasure extends q over a second, smaller unit of the same kind
// that completes it: "5 ft 2 in", "5 feet and 2 inches", "3 dollars 50
// cents", and a duration over whole numbers of smaller units of time
// written with no "and" between them: "2 hours 19 minutes 41 seconds"
// ("two years and seven months" stays two figures). It returns the new
// end.
func (r *run) compoundMeasure(q *doc.Quantity, u *Unit, end int) (int, bool) {
	t := &r.t
	if u == nil || q.IsRange() || q.Adjective {
		return end, false
	}
	big := u
	k := end
	if t.W(k) == "and" {
		k++
	}
	n, ok := t.Number(k)
	if !ok || n.Ordinal || n.Fraction || n.Value <= 0 || t.Is(k, "a", "an") {
		return end, false
	}
	u2, e2, adj := r.unitAfter(n)
	if u2 == nil && big.Kind == "money" && n.Value < 100 && isInt(n.Value) && t.Kind(n.End) != Letters && !(t.W(n.End) == "," && t.Kind(n.End+1) == Digits) {
		// "15 dollars 50", "thirteen dollars and forty-five"
		q.Value += n.Value / 100
		q.Max, q.SIValue, q.SIMax, q.Step = q.Value, big.ToSI(q.Value), big.ToSI(q.Value), 0
		q.Span.End = t.Words[n.End-1].End
		return n.End, true
	}
	if u2 == nil || adj {
		return end, false
	}
	small := u2
	if small.Kind != big.Kind || small.SI != big.SI || small.Factor >= big.Factor {
		return end, false
	}
	ratio := big.Factor / small.Factor
	times := big.Kind == "duration" && isInt(n.Value) && k == end
	if n.Value >= ratio || !(big.Name == "foot" && small.Name == "inch" || big.Kind == "money" && small.Factor*100 == big.Factor || times) {
		return end, false
	}
	q.Value += n.Value / ratio
	q.Max = q.Value
	q.SIValue, q.SIMax = big.ToSI(q.Value), big.ToSI(q.Value)
	q.Step = 0
	q.Span.End = t.Words[e2-1].End
	if times {
		// "2 hours 19 minutes 41 seconds": a smaller unit again
		if e3, ok := r.smallerTime(q, big, small, e2); ok {
			return e3, true
		}
	}
	return e2, true
}

// hyphenedHeight extends a height written "5-foot-11" over its inches:
// whole feet, a hyphen, and a whole number of inches below 12 with no
// unit of its own, glued together. It returns the new end.
func (r *run) hyphenedHeight(q *doc.Quantity, u *Unit, end int) (int, bool) {
	t := &r.t
	if u == nil || u.Name != "foot" || q.IsRange() || !isInt(q.Value) || !t.isHyphen(end) || !t.Glued(end) || !t.Glued(end+1) || t.Kind(end+1) != Digits {
		return end, false
	}
	n, ok := t.Number(end + 1)
	if !ok || n.End != end+2 || !isInt(n.Value) || n.Value >= 12 || t.Glued(n.End) && t.Kind(n.End) == Letters {
		return end, false
	}
	if u2, _, _ := r.unitAfter(n); u2 != nil {
		return end, false
	}
	q.Value += n.Value / 12
	q.Max = q.Value
	q.SIValue, q.SIMax = u.ToSI(q.Value), u.ToSI(q.Value)
	q.Step, q.Adjective = 0, false
	q.Span.End = t.Words[n.End-1].End
	return n.End, true
}

// smallerTime extends duration q, in unit big and gone on to a smaller
// unit last ending at word end, over a whole number of a unit smaller
// still right after it, as often as they come: "2 hours 19 minutes 41
// seconds". It returns the new end.
func (r *run) smallerTime(q *doc.Quantity, big, last *Unit, end int) (int, bool) {
	t := &r.t
	moved := false
	for {
		n, ok := t.Number(end)
		if !ok || n.Ordinal || n.Fraction || n.Value <= 0 || !isInt(n.Value) || t.Is(end, "a", "an") {
			return end, moved
		}
		u, e, adj := r.unitAfter(n)
		if u == nil || adj || u.Kind != "duration" || u.Factor >= last.Factor || n.Value >= last.Factor/u.Factor {
			return end, moved
		}
		q.Value += n.Value * u.Factor / big.Factor
		q.Max = q.Value
		q.SIValue, q.SIMax = big.ToSI(q.Value), big.ToSI(q.Value)
		q.Span.End = t.Words[e-1].End
		end, last, moved = e, u, true
	}
}

// setUnit fills the unit fields of q from unit u, resolving "degree" (an
// angle or a temperature) from context.
func (r *run) setUnit(q *doc.Quantity, u *Unit) {
	f := r.f
	if u == f.degreeAngle {
		// "−273.15° on the Celsius scale"
		if k := r.wordAt(q.End); r.t.W(k) == "on" && r.t.W(k+1) == "the" && r.t.W(k+3) == "scale" {
			if v := f.units.Lookup(map[string]string{"celsius": "degree Celsius", "fahrenheit": "degree fahrenheit", "kelvin": "kelvin"}[r.t.W(k+2)]); v != nil {
				u = v
			}
		}
	}
	q.Unit, q.SIUnit, q.Kind = u.Name, u.SI, u.Kind
	q.SIValue, q.SIMax = u.ToSI(q.Value), u.ToSI(q.Max)
	if u == f.degreeAngle && r.kindFavoured("temperature", "angle", q.Start) {
		q.Unit, q.Kind, q.SIUnit = "degree", "temperature", ""
		q.SIValue, q.SIMax = 0, 0
	}
}

// attach finds the noun a quantity counts or modifies, and the whole a
// share is of.
func (r *run) attach(q *doc.Quantity, end int, adj bool) {
	t := &r.t
	if (q.Kind == "fraction" || q.Kind == "percent") && t.W(end) == "of" {
		q.Of = r.nounPhrase(end + 1)
		return
	}
	if adj || q.Unit == "" {
		q.Head = r.head(end)
	}
}

// wordAt returns the index of the first word that starts at or after
// byte b.
func (r *run) wordAt(b int) int {
	return sort.Search(len(r.t.Words), func(k int) bool { return r.t.Words[k].Start >= b })
}

// unitAfter finds the unit that follows number n: glued ("10km", "35%"),
// after a hyphen ("three-year", an adjective), after a space ("1,000
// kilometres"), or in brackets ("20 (kg)"). It returns the unit index
// (-1 when none), the word after it, and whether it is an adjective.
func (r *run) unitAfter(n Number) (*Unit, int, bool) {
	t := &r.t
	j := n.End
	if j >= len(t.Words) {
		return nil, j, false
	}
	digits := t.Kind(n.End-1) == Digits || t.Kind(n.First) == Digits
	w := t.Words[j]
	switch {
	case t.isHyphen(j) && t.Glued(j) && j+1 < len(t.Words) && t.Glued(j+1) && t.Kind(j+1) == Letters:
		if u, e := r.matchUnit(j+1, true, true); u != nil && u.Name != "count" {
			return u, e, true // "three-year", but not "one-time"
		}
		return nil, j, false
	case !w.Space:
		if u, e := r.matchUnit(j, digits, true); u != nil {
			return u, e, false
		}
		return nil, j, false
	}
	if o := t.W(j); (o == "(" || o == "[" || o == "{" || o == "<") && digits {
		if u, e := r.matchUnit(j+1, true, true); u != nil && closes(o, t.W(e)) {
			return u, e + 1, false
		}
	}
	u, e := r.matchUnit(j, digits, false)
	if u == nil && t.Is(j, "more", "fewer", "extra", "additional", "further") && t.Words[min(j+1, len(t.Words)-1)].Space {
		// "20 more years", "three extra weeks": the unit after the word
		// for how many more.
		if u2, e2 := r.matchUnit(j+1, digits, false); u2 != nil && u2.Kind != "count" {
			return u2, e2, false
		}
	}
	return u, e, false
}

func closes(open, c string) bool {
	switch open {
	case "(":
		return c == ")"
	case "[":
		return c == "]"
	case "{":
		return c == "}"
	}
	return c == ">"
}

// matchUnit matches a unit form at word j and returns the unit and the
// word after it, or -1. symbols allows unit symbols ("km", "$"): only
// after digits. glued says the unit touches the number, which makes
// short symbols safe.
func (r *run) matchUnit(j int, symbols, glued bool) (*Unit, int) {
	t := &r.t
	if j >= len(t.Words) {
		return nil, j
	}
	p := t.Words[j].Start
	u, e, alts := r.f.units.matchAlts(t.Src, t.Lower, p, nil)
	if u == nil {
		return nil, j
	}
	end := r.wordAt(e)
	if end > 0 && t.Words[end-1].End > e {
		return nil, j // ends inside a word
	}
	form := t.Src[p:e]
	if form == "\"" && r.closingQuote(p) || form == "'" && t.Kind(end) == Letters && t.Glued(end) {
		return nil, j // a closing quotation mark; "the 1990's"
	}
	// A form several units share names the one its context favours; a
	// form that is more often a letter or a mark needs such context.
	score := int16(-1)
	if len(alts) > 1 {
		u, score = r.choose(alts, p)
	}
	if needsContext(form) && r.unitScore(u, score, p) <= 0 {
		return nil, j // "13F filing", "a Boeing 777F", "Plan B"
	}
	if !symbols && !r.isSurface(form) && (len(form) < 3 || r.ambiguousSymbol(form, end) || !r.f.units.isCode(form)) {
		return nil, j
	}
	if _, p := r.power(end); p == 0 && end < len(t.Words) && t.Glued(end) && (t.Kind(end) == Digits || t.isHyphen(end) && t.Kind(end+1) == Digits && t.Glued(end+1)) && !r.isSurface(form) {
		return nil, j // "24703 L-202", "1 $10": a label, or a prefix of the next number
	}
	if !glued && r.ambiguousSymbol(form, end) && !(t.Kind(end) != Digits && !englishWord(form) && r.unitScore(u, score, p) > 0) {
		return nil, j // but "equal to 12 b" of a surface area, "it is 30 C outside"
	}
	// Powers: "km^2", "km²", "km squared", "4 km cubed", "s2".
	if k, p := r.power(end); p != 0 {
		u, end = r.f.units.power(u, p), k
	}
	// A compound unit: "per hour", "/h", "km/s2", "barrels a day".
	if k := end; t.W(k) == "per" || t.W(k) == "/" && t.Glued(k) || t.Is(k, "a", "an") && (u.Kind == "money" || u.Kind == "volume" || u.Kind == "mass") {
		if u2, e2 := r.matchUnit(k+1, symbols || t.W(k) == "/", t.W(k) == "/"); u2 != nil && u2 != u && u2.Kind != "money" && u2.Kind != "percent" {
			if t.W(k) == "per" || t.W(k) == "/" || u2.Kind == "duration" && (!timeAdverb(t.W(e2)) || u.Kind == "money" && rateFrom(t, e2)) {
				return r.f.units.compound(u, u2), e2
			}
		}
	}
	return u, end
}

// power reads an exponent after a unit at word k: "^2", "²", "³",
// "squared", "cubed". It returns the end and the power, or 0.
func (r *run) power(k int) (int, int) {
	t := &r.t
	switch w := t.W(k); {
	case w == "^" && t.Glued(k) && (t.W(k+1) == "2" || t.W(k+1) == "3"):
		return k + 2, int(t.W(k + 1)[0] - '0')
	case w == "²" && t.Glued(k):
		return k + 1, 2
	case w == "³" && t.Glued(k):
		return k + 1, 3
	case (w == "2" || w == "3") && t.Glued(k) && t.Kind(k-1) == Letters && t.Kind(k+1) != Digits:
		return k + 1, int(w[0] - '0')
	case (w == "-" || w == "−") && t.Glued(k) && t.W(k+1) == "1" && t.Glued(k+1) && t.Kind(k-1) == Letters:
		return k + 2, -1
	case w == "squared":
		return k + 1, 2
	case w == "cubed":
		return k + 1, 3
	}
	return k, 0
}

// isSurface reports whether a matched form is a word surface rather than
// a symbol: it is all letters and longer than three, or it is a known
// surface of the table.
func (r *run) isSurface(form string) bool {
	low := LowerASCII(form)
	for _, f := range r.f.units.byFirst[firstKey(low, true)] {
		if !f.symbol && f.text == low {
			return true
		}
	}
	return false
}

// ambiguousSymbol reports whether a unit symbol after a space is more
// likely an English word or a mark: "2 in the morning", "5 a day", "the
// 1.5 C rise"; and whether a straight double quote closes a quotation
// rather than marking inches.
func (r *run) ambiguousSymbol(form string, next int) bool {
	t := &r.t
	switch form {
	case "in", "In", "a", "A", "am", "pm", "at", "s", "h", "d", "b", "l", "p", "c", "g", "mi", "min", "ms", "y", "yd", "ha", "T", "K", "B", "P", "G", "gr", "dz", "bu", "pt", "Da", "u", "R", "cd", "gal", "ct", "hp", "bp", "ac", "mo", "wk", "mm", "Fr", "lea", "nt", "oz", "sec", "C", "F":
	default:
		return false
	}
	switch t.Kind(next) {
	case Digits:
		return true
	case 0, Other:
		return form == "a" || form == "A" || form == "at"
	}
	switch t.W(next) {
	case "thick", "thin", "long", "wide", "tall", "high", "deep", "across", "away", "diameter", "apart", "of":
		return form == "a" || form == "A" || form == "at"
	}
	return true
}

// needsContext reports whether a unit symbol is more often a letter, a
// label or a mark than a unit ("13F", "Plan B", "the '90s"), so that it
// names a unit only where a context word for the unit's kind stands near.
func needsContext(form string) bool {
	switch form {
	case "C", "F", "K", "b", "'", "crown", "crowns", "Crown", "Crowns":
		return true
	}
	return false
}

// englishWord reports whether a unit symbol is also a common English word
// ("in", "a", "at"), which context words cannot make a unit after a space.
func englishWord(form string) bool {
	switch form {
	case "in", "In", "a", "A", "am", "pm", "at":
		return true
	}
	return false
}

// unitScore returns the context score at byte p of unit u's kind, or
// score when it is not negative (choose has computed it).
func (r *run) unitScore(u *Unit, score int16, p int) int16 {
	if score >= 0 {
		return score
	}
	x, ok := r.f.units.byName[u.Name]
	if !ok || r.f.context == nil {
		return 0
	}
	return r.kindScore(r.contextScores(p), x)
}

// closingQuote reports whether a straight double quote at byte p closes
// a quotation: an odd number of them comes before it in its paragraph.
func (r *run) closingQuote(p int) bool {
	n := 0
	for k := p - 1; k >= 0 && r.t.Src[k] != '\n'; k-- {
		if r.t.Src[k] == '"' {
			n++
		}
	}
	return n%2 == 1
}

// timeAdverb reports whether w, after "a year" or "a day", makes it a
// time ("a year earlier") rather than a rate ("$2 a day").
func timeAdverb(w string) bool {
	switch w {
	case "ago", "earlier", "later", "before", "after", "from", "since", "into", "or", "and", "to":
		return true
	}
	return false
}

// rateFrom reports whether "from" at word k, after an amount of money
// and "a week" (day, month, year), says when the rate starts: "€40 a
// week from January", "$2 a day from Monday"; not "a year from now".
func rateFrom(t *Text, k int) bool {
	return t.W(k) == "from" && (isMonth(t.W(k+1)) || isWeekday(t.W(k+1)) || t.Is(k+1, "next", "the"))
}

// compound returns the unit "a per b": "kilometre per hour" from the
// table when it lists it, else a unit made for the occasion ("barrel per
// day", "watt per minute").
func (u *Units) compound(a, b *Unit) *Unit {
	name := a.Name + " per " + b.Name
	if c := u.Lookup(name); c != nil {
		return c
	}
	kind := a.Kind + " per " + b.Kind
	switch {
	case a.Kind == "length" && b.Kind == "duration":
		kind = "speed"
	case b.Kind == "duration":
		kind = a.Kind + " rate"
	case a.Kind == "money" && b.Kind == "money":
		kind = "exchange rate" // "108.55 yen per dollar"
	case a.Kind == "money":
		// a price: "money per volume" ("$55 per barrel"), not a density.
	case b.Kind == "area" || b.Kind == "volume" || b.Kind == "length":
		kind = "density"
	}
	return &Unit{Name: name, Kind: kind, Factor: a.Factor / b.Factor, SI: a.SI + "/" + b.SI}
}

// power returns the unit a raised to p (2 or 3): "square kilometre" from
// the table, else one made for the occasion ("square second").
func (u *Units) power(a *Unit, p int) *Unit {
	if p == -1 {
		return &Unit{Name: "inverse " + a.Name, Kind: "inverse " + a.Kind, Factor: 1 / a.Factor, SI: "1/" + a.SI}
	}
	prefix, suffix := "square ", "2"
	if p == 3 {
		prefix, suffix = "cubic ", "3"
	}
	if c := u.Lookup(prefix + a.Name); c != nil {
		return c
	}
	kind := a.Kind
	if a.Kind == "length" {
		kind = map[int]string{2: "area", 3: "volume"}[p]
	}
	return &Unit{Name: prefix + a.Name, Kind: kind, Factor: math.Pow(a.Factor, float64(p)), SI: a.SI + suffix}
}

// moneyPrefix reads a currency symbol or code before a number at word i:
// "$", "£", "US$", "HK$", "USD", "c $", "Rs.". It returns the unit and the
// word where the number starts.
func (r *run) moneyPrefix(i int) (*Unit, int, bool) {
	t := &r.t
	money := func(u *Unit) bool { return u.Kind == "money" }
	w := t.Words[i]
	// Lower-cased corpora write "c $", "hk $", "us $", "u.s $".
	if t.Kind(i) == Letters {
		code := ""
		k := i + 1
		switch t.W(i) {
		case "c":
			code = "canadian dollar"
		case "hk":
			code = "hong kong dollar"
		case "us", "u":
			code = "united states dollar"
			if t.W(i) == "u" {
				if t.W(k) == "." && t.W(k+1) == "s" {
					k += 2
					if t.W(k) == "." {
						k++
					}
				} else {
					code = ""
				}
			}
		case "nz":
			code = "new zealand dollar"
		}
		if code != "" && t.Raw(i) == t.W(i) && t.W(k) == "$" && t.Words[k].Space {
			if u := r.f.units.Lookup(code); u != nil && r.numberAt(k+1) {
				return u, k + 1, true
			}
		}
	}
	u, e := r.f.units.match(t.Src, t.Lower, w.Start, money)
	if u == nil {
		return nil, i, false
	}
	form := t.Src[w.Start:e]
	if r.isSurface(form) && !isUpperASCII(form) {
		// "dollar 22.5 million": a currency word before a number is rare in
		// news; only symbols and codes prefix.
		return nil, i, false
	}
	k := r.wordAt(e)
	if k > 0 && t.Words[k-1].End > e {
		return nil, i, false
	}
	if t.W(k) == "$" && t.Glued(k) { // "usd$ 15"
		k++
	}
	if !r.numberAt(k) {
		// "-$99.99": a sign after the symbol
		if t.W(k) == "-" && t.Glued(k+1) && r.numberAt(k+1) {
			return u, k, true
		}
		return nil, i, false
	}
	if len(form) == 1 && form[0] >= 'A' && form[0] <= 'Z' && t.Words[k].Space {
		return nil, i, false // "R 5" is more likely a label than rand
	}
	if t.Kind(i) == Letters && t.Glued(i) && t.Kind(i-1) != Other {
		return nil, i, false // inside a word
	}
	return u, k, true
}

// numberAt reports whether a number in digits or words starts at word k.
func (r *run) numberAt(k int) bool {
	switch r.t.Kind(k) {
	case Digits:
		return true
	case Letters:
		_, ok := r.t.Number(k)
		return ok
	}
	return false
}

// money reads the number after a currency prefix at word i (the number
// starts at word k).
func (r *run) money(i int, u *Unit, k int) (doc.Quantity, int, bool) {
	t := &r.t
	n, ok := t.Number(k)
	if !ok || n.Ordinal {
		return doc.Quantity{}, k, false
	}
	end := n.End
	// "$ 10 dollars": a redundant currency word.
	if u2, e := r.matchUnit(end, false, false); u2 != nil && u2.Kind == "money" {
		end = e
	}
	lo, hi := n, n
	// "$5 to $10", "$5-10 million", "£2m-£3m", "between £40m and £60m".
	j := end
	if t.W(j) == "to" || t.isHyphen(j) || t.W(j) == "and" && t.W(i-1) == "between" {
		k2 := j + 1
		if u3, e3 := r.f.units.match(t.Src, t.Lower, t.Words[min(k2, len(t.Words)-1)].Start, func(x *Unit) bool { return x.Kind == "money" }); u3 == u && k2 < len(t.Words) {
			k2 = r.wordAt(e3)
		}
		if m, ok := t.Number(k2); ok && !m.Ordinal && !m.Fraction && m.Value > n.Value {
			if m.Scaled && !n.Scaled {
				lo.Value *= lastScaleOf(m.Value)
			}
			if lo.Value < m.Value {
				hi, end = m, m.End
			}
		}
	}
	q := doc.Quantity{
		Span:      r.span(i, end),
		Value:     lo.Value,
		Max:       hi.Value,
		Qualifier: r.qualifier(i),
		Step:      lo.Step,
	}
	// "The net result was ($4.2m).": brackets around a sum where a
	// figure is stated are the accounting sign of a negative one.
	if !q.IsRange() && t.W(i-1) == "(" && t.Glued(i) && t.W(end) == ")" && t.Glued(end) && isBe(t.W(i-2)) {
		q.Value, q.Max = -q.Value, -q.Max
		q.Span = r.span(i-1, end+1)
		end++
	}
	r.setUnit(&q, u)
	if per, e := r.perCurrency(end); per != nil && per != u {
		r.setUnit(&q, r.f.units.compound(u, per)) // "Rs 39.29 per dollar"
		end = e
		q.Span.End = t.Words[end-1].End
	}
	// Rates: "$15.4/hour", "$350 per kg", "$2 a day".
	if per, e2 := r.moneyRate(end); per != nil {
		c := r.f.units.compound(q2unit(r, &q), per)
		r.setUnit(&q, c)
		end = e2
		q.Span.End = t.Words[end-1].End
		// "$350 per kg to $680 per kg": a range of rates.
		if hi, e3, ok := r.rateRange(i, u, per, q.Value, end); ok {
			q.Max = hi
			if hi < q.Value {
				q.Value, q.Max = hi, q.Value
			}
			q.SIValue, q.SIMax = c.ToSI(q.Value), c.ToSI(q.Max)
			end = e3
			q.Span.End = t.Words[end-1].End
		}
	}
	if q.Unit == u.Name && perPersonBefore(t, i) {
		c := r.f.units.compound(u, &personUnit)
		r.setUnit(&q, c)
	}
	r.attach(&q, end, false)
	return q, end, true
}

// perCurrency reads "per" and a currency at word k ("per dollar", "per
// euro"): the unit of an exchange rate's figure is counted per. It
// returns the currency and the end, or nil.
func (r *run) perCurrency(k int) (*Unit, int) {
	if !r.t.Is(k, "per") {
		return nil, k
	}
	u, e := r.matchUnit(k+1, false, false)
	if u == nil || u.Kind != "money" {
		return nil, k
	}
	return u, e
}

// currencyNamed returns the currency, other than per, that the sentence
// of word i names as a noun after "the" before it ("the yen", "The
// Japanese yen", "the Arcadian yen"), the nearest first: the currency an exchange rate
// "108.55 per dollar" counts. With none, an exchange rate's figure has
// no unit: no currency is guessed.
func (r *run) currencyNamed(i int, per *Unit) *Unit {
	t := &r.t
	from := max(0, i-40)
	if s := r.d.SentenceAt(t.Words[i].Start); s >= 0 {
		from = r.wordAt(r.d.Sentences[s].Start)
	}
	for k := i - 1; k > from; k-- {
		adj := k >= 2 && t.Is(k-2, "the") && t.Kind(k-1) == Letters && t.Raw(k-1) != t.W(k-1) // "the Arcadian yen"
		if !t.Is(k-1, "the") && !adj || t.Kind(k) != Letters {
			continue
		}
		if u, e := r.matchUnit(k, false, false); u != nil && u.Kind == "money" && u != per && e <= i {
			return u
		}
	}
	return nil
}

// perPersonBefore reports whether the sum of money at word i is the
// complement of a subject counted per head: "tax per head was £9,200",
// "GDP per capita of $65,000", "spending per person rose to €3,100".
func perPersonBefore(t *Text, i int) bool {
	k := i - 1
	for t.Is(k, "about", "around", "nearly", "almost", "some", "roughly", "just", "only", "over", "under", "approximately", "an", "estimated") {
		k--
	}
	switch {
	case t.Is(k, "to", "at") && t.Is(k-1, "rose", "rises", "risen", "fell", "falls", "fallen", "climbed", "increased", "dropped", "grew", "jumped", "stood", "stands", "came", "comes", "amounted", "amounts"):
		k -= 2
	case isBe(t.W(k)) || t.Is(k, "of", "reached", "reaches", "averaged", "averages", "hit", "totalled", "totaled", "totals"):
		k--
	default:
		return false
	}
	if isBe(t.W(k)) || t.Is(k, "has", "have", "had") {
		k-- // "has reached", "will be"
	}
	return t.Is(k-1, "per") && t.Is(k, "head", "capita", "person", "resident", "inhabitant", "citizen")
}

// isBe reports whether w is a form of "be".
func isBe(w string) bool {
	switch w {
	case "is", "was", "are", "were", "be", "been", "being":
		return true
	}
	return false
}

// moneyRate reads the unit a sum of money is counted per at word k:
// "per kg", "/hour", "a day". It returns that unit and the end, or nil.
func (r *run) moneyRate(k int) (*Unit, int) {
	t := &r.t
	if !(t.W(k) == "per" || t.W(k) == "/" && t.Glued(k) || t.Is(k, "a", "an")) {
		return nil, k
	}
	if e, ok := perPerson(t, k); ok {
		return &personUnit, e
	}
	u, e := r.matchUnit(k+1, true, t.W(k) == "/")
	if u == nil || u.Kind == "money" || t.Is(k, "a", "an") && (u.Kind != "duration" && !measureEnds(t, u, e) || u.Kind == "duration" && timeAdverb(t.W(e)) && !rateFrom(t, e)) {
		return nil, k
	}
	return u, e
}

// measureEnds reports whether a unit of measure u read after "a" or
// "an" at a sum of money ends its phrase at word e, so that the sum is a
// price per that unit ("$1,470 an ounce.", "$5,880 a tonne while"), not
// a sum before a noun the unit's word modifies ("£2 a pound coin").
func measureEnds(t *Text, u *Unit, e int) bool {
	switch u.Kind {
	case "mass", "volume", "length", "area", "energy":
	default:
		return false
	}
	if e >= len(t.Words) || t.Kind(e) == Other {
		return true
	}
	switch t.W(e) {
	case "of", "in", "on", "at", "and", "or", "but", "while", "for", "from", "to", "by", "as", "after", "before", "since", "when", "last", "this", "compared":
		return true
	}
	return false
}

// personUnit is the one a sum of money per head is counted per.
var personUnit = Unit{Name: "person", Kind: "person", Factor: 1, SI: "person"}

// perPerson reads, at word k, the words that make a sum of money one
// per head of a population: "per head", "a head", "per person", "a
// person", "per capita", "per resident", "per inhabitant", "per
// citizen". It returns their end.
func perPerson(t *Text, k int) (int, bool) {
	switch {
	case t.Is(k, "per") && t.Is(k+1, "head", "person", "capita", "resident", "inhabitant", "citizen"):
		return k + 2, true
	case t.Is(k, "a") && t.Is(k+1, "head", "person"):
		return k + 2, true
	}
	return k, false
}

// rateRange reads the high end of a range of money rates after the low
// end (value v of currency u per unit per, started at word i, read up to
// word end): "to", a dash, or "and" after "between", then the same
// currency, a number and the same rate. It returns the high end and the
// end of the range.
func (r *run) rateRange(i int, u, per *Unit, v float64, end int) (float64, int, bool) {
	t := &r.t
	if end+1 >= len(t.Words) || !(t.W(end) == "to" || t.isHyphen(end) || t.W(end) == "and" && t.W(i-1) == "between") {
		return 0, end, false
	}
	u2, k, ok := r.moneyPrefix(end + 1)
	if !ok || u2 != u {
		return 0, end, false
	}
	m, ok := t.Number(k)
	if !ok || m.Ordinal || m.Fraction || m.Value == v {
		return 0, end, false
	}
	per2, e := r.moneyRate(m.End)
	if per2 != per || m.Value < v && t.W(i-1) != "from" && t.W(i-1) != "between" {
		return 0, end, false
	}
	return m.Value, e, true
}

// q2unit returns the unit q was given.
func q2unit(r *run, q *doc.Quantity) *Unit {
	if u := r.f.units.Lookup(q.Unit); u != nil {
		return u
	}
	return &Unit{Name: q.Unit, Kind: q.Kind, Factor: q.SIValue / q.Value, SI: q.SIUnit}
}

// rangeAfter reads the second half of a range after number n (with unit u
// ending at word end): "to", a dash, "and" after "between", "or" between
// small numbers. It returns the high end, the shared unit, the end, and
// whether the unit is an adjective. "From 44 mg to 50 mg" is a range also
// after a verb of change ("cut from", "rose from"), as a sum of money is:
// Value and Max keep both figures.
func (r *run) rangeAfter(n Number, u *Unit, end int) (Number, *Unit, int, bool, bool) {
	t := &r.t
	j := end
	conn := t.W(j)
	if conn == "-" && t.W(j+1) == "to" && u == nil { // "8- to 16-meter"
		j++
		conn = "to"
	}
	switch {
	case conn == "to":
	case t.isHyphen(j):
		if !(t.Glued(j) && t.Glued(j+1) || t.W(j) == "–") {
			return Number{}, u, end, false, false
		}
	case conn == "and":
		if t.W(n.First-1) != "between" {
			return Number{}, u, end, false, false
		}
	case conn == "or":
		if u != nil || !n.Spelt || n.Value >= 100 {
			return Number{}, u, end, false, false
		}
	default:
		return Number{}, u, end, false, false
	}
	if conn == "to" && u == nil && (t.Is(n.First-1, "passed", "failed", "carried", "approved", "rejected", "defeated") || t.Is(n.First-1, "of") && t.Is(n.First-2, "vote")) {
		return Number{}, u, end, false, false // "the amendment failed 3 to 8": a vote's two sides
	}
	m, ok := t.Number(j + 1)
	before := t.W(n.First - 1)
	anyOrder := (before == "from" || before == "between") && (conn == "to" || conn == "and")
	if !ok || m.Ordinal || m.Fraction != n.Fraction || !(m.Value > n.Value || m.Scaled && !n.Scaled || anyOrder && m.Value != n.Value) {
		return Number{}, u, end, false, false
	}
	if isYear(t, n) && isYear(t, m) {
		return Number{}, u, end, false, false
	}
	if isYear(t, m) && r.inDate(m.First) {
		return Number{}, u, end, false, false // "over the three years to 2029"
	}
	if t.isHyphen(j) && (t.Kind(n.End-1) != Digits || t.Kind(m.First) != Digits) { // "-78-0 °C" has a sign
		return Number{}, u, end, false, false
	}
	u2, e2, adj := r.unitAfter(m)
	switch {
	case u2 == nil && u != nil && end > n.End && !anyOrder:
		// "up 4% to 2,580": a change and what it came to
		return Number{}, u, end, false, false
	case u2 == nil && u != nil:
		return m, u, m.End, false, true
	case u2 == nil:
		return m, u, m.End, false, true
	case u != nil && u2 != u:
		return Number{}, u, end, false, false
	}
	return m, u2, e2, adj, true
}

// notQuantity reports whether number n is a label, an identifier or part
// of a date or time rather than a quantity: "Voyager 2", "F-16", "i7",
// "March 22", "10:30", "5 pm", "’90s".
func (r *run) notQuantity(n Number) bool {
	t := &r.t
	first, last := n.First, n.End-1
	prev := t.W(first - 1)
	// Glued to letters before: "i7", "MH17", "G7".
	if t.Glued(first) && t.Kind(first-1) == Letters {
		return true
	}
	// "SCP-173", "F-16", "Covid-19".
	if t.Glued(first) && t.isHyphen(first-1) && t.Glued(first-1) && t.Kind(first-2) == Letters && t.Kind(first) == Digits {
		switch t.W(first - 2) {
		case "top", "under", "over", "about", "around", "some", "nearly", "almost", "of", "for": // "20-of-24", "3-for-5"
		default:
			return true
		}
	}
	// "J1149.5+6663", "PSR B1257+12": the second number of a designation,
	// joined by a plus or a hyphen to digits glued to letters.
	if t.Glued(first) && (prev == "+" || t.isHyphen(first-1)) && t.Glued(first-1) && t.Kind(first-2) == Digits && t.Glued(first-2) && t.Kind(first-3) == Letters {
		return true
	}
	// "24/7", "1/0", "50/50": numbers joined by a slash that are not a
	// fraction.
	if t.Kind(first) == Digits && n.End == first+1 && (t.W(last+1) == "/" && t.Glued(last+1) && t.Kind(last+2) == Digits && t.Glued(last+2) || t.W(first-1) == "/" && t.Glued(first) && t.Kind(first-2) == Digits && t.Glued(first-1)) {
		return true
	}
	// "2013-14": the second year of a span.
	if t.Glued(first) && t.isHyphen(first-1) && t.Glued(first-1) && t.Kind(first-2) == Digits && len(t.W(first-2)) == 4 {
		return true
	}
	// "1.8.3", "10.0.12": a version number, three groups of digits joined
	// by dots, none of them a figure.
	if t.Kind(first) == Digits && dotGroups(t, first) == 3 {
		return true
	}
	// "the number one buyer", "number 10": a rank or a label.
	if t.Is(first-1, "number") && n.End == first+1 && !n.Fraction && n.Value < 1000 {
		return true
	}
	// "’90s", "'58".
	if t.Glued(first) && (prev == "'" || prev == "’" || prev == "‘") && t.Kind(first) == Digits {
		return true
	}
	if t.InPhoneNumber(first) {
		return true
	}
	// "(0100 GMT)": four digits before a time zone are a clock time.
	if w := t.W(first); n.End == first+1 && t.Kind(first) == Digits && len(w) == 4 && w[0] <= '2' && t.Is(last+1, "gmt", "utc") {
		return true
	}
	// "one-on-one", "two-on-one", "3-on-3": players against players.
	if t.isHyphen(last+1) && t.Glued(last+1) && t.Is(last+2, "on") && t.Glued(last+2) && t.isHyphen(last+3) && t.Glued(last+3) ||
		t.isHyphen(first-1) && t.Glued(first) && t.Is(first-2, "on") && t.Glued(first-1) && t.isHyphen(first-3) && t.Glued(first-2) {
		return true
	}
	if capitalNumberName(t, n) || streetAddress(t, n) {
		return true
	}
	// "Image 1 of 9", "page 3 of 12": the last of a gallery's or a
	// document's labels, not a count.
	if k := first - 1; t.Kind(first) == Digits {
		if t.W(k) == "/" {
			k-- // "Image 1 of / 9" as a page lays it out
		}
		if t.Is(k, "of") && t.Kind(k-1) == Digits && t.Is(k-2, "image", "photo", "picture", "slide", "page", "photograph") {
			return true
		}
	}
	// "1 / 5" on a line of its own: a gallery's or a page's counter.
	if t.Kind(first) == Digits && n.End == first+1 {
		a, b := first, first
		switch {
		case t.W(first+1) == "/" && t.Kind(first+2) == Digits:
			b = first + 2
		case t.W(first-1) == "/" && t.Kind(first-2) == Digits:
			a = first - 2
		}
		if b > a && blankTo(t.Src, t.Words[a].Start, -1) && blankTo(t.Src, t.Words[b].End, 1) {
			return true
		}
	}
	// "10s of billions", "100s of people": a vague plural, as "tens of",
	// not seconds.
	if nx := last + 1; t.W(nx) == "s" && t.Glued(nx) && t.Kind(last) == Digits && t.W(nx+1) == "of" {
		return true
	}
	// Glued to letters after that are not a unit, scale or suffix: "777F", "5G".
	if nx := last + 1; t.Kind(nx) == Letters && t.Glued(nx) && t.Kind(last) == Digits {
		if u, _ := r.matchUnit(nx, true, true); u == nil {
			return true // also "1990s", a decade
		}
	}
	if t.Kind(first) == Digits {
		// Times: "10:30", "5 pm", "2.13 am", "8 o'clock".
		if t.W(last+1) == ":" && t.Glued(last+1) && t.Kind(last+2) == Digits {
			return true
		}
		if t.W(first-1) == ":" && t.Glued(first) && t.Kind(first-2) == Digits {
			return true
		}
		if isClockTime(t, n) {
			return true
		}
		// Dates: "March 22", "Aug. 15", "22 March", "15 August 2025".
		if r.nextToMonth(first, last) {
			return true
		}
		// "1990 s" (a decade, lower-cased corpora)
		if isYear(t, n) && t.W(last+1) == "s" {
			return true
		}
		// Numbers in a date written with slashes or dashes: 5/17/2018.
		if (t.W(last+1) == "/" || t.W(last+1) == "-") && t.Glued(last+1) && t.Kind(last+2) == Digits && t.Glued(last+2) && (t.W(last+3) == "/" || t.W(last+3) == "-") {
			return true
		}
	}
	return false
}

// blankTo reports whether only spaces and tabs stand between byte b of
// text and the line's end (dir 1) or start (dir -1).
func blankTo(text string, b, dir int) bool {
	for k := b; ; k += dir {
		if dir < 0 && k == 0 || dir > 0 && k >= len(text) {
			return true
		}
		c := text[k]
		if dir < 0 {
			c = text[k-1]
		}
		switch c {
		case '\n', '\r':
			return true
		case ' ', '\t':
		default:
			return false
		}
	}
}

// dotGroups returns how many groups of digits joined by full stops with
// no space ("1.8.3" has three) hold the digits word k.
func dotGroups(t *Text, k int) int {
	dotted := func(k int) bool {
		return t.W(k) == "." && t.Glued(k) && t.Glued(k+1) && t.Kind(k-1) == Digits && t.Kind(k+1) == Digits
	}
	s, e := k, k
	for dotted(s - 1) {
		s -= 2
	}
	for dotted(e + 1) {
		e += 2
	}
	return (e-s)/2 + 1
}

// capitalNumberName reports whether n is a number word written with a
// capital inside a name: "the Big Three", "the Group of Seven", "the
// Final Four", "the Coastal Half Marathon". The word before is a
// capitalised word that opens no sentence (or "of" after one), and the
// word after is not capitalised, as it would be in a headline in title
// case ("Three Men Held"), unless the sentence has a word in lower case
// no such headline has.
func capitalNumberName(t *Text, n Number) bool {
	first := n.First
	if !n.Spelt || n.End != first+1 || t.Kind(first) != Letters {
		return false
	}
	capital := func(k int) bool {
		raw := t.Raw(k)
		return t.Kind(k) == Letters && raw != "" && raw[0] >= 'A' && raw[0] <= 'Z' && !isUpperASCII(raw)
	}
	p := first - 1
	if t.Is(p, "of") {
		p--
	}
	next := first + 1
	if t.isHyphen(next) && t.Glued(next) {
		next++ // "Seven-Month-Old Missing": still a headline's
	}
	if !capital(first) || !capital(p) || isMonth(t.W(p)) || isWeekday(t.W(p)) || capital(next) && !lowerContentWord(t, first) {
		return false
	}
	return p > 0 && !sentenceBreak(t, p-1) && !t.LineBefore(p) && !t.LineBefore(first) && t.Words[first].Space
}

// lowerContentWord reports whether the sentence of word k, on its line,
// holds a word of four letters or more in lower case that is no function
// word, as no headline in title case does: "she will run the Coastal Half
// Marathon", not "Police Hold Three Men".
func lowerContentWord(t *Text, k int) bool {
	for _, step := range []int{-1, 1} {
		for j, n := k+step, 0; j >= 0 && j < len(t.Words) && n < 25; j, n = j+step, n+1 {
			if sentenceBreak(t, j) || step < 0 && t.LineBefore(j+1) || step > 0 && t.LineBefore(j) {
				break
			}
			if raw := t.Raw(j); t.Kind(j) == Letters && len(raw) >= 4 && raw[0] >= 'a' && raw[0] <= 'z' && !stopWord(t.W(j)) {
				return true
			}
		}
	}
	return false
}

// streetAddress reports whether n is the number of a building on a
// street: "24 Sussex Drive", "10 Downing Street", "12 Quay Road".
func streetAddress(t *Text, n Number) bool {
	k := n.End
	if t.Kind(n.First) != Digits || n.End != n.First+1 || strings.ContainsAny(t.W(n.First), ",.") || len(t.W(n.First)) > 5 {
		return false
	}
	for m := 0; m < 3; m++ {
		raw := t.Raw(k)
		if t.Kind(k) != Letters || raw == "" || raw[0] < 'A' || raw[0] > 'Z' || stopWord(t.W(k)) {
			return false
		}
		if m > 0 {
			switch t.W(k) {
			case "street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane", "ln", "boulevard", "blvd",
				"way", "place", "pl", "court", "ct", "crescent", "terrace", "square", "parkway", "pkwy", "highway", "row":
				return true
			}
		}
		k++
	}
	return false
}

// isClockTime reports whether n is a clock time: followed by "am", "pm",
// "a.m.", "p.m.", "o'clock" or a time zone, and shaped like an hour
// (an integer up to 24, or hours.minutes).
func isClockTime(t *Text, n Number) bool {
	k := n.End
	w := t.W(k)
	switch w {
	case "am", "pm", "a", "p", "o'clock", "o’clock", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt", "hrs", "hours", "h":
	default:
		return false
	}
	if (w == "a" || w == "p") && !(t.W(k+1) == "." && t.W(k+2) == "m") {
		return false
	}
	if (w == "hours" || w == "h" || w == "hrs") && !(len(t.W(n.First)) == 4 && t.W(n.First)[0] <= '2') {
		return false // "1400 hours" is a time; "14 hours" a duration
	}
	if w == "hours" || w == "h" || w == "hrs" {
		return true
	}
	v := n.Value
	if v < 0 || v > 24 {
		return false
	}
	raw := t.W(n.First)
	for i := 0; i < len(raw); i++ {
		if raw[i] == '.' {
			return len(raw)-i-1 == 2
		}
	}
	return true
}

// nextToMonth reports whether the numeral in words [first, last] sits
// beside a month name, as a day or a year of a date.
func (r *run) nextToMonth(first, last int) bool {
	t := &r.t
	k := first - 1
	if t.W(k) == "." {
		k--
	}
	if isMonth(t.W(k)) && t.Kind(k) == Letters {
		return true
	}
	// "March 22, 2013": the year after a day.
	if t.W(first-1) == "," && t.Kind(first-2) == Digits && isMonth(t.W(first-3)) {
		return true
	}
	k = last + 1
	if t.W(k) == "of" {
		k++
	}
	return isMonth(t.W(k)) && t.Raw(k) != "" && t.Raw(k)[0] >= 'A' && t.Raw(k)[0] <= 'Z'
}

// isMonth reports whether w (lower case) names a month, in full or
// abbreviated.
func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// isLabel reports whether the number at word i labels something: after
// "No.", "#", "Article", or a capitalised word that is not a sentence's
// first ("Voyager 2", "Apollo 11"), unless written with a thousands
// separator ("and Saar 10,100 votes").
func isLabel(t *Text, i int) bool {
	p := i - 1
	w := t.W(p)
	switch w {
	case "#", "no", "nos", "nr", "nrs", "article", "section", "chapter", "room", "route", "highway",
		"exit", "flight", "page", "pages", "vol", "volume", "version", "level", "phase", "resolution",
		"amendment", "paragraph", "clause", "item", "line", "platform", "gate", "seat", "row", "unit",
		"building", "block", "floor", "channel", "episode", "season", "series", "model", "type", "grade",
		"category", "rule", "figure", "table", "step", "part", "title", "class", "world", "pt", "image", "photo", "slide":
		return w != "world" || t.Raw(p) == "World"
	case ".":
		switch t.W(p - 1) {
		case "no", "nos", "nr", "nrs", "vol", "art", "sec", "pt", "fig", "p", "pp", "ch":
			return true
		}
	}
	if t.StockIndex(i) {
		return true
	}
	if t.Kind(p) == Letters && t.Words[i].Space && !strings.Contains(t.W(i), ",") {
		raw := t.Raw(p)
		// "Parliament's 343 seats": a count its owner's name possesses.
		possessed := (strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")) && t.Kind(i+1) == Letters && t.Raw(i+1) == t.W(i+1)
		if raw[0] >= 'A' && raw[0] <= 'Z' && !isMonth(w) && !isWeekday(w) && !stopWord(w) && t.Words[p].Space && p > 0 && !sentenceBreak(t, p-1) && len(raw) > 1 && !isUpperASCII(raw) && !possessed {
			return true
		}
	}
	return false
}

// StockIndex reports whether the number at word i names a stock index
// with the name before it: "S&P 500", "FTSE 100", "Russell 2000", or a
// capitalised name and the number before "index" ("the STOXX 600
// index"). A number with a thousands separator is a level, not a name
// ("the Nasdaq 8,570").
func (t *Text) StockIndex(i int) bool {
	p := i - 1
	w := t.W(i)
	if t.Kind(i) != Digits || len(w) < 2 || strings.ContainsAny(w, ",.") || !t.Words[i].Space || t.Kind(p) != Letters {
		return false
	}
	raw := t.Raw(p)
	if raw == "" || raw[0] < 'A' || raw[0] > 'Z' {
		return false
	}
	if t.Is(i+1, "index", "indexes", "indices") {
		return true
	}
	switch t.W(p) {
	case "p":
		return t.W(p-1) == "&" && t.W(p-2) == "s"
	case "poor's", "poor’s":
		return t.W(p-1) == "&" // "Standard & Poor's 500"
	case "ftse", "stoxx", "nikkei", "dax", "cac", "asx", "russell", "nasdaq", "kospi", "sensex", "nifty", "tsx", "ibex", "aex", "mib", "omx", "wig", "bux", "jse":
		return true
	}
	return false
}

// sentenceBreak reports whether word k ends a sentence or opens a
// clause, so that the next word's capital is not a name's.
func sentenceBreak(t *Text, k int) bool {
	switch t.W(k) {
	case ".", "!", "?", ":", "“", "\"", "‘", "(", "—", "–", "-":
		return true
	}
	return false
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// oneIsNumber reports whether "one" at word i counts something rather
// than standing for a noun ("one of the", "the one", "no one").
func (r *run) oneIsNumber(i int) bool {
	t := &r.t
	switch t.W(i - 1) {
	case "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "someone",
		"anyone", "only", "little", "big", "good", "new", "old", "right", "wrong", "same", "other",
		"last", "next", "first", "whichever", "what", "a", "such", "latest", "main", "real":
		return false
	}
	switch t.W(i + 1) {
	case "of", "another", "who", "whose", "which", "that", "day", "way", "thing", "side", "or", "hand",
		"by", "must", "can", "could", "should", "would", "may", "might", "will", "is", "was", "does",
		"did", "has", "had", "'s", "’s", "knows", "another's", "point", "time", "another’s", "-", "–", "need", "shall", "cannot",
		"like", "":
		return false
	}
	// "our One Harbour plan": a capitalised "One" after a lower-case word
	// and before a capitalised one begins a name.
	if raw := t.Raw(i + 1); t.Raw(i) == "One" && raw != "" && unicode.IsUpper([]rune(raw)[0]) && t.Kind(i-1) == Letters {
		if prev := t.Raw(i - 1); prev != "" && unicode.IsLower([]rune(prev)[0]) {
			return false
		}
	}
	// "a short book after a long one": an adjective between a determiner
	// or a possessive and "one" makes it a noun's stand-in.
	if r.adjective(i-1) && (determiner(t.W(i-2)) || possessive(t.W(i-2))) {
		return false
	}
	return true
}

// adjective reports whether word j is tagged an adjective; false where
// the document has no tags.
func (r *run) adjective(j int) bool {
	t, d := &r.t, r.d
	if j < 0 || j >= len(t.Words) || len(d.Tokens) == 0 || d.Tokens[0].POS == doc.TagNone {
		return false
	}
	ti := d.TokenAt(t.Words[j].Start)
	return ti < len(d.Tokens) && d.Tokens[ti].Start == t.Words[j].Start && d.Tokens[ti].POS.IsAdjective()
}

// determiner reports whether a lower-case word is a determiner that can
// open a noun phrase whose noun "one" stands in for.
func determiner(w string) bool {
	switch w {
	case "a", "an", "the", "this", "that", "these", "those", "every", "each", "another", "any", "some", "its":
		return true
	}
	return false
}

// qualifiers are the hedges a quantity may carry, as word sequences
// ending just before it.
var qualifiers = [][]string{
	{"at", "least"}, {"at", "most"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"},
	{"no", "more", "than"}, {"no", "less", "than"}, {"no", "fewer", "than"}, {"not", "more", "than"},
	{"as", "many", "as"}, {"as", "much", "as"}, {"as", "far", "as"}, {"as", "few", "as"},
	{"as", "little", "as"}, {"as", "long", "as"}, {"as", "high", "as"}, {"as", "low", "as"},
	{"up", "to"}, {"close", "to"}, {"upwards", "of"}, {"in", "excess", "of"}, {"just", "over"},
	{"just", "under"}, {"well", "over"}, {"well", "under"}, {"an", "estimated"}, {"a", "maximum", "of"},
	{"a", "minimum", "of"}, {"more", "or", "less"}, {"a", "mere"}, {"just", "about"},
	{"about"}, {"around"}, {"roughly"}, {"approximately"}, {"approx"}, {"some"}, {"nearly"},
	{"almost"}, {"over"}, {"under"}, {"exactly"}, {"precisely"}, {"estimated"}, {"barely"},
	{"only"}, {"just"}, {"below"}, {"above"}, {"beyond"}, {"circa"}, {"c."}, {"~"}, {"<"}, {">"},
	{"between"}, {"from"},
}

// qualifiersByLast are the indices in qualifiers of the hedges that end
// with each word, in order.
var qualifiersByLast = func() map[string][]int {
	m := map[string][]int{}
	for k, q := range qualifiers {
		last := q[len(q)-1]
		m[last] = append(m[last], k)
	}
	return m
}()

// qualifierTexts are the hedges of qualifiers written out.
var qualifierTexts = func() []string {
	out := make([]string, len(qualifiers))
	for k, q := range qualifiers {
		out[k] = joinWords(q)
	}
	return out
}()

// qualifier returns the hedge that ends just before word i, in lower
// case, or "".
func (r *run) qualifier(i int) string {
	t := &r.t
	k := i
	best := ""
	for _, x := range qualifiersByLast[t.W(k-1)] {
		q := qualifiers[x]
		if len(q) > k {
			continue
		}
		ok := true
		for m := range q {
			if t.W(k-len(q)+m) != q[m] {
				ok = false
				break
			}
		}
		if ok && len(q) > len(best) {
			best = qualifierTexts[x]
		}
	}
	switch best {
	case "between", "from":
		return ""
	}
	return best
}

func joinWords(ws []string) string {
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w)
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// head returns the noun that follows word k, which the quantity counts
// or modifies: the first noun within three words, over adjectives. It
// uses part-of-speech tags when the document has them.
func (r *run) head(k int) doc.Span {
	t := &r.t
	d := r.d
	tagged := len(d.Tokens) > 0 && d.Tokens[0].POS != doc.TagNone
	for j := k; j < k+3 && j < len(t.Words); j++ {
		if t.LineBefore(j) {
			return doc.Span{} // a heading's figure has no noun on the next line
		}
		if t.Kind(j) != Letters {
			if t.isHyphen(j) && t.Glued(j) {
				continue
			}
			return doc.Span{}
		}
		w := t.Words[j]
		if tagged {
			ti := d.TokenAt(w.Start)
			if ti >= len(d.Tokens) || d.Tokens[ti].Start != w.Start {
				return doc.Span{}
			}
			p := d.Tokens[ti].POS
			switch {
			case p.IsNoun():
				// take a compound noun's last part: "front line"
				end := d.Tokens[ti].End
				for ti+1 < len(d.Tokens) && d.Tokens[ti+1].POS.IsNoun() && d.Tokens[ti+1].Start == end+1 && d.Tokens[ti+1].POS != doc.TagNNP {
					ti++
					end = d.Tokens[ti].End
				}
				return doc.Span{Start: w.Start, End: end}
			case p.IsAdjective() || p == doc.TagVBN || p == doc.TagVBG:
				continue
			}
			return doc.Span{}
		}
		if stopWord(t.W(j)) {
			return doc.Span{}
		}
		return doc.Span{Start: w.Start, End: w.End}
	}
	return doc.Span{}
}

// nounPhrase returns the noun phrase that starts at word k: the whole in
// "a fifth of Ukraine", "two-thirds of Donetsk region".
func (r *run) nounPhrase(k int) doc.Span {
	t := &r.t
	d := r.d
	tagged := len(d.Tokens) > 0 && d.Tokens[0].POS != doc.TagNone
	start, end := -1, -1
	for j := k; j < len(t.Words) && j < k+6; j++ {
		kind := t.Kind(j)
		if kind == Other && !(t.isHyphen(j) && t.Glued(j)) || t.LineBefore(j) {
			break // "2.3% of GDP\n\nVELMORA —": the phrase ends with its line
		}
		if kind == Letters && stopWord(t.W(j)) && start >= 0 {
			break
		}
		if tagged && kind == Letters {
			ti := d.TokenAt(t.Words[j].Start)
			if ti < len(d.Tokens) && (d.Tokens[ti].POS.IsVerb() && d.Tokens[ti].POS != doc.TagVBG || d.Tokens[ti].POS == doc.TagWDT || d.Tokens[ti].POS == doc.TagIN || d.Tokens[ti].POS == doc.TagCC) && start >= 0 {
				break
			}
		}
		if start < 0 {
			start = t.Words[j].Start
		}
		end = t.Words[j].End
	}
	if start < 0 {
		return doc.Span{}
	}
	return doc.Span{Start: start, End: end}
}

// stopWord reports whether w is a function word that cannot be, or end,
// a noun phrase's head.
func stopWord(w string) bool {
	switch w {
	case "and", "or", "but", "which", "who", "whom", "whose", "that", "from", "to", "in", "on", "at",
		"by", "with", "for", "as", "since", "than", "while", "is", "are", "was", "were", "be", "been",
		"being", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
		"do", "does", "did", "said", "says", "after", "before", "during", "including", "according",
		"of", "the", "a", "an", "this", "these", "those", "it", "its", "he", "she", "they", "we", "i",
		"you", "his", "her", "their", "our", "my", "your", "if", "when", "where", "so", "not", "no",
		"per", "each", "every", "into", "over", "under", "about", "between", "more", "less", "up",
		"down", "out", "off", "then", "there", "here", "also", "too", "very", "just", "only", "ago",
		"earlier", "later", "old", "long", "away", "apart", "later,":
		return true
	}
	return false
}

// bodySize returns the end of a word for the members of a body joined by
// a hyphen to the number that ends before word j ("15-member",
// "240-seat", "3,000-strong", "five-nation"), or j when there is none.
func (r *run) bodySize(j int) int {
	t := &r.t
	if !t.isHyphen(j) || !t.Glued(j) || !t.Glued(j+1) || t.Kind(j+1) != Letters {
		return j
	}
	switch t.W(j + 1) {
	case "member", "seat", "strong", "nation", "country", "state", "person", "man", "woman", "judge":
		if t.Kind(j+2) == Letters || t.Kind(j+2) == Digits {
			return j + 2
		}
	}
	return j
}

// elidedVotes gives count q, with no noun of its own, before a side of a
// vote ("12 votes in favour, two against") or after "votes to" ("by 31
// votes to 12"), the noun "votes" of the figure before it in its
// sentence.
func (r *run) elidedVotes(q *doc.Quantity, end int) {
	t := &r.t
	if q.Kind != "count" || q.Unit != "" || len(r.out) == 0 {
		return
	}
	p := &r.out[len(r.out)-1]
	side := end < len(t.Words) && voteSide(t, end)
	tally := !p.Head.IsZero() && p.Head.End <= q.Start && r.d.Text[p.Head.End:q.Start] == " to "
	if !side && !tally {
		return
	}
	if side && q.Head.Start == t.Words[end].Start {
		q.Head = doc.Span{} // untagged, "against" read as a noun
	}
	if !q.Head.IsZero() || p.Kind != "count" || p.Head.IsZero() || r.d.SentenceAt(p.Start) != r.d.SentenceAt(q.Start) {
		return
	}
	if h := r.d.Slice(p.Head); strings.EqualFold(h, "votes") || strings.EqualFold(h, "vote") {
		q.Head = p.Head
	}
}

// voteSide reports whether word j opens a side of a vote: "against",
// "in favour", "for", "abstaining", "abstained".
func voteSide(t *Text, j int) bool {
	switch t.W(j) {
	case "against", "for", "abstaining", "abstained":
		return true
	case "in":
		return t.Is(j+1, "favour", "favor")
	}
	return false
}

// phoneNumber reports whether q, at word i, is a telephone number: a
// bare number in digits, with no noun, right after "call", "dial",
// "ring", "phone" or "text" ("call 101", "dial 999").
func (r *run) phoneNumber(q *doc.Quantity, i int) bool {
	t := &r.t
	if q.Kind != "count" || q.Unit != "" || q.Qualifier != "" || q.IsRange() || t.Kind(i) != Digits {
		return false
	}
	// "911 calls", "a 999 operator": an emergency number before a noun
	// of calling.
	if t.Is(i, "911", "999", "112") && t.Is(i+1, "call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator", "operators", "center", "centre", "centers", "centres", "line", "system", "recording", "recordings", "tape", "tapes") {
		return true
	}
	return q.Head.IsZero() && t.Is(i-1, "call", "dial", "ring", "phone", "text")
}
