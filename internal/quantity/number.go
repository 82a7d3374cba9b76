package quantity

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Number is a numeral the grammar read: in digits ("1,000", "2.3"), in
// words ("three", "twenty-one trillion", "a dozen"), as a fraction ("a
// fifth", "two-thirds", "3/4", "½") or an ordinal ("third", "21st"), with
// any scale ("2.3 million", "10k", "$2bn").
type Number struct {
	Value       float64
	First, End  int     // the words it covers: [First, End)
	Spelt       bool    // written at least partly in words
	Fraction    bool    // a fraction or share: "a fifth", "two-thirds", "3/4", "one in five"
	Ordinal     bool    // an ordinal: "third", "21st"
	Scaled      bool    // has a scale word or suffix: "million", "bn", "k"
	Step        float64 // the place of its last significant digit: 10 for "680", 0.1 for "2.5"
	Denominator float64 // for a fraction written with words, its denominator
}

// Text is a lexed text, ready for the number and unit grammars: the
// words, and the text with its ASCII letters in lower case.
type Text struct {
	Src   string // the text
	Lower string // Src with ASCII letters in lower case (same offsets)
	Words []Word
}

// NewText lexes text[from:to]. words is reused when it has room.
func NewText(text string, from, to int, words []Word) *Text {
	t := &Text{}
	t.Reset(text, LowerASCII(text), from, to, words)
	return t
}

// Reset lexes text[from:to] again into t, reusing its word slice; lower
// must be text with ASCII letters in lower case.
func (t *Text) Reset(text, lower string, from, to int, words []Word) {
	t.Src, t.Lower = text, lower
	t.Words = Lex(text, from, to, words[:0])
}

// W returns word i in lower case, or "" when i is out of range.
func (t *Text) W(i int) string {
	if i < 0 || i >= len(t.Words) {
		return ""
	}
	w := t.Words[i]
	return t.Lower[w.Start:w.End]
}

// Raw returns word i as written, or "".
func (t *Text) Raw(i int) string {
	if i < 0 || i >= len(t.Words) {
		return ""
	}
	w := t.Words[i]
	return t.Src[w.Start:w.End]
}

// Kind returns the kind of word i, or 0 when i is out of range.
func (t *Text) Kind(i int) WordKind {
	if i < 0 || i >= len(t.Words) {
		return 0
	}
	return t.Words[i].Kind
}

// Glued reports whether word i follows word i-1 with no space between.
func (t *Text) Glued(i int) bool {
	return i > 0 && i < len(t.Words) && !t.Words[i].Space
}

// LineBefore reports whether a line break stands between word i and the
// word before it.
func (t *Text) LineBefore(i int) bool {
	return i > 0 && i < len(t.Words) && t.Words[i].Space && strings.IndexByte(t.Src[t.Words[i-1].End:t.Words[i].Start], '\n') >= 0
}

