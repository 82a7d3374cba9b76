package quantity

import (
	"math"
	"testing"
)

func TestText_Number(t *testing.T) {
	tests := []struct {
		in    string
		text  string // the numeral read at the first word
		value float64
		frac  bool
	}{
		{"1,000 kilometres", "1,000", 1000, false},
		{"2.3 million people", "2.3 million", 2.3e6, false},
		{"three", "three", 3, false},
		{"a dozen eggs", "a dozen", 12, false},
		{"a fifth of the country", "a fifth", 0.2, true},
		{"two-thirds of Donetsk", "two-thirds", 2.0 / 3, true},
		{"one hundred and six", "one hundred and six", 106, false},
		{"twenty-one trillion", "twenty-one trillion", 21e12, false},
		{"12,34,567.89", "12,34,567.89", 1234567.89, false},
		{"10 1/2 miles", "10 1/2", 10.5, true},
		{"3/4", "3/4", 0.75, true},
		{"$2.3bn", "", 0, false},
		{"2.3bn", "2.3bn", 2.3e9, false},
		{"10k", "10k", 1e4, false},
		{"one and a half", "one and a half", 1.5, true},
		{"five and a half million", "five and a half million", 5.5e6, false},
		{"half a million", "half a million", 5e5, false},
		{"one in five adults", "one in five", 0.2, true},
		{"two hundred point zero three", "two hundred point zero three", 200.03, false},
		{"minus five", "minus five", -5, false},
		{"-4/5", "-4/5", -0.8, true},
		{"1.3x10^6", "1.3x10^6", 1.3e6, false},
		{"40\u202f000", "40\u202f000", 40000, false},
		{"three lakh crore", "three lakh crore", 3e12, false},
		{"1-billion aid package", "1-billion", 1e9, false},
		{"2.5-million-strong crowd", "2.5-million", 2.5e6, false},
		{"3-1 win", "3", 3, false},
		{"1-1/2 year feud", "1-1/2", 1.5, true},
		{"2-1/2-hour wait", "2-1/2", 2.5, true},
		{"three-and-a-half-hour session", "three-and-a-half", 3.5, true},
		{"two-and-a-half men", "two-and-a-half", 2.5, true},
		{"$327 million two years ago", "", 0, false},
		{"327 million two years ago", "327 million", 327e6, false},
		{"1.2 billion forty days later", "1.2 billion", 1.2e9, false},
		{"two million two hundred thousand", "two million two hundred thousand", 2.2e6, false},
		{"800 million and 1.1 billion kroner", "800 million", 8e8, false},
		{"800 million and 900 million", "800 million", 8e8, false},
		{"6 crore and two hundred", "6 crore and two hundred", 60000200, false},
	}
	for _, tt := range tests {
		tx := NewText(tt.in, 0, len(tt.in), nil)
		n, ok := tx.Number(0)
		if tt.text == "" {
			if ok {
				t.Errorf("Number(%q) = %g, want none at the first word", tt.in, n.Value)
			}
			continue
		}
		if !ok {
			t.Errorf("Number(%q): none, want %g", tt.in, tt.value)
			continue
		}
		got := tt.in[tx.Words[n.First].Start:tx.Words[n.End-1].End]
		if got != tt.text || math.Abs(n.Value-tt.value) > 1e-9*math.Max(1, math.Abs(tt.value)) || n.Fraction != tt.frac {
			t.Errorf("Number(%q) = %q %g fraction=%v, want %q %g fraction=%v", tt.in, got, n.Value, n.Fraction, tt.text, tt.value, tt.frac)
		}
	}
}

// TestText_Number_ScaledExactly holds a decimal figure with a scale to
// its exact value, as a decimal, not as the binary product makes it.
func TestText_Number_ScaledExactly(t *testing.T) {
	tests := []struct {
		in    string
		value float64
	}{
		{"4.1 billion", 4100000000}, {"8.2bn", 8200000000}, {"0.7 million", 700000}, {"3.3 trillion", 3300000000000},
		{"1.15 million", 1150000}, {"2.675k", 2675}, {"9.99 million", 9990000}, {"1.2345678k", 1234.5678},
	}
	for _, tt := range tests {
		tx := NewText(tt.in, 0, len(tt.in), nil)
		if n, ok := tx.Number(0); !ok || n.Value != tt.value {
			t.Errorf("Number(%q) = %v (%v), want exactly %v", tt.in, n.Value, ok, tt.value)
		}
	}
}

func TestText_Ordinal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"third", 3}, {"21st", 21}, {"twenty-first", 21}, {"hundredth", 100},
	}
	for _, tt := range tests {
		tx := NewText(tt.in, 0, len(tt.in), nil)
		if v, _, ok := tx.Ordinal(0); !ok || v != tt.want {
			t.Errorf("Ordinal(%q) = %g, %v; want %g", tt.in, v, ok, tt.want)
		}
	}
}

func TestLex_Words(t *testing.T) {
	in := "At 10km, Russia’s 1,234.5 “three-year” war"
	var got []string
	for _, w := range Lex(in, 0, len(in), nil) {
		got = append(got, in[w.Start:w.End])
	}
	want := []string{"At", "10", "km", ",", "Russia’s", "1,234.5", "“", "three", "-", "year", "”", "war"}
	if len(got) != len(want) {
		t.Fatalf("Lex = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Lex = %q, want %q", got, want)
		}
	}
}
