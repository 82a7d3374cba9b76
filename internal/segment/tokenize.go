package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
)

// Tokenize appends the tokens of text to dst and returns it. Tokens follow
// the Penn Treebank conventions CoreNLP uses for English news: punctuation
// and quotation marks stand alone, clitics split off ("do" "n't",
// "Russia" "’s"), hyphenated words, numbers with separators, URLs and
// known abbreviations with their period stay whole. Only Start, End, Kind
// and the space and case flags are set.
func (s *Segmenter) Tokenize(text string, dst []doc.Token) []doc.Token {
	i, n := 0, len(text)
	spaceBefore := true
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				spaceBefore = true
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isSpace(r) {
			i += size
			spaceBefore = true
			continue
		}
		start := i
		kind, end := s.scanToken(text, i)
		if end <= start { // defensive: always make progress
			_, size := utf8.DecodeRuneInString(text[i:])
			end = start + size
			kind = doc.Symbol
		}
		t := doc.Token{Start: start, End: end, Kind: kind}
		if spaceBefore {
			t.Flags |= doc.SpaceBefore
		}
		if n := len(dst); n > 0 && spaceBefore {
			dst[n-1].Flags |= doc.SpaceAfter
		}
		t.Flags |= caseFlags(text[start:end])
		dst = append(dst, t)
		i = end
		spaceBefore = false
	}
	if len(dst) > 0 {
		dst[len(dst)-1].Flags |= doc.SpaceAfter
	}
	return dst
}

// scanToken returns the kind and end of the token that starts at i, which
// is not white space.
func (s *Segmenter) scanToken(text string, i int) (doc.TokenKind, int) {
	r, size := decode(text, i)
	switch {
	case isAlnum(r):
		if end := scanURL(text, i); end > i {
			return doc.Word, end
		}
		return s.scanWord(text, i)
	case r == '\'' && i+1 < len(text) && text[i+1] == '\'':
		return doc.QuoteMark, i + 2 // '' as a double quotation mark
	case (r == '‘' || r == '’' && afterPunct(text, i)) && i+2*size <= len(text) && text[i+size:i+2*size] == text[i:i+size]:
		// ‘‘ and, after a punctuation mark, ’’ as double quotation marks
		// (after a letter, ’’ may be a plural's apostrophe and a closing
		// single mark: "the farmers’’").
		return doc.QuoteMark, i + 2*size
	case isApostrophe(r):
		// A clitic glued to the word before: 's 're 've 'll 'd 'm, or
		// the n't that scanWord left for us.
		if i > 0 && !isSpaceBefore(text, i) {
			if end := clitic(text, i+size); end > 0 {
				return doc.Word, end
			}
		}
		return doc.QuoteMark, i + size
	case isQuoteMark(r):
		if r == '`' && i+1 < len(text) && text[i+1] == '`' {
			return doc.QuoteMark, i + 2
		}
		return doc.QuoteMark, i + size
	case r == '.':
		j := i
		for j < len(text) && text[j] == '.' {
			j++
		}
		return doc.Punct, j // "." or "..." (or longer)
	case r == '-':
		j := i
		for j < len(text) && text[j] == '-' {
			j++
		}
		if j-i == 1 && j < len(text) && isDigitByte(text[j]) && (i == 0 || isSpaceBefore(text, i)) {
			// A minus sign: "-5".
			k, end := s.scanWord(text, j)
			return k, end
		}
		return doc.Punct, j
	case r == '@' || r == '#':
		// Handles and hashtags: @user, #MAGA.
		if j := i + 1; j < len(text) {
			if r2, _ := decode(text, j); isLetter(r2) || (r == '@' && isDigit(r2)) || r2 == '_' {
				end := j
				for end < len(text) {
					r3, sz := decode(text, end)
					if !isAlnum(r3) && r3 != '_' {
						break
					}
					end += sz
				}
				return doc.Word, end
			}
		}
		return doc.Symbol, i + size
	case isPunct(r):
		return doc.Punct, i + size
	}
	return doc.Symbol, i + size
}

