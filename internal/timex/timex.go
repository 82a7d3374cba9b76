package timex

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/quantity"
	"github.com/verbatim-news/verbatim/internal/reuse"
)

// Resolver finds and resolves temporal expressions. It holds no state
// between documents: it is safe for concurrent use.
type Resolver struct{}

// New returns a Resolver.
func New() *Resolver { return &Resolver{} }

// Default returns the shared Resolver.
var Default = sync.OnceValue(New)

// Find fills d.Dates with the temporal expressions of d.Text, in text
// order, replacing what it held. Relative expressions resolve against
// d.Published; when it is zero the article's own full dates date what
// they can (a year-less "Tuesday, 21 October", a "Monday" after
// "Sunday, 6 October 2024": see anchor), and the rest keep TimeML's
// placeholders ("XXXX-WXX-5" for "Friday") or stay unresolved (Value
// ""). Find uses d.Sentences, and token tags when present, to read a
// sentence's tense.
func (r *Resolver) Find(d *doc.Document) {
	ru := runs.Get().(*run)
	ru.reset(d)
	d.Dates = d.Dates[:0]
	ru.out = d.Dates
	ru.scan()
	ru.anchor()
	ru.previousOf()
	ru.spanEnds()
	ru.contextDays()
	d.Dates = ru.out
	ru.release()
	runs.Put(ru)
}

// runs holds the runs of finished Finds, so that a Find reuses the
// per-word slices of an earlier one instead of allocating its own.
var runs = sync.Pool{New: func() any { return &run{sentTense: make(map[int]int)} }}

// newRun lexes d's text and classifies its words for a Find.
func newRun(d *doc.Document) *run {
	ru := &run{sentTense: make(map[int]int)}
	ru.reset(d)
	return ru
}

// reset lexes d's text and classifies its words for a Find, reusing the
// slices of ru.
func (ru *run) reset(d *doc.Document) {
	ru.d, ru.dct, ru.hasDCT = d, d.Published, !d.Published.IsZero()
	if ru.hasDCT {
		ru.dct = truncDay(d.Published)
	}
	words := ru.t.Words[:0]
	if n := len(d.Text)/4 + 1; cap(words) < n {
		words = make([]quantity.Word, 0, n)
	}
	ru.t.Reset(d.Text, quantity.LowerASCII(d.Text), 0, len(d.Text), words)
	clear(ru.sentTense)
	ru.firsts = ru.firsts[:0]
	ru.bare = ru.bare[:0]
	ru.markCores()
	ru.splitYears = ru.speaksOfSplitYears()
}

// speaksOfSplitYears reports whether the text speaks of years that run
// over two calendar years: fiscal years ("fiscal", "FY", "budget", "financial
// year", "tax year") or seasons ("season", "academic year"). In such a
// text "2027-28" is one such year; elsewhere it is two years, as TimeML
// annotates "the expedition of 1957-58".
func (ru *run) speaksOfSplitYears() bool {
	for i, w := range ru.words {
		switch w {
		case "fiscal", "budget", "budgets", "season", "seasons":
			return true
		case "financial", "tax", "academic", "school":
			if ru.is(i+1, "year", "years") {
				return true
			}
		case "fy":
			if ru.t.Raw(i) == "FY" {
				return true
			}
		}
	}
	return false
}

// release drops ru's references to its document and text, so that a
// pooled run pins neither.
func (ru *run) release() {
	clear(ru.words)
	ru.d, ru.out, ru.firsts, ru.bare = nil, nil, ru.firsts[:0], ru.bare[:0]
	ru.t.Src, ru.t.Lower = "", ""
}

// run is the state of one Find.
type run struct {
	d         *doc.Document
	t         quantity.Text
	dct       time.Time
	hasDCT    bool
	sentTense map[int]int
	// class[i] is word i's class; nextCore[i] is the first word at or
	// after i that can be the core of an expression.
	words    []string      // words[i] is w(i)
	vocab    []*vocabEntry // word i's entry; &noEntry when it has none
	class    []uint8
	gate     []uint16 // the patterns that can begin at each word
	nextCore []int
	nums     []numMemo
	out      []doc.Date
	firsts   []int // firsts[k] is the first word of out[k]
	bare     []int // the indexes in out of times with no day of their own ("8pm", "that morning")
	// splitYears says the text speaks of fiscal years or seasons.
	splitYears bool
}

// cand is a candidate temporal expression: words [first, end).
type cand struct {
	first, end int
	typ        string // "date", "time", "duration", "set"
	value      string
	mod        string
	rel        bool
	gran       string // for durations and sets, the unit
	bare       bool   // a time with no day of its own: "8pm", "that morning"
	fiscal     bool   // a fiscal year: "FY2027", "the 2026-27 financial year"
}

func (ru *run) scan() {
	n := len(ru.t.Words)
	for i := 0; i < n; {
		c, ok := ru.match(i)
		if !ok || c.end <= i {
			i++
			continue
		}
		if !ru.inName(c) && !ru.t.InPhoneNumber(c.first) && !ru.gameClock(c) && !(c.end == c.first+1 && ru.t.StockIndex(c.first)) {
			c = ru.weekdayDated(c)
			ru.emit(c)
		}
		i = c.end
	}
}

