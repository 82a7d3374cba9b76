package entity

import (
	"path/filepath"
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/polnear"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
)

// testTexts returns texts followed by the first n PolNeAR dev articles,
// when the shared data is there.
func testTexts(t *testing.T, n int, texts ...string) []string {
	t.Helper()
	if root := shareddata.Root(); root != "" {
		arts, err := polnear.Load(filepath.Join(root, "polnear", "dev"), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts[:min(len(arts), n)] {
			texts = append(texts, a.Text)
		}
	}
	return texts
}

// analyser segments, tags and quote-scans texts for the tests, and
// resolves them with the default resolver.
type analyser struct {
	lex *lexicon.Set
	tg  *tag.Tagger
	r   *Resolver
}

func newAnalyser(t *testing.T) *analyser {
	t.Helper()
	lex := lexicon.MustDefault()
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(lex)
	if err != nil {
		t.Fatal(err)
	}
	return &analyser{lex, tg, r}
}

// tagged returns text segmented and tagged.
func (a *analyser) tagged(text string) *doc.Document {
	d := &doc.Document{Text: text}
	segment.New(a.lex).Segment(d)
	a.tg.Tag(d)
	return d
}

// detect returns the resolver's state after detecting the mentions of
// text, segmented, tagged and quote-scanned.
func (a *analyser) detect(text string) *state {
	d := a.tagged(text)
	quote.Scan(d)
	return a.r.detect(d, nil)
}
