package segment

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// Segmenter splits text into paragraphs, sentences and tokens. It is
// immutable after New and safe for concurrent use.
type Segmenter struct {
	lex *lexicon.Set
}

// New returns a Segmenter that uses the abbreviations in lex.
func New(lex *lexicon.Set) *Segmenter { return &Segmenter{lex: lex} }

// Segment fills d.Paragraphs, d.Sentences and d.Tokens from d.Text,
// replacing whatever they held.
func (s *Segmenter) Segment(d *doc.Document) {
	text := d.Text
	d.Tokens = s.Tokenize(text, make([]doc.Token, 0, len(text)/5+1))
	paras := paragraphs(text)
	d.Paragraphs = slices.Grow(d.Paragraphs[:0], len(paras))
	// News sentences run to some 25 tokens; a guess on the high side
	// saves regrowing the slice.
	d.Sentences = slices.Grow(d.Sentences[:0], len(d.Tokens)/16+1)
	toks := d.Tokens
	ti := 0
	for _, p := range paras {
		// Tokens of this paragraph.
		first := ti
		for ti < len(toks) && toks[ti].Start < p.End {
			ti++
		}
		if first == ti {
			continue // a line of white space only
		}
		para := doc.Paragraph{Span: doc.Span{Start: toks[first].Start, End: toks[ti-1].End}, FirstSent: len(d.Sentences)}
		toks[first].Flags |= doc.ParaStart
		for a := first; a < ti; {
			b := s.sentenceEnd(text, toks, a, ti)
			toks[a].Flags |= doc.SentStart
			si := int32(len(d.Sentences))
			for k := a; k < b; k++ {
				toks[k].Sent = si
			}
			d.Sentences = append(d.Sentences, doc.Sentence{
				Span:     doc.Span{Start: toks[a].Start, End: toks[b-1].End},
				Para:     len(d.Paragraphs),
				FirstTok: a,
				EndTok:   b,
			})
			a = b
		}
		para.EndSent = len(d.Sentences)
		d.Paragraphs = append(d.Paragraphs, para)
	}
}

// paragraphs returns the paragraphs of text. Every line break ends a
// paragraph, except in hard-wrapped text (lines broken at a fixed width,
// as e-mail and some feeds carry it), where a line that stops mid-sentence
// runs on into the next. (A wrapped line that happens to end a sentence
// still ends its paragraph there: a paragraph split in two costs less than
// a sentence or quotation cut.) Lines may be blank; the caller skips those
// with no tokens.
func paragraphs(text string) []doc.Span {
	lines := lineSpans(text)
	if !hardWrapped(text, lines) {
		return runOn(text, lines)
	}
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(text[l.Start:l.End]))
	}
	out := lines[:0:0]
	for i, l := range lines {
		// A line of white space alone (a form feed) is a blank line:
		// nothing runs on over it; nor over a heading.
		if n := len(out); n > 0 && joined(text, out[n-1], l) && !endsSentence(text, lines[i-1]) &&
			strings.TrimSpace(text[l.Start:l.End]) != "" && strings.TrimSpace(text[lines[i-1].Start:lines[i-1].End]) != "" &&
			!heading(text, lines, i-1, width) {
			out[n-1].End = l.End
			continue
		}
		out = append(out, l)
	}
	return out
}

// heading reports whether lines[i] of hard-wrapped text stands alone,
// a heading, a dateline or a byline: shorter than three fifths of the
// text's longest line, it ends no sentence and the line after it begins
// with a capital letter ("A defeat for the Conservatives" over "The
// Conservative Party's leader, …"). A line wrapped inside a sentence
// runs nearly to the width.
func heading(text string, lines []doc.Span, i, width int) bool {
	l := lines[i]
	if i+1 >= len(lines) || utf8.RuneCountInString(text[l.Start:l.End])*5 >= width*3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[lines[i+1].Start:lines[i+1].End], " \t"))
	return unicode.IsUpper(r)
}