// gameClock reports whether c is a bare "m:ss" reading of a game's
// clock, not a time of day: "17:46 into the third period", "with 2:31
// left", or "scored at 7:14" in a sentence about a period, quarter or
// half of a game ("his first-period goals", "the second half",
// "overtime").
func (ru *run) gameClock(c cand) bool {
	t := &ru.t
	if c.typ != "time" || c.end != c.first+3 || t.Kind(c.first) != quantity.Digits || ru.w(c.first+1) != ":" {
		return false
	}
	e := c.end
	if ru.is(e, "into", "left", "remaining") || ru.is(e, "to") && ru.is(e+1, "go", "play") {
		return true
	}
	i := c.first
	from, to := max(0, i-25), min(len(t.Words), i+25)
	if s := ru.d.SentenceAt(t.Words[i].Start); s >= 0 {
		from, to = ru.wordAt(ru.d.Sentences[s].Start), ru.wordAt(ru.d.Sentences[s].End)
	}
	part, play := false, false // a part of a game; a word of scoring
	for k := from; k < to; k++ {
		switch {
		case ru.is(k, "overtime"):
			return true
		case ru.is(k, "period", "periods", "quarter", "half"):
			p := k - 1
			if ru.hyphen(p) {
				p--
			}
			if ru.is(p, "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th") {
				if ru.is(k, "period", "periods") {
					return true // a hockey game's
				}
				part = true
			}
		case ru.is(k, "goal", "goals", "scored", "scoring", "touchdown", "basket", "penalty", "shot", "game", "match", "lead"):
			play = true
		}
	}
	return part && play
}

// gamePart reports whether the half or quarter at word i, with no year
// of its own, is a part of a game: its paragraph, or the one before,
// uses a word only a game's report uses ("scored", "halftime",
// "touchdown", "innings"), or gives a score ("2-1") with a word of play
// ("led", "win", "match"), or it follows "minutes into" ("five minutes
// into the second half").
func (ru *run) gamePart(i int) bool {
	if ru.is(i-1, "into") && ru.is(i-2, "minutes", "minute", "seconds") {
		return true
	}
	s := ru.d.SentenceAt(ru.t.Words[i].Start)
	if s < 0 {
		return false
	}
	p := ru.d.Sentences[s].Para
	from := ru.wordAt(ru.d.Paragraphs[max(0, p-1)].Start)
	to := ru.wordAt(ru.d.Paragraphs[p].End)
	score, play := false, false
	for k := from; k < to; k++ {
		switch {
		case ru.is(k, "scored", "halftime", "kickoff", "touchdown", "touchdowns", "innings", "wicket", "wickets", "goalkeeper", "quarterback", "rebounds"):
			return true
		case ru.is(k, "half", "kick") && ru.hyphen(k+1) && ru.is(k+2, "time", "off"):
			return true
		case ru.is(k, "win", "won", "beat", "lead", "led", "draw", "drew", "victory", "defeat", "trailed", "trailing", "game", "match", "goal", "goals"):
			play = true
		case ru.t.Kind(k) == quantity.Digits && ru.hyphen(k+1) && ru.t.Glued(k+1) && ru.t.Glued(k+2) && ru.t.Kind(k+2) == quantity.Digits:
			a, b := atoi(ru.w(k)), atoi(ru.w(k+2))
			score = score || len(ru.w(k)) <= 3 && len(ru.w(k+2)) <= 3 && a >= b && !ru.hyphen(k+3)
		}
	}
	return score && play
}

// previousOf dates "the previous year" and "the previous month" from
// the last date its sentence names before it, not from the publication
// date: in "Dealers last year sold 300 boats, up 4% from the previous
// year", the previous year is the one before last year.
func (ru *run) previousOf() {
	for k := 1; k < len(ru.out); k++ {
		i := ru.firsts[k]
		if ru.out[k].Type != "date" || !ru.is(i, "the") || !ru.is(i+1, "previous", "preceding", "prior") || !ru.is(i+2, "year", "month") {
			continue
		}
		if e := ru.out[k].Span.End; e != ru.t.Words[i+2].End {
			continue
		}
		for j := k - 1; j >= 0 && ru.out[j].Sentence == ru.out[k].Sentence; j-- {
			v := ru.out[j].Value
			if ru.out[j].Type != "date" && ru.out[j].Type != "time" || len(v) < 4 || v[0] < '0' || v[0] > '9' || strings.Contains(v[:4], "X") {
				continue
			}
			y := atoi(v[:4])
			switch {
			case ru.is(i+2, "year"):
				ru.setValue(k, fmtYear(y-1))
			case len(v) >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1':
				ru.setValue(k, fmtMonth(day(y, time.Month(atoi(v[5:7]))-1, 1)))
			}
			break
		}
	}
}

