// Package quote finds quotations by their marks: which quotation marks
// open and close, which apostrophes are only apostrophes, how quotes nest,
// and how a quotation runs on over paragraphs (a paragraph that opens a
// quote without closing it, followed by a paragraph that opens again).
//
// It handles curly and straight, double and single marks, „…” and «…»,
// and the doubled apostrophes (”) some newspapers use. It looks at marks
// only; who said the words is package attrib's business.
package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Scan finds the quotes of d (which must be segmented), sets d.Quotes and
// marks the tokens: OpenQuote and CloseQuote on marks, InQuote on every
// token inside a quote.
func Scan(d *doc.Document) {
	d.Quotes = d.Quotes[:0]
	var st scanner
	st.d = d
	for pi := range d.Paragraphs {
		st.paragraph(pi)
	}
	// Link quotes that run on into the next paragraph.
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !q.Close.IsZero() || q.Next >= 0 {
			continue
		}
		// Only one quote runs on into another: of two left open in a
		// paragraph, the first (outermost) one.
		if j := st.firstQuoteOfNextPara(q); j >= 0 && d.Quotes[j].Prev < 0 && sameFamily(q.Mark, d.Quotes[j].Mark) {
			q.Next = j
			d.Quotes[j].Prev = i
		}
	}
	// Mark the tokens inside quotes.
	for _, q := range d.Quotes {
		for k := d.TokenAt(q.Inner.Start); k < len(d.Tokens) && d.Tokens[k].End <= q.Inner.End; k++ {
			d.Tokens[k].Flags |= doc.InQuote
		}
	}
}

type scanner struct {
	d *doc.Document
}

type family uint8

const (
	none family = iota
	double
	single
)

// open is a quotation mark waiting for its closing mark.
type open struct {
	tok  int
	fam  family
	mark rune
}

func (st *scanner) paragraph(pi int) {
	d := st.d
	p := d.Paragraphs[pi]
	first := d.Sentences[p.FirstSent].FirstTok
	end := d.Sentences[p.EndSent-1].EndTok
	var stack []open
	for k := first; k < end; k++ {
		t := &d.Tokens[k]
		if t.Kind != doc.QuoteMark {
			continue
		}
		w := d.Text[t.Start:t.End]
		r, _ := utf8.DecodeRuneInString(w)
		fam := familyOf(w)
		left := st.leftFlank(k, first)
		right := st.rightFlank(k, end)
		pending := -1 // innermost open quote of the same family
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].fam == fam {
				pending = i
				break
			}
		}
		action := st.classify(w, r, fam, left, right, pending >= 0, k, end)
		switch action {
		case actOpen:
			stack = append(stack, open{tok: k, fam: fam, mark: r})
		case actClose:
			o := stack[pending]
			// Quotes opened inside and never closed end here too.
			for i := len(stack) - 1; i > pending; i-- {
				st.add(stack[i], -1, k, i)
			}
			st.add(o, k, k, pending)
			stack = stack[:pending]
		}
	}
	// Quotes left open run to the end of the paragraph.
	for i := len(stack) - 1; i >= 0; i-- {
		st.add(stack[i], -1, end, i)
	}
}

type action uint8

const (
	actNone action = iota
	actOpen
	actClose
)

// classify decides whether the mark at token k opens a quote, closes the
// pending one, or is not a quotation mark here (an apostrophe, a stray).
func (st *scanner) classify(w string, r rune, fam family, left, right, pending bool, k, end int) action {
	switch r {
	case '“', '„', '«', '‹', '‚', '‘', '`', '‟', '〝':
		// Opening marks, except where German style closes „…“ with
		// “ and ‚…‘ with ‘.
		if pending && right && !left {
			return actClose
		}
		if r == '‘' && !st.hasCloser(k, end, fam) {
			return actNone // ‘90s
		}
		return actOpen
	case '”', '»', '›', '〞':
		if pending {
			return actClose
		}
		if left && !right && st.hasCloser(k, end, fam) {
			return actOpen // a closing mark typed for an opening one
		}
		return actNone
	case '’':
		if w == "’’" {
			// Two closing single marks for a closing double one.
			if pending {
				return actClose
			}
			if left && !right && st.hasCloser(k, end, fam) {
				return actOpen
			}
			return actNone
		}
		if pending && !st.betweenLetters(k) {
			return actClose
		}
		return actNone // an apostrophe
	case '\'':
		if w == "''" {
			return straight(pending, left, right)
		}
		if st.betweenLetters(k) {
			return actNone
		}
		if pending && right {
			return actClose
		}
		if left && !right && st.hasCloser(k, end, single) {
			return actOpen
		}
		return actNone
	case '"', '＂':
		return straight(pending, left, right)
	}
	return actNone
}

// straight decides a mark that looks the same at both ends of a quote.
func straight(pending, left, right bool) action {
	if pending {
		return actClose // straight marks cannot nest
	}
	if right && !left {
		return actNone // a stray closing mark
	}
	return actOpen
}