// scanWord scans a word or a number from i, where an alphanumeric rune
// starts.
func (s *Segmenter) scanWord(text string, i int) (doc.TokenKind, int) {
	n := len(text)
	start := i
	kind := doc.Word
	if isDigitByte(text[i]) {
		kind = doc.Number
	}
	for i < n {
		if c := text[i]; c < utf8.RuneSelf && asciiClass[c]&(cLetter|cDigit) != 0 {
			i++ // an ASCII letter or digit, read without decoding
			continue
		}
		r, size := decode(text, i)
		if isAlnum(r) {
			i += size
			continue
		}
		if i+size >= n {
			break
		}
		next, nsize := decode(text, i+size)
		prev, _ := utf8.DecodeLastRuneInString(text[start:i])
		switch {
		case (r == '-' || r == '‑') && isAlnum(next):
			// Hyphenated words and ranges stay whole: "three-year".
			i += size
			continue
		case r == '.' && isDigit(prev) && isDigit(next):
			i += size // 2.3
			continue
		case (r == ',') && isDigit(prev) && kind == doc.Number && threeDigits(text, i+1):
			i += size // 1,000
			continue
		case (r == ':' || r == '/') && isDigit(prev) && isDigit(next):
			i += size // 10:30, 3/4, 24/7
			continue
		case r == '&' && isUpper(prev) && isUpper(next):
			i += size // AT&T
			continue
		case isApostrophe(r) && isLetter(prev) && isLetter(next):
			if clitic(text, i+size) > 0 {
				return kind, i // "Russia" + "’s"
			}
			if (next == 't' || next == 'T') && (prev == 'n' || prev == 'N') && !isLetterAt(text, i+size+nsize) {
				// "do" + "n’t": leave the n for the clitic token.
				if i-1 > start {
					return kind, i - 1
				}
			}
			i += size // O’Brien, rock’n’roll
			continue
		case r == '.' && isLetter(prev):
			// Acronyms with periods (U.S., e.g., a.m.) and listed
			// abbreviations (Mr., Calif.) keep their periods.
			if end := acronym(text, start); end > 0 {
				return kind, end
			}
		}
		break
	}
	if i < n && text[i] == '.' && kind == doc.Word {
		if end := acronym(text, start); end > 0 {
			return kind, end
		}
		w := text[start:i]
		switch c := s.lex.Abbrev(w); {
		case c == lexicon.StateAbbrev && surnameLike(text, start, i):
			return kind, i // "said Sigrun Mo." + "." before "Mo said"
		case c != lexicon.NotAbbrev || isInitial(w):
			return kind, i + 1
		}
	}
	return kind, i
}

// surnameLike reports whether the state abbreviation text[start:end],
// before its period, is rather a surname ending a sentence: it follows a
// capitalised word with no comma between (news sets a state off from its
// town with one) and a capitalised word follows the period.
func surnameLike(text string, start, end int) bool {
	j := start
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == start || j == 0 {
		return false
	}
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !isLetter(r) {
			break
		}
		k -= size
	}
	if k > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:k]); !isSpace(r) {
			return false // "U.S.-Mo", "(Mo"
		}
	}
	prev := text[k:j]
	r, size := utf8.DecodeRuneInString(prev)
	if len(prev) < 2 || !isUpper(r) || strings.ToLower(prev[size:]) != prev[size:] {
		return false
	}
	n := end + 1
	if n >= len(text) || text[n] != ' ' {
		return false
	}
	for n < len(text) && text[n] == ' ' {
		n++
	}
	next, _ := decode(text, n)
	return isUpper(next)
}

// acronym returns the end of a run of one or two letters each followed by
// a period, at least two of them ("U.S.", "e.g.", "a.m.", "D.C."), or 0.
func acronym(text string, i int) int {
	n, parts := len(text), 0
	for i < n {
		j := i
		for k := 0; k < 2 && j < n; k++ {
			r, size := decode(text, j)
			if !isLetter(r) {
				break
			}
			j += size
		}
		if j == i || j >= n || text[j] != '.' {
			break
		}
		parts++
		i = j + 1
		if i < n {
			if r, _ := decode(text, i); !isLetter(r) {
				break
			}
		}
	}
	if parts >= 2 {
		return i
	}
	return 0
}

