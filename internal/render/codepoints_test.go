package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCodePoints_Of_Cases checks byte-to-code-point offsets against a
// direct count, at every byte offset of texts around the stride, including
// the end of a text whose length is a multiple of it.
func TestCodePoints_Of_Cases(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{"ascii", strings.Repeat("a", stride)},
		{"multiple-of-stride", "é" + strings.Repeat("a", stride-2)},
		{"two-strides", strings.Repeat("ü", stride)},
		{"just-over", "—" + strings.Repeat("a", stride)},
		{"empty", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCodePoints(tc.text)
			offsets := []int{len(tc.text)}
			for b := range tc.text { // every character's start
				offsets = append(offsets, b)
			}
			for _, b := range offsets {
				if got, want := c.Of(b), utf8.RuneCountInString(tc.text[:b]); got != want {
					t.Fatalf("Of(%d) = %d, want %d (text of %d bytes)", b, got, want, len(tc.text))
				}
			}
		})
	}
}