// Is reports whether word i, in lower case, is one of ws.
func (t *Text) Is(i int, ws ...string) bool {
	w := t.W(i)
	if w == "" {
		return false
	}
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

func (t *Text) isHyphen(i int) bool {
	switch t.W(i) {
	case "-", "‐", "‑", "–":
		return true
	}
	return false
}

// The number vocabulary.
var (
	smallWords = newWordValues(map[string]float64{
		"zero": 0, "nought": 0, "naught": 0, "nil": 0,
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19,
	})
	tensWords = newWordValues(map[string]float64{
		"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90,
	})
	scaleWords = newWordValues(map[string]float64{
		"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "milliard": 1e9, "milliards": 1e9,
		"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
		"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
	})
	// suffixScales follow digits with no space ("10k", "$2.3bn") or after
	// one space ("2.3 bn").
	suffixScales = newWordValues(map[string]float64{
		"k": 1e3, "mn": 1e6, "mln": 1e6, "mil": 1e6,
		"bn": 1e9, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12,
	})
	ordinalWords = newWordValues(map[string]float64{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
		"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
		"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
		"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
		"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
		"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
		"trillionth": 1e12,
	})
	vulgar = newWordValues(map[string]float64{
		"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
		"⅗": 0.6, "⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅐": 1.0 / 7, "⅛": 0.125,
		"⅜": 0.375, "⅝": 0.625, "⅞": 0.875, "⅑": 1.0 / 9, "⅒": 0.1,
	})
)

// denominators are the plural fraction words ("thirds", "halves"); the
// singular ones are the ordinals and "half" and "quarter".
var denominators = func() *wordValues {
	m := map[string]float64{"halves": 2, "quarters": 4}
	for w, v := range ordinalWords.m {
		if v > 2 {
			m[w+"s"] = v
		}
	}
	return newWordValues(m)
}()

// wordValues maps words to values, with a filter that answers most
// lookups of other words without hashing them.
type wordValues struct {
	m map[string]float64
	f WordFilter
}

func newWordValues(m map[string]float64) *wordValues {
	v := &wordValues{m: m}
	for w := range m {
		v.f.Add(w)
	}
	return v
}

// get returns the value of w and whether it has one.
func (v *wordValues) get(w string) (float64, bool) {
	if !v.f.MayHave(w) {
		return 0, false
	}
	x, ok := v.m[w]
	return x, ok
}

// of returns the value of w, or 0.
func (v *wordValues) of(w string) float64 {
	x, _ := v.get(w)
	return x
}

// NumberWords returns the words of the number grammar, in lower case:
// "three", "twenty", "million", "third", "dozen" ...
func NumberWords() []string {
	out := []string{"hundred", "hundreds", "dozen", "dozens", "half", "quarter", "minus", "negative"}
	for _, m := range []*wordValues{smallWords, tensWords, scaleWords, ordinalWords} {
		for w := range m.m {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// OrdinalStarts returns the words in lower case that an ordinal in words
// can begin with (see Text.Ordinal): the ordinals ("third", "hundredth")
// and the tens ("twenty" of "twenty-first").
func OrdinalStarts() []string {
	var out []string
	for _, m := range []*wordValues{tensWords, ordinalWords} {
		for w := range m.m {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// singularDenominator returns the denominator a singular fraction word
// names: 2 for "half", 4 for "quarter", 5 for "fifth"; "first" and
// "second" are not denominators.
func singularDenominator(w string) float64 {
	switch w {
	case "half":
		return 2
	case "quarter":
		return 4
	case "first", "second":
		return 0
	}
	return ordinalWords.of(w)
}

// Number reads the numeral that starts at word i. It returns false when
// there is none.
func (t *Text) Number(i int) (Number, bool) {
	if i < 0 || i >= len(t.Words) {
		return Number{}, false
	}
	sign := 1.0
	j := i
	switch w := t.W(j); {
	case (w == "-" || w == "−" || w == "–") && t.signable(j):
		if k := j + 1; t.Kind(k) == Digits && (t.Glued(k) || t.Kind(j-1) != Digits && t.Kind(j-1) != Letters) {
			sign, j = -1, k
		}
	case w == "minus" || w == "negative":
		if n, ok := t.unsigned(j + 1); ok {
			n.First, n.Value = i, -n.Value
			n.Spelt = true
			return n, true
		}
		return Number{}, false
	}
	n, ok := t.unsigned(j)
	if !ok {
		return Number{}, false
	}
	n.First = i
	n.Value *= sign
	return n, true
}

// signable reports whether a dash at word i may be a minus sign: it does
// not join two words ("2013-14", "SCP-173").
func (t *Text) signable(i int) bool {
	if i == 0 {
		return true
	}
	k := t.Kind(i - 1)
	if k == Digits {
		// "75 -300mm" is a range, which goes up; "225.86 -12.99 -5.44%",
		// a row of a table, goes down by signed changes.
		return !t.Glued(i) && t.Glued(i+1) && t.Kind(i+1) == Digits && digitsAt(t.Src, t.Words[i+1].Start, 1) < digitsAt(t.Src, t.Words[i-1].End, -1)
	}
	if !t.Glued(i) {
		return true
	}
	return k != Letters
}

// digitsAt returns the value of the digits, commas and decimal point
// that run from byte b of text forward (dir 1) or end there (dir -1); 0
// when they do not make a number.
func digitsAt(text string, b, dir int) float64 {
	s, e := b, b
	if dir > 0 {
		for e < len(text) && (isDigit(text[e]) || text[e] == ',' || text[e] == '.') {
			e++
		}
	} else {
		for s > 0 && (isDigit(text[s-1]) || text[s-1] == ',' || text[s-1] == '.') {
			s--
		}
	}
	v, err := strconv.ParseFloat(strings.Trim(strings.ReplaceAll(text[s:e], ",", ""), "."), 64)
	if err != nil {
		return 0
	}
	return v
}

func (t *Text) unsigned(i int) (Number, bool) {
	n, ok := t.core(i)
	if ok && n.Fraction {
		n = t.scaleAfterFraction(n)
	}
	return n, ok
}

// core reads an unsigned numeral at word i, without a scale that follows
// a fraction ("five and a half" of "five and a half million").
func (t *Text) core(i int) (Number, bool) {
	w := t.W(i)
	if v, ok := vulgar.get(w); ok {
		return Number{Value: v, First: i, End: i + 1, Fraction: true}, true
	}
	switch w {
	case "a", "an", "one":
		// "a fifth", "one-third", "a half", "an eighth"; "a hundred" and
		// "a dozen" are cardinals.
		k := i + 1
		if t.isHyphen(k) && (w == "one" || t.isHyphen(i-1) && t.W(i-2) == "and" && t.Glued(k) && t.W(k+1) == "half" && t.numeral(i-4)) {
			k++ // "one-third", "three-and-a-half"
		}
		den := singularDenominator(t.W(k))
		if den2, end := t.compoundOrdinal(k); end > k+1 {
			den, k = den2, end-1
		}
		if den > 0 {
			if t.fractionContext(i, k+1) {
				return Number{Value: 1 / den, First: i, End: k + 1, Spelt: true, Fraction: true, Denominator: den}, true
			}
			if w != "one" {
				return Number{}, false
			}
		}
	case "half":
		return t.half(i)
	case "quarter":
		if sc, ok := scaleWords.get(t.W(i + 1)); ok {
			return Number{Value: 0.25 * sc, First: i, End: i + 2, Spelt: true, Scaled: true, Step: sc / 4}, true
		}
		return Number{}, false
	}
	n, ok := t.cardinal(i)
	if !ok {
		return Number{}, false
	}
	return t.afterCardinal(n), true
}

// half reads "half" as a number: "half of", "more than half", "half a
// dozen", "half a million", "half million".
func (t *Text) half(i int) (Number, bool) {
	switch t.W(i - 1) {
	case "the", "first", "second", "other", "latter", "former", "back", "front", "this", "that":
		return Number{}, false
	}
	if t.isHyphen(i-1) && t.Glued(i) && t.Glued(i-1) && t.Is(i-2, "first", "second", "other", "back", "front") {
		return Number{}, false // "second-half results": a part of a period
	}
	next := t.W(i + 1)
	if next == "a" || next == "an" {
		if t.W(i+2) == "dozen" {
			return Number{Value: 6, First: i, End: i + 3, Spelt: true, Step: 1}, true
		}
		if sc, ok := scaleWords.get(t.W(i + 2)); ok && t.Kind(i+2) == Letters {
			return Number{Value: sc / 2, First: i, End: i + 3, Spelt: true, Scaled: true, Step: sc / 2}, true
		}
	}
	if sc, ok := scaleWords.get(next); ok {
		return Number{Value: sc / 2, First: i, End: i + 2, Spelt: true, Scaled: true, Step: sc / 2}, true
	}
	return Number{Value: 0.5, First: i, End: i + 1, Spelt: true, Fraction: true, Denominator: 2}, true
}

// numeral reports whether word i is a cardinal in digits or in words.
func (t *Text) numeral(i int) bool {
	if t.Kind(i) == Digits {
		return true
	}
	_, small := smallWords.get(t.W(i))
	_, tens := tensWords.get(t.W(i))
	return small || tens
}

// fractionContext reports whether a singular fraction word ending before
// word end reads as a share rather than an ordinal: "a fifth of", "a
// third" at a clause's end, "one and a half", "a quarter million".
func (t *Text) fractionContext(first, end int) bool {
	if t.W(first) == "one" && t.isHyphen(first+1) {
		return true // "one-third", "one-fifth"
	}
	if t.W(end-1) == "half" {
		return true
	}
	switch next := t.W(end); {
	case next == "of", next == "", next == "of.":
		return true
	case next == "." || next == "," || next == ";" || next == ")" || next == ":" || next == "?" || next == "!":
		return true
	case next == "-" || next == "–":
		return false
	default:
		if _, ok := scaleWords.get(next); ok {
			return true
		}
	}
	switch t.W(first - 1) {
	case "by", "than", "almost", "nearly", "about", "around", "roughly", "some", "over",
		"under", "only", "just", "approximately", "barely", "exactly", "precisely", "least", "most":
		return true // "fell by almost a third since", "more than a fifth"
	case "and":
		// "two and a third times", but "Air Astana and a third buyer"
		// lists an ordinal.
		return t.numeral(first - 2)
	}
	return false
}

// compoundOrdinal reads "twenty-first" or "twenty first" at word i (a tens
// word then an ordinal 1-9) and returns its value and end; or 0, i.
func (t *Text) compoundOrdinal(i int) (float64, int) {
	tens, ok := tensWords.get(t.W(i))
	if !ok {
		return 0, i
	}
	k := i + 1
	if t.isHyphen(k) {
		k++
	}
	w := t.W(k)
	if v := ordinalWords.of(w); v > 0 && v < 10 {
		return tens + v, k + 1
	}
	if len(w) > 1 && w[len(w)-1] == 's' {
		if v := ordinalWords.of(w[:len(w)-1]); v > 0 && v < 10 {
			return tens + v, k + 1
		}
	}
	return 0, i
}

// card is the state of the cardinal reader.
type card struct {
	total, cur float64
	lastScale  float64
	last       int
	words      bool
	digits     bool
	step       float64
	beforeAnd  float64 // total+cur before the last "and", or -1
	andAt      int     // the word index of the last "and"
	andTotal   float64 // total before the last "and"
	hundred    bool    // the current group has its hundreds
	scaled     bool
}

const (
	lNone = iota
	lDigits
	lSmall
	lTens
	lUnitAfterTens
	lHundred
	lScale
)

// cardinal reads a cardinal number in digits, words or both: "1,000",
// "twenty-one", "one hundred and six", "2.3 million", "4 thousand 3
// hundred and 21", "10k", "a dozen".
func (t *Text) cardinal(i int) (Number, bool) {
	if i < 0 || i >= len(t.Words) {
		return Number{}, false
	}
	c := card{lastScale: math.Inf(1), beforeAnd: -1}
	j := i
	if w := t.W(j); w == "a" || w == "an" {
		nx := t.W(j + 1)
		if nx == "hundred" || nx == "dozen" || nx == "thousand" || nx == "million" || nx == "billion" || nx == "trillion" {
			c.cur, c.last, c.words = 1, lSmall, true
			j++
		} else {
			return Number{}, false
		}
	}
loop:
	for j < len(t.Words) {
		w := t.W(j)
		// "six-point-six": a decimal point spelt between hyphens.
		if (c.last == lSmall || c.last == lTens || c.last == lUnitAfterTens) && t.isHyphen(j) && t.Glued(j) && t.W(j+1) == "point" && t.Glued(j+1) && t.isHyphen(j+2) && t.Glued(j+2) && t.Glued(j+3) {
			if frac, end := t.pointDigits(j + 3); end > j+3 {
				c.cur += frac
				c.step = 0
				j = end
				break loop
			}
		}
		switch t.Words[j].Kind {
		case Digits:
			if c.last != lNone && c.last != lHundred && c.last != lScale {
				break loop
			}
			if c.last != lNone && !t.Words[j].Space {
				break loop
			}
			v, step, dec, ok := digitsValue(w)
			if !ok {
				break loop
			}
			switch c.last {
			case lNone:
				c.cur, c.step = v, step
			case lHundred:
				if dec || v >= 100 {
					break loop
				}
				c.cur += v
				c.step = 1
			case lScale:
				if dec || v >= c.lastScale {
					break loop
				}
				c.cur = v
				c.step = 1
			}
			c.last, c.digits = lDigits, true
			j++
			// "40 000": a group of three digits after a space.
			for c.total == 0 && c.last == lDigits && !dec && len(t.W(i)) <= 3 && !t.Glued(i) && t.Kind(j) == Digits && t.Words[j].Space && len(t.W(j)) == 3 && t.spaceGroup(j) {
				v2, _, _, _ := digitsValue(t.W(j))
				c.cur = c.cur*1000 + v2
				c.step = 1
				j++
			}
			// Suffix scales: "10k", "1.2b", "10M", "2.3bn", "5 bn".
			if sc, end := t.suffixScale(j); sc > 0 {
				c.total += scaleBy(c.cur, c.step, sc)
				c.cur, c.step, c.scaled = 0, c.step*sc, true
				c.lastScale, c.last = sc, lScale
				j = end
				break loop
			}
		case Letters:
			// "$327 million two years ago": a number in words right
			// after digits and their scale starts another number
			// ("6 crore and two hundred" is one).
			if c.digits && c.last == lScale && (c.beforeAnd < 0 || c.andAt != j-1) && (smallWords.of(w) > 0 || tensWords.of(w) > 0) {
				break loop
			}
			if v, ok := smallWords.get(w); ok {
				switch c.last {
				case lTens:
					if v == 0 || v > 9 {
						break loop
					}
					c.cur += v
					c.last = lUnitAfterTens
				case lNone, lScale:
					c.cur, c.last = v, lSmall
				case lHundred:
					c.cur += v
					c.last = lSmall
				default:
					break loop
				}
				c.words = true
				c.step = 1
				j++
				continue
			}
			if v, ok := tensWords.get(w); ok {
				switch c.last {
				case lNone, lScale:
					c.cur = v
				case lHundred:
					c.cur += v
				default:
					break loop
				}
				c.last, c.words, c.step = lTens, true, 10
				j++
				continue
			}
			switch w {
			case "hundred", "hundreds":
				if c.hundred {
					if c.beforeAnd >= 0 && c.andAt > i {
						// "3 hundred and 2 hundred": two numbers.
						j = c.andAt
						c.total, c.cur = c.andTotal, c.beforeAnd-c.andTotal
						c.beforeAnd = -1
					}
					break loop
				}
				switch {
				case c.last == lNone && i == j && scaleWords.of(t.W(j+1)) >= 1e3:
					c.cur = 100 // "hundred thousand"
				case c.last == lNone && i < j:
					c.cur = 100 // "a hundred"
				case (c.last == lSmall || c.last == lTens || c.last == lUnitAfterTens) && c.cur > 0 && c.cur < 100,
					c.last == lDigits && c.cur > 0 && (c.total == 0 || c.cur < 100):
					c.cur *= 100
				default:
					break loop
				}
				if w == "hundreds" && c.last == lNone {
					break loop
				}
				c.last, c.words, c.step, c.hundred = lHundred, true, 100, true
				j++
				continue
			case "dozen", "dozens", "dz", "dzs", "doz", "dozs":
				if c.last == lNone || c.cur == 0 {
					break loop
				}
				if w == "dozens" && c.cur == 1 && !c.digits && t.W(i) != "a" {
					break loop
				}
				c.cur *= 12
				c.words, c.step = true, 12
				c.last = lScale
				c.lastScale = 12
				j++
				break loop
			case "and", "&":
				if c.last != lHundred && c.last != lScale {
					break loop
				}
				nx := t.W(j + 1)
				_, small := smallWords.get(nx)
				_, tens := tensWords.get(nx)
				if (nx == "one" || nx == "a") && singularDenominator(t.W(j+2)) > 0 {
					break loop // "two million and one half": a mixed number
				}
				if nx == "0" || nx == "zero" {
					break loop
				}
				if !small && !tens && t.Kind(j+1) != Digits {
					break loop
				}
				if c.digits && c.last == lScale && t.Kind(j+1) == Digits {
					break loop // "between 800 million and 900 million": two numbers
				}
				// "one hundred and three quarters": the fraction reader
				// decides; here "and" joins the groups.
				c.beforeAnd, c.andAt, c.andTotal = c.total+c.cur, j, c.total
				j++
				continue
			case "point":
				if c.last == lNone || c.last == lHundred && c.cur == 0 {
					break loop
				}
				frac, end := t.pointDigits(j + 1)
				if end == j+1 {
					break loop
				}
				c.cur += frac
				c.step = 0
				j = end
				break loop
			}
			if sc, ok := scaleWords.get(w); ok {
				if c.last == lNone {
					break loop
				}
				if c.cur > 0 {
					if sc >= c.lastScale {
						break loop
					}
					c.total += scaleBy(c.cur, c.step, sc)
					c.cur = 0
				} else if c.last == lScale && sc > c.lastScale {
					c.total *= sc
				} else {
					break loop
				}
				if (w == "thousands" || w == "millions" || w == "billions" || w == "trillions") && !c.digits {
					break loop
				}
				c.lastScale, c.last, c.words, c.scaled, c.hundred = sc, lScale, true, true, false
				if c.step < sc {
					c.step = sc // digits with a scale are rescaled below
				}
				j++
				continue
			}
			break loop
		case Other:
			if w == "&" && (c.last == lHundred || c.last == lScale) {
				nx := t.W(j + 1)
				_, small := smallWords.get(nx)
				_, tens := tensWords.get(nx)
				if small || tens || t.Kind(j+1) == Digits {
					c.beforeAnd, c.andAt, c.andTotal = c.total+c.cur, j, c.total
					j++
					continue
				}
			}
			if w == "," && c.last == lScale && c.words && !c.digits && c.lastScale >= 1e3 {
				nx := t.W(j + 1)
				_, small := smallWords.get(nx)
				_, tens := tensWords.get(nx)
				if (small || tens) && nx != "one" && (t.W(j+2) == "hundred" || t.W(j+2) == "thousand" && c.lastScale > 1e3) {
					j++
					continue
				}
			}
			// "$1-billion", "a 2.5-million-strong crowd": a hyphen
			// between digits and a large scale.
			if t.isHyphen(j) && c.last == lDigits && c.total == 0 && t.Glued(j) && t.Glued(j+1) && scaleWords.of(t.W(j+1)) >= 1e6 {
				j++
				continue
			}
			if (w == "-" || w == "‐" || w == "‑" || w == "–") && c.last == lTens {
				if v, ok := smallWords.get(t.W(j + 1)); ok && v > 0 && v < 10 {
					j++
					continue
				}
			}
			break loop
		}
	}
	if c.last == lNone || j == i {
		return Number{}, false
	}
	// Trailing "and" is not part of the number ("800 million and 1.1
	// billion").
	if c.beforeAnd >= 0 && j == c.andAt+1 {
		j, c.beforeAnd = c.andAt, -1
	}
	v := c.total + c.cur
	step := c.step
	if c.digits && c.scaled {
		step = digitsStepScaled(t, i, j, v)
	}
	return Number{Value: v, First: i, End: j, Spelt: c.words, Scaled: c.scaled, Step: step, Denominator: c.beforeAnd}, true
}

// digitsStepScaled returns the step of a digits numeral with a scale:
// "2.3 million" steps by 0.1 million.
func digitsStepScaled(t *Text, i, j int, v float64) float64 {
	for k := i; k < j; k++ {
		if t.Kind(k) == Digits {
			if base, step, _, _ := digitsValue(t.W(k)); base != 0 {
				return step * v / base
			}
		}
	}
	return 1
}

// spaceGroup reports whether word j follows word j-1 after exactly one
// plain space.
func (t *Text) spaceGroup(j int) bool {
	prev := t.Words[j-1]
	return t.Words[j].Start == prev.End+1 && t.Src[prev.End] == ' '
}

// suffixScale reads a scale suffix at word j after digits: "k", "bn",
// "mn", "M", "B", "b" glued to the digits, or "bn", "mn", "tn" after one
// space. It returns the scale and the end, or 0.
func (t *Text) suffixScale(j int) (float64, int) {
	if t.Kind(j) != Letters {
		return 0, j
	}
	raw := t.Raw(j)
	glued := t.Glued(j)
	if t.Kind(j+1) == Letters && t.Glued(j+1) {
		return 0, j
	}
	end := j + 1
	if glued {
		switch raw {
		case "M", "MM", "B", "K":
			if raw == "B" || raw == "b" {
				return 1e9, end
			}
			if raw == "K" {
				return 1e3, end
			}
			return 1e6, end
		case "b":
			return 1e9, end
		case "m":
			if t.currencyBefore(j) {
				return 1e6, end
			}
			return 0, j
		case "T", "t":
			if t.currencyBefore(j) {
				return 1e12, end
			}
			return 0, j
		}
	}
	if !glued && (raw == "M" || raw == "B" || raw == "MM") && t.Kind(j+1) != Letters {
		if raw == "B" {
			return 1e9, end
		}
		return 1e6, end
	}
	if sc, ok := suffixScales.get(t.W(j)); ok {
		if !glued && (raw == "k" || raw == "mil") && t.Kind(j+1) == Letters {
			return 0, j
		}
		return sc, end
	}
	return 0, j
}

// currencyBefore reports whether a money symbol or code comes just before
// the numeral that ends before word j ("$2.3m", "£10M", "€10B").
func (t *Text) currencyBefore(j int) bool {
	k := j - 1
	for k >= 0 && t.Kind(k) == Digits {
		k--
	}
	if k < 0 || k == j-1 {
		return false
	}
	w := t.Raw(k)
	switch w {
	case "$", "£", "€", "¥", "₹", "₽", "₴", "₩", "₺", "₪", "₦", "₿", "＄", "￡":
		return true
	}
	if t.Kind(k) == Letters && len(w) == 3 && isUpperASCII(w) {
		return true // "USD10M"
	}
	return false
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// pointDigits reads the digits after "point": "zero three" → 0.03,
// "seventy-one" → 0.71. It returns the fraction and the end.
func (t *Text) pointDigits(j int) (float64, int) {
	var digits []byte
	var buf [24]byte
	digits = buf[:0]
	k := j
	for k < len(t.Words) && len(digits) < 18 {
		w := t.W(k)
		if v, ok := smallWords.get(w); ok && v < 10 {
			digits = append(digits, byte('0'+int(v)))
			k++
			continue
		}
		if v, ok := smallWords.get(w); ok && v >= 10 && len(digits) == 0 {
			digits = append(digits, '1', byte('0'+int(v)-10))
			k++
			break
		}
		if v, ok := tensWords.get(w); ok && len(digits) == 0 {
			d := int(v / 10)
			digits = append(digits, byte('0'+d))
			k++
			if t.isHyphen(k) {
				if u, ok := smallWords.get(t.W(k + 1)); ok && u > 0 && u < 10 {
					digits = append(digits, byte('0'+int(u)))
					k += 2
					break
				}
			}
			if u, ok := smallWords.get(t.W(k)); ok && u > 0 && u < 10 {
				digits = append(digits, byte('0'+int(u)))
				k++
			}
			break
		}
		break
	}
	if len(digits) == 0 {
		return 0, j
	}
	f := 0.0
	scale := 0.1
	for _, d := range digits {
		f += float64(d-'0') * scale
		scale /= 10
	}
	// Round away binary noise: 0.03 not 0.030000000000000002.
	p := math.Pow10(len(digits))
	return math.Round(f*p) / p, k
}

// afterCardinal extends a cardinal: fractions ("two-thirds", "three
// fifths", "one and a half", "10 1/2", "3/4"), "N in M" and "N out of M"
// shares, exponents ("1.1^23", "1.3x10^6") and ordinals ("21st",
// "twenty-first").
func (t *Text) afterCardinal(n Number) Number {
	j := n.End
	// Digit fractions and mixed numbers: "3/4", "10 1/2", "2½".
	if t.Kind(n.First) == Digits && !n.Scaled && n.End == n.First+1 {
		// "6 ½ minutes": the fraction also after one space.
		if v, ok := vulgar.get(t.W(j)); ok && (t.Glued(j) || t.Words[j].Space && t.spaceGroup(j)) {
			n.Value += v
			n.End, n.Fraction = j+1, true
			return t.scaleAfterFraction(n)
		}
		if t.W(j) == "/" && t.Glued(j) && t.Kind(j+1) == Digits && t.Glued(j+1) && t.W(j+2) != "/" {
			num, den := n.Value, mustDigits(t.W(j+1))
			if den != 0 && num < den && isInt(num) && isInt(den) && !(t.W(n.First-1) == "/" && t.Glued(n.First)) {
				n.Value, n.End, n.Fraction, n.Step = num/den, j+2, true, 0
				return n
			}
			return n
		}
		// "1-1/2", "2-1/2-hour": a mixed number joined by a hyphen, as
		// American copy writes it.
		if t.isHyphen(j) && t.Glued(j) && t.Kind(j+1) == Digits && t.Glued(j+1) && t.W(j+2) == "/" && t.Glued(j+2) && t.Kind(j+3) == Digits && t.Glued(j+3) && t.W(j+4) != "/" && isInt(n.Value) {
			num, den := mustDigits(t.W(j+1)), mustDigits(t.W(j+3))
			if den > 1 && num < den && isInt(num) && isInt(den) && len(t.W(j+1)) <= 2 && len(t.W(j+3)) <= 2 {
				n.Value += num / den
				n.End, n.Fraction, n.Step = j+4, true, 0
				return n
			}
		}
		if t.Kind(j) == Digits && t.Words[j].Space && t.W(j+1) == "/" && t.Glued(j+1) && t.Kind(j+2) == Digits && t.Glued(j+2) && t.W(j+3) != "/" {
			num, den := mustDigits(t.W(j)), mustDigits(t.W(j+2))
			if den != 0 && num < den && isInt(n.Value) {
				n.Value += math.Copysign(num/den, n.Value+0.5)
				n.End, n.Fraction, n.Step = j+3, true, 0
				return n
			}
		}
		// Exponents.
		if t.W(j) == "^" && t.Glued(j) {
			if e, end, ok := t.exponent(j + 1); ok {
				n.Value = math.Pow(n.Value, e)
				n.End, n.Step = end, 0
				return n
			}
		}
		if (t.W(j) == "x" || t.W(j) == "×" || t.W(j) == "*") && t.Kind(j+1) == Digits {
			base := mustDigits(t.W(j + 1))
			if t.W(j+2) == "^" {
				if e, end, ok := t.exponent(j + 3); ok {
					n.Value *= math.Pow(base, e)
					n.End, n.Step = end, 0
					return n
				}
			}
			if base == 10 && (t.W(j+2) == "−" || t.W(j+2) == "-") && t.Glued(j+2) && t.Kind(j+3) == Digits && t.Glued(j+3) {
				e := mustDigits(t.W(j + 3))
				n.Value *= math.Pow(10, -e)
				n.End, n.Step = j+4, 0
				return n
			}
		}
		// Ordinals in digits: "21st", "4th".
		if t.Kind(j) == Letters && t.Glued(j) && isInt(n.Value) {
			switch t.W(j) {
			case "st", "nd", "rd", "th":
				n.Ordinal, n.End = true, j+1
				return n
			}
		}
	}
	// Fractions in words: "two-thirds", "three fifths", "one hundred and
	// three quarters", "twenty-three fifths".
	k := j
	if t.isHyphen(k) {
		k++
	}
	w := t.W(k)
	den := denominators.of(w)
	if den == 0 && n.Value == 1 && !n.Scaled {
		den = singularDenominator(w)
		if den == 2 && w == "half" {
			den = 2
		}
	}
	if den2, end := t.compoundOrdinal(k); end > k && (n.Value == 1 || t.W(end-1) != "" && denominators.of(t.W(end-1)) > 0 || plural(t.W(end-1))) {
		den, k = den2, end-1
	}
	if den > 0 && n.Spelt && !n.Ordinal {
		whole, num := 0.0, n.Value
		scale := 1.0
		if n.Denominator >= 0 && n.Denominator < n.Value {
			whole, num = n.Denominator, n.Value-n.Denominator
			if n.Scaled {
				scale = lastScaleOf(whole)
			}
		}
		n.Value = whole + num/den*scale
		n.End, n.Fraction, n.Step, n.Denominator = k+1, true, 0, den
		return t.scaleAfterFraction(n)
	}
	n.Denominator = 0
	// Mixed numbers in words: "one and a half", "three and one fourth",
	// "twenty and three fifths", "3 million and a half".
	and, from := j, j+1
	if t.isHyphen(j) && t.W(j+1) == "and" && t.isHyphen(j+2) && t.Glued(j) && t.Glued(j+1) && t.Glued(j+3) {
		and, from = j+1, j+3 // "three-and-a-half-hour"
	}
	if t.W(and) == "and" {
		if f, ok := t.core(from); ok && f.Fraction && f.Value < 1 && !f.Scaled {
			scale := 1.0
			if n.Scaled {
				scale = lastScaleOf(n.Value)
			}
			if sc, ok := scaleWords.get(t.W(f.End)); ok && n.Scaled && sc < n.Value {
				// "one billion and a half million"
				n.Value += f.Value * sc
				n.End, n.Step = f.End+1, 0
				return n
			}
			n.Value += f.Value * scale
			n.End, n.Fraction, n.Step = f.End, true, 0
			return t.scaleAfterFraction(n)
		}
	}
	// Ordinal words after a cardinal ("twenty-first") are read by
	// Ordinal; a cardinal alone stays a cardinal.
	// Shares: "one in five", "two out of five hundred", "one over three".
	if !n.Scaled && !n.Fraction {
		switch t.W(j) {
		case "in", "out", "over":
			k := j + 1
			if t.W(j) == "out" {
				if t.W(k) != "of" {
					return n
				}
				k++
			}
			if m, ok := t.cardinal(k); ok && m.Value != 0 && !isYear(t, m) {
				after := t.W(m.End)
				lt := n.Value < m.Value || t.W(j) == "out" && n.Value <= m.Value
				switch t.W(j) {
				case "over":
					if !(after == "" || after == "." || after == "," || after == "?" || after == ";") {
						return n
					}
				case "in":
					if !lt {
						return n
					}
				default:
					if !lt {
						return n
					}
				}
				n.Value /= m.Value
				n.End, n.Fraction, n.Step, n.Denominator = m.End, true, 0, m.Value
			}
		}
	}
	return n
}

// plural reports whether w looks like a plural.
func plural(w string) bool { return len(w) > 2 && w[len(w)-1] == 's' }

// lastScaleOf returns the largest power of a thousand that divides v: the
// scale a mixed fraction applies to ("3 million and a half").
func lastScaleOf(v float64) float64 {
	for _, s := range []float64{1e12, 1e9, 1e6, 1e3} {
		if v >= s && math.Mod(v, s) == 0 {
			return s
		}
	}
	return 1
}

// scaleAfterFraction applies a scale that follows a fraction: "two thirds
// of a million", "three quarters billion", "five and a half million".
func (t *Text) scaleAfterFraction(n Number) Number {
	j := n.End
	if t.W(j) == "of" && (t.W(j+1) == "a" || t.W(j+1) == "an") {
		if sc, ok := scaleWords.get(t.W(j + 2)); ok && sc >= 1e6 {
			n.Value *= sc
			n.End, n.Scaled, n.Fraction = j+3, true, false
			return n
		}
	}
	if sc, ok := scaleWords.get(t.W(j)); ok && t.Kind(j) == Letters {
		n.Value *= sc
		n.End, n.Scaled, n.Fraction = j+1, true, false
	}
	return n
}

// exponent reads an exponent after "^": signs then digits ("-1", "+23",
// "--23").
func (t *Text) exponent(j int) (float64, int, bool) {
	sign := 1.0
	for t.W(j) == "-" || t.W(j) == "+" || t.W(j) == "−" {
		if t.W(j) != "+" {
			sign = -sign
		}
		j++
	}
	if t.Kind(j) != Digits {
		return 0, j, false
	}
	v, _, _, ok := digitsValue(t.W(j))
	if !ok || v > 308 {
		return 0, j, false
	}
	if sign < 0 {
		// "--23" reads as -23 in the specs; a double minus is a typo.
		sign = -1
	}
	return sign * v, j + 1, true
}

// Ordinal reads an ordinal at word i: "third", "twenty-first", "21st",
// "hundredth". It returns the value and the end, or false.
func (t *Text) Ordinal(i int) (float64, int, bool) {
	if i < 0 || i >= len(t.Words) {
		return 0, i, false
	}
	if v, end := t.compoundOrdinal(i); end > i {
		return v, end, true
	}
	if v, ok := ordinalWords.get(t.W(i)); ok {
		return v, i + 1, true
	}
	if t.Kind(i) == Digits && t.Kind(i+1) == Letters && t.Glued(i+1) {
		switch t.W(i + 1) {
		case "st", "nd", "rd", "th":
			v, _, dec, ok := digitsValue(t.W(i))
			if ok && !dec {
				return v, i + 2, true
			}
		}
	}
	return 0, i, false
}

// isYear reports whether n looks like a year: four plain digits from 1000
// to 2199.
func isYear(t *Text, n Number) bool {
	if n.End != n.First+1 || t.Kind(n.First) != Digits {
		return false
	}
	w := t.W(n.First)
	return len(w) == 4 && n.Value >= 1000 && n.Value < 2200
}

func isInt(v float64) bool { return v == math.Trunc(v) && math.Abs(v) < 1e15 }

func mustDigits(w string) float64 {
	v, _, _, _ := digitsValue(w)
	return v
}

// digitsValue parses a Digits word: its value, its step (the place of its
// last significant digit), whether it has a decimal part.
func digitsValue(w string) (v, step float64, dec, ok bool) {
	var mant uint64
	nd, frac, zeros := 0, 0, 0
	inFrac := false
	i := 0
	for ; i < len(w); i++ {
		c := w[i]
		switch {
		case isDigit(c):
			if nd >= 18 {
				return slowDigits(w)
			}
			mant = mant*10 + uint64(c-'0')
			nd++
			if inFrac {
				frac++
			}
			if c == '0' && !inFrac {
				zeros++
			} else if !inFrac {
				zeros = 0
			}
		case c == ',' && (len(w)-i == 2 || len(w)-i == 3) && strings.IndexByte(w[:i], ',') < 0 && strings.IndexByte(w, '.') < 0:
			inFrac, dec = true, true // a decimal comma: "1,2" of "R1,2-million" (see decimalComma)
		case c == ',' || c == ' ':
		case c == 0xC2 || c == 0xA0 || c == 0xE2 || c == 0x80 || c == 0xAF || c == 0x89:
		case c == '.':
			inFrac, dec = true, true
		case c == 'e' || c == 'E':
			e, err := strconv.Atoi(w[i+1:])
			if err != nil {
				return 0, 0, false, false
			}
			v := float64(mant) / math.Pow10(frac) * math.Pow10(e)
			if math.IsInf(v, 0) || v == 0 && mant != 0 {
				return 0, 0, false, false // "98e6425": no number a report states
			}
			return v, 0, true, true
		default:
			return 0, 0, false, false
		}
	}
	if nd == 0 {
		return 0, 0, false, false
	}
	if frac > 0 {
		return float64(mant) / math.Pow10(frac), math.Pow10(-frac), dec, true
	}
	if zeros == nd {
		zeros = 0
	}
	return float64(mant), math.Pow10(zeros), dec, true
}

func slowDigits(w string) (float64, float64, bool, bool) {
	b := make([]byte, 0, len(w))
	dec := false
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) || w[i] == '.' || w[i] == 'e' || w[i] == 'E' || w[i] == '-' || w[i] == '+' {
			b = append(b, w[i])
			if w[i] == '.' {
				dec = true
			}
		}
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, 0, false, false
	}
	return v, 1, dec, true
}

// scaleBy returns v, written to the place step, times the scale sc, as
// the decimal figure it is: 4.1 billion is 4100000000, not the
// 4099999999.9999995 that 4.1 times 1e9 makes in binary.
func scaleBy(v, step, sc float64) float64 {
	if step <= 0 || step >= 1 {
		return v * sc
	}
	k := math.Round(v / step) // the written digits as a whole number: 41
	if u := step * sc; u >= 1 {
		return k * math.Round(u)
	}
	return k / math.Round(1/(step*sc))
}

// InPhoneNumber reports whether word i is part of a telephone number
// written in groups of digits joined by hyphens: "206-464-2067",
// "1-800-555-0199", "(206) 464-2067". Such a number is neither a count
// nor a year.
func (t *Text) InPhoneNumber(i int) bool {
	if t.Kind(i) != Digits && !t.isHyphen(i) && t.W(i) != "(" && t.W(i) != ")" {
		return false
	}
	// The run of digit groups and hyphens around word i, glued together.
	first, end := i, i+1
	for first > 0 && t.Glued(first) && (t.Kind(first-1) == Digits || t.isHyphen(first-1)) {
		first--
	}
	for end < len(t.Words) && t.Glued(end) && (t.Kind(end) == Digits || t.isHyphen(end)) {
		end++
	}
	if t.W(i) == "(" || t.W(i) == ")" || t.Kind(i) == Digits && t.W(i-1) == "(" && t.Glued(i) && t.W(i+1) == ")" && t.Glued(i+1) {
		// "(206)": the area code before "464-2067".
		k := i
		if t.W(k) == ")" {
			k--
		} else if t.W(k) == "(" {
			k++
		}
		if t.W(k-1) != "(" || t.W(k+1) != ")" || len(t.W(k)) != 3 || t.Kind(k) != Digits {
			return false
		}
		return t.phoneGroups(k+2, []int{3, 4})
	}
	if t.W(first-1) == ")" && t.Glued(first-1) && len(t.W(first-2)) == 3 && t.W(first-3) == "(" && t.Words[first].Space {
		return t.phoneGroups(first, []int{3, 4}) // "464-2067" after "(206) "
	}
	if t.Glued(first) && t.Kind(first-1) == Letters {
		return false
	}
	if t.intlPhone(i) {
		return true
	}
	return t.phoneGroups(first, []int{3, 3, 4}) && (end == first+5) || t.phoneGroups(first, []int{1, 3, 3, 4}) && end == first+7
}

// intlPhone reports whether word i is a group of an international
// telephone number: a plus sign glued to a country code, then groups of
// two to four digits apart, eight digits or more in all ("+61 424 767
// 764", "+44 20 7946 0958").
func (t *Text) intlPhone(i int) bool {
	if t.Kind(i) != Digits {
		return false
	}
	k := i
	for !(t.W(k-1) == "+" && t.Glued(k)) {
		if k == 0 || i-k > 5 || t.Kind(k-1) != Digits || t.Glued(k) {
			return false
		}
		k--
	}
	if len(t.W(k)) > 3 || t.Glued(k-1) && t.Kind(k-2) == Digits {
		return false // "3+4" is a sum
	}
	groups, digits := 1, len(t.W(k))
	for j := k + 1; t.Kind(j) == Digits && !t.Glued(j) && len(t.W(j)) >= 2 && len(t.W(j)) <= 4; j++ {
		groups++
		digits += len(t.W(j))
	}
	return groups >= 3 && digits >= 8
}

// phoneGroups reports whether the words from k on are digit groups of
// the lengths given, joined by hyphens with no space, and end there.
func (t *Text) phoneGroups(k int, lens []int) bool {
	for g, n := range lens {
		if g > 0 {
			if !t.isHyphen(k) || !t.Glued(k) || !t.Glued(k+1) {
				return false
			}
			k++
		}
		if t.Kind(k) != Digits || len(t.W(k)) != n {
			return false
		}
		k++
	}
	return !(t.Glued(k) && (t.Kind(k) == Digits || t.isHyphen(k) && t.Kind(k+1) == Digits))
}
