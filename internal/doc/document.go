package doc

import (
	"strings"
	"time"
)

// Document is one article and every annotation layer the pipeline adds to
// it. Stages append to the layers; they never rewrite Text or an earlier
// layer.
type Document struct {
	// Metadata, as the input gave it. Published is the zero time when
	// unknown.
	ID        string
	Title     string
	URL       string
	Outlet    string
	Byline    string
	Published time.Time

	// Text is the text every Span refers to.
	Text string

	Paragraphs []Paragraph // in order, from package segment
	Sentences  []Sentence  // in order, from package segment
	Tokens     []Token     // in order, from package segment (tags from package tag)
	Quotes     []Quote     // quotation-mark regions, from package quote
	Mentions   []Mention   // in order, from package entity
	// AttribMentions are the mentions package attrib's features read,
	// from package entity: the mentions as the attribution models were
	// trained on them. A rule written since that adds or reshapes a
	// mention ("unlearned") changes Mentions, whom statements are
	// resolved to, and leaves AttribMentions, which statements are
	// found, as they were: a mention it reshaped stays here as it was
	// before. Retraining with such a rule is judged by the rule beside
	// the PolNeAR floors (internal/eval/polnear_test.go).
	AttribMentions []Mention
	Entities       []Entity    // from package entity
	Statements     []Statement // in order of content start, from package attrib
	Quantities     []Quantity  // from package quantity
	Dates          []Date      // from package timex
	Checks         []Check     // from package check
}

// Paragraph is a block of text ended by a line break.
type Paragraph struct {
	Span
	FirstSent, EndSent int // Sentences[FirstSent:EndSent]
}

// Sentence is one sentence: its span and its tokens.
type Sentence struct {
	Span
	Para             int // index into Document.Paragraphs
	FirstTok, EndTok int // Tokens[FirstTok:EndTok]
}

// SentenceAt returns the index of the sentence that contains byte offset
// off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// TokenAt returns the index of the first token that ends after byte offset
// off (the token containing off, or the next one), or len(d.Tokens).
//
// It halves the tokens without a branch on the comparisons, which a
// processor could not predict, so that a search costs its loads alone.
func (d *Document) TokenAt(off int) int {
	ts := d.Tokens
	n := len(ts)
	if n == 0 {
		return 0
	}
	base := 0
	for n > 1 {
		half := n / 2
		// The token is at base+half or later when ts[base+half-1]
		// ends at or before off: the sign of End-off-1, as a mask.
		base += half & ((ts[base+half-1].End - off - 1) >> 63)
		n -= half
	}
	if ts[base].End <= off {
		base++
	}
	return base
}

// TokenSpan returns the span from the start of token i to the end of token
// j-1. It returns the zero Span when i >= j.
func (d *Document) TokenSpan(i, j int) Span {
	if i >= j || i < 0 || j > len(d.Tokens) {
		return Span{}
	}
	return Span{d.Tokens[i].Start, d.Tokens[j-1].End}
}

// Slice returns the text of s.
func (d *Document) Slice(s Span) string { return s.In(d.Text) }

// IsByline reports whether sentence s is the article's byline: a
// paragraph of its own, of a dozen tokens or fewer, that opens with "By"
// and a capitalised word ("By Mira Castellanos", "By Tom Reyes and Ana
// Ruiz, Reuters") and has no verb. Whom it names wrote the article; the
// story is not about them.
func (d *Document) IsByline(s int) bool {
	sn := &d.Sentences[s]
	p := &d.Paragraphs[sn.Para]
	if p.EndSent-p.FirstSent != 1 || sn.EndTok-sn.FirstTok > 12 || sn.EndTok-sn.FirstTok < 2 ||
		d.Slice(d.Tokens[sn.FirstTok].Span()) != "By" || !d.Tokens[sn.FirstTok+1].Has(Upper) {
		return false
	}
	for k := sn.FirstTok + 1; k < sn.EndTok; k++ {
		if d.Tokens[k].POS.IsVerb() {
			return false
		}
	}
	return true
}

// SpeakerLabel reads the speaker's label that may open tokens k to end,
// as a transcript's turns open: up to three words in capitals and a
// colon, or a comma, up to three words of a role in capitals and a colon
// ("DETROW:", "TAMARA KEITH, BYLINE:"). A label whose every name word
// the text also writes in lower case is a common word set in capitals, a
// page's flag ("NEW:", "UPDATE:"), and no label. It returns where the name
// ends and where the colon is; colon is -1 when the tokens open with no
// label.
func (d *Document) SpeakerLabel(k, end int) (n, colon int) {
	capitals := func(k int) int {
		n := k
		for n < end && n-k < 3 && d.Tokens[n].Kind == Word && d.Tokens[n].Has(AllUpper) {
			n++
		}
		return n
	}
	word := func(i int) string { return d.Slice(d.Tokens[i].Span()) }
	n = capitals(k)
	if n == k {
		return n, -1
	}
	colon = n
	if colon < end && word(colon) == "," {
		if colon = capitals(n + 1); colon == n+1 {
			return n, -1
		}
	}
	if colon >= end || word(colon) != ":" {
		return n, -1
	}
	for i := k; i < n; i++ {
		if !d.InLowerCase(word(i)) {
			return n, colon
		}
	}
	return n, -1
}

// NameLabel reads the speaker's label written as names are written that
// may open tokens k to end, as the turns of a transcript set in mixed
// case open: one to four words that each open with a capital letter, not
// every letter of them in capitals (SpeakerLabel reads those), and a
// colon ("Mara Lindqvist:", "Lindqvist:", "Q:"). Whether the words name
// a speaker is the caller's to judge: a page's flag ("Update:"), a
// note's ("Editor's note:" is none) and a headline's ("Reyes: I will
// win") open the same way. It returns where the name ends and where the
// colon is; colon is -1 when the tokens open with no such label.
func (d *Document) NameLabel(k, end int) (n, colon int) {
	n = k
	for n < end && n-k < 4 && d.Tokens[n].Kind == Word && d.Tokens[n].Has(Upper) && !d.Tokens[n].Has(AllUpper) {
		n++
	}
	if n == k || n >= end || d.Slice(d.Tokens[n].Span()) != ":" {
		return n, -1
	}
	return n, n
}

// InLowerCase reports whether some word token of the text is w written
// in lower case.
func (d *Document) InLowerCase(w string) bool {
	for _, t := range d.Tokens {
		if t.Kind == Word && t.End-t.Start == len(w) && !t.Has(Upper) {
			if v := d.Slice(t.Span()); strings.EqualFold(v, w) && v == strings.ToLower(v) {
				return true
			}
		}
	}
	return false
}