// weekdayDated joins a weekday after "this", "last", "next", "past" or
// "coming" to the date written after it with a comma ("this Sunday, Nov.
// 10, 2019", "last Friday, 13 March"): the date says which day the
// weekday is, whatever the word before it would make of it.
func (ru *run) weekdayDated(c cand) cand {
	if c.typ != "date" || c.end-c.first != 2 || !ru.is(c.first, "this", "last", "next", "past", "coming") || ru.w(c.end) != "," {
		return c
	}
	if _, _, ok := ru.weekday(c.first + 1); !ok || ru.t.W(c.end-1) != stripPossessive(ru.t.W(c.end-1)) {
		return c
	}
	j := c.end + 1
	if _, _, ok := ru.month(j); !ok && !ru.isNumber(j) {
		return c
	}
	d, ok := ru.match(j)
	if !ok || d.typ != "date" || len(d.value) < 10 || d.value[7] != '-' {
		return c
	}
	d.first = c.first
	return d
}

// inName reports whether c is part of a proper name ("the Second Half
// Trust", "the Winter Olympics"): a capitalised word other than a
// preposition, an article or a conjunction follows it, and every word of
// it in letters but a leading "the" or "a" is capitalised, one of them,
// not opening the sentence, a word a date writes in lower case (not a
// month, a weekday or a holiday's).
func (ru *run) inName(c cand) bool {
	if ru.lowerText() || !ru.cap(c.end) || ru.t.Kind(c.end) != quantity.Letters || ru.is(c.end, nameGlue...) {
		return false
	}
	lower := false
	for k := c.first; k < c.end; k++ {
		if ru.t.Kind(k) != quantity.Letters || k == c.first && ru.is(k, "the", "a") {
			continue
		}
		if !ru.cap(k) {
			return false
		}
		e := ru.v(k)
		if e.month == 0 && !e.isWeekday && !holidayWords[ru.w(k)] && !ru.opensSentence(k) {
			lower = true
		}
	}
	return lower
}

// opensSentence reports whether word k is the first of its sentence.
func (ru *run) opensSentence(k int) bool {
	start := ru.t.Words[k].Start
	if s := ru.d.SentenceAt(start); s >= 0 {
		return ru.d.Sentences[s].Start == start
	}
	return k == 0 || ru.is(k-1, ".", "!", "?")
}

// nameGlue are the capitalised words after a date in a headline in title
// case that do not go on a name ("Talks Resume Next Week In Oslo").
var nameGlue = strings.Fields("in on at of for to and or as by the with from after before")

// holidayWords are the words of holidays' names, in lower case.
var holidayWords = func() map[string]bool {
	m := map[string]bool{"thanksgiving": true, "easter": true, "sunday": true}
	for _, h := range holidays {
		for _, w := range h.words {
			m[w] = true
		}
	}
	return m
}()

// The patterns, by index in patterns.
const (
	pClock = iota
	pAbsolute
	pYearExpr
	pRelDay
	pWeekdayExpr
	pRelUnit
	pAgo
	pSet
	pDuration
	pHoliday
	pRef
	pNthPeriod
	pSpokenYear
)

// patterns are tried at every word; the longest match wins, the earlier
// pattern on a tie. Each is tried only at the words a match of it can
// begin with (see markCores): it reads nothing at any other.
var patterns = [...]struct {
	read func(ru *run, i int) (cand, bool)
	// The words a match can begin with, in lower case without a
	// possessive, besides those starts names.
	words  string
	starts uint8
}{
	pClock:       {(*run).clock, "noon midday midnight today yesterday tomorrow the last next this", startDigits | startWeekday | startMonth},
	pAbsolute:    {(*run).absolute, "the", startDigits | startWeekday | startMonth | startOrdinal},
	pYearExpr:    {(*run).yearExpr, "early late mid the fiscal fy ' ’ ‘", startDigits | startOrdinal},
	pRelDay:      {(*run).relDay, "late early today yesterday tomorrow tonight this that last", 0},
	pWeekdayExpr: {(*run).weekdayExpr, "last next this coming past previous", startWeekday},
	pRelUnit:     {(*run).relUnit, "early earlier late later mid the this current last past previous next coming following its their", startDigits | startOrdinal},
	pAgo:         {(*run).ago, "several few many a an one", startDigits | startNumber | startHedge},
	pSet:         {(*run).set, "daily nightly weekly monthly annually yearly hourly every each a an per", 0},
	pDuration:    {(*run).duration, "the past last next first several few many some a an recent", startDigits | startNumber | startHedge | startUnit},
	pHoliday:     {(*run).holiday, "last next this thanksgiving easter", startHoliday},
	pRef:         {(*run).ref, "now currently presently nowadays current recently lately soon at these the", 0},
	pNthPeriod:   {(*run).nthPeriod, "the", 0},
	pSpokenYear:  {(*run).spokenYear, "the nineteen eighteen twenty seventeen two", 0},
}

// What a pattern's match can begin with, besides its words: digits, a
// weekday, a month, a number in words or symbols ("three", "a", "½"),
// an ordinal in words ("third", "twenty-first"), a hedge ("about",
// "more than"), a time unit, the first word of a holiday.
const (
	startDigits uint8 = 1 << iota
	startWeekday
	startMonth
	startNumber
	startOrdinal
	startHedge
	startUnit
	startHoliday
)