// clitic returns the end of an English clitic whose letters start at i
// ("s", "re", "ve", "ll", "d", "m", "t" after n), or 0. The clitic must not
// run on into more letters.
func clitic(text string, i int) int {
	for _, c := range [...]string{"s", "re", "ve", "ll", "d", "m", "S", "RE", "VE", "LL", "D", "M"} {
		if len(text)-i >= len(c) && text[i:i+len(c)] == c && !isLetterAt(text, i+len(c)) {
			return i + len(c)
		}
	}
	// n't: the caller is at the n.
	return 0
}

// scanURL returns the end of a URL or e-mail address starting at i, or i
// when there is none.
func scanURL(text string, i int) int {
	rest := text[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return i
	}
	j := i
	for j < len(text) {
		r, size := decode(text, j)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' {
			break
		}
		j += size
	}
	// Trailing punctuation belongs to the sentence.
	for j > i {
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		if r == '.' || r == ',' || r == ')' || r == ';' || r == ':' || r == '!' || r == '?' || r == '\'' || r == '’' {
			j -= size
			continue
		}
		break
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func threeDigits(text string, i int) bool {
	if i+3 > len(text) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigitByte(text[k]) {
			return false
		}
	}
	return i+3 == len(text) || !isDigitByte(text[i+3])
}

// isInitial reports whether w is a single upper-case letter ("J" in
// "J. Smith").
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isSpace(r)
}

func isLetterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := decode(text, i)
	return isLetter(r)
}

// caseFlags returns the Upper and AllUpper flags for a token's text.
func caseFlags(w string) doc.TokenFlags {
	var f doc.TokenFlags
	letters, upper := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return caseFlagsRunes(w)
		}
		k := asciiClass[c]
		if k&cLetter == 0 {
			continue
		}
		if letters == 0 && k&cUpper != 0 {
			f |= doc.Upper
		}
		letters++
		if k&cUpper != 0 {
			upper++
		}
	}
	if letters >= 2 && upper == letters {
		f |= doc.AllUpper
	}
	return f
}

// caseFlagsRunes is caseFlags for text that is not all ASCII.
func caseFlagsRunes(w string) doc.TokenFlags {
	var f doc.TokenFlags
	letters, upper := 0, 0
	first := true
	for _, r := range w {
		if !isLetter(r) {
			continue
		}
		letters++
		u := unicode.IsUpper(r)
		if u {
			upper++
		}
		if first && u {
			f |= doc.Upper
		}
		first = false
	}
	if letters >= 2 && upper == letters {
		f |= doc.AllUpper
	}
	return f
}

func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// isSpace reports white space, including no-break and zero-width spaces and
// the byte-order mark, which news text carries and which separate nothing.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	switch r {
	case 0x00A0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
		return true
	}
	return unicode.IsSpace(r)
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// The classes of ASCII characters, so that the rune tests below are
// small enough to inline and test ASCII with one load.
const (
	cLetter = 1 << iota
	cDigit
	cUpper
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = cLetter
		case 'A' <= c && c <= 'Z':
			t[c] = cLetter | cUpper
		case '0' <= c && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cDigit != 0
	}
	return isDigitRune(r)
}

// isDigitRune and isUpperRune are kept out of line so that their callers
// inline.
//
//go:noinline
func isDigitRune(r rune) bool { return unicode.IsDigit(r) }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cLetter != 0
	}
	return isLetterRune(r)
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cUpper != 0
	}
	return isUpperRune(r)
}

//go:noinline
func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(cLetter|cDigit) != 0
	}
	return isAlnumRune(r)
}

func isAlnumRune(r rune) bool { return isLetterRune(r) || unicode.IsDigit(r) }

// isApostrophe reports the marks that are apostrophes between letters and
// single quotation marks elsewhere.
// afterPunct reports whether the byte before text[i] is a sentence's or
// clause's punctuation mark.
func afterPunct(text string, i int) bool {
	if i == 0 {
		return false
	}
	switch text[i-1] {
	case '.', ',', '!', '?', ';', ':':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isQuoteMark reports quotation marks other than the apostrophe forms.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '„', '‟', '«', '»', '‹', '›', '‚', '`', '〝', '〞', '＂':
		return true
	}
	return false
}

func isPunct(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '-', '/', '\\', '*', '_':
			return true
		}
		return false
	}
	return unicode.IsPunct(r)
}
