package doc

// Quote is a region of text between quotation marks. A quote that a
// paragraph opens and leaves open, where the next paragraph opens a quote
// again, continues there (the newspaper convention for quotations that run
// over several paragraphs): Next and Prev link the pieces.
type Quote struct {
	Open  Span // the opening mark
	Close Span // the closing mark; zero when the quote runs to its paragraph's end unclosed
	Inner Span // the text between the marks, without them
	Mark  rune // the opening mark's character
	Depth int  // 0 for an outermost quote, 1 for a quote inside it, ...
	Next  int  // index of the quote that continues this one in the next paragraph, or -1
	Prev  int  // index of the quote this one continues, or -1
}

// Outer returns the span of the quote with its marks.
func (q Quote) Outer() Span {
	s := Span{q.Open.Start, q.Inner.End}
	if !q.Close.IsZero() {
		s.End = q.Close.End
	}
	return s
}

// Single reports whether the quote uses single quotation marks.
func (q Quote) Single() bool {
	switch q.Mark {
	case '\'', '‘', '’', '‚', '‹', '›':
		return true
	}
	return false
}