// after narrows the gates of the commonest first words by the word that
// follows: after "the", clock can match only before digits or a number
// ("the 4th of July at noon"). For a first word and a pattern it lists
// the words the next can be, in lower case without a possessive, and
// the classes #digits (digits), #number (a number in words or symbols,
// or an ordinal in words), #unit (a time unit), #weekday and #part (a
// part of the day). A pattern a first word does not list keeps its
// gate.
var after = map[string]map[int]string{
	"the": {
		pClock:      "#digits #number", // "the 4th of July at noon"
		pAbsolute:   "#digits #number",
		pYearExpr:   "end beginning start middle turn early late mid ' ’ ‘ #digits #number",
		pRelUnit:    "end beginning start middle past last previous next coming current present latest most fiscal weekend quarter spring summer fall autumn winter #digits #number",
		pDuration:   "past last next coming first final previous following entire whole full several few many some a recent #digits #number",
		pRef:        "past future near foreseeable short long",
		pNthPeriod:  "last final early opening closing #digits #number",
		pSpokenYear: "year",
	},
	"a": {
		pAgo:      "mere few couple #unit",
		pSet:      "#unit",
		pDuration: "mere few couple - ‐ ‑ – #unit",
	},
	"an": {
		pAgo:      "#unit",
		pSet:      "#unit",
		pDuration: "- ‐ ‑ – #unit",
	},
	"this": {
		pClock:       "#weekday #part", // "this Friday at noon"
		pRelDay:      "#part",
		pWeekdayExpr: "#weekday",
		pRelUnit:     "fiscal week month year quarter weekend decade century spring summer fall autumn winter",
	},
	"that": {pRelDay: "#part"}, // "that morning"
	"at": {
		pAgo:      "least most",
		pDuration: "least most",
		pRef:      "present the",
	},
	"'": {pYearExpr: "#digits"},
	"’": {pYearExpr: "#digits"},
	"‘": {pYearExpr: "#digits"},
}

// Classes of a following word in after.
const (
	nextDigits uint8 = 1 << iota
	nextNumber
	nextUnit
	nextWeekday
	nextPart
)

// afterRule is after for one first word, ready to apply: the patterns it
// names, and those each following word or class allows.
type afterRule struct {
	named   uint16
	words   map[string]uint16
	classes [8]uint16 // by bit of the next* classes
}

var afterRules = func() map[string]*afterRule {
	out := map[string]*afterRule{}
	classes := map[string]uint8{"#digits": nextDigits, "#number": nextNumber, "#unit": nextUnit, "#weekday": nextWeekday, "#part": nextPart}
	for first, byPattern := range after {
		r := &afterRule{words: map[string]uint16{}}
		for k, next := range byPattern {
			r.named |= 1 << k
			for _, w := range strings.Fields(next) {
				if c, ok := classes[w]; ok {
					r.classes[bits.TrailingZeros8(c)] |= 1 << k
				} else {
					r.words[w] |= 1 << k
				}
			}
		}
		out[first] = r
	}
	return out
}()

// allows returns the patterns r lets begin before word j.
func (r *afterRule) allows(ru *run, j int) uint16 {
	g := r.words[ru.w(j)]
	var c uint8
	switch ru.t.Kind(j) {
	case quantity.Digits:
		c |= nextDigits
	case quantity.Letters:
		e := ru.v(j)
		if e.number {
			c |= nextNumber
		}
		if e.unit != "" {
			c |= nextUnit
		}
		if e.isWeekday {
			c |= nextWeekday
		}
		if e.part != "" {
			c |= nextPart
		}
	case quantity.Other:
		if ru.otherNumber(j) {
			c |= nextNumber
		}
	}
	for ; c != 0; c &= c - 1 {
		g |= r.classes[bits.TrailingZeros8(c)]
	}
	return g
}

// startGate returns the patterns whose starts include any of s.
func startGate(s uint8) (g uint16) {
	for k, p := range patterns {
		if p.starts&s != 0 {
			g |= 1 << k
		}
	}
	return g
}

// numberStarts are the patterns that read a number at their first word
// (which, for a word of symbols, may be a minus sign or a fraction:
// "½"); digitGate those that can begin at digits.
var (
	numberStarts = startGate(startNumber)
	digitGate    = startGate(startDigits)
)

// Word classes: a core word makes an expression (a month, weekday,
// unit, number, reference word); a starter may begin one ("the",
// "last", "early", a hedge). Cores are starters too.
const (
	starter uint8 = 1 << iota
	core
)

// vocabEntry is what the scan needs of a word: its class, the patterns
// (bits by index in patterns) that can begin at it, and what it names.
type vocabEntry struct {
	class     uint8
	gate      uint16
	month     time.Month   // months[w], or 0
	weekday   time.Weekday // weekdays[w] when isWeekday
	isWeekday bool
	unit      string // timeUnits[w], or ""
	part      string // partsOfDay[w], or ""
	number    bool   // a number in words can begin with it
}

// noEntry is the entry of the words vocab does not hold, and of the
// words before and after the text.
var noEntry vocabEntry

