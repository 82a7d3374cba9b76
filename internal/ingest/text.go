package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// Errors that describe why an input was refused. They are wrapped with
// detail (an offset, a size), so test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("looks binary, not text")
	ErrTooLarge = errors.New("too large")
	ErrNoText   = errors.New("no article text found")
)

// FromText makes a document of plain text read from a file. The text is
// kept as it is on disk, so that code-point offsets into Document.Text
// index the file as Python reads it with encoding="utf-8" (a byte-order
// mark stays as character 0; "\r\n" stays two characters).
//
// Input that is not valid UTF-8 is read on a best-effort basis: every byte
// that is not part of a valid UTF-8 sequence becomes its Windows-1252
// character (one code point per byte, so offsets still count the file as
// Python reads it with encoding="utf-8", errors="surrogateescape"), and a
// warning says so. A file that starts with a UTF-16 byte-order mark is
// decoded from UTF-16 (the mark dropped, as Python's "utf-16" codec does).
// Empty and binary input are refused with ErrEmpty and ErrBinary.
func FromText(b []byte) (*doc.Document, []string, error) {
	text, warn, err := decodeText(b)
	if err != nil {
		return nil, nil, err
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return nil, nil, ErrEmpty
	}
	return &doc.Document{Text: text}, warn, nil
}

// decodeText turns the bytes of a text file into a string, refusing binary
// content, and returns warnings about what it had to repair.
func decodeText(b []byte) (string, []string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", nil, ErrEmpty
	}
	if s, ok := decodeUTF16(b); ok {
		return s, []string{"decoded from UTF-16 (byte-order mark dropped)"}, nil
	}
	if err := checkBinary(b); err != nil {
		return "", nil, err
	}
	if utf8.Valid(b) {
		return string(b), nil, nil
	}
	s, bad, first := repairUTF8(b)
	if bad*4 > len(b) {
		return "", nil, fmt.Errorf("%w (%d of %d bytes are not UTF-8)", ErrBinary, bad, len(b))
	}
	return s, []string{fmt.Sprintf("not valid UTF-8: %d byte(s) read as Windows-1252, the first at byte offset %d", bad, first)}, nil
}

// checkBinary refuses input with a NUL byte, or whose first 64 KiB are more
// than 10% control characters other than white space.
func checkBinary(b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Errorf("%w (a NUL byte at offset %d)", ErrBinary, i)
	}
	sample := b[:min(len(b), 64<<10)]
	ctrl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7f {
			ctrl++
		}
	}
	if ctrl*10 > len(sample) {
		return fmt.Errorf("%w (%d control characters in the first %d bytes)", ErrBinary, ctrl, len(sample))
	}
	return nil
}

// decodeUTF16 decodes b when it starts with a UTF-16 byte-order mark.
func decodeUTF16(b []byte) (string, bool) {
	if len(b) < 2 || len(b)%2 != 0 {
		return "", false
	}
	var be bool
	switch {
	case b[0] == 0xFE && b[1] == 0xFF:
		be = true
	case b[0] == 0xFF && b[1] == 0xFE:
	default:
		return "", false
	}
	u := make([]uint16, 0, len(b)/2-1)
	for i := 2; i+1 < len(b); i += 2 {
		if be {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	s := string(utf16.Decode(u))
	if strings.ContainsRune(s, 0) {
		return "", false
	}
	return s, true
}

// repairUTF8 keeps the valid UTF-8 sequences of b and reads every other
// byte as its Windows-1252 character. It returns the text, the number of
// bytes repaired and the offset of the first.
func repairUTF8(b []byte) (string, int, int) {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	bad, first := 0, -1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			bad++
			sb.WriteRune(windows1252(b[i]))
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	return sb.String(), bad, first
}

// cp1252 maps the bytes 0x80 to 0x9F of Windows-1252; the five bytes it
// leaves undefined map to the C1 controls of the same value, as the WHATWG
// Encoding Standard does.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// windows1252 returns the character of byte c in Windows-1252.
func windows1252(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252[c-0x80]
	}
	return rune(c)
}
