package entity

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/linear"
)

func TestPint_SameAsLinear(t *testing.T) {
	for tmpl := pBias; tmpl <= pCross; tmpl++ {
		for _, v := range []int{0, 1, 's', 'o' << 8, 3<<16 | 'p'<<8 | 1, 1 << 40, -1} {
			if got, want := pint(tmpl, v), linear.Int(tmpl, v); got != want {
				t.Errorf("pint(%d, %d) = %x, want %x", tmpl, v, got, want)
			}
		}
		for _, s := range []string{"", "he", "Said", "WHO", "Ünïcode"} {
			if got, want := pstr(tmpl, s), linear.Str(tmpl, s); got != want {
				t.Errorf("pstr(%d, %q) = %x, want %x", tmpl, s, got, want)
			}
			if got, want := plower(tmpl, s), linear.Lower(tmpl, s); got != want {
				t.Errorf("plower(%d, %q) = %x, want %x", tmpl, s, got, want)
			}
		}
	}
}