// runOn joins the lines that an extractor broke out of a sentence at a
// link or an emphasis, after single line breaks: a line that begins with
// punctuation that cannot open a sentence carries on the line before it
// when that line does not end one (", the daily said"); and a short line
// between two lines of one sentence is a link's words, which joins them
// both when the line after it carries on from it, or begins with a
// lower-case word after a short line of capitalised words ("… an
// editorial in the\nDaily Star\npoints out …"), or after a short line in
// lower case when it ends the sentence ("… the 20-page\nreport\nnoted
// that … children."); and a short line of capitalised words after a
// sentence's end, before a line in lower case, is a link opening the
// next sentence, which joins that line only (leadLink).
func runOn(text string, lines []doc.Span) []doc.Span {
	open := func(a, b doc.Span) bool {
		return joined(text, a, b) && !endsSentence(text, a) && !blank(text, a) && !blank(text, b)
	}
	first := func(l doc.Span) rune {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[l.Start:l.End], " \t"))
		return r
	}
	carries := func(a, b doc.Span) bool {
		// The punctuation stands alone: ", the daily said", ". “…”", not
		// ".gmobile {" (a style sheet's selector).
		t := strings.TrimLeft(text[b.Start:b.End], " \t")
		if t == "" || strings.IndexByte(",.;:)]", t[0]) < 0 {
			return false // the common case, decided first
		}
		return (len(t) == 1 || t[1] == ' ' || t[1] == '"' || strings.HasPrefix(t[1:], "“")) && open(a, b)
	}
	link := func(i int) bool { // lines[i] is a link's words inside a sentence
		l := lines[i]
		if i == 0 || i+1 >= len(lines) || l.End-l.Start > 80 {
			return false
		}
		if r := first(lines[i+1]); !unicode.IsLower(r) && !strings.ContainsRune(",.;:)]", r) || !open(lines[i-1], l) {
			return false
		}
		words, capitalised := 0, true
		for w := range strings.FieldsSeq(text[l.Start:l.End]) {
			words++
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				capitalised = false
			}
		}
		if words > 5 {
			return false
		}
		if carries(l, lines[i+1]) {
			return true
		}
		if !open(l, lines[i+1]) || !unicode.IsLower(first(lines[i+1])) {
			return false
		}
		// Words in lower case may be a list's items instead ("Bring
		// these\nwater\nfood"): only a line after that ends a sentence
		// shows the sentence running on.
		return capitalised || unicode.IsLower(first(l)) && endsSentence(text, lines[i+1])
	}
	// leadLink: lines[i] is a link's words opening a sentence, after a
	// line that ends one and before the line in lower case that goes on
	// with it ("… next Monday.\nFrance 24\nnotes that …").
	leadLink := func(i int) bool {
		l := lines[i]
		if i == 0 || i+1 >= len(lines) || l.End-l.Start > 80 || blank(text, l) || blank(text, lines[i-1]) || blank(text, lines[i+1]) {
			return false
		}
		if !unicode.IsLower(first(lines[i+1])) || !joined(text, l, lines[i+1]) || !joined(text, lines[i-1], l) || !endsSentence(text, lines[i-1]) || endsSentence(text, l) {
			return false
		}
		words := 0
		for w := range strings.FieldsSeq(text[l.Start:l.End]) {
			words++
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		return words <= 5
	}
	var out []doc.Span
	joinNext := false
	quoteTo := -1 // the last line a quotation that runs over lines reaches (quoteRunsOn)
	for i, l := range lines {
		n := len(out)
		inQuote := i <= quoteTo
		if !inQuote {
			quoteTo = quoteRunsOn(text, lines, i)
		}
		switch {
		case n > 0 && inQuote:
			out[n-1].End = l.End
		case n > 0 && (joinNext || carries(lines[i-1], l)):
			out[n-1].End = l.End
			joinNext = false
		case n > 0 && joined(text, lines[i-1], l) && !blank(text, l) && opensAtEnd(text, lines[i-1]):
			// "Jewell told the Echo: “" and the quotation on the next line.
			out[n-1].End = l.End
		case n > 0 && link(i):
			out[n-1].End = l.End
			joinNext = true
		case leadLink(i):
			out = append(out, l)
			joinNext = true
		default:
			out = append(out, l)
		}
	}
	return out
}