// vocab holds the entry of every word with a class or a pattern; other
// words are skipped with one map lookup.
var vocab = func() map[string]*vocabEntry {
	m := map[string]*vocabEntry{}
	entry := func(w string) *vocabEntry {
		if m[w] == nil {
			m[w] = &vocabEntry{}
		}
		return m[w]
	}
	addClass := func(c uint8, words ...string) {
		for _, w := range words {
			entry(w).class |= c
		}
	}
	addClass(starter, strings.Fields(`the this last next past coming previous following current
		latest early earlier late later mid fiscal fy a an one several few many some recent every each
		other right just at these st new more less up no well nearly almost about around roughly
		approximately over under only its their per once twice in mere that`)...)
	addClass(starter|core, strings.Fields(`daily weekly monthly annually yearly hourly nightly now
		currently presently nowadays recently lately soon future present time today yesterday
		tomorrow tonight noon midday midnight christmas boxing valentine independence halloween
		bastille armistice veterans thanksgiving easter spring summer fall autumn winter weekend
		quarter half century decade day year morning afternoon evening night current past term`)...)
	addClass(starter|core, slices.Collect(maps.Keys(months))...)
	addClass(starter|core, slices.Collect(maps.Keys(weekdays))...)
	addClass(starter|core, slices.Collect(maps.Keys(timeUnits))...)
	addClass(starter|core, quantity.NumberWords()...)
	for w, mo := range months {
		entry(w).month = mo
	}
	for w, wd := range weekdays {
		entry(w).weekday, entry(w).isWeekday = wd, true
	}
	for w, u := range timeUnits {
		entry(w).unit = u
	}
	for w, p := range partsOfDay {
		entry(w).part = p
	}

	numbers := append(quantity.NumberWords(), "a", "an")
	for _, w := range numbers {
		entry(w).number = true
	}
	var hedges, holidayFirsts []string
	for _, h := range mods {
		hedges = append(hedges, h.words[0])
	}
	for _, h := range holidays {
		holidayFirsts = append(holidayFirsts, h.words[0])
	}
	for k, p := range patterns {
		words := strings.Fields(p.words)
		for _, c := range []struct {
			start uint8
			words []string
		}{
			{startWeekday, slices.Collect(maps.Keys(weekdays))},
			{startMonth, slices.Collect(maps.Keys(months))},
			{startNumber, numbers},
			{startOrdinal, quantity.OrdinalStarts()},
			{startHedge, hedges},
			{startUnit, slices.Collect(maps.Keys(timeUnits))},
			{startHoliday, holidayFirsts},
		} {
			if p.starts&c.start != 0 {
				words = append(words, c.words...)
			}
		}
		for _, w := range words {
			entry(w).gate |= 1 << k
		}
	}
	return m
}()

// gateOf returns the patterns that can begin at word i.
func (ru *run) gateOf(i int) uint16 {
	switch ru.t.Kind(i) {
	case quantity.Letters:
		return ru.v(i).gate
	case quantity.Digits:
		return digitGate
	}
	// A word of symbols: an apostrophe ("the '90s"), or a minus sign or
	// a fraction that begins a number.
	var g uint16
	if e, ok := vocab[ru.w(i)]; ok {
		g = e.gate
	}
	if ru.otherNumber(i) {
		g |= numberStarts
	}
	return g
}

// otherNumber reports whether the word of symbols i begins a number: a
// minus sign or a fraction ("½").
func (ru *run) otherNumber(i int) bool {
	w := ru.w(i)
	return (w == "-" || w[0] >= utf8.RuneSelf) && ru.isNumber(i)
}

// markCores fills ru.words, ru.vocab, ru.class, ru.gate and ru.nextCore.
func (ru *run) markCores() {
	n := len(ru.t.Words)
	ru.words = reuse.Sized(ru.words, n)
	ru.vocab = reuse.Sized(ru.vocab, n)
	for i := range n {
		w := stripPossessive(ru.t.W(i))
		ru.words[i] = w
		ru.vocab[i] = &noEntry
		if ru.t.Words[i].Kind == quantity.Letters {
			if e, ok := vocab[w]; ok {
				ru.vocab[i] = e
			}
		}
	}
	ru.class = reuse.Sized(ru.class, n)
	ru.gate = reuse.Sized(ru.gate, n)
	ru.nums = reuse.Sized(ru.nums, n)
	clear(ru.nums)
	ru.nextCore = reuse.Sized(ru.nextCore, n+1)
	ru.nextCore[n] = n
	for i := n - 1; i >= 0; i-- {
		ru.nextCore[i] = ru.nextCore[i+1]
		switch ru.t.Kind(i) {
		case quantity.Letters:
			e := ru.vocab[i]
			ru.class[i], ru.gate[i] = e.class, e.gate
		default:
			ru.class[i] = starter | core
			ru.gate[i] = ru.gateOf(i)
		}
		if ru.class[i]&core != 0 {
			ru.nextCore[i] = i
		}
	}
	for i := range n {
		if ru.gate[i] == 0 {
			continue
		}
		if r := afterRules[ru.words[i]]; r != nil {
			ru.gate[i] &^= r.named &^ r.allows(ru, i+1)
		}
	}
}

func (ru *run) match(i int) (cand, bool) {
	if ru.nextCore[i]-i > 6 {
		return cand{}, false // no month, unit, number ... close enough
	}
	if ru.class[i]&starter == 0 {
		return cand{}, false
	}
	best := cand{}
	found := false
	for g := ru.gate[i]; g != 0; g &= g - 1 {
		c, ok := patterns[bits.TrailingZeros16(g)].read(ru, i)
		if ok && c.end > i && (!found || c.end > best.end) {
			best, found = c, true
		}
	}
	return best, found
}

