package quantity

import (
	"os"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lexReference is Lex written plainly, a rune at a time; Lex must give
// exactly its words.
func lexReference(text string, from, to int, dst []Word) []Word {
	if to > len(text) {
		to = len(text)
	}
	space := true
	for i := from; i < to; {
		c := text[i]
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		var kind WordKind
		var end int
		switch {
		case unicode.IsSpace(r) || r == '\u200b':
			space = true
			i += n
			continue
		case c < utf8.RuneSelf && (isDigit(c) || c == '.' && i+1 < to && isDigit(text[i+1]) && (i == from || !isDigit(text[i-1]))):
			kind, end = Digits, scanDigits(text, i, to)
		case unicode.IsLetter(r) && i+n <= to:
			kind, end = Letters, scanLettersReference(text, i, to)
		default:
			kind, end = Other, min(i+n, to)
		}
		dst = append(dst, Word{Start: i, End: end, Kind: kind, Space: space})
		i, space = end, false
	}
	return dst
}

// scanLettersReference is scanLetters a rune at a time.
func scanLettersReference(text string, i, to int) int {
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:to])
		letter := unicode.IsLetter(r) || r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r)
		joiner := (r == '\'' || r == '’') && i+n < to && isLetterAt(text, i+n, to)
		if !letter && !joiner {
			return i
		}
		i += n
	}
	return i
}

// lowerASCIIReference is LowerASCII a byte at a time.
func lowerASCIIReference(text string) string {
	for i := 0; i < len(text); i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' {
			b := []byte(text)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return text
}

func FuzzLex_SameAsReference(f *testing.F) {
	for _, s := range []string{
		"At 10km, Russia’s 1,234.5 “three-year” war", "rock'n'roll O'Neill's abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"naïve café Ærø Straße", "a.b.c .5 1.2.3 192.168.1.2", "x\u200by\u00a0z", "ABCDEFGH'", "abcdefgh’ijklmnop’",
		"Z[`@{zAa", "\xff\xfeabc", "AAAAAAAAAAAAAAAA1",
	} {
		f.Add(s, 0, len(s))
	}
	if b, err := os.ReadFile("testdata/bench/article.txt"); err == nil {
		f.Add(string(b), 0, len(b))
	}
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if from < 0 || from > len(s) || to < from {
			from, to = 0, len(s)
		}
		got, want := Lex(s, from, to, nil), lexReference(s, from, to, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("Lex(%q, %d, %d) = %v, want %v", s, from, to, got, want)
		}
		if got, want := LowerASCII(s), lowerASCIIReference(s); got != want {
			t.Fatalf("LowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestLex_RuneCutByEnd checks that a letter cut in two by the end of the
// range becomes a word of its own bytes (Lex once looped for ever on it).
func TestLex_RuneCutByEnd(t *testing.T) {
	s := "ï é"
	got := Lex(s, 0, 4, nil)
	want := []Word{{Start: 0, End: 2, Kind: Letters, Space: true}, {Start: 3, End: 4, Kind: Other, Space: true}}
	if !slices.Equal(got, want) {
		t.Errorf("Lex(%q, 0, 4) = %v, want %v", s, got, want)
	}
}
