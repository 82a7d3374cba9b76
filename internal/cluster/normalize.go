package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Class says how much a word carries a quotation's meaning.
type Class uint8

// The word classes.
const (
	// Function words (articles, pronouns, prepositions, conjunctions,
	// the auxiliaries be, have and do) differ between renderings of one
	// utterance without changing what was said.
	Function Class = iota + 1
	// Modifier words (intensifiers and quantifiers: "very",
	// "extremely", "many") vary between outlets; swapping one changes
	// meaning, but two quotations differing only in them are one
	// utterance.
	Modifier
	// Content words are everything else, negations and modals included.
	Content
)

// Word is one word of a normalised quotation.
type Word struct {
	Norm  string // lower case, quote marks folded, contractions expanded
	Stem  string // Norm without a plural or possessive ending, for matching
	Class Class
	// Elided reports that an elision mark ("…", "...") stands before
	// the word: the quoting outlet left words out there.
	Elided bool
	// Nested reports that the word lies inside a quotation nested in
	// this one: someone else's words that the speaker quoted.
	Nested bool
}

// Text is a quotation reduced to its words. Punctuation, case, quote
// marks and the outlet's editorial insertions in brackets are gone;
// contractions are expanded ("there's" is "there is"), so outlets that
// punctuate or contract differently give the same words.
type Text struct {
	Words []Word
	// ElidedEnd reports an elision mark after the last word.
	ElidedEnd bool
}

// Key returns the words' normalised forms joined by spaces: two
// quotations with the same key differ only in punctuation, case, quote
// marks or contractions.
func (t Text) Key() string {
	var b strings.Builder
	for i, w := range t.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Norm)
	}
	return b.String()
}

// weight is how much a word counts when two quotations are compared.
func (w Word) weight() float64 {
	switch w.Class {
	case Content:
		return 1
	case Modifier:
		return 0.5
	}
	return 0.2
}

// Normalize reduces a quotation's exact wording to its words.
func Normalize(s string) Text {
	s = norm.NFKC.String(s)
	var t Text
	var word strings.Builder
	elided, nested := false, false
	nestStart := 0 // the first word of the open nested quotation
	flush := func() {
		if word.Len() == 0 {
			return
		}
		for _, n := range expand(word.String()) {
			t.Words = append(t.Words, Word{Norm: n, Stem: stem(n), Class: classOf(n), Elided: elided, Nested: nested})
			elided = false
		}
		word.Reset()
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		switch {
		case r == '[' || r == '(':
			if end := closing(s[i:], r); end > 0 && strings.ContainsAny(s[i:i+end], " \t\n") {
				// An insertion of several words is the outlet's, not the
				// speaker's: skip it.
				flush()
				i += end
				continue
			}
			// "(W)e": brackets inside a word are dropped.
		case r == ']' || r == ')':
		case r == '…' || (r == '.' && strings.HasPrefix(s[i:], "...")) || (r == '.' && strings.HasPrefix(s[i:], ". . .")):
			flush()
			elided = true
			switch {
			case r == '…':
			case strings.HasPrefix(s[i:], ". . ."):
				size = 5
			default:
				size = 3
			}
			for strings.HasPrefix(s[i+size:], ".") {
				size++
			}
		case isApostrophe(r) && word.Len() > 0 && unicode.IsLetter(next):
			// An apostrophe inside a word: "there's", "don't".
			word.WriteByte('\'')
		case isQuoteMark(r):
			flush()
			opening := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-:", prev)
			if isApostrophe(r) && !nested && !(opening && unicode.IsLetter(next)) {
				break // a trailing apostrophe ("leaders'") is not a quote mark
			}
			if opening && !unicode.IsSpace(next) && next != utf8.RuneError {
				nested, nestStart = true, len(t.Words)
			} else if nested {
				nested = false
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			word.WriteRune(unicode.ToLower(r))
		case (r == ',' || r == '.') && word.Len() > 0 && unicode.IsDigit(prev) && unicode.IsDigit(next):
			word.WriteRune(r) // 1,000 and 2.5 are one word
		default:
			flush()
		}
		i += size
	}
	flush()
	if nested {
		// A quote mark that never closes is a stray, not a nested
		// quotation.
		for i := nestStart; i < len(t.Words); i++ {
			t.Words[i].Nested = false
		}
	}
	t.ElidedEnd = elided
	return t
}

// closing returns the byte length of the bracketed stretch that s opens
// with (open is its first rune), up to and including the matching close,
// or 0 when it is not closed.
func closing(s string, open rune) int {
	close := ']'
	if open == '(' {
		close = ')'
	}
	depth := 0
	for i, r := range s {
		switch r {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return i + utf8.RuneLen(r)
			}
		}
	}
	return 0
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '′'
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '‚', '\'', '’', '‘', '′':
		return true
	}
	return false
}

// sIsVerb are the words whose "'s" is "is" ("there's"), not a possessive.
var sIsVerb = map[string]bool{
	"it": true, "that": true, "there": true, "here": true, "what": true, "who": true,
	"where": true, "he": true, "she": true, "how": true, "when": true, "why": true,
	"this": true, "everything": true, "nothing": true, "something": true, "everyone": true,
}

// expand splits a word with a contraction into the words it stands for.
func expand(w string) []string {
	i := strings.IndexByte(w, '\'')
	if i < 0 {
		return []string{w}
	}
	base, suf := w[:i], w[i+1:]
	switch suf {
	case "t":
		if strings.HasSuffix(base, "n") {
			switch base {
			case "can":
				return []string{"can", "not"}
			case "won":
				return []string{"will", "not"}
			case "shan":
				return []string{"shall", "not"}
			case "ain":
				return []string{"is", "not"}
			}
			return []string{strings.TrimSuffix(base, "n"), "not"}
		}
	case "re":
		return []string{base, "are"}
	case "ve":
		return []string{base, "have"}
	case "ll":
		return []string{base, "will"}
	case "m":
		return []string{base, "am"}
	case "d":
		return []string{base, "would"}
	case "s":
		if base == "let" {
			return []string{"let", "us"}
		}
		if sIsVerb[base] {
			return []string{base, "is"}
		}
		return []string{base + "'s"}
	}
	return []string{strings.ReplaceAll(w, "'", "")}
}

// stem strips a possessive or a regular plural ending, so that "deal",
// "deals" and "deal's" match.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

func classOf(w string) Class {
	switch {
	case functionWords[w]:
		return Function
	case modifierWords[w]:
		return Modifier
	}
	return Content
}

// functionWords are closed-class words that carry little of a
// quotation's meaning: articles, pronouns, prepositions, conjunctions and
// the auxiliaries be, have and do. Negations and modals are not among
// them.
var functionWords = setOf(`a an the and or but nor if then than so as of to in on at by for with from into
about this that these those there here it its itself
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself they them their theirs themselves one ones
is are was were be been being am have has had having do does did doing
what which who whom whose where when why how also just well oh yes ok okay said says`)

// modifierWords are intensifiers and quantifiers: outlets swap them
// ("very" for "extremely") more than any other content.
var modifierWords = setOf(`very extremely really so quite truly highly incredibly absolutely totally completely fully
entirely deeply greatly hugely tremendously particularly especially rather pretty somewhat fairly
most more much many lot lots few little some all any every each both even still already`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