// quoteRunsOn returns the line where a quotation that lines[i] leaves open
// closes, when the lines between, after single line breaks, hold no
// quotation mark and the closing line's first mark closes with no opening
// of its own ("“… with the U.S.\npresident, then …\nThis creates …,” he
// said."): the text breaks lines inside its paragraphs, for a quotation
// runs over a paragraph's end only where the next one opens it again.
// It returns -1 otherwise, and for quotations of more than six lines.
func quoteRunsOn(text string, lines []doc.Span, i int) int {
	if _, open := curlyMarks(text[lines[i].Start:lines[i].End]); !open {
		return -1
	}
	for j := i + 1; j < len(lines) && j <= i+6; j++ {
		if !joined(text, lines[j-1], lines[j]) || blank(text, lines[j]) {
			return -1
		}
		line := text[lines[j].Start:lines[j].End]
		if strings.ContainsRune(line, '"') {
			return -1
		}
		if closes, _ := curlyMarks(line); closes {
			return j
		}
		if strings.ContainsAny(line, "“”") {
			return -1
		}
	}
	return -1
}

// curlyMarks reports whether line's first curly double quotation mark
// closes a quotation it did not open, and whether the line leaves one of
// its own open.
func curlyMarks(line string) (closesFirst, leavesOpen bool) {
	depth, seen := 0, false
	for _, r := range line {
		switch r {
		case '“':
			depth++
		case '”':
			if !seen {
				closesFirst = true
			}
			if depth > 0 {
				depth--
			}
		default:
			continue
		}
		seen = true
	}
	return closesFirst, depth > 0
}

// opensAtEnd reports whether line l ends with a quotation mark that opens
// a quotation after a colon (": \"", ":“"): an extractor broke the line
// before the words quoted. A straight mark must stand apart from the colon,
// since one right after it more often closes ("\"Related:\"").
func opensAtEnd(text string, l doc.Span) bool {
	t := strings.TrimRight(text[l.Start:l.End], " \t")
	var rest string
	switch {
	case strings.HasSuffix(t, "“"):
		rest = strings.TrimSuffix(t, "“")
	case strings.HasSuffix(t, `"`):
		rest = strings.TrimSuffix(t, `"`)
		if !strings.HasSuffix(rest, " ") {
			return false
		}
	default:
		return false
	}
	return strings.HasSuffix(strings.TrimRight(rest, " \t"), ":")
}

// blank reports whether line l holds only white space.
func blank(text string, l doc.Span) bool { return strings.TrimSpace(text[l.Start:l.End]) == "" }

// joined reports whether line b follows line a after a single line break.
func joined(text string, a, b doc.Span) bool {
	gap := text[a.End:b.Start]
	return gap == "\n" || gap == "\r\n" || gap == "\r"
}

// hardWrapped reports text whose single line breaks mostly fall
// mid-sentence: at least four of them, a third or more before a
// lower-case word with no sentence punctuation before the break.
func hardWrapped(text string, lines []doc.Span) bool {
	joints, mid := 0, 0
	for i := 1; i < len(lines); i++ {
		if !joined(text, lines[i-1], lines[i]) {
			continue
		}
		joints++
		r, _ := utf8.DecodeRuneInString(text[lines[i].Start:])
		if !endsSentence(text, lines[i-1]) && unicode.IsLower(r) {
			mid++
		}
	}
	return mid >= 4 && mid*3 >= joints
}

// endsSentence reports whether a line ends with sentence punctuation,
// possibly followed by closing quotation marks or brackets.
func endsSentence(text string, l doc.Span) bool {
	t := strings.TrimRight(text[l.Start:l.End], " \t\"”’')]»")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', ':', '…':
		return true
	}
	return false
}

