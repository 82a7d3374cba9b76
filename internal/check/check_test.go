package check

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
)

func TestNum_Format(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{621.371, 1, "621"},
		{1429.15, 1, "1,429"},
		{745.645, 10, "750"},
		{1.86, 0, "1.86"},
		{0.5, 0.1, "0.5"},
		{2300000, 1, "2,300,000"},
		{-18.5, 0.1, "-18.5"},
	}
	for _, tt := range tests {
		if got := num(tt.v, tt.step); got != tt.want {
			t.Errorf("num(%g, %g) = %q, want %q", tt.v, tt.step, got, tt.want)
		}
	}
}

func TestRelOff_Rounding(t *testing.T) {
	tests := []struct {
		stated, exact, step float64
		fires               bool
	}{
		{680, 621.37, 10, true},    // 1,000 km (680 miles)
		{1430, 1429.15, 10, false}, // 2,300 km (1,430 miles)
		{2, 1.864, 1, false},       // 3 km (2 miles): within the rounding of "2"
		{113, 113, 1, false},       // 45C (113F)
		{900, 745.6, 100, true},    // 1,200 km (900 miles)
		{3e8, 2.56e8, 1e8, true},   // 412 million km (300 million miles): the rounding of "300 million" is capped at 10%
		{3e6, 3.169e6, 1e6, false}, // 5.1 million km (3 million miles)
	}
	for _, tt := range tests {
		if got := relOff(tt.stated, tt.exact, tt.step) > 0.05; got != tt.fires {
			t.Errorf("relOff(%g, %g, %g) > 5%% = %v, want %v", tt.stated, tt.exact, tt.step, got, tt.fires)
		}
	}
}

func TestConversionLink(t *testing.T) {
	tests := []struct {
		gap, after string
		want       bool
	}{
		{" (", ") across", true},
		{" (about ", ") long", true},
		{", or ", ", a record", true},
		{" and ", " of", false},
		{" (", " and more", false},
	}
	for _, tt := range tests {
		if got := conversionLink(tt.gap, "x"+tt.after, 1); got != tt.want {
			t.Errorf("conversionLink(%q, %q) = %v, want %v", tt.gap, tt.after, got, tt.want)
		}
	}
}

func TestBounds_Hedges(t *testing.T) {
	tests := []struct {
		qualifier string
		lo, hi    float64
	}{
		{"", 11.5, 12.5},
		{"at least", 11.5, math.Inf(1)},
		{"up to", 0, 12.5},
		{"about", 10.35, 13.75},
	}
	for _, tt := range tests {
		q := &doc.Quantity{Value: 12, Max: 12, Step: 1, Qualifier: tt.qualifier}
		lo, hi := bounds(q, 12, 1)
		if math.Abs(lo-tt.lo) > 1e-9 || hi != tt.hi && math.Abs(hi-tt.hi) > 1e-9 {
			t.Errorf("bounds(%q 12) = [%g, %g], want [%g, %g]", tt.qualifier, lo, hi, tt.lo, tt.hi)
		}
	}
}

func ExampleChecker_Run() {
	d := analyze(nil, "The wall runs for 1,000 kilometres (680 miles) along the border.", time.Time{})
	for _, c := range d.Checks {
		fmt.Println(c.Kind, c.Severity+":", c.Message)
	}
	// Output: conversion error: 1,000 kilometres is 621 miles, not 680 (9.4% off)
}

func BenchmarkChecker_Run(b *testing.B) {
	text, err := os.ReadFile("../quantity/testdata/bench/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := analyze(b, string(text), time.Date(2024, 2, 12, 0, 0, 0, 0, time.UTC))
	c, err := defaultChecker()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		c.Run(d)
	}
}

// TestHasPrefixLower holds hasPrefixLower to lowering all of the text.
func TestHasPrefixLower(t *testing.T) {
	for _, s := range []string{
		"Of the 120 delegates, 70 voted for", "OF THE board", "of 40 seats", "Of", "", "Often the",
		"Of\u00a0the", "ÖF the", "Of thé", "Of the\u212a", "\xffof the", "of the ",
	} {
		for _, p := range []string{"of the ", "of "} {
			if got, want := hasPrefixLower(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
				t.Errorf("hasPrefixLower(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}

func TestUnitWord_Plural(t *testing.T) {
	for name, want := range map[string]string{
		"day": "days", "century": "centuries", "foot": "feet", "storey": "storeys",
		"mile per hour": "miles per hour", "degree fahrenheit": "degrees fahrenheit",
	} {
		if got := unitWord(name, 2); got != want {
			t.Errorf("unitWord(%q, 2) = %q, want %q", name, got, want)
		}
	}
}