func (ru *run) emit(c cand) {
	t := &ru.t
	s := doc.Span{Start: t.Words[c.first].Start, End: t.Words[c.end-1].End}
	if last := t.W(c.end - 1); stripPossessive(last) != last {
		s.End -= len(last) - len(stripPossessive(last))
	}
	dt := doc.Date{Span: s, Type: c.typ, Value: c.value, Mod: c.mod, Relative: c.rel, Granularity: c.gran, Sentence: ru.d.SentenceAt(s.Start)}
	if c.typ == "date" || c.typ == "time" {
		if st, en, g, ok := interval(c.value); ok {
			dt.From, dt.To, dt.Granularity = st, en, g
		} else if dt.Granularity == "" {
			dt.Granularity = refGranularity(c.value)
		}
		if c.fiscal && !dt.From.IsZero() {
			// A fiscal year named by one year mostly ends in it: FY2027
			// lies within 2026 and 2027.
			dt.Granularity = "fiscal year"
			if !strings.Contains(c.value, "/") {
				dt.From = dt.From.AddDate(-1, 0, 0)
			}
		}
	}
	if c.bare {
		ru.bare = append(ru.bare, len(ru.out))
	}
	ru.out = append(ru.out, dt)
	ru.firsts = append(ru.firsts, c.first)
}

// refGranularity names the granularity of a value interval cannot read.
func refGranularity(v string) string {
	switch {
	case strings.HasSuffix(v, "_REF"):
		return "reference"
	case strings.Contains(v, "-W"):
		return "day"
	}
	return ""
}

// w returns word i in lower case without a possessive "'s":
// "Friday's" reads as "friday"; "" when i is out of range.
func (ru *run) w(i int) string {
	if uint(i) < uint(len(ru.words)) {
		return ru.words[i]
	}
	return ""
}

// v returns the vocabulary entry of word i.
func (ru *run) v(i int) *vocabEntry {
	if uint(i) < uint(len(ru.vocab)) {
		return ru.vocab[i]
	}
	return &noEntry
}

func stripPossessive(w string) string {
	switch {
	case len(w) > 2 && w[len(w)-2:] == "'s":
		return w[:len(w)-2]
	case len(w) > 4 && w[len(w)-4:] == "’s":
		return w[:len(w)-4]
	}
	return w
}

func (ru *run) cap(i int) bool {
	r := ru.t.Raw(i)
	return r != "" && r[0] >= 'A' && r[0] <= 'Z'
}

func (ru *run) is(i int, ws ...string) bool { return ru.t.Is(i, ws...) }

func (ru *run) hyphen(i int) bool {
	switch ru.w(i) {
	case "-", "‐", "‑", "–":
		return true
	}
	return false
}

// dir returns +1 when the expression at word i speaks of the future, -1
// otherwise. The nearest verb in its clause decides (a past tense or
// "said" makes it past; "will", "shall", "would", "going to", "is to"
// make it future); "since" before it makes it past; failing those, a
// future marker anywhere in the sentence outside quotations; else past.
func (ru *run) dir(i int) int {
	if i >= len(ru.t.Words) {
		return -1
	}
	if ru.is(i-1, "since") || ru.is(i-2, "since") {
		return -1
	}
	if ru.is(i-1, "until", "till", "by", "before") && ru.is(i-2, "not") {
		return 1
	}
	if v := ru.verbTense(i-1, -1); v != 0 {
		return v
	}
	if v := ru.verbTense(i+1, 1); v != 0 {
		return v
	}
	d := ru.d
	s := d.SentenceAt(ru.t.Words[i].Start)
	if v, ok := ru.sentTense[s]; ok {
		return v
	}
	from, to := max(0, i-15), min(len(ru.t.Words), i+15)
	if s >= 0 {
		from = ru.wordAt(d.Sentences[s].Start)
		to = ru.wordAt(d.Sentences[s].End)
	}
	v := -1
	quoted := false
	for k := from; k < to && v < 0; k++ {
		switch w := ru.w(k); w {
		case "“", "”", "\"":
			quoted = !quoted
		case "will", "shall", "'ll", "’ll", "upcoming", "scheduled", "tomorrow", "next":
			if !quoted {
				v = 1
			}
		}
	}
	ru.sentTense[s] = v
	return v
}