// lineSpans returns the spans of the lines of text.
func lineSpans(text string) []doc.Span {
	out := make([]doc.Span, 0, strings.Count(text, "\n")+strings.Count(text, "\r")+1)
	start := 0
	// The next line feed, carriage return and first byte of U+2028 or
	// U+2029 at or after i, each found by a fast scan for its byte.
	next := func(c byte, i int) int {
		if k := strings.IndexByte(text[i:], c); k >= 0 {
			return i + k
		}
		return len(text)
	}
	nl, cr, e2 := next('\n', 0), next('\r', 0), next(0xE2, 0)
	for {
		i := min(nl, cr, e2)
		if i >= len(text) {
			break
		}
		switch text[i] {
		case '\n', '\r':
			if i > start {
				out = append(out, doc.Span{Start: start, End: i})
			}
			start = i + 1
		default:
			// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				if i > start {
					out = append(out, doc.Span{Start: start, End: i})
				}
				start = i + 3
			}
		}
		switch i {
		case nl:
			nl = next('\n', i+1)
		case cr:
			cr = next('\r', i+1)
		default:
			e2 = next(0xE2, i+1)
		}
	}
	if start < len(text) {
		out = append(out, doc.Span{Start: start, End: len(text)})
	}
	return out
}

// sentenceEnd returns the index just past the last token of the sentence
// that starts at token a, within a paragraph whose tokens end at end.
func (s *Segmenter) sentenceEnd(text string, toks []doc.Token, a, end int) int {
	for i := a; i < end; i++ {
		t := toks[i]
		w := text[t.Start:t.End]
		if !s.terminal(text, toks, i, w) {
			continue
		}
		// Closing quotation marks and brackets stay with the sentence
		// they close, when glued to it.
		j := i + 1
		for j < end && toks[j].Flags&doc.SpaceBefore == 0 && closer(text[toks[j].Start:toks[j].End]) {
			j++
		}
		if j >= end {
			return end
		}
		if s.startsSentence(text, toks, i, j) {
			return j
		}
	}
	return end
}

// terminal reports whether token i (text w) may end a sentence.
func (s *Segmenter) terminal(text string, toks []doc.Token, i int, w string) bool {
	switch w {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	if len(w) >= 2 && w[len(w)-1] == '.' {
		if allDots(w) {
			return true // "..."
		}
		if toks[i].Kind != doc.Word {
			return false
		}
		// An abbreviation with its period: only some may end a
		// sentence, decided by what follows.
		form := w[:len(w)-1]
		switch s.lex.Abbrev(form) {
		case lexicon.TitleAbbrev, lexicon.NumberAbbrev:
			return false
		}
		if isInitial(form) {
			return false
		}
		return true
	}
	return false
}

// startsSentence reports whether token j can begin a new sentence after the
// terminal token i.
func (s *Segmenter) startsSentence(text string, toks []doc.Token, i, j int) bool {
	next := toks[j]
	nw := text[next.Start:next.End]
	if next.Flags&doc.SpaceBefore == 0 && toks[j-1].Kind != doc.QuoteMark {
		return false // "U.S.-led", "3.5"
	}
	r, _ := utf8.DecodeRuneInString(nw)
	prev := text[toks[i].Start:toks[i].End]
	if len(prev) >= 2 && prev[len(prev)-1] == '.' && !allDots(prev) {
		// An abbreviation ends a sentence only before a word that
		// plainly starts one: "in the U.S. The next day".
		return isUpper(r) && sentenceStarter(nw)
	}
	if prev == "…" || allDots(prev) {
		// An ellipsis inside a sentence is followed by lower case.
		return isUpper(r) || next.Kind == doc.QuoteMark
	}
	switch {
	case isUpper(r), isDigit(r):
		return true
	case next.Kind == doc.QuoteMark, r == '(', r == '[', r == '—', r == '-', r == '•', r == '*':
		return true
	case isLetter(r):
		// A lower-case word after a full stop starts a sentence only in
		// sloppy text; "?" and "!" inside quotes are usually followed by
		// the attribution ("Why?" he asked).
		return false
	}
	return true
}

// sentenceStarter reports words that begin sentences far more often than
// they follow an abbreviation inside one.
func sentenceStarter(w string) bool {
	switch w {
	case "The", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That",
		"In", "A", "An", "His", "Her", "Their", "There", "Its", "Our", "As", "At",
		"If", "When", "While", "After", "Before", "On", "For", "Some", "Many", "Most",
		"How", "What", "Why", "Who", "Where":
		return true
	}
	return false
}

func closer(w string) bool {
	switch w {
	case "\"", "”", "’", "'", "»", "›", ")", "]", "''":
		return true
	}
	return false
}

func allDots(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != '.' {
			return false
		}
	}
	return len(w) > 0
}
