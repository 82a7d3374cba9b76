package gold

import (
	"testing"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quantity"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

func analyzer(t testing.TB) Analyze {
	seg := segment.New(lexicon.MustDefault())
	f, err := quantity.Default()
	if err != nil {
		t.Fatal(err)
	}
	return func(text string) *doc.Document {
		d := &doc.Document{Text: text}
		seg.Segment(d)
		f.Find(d)
		return d
	}
}

func TestRecognizers(t *testing.T) {
	root := shareddata.Dir(t, "recognizers-text-specs-en")
	a := analyzer(t)
	for _, m := range Recognizers {
		r, err := ScoreRecognizers(root, m, a)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(r.String())
		if testing.Verbose() {
			for _, f := range r.Failures {
				t.Log("  ", f)
			}
		}
	}
}

func TestQuantulum(t *testing.T) {
	root := shareddata.Dir(t, "quantulum3-tests-en")
	rs, err := ScoreQuantulum(root, analyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		t.Log(r.String())
		if testing.Verbose() {
			for _, f := range r.Failures {
				t.Log("  ", f)
			}
		}
	}
}