// pastVerb reports whether the finite verb of word i's clause, the
// nearest before it past any infinitive or participle of a clause of its
// own ("since watching him score … in October"), is in the past tense or
// the perfect: what the clause tells has happened, so a month of it later
// in the year than the publication date is last year's. A passive ("is
// heard", "to be published") or a participle with no auxiliary ("a
// summit set for April") is no past, nor is an infinitive's "to".
func (ru *run) pastVerb(i int) bool {
	d := ru.d
	if len(d.Tokens) == 0 || d.Tokens[0].POS == 0 {
		return false
	}
	for k, n := i-1, 0; k >= 0 && n < 15; k, n = k-1, n+1 {
		if o := ru.aside(k, -1); o >= 0 {
			k = o // "scored twice (his first goals) in November"
			continue
		}
		switch ru.w(k) {
		case ",", ";", ":", "“", "”", "\"", "(", ")", ".", "—", "–", "but", "while", "although", "until", "till", "by", "before":
			return false
		case "was", "were", "had", "did", "said", "told", "ago":
			return true
		case "will", "shall", "'ll", "’ll", "wo", "would", "could", "may", "might", "can", "should", "must":
			return false
		}
		if ru.t.Kind(k) != quantity.Letters {
			continue
		}
		ti := d.TokenAt(ru.t.Words[k].Start)
		if ti >= len(d.Tokens) || d.Tokens[ti].Start != ru.t.Words[k].Start {
			continue
		}
		switch d.Tokens[ti].POS {
		case doc.TagVBD:
			return true
		case doc.TagVBN:
			return ru.is(k-1, "had", "has", "have", "'d", "’d", "'ve", "’ve")
		case doc.TagVBZ, doc.TagVBP, doc.TagMD:
			return false
		case doc.TagTO:
			if ti+1 < len(d.Tokens) && d.Tokens[ti+1].POS == doc.TagVB {
				return false // "identified three companies for the program to run through June"
			}
		}
	}
	return false
}

// verbTense looks from word i in direction step for the nearest verb in
// the clause and returns its tense: -1 past, +1 future, 0 unknown.
func (ru *run) verbTense(i, step int) int {
	d := ru.d
	tagged := len(d.Tokens) > 0 && d.Tokens[0].POS != 0
	for k, n := i, 0; k >= 0 && k < len(ru.t.Words) && n < 12; k, n = k+step, n+1 {
		w := ru.w(k)
		if w == "." && ru.t.Glued(k) && ru.t.Kind(k-1) == quantity.Letters && len(ru.w(k-1)) <= 3 ||
			w == ":" && ru.t.Glued(k) && ru.t.Kind(k-1) == quantity.Digits {
			continue // "a.m.", "Dec.", "10:30"
		}
		if o := ru.aside(k, step); o >= 0 {
			k = o // "could bring 30 mm (1.2 inches) of rain on Tuesday"
			continue
		}
		if ru.t.Kind(k) == quantity.Digits {
			n-- // a figure's digits count for no word of the clause
			continue
		}
		switch w {
		case ",", ";", ":", "“", "”", "\"", "(", ")", ".", "—", "–", "but", "while", "although":
			return 0
		case "will", "shall", "'ll", "’ll", "wo":
			return 1
		case "said", "says", "told", "was", "were", "had", "did", "ago", "last":
			return -1
		case "expect", "expects", "expected", "plan", "plans", "planned", "hope", "hopes", "intend", "intends", "forecast", "forecasts", "due", "scheduled", "aims", "aim", "upcoming", "coming", "until":
			if step < 0 {
				return 1
			}
		case "to":
			if step < 0 && ru.is(k-1, "going", "due", "expected", "plans", "plan", "set", "is", "are", "scheduled", "slated", "likely", "poised") {
				return 1
			}
		}
		if tagged && ru.t.Kind(k) == quantity.Letters {
			ti := d.TokenAt(ru.t.Words[k].Start)
			if ti < len(d.Tokens) && d.Tokens[ti].Start == ru.t.Words[k].Start {
				switch d.Tokens[ti].POS {
				case doc.TagVBD:
					return -1
				case doc.TagVBN:
					if !ru.is(k-1, "be", "being") && !ru.is(k-2, "will") {
						return -1
					}
				case doc.TagMD:
					if w == "would" || w == "could" || w == "might" || w == "may" || w == "can" || w == "should" || w == "must" {
						return 1
					}
				case doc.TagVBZ, doc.TagVBP:
					// "The talks start Monday": a present tense of an
					// event is a plan; "says", "is", "follows" are not.
					switch w {
					case "says", "say", "is", "are", "'s", "’s", "has", "have", "follows", "follow", "remains", "remain", "comes", "come", "means", "shows", "show", "seems", "appears":
					default:
						if step < 0 {
							return 1
						}
					}
				}
			}
		}
	}
	return 0
}

// aside returns the word that closes the bracketed aside opening at word
// k, reading in direction step ("(" forwards, ")" backwards), within
// twelve words and one sentence, or -1: an aside ("(43F)") does not end
// the clause a verb's tense is looked for in.
func (ru *run) aside(k, step int) int {
	open, closing := "(", ")"
	if step < 0 {
		open, closing = ")", "("
	}
	if ru.w(k) != open {
		return -1
	}
	for j, n := k+step, 0; j >= 0 && j < len(ru.t.Words) && n < 12; j, n = j+step, n+1 {
		switch ru.w(j) {
		case closing:
			return j
		case open, ".", ";", "“", "”", "\"":
			return -1
		}
	}
	return -1
}

func (ru *run) wordAt(b int) int {
	ws := ru.t.Words
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].Start < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// number reads a cardinal at word i (digits or words, not an ordinal or
// a fraction) and returns its value and end.
func (ru *run) number(i int) (float64, int, bool) {
	if i < 0 || i >= len(ru.nums) {
		return 0, i, false
	}
	m := &ru.nums[i]
	if m.state == 0 {
		n, ok := ru.t.Number(i)
		if !ok || n.Ordinal || n.Fraction && n.Value < 1 && n.Value != 0.5 {
			m.state = 2
		} else {
			m.state, m.value, m.end = 1, n.Value, n.End
		}
	}
	if m.state != 1 {
		return 0, i, false
	}
	return m.value, m.end, true
}

