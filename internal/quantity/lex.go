package quantity

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// WordKind classifies a Word.
type WordKind uint8

// The word kinds.
const (
	Letters WordKind = iota + 1 // a run of letters, with inner apostrophes: "kilometres", "baker's"
	Digits                      // a numeral in digits: "1,000", "2.5", ".08", "1e10", "12,34,567"
	Other                       // one other character: "$", "%", "-", "(", "½"
)

// Word is one lexical unit of a text, as the number and unit grammars see
// it: a run of letters, a numeral in digits, or one other character.
// Hyphens are words of their own, so "three-year" is three words.
type Word struct {
	Start, End int // byte offsets into the text
	Kind       WordKind
	Space      bool // white space comes before it
}

// Lex appends to dst the words of text[from:to] and returns the extended
// slice. It never fails: every non-space character belongs to a word.
func Lex(text string, from, to int, dst []Word) []Word {
	if to > len(text) {
		to = len(text)
	}
	space := true
	for i := from; i < to; {
		c := text[i]
		switch asciiClass[c] {
		case classSpace:
			space = true
			i++
			continue
		case classLetter:
			end := scanLetters(text, i, to)
			dst = append(dst, Word{Start: i, End: end, Kind: Letters, Space: space})
			i, space = end, false
			continue
		case classDigit:
			end := scanDigits(text, i, to)
			dst = append(dst, Word{Start: i, End: end, Kind: Digits, Space: space})
			i, space = end, false
			continue
		case classDot:
			if i+1 < to && isDigit(text[i+1]) && (i == from || !isDigit(text[i-1])) {
				end := scanDigits(text, i, to)
				dst = append(dst, Word{Start: i, End: end, Kind: Digits, Space: space})
				i, space = end, false
				continue
			}
			fallthrough
		case classOther:
			dst = append(dst, Word{Start: i, End: i + 1, Kind: Other, Space: space})
			i, space = i+1, false
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b':
			space = true
			i += n
		case unicode.IsLetter(r) && i+n <= to:
			end := scanLetters(text, i, to)
			dst = append(dst, Word{Start: i, End: end, Kind: Letters, Space: space})
			i, space = end, false
		default:
			if i+n > to {
				n = to - i
			}
			dst = append(dst, Word{Start: i, End: i + n, Kind: Other, Space: space})
			i, space = i+n, false
		}
	}
	return dst
}

// Byte classes for Lex: an ASCII byte is a space, a letter, a digit, a
// dot (a decimal point when a digit follows) or another character; a
// byte from 0x80 starts or continues a multi-byte rune.
const (
	classNonASCII = iota
	classSpace
	classLetter
	classDigit
	classDot
	classOther
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		switch {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v':
			t[c] = classSpace
		case isASCIILetter(b):
			t[c] = classLetter
		case isDigit(b):
			t[c] = classDigit
		case b == '.':
			t[c] = classDot
		default:
			t[c] = classOther
		}
	}
	return t
}()

// scanLetters returns the end of the run of letters at i: letters, combining
// marks, and apostrophes between letters.
func scanLetters(text string, i, to int) int {
	for i < to {
		// ASCII letters eight at a time: most words end within the first
		// eight bytes, with one predictable branch.
		for i+8 <= to {
			m := nonLetters(load64(text, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
			break
		}
		if i >= to {
			return i
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) {
				i++
				continue
			}
			if c == '\'' && i+1 < to && isLetterAt(text, i+1, to) && i > 0 {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:to])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '’' && i+n < to && isLetterAt(text, i+n, to) {
			i += n
			continue
		}
		return i
	}
	return i
}

// load64 returns the eight bytes of s at i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	lowBits  = 0x7f7f7f7f7f7f7f7f
	highBits = 0x8080808080808080
	caseBits = 0x2020202020202020
)

// inRange returns, for each byte of v below 0x80, its high bit set when
// the byte is in [lo, hi]; bytes from 0x80 get 0.
func inRange(v uint64, lo, hi byte) uint64 {
	x := v & lowBits
	ge := x + 0x0101010101010101*uint64(0x80-lo)   // high bit: byte >= lo
	gt := x + 0x0101010101010101*uint64(0x80-hi-1) // high bit: byte > hi
	return ge &^ gt &^ v & highBits
}

// nonLetters returns the high bit of each byte of v that is not an ASCII
// letter.
func nonLetters(v uint64) uint64 {
	return inRange(v|caseBits, 'a', 'z') ^ highBits
}

func isLetterAt(text string, i, to int) bool {
	if i >= to {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:to])
	return unicode.IsLetter(r)
}

