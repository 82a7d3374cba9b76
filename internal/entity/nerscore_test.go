package entity

import (
	"math"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/formcache"
)

// nerTestText is composed for the test: names, titles, a long word the
// cache does not hold, non-ASCII letters and a sentence of one word.
const nerTestText = `Mayor Ana-María Þórsdóttir of Reykjavík told the Über-Long-Hyphenated-Name-Of-A-Committee-For-Testing on Tuesday that the U.S. Department of State had not replied.
"We will see," said Dr. Jean-Luc O'Neill Jr., 54, a spokesman for the Ministry of Health.
Yes.
Ólafur Ragnar Grímsson and Vladimir Putin met in the Kremlin with 3 officials from NATO.`

// TestNERModel_Score_SameAsFeatures checks that the tagger's scores, made
// from cached word parts and looked-up rows, are bit for bit what scoring
// nerFeatures' list gives, for every word and every two labels before it,
// with and without the word cache, and for every part of speech a word of
// the composed text may carry.
func TestNERModel_Score_SameAsFeatures(t *testing.T) {
	texts := testTexts(t, 8, nerTestText)
	an := newAnalyser(t)
	base := an.r
	small := base.WithMargin(DefaultMargin)
	small.words = formcache.New[wordInfo](formcache.Ways)
	nm := base.ner
	nc := len(nm.m.Classes)
	want := make([]float32, nc)
	var gotv vec
	got := gotv[:nc]
	var feats []uint64
	for _, r := range []*Resolver{base, small} {
		var ws wordScratch
		for _, text := range texts {
			d := an.tagged(text)
			for _, s := range d.Sentences {
				var words []string
				var pos []doc.POS
				for _, tok := range d.Tokens[s.FirstTok:s.EndTok] {
					words = append(words, d.Text[tok.Start:tok.End])
					pos = append(pos, tok.POS)
				}
				gaz := make([]uint32, len(words))
				infos := r.infos(words, &ws)
				r.gaz.flags(words, infos, gaz, nil)
				check := func(i int, prev, prev2 uint8) {
					feats = nerFeatures(feats[:0], words, pos, gaz, i, prev, prev2)
					nm.m.Score(feats, want)
					nm.score(infos, pos, gaz, i, prev, prev2, &gotv)
					for c := range want {
						if math.Float32bits(want[c]) != math.Float32bits(got[c]) {
							t.Fatalf("%q (word %d of %q, tag %d) after %d, %d: class %d scores %v, want %v", words[i], i, words, pos[i], prev, prev2, c, got[c], want[c])
						}
					}
				}
				for i := range words {
					for prev := range numLabels {
						for prev2 := range numLabels {
							check(i, prev, prev2)
						}
					}
				}
				if text != nerTestText {
					continue
				}
				// Every tag a word may carry, those outside the tag set
				// included, after every label.
				for i := range words {
					tag := pos[i]
					for p := range 256 {
						pos[i] = doc.POS(p)
						for prev := range numLabels {
							check(i, prev, lO)
						}
					}
					pos[i] = tag
				}
			}
		}
	}
}