// isNumber reports whether a cardinal begins at word i.
func (ru *run) isNumber(i int) bool {
	_, _, ok := ru.number(i)
	return ok
}

// numMemo caches number: state 0 unknown, 1 a number, 2 none.
type numMemo struct {
	state uint8
	end   int
	value float64
}

// timeUnits maps the words for time units to their names.
var timeUnits = map[string]string{
	"second": "second", "seconds": "second", "sec": "second", "secs": "second",
	"minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
	"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
	"day": "day", "days": "day",
	"week": "week", "weeks": "week",
	"fortnight": "fortnight", "fortnights": "fortnight",
	"month": "month", "months": "month",
	"year": "year", "years": "year", "yr": "year", "yrs": "year",
	"decade": "decade", "decades": "decade",
	"century": "century", "centuries": "century",
	"millennium": "millennium", "millennia": "millennium",
}

// unit reads a time unit at word i and returns its name, whether it is
// plural, and the end.
func (ru *run) unit(i int) (string, bool, int) {
	w, u := ru.w(i), ru.v(i).unit
	if u == "" {
		return "", false, i
	}
	plural := strings.HasSuffix(w, "s") || w == "millennia" || w == "centuries"
	return u, plural, i + 1
}

// mods maps hedges before a duration or a date to TIMEX3 modifiers.
var mods = []struct {
	words []string
	mod   string
}{
	{[]string{"more", "than"}, "MORE_THAN"}, {[]string{"less", "than"}, "LESS_THAN"},
	{[]string{"at", "least"}, "EQUAL_OR_MORE"}, {[]string{"at", "most"}, "EQUAL_OR_LESS"},
	{[]string{"up", "to"}, "EQUAL_OR_LESS"}, {[]string{"no", "more", "than"}, "EQUAL_OR_LESS"},
	{[]string{"just", "over"}, "MORE_THAN"}, {[]string{"just", "under"}, "LESS_THAN"},
	{[]string{"well", "over"}, "MORE_THAN"}, {[]string{"nearly"}, "LESS_THAN"},
	{[]string{"almost"}, "LESS_THAN"}, {[]string{"about"}, "APPROX"}, {[]string{"around"}, "APPROX"},
	{[]string{"roughly"}, "APPROX"}, {[]string{"approximately"}, "APPROX"}, {[]string{"some"}, "APPROX"},
	{[]string{"over"}, "MORE_THAN"}, {[]string{"under"}, "LESS_THAN"}, {[]string{"a", "mere"}, ""},
	{[]string{"only"}, ""}, {[]string{"just"}, ""},
}

// hedge reads a hedge at word i: it returns the TIMEX3 modifier and the
// word after it, or "", i.
func (ru *run) hedge(i int) (string, int, bool) {
	if ru.is(i, "more", "less", "fewer") && ru.t.Kind(i-1) == quantity.Digits {
		return "", i, false // "620 more than a year earlier": the count's comparison
	}
	switch ru.w(i) {
	case "more", "less", "at", "up", "no", "just", "well", "nearly", "almost", "about", "around",
		"roughly", "approximately", "some", "over", "under", "a", "only":
	default:
		return "", i, false
	}
	for _, m := range mods {
		ok := true
		for k, w := range m.words {
			if ru.w(i+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return m.mod, i + len(m.words), true
		}
	}
	return "", i, false
}

// IsMonth reports whether lower-case word w names a month, in full or
// abbreviated, with a full stop after the abbreviation or without
// ("september", "sept.").
func IsMonth(w string) bool {
	return months[strings.TrimSuffix(w, ".")] != 0
}

// months maps month names and abbreviations to months.
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// month reads a month name at word i (an abbreviation may take a
// period; "May" and "March" and abbreviations must be capitalised, or
// the text in lower case) and returns it and the end.
func (ru *run) month(i int) (time.Month, int, bool) {
	w, m := ru.w(i), ru.v(i).month
	if m == 0 || ru.t.Kind(i) != quantity.Letters {
		return 0, i, false
	}
	end := i + 1
	// "May" is the month's full name: a full stop after it ends the
	// sentence.
	full := len(w) > 4 || w == "june" || w == "july" || w == "may"
	if !full && ru.w(end) == "." && ru.t.Glued(end) {
		end++
	}
	if (!full || w == "may" || w == "march") && !ru.cap(i) && !ru.lowerText() {
		return 0, i, false
	}
	return m, end, true
}

// lowerText reports whether the text has no capital letters (as some
// corpora are lower-cased).
func (ru *run) lowerText() bool { return ru.t.Src == ru.t.Lower }

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// weekday reads a weekday name at word i.
func (ru *run) weekday(i int) (time.Weekday, int, bool) {
	e := ru.v(i)
	wd, ok := e.weekday, e.isWeekday
	if !ok {
		return 0, i, false
	}
	return wd, i + 1, true
}

// partsOfDay maps words for parts of a day to TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
