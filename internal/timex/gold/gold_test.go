package gold

import (
	"testing"
	"time"

	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/shareddata"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/timex"
)

func analyzer(t testing.TB) Analyze {
	seg := segment.New(lexicon.MustDefault())
	tg, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := timex.Default()
	return func(text string, published time.Time) *doc.Document {
		d := &doc.Document{Text: text, Published: published}
		seg.Segment(d)
		tg.Tag(d)
		r.Find(d)
		return d
	}
}

func TestTBAQ(t *testing.T) {
	a := analyzer(t)
	for _, sub := range []string{"TimeBank", "AQUAINT"} {
		docs, err := ReadTimeMLDir(shareddata.Dir(t, "timeml-tempeval3", "TBAQ-cleaned", sub))
		if err != nil {
			t.Fatal(err)
		}
		r := ScoreTimeML(sub, docs, a)
		t.Log(r.String())
		if testing.Verbose() {
			for _, f := range r.Failures {
				t.Log("  ", f)
			}
		}
	}
}

func TestPlatinum(t *testing.T) {
	docs, err := ReadTimeMLDir(shareddata.Dir(t, "timeml-tempeval3", "te3-platinum"))
	if err != nil {
		t.Fatal(err)
	}
	r := ScoreTimeML("TE3 Platinum", docs, analyzer(t))
	t.Log(r.String())
}
