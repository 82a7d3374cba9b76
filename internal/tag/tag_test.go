package tag

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/formcache"
	"github.com/verbatim-news/verbatim/internal/linear"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// TestTagger_DevAccuracy scores the embedded tagger against CoreNLP's tags
// on the PolNeAR dev split (CoreNLP's tokens) and holds a floor.
func TestTagger_DevAccuracy(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	arts, err := polnear.Load(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var right, total int
	var words []string
	var gold []string
	var out []doc.POS
	for _, a := range arts {
		sent := -1
		flush := func() {
			out = tg.TagWords(words, out[:0])
			for i, p := range out {
				total++
				if p.String() == gold[i] {
					right++
				}
			}
			words, gold = words[:0], gold[:0]
		}
		for _, tok := range a.Tokens {
			if tok.Sent != sent && len(words) > 0 {
				flush()
			}
			sent = tok.Sent
			words = append(words, a.Text[tok.Start:tok.End])
			gold = append(gold, tok.POS)
		}
		if len(words) > 0 {
			flush()
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("POS accuracy on dev: %.4f (%d tokens)", acc, total)
	if acc < 0.95 {
		t.Errorf("POS accuracy %.4f below floor 0.95", acc)
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"Putin": "Xx", "1,000": "d,d", "U.S.": "X.X.", "three-year": "x-x", "McDonald": "XxXx"} {
		if got := Shape(in); got != want {
			t.Errorf("Shape(%q) = %q, want %q", in, got, want)
		}
	}
}

// composed is a short report written for these tests, one sentence a
// line, tokens separated by spaces.
var composed = strings.Split(strings.TrimSpace(`
The city council voted 7-2 on Tuesday to close the old ferry terminal , a decision residents said came too late .
“ We have been asking for this since 2019 , ” said Maria Okafor , who chairs the harbour residents ’ association .
The terminal , which opened in 1968 , lost $ 4.2 million last year , according to figures released by the council .
Councillor Dev Patel , one of the two members who voted against the plan , told reporters he was n’t convinced .
“ It ’s a mistake to shut a working pier before we know what replaces it , ” he said .
Officials expect demolition to begin in March and to cost about 1,200,000 euros .
A spokesperson for the port authority declined to comment , citing ongoing negotiations with contractors .
Details were posted at https://council.example.org/minutes/2024/ferry-terminal-closure-vote-record .
Why now ?
Nobody could say .
`), "\n")

// refTagWords tags words the plain way: Features for every word, scored
// from zero. TagWords must give exactly its tags and scores.
func refTagWords(tg *Tagger, words []string) ([]doc.POS, [][]float32) {
	var out []doc.POS
	var all [][]float32
	prev, prev2 := "<s>", "<s>"
	for i := range words {
		fs := Features(nil, words, i, prev, prev2)
		scores := make([]float32, len(tg.m.Classes))
		tg.m.Score(fs, scores)
		all = append(all, scores)
		p := tg.tags[linear.Argmax(scores)]
		out = append(out, p)
		prev2, prev = prev, p.String()
	}
	return out, all
}

// checkSameTags checks that TagWords, on the sentences of sents, computes
// exactly the scores of the plain tagger, whatever its cache holds: cache
// sizes 2 (almost every word uncached) and the default, and several
// goroutines at once.
func checkSameTags(t *testing.T, sents [][]string) {
	t.Helper()
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tiny, err := newTagger(def.m, formcache.Ways)
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range []*Tagger{tiny, def} {
		var wg sync.WaitGroup
		for g := range 3 {
			wg.Go(func() {
				var out []doc.POS
				for k, words := range sents {
					if k%3 != g && g > 0 {
						continue
					}
					want, scores := refTagWords(tg, words)
					same := true
					out = tg.tag(tg.newScratch(), words, out[:0], func(i int, sc []float32) {
						same = same && slices.Equal(sc, scores[i])
					})
					if !same || !slices.Equal(out, want) {
						t.Errorf("cache %d: TagWords(%q) = %v, want %v (same scores: %v)", tg.cache.Len(), words, out, want, same)
						return
					}
				}
			})
		}
		wg.Wait()
	}
}

func TestTagger_TagWords_SameAsFeatures(t *testing.T) {
	var sents [][]string
	for _, line := range composed {
		sents = append(sents, strings.Fields(line))
	}
	sents = append(sents, nil, []string{"Yes"}, []string{"’S", "n’t"})
	checkSameTags(t, sents)
}

// TestTagger_TagWords_SameAsFeaturesOnPolNeAR checks every sentence of
// PolNeAR dev and train (train is skipped with -short).
func TestTagger_TagWords_SameAsFeaturesOnPolNeAR(t *testing.T) {
	for _, split := range []string{"dev", "train"} {
		t.Run(split, func(t *testing.T) {
			if split == "train" && testing.Short() {
				t.Skip("a million tokens; skipped with -short")
			}
			sents, _ := splitSentences(t, split)
			checkSameTags(t, sents)
		})
	}
}

// splitSentences returns the sentences of a PolNeAR split, in CoreNLP's
// tokens, and the size of its texts.
func splitSentences(tb testing.TB, split string) ([][]string, int) {
	arts, err := polnear.Load(shareddata.Dir(tb, "polnear", split), true)
	if err != nil {
		tb.Fatal(err)
	}
	var sents [][]string
	size := 0
	for _, a := range arts {
		size += len(a.Text)
		sent := -1
		for _, tok := range a.Tokens {
			if tok.Sent != sent {
				sents = append(sents, nil)
				sent = tok.Sent
			}
			sents[len(sents)-1] = append(sents[len(sents)-1], a.Text[tok.Start:tok.End])
		}
	}
	return sents, size
}

func TestTagger_Tag(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "She said it."}
	d.Tokens = []doc.Token{{Start: 0, End: 3}, {Start: 4, End: 8}, {Start: 9, End: 11}, {Start: 11, End: 12}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 12}, FirstTok: 0, EndTok: 4}}
	tg.Tag(d)
	var got []string
	for _, tok := range d.Tokens {
		got = append(got, tok.POS.String())
	}
	if want := []string{"PRP", "VBD", "PRP", "."}; !slices.Equal(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
}

// TestTagger_TagDoubledSingleMarks checks that two single marks the
// segmenter read as one double quotation mark are tagged as one.
func TestTagger_TagDoubledSingleMarks(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "‘‘It was an attempt to mislead voters,’’ Ana Ruiz told the Herald."
	d := &doc.Document{Text: text}
	var toks []doc.Token
	for _, w := range []string{"‘‘", "It", "was", "an", "attempt", "to", "mislead", "voters", ",", "’’", "Ana", "Ruiz", "told", "the", "Herald", "."} {
		at := strings.Index(text, w)
		if len(toks) > 0 {
			at = toks[len(toks)-1].End + strings.Index(text[toks[len(toks)-1].End:], w)
		}
		toks = append(toks, doc.Token{Start: at, End: at + len(w)})
	}
	d.Tokens = toks
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, FirstTok: 0, EndTok: len(toks)}}
	tg.Tag(d)
	if got := d.Tokens[0].POS; got != doc.TagOpenQ {
		t.Errorf("‘‘ tagged %v, want ``", got)
	}
	if got := d.Tokens[9].POS; got != doc.TagCloseQ {
		t.Errorf("’’ tagged %v, want ''", got)
	}
}

// BenchmarkTagger_TagWords tags the composed report and the sentences of
// PolNeAR dev (in CoreNLP's tokens); bytes are their texts.
func BenchmarkTagger_TagWords(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"composed", "dev"} {
		b.Run(name, func(b *testing.B) {
			var sents [][]string
			size := 0
			if name == "dev" {
				sents, size = splitSentences(b, "dev")
			} else {
				for _, line := range composed {
					sents = append(sents, strings.Fields(line))
					size += len(line) + 1
				}
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var out []doc.POS
			for b.Loop() {
				for _, s := range sents {
					out = tg.TagWords(s, out[:0])
				}
			}
		})
	}
}