// scanDigits returns the end of the numeral at i: digits with thousands
// separators (commas, Indian lakh grouping, narrow or no-break spaces),
// a decimal part, and an exponent ("1e10", "9.83e-3").
func scanDigits(text string, i, to int) int {
	j := i
	for j < to && isDigit(text[j]) {
		j++
	}
	intDigits := j - i
	// Thousands groups: 1,234,567 and the Indian 12,34,567; or groups
	// split by narrow no-break spaces: 40 000.
	if intDigits <= 3 && j < to && text[j] == ',' {
		w := j
		for w < to && text[w] == ',' {
			k := exactDigits(text, w+1, to, 3)
			if k == 0 {
				break
			}
			w = k
		}
		ind := j
		for ind+3 < to && text[ind] == ',' && exactDigits(text, ind+1, to, 2) > 0 && text[ind+3] == ',' {
			ind += 3
		}
		if k := exactDigits(text, ind+1, to, 3); ind > j && k > 0 {
			ind = k
		} else {
			ind = j
		}
		j = max(w, ind)
		if k := decimalComma(text, j, to); j == i+intDigits && k > 0 {
			j = k
		}
	} else if intDigits <= 3 {
		for j < to {
			n := groupSpace(text, j, to)
			if n == 0 {
				break
			}
			k := exactDigits(text, j+n, to, 3)
			if k == 0 {
				break
			}
			j = k
		}
	}
	// Decimal part, unless the numeral goes on with more dots
	// ("192.168.1.2", a version or an address).
	if j > i && j+1 < to && text[j] == '.' && isDigit(text[j+1]) {
		k := j + 1
		for k < to && isDigit(text[k]) {
			k++
		}
		if !(k+1 < to && text[k] == '.' && isDigit(text[k+1])) && !(j > i && dottedBefore(text, i)) {
			j = k
		}
	} else if j == i && j < to && text[j] == '.' { // ".08"
		k := j + 1
		for k < to && isDigit(text[k]) {
			k++
		}
		j = k
	}
	if j == i {
		j++ // never an empty word
	}
	// Exponent.
	if j+1 < to && (text[j] == 'e' || text[j] == 'E') {
		k := j + 1
		if k < to && (text[k] == '-' || text[k] == '+') {
			k++
		}
		m := k
		for m < to && isDigit(text[m]) {
			m++
		}
		if m > k && (m >= to || !isASCIILetter(text[m])) {
			j = m
		}
	}
	return j
}

// decimalComma returns the end of a decimal comma at j, or 0: a comma,
// one or two digits and a word of scale ("R1,2-million", "R3,5
// billion", "€2,5 milliards"). A thousands separator is followed by
// three digits, so the comma is a decimal one, as in South African and
// continental writing.
func decimalComma(text string, j, to int) int {
	if j >= to || text[j] != ',' {
		return 0
	}
	k := exactDigits(text, j+1, to, 1)
	if k == 0 {
		k = exactDigits(text, j+1, to, 2)
	}
	if k == 0 {
		return 0
	}
	m := k
	if m < to && (text[m] == ' ' || text[m] == '-') {
		m++
	}
	e := m
	for e < to && isASCIILetter(text[e]) {
		e++
	}
	switch strings.ToLower(text[m:e]) {
	case "million", "millions", "billion", "billions", "trillion", "trillions", "milliard", "milliards", "bn", "mn", "mln", "bln", "tn":
		return k
	}
	return 0
}

// dottedBefore reports whether the numeral at i follows "digits." (the
// tail of an address like 192.168.1.2).
func dottedBefore(text string, i int) bool {
	return i >= 2 && text[i-1] == '.' && isDigit(text[i-2])
}

// exactDigits returns the end of exactly n digits at i, not followed by
// another digit, or 0.
func exactDigits(text string, i, to, n int) int {
	if i+n > to {
		return 0
	}
	for k := i; k < i+n; k++ {
		if !isDigit(text[k]) {
			return 0
		}
	}
	if i+n < to && isDigit(text[i+n]) {
		return 0
	}
	return i + n
}

// groupSpace returns the length of a digit-group space at i (narrow
// no-break space, no-break space or thin space), or 0.
func groupSpace(text string, i, to int) int {
	if i+2 <= to && text[i] == 0xC2 && text[i+1] == 0xA0 {
		return 2
	}
	if i+3 <= to && text[i] == 0xE2 && text[i+1] == 0x80 && (text[i+2] == 0xAF || text[i+2] == 0x89) {
		return 3
	}
	return 0
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// LowerASCII returns text with ASCII letters in lower case. Byte offsets
// are unchanged, so the result can be sliced with the same spans.
func LowerASCII(text string) string {
	i := 0
	for ; i+8 <= len(text); i += 8 {
		if inRange(load64(text, i), 'A', 'Z') != 0 {
			break
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(text) {
		return text
	}
	b := []byte(text)
	j := i &^ 7
	for ; j+8 <= len(b); j += 8 {
		v := binary.LittleEndian.Uint64(b[j:])
		binary.LittleEndian.PutUint64(b[j:], v+inRange(v, 'A', 'Z')>>2)
	}
	for ; j < len(b); j++ {
		if 'A' <= b[j] && b[j] <= 'Z' {
			b[j] += 'a' - 'A'
		}
	}
	// b is ours and never changes again: the string can share it rather
	// than copy it.
	return unsafe.String(unsafe.SliceData(b), len(b))
}