// hasCloser reports whether a mark after token k, before end, can close a
// quote of family fam.
func (st *scanner) hasCloser(k, end int, fam family) bool {
	d := st.d
	for j := k + 1; j < end; j++ {
		t := d.Tokens[j]
		if t.Kind != doc.QuoteMark || familyOf(d.Text[t.Start:t.End]) != fam {
			continue
		}
		r, _ := utf8.DecodeRuneInString(d.Text[t.Start:])
		switch r {
		case '”', '»', '›', '’', '\'', '"', '‘', '“':
			if !st.leftFlank(j, 0) && !st.betweenLetters(j) {
				return true
			}
		}
	}
	return false
}

// leftFlank reports whether token k is preceded by the paragraph start,
// white space, or an opening bracket, dash or quotation mark.
func (st *scanner) leftFlank(k, first int) bool {
	d := st.d
	t := d.Tokens[k]
	if k <= first || t.Flags&doc.SpaceBefore != 0 || t.Flags&doc.ParaStart != 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(d.Text[:t.Start])
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '„', '«', '‹', '"', '\'', ':':
		return true
	}
	return false
}

// rightFlank reports whether token k is followed by the paragraph end,
// white space, punctuation or another quotation mark.
func (st *scanner) rightFlank(k, end int) bool {
	d := st.d
	t := d.Tokens[k]
	if k+1 >= end || t.Flags&doc.SpaceAfter != 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(d.Text[t.End:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	switch r {
	case '$', '£', '€', '#', '@', '(', '[':
		return false
	}
	return true
}

// betweenLetters reports whether the mark at token k sits between two
// letters (an apostrophe: "don’t", "O’Brien").
func (st *scanner) betweenLetters(k int) bool {
	d := st.d
	t := d.Tokens[k]
	if t.Start == 0 || t.End >= len(d.Text) {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(d.Text[:t.Start])
	b, _ := utf8.DecodeRuneInString(d.Text[t.End:])
	return unicode.IsLetter(a) && unicode.IsLetter(b)
}

// add records a quote opened by o and closed by the mark at token closeTok
// (-1 when unclosed; the inner text then ends before token endTok).
func (st *scanner) add(o open, closeTok, endTok, depth int) {
	d := st.d
	ot := d.Tokens[o.tok]
	q := doc.Quote{
		Open:  doc.Span{Start: ot.Start, End: ot.End},
		Mark:  o.mark,
		Depth: depth,
		Next:  -1,
		Prev:  -1,
	}
	innerEnd := ot.End
	if closeTok >= 0 {
		ct := d.Tokens[closeTok]
		q.Close = doc.Span{Start: ct.Start, End: ct.End}
		innerEnd = ct.Start
		d.Tokens[closeTok].Flags |= doc.CloseQuote
	} else if endTok-1 > o.tok {
		innerEnd = d.Tokens[endTok-1].End
	}
	q.Inner = doc.Span{Start: ot.End, End: innerEnd}
	// Trim white space inside the marks.
	for q.Inner.Start < q.Inner.End && isSpaceByte(d.Text[q.Inner.Start]) {
		q.Inner.Start++
	}
	for q.Inner.End > q.Inner.Start && isSpaceByte(d.Text[q.Inner.End-1]) {
		q.Inner.End--
	}
	d.Tokens[o.tok].Flags |= doc.OpenQuote
	switch d.Text[ot.Start:ot.End] {
	case "''", "``":
		q.Mark = '"'
	case "‘‘":
		q.Mark = '“'
	}
	d.Quotes = append(d.Quotes, q)
	// Keep d.Quotes ordered by opening mark: a paragraph's quotes are
	// added innermost first, as they close.
	for j := len(d.Quotes) - 1; j > 0 && d.Quotes[j-1].Open.Start > d.Quotes[j].Open.Start; j-- {
		d.Quotes[j-1], d.Quotes[j] = d.Quotes[j], d.Quotes[j-1]
	}
}

// firstQuoteOfNextPara returns the quote that opens the paragraph after
// the one where q ends, or -1.
func (st *scanner) firstQuoteOfNextPara(q *doc.Quote) int {
	d := st.d
	si := d.SentenceAt(q.Open.Start)
	if si < 0 {
		return -1
	}
	pi := d.Sentences[si].Para + 1
	if pi >= len(d.Paragraphs) {
		return -1
	}
	start := d.Paragraphs[pi].Start
	for j := range d.Quotes {
		if d.Quotes[j].Open.Start == start {
			return j
		}
		if d.Quotes[j].Open.Start > start {
			break
		}
	}
	return -1
}

func familyOf(w string) family {
	if w == "''" || w == "``" || w == "’’" || w == "‘‘" {
		return double
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '〝', '〞', '＂':
		return double
	case '\'', '‘', '’', '‚', '‹', '›', '`':
		return single
	}
	return none
}

func sameFamily(a, b rune) bool {
	return familyOf(string(a)) == familyOf(string(b))
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
